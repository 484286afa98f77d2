"""The server, workstation and time calls, named and ordered as in C (see _calls.py)."""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import MAX_PREFERRED_LENGTH, creds_of, server_of

__all__ = ['NetServerGetInfo', 'NetWkstaGetInfo']


def NetServerGetInfo(server, level, *, creds=None):
    fn = "NetServerGetInfo"
    return Buffer(_core.NetServerGetInfo(
        creds_of(fn, creds), server_of(fn, server),
        check.u32(fn, "level", level)))


def NetWkstaGetInfo(server, level, *, creds=None):
    fn = "NetWkstaGetInfo"
    return Buffer(_core.NetWkstaGetInfo(
        creds_of(fn, creds), server_of(fn, server),
        check.u32(fn, "level", level)))
