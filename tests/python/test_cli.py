"""The `lanman` command line, end to end against the real DC: every
subcommand, the three output formats, exit codes, --help examples,
credentials (-U forms, -A and its permission check, LANMAN_PASSWORD, the
prompt on a terminal, -k), the progress indicator on a terminal, and that
no password ever appears in a command line (/proc/PID/cmdline, sampled
while the process runs) or in any output.

run_watched() is shared with test_examples.py and test_win32net_scripts.py.
"""
import csv
import fcntl
import io
import itertools
import json
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import pytest

import lanman

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
LANMAN = BIN / "lanman"
_n = itertools.count()


# ---- running a process and watching its command line ------------------------

def _descendants(pid):
    kids = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def _cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None


def run_watched(argv, env=None, stdin_text=None, timeout=120, secrets=(),
                cwd=None, stderr_tty=False, new_session=True):
    """Runs argv with stdout/stderr in files (stderr on a pty with
    stderr_tty); samples the command lines of the process and its
    descendants every 2 ms while it runs.  Asserts that no secret appears
    in any command line, in stdout or in stderr.  Returns a
    CompletedProcess (text) with .cmdlines (every distinct one seen)."""
    secrets = [s for s in secrets if s]
    for s in secrets:
        assert s not in " ".join(map(str, argv)), "a secret in the test's own argv"
    out_f = tempfile.TemporaryFile()
    err_f = None
    master = slave = None
    if stderr_tty:
        master, slave = pty.openpty()
        stderr = slave
    else:
        err_f = tempfile.TemporaryFile()
        stderr = err_f
    proc = subprocess.Popen(
        [str(a) for a in argv], stdin=subprocess.PIPE if stdin_text is not None
        else subprocess.DEVNULL, stdout=out_f, stderr=stderr, env=env, cwd=cwd,
        start_new_session=new_session)
    if slave is not None:
        os.close(slave)
    if stdin_text is not None:
        proc.stdin.write(stdin_text.encode())
        proc.stdin.close()
    seen = set()
    tty_bytes = b""
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        for pid in _descendants(proc.pid):
            line = _cmdline(pid)
            if line:
                seen.add(line)
        if master is not None:
            while select.select([master], [], [], 0)[0]:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                tty_bytes += chunk
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL) if new_session else proc.kill()
            proc.wait()
            pytest.fail(f"{argv} still running after {timeout}s")
        time.sleep(0.002)
    if master is not None:
        while True:
            try:
                r = select.select([master], [], [], 0.05)[0]
                chunk = os.read(master, 4096) if r else b""
            except OSError:
                chunk = b""
            if not chunk:
                break
            tty_bytes += chunk
        os.close(master)
        err = tty_bytes.decode(errors="replace")
    else:
        err_f.seek(0)
        err = err_f.read().decode(errors="replace")
        err_f.close()
    out_f.seek(0)
    out = out_f.read().decode(errors="replace")
    out_f.close()
    for s in secrets:
        for line in seen:
            assert s not in line, f"a password in a command line: {line!r}"
        assert s not in out, "a password on stdout"
        assert s not in err, "a password on stderr"
    cp = subprocess.CompletedProcess(argv, proc.returncode, out, err)
    cp.cmdlines = seen
    return cp


def base_env(dc, **extra):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LANMAN_") or k == "LANMAN_DC_ENV"}
    env["LANMAN_PASSWORD"] = dc["LANMAN_TEST_PASSWORD"]
    env.update(extra)
    return env


def admin(dc):
    return f"{dc['LANMAN_TEST_DOMAIN']}\\{dc['LANMAN_TEST_USER']}"


def secrets_of(dc, *more):
    return (dc["LANMAN_TEST_PASSWORD"], dc["LANMAN_TEST_SEED_PASSWORD"]) + more


