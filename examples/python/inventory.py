#!/usr/bin/env python3
"""Inventory of a server as one JSON report: server and workstation info,
users, global groups with their members, local groups with their members,
shares.

Lists are sorted by name, so two reports of the same server compare line by
line.  Shares are read at level 2 (path, uses); an account that may not see
paths gets level 1.
"""
import sys

import lanman

import examplelib as ex


def collect(s):
    report = {
        "server": s.server_info(101),
        "workstation": s.wksta_info(100),
        "users": sorted(s.users(level=20), key=lambda u: u["name"].lower()),
        "groups": [],
        "local_groups": [],
        "shares": [],
    }
    for g in sorted(s.groups(level=2), key=lambda g: g["name"].lower()):
        g["members"] = sorted(m["name"] for m in s.group_members(g["name"], level=0))
        report["groups"].append(g)
    for g in sorted(s.localgroups(level=1), key=lambda g: g["name"].lower()):
        g["members"] = sorted(m["domainandname"] for m in s.localgroup_members(g["name"], 2))
        report["local_groups"].append(g)
    try:
        shares = list(s.shares(level=2))
    except lanman.NetApiError as e:
        if e.code != 5:                     # ERROR_ACCESS_DENIED: no paths for us
            raise
        shares = list(s.shares(level=1))
    report["shares"] = sorted(shares, key=lambda sh: sh["netname"].lower())
    return report


def main():
    p = ex.parser(__doc__, "inventory.py -S dc1 -U 'CORP\\admin' -o dc1.json")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report here "
                   "(default: stdout)")
    args = p.parse_args()
    with ex.session(args) as s:
        report = collect(s)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            ex.dump_json(report, f)
        print(f"{args.output}: {len(report['users'])} users, {len(report['groups'])} "
              f"groups, {len(report['local_groups'])} local groups, "
              f"{len(report['shares'])} shares", file=sys.stderr)
    else:
        ex.dump_json(report)
    return 0


if __name__ == "__main__":
    ex.run(main)
