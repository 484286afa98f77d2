"""The user family against the real DC: NetUserAdd, NetUserDel,
NetUserSetInfo at every level, NetUserChangePassword, NetUserGetGroups /
SetGroups, NetUserGetLocalGroups, NetUserModalsGet / Set,
NetQueryDisplayInformation, the session helpers, and every argument error
raised before anything is sent.  (1,500 users: test_user_many.py.)"""
import secrets

import pytest

import lanman

UF_DEFAULT = lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT

GETINFO_LEVELS = (0, 1, 2, 3, 4, 10, 11, 20, 23)
SETINFO_LEVELS = (0, 1, 2, 3, 4, 21, 22, 1003, 1005, 1006, 1007, 1008, 1009, 1010,
                  1011, 1012, 1013, 1014, 1017, 1018, 1020, 1023, 1024, 1025,
                  1051, 1052, 1053)


def pw():
    """A fresh password the DC's policy takes (complexity, history)."""
    return "Lm-" + secrets.token_hex(6) + "-x9Q"


def info(server, name, level, creds=None):
    with lanman.NetUserGetInfo(server, name, level, creds=creds) as buf:
        assert len(buf) == 1
        return buf[0]


def fields(level, family="USER_INFO"):
    return set(lanman.LEVELS[(family, level)][1])


def expect_error(code, fn, *args, **kwargs):
    with pytest.raises(lanman.NetApiError) as ei:
        fn(*args, **kwargs)
    if code is not None:
        assert ei.value.code == code, str(ei.value)
    assert ei.value.name == lanman.error_name(ei.value.code)
    return ei.value


@pytest.fixture
def user(server):
    """A fresh user name; whatever was made under it is deleted afterwards."""
    name = "lmt" + secrets.token_hex(4)
    yield name
    try:
        lanman.NetUserDel(server, name)
    except lanman.NetApiError as e:
        assert e.code == 2221


@pytest.fixture
def password_changes(server):
    """Lets a password be changed at once (min_passwd_age 0) and puts the
    domain's policy back afterwards."""
    with lanman.NetUserModalsGet(server, 0) as buf:
        before = buf[0]
    lanman.NetUserModalsSet(server, 1003, {"min_passwd_age": 0})
    yield
    lanman.NetUserModalsSet(server, 0, before)


def add_level1(server, name, password, **extra):
    data = {"name": name, "password": password, "priv": lanman.USER_PRIV_USER,
            "flags": UF_DEFAULT, "comment": "made by test_user"}
    data.update(extra)
    lanman.NetUserAdd(server, 1, data)


# ---- what the core declares -----------------------------------------------

def test_calls_and_levels():
    assert lanman.call_levels("NetUserAdd") == (1, 2, 3, 4)
    assert lanman.call_levels("NetUserSetInfo") == SETINFO_LEVELS
    assert lanman.call_levels("NetUserGetGroups") == (0, 1)
    assert lanman.call_levels("NetUserSetGroups") == (0, 1)
    assert lanman.call_levels("NetUserGetLocalGroups") == (0,)
    assert lanman.call_levels("NetUserModalsGet") == (0, 1, 2, 3)
    assert lanman.call_levels("NetUserModalsSet") == (
        0, 1, 2, 3, 1001, 1002, 1003, 1004, 1005, 1006, 1007)
    assert lanman.call_levels("NetQueryDisplayInformation") == (1, 2, 3)
    for level in set(GETINFO_LEVELS) | set(SETINFO_LEVELS):
        assert ("USER_INFO", level) in lanman.LEVELS, level
    for level in (1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013,
                  1014, 1017, 1018, 1023, 1024, 1025, 1051, 1052, 1053):
        assert len(fields(level)) == 1, level
    assert fields(1020) == {"units_per_week", "logon_hours"}
    assert fields(21) == {"password"} and "password" in fields(22)
    assert fields(0, "GROUP_USERS_INFO") == {"name"}
    assert fields(1, "GROUP_USERS_INFO") == {"name", "attributes"}
    assert fields(0, "LOCALGROUP_USERS_INFO") == {"name"}
    assert fields(1, "NET_DISPLAY") == {"name", "comment", "flags", "full_name",
                                        "user_id", "next_index"}
    assert fields(2, "NET_DISPLAY") == {"name", "comment", "flags", "user_id",
                                        "next_index"}
    assert fields(3, "NET_DISPLAY") == {"name", "comment", "group_id",
                                        "attributes", "next_index"}
    assert fields(2, "USER_MODALS_INFO") == {"domain_name", "domain_id"}
    for name in ("NetUserAdd", "NetUserDel", "NetUserSetInfo",
                 "NetUserChangePassword", "NetUserGetGroups", "NetUserSetGroups",
                 "NetUserGetLocalGroups", "NetUserModalsGet", "NetUserModalsSet",
                 "NetQueryDisplayInformation"):
        assert callable(getattr(lanman, name)) and name in lanman.__all__


