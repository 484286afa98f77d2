"""lanman.Session: context manager, paging generators that free each page,
the one-record helpers, reprs without passwords, several credentials."""
import gc
import inspect
import pickle

import pytest

import lanman
from conftest import SEEDED_USERS


def live():
    return lanman.buffer_stats()["live"]


def admin_session(dc, server=None):
    return lanman.Session(server or dc["LANMAN_TEST_SERVER"],
                          user=dc["LANMAN_TEST_USER"],
                          password=dc["LANMAN_TEST_PASSWORD"],
                          domain=dc["LANMAN_TEST_DOMAIN"])


def reinits():
    return lanman._core.context_reinits()


DEFAULT_MEMORY_BOUND = 16 * 1024 * 1024     # csrc/context.c


@pytest.fixture
def no_memory_reinit():
    """The core also re-initialises libnetapi when its context holds more
    than a bound (16 MiB); after the rest of the suite it may be close to
    it.  Start from a fresh context and lift the bound while counting."""
    lanman._core.context_shutdown()
    lanman._core.context_set_memory_bound(1 << 40)
    yield
    lanman._core.context_set_memory_bound(DEFAULT_MEMORY_BOUND)


def test_context_manager(dc, server):
    s = admin_session(dc)
    with s as entered:
        assert entered is s
        assert s.server == server
        assert s.creds.user == dc["LANMAN_TEST_USER"]
        assert s.domain == dc["LANMAN_TEST_DOMAIN"]
        assert s.server_info(100)["platform_id"] == 500
    with pytest.raises(ValueError, match="closed"):
        s.server_info(100)


def test_context_manager_closes_on_exception(dc):
    with pytest.raises(RuntimeError):
        with admin_session(dc) as s:
            raise RuntimeError("boom")
    with pytest.raises(ValueError):
        s.user("alice")


def test_closed_session_raises_value_error(dc):
    s = admin_session(dc)
    early = s.users(level=0)            # made before the close, run after
    s.close()
    calls = [lambda: s.user("alice", 2), lambda: s.server_info(101),
             lambda: s.wksta_info(100), lambda: s.share("lanmanshare", 1),
             lambda: list(s.users(level=0)), lambda: next(s.shares(1)),
             lambda: next(early)]
    before = lanman.buffer_stats()
    for call in calls:
        with pytest.raises(ValueError, match="closed"):
            call()
    assert lanman.buffer_stats() == before        # nothing was called
    s.close()                                     # closing twice is fine


def test_users_is_a_paging_generator_that_frees_each_page(session, server):
    gc.collect()
    baseline = live()
    allocated0 = lanman.buffer_stats()["allocated"]
    gen = session.users(level=0, prefmaxlen=256)
    assert inspect.isgenerator(gen)
    assert lanman.buffer_stats()["allocated"] == allocated0     # lazy
    names = []
    for rec in gen:
        assert live() == baseline, "a page is still held while iterating"
        assert list(rec) == ["name"]
        names.append(rec["name"])
    pages = lanman.buffer_stats()["allocated"] - allocated0
    assert pages > 1
    assert live() == baseline
    assert len(names) == len(set(names))
    assert set(SEEDED_USERS) <= set(names)
    buf, _total, resume = lanman.NetUserEnum(server, 0)
    with buf:
        assert resume == 0
        assert set(names) == {r["name"] for r in buf}


def test_users_partially_consumed(session):
    gc.collect()
    baseline = live()
    gen = session.users(level=20, prefmaxlen=300)
    first = [next(gen) for _ in range(3)]
    assert live() == baseline
    assert all(set(r) == set(lanman.LEVELS[("USER_INFO", 20)][1]) for r in first)
    gen.close()
    del gen
    gc.collect()
    assert live() == baseline


@pytest.mark.parametrize("level", [1, 3, 10, 23])
def test_users_levels_and_filter(session, level):
    users = {r["name"]: r for r in session.users(
        level=level, filter=lanman.FILTER_NORMAL_ACCOUNT, prefmaxlen=2048)}
    assert set(SEEDED_USERS) <= set(users)
    assert users["alice"]["comment"] == "lanman test user"
    assert not any(n.endswith("$") for n in users)


def test_user(session):
    alice = session.user("alice", 2)
    assert isinstance(alice, dict)
    assert alice["name"] == "alice"
    assert alice["full_name"] == "Alice Adams"
    assert alice["comment"] == "lanman test user"
    assert len(alice["logon_hours"]) == 21
    assert list(alice) == list(lanman.LEVELS[("USER_INFO", 2)][1])
    carol = session.user("carol", 1)
    assert carol["flags"] & lanman.UF_ACCOUNTDISABLE
    assert set(session.user("bob")) == set(lanman.LEVELS[("USER_INFO", 1)][1])


def test_server_info(session, dc):
    info = session.server_info(101)
    assert info["name"].lower() == dc["LANMAN_TEST_HOSTNAME"].lower()
    assert info["platform_id"] == 500
    assert list(info) == list(lanman.LEVELS[("SERVER_INFO", 101)][1])


def test_wksta_info(session, dc):
    info = session.wksta_info(100)
    assert info["langroup"] == dc["LANMAN_TEST_DOMAIN"]
    assert info["computername"].lower() == dc["LANMAN_TEST_HOSTNAME"].lower()


