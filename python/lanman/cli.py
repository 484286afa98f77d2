"""lanman: the NetApi from the command line, in the style of Samba's
``net rpc`` and ``samba-tool``.

    lanman -S dc1 -U 'CORP\\admin' users
    lanman -S dc1 -U admin@CORP.EXAMPLE -A ~/.lanman.auth user show alice
    lanman --format json -S dc1 -U admin groups

Exit codes: 0 success, 1 a NetApi call failed (the message names the
function, the server, the code and its name), 2 a usage error.  Passwords
are never read from the command line: see ``lanman --help`` and docs/cli.md.
"""
import argparse
import datetime
import os
import sys

import lanman

from . import cli_auth
from .cli_format import Output, Progress

PAGE = 16384          # prefmaxlen when paging an enumeration for progress
MAX = 0xFFFFFFFF

# Set by main() for the running command.
_ctx = None


class Missing(Exception):
    """The lanman build lacks a function a command needs."""


class UsageError(Exception):
    pass


class Context:
    def __init__(self, args, server, creds, out):
        self.args = args
        self.server = server
        self.creds = creds
        self.out = out

    def fn(self, name):
        f = getattr(lanman, name, None)
        if f is None:
            raise Missing(f"'{self.args.command_name}' needs {name}, which this lanman "
                          f"does not provide (lanman {_version()})")
        return f

    def call(self, name, *args, **kw):
        f = self.fn(name)
        try:
            return f(*args, creds=self.creds, **kw)
        except (TypeError, ValueError) as e:
            # lanman checks every argument before a call: a bad --level,
            # name or value from the command line is a usage error
            raise UsageError(f"{self.args.command_name}: {e}") from None

    def one(self, name, *args, **kw):
        """The first record of a call's buffer."""
        result = self.call(name, *args, **kw)
        buf = result[0] if isinstance(result, tuple) else result
        with buf:
            records = buf.records()
        return records[0] if records else {}

    def records(self, name, *args, **kw):
        """Every record of a call that returns one buffer (not paged)."""
        result = self.call(name, *args, **kw)
        buf = result[0] if isinstance(result, tuple) else result
        with buf:
            return buf.records()

    def enum(self, name, *args, page=MAX, **kw):
        """Every record of a paged enumeration (resume handle loop), with a
        progress indicator on stderr when that is a terminal."""
        out, resume = [], 0
        with Progress(name) as progress:
            while True:
                buf, _total, resume = self.call(name, *args, resume=resume,
                                                prefmaxlen=page, **kw)
                with buf:
                    records = buf.records()
                out.extend(records)
                progress.add(len(records))
                if not resume:
                    return out

    def family(self, name):
        try:
            return lanman.call_family(name)
        except Exception:
            return None


def _version():
    try:
        from importlib.metadata import version
        return version("lanman")
    except Exception:
        return "?"


# ------------------------------------------------------------------ users --

def cmd_users(c):
    level = c.args.level if c.args.level is not None else 20
    records = c.enum("NetUserEnum", c.server, level, c.args.filter, page=PAGE)
    c.out.records(records, "USER_INFO", level=level)


def cmd_user_show(c):
    level = c.args.level if c.args.level is not None else 4
    c.out.record(c.one("NetUserGetInfo", c.server, c.args.name, level), "USER_INFO")


def _user_flags(c, add=0, remove=0):
    if not add and not remove:
        return
    flags = c.one("NetUserGetInfo", c.server, c.args.name, 20)["flags"]
    new = (flags | add) & ~remove & MAX
    if new != flags:
        c.call("NetUserSetInfo", c.server, c.args.name, 1008, {"flags": new})


def _flag_changes(args):
    add = remove = 0
    if getattr(args, "disable", False):
        add |= lanman.UF_ACCOUNTDISABLE
    if getattr(args, "enable", False):
        remove |= lanman.UF_ACCOUNTDISABLE
    if getattr(args, "unlock", False):
        remove |= lanman.UF_LOCKOUT
    pne = getattr(args, "password_never_expires", None)
    if pne is True:
        add |= lanman.UF_DONT_EXPIRE_PASSWD
    elif pne is False:
        remove |= lanman.UF_DONT_EXPIRE_PASSWD
    for spec, bucket in ((getattr(args, "set_flag", None) or [], "add"),
                         (getattr(args, "clear_flag", None) or [], "remove")):
        for name in spec:
            value = _flag_value(name)
            if bucket == "add":
                add |= value
            else:
                remove |= value
    return add, remove