# ---- the round trip the issue asks for --------------------------------------

def test_round_trip(dc, server, user, password_changes):
    domain = dc["LANMAN_TEST_DOMAIN"]
    first = pw()
    add_level1(server, user, first, home_dir="\\\\fs\\home", script_path="go.cmd")

    # every readable level: the level's keys, the values given
    for level in GETINFO_LEVELS:
        rec = info(server, user, level)
        assert set(rec) == fields(level), level
        assert rec["name"] == user
        if "comment" in rec:
            assert rec["comment"] == "made by test_user"
        if "flags" in rec:   # libnetapi stores UF_* as ACB_*: fixed in the shim
            assert rec["flags"] == UF_DEFAULT, (level, hex(rec["flags"]))
        if "priv" in rec:
            assert rec["priv"] == lanman.USER_PRIV_USER
        if "home_dir" in rec:
            assert rec["home_dir"] == "\\\\fs\\home"
        if "acct_expires" in rec:
            assert rec["acct_expires"] == lanman.TIMEQ_FOREVER
        if "user_sid" in rec:
            assert rec["user_sid"].startswith("S-1-5-21-")
        if "password" in rec:
            assert rec["password"] is None
    rid = info(server, user, 20)["user_id"]
    assert info(server, user, 23)["user_sid"].endswith(f"-{rid}")
    assert info(server, user, 3)["user_id"] == rid
    assert info(server, user, 1)["script_path"] == "go.cmd"
    with lanman.NetUserGetInfo(server, user, 1,
                               creds=lanman.Credentials(user, first, domain)) as b:
        assert b[0]["name"] == user          # the first password logs on

    # SetInfo, one level at a time, read back
    second = pw()
    lanman.NetUserSetInfo(server, user, 1003, {"password": second})
    expect_error(1326, lanman.NetUserGetInfo, server, user, 0,
                 creds=lanman.Credentials(user, first, domain))
    assert info(server, user, 0, lanman.Credentials(user, second, domain))["name"] == user

    changes = [
        (1007, {"comment": "changed at 1007"}, 1, "comment", "changed at 1007"),
        (1011, {"full_name": "Test User Ünicode"}, 2, "full_name", "Test User Ünicode"),
        (1012, {"usr_comment": "user comment"}, 2, "usr_comment", "user comment"),
        (1006, {"home_dir": "\\\\fs\\h2"}, 1, "home_dir", "\\\\fs\\h2"),
        (1009, {"script_path": "logon.bat"}, 1, "script_path", "logon.bat"),
        (1014, {"workstations": "WS1,WS2"}, 2, "workstations", "WS1,WS2"),
        (1017, {"acct_expires": 2000000000}, 2, "acct_expires", 2000000000),
        (1017, {"acct_expires": lanman.TIMEQ_FOREVER}, 2, "acct_expires",
         lanman.TIMEQ_FOREVER),
        (1024, {"country_code": 49}, 2, "country_code", 49),
        (1024, {"country_code": 0}, 2, "country_code", 0),   # libnetapi: 87
        (1025, {"code_page": 850}, 2, "code_page", 850),
        (1051, {"primary_group_id": 513}, 3, "primary_group_id", 513),
        (1052, {"profile": "\\\\fs\\prof"}, 3, "profile", "\\\\fs\\prof"),
        (1053, {"home_dir_drive": "H:"}, 3, "home_dir_drive", "H:"),
        (1008, {"flags": UF_DEFAULT | lanman.UF_DONT_EXPIRE_PASSWD}, 1, "flags",
         UF_DEFAULT | lanman.UF_DONT_EXPIRE_PASSWD),
        (1008, {"flags": UF_DEFAULT}, 1, "flags", UF_DEFAULT),
    ]
    for level, data, read_level, key, want in changes:
        lanman.NetUserSetInfo(server, user, level, data)
        assert info(server, user, read_level)[key] == want, (level, data)

    # the workstation list is enforced at logon: ERROR_INVALID_WORKSTATION
    expect_error(1329, lanman.NetUserGetInfo, server, user, 0,
                 creds=lanman.Credentials(user, second, domain))
    lanman.NetUserSetInfo(server, user, 1014, {"workstations": ""})
    assert info(server, user, 2)["workstations"] == ""

    hours = bytes([0] * 3 + [0xFF] * 18)
    lanman.NetUserSetInfo(server, user, 1020, {"logon_hours": hours})
    rec = info(server, user, 2)
    assert rec["logon_hours"] == hours and rec["units_per_week"] == 168
    lanman.NetUserSetInfo(server, user, 1020, {"logon_hours": b"\xff" * 21})

    # userParameters goes out as UTF-16 (as netapi32 sends it); libnetapi
    # reads it back as bytes cut at the first NUL: only "p" survives.
    lanman.NetUserSetInfo(server, user, 1013, {"parms": "pq"})
    assert "pq".startswith(info(server, user, 2)["parms"])

    # attributes NT does not keep: the reported value is taken, others not
    lanman.NetUserSetInfo(server, user, 1005, {"priv": lanman.USER_PRIV_USER})
    lanman.NetUserSetInfo(server, user, 1010, {"auth_flags": 0})
    lanman.NetUserSetInfo(server, user, 1018, {"max_storage": lanman.USER_MAXSTORAGE_UNLIMITED})
    lanman.NetUserSetInfo(server, user, 1023, {"logon_server": "\\\\*"})
    for level, data, field in ((1005, {"priv": lanman.USER_PRIV_ADMIN}, "priv"),
                               (1010, {"auth_flags": lanman.AF_OP_PRINT}, "auth_flags"),
                               (1018, {"max_storage": 5}, "max_storage"),
                               (1023, {"logon_server": "\\\\DC9"}, "logon_server")):
        e = expect_error(87, lanman.NetUserSetInfo, server, user, level, data)
        assert f"field '{field}'" in str(e)
    e = expect_error(50, lanman.NetUserSetInfo, server, user, 22,
                     {"name": user, "priv": 1, "flags": UF_DEFAULT, "password": bytes(16),
                      "acct_expires": lanman.TIMEQ_FOREVER})
    assert "level 22" in str(e)
    e = expect_error(50, lanman.NetUserSetInfo, server, user, 21, {"password": bytes(16)})
    assert "level 21" in str(e)

    # levels 1-4: read, change, write back, read
    for level, key, value in ((1, "comment", "set at 1"), (2, "full_name", "Set At 2"),
                              (3, "profile", "\\\\fs\\p3"), (4, "usr_comment", "set at 4")):
        rec = info(server, user, level)
        rec[key] = value
        lanman.NetUserSetInfo(server, user, level, rec)
        assert info(server, user, level)[key] == value, level
    rec = info(server, user, 4)
    assert (rec["comment"], rec["full_name"], rec["profile"]) == \
        ("set at 1", "Set At 2", "\\\\fs\\p3")
    assert rec["flags"] == UF_DEFAULT and rec["country_code"] == 0
    third = pw()
    rec = info(server, user, 1)
    rec["password"] = third                  # level 1 carries a password
    lanman.NetUserSetInfo(server, user, 1, rec)
    assert info(server, user, 0, lanman.Credentials(user, third, domain))["name"] == user

    # disabled through 1008: the account can no longer log on
    lanman.NetUserSetInfo(server, user, 1008, {"flags": UF_DEFAULT | lanman.UF_ACCOUNTDISABLE})
    assert info(server, user, 20)["flags"] & lanman.UF_ACCOUNTDISABLE
    expect_error(1331, lanman.NetUserGetInfo, server, user, 0,
                 creds=lanman.Credentials(user, third, domain))
    lanman.NetUserSetInfo(server, user, 1008, {"flags": UF_DEFAULT})

    # rename (level 0) and back
    lanman.NetUserSetInfo(server, user, 0, {"name": user + "r"})
    expect_error(2221, lanman.NetUserGetInfo, server, user, 0)
    assert info(server, user + "r", 20)["user_id"] == rid
    lanman.NetUserSetInfo(server, user + "r", 0, {"name": user})

    # NetUserChangePassword, as the user, then log on with the new one
    fourth = pw()
    lanman.NetUserChangePassword(server, user, third, fourth)
    assert info(server, user, 0, lanman.Credentials(user, fourth, domain))["name"] == user
    expect_error(1326, lanman.NetUserGetInfo, server, user, 0,
                 creds=lanman.Credentials(user, third, domain))
    e = expect_error(86, lanman.NetUserChangePassword, server, user, third, pw())
    assert third not in str(e) and third not in repr(e)

    # global groups: Domain Users, then lanman-ops too
    buf, total = lanman.NetUserGetGroups(server, user, 0)
    with buf:
        assert [r["name"] for r in buf] == ["Domain Users"] and total == 1
    lanman.NetUserSetGroups(server, user, 0, [{"name": "Domain Users"},
                                               {"name": "lanman-ops"}])
    buf, total = lanman.NetUserGetGroups(server, user, 1)
    with buf:
        groups = {r["name"]: r["attributes"] for r in buf}
    assert set(groups) == {"Domain Users", "lanman-ops"} and total == 2
    assert all(a == lanman.SE_GROUP_MANDATORY | lanman.SE_GROUP_ENABLED_BY_DEFAULT |
               lanman.SE_GROUP_ENABLED for a in groups.values())
    lanman.NetUserSetGroups(server, user, 1, [{"name": "Domain Users", "attributes": 7}])
    buf, total = lanman.NetUserGetGroups(server, user, 0)
    with buf:
        assert [r["name"] for r in buf] == ["Domain Users"]
    e = expect_error(2220, lanman.NetUserSetGroups, server, user, 0,
                     [{"name": "Domain Users"}, {"name": "no-such-group-x"}])

    # local groups: none directly, Users through Domain Users
    buf, total = lanman.NetUserGetLocalGroups(server, user, 0)
    with buf:
        assert len(buf) == 0 and total == 0
    buf, total = lanman.NetUserGetLocalGroups(server, user, 0, lanman.LG_INCLUDE_INDIRECT)
    with buf:
        assert [r["name"] for r in buf] == ["Users"] and total == 1

    # delete: gone
    lanman.NetUserDel(server, user)
    for call in (lambda: lanman.NetUserGetInfo(server, user, 1),
                 lambda: lanman.NetUserDel(server, user),
                 lambda: lanman.NetUserSetInfo(server, user, 1007, {"comment": "x"}),
                 lambda: lanman.NetUserSetInfo(server, user, 1017, {"acct_expires": 0}),
                 lambda: lanman.NetUserGetGroups(server, user),
                 lambda: lanman.NetUserSetGroups(server, user, 0, [{"name": "Domain Users"}]),
                 lambda: lanman.NetUserGetLocalGroups(server, user)):
        expect_error(2221, call)


