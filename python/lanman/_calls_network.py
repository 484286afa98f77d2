"""The calls only Windows' netapi32 has -- sessions, connections, the browse
list, logged-on users, disks -- named and ordered as in C (see _calls.py).

On Linux (Samba's libnetapi has none of them) each checks its arguments as
any call does, then raises :class:`lanman.NetApiError` with code 50
(``ERROR_NOT_SUPPORTED``) and a message naming the function and the
platform.  Enumerations return ``(buf, total, resume)``.
"""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import MAX_PREFERRED_LENGTH, creds_of, server_of

__all__ = ['NetSessionEnum', 'NetSessionDel', 'NetServerEnum',
           'NetWkstaUserEnum', 'NetConnectionEnum', 'NetServerDiskEnum']

SV_TYPE_ALL = 0xFFFFFFFF


def _opt(fn, name, value):
    return check.text(fn, name, value, optional=True)


def NetSessionEnum(server, client, username, level, resume=0,
                   prefmaxlen=MAX_PREFERRED_LENGTH, *, creds=None):
    fn = "NetSessionEnum"
    buf, total, resume = _core.NetSessionEnum(
        creds_of(fn, creds), server_of(fn, server), _opt(fn, "client", client),
        _opt(fn, "username", username), check.u32(fn, "level", level),
        check.u32(fn, "prefmaxlen", prefmaxlen), check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetSessionDel(server, client, username, *, creds=None):
    fn = "NetSessionDel"
    _core.NetSessionDel(creds_of(fn, creds), server_of(fn, server),
                        _opt(fn, "client", client), _opt(fn, "username", username))


def NetServerEnum(server, level, servertype=SV_TYPE_ALL, domain=None, resume=0,
                  prefmaxlen=MAX_PREFERRED_LENGTH, *, creds=None):
    fn = "NetServerEnum"
    buf, total, resume = _core.NetServerEnum(
        creds_of(fn, creds), server_of(fn, server), check.u32(fn, "level", level),
        check.u32(fn, "prefmaxlen", prefmaxlen),
        check.u32(fn, "servertype", servertype), _opt(fn, "domain", domain),
        check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetWkstaUserEnum(server, level, resume=0, prefmaxlen=MAX_PREFERRED_LENGTH, *,
                     creds=None):
    fn = "NetWkstaUserEnum"
    buf, total, resume = _core.NetWkstaUserEnum(
        creds_of(fn, creds), server_of(fn, server), check.u32(fn, "level", level),
        check.u32(fn, "prefmaxlen", prefmaxlen), check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetConnectionEnum(server, qualifier, level, resume=0,
                      prefmaxlen=MAX_PREFERRED_LENGTH, *, creds=None):
    fn = "NetConnectionEnum"
    buf, total, resume = _core.NetConnectionEnum(
        creds_of(fn, creds), server_of(fn, server),
        check.text(fn, "qualifier", qualifier), check.u32(fn, "level", level),
        check.u32(fn, "prefmaxlen", prefmaxlen), check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetServerDiskEnum(server, level=0, resume=0, prefmaxlen=MAX_PREFERRED_LENGTH,
                      *, creds=None):
    fn = "NetServerDiskEnum"
    buf, total, resume = _core.NetServerDiskEnum(
        creds_of(fn, creds), server_of(fn, server), check.u32(fn, "level", level),
        check.u32(fn, "prefmaxlen", prefmaxlen), check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume
