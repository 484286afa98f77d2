"""Local groups (aliases) against the real DC: NetLocalGroupEnum (paging),
GetInfo, Add/Del/SetInfo, NetLocalGroupGetMembers at every level (over SAMR
and LSA: libnetapi's is a stub), Add/Del/SetMembers by SID (level 0) and
by name (level 3: libnetapi aborts the process there, lanman resolves the
names first), all or nothing as on Windows; "who is in Administrators";
argument errors before anything is sent; the session helpers."""
import re
import time
import uuid

import pytest

import lanman
from conftest import fields, one, records

SID_RE = re.compile(r"^S-1-5-21-\d+-\d+-\d+-(\d+)$")
SidTypeUser, SidTypeGroup, SidTypeAlias, SidTypeWellKnownGroup = 1, 2, 4, 5


def member_names(server, group):
    """"DOMAIN\\name" of every member (level 3)."""
    return sorted(r["domainandname"]
                  for r in records(lanman.NetLocalGroupGetMembers(server, group, 3)))


def user_sid(server, name):
    with lanman.NetUserGetInfo(server, name, 23) as buf:
        return buf[0]["user_sid"]


@pytest.fixture(scope="module")
def domain(dc):
    return dc["LANMAN_TEST_DOMAIN"]


@pytest.fixture(scope="module")
def sids(server):
    return {name: user_sid(server, name) for name in ("alice", "bob", "carol", "Administrator")}


@pytest.fixture
def localgroup(server):
    """A fresh local group name; whatever the test left behind is deleted."""
    name = f"lm-l-{uuid.uuid4().hex[:8]}"
    yield name
    for n in (name, name + "-renamed"):
        try:
            lanman.NetLocalGroupDel(server, n)
        except lanman.NetApiError:
            pass


# ---- the level tables -------------------------------------------------------

def test_call_levels():
    assert lanman.call_levels("NetLocalGroupEnum") == (0, 1)
    assert lanman.call_levels("NetLocalGroupGetInfo") == (0, 1, 1002)
    assert lanman.call_levels("NetLocalGroupAdd") == (0, 1)
    assert lanman.call_levels("NetLocalGroupSetInfo") == (0, 1, 1002)
    assert lanman.call_levels("NetLocalGroupGetMembers") == (0, 1, 2, 3)
    for fn in ("NetLocalGroupAddMembers", "NetLocalGroupDelMembers",
               "NetLocalGroupSetMembers"):
        assert lanman.call_levels(fn) == (0, 3)
        assert lanman.call_family(fn) == "LOCALGROUP_MEMBERS_INFO"
    assert lanman.call_levels("NetLocalGroupDel") == ()


def test_level_fields_are_pywin32_keys():
    assert fields("LOCALGROUP_INFO", 0) == ["name"]
    assert fields("LOCALGROUP_INFO", 1) == ["name", "comment"]
    assert fields("LOCALGROUP_INFO", 1002) == ["comment"]
    assert fields("LOCALGROUP_MEMBERS_INFO", 0) == ["sid"]
    assert fields("LOCALGROUP_MEMBERS_INFO", 1) == ["sid", "sidusage", "name"]
    assert fields("LOCALGROUP_MEMBERS_INFO", 2) == ["sid", "sidusage", "domainandname"]
    assert fields("LOCALGROUP_MEMBERS_INFO", 3) == ["domainandname"]


# ---- NetLocalGroupEnum ------------------------------------------------------

@pytest.mark.parametrize("level", [0, 1])
def test_enum_every_level(server, level):
    recs = records(lanman.NetLocalGroupEnum(server, level))
    assert len(recs) >= 20
    for r in recs:
        assert list(r) == fields("LOCALGROUP_INFO", level)
    by = {r["name"]: r for r in recs}
    assert {"Administrators", "Users", "Guests", "Remote Desktop Users"} <= set(by)
    if level == 1:
        assert by["Administrators"]["comment"].startswith("Administrators have complete")