def test_add_at_levels_2_3_4(dc, server, user):
    """libnetapi adds only at level 1 (2-4: 50); the shim adds at 1 and sets
    the rest over SAMR."""
    domain = dc["LANMAN_TEST_DOMAIN"]
    common = {"priv": lanman.USER_PRIV_USER, "flags": UF_DEFAULT,
              "acct_expires": 2100000000, "full_name": "Level User",
              "usr_comment": "usr", "country_code": 33,
              "code_page": 1252, "comment": "desc"}
    p2, p4 = pw(), pw()
    lanman.NetUserAdd(server, 2, dict(common, name=user + "2", password=p2))
    lanman.NetUserAdd(server, 3, dict(common, name=user + "3", profile="\\\\fs\\p",
                                      workstations="WSX",
                                      home_dir_drive="Z:", primary_group_id=513))
    lanman.NetUserAdd(server, 4, dict(common, name=user + "4", password=p4,
                                      password_expired=1,
                                      logon_hours=bytes([0xF0] * 21)))
    try:
        for n in "234":
            rec = info(server, user + n, 3)
            for key in ("full_name", "usr_comment", "country_code",
                        "code_page", "acct_expires", "comment"):
                assert rec[key] == common[key], (n, key)
            assert rec["flags"] & ~lanman.UF_PASSWORD_EXPIRED == UF_DEFAULT, n
        assert info(server, user + "4", 2)["logon_hours"] == bytes([0xF0] * 21)
        rec3 = info(server, user + "3", 3)
        assert (rec3["profile"], rec3["home_dir_drive"], rec3["workstations"]) == \
            ("\\\\fs\\p", "Z:", "WSX")
        assert info(server, user + "4", 3)["password_expired"] == 1
        assert info(server, user + "2", 0,
                    lanman.Credentials(user + "2", p2, domain))["name"] == user + "2"
        # must change its password (or, at some hours, may not log on now)
        e = expect_error(None, lanman.NetUserGetInfo, server, user + "4", 0,
                         creds=lanman.Credentials(user + "4", p4, domain))
        assert e.code in (1907, 1328), str(e)
    finally:
        for n in "234":
            lanman.NetUserDel(server, user + n)


