"""The share and open-file calls, named and ordered as in C (see _calls.py).

Write calls take their record as a dict keyed like the records they read
(``lanman.LEVELS[("SHARE_INFO", 2)]``); a security descriptor
(``security_descriptor`` of SHARE_INFO_502 / 1501) is the self-relative
bytes Windows uses.  They return None.
"""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import MAX_PREFERRED_LENGTH, creds_of, input_of, server_of, write_level

__all__ = ['NetShareEnum', 'NetShareGetInfo', 'NetShareAdd', 'NetShareDel',
           'NetShareSetInfo', 'NetFileEnum', 'NetFileGetInfo', 'NetFileClose']



def level_fields(family, level):
    """The keys of a level's records, e.g. level_fields("SHARE_INFO", 2)."""
    return _core.levels()[(family, level)][1]


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


def NetShareAdd(server, level, data, *, creds=None):
    """Shares a directory: data is a SHARE_INFO_2 or _502 dict (netname and
    path required; the path must exist on the server)."""
    fn = "NetShareAdd"
    server = server_of(fn, server)
    level = write_level(fn, level)
    _core.NetShareAdd(creds_of(fn, creds), server, level,
                      input_of(fn, "SHARE_INFO", level, data))


def NetShareDel(server, netname, reserved=0, *, creds=None):
    fn = "NetShareDel"
    _core.NetShareDel(creds_of(fn, creds), server_of(fn, server),
                      check.text(fn, "netname", netname),
                      check.u32(fn, "reserved", reserved))


def NetShareSetInfo(server, netname, level, data, *, creds=None):
    fn = "NetShareSetInfo"
    server = server_of(fn, server)
    netname = check.text(fn, "netname", netname)
    level = write_level(fn, level)
    _core.NetShareSetInfo(creds_of(fn, creds), server, netname, level,
                          input_of(fn, "SHARE_INFO", level, data))


def NetFileEnum(server, basepath, username, level, resume=0,
                prefmaxlen=MAX_PREFERRED_LENGTH, *, creds=None):
    """Files open on the server (FILE_INFO 2 or 3); basepath and username
    (None: any) restrict the list."""
    fn = "NetFileEnum"
    buf, total, resume = _core.NetFileEnum(
        creds_of(fn, creds), server_of(fn, server),
        check.text(fn, "basepath", basepath, optional=True),
        check.text(fn, "username", username, optional=True),
        check.u32(fn, "level", level), check.u32(fn, "prefmaxlen", prefmaxlen),
        check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetFileGetInfo(server, fileid, level, *, creds=None):
    fn = "NetFileGetInfo"
    return Buffer(_core.NetFileGetInfo(
        creds_of(fn, creds), server_of(fn, server),
        check.u32(fn, "fileid", fileid), check.u32(fn, "level", level)))


def NetFileClose(server, fileid, *, creds=None):
    fn = "NetFileClose"
    _core.NetFileClose(creds_of(fn, creds), server_of(fn, server),
                       check.u32(fn, "fileid", fileid))