@pytest.mark.parametrize("level,prefmaxlen", [(0, 1), (1, 100), (1, 200), (1, 1000)])
def test_enum_pages_return_each_group_once(server, level, prefmaxlen):
    """libnetapi pages this call wrongly: ERROR_MORE_DATA with no records and
    a resume handle that goes round in circles (prefmaxlen 100), or an end
    after 5 of 25 groups (200).  lanman asks for everything and cuts pages."""
    everything = [r["name"] for r in records(lanman.NetLocalGroupEnum(server, level))]
    seen, pages, resume = [], 0, 0
    while True:
        buf, total, resume = lanman.NetLocalGroupEnum(server, level, resume, prefmaxlen)
        with buf:
            assert len(buf) >= 1
            seen += [r["name"] for r in buf]
        pages += 1
        assert total == len(everything)
        assert pages <= len(everything), "paging does not end"
        if resume == 0:
            break
    assert sorted(seen) == sorted(everything)
    assert len(set(seen)) == len(seen)
    if prefmaxlen <= 200:
        assert pages > 1


# ---- NetLocalGroupGetInfo ---------------------------------------------------

@pytest.mark.parametrize("level", [0, 1, 1002])
def test_getinfo_administrators(server, level):
    rec = one(lanman.NetLocalGroupGetInfo(server, "Administrators", level),
              "LOCALGROUP_INFO", level)
    if level != 1002:
        assert rec["name"] == "Administrators"
    if level != 0:
        assert rec["comment"].startswith("Administrators have complete")


@pytest.mark.parametrize("name", ["no-such-localgroup-lm", "Domain Admins"])
def test_getinfo_missing(server, name):
    """libnetapi says ERROR_NONE_MAPPED (1332); netapi32 NERR_GroupNotFound.
    A global group is no local group."""
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetLocalGroupGetInfo(server, name, 1)
    e = ei.value
    assert (e.code, e.name, e.function) == (2220, "NERR_GroupNotFound", "NetLocalGroupGetInfo")


# ---- NetLocalGroupGetMembers: who is in Administrators ----------------------

def test_who_is_in_administrators(server, domain, sids):
    """libnetapi's NetLocalGroupGetMembers is a stub (50); lanman asks SAMR
    and names the members over LSA."""
    recs = {r["domainandname"]: r
            for r in records(lanman.NetLocalGroupGetMembers(server, "Administrators", 2))}
    assert {f"{domain}\\Domain Admins", f"{domain}\\Enterprise Admins",
            f"{domain}\\Administrator"} <= set(recs)
    admin = recs[f"{domain}\\Administrator"]
    assert admin["sid"] == sids["Administrator"]
    assert admin["sidusage"] == SidTypeUser
    da = recs[f"{domain}\\Domain Admins"]
    assert SID_RE.match(da["sid"]).group(1) == "512"
    assert da["sidusage"] == SidTypeGroup


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_getmembers_every_level_agrees(server, domain, level):
    buf, total, resume = lanman.NetLocalGroupGetMembers(server, "Administrators", level)
    with buf:
        assert buf.level == ("LOCALGROUP_MEMBERS_INFO", level)
        recs = buf.records()
    assert resume == 0 and total == len(recs) >= 3
    by2 = {r["sid"]: r for r in records(lanman.NetLocalGroupGetMembers(server, "Administrators", 2))}
    for r in recs:
        assert list(r) == fields("LOCALGROUP_MEMBERS_INFO", level)
        if level in (0, 1):
            assert r["sid"] in by2
        if level == 1:
            full = by2[r["sid"]]
            assert full["domainandname"] == f"{domain}\\{r['name']}"
            assert full["sidusage"] == r["sidusage"]
    if level == 3:
        assert sorted(r["domainandname"] for r in recs) == \
            sorted(r["domainandname"] for r in by2.values())


def test_getmembers_well_known_members(server, domain):
    """BUILTIN\\Users holds NT AUTHORITY's INTERACTIVE and Authenticated
    Users (well-known groups) and Domain Users."""
    recs = {r["domainandname"]: r
            for r in records(lanman.NetLocalGroupGetMembers(server, "Users", 2))}
    assert recs["NT AUTHORITY\\Authenticated Users"]["sid"] == "S-1-5-11"
    assert recs["NT AUTHORITY\\Authenticated Users"]["sidusage"] == SidTypeWellKnownGroup
    assert recs["NT AUTHORITY\\INTERACTIVE"]["sid"] == "S-1-5-4"
    assert SID_RE.match(recs[f"{domain}\\Domain Users"]["sid"]).group(1) == "513"


