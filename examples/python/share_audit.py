#!/usr/bin/env python3
"""Share audit: every share with its path, remark, maximum and current
uses, and its security descriptor as readable access control entries.

Shares and descriptors come from NetShareEnum level 502.  Where the server
or the platform cannot give level 502 (Samba's libnetapi: ERROR_NOT_SUPPORTED),
the shares come from level 2 and each one says why its descriptor is
missing.  A share with no descriptor at all grants everyone full access.
"""
import lanman

import examplelib as ex


def audit(s):
    domain = s.user_modals(2)
    domain_sid, domain_name = domain["domain_id"], domain["domain_name"]
    sd_error = None
    try:
        shares = list(s.shares(level=502))
    except lanman.NetApiError as e:
        if e.code not in (50, 124, 5):   # not supported, invalid level, denied
            raise
        sd_error = f"NetShareEnum level 502: {e.code} {e.name}"
        shares = list(s.shares(level=2))
    out = []
    for sh in sorted(shares, key=lambda x: x["netname"].lower()):
        entry = {k: sh[k] for k in ("netname", "type", "path", "remark", "max_uses",
                                    "current_uses")}
        entry["type_name"] = _share_type(sh["type"])
        blob = sh.get("security_descriptor")
        if sd_error is not None:
            entry["security"] = None
            entry["security_error"] = sd_error
        elif blob:
            entry["security"] = ex.decode_sd(blob, domain_sid, domain_name)
            entry["security_error"] = None
        else:
            entry["security"] = None
            entry["security_error"] = "no security descriptor: everyone has full access"
        out.append(entry)
    return {"shares": out}


def _share_type(t):
    base = {0: "disk", 1: "printer", 2: "device", 3: "ipc"}.get(t & 0xFF, "other")
    return base + (" special" if t & 0x80000000 else "") + \
        (" temporary" if t & 0x40000000 else "")


def main():
    p = ex.parser(__doc__, "share_audit.py -S fs1 -U 'CORP\\admin' --format json")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args()
    with ex.session(args) as s:
        r = audit(s)
    if args.format == "json":
        ex.dump_json(r)
        return 0
    for sh in r["shares"]:
        uses = "unlimited" if sh["max_uses"] == 0xFFFFFFFF else str(sh["max_uses"])
        print(f"{sh['netname']} ({sh['type_name']})")
        print(f"  path:    {sh['path']}")
        print(f"  remark:  {sh['remark']}")
        print(f"  uses:    {sh['current_uses']} of {uses}")
        sec = sh["security"]
        if sec is None:
            print(f"  security: unknown ({sh['security_error']})")
            continue
        owner = sec["owner"]
        print(f"  owner:   {owner['name'] or owner['sid'] if owner else '-'}")
        if sec["dacl"] is None:
            print("  dacl:    none (everyone has full access)")
        for ace in sec["dacl"] or []:
            print(f"  ace:     {ex.ace_text(ace)}")
    return 0


if __name__ == "__main__":
    ex.run(main)
