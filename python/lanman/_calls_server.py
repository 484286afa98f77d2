"""The server, workstation and time calls, named and ordered as in C (see
_calls.py)."""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import creds_of, input_of, server_of, write_level

__all__ = ['NetServerGetInfo', 'NetServerSetInfo', 'NetWkstaGetInfo',
           'NetRemoteTOD']


def NetServerGetInfo(server, level, *, creds=None):
    fn = "NetServerGetInfo"
    return Buffer(_core.NetServerGetInfo(
        creds_of(fn, creds), server_of(fn, server),
        check.u32(fn, "level", level)))


def NetServerSetInfo(server, level, data, *, creds=None):
    """Changes server settings: data is a SERVER_INFO dict of level (1005:
    {"comment": ...})."""
    fn = "NetServerSetInfo"
    server = server_of(fn, server)
    level = write_level(fn, level)
    _core.NetServerSetInfo(creds_of(fn, creds), server, level,
                           input_of(fn, "SERVER_INFO", level, data))


def NetWkstaGetInfo(server, level, *, creds=None):
    fn = "NetWkstaGetInfo"
    return Buffer(_core.NetWkstaGetInfo(
        creds_of(fn, creds), server_of(fn, server),
        check.u32(fn, "level", level)))


def NetRemoteTOD(server, *, creds=None):
    """The server's clock: a Buffer of one TIME_OF_DAY_INFO record
    (``elapsedt`` is seconds since 1970, UTC)."""
    fn = "NetRemoteTOD"
    return Buffer(_core.NetRemoteTOD(creds_of(fn, creds), server_of(fn, server)))