def test_getmembers_pages(server):
    everything = [r["sid"] for r in records(lanman.NetLocalGroupGetMembers(server, "Administrators", 1))]
    seen, resume, pages = [], 0, 0
    while True:
        buf, total, resume = lanman.NetLocalGroupGetMembers(server, "Administrators", 1,
                                                             resume, 1)
        with buf:
            assert len(buf) == 1
            seen.append(buf[0]["sid"])
        pages += 1
        assert total == len(everything)
        if resume == 0:
            break
    assert pages == len(everything) >= 3
    assert seen == everything


def test_getmembers_of_an_empty_group(server, localgroup):
    lanman.NetLocalGroupAdd(server, 0, {"name": localgroup})
    for level in (0, 1, 2, 3):
        buf, total, resume = lanman.NetLocalGroupGetMembers(server, localgroup, level)
        with buf:
            assert len(buf) == 0
        assert (total, resume) == (0, 0)


@pytest.mark.parametrize("name", ["no-such-localgroup-lm", "Domain Admins", "alice"])
def test_getmembers_missing(server, name):
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetLocalGroupGetMembers(server, name, 2)
    e = ei.value
    assert (e.code, e.name, e.function, e.server) == (
        2220, "NERR_GroupNotFound", "NetLocalGroupGetMembers", server)


def test_getmembers_uses_the_calls_credentials(server, dc):
    """A wrong password fails the SAMR connection as it fails libnetapi's;
    another user's credentials are the ones used (and alice may read)."""
    bad = lanman.Credentials(dc["LANMAN_TEST_USER"], "Wr0ng-lanman-pw-7f3e9c", dc["LANMAN_TEST_DOMAIN"])
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetLocalGroupGetMembers(server, "Administrators", 0, creds=bad)
    assert (ei.value.code, ei.value.name) == (1326, "ERROR_LOGON_FAILURE")
    assert "Wr0ng" not in str(ei.value)
    alice = lanman.Credentials("alice", dc["LANMAN_TEST_SEED_PASSWORD"], dc["LANMAN_TEST_DOMAIN"])
    assert len(records(lanman.NetLocalGroupGetMembers(server, "Administrators", 2,
                                                      creds=alice))) >= 3
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetLocalGroupAddMembers(server, "Administrators", 3,
                                       [{"domainandname": "alice"}], creds=alice)
    assert ei.value.name == "ERROR_ACCESS_DENIED"


def test_getmembers_no_server_is_bad_netpath(unreachable):
    """Samba's RPC client says NT_STATUS_NO_MEMORY when nobody answers;
    netapi32 (and lanman) ERROR_BAD_NETPATH."""
    t0 = time.monotonic()
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetLocalGroupGetMembers(unreachable, "Administrators", 0)
    e = ei.value
    assert (e.code, e.name, e.function, e.server) == (
        53, "ERROR_BAD_NETPATH", "NetLocalGroupGetMembers", unreachable)
    assert time.monotonic() - t0 < 30


# ---- the round trip ---------------------------------------------------------

