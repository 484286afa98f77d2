"""pywin32's ``win32net`` on lanman: pywin32 scripts run unchanged on Linux.

Every function keeps pywin32's name, argument order, defaults and return
shape::

    data, total, resume = win32net.NetUserEnum(None, 0)                 # list of dicts
    info = win32net.NetUserGetInfo(r"\\\\dc1", "alice", 3)              # a dict
    win32net.NetUserAdd("dc1", 1, {"name": "bob", "password": pw,
                                   "priv": win32netcon.USER_PRIV_USER,
                                   "flags": win32netcon.UF_SCRIPT})

Each maps onto lanman's function of the same name at call time, so it
works as soon as lanman's core has that function; one lanman does not
have raises ``NotImplementedError`` naming it (as pywin32 does for a
function the platform lacks).  Failures raise :class:`error`
(``pywintypes.error``) with ``args == (winerror, funcname, strerror)``.

Server names may be None (the local machine), ``"host"`` or
``r"\\\\host"``.  Credentials: lanman's default credentials
(:func:`lanman.set_default_credentials`), which ``install()`` and
``python -m lanman.pywin32`` set.

:func:`install` registers this module, :mod:`lanman.win32netcon` and
:mod:`lanman.pywintypes` as ``win32net``, ``win32netcon`` and
``pywintypes`` so ``import win32net`` in an unchanged script finds them.
docs/pywin32.md lists every function and every intended difference.
"""
import sys

import lanman as _lm

from . import pywintypes as _pywintypes
from . import win32netcon as _con

error = _pywintypes.error

SERVICE_SERVER = "LanmanServer"
SERVICE_WORKSTATION = "LanmanWorkstation"
USE_NOFORCE = 0
USE_FORCE = 1
USE_LOTS_OF_FORCE = 2

_U32 = 0xFFFFFFFF
_MAXLEN = _U32

#: pywin32's functions that exist only on Windows' netapi32: Samba's
#: libnetapi has no counterpart (or only a stub), so on Linux lanman never
#: provides them; on Windows they work once lanman's core wraps them.
WINDOWS_ONLY = frozenset({
    "NetMessageBufferSend", "NetMessageNameAdd", "NetMessageNameDel",
    "NetMessageNameEnum", "NetServerEnum", "NetServerDiskEnum",
    "NetServerComputerNameAdd", "NetServerComputerNameDel", "NetStatisticsGet",
    "NetSessionEnum", "NetSessionGetInfo", "NetSessionDel", "NetShareCheck",
    "NetUseAdd", "NetUseDel", "NetUseEnum", "NetUseGetInfo", "NetWkstaSetInfo",
    "NetWkstaUserEnum", "NetWkstaTransportEnum", "NetWkstaTransportAdd",
    "NetWkstaTransportDel", "NetValidateName", "NetValidatePasswordPolicy",
})

# The lanman functions each pywin32 function needs (filled in below).
_NEEDS = {}


def _needs(*names):
    def mark(f):
        _NEEDS[f.__name__] = names or (f.__name__,)
        return f
    return mark


def supported():
    """{pywin32 function name: True if this lanman can run it now}."""
    return {name: all(hasattr(_lm, n) for n in needs)
            for name, needs in sorted(_NEEDS.items())}


# ---------------------------------------------------------------- helpers --

def _lanman(fn, name=None):
    """lanman's function ``name`` (default: ``fn``), or NotImplementedError."""
    name = name or fn
    f = getattr(_lm, name, None)
    if f is None:
        where = ("it is Windows-only (Samba's libnetapi has no counterpart)"
                 if fn in WINDOWS_ONLY and sys.platform != "win32"
                 else "lanman's core does not provide it yet")
        raise NotImplementedError(
            f"win32net.{fn} is not available: lanman has no {name} ({where})")
    return f


