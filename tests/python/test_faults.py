"""Faults against the real test DC: restarts, a frozen and a killed server,
an unreachable host, a closed port, a wrong password, a disabled account.

Each must end in a clean NetApiError within the call timeout
(lanman.set_timeout), leave no NetApi buffer live, and the same session
must work again once the DC is back.  The DC is frozen with SIGSTOP (a
server that accepts connections and never answers), killed with SIGKILL
(connections reset, then the port is closed) and brought back with
`tests/dc/lanman-dc restart DIR` -- only processes of this DC's own network
namespace are signalled.  Nothing is sent anywhere but the DC's /24.
"""
import os
import signal
import subprocess
import threading
import time

import pytest

import lanman

from conftest import DC_SCRIPT

#: The call timeout these tests set, and the slack allowed over it (the
#: watchdog looks every 50 ms; libnetapi needs a moment to give up).
TIMEOUT = 2.0
SLACK = 1.5


class DC:
    """Signals and restarts the processes of the test DC's namespace."""

    def __init__(self, env):
        self.env = env
        self.netns = env.get("LANMAN_TEST_NETNS")
        self.dir = env.get("LANMAN_TEST_DC_DIR")

    def pids(self):
        out = subprocess.run(["ip", "netns", "pids", self.netns],
                             capture_output=True, text=True, check=True).stdout
        return [int(p) for p in out.split()]

    def signal(self, sig):
        for pid in self.pids():
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    def freeze(self):
        self.signal(signal.SIGSTOP)

    def thaw(self):
        self.signal(signal.SIGCONT)

    def kill(self):
        # Frozen first, so no process serves in the moment the others die
        # (SIGKILL ends a stopped process too).
        self.signal(signal.SIGSTOP)
        self.signal(signal.SIGKILL)
        deadline = time.monotonic() + 10
        while self.pids() and time.monotonic() < deadline:
            time.sleep(0.05)

    def restart(self):
        self.thaw()
        subprocess.run([str(DC_SCRIPT), "restart", self.dir], check=True,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=180)


@pytest.fixture(scope="module")
def dcctl(dc):
    if os.geteuid() != 0 or not dc.get("LANMAN_TEST_NETNS") or not dc.get("LANMAN_TEST_DC_DIR"):
        pytest.skip("needs root and a DC started by tests/dc/lanman-dc")
    ctl = DC(dc)
    yield ctl
    # Leave the DC as the other modules expect it: running and answering.
    ctl.thaw()
    try:
        lanman.set_timeout(5)
        lanman.NetServerGetInfo(dc["LANMAN_TEST_SERVER"], 100).free()
    except lanman.NetApiError:
        ctl.restart()
    finally:
        lanman.set_timeout(20)


@pytest.fixture(autouse=True)
def call_timeout():
    lanman.set_timeout(TIMEOUT)
    yield
    lanman.set_timeout(20)


@pytest.fixture(autouse=True)
def no_live_buffers():
    before = lanman.buffer_stats()["live"]
    yield
    assert lanman.buffer_stats()["live"] == before


def timed(fn):
    """(result or NetApiError, seconds)."""
    t0 = time.monotonic()
    try:
        out = fn()
    except lanman.NetApiError as e:
        out = e
    return out, time.monotonic() - t0


def all_users(session):
    return sorted(u["name"] for u in session.users())


def test_default_timeout_is_20_seconds():
    lanman.set_timeout(20)
    assert lanman.get_timeout() == 20
    lanman.set_timeout(0.5)
    assert lanman.get_timeout() == 0.5


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf"), 5e9])
def test_set_timeout_rejects_out_of_range(bad):
    with pytest.raises(ValueError, match="seconds"):
        lanman.set_timeout(bad)


@pytest.mark.parametrize("bad", ["2", None, True, [2]])
def test_set_timeout_rejects_non_numbers(bad):
    with pytest.raises(TypeError, match="seconds"):
        lanman.set_timeout(bad)


# ---- recovery ----------------------------------------------------------

def test_restart_between_two_calls_of_one_session(dcctl, session):
    """libnetapi answers 64, then 2152 for ever after a server restart; the
    core drops its context and retries, so the script sees nothing."""
    first = session.server_info(101)
    reinits = lanman._core.context_reinits()
    dcctl.restart()
    out, seconds = timed(lambda: session.server_info(101))
    assert not isinstance(out, Exception), out
    assert out["name"] == first["name"]
    assert lanman._core.context_reinits() > reinits
    assert seconds < TIMEOUT + SLACK
    # and it stays well
    assert session.user("alice", 1)["name"] == "alice"


