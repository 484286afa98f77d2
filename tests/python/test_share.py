"""Shares and open files against the real DC: add a share on a temporary
directory, read it at every level, change it, delete it; open a file over
SMB and watch it in NetFileEnum; what this Samba answers where it does not
follow Windows; argument errors before any call.

Measured (Samba 4.17 AD DC through libnetapi), and asserted below:
- NetShareAdd answers 2 and 502.  Samba's srvsvc workers see a new share
  only after an enumeration (on that worker); the thunks of GetInfo, SetInfo
  and Del enumerate and ask again when a share is missing, so a new share is
  there at once, as on Windows.
- Paths come back in Windows form ("C:\\tmp\\...\\dir"), passwords as "".
- A missing share: GetInfo 123 ERROR_INVALID_NAME, Del 67 ERROR_BAD_NET_NAME,
  SetInfo 2310 NERR_NetNameNotFound (Windows: 2310 for all three).
- An existing name: Add 80 ERROR_FILE_EXISTS (Windows: 2118); a missing
  path: Add 2 ERROR_FILE_NOT_FOUND.
- SetInfo 1, 502, 1005, 1006, 1501: libnetapi stubs, 50 ERROR_NOT_SUPPORTED.
- NetFileEnum: level 3 only (2: 124 from the server), basepath ignored;
  NetFileGetInfo: an RPC fault the server does not implement (1745);
  NetFileClose of an unknown id: 2 ERROR_FILE_NOT_FOUND.
"""
import gc
import itertools
import os
import re
import shutil
import struct
import subprocess
import time
from pathlib import Path

import pytest

import lanman
from conftest import net_error, one

_counter = itertools.count()


def windows_path(path):
    # Samba reports share paths as "C:" + the path with backslashes.
    return "C:" + str(path).replace("/", "\\")


def fast(call):
    """(exception, seconds) of a call that must raise before any traffic."""
    t0 = time.monotonic()
    with pytest.raises(Exception) as ei:
        call()
    return ei.value, time.monotonic() - t0


