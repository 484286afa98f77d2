#!/usr/bin/env python3
"""Print a server's identity, its users and its shares.

    users_and_shares.py -S SERVER -U [DOMAIN\\]USER      (password from
    LANMAN_PASSWORD, else prompted; never on the command line)
"""
import argparse
import getpass
import os
import sys

import lanman


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-S", "--server", required=True, help="server name or address")
    ap.add_argument("-U", "--user", required=True, help=r"user, DOMAIN\user or user@realm")
    ap.add_argument("--level", type=int, default=20, help="USER_INFO level (default 20)")
    args = ap.parse_args()

    domain, _, user = args.user.rpartition("\\")
    password = os.environ.get("LANMAN_PASSWORD") or getpass.getpass(f"Password for {args.user}: ")

    try:
        with lanman.Session(args.server, user=user, password=password,
                            domain=domain or None) as s:
            info = s.server_info(101)
            print(f"Server {info['name']}: {info['comment'] or ''} "
                  f"(version {info['version_major']}.{info['version_minor']})")
            print("\nUsers:")
            for u in s.users(level=args.level, filter=lanman.FILTER_NORMAL_ACCOUNT):
                state = "disabled" if u.get("flags", 0) & lanman.UF_ACCOUNTDISABLE else ""
                print(f"  {u['name']:<20} {u.get('full_name') or '':<24} {state}")
            print("\nShares:")
            for sh in s.shares(level=1):
                print(f"  {sh['netname']:<20} {sh['remark'] or ''}")
    except lanman.NetApiError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
