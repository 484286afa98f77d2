"""List a server's shares, with both of pywin32's NetShareEnum forms.

Usage: list_shares.py SERVER
Written for pywin32 on Windows; runs unchanged with python -m lanman.pywin32.
"""
import sys

import win32net
import win32netcon

server = sys.argv[1]

# the old form: a list of (netname, type, remark)
for netname, stype, remark in win32net.NetShareEnum(server):
    print("%-12s %s" % (netname, remark))

# the paged form: level 2 dicts
resume = 0
while True:
    shares, total, resume = win32net.NetShareEnum(server, 2, resume,
                                                  win32netcon.MAX_PREFERRED_LENGTH)
    for s in shares:
        kind = "disk" if s["type"] & 0xFF == win32netcon.STYPE_DISKTREE else "other"
        special = " special" if s["type"] & win32netcon.STYPE_SPECIAL else ""
        print("%-12s %-5s%s max_uses=%d path=%s" % (s["netname"], kind, special,
                                                   s["max_uses"], s["path"]))
    if not resume:
        break

info = win32net.NetServerGetInfo(server, 101)
print("server %s, platform %d, version %d.%d" % (info["name"], info["platform_id"],
                                                info["version_major"], info["version_minor"]))
