"""pytest fixtures for lanman's Python tests: a real Samba AD DC.

The DC comes from the env file named by LANMAN_DC_ENV (tests/run-all and
anyone who started one with tests/dc/lanman-dc set it), or, when that is
unset, is started here with tests/dc/lanman-dc into a temporary directory
and stopped at the end of the session (root needed; LANMAN_DC_NET selects
its /24 as for the script).

Nothing here fakes the NetApi: every call goes to that DC over its veth.
"""
import gc
import ipaddress
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

import lanman

ROOT = Path(__file__).resolve().parents[2]
DC_SCRIPT = ROOT / "tests" / "dc" / "lanman-dc"

#: Users the DC script seeds (besides what provisioning creates).
SEEDED_USERS = ["alice", "bob", "carol"] + [f"lmuser{i:02d}" for i in range(40)]


# ---- helpers the test modules share (from conftest import ...) ----------

def fields(family, level):
    """The keys a record of (family, level) has, in order."""
    return list(lanman.LEVELS[(family, level)][1])


def one(buf, family, level):
    """The single record of a GetInfo buffer, checked for shape; frees buf."""
    with buf:
        assert buf.level == (family, level)
        assert len(buf) == 1
        rec = buf[0]
    assert list(rec) == fields(family, level)
    return rec


def records(result):
    """The records of (buf, total, resume) that was the only page."""
    buf, total, resume = result
    with buf:
        recs = buf.records()
    assert resume == 0
    assert total == len(recs)
    return recs


def net_error(call):
    """The NetApiError call() raises (fails the test if it raises none)."""
    with pytest.raises(lanman.NetApiError) as ei:
        call()
    return ei.value


def read_env_file(path):
    env = {}
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        env[key] = value
    for key in ("LANMAN_TEST_SERVER", "LANMAN_TEST_USER", "LANMAN_TEST_PASSWORD",
                "LANMAN_TEST_DOMAIN", "LANMAN_TEST_SHARE", "LANMAN_TEST_SHARE_PATH",
                "LANMAN_TEST_HOSTNAME", "LANMAN_TEST_SEED_PASSWORD"):
        assert env.get(key), f"{path} lacks {key}"
    return env


@pytest.fixture(scope="session")
def dc():
    """The DC's env file as a dict (LANMAN_TEST_SERVER, ..._USER, ...)."""
    path = os.environ.get("LANMAN_DC_ENV")
    if path:
        yield read_env_file(path)
        return
    tmp = tempfile.mkdtemp(prefix="lanman-pytest-dc.")
    try:
        subprocess.run([str(DC_SCRIPT), "start", tmp], check=True,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       timeout=300)
        yield read_env_file(os.path.join(tmp, "env"))
    finally:
        subprocess.run([str(DC_SCRIPT), "stop", tmp], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, timeout=120)


@pytest.fixture(scope="session")
def server(dc):
    return dc["LANMAN_TEST_SERVER"]


@pytest.fixture(scope="session")
def admin_creds(dc):
    return lanman.Credentials(dc["LANMAN_TEST_USER"], dc["LANMAN_TEST_PASSWORD"],
                              dc["LANMAN_TEST_DOMAIN"])


@pytest.fixture(scope="session", autouse=True)
def default_credentials(dc):
    """Low-level calls made without creds= use the DC's administrator."""
    lanman.set_default_credentials(dc["LANMAN_TEST_USER"],
                                   dc["LANMAN_TEST_PASSWORD"],
                                   dc["LANMAN_TEST_DOMAIN"])
    yield
    lanman.set_default_credentials()


@pytest.fixture
def session(dc, server):
    with lanman.Session(server, user=dc["LANMAN_TEST_USER"],
                        password=dc["LANMAN_TEST_PASSWORD"],
                        domain=dc["LANMAN_TEST_DOMAIN"]) as s:
        yield s


def _route_dev(address):
    out = subprocess.run(["ip", "-4", "-o", "route", "get", address],
                         capture_output=True, text=True, check=True).stdout
    fields = out.split()
    assert "dev" in fields, out
    assert not out.startswith("local"), f"{address} is local: {out}"
    return fields[fields.index("dev") + 1]


@pytest.fixture(scope="session")
def unreachable(server):
    """An address on the DC's own veth /24 that nobody answers: a call that
    really went out there would hang for seconds (connect timeout), while
    the packets (ARP only) never leave this machine.  Checked: it routes
    through the same veth as the DC, not through any other interface."""
    ip = ipaddress.ip_address(server)
    net = ipaddress.ip_network(f"{server}/24", strict=False)
    candidate = next(str(h) for h in reversed(list(net.hosts()))
                     if h != ip and str(h).split(".")[-1] not in ("1", "2"))
    dev = _route_dev(server)
    assert _route_dev(candidate) == dev, \
        f"{candidate} does not route through the DC's veth {dev}"
    assert dev.startswith("lmdc"), f"the DC's route uses {dev}, not a lanman-dc veth"
    return candidate


