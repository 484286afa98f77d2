"""Global groups against the real DC: NetGroupEnum (every level, paging),
NetGroupGetInfo, NetGroupAdd/Del/SetInfo, NetGroupAddUser/DelUser,
NetGroupGetUsers (paging) and NetGroupSetUsers, read from both sides, with
the status codes netapi32 gives; argument errors before anything is sent;
the session helpers.  Seeded: lanman-ops = {alice, bob}."""
import re
import time
import uuid

import pytest

import lanman
from conftest import fields, one, records

SID_RE = re.compile(r"^S-1-5-21-\d+-\d+-\d+-(\d+)$")
SE_GROUP_DEFAULT = 7   # SE_GROUP_MANDATORY | ENABLED_BY_DEFAULT | ENABLED


def members(server, group, level=0):
    return sorted(r["name"] for r in records(lanman.NetGroupGetUsers(server, group, level)))


@pytest.fixture
def group(server):
    """A fresh group name; whatever the test left behind is deleted."""
    name = f"lm-g-{uuid.uuid4().hex[:8]}"
    yield name
    for n in (name, name + "-renamed"):
        try:
            lanman.NetGroupDel(server, n)
        except lanman.NetApiError:
            pass


# ---- the level tables -------------------------------------------------------

def test_call_levels():
    assert lanman.call_levels("NetGroupEnum") == (0, 1, 2, 3)
    assert lanman.call_levels("NetGroupGetInfo") == (0, 1, 2, 3)
    assert lanman.call_levels("NetGroupAdd") == (0, 1, 2, 3)
    assert lanman.call_levels("NetGroupSetInfo") == (0, 1, 2, 3, 1002, 1005)
    assert lanman.call_levels("NetGroupGetUsers") == (0, 1)
    assert lanman.call_levels("NetGroupSetUsers") == (0, 1)
    for fn in ("NetGroupDel", "NetGroupAddUser", "NetGroupDelUser"):
        assert lanman.call_levels(fn) == ()
    assert lanman.call_family("NetGroupEnum") == "GROUP_INFO"
    assert lanman.call_family("NetGroupSetUsers") == "GROUP_USERS_INFO"


def test_level_fields_are_pywin32_keys():
    assert fields("GROUP_INFO", 0) == ["name"]
    assert fields("GROUP_INFO", 1) == ["name", "comment"]
    assert fields("GROUP_INFO", 2) == ["name", "comment", "group_id", "attributes"]
    assert fields("GROUP_INFO", 3) == ["name", "comment", "group_sid", "attributes"]
    assert fields("GROUP_INFO", 1002) == ["comment"]
    assert fields("GROUP_INFO", 1005) == ["attributes"]
    assert fields("GROUP_USERS_INFO", 0) == ["name"]
    assert fields("GROUP_USERS_INFO", 1) == ["name", "attributes"]


# ---- NetGroupEnum -----------------------------------------------------------

@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_enum_every_level(server, level):
    buf, total, resume = lanman.NetGroupEnum(server, level)
    with buf:
        assert buf.level == ("GROUP_INFO", level)
        recs = buf.records()
    assert resume == 0
    assert total == len(recs) >= 12
    for r in recs:
        assert list(r) == fields("GROUP_INFO", level)
    by = {r["name"]: r for r in recs}
    assert {"Domain Admins", "Domain Users", "lanman-ops"} <= set(by)
    if level >= 1:
        assert by["lanman-ops"]["comment"] == "lanman test group"
        assert by["Domain Users"]["comment"] == "All domain users"
    if level == 2:
        assert by["Domain Admins"]["group_id"] == 512
        assert by["Domain Users"]["group_id"] == 513
        assert by["lanman-ops"]["attributes"] == SE_GROUP_DEFAULT
    if level == 3:
        m = SID_RE.match(by["Domain Admins"]["group_sid"])
        assert m and m.group(1) == "512"
        assert by["lanman-ops"]["attributes"] == SE_GROUP_DEFAULT