@pytest.fixture
def cli(dc):
    """cli(*args, stdin=None, env=None, secrets=(), stderr_tty=False) runs
    `lanman -S server -U DOMAIN\\admin *args` with LANMAN_PASSWORD set."""
    assert LANMAN.exists(), f"{LANMAN}: the console script pip installs"

    def run(*args, stdin=None, env=None, secrets=(), stderr_tty=False, login=True):
        argv = [LANMAN]
        if login:
            argv += ["-S", dc["LANMAN_TEST_SERVER"], "-U", admin(dc)]
        argv += list(args)
        return run_watched(argv, env=env or base_env(dc), stdin_text=stdin,
                           secrets=secrets_of(dc, *secrets), stderr_tty=stderr_tty)
    return run


def ok(cp):
    assert cp.returncode == 0, f"exit {cp.returncode}\nstdout: {cp.stdout}\nstderr: {cp.stderr}"
    return cp.stdout


def table(text):
    """A table's rows as dicts (columns found from the dashes line)."""
    lines = text.rstrip("\n").split("\n")
    dashes = lines[1]
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", dashes)]
    cols = []
    for i, (a, _b) in enumerate(spans):
        end = spans[i + 1][0] if i + 1 < len(spans) else None
        cols.append((a, end))
    names = [lines[0][a:b].strip() for a, b in cols]
    return [{n: line[a:b].strip() if b else line[a:].strip() for n, (a, b) in
             zip(names, cols)} for line in lines[2:] if line != "(none)"]


def pairs(text):
    out = {}
    for line in text.splitlines():
        key, _, value = line.partition(" ")
        out[key] = value.strip()
    return out


def unique(prefix):
    return f"{prefix}{os.getpid() % 10000}x{next(_n)}"


PW = "Cli-" + os.urandom(4).hex() + "-Xq7!"
PW2 = "Cli-" + os.urandom(4).hex() + "-Yr8!"
PW3 = "Cli-" + os.urandom(4).hex() + "-Zs9!"
PW4 = "Cli-" + os.urandom(4).hex() + "-Wt6!"


@pytest.fixture
def temp_user(server):
    name = unique("cliu")
    yield name
    try:
        lanman.NetUserDel(server, name)
    except lanman.NetApiError:
        pass


def logs_on(server, dc, user, password):
    try:
        lanman.NetUserGetInfo(server, user, 0, creds=lanman.Credentials(
            user, password, dc["LANMAN_TEST_DOMAIN"])).free()
        return True
    except lanman.NetApiError as e:
        assert e.code in (1326, 1907, 1909, 1330), e
        return False


# ---- help, usage, exit codes ---------------------------------------------------

LEAVES = ["users", "user show", "user add", "user delete", "user set", "user passwd",
          "user groups", "groups", "group members", "group add", "group remove",
          "group create", "group delete", "localgroups", "localgroup members",
          "localgroup add", "localgroup remove", "shares", "share add", "share delete",
          "share set", "files", "server-info", "wksta-info", "time", "dc", "join-info",
          "policy"]


def test_help_everywhere_has_an_example(dc):
    env = base_env(dc)
    top = run_watched([LANMAN, "--help"], env=env)
    assert top.returncode == 0 and "example:" in top.stdout
    for cmd in {c.split()[0] for c in LEAVES}:
        assert cmd in top.stdout
    for leaf in LEAVES + ["user", "group", "localgroup", "share"]:
        cp = run_watched([LANMAN, *leaf.split(), "--help"], env=env)
        assert cp.returncode == 0, (leaf, cp.stderr)
        assert "example:" in cp.stdout and "lanman " in cp.stdout, leaf
        assert "-S HOST" in cp.stdout or leaf in ("user", "group", "localgroup", "share")


@pytest.mark.parametrize("args, needle", [
    ([], "required"),
    (["frobnicate"], "invalid choice"),
    (["user"], "required"),
    (["user", "show"], "name"),
    (["users", "--format", "xml"], "invalid choice"),
    (["users", "--level", "abc"], "not a number"),
    (["user", "show", "alice", "--level", "7"], "7 is not supported"),
    (["share", "add", "x", "/tmp", "--max-uses", "lots"], "not a number"),
])
def test_usage_errors_exit_2(dc, args, needle):
    cp = run_watched([LANMAN, "-S", dc["LANMAN_TEST_SERVER"], *args], env=base_env(dc))
    assert cp.returncode == 2 and needle in cp.stderr, cp.stderr


