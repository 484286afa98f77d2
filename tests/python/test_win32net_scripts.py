"""pywin32 scripts (tests/pywin32_scripts/, written for win32net on Windows)
run unchanged with `python -m lanman.pywin32` against the real DC; their
output is checked, and no password shows in a command line or an output.
"""
import os
import sys
from pathlib import Path

import lanman

from test_cli import admin, base_env, run_watched, secrets_of

SCRIPTS = Path(__file__).resolve().parents[1] / "pywin32_scripts"


def runner(dc, script, *args, env=None, secrets=(), options=None):
    argv = [sys.executable, "-m", "lanman.pywin32"]
    argv += options if options is not None else ["-U", admin(dc)]
    argv += [SCRIPTS / script, *args]
    return run_watched(argv, env=env or base_env(dc), secrets=secrets_of(dc, *secrets),
                       cwd=str(SCRIPTS))


def test_scripts_use_nothing_but_pywin32():
    for script in SCRIPTS.glob("*.py"):
        text = script.read_text()
        assert "import lanman" not in text and "from lanman" not in text, script
        assert "import win32net" in text, script


def test_list_users_resume_loop(dc, server):
    cp = runner(dc, "list_users.py", server)
    assert cp.returncode == 0, cp.stderr
    lines = cp.stdout.splitlines()
    names = {line.split()[0]: line for line in lines[:-1]}
    assert {"alice", "bob", "carol", "lmuser00", "lmuser39", "Administrator"} <= set(names)
    assert "disabled" in names["carol"] and "disabled" not in names["alice"]
    assert names["Administrator"].split()[1] == "admin"
    assert names["alice"].split()[1] == "user"
    count, pages = lines[-1].split()[0], lines[-1].split()[3]
    assert int(count) == len(names) and int(pages) > 1   # 512-byte pages


def test_user_lifecycle(dc, server):
    name = f"pw32life{os.getpid() % 10000}"
    pw = "Life-" + os.urandom(4).hex() + "-Qq1!"
    try:
        cp = runner(dc, "user_lifecycle.py", server, name,
                    env=base_env(dc, NEW_USER_PASSWORD=pw), secrets=(pw,))
    finally:
        try:
            lanman.NetUserDel(server, name)
        except lanman.NetApiError:
            pass
    assert cp.returncode == 0, cp.stderr
    assert cp.stdout.splitlines() == [
        f"{name} does not exist yet (NetUserGetInfo: The user name could not be found.)",
        f"added {name}",
        f"name={name} full_name=Lifecycle Test comment=comment set at level 1007",
        "password never expires: True",
        "groups: ['Domain Users']",
        "second delete: 2221 NetUserDel",
        f"deleted {name}",
    ]


def test_group_members(dc, server):
    domain = dc["LANMAN_TEST_DOMAIN"]
    cp = runner(dc, "group_members.py", "\\\\" + server, "lanman-ops", "Administrators")
    assert cp.returncode == 0, cp.stderr
    out = cp.stdout.splitlines()
    assert out[0] == "global group lanman-ops:"
    assert sorted(out[1:3]) == ["  alice (attributes 7)", "  bob (attributes 7)"]
    assert out[3] == "local group Administrators:"
    assert f"  {domain}\\Domain Admins" in out and f"  {domain}\\Administrator" in out
    assert out[-1] == "comment: lanman test group"


def test_list_shares_with_a_default_server(dc, server):
    """-S makes the scripts' None / "" server mean the DC."""
    cp = runner(dc, "list_shares.py", "", options=["-U", admin(dc), "-S", server])
    assert cp.returncode == 0, cp.stderr
    out = cp.stdout.splitlines()
    share = dc["LANMAN_TEST_SHARE"]
    assert f"{share:<12} lanman test share" in out
    assert any(line.startswith(f"{share:<12} disk  max_uses=10 path=") for line in out)
    assert any(line.startswith("IPC$         other special") for line in out)
    assert out[-1] == f"server {dc['LANMAN_TEST_HOSTNAME']}, platform 500, version 6.1"


def test_runner_credentials(dc, server, tmp_path):
    # the authentication file instead of LANMAN_PASSWORD
    env = base_env(dc)
    del env["LANMAN_PASSWORD"]
    cp = runner(dc, "list_shares.py", server, env=env,
                options=["-A", dc["LANMAN_TEST_AUTHFILE"]])
    assert cp.returncode == 0, cp.stderr
    # no password at all, no terminal: a usage error before the script runs
    cp = runner(dc, "list_shares.py", server, env=env)
    assert cp.returncode == 2 and "LANMAN_PASSWORD" in cp.stderr
    # a failing call ends the script with pywin32's exception
    bad = tmp_path / "bad.py"
    bad.write_text("import win32net, sys\nwin32net.NetUserGetInfo(sys.argv[1], 'nobody-x', 1)\n")
    cp = run_watched([sys.executable, "-m", "lanman.pywin32", "-U", admin(dc), bad, server],
                     env=base_env(dc), secrets=secrets_of(dc))
    assert cp.returncode == 1
    assert "pywintypes.error: (2221, 'NetUserGetInfo', 'The user name could not be " \
           "found.')" in cp.stderr.replace("lanman.pywintypes", "pywintypes")