@pytest.mark.parametrize("level,prefmaxlen", [(0, 1), (1, 100), (3, 300)])
def test_enum_pages_return_each_group_once(server, level, prefmaxlen):
    """libnetapi answers every group at once whatever prefmaxlen is; lanman
    cuts pages that fit in it (at least one record each)."""
    everything = [r["name"] for r in records(lanman.NetGroupEnum(server, level))]
    seen, pages, resume = [], 0, 0
    while True:
        buf, total, resume = lanman.NetGroupEnum(server, level, resume, prefmaxlen)
        with buf:
            assert len(buf) >= 1
            seen += [r["name"] for r in buf]
        pages += 1
        assert total == len(everything)
        assert pages <= len(everything)
        if resume == 0:
            break
    assert sorted(seen) == sorted(everything)
    assert len(set(seen)) == len(seen)
    assert pages > 1
    if prefmaxlen == 1:
        assert pages == len(everything)


def test_enum_resume_past_the_end_is_an_empty_last_page(server):
    buf, total, resume = lanman.NetGroupEnum(server, 0, 100000)
    with buf:
        assert len(buf) == 0
    assert resume == 0
    assert total >= 12


# ---- NetGroupGetInfo --------------------------------------------------------

@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_getinfo_seeded_group(server, level):
    rec = one(lanman.NetGroupGetInfo(server, "lanman-ops", level), "GROUP_INFO", level)
    assert rec["name"] == "lanman-ops"
    if level >= 1:
        assert rec["comment"] == "lanman test group"
    if level >= 2:
        assert rec["attributes"] == SE_GROUP_DEFAULT
    if level == 2:
        assert rec["group_id"] > 1000
    if level == 3:
        assert SID_RE.match(rec["group_sid"])


def test_getinfo_agrees_with_enum(server):
    """Same group, same answer: id, SID and comment from GetInfo and Enum."""
    enum = {r["name"]: r for r in records(lanman.NetGroupEnum(server, 3))}
    for name in ("Domain Admins", "lanman-ops", "Domain Guests"):
        rec = one(lanman.NetGroupGetInfo(server, name, 3), "GROUP_INFO", 3)
        assert rec == enum[name]
        rec2 = one(lanman.NetGroupGetInfo(server, name, 2), "GROUP_INFO", 2)
        assert rec["group_sid"].endswith(f"-{rec2['group_id']}")


def test_getinfo_missing_group(server):
    """libnetapi says ERROR_NONE_MAPPED (1332); netapi32 NERR_GroupNotFound."""
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupGetInfo(server, "no-such-group-lm", 1)
    e = ei.value
    assert (e.code, e.name, e.function, e.server) == (
        2220, "NERR_GroupNotFound", "NetGroupGetInfo", server)


@pytest.mark.parametrize("name", ["Administrators", "alice"])
def test_getinfo_of_a_local_group_or_user_is_not_found(server, name):
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupGetInfo(server, name, 0)
    assert ei.value.name == "NERR_GroupNotFound"


def test_getinfo_level_1002_is_set_only(server):
    with pytest.raises(ValueError, match="level"):
        lanman.NetGroupGetInfo(server, "lanman-ops", 1002)


# ---- NetGroupGetUsers -------------------------------------------------------

@pytest.mark.parametrize("level", [0, 1])
def test_getusers_seeded_group(server, level):
    buf, total, resume = lanman.NetGroupGetUsers(server, "lanman-ops", level)
    with buf:
        assert buf.level == ("GROUP_USERS_INFO", level)
        recs = buf.records()
    assert (total, resume) == (2, 0)
    assert sorted(r["name"] for r in recs) == ["alice", "bob"]
    for r in recs:
        assert list(r) == fields("GROUP_USERS_INFO", level)
        if level == 1:
            assert r["attributes"] == SE_GROUP_DEFAULT