def test_netapi_error_exits_1_and_names_everything(cli, dc):
    cp = cli("user", "show", "no-such-user-x")
    assert cp.returncode == 1 and cp.stdout == ""
    for needle in ("user show", "NetUserGetInfo", dc["LANMAN_TEST_SERVER"], "2221",
                   "NERR_UserNotFound"):
        assert needle in cp.stderr


def test_no_server_is_a_usage_error(dc):
    cp = run_watched([LANMAN, "-U", admin(dc), "users"], env=base_env(dc))
    assert cp.returncode == 2 and "no server" in cp.stderr


# ---- credentials ----------------------------------------------------------------

def test_user_forms(dc, server):
    env = base_env(dc)
    user = dc["LANMAN_TEST_USER"]
    for who, extra in ((admin(dc), []), (f"{user}@{dc['LANMAN_TEST_REALM']}", []),
                       (user, ["-W", dc["LANMAN_TEST_DOMAIN"]])):
        cp = run_watched([LANMAN, "-S", "\\\\" + server, "-U", who, *extra,
                          "user", "show", "alice", "--level", "0"], env=env,
                         secrets=secrets_of(dc))
        assert ok(cp).split() == ["name", "alice"], who


def test_password_on_the_command_line_is_refused(dc, server):
    cp = run_watched([LANMAN, "-S", server, "-U", admin(dc) + "%notapassword",
                      "users"], env=base_env(dc))
    assert cp.returncode == 2 and "command line" in cp.stderr
    assert "notapassword" not in cp.stderr


def test_wrong_password_exits_1(dc, server):
    env = base_env(dc, LANMAN_PASSWORD="Wr0ng-cli-pw-1b2c")
    cp = run_watched([LANMAN, "-S", server, "-U", admin(dc), "users"], env=env,
                     secrets=("Wr0ng-cli-pw-1b2c",) + secrets_of(dc))
    assert cp.returncode == 1 and "1326" in cp.stderr and "ERROR_LOGON_FAILURE" in cp.stderr


def test_no_password_without_a_terminal_exits_2(dc, server):
    env = base_env(dc)
    del env["LANMAN_PASSWORD"]
    cp = run_watched([LANMAN, "-S", server, "-U", admin(dc), "users"], env=env)
    assert cp.returncode == 2 and "LANMAN_PASSWORD" in cp.stderr


def test_authentication_file(dc, server, tmp_path):
    env = base_env(dc)
    del env["LANMAN_PASSWORD"]
    auth = tmp_path / "auth"
    shutil.copyfile(dc["LANMAN_TEST_AUTHFILE"], auth)
    os.chmod(auth, 0o600)
    cp = run_watched([LANMAN, "-S", server, "-A", auth, "user", "show", "bob", "--level",
                      "10"], env=env, secrets=secrets_of(dc))
    assert pairs(ok(cp))["full_name"] == "Bob Brown"
    # LANMAN_AUTHFILE works too, and -U naming the file's user keeps its password
    cp = run_watched([LANMAN, "-S", server, "-U", admin(dc), "users", "--level", "0"],
                     env=dict(env, LANMAN_AUTHFILE=str(auth)), secrets=secrets_of(dc))
    assert "alice" in ok(cp)
    for mode in (0o644, 0o640, 0o604, 0o660):
        os.chmod(auth, mode)
        cp = run_watched([LANMAN, "-S", server, "-A", auth, "users"], env=env,
                         secrets=secrets_of(dc))
        assert cp.returncode == 2, mode
        assert f"{mode:04o}" in cp.stderr and "group or others" in cp.stderr
        assert f"chmod 600 {auth}" in cp.stderr


def test_authentication_file_syntax_errors_never_quote_the_line(dc, server, tmp_path):
    auth = tmp_path / "auth"
    auth.write_text("username = x\npasswd: Sekr3t-never-shown\n")
    os.chmod(auth, 0o600)
    env = base_env(dc)
    cp = run_watched([LANMAN, "-S", server, "-A", auth, "users"], env=env,
                     secrets=("Sekr3t-never-shown",))
    assert cp.returncode == 2 and "line 2" in cp.stderr


