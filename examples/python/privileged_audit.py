#!/usr/bin/env python3
"""Privileged membership audit: who is in Domain Admins, Administrators and
the other privileged groups, with nested membership resolved (a group in a
group in a group ...), and whether each account is disabled.

Local groups (aliases) are read with NetLocalGroupGetMembers (members of
any kind, by SID usage), global groups with NetGroupGetUsers; a member that
is itself a group is expanded, and "via" shows the chain.  Groups that do
not exist on the server are skipped.
"""
import lanman

import examplelib as ex

LOCAL = ["Administrators", "Account Operators", "Server Operators", "Backup Operators",
         "Print Operators"]
GLOBAL = ["Domain Admins", "Enterprise Admins", "Schema Admins",
          "Group Policy Creator Owners"]
SID_TYPES = {1: "user", 2: "group", 4: "alias", 5: "wellknown", 9: "computer"}


class Auditor:
    def __init__(self, s):
        self.s = s
        self.domain = s.wksta_info(100)["langroup"]
        self.global_groups = {g["name"].lower() for g in s.groups(level=0)}
        self.local_groups = {g["name"].lower() for g in s.localgroups(level=0)}
        self._disabled = {}

    def qualified(self, name):
        return name if "\\" in name else f"{self.domain}\\{name}"

    def short(self, name):
        dom, _, n = name.rpartition("\\")
        return n if dom.lower() == self.domain.lower() else None

    def disabled(self, name):
        short = self.short(name)
        if short is None:
            return None
        if short not in self._disabled:
            try:
                flags = self.s.user(short, level=20)["flags"]
                self._disabled[short] = bool(flags & lanman.UF_ACCOUNTDISABLE)
            except lanman.NetApiError:
                self._disabled[short] = None
        return self._disabled[short]

    def expand_global(self, group, via, seen, out):
        for m in self.s.group_members(group, level=0):
            name = self.qualified(m["name"])
            if m["name"].lower() in self.global_groups:
                if name.lower() not in seen:
                    seen.add(name.lower())
                    self.expand_global(m["name"], via + [name], seen, out)
            else:
                kind = "computer" if m["name"].endswith("$") else "user"
                out.append(self.member(name, kind, via))

    def expand_local(self, group, via, seen, out):
        for m in self.s.localgroup_members(group, level=2):
            name, kind = m["domainandname"], SID_TYPES.get(m["sidusage"], "other")
            short = self.short(name)
            if kind == "group" and short is not None and short.lower() in self.global_groups:
                if name.lower() not in seen:
                    seen.add(name.lower())
                    self.expand_global(short, via + [name], seen, out)
            elif kind == "alias" and name.rpartition("\\")[2].lower() in self.local_groups:
                alias = name.rpartition("\\")[2]
                if name.lower() not in seen:
                    seen.add(name.lower())
                    self.expand_local(alias, via + [name], seen, out)
            else:
                out.append(self.member(name, kind, via))

    def member(self, name, kind, via):
        return {"name": name, "type": kind, "via": via,
                "disabled": self.disabled(name) if kind == "user" else None}

    def audit(self, name, kind):
        out = []
        if kind == "local":
            self.expand_local(name, [], {name.lower()}, out)
        else:
            self.expand_global(name, [], {self.qualified(name).lower()}, out)
        out.sort(key=lambda m: (m["name"].lower(), len(m["via"]), m["via"]))
        return {"name": name, "kind": kind, "members": out}


def main():
    p = ex.parser(__doc__, "privileged_audit.py -S dc1 -U 'CORP\\admin' --group 'DNS Admins'")
    p.add_argument("--group", action="append", default=[], metavar="NAME",
                   help="another group to audit (local or global; repeatable)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args()
    with ex.session(args) as s:
        a = Auditor(s)
        wanted = [(g, "local") for g in LOCAL] + [(g, "global") for g in GLOBAL]
        for g in args.group:
            kind = "local" if g.lower() in a.local_groups else "global"
            if g.lower() not in a.local_groups | a.global_groups:
                raise ex.Usage(f"--group {g}: no such local or global group")
            wanted.append((g, kind))
        groups = []
        for name, kind in wanted:
            if name.lower() not in (a.local_groups if kind == "local" else a.global_groups):
                continue
            groups.append(a.audit(name, kind))
    result = {"domain": a.domain, "groups": groups}
    if args.format == "json":
        ex.dump_json(result)
        return 0
    for g in groups:
        print(f"{g['name']} ({g['kind']} group): {len(g['members'])} members")
        for m in g["members"]:
            via = f"  via {' > '.join(m['via'])}" if m["via"] else ""
            state = "  DISABLED" if m["disabled"] else ""
            print(f"  {m['name']}  [{m['type']}]{state}{via}")
    return 0


if __name__ == "__main__":
    ex.run(main)
