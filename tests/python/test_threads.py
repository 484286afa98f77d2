"""Threads: one session shared by 8 threads, two sessions with different
credentials interleaved, thousands of calls against the real DC; every
result checked, credentials never mixed, and the GIL released while a call
is on the wire.

The core serializes every libnetapi call under one lock and re-applies the
credentials whenever they change (libnetapi has one process-wide context),
so correctness here is the core's, not luck: alice must be refused
NetFileEnum (ERROR_ACCESS_DENIED) every single time and the administrator
never, whatever the other threads are doing.
"""
import os
import sys
import threading
import time

import pytest

import lanman

THREADS = 8
CALLS_PER_THREAD = int(os.environ.get("LANMAN_THREAD_CALLS", "250"))


@pytest.fixture(scope="module")
def alice_session(dc, server):
    return lanman.Session(server, user="alice", password=dc["LANMAN_TEST_SEED_PASSWORD"],
                          domain=dc["LANMAN_TEST_DOMAIN"])


@pytest.fixture(scope="module")
def admin_session(dc, server):
    return lanman.Session(server, user=dc["LANMAN_TEST_USER"], password=dc["LANMAN_TEST_PASSWORD"],
                          domain=dc["LANMAN_TEST_DOMAIN"])


def run_threads(n, target):
    """Runs target(i) in n threads started together; re-raises the first
    failure (with its thread index)."""
    errors = []
    barrier = threading.Barrier(n)

    def body(i):
        try:
            barrier.wait()
            target(i)
        except BaseException as e:   # noqa: BLE001 -- reported below
            errors.append((i, e))

    threads = [threading.Thread(target=body, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)
    assert not any(t.is_alive() for t in threads), "a thread hangs"
    if errors:
        i, e = errors[0]
        raise AssertionError(f"thread {i}: {e!r} ({len(errors)} threads failed)") from e


def test_eight_threads_share_one_session(admin_session, server, dc):
    s = admin_session
    expected_server = s.server_info(101)
    expected_alice = s.user("alice", 10)
    expected_users = sorted(u["name"] for u in s.users())
    expected_share = s.share(dc["LANMAN_TEST_SHARE"], 2)
    counts = [0] * THREADS
    live_before = lanman.buffer_stats()["live"]

    def work(i):
        for k in range(CALLS_PER_THREAD):
            kind = (i + k) % 10
            if kind == 0:
                assert sorted(u["name"] for u in s.users(prefmaxlen=1024)) == expected_users
            elif kind == 1:
                assert s.user("alice", 10) == expected_alice
            elif kind == 2:
                assert s.share(dc["LANMAN_TEST_SHARE"], 2) == expected_share
            elif kind == 3:
                assert s.server_info(101) == expected_server
            elif kind in (4, 5, 6, 7, 8):
                assert s.server_info(100)["name"] == expected_server["name"]
            elif kind == 9:
                with pytest.raises(lanman.NetApiError) as e:
                    s.user("no-such-user-%d" % i, 0)
                assert e.value.code == 2221
            else:
                # small pages: several calls per enumeration, interleaved
                # with the other threads' calls
                assert sorted(u["name"] for u in s.users(prefmaxlen=1024)) == expected_users
            counts[i] += 1

    t0 = time.monotonic()
    run_threads(THREADS, work)
    elapsed = time.monotonic() - t0
    assert counts == [CALLS_PER_THREAD] * THREADS
    assert lanman.buffer_stats()["live"] == live_before
    print(f"\n{THREADS * CALLS_PER_THREAD} calls in {THREADS} threads: {elapsed:.1f} s")


def test_two_sessions_never_mix_credentials(admin_session, alice_session, server):
    """NetFileEnum: the administrator may, alice may not.  Four threads of
    each, interleaved, each checking every answer; enumerations in small
    pages go on across the credential switches."""
    expected_users = sorted(u["name"] for u in admin_session.users())
    assert sorted(u["name"] for u in alice_session.users()) == expected_users
    reinits = lanman._core.context_reinits()
    calls = max(CALLS_PER_THREAD // 12, 12)

    def work(i):
        s = admin_session if i % 2 == 0 else alice_session
        for k in range(calls):
            if k % 3 == 2:
                assert sorted(u["name"] for u in s.users(prefmaxlen=256)) == expected_users
                continue
            try:
                buf, _total, _resume = lanman.NetFileEnum(server, None, None, 3, creds=s.creds)
                buf.free()
                outcome = "ok"
            except lanman.NetApiError as e:
                outcome = e.code
            if s is admin_session:
                assert outcome == "ok", f"administrator refused: {outcome}"
            else:
                assert outcome == 5, f"alice got {outcome}, not ERROR_ACCESS_DENIED"

    run_threads(THREADS, work)
    # the credentials really did switch back and forth under the threads
    assert lanman._core.context_reinits() - reinits >= 10


def test_the_gil_is_released_while_a_call_is_on_the_wire(unreachable):
    """A call to a host that never answers blocks in C for the whole
    timeout; meanwhile a pure-Python thread must keep counting (it could
    not take a single step if the GIL were held)."""
    lanman.set_timeout(1.0)
    counter = [0]
    stop = threading.Event()

    def count():
        while not stop.is_set():
            counter[0] += 1

    old = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    t = threading.Thread(target=count)
    t.start()
    try:
        time.sleep(0.05)
        before = counter[0]
        t0 = time.monotonic()
        with pytest.raises(lanman.NetApiError):
            lanman.NetServerGetInfo(unreachable, 101)
        blocked = time.monotonic() - t0
        during = counter[0] - before
    finally:
        stop.set()
        t.join()
        sys.setswitchinterval(old)
        lanman.set_timeout(20)
    assert blocked >= 0.9
    # a free-running Python loop makes millions of steps per second; with
    # the GIL held by the call it would make none
    assert during > 100_000, f"only {during} steps in {blocked:.2f} s"