def test_getusers_pages(server):
    """One member a page with prefmaxlen 1 (libnetapi ignores it)."""
    seen, resume, pages = [], 0, 0
    while True:
        buf, total, resume = lanman.NetGroupGetUsers(server, "lanman-ops", 0, resume, 1)
        with buf:
            assert len(buf) == 1
            seen.append(buf[0]["name"])
        pages += 1
        assert total == 2
        if resume == 0:
            break
    assert pages == 2
    assert sorted(seen) == ["alice", "bob"]


def test_getusers_of_a_provisioned_group(server):
    assert "Administrator" in members(server, "Domain Admins")


def test_getusers_missing_group(server):
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupGetUsers(server, "no-such-group-lm", 0)
    assert (ei.value.code, ei.value.name) == (2220, "NERR_GroupNotFound")


# ---- the round trip ---------------------------------------------------------

def test_round_trip(server, group):
    base = lanman.buffer_stats()["live"]

    # add at level 1, then it exists: NERR_GroupExists
    assert lanman.NetGroupAdd(server, 1, {"name": group, "comment": "made by lanman"}) is None
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupAdd(server, 1, {"name": group, "comment": "again"})
    assert (ei.value.code, ei.value.name, ei.value.function) == (
        2223, "NERR_GroupExists", "NetGroupAdd")

    # read at each level
    r0 = one(lanman.NetGroupGetInfo(server, group, 0), "GROUP_INFO", 0)
    r1 = one(lanman.NetGroupGetInfo(server, group, 1), "GROUP_INFO", 1)
    r2 = one(lanman.NetGroupGetInfo(server, group, 2), "GROUP_INFO", 2)
    r3 = one(lanman.NetGroupGetInfo(server, group, 3), "GROUP_INFO", 3)
    assert r0 == {"name": group}
    assert r1 == {"name": group, "comment": "made by lanman"}
    assert r2["group_id"] > 1000 and r2["attributes"] == SE_GROUP_DEFAULT
    assert r3["group_sid"].endswith(f"-{r2['group_id']}")
    assert group in [r["name"] for r in records(lanman.NetGroupEnum(server, 0))]

    # comment at 1002, at 1, 2 and 3; attributes at 1005
    lanman.NetGroupSetInfo(server, group, 1002, {"comment": "set at 1002"})
    assert one(lanman.NetGroupGetInfo(server, group, 1), "GROUP_INFO", 1)["comment"] == "set at 1002"
    for level in (1, 2, 3):
        lanman.NetGroupSetInfo(server, group, level,
                               {"name": group, "comment": f"set at {level}"})
        for read in (1, 2, 3):
            rec = one(lanman.NetGroupGetInfo(server, group, read), "GROUP_INFO", read)
            assert rec["comment"] == f"set at {level}", (level, read)
    lanman.NetGroupSetInfo(server, group, 1005, {"attributes": SE_GROUP_DEFAULT})
    assert one(lanman.NetGroupGetInfo(server, group, 2), "GROUP_INFO", 2)["attributes"] == SE_GROUP_DEFAULT
    lanman.NetGroupSetInfo(server, group, 1002, {"comment": ""})
    assert one(lanman.NetGroupGetInfo(server, group, 1), "GROUP_INFO", 1)["comment"] in ("", None)

    # members: add alice and bob, read from both sides
    lanman.NetGroupAddUser(server, group, "alice")
    lanman.NetGroupAddUser(server, group, "bob")
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupAddUser(server, group, "alice")
    assert (ei.value.code, ei.value.name) == (2236, "NERR_UserInGroup")
    assert members(server, group) == ["alice", "bob"]
    assert members(server, group, 1) == ["alice", "bob"]
    for user in ("alice", "bob"):
        buf, _total = lanman.NetUserGetGroups(server, user, 0)
        with buf:
            assert group in [r["name"] for r in buf]
    buf, _total = lanman.NetUserGetGroups(server, "carol", 0)
    with buf:
        assert group not in [r["name"] for r in buf]

    # NetGroupSetUsers: level 0 and 1, then empty
    lanman.NetGroupSetUsers(server, group, 0, [{"name": "carol"}, {"name": "alice"}])
    assert members(server, group) == ["alice", "carol"]
    lanman.NetGroupSetUsers(server, group, 1, [{"name": "bob", "attributes": SE_GROUP_DEFAULT}])
    assert members(server, group, 1) == ["bob"]
    lanman.NetGroupSetUsers(server, group, 0, [])
    assert members(server, group) == []
    lanman.NetGroupSetUsers(server, group, 0, [])   # already empty: fine
    lanman.NetGroupSetUsers(server, group, 0, [{"name": "alice"}, {"name": "bob"}])

    # delete members; a non-member: NERR_UserNotInGroup
    lanman.NetGroupDelUser(server, group, "alice")
    assert members(server, group) == ["bob"]
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupDelUser(server, group, "alice")
    assert (ei.value.code, ei.value.name) == (2237, "NERR_UserNotInGroup")

    # rename at level 0
    lanman.NetGroupSetInfo(server, group, 0, {"name": group + "-renamed"})
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupGetInfo(server, group, 0)
    assert ei.value.name == "NERR_GroupNotFound"
    assert members(server, group + "-renamed") == ["bob"]
    lanman.NetGroupSetInfo(server, group + "-renamed", 0, {"name": group})

    # delete: then it is gone, from every call
    lanman.NetGroupDel(server, group)
    for call in (lambda: lanman.NetGroupGetInfo(server, group, 1),
                 lambda: lanman.NetGroupDel(server, group),
                 lambda: lanman.NetGroupGetUsers(server, group, 0),
                 lambda: lanman.NetGroupSetInfo(server, group, 1002, {"comment": "x"}),
                 lambda: lanman.NetGroupAddUser(server, group, "alice"),
                 lambda: lanman.NetGroupSetUsers(server, group, 0, [{"name": "alice"}]),
                 lambda: lanman.NetGroupSetUsers(server, group, 0, [])):
        with pytest.raises(lanman.NetApiError) as ei:
            call()
        assert (ei.value.code, ei.value.name) == (2220, "NERR_GroupNotFound")
    assert group not in [r["name"] for r in records(lanman.NetGroupEnum(server, 0))]
    assert lanman.buffer_stats()["live"] == base