def _prompted_run(argv, env, answer, timeout=60):
    """Runs argv with a new pty as its controlling terminal; answers the
    password prompt with `answer`.  (rc, everything written to the tty)."""
    master, slave = pty.openpty()

    def become_tty_owner():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    proc = subprocess.Popen([str(a) for a in argv], stdin=slave, stdout=slave,
                            stderr=slave, env=env, preexec_fn=become_tty_owner)
    os.close(slave)
    seen, answered = b"", False
    deadline = time.monotonic() + timeout
    while True:
        r = select.select([master], [], [], 0.1)[0]
        if r:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                chunk = b""
            if not chunk and proc.poll() is not None:
                break
            seen += chunk
        if not answered and b"Password for" in seen:
            os.write(master, answer.encode() + b"\n")
            answered = True
        if proc.poll() is not None and not r:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"prompted run timed out: {seen!r}")
    proc.wait()
    os.close(master)
    return proc.returncode, seen.decode(errors="replace"), answered


def test_password_prompt_on_the_terminal(dc, server):
    env = base_env(dc)
    del env["LANMAN_PASSWORD"]
    pw = dc["LANMAN_TEST_PASSWORD"]
    rc, tty, answered = _prompted_run([LANMAN, "-S", server, "-U", admin(dc), "user",
                                       "show", "alice", "--level", "0"], env, pw)
    assert answered and rc == 0, tty
    assert f"Password for {admin(dc)}:" in tty and "alice" in tty
    assert pw not in tty          # not echoed


def test_kerberos_asks_no_password(dc, server, tmp_path):
    """-k uses the credential cache: with an empty one the call fails (exit
    1) without any prompt and without reading LANMAN_PASSWORD."""
    env = base_env(dc, KRB5CCNAME=f"FILE:{tmp_path}/empty-ccache")
    del env["LANMAN_PASSWORD"]
    cp = run_watched([LANMAN, "-S", server, "-k", "-U", admin(dc), "user", "show",
                      "alice", "--level", "0"], env=env, timeout=90)
    assert cp.returncode in (0, 1), cp.stderr
    assert "Password for" not in cp.stderr
    if cp.returncode == 1:
        assert "NetUserGetInfo" in cp.stderr


# ---- output formats -------------------------------------------------------------

def test_users_three_formats(cli, dc):
    rows = table(ok(cli("users")))
    by = {r["name"]: r for r in rows}
    assert by["alice"]["flags"] == "UF_SCRIPT|UF_NORMAL_ACCOUNT"
    assert "UF_ACCOUNTDISABLE" in by["carol"]["flags"].split("|")
    assert by["alice"]["full_name"] == "Alice Adams"
    assert {"lmuser00", "lmuser39", "bob"} <= set(by)
    data = json.loads(ok(cli("--format", "json", "users")))
    jby = {r["name"]: r for r in data}
    assert jby["alice"]["flags"] == lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT
    assert set(jby["alice"]) == {"name", "full_name", "comment", "flags", "user_id"}
    text = ok(cli("users", "--format", "csv", "--level", "0"))
    reader = list(csv.DictReader(io.StringIO(text)))
    assert reader[0].keys() == {"name"} and len(reader) == len(rows)
    # the filter
    normal = {r["name"] for r in json.loads(ok(cli("users", "--format", "json",
                                                   "--filter", "2", "--level", "0")))}
    assert "alice" in normal


def test_table_is_aligned(cli):
    text = ok(cli("groups"))
    lines = text.rstrip("\n").split("\n")
    starts = [m.start() for m in re.finditer(r"-+", lines[1])]
    header_starts = [m.start() for m in re.finditer(r"\S+", lines[0])]
    assert starts == header_starts
    for line in lines[2:]:
        for s in starts[1:]:
            assert line[s - 1] == " " and line[s - 2] == " " or line[s - 1] == " "