def _flag_value(name):
    key = name.upper()
    if not key.startswith("UF_"):
        key = "UF_" + key
    value = getattr(lanman, key, None)
    if not isinstance(value, int):
        raise UsageError(f"unknown user flag {name!r} (e.g. UF_DONT_EXPIRE_PASSWD)")
    return value


def _expiry(text):
    if text is None:
        return None
    if text.lower() in ("never", "none", "0"):
        return lanman.TIMEQ_FOREVER
    try:
        d = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"--expires: {text!r} is not an ISO date (2025-12-31, "
                         f"2025-12-31T18:00:00Z) or 'never'") from None
    if d.tzinfo is None:
        d = d.replace(tzinfo=datetime.timezone.utc)
    return int(d.timestamp())


def cmd_user_add(c):
    a = c.args
    password = cli_auth.read_new_password(a.name, stdin=a.password_stdin)
    flags = lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT
    add, remove = _flag_changes(a)
    flags = (flags | add) & ~remove
    data = {"name": a.name, "password": password, "priv": lanman.USER_PRIV_USER,
            "flags": flags}
    for key, value in (("comment", a.comment), ("home_dir", a.home_dir),
                       ("script_path", a.script_path)):
        if value is not None:
            data[key] = value
    c.call("NetUserAdd", c.server, 1, data)
    del password, data
    if a.full_name is not None:
        c.call("NetUserSetInfo", c.server, a.name, 1011, {"full_name": a.full_name})
    exp = _expiry(a.expires)
    if exp is not None:
        c.call("NetUserSetInfo", c.server, a.name, 1017, {"acct_expires": exp})
    c.out.message(f"user {a.name} added", action="user add", name=a.name)


def cmd_user_delete(c):
    c.call("NetUserDel", c.server, c.args.name)
    c.out.message(f"user {c.args.name} deleted", action="user delete", name=c.args.name)


def cmd_user_set(c):
    a = c.args
    changed = []
    for level, key, value in ((1011, "full_name", a.full_name), (1007, "comment", a.comment),
                              (1006, "home_dir", a.home_dir),
                              (1009, "script_path", a.script_path)):
        if value is not None:
            c.call("NetUserSetInfo", c.server, a.name, level, {key: value})
            changed.append(key)
    exp = _expiry(a.expires)
    if exp is not None:
        c.call("NetUserSetInfo", c.server, a.name, 1017, {"acct_expires": exp})
        changed.append("acct_expires")
    add, remove = _flag_changes(a)
    if add or remove:
        _user_flags(c, add, remove)
        changed.append("flags")
    if not changed:
        raise UsageError("user set: nothing to change (see lanman user set --help)")
    c.out.message(f"user {a.name}: set {', '.join(changed)}", action="user set",
                  name=a.name, changed=changed)


def cmd_user_passwd(c):
    a = c.args
    if a.change:
        if a.password_stdin:
            old = cli_auth.read_new_password(a.name, stdin=True)
        else:
            old = cli_auth.read_new_password(a.name, env_name="LANMAN_OLD_PASSWORD",
                                             current=True)
        new = cli_auth.read_new_password(a.name, stdin=a.password_stdin)
        c.call("NetUserChangePassword", c.server, a.name, old, new)
        del old, new
        c.out.message(f"user {a.name}: password changed", action="user passwd",
                      name=a.name)
        return
    new = cli_auth.read_new_password(a.name, stdin=a.password_stdin)
    c.call("NetUserSetInfo", c.server, a.name, 1003, {"password": new})
    del new
    c.out.message(f"user {a.name}: password set", action="user passwd", name=a.name)