def test_restart_between_pages_loses_no_user(dcctl, session, server):
    """Samba keeps NetUserEnum's enumeration on the connection; after a
    restart the next page must still be the right one, not an empty end."""
    expected = all_users(session)
    buf, _total, resume = lanman.NetUserEnum(server, 0, prefmaxlen=64,
                                             creds=session.creds)
    with buf:
        names = [r["name"] for r in buf]
    assert resume != 0
    dcctl.restart()
    while resume:
        buf, _total, resume = lanman.NetUserEnum(server, 0, resume=resume,
                                                 prefmaxlen=64, creds=session.creds)
        with buf:
            names += [r["name"] for r in buf]
    assert sorted(names) == expected


def test_new_context_between_pages_loses_no_user(session, server):
    """The same when the core itself makes a new context between pages
    (new credentials, the memory bound)."""
    expected = all_users(session)
    names, resume = [], 0
    while True:
        buf, _total, resume = lanman.NetUserEnum(server, 0, resume=resume,
                                                 prefmaxlen=64, creds=session.creds)
        with buf:
            names += [r["name"] for r in buf]
        lanman._core.context_shutdown()
        if resume == 0:
            break
    assert sorted(names) == expected


# ---- a server that does not answer -------------------------------------

def test_frozen_server_on_an_open_connection(dcctl, session):
    session.server_info(101)                  # the connection is open
    dcctl.freeze()
    try:
        out, seconds = timed(lambda: session.server_info(101))
    finally:
        dcctl.thaw()
    assert isinstance(out, lanman.NetApiError), out
    assert out.code == 121 and out.name == "ERROR_SEM_TIMEOUT"
    assert "within 2 s" in str(out)
    assert TIMEOUT - 0.1 <= seconds < TIMEOUT + SLACK
    assert session.server_info(101)["name"]   # works again


def test_frozen_server_on_a_new_connection(dcctl, session):
    lanman._core.context_shutdown()           # the next call connects anew
    dcctl.freeze()
    try:
        out, seconds = timed(lambda: session.user("alice", 0))
    finally:
        dcctl.thaw()
    assert isinstance(out, lanman.NetApiError), out
    assert out.code == 121
    assert seconds < TIMEOUT + SLACK
    assert session.user("alice", 0) == {"name": "alice"}


def test_frozen_server_in_a_paged_enumeration(dcctl, session, server):
    expected = all_users(session)
    buf, _total, resume = lanman.NetUserEnum(server, 0, prefmaxlen=64,
                                             creds=session.creds)
    buf.free()
    dcctl.freeze()
    try:
        out, seconds = timed(lambda: lanman.NetUserEnum(
            server, 0, resume=resume, prefmaxlen=64, creds=session.creds))
    finally:
        dcctl.thaw()
    assert isinstance(out, lanman.NetApiError) and out.code == 121, out
    assert seconds < TIMEOUT + SLACK
    assert all_users(session) == expected


def test_timeout_can_be_turned_down_and_up(dcctl, session):
    session.server_info(101)
    dcctl.freeze()
    try:
        lanman.set_timeout(0.5)
        out, fast = timed(lambda: session.server_info(101))
        lanman.set_timeout(3)
        out2, slow = timed(lambda: session.server_info(101))
    finally:
        dcctl.thaw()
    assert isinstance(out, lanman.NetApiError) and out.code == 121
    assert isinstance(out2, lanman.NetApiError) and out2.code == 121
    assert fast < 0.5 + SLACK
    assert 3 - 0.1 <= slow < 3 + SLACK


def test_a_busy_server_is_not_cut(session):
    """The timeout bounds silence, not work: a level-3 enumeration (one
    round trip per user) runs longer than the timeout and is not cut."""
    lanman.set_timeout(0.15)
    t0 = time.monotonic()
    for _ in range(100):   # as one long job: 0.5 s of steady answers
        users = list(session.users(level=3))
        if time.monotonic() - t0 > 0.5:
            break
    assert len(users) >= 40
    assert time.monotonic() - t0 > 0.15


# ---- a server that dies ------------------------------------------------