def test_user_show(cli, dc):
    info = pairs(ok(cli("user", "show", "alice")))
    assert info["name"] == "alice" and info["flags"] == "UF_SCRIPT|UF_NORMAL_ACCOUNT"
    assert info["priv"] == "USER_PRIV_USER" and info["acct_expires"] == "never"
    assert info["last_logon"] in ("never",) or re.match(r"\d{4}-\d\d-\d\dT", info["last_logon"])
    assert info["user_sid"].startswith("S-1-5-21-") and info["logon_hours"] == "all"
    data = json.loads(ok(cli("user", "show", "alice", "--level", "2", "--format", "json")))
    assert data["acct_expires"] == 0xFFFFFFFF and data["logon_hours"] == "ff" * 21


# ---- user add / set / passwd / groups / delete --------------------------------

def test_user_lifecycle(cli, dc, server, temp_user):
    name = temp_user
    out = ok(cli("user", "add", name, "--full-name", "Cli User", "--comment", "made by cli",
                 "--password-stdin", stdin=PW + "\n", secrets=(PW,)))
    assert out == f"user {name} added\n"
    assert logs_on(server, dc, name, PW)
    # an existing name: exit 1, NERR_UserExists
    cp = cli("user", "add", name, env=base_env(dc, LANMAN_NEW_PASSWORD=PW), secrets=(PW,))
    assert cp.returncode == 1 and "2224" in cp.stderr and "NERR_UserExists" in cp.stderr
    ok(cli("user", "set", name, "--disable", "--comment", "changed", "--expires",
           "2031-01-02", "--password-never-expires", "yes"))
    info = pairs(ok(cli("user", "show", name, "--level", "2")))
    assert info["flags"] == \
        "UF_SCRIPT|UF_ACCOUNTDISABLE|UF_NORMAL_ACCOUNT|UF_DONT_EXPIRE_PASSWD"
    assert info["comment"] == "changed" and info["full_name"] == "Cli User"
    assert info["acct_expires"] == "2031-01-02T00:00:00Z"
    ok(cli("user", "set", name, "--enable", "--expires", "never", "--password-never-expires",
           "no", "--set-flag", "UF_NOT_DELEGATED", "--full-name", "Renamed"))
    j = json.loads(ok(cli("user", "show", name, "--level", "2", "--format", "json")))
    assert j["flags"] == lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT | \
        lanman.UF_NOT_DELEGATED
    assert j["acct_expires"] == 0xFFFFFFFF and j["full_name"] == "Renamed"
    ok(cli("user", "set", name, "--clear-flag", "not_delegated", "--unlock"))
    cp = cli("user", "set", name)
    assert cp.returncode == 2 and "nothing to change" in cp.stderr
    cp = cli("user", "set", name, "--set-flag", "UF_NO_SUCH_FLAG")
    assert cp.returncode == 2 and "UF_NO_SUCH_FLAG" in cp.stderr
    # the administrator sets a password (from LANMAN_NEW_PASSWORD)
    ok(cli("user", "passwd", name, env=base_env(dc, LANMAN_NEW_PASSWORD=PW2),
           secrets=(PW, PW2)))
    assert logs_on(server, dc, name, PW2) and not logs_on(server, dc, name, PW)
    # the user changes it knowing the old one (the domain's minimum password
    # age, 1 day, lifted meanwhile)
    with lanman.NetUserModalsGet(server, 0) as buf:
        before = buf[0]
    lanman.NetUserModalsSet(server, 1003, {"min_passwd_age": 0})
    try:
        ok(cli("user", "passwd", name, "--change", "--password-stdin",
               stdin=f"{PW2}\n{PW3}\n", secrets=(PW, PW2, PW3)))
        assert logs_on(server, dc, name, PW3)
        # the old and new passwords from the environment
        ok(cli("user", "passwd", name, "--change", env=base_env(
            dc, LANMAN_OLD_PASSWORD=PW3, LANMAN_NEW_PASSWORD=PW4), secrets=(PW3, PW4)))
        assert logs_on(server, dc, name, PW4) and not logs_on(server, dc, name, PW3)
        # a wrong old password: exit 1
        cp = cli("user", "passwd", name, "--change", env=base_env(
            dc, LANMAN_OLD_PASSWORD=PW2, LANMAN_NEW_PASSWORD=PW), secrets=(PW2, PW))
        assert cp.returncode == 1 and "NetUserChangePassword" in cp.stderr
    finally:
        lanman.NetUserModalsSet(server, 0, before)
    assert logs_on(server, dc, name, PW4) and not logs_on(server, dc, name, PW2)
    # groups
    ok(cli("group", "add", "lanman-ops", name))
    rows = table(ok(cli("user", "groups", name)))
    assert {(r["name"], r["kind"]) for r in rows} >= {("Domain Users", "global"),
                                                      ("lanman-ops", "global"),
                                                      ("Users", "local")}
    assert [r["name"] for r in table(ok(cli("user", "groups", name, "--local-only",
                                            "--direct")))] == []
    ok(cli("user", "delete", name))
    cp = cli("user", "delete", name)
    assert cp.returncode == 1 and "NERR_UserNotFound" in cp.stderr


