"""pywin32's ``pywintypes``, the part win32net scripts use, on lanman.

``error`` is what ``win32net`` raises: ``args`` is ``(winerror, funcname,
strerror)`` and the three are attributes too, as in pywin32::

    try:
        win32net.NetUserGetInfo(None, "nobody", 1)
    except pywintypes.error as e:
        if e.winerror == 2221:          # NERR_UserNotFound
            ...

Beyond pywin32, an error raised by lanman also carries ``name`` (the
symbolic name, ``"NERR_UserNotFound"``) and ``server``.

``Time``/``TimeType`` are datetime based, like pywin32's since build 222.
SIDs and security descriptors are not objects here: lanman hands SIDs
around as ``"S-1-5-..."`` strings and security descriptors as
self-relative bytes (see docs/pywin32.md).
"""
import datetime as _dt

__all__ = ["error", "com_error", "Time", "TimeType", "TRUE", "FALSE",
           "Unicode", "UnicodeType"]

TRUE = 1
FALSE = 0


class error(Exception):
    """A Windows API call failed: ``error(winerror, funcname, strerror)``."""

    def __init__(self, *args):
        super().__init__(*args)
        self.name = None
        self.server = None

    def _arg(self, i):
        return self.args[i] if len(self.args) > i else None

    @property
    def winerror(self):
        return self._arg(0)

    @property
    def funcname(self):
        return self._arg(1)

    @property
    def strerror(self):
        return self._arg(2)


class com_error(Exception):
    """COM failures: ``(hresult, strerror, excepinfo, argerror)``.  Nothing
    in lanman raises it; it exists so ``except pywintypes.com_error`` in a
    script still compiles and runs."""

    @property
    def hresult(self):
        return self.args[0] if self.args else None

    @property
    def strerror(self):
        return self.args[1] if len(self.args) > 1 else None


class TimeType(_dt.datetime):
    """pywin32's time type: a datetime with ``Format()``."""

    def Format(self, fmt="%c"):
        return self.strftime(fmt)


def Time(value):
    """A TimeType from seconds since 1970 (UTC), a datetime or a time tuple."""
    if isinstance(value, _dt.datetime):
        return TimeType(value.year, value.month, value.day, value.hour,
                        value.minute, value.second, value.microsecond,
                        value.tzinfo)
    if isinstance(value, (int, float)):
        d = _dt.datetime.fromtimestamp(value, _dt.timezone.utc)
        return Time(d)
    if isinstance(value, (tuple, list)) and len(value) >= 6:
        return TimeType(*[int(v) for v in value[:6]])
    raise TypeError(f"Time: cannot make a time from {type(value).__name__}")


def Unicode(value):
    """Python 3 strings are Unicode already: ``str(value)``."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


UnicodeType = str
