"""lanman: the Windows Network Management API (NetApi) for admin scripts.

Low level, named as in C: NetUserEnum, NetUserGetInfo, NetServerGetInfo,
NetWkstaGetInfo, NetShareEnum, NetShareGetInfo and the NetApiBuffer*
functions, returning :class:`Buffer` objects over PyCapsules.  High level:
:class:`Session`.  Errors: :class:`NetApiError`.  Constants: UF_*, STYPE_*,
SV_TYPE_*, FILTER_*, MAX_PREFERRED_LENGTH, ... as module attributes.
"""
from . import _lanman_core as _core
from ._buffer import Buffer
from ._calls import (MAX_PREFERRED_LENGTH, Credentials, NetApiBufferAllocate,
                     NetApiBufferFree, NetApiBufferReallocate, NetApiBufferSize,
                     set_default_credentials)
from ._calls_server import *  # noqa: F401,F403  (each family's __all__)
from ._calls_share import *  # noqa: F401,F403
from ._calls_user import *  # noqa: F401,F403
from ._calls_domain import *  # noqa: F401,F403
from ._calls_network import *  # noqa: F401,F403
from . import _calls_domain, _calls_network
from ._calls_group import *  # noqa: F401,F403
from ._calls_localgroup import *  # noqa: F401,F403
from . import _calls_group, _calls_localgroup
from . import _calls_server, _calls_share, _calls_user
from .errors import NetApiError
from .session import Session

globals().update(_core.constants())

#: {code: (name, message)} for every NET_API_STATUS lanman knows.
ERRORS = {code: (name, message) for code, name, message in _core.error_table()}
#: {(family, level): (struct name, field names)} for every info level.
LEVELS = _core.levels()


def buffer_stats():
    """{"allocated": n, "freed": n, "live": n}: NetApi buffers handed out and
    freed by this process, counted in the C core."""
    return _core.buffer_stats()


def set_memory_bound(nbytes):
    """Re-initialise libnetapi's context (a reconnect) once it keeps more
    than nbytes for itself: libnetapi keeps memory per call, this bounds
    it.  4 MiB by default; memory_bound() tells the current one."""
    if not isinstance(nbytes, int) or isinstance(nbytes, bool):
        raise TypeError("set_memory_bound: argument 'nbytes' must be an int, "
                        f"not {type(nbytes).__name__}")
    if not 0 <= nbytes < 2**64:
        raise ValueError(f"set_memory_bound: argument 'nbytes' must be 0..2**64-1, not {nbytes}")
    _core.context_set_memory_bound(nbytes)


def memory_bound():
    """The bound set by set_memory_bound, in bytes."""
    return _core.context_memory_bound()


def set_timeout(seconds):
    """How long a call waits for a server that does not answer (connecting,
    or a request sent and nothing received since) before it raises
    NetApiError ERROR_SEM_TIMEOUT (121); a server that keeps answering is
    never cut.  Default 20 s; 0 leaves only libnetapi's own limits (20 s
    to connect, 10 s per RPC answer).  Process wide; milliseconds count."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError("set_timeout: argument 'seconds' must be a number, "
                        f"not {type(seconds).__name__}")
    if not 0 <= seconds <= 4294967:   # NaN fails this too
        raise ValueError("set_timeout: argument 'seconds' must be 0..4294967, "
                         f"not {seconds!r}")
    ms = round(seconds * 1000)
    _core.context_set_timeout(1 if seconds and not ms else ms)


def get_timeout():
    """The call timeout in seconds (see set_timeout)."""
    return _core.context_timeout() / 1000


def call_levels(function):
    """The info levels a call accepts, e.g. call_levels("NetUserEnum")."""
    if not isinstance(function, str):
        raise TypeError("call_levels: argument 'function' must be a str, "
                        f"not {type(function).__name__}")
    return _core.call_levels(function)


def call_family(function):
    """The level family a call's records belong to, e.g. "USER_INFO"."""
    if not isinstance(function, str):
        raise TypeError("call_family: argument 'function' must be a str, "
                        f"not {type(function).__name__}")
    return _core.call_family(function)


def error_name(code):
    """Symbolic name of a NET_API_STATUS, e.g. 2221 -> "NERR_UserNotFound"."""
    return ERRORS.get(code, (f"UNKNOWN_{code}", ""))[0]


__all__ = [
    "Buffer", "Credentials", "NetApiError", "Session", "buffer_stats",
    "call_family", "call_levels", "error_name", "get_timeout", "set_timeout", "memory_bound", "set_memory_bound", "set_default_credentials", "ERRORS", "LEVELS",
    "MAX_PREFERRED_LENGTH", "NetApiBufferAllocate", "NetApiBufferFree",
    "NetApiBufferReallocate", "NetApiBufferSize",
] + _calls_server.__all__ + _calls_share.__all__ + _calls_user.__all__
__all__ += _calls_domain.__all__ + _calls_network.__all__
__all__ += _calls_group.__all__ + _calls_localgroup.__all__
