#!/usr/bin/env python3
"""Bulk provisioning from CSV: create or update users and their global
groups, idempotently -- a second run changes nothing.

CSV columns (a header line first): name (required), full_name, comment,
disabled (yes/no), groups (global groups, separated by ";"), password
(optional; a file with passwords must be mode 0600).  An empty or missing
column leaves that field alone.  New users without a password column get
the one from --password-stdin, LANMAN_NEW_PASSWORD or a prompt.  Groups
listed are joined; with --prune-groups, groups not listed are left (except
the primary group).  --dry-run reports what would change and changes
nothing.  Passwords are never printed.
"""
import csv
import json
import sys

import lanman
from lanman import cli_auth

import examplelib as ex

TRUE = {"yes", "y", "true", "1"}
FALSE = {"no", "n", "false", "0"}


def q(text):
    """A value in a change's description: JSON-quoted."""
    return json.dumps(text, ensure_ascii=False)


def read_rows(path):
    try:
        f = open(path, newline="", encoding="utf-8")
    except OSError as e:
        raise ex.Usage(f"{path}: {e.strerror}") from None
    with f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise ex.Usage(f"{path}: the first line must name the columns, one of "
                           f"them 'name'")
        if "password" in reader.fieldnames:
            cli_auth.check_private(path)
        rows = []
        for number, row in enumerate(reader, 2):
            row = {k: (v or "").strip() for k, v in row.items() if k}
            if not row.get("name"):
                raise ex.Usage(f"{path}, line {number}: no name")
            d = row.get("disabled", "").lower()
            if d and d not in TRUE | FALSE:
                raise ex.Usage(f"{path}, line {number}: disabled must be yes or no")
            row["line"] = number
            rows.append(row)
    return rows


class Provisioner:
    def __init__(self, s, dry_run, prune, password_source):
        self.s = s
        self.dry_run = dry_run
        self.prune = prune
        self.password_source = password_source
        self._password = None
        self.changes = []
        self.summary = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0}

    def change(self, user, action, detail):
        self.changes.append({"user": user, "action": action, "detail": detail})

    def password(self, row):
        if row.get("password"):
            return row["password"]
        if self._password is None:
            self._password = self.password_source()
        return self._password

    def apply(self, row):
        name = row["name"]
        try:
            existing = self.s.user(name, level=2)
        except lanman.NetApiError as e:
            if e.code != 2221:
                raise
            existing = None
        changed = self.create(row) if existing is None else self.update(row, existing)
        changed = self.groups(row, existing is None) or changed
        if existing is None:
            self.summary["created"] += 1
        elif changed:
            self.summary["updated"] += 1
        else:
            self.summary["unchanged"] += 1

    def create(self, row):
        name = row["name"]
        flags = lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT
        if row.get("disabled", "").lower() in TRUE:
            flags |= lanman.UF_ACCOUNTDISABLE
        fields = {k: row[k] for k in ("full_name", "comment") if row.get(k)}
        self.change(name, "create", ", ".join(f"{k}={q(v)}" for k, v in fields.items())
                    + (", disabled" if flags & lanman.UF_ACCOUNTDISABLE else ""))
        if not self.dry_run:
            self.s.add_user(name, self.password(row), flags=flags, **fields)
        return True

    def update(self, row, u):
        name, changed = row["name"], False
        for key, level in (("full_name", 1011), ("comment", 1007)):
            if key in row and row[key] != "" and row[key] != u[key]:
                self.change(name, "set", f"{key}: {q(u[key])} -> {q(row[key])}")
                if not self.dry_run:
                    self.s.set_user(name, level, {key: row[key]})
                changed = True
        d = row.get("disabled", "").lower()
        if d:
            want = d in TRUE
            have = bool(u["flags"] & lanman.UF_ACCOUNTDISABLE)
            if want != have:
                flags = u["flags"] ^ lanman.UF_ACCOUNTDISABLE
                self.change(name, "disable" if want else "enable", "")
                if not self.dry_run:
                    self.s.set_user(name, 1008, {"flags": flags})
                changed = True
        return changed

    def groups(self, row, new):
        if not row.get("groups") and not (self.prune and "groups" in row):
            return False
        name = row["name"]
        want = {g.strip() for g in row.get("groups", "").split(";") if g.strip()}
        have = set() if new and self.dry_run else \
            {g["name"] for g in self.s.user_groups(name)}
        primary = {"Domain Users"}
        changed = False
        for g in sorted(want - have, key=str.lower):
            self.change(name, "join", g)
            if not self.dry_run:
                self.s.add_group_member(g, name)
            changed = True
        if self.prune:
            for g in sorted(have - want - primary, key=str.lower):
                self.change(name, "leave", g)
                if not self.dry_run:
                    self.s.remove_group_member(g, name)
                changed = True
        return changed


def main():
    p = ex.parser(__doc__, "provision.py -S dc1 -U 'CORP\\admin' users.csv --dry-run")
    p.add_argument("csv", help="the CSV file")
    p.add_argument("--dry-run", action="store_true", help="change nothing, say what "
                   "would change")
    p.add_argument("--prune-groups", action="store_true",
                   help="leave global groups the CSV does not list (not the primary group)")
    p.add_argument("--password-stdin", action="store_true",
                   help="the new users' password from the first line of stdin")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args()
    rows = read_rows(args.csv)
    with ex.session(args) as s:
        prov = Provisioner(s, args.dry_run, args.prune_groups,
                           lambda: cli_auth.read_new_password("the new users",
                                                              stdin=args.password_stdin))
        for row in rows:
            try:
                prov.apply(row)
            except lanman.NetApiError as e:
                prov.summary["failed"] += 1
                prov.change(row["name"], "error", str(e))
                print(f"provision.py: line {row['line']} ({row['name']}): {e}",
                      file=sys.stderr)
    result = {"dry_run": args.dry_run, "changes": prov.changes, "summary": prov.summary}
    if args.format == "json":
        ex.dump_json(result)
    else:
        prefix = "would " if args.dry_run else ""
        for c in prov.changes:
            detail = f" {c['detail']}" if c["detail"] else ""
            print(f"{prefix}{c['action']} {c['user']}:{detail}" if c["action"] != "error"
                  else f"error {c['user']}:{detail}")
        sm = prov.summary
        print(f"summary: {sm['created']} created, {sm['updated']} updated, "
              f"{sm['unchanged']} unchanged, {sm['failed']} failed"
              + (" (dry run: nothing changed)" if args.dry_run else ""))
    return 1 if prov.summary["failed"] else 0


if __name__ == "__main__":
    ex.run(main)