class _Errors:
    """Turns lanman.NetApiError into pywintypes.error(code, fn, strerror)."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn

    def __enter__(self):
        return self

    def __exit__(self, etype, exc, tb):
        if isinstance(exc, _lm.NetApiError):
            raise _error_of(self.fn, exc) from None
        return False


def _error_of(fn, exc):
    message = _lm.ERRORS.get(exc.code, (None, None))[1] or exc.strerror
    err = error(exc.code, fn, message)
    err.name = exc.name
    err.server = exc.server
    return err


#: The server a None/"" server name means (set by ``python -m lanman.pywin32
#: -S HOST``); None: the local machine, as in pywin32.
default_server = None


def _server(fn, server):
    if server is None or server == "" or server == b"":
        return default_server
    if isinstance(server, bytes):
        server = server.decode("utf-8")
    if not isinstance(server, str):
        raise TypeError(f"{fn}: the server name must be a string or None, "
                        f"not {type(server).__name__}")
    if server.startswith("\\\\"):
        server = server[2:]
    return server or default_server


def _text(fn, what, value, optional=False):
    if value is None and optional:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    if not isinstance(value, str):
        raise TypeError(f"{fn}: {what} must be a string"
                        f"{' or None' if optional else ''}, not {type(value).__name__}")
    return value


def _dword(fn, what, value):
    """An int argument as pywin32 takes it: -1 means 0xFFFFFFFF."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{fn}: {what} must be an integer, not {type(value).__name__}")
    if not -0x80000000 <= value <= _U32:
        raise OverflowError(f"{fn}: {what} {value} does not fit in 32 bits")
    return value & _U32


def _fields(family, level):
    entry = _lm.LEVELS.get((family, level))
    return entry[1] if entry else None


def _data(fn, family, level, data):
    """A pywin32 input dict as lanman takes it: keys the level does not
    have are ignored and None means "not set" (as pywin32 does), negative
    ints are DWORDs (-1 == 0xFFFFFFFF)."""
    if not hasattr(data, "keys") or not hasattr(data, "__getitem__"):
        raise TypeError(f"{fn}: the data must be a mapping (a dict), "
                        f"not {type(data).__name__}")
    fields = _fields(family, level)
    out = {}
    for key in data.keys():
        if fields is not None and key not in fields:
            continue
        value = data[key]
        if value is None:
            continue
        if isinstance(value, int) and not isinstance(value, bool) and value < 0:
            value = _dword(fn, f"data[{key!r}]", value)
        out[key] = value
    return out


def _family(fn, name=None):
    try:
        return _lm.call_family(name or fn)
    except (ValueError, KeyError, TypeError):
        return None


def _user_level(fn, level, data):
    """USER_INFO_3 has a password in Windows (pywin32 sets it) but not in
    Samba's netapi.h: a level 3 write with a password goes as level 4,
    which has every level 3 field (and user_sid for user_id)."""
    if (level == 3 and data.get("password") is not None
            and "password" not in (_fields("USER_INFO", 3) or ("password",))
            and "password" in (_fields("USER_INFO", 4) or ())):
        return 4
    return level


def _records(result):
    """The records of a lanman result (a Buffer, or a tuple starting with
    one), the buffer freed at once."""
    buf = result[0] if isinstance(result, tuple) else result
    with buf:
        return buf.records()


def _fix(family, level, records):
    """Keys pywin32 has that lanman's level lacks are added as None."""
    extra = _PYWIN32_EXTRA_KEYS.get((family, level))
    if extra:
        for r in records:
            for k in extra:
                r.setdefault(k, None)
    return records


_PYWIN32_EXTRA_KEYS = {("USER_INFO", 3): ("password",)}


def _enum(fn, call, args, level, resume, preflen, family=None):
    """One page of a paged enumeration, as pywin32 returns it."""
    f = _lanman(fn, call)
    with _Errors(fn):
        buf, total, resume = f(*args, resume=_dword(fn, "resumeHandle", resume),
                               prefmaxlen=_dword(fn, "prefLen", preflen))
        records = _records(buf)
    return _fix(family or _family(fn, call), level, records), total, resume


def _one(fn, call, args, level, family=None):
    f = _lanman(fn, call)
    with _Errors(fn):
        records = _records(f(*args))
    records = _fix(family or _family(fn, call), level, records)
    return records[0] if records else None


def _all_pages(fn, call, args, level):
    """Every page of an enumeration (for pywin32 functions that return a
    whole list)."""
    f = _lanman(fn, call)
    out, resume = [], 0
    with _Errors(fn):
        while True:
            buf, _total, resume = f(*args, resume=resume, prefmaxlen=_MAXLEN)
            out.extend(_records(buf))
            if not resume:
                return out


