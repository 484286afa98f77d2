"""Print the members of a global group and of a local group.

Usage: group_members.py SERVER GROUP LOCALGROUP
Written for pywin32 on Windows; runs unchanged with python -m lanman.pywin32.
"""
import sys

import win32net

server, group, localgroup = sys.argv[1], sys.argv[2], sys.argv[3]

print("global group %s:" % group)
resume = 0
while True:
    members, total, resume = win32net.NetGroupGetUsers(server, group, 1, resume)
    for m in members:
        print("  %s (attributes %d)" % (m["name"], m["attributes"]))
    if resume == 0:
        break

print("local group %s:" % localgroup)
resume = 0
while True:
    members, total, resume = win32net.NetLocalGroupGetMembers(server, localgroup, 2, resume)
    for m in members:
        print("  %s" % m["domainandname"])
    if not resume:
        break

info = win32net.NetGroupGetInfo(server, group, 1)
print("comment: %s" % info["comment"])