def test_round_trip(server, domain, sids, localgroup):
    g = localgroup
    base = lanman.buffer_stats()["live"]

    lanman.NetLocalGroupAdd(server, 1, {"name": g, "comment": "made by lanman"})
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetLocalGroupAdd(server, 0, {"name": g})
    assert (ei.value.code, ei.value.name) == (1379, "ERROR_ALIAS_EXISTS")
    assert one(lanman.NetLocalGroupGetInfo(server, g, 0), "LOCALGROUP_INFO", 0) == {"name": g}
    assert one(lanman.NetLocalGroupGetInfo(server, g, 1), "LOCALGROUP_INFO", 1) == \
        {"name": g, "comment": "made by lanman"}
    assert g in [r["name"] for r in records(lanman.NetLocalGroupEnum(server, 0))]

    lanman.NetLocalGroupSetInfo(server, g, 1002, {"comment": "set at 1002"})
    assert one(lanman.NetLocalGroupGetInfo(server, g, 1002), "LOCALGROUP_INFO", 1002) == \
        {"comment": "set at 1002"}
    lanman.NetLocalGroupSetInfo(server, g, 1, {"name": g, "comment": "set at 1"})
    assert one(lanman.NetLocalGroupGetInfo(server, g, 1), "LOCALGROUP_INFO", 1)["comment"] == "set at 1"

    # members by SID (level 0) and by name (level 3: never libnetapi's level 3)
    lanman.NetLocalGroupAddMembers(server, g, 0, [{"sid": sids["alice"]}])
    lanman.NetLocalGroupAddMembers(server, g, 3, [{"domainandname": f"{domain}\\bob"},
                                                  {"domainandname": "lanman-ops"},
                                                  {"domainandname": "NT AUTHORITY\\Authenticated Users"}])
    assert member_names(server, g) == sorted([
        f"{domain}\\alice", f"{domain}\\bob", f"{domain}\\lanman-ops",
        "NT AUTHORITY\\Authenticated Users"])
    by_sid = {r["sid"]: r for r in records(lanman.NetLocalGroupGetMembers(server, g, 1))}
    assert by_sid[sids["alice"]] == {"sid": sids["alice"], "sidusage": SidTypeUser, "name": "alice"}
    assert by_sid[sids["bob"]]["name"] == "bob"
    assert by_sid["S-1-5-11"]["sidusage"] == SidTypeWellKnownGroup
    assert [r for r in by_sid.values() if r["name"] == "lanman-ops"][0]["sidusage"] == SidTypeGroup

    # from the user's side: NetUserGetLocalGroups (the DC answers it)
    buf, _total = lanman.NetUserGetLocalGroups(server, "alice", 0)
    with buf:
        assert g in [r["name"] for r in buf]

    # twice: ERROR_MEMBER_IN_ALIAS, and nothing changed
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetLocalGroupAddMembers(server, g, 0, [{"sid": sids["carol"]}, {"sid": sids["alice"]}])
    assert (ei.value.code, ei.value.name) == (1378, "ERROR_MEMBER_IN_ALIAS")
    assert f"{domain}\\carol" not in member_names(server, g)

    # remove by name and by SID; a non-member: ERROR_MEMBER_NOT_IN_ALIAS
    lanman.NetLocalGroupDelMembers(server, g, 3, [{"domainandname": f"{domain}\\bob"}])
    lanman.NetLocalGroupDelMembers(server, g, 0, [{"sid": "S-1-5-11"}])
    assert member_names(server, g) == sorted([f"{domain}\\alice", f"{domain}\\lanman-ops"])
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetLocalGroupDelMembers(server, g, 3, [{"domainandname": "alice"},
                                                      {"domainandname": "bob"}])
    assert (ei.value.code, ei.value.name) == (1377, "ERROR_MEMBER_NOT_IN_ALIAS")
    assert f"{domain}\\alice" in member_names(server, g)   # all or nothing

    # set: by SID, by name, then empty
    lanman.NetLocalGroupSetMembers(server, g, 0, [{"sid": sids["carol"]}, {"sid": sids["alice"]}])
    assert member_names(server, g) == sorted([f"{domain}\\alice", f"{domain}\\carol"])
    lanman.NetLocalGroupSetMembers(server, g, 3, [{"domainandname": "bob"},
                                                  {"domainandname": f"{domain}\\bob"}])
    assert member_names(server, g) == [f"{domain}\\bob"]
    lanman.NetLocalGroupSetMembers(server, g, 0, [])
    assert member_names(server, g) == []
    lanman.NetLocalGroupSetMembers(server, g, 3, [])

    # rename at level 0
    lanman.NetLocalGroupSetInfo(server, g, 0, {"name": g + "-renamed"})
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetLocalGroupGetInfo(server, g, 0)
    assert ei.value.name == "NERR_GroupNotFound"
    assert one(lanman.NetLocalGroupGetInfo(server, g + "-renamed", 1), "LOCALGROUP_INFO", 1)["comment"] == "set at 1"
    lanman.NetLocalGroupSetInfo(server, g + "-renamed", 0, {"name": g})

    # delete: then every call says NERR_GroupNotFound
    lanman.NetLocalGroupDel(server, g)
    for call in (lambda: lanman.NetLocalGroupGetInfo(server, g, 1),
                 lambda: lanman.NetLocalGroupDel(server, g),
                 lambda: lanman.NetLocalGroupSetInfo(server, g, 1002, {"comment": "x"}),
                 lambda: lanman.NetLocalGroupGetMembers(server, g, 0),
                 lambda: lanman.NetLocalGroupAddMembers(server, g, 0, [{"sid": sids["alice"]}]),
                 lambda: lanman.NetLocalGroupAddMembers(server, g, 3, [{"domainandname": "alice"}]),
                 lambda: lanman.NetLocalGroupDelMembers(server, g, 3, [{"domainandname": "alice"}]),
                 lambda: lanman.NetLocalGroupSetMembers(server, g, 0, [{"sid": sids["alice"]}]),
                 lambda: lanman.NetLocalGroupSetMembers(server, g, 0, [])):
        with pytest.raises(lanman.NetApiError) as ei:
            call()
        assert (ei.value.code, ei.value.name) == (2220, "NERR_GroupNotFound")
    assert g not in [r["name"] for r in records(lanman.NetLocalGroupEnum(server, 0))]
    assert lanman.buffer_stats()["live"] == base