def test_killed_during_a_call_then_closed_port_then_back(dcctl, session):
    lanman.set_timeout(10)           # the kill must end it, not the timeout
    session.server_info(101)
    dcctl.freeze()                   # the call below waits on the server...
    result = {}

    def call():
        result["out"], result["seconds"] = timed(lambda: session.server_info(101))

    t = threading.Thread(target=call)
    t.start()
    time.sleep(0.5)
    killed_at = time.monotonic()
    dcctl.kill()                     # ...which dies in the middle
    t.join(15)
    assert not t.is_alive()
    ended_after_kill = time.monotonic() - killed_at
    out = result["out"]
    assert isinstance(out, lanman.NetApiError), out
    assert out.function == "NetServerGetInfo"
    assert ended_after_kill < SLACK

    # the port is closed now: refused at once, with a message that says so
    out, seconds = timed(lambda: session.server_info(101))
    assert isinstance(out, lanman.NetApiError), out
    assert out.code == 1003 and "Failed to connect" in str(out)
    assert seconds < SLACK

    dcctl.restart()
    assert session.server_info(101)["name"]


def test_killed_in_the_middle_of_a_paged_enumeration(dcctl, session, server):
    expected = all_users(session)
    buf, _total, resume = lanman.NetUserEnum(server, 0, prefmaxlen=64,
                                             creds=session.creds)
    buf.free()
    assert resume != 0
    dcctl.kill()
    out, seconds = timed(lambda: lanman.NetUserEnum(
        server, 0, resume=resume, prefmaxlen=64, creds=session.creds))
    assert isinstance(out, lanman.NetApiError), out
    assert seconds < TIMEOUT + SLACK
    dcctl.restart()
    assert all_users(session) == expected


# ---- servers that are not there ------------------------------------------

def test_unreachable_host(unreachable):
    out, seconds = timed(lambda: lanman.NetServerGetInfo(unreachable, 101))
    assert isinstance(out, lanman.NetApiError), out
    assert out.server == unreachable
    assert seconds < TIMEOUT + SLACK


def test_unreachable_host_with_a_short_timeout(unreachable):
    lanman.set_timeout(0.5)
    out, seconds = timed(lambda: lanman.NetUserEnum(unreachable, 0))
    assert isinstance(out, lanman.NetApiError) and out.code == 121, out
    assert seconds < 0.5 + SLACK


def test_unanswered_dc_lookup_is_cut_too(dc, unreachable):
    """NetProvisionComputerAccount first pings dcname over CLDAP (UDP 389)
    for a fixed 6 s; the watchdog cuts that wait as well."""
    lanman.set_timeout(0.5)
    out, seconds = timed(lambda: lanman.NetProvisionComputerAccount(
        dc["LANMAN_TEST_DOMAIN"], "LMFAULTCLDAP", dcname=unreachable))
    assert isinstance(out, lanman.NetApiError) and out.code == 121, out
    assert out.function == "NetProvisionComputerAccount" and out.server == unreachable
    assert seconds < 0.5 + SLACK


# ---- credentials that do not work ----------------------------------------

def test_wrong_password_then_right_one(dc, server):
    bad = lanman.Session(server, user=dc["LANMAN_TEST_USER"], password="Wr0ng-lanman-pw-7f3e9c",
                         domain=dc["LANMAN_TEST_DOMAIN"])
    out, seconds = timed(lambda: bad.server_info(101))
    assert isinstance(out, lanman.NetApiError) and out.code == 1326, out
    assert seconds < TIMEOUT + SLACK
    assert "Wr0ng-lanman-pw-7f3e9c" not in str(out) + repr(out)
    good = lanman.Session(server, user=dc["LANMAN_TEST_USER"], password=dc["LANMAN_TEST_PASSWORD"],
                          domain=dc["LANMAN_TEST_DOMAIN"])
    assert good.server_info(101)["name"]


def test_disabled_account(dc, server, session):
    carol = lanman.Session(server, user="carol", password=dc["LANMAN_TEST_SEED_PASSWORD"],
                           domain=dc["LANMAN_TEST_DOMAIN"])
    out, seconds = timed(lambda: carol.server_info(101))
    assert isinstance(out, lanman.NetApiError), out
    assert out.code == 1331 and out.name == "ERROR_ACCOUNT_DISABLED"
    assert seconds < TIMEOUT + SLACK
    assert session.server_info(101)["name"]