def _void(fn, call, args):
    f = _lanman(fn, call)
    with _Errors(fn):
        f(*args)


def _write(fn, server, level, data, *before, family=None, call=None, user=False):
    """Add/SetInfo-style calls: f(server, *before, level, data)."""
    call = call or fn
    f = _lanman(fn, call)
    level = _dword(fn, "level", level)
    family = family or _family(fn, call)
    if user:
        level = _user_level(fn, level, data if isinstance(data, dict) else {})
    data = _data(fn, family, level, data)
    with _Errors(fn):
        f(_server(fn, server), *before, level, data)


def _members(fn, family, level, members):
    if isinstance(members, (str, bytes, dict)) or not hasattr(members, "__iter__"):
        raise TypeError(f"{fn}: the members must be a sequence of dictionaries")
    return [_data(fn, family, level, m) for m in members]


# ------------------------------------------------------------------ users --

@_needs()
def NetUserEnum(server, level, filter=_con.FILTER_NORMAL_ACCOUNT, resumeHandle=0,
                prefLen=_con.MAX_PREFERRED_LENGTH):
    """([dict, ...], total, resumeHandle): one page of user accounts."""
    fn = "NetUserEnum"
    level = _dword(fn, "level", level)
    return _enum(fn, fn, (_server(fn, server), level, _dword(fn, "filter", filter)),
                 level, resumeHandle, prefLen)


@_needs()
def NetUserGetInfo(server, username, level):
    fn = "NetUserGetInfo"
    level = _dword(fn, "level", level)
    return _one(fn, fn, (_server(fn, server), _text(fn, "username", username), level),
                level)


@_needs()
def NetUserAdd(server, level, data):
    _write("NetUserAdd", server, level, data, user=True)


@_needs()
def NetUserSetInfo(server, username, level, data):
    fn = "NetUserSetInfo"
    _write(fn, server, level, data, _text(fn, "username", username), user=True)


@_needs()
def NetUserDel(server, username):
    fn = "NetUserDel"
    _void(fn, fn, (_server(fn, server), _text(fn, "username", username)))


_current_user = None


@_needs()
def NetUserChangePassword(server, username, oldPassword, newPassword):
    """username None: the user of the default credentials (set by install()
    or python -m lanman.pywin32), as pywin32 uses the logged-on user."""
    fn = "NetUserChangePassword"
    if username is None:
        username = _current_user
    _void(fn, fn, (_server(fn, server), _text(fn, "username", username),
                   _text(fn, "oldPassword", oldPassword),
                   _text(fn, "newPassword", newPassword)))


@_needs()
def NetUserGetGroups(server, username):
    """[(groupName, attributes), ...] (GROUP_USERS_INFO_1, every page)."""
    fn = "NetUserGetGroups"
    f = _lanman(fn)
    with _Errors(fn):
        records = _records(f(_server(fn, server), _text(fn, "username", username), 1))
    return [(r["name"], r["attributes"]) for r in records]


@_needs()
def NetUserGetLocalGroups(server, username, flags=_con.LG_INCLUDE_INDIRECT):
    """[groupName, ...]: the local groups the user is in."""
    fn = "NetUserGetLocalGroups"
    f = _lanman(fn)
    with _Errors(fn):
        records = _records(f(_server(fn, server), _text(fn, "username", username), 0,
                             _dword(fn, "flags", flags)))
    return [r["name"] for r in records]


@_needs()
def NetUserModalsGet(server, level):
    fn = "NetUserModalsGet"
    level = _dword(fn, "level", level)
    return _one(fn, fn, (_server(fn, server), level), level)


@_needs()
def NetUserModalsSet(server, level, data):
    _write("NetUserModalsSet", server, level, data)


# ----------------------------------------------------------------- groups --

@_needs()
def NetGroupEnum(server, level, resumeHandle=0, prefLen=_con.MAX_PREFERRED_LENGTH):
    fn = "NetGroupEnum"
    level = _dword(fn, "level", level)
    return _enum(fn, fn, (_server(fn, server), level), level, resumeHandle, prefLen)


@_needs()
def NetGroupGetInfo(server, groupname, level):
    fn = "NetGroupGetInfo"
    level = _dword(fn, "level", level)
    return _one(fn, fn, (_server(fn, server), _text(fn, "groupname", groupname), level),
                level)


