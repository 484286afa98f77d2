#!/usr/bin/env python3
"""Password policy report: NetUserModalsGet levels 0-3 (password length,
ages, history, forced logoff, the server's role, the domain and its SID,
account lockout), with durations for people and the weak spots found.

Findings: a minimum length below --min-length (default 8), passwords that
never expire, a history shorter than 5, no minimum age (history can be
cycled), no account lockout.
"""
import examplelib as ex

FOREVER = 0xFFFFFFFF
ROLES = {0: "standalone", 1: "member", 2: "backup", 3: "primary"}
DURATIONS = ("max_passwd_age", "min_passwd_age", "force_logoff", "lockout_duration",
             "lockout_observation_window")


def policy(s):
    p = {}
    for level in (0, 1, 2, 3):
        p.update(s.user_modals(level))
    return p


def findings(p, min_length):
    out = []
    if p["min_passwd_len"] < min_length:
        out.append(f"minimum password length {p['min_passwd_len']} is below {min_length}")
    if p["max_passwd_age"] == FOREVER:
        out.append("passwords never expire (max_passwd_age)")
    if p["password_hist_len"] < 5:
        out.append(f"password history keeps only {p['password_hist_len']} passwords")
    if p["min_passwd_age"] == 0:
        out.append("no minimum password age: the history can be cycled at once")
    if p["lockout_threshold"] == 0:
        out.append("no account lockout (lockout_threshold 0)")
    return out


def main():
    p = ex.parser(__doc__, "password_policy.py -S dc1 -U 'CORP\\admin' --format json")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--min-length", type=int, default=8,
                   help="the shortest acceptable minimum length (default 8)")
    args = p.parse_args()
    with ex.session(args) as s:
        pol = policy(s)
    result = dict(pol, role_name=ROLES.get(pol["role"], str(pol["role"])),
                  findings=findings(pol, args.min_length))
    if args.format == "json":
        ex.dump_json(result)
        return 0
    rows = []
    for key, value in pol.items():
        if key in DURATIONS:
            value = ex.duration(value)
        elif key == "role":
            value = f"{result['role_name']} ({value})"
        rows.append([key, str(value)])
    ex.print_table(rows, ["setting", "value"])
    print()
    print("findings:" if result["findings"] else "findings: none")
    for f in result["findings"]:
        print(f"  - {f}")
    return 0


if __name__ == "__main__":
    ex.run(main)
