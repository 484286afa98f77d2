"""The local group (alias) calls, named and ordered as in C (see _calls.py).

Members are given as lists of dicts: by SID at level 0
(``[{"sid": "S-1-5-21-...-1103"}]``) or by name at level 3
(``[{"domainandname": "CORP\\alice"}]``).  Level 3 names are resolved to SIDs
first (Samba's libnetapi aborts the process at level 3), and
NetLocalGroupGetMembers is answered over SAMR (libnetapi has only a stub).
"""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import MAX_PREFERRED_LENGTH, creds_of, input_of, server_of, write_level

__all__ = ['NetLocalGroupEnum', 'NetLocalGroupGetInfo', 'NetLocalGroupAdd',
           'NetLocalGroupDel', 'NetLocalGroupSetInfo', 'NetLocalGroupGetMembers',
           'NetLocalGroupAddMembers', 'NetLocalGroupDelMembers',
           'NetLocalGroupSetMembers']


def NetLocalGroupEnum(server, level, resume=0, prefmaxlen=MAX_PREFERRED_LENGTH,
                      *, creds=None):
    """Local groups: ``(buf, total, resume)``; resume is 0 after the last page."""
    fn = "NetLocalGroupEnum"
    buf, total, resume = _core.NetLocalGroupEnum(
        creds_of(fn, creds), server_of(fn, server),
        check.u32(fn, "level", level), check.u32(fn, "prefmaxlen", prefmaxlen),
        check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetLocalGroupGetInfo(server, groupname, level, *, creds=None):
    fn = "NetLocalGroupGetInfo"
    return Buffer(_core.NetLocalGroupGetInfo(
        creds_of(fn, creds), server_of(fn, server),
        check.text(fn, "groupname", groupname), check.u32(fn, "level", level)))


def NetLocalGroupAdd(server, level, data, *, creds=None):
    """Creates a local group from a LOCALGROUP_INFO_<level> dict (0 or 1)."""
    fn = "NetLocalGroupAdd"
    creds, server = creds_of(fn, creds), server_of(fn, server)
    level = write_level(fn, level)
    _core.NetLocalGroupAdd(creds, server, level,
                           input_of(fn, _core.call_family(fn), level, data))


def NetLocalGroupDel(server, groupname, *, creds=None):
    fn = "NetLocalGroupDel"
    _core.NetLocalGroupDel(creds_of(fn, creds), server_of(fn, server),
                           check.text(fn, "groupname", groupname))


def NetLocalGroupSetInfo(server, groupname, level, data, *, creds=None):
    """Changes a local group from a LOCALGROUP_INFO_<level> dict: 0 renames
    it, 1 and 1002 set its comment."""
    fn = "NetLocalGroupSetInfo"
    creds, server = creds_of(fn, creds), server_of(fn, server)
    groupname = check.text(fn, "groupname", groupname)
    level = write_level(fn, level)
    _core.NetLocalGroupSetInfo(creds, server, groupname, level,
                               input_of(fn, _core.call_family(fn), level, data))


def NetLocalGroupGetMembers(server, groupname, level, resume=0,
                            prefmaxlen=MAX_PREFERRED_LENGTH, *, creds=None):
    """Members of a local group (LOCALGROUP_MEMBERS_INFO 0-3):
    ``(buf, total, resume)``; resume is 0 after the last page."""
    fn = "NetLocalGroupGetMembers"
    buf, total, resume = _core.NetLocalGroupGetMembers(
        creds_of(fn, creds), server_of(fn, server),
        check.text(fn, "groupname", groupname), check.u32(fn, "level", level),
        check.u32(fn, "prefmaxlen", prefmaxlen), check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def _members(fn, level, members, empty_ok):
    if not isinstance(members, (list, tuple)):
        raise TypeError(f"{fn}: argument 'members' must be a list of dicts, "
                        f"not {type(members).__name__}")
    if not members:
        if empty_ok:
            return None
        raise ValueError(f"{fn}: argument 'members' must not be empty")
    return input_of(fn, _core.call_family(fn), level, members, many=True)


def _member_call(fn, server, groupname, level, members, creds, empty_ok=False):
    creds, server = creds_of(fn, creds), server_of(fn, server)
    groupname = check.text(fn, "groupname", groupname)
    level = write_level(fn, level)
    getattr(_core, fn)(creds, server, groupname, level,
                       _members(fn, level, members, empty_ok))


def NetLocalGroupAddMembers(server, groupname, level, members, *, creds=None):
    """Adds members (LOCALGROUP_MEMBERS_INFO_0 dicts by SID, or _3 dicts by
    "DOMAIN\\name") to a local group."""
    _member_call("NetLocalGroupAddMembers", server, groupname, level, members,
                 creds)


def NetLocalGroupDelMembers(server, groupname, level, members, *, creds=None):
    """Removes members (as for NetLocalGroupAddMembers) from a local group."""
    _member_call("NetLocalGroupDelMembers", server, groupname, level, members,
                 creds)


def NetLocalGroupSetMembers(server, groupname, level, members, *, creds=None):
    """Makes ``members`` the local group's members; an empty list empties it."""
    _member_call("NetLocalGroupSetMembers", server, groupname, level, members,
                 creds, empty_ok=True)

