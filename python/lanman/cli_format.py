"""Output of lanman's command line: aligned tables for people (flag names
decoded, times as ISO dates), JSON and CSV with the raw values for
programs, and a progress indicator on stderr for long enumerations.

The decoding is keyed by (record family, field name), e.g.
("USER_INFO", "flags") -> "UF_SCRIPT|UF_NORMAL_ACCOUNT".
"""
import csv
import datetime
import io
import json
import os
import sys
import threading
import time

import lanman

FOREVER = 0xFFFFFFFF

# ---- flag and enum decoding -------------------------------------------------

SE_GROUP = {
    "SE_GROUP_MANDATORY": 0x1, "SE_GROUP_ENABLED_BY_DEFAULT": 0x2,
    "SE_GROUP_ENABLED": 0x4, "SE_GROUP_OWNER": 0x8,
    "SE_GROUP_USE_FOR_DENY_ONLY": 0x10, "SE_GROUP_INTEGRITY": 0x20,
    "SE_GROUP_INTEGRITY_ENABLED": 0x40, "SE_GROUP_RESOURCE": 0x20000000,
    "SE_GROUP_LOGON_ID": 0xC0000000,
}
PERM_FILE = {"PERM_FILE_READ": 0x1, "PERM_FILE_WRITE": 0x2, "PERM_FILE_CREATE": 0x4}
UAS_ROLE = {0: "UAS_ROLE_STANDALONE", 1: "UAS_ROLE_MEMBER", 2: "UAS_ROLE_BACKUP",
            3: "UAS_ROLE_PRIMARY"}
JOIN_STATUS = {0: "NetSetupUnknownStatus", 1: "NetSetupUnjoined",
               2: "NetSetupWorkgroupName", 3: "NetSetupDomainName"}


def _consts(prefix, exclude=()):
    """{name: value} of lanman's single-bit constants with this prefix."""
    out = {}
    for name in dir(lanman):
        if name.startswith(prefix) and name not in exclude:
            value = getattr(lanman, name)
            if isinstance(value, int) and value and (value & (value - 1)) == 0:
                out.setdefault(name, value)
    return out


def _first_names(table):
    """One name per value (the first in sorted order wins)."""
    seen, out = set(), {}
    for name, value in sorted(table.items(), key=lambda kv: (kv[1], kv[0])):
        if value not in seen:
            seen.add(value)
            out[name] = value
    return out


UF = _first_names(_consts("UF_", exclude=("UF_SETTABLE_BITS", "UF_MACHINE_ACCOUNT_MASK",
                                          "UF_ACCOUNT_TYPE_MASK")))
SV_TYPE = _first_names(_consts("SV_TYPE_", exclude=("SV_TYPE_ALL", "SV_TYPE_SERVER_UNIX")))
AF_OP = _consts("AF_OP_")
ACCESS = _consts("ACCESS_", exclude=("ACCESS_ALL", "ACCESS_NONE"))
DS_FLAG = {n: v for n, v in _consts("DS_").items() if n.endswith("_FLAG")}


def _enum_names(prefix, exclude=()):
    out = {}
    for name in sorted(dir(lanman)):
        if name.startswith(prefix) and name not in exclude:
            value = getattr(lanman, name)
            if isinstance(value, int):
                out.setdefault(value, name)
    return out


PRIV = _enum_names("USER_PRIV_")
PLATFORM = _enum_names("PLATFORM_ID_")
SIDTYPE = _enum_names("SidType")
STYPE_BASE = {getattr(lanman, n, v): n for n, v in (
    ("STYPE_DISKTREE", 0), ("STYPE_PRINTQ", 1), ("STYPE_DEVICE", 2), ("STYPE_IPC", 3))}
DS_ADDRESS = {1: "DS_INET_ADDRESS", 2: "DS_NETBIOS_ADDRESS"}


def bits(value, table):
    """"NAME1|NAME2" for the bits of value, leftover bits in hex; "0" for 0."""
    if not isinstance(value, int):
        return value
    if value == 0:
        return "0"
    names, rest = [], value
    for name, bit in sorted(table.items(), key=lambda kv: kv[1]):
        if bit and value & bit == bit:
            names.append(name)
            rest &= ~bit
    if rest:
        names.append(f"0x{rest:x}")
    return "|".join(names)