def test_members_that_do_not_exist_change_nothing(server, domain, sids, localgroup):
    """ERROR_NO_SUCH_MEMBER, as on Windows, and no member added: libnetapi
    stops half-way (the ones before are in), lanman undoes them."""
    g = localgroup
    lanman.NetLocalGroupAdd(server, 0, {"name": g})
    lanman.NetLocalGroupAddMembers(server, g, 0, [{"sid": sids["carol"]}])
    attempts = [
        (3, [{"domainandname": "alice"}, {"domainandname": "no-such-user-lm"}]),
        (3, [{"domainandname": "alice"}, {"domainandname": domain}]),        # a domain
        (3, [{"domainandname": "bob"}, {"domainandname": "NO-SUCH-DOMAIN\\bob"}]),
        (0, [{"sid": sids["alice"]}, {"sid": "S-1-5-21-1-2-3-4444"}]),
        (3, [{"domainandname": "alice"}, {"domainandname": "Everyone"}]),   # the DC refuses S-1-1-0
    ]
    for level, members in attempts:
        for call in (lanman.NetLocalGroupAddMembers, lanman.NetLocalGroupSetMembers):
            with pytest.raises(lanman.NetApiError) as ei:
                call(server, g, level, members)
            assert (ei.value.code, ei.value.name) == (1387, "ERROR_NO_SUCH_MEMBER"), (level, members)
            assert member_names(server, g) == [f"{domain}\\carol"], (call, level, members)


def test_level_3_member_calls_never_reach_libnetapis_crash(child, localgroup):
    """In a separate process, so that an abort there could not take this one
    down: every level 3 member call, then a clean exit."""
    proc, results = child(f"""
        G = {localgroup!r}
        lanman.NetLocalGroupAdd(S, 0, {{"name": G}}, creds=ADMIN)
        for call, members in [
                (lanman.NetLocalGroupAddMembers, [{{"domainandname": DOMAIN + "\\\\alice"}},
                                                  {{"domainandname": "bob"}}]),
                (lanman.NetLocalGroupDelMembers, [{{"domainandname": "alice"}}]),
                (lanman.NetLocalGroupSetMembers, [{{"domainandname": "carol"}}]),
                (lanman.NetLocalGroupAddMembers, [{{"domainandname": "no-such-user-lm"}}]),
                (lanman.NetLocalGroupDelMembers, [{{"domainandname": "no-such-user-lm"}}])]:
            outcome(lambda: call(S, G, 3, members, creds=ADMIN))
        outcome(lambda: lanman.NetLocalGroupGetMembers(S, G, 3, creds=ADMIN))
        lanman.NetLocalGroupDel(S, G, creds=ADMIN)
        done()
    """)
    assert proc.returncode == 0, proc.stderr
    assert "talloc" not in proc.stderr
    assert [r["ok"] for r in results] == [True, True, True, False, False, True]
    assert results[3]["name"] == results[4]["name"] == "ERROR_NO_SUCH_MEMBER"
    assert [r["domainandname"] for r in results[5]["value"]][0].endswith("\\carol")


def test_nested_and_builtin(server, domain, localgroup):
    """A local group may hold global groups and (on this DC) other local
    groups; BUILTIN members are named with their domain."""
    g = localgroup
    lanman.NetLocalGroupAdd(server, 0, {"name": g})
    lanman.NetLocalGroupAddMembers(server, g, 3, [{"domainandname": "Domain Admins"},
                                                  {"domainandname": "BUILTIN\\Guests"}])
    recs = {r["domainandname"]: r for r in records(lanman.NetLocalGroupGetMembers(server, g, 2))}
    assert recs[f"{domain}\\Domain Admins"]["sidusage"] == SidTypeGroup
    assert recs["BUILTIN\\Guests"]["sid"] == "S-1-5-32-546"
    assert recs["BUILTIN\\Guests"]["sidusage"] == SidTypeAlias


