"""What every family of NetApi calls (_calls_*.py) shares: credentials,
argument helpers, and the NetApiBuffer* functions.

The calls are named and ordered as in C (as pywin32 does).  Each returns a
:class:`lanman.Buffer` (enumerations: ``(buf, total, resume)``; ``resume``
is 0 after the last page) or None for calls that return nothing.
``creds`` (keyword only) is a :class:`lanman.Credentials`; None uses the
default credentials (see :func:`lanman.set_default_credentials`).
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


def creds_of(fn, creds):
    if creds is None:
        return None
    if not isinstance(creds, Credentials):
        raise TypeError(f"{fn}: argument 'creds' must be a lanman.Credentials "
                        f"or None, not {type(creds).__name__}")
    return creds._capsule


def set_default_credentials(user=None, password=None, domain=None, kerberos=False):
    """Credentials for calls made without ``creds``.  No arguments: anonymous."""
    _core.set_default_creds(Credentials(user, password, domain, kerberos)._capsule)


def NetApiBufferAllocate(size):
    """Raw NetApi memory of ``size`` bytes, as a Buffer with no records."""
    return Buffer(_core.NetApiBufferAllocate(check.u32("NetApiBufferAllocate", "size", size)))


def buffer_of(fn, buf):
    if not isinstance(buf, Buffer):
        raise TypeError(f"{fn}: argument 'buf' must be a lanman.Buffer, "
                        f"not {type(buf).__name__}")
    return buf.capsule


def NetApiBufferSize(buf):
    return _core.NetApiBufferSize(buffer_of("NetApiBufferSize", buf))


def NetApiBufferReallocate(buf, size):
    fn = "NetApiBufferReallocate"
    _core.NetApiBufferReallocate(buffer_of(fn, buf), check.u32(fn, "size", size))
    return buf


def NetApiBufferFree(buf):
    _core.buffer_free(buffer_of("NetApiBufferFree", buf))


def server_of(fn, server):
    return check.text(fn, "server", server, optional=True)


def write_level(fn, level):
    """The level of a write call, checked before its data is looked at (the
    same message the core gives for a level it does not accept)."""
    level = check.u32(fn, "level", level)
    levels = _core.call_levels(fn)
    if level not in levels:
        raise ValueError(f"{fn}: argument 'level': {level} is not supported "
                         f"(supported: {', '.join(map(str, levels))})")
    return level


def input_of(fn, family, level, data, many=False):
    """Builds the C input records for a write call from a dict (or, with
    many, a list of dicts); bad keys and values raise, naming the field."""
    if many:
        if not isinstance(data, (list, tuple)):
            raise TypeError(f"{fn}: argument 'data' must be a list of dicts, "
                            f"not {type(data).__name__}")
        records = list(data)
    else:
        if not isinstance(data, dict):
            raise TypeError(f"{fn}: argument 'data' must be a dict, "
                            f"not {type(data).__name__}")
        records = [data]
    return _core.input_from_records(family, check.u32(fn, "level", level), records)
