"""1,500 users, enumerated with pages small enough to need many: each comes
exactly once (NetUserEnum, Session.users, NetQueryDisplayInformation,
Session.display_users), and the buffers are all freed afterwards.

The users live on a DC of their own, started here with tests/dc/lanman-dc
and LANMAN_DC_EXTRA_USERS=1500 (lmbench00000..01499, seeded into sam.ldb
before samba starts: NetUserAdd would take 40 s).  Its /24 is the main DC's
third octet + 100 (198.18.45 -> 198.18.145), or LANMAN_USER_MANY_NET; the
seeded database is cached in /tmp (LANMAN_DC_CACHE), so the Lua suite's
twin of this module starts the same DC in a few seconds.
"""
import hashlib
import os
import subprocess
from pathlib import Path

import pytest

import lanman
from conftest import DC_SCRIPT, SEEDED_USERS, read_env_file

EXTRA = 1500
BENCH = {f"lmbench{i:05d}" for i in range(EXTRA)}
PROVISIONED = {"Administrator", "Guest", "krbtgt", "dns-LMDC"}


def many_net(server):
    if os.environ.get("LANMAN_USER_MANY_NET"):
        return os.environ["LANMAN_USER_MANY_NET"]
    a, b, c, _ = server.split(".")
    return f"{a}.{b}.{(int(c) + 100) % 256 if int(c) < 156 else int(c) - 100}"


@pytest.fixture(scope="module")
def many(dc):
    """The env file (a dict) of a DC with 1,500 more users."""
    net = many_net(dc["LANMAN_TEST_SERVER"])
    tag = hashlib.sha256(DC_SCRIPT.read_bytes()).hexdigest()[:12]
    home = Path(f"/tmp/lanman-user-many.{net}")
    env = dict(os.environ, LANMAN_DC_NET=net, LANMAN_DC_EXTRA_USERS=str(EXTRA),
               LANMAN_DC_CACHE=f"/tmp/lanman-user-many.{net}.{tag}.tar")
    subprocess.run([str(DC_SCRIPT), "stop", str(home)], stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    subprocess.run([str(DC_SCRIPT), "start", str(home)], check=True, env=env,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, timeout=300)
    try:
        yield read_env_file(home / "env")
    finally:
        subprocess.run([str(DC_SCRIPT), "stop", str(home)], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, timeout=120)


def on(env):
    """(server, creds) of the env file."""
    return env["LANMAN_TEST_SERVER"], lanman.Credentials(
        env["LANMAN_TEST_USER"], env["LANMAN_TEST_PASSWORD"], env["LANMAN_TEST_DOMAIN"])


def session_on(env):
    return lanman.Session(env["LANMAN_TEST_SERVER"], env["LANMAN_TEST_USER"],
                          env["LANMAN_TEST_PASSWORD"], env["LANMAN_TEST_DOMAIN"])


def expected_names():
    return BENCH | set(SEEDED_USERS) | PROVISIONED


def test_user_enum_pages(many):
    server, creds = on(many)
    before = lanman.buffer_stats()
    names, pages, resume = [], 0, 0
    while True:
        buf, total, resume = lanman.NetUserEnum(server, 0, lanman.FILTER_NORMAL_ACCOUNT,
                                                resume, 2048, creds=creds)
        with buf:
            names += [r["name"] for r in buf]
        pages += 1
        assert pages < 2000
        if resume == 0:
            break
    assert pages >= 10, pages
    assert len(names) == len(set(names)), "a user came twice"
    assert set(names) == expected_names()
    after = lanman.buffer_stats()
    assert after["live"] == before["live"]
    assert after["allocated"] - before["allocated"] == pages


def test_session_users_level_20(many):
    with session_on(many) as s:
        records = list(s.users(level=20, prefmaxlen=4096))
    names = [r["name"] for r in records]
    assert len(names) == len(set(names)) and set(names) == expected_names()
    bench = {r["name"]: r for r in records if r["name"].startswith("lmbench")}
    assert bench["lmbench01499"]["full_name"] == "Bench User 01499"
    assert bench["lmbench00000"]["comment"] == "lanman benchmark user 00000"
    assert bench["lmbench00000"]["flags"] & lanman.UF_ACCOUNTDISABLE
    assert len({r["user_id"] for r in records}) == len(records)


def test_display_information_pages(many):
    server, creds = on(many)
    before = lanman.buffer_stats()
    seen, index, pages = [], 0, 0
    while True:
        buf, index = lanman.NetQueryDisplayInformation(server, 1, index, 100,
                                                       creds=creds)
        with buf:
            seen += buf.records()
        pages += 1
        assert pages < 500
        if index == 0:
            break
    names = [r["name"] for r in seen]
    assert pages >= 16
    assert len(names) == len(set(names)), "a user came twice"
    assert set(names) == expected_names()
    assert len({r["user_id"] for r in seen}) == len(seen)
    assert lanman.buffer_stats()["live"] == before["live"]


def test_session_display_users(many):
    with session_on(many) as s:
        names = [r["name"] for r in s.display_users(entries=250)]
    assert len(names) == len(set(names)) and set(names) == expected_names()