def test_rename_onto_an_existing_group(server, localgroup):
    lanman.NetLocalGroupAdd(server, 0, {"name": localgroup})
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetLocalGroupSetInfo(server, localgroup, 0, {"name": "Administrators"})
    assert (ei.value.code, ei.value.name) == (1379, "ERROR_ALIAS_EXISTS")


# ---- argument errors, before anything is sent -------------------------------

BAD_CALLS = [
    (lambda s: lanman.NetLocalGroupAdd(s, 1, {"name": "x", "members": []}), ValueError, ["members", "LOCALGROUP_INFO_1"]),
    (lambda s: lanman.NetLocalGroupAdd(s, 0, {}), ValueError, ["name", "required"]),
    (lambda s: lanman.NetLocalGroupAdd(s, 1002, {"comment": "x"}), ValueError, ["level"]),
    (lambda s: lanman.NetLocalGroupAdd(s, 1, {"name": "x", "comment": 3}), TypeError, ["comment"]),
    (lambda s: lanman.NetLocalGroupSetInfo(s, "Users", 1002, {}), ValueError, ["comment", "required"]),
    (lambda s: lanman.NetLocalGroupSetInfo(s, None, 1002, {"comment": "x"}), TypeError, ["groupname"]),
    (lambda s: lanman.NetLocalGroupGetInfo(s, "Users", 2), ValueError, ["level", "2"]),
    (lambda s: lanman.NetLocalGroupGetInfo(s, "x" * 257, 1), ValueError, ["groupname"]),
    (lambda s: lanman.NetLocalGroupEnum(s, 2), ValueError, ["level"]),
    (lambda s: lanman.NetLocalGroupDel(s, b"Users"), TypeError, ["groupname"]),
    (lambda s: lanman.NetLocalGroupGetMembers(s, "Users", 4), ValueError, ["level", "4"]),
    (lambda s: lanman.NetLocalGroupGetMembers(s, "", 0), ValueError, ["groupname"]),
    (lambda s: lanman.NetLocalGroupGetMembers(s, "Users", 0, None), TypeError, ["resume"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 0, []), ValueError, ["members"]),
    (lambda s: lanman.NetLocalGroupDelMembers(s, "Users", 3, []), ValueError, ["members"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 0, {"sid": "S-1-5-11"}), TypeError, ["members"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 0, [{"sid": "not-a-sid"}]), ValueError, ["sid"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 0, [{"sid": 11}]), TypeError, ["sid"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 0, [{"sid": "S-1-5-11"}, {}]), ValueError, ["sid", "required"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 0, [{"domainandname": "bob"}]), ValueError, ["domainandname"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 3, [{"domainandname": None}]), ValueError, ["domainandname"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 0, [{"sid": None}]), ValueError, ["sid"]),
    (lambda s: lanman.NetLocalGroupAdd(s, 0, {"name": None}), ValueError, ["name"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 3, [{"domainandname": "a\0b"}]), ValueError, ["domainandname"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 1, [{"sid": "S-1-5-11"}]), ValueError, ["level", "1"]),
    (lambda s: lanman.NetLocalGroupAddMembers(s, "Users", 2, [{"sid": "S-1-5-11"}]), ValueError, ["level", "2"]),
    (lambda s: lanman.NetLocalGroupSetMembers(s, "Users", 0, None), TypeError, ["members"]),
    (lambda s: lanman.NetLocalGroupSetMembers(s, "Users", 0, ["S-1-5-11"]), TypeError, ["dict"]),
    (lambda s: lanman.NetLocalGroupGetMembers(s, "Users", 0, creds=object()), TypeError, ["creds"]),
]


@pytest.mark.parametrize("call,exc,words", BAD_CALLS)
def test_argument_errors_name_the_argument_before_any_call(unreachable, call, exc, words):
    t0 = time.monotonic()
    with pytest.raises(exc) as ei:
        call(unreachable)
    assert time.monotonic() - t0 < 0.5
    for w in words:
        assert w in str(ei.value), (w, str(ei.value))


