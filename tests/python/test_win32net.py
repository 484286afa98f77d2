"""lanman.win32net, win32netcon and pywintypes: pywin32's surface against the
real DC -- names, argument order, defaults, return shapes, dict keys, server
name forms, errors as pywintypes.error, install().

The default credentials (conftest) are the DC's administrator, as a pywin32
script on Windows runs as the logged-on user.
"""
import inspect
import itertools
import os
import shutil
import sys
from pathlib import Path

import pytest

import lanman
from lanman import pywintypes, win32net, win32netcon

_n = itertools.count()
PW = "Pw32-" + os.urandom(4).hex() + "-Qz!"


def unique(prefix):
    return f"{prefix}{os.getpid() % 10000}x{next(_n)}"


def error_of(call):
    with pytest.raises(pywintypes.error) as ei:
        call()
    return ei.value


@pytest.fixture
def temp_user(server):
    name = unique("w32u")
    yield name
    try:
        win32net.NetUserDel(server, name)
    except pywintypes.error:
        pass


@pytest.fixture
def temp_group(server):
    name = unique("w32g")
    yield name
    try:
        win32net.NetGroupDel(server, name)
    except pywintypes.error:
        pass


# ---- signatures: pywin32's names, order and defaults -------------------------

def params(f):
    return [(p.name, p.default if p.default is not inspect.Parameter.empty else "-")
            for p in inspect.signature(f).parameters.values()]


def test_signatures_are_pywin32s():
    MAXLEN = win32netcon.MAX_PREFERRED_LENGTH
    assert params(win32net.NetUserEnum) == [
        ("server", "-"), ("level", "-"), ("filter", win32netcon.FILTER_NORMAL_ACCOUNT),
        ("resumeHandle", 0), ("prefLen", MAXLEN)]
    assert params(win32net.NetUserGetInfo) == [("server", "-"), ("username", "-"),
                                               ("level", "-")]
    assert params(win32net.NetUserAdd) == [("server", "-"), ("level", "-"), ("data", "-")]
    assert params(win32net.NetGroupGetUsers) == [
        ("server", "-"), ("groupName", "-"), ("level", "-"), ("resumeHandle", 0),
        ("prefLen", 4096)]
    assert params(win32net.NetLocalGroupGetMembers)[-1] == ("prefLen", 4096)
    assert params(win32net.NetGroupEnum) == [("server", "-"), ("level", "-"),
                                             ("resumeHandle", 0), ("prefLen", MAXLEN)]
    assert params(win32net.NetShareEnum) == [("server", "-"), ("level", None),
                                             ("resumeHandle", 0), ("prefLen", MAXLEN)]
    assert params(win32net.NetShareDel) == [("server", "-"), ("shareName", "-"),
                                            ("reserved", 0)]
    assert params(win32net.NetUserGetLocalGroups)[-1] == ("flags",
                                                          win32netcon.LG_INCLUDE_INDIRECT)
    assert params(win32net.NetFileEnum) == [("level", "-"), ("servername", "-"),
                                            ("basepath", None), ("username", None)]
    assert params(win32net.NetGetDCName) == [("server", None), ("domain", None)]
    assert params(win32net.NetLocalGroupDelMembers) == [("server", "-"), ("group", "-"),
                                                        ("members", "-")]
    assert params(win32net.NetServerEnum) == [
        ("server", "-"), ("level", "-"), ("type", win32netcon.SV_TYPE_ALL),
        ("domain", None), ("resumeHandle", 0), ("prefLen", MAXLEN)]


def test_constants_are_pywin32s():
    c = win32netcon
    assert c.MAX_PREFERRED_LENGTH == -1 and c.TIMEQ_FOREVER == -1 and c.SV_TYPE_ALL == -1
    assert c.STYPE_SPECIAL == -2147483648 and c.USER_MAXSTORAGE_UNLIMITED == -1
    assert (c.UF_SCRIPT, c.UF_ACCOUNTDISABLE, c.UF_NORMAL_ACCOUNT,
            c.UF_DONT_EXPIRE_PASSWD) == (1, 2, 0x200, 0x10000)
    assert (c.FILTER_NORMAL_ACCOUNT, c.USER_PRIV_USER, c.LG_INCLUDE_INDIRECT) == (2, 1, 1)
    assert c.USER_FULL_NAME_INFOLEVEL == 1011 and c.USER_COMMENT_INFOLEVEL == 1007
    assert c.NetSetupDomainName == 3 and c.SV_TYPE_DOMAIN_CTRL == 8
    # what lanman knows besides, e.g. STYPE_TEMPORARY
    assert c.STYPE_TEMPORARY == 0x40000000
    assert win32net.SERVICE_SERVER == "LanmanServer"
    assert win32net.error is pywintypes.error