def share_type(value):
    if not isinstance(value, int):
        return value
    base = STYPE_BASE.get(value & 0xFF, f"0x{value & 0xFF:x}")
    extra = []
    if value & 0x80000000:
        extra.append("STYPE_SPECIAL")
    if value & 0x40000000:
        extra.append("STYPE_TEMPORARY")
    return "|".join([base] + extra)


def iso_time(seconds):
    """Seconds since 1970 (UTC) -> "2024-05-01T12:00:00Z"."""
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc) \
        .strftime("%Y-%m-%dT%H:%M:%SZ")


def logon_time(value):
    if not isinstance(value, int):
        return value
    return "never" if value == 0 else iso_time(value)


def expiry(value):
    if not isinstance(value, int):
        return value
    return "never" if value in (FOREVER, 0) else iso_time(value)


def duration(value):
    """Seconds as "42 days", "30 minutes", "1 day 2 hours"; FOREVER: never."""
    if not isinstance(value, int):
        return value
    if value == FOREVER:
        return "never"
    if value == 0:
        return "0"
    parts, rest = [], value
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)):
        n, rest = divmod(rest, size)
        if n:
            parts.append(f"{n} {unit}{'s' if n != 1 else ''}")
    return " ".join(parts[:2])


def unlimited(value):
    if not isinstance(value, int):
        return value
    return "unlimited" if value == FOREVER else str(value)


def hours(value):
    if isinstance(value, (bytes, bytearray)):
        if all(b == 0xFF for b in value):
            return "all"
        if not any(value):
            return "none"
        return value.hex()
    return value


# (family or None for any, field) -> decoder
DECODERS = {
    ("USER_INFO", "flags"): lambda v: bits(v, UF),
    ("NET_DISPLAY", "flags"): lambda v: bits(v, UF),
    (None, "priv"): lambda v: PRIV.get(v, v),
    (None, "auth_flags"): lambda v: bits(v, AF_OP),
    ("SHARE_INFO", "type"): share_type,
    ("SERVER_INFO", "type"): lambda v: bits(v, SV_TYPE),
    (None, "platform_id"): lambda v: PLATFORM.get(v, v),
    (None, "sidusage"): lambda v: SIDTYPE.get(v, v),
    (None, "attributes"): lambda v: bits(v, SE_GROUP),
    ("SHARE_INFO", "permissions"): lambda v: bits(v, ACCESS),
    ("FILE_INFO", "permissions"): lambda v: bits(v, PERM_FILE),
    ("USER_MODALS_INFO", "role"): lambda v: UAS_ROLE.get(v, v),
    ("DOMAIN_CONTROLLER_INFO", "Flags"): lambda v: bits(v, DS_FLAG),
    ("DOMAIN_CONTROLLER_INFO", "DomainControllerAddressType"):
        lambda v: DS_ADDRESS.get(v, v),
    (None, "join_status"): lambda v: JOIN_STATUS.get(v, v),
    (None, "max_uses"): unlimited,
    (None, "max_storage"): unlimited,
    ("SERVER_INFO", "users"): unlimited,
    (None, "last_logon"): logon_time,
    (None, "last_logoff"): logon_time,
    (None, "acct_expires"): expiry,
    (None, "elapsedt"): lambda v: iso_time(v) if isinstance(v, int) else v,
    (None, "password_age"): duration,
    (None, "max_passwd_age"): duration,
    (None, "min_passwd_age"): duration,
    (None, "force_logoff"): duration,
    (None, "lockout_duration"): duration,
    (None, "lockout_observation_window"): duration,
    (None, "logon_hours"): hours,
}


def decode(family, key, value):
    """A field's value for people."""
    f = DECODERS.get((family, key)) or DECODERS.get((None, key))
    if f is not None and value is not None:
        try:
            value = f(value)
        except (TypeError, ValueError, OverflowError, OSError):
            pass
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return str(value)


def plain(value):
    """A value for JSON/CSV: bytes as hex, the rest as is."""
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return value


# ---- output ------------------------------------------------------------------

