"""The NetApi calls, named and ordered as in C (as pywin32 does).

Each returns a :class:`lanman.Buffer` (enumerations: ``(buf, total,
resume)``; ``resume`` is 0 after the last page).  ``creds`` (keyword only)
is a :class:`lanman.Credentials`; None uses the default credentials (see
:func:`lanman.set_default_credentials`).
"""
from . import _checks as check
from . import _lanman_core as _core
from ._buffer import Buffer

MAX_PREFERRED_LENGTH = 0xFFFFFFFF


class Credentials:
    """User, password, domain and Kerberos flag for NetApi calls.

    The password is copied into the C core at once (and wiped there when
    the object is collected); it is kept nowhere in Python.
    """

    __slots__ = ("user", "domain", "kerberos", "_capsule")

    def __init__(self, user=None, password=None, domain=None, kerberos=False):
        fn = "Credentials"
        self.user = check.text(fn, "user", user, optional=True)
        self.domain = check.text(fn, "domain", domain, optional=True)
        self.kerberos = check.flag(fn, "kerberos", kerberos)
        check.text(fn, "password", password, optional=True)
        self._capsule = _core.creds_new(user, password, domain, int(kerberos))

    def __repr__(self):
        return (f"Credentials(user={self.user!r}, domain={self.domain!r}, "
                f"kerberos={self.kerberos!r})")


def _creds(fn, creds):
    if creds is None:
        return None
    if not isinstance(creds, Credentials):
        raise TypeError(f"{fn}: argument 'creds' must be a lanman.Credentials "
                        f"or None, not {type(creds).__name__}")
    return creds._capsule


def set_default_credentials(user=None, password=None, domain=None, kerberos=False):
    """Credentials for calls made without ``creds``.  No arguments: anonymous."""
    _core.set_default_creds(Credentials(user, password, domain, kerberos)._capsule)


def NetServerGetInfo(server, level, *, creds=None):
    fn = "NetServerGetInfo"
    return Buffer(_core.NetServerGetInfo(
        _creds(fn, creds), check.text(fn, "server", server, optional=True),
        check.u32(fn, "level", level)))


def NetWkstaGetInfo(server, level, *, creds=None):
    fn = "NetWkstaGetInfo"
    return Buffer(_core.NetWkstaGetInfo(
        _creds(fn, creds), check.text(fn, "server", server, optional=True),
        check.u32(fn, "level", level)))


def NetUserEnum(server, level, filter=0, resume=0,
                prefmaxlen=MAX_PREFERRED_LENGTH, *, creds=None):
    fn = "NetUserEnum"
    buf, total, resume = _core.NetUserEnum(
        _creds(fn, creds), check.text(fn, "server", server, optional=True),
        check.u32(fn, "level", level), check.u32(fn, "filter", filter),
        check.u32(fn, "prefmaxlen", prefmaxlen), check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetUserGetInfo(server, username, level, *, creds=None):
    fn = "NetUserGetInfo"
    return Buffer(_core.NetUserGetInfo(
        _creds(fn, creds), check.text(fn, "server", server, optional=True),
        check.text(fn, "username", username), check.u32(fn, "level", level)))


def NetShareEnum(server, level, resume=0, prefmaxlen=MAX_PREFERRED_LENGTH, *,
                 creds=None):
    fn = "NetShareEnum"
    buf, total, resume = _core.NetShareEnum(
        _creds(fn, creds), check.text(fn, "server", server, optional=True),
        check.u32(fn, "level", level), check.u32(fn, "prefmaxlen", prefmaxlen),
        check.u32(fn, "resume", resume))
    return Buffer(buf), total, resume


def NetShareGetInfo(server, netname, level, *, creds=None):
    fn = "NetShareGetInfo"
    return Buffer(_core.NetShareGetInfo(
        _creds(fn, creds), check.text(fn, "server", server, optional=True),
        check.text(fn, "netname", netname), check.u32(fn, "level", level)))


def NetApiBufferAllocate(size):
    """Raw NetApi memory of ``size`` bytes, as a Buffer with no records."""
    return Buffer(_core.NetApiBufferAllocate(check.u32("NetApiBufferAllocate", "size", size)))


def _buffer(fn, buf):
    if not isinstance(buf, Buffer):
        raise TypeError(f"{fn}: argument 'buf' must be a lanman.Buffer, "
                        f"not {type(buf).__name__}")
    return buf.capsule


def NetApiBufferSize(buf):
    return _core.NetApiBufferSize(_buffer("NetApiBufferSize", buf))


def NetApiBufferReallocate(buf, size):
    fn = "NetApiBufferReallocate"
    _core.NetApiBufferReallocate(_buffer(fn, buf), check.u32(fn, "size", size))
    return buf


def NetApiBufferFree(buf):
    _core.buffer_free(_buffer("NetApiBufferFree", buf))