@_needs()
def NetGroupSetInfo(server, groupname, level, data):
    fn = "NetGroupSetInfo"
    _write(fn, server, level, data, _text(fn, "groupname", groupname))


@_needs()
def NetGroupAdd(server, level, data):
    _write("NetGroupAdd", server, level, data)


@_needs()
def NetGroupDel(server, groupname):
    fn = "NetGroupDel"
    _void(fn, fn, (_server(fn, server), _text(fn, "groupname", groupname)))


@_needs()
def NetGroupAddUser(server, group, username):
    fn = "NetGroupAddUser"
    _void(fn, fn, (_server(fn, server), _text(fn, "group", group),
                   _text(fn, "username", username)))


@_needs()
def NetGroupDelUser(server, group, username):
    fn = "NetGroupDelUser"
    _void(fn, fn, (_server(fn, server), _text(fn, "group", group),
                   _text(fn, "username", username)))


@_needs()
def NetGroupGetUsers(server, groupName, level, resumeHandle=0, prefLen=4096):
    fn = "NetGroupGetUsers"
    level = _dword(fn, "level", level)
    return _enum(fn, fn, (_server(fn, server), _text(fn, "groupName", groupName), level),
                 level, resumeHandle, prefLen)


@_needs()
def NetGroupSetUsers(server, group, level, members):
    fn = "NetGroupSetUsers"
    f = _lanman(fn)
    level = _dword(fn, "level", level)
    members = _members(fn, _family(fn), level, members)
    with _Errors(fn):
        f(_server(fn, server), _text(fn, "group", group), level, members)


# ----------------------------------------------------------- local groups --

@_needs()
def NetLocalGroupEnum(server, level, resumeHandle=0, prefLen=_con.MAX_PREFERRED_LENGTH):
    fn = "NetLocalGroupEnum"
    level = _dword(fn, "level", level)
    return _enum(fn, fn, (_server(fn, server), level), level, resumeHandle, prefLen)


@_needs()
def NetLocalGroupGetInfo(server, groupname, level):
    fn = "NetLocalGroupGetInfo"
    level = _dword(fn, "level", level)
    return _one(fn, fn, (_server(fn, server), _text(fn, "groupname", groupname), level),
                level)


@_needs()
def NetLocalGroupSetInfo(server, groupname, level, data):
    fn = "NetLocalGroupSetInfo"
    _write(fn, server, level, data, _text(fn, "groupname", groupname))


@_needs()
def NetLocalGroupAdd(server, level, data):
    _write("NetLocalGroupAdd", server, level, data)


@_needs()
def NetLocalGroupDel(server, groupname):
    fn = "NetLocalGroupDel"
    _void(fn, fn, (_server(fn, server), _text(fn, "groupname", groupname)))


@_needs()
def NetLocalGroupGetMembers(server, groupName, level, resumeHandle=0, prefLen=4096):
    fn = "NetLocalGroupGetMembers"
    level = _dword(fn, "level", level)
    return _enum(fn, fn, (_server(fn, server), _text(fn, "groupName", groupName), level),
                 level, resumeHandle, prefLen)


def _sid_members(fn, level, members):
    out = _members(fn, "LOCALGROUP_MEMBERS_INFO", level, members)
    for m in out:   # a SID object (e.g. pywin32-like) as its string form
        if "sid" in m and not isinstance(m["sid"], str):
            m["sid"] = str(m["sid"])
    return out


@_needs()
def NetLocalGroupAddMembers(server, group, level, members):
    """members: LOCALGROUP_MEMBERS_INFO_0 dicts ({"sid": "S-1-5-..."}) or
    _3 dicts ({"domainandname": "DOMAIN\\\\name"})."""
    fn = "NetLocalGroupAddMembers"
    f = _lanman(fn)
    level = _dword(fn, "level", level)
    members = _sid_members(fn, level, members)
    with _Errors(fn):
        f(_server(fn, server), _text(fn, "group", group), level, members)


@_needs()
def NetLocalGroupDelMembers(server, group, members):
    """members: a list of "DOMAIN\\\\name" strings (pywin32's form)."""
    fn = "NetLocalGroupDelMembers"
    f = _lanman(fn)
    if isinstance(members, (str, bytes)) or not hasattr(members, "__iter__"):
        raise TypeError(f"{fn}: the members must be a sequence of strings")
    records = [{"domainandname": _text(fn, "each member", m)} for m in members]
    with _Errors(fn):
        f(_server(fn, server), _text(fn, "group", group), 3, records)