def test_add_refusals(server, user):
    add_level1(server, user, pw())
    e = expect_error(2224, add_level1, server, user, pw())          # libnetapi: 1316
    expect_error(2245, add_level1, server, user + "w", "x")          # libnetapi: 1325
    expect_error(2245, lanman.NetUserSetInfo, server, user, 1003, {"password": "x"})
    e = expect_error(87, lanman.NetUserAdd, server, 1,
                     {"name": user + "a", "priv": lanman.USER_PRIV_ADMIN,
                      "flags": UF_DEFAULT})
    assert "field 'priv'" in str(e)
    expect_error(2221, lanman.NetUserGetInfo, server, user + "a", 0)
    expect_error(2221, lanman.NetUserGetInfo, server, user + "w", 0)


def test_alice_changes_her_password(dc, server, password_changes):
    """The issue's case: alice changes her own password and logs on with the
    new one; the old one fails (the test DC sets old password allowed
    period = 0: Samba, like Windows, accepts it for NTLM for an hour)."""
    domain, seed = dc["LANMAN_TEST_DOMAIN"], dc["LANMAN_TEST_SEED_PASSWORD"]
    new = pw()
    try:
        lanman.NetUserChangePassword(server, "alice", seed, new)
        assert info(server, "alice", 10, lanman.Credentials("alice", new, domain))[
            "full_name"] == "Alice Adams"
        expect_error(1326, lanman.NetUserGetInfo, server, "alice", 10,
                     creds=lanman.Credentials("alice", seed, domain))
        # "DOMAIN\\user" names the account too; the history refuses the seed
        e = expect_error(2245, lanman.NetUserChangePassword, server,
                         f"{domain}\\alice", new, seed)
        assert seed not in str(e) and new not in str(e)
    finally:
        # an administrator's reset ignores the history: back to the seed
        lanman.NetUserSetInfo(server, "alice", 1003, {"password": seed})
    assert info(server, "alice", 0, lanman.Credentials("alice", seed, domain))["name"] == "alice"