# ---- users ---------------------------------------------------------------------

def test_user_enum_one_page(server):
    data, total, resume = win32net.NetUserEnum(server, 0)
    assert resume == 0 and isinstance(total, int)
    assert isinstance(data, list) and all(type(d) is dict for d in data)
    names = {d["name"] for d in data}
    assert {"alice", "bob", "carol", "lmuser00", "lmuser39", "Administrator"} <= names
    assert all(list(d) == ["name"] for d in data)


def test_user_enum_resume_handle_loop(server):
    whole = [d["name"] for d in win32net.NetUserEnum(server, 0, 0)[0]]
    names, resume, pages = [], 0, 0
    while True:
        data, total, resume = win32net.NetUserEnum(server, 0, 0, resume, 256)
        names += [d["name"] for d in data]
        pages += 1
        if not resume:
            break
    assert pages > 1 and sorted(names) == sorted(whole)
    # the pywin32 spelling of "no preference" works as prefLen
    assert len(win32net.NetUserEnum(server, 0, 0, 0, win32netcon.MAX_PREFERRED_LENGTH)[0]) \
        == len(whole)


def test_user_enum_filter_default_is_normal_accounts(server, dc):
    default = {d["name"] for d in win32net.NetUserEnum(server, 0)[0]}
    normal = {d["name"] for d in win32net.NetUserEnum(
        server, 0, win32netcon.FILTER_NORMAL_ACCOUNT)[0]}
    assert default == normal
    # FILTER_SERVER_TRUST_ACCOUNT matches the DC itself; a filter no account
    # matches gives an empty page
    trusts = {d["name"] for d in win32net.NetUserEnum(
        server, 0, win32netcon.FILTER_SERVER_TRUST_ACCOUNT)[0]}
    assert trusts == {dc["LANMAN_TEST_HOSTNAME"] + "$"}
    assert win32net.NetUserEnum(server, 0, win32netcon.FILTER_WORKSTATION_TRUST_ACCOUNT) \
        == ([], 0, 0)


@pytest.mark.parametrize("form", ["plain", "unc", "bytes", "default"])
def test_server_name_forms(server, form, monkeypatch):
    name = {"plain": server, "unc": "\\\\" + server, "bytes": server.encode(),
            "default": None}[form]
    if form == "default":
        monkeypatch.setattr(win32net, "default_server", server)
    info = win32net.NetUserGetInfo(name, "alice", 10)
    assert info == {"name": "alice", "comment": "lanman test user", "usr_comment": "",
                    "full_name": "Alice Adams"}


def test_user_get_info_levels(server):
    i3 = win32net.NetUserGetInfo(server, "alice", 3)
    # pywin32's USER_INFO_3 has a password key (always None on reads)
    assert i3["password"] is None and i3["name"] == "alice"
    assert i3["flags"] & win32netcon.UF_NORMAL_ACCOUNT and i3["user_id"] > 1000
    assert i3["acct_expires"] == 0xFFFFFFFF        # unsigned, as modern pywin32
    assert isinstance(i3["logon_hours"], bytes) and len(i3["logon_hours"]) == 21
    i4 = win32net.NetUserGetInfo(server, "alice", 4)
    assert isinstance(i4["user_sid"], str) and i4["user_sid"].startswith("S-1-5-21-")
    assert win32net.NetUserGetInfo(server, "carol", 20)["flags"] \
        & win32netcon.UF_ACCOUNTDISABLE
    assert win32net.NetUserGetInfo(server, "alice", 0) == {"name": "alice"}


