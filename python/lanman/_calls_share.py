"""The share and open-file calls, named and ordered as in C (see _calls.py)."""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import MAX_PREFERRED_LENGTH, creds_of, server_of

__all__ = ['NetShareEnum', 'NetShareGetInfo']


def NetShareEnum(server, level, resume=0, prefmaxlen=MAX_PREFERRED_LENGTH, *,
                 creds=None):
    fn = "NetShareEnum"
    buf, total, resume = _core.NetShareEnum(
        creds_of(fn, creds), server_of(fn, server),
        check.u32(fn, "level", level), check.u32(fn, "prefmaxlen", prefmaxlen),
        check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetShareGetInfo(server, netname, level, *, creds=None):
    fn = "NetShareGetInfo"
    return Buffer(_core.NetShareGetInfo(
        creds_of(fn, creds), server_of(fn, server),
        check.text(fn, "netname", netname), check.u32(fn, "level", level)))
