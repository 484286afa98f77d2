#!/usr/bin/env python3
"""Stale and risky user accounts: not logged on for N days (or never),
password never expires, password not required, disabled, locked out,
expired.

"Now" is the server's clock (NetRemoteTOD).  Accounts come from
NetUserEnum level 3 (last_logon, flags, acct_expires).  Only accounts with
at least one finding are listed.  Note that a domain controller updates
last_logon on the logons it handles itself (Kerberos, interactive); a Samba
DC does not for NTLM network logons.
"""
import lanman

import examplelib as ex

FINDINGS = ["inactive", "never_logged_on", "password_never_expires",
            "password_not_required", "disabled", "locked_out", "expired"]


def findings(u, now, days):
    out = []
    if u["last_logon"] == 0:
        out.append("never_logged_on")
    elif now - u["last_logon"] > days * 86400:
        out.append("inactive")
    flags = u["flags"]
    if flags & lanman.UF_DONT_EXPIRE_PASSWD:
        out.append("password_never_expires")
    if flags & lanman.UF_PASSWD_NOTREQD:
        out.append("password_not_required")
    if flags & lanman.UF_ACCOUNTDISABLE:
        out.append("disabled")
    if flags & lanman.UF_LOCKOUT:
        out.append("locked_out")
    if u["acct_expires"] not in (0, 0xFFFFFFFF) and u["acct_expires"] <= now:
        out.append("expired")
    return sorted(out, key=FINDINGS.index)


def report(s, days):
    now = ex.server_now(s)
    accounts = []
    for u in sorted(s.users(level=3), key=lambda u: u["name"].lower()):
        f = findings(u, now, days)
        if f:
            accounts.append({"name": u["name"], "full_name": u["full_name"],
                             "last_logon": ex.iso_or_none(u["last_logon"]),
                             "password_age_days": u["password_age"] // 86400,
                             "findings": f})
    summary = {k: sum(k in a["findings"] for a in accounts) for k in FINDINGS}
    return {"server_time": ex.iso_time(now), "days": days, "accounts": accounts,
            "summary": summary}


def main():
    p = ex.parser(__doc__, "stale_accounts.py -S dc1 -U 'CORP\\admin' --days 60")
    p.add_argument("--days", type=int, default=90,
                   help="an account not logged on for more than DAYS days is "
                        "inactive (default 90)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args()
    if args.days < 0:
        raise ex.Usage("--days must be 0 or more")
    with ex.session(args) as s:
        r = report(s, args.days)
    if args.format == "json":
        ex.dump_json(r)
        return 0
    print(f"server time {r['server_time']}; inactive means no logon for more than "
          f"{args.days} days")
    ex.print_table([[a["name"], a["last_logon"] or "never", ", ".join(a["findings"])]
                    for a in r["accounts"]], ["name", "last_logon", "findings"])
    print()
    for k in FINDINGS:
        print(f"{k}: {r['summary'][k]}")
    return 0


if __name__ == "__main__":
    ex.run(main)