@pytest.mark.parametrize("level,data", [
    (0, {}),
    (2, {"comment": "at level 2", "attributes": SE_GROUP_DEFAULT}),
    (3, {"comment": "at level 3", "attributes": SE_GROUP_DEFAULT}),
])
def test_add_at_other_levels(server, group, level, data):
    lanman.NetGroupAdd(server, level, dict(data, name=group))
    rec = one(lanman.NetGroupGetInfo(server, group, 1), "GROUP_INFO", 1)
    assert rec["name"] == group
    assert rec["comment"] == data.get("comment")
    lanman.NetGroupDel(server, group)


def test_rename_onto_an_existing_group(server, group):
    """The AD DC says WERR_DS_OBJ_STRING_NAME_EXISTS (8305); netapi32
    NERR_GroupExists."""
    lanman.NetGroupAdd(server, 0, {"name": group})
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupSetInfo(server, group, 0, {"name": "lanman-ops"})
    assert (ei.value.code, ei.value.name) == (2223, "NERR_GroupExists")
    assert members(server, "lanman-ops") == ["alice", "bob"]


def test_member_errors(server, group):
    lanman.NetGroupAdd(server, 0, {"name": group})
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupAddUser(server, group, "no-such-user-lm")
    assert ei.value.name == "NERR_UserNotFound"
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupAddUser(server, "no-such-group-lm", "alice")
    assert ei.value.name == "NERR_GroupNotFound"
    # libnetapi says 1332 for a missing user and a missing group alike
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupSetUsers(server, group, 0, [{"name": "no-such-user-lm"}])
    assert (ei.value.code, ei.value.name) == (2221, "NERR_UserNotFound")
    assert members(server, group) == []