def test_errors_are_pywintypes_errors(server):
    e = error_of(lambda: win32net.NetUserGetInfo(server, "no-such-user-x", 1))
    assert e.args == (2221, "NetUserGetInfo", "The user name could not be found.")
    assert (e.winerror, e.funcname, e.strerror) == e.args
    assert isinstance(e, win32net.error) and not isinstance(e, lanman.NetApiError)
    assert (e.name, e.server) == ("NERR_UserNotFound", server)
    assert e.__suppress_context__
    e = error_of(lambda: win32net.NetGroupGetUsers(server, "no-such-group-x", 0))
    assert e.winerror == 2220 and e.funcname == "NetGroupGetUsers"
    e = error_of(lambda: win32net.NetUserDel(server, "no-such-user-x"))
    assert (e.winerror, e.funcname) == (2221, "NetUserDel")


def test_argument_errors_before_any_call(unreachable):
    with pytest.raises(TypeError, match="mapping"):
        win32net.NetUserAdd(unreachable, 1, ["not", "a", "dict"])
    with pytest.raises(TypeError, match="level"):
        win32net.NetUserGetInfo(unreachable, "alice", "3")
    with pytest.raises(OverflowError):
        win32net.NetUserEnum(unreachable, 0, 0, 0, 1 << 40)
    with pytest.raises(TypeError, match="server"):
        win32net.NetUserGetInfo(42, "alice", 1)
    with pytest.raises(ValueError, match="Invalid level for NetFileEnum"):
        win32net.NetFileEnum(1, unreachable)


def test_user_add_modify_delete(server, dc, temp_user):
    name = temp_user
    # pywin32 idioms: None for unset strings, -1 for all-ones DWORDs
    win32net.NetUserAdd(server, 1, {
        "name": name, "password": PW, "priv": win32netcon.USER_PRIV_USER,
        "home_dir": None, "comment": None, "flags": win32netcon.UF_SCRIPT,
        "script_path": None})
    info = win32net.NetUserGetInfo(server, name, 2)
    info["comment"] = "set at level 2"
    info["acct_expires"] = win32netcon.TIMEQ_FOREVER
    info["max_storage"] = win32netcon.USER_MAXSTORAGE_UNLIMITED
    info["not_a_user_info_2_key"] = "ignored, as pywin32 does"
    win32net.NetUserSetInfo(server, name, 2, info)
    win32net.NetUserSetInfo(server, name, win32netcon.USER_FULL_NAME_INFOLEVEL,
                            {"full_name": "Pw Thirtytwo"})
    got = win32net.NetUserGetInfo(server, name, 2)
    assert (got["comment"], got["full_name"], got["acct_expires"]) == \
        ("set at level 2", "Pw Thirtytwo", 0xFFFFFFFF)
    # the password works
    creds = lanman.Credentials(name, PW, dc["LANMAN_TEST_DOMAIN"])
    with lanman.NetUserGetInfo(server, name, 0, creds=creds) as buf:
        assert buf[0] == {"name": name}
    win32net.NetUserDel(server, name)
    assert error_of(lambda: win32net.NetUserGetInfo(server, name, 0)).winerror == 2221


def test_user_add_level_3_with_a_password(server, dc, temp_user):
    """pywin32's USER_INFO_3 has a password; Samba's has none: lanman sends
    such a dict at level 4, which has every level-3 field."""
    name = temp_user
    win32net.NetUserAdd(server, 3, {
        "name": name, "password": PW, "priv": win32netcon.USER_PRIV_USER,
        "flags": win32netcon.UF_SCRIPT | win32netcon.UF_NORMAL_ACCOUNT,
        "full_name": "Level Three", "acct_expires": win32netcon.TIMEQ_FOREVER,
        "max_storage": win32netcon.USER_MAXSTORAGE_UNLIMITED, "primary_group_id": 513,
        "user_id": 0, "password_expired": 0})
    assert win32net.NetUserGetInfo(server, name, 20)["full_name"] == "Level Three"
    creds = lanman.Credentials(name, PW, dc["LANMAN_TEST_DOMAIN"])
    lanman.NetUserGetInfo(server, name, 0, creds=creds).free()