# ---- sessions ---------------------------------------------------------------

def test_session_helpers(session, domain, sids, localgroup):
    s = session
    names = [g["name"] for g in s.localgroups()]
    assert "Administrators" in names and "Users" in names
    assert [g["name"] for g in s.localgroups(level=0, prefmaxlen=1)] == names
    assert s.localgroup("Administrators")["comment"].startswith("Administrators")
    admins = [m["domainandname"] for m in s.localgroup_members("Administrators")]
    assert f"{domain}\\Domain Admins" in admins
    assert [m["sid"] for m in s.localgroup_members("Administrators", level=0, prefmaxlen=1)] == \
        [m["sid"] for m in s.localgroup_members("Administrators", level=0)]
    lanman.NetLocalGroupAdd(s.server, 0, {"name": localgroup}, creds=s.creds)
    s.add_localgroup_members(localgroup, "alice", sids["bob"], "NT AUTHORITY\\Authenticated Users")
    assert sorted(m["domainandname"] for m in s.localgroup_members(localgroup)) == sorted([
        f"{domain}\\alice", f"{domain}\\bob", "NT AUTHORITY\\Authenticated Users"])
    s.remove_localgroup_members(localgroup, sids["alice"], f"{domain}\\bob")
    assert [m["sid"] for m in s.localgroup_members(localgroup, level=0)] == ["S-1-5-11"]
    with pytest.raises(lanman.NetApiError) as ei:
        s.remove_localgroup_members(localgroup, "alice")
    assert ei.value.name == "ERROR_MEMBER_NOT_IN_ALIAS"
    with pytest.raises(ValueError):
        s.add_localgroup_members(localgroup)
    with pytest.raises(TypeError, match="member"):
        s.add_localgroup_members(localgroup, 42)
    with pytest.raises(lanman.NetApiError) as ei:
        list(s.localgroup_members("no-such-localgroup-lm"))
    assert ei.value.name == "NERR_GroupNotFound"


# ---- the kept SAMR/LSA connection against faults ----------------------------

def _dc_pids(dc):
    import subprocess
    out = subprocess.run(["ip", "netns", "pids", dc["LANMAN_TEST_NETNS"]],
                         capture_output=True, text=True, check=True).stdout
    return [int(p) for p in out.split()]


def test_kept_connection_survives_a_dc_restart(server, dc):
    """The SAMR/LSA connection lanman keeps for these calls is dropped and
    made again when the server restarted under it."""
    import subprocess
    from conftest import DC_SCRIPT
    def answers():
        with lanman.NetLocalGroupGetMembers(server, "Administrators", 2)[0] as buf:
            assert len(buf) >= 3
        with lanman.NetGroupGetInfo(server, "lanman-ops", 1) as buf:
            assert buf[0]["comment"] == "lanman test group"
    answers()
    subprocess.run([str(DC_SCRIPT), "restart", dc["LANMAN_TEST_DC_DIR"]], check=True,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=180)
    answers()
    answers()


def test_frozen_server_times_out(server, dc, domain):
    """A server that accepts and never answers: the call timeout (the
    watchdog shuts the waiting connection down) ends the SAMR path too."""
    import os
    import signal
    answers = lambda: lanman.NetLocalGroupGetMembers(server, "Administrators", 2)[0].free()
    answers()   # a kept connection, frozen under the next calls
    pids = _dc_pids(dc)
    lanman.set_timeout(2)
    try:
        for p in pids:
            os.kill(p, signal.SIGSTOP)
        for call in (answers,
                     lambda: lanman.NetGroupGetInfo(server, "lanman-ops", 1).free(),
                     lambda: lanman.NetLocalGroupAddMembers(server, "Guests", 3,
                                                            [{"domainandname": "alice"}])):
            t0 = time.monotonic()
            with pytest.raises(lanman.NetApiError) as ei:
                call()
            assert ei.value.name == "ERROR_SEM_TIMEOUT"
            assert time.monotonic() - t0 < 2 + 1.5
    finally:
        for p in pids:
            os.kill(p, signal.SIGCONT)
        lanman.set_timeout(20)
    answers()
    assert f"{domain}\\alice" not in member_names(server, "Guests")