@_needs()
def NetLocalGroupSetMembers(server, group, level, members):
    fn = "NetLocalGroupSetMembers"
    f = _lanman(fn)
    level = _dword(fn, "level", level)
    members = _sid_members(fn, level, members)
    with _Errors(fn):
        f(_server(fn, server), _text(fn, "group", group), level, members)


# ----------------------------------------------------------------- shares --

@_needs()
def NetShareEnum(server, level=None, resumeHandle=0, prefLen=_con.MAX_PREFERRED_LENGTH):
    """([dict, ...], total, resumeHandle); pywin32's old form
    ``NetShareEnum(server)`` gives every share as [(netname, type, remark)]."""
    fn = "NetShareEnum"
    if level is None:
        records = _all_pages(fn, fn, (_server(fn, server), 1), 1)
        return [(r["netname"], r["type"], r["remark"]) for r in records]
    level = _dword(fn, "level", level)
    return _enum(fn, fn, (_server(fn, server), level), level, resumeHandle, prefLen)


@_needs()
def NetShareGetInfo(server, netname, level):
    fn = "NetShareGetInfo"
    level = _dword(fn, "level", level)
    return _one(fn, fn, (_server(fn, server), _text(fn, "netname", netname), level),
                level)


@_needs()
def NetShareSetInfo(server, netname, level, data):
    fn = "NetShareSetInfo"
    _write(fn, server, level, data, _text(fn, "netname", netname))


@_needs()
def NetShareAdd(server, level, data):
    _write("NetShareAdd", server, level, data)


@_needs()
def NetShareDel(server, shareName, reserved=0):
    fn = "NetShareDel"
    _void(fn, fn, (_server(fn, server), _text(fn, "shareName", shareName),
                   _dword(fn, "reserved", reserved)))


@_needs()
def NetShareCheck(server, deviceName):
    """(1, type) if the device is shared, (0, None) if not."""
    fn = "NetShareCheck"
    f = _lanman(fn)
    try:
        with _Errors(fn):
            result = f(_server(fn, server), _text(fn, "deviceName", deviceName))
    except error as e:
        if e.winerror == 2311:   # NERR_DeviceNotShared
            return 0, None
        raise
    if isinstance(result, tuple):
        result = result[0]
    if hasattr(result, "records"):
        result = _records(result)[0]["type"]
    return 1, result


# -------------------------------------------------------- server, wksta ---

@_needs()
def NetServerGetInfo(server, level):
    fn = "NetServerGetInfo"
    level = _dword(fn, "level", level)
    return _one(fn, fn, (_server(fn, server), level), level)


@_needs()
def NetServerSetInfo(server, level, data):
    _write("NetServerSetInfo", server, level, data)


@_needs()
def NetServerEnum(server, level, type=_con.SV_TYPE_ALL, domain=None, resumeHandle=0,
                  prefLen=_con.MAX_PREFERRED_LENGTH):
    fn = "NetServerEnum"
    level = _dword(fn, "level", level)
    return _enum(fn, fn, (_server(fn, server), level, _dword(fn, "type", type),
                          _text(fn, "domain", domain, optional=True)),
                 level, resumeHandle, prefLen)


@_needs()
def NetServerDiskEnum(server, level=0):
    fn = "NetServerDiskEnum"
    records = _all_pages(fn, fn, (_server(fn, server), _dword(fn, "level", level)), 0)
    return tuple(next(iter(r.values())) for r in records)


@_needs()
def NetServerComputerNameAdd(ServerName, EmulatedDomainName, EmulatedServerName):
    fn = "NetServerComputerNameAdd"
    _void(fn, fn, (_server(fn, ServerName),
                   _text(fn, "EmulatedDomainName", EmulatedDomainName, optional=True),
                   _text(fn, "EmulatedServerName", EmulatedServerName)))


@_needs()
def NetServerComputerNameDel(ServerName, EmulatedServerName):
    fn = "NetServerComputerNameDel"
    _void(fn, fn, (_server(fn, ServerName), _text(fn, "EmulatedServerName",
                                                  EmulatedServerName)))