def test_user_groups(server):
    groups = win32net.NetUserGetGroups(server, "alice")
    assert sorted(groups) == [("Domain Users", 7), ("lanman-ops", 7)]
    assert all(type(g) is tuple for g in groups)
    assert "Users" in win32net.NetUserGetLocalGroups(server, "alice")
    assert win32net.NetUserGetLocalGroups(server, "alice", 0) == []


def test_user_modals(server):
    m0 = win32net.NetUserModalsGet(server, 0)
    assert set(m0) == {"min_passwd_len", "max_passwd_age", "min_passwd_age",
                       "force_logoff", "password_hist_len"}
    assert win32net.NetUserModalsGet(server, 1)["role"] == win32netcon.UAS_ROLE_PRIMARY
    m2 = win32net.NetUserModalsGet(server, 2)
    assert m2["domain_id"].startswith("S-1-5-21-")
    assert set(win32net.NetUserModalsGet(server, 3)) == {
        "lockout_duration", "lockout_observation_window", "lockout_threshold"}


# ---- groups and local groups ---------------------------------------------------

def test_group_enum_and_members(server):
    groups, total, resume = win32net.NetGroupEnum(server, 2)
    assert resume == 0
    by = {g["name"]: g for g in groups}
    assert by["Domain Admins"]["group_id"] == 512
    assert set(by["lanman-ops"]) == {"name", "comment", "group_id", "attributes"}
    users, total, resume = win32net.NetGroupGetUsers(server, "lanman-ops", 0)
    assert sorted(u["name"] for u in users) == ["alice", "bob"] and resume == 0
    users, _, _ = win32net.NetGroupGetUsers(server, "lanman-ops", 1)
    assert all(set(u) == {"name", "attributes"} for u in users)
    assert win32net.NetGroupGetInfo(server, "lanman-ops", 1) == {
        "name": "lanman-ops", "comment": "lanman test group"}


def test_group_lifecycle(server, temp_group):
    g = temp_group
    win32net.NetGroupAdd(server, 1, {"name": g, "comment": None})
    win32net.NetGroupSetInfo(server, g, 1002, {"comment": "w32 group"})
    win32net.NetGroupAddUser(server, g, "alice")
    win32net.NetGroupSetUsers(server, g, 0, [{"name": "alice"}, {"name": "bob"}])
    assert sorted(u["name"] for u in win32net.NetGroupGetUsers(server, g, 0)[0]) == \
        ["alice", "bob"]
    win32net.NetGroupDelUser(server, g, "alice")
    assert [u["name"] for u in win32net.NetGroupGetUsers(server, g, 0)[0]] == ["bob"]
    assert win32net.NetGroupGetInfo(server, g, 1)["comment"] == "w32 group"
    win32net.NetGroupDel(server, g)
    assert error_of(lambda: win32net.NetGroupGetInfo(server, g, 0)).winerror == 2220


def test_local_group_members(server, dc, temp_user):
    domain = dc["LANMAN_TEST_DOMAIN"]
    groups, _, resume = win32net.NetLocalGroupEnum(server, 1)
    assert "Administrators" in {g["name"] for g in groups} and resume == 0
    members, _, _ = win32net.NetLocalGroupGetMembers(server, "Administrators", 2)
    assert f"{domain}\\Domain Admins" in {m["domainandname"] for m in members}
    assert all(set(m) == {"sid", "sidusage", "domainandname"} for m in members)
    win32net.NetUserAdd(server, 1, {"name": temp_user, "password": PW, "priv": 1,
                                    "flags": win32netcon.UF_SCRIPT})
    who = f"{domain}\\{temp_user}"
    win32net.NetLocalGroupAddMembers(server, "Guests", 3, [{"domainandname": who}])
    members = win32net.NetLocalGroupGetMembers(server, "Guests", 2)[0]
    assert who in {m["domainandname"] for m in members}
    sid = [m["sid"] for m in members if m["domainandname"] == who][0]
    # pywin32's NetLocalGroupDelMembers takes a list of names
    win32net.NetLocalGroupDelMembers(server, "Guests", [who])
    assert who not in {m["domainandname"] for m in
                       win32net.NetLocalGroupGetMembers(server, "Guests", 2)[0]}
    win32net.NetLocalGroupAddMembers(server, "Guests", 0, [{"sid": sid}])
    assert sid in {m["sid"] for m in win32net.NetLocalGroupGetMembers(server, "Guests", 0)[0]}
    win32net.NetLocalGroupDelMembers(server, "Guests", [who])