def _clear_last_exception():
    # pytest keeps the last failure's traceback (for post-mortem debugging);
    # its frames would keep a failed test's buffers alive.
    for name in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(sys, name):
            setattr(sys, name, None)


@pytest.fixture(scope="module", autouse=True)
def buffers_balanced():
    """Every module leaves as many NetApi buffers live as it found."""
    gc.collect()
    baseline = lanman.buffer_stats()["live"]
    yield
    _clear_last_exception()
    gc.collect()
    stats = lanman.buffer_stats()
    assert stats["live"] == baseline, f"NetApi buffers leaked: {stats}, baseline {baseline}"


@pytest.fixture(autouse=True)
def no_libnetapi_output_on_stdout(capfd):
    """libnetapi prints "session setup failed: ..." on stdout; lanman must
    keep it off the script's stdout (checked at the file-descriptor level)."""
    yield
    out, _err = capfd.readouterr()
    assert "session setup failed" not in out
    assert "NT_STATUS_" not in out


# ---- child processes -----------------------------------------------------
#
# Calls that make libnetapi print (failed session setups, unreachable
# servers) run in a child interpreter: what they do to the process (its
# stdout, its stdin, its heap) is then observed from outside, and cannot
# take the pytest process down with it.

CHILD_PRELUDE = r'''
import json, os, sys, time, traceback
import lanman
E = os.environ
S = E["LANMAN_TEST_SERVER"]
DOMAIN = E["LANMAN_TEST_DOMAIN"]
ADMIN = lanman.Credentials(E["LANMAN_TEST_USER"], E["LANMAN_TEST_PASSWORD"], DOMAIN)
RESULTS = []

def outcome(fn):
    """Runs fn(); a dict describing what happened, appended to RESULTS."""
    t0 = time.monotonic()
    try:
        value = fn()
        if isinstance(value, tuple):
            value = value[0]
        if isinstance(value, lanman.Buffer):
            with value:
                value = value.records()
        r = {"ok": True, "value": value}
    except lanman.NetApiError as e:
        r = {"ok": False, "type": type(e).__name__, "code": e.code,
             "name": e.name, "function": e.function, "server": e.server,
             "str": str(e), "repr": repr(e), "args": [str(a) for a in e.args],
             "traceback": traceback.format_exc()}
    r["seconds"] = time.monotonic() - t0
    RESULTS.append(r)
    return r

def done():
    with open(E["LANMAN_T_RESULT"], "w") as f:
        json.dump(RESULTS, f, default=repr)
'''


def run_child(dc, body, timeout=60, extra_env=None):
    """Runs CHILD_PRELUDE + body in a fresh interpreter (this one's
    executable) with the DC's env; stdin is a pipe that is never written.
    Returns (CompletedProcess with text stdout/stderr, RESULTS list or None)."""
    fd, result_path = tempfile.mkstemp(prefix="lanman-child.", suffix=".json")
    os.close(fd)
    os.unlink(result_path)
    env = dict(os.environ)
    env.update(dc)
    env["LANMAN_T_RESULT"] = result_path
    env.update(extra_env or {})
    code = CHILD_PRELUDE + "\n" + textwrap.dedent(body)
    # stdout/stderr go to files, so stdin can stay open (and unwritten) for
    # the child's whole life: a child reading it blocks until the timeout.
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        proc = subprocess.Popen([sys.executable, "-c", code],
                                stdin=subprocess.PIPE, stdout=out_f,
                                stderr=err_f, env=env, cwd=tempfile.gettempdir())
        try:
            proc.wait(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            timed_out = True
        finally:
            proc.stdin.close()
        out_f.seek(0)
        err_f.seek(0)
        out = out_f.read().decode(errors="replace")
        err = err_f.read().decode(errors="replace")
    if timed_out:
        pytest.fail(f"child still running after {timeout}s (waiting on stdin?)\n"
                    f"stdout: {out!r}\nstderr: {err}")
    completed = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    results = None
    if os.path.exists(result_path):
        with open(result_path) as f:
            results = json.load(f)
        os.unlink(result_path)
    return completed, results


@pytest.fixture
def child(dc):
    """child(body, timeout=60, extra_env=None) -> (CompletedProcess, results)."""
    def run(body, timeout=60, extra_env=None):
        return run_child(dc, body, timeout=timeout, extra_env=extra_env)
    return run