def test_user_add_password_sources(cli, dc, server, temp_user):
    # no password source and no terminal: a usage error, nothing created
    cp = cli("user", "add", temp_user)
    assert cp.returncode == 2 and "--password-stdin" in cp.stderr
    with pytest.raises(lanman.NetApiError):
        lanman.NetUserGetInfo(server, temp_user, 0)
    ok(cli("user", "add", temp_user, "--disable", "--expires", "2030-06-30T12:00:00Z",
           env=base_env(dc, LANMAN_NEW_PASSWORD=PW), secrets=(PW,)))
    j = json.loads(ok(cli("user", "show", temp_user, "--level", "2", "--format", "json")))
    assert j["flags"] & lanman.UF_ACCOUNTDISABLE
    assert j["acct_expires"] == 1909051200


# ---- groups ---------------------------------------------------------------------

def test_groups_and_members(cli, dc, temp_user):
    rows = {r["name"]: r for r in table(ok(cli("groups")))}
    assert rows["Domain Admins"]["group_id"] == "512"
    assert rows["lanman-ops"]["attributes"] == \
        "SE_GROUP_MANDATORY|SE_GROUP_ENABLED_BY_DEFAULT|SE_GROUP_ENABLED"
    members = [r["name"] for r in table(ok(cli("group", "members", "lanman-ops")))]
    assert sorted(members) == ["alice", "bob"]
    group = unique("clig")
    ok(cli("group", "create", group, "--comment", "cli group"))
    try:
        ok(cli("user", "add", temp_user, env=base_env(dc, LANMAN_NEW_PASSWORD=PW),
               secrets=(PW,)))
        assert ok(cli("group", "add", group, "alice", temp_user)) == \
            f"group {group}: added alice, {temp_user}\n"
        got = json.loads(ok(cli("group", "members", group, "--format", "json",
                                "--level", "0")))
        assert sorted(r["name"] for r in got) == sorted(["alice", temp_user])
        ok(cli("group", "remove", group, "alice"))
        assert [r["name"] for r in table(ok(cli("group", "members", group)))] == [temp_user]
        cp = cli("group", "members", "no-such-group-x")
        assert cp.returncode == 1 and "NERR_GroupNotFound" in cp.stderr
    finally:
        ok(cli("group", "delete", group))
    assert cli("group", "members", group).returncode == 1


