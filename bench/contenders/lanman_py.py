"""lanman from Python, for bench/run.  One JSON object on stdout.

  lanman_py.py enum buffer|session LEVEL RUNS   NetUserEnum pages decoded
                                                (Buffer.records()) or the
                                                Session.users() iterator
  lanman_py.py small server|user COUNT          NetServerGetInfo 101 /
                                                NetUserGetInfo 1 (low level)
  lanman_py.py decode LEVEL REPS                buffer fetched once, then
                                                REPS x buf.records()
  lanman_py.py once buffer|session LEVEL        one cold enumeration
Server and credentials: LANMAN_TEST_SERVER, _USER, _PASSWORD, _DOMAIN.
"""
import json
import os
import resource
import sys
import time

import lanman

SERVER = os.environ["LANMAN_TEST_SERVER"]
CREDS = dict(user=os.environ["LANMAN_TEST_USER"], password=os.environ["LANMAN_TEST_PASSWORD"],
             domain=os.environ.get("LANMAN_TEST_DOMAIN"))
TOOL = "lanman_py"


def touch(records):
    # what a script does with them: read every value
    n = 0
    for r in records:
        for v in r.values():
            n += 1
    return n


def enum_buffer(level, **kw):
    count, resume = 0, 0
    while True:
        buf, _total, resume = lanman.NetUserEnum(SERVER, level, resume=resume)
        with buf:
            records = buf.records()
        touch(records)
        count += len(records)
        if resume == 0:
            return count


def make_enum(how, level):
    if how == "buffer":
        lanman.set_default_credentials(**CREDS)
        return lambda: enum_buffer(level)
    session = lanman.Session(SERVER, **CREDS)
    kw = {}
    if how == "session-netapi":   # the libnetapi path, where a faster one exists
        kw = {"method": "netapi"}

    def run():
        records = list(session.users(level=level, **kw))
        touch(records)
        return len(records)
    return run


def out(mode, level, records, times, **extra):
    d = dict(tool=TOOL, mode=mode, level=level, records=records, times=times,
             maxrss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    d.update(extra)
    print(json.dumps(d))


def main(argv):
    mode = argv[1]
    if mode in ("enum", "once"):
        how, level = argv[2], int(argv[3])
        runs = int(argv[4]) if mode == "enum" else 1
        run = make_enum(how, level)
        if mode == "enum":   # warm-up: connection, SAMR pipe and handles
            if how == "buffer":
                lanman.NetUserEnum(SERVER, 0, prefmaxlen=1)[0].free()
            else:
                next(iter(lanman.Session(SERVER, **CREDS).users(level=0, prefmaxlen=1)))
        times, n = [], 0
        budget = float(os.environ.get("BENCH_BUDGET", "1e9"))
        for _ in range(runs):
            t0 = time.perf_counter()
            n = run()
            times.append(time.perf_counter() - t0)
            if sum(times) >= budget:   # no new run once the runs took that long
                break
        out(mode + "_" + how, level, n, times)
    elif mode == "small":
        what, count = argv[2], int(argv[3])
        lanman.set_default_credentials(**CREDS)
        user = CREDS["user"]
        if what == "server":
            def call():
                with lanman.NetServerGetInfo(SERVER, 101) as b:
                    return b[0]
        else:
            def call():
                with lanman.NetUserGetInfo(SERVER, user, 1) as b:
                    return b[0]
        call()
        times = []
        for _ in range(count):
            t0 = time.perf_counter()
            call()
            times.append(time.perf_counter() - t0)
        out("small_" + what, 101 if what == "server" else 1, 1, times)
    elif mode == "decode":
        level, reps = int(argv[2]), int(argv[3])
        lanman.set_default_credentials(**CREDS)
        buf, _t, _r = lanman.NetUserEnum(SERVER, level)
        times = []
        with buf:
            n = len(buf)
            for _ in range(reps):
                t0 = time.perf_counter()
                buf.records()
                times.append(time.perf_counter() - t0)
        out("decode", level, n, times)
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main(sys.argv)
