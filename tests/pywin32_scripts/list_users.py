"""List every user account of a server, the classic pywin32 way.

Usage: list_users.py [SERVER]      (no SERVER: the local machine)
Written for pywin32 on Windows; runs unchanged with python -m lanman.pywin32.
"""
import sys

import win32net
import win32netcon

server = sys.argv[1] if len(sys.argv) > 1 else None

users = []
resume = 0
pages = 0
while True:
    data, total, resume = win32net.NetUserEnum(server, 1, win32netcon.FILTER_NORMAL_ACCOUNT,
                                               resume, 512)
    pages += 1
    for user in data:
        users.append(user)
    if not resume:
        break

for user in users:
    state = []
    if user["flags"] & win32netcon.UF_ACCOUNTDISABLE:
        state.append("disabled")
    if user["flags"] & win32netcon.UF_DONT_EXPIRE_PASSWD:
        state.append("password never expires")
    print("%-20s %-8s %s" % (user["name"],
                            {win32netcon.USER_PRIV_ADMIN: "admin",
                             win32netcon.USER_PRIV_USER: "user",
                             win32netcon.USER_PRIV_GUEST: "guest"}[user["priv"]],
                            ", ".join(state)))
print("%d users in %d pages" % (len(users), pages))