def test_change_password_needs_the_policy(dc, server, user):
    """With the DC's minimum password age (1 day) a new account cannot change
    its password yet: NERR_PasswordTooShort, as netapi32 reports it."""
    with lanman.NetUserModalsGet(server, 0) as buf:
        min_age = buf[0]["min_passwd_age"]
    lanman.NetUserModalsSet(server, 1003, {"min_passwd_age": 86400})
    try:
        first = pw()
        add_level1(server, user, first)
        e = expect_error(2245, lanman.NetUserChangePassword, server, user, first, pw())
        assert "0xC000006C" in str(e)     # NT_STATUS_PASSWORD_RESTRICTION
    finally:
        lanman.NetUserModalsSet(server, 1003, {"min_passwd_age": min_age})


def test_local_groups(server):
    """libnetapi answers 1301 for any user in a domain-local group
    (Administrator, krbtgt) and ignores LG_INCLUDE_INDIRECT; the shim asks
    SAMR itself."""
    def names(user, flags):
        buf, total = lanman.NetUserGetLocalGroups(server, user, 0, flags)
        with buf:
            got = sorted(r["name"] for r in buf)
        assert total == len(got)
        return got
    assert names("Administrator", 0) == ["Administrators"]
    assert names("Administrator", 1) == ["Administrators",
                                         "Denied RODC Password Replication Group",
                                         "Users"]
    assert names("krbtgt", 0) == ["Denied RODC Password Replication Group"]
    assert "Denied RODC Password Replication Group" in names("krbtgt", 1)
    assert names("alice", 0) == []
    assert names("alice", 1) == ["Users"]
    assert names("Guest", 1) == ["Guests"]


