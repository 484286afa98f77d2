"""The user account calls, named and ordered as in C (see _calls.py).

Write calls take dicts keyed like the records they read:
``NetUserAdd(server, 1, {"name": "kim", "password": pw, "priv":
USER_PRIV_USER, "flags": UF_SCRIPT | UF_NORMAL_ACCOUNT})``; group lists are
lists of dicts (``[{"name": "Domain Users"}, ...]``, GROUP_USERS_INFO_0/1).
Unknown keys, wrong types and missing required fields raise, naming the
field, before anything is sent.  Passwords appear in no message.
"""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import MAX_PREFERRED_LENGTH, creds_of, input_of, server_of, write_level

__all__ = ['NetUserEnum', 'NetUserGetInfo', 'NetUserAdd', 'NetUserDel',
           'NetUserSetInfo', 'NetUserChangePassword', 'NetUserGetGroups',
           'NetUserSetGroups', 'NetUserGetLocalGroups', 'NetUserModalsGet',
           'NetUserModalsSet', 'NetQueryDisplayInformation']



def _input(fn, level, data, many=False):
    return input_of(fn, _core.call_family(fn), level, data, many)


def NetUserEnum(server, level, filter=0, resume=0,
                prefmaxlen=MAX_PREFERRED_LENGTH, *, creds=None):
    fn = "NetUserEnum"
    buf, total, resume = _core.NetUserEnum(
        creds_of(fn, creds), server_of(fn, server),
        check.u32(fn, "level", level), check.u32(fn, "filter", filter),
        check.u32(fn, "prefmaxlen", prefmaxlen), check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetUserGetInfo(server, username, level, *, creds=None):
    fn = "NetUserGetInfo"
    return Buffer(_core.NetUserGetInfo(
        creds_of(fn, creds), server_of(fn, server),
        check.text(fn, "username", username), check.u32(fn, "level", level)))


def NetUserAdd(server, level, data, *, creds=None):
    """Creates a user from a USER_INFO_<level> dict (1, 2, 3, 4); name,
    priv (USER_PRIV_USER) and flags are required, at 2-4 acct_expires too
    (TIMEQ_FOREVER: never)."""
    fn = "NetUserAdd"
    creds, server = creds_of(fn, creds), server_of(fn, server)
    level = write_level(fn, level)
    _core.NetUserAdd(creds, server, level, _input(fn, level, data))


def NetUserDel(server, username, *, creds=None):
    fn = "NetUserDel"
    _core.NetUserDel(creds_of(fn, creds), server_of(fn, server),
                     check.text(fn, "username", username))


def NetUserSetInfo(server, username, level, data, *, creds=None):
    """Changes a user from a USER_INFO_<level> dict: 0 renames, 1003 sets
    the password, 1007 the comment, 1008 the flags, 1011 the full name,
    ...; 1-4 set every field they hold (strings that are None stay)."""
    fn = "NetUserSetInfo"
    creds, server = creds_of(fn, creds), server_of(fn, server)
    username = check.text(fn, "username", username)
    level = write_level(fn, level)
    _core.NetUserSetInfo(creds, server, username, level, _input(fn, level, data))


def NetUserChangePassword(domainname, username, oldpassword, newpassword, *,
                          creds=None):
    """Changes a user's password knowing the old one, as the user: the
    connection logs on with username and oldpassword (ERROR_INVALID_PASSWORD
    if that is wrong); domainname is the server (or domain) to ask."""
    fn = "NetUserChangePassword"
    _core.NetUserChangePassword(
        creds_of(fn, creds), server_of(fn, domainname),
        check.text(fn, "username", username),
        check.text(fn, "oldpassword", oldpassword),
        check.text(fn, "newpassword", newpassword))


def NetUserGetGroups(server, username, level=0, prefmaxlen=MAX_PREFERRED_LENGTH,
                     *, creds=None):
    """The global groups a user is in (GROUP_USERS_INFO 0 or 1):
    ``(buf, total)``."""
    fn = "NetUserGetGroups"
    buf, total = _core.NetUserGetGroups(
        creds_of(fn, creds), server_of(fn, server),
        check.text(fn, "username", username), check.u32(fn, "level", level),
        check.u32(fn, "prefmaxlen", prefmaxlen))
    return Buffer(buf), total


def NetUserSetGroups(server, username, level, groups, *, creds=None):
    """Makes a list of GROUP_USERS_INFO_<level> dicts the user's global
    groups: joins those missing, leaves those not listed."""
    fn = "NetUserSetGroups"
    creds, server = creds_of(fn, creds), server_of(fn, server)
    username = check.text(fn, "username", username)
    level = write_level(fn, level)
    if not isinstance(groups, (list, tuple)):
        raise TypeError(f"{fn}: argument 'groups' must be a list of dicts, "
                        f"not {type(groups).__name__}")
    if not groups:
        raise ValueError(f"{fn}: argument 'groups' must name at least one "
                         f"group (a user is always in its primary group)")
    _core.NetUserSetGroups(creds, server, username, level,
                           _input(fn, level, groups, many=True))


def NetUserGetLocalGroups(server, username, level=0, flags=0,
                          prefmaxlen=MAX_PREFERRED_LENGTH, *, creds=None):
    """The local groups (aliases) a user is in, of the account domain and
    Builtin (LOCALGROUP_USERS_INFO_0): ``(buf, total)``; flags
    LG_INCLUDE_INDIRECT adds those it is in through its global groups."""
    fn = "NetUserGetLocalGroups"
    buf, total = _core.NetUserGetLocalGroups(
        creds_of(fn, creds), server_of(fn, server),
        check.text(fn, "username", username), check.u32(fn, "level", level),
        check.u32(fn, "flags", flags), check.u32(fn, "prefmaxlen", prefmaxlen))
    return Buffer(buf), total


def NetUserModalsGet(server, level, *, creds=None):
    """The domain's account policy (USER_MODALS_INFO 0, 1, 2, 3)."""
    fn = "NetUserModalsGet"
    return Buffer(_core.NetUserModalsGet(creds_of(fn, creds),
                                         server_of(fn, server),
                                         check.u32(fn, "level", level)))


def NetUserModalsSet(server, level, data, *, creds=None):
    """Sets account policy from a USER_MODALS_INFO_<level> dict (0-3 set
    every field, 1001-1007 one each: 1001 min_passwd_len, ...)."""
    fn = "NetUserModalsSet"
    creds, server = creds_of(fn, creds), server_of(fn, server)
    level = write_level(fn, level)
    _core.NetUserModalsSet(creds, server, level, _input(fn, level, data))


def NetQueryDisplayInformation(server, level, index=0, entries=100,
                               prefmaxlen=MAX_PREFERRED_LENGTH, *, creds=None):
    """Users (1), computers (2) or global groups (3) in bulk, from index on:
    ``(buf, next_index)``; next_index is 0 after the last page, otherwise
    what to pass as index to go on."""
    fn = "NetQueryDisplayInformation"
    buf, next_index = _core.NetQueryDisplayInformation(
        creds_of(fn, creds), server_of(fn, server), check.u32(fn, "level", level),
        check.u32(fn, "entries", entries), check.u32(fn, "prefmaxlen", prefmaxlen),
        check.u32(fn, "index", index))
    return Buffer(buf), next_index
