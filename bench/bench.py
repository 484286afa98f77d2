"""bench/bench.py -- the measuring and reporting half of bench/run.

  bench.py measure N OUTDIR     every contender against the DC in the
                                environment (LANMAN_TEST_*), N users seeded;
                                writes OUTDIR/results-N.json
  bench.py report OUTDIR        bench/RESULTS.md and bench/results.png from
                                OUTDIR/results-*.json (+ bench/notes.md)

Run with Debian's /usr/bin/python3 (python3-matplotlib).  bench/run sets
the environment: BENCH_VPY (lanman's venv python), BENCH_BUILD (raw_netapi,
benchclock.so), LUA_PATH/LUA_CPATH, BENCH_RUNS, BENCH_BUDGET,
BENCH_MICRO_AT, BENCH_COMMAND.
"""
import datetime
import glob
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
SYSPY = "/usr/bin/python3"


def env(name, default):
    return os.environ.get(name, default)


RUNS = int(env("BENCH_RUNS", "5"))
SMALL_BATCHES = 15
VPY = env("BENCH_VPY", os.path.join(TOP, ".venv-bench/bin/python"))
BUILD = env("BENCH_BUILD", os.path.join(HERE, ".cache/build"))
RAW = os.path.join(BUILD, "raw_netapi")
PYC = os.path.join(HERE, "contenders/lanman_py.py")
LUAC = os.path.join(HERE, "contenders/lanman_lua.lua")
PEERS = os.path.join(HERE, "contenders/peers_py.py")
LEVELS = tuple(int(x) for x in env("BENCH_LEVELS", "0 3").split())
ONLY = env("BENCH_ONLY", "").split()   # contender keys, for trying things out

# (key, label, argv for an in-process run: LEVEL and RUNS appended)
INPROC = [
    ("raw_c", "raw C libnetapi (floor)", [RAW, "enum"]),
    ("py_buffer", "lanman Python: NetUserEnum + Buffer.records()", [VPY, PYC, "enum", "buffer"]),
    ("py_session", "lanman Python: Session.users()", [VPY, PYC, "enum", "session"]),
    ("lua_buffer", "lanman Lua: NetUserEnum + buf:records()", ["lua5.4", LUAC, "enum", "buffer"]),
    ("lua_session", "lanman Lua: s:users{}", ["lua5.4", LUAC, "enum", "session"]),
    ("impacket", "impacket SAMR", [SYSPY, PEERS, "impacket", "enum"]),
    ("sambapy", "Samba python samba.dcerpc.samr", [SYSPY, PEERS, "sambapy", "enum"]),
]
LABELS = {k: label for k, label, _ in INPROC}


def auth_args():
    return ["-A", os.environ["LANMAN_TEST_AUTHFILE"], "--use-kerberos=off"]


def whole_commands(level):
    """(key, label, shell command) run as whole processes by hyperfine."""
    srv = os.environ["LANMAN_TEST_SERVER"]
    auth = " ".join(auth_args())
    if level == 0:
        return [
            ("raw_c", "raw C libnetapi", f"{RAW} once 0"),
            ("py_buffer", "lanman Python", f"{VPY} {PYC} once buffer 0"),
            ("lua_buffer", "lanman Lua", f"lua5.4 {LUAC} once buffer 0"),
            ("impacket", "impacket SAMR", f"{SYSPY} {PEERS} impacket once 0"),
            ("sambapy", "Samba python", f"{SYSPY} {PEERS} sambapy once 0"),
            ("rpcclient", "rpcclient -c enumdomusers", f"rpcclient {auth} -c enumdomusers {srv}"),
            ("net_rpc_user", "net rpc user", f"net rpc user {auth} -S {srv}"),
        ]
    return [
        ("py_session", "lanman Python Session.users(level=3)", f"{VPY} {PYC} once session 3"),
        ("lua_session", "lanman Lua s:users{level=3}", f"lua5.4 {LUAC} once session 3"),
        ("rpcclient", "rpcclient -c querydispinfo (display info only)",
         f"rpcclient {auth} -c querydispinfo {srv}"),
        ("net_rpc_user", "net rpc user --long (display info only)",
         f"net rpc user --long {auth} -S {srv}"),
    ]


