"""The global group calls, named and ordered as in C (see _calls.py).

Write calls take dicts keyed like the records they read: ``NetGroupAdd(server,
1, {"name": "ops", "comment": "..."})``; member lists are lists of dicts
(``[{"name": "alice"}, ...]``, GROUP_USERS_INFO_0/1).  Unknown keys, wrong
types and missing required fields raise before anything is sent.
"""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import MAX_PREFERRED_LENGTH, creds_of, input_of, server_of, write_level

__all__ = ['NetGroupEnum', 'NetGroupGetInfo', 'NetGroupAdd', 'NetGroupDel',
           'NetGroupSetInfo', 'NetGroupAddUser', 'NetGroupDelUser',
           'NetGroupGetUsers', 'NetGroupSetUsers']


def NetGroupEnum(server, level, resume=0, prefmaxlen=MAX_PREFERRED_LENGTH, *,
                 creds=None):
    """Global groups: ``(buf, total, resume)``; resume is 0 after the last page."""
    fn = "NetGroupEnum"
    buf, total, resume = _core.NetGroupEnum(
        creds_of(fn, creds), server_of(fn, server),
        check.u32(fn, "level", level), check.u32(fn, "prefmaxlen", prefmaxlen),
        check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetGroupGetInfo(server, groupname, level, *, creds=None):
    fn = "NetGroupGetInfo"
    return Buffer(_core.NetGroupGetInfo(
        creds_of(fn, creds), server_of(fn, server),
        check.text(fn, "groupname", groupname), check.u32(fn, "level", level)))


def NetGroupAdd(server, level, data, *, creds=None):
    """Creates a global group from a GROUP_INFO_<level> dict (0, 1, 2, 3)."""
    fn = "NetGroupAdd"
    creds, server = creds_of(fn, creds), server_of(fn, server)
    level = write_level(fn, level)
    _core.NetGroupAdd(creds, server, level,
                      input_of(fn, _core.call_family(fn), level, data))


def NetGroupDel(server, groupname, *, creds=None):
    fn = "NetGroupDel"
    _core.NetGroupDel(creds_of(fn, creds), server_of(fn, server),
                      check.text(fn, "groupname", groupname))


def NetGroupSetInfo(server, groupname, level, data, *, creds=None):
    """Changes a group from a GROUP_INFO_<level> dict: 0 renames it, 1002
    sets the comment, 1005 the attributes; 1, 2 and 3 the comment too."""
    fn = "NetGroupSetInfo"
    creds, server = creds_of(fn, creds), server_of(fn, server)
    groupname = check.text(fn, "groupname", groupname)
    level = write_level(fn, level)
    _core.NetGroupSetInfo(creds, server, groupname, level,
                          input_of(fn, _core.call_family(fn), level, data))


def NetGroupAddUser(server, groupname, username, *, creds=None):
    fn = "NetGroupAddUser"
    _core.NetGroupAddUser(creds_of(fn, creds), server_of(fn, server),
                          check.text(fn, "groupname", groupname),
                          check.text(fn, "username", username))


def NetGroupDelUser(server, groupname, username, *, creds=None):
    fn = "NetGroupDelUser"
    _core.NetGroupDelUser(creds_of(fn, creds), server_of(fn, server),
                          check.text(fn, "groupname", groupname),
                          check.text(fn, "username", username))


def NetGroupGetUsers(server, groupname, level, resume=0,
                     prefmaxlen=MAX_PREFERRED_LENGTH, *, creds=None):
    """Members of a global group (GROUP_USERS_INFO 0 or 1):
    ``(buf, total, resume)``; resume is 0 after the last page."""
    fn = "NetGroupGetUsers"
    buf, total, resume = _core.NetGroupGetUsers(
        creds_of(fn, creds), server_of(fn, server),
        check.text(fn, "groupname", groupname), check.u32(fn, "level", level),
        check.u32(fn, "prefmaxlen", prefmaxlen), check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetGroupSetUsers(server, groupname, level, members, *, creds=None):
    """Makes ``members`` (a list of GROUP_USERS_INFO_<level> dicts) the
    group's members; an empty list empties the group."""
    fn = "NetGroupSetUsers"
    creds, server = creds_of(fn, creds), server_of(fn, server)
    groupname = check.text(fn, "groupname", groupname)
    level = write_level(fn, level)
    _core.NetGroupSetUsers(creds, server, groupname, level,
                           members_of(fn, level, members))


def members_of(fn, level, members):
    """The input records of a member list; None for an empty list."""
    if not isinstance(members, (list, tuple)):
        raise TypeError(f"{fn}: argument 'members' must be a list of dicts, "
                        f"not {type(members).__name__}")
    if not members:
        return None
    return input_of(fn, _core.call_family(fn), level, members, many=True)