@_needs()
def NetStatisticsGet(server, service, level=0, options=0):
    fn = "NetStatisticsGet"
    return _one(fn, fn, (_server(fn, server), _text(fn, "service", service),
                         _dword(fn, "level", level), _dword(fn, "options", options)),
                level)


@_needs()
def NetWkstaGetInfo(server, level):
    fn = "NetWkstaGetInfo"
    level = _dword(fn, "level", level)
    return _one(fn, fn, (_server(fn, server), level), level)


@_needs()
def NetWkstaSetInfo(server, level, data):
    _write("NetWkstaSetInfo", server, level, data)


@_needs()
def NetWkstaUserEnum(server, level, resumeHandle=0, prefLen=_con.MAX_PREFERRED_LENGTH):
    fn = "NetWkstaUserEnum"
    level = _dword(fn, "level", level)
    return _enum(fn, fn, (_server(fn, server), level), level, resumeHandle, prefLen)


@_needs()
def NetWkstaTransportEnum(server, level, resumeHandle=0,
                          prefLen=_con.MAX_PREFERRED_LENGTH):
    fn = "NetWkstaTransportEnum"
    level = _dword(fn, "level", level)
    return _enum(fn, fn, (_server(fn, server), level), level, resumeHandle, prefLen)


@_needs()
def NetWkstaTransportAdd(server, level, data):
    _write("NetWkstaTransportAdd", server, level, data)


@_needs()
def NetWkstaTransportDel(server, TransportName, ucond=0):
    fn = "NetWkstaTransportDel"
    _void(fn, fn, (_server(fn, server), _text(fn, "TransportName", TransportName),
                   _dword(fn, "ucond", ucond)))


# --------------------------------------------------- open files, sessions --

@_needs()
def NetFileEnum(level, servername, basepath=None, username=None):
    """[dict, ...]: every open file (FILE_INFO_2 or _3; pywin32 pages
    internally and returns one list)."""
    fn = "NetFileEnum"
    level = _dword(fn, "level", level)
    if level not in (2, 3):
        raise ValueError("Invalid level for NetFileEnum")
    return _all_pages(fn, fn, (_server(fn, servername),
                               _text(fn, "basepath", basepath, optional=True),
                               _text(fn, "username", username, optional=True), level),
                      level)


@_needs()
def NetFileGetInfo(level, servername, fileid):
    fn = "NetFileGetInfo"
    level = _dword(fn, "level", level)
    if level not in (2, 3):
        raise ValueError("Invalid level for NetFileGetInfo")
    return _one(fn, fn, (_server(fn, servername), _dword(fn, "fileid", fileid), level),
                level)


@_needs()
def NetFileClose(servername, fileid):
    fn = "NetFileClose"
    _void(fn, fn, (_server(fn, servername), _dword(fn, "fileid", fileid)))


@_needs()
def NetSessionEnum(level, server=None, client=None, username=None):
    fn = "NetSessionEnum"
    level = _dword(fn, "level", level)
    return _all_pages(fn, fn, (_server(fn, server), _text(fn, "client", client, True),
                               _text(fn, "username", username, True), level), level)


@_needs()
def NetSessionGetInfo(level, server, username, client):
    fn = "NetSessionGetInfo"
    level = _dword(fn, "level", level)
    return _one(fn, fn, (_server(fn, server), _text(fn, "client", client),
                         _text(fn, "username", username), level), level)


@_needs()
def NetSessionDel(server, client=None, username=None):
    fn = "NetSessionDel"
    _void(fn, fn, (_server(fn, server), _text(fn, "client", client, True),
                   _text(fn, "username", username, True)))


# ------------------------------------------------------------ use, message --

@_needs()
def NetUseAdd(server, level, data):
    _write("NetUseAdd", server, level, data)


@_needs()
def NetUseDel(server, useName, forceCond=0):
    fn = "NetUseDel"
    _void(fn, fn, (_server(fn, server), _text(fn, "useName", useName),
                   _dword(fn, "forceCond", forceCond)))


@_needs()
def NetUseEnum(server, level, resumeHandle=0, prefLen=_con.MAX_PREFERRED_LENGTH):
    fn = "NetUseEnum"
    level = _dword(fn, "level", level)
    return _enum(fn, fn, (_server(fn, server), level), level, resumeHandle, prefLen)