def rpcclient(dc, command, check=True):
    out = subprocess.run(
        ["rpcclient", "-A", dc["LANMAN_TEST_AUTHFILE"], "--use-kerberos=off",
         "-c", command, dc["LANMAN_TEST_SERVER"]],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    if check:
        assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture
def share_dir(dc):
    """A new directory beside the DC's share (same machine: the "server"
    side), and a share name nobody uses; the directory is removed after."""
    n = next(_counter)
    name = f"lmt{os.getpid() % 100000}x{n}"
    path = Path(dc["LANMAN_TEST_SHARE_PATH"]).parent / name
    path.mkdir()
    yield name, path
    try:
        lanman.NetShareDel(dc["LANMAN_TEST_SERVER"], name)
    except lanman.NetApiError:
        pass
    shutil.rmtree(path, ignore_errors=True)


def live():
    gc.collect()
    return lanman.buffer_stats()["live"]


# ---- the level tables ------------------------------------------------------

def test_share_and_file_levels():
    assert lanman.call_levels("NetShareAdd") == (2, 502)
    assert lanman.call_levels("NetShareSetInfo") == (1, 2, 502, 1004, 1005, 1006, 1501)
    assert lanman.call_levels("NetShareGetInfo") == (0, 1, 2, 501, 502, 1005)
    assert lanman.call_levels("NetFileEnum") == (2, 3)
    assert lanman.call_levels("NetFileGetInfo") == (2, 3)
    assert lanman.call_levels("NetShareDel") == ()
    assert lanman.call_levels("NetFileClose") == ()
    assert lanman.call_family("NetShareSetInfo") == "SHARE_INFO"
    assert lanman.call_family("NetFileEnum") == "FILE_INFO"
    L = lanman.LEVELS
    assert L[("SHARE_INFO", 1004)] == ("SHARE_INFO_1004", ("remark",))
    assert L[("SHARE_INFO", 1005)] == ("SHARE_INFO_1005", ("flags",))
    assert L[("SHARE_INFO", 1006)] == ("SHARE_INFO_1006", ("max_uses",))
    assert L[("SHARE_INFO", 1501)] == ("SHARE_INFO_1501",
                                      ("reserved", "security_descriptor"))
    assert L[("SHARE_INFO", 502)][1][-1] == "security_descriptor"
    assert L[("FILE_INFO", 2)] == ("FILE_INFO_2", ("id",))
    # pywin32's keys for FILE_INFO_3
    assert L[("FILE_INFO", 3)] == ("FILE_INFO_3", ("id", "permissions", "num_locks",
                                                   "path_name", "user_name"))


# ---- add, read at every level, change, delete ------------------------------

def test_share_round_trip(server, dc, share_dir):
    name, path = share_dir
    base = live()
    lanman.NetShareAdd(server, 2, {"netname": name, "path": str(path),
                                   "type": lanman.STYPE_DISKTREE,
                                   "remark": "lanman round trip", "max_uses": 5})
    # visible at once, without an enumeration in between
    rec = one(lanman.NetShareGetInfo(server, name, 2), "SHARE_INFO", 2)
    assert rec == {"netname": name, "type": lanman.STYPE_DISKTREE,
                   "remark": "lanman round trip", "permissions": 0, "max_uses": 5,
                   "current_uses": 0, "path": windows_path(path), "passwd": ""}
    assert one(lanman.NetShareGetInfo(server, name, 0), "SHARE_INFO", 0) == \
        {"netname": name}
    assert one(lanman.NetShareGetInfo(server, name, 1), "SHARE_INFO", 1) == \
        {"netname": name, "type": 0, "remark": "lanman round trip"}
    assert one(lanman.NetShareGetInfo(server, name, 501), "SHARE_INFO", 501) == \
        {"netname": name, "type": 0, "remark": "lanman round trip", "flags": 0}
    assert one(lanman.NetShareGetInfo(server, name, 1005), "SHARE_INFO", 1005) == \
        {"flags": 0}
    for level in (0, 1, 2):
        buf, total, resume = lanman.NetShareEnum(server, level)
        with buf:
            listed = {r["netname"]: r for r in buf}
        assert resume == 0 and total == len(listed)
        assert name in listed
        if level == 2:
            assert listed[name] == rec

    # the remark alone (1004), then several fields at level 2
    assert lanman.NetShareSetInfo(server, name, 1004, {"remark": "changed"}) is None
    assert one(lanman.NetShareGetInfo(server, name, 1), "SHARE_INFO", 1)["remark"] == \
        "changed"
    rec.update(remark="changed again", max_uses=lanman.SHI_USES_UNLIMITED)
    lanman.NetShareSetInfo(server, name, 2, rec)
    after = one(lanman.NetShareGetInfo(server, name, 2), "SHARE_INFO", 2)
    assert (after["remark"], after["max_uses"], after["path"]) == \
        ("changed again", 0xFFFFFFFF, windows_path(path))

    assert lanman.NetShareDel(server, name) is None
    e = net_error(lambda: lanman.NetShareGetInfo(server, name, 1))
    assert (e.code, e.name, e.function, e.server) == \
        (123, "ERROR_INVALID_NAME", "NetShareGetInfo", server)
    e = net_error(lambda: lanman.NetShareSetInfo(server, name, 1004, {"remark": "x"}))
    assert (e.code, e.name, e.function) == \
        (2310, "NERR_NetNameNotFound", "NetShareSetInfo")
    e = net_error(lambda: lanman.NetShareDel(server, name))
    assert (e.code, e.name, e.function) == (67, "ERROR_BAD_NET_NAME", "NetShareDel")
    buf, _total, _resume = lanman.NetShareEnum(server, 0)
    with buf:
        assert name not in {r["netname"] for r in buf}
    assert path.is_dir()                       # the directory stays
    assert live() == base


def test_share_enum_501_composed(server, dc):
    # libnetapi answers NetShareEnum 501 with 124 itself; lanman enumerates
    # at level 1 (paging as asked) and reads each share at 501.
    base = live()
    names, resume, pages = [], 0, 0
    while True:
        buf, total, resume = lanman.NetShareEnum(server, 501, resume=resume,
                                                 prefmaxlen=20)
        pages += 1
        with buf:
            assert buf.level == ("SHARE_INFO", 501)
            for rec in buf:
                assert rec == one(lanman.NetShareGetInfo(server, rec["netname"], 501),
                                  "SHARE_INFO", 501)
                names.append(rec["netname"])
        if resume == 0 or pages > 20:
            break
    assert resume == 0      # (this Samba sends every share in one page anyway)
    buf, total, _resume = lanman.NetShareEnum(server, 1)
    with buf:
        assert sorted(names) == sorted(r["netname"] for r in buf) and total == len(buf)
    assert live() == base


def test_share_add_errors(server, dc, share_dir):
    name, path = share_dir
    lanman.NetShareAdd(server, 2, {"netname": name, "path": str(path)})
    e = net_error(lambda: lanman.NetShareAdd(server, 2, {"netname": name,
                                                         "path": str(path)}))
    assert (e.code, e.name, e.function) == (80, "ERROR_FILE_EXISTS", "NetShareAdd")
    e = net_error(lambda: lanman.NetShareAdd(
        server, 2, {"netname": name + "n", "path": str(path) + "-missing"}))
    assert (e.code, e.name) == (2, "ERROR_FILE_NOT_FOUND")
    # fields left out: no remark reads "", max_uses 0 is Samba's "max
    # connections = 0", no limit, which reads as SHI_USES_UNLIMITED
    rec = one(lanman.NetShareGetInfo(server, name, 2), "SHARE_INFO", 2)
    assert (rec["remark"], rec["max_uses"], rec["type"]) == \
        ("", lanman.SHI_USES_UNLIMITED, lanman.STYPE_DISKTREE)


@pytest.mark.parametrize("level,data", [
    (1, {"netname": "x", "type": 0, "remark": "r"}),
    (502, {"netname": "x", "path": "/x"}),
    (1005, {"flags": 0}),
    (1006, {"max_uses": 3}),
    (1501, {"security_descriptor": bytes.fromhex(
        "0100048014000000000000000000000000000000010100000000000512000000")}),
])
def test_share_set_info_levels_libnetapi_lacks(server, dc, level, data):
    # Measured: libnetapi answers these itself (no server involved).
    e = net_error(lambda: lanman.NetShareSetInfo(server, dc["LANMAN_TEST_SHARE"],
                                                 level, data))
    assert (e.code, e.name, e.function) == (50, "ERROR_NOT_SUPPORTED", "NetShareSetInfo")


# ---- security descriptors: self-relative bytes -----------------------------

def sid_bytes(text):
    parts = text.split("-")
    assert parts[:2] == ["S", "1"]
    auth, subs = int(parts[2]), [int(p) for p in parts[3:]]
    return (struct.pack("<BB", 1, len(subs)) + auth.to_bytes(6, "big") +
            b"".join(struct.pack("<I", s) for s in subs))


def self_relative_sd(owner, aces):
    """MS-DTYP 2.4.6 by hand: owner SID and a DACL of (type, flags, mask,
    sid) ACEs -- independent of lanman's and Samba's marshalling."""
    ace_blobs = []
    for ace_type, flags, mask, sid in aces:
        s = sid_bytes(sid)
        ace_blobs.append(struct.pack("<BBHI", ace_type, flags, 8 + len(s), mask) + s)
    body = b"".join(ace_blobs)
    dacl = struct.pack("<BBHHH", 2, 0, 8 + len(body), len(aces), 0) + body
    off_dacl = 20
    off_owner = off_dacl + len(dacl)
    header = struct.pack("<BBHIIII", 1, 0, 0x8004 | 0x0000, off_owner, 0, 0, off_dacl)
    return header + dacl + sid_bytes(owner)


ACE_RE = re.compile(r"type: (ACCESS ALLOWED|ACCESS DENIED) \((\d+)\) flags: (0x[0-9a-f]+)"
                    r".*?Permissions: (0x[0-9a-f]+).*?SID: (S-[0-9-]+)", re.S)


def share_aces(dc, name):
    """(type, flags, mask, sid) of a share's DACL as the server has it
    (rpcclient netsharegetinfo NAME 502: libnetapi cannot read 502).  The
    srvsvc worker serving rpcclient may not have loaded a new share yet (see
    shim_samba_share.c): then an enumeration, and again."""
    for _attempt in range(25):
        out = rpcclient(dc, f"netsharegetinfo {name} 502", check=False)
        if "WERR_" not in out:
            break
        rpcclient(dc, "netshareenumall")
        time.sleep(0.2)
    owner = re.search(r"Owner SID:\s*(S-[0-9-]+)", out)
    return ([(int(t), int(f, 16), int(m, 16), s) for _, t, f, m, s in ACE_RE.findall(out)],
            owner.group(1) if owner else None)


def test_share_add_502_with_a_security_descriptor(server, dc, share_dir):
    name, path = share_dir
    aces = [(0, 0, 0x1F01FF, "S-1-5-32-544"),          # Administrators: full
            (0, 0, 0x1200A9, "S-1-5-11"),               # Authenticated Users: read
            (1, 0, 0x1F01FF, "S-1-5-32-546")]           # Guests: denied
    sd = self_relative_sd("S-1-5-32-544", aces)
    base = live()
    lanman.NetShareAdd(server, 502, {"netname": name, "path": str(path),
                                     "remark": "with a descriptor",
                                     "security_descriptor": sd})
    got, owner = share_aces(dc, name)
    assert got == aces
    assert owner == "S-1-5-32-544"
    rec = one(lanman.NetShareGetInfo(server, name, 2), "SHARE_INFO", 2)
    assert rec["remark"] == "with a descriptor"
    # libnetapi cannot read it back: NetShareGetInfo 502 is its stub
    e = net_error(lambda: lanman.NetShareGetInfo(server, name, 502))
    assert e.code == 50
    assert live() == base


def test_security_descriptor_from_samba_python(server, dc, share_dir):
    # The same through Samba's own marshaller (python3-samba), object ACEs
    # and a SACL included: what the server stores is what was built.
    security = pytest.importorskip("samba.dcerpc.security")
    from samba.ndr import ndr_pack
    name, path = share_dir
    domain_sid = security.dom_sid("S-1-5-21-1-2-3")
    sddl = ("O:BAG:SYD:(A;;0x1f01ff;;;BA)(D;;0x1f01ff;;;S-1-5-21-1-2-3-1999)"
            "(A;;0x1200a9;;;AU)")
    blob = ndr_pack(security.descriptor.from_sddl(sddl, domain_sid))
    lanman.NetShareAdd(server, 502, {"netname": name, "path": str(path),
                                     "security_descriptor": blob})
    got, owner = share_aces(dc, name)
    assert got == [(0, 0, 0x1F01FF, "S-1-5-32-544"),
                   (1, 0, 0x1F01FF, "S-1-5-21-1-2-3-1999"),
                   (0, 0, 0x1200A9, "S-1-5-11")]
    assert owner == "S-1-5-32-544"


@pytest.mark.parametrize("blob,why", [
    (b"", "shorter than its 20-byte header"),
    (b"\x01\x00\x04\x80" + bytes(12), "shorter than its 20-byte header"),
    (b"\x02\x00\x04\x80" + bytes(16), "revision is not 1"),
    (b"\x01\x00\x04\x00" + bytes(16), "SE_SELF_RELATIVE"),
    (b"\x01\x00\x04\x80" + struct.pack("<IIII", 200, 0, 0, 0), "offset outside"),
    (b"\x01\x00\x04\x80" + struct.pack("<IIII", 0, 0, 0, 20) +
     struct.pack("<BBHHH", 2, 0, 60, 1, 0), "size runs past its end"),
    (self_relative_sd("S-1-5-32-544", [(9, 0, 1, "S-1-1-0")]), "cannot carry"),
])
def test_bad_security_descriptors_are_value_errors_before_any_call(unreachable, blob, why):
    e, seconds = fast(lambda: lanman.NetShareAdd(
        unreachable, 502, {"netname": "x", "path": "/x", "security_descriptor": blob}))
    assert type(e) is ValueError, e
    assert "'security_descriptor'" in str(e) and why in str(e), str(e)
    assert seconds < 0.1


# ---- open files ------------------------------------------------------------

def test_no_open_files(server):
    buf, total, resume = lanman.NetFileEnum(server, None, None, 3)
    with buf:
        assert (len(buf), total, resume) == (0, 0, 0)
        assert buf.level == ("FILE_INFO", 3)
    e = net_error(lambda: lanman.NetFileEnum(server, None, None, 2))
    assert (e.code, e.name, e.function) == (124, "ERROR_INVALID_LEVEL", "NetFileEnum")
    for level in (2, 3):
        e = net_error(lambda: lanman.NetFileGetInfo(server, 1, level))
        assert (e.code, e.name, e.function) == \
            (1745, "RPC_S_PROCNUM_OUT_OF_RANGE", "NetFileGetInfo")
    e = net_error(lambda: lanman.NetFileClose(server, 123456))
    assert (e.code, e.name, e.function) == (2, "ERROR_FILE_NOT_FOUND", "NetFileClose")


@pytest.fixture
def held_file(dc):
    """A file held open over SMB by smbclient (its stdin kept open); yields
    its name.  smbclient ends when its stdin closes."""
    name = f"held-{os.getpid()}-{next(_counter)}.txt"
    target = Path(dc["LANMAN_TEST_SHARE_PATH"]) / name
    target.write_text("lanman\n")
    proc = subprocess.Popen(
        ["smbclient", f"//{dc['LANMAN_TEST_SERVER']}/{dc['LANMAN_TEST_SHARE']}",
         "-A", dc["LANMAN_TEST_AUTHFILE"], "--use-kerberos=off"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        text=True)
    proc.stdin.write(f"open {name}\n")
    proc.stdin.flush()
    try:
        yield name
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        target.unlink()


def wait_for_open(server, name, timeout=15):
    deadline = time.monotonic() + timeout
    while True:
        buf, _total, _resume = lanman.NetFileEnum(server, None, None, 3)
        with buf:
            hits = [r for r in buf if r["path_name"].endswith("\\" + name)]
        if hits or time.monotonic() > deadline:
            return hits
        time.sleep(0.2)


def wait_for_close(server, name, timeout=15):
    """True once no open file ends in name (the server closes asynchronously)."""
    deadline = time.monotonic() + timeout
    while wait_for_open(server, name, timeout=0):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def test_an_open_file(server, dc, held_file, session):
    base = live()
    hits = wait_for_open(server, held_file)
    assert len(hits) == 1, "smbclient's open file never showed up"
    rec = hits[0]
    assert rec["path_name"] == windows_path(Path(dc["LANMAN_TEST_SHARE_PATH"]) / held_file)
    assert rec["permissions"] & 0x3 == 0x3      # PERM_FILE_READ | PERM_FILE_WRITE
    assert rec["num_locks"] == 0
    assert isinstance(rec["id"], int) and rec["user_name"]
    # the session sees the same; the user filter works, the path filter is
    # ignored by Samba (Windows would filter by path prefix)
    assert rec in list(session.files())
    buf, total, _resume = lanman.NetFileEnum(server, None, rec["user_name"], 3)
    with buf:
        assert rec in buf.records() and total == len(buf)
    buf, total, _resume = lanman.NetFileEnum(server, None, "no-such-user", 3)
    with buf:
        assert len(buf) == 0
    buf, _total, _resume = lanman.NetFileEnum(server, "C:\\no\\such\\path", None, 3)
    with buf:
        assert rec in buf.records()
    # Samba does not implement NetFileGetInfo even for a real id
    e = net_error(lambda: lanman.NetFileGetInfo(server, rec["id"], 3))
    assert e.code == 1745
    # closing it from the server side
    assert lanman.NetFileClose(server, rec["id"]) is None
    assert wait_for_close(server, held_file)
    assert live() == base


def test_session_closes_an_open_file(server, held_file, session):
    hits = wait_for_open(server, held_file)
    assert len(hits) == 1
    session.close_file(hits[0]["id"])
    assert wait_for_close(server, held_file)
    assert [r for r in session.files() if r["id"] == hits[0]["id"]] == []
    with pytest.raises(lanman.NetApiError) as ei:
        session.file(hits[0]["id"])
    assert ei.value.code == 1745


# ---- the session helpers ---------------------------------------------------

def test_session_share_helpers(session, share_dir):
    name, path = share_dir
    session.add_share(name, str(path), "via the session", max_uses=7)
    assert session.share(name, 2)["max_uses"] == 7
    session.set_share(name, remark="remark only")           # level 1004
    assert session.share(name, 1)["remark"] == "remark only"
    session.set_share(name, remark="both", max_uses=3)      # read, change, level 2
    rec = session.share(name, 2)
    assert (rec["remark"], rec["max_uses"], rec["path"]) == ("both", 3, windows_path(path))
    assert name in {r["netname"] for r in session.shares(0)}
    with pytest.raises(lanman.NetApiError) as ei:   # 1501: a libnetapi stub
        session.set_share(name, security_descriptor=self_relative_sd(
            "S-1-5-32-544", [(0, 0, 0x1F01FF, "S-1-1-0")]))
    assert ei.value.code == 50
    session.delete_share(name)
    with pytest.raises(lanman.NetApiError) as ei:
        session.share(name)
    assert ei.value.code == 123
    with pytest.raises(ValueError, match="'nosuchfield'"):
        session.set_share(name, nosuchfield=1)
    with pytest.raises(ValueError):
        session.set_share(name)


def test_session_add_share_with_a_descriptor(session, dc, share_dir):
    name, path = share_dir
    aces = [(0, 0, 0x1F01FF, "S-1-5-32-544")]
    session.add_share(name, str(path), security_descriptor=self_relative_sd(
        "S-1-5-32-544", aces))
    assert share_aces(dc, name) == (aces, "S-1-5-32-544")
    session.delete_share(name)


# ---- argument errors: named, before any call --------------------------------

@pytest.mark.parametrize("kind,argument,call", [
    (ValueError, "path", lambda u: lanman.NetShareAdd(u, 2, {"netname": "x"})),
    (ValueError, "netname", lambda u: lanman.NetShareAdd(u, 2, {"path": "/x"})),
    (ValueError, "bogus", lambda u: lanman.NetShareAdd(
        u, 2, {"netname": "x", "path": "/x", "bogus": 1})),
    (TypeError, "max_uses", lambda u: lanman.NetShareAdd(
        u, 2, {"netname": "x", "path": "/x", "max_uses": "5"})),
    (TypeError, "remark", lambda u: lanman.NetShareAdd(
        u, 2, {"netname": "x", "path": "/x", "remark": 5})),
    (ValueError, "max_uses", lambda u: lanman.NetShareAdd(
        u, 2, {"netname": "x", "path": "/x", "max_uses": -2})),
    (TypeError, "security_descriptor", lambda u: lanman.NetShareAdd(
        u, 502, {"netname": "x", "path": "/x", "security_descriptor": "O:BA"})),
    (ValueError, "level", lambda u: lanman.NetShareAdd(u, 1004, {"remark": "x"})),
    (ValueError, "level", lambda u: lanman.NetShareAdd(u, 3, {"netname": "x"})),
    (TypeError, "data", lambda u: lanman.NetShareAdd(u, 2, [("netname", "x")])),
    (ValueError, "netname", lambda u: lanman.NetShareDel(u, "s" * 81)),
    (ValueError, "netname", lambda u: lanman.NetShareDel(u, "")),
    (TypeError, "netname", lambda u: lanman.NetShareDel(u, None)),
    (ValueError, "reserved", lambda u: lanman.NetShareDel(u, "x", -1)),
    (ValueError, "remark", lambda u: lanman.NetShareSetInfo(u, "x", 1004, {})),
    (ValueError, "level", lambda u: lanman.NetShareSetInfo(u, "x", 0, {"netname": "y"})),
    (ValueError, "netname", lambda u: lanman.NetShareSetInfo(u, "s" * 81, 1004,
                                                             {"remark": "x"})),
    (TypeError, "basepath", lambda u: lanman.NetFileEnum(u, 5, None, 3)),
    (TypeError, "username", lambda u: lanman.NetFileEnum(u, None, b"root", 3)),
    (ValueError, "username", lambda u: lanman.NetFileEnum(u, None, "r\0", 3)),
    (ValueError, "level", lambda u: lanman.NetFileEnum(u, None, None, 1)),
    (ValueError, "level", lambda u: lanman.NetFileGetInfo(u, 1, 1)),
    (ValueError, "fileid", lambda u: lanman.NetFileGetInfo(u, -1, 3)),
    (TypeError, "fileid", lambda u: lanman.NetFileClose(u, "7")),
    (ValueError, "fileid", lambda u: lanman.NetFileClose(u, 2**32)),
])
def test_argument_errors_before_any_call(unreachable, kind, argument, call):
    e, seconds = fast(lambda: call(unreachable))
    assert type(e) is kind, e
    assert f"'{argument}'" in str(e), str(e)
    assert seconds < 0.1