def test_localgroups_and_members(cli, dc, server, temp_user):
    domain = dc["LANMAN_TEST_DOMAIN"]
    names = [r["name"] for r in table(ok(cli("localgroups")))]
    assert "Administrators" in names and "Guests" in names
    rows = table(ok(cli("localgroup", "members", "Administrators")))
    assert {"domainandname": f"{domain}\\Domain Admins", "sidusage": "SidTypeGroup"}.items() \
        <= {k: v for k, v in rows[[r["domainandname"] for r in rows]
                                   .index(f"{domain}\\Domain Admins")].items()}.items()
    ok(cli("user", "add", temp_user, env=base_env(dc, LANMAN_NEW_PASSWORD=PW), secrets=(PW,)))
    who = f"{domain}\\{temp_user}"
    ok(cli("localgroup", "add", "Guests", who))
    got = json.loads(ok(cli("localgroup", "members", "Guests", "--format", "json")))
    mine = [r for r in got if r["domainandname"] == who]
    assert len(mine) == 1 and mine[0]["sidusage"] == 1
    ok(cli("localgroup", "remove", "Guests", who))
    assert who not in ok(cli("localgroup", "members", "Guests"))
    # by SID
    ok(cli("localgroup", "add", "Guests", mine[0]["sid"]))
    assert who in ok(cli("localgroup", "members", "Guests"))
    ok(cli("localgroup", "remove", "Guests", mine[0]["sid"]))
    assert who not in ok(cli("localgroup", "members", "Guests"))


# ---- shares and files -----------------------------------------------------------

def test_shares(cli, dc, server):
    rows = {r["netname"]: r for r in table(ok(cli("shares")))}
    share = dc["LANMAN_TEST_SHARE"]
    assert rows[share]["type"] == "STYPE_DISKTREE" and rows[share]["max_uses"] == "10"
    assert rows["IPC$"]["type"] == "STYPE_IPC|STYPE_SPECIAL"
    assert rows["sysvol"]["max_uses"] == "unlimited"
    name = unique("clis")
    path = Path(dc["LANMAN_TEST_SHARE_PATH"]).parent / name
    path.mkdir()
    try:
        ok(cli("share", "add", name, str(path), "--remark", "cli share", "--max-uses", "7"))
        got = {r["netname"]: r for r in json.loads(ok(cli("shares", "--format", "json")))}
        assert got[name]["remark"] == "cli share" and got[name]["max_uses"] == 7
        ok(cli("share", "set", name, "--remark", "new remark"))
        ok(cli("share", "set", name, "--max-uses", "unlimited"))
        got = {r["netname"]: r for r in json.loads(ok(cli("shares", "--format", "json")))}
        assert got[name]["remark"] == "new remark" and got[name]["max_uses"] == 0xFFFFFFFF
        assert cli("share", "set", name).returncode == 2
        ok(cli("share", "delete", name))
        assert name not in ok(cli("shares", "--level", "0"))
        cp = cli("share", "delete", name)
        assert cp.returncode == 1 and "NetShareDel" in cp.stderr
    finally:
        try:
            lanman.NetShareDel(server, name)
        except lanman.NetApiError:
            pass
        shutil.rmtree(path, ignore_errors=True)


