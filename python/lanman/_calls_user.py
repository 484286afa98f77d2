"""The user account calls, named and ordered as in C (see _calls.py)."""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import MAX_PREFERRED_LENGTH, creds_of, server_of

__all__ = ['NetUserEnum', 'NetUserGetInfo']


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