def test_shares(session, dc):
    gc.collect()
    baseline = live()
    gen = session.shares(1)
    assert inspect.isgenerator(gen)
    shares = {r["netname"]: r for r in gen}
    assert shares[dc["LANMAN_TEST_SHARE"]]["remark"] == "lanman test share"
    assert shares[dc["LANMAN_TEST_SHARE"]]["type"] == lanman.STYPE_DISKTREE
    assert "IPC$" in shares
    assert live() == baseline
    one = session.share(dc["LANMAN_TEST_SHARE"], 2)
    assert one["path"] == "C:" + dc["LANMAN_TEST_SHARE_PATH"].replace("/", "\\")


def test_one_record_helpers_free_their_buffer(session):
    gc.collect()
    before = lanman.buffer_stats()
    session.user("alice", 3)
    session.server_info(102)
    session.wksta_info(101)
    session.share("lanmanshare", 0)
    after = lanman.buffer_stats()               # no gc.collect() needed
    assert after["allocated"] == before["allocated"] + 4
    assert after["live"] == before["live"]


def test_session_errors_are_netapi_errors(session, server):
    with pytest.raises(lanman.NetApiError) as ei:
        session.share("no-such-share", 1)
    assert ei.value.function == "NetShareGetInfo"
    assert ei.value.server == server


# ---- passwords -------------------------------------------------------------

def test_reprs_never_show_the_password(dc):
    password = dc["LANMAN_TEST_PASSWORD"]
    s = admin_session(dc)
    texts = [repr(s), str(s), repr(s.creds), str(s.creds), f"{s!r} {s.creds!r}",
             repr(vars(s)) if hasattr(s, "__dict__") else ""]
    for text in texts:
        assert password not in text
    assert dc["LANMAN_TEST_USER"] in repr(s)
    assert dc["LANMAN_TEST_SERVER"] in repr(s)
    assert dc["LANMAN_TEST_USER"] in repr(s.creds)
    # the Credentials object keeps no Python copy of it
    for slot in type(s.creds).__slots__:
        value = getattr(s.creds, slot, None)
        assert password not in repr(value)
    assert not hasattr(s.creds, "password")
    with pytest.raises(Exception):
        pickle.dumps(s.creds)                     # no way to serialise it out


def test_repr_of_a_closed_session(dc, server):
    # A closed session still prints (in logs, tracebacks, debuggers).
    s = admin_session(dc)
    s.close()
    text = repr(s)
    assert server in text
    assert dc["LANMAN_TEST_PASSWORD"] not in text


def test_repr_of_standalone_credentials():
    c = lanman.Credentials("someone", "Pa55-visible?", "DOM", kerberos=True)
    assert "Pa55-visible?" not in repr(c)
    assert "someone" in repr(c) and "DOM" in repr(c)
    assert c.kerberos is True


# ---- several credentials ---------------------------------------------------

def test_two_sessions_alternate(dc, server, no_memory_reinit):
    admin = admin_session(dc)
    alice = lanman.Session(server, user="alice",
                           password=dc["LANMAN_TEST_SEED_PASSWORD"],
                           domain=dc["LANMAN_TEST_DOMAIN"])
    assert admin.creds is not alice.creds
    admin.server_info(100)
    state = {"expected": reinits(), "last": admin}

    def on(s, call):
        # a new libnetapi context exactly when the credentials change
        if s is not state["last"]:
            state["expected"] += 1
            state["last"] = s
        result = call()
        assert reinits() == state["expected"]
        return result

    for _ in range(3):
        a = on(admin, lambda: admin.user("alice", 20))
        a2 = on(admin, lambda: admin.server_info(101))
        b = on(alice, lambda: alice.user("alice", 20))
        c = on(admin, lambda: admin.user("bob", 10))
        d = on(alice, lambda: list(alice.users(level=0, prefmaxlen=512)))
        e = on(alice, lambda: list(alice.shares(1)))
        assert a == b
        assert a["full_name"] == "Alice Adams"
        assert a2["name"].lower() == dc["LANMAN_TEST_HOSTNAME"].lower()
        assert c["full_name"] == "Bob Brown"
        assert set(SEEDED_USERS) <= {r["name"] for r in d}
        assert dc["LANMAN_TEST_SHARE"] in {r["netname"] for r in e}


def test_sessions_alternating_with_failing_credentials(child, server):
    # Each session gets its own answer: the administrator's and alice's
    # calls work, a wrong password is a logon failure, the disabled carol
    # is told so -- in any order.
    proc, results = child("""
        seed = E["LANMAN_TEST_SEED_PASSWORD"]
        admin = lanman.Session(S, E["LANMAN_TEST_USER"], E["LANMAN_TEST_PASSWORD"], DOMAIN)
        alice = lanman.Session(S, "alice", seed, DOMAIN)
        wrong = lanman.Session(S, E["LANMAN_TEST_USER"], "not-" + seed, DOMAIN)
        carol = lanman.Session(S, "carol", seed, DOMAIN)
        order = [admin, wrong, alice, carol, admin, alice, wrong, wrong, carol, admin]
        for s in order:
            outcome(lambda: s.user("alice", 10))
        done()
    """, timeout=120)
    assert proc.returncode == 0, f"child died: rc {proc.returncode}\n{proc.stderr}"
    assert proc.stdout == ""
    got = [r["value"]["full_name"] if r["ok"] else r["name"] for r in results]
    ok, bad, off = "Alice Adams", "ERROR_LOGON_FAILURE", "ERROR_ACCOUNT_DISABLED"
    assert got == [ok, bad, ok, off, ok, ok, bad, bad, off, ok]
    assert all(r["server"] == server for r in results if not r["ok"])