# ---- shares, server ------------------------------------------------------------

def test_share_enum_both_forms(server, dc):
    old = win32net.NetShareEnum(server)
    assert (dc["LANMAN_TEST_SHARE"], 0, "lanman test share") in old
    assert all(type(t) is tuple and len(t) == 3 for t in old)
    shares, total, resume = win32net.NetShareEnum(server, 2)
    by = {s["netname"]: s for s in shares}
    assert by[dc["LANMAN_TEST_SHARE"]]["max_uses"] == 10 and resume == 0
    assert by["IPC$"]["type"] & win32netcon.STYPE_SPECIAL
    assert win32net.NetShareGetInfo(server, dc["LANMAN_TEST_SHARE"], 1) == {
        "netname": dc["LANMAN_TEST_SHARE"], "type": 0, "remark": "lanman test share"}


def test_share_add_set_del(server, dc):
    name = unique("w32s")
    path = Path(dc["LANMAN_TEST_SHARE_PATH"]).parent / name
    path.mkdir()
    try:
        win32net.NetShareAdd(server, 2, {
            "netname": name, "type": win32netcon.STYPE_DISKTREE, "remark": "w32 share",
            "permissions": 0, "max_uses": -1, "current_uses": 0, "path": str(path),
            "passwd": None})
        assert win32net.NetShareGetInfo(server, name, 2)["max_uses"] == 0xFFFFFFFF
        win32net.NetShareSetInfo(server, name, 1004, {"remark": "changed"})
        assert win32net.NetShareGetInfo(server, name, 1)["remark"] == "changed"
        win32net.NetShareDel(server, name)
        assert name not in {s[0] for s in win32net.NetShareEnum(server)}
    finally:
        shutil.rmtree(path, ignore_errors=True)


def test_server_wksta_dc(server, dc):
    info = win32net.NetServerGetInfo(server, 101)
    assert info["name"] == dc["LANMAN_TEST_HOSTNAME"]
    assert info["platform_id"] == win32netcon.PLATFORM_ID_NT
    assert info["type"] & win32netcon.SV_TYPE_SERVER     # (Samba sets no SV_TYPE_DOMAIN_CTRL)
    w = win32net.NetWkstaGetInfo(server, 100)
    assert w["langroup"] == dc["LANMAN_TEST_DOMAIN"]
    assert win32net.NetGetDCName(server, dc["LANMAN_TEST_DOMAIN"]) == \
        "\\\\" + dc["LANMAN_TEST_HOSTNAME"]


def test_open_files_is_a_list(server):
    assert win32net.NetFileEnum(3, server) == []
    assert win32net.NetFileEnum(3, "\\\\" + server, None, "nobody") == []


# ---- what lanman or Samba lacks -----------------------------------------------

def test_windows_only_calls(server):
    # lanman has NetServerEnum; Samba's libnetapi does not: 50
    e = error_of(lambda: win32net.NetServerEnum(server, 100))
    assert (e.winerror, e.funcname) == (50, "NetServerEnum")
    # lanman has no NetUseEnum at all: a clean error naming it
    with pytest.raises(NotImplementedError, match="NetUseEnum"):
        win32net.NetUseEnum(server, 0)
    supported = win32net.supported()
    assert supported["NetUserEnum"] and not supported["NetUseEnum"]
    assert set(win32net.WINDOWS_ONLY) <= set(supported)


# ---- install -------------------------------------------------------------------

def test_install_is_opt_in_and_reversible():
    for name in ("win32net", "win32netcon", "pywintypes"):
        assert name not in sys.modules or sys.modules[name].__name__.startswith("lanman.")
    mods = win32net.install()
    try:
        import pywintypes as p
        import win32net as w
        import win32netcon as c
        assert (w, c, p) == (win32net, win32netcon, pywintypes)
        assert set(mods) == {"win32net", "win32netcon", "pywintypes"}
    finally:
        win32net.uninstall()
    assert "win32net" not in sys.modules