def run_json(argv, timeout=1800):
    p = subprocess.run([str(a) for a in argv], capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        return {"error": (p.stderr or p.stdout).strip()[-400:]}
    try:
        return json.loads(p.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": "no JSON: " + (p.stdout + p.stderr)[-400:]}


def server_cpu():
    """CPU seconds (user + system) the DC's processes used so far: every
    process in its network namespace."""
    ns = os.environ.get("LANMAN_TEST_NETNS")
    if not ns:
        return 0.0
    pids = subprocess.run(["ip", "netns", "pids", ns], capture_output=True,
                          text=True).stdout.split()
    ticks = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def log(*a):
    print("bench:", *a, file=sys.stderr, flush=True)


def hyperfine(cmds, runs):
    out = {}
    for key, label, cmd in cmds:
        with tempfile.NamedTemporaryFile(suffix=".json") as tf:
            p = subprocess.run(["hyperfine", "--style", "none", "--warmup", "1", "--runs",
                                str(runs), "--export-json", tf.name, cmd],
                               capture_output=True, text=True)
            if p.returncode != 0:
                out[key] = {"label": label, "cmd": cmd, "error": p.stderr.strip()[-300:]}
                continue
            r = json.load(open(tf.name))["results"][0]
            out[key] = {"label": label, "cmd": cmd, "times": r["times"]}
            log(f"  whole {key}: median {statistics.median(r['times']):.3f}s")
    return out


def interleaved(jobs, rounds, budget=None):
    """Runs every job once per round, the jobs in turn, so a change of load
    on the shared machine (the DC has the same two cores) falls on every
    contender alike instead of on whichever ran in that minute (and the
    order turns by one each round).  jobs:
    (key, argv); each process reports {"times": [...], ...}; the times of
    its rounds are joined.  A job whose times add up to budget seconds is
    not started again.  Returns {key: result}."""
    out = {}
    for rnd in range(rounds):
        # each round starts one job further on: none always runs first
        for key, argv in jobs[rnd % len(jobs):] + jobs[:rnd % len(jobs)]:
            r = out.get(key)
            if r is not None and ("error" in r or (budget and sum(r["times"]) >= budget)):
                continue
            before = server_cpu()
            one = run_json(argv)
            cpu = server_cpu() - before
            if r is None or "error" in one:
                r = out[key] = one
                r["server_cpu_s"] = cpu
                r["processes"] = 1
            else:
                r["times"] += one["times"]
                r["maxrss_kb"] = max(r.get("maxrss_kb", 0), one.get("maxrss_kb", 0))
                r["server_cpu_s"] += cpu
                r["processes"] += 1
    return out


def measure(n, outdir):
    res = {"N": n, "load_before": loadavg(), "started": time.time(), "inproc": {}, "whole": {}}
    budget = float(env("BENCH_BUDGET", "45"))
    for level in LEVELS:
        # one timed run per process and round (after the process's warm-up)
        jobs = [(key, argv + [level, 1]) for key, _, argv in INPROC if not ONLY or key in ONLY]
        got = interleaved(jobs, RUNS, budget)
        for key, label, _ in INPROC:
            if key not in got:
                continue
            r = got[key]
            r["label"] = label
            if "error" in r:
                log(f"  N={n} level {level} {key}: ERROR {r['error']}")
            else:
                # the DC's CPU of the warm-ups too: one short call each
                log(f"  N={n} level {level} {key}: {len(r['times'])} runs, median "
                    f"{statistics.median(r['times']):.4f}s, {r['records']} records")
        res["inproc"][str(level)] = got
        res["whole"][str(level)] = hyperfine(
            [c for c in whole_commands(level) if not ONLY or c[0] in ONLY], RUNS if level == 0 else 3)
    micro_at = int(env("BENCH_MICRO_AT", "1000"))
    if n == micro_at:
        res["small"] = {}
        # SMALL_BATCHES batches of `batch` calls in a row, the bindings in
        # turn; a batch's per-call mean is one sample (the DC's own jitter
        # is some ±10% a batch, so it takes many for a median to 1%)
        nbatch = int(env("BENCH_SMALL_BATCHES", str(SMALL_BATCHES)))
        for what, batch in (("server", int(env("BENCH_SMALL_SERVER", "200"))),
                            ("user", int(env("BENCH_SMALL_USER", "60")))):
            res["small"][what] = interleaved(
                [("raw_c", [RAW, "small", what, batch]),
                 ("lanman_py", [VPY, PYC, "small", what, batch]),
                 ("lanman_lua", ["lua5.4", LUAC, "small", what, batch])], nbatch)
            for d in res["small"][what].values():
                d["batch"] = batch
            log(f"  small {what} done")
        res["decode"] = {}
        for level in LEVELS:
            for key, argv in (("raw_c", [RAW, "decode", level, 30]),
                              ("lanman_py", [VPY, PYC, "decode", level, 30]),
                              ("lanman_lua", ["lua5.4", LUAC, "decode", level, 30])):
                res["decode"].setdefault(str(level), {})[key] = run_json(argv)
                log(f"  decode level {level} {key} done")
    res["load_after"] = loadavg()
    res["finished"] = time.time()
    with open(os.path.join(outdir, f"results-{n}.json"), "w") as f:
        json.dump(res, f, indent=1)


# ------------------------------------------------------------------ report --

def stats(times):
    return statistics.median(times), min(times), max(times)


def small_batches(d):
    """Per-call mean of each batch of a small-call result (empty if none)."""
    t = d.get("times") or []
    k = d.get("batch") or max(1, len(t) // 5)   # older results: 5 batches
    return [sum(t[i:i + k]) / len(t[i:i + k]) for i in range(0, len(t), k)]


def fmt_s(t):
    if t >= 10:
        return f"{t:.1f} s"
    if t >= 1:
        return f"{t:.2f} s"
    return f"{t * 1000:.1f} ms" if t >= 0.001 else f"{t * 1e6:.0f} µs"


def cell(times, floor):
    if not times:
        return "—"
    med, lo, hi = stats(times)
    ratio = f" **{med / floor:.2f}×**" if floor else ""
    return f"{fmt_s(med)} ({fmt_s(lo)}–{fmt_s(hi)}, n={len(times)}){ratio}"


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    nproc = os.cpu_count()
    return cpu, nproc, platform.release()


def report(outdir):
    files = sorted(glob.glob(os.path.join(outdir, "results-*.json")),
                   key=lambda p: int(p.rsplit("-", 1)[1].split(".")[0]))
    results = [json.load(open(p)) for p in files]
    if not results:
        sys.exit("no results in " + outdir)
    cpu, nproc, kernel = machine()
    when = datetime.datetime.fromtimestamp(results[0]["started"]).strftime("%Y-%m-%d %H:%M")
    L = []
    w = L.append
    w("# lanman benchmarks\n")
    w("Generated by `bench/run` (bench/bench.py report); hand-written findings are in the "
      "last sections (from bench/notes.md).\n")
    w(f"- date: {when} (local time of the run)")
    pin = env("BENCH_PIN", "")
    where = (f"; the DC pinned to CPU {pin.split(':')[0]}, every contender to CPU "
             f"{pin.split(':')[1]} (`taskset`), so they do not take each other's core"
             if pin else "")
    w(f"- machine: {nproc} CPUs (`nproc`), {cpu}, Linux {kernel}; the DC (Samba 4.17, "
      f"`-M single`) runs on the same machine in its own network namespace{where}")
    w(f"- command: `{env('BENCH_COMMAND', 'bench/run')}`")
    w("- load average (1/5/15 min) before → after each N: " + "; ".join(
        f"N={r['N']}: {r['load_before']} → {r['load_after']}" for r in results))
    w(f"- figures: median of the runs (n per cell), (min–max), and **ratio to raw C** "
      f"measured in the same run against the same DC; in-process runs take turns (one "
      f"process per contender and round, the contenders in turn, so load falls on all "
      f"alike), each timed run after a warm-up call in its process (connection, SAMR "
      f"pipe, handles open); whole-process runs by hyperfine (one warm-up run).\n")

    for level in LEVELS:
        title = {0: "level 0 (names)", 3: "level 3 (USER_INFO_3, the detailed record)"}[level]
        w(f"## Enumeration, {title}, in process\n")
        w("| contender | " + " | ".join(f"N={r['N']}" for r in results) +
          " | peak RSS (largest N) | DC CPU per enumeration (largest N) |")
        w("|---|" + "---|" * (len(results) + 2))
        keys = [k for k, _, _ in INPROC]
        for key in keys:
            row = [LABELS[key]]
            rss = "—"
            for r in results:
                d = r["inproc"][str(level)].get(key, {})
                floor_d = r["inproc"][str(level)].get("raw_c", {})
                floor = statistics.median(floor_d["times"]) if floor_d.get("times") else None
                if "error" in d:
                    row.append("error: " + d["error"].replace("|", "/")[:80])
                    continue
                row.append(cell(d.get("times"), floor))
                if d.get("maxrss_kb"):
                    rss = f"{d['maxrss_kb'] / 1024:.0f} MiB"
                cpu = "—"
                if d.get("times") and "server_cpu_s" in d:
                    # the warm-ups are one short call each; spread over the runs
                    cpu = f"{d['server_cpu_s'] / len(d['times']):.2f} s"
            row.append(rss)
            row.append(cpu)
            w("| " + " | ".join(row) + " |")
        w("")
        w(f"## Enumeration, {title}, whole process (start, connect, enumerate, exit)\n")
        base_note = ("ratio to raw C's whole process" if level == 0 else
                     "ratio to raw C's in-process level-3 median (its process start and "
                     "connect are < 0.1 s of it)")
        w(f"Ratio: {base_note}.\n")
        w("| contender | " + " | ".join(f"N={r['N']}" for r in results) + " |")
        w("|---|" + "---|" * len(results))
        wkeys = []
        for r in results:
            for k, v in r["whole"][str(level)].items():
                if k not in [x for x, _ in wkeys]:
                    wkeys.append((k, v["label"]))
        for key, label in wkeys:
            row = [label]
            for r in results:
                d = r["whole"][str(level)].get(key, {})
                if level == 0:
                    fl = r["whole"]["0"].get("raw_c", {}).get("times")
                else:
                    fl = r["inproc"]["3"].get("raw_c", {}).get("times")
                floor = statistics.median(fl) if fl else None
                row.append("error" if "error" in d else cell(d.get("times"), floor))
            w("| " + " | ".join(row) + " |")
        w("")

    micro = [r for r in results if "small" in r]
    if micro:
        r = micro[0]
        w(f"## Small calls (N={r['N']}), per call\n")
        w("Median of the batches of consecutive calls (per-call time of each batch; "
          "the bindings take turns batch by batch), (min–max batch), ratio to raw C.\n")
        w("| call | raw C | lanman Python | lanman Lua |")
        w("|---|---|---|---|")
        for what, label in (("server", "NetServerGetInfo 101"), ("user", "NetUserGetInfo 1")):
            cells, floor = [], None
            for key in ("raw_c", "lanman_py", "lanman_lua"):
                b = small_batches(r["small"][what].get(key, {}))
                if not b:
                    cells.append("error")
                    continue
                med, lo, hi = stats(b)
                if key == "raw_c":
                    floor = med
                cells.append(f"{med * 1e6:.0f} µs ({lo * 1e6:.0f}–{hi * 1e6:.0f}; "
                             f"{1 / med:.0f} calls/s, {len(b)} batches) **{med / floor:.3f}×**")
            w(f"| {label} | " + " | ".join(cells) + " |")
        w("")
        w(f"## Decode cost per record (N={r['N']}, buffer already fetched)\n")
        w("raw C: reading every field of the structs (the floor); lanman: turning the "
          "buffer into dicts / tables (`buf.records()`, `buf:records()`). Median of 30 "
          "passes (min–max).\n")
        w("| level | raw C | lanman Python | lanman Lua |")
        w("|---|---|---|---|")
        for level in LEVELS:
            cells = []
            for key in ("raw_c", "lanman_py", "lanman_lua"):
                d = r["decode"][str(level)].get(key, {})
                if "times" not in d or not d.get("records"):
                    cells.append("error")
                    continue
                per = [t / d["records"] * 1e9 for t in d["times"]]
                med, lo, hi = stats(per)
                cells.append(f"{med:.0f} ns ({lo:.0f}–{hi:.0f})")
            w(f"| {level} | " + " | ".join(cells) + " |")
        w("")

    # targets, at the largest N
    big = results[-1]
    w(f"## Targets of issue 7 (N={big['N']})\n")
    w("| target | measured | met |")
    w("|---|---|---|")

    def med_of(r, level, key):
        d = r["inproc"][str(level)].get(key, {})
        return statistics.median(d["times"]) if d.get("times") else None

    for level in LEVELS:
        floor = med_of(big, level, "raw_c")
        for key in ("py_buffer", "py_session", "lua_buffer", "lua_session"):
            m = med_of(big, level, key)
            if m is None or floor is None:
                continue
            ratio = m / floor
            if level == 3 and key.endswith("session"):
                w(f"| level 3 detailed enumeration ≥ 5× faster than raw libnetapi level 3 "
                  f"({LABELS[key]}) | {floor / m:.1f}× faster | {'yes' if floor / m >= 5 else 'no'} |")
            else:
                w(f"| {LABELS[key]}, level {level}, within 1.10× of raw C | {ratio:.3f}× | "
                  f"{'yes' if ratio <= 1.10 else 'no'} |")
    if micro:
        r = micro[0]
        d = r["decode"]["3"].get("lanman_py", {})
        if d.get("times"):
            ns = statistics.median(d["times"]) / d["records"] * 1e9
            w(f"| level-3 record into a dict under 1 µs | {ns:.0f} ns | {'yes' if ns < 1000 else 'no'} |")
        for what in ("server", "user"):
            fl = small_batches(r["small"][what].get("raw_c", {}))
            for key in ("lanman_py", "lanman_lua"):
                t = small_batches(r["small"][what].get(key, {}))
                if fl and t:   # the same figures as the small-call table
                    ratio = statistics.median(t) / statistics.median(fl)
                    w(f"| small call {what} ({key}) within 1.05× of raw C | {ratio:.3f}× | "
                      f"{'yes' if round(ratio, 3) <= 1.05 else 'no'} |")
    for level in LEVELS:
        imp = med_of(big, level, "impacket")
        for key in ("py_buffer", "py_session"):
            m = med_of(big, level, key)
            if imp and m:
                w(f"| faster than impacket end to end, level {level} ({LABELS[key]}) | "
                  f"{imp / m:.1f}× faster | {'yes' if m < imp else 'no'} |")
    w("")
    w("![time against N](results.png)\n")
    notes = os.path.join(HERE, "notes.md")
    if os.path.exists(notes):
        w(open(notes).read())
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write("\n".join(L) + "\n")
    plot(results)


def plot(results):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 2, figsize=(13, 5.5))
    ns = [r["N"] for r in results]
    for ax, level in zip(axes, LEVELS):
        for key, label, _ in INPROC:
            xs, ys, lo, hi = [], [], [], []
            for r in results:
                d = r["inproc"][str(level)].get(key, {})
                if d.get("times"):
                    med, a, b = stats(d["times"])
                    xs.append(r["N"])
                    ys.append(med)
                    lo.append(med - a)
                    hi.append(b - med)
            if xs:
                ax.errorbar(xs, ys, yerr=[lo, hi], marker="o", capsize=3, label=label)
        for key in ("rpcclient", "net_rpc_user"):
            xs, ys, label = [], [], None
            for r in results:
                d = r["whole"][str(level)].get(key, {})
                if d.get("times"):
                    xs.append(r["N"])
                    ys.append(statistics.median(d["times"]))
                    label = d["label"] + " (whole process)"
            if xs:
                ax.plot(xs, ys, marker="s", linestyle="--", label=label)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(ns)
        ax.set_xticklabels([str(n) for n in ns])
        ax.set_xlabel("users (N)")
        ax.set_ylabel("seconds per full enumeration")
        ax.set_title(f"NetUserEnum level {level} or closest")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(os.path.join(HERE, "results.png"), dpi=110)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "measure":
        measure(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "report":
        report(sys.argv[2])
    else:
        sys.exit(__doc__)
