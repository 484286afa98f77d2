"""Soak: many mixed calls in one process against the real DC.

After a warm-up cycle, the process's peak RSS may grow by less than 1 MiB
and no NetApi buffer may stay live.  CI runs LANMAN_SOAK_CALLS=2000 (the default
here); the full run is `make soak` (100,000 calls, SOAK_CALLS=N to change).

libnetapi keeps memory on its context for every call (measured: 26 bytes
per NetServerGetInfo, 2.5 KB per NetUserGetInfo level 3); the core drops
the context once it holds more than the memory bound (lanman.set_memory_bound,
4 MiB by default), so memory is bounded by the bound, not by the number of
calls.  The tests use a 1 MiB bound so that CI sees several cycles.

Under AddressSanitizer (make asan-test) "RSS" is the bytes its allocator
holds for live allocations: its RSS also holds the quarantine of freed
memory (up to 256 MiB), which would hide what lanman keeps.
"""
import ctypes
import gc
import os
import time

import pytest

import lanman

CALLS = int(os.environ.get("LANMAN_SOAK_CALLS", "2000"))
MiB = 1024 * 1024


# ASan's count of bytes in live allocations; None without the sanitizer.
_asan_allocated = getattr(ctypes.CDLL(None), "__sanitizer_get_current_allocated_bytes", None)
if _asan_allocated is not None:
    _asan_allocated.restype = ctypes.c_size_t


def rss():
    """The process's resident memory (see the module's docstring for ASan)."""
    if _asan_allocated is not None:
        return _asan_allocated()
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def mixed_call(s, server, share, k):
    kind = k % 8
    if kind == 0:
        assert s.server_info(101)["name"]
    elif kind == 1:
        assert s.user("alice", 10)["name"] == "alice"
    elif kind == 2:
        buf, _total, _resume = lanman.NetUserEnum(server, 0, creds=s.creds)
        with buf:
            assert len(buf.records()) >= 40
    elif kind == 3:
        assert s.share(share, 1)["netname"] == share
    elif kind == 4:
        with pytest.raises(lanman.NetApiError):
            s.user("no-such-user-soak", 0)
    elif kind == 5:
        with lanman.NetApiBufferAllocate(64) as b:
            lanman.NetApiBufferReallocate(b, 4096)
    elif kind == 6:
        assert s.wksta_info(100)
    else:
        buf = lanman.NetRemoteTOD(server, creds=s.creds)
        buf.free()


def cycle_peaks(s, server, share, bound, cycles, first_kind=0):
    """Runs mixed calls until the context has been re-initialised `cycles`
    times at `bound`; returns (calls made, peak RSS seen).  RSS rises while
    libnetapi piles memory on its context and falls back at each
    re-initialisation, so peaks of whole cycles compare like with like."""
    start = lanman._core.context_reinits()
    calls, peak, k = 0, 0, first_kind
    while lanman._core.context_reinits() - start < cycles:
        mixed_call(s, server, share, k)
        k += 1
        calls += 1
        if calls % 50 == 0:
            peak = max(peak, rss())
        assert calls < 200_000, "the memory bound never re-initialised the context"
    return calls, peak


def test_mixed_calls_keep_memory_flat(session, server, dc):
    """After a warm-up cycle, the peak RSS of later cycles of mixed calls
    stays within 1 MiB of the warm-up's: memory is bounded by the context
    bound, not by the number of calls.  CI makes at least LANMAN_SOAK_CALLS
    calls; `make soak` 100,000."""
    share = dc["LANMAN_TEST_SHARE"]
    bound0 = lanman.memory_bound()
    lanman.set_memory_bound(1 * MiB)
    lanman._core.context_shutdown()
    try:
        live0 = lanman.buffer_stats()["live"]
        gc.collect()
        cycle_peaks(session, server, share, 1 * MiB, 1)        # first climb
        warm_calls, warm_peak = cycle_peaks(session, server, share, 1 * MiB, 1)
        t0 = time.monotonic()
        calls, peak = 0, 0
        while calls < CALLS:
            n, p = cycle_peaks(session, server, share, 1 * MiB, 1, first_kind=calls)
            calls += n
            peak = max(peak, p)
        elapsed = time.monotonic() - t0
        gc.collect()
        growth = peak - warm_peak
        print(f"\nsoak: {calls} calls in {elapsed:.1f} s ({warm_calls} per cycle), "
              f"peak RSS {peak / MiB:.1f} MiB vs warm-up {warm_peak / MiB:.1f} MiB, "
              f"reinits {lanman._core.context_reinits()}")
        assert lanman.buffer_stats()["live"] == live0
        assert growth < 1 * MiB, f"peak RSS grew {growth} bytes over {calls} calls"
    finally:
        lanman.set_memory_bound(bound0)


def test_fifty_level3_enumerations_stay_within_the_bound(session, server):
    """libnetapi's level-3 enumeration (one round trip per user) leaves
    memory on its context every time; with a 1 MiB bound the context never
    holds more than the bound plus one enumeration's worth, and fifty of
    them leave RSS within a few MiB.  method="netapi": the session's
    default fast path (SAMR) keeps nothing on libnetapi's context."""
    bound0 = lanman.memory_bound()
    bound = 1 * MiB
    lanman._core.context_shutdown()
    lanman.set_memory_bound(bound)
    try:
        reinits = lanman._core.context_reinits()
        peak_context = 0
        one = 0
        list(session.users(level=3, method="netapi"))   # warm-up
        gc.collect()
        base = rss()
        for _ in range(50):
            before = lanman._core.context_memory()
            n = len(list(session.users(level=3, method="netapi")))
            assert n >= 40
            after = lanman._core.context_memory()
            if after > before:
                one = max(one, after - before)
            peak_context = max(peak_context, after)
        gc.collect()
        growth = rss() - base
        print(f"\n50 level-3 enumerations: context peak {peak_context / 1024:.0f} KiB "
              f"(bound {bound // 1024} KiB, one enumeration {one / 1024:.0f} KiB), "
              f"reinits {lanman._core.context_reinits() - reinits}, "
              f"RSS growth {growth / 1024:.0f} KiB")
        assert one > 0, "libnetapi kept nothing on its context: nothing measured"
        assert peak_context <= bound + one
        assert lanman._core.context_reinits() > reinits, "the bound was never reached"
        assert growth < 4 * bound + 4 * MiB
    finally:
        lanman.set_memory_bound(bound0)
