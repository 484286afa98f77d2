"""What lanman's example admin scripts share: options and credentials (read
exactly as the `lanman` command line reads them), error handling and exit
codes, flag names, times, and a security descriptor decoder.

Credentials: -U [DOMAIN\\]USER (or USER@REALM), -W DOMAIN, -A FILE (Samba's
authentication file, mode 0600), -k (Kerberos); the password from the file,
LANMAN_PASSWORD or a prompt -- never from the command line.
Exit codes: 0 ok, 1 a NetApi call failed, 2 a usage error.
"""
import argparse
import datetime
import json
import struct
import sys

import lanman
from lanman import cli_auth
from lanman.cli_format import UF, bits, duration, iso_time  # noqa: F401 (re-exported)


class Usage(Exception):
    """A usage error: exit code 2."""


def parser(doc, example):
    """An argparse parser with the connection options; the description is
    the script's docstring, the epilog its example."""
    p = argparse.ArgumentParser(
        description=doc.strip().split("\n\n")[0],
        epilog="example:\n  " + example + "\n\nThe password comes from -A FILE, "
               "LANMAN_PASSWORD or a prompt, never from the command line.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    cli_auth.add_options(p)
    return p


def session(args):
    """A lanman.Session from the parsed options."""
    server = cli_auth.server_from(args)
    login = cli_auth.login_from(args)
    s = login.session(server)
    login.forget()
    return s


def run(main):
    """Runs main() -> exit code; NetApi errors exit 1, usage errors 2."""
    prog = sys.argv[0].rsplit("/", 1)[-1]
    try:
        code = main()
    except (cli_auth.CredentialError, Usage) as e:
        print(f"{prog}: {e}", file=sys.stderr)
        code = 2
    except lanman.NetApiError as e:
        print(f"{prog}: error: {e}", file=sys.stderr)
        code = 1
    except BrokenPipeError:
        code = 0
    sys.exit(code or 0)


def dump_json(obj, stream=None):
    json.dump(obj, stream or sys.stdout, indent=2, ensure_ascii=False)
    (stream or sys.stdout).write("\n")


def flag_names(flags):
    """["UF_SCRIPT", "UF_NORMAL_ACCOUNT"] for 0x201."""
    return [n for n in bits(flags, UF).split("|") if n != "0"]


def iso_or_none(seconds):
    return None if not seconds or seconds == 0xFFFFFFFF else iso_time(seconds)


def server_now(s):
    """The server's clock, seconds since 1970 (NetRemoteTOD)."""
    return s.time()["elapsedt"]


def print_table(rows, columns, stream=None):
    """rows: lists of strings; an aligned table with a header."""
    out = stream or sys.stdout
    widths = [len(c) for c in columns]
    for r in rows:
        for i, cell in enumerate(r):
            widths[i] = max(widths[i], len(cell))
    for r in [columns, ["-" * w for w in widths]] + rows:
        out.write("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip() + "\n")


# ---- security descriptors ----------------------------------------------------

WELL_KNOWN_SIDS = {
    "S-1-1-0": "Everyone", "S-1-3-0": "CREATOR OWNER", "S-1-3-1": "CREATOR GROUP",
    "S-1-5-2": "NT AUTHORITY\\NETWORK", "S-1-5-4": "NT AUTHORITY\\INTERACTIVE",
    "S-1-5-7": "NT AUTHORITY\\ANONYMOUS LOGON",
    "S-1-5-11": "NT AUTHORITY\\Authenticated Users", "S-1-5-18": "NT AUTHORITY\\SYSTEM",
    "S-1-5-32-544": "BUILTIN\\Administrators", "S-1-5-32-545": "BUILTIN\\Users",
    "S-1-5-32-546": "BUILTIN\\Guests", "S-1-5-32-547": "BUILTIN\\Power Users",
    "S-1-5-32-548": "BUILTIN\\Account Operators", "S-1-5-32-549": "BUILTIN\\Server Operators",
    "S-1-5-32-550": "BUILTIN\\Print Operators", "S-1-5-32-551": "BUILTIN\\Backup Operators",
}
DOMAIN_RIDS = {500: "Administrator", 501: "Guest", 512: "Domain Admins",
               513: "Domain Users", 514: "Domain Guests", 515: "Domain Computers",
               516: "Domain Controllers", 518: "Schema Admins", 519: "Enterprise Admins",
               520: "Group Policy Creator Owners"}
ACE_TYPES = {0: "allow", 1: "deny", 2: "audit", 3: "alarm"}
ACE_FLAGS = {"OBJECT_INHERIT": 0x1, "CONTAINER_INHERIT": 0x2, "NO_PROPAGATE_INHERIT": 0x4,
             "INHERIT_ONLY": 0x8, "INHERITED": 0x10, "SUCCESSFUL_ACCESS": 0x40,
             "FAILED_ACCESS": 0x80}
SHARE_RIGHTS = {0x1F01FF: "FULL", 0x1301BF: "CHANGE", 0x1200A9: "READ",
                0x10000000: "GENERIC_ALL"}
ACCESS_BITS = {
    "READ_DATA": 0x1, "WRITE_DATA": 0x2, "APPEND_DATA": 0x4, "READ_EA": 0x8,
    "WRITE_EA": 0x10, "EXECUTE": 0x20, "DELETE_CHILD": 0x40, "READ_ATTRIBUTES": 0x80,
    "WRITE_ATTRIBUTES": 0x100, "DELETE": 0x10000, "READ_CONTROL": 0x20000,
    "WRITE_DAC": 0x40000, "WRITE_OWNER": 0x80000, "SYNCHRONIZE": 0x100000,
    "GENERIC_ALL": 0x10000000, "GENERIC_EXECUTE": 0x20000000,
    "GENERIC_WRITE": 0x40000000, "GENERIC_READ": 0x80000000,
}


def sid_at(blob, offset):
    """The SID at offset in a self-relative blob, as "S-1-5-..."."""
    revision, count = blob[offset], blob[offset + 1]
    authority = int.from_bytes(blob[offset + 2:offset + 8], "big")
    subs = struct.unpack_from(f"<{count}I", blob, offset + 8)
    return "-".join(["S", str(revision), str(authority)] + [str(s) for s in subs])


def sid_name(sid, domain_sid=None, domain=None):
    if sid in WELL_KNOWN_SIDS:
        return WELL_KNOWN_SIDS[sid]
    if domain_sid and sid.startswith(domain_sid + "-"):
        rid = int(sid.rsplit("-", 1)[1])
        if rid in DOMAIN_RIDS:
            return f"{domain}\\{DOMAIN_RIDS[rid]}" if domain else DOMAIN_RIDS[rid]
    return None


def access_name(mask):
    if mask in SHARE_RIGHTS:
        return SHARE_RIGHTS[mask]
    return bits(mask, ACCESS_BITS)


def decode_sd(blob, domain_sid=None, domain=None):
    """A self-relative SECURITY_DESCRIPTOR as a dict: owner, group and the
    DACL's ACEs as {"type", "trustee", "sid", "access", "mask", "flags"}."""
    if len(blob) < 20:
        raise ValueError("a security descriptor is at least 20 bytes")
    revision, _sbz, control, o_owner, o_group, _o_sacl, o_dacl = \
        struct.unpack_from("<BBHIIII", blob, 0)

    def trustee(sid):
        return {"sid": sid, "name": sid_name(sid, domain_sid, domain)}
    sd = {"revision": revision, "control": control,
          "owner": trustee(sid_at(blob, o_owner)) if o_owner else None,
          "group": trustee(sid_at(blob, o_group)) if o_group else None}
    if not control & 0x4:               # SE_DACL_PRESENT
        sd["dacl"] = None               # no DACL: everyone has full access
        return sd
    aces = []
    if o_dacl:
        _rev, _sbz1, _size, count, _sbz2 = struct.unpack_from("<BBHHH", blob, o_dacl)
        pos = o_dacl + 8
        for _ in range(count):
            ace_type, ace_flags, ace_size = struct.unpack_from("<BBH", blob, pos)
            mask = struct.unpack_from("<I", blob, pos + 4)[0]
            ace = {"type": ACE_TYPES.get(ace_type, f"type {ace_type}"),
                   "flags": [n for n, b in ACE_FLAGS.items() if ace_flags & b],
                   "mask": mask, "access": access_name(mask)}
            if ace_type in ACE_TYPES:
                ace.update(trustee(sid_at(blob, pos + 8)))
            aces.append(ace)
            pos += ace_size
    sd["dacl"] = aces
    return sd


def ace_text(ace):
    who = ace.get("name") or ace.get("sid")
    if ace.get("name"):
        who = f"{ace['name']} ({ace['sid']})"
    flags = f" [{','.join(ace['flags'])}]" if ace["flags"] else ""
    return f"{ace['type']} {ace['access']} to {who}{flags}"


def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