def cmd_user_groups(c):
    a = c.args
    rows = []
    if not a.local_only:
        for r in c.records("NetUserGetGroups", c.server, a.name, 1):
            rows.append({"name": r["name"], "kind": "global", "attributes": r["attributes"]})
    if not a.global_only:
        flags = 0 if a.direct else lanman.LG_INCLUDE_INDIRECT
        for r in c.records("NetUserGetLocalGroups", c.server, a.name, 0, flags):
            rows.append({"name": r["name"], "kind": "local", "attributes": None})
    c.out.records(rows, "GROUP_USERS_INFO", columns=["name", "kind", "attributes"])


# ----------------------------------------------------------------- groups --

def cmd_groups(c):
    level = c.args.level if c.args.level is not None else 2
    c.out.records(c.enum("NetGroupEnum", c.server, level), "GROUP_INFO",
                  level=level)


def cmd_group_members(c):
    level = c.args.level if c.args.level is not None else 1
    c.out.records(c.enum("NetGroupGetUsers", c.server, c.args.group, level),
                  "GROUP_USERS_INFO", level=level)


def cmd_group_add(c):
    for user in c.args.members:
        c.call("NetGroupAddUser", c.server, c.args.group, user)
    c.out.message(f"group {c.args.group}: added {', '.join(c.args.members)}",
                  action="group add", group=c.args.group, members=c.args.members)


def cmd_group_remove(c):
    for user in c.args.members:
        c.call("NetGroupDelUser", c.server, c.args.group, user)
    c.out.message(f"group {c.args.group}: removed {', '.join(c.args.members)}",
                  action="group remove", group=c.args.group, members=c.args.members)


def cmd_group_create(c):
    data = {"name": c.args.group}
    if c.args.comment is not None:
        data["comment"] = c.args.comment
    c.call("NetGroupAdd", c.server, 1, data)
    c.out.message(f"group {c.args.group} created", action="group create",
                  group=c.args.group)


def cmd_group_delete(c):
    c.call("NetGroupDel", c.server, c.args.group)
    c.out.message(f"group {c.args.group} deleted", action="group delete",
                  group=c.args.group)


# ----------------------------------------------------------- local groups --

def cmd_localgroups(c):
    level = c.args.level if c.args.level is not None else 1
    c.out.records(c.enum("NetLocalGroupEnum", c.server, level), "LOCALGROUP_INFO",
                  level=level)


def cmd_localgroup_members(c):
    level = c.args.level if c.args.level is not None else 2
    c.out.records(c.enum("NetLocalGroupGetMembers", c.server, c.args.group, level),
                  "LOCALGROUP_MEMBERS_INFO", level=level)


def _localgroup_members(c, call):
    sids = [{"sid": m} for m in c.args.members if m[:2].upper() == "S-"]
    names = [{"domainandname": m} for m in c.args.members if m[:2].upper() != "S-"]
    if sids:
        c.call(call, c.server, c.args.group, 0, sids)
    if names:
        c.call(call, c.server, c.args.group, 3, names)


def cmd_localgroup_add(c):
    _localgroup_members(c, "NetLocalGroupAddMembers")
    c.out.message(f"local group {c.args.group}: added {', '.join(c.args.members)}",
                  action="localgroup add", group=c.args.group, members=c.args.members)


def cmd_localgroup_remove(c):
    _localgroup_members(c, "NetLocalGroupDelMembers")
    c.out.message(f"local group {c.args.group}: removed {', '.join(c.args.members)}",
                  action="localgroup remove", group=c.args.group, members=c.args.members)


# ----------------------------------------------------------------- shares --

def _max_uses(text):
    if text is None:
        return None
    if text.lower() in ("unlimited", "-1"):
        return lanman.SHI_USES_UNLIMITED
    try:
        n = int(text)
    except ValueError:
        raise UsageError(f"--max-uses: {text!r} is not a number or 'unlimited'") from None
    if not 0 <= n < MAX:
        raise UsageError(f"--max-uses: {n} is out of range")
    return n


def cmd_shares(c):
    level = c.args.level if c.args.level is not None else 2
    c.out.records(c.enum("NetShareEnum", c.server, level), "SHARE_INFO",
                  level=level)


