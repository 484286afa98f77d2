"""Create a user, change it, show it, delete it: pywin32's win32net calls.

Usage: user_lifecycle.py SERVER USERNAME
The new user's password comes from the environment (NEW_USER_PASSWORD).
Written for pywin32 on Windows; runs unchanged with python -m lanman.pywin32.
"""
import os
import sys

import pywintypes
import win32net
import win32netcon

server, name = sys.argv[1], sys.argv[2]
password = os.environ["NEW_USER_PASSWORD"]

try:
    win32net.NetUserGetInfo(server, name, 0)
    print("%s already exists" % name)
    sys.exit(1)
except pywintypes.error as e:
    if e.winerror != 2221:      # NERR_UserNotFound
        raise
    print("%s does not exist yet (%s: %s)" % (name, e.funcname, e.strerror))

info = {
    "name": name,
    "password": password,
    "priv": win32netcon.USER_PRIV_USER,
    "home_dir": None,
    "comment": "created by user_lifecycle.py",
    "flags": win32netcon.UF_SCRIPT | win32netcon.UF_NORMAL_ACCOUNT,
    "script_path": None,
}
win32net.NetUserAdd(server, 1, info)
print("added %s" % name)

# read-modify-write at level 2, the usual pywin32 idiom
info = win32net.NetUserGetInfo(server, name, 2)
info["full_name"] = "Lifecycle Test"
info["comment"] = "changed by user_lifecycle.py"
info["flags"] = info["flags"] | win32netcon.UF_DONT_EXPIRE_PASSWD
win32net.NetUserSetInfo(server, name, 2, info)
win32net.NetUserSetInfo(server, name, 1007, {"comment": "comment set at level 1007"})

info = win32net.NetUserGetInfo(server, name, 20)
print("name=%s full_name=%s comment=%s" % (info["name"], info["full_name"], info["comment"]))
print("password never expires: %s"
      % bool(info["flags"] & win32netcon.UF_DONT_EXPIRE_PASSWD))
print("groups: %s" % sorted(g for g, attrs in win32net.NetUserGetGroups(server, name)))

win32net.NetUserDel(server, name)
try:
    win32net.NetUserDel(server, name)
except pywintypes.error as e:
    print("second delete: %d %s" % (e.args[0], e.args[1]))
print("deleted %s" % name)