def test_group_lists_honour_prefmaxlen(server):
    """Too small a buffer: what fits (at least one), ERROR_MORE_DATA taken
    as success, and the total -- as netapi32 (libnetapi ignores it)."""
    buf, total = lanman.NetUserGetGroups(server, "Administrator", 0, 1)
    with buf:
        assert len(buf) == 1 and total > 1
    buf, total = lanman.NetUserGetLocalGroups(server, "Administrator", 0,
                                              lanman.LG_INCLUDE_INDIRECT, 1)
    with buf:
        assert len(buf) == 1 and total == 3


def test_groups_of_seeded_users(server):
    buf, total = lanman.NetUserGetGroups(server, "alice", 1)
    with buf:
        assert {r["name"] for r in buf} == {"Domain Users", "lanman-ops"}
    assert total == 2
    buf, total = lanman.NetUserGetGroups(server, "Administrator", 0)
    with buf:
        got = {r["name"] for r in buf}
    assert {"Domain Admins", "Domain Users", "Enterprise Admins",
            "Schema Admins"} <= got and total == len(got)


def test_modals(server):
    recs = {}
    for level in (0, 1, 2, 3):
        with lanman.NetUserModalsGet(server, level) as buf:
            assert len(buf) == 1 and buf.level == ("USER_MODALS_INFO", level)
            recs[level] = buf[0]
        assert set(recs[level]) == fields(level, "USER_MODALS_INFO")
    assert recs[1]["role"] == lanman.UAS_ROLE_PRIMARY
    assert recs[2]["domain_name"] == "LANMANTEST"
    assert recs[2]["domain_id"].startswith("S-1-5-21-")
    with lanman.NetUserGetInfo(server, "alice", 4) as buf:
        assert buf[0]["user_sid"].startswith(recs[2]["domain_id"] + "-")
    before = recs[0]
    try:
        lanman.NetUserModalsSet(server, 1001, {"min_passwd_len": before["min_passwd_len"] + 2})
        lanman.NetUserModalsSet(server, 1005, {"password_hist_len": 5})
        with lanman.NetUserModalsGet(server, 0) as buf:
            now = buf[0]
        assert now["min_passwd_len"] == before["min_passwd_len"] + 2
        assert now["password_hist_len"] == 5
        assert now["max_passwd_age"] == before["max_passwd_age"]
    finally:
        lanman.NetUserModalsSet(server, 0, before)
    with lanman.NetUserModalsGet(server, 0) as buf:
        assert buf[0] == before
    lockout = recs[3]
    try:
        lanman.NetUserModalsSet(server, 3, dict(lockout, lockout_threshold=7))
        with lanman.NetUserModalsGet(server, 3) as buf:
            assert buf[0]["lockout_threshold"] == 7
    finally:
        lanman.NetUserModalsSet(server, 3, lockout)
    with lanman.NetUserModalsGet(server, 3) as buf:
        assert buf[0] == lockout


def test_display_information_pages(server):
    with lanman.NetUserEnum(server, 0)[0] as buf:
        enum_names = {r["name"] for r in buf}
    for level, entries in ((1, 1), (1, 7), (1, 1000), (2, 1), (3, 2)):
        seen, index, pages = [], 0, 0
        while True:
            buf, index = lanman.NetQueryDisplayInformation(server, level, index, entries)
            with buf:
                assert buf.level == ("NET_DISPLAY", level)
                records = buf.records()
            assert 0 < len(records) <= entries or (len(records) == 0 and index == 0)
            if index:
                assert index == records[-1]["next_index"]
            seen += records
            pages += 1
            assert pages < 500
            if index == 0:
                break
        names = [r["name"] for r in seen]
        assert len(names) == len(set(names)), (level, "a record came twice")
        if level == 1:
            assert set(names) == enum_names
            assert pages >= len(enum_names) // entries
            alice = next(r for r in seen if r["name"] == "alice")
            assert alice["full_name"] == "Alice Adams"
            assert alice["comment"] == "lanman test user"
            # Samba's DC answers acct_flags 0 for users here (rpcclient
            # querydispinfo shows the same); lanman converts whatever
            # comes from ACB_* to UF_*
            assert alice["flags"] & ~lanman.UF_SETTABLE_BITS == 0
        elif level == 2:
            dc_rec = next(r for r in seen if r["name"] == "LMDC$")
            assert dc_rec["flags"] == lanman.UF_NORMAL_ACCOUNT   # ACB_NORMAL 0x10
        else:
            assert {"lanman-ops", "Domain Users", "Domain Admins"} <= set(names)
    buf, index = lanman.NetQueryDisplayInformation(server, 1, 100000, 10)
    with buf:
        assert len(buf) == 0 and index == 0