def cmd_share_add(c):
    a = c.args
    data = {"netname": a.name, "path": a.path, "type": lanman.STYPE_DISKTREE,
            "permissions": 0, "max_uses": _max_uses(a.max_uses) or lanman.SHI_USES_UNLIMITED}
    if a.remark is not None:
        data["remark"] = a.remark
    c.call("NetShareAdd", c.server, 2, data)
    c.out.message(f"share {a.name} added ({a.path})", action="share add", name=a.name)


def cmd_share_delete(c):
    c.call("NetShareDel", c.server, c.args.name)
    c.out.message(f"share {c.args.name} deleted", action="share delete", name=c.args.name)


def cmd_share_set(c):
    a = c.args
    max_uses = _max_uses(a.max_uses)
    changes = {k: v for k, v in (("remark", a.remark), ("max_uses", max_uses),
                                 ("path", a.path)) if v is not None}
    if not changes:
        raise UsageError("share set: nothing to change (see lanman share set --help)")
    if set(changes) == {"remark"}:
        c.call("NetShareSetInfo", c.server, a.name, 1004, changes)
    else:
        record = c.one("NetShareGetInfo", c.server, a.name, 2)
        record.update(changes)
        c.call("NetShareSetInfo", c.server, a.name, 2, record)
    c.out.message(f"share {a.name}: set {', '.join(changes)}", action="share set",
                  name=a.name, changed=list(changes))


def cmd_files(c):
    level = c.args.level if c.args.level is not None else 3
    c.out.records(c.enum("NetFileEnum", c.server, c.args.path, c.args.owner, level),
                  "FILE_INFO", level=level)


# ------------------------------------------------------- server, domain --

def cmd_server_info(c):
    level = c.args.level if c.args.level is not None else 101
    c.out.record(c.one("NetServerGetInfo", c.server, level), "SERVER_INFO")


def cmd_wksta_info(c):
    level = c.args.level if c.args.level is not None else 100
    c.out.record(c.one("NetWkstaGetInfo", c.server, level), "WKSTA_INFO")


def cmd_time(c):
    c.out.record(c.one("NetRemoteTOD", c.server), "TIME_OF_DAY_INFO")


def cmd_dc(c):
    a = c.args
    if a.pdc or not hasattr(lanman, "DsGetDcName"):
        name = c.one("NetGetDCName", c.server, a.domain)
        c.out.record({"dc_name": next(iter(name.values()), None)}, "DC_NAME")
        return
    flags = 0
    for f in a.flag or []:
        key = f.upper() if f.upper().startswith("DS_") else "DS_" + f.upper()
        value = getattr(lanman, key, None)
        if not isinstance(value, int):
            raise UsageError(f"unknown DsGetDcName flag {f!r} (e.g. DS_PDC_REQUIRED)")
        flags |= value
    c.out.record(c.one("DsGetDcName", c.server, a.domain, None, None, flags),
                 "DOMAIN_CONTROLLER_INFO")


def cmd_join_info(c):
    result = c.call("NetGetJoinInformation", c.server)
    if isinstance(result, tuple) and not hasattr(result[0], "records"):
        name, status = result[0], result[1]
    else:
        buf = result[0] if isinstance(result, tuple) else result
        with buf:
            rec = buf.records()[0]
        name = next((v for v in rec.values() if isinstance(v, str)), None)
        status = next((v for v in rec.values() if isinstance(v, int)), 0)
    c.out.record({"name": name, "join_status": status}, None)


def cmd_policy(c):
    levels = [c.args.level] if c.args.level is not None else [0, 1, 2, 3]
    record = {}
    for level in levels:
        record.update(c.one("NetUserModalsGet", c.server, level))
    c.out.record(record, "USER_MODALS_INFO")


# ------------------------------------------------------------------ parser --

COMMANDS = {}


def _example(*lines):
    return "example:\n" + "\n".join("  " + line for line in lines)