class Output:
    """Writes records as a table, JSON or CSV."""

    def __init__(self, fmt="table", stream=None, width=None):
        self.fmt = fmt
        self.stream = stream or sys.stdout
        tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.cell_max = width if width is not None else (60 if tty else 0)

    def _cell(self, text):
        text = text.replace("\n", " ")
        if self.cell_max and len(text) > self.cell_max:
            return text[:self.cell_max - 1] + "\u2026"
        return text

    def records(self, records, family=None, columns=None, level=None):
        """A list of records (dicts); with no record, the columns are the
        fields of (family, level)."""
        records = list(records)
        if columns is None and not records and family is not None and level is not None:
            entry = lanman.LEVELS.get((family, level))
            columns = list(entry[1]) if entry else None
        if columns is None:
            columns = []
            for r in records:
                for k in r:
                    if k not in columns:
                        columns.append(k)
        if self.fmt == "json":
            json.dump([{k: plain(r.get(k)) for k in columns} for r in records],
                      self.stream, indent=2, ensure_ascii=False)
            self.stream.write("\n")
        elif self.fmt == "csv":
            w = csv.writer(self.stream, lineterminator="\n")
            w.writerow(columns)
            for r in records:
                v = [plain(r.get(k)) for k in columns]
                w.writerow(["" if x is None else x for x in v])
        else:
            rows = [[self._cell(decode(family, k, r.get(k))) for k in columns]
                    for r in records]
            if columns:
                self._table(columns, rows)
            if not records:
                self.stream.write("(none)\n")

    def record(self, record, family=None):
        """One record: a two-column field/value table, or a JSON object."""
        if self.fmt == "json":
            json.dump({k: plain(v) for k, v in record.items()}, self.stream, indent=2,
                      ensure_ascii=False)
            self.stream.write("\n")
        elif self.fmt == "csv":
            self.records([record], family)
        else:
            rows = [[k, self._cell(decode(family, k, v))] for k, v in record.items()]
            self._table(["field", "value"], rows, header=False)

    def message(self, text, **data):
        """The outcome of a command that changes something."""
        if self.fmt == "json":
            json.dump(dict(data, message=text), self.stream, ensure_ascii=False)
            self.stream.write("\n")
        elif self.fmt == "csv":
            w = csv.writer(self.stream, lineterminator="\n")
            keys = list(data) + ["message"]
            w.writerow(keys)
            w.writerow([data.get(k, text) if k != "message" else text for k in keys])
        else:
            self.stream.write(text + "\n")

    def _table(self, columns, rows, header=True):
        widths = [len(c) if header else 0 for c in columns]
        for row in rows:
            for i, cell in enumerate(row):
                widths[i] = max(widths[i], len(cell))
        out = io.StringIO()

        def line(cells):
            out.write("  ".join(c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip())
            out.write("\n")
        if header:
            line(columns)
            line(["-" * w for w in widths])
        for row in rows:
            line(row)
        self.stream.write(out.getvalue())


class Progress:
    """"lanman: NetUserEnum: 1200 records, 3.1 s" on stderr, refreshed while
    an enumeration runs, once it has taken more than a second (the delay:
    LANMAN_PROGRESS_DELAY) -- only when stderr is a terminal."""

    def __init__(self, what, stream=None, delay=None):
        self.what = what
        self.stream = stream or sys.stderr
        if delay is None:
            try:
                delay = float(os.environ.get("LANMAN_PROGRESS_DELAY", "1"))
            except ValueError:
                delay = 1.0
        self.delay = delay
        self.count = 0
        self.shown = False
        self._stop = threading.Event()
        self._thread = None
        self._t0 = time.monotonic()
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()

    def __enter__(self):
        if self.enabled:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def add(self, n):
        self.count += n

    def _run(self):
        if self._stop.wait(self.delay):
            return
        while True:
            self._show()
            if self._stop.wait(0.25):
                return

    def _show(self):
        elapsed = time.monotonic() - self._t0
        self.stream.write(f"\rlanman: {self.what}: {self.count} records, "
                          f"{elapsed:.1f} s\033[K")
        self.stream.flush()
        self.shown = True

    def __exit__(self, *exc):
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
        return False
