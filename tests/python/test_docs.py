"""The worked tasks in docs/python.md and docs/lua.md run as written
against the real DC: the code blocks are extracted and executed, so the
docs cannot drift from the code."""
import os
import re
import subprocess
import sys

import pytest

import lanman
from test_examples import ROOT, lua_env

DOCS = ROOT / "docs"
SCRIPT_BLOCKS = {
    "python": (DOCS / "python.md", r"```python\n(#!/usr/bin/env python3\n.*?)```"),
    "lua": (DOCS / "lua.md", r"```lua\n(#!/usr/bin/env lua5.4\n.*?)```"),
}


def worked_task(lang, tmp_path):
    path, pattern = SCRIPT_BLOCKS[lang]
    blocks = re.findall(pattern, path.read_text(), re.S)
    assert len(blocks) == 1, f"{path}: expected one runnable script block"
    script = tmp_path / ("offboard.py" if lang == "python" else "offboard.lua")
    script.write_text(blocks[0])
    return [sys.executable if lang == "python" else "lua5.4", str(script)]


@pytest.fixture
def leaver(session):
    """A fresh account in lanman-ops and Print Operators, deleted after."""
    name = "leaver" + os.urandom(3).hex()
    lanman.NetUserAdd(session.server, 1, {
        "name": name, "password": "Lv-" + os.urandom(6).hex() + "!9",
        "priv": lanman.USER_PRIV_USER,
        "flags": lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT}, creds=session.creds)
    session.add_group_member("lanman-ops", name)
    session.add_localgroup_members("Print Operators", name)
    yield name
    session.delete_user(name)


@pytest.mark.parametrize("lang", ["python", "lua"])
def test_offboarding_task_as_documented(lang, dc, session, leaver, tmp_path):
    cmd = worked_task(lang, tmp_path)
    admin = f"{dc['LANMAN_TEST_DOMAIN']}\\{dc['LANMAN_TEST_USER']}"
    env = dict(os.environ, LANMAN_PASSWORD=dc["LANMAN_TEST_PASSWORD"], **lua_env())

    def run(*extra):
        return subprocess.run(cmd + [session.server, admin, leaver, *extra], env=env,
                              capture_output=True, text=True, timeout=120)

    dry = run("--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert session.user(leaver, 20)["flags"] & lanman.UF_ACCOUNTDISABLE == 0
    done = run()
    assert done.returncode == 0, done.stderr
    assert session.user(leaver, 20)["flags"] & lanman.UF_ACCOUNTDISABLE
    assert session.user(leaver, 1)["comment"].startswith("offboarded by offboard")
    assert [g["name"] for g in session.user_groups(leaver)] == ["Domain Users"]
    assert session.user_local_groups(leaver) == []
    assert dc["LANMAN_TEST_PASSWORD"] not in dry.stdout + done.stdout + done.stderr
    gone = subprocess.run(cmd + [session.server, admin, "nosuch" + leaver], env=env,
                          capture_output=True, text=True, timeout=120)
    assert gone.returncode != 0
    assert re.search(r"no such account|NERR_UserNotFound", gone.stderr)