# ---- argument errors: raised before anything is sent -------------------------

def test_argument_errors_before_any_call(unreachable):
    """Against an address nobody answers: a call that went out would hang
    and fail with a NetApiError; these raise at once, naming the field."""
    s = unreachable
    ok1 = {"name": "x", "priv": 1, "flags": UF_DEFAULT}
    cases = [
        (TypeError, "'data'", lambda: lanman.NetUserAdd(s, 1, ["x"])),
        (ValueError, "'bogus'", lambda: lanman.NetUserAdd(s, 1, dict(ok1, bogus=1))),
        (TypeError, "'priv'", lambda: lanman.NetUserAdd(s, 1, dict(ok1, priv="1"))),
        (TypeError, "'flags'", lambda: lanman.NetUserAdd(s, 1, dict(ok1, flags=1.5))),
        (TypeError, "'comment'", lambda: lanman.NetUserAdd(s, 1, dict(ok1, comment=5))),
        (ValueError, "'name'", lambda: lanman.NetUserAdd(s, 1, {"priv": 1, "flags": 1})),
        (ValueError, "'priv'", lambda: lanman.NetUserAdd(s, 1, {"name": "x", "flags": 1})),
        (ValueError, "'acct_expires'",
         lambda: lanman.NetUserAdd(s, 2, dict(ok1))),
        (ValueError, "'password'",
         lambda: lanman.NetUserAdd(s, 3, dict(ok1, password="p",
                                              acct_expires=lanman.TIMEQ_FOREVER))),
        (ValueError, "'level'", lambda: lanman.NetUserAdd(s, 0, ok1)),
        (ValueError, "'password'", lambda: lanman.NetUserSetInfo(s, "x", 21, {})),
        (ValueError, "16 bytes",
         lambda: lanman.NetUserSetInfo(s, "x", 21, {"password": b"short"})),
        (TypeError, "'password'",
         lambda: lanman.NetUserSetInfo(s, "x", 21, {"password": "text"})),
        (ValueError, "'level'", lambda: lanman.NetUserSetInfo(s, "x", 5, {})),
        (ValueError, "'comment'", lambda: lanman.NetUserSetInfo(s, "x", 1007, {})),
        (TypeError, "'comment'", lambda: lanman.NetUserSetInfo(s, "x", 1007, {"comment": 5})),
        (ValueError, "'full_name'", lambda: lanman.NetUserSetInfo(s, "x", 1007,
                                                                  {"full_name": "y"})),
        (TypeError, "'logon_hours'",
         lambda: lanman.NetUserSetInfo(s, "x", 1020, {"logon_hours": "all"})),
        (ValueError, "'logon_hours'",
         lambda: lanman.NetUserSetInfo(s, "x", 1020, {"logon_hours": b""})),
        (ValueError, "'flags'",
         lambda: lanman.NetUserSetInfo(s, "x", 1008, {"flags": 1 << 32})),
        (ValueError, "'username'", lambda: lanman.NetUserSetInfo(s, "", 1007, {"comment": "c"})),
        (TypeError, "'username'", lambda: lanman.NetUserDel(s, None)),
        (ValueError, "'username'", lambda: lanman.NetUserDel(s, "x" * 257)),
        (TypeError, "'oldpassword'",
         lambda: lanman.NetUserChangePassword(s, "x", None, "n")),
        (TypeError, "'newpassword'",
         lambda: lanman.NetUserChangePassword(s, "x", "o", 5)),
        (ValueError, "'newpassword'",
         lambda: lanman.NetUserChangePassword(s, "x", "o", "n" * 257)),
        (ValueError, "'level'", lambda: lanman.NetUserGetGroups(s, "x", 2)),
        (TypeError, "'groups'", lambda: lanman.NetUserSetGroups(s, "x", 0, {"name": "g"})),
        (ValueError, "'groups'", lambda: lanman.NetUserSetGroups(s, "x", 0, [])),
        (ValueError, "'name'", lambda: lanman.NetUserSetGroups(s, "x", 1,
                                                               [{"attributes": 7}])),
        (TypeError, "dict", lambda: lanman.NetUserSetGroups(s, "x", 0, ["g"])),
        (ValueError, "'level'", lambda: lanman.NetUserGetLocalGroups(s, "x", 1)),
        (ValueError, "'flags'", lambda: lanman.NetUserGetLocalGroups(s, "x", 0, 2)),
        (ValueError, "'level'", lambda: lanman.NetUserModalsGet(s, 1001)),
        (ValueError, "'max_passwd_age'",
         lambda: lanman.NetUserModalsSet(s, 0, {"min_passwd_len": 1, "min_passwd_age": 0,
                                                "force_logoff": 0, "password_hist_len": 0})),
        (ValueError, "'domain_id'",
         lambda: lanman.NetUserModalsSet(s, 2, {"domain_name": "D", "domain_id": "S-1-x"})),
        (ValueError, "'level'", lambda: lanman.NetQueryDisplayInformation(s, 4)),
        (ValueError, "'entries'", lambda: lanman.NetQueryDisplayInformation(s, 1, 0, 0)),
        (TypeError, "'index'", lambda: lanman.NetQueryDisplayInformation(s, 1, "0")),
    ]
    before = lanman.buffer_stats()
    for exc, needle, call in cases:
        with pytest.raises(exc) as ei:
            call()
        assert needle in str(ei.value), (needle, str(ei.value))
        assert not isinstance(ei.value, lanman.NetApiError)
    assert lanman.buffer_stats() == before