def test_files(cli, dc, server):
    out = ok(cli("files"))
    assert out.startswith("id") and out.rstrip().endswith("(none)")
    assert json.loads(ok(cli("files", "--format", "json"))) == []
    # a file held open over SMB shows up
    name = f"cli-held-{os.getpid()}.txt"
    target = Path(dc["LANMAN_TEST_SHARE_PATH"]) / name
    target.write_text("lanman\n")
    proc = subprocess.Popen(
        ["smbclient", f"//{server}/{dc['LANMAN_TEST_SHARE']}", "-A",
         dc["LANMAN_TEST_AUTHFILE"], "--use-kerberos=off"], stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    proc.stdin.write(f"open {name}\n")
    proc.stdin.flush()
    try:
        deadline = time.monotonic() + 15
        while True:
            rows = json.loads(ok(cli("files", "--format", "json")))
            hits = [r for r in rows if r["path_name"].endswith(name)]
            if hits or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        assert len(hits) == 1
        rows = table(ok(cli("files", "--owner", hits[0]["user_name"])))
        assert any(r["path_name"].endswith(name) and "PERM_FILE_READ" in r["permissions"]
                   for r in rows)
    finally:
        proc.stdin.close()
        proc.wait(timeout=20)
        target.unlink()


# ---- server, time, domain, policy -----------------------------------------------

def test_server_and_wksta_info(cli, dc):
    info = pairs(ok(cli("server-info")))
    assert info["name"] == dc["LANMAN_TEST_HOSTNAME"] and info["platform_id"] == "PLATFORM_ID_NT"
    assert "SV_TYPE_SERVER" in info["type"].split("|")
    j = json.loads(ok(cli("server-info", "--level", "102", "--format", "json")))
    assert j["name"] == dc["LANMAN_TEST_HOSTNAME"] and "userpath" in j
    w = pairs(ok(cli("wksta-info")))
    assert w["langroup"] == dc["LANMAN_TEST_DOMAIN"] and w["computername"] == \
        dc["LANMAN_TEST_HOSTNAME"]


def test_time(cli):
    info = pairs(ok(cli("time")))
    t = info["elapsedt"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", t)
    j = json.loads(ok(cli("time", "--format", "json")))
    assert abs(j["elapsedt"] - time.time()) < 300
    assert set(j) >= {"elapsedt", "hours", "mins", "secs", "day", "month", "year", "timezone"}


def test_dc(cli, dc, server):
    info = pairs(ok(cli("dc")))
    assert info["DomainControllerName"] == "\\\\" + dc["LANMAN_TEST_HOSTNAME"]
    assert info["DomainControllerAddress"] == "\\\\" + server
    assert "DS_PDC_FLAG" in info["Flags"].split("|")
    j = json.loads(ok(cli("dc", "--domain", dc["LANMAN_TEST_DOMAIN"], "--flag",
                          "DS_PDC_REQUIRED", "--format", "json")))
    assert j["DomainName"] == dc["LANMAN_TEST_DOMAIN"]
    assert pairs(ok(cli("dc", "--pdc")))["dc_name"] == "\\\\" + dc["LANMAN_TEST_HOSTNAME"]
    assert cli("dc", "--flag", "DS_NO_SUCH").returncode == 2


def test_join_info(cli, dc, server):
    cp = cli("join-info")
    if cp.returncode == 0:
        info = pairs(cp.stdout)
        assert info["name"] and info["join_status"].startswith("NetSetup")
    else:
        # Samba's DC does not implement the call remotely; the error says so
        assert cp.returncode == 1
        for needle in ("join-info", "NetGetJoinInformation", server):
            assert needle in cp.stderr


def test_policy(cli):
    info = pairs(ok(cli("policy")))
    assert info["max_passwd_age"] == "42 days" and info["min_passwd_age"] == "1 day"
    assert info["role"] == "UAS_ROLE_PRIMARY" and info["force_logoff"] == "never"
    assert info["domain_id"].startswith("S-1-5-21-")
    assert info["lockout_duration"] == "30 minutes"
    j = json.loads(ok(cli("policy", "--level", "3", "--format", "json")))
    assert j == {"lockout_duration": 1800, "lockout_observation_window": 1800,
                 "lockout_threshold": 0}
    text = ok(cli("policy", "--format", "csv", "--level", "0"))
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["max_passwd_age"] == str(42 * 86400)


# ---- progress --------------------------------------------------------------------

def test_progress_on_a_terminal(cli, dc):
    env = base_env(dc, LANMAN_PROGRESS_DELAY="0")
    cp = cli("users", "--level", "0", env=env, stderr_tty=True)
    assert cp.returncode == 0
    assert re.search(r"lanman: NetUserEnum: \d+ records, \d+\.\d s", cp.stderr), cp.stderr
    assert cp.stderr.endswith("\r\x1b[K")     # erased when done
    assert "lanman:" not in cp.stdout
    # not a terminal: nothing on stderr
    cp = cli("users", "--level", "0", env=env)
    assert cp.returncode == 0 and cp.stderr == ""


def test_option_order_is_free(dc, server):
    env = base_env(dc)
    a = run_watched([LANMAN, "users", "-S", server, "-U", admin(dc), "--level", "0",
                     "--format", "json"], env=env, secrets=secrets_of(dc))
    b = run_watched([LANMAN, "--format", "json", "-S", server, "-U", admin(dc), "--level",
                     "0", "users"], env=env, secrets=secrets_of(dc))
    assert json.loads(ok(a)) == json.loads(ok(b))