def test_another_users_rights(server, dc, group):
    """alice may read groups but not create one: ERROR_ACCESS_DENIED."""
    alice = lanman.Credentials("alice", dc["LANMAN_TEST_SEED_PASSWORD"], dc["LANMAN_TEST_DOMAIN"])
    assert "lanman-ops" in [r["name"] for r in records(lanman.NetGroupEnum(server, 0, creds=alice))]
    assert one(lanman.NetGroupGetInfo(server, "lanman-ops", 1, creds=alice),
               "GROUP_INFO", 1)["comment"] == "lanman test group"
    with pytest.raises(lanman.NetApiError) as ei:
        lanman.NetGroupAdd(server, 0, {"name": group}, creds=alice)
    assert ei.value.name == "ERROR_ACCESS_DENIED"


def test_wrong_password(server, dc):
    bad = lanman.Credentials(dc["LANMAN_TEST_USER"], "Wr0ng-lanman-pw-7f3e9c", dc["LANMAN_TEST_DOMAIN"])
    for call in (lambda: lanman.NetGroupGetInfo(server, "lanman-ops", 1, creds=bad),
                 lambda: lanman.NetGroupEnum(server, 0, creds=bad)):
        with pytest.raises(lanman.NetApiError) as ei:
            call()
        assert ei.value.name == "ERROR_LOGON_FAILURE"
        assert "Wr0ng" not in str(ei.value)


# ---- argument errors, before anything is sent -------------------------------

BAD_CALLS = [
    # (call, exception, words the message must hold)
    (lambda s: lanman.NetGroupAdd(s, 1, {"name": "x", "bogus": 1}), ValueError, ["bogus", "GROUP_INFO_1"]),
    (lambda s: lanman.NetGroupAdd(s, 1, {"comment": "no name"}), ValueError, ["name", "required"]),
    (lambda s: lanman.NetGroupAdd(s, 1, {"name": 5}), TypeError, ["name"]),
    (lambda s: lanman.NetGroupAdd(s, 1, {"name": None}), ValueError, ["name", "required"]),
    (lambda s: lanman.NetGroupSetInfo(s, "lanman-ops", 1002, {"comment": None}), ValueError, ["comment"]),
    (lambda s: lanman.NetGroupSetUsers(s, "lanman-ops", 1, [{"name": None}]), ValueError, ["name"]),
    (lambda s: lanman.NetGroupAdd(s, 2, {"name": "x", "attributes": "7"}), TypeError, ["attributes"]),
    (lambda s: lanman.NetGroupAdd(s, 3, {"name": "x", "group_sid": "S-1-nope"}), ValueError, ["group_sid"]),
    (lambda s: lanman.NetGroupAdd(s, 2, {"name": "x", "group_id": -1}), ValueError, ["group_id"]),
    (lambda s: lanman.NetGroupAdd(s, 1002, {"comment": "x"}), ValueError, ["level", "1002"]),
    (lambda s: lanman.NetGroupAdd(s, 1, [{"name": "x"}]), TypeError, ["data"]),
    (lambda s: lanman.NetGroupAdd(s, "1", {"name": "x"}), TypeError, ["level"]),
    (lambda s: lanman.NetGroupGetInfo(s, None, 1), TypeError, ["groupname"]),
    (lambda s: lanman.NetGroupGetInfo(s, "", 1), ValueError, ["groupname", "empty"]),
    (lambda s: lanman.NetGroupGetInfo(s, "g" * 257, 1), ValueError, ["groupname", "257"]),
    (lambda s: lanman.NetGroupGetInfo(s, "a\0b", 1), ValueError, ["groupname"]),
    (lambda s: lanman.NetGroupGetInfo(s, "lanman-ops", 4), ValueError, ["level", "4"]),
    (lambda s: lanman.NetGroupEnum(s, 7), ValueError, ["level", "7"]),
    (lambda s: lanman.NetGroupEnum(s, 0, -1), ValueError, ["resume"]),
    (lambda s: lanman.NetGroupEnum(s, 0, 0, "big"), TypeError, ["prefmaxlen"]),
    (lambda s: lanman.NetGroupDel(s, 42), TypeError, ["groupname"]),
    (lambda s: lanman.NetGroupSetInfo(s, "lanman-ops", 1002, {"comment": "c", "x": 1}), ValueError, ["x"]),
    (lambda s: lanman.NetGroupSetInfo(s, "lanman-ops", 1005, {}), ValueError, ["attributes", "required"]),
    (lambda s: lanman.NetGroupSetInfo(s, "lanman-ops", 1005, {"attributes": 2**32}), ValueError, ["attributes"]),
    (lambda s: lanman.NetGroupAddUser(s, "lanman-ops", None), TypeError, ["username"]),
    (lambda s: lanman.NetGroupDelUser(s, None, "alice"), TypeError, ["groupname"]),
    (lambda s: lanman.NetGroupAddUser(s, "lanman-ops", "u" * 257), ValueError, ["username"]),
    (lambda s: lanman.NetGroupGetUsers(s, "lanman-ops", 2), ValueError, ["level", "2"]),
    (lambda s: lanman.NetGroupSetUsers(s, "lanman-ops", 0, {"name": "alice"}), TypeError, ["members"]),
    (lambda s: lanman.NetGroupSetUsers(s, "lanman-ops", 0, [{"name": "alice"}, {}]), ValueError, ["name", "required"]),
    (lambda s: lanman.NetGroupSetUsers(s, "lanman-ops", 0, [{"nam": "alice"}]), ValueError, ["nam"]),
    (lambda s: lanman.NetGroupSetUsers(s, "lanman-ops", 0, ["alice"]), TypeError, ["dict"]),
    (lambda s: lanman.NetGroupSetUsers(s, "lanman-ops", 2, [{"name": "alice"}]), ValueError, ["level"]),
    (lambda s: lanman.NetGroupEnum(s, 0, creds="admin"), TypeError, ["creds"]),
]


