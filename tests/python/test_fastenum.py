"""lanman's fast detailed user enumeration (core UserEnumFast, used by
Session.users(level=3)) against the real DC: the same records as libnetapi's
NetUserEnum level 3, field by field, in the same order."""
import os

import pytest

import lanman
from lanman import _lanman_core as core

# password_age is "now - pwdLastSet", counted when each path converts it
AGE_SLACK = 30


def netapi_records(server, level=3, filter=0):
    records, resume = [], 0
    while True:
        buf, _total, resume = lanman.NetUserEnum(server, level, filter, resume=resume)
        with buf:
            records += buf.records()
        if resume == 0:
            return records


def fast_records(admin_creds, server, level=3, filter=0, window=0):
    buf, total = core.UserEnumFast(admin_creds._capsule, server, level, filter, window)
    with lanman.Buffer(buf) as b:
        records = b.records()
    assert total == len(records)
    return records


def assert_same(fast, slow):
    assert [r["name"] for r in fast] == [r["name"] for r in slow]
    for f, s in zip(fast, slow):
        assert f.keys() == s.keys(), f["name"]
        for key in s:
            if key == "password_age":
                # never negative (4294967295 in 32 bits) for a password set
                # this very second: the core puts 0 (shim_samba.c, fix_times)
                assert f[key] < 2**31 and s[key] < 2**31, (f["name"], f[key], s[key])
                assert abs(f[key] - s[key]) <= AGE_SLACK, (f["name"], key, f[key], s[key])
            else:
                assert f[key] == s[key], (f["name"], key, f[key], s[key])


def test_same_records_as_netuserenum_level_3(server, admin_creds):
    slow = netapi_records(server)
    fast = fast_records(admin_creds, server)
    assert len(fast) >= 46
    assert_same(fast, slow)


@pytest.mark.parametrize("window", [1, 3, 4096])
def test_any_window_gives_the_same_records(server, admin_creds, window):
    assert_same(fast_records(admin_creds, server, window=window), netapi_records(server))


def test_filter_is_mapped_as_libnetapi_maps_it(server, admin_creds):
    for flt in (lanman.FILTER_NORMAL_ACCOUNT, lanman.FILTER_SERVER_TRUST_ACCOUNT):
        assert_same(fast_records(admin_creds, server, filter=flt),
                    netapi_records(server, filter=flt))
    # no workstation accounts on the test DC: libnetapi's NetUserEnum crashes
    # the process on an empty result (a NULL SamArray), so no comparison here
    assert fast_records(admin_creds, server, filter=lanman.FILTER_WORKSTATION_TRUST_ACCOUNT) == []


def test_auth_flags_from_the_operator_aliases(server, admin_creds):
    """A user in Account Operators directly, one in Print Operators through a
    global group: libnetapi finds them per user (GetGroupsForUser +
    GetAliasMembership), the fast path from the aliases' members."""
    pw = "Fe-" + os.urandom(6).hex() + "-9q"
    users = ("lmfastop1", "lmfastop2")
    for name in users:
        lanman.NetUserAdd(server, 1, {"name": name, "password": pw, "priv": lanman.USER_PRIV_USER,
                                      "flags": lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT})
    lanman.NetGroupAdd(server, 0, {"name": "lmfastgrp"})
    try:
        lanman.NetGroupAddUser(server, "lmfastgrp", "lmfastop2")
        with lanman.NetUserGetInfo(server, "lmfastop1", 23) as b:
            sid1 = b[0]["user_sid"]
        with lanman.NetGroupGetInfo(server, "lmfastgrp", 3) as b:
            gsid = b[0]["group_sid"]
        lanman.NetLocalGroupAddMembers(server, "Account Operators", 0, [{"sid": sid1}])
        lanman.NetLocalGroupAddMembers(server, "Print Operators", 0, [{"sid": gsid}])
        try:
            slow = netapi_records(server)
            fast = fast_records(admin_creds, server)
            assert_same(fast, slow)
            by = {r["name"]: r for r in fast}
            assert by["lmfastop1"]["auth_flags"] == lanman.AF_OP_ACCOUNTS
            assert by["lmfastop2"]["auth_flags"] == lanman.AF_OP_PRINT
        finally:
            lanman.NetLocalGroupDelMembers(server, "Account Operators", 0, [{"sid": sid1}])
            lanman.NetLocalGroupDelMembers(server, "Print Operators", 0, [{"sid": gsid}])
    finally:
        lanman.NetGroupDel(server, "lmfastgrp")
        for name in users:
            lanman.NetUserDel(server, name)


def test_session_level_3_uses_it_and_matches(session, server):
    before = lanman.buffer_stats()["live"]
    fast = list(session.users(level=3))
    samr = list(session.users(level=3, method="samr"))
    slow = list(session.users(level=3, method="netapi"))
    assert_same(fast, slow)
    assert_same(samr, slow)
    assert lanman.buffer_stats()["live"] == before


def test_session_other_levels_unchanged(session, server):
    assert [r["name"] for r in session.users(level=0, method="samr")] == \
        [r["name"] for r in netapi_records(server, level=0)]


def test_bad_method_and_level(session, server, admin_creds):
    with pytest.raises(ValueError, match="method"):
        session.users(level=3, method="ldap")
    with pytest.raises(ValueError, match="level"):
        core.UserEnumFast(admin_creds._capsule, server, 1, 0, 0)
    with pytest.raises(ValueError, match="window"):
        core.UserEnumFast(admin_creds._capsule, server, 3, 0, 100000)


def test_wrong_password_raises(dc, server):
    with lanman.Session(server, user=dc["LANMAN_TEST_USER"], password="Wr0ng-fast-pw",
                        domain=dc["LANMAN_TEST_DOMAIN"]) as s:
        with pytest.raises(lanman.NetApiError) as e:
            list(s.users(level=3, method="samr"))
        assert "Wr0ng-fast-pw" not in str(e.value)
        with pytest.raises(lanman.NetApiError):   # auto: NetUserEnum fails as well
            list(s.users(level=3))