@_needs()
def NetUseGetInfo(server, usename, level=0):
    fn = "NetUseGetInfo"
    level = _dword(fn, "level", level)
    return _one(fn, fn, (_server(fn, server), _text(fn, "usename", usename), level),
                level)


@_needs()
def NetMessageBufferSend(domain, userName, fromName, message):
    fn = "NetMessageBufferSend"
    _void(fn, fn, (_server(fn, domain), _text(fn, "userName", userName),
                   _text(fn, "fromName", fromName, True), _text(fn, "message", message)))


@_needs()
def NetMessageNameAdd(server, msgname):
    fn = "NetMessageNameAdd"
    _void(fn, fn, (_server(fn, server), _text(fn, "msgname", msgname)))


@_needs()
def NetMessageNameDel(server, msgname):
    fn = "NetMessageNameDel"
    _void(fn, fn, (_server(fn, server), _text(fn, "msgname", msgname)))


@_needs()
def NetMessageNameEnum(Server=None):
    fn = "NetMessageNameEnum"
    records = _all_pages(fn, fn, (_server(fn, Server), 0), 0)
    return [r["name"] for r in records]


# ----------------------------------------------------------------- domain --

def _string_result(fn, result):
    """A call whose C result is one string (a DC name): lanman gives a
    buffer of one one-field record, or the string itself."""
    if isinstance(result, str):
        return result
    records = _records(result)
    value = next(iter(records[0].values())) if records else None
    return value


@_needs()
def NetGetDCName(server=None, domain=None):
    """The name of the domain's primary domain controller (PDC), r"\\\\name"."""
    fn = "NetGetDCName"
    f = _lanman(fn)
    with _Errors(fn):
        return _string_result(fn, f(_server(fn, server),
                                    _text(fn, "domain", domain, optional=True)))


@_needs()
def NetGetAnyDCName(server=None, domain=None):
    fn = "NetGetAnyDCName"
    f = _lanman(fn)
    with _Errors(fn):
        return _string_result(fn, f(_server(fn, server),
                                    _text(fn, "domain", domain, optional=True)))


@_needs()
def NetGetJoinInformation(server=None):
    """(name, status): the domain or workgroup and a NetSetup* status."""
    fn = "NetGetJoinInformation"
    f = _lanman(fn)
    with _Errors(fn):
        result = f(_server(fn, server))
        if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], int) \
                and not hasattr(result[0], "records"):
            return result
        record = _records(result)[0]
    name = next((v for v in record.values() if isinstance(v, str) or v is None), None)
    status = next((v for v in record.values() if isinstance(v, int)), 0)
    return name, status


@_needs()
def NetValidateName(Server, Name, NameType, Account=None, Password=None):
    fn = "NetValidateName"
    _void(fn, fn, (_server(fn, Server), _text(fn, "Name", Name),
                   _text(fn, "Account", Account, True), _text(fn, "Password", Password, True),
                   _dword(fn, "NameType", NameType)))


@_needs()
def NetValidatePasswordPolicy(Server, Qualifier, ValidationType, arg):
    fn = "NetValidatePasswordPolicy"
    _lanman(fn)
    raise NotImplementedError(f"win32net.{fn}: not mapped onto lanman")


# ---------------------------------------------------------------- install --

_installed = {}


def install(user=None, password=None, domain=None, kerberos=False):
    """Registers lanman's modules as ``win32net``, ``win32netcon`` and
    ``pywintypes`` in ``sys.modules`` (opt-in: nothing is registered until
    this is called), so that ``import win32net`` in an unchanged pywin32
    script uses lanman.  With ``user`` (or ``kerberos``), also sets lanman's
    default credentials, which every win32net call uses.  Returns the
    modules registered."""
    global _current_user
    mods = {"win32net": sys.modules[__name__], "win32netcon": _con,
            "pywintypes": _pywintypes}
    for name, mod in mods.items():
        if name not in _installed:
            _installed[name] = sys.modules.get(name)
        sys.modules[name] = mod
    if user is not None or password is not None or kerberos:
        _lm.set_default_credentials(user, password, domain, kerberos)
        _current_user = user
    return mods


def uninstall():
    """Undoes install(): puts back whatever was registered before."""
    for name, previous in _installed.items():
        if previous is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = previous
    _installed.clear()