@pytest.mark.parametrize("call,exc,words", BAD_CALLS)
def test_argument_errors_name_the_argument_before_any_call(unreachable, call, exc, words):
    """Aimed at an address nobody answers: a call that went out would hang
    for seconds and end in a NetApiError; these fail at once."""
    t0 = time.monotonic()
    with pytest.raises(exc) as ei:
        call(unreachable)
    assert time.monotonic() - t0 < 0.5
    for w in words:
        assert w in str(ei.value), (w, str(ei.value))


def test_failed_argument_checks_leave_the_group_alone(server):
    with pytest.raises(ValueError):
        lanman.NetGroupSetUsers(server, "lanman-ops", 0, [{"name": "alice"}, {"bogus": 1}])
    assert members(server, "lanman-ops") == ["alice", "bob"]


# ---- sessions ---------------------------------------------------------------

def test_session_helpers(session, group):
    s = session
    names = [g["name"] for g in s.groups()]
    assert "lanman-ops" in names and "Domain Admins" in names
    assert [g["name"] for g in s.groups(level=0, prefmaxlen=1)] == names
    assert s.group("lanman-ops")["comment"] == "lanman test group"
    assert s.group("lanman-ops", 3)["group_sid"].startswith("S-1-5-21-")
    assert sorted(m["name"] for m in s.group_members("lanman-ops")) == ["alice", "bob"]
    assert sorted(m["name"] for m in s.group_members("lanman-ops", level=1, prefmaxlen=1)) == ["alice", "bob"]
    lanman.NetGroupAdd(s.server, 1, {"name": group, "comment": "session"}, creds=s.creds)
    s.add_group_member(group, "carol")
    assert [m["name"] for m in s.group_members(group)] == ["carol"]
    s.remove_group_member(group, "carol")
    assert list(s.group_members(group)) == []
    with pytest.raises(lanman.NetApiError) as ei:
        s.remove_group_member(group, "carol")
    assert ei.value.name == "NERR_UserNotInGroup"
    with pytest.raises(lanman.NetApiError) as ei:
        list(s.group_members("no-such-group-lm"))
    assert ei.value.name == "NERR_GroupNotFound"