def build_parser():
    fmt = argparse.RawDescriptionHelpFormatter
    p = argparse.ArgumentParser(
        prog="lanman", formatter_class=fmt,
        description="The Windows Network Management API (NetApi) from the command "
                    "line: users, groups, shares, sessions of a Windows or Samba server.",
        epilog=_example("LANMAN_PASSWORD=... lanman -S dc1 -U 'CORP\\admin' users",
                        "lanman -S dc1 -U admin -A ~/.lanman-auth --format json groups")
        + "\n\nThe password comes from -A FILE, LANMAN_PASSWORD or a prompt; never "
          "from the command line.\nExit codes: 0 ok, 1 NetApi error, 2 usage error.")
    _common(p, suppress=False)
    p.add_argument("--version", action="version", version=f"lanman {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def leaf(parent, name, func, help, example, **kw):
        sp = parent.add_parser(name, help=help, description=help, epilog=example,
                               formatter_class=fmt, **kw)
        _common(sp, suppress=True)
        sp.set_defaults(func=func)
        return sp

    def group(name, help, example):
        gp = sub.add_parser(name, help=help, description=help, epilog=example,
                            formatter_class=fmt)
        gs = gp.add_subparsers(dest="action", metavar="ACTION")
        gs.required = True
        return gs

    s = leaf(sub, "users", cmd_users, "list user accounts (NetUserEnum)",
             _example("lanman -S dc1 -U admin users",
                      "lanman -S dc1 -U admin users --level 0 --format csv"))
    s.add_argument("--filter", type=_int, default=0,
                   help="FILTER_* account types (default 0: all; 2: normal accounts)")

    u = group("user", "one user account: show, add, delete, set, passwd, groups",
              _example("lanman -S dc1 -U admin user show alice"))
    s = leaf(u, "show", cmd_user_show, "show a user (NetUserGetInfo, level 4)",
             _example("lanman -S dc1 -U admin user show alice",
                      "lanman -S dc1 -U admin user show alice --level 2 --format json"))
    s.add_argument("name")
    s = leaf(u, "add", cmd_user_add,
             "create a user (NetUserAdd); the password comes from --password-stdin, "
             "LANMAN_NEW_PASSWORD or a prompt",
             _example("lanman -S dc1 -U admin user add bob --full-name 'Bob Brown'",
                      "printf '%s\\n' \"$NEWPW\" | lanman -S dc1 -U admin user add bob "
                      "--password-stdin"))
    s.add_argument("name")
    _user_fields(s)
    s.add_argument("--password-stdin", action="store_true",
                   help="read the new user's password from the first line of stdin")
    s = leaf(u, "delete", cmd_user_delete, "delete a user (NetUserDel)",
             _example("lanman -S dc1 -U admin user delete bob"))
    s.add_argument("name")
    s = leaf(u, "set", cmd_user_set, "change a user (NetUserSetInfo)",
             _example("lanman -S dc1 -U admin user set bob --disable",
                      "lanman -S dc1 -U admin user set bob --comment 'on leave' "
                      "--expires 2030-01-31"))
    s.add_argument("name")
    _user_fields(s)
    s.add_argument("--enable", action="store_true", help="clear UF_ACCOUNTDISABLE")
    s.add_argument("--unlock", action="store_true", help="clear UF_LOCKOUT")
    s = leaf(u, "passwd", cmd_user_passwd,
             "set a user's password (NetUserSetInfo 1003), or change it knowing the "
             "old one (--change: NetUserChangePassword)",
             _example("lanman -S dc1 -U admin user passwd bob",
                      "printf '%s\\n' \"$NEWPW\" | lanman -S dc1 -U admin user passwd bob "
                      "--password-stdin"))
    s.add_argument("name")
    s.add_argument("--change", action="store_true",
                   help="NetUserChangePassword: the old password from "
                        "LANMAN_OLD_PASSWORD, a prompt, or stdin's first line "
                        "(with --password-stdin; the new one on the second)")
    s.add_argument("--password-stdin", action="store_true",
                   help="read the new password from stdin's first line")
    s = leaf(u, "groups", cmd_user_groups,
             "the groups a user is in (NetUserGetGroups, NetUserGetLocalGroups)",
             _example("lanman -S dc1 -U admin user groups alice"))
    s.add_argument("name")
    s.add_argument("--global-only", action="store_true", help="global groups only")
    s.add_argument("--local-only", action="store_true", help="local groups only")
    s.add_argument("--direct", action="store_true",
                   help="only local groups the user is a direct member of (without "
                        "LG_INCLUDE_INDIRECT, which is the default)")

    leaf(sub, "groups", cmd_groups, "list global groups (NetGroupEnum, level 2)",
         _example("lanman -S dc1 -U admin groups"))
    g = group("group", "a global group's members: members, add, remove (and create, delete)",
              _example("lanman -S dc1 -U admin group members 'Domain Admins'"))
    s = leaf(g, "members", cmd_group_members, "list a group's members (NetGroupGetUsers)",
             _example("lanman -S dc1 -U admin group members 'Domain Admins'"))
    s.add_argument("group")
    s = leaf(g, "add", cmd_group_add, "add users to a group (NetGroupAddUser)",
             _example("lanman -S dc1 -U admin group add ops alice bob"))
    s.add_argument("group")
    s.add_argument("members", nargs="+", metavar="USER")
    s = leaf(g, "remove", cmd_group_remove, "remove users from a group (NetGroupDelUser)",
             _example("lanman -S dc1 -U admin group remove ops bob"))
    s.add_argument("group")
    s.add_argument("members", nargs="+", metavar="USER")
    s = leaf(g, "create", cmd_group_create, "create a global group (NetGroupAdd)",
             _example("lanman -S dc1 -U admin group create ops --comment Operators"))
    s.add_argument("group")
    s.add_argument("--comment")
    s = leaf(g, "delete", cmd_group_delete, "delete a global group (NetGroupDel)",
             _example("lanman -S dc1 -U admin group delete ops"))
    s.add_argument("group")

    leaf(sub, "localgroups", cmd_localgroups,
         "list local groups (aliases) (NetLocalGroupEnum, level 1)",
         _example("lanman -S dc1 -U admin localgroups"))
    g = group("localgroup", "a local group's members: members, add, remove",
              _example("lanman -S dc1 -U admin localgroup members Administrators"))
    s = leaf(g, "members", cmd_localgroup_members,
             "list a local group's members (NetLocalGroupGetMembers, level 2)",
             _example("lanman -S dc1 -U admin localgroup members Administrators"))
    s.add_argument("group")
    help_members = "members: DOMAIN\\name, name or a SID (S-1-5-...)"
    s = leaf(g, "add", cmd_localgroup_add,
             "add members to a local group (NetLocalGroupAddMembers)",
             _example("lanman -S dc1 -U admin localgroup add 'Remote Desktop Users' "
                      "'CORP\\alice'"))
    s.add_argument("group")
    s.add_argument("members", nargs="+", metavar="MEMBER", help=help_members)
    s = leaf(g, "remove", cmd_localgroup_remove,
             "remove members from a local group (NetLocalGroupDelMembers)",
             _example("lanman -S dc1 -U admin localgroup remove 'Remote Desktop Users' "
                      "'CORP\\alice'"))
    s.add_argument("group")
    s.add_argument("members", nargs="+", metavar="MEMBER", help=help_members)

    leaf(sub, "shares", cmd_shares, "list shares (NetShareEnum, level 2)",
         _example("lanman -S fs1 -U admin shares", "lanman -S fs1 -U admin shares --level 1"))
    g = group("share", "one share: add, delete, set",
              _example("lanman -S fs1 -U admin share add docs /srv/docs --remark Documents"))
    s = leaf(g, "add", cmd_share_add, "share a directory of the server (NetShareAdd, level 2)",
             _example("lanman -S fs1 -U admin share add docs /srv/docs --remark Documents"))
    s.add_argument("name")
    s.add_argument("path", help="the directory, as the server names it")
    s.add_argument("--remark")
    s.add_argument("--max-uses", help="a number or 'unlimited' (default)")
    s = leaf(g, "delete", cmd_share_delete, "stop sharing (NetShareDel)",
             _example("lanman -S fs1 -U admin share delete docs"))
    s.add_argument("name")
    s = leaf(g, "set", cmd_share_set, "change a share (NetShareSetInfo)",
             _example("lanman -S fs1 -U admin share set docs --remark 'All documents'",
                      "lanman -S fs1 -U admin share set docs --max-uses 10"))
    s.add_argument("name")
    s.add_argument("--remark")
    s.add_argument("--max-uses", help="a number or 'unlimited'")
    s.add_argument("--path")

    s = leaf(sub, "files", cmd_files, "list open files (NetFileEnum, level 3)",
             _example("lanman -S fs1 -U admin files", "lanman -S fs1 -U admin files "
                      "--owner alice"))
    s.add_argument("--path", help="only files under this path")
    s.add_argument("--owner", help="only files this user opened")

    leaf(sub, "server-info", cmd_server_info, "the server (NetServerGetInfo, level 101)",
         _example("lanman -S dc1 -U admin server-info --level 102"))
    leaf(sub, "wksta-info", cmd_wksta_info,
         "the server's workstation service (NetWkstaGetInfo, level 100)",
         _example("lanman -S dc1 -U admin wksta-info"))
    leaf(sub, "time", cmd_time, "the server's clock (NetRemoteTOD)",
         _example("lanman -S dc1 -U admin time"))
    s = leaf(sub, "dc", cmd_dc, "find a domain controller (DsGetDcName; --pdc: NetGetDCName)",
             _example("lanman -S dc1 -U admin dc --domain CORP",
                      "lanman -S dc1 -U admin dc --pdc"))
    s.add_argument("--domain", help="the domain (default: the server's own)")
    s.add_argument("--pdc", action="store_true", help="the PDC's name (NetGetDCName)")
    s.add_argument("--flag", action="append", metavar="DS_FLAG",
                   help="a DsGetDcName flag, e.g. DS_PDC_REQUIRED (repeatable)")
    leaf(sub, "join-info", cmd_join_info,
         "the server's domain or workgroup (NetGetJoinInformation)",
         _example("lanman -S member1 -U admin join-info"))
    leaf(sub, "policy", cmd_policy,
         "password and lockout policy (NetUserModalsGet, levels 0-3)",
         _example("lanman -S dc1 -U admin policy", "lanman -S dc1 -U admin policy --level 3"))
    return p


def _int(text):
    try:
        return int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


def _common(p, suppress):
    cli_auth.add_options(p, suppress=suppress)
    d = (lambda v: argparse.SUPPRESS) if suppress else (lambda v: v)
    g = p.add_argument_group("output")
    g.add_argument("--format", choices=("table", "json", "csv"), default=d("table"),
                   help="table (default; for people), json or csv (raw values)")
    g.add_argument("--level", type=_int, default=d(None),
                   help="the NetApi info level to ask for")


def _user_fields(s):
    s.add_argument("--full-name")
    s.add_argument("--comment")
    s.add_argument("--home-dir")
    s.add_argument("--script-path")
    s.add_argument("--expires", metavar="DATE|never",
                   help="account expiry, an ISO date (UTC) or 'never'")
    s.add_argument("--disable", action="store_true", help="set UF_ACCOUNTDISABLE")
    s.add_argument("--password-never-expires", choices=("yes", "no"),
                   type=str.lower, help="set or clear UF_DONT_EXPIRE_PASSWD")
    s.add_argument("--set-flag", action="append", metavar="UF_FLAG",
                   help="set a UF_* flag (repeatable)")
    s.add_argument("--clear-flag", action="append", metavar="UF_FLAG",
                   help="clear a UF_* flag (repeatable)")


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    pne = getattr(args, "password_never_expires", None)
    if isinstance(pne, str):
        args.password_never_expires = pne == "yes"
    args.command_name = args.command + (f" {args.action}" if getattr(args, "action", None)
                                        else "")
    out = Output(args.format)
    try:
        server = cli_auth.server_from(args)
        login = cli_auth.login_from(args)
        creds = login.credentials()
        login.forget()
        ctx = Context(args, server, creds, out)
        args.func(ctx)
    except (cli_auth.CredentialError, UsageError) as e:
        print(f"lanman: {e}", file=sys.stderr)
        return 2
    except lanman.NetApiError as e:
        print(f"lanman: {args.command_name}: {e}", file=sys.stderr)
        return 1
    except Missing as e:
        print(f"lanman: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("lanman: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