def test_wrong_password_in_a_child(child, dc):
    proc, results = child("""
        from lanman import win32net
        win32net.install(E["LANMAN_TEST_USER"], "Wr0ng-" + "pw-7f3e9c", DOMAIN)
        import win32net as w, pywintypes
        try:
            w.NetUserGetInfo(S, "alice", 0)
        except pywintypes.error as e:
            RESULTS.append({"args": list(e.args), "name": e.name})
        done()
    """)
    assert proc.returncode == 0, proc.stderr
    (r,) = results
    assert r["args"][0] == 1326 and r["args"][1] == "NetUserGetInfo"
    assert r["name"] == "ERROR_LOGON_FAILURE"
    assert "Wr0ng-pw" not in proc.stdout + proc.stderr + repr(results)


def test_local_group_lifecycle(server, dc):
    g = unique("w32l")
    D = dc["LANMAN_TEST_DOMAIN"]
    win32net.NetLocalGroupAdd(server, 1, {"name": g, "comment": "w32 alias"})
    try:
        assert win32net.NetLocalGroupGetInfo(server, g, 1) == {"name": g, "comment": "w32 alias"}
        win32net.NetLocalGroupSetInfo(server, g, 1002, {"comment": "changed"})
        assert win32net.NetLocalGroupGetInfo(server, g, 1)["comment"] == "changed"
        win32net.NetLocalGroupSetMembers(server, g, 3, [{"domainandname": f"{D}\\alice"},
                                                        {"domainandname": f"{D}\\bob"}])
        got = {m["domainandname"] for m in win32net.NetLocalGroupGetMembers(server, g, 3)[0]}
        assert got == {f"{D}\\alice", f"{D}\\bob"}
        win32net.NetLocalGroupSetMembers(server, g, 3, [])
        assert win32net.NetLocalGroupGetMembers(server, g, 1)[0] == []
    finally:
        win32net.NetLocalGroupDel(server, g)
    assert error_of(lambda: win32net.NetLocalGroupGetInfo(server, g, 0)).winerror == 2220


def test_user_modals_set(server):
    m0 = win32net.NetUserModalsGet(server, 0)
    try:
        win32net.NetUserModalsSet(server, 1001, {"min_passwd_len": 9})
        assert win32net.NetUserModalsGet(server, 0)["min_passwd_len"] == 9
    finally:
        win32net.NetUserModalsSet(server, 0, m0)
    assert win32net.NetUserModalsGet(server, 0) == m0


def test_what_samba_answers_differently(server, dc):
    """Calls lanman has whose answer from this Samba DC is an error: each a
    pywintypes.error naming the function (Windows servers answer them)."""
    for call, code in (
            (lambda: win32net.NetGetAnyDCName(server, dc["LANMAN_TEST_DOMAIN"]), 1355),
            (lambda: win32net.NetSessionEnum(10, server), 50),
            (lambda: win32net.NetWkstaUserEnum(server, 0), 50),
            (lambda: win32net.NetServerDiskEnum(server, 0), 50),
            (lambda: win32net.NetFileGetInfo(3, server, 1), 1745),
            (lambda: win32net.NetFileClose(server, 123456), 2)):
        e = error_of(call)
        assert e.winerror == code and e.funcname.startswith("Net"), e
    try:
        name, status = win32net.NetGetJoinInformation(server)
        assert status in (win32netcon.NetSetupDomainName, win32netcon.NetSetupWorkgroupName)
    except pywintypes.error as e:
        assert e.funcname == "NetGetJoinInformation" and e.winerror in (46, 1745, 50)
    for call, name in ((lambda: win32net.NetShareCheck(server, "C:"), "NetShareCheck"),
                       (lambda: win32net.NetValidateName(server, "x", 1), "NetValidateName"),
                       (lambda: win32net.NetMessageNameEnum(server), "NetMessageNameEnum"),
                       (lambda: win32net.NetStatisticsGet(server, win32net.SERVICE_SERVER),
                        "NetStatisticsGet")):
        with pytest.raises(NotImplementedError, match=name):
            call()