# ---- the session helpers -------------------------------------------------------

def test_session_helpers(dc, server, user, session, password_changes):
    domain = dc["LANMAN_TEST_DOMAIN"]
    first = pw()
    session.add_user(user, first, "via the session")
    assert session.user(user, 1)["comment"] == "via the session"
    assert session.user(user, 1)["flags"] == UF_DEFAULT
    session.set_user(user, 1011, {"full_name": "Session User"})
    assert session.user(user, 10)["full_name"] == "Session User"
    assert [g["name"] for g in session.user_groups(user)] == ["Domain Users"]
    session.set_user_groups(user, ["Domain Users", "lanman-ops"])
    assert {g["name"] for g in session.user_groups(user, 1)} == {"Domain Users", "lanman-ops"}
    assert session.user_local_groups(user) == []
    assert session.user_local_groups(user, indirect=True) == ["Users"]
    second = pw()
    session.change_password(user, first, second)
    with lanman.Session(server, user, second, domain) as me:
        assert me.user(user, 0) == {"name": user}
    assert session.user_modals(2)["domain_name"] == "LANMANTEST"
    displayed = [r["name"] for r in session.display_users(entries=5)]
    assert user in displayed and len(displayed) == len(set(displayed))
    assert {r["name"] for r in session.display_users(level=3)} >= {"lanman-ops"}
    session.delete_user(user)
    expect_error(2221, session.user, user)

    # at level 2 when a field needs it; acct_expires defaults to never
    session.add_user(user + "2", pw(), full_name="Two", country_code=1)
    try:
        rec = session.user(user + "2", 2)
        assert (rec["full_name"], rec["country_code"], rec["acct_expires"]) == \
            ("Two", 1, lanman.TIMEQ_FOREVER)
    finally:
        session.delete_user(user + "2")


def test_enum_filters_with_no_accounts(server):
    """libnetapi's NetUserEnum kills the process on an empty answer (it
    reads the NULL SamArray the server sends); lanman answers an empty
    buffer, as netapi32 does.  The test DC has no trust or duplicate
    accounts, one server trust account (itself)."""
    for flt in (lanman.FILTER_TEMP_DUPLICATE_ACCOUNT,
                lanman.FILTER_INTERDOMAIN_TRUST_ACCOUNT,
                lanman.FILTER_WORKSTATION_TRUST_ACCOUNT):
        for level in (0, 1, 20):
            buf, total, resume = lanman.NetUserEnum(server, level, flt)
            with buf:
                assert len(buf) == 0 and resume == 0, (flt, level)
    buf, total, resume = lanman.NetUserEnum(server, 20, lanman.FILTER_SERVER_TRUST_ACCOUNT)
    with buf:
        assert [r["name"] for r in buf] == ["LMDC$"]
        assert buf[0]["flags"] & lanman.UF_SERVER_TRUST_ACCOUNT
