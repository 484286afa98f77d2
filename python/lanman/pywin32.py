"""Runs a pywin32 win32net script unchanged, on lanman.

    python -m lanman.pywin32 [-S HOST] [-U [DOMAIN\\]USER] [-A FILE] [-k]
                             script.py [script arguments...]

Registers lanman's ``win32net``, ``win32netcon`` and ``pywintypes`` (see
:func:`lanman.win32net.install`), sets the credentials every call uses
(as Windows uses the logged-on user's), then runs the script as
``__main__`` with ``sys.argv`` = [script.py, script arguments...].

Credentials are read as by the ``lanman`` command line: -U, -W, -A, -k,
LANMAN_USER, LANMAN_PASSWORD, LANMAN_AUTHFILE, else a prompt; never a
password on the command line.  -S HOST (or LANMAN_SERVER) makes a server
name of None or "" mean HOST: pywin32 scripts that call with None (the
local machine on Windows) then talk to HOST.
"""
import argparse
import os
import runpy
import sys

from . import cli_auth

EPILOG = r"""example:
  LANMAN_PASSWORD=... python -m lanman.pywin32 -U 'CORP\admin' -S dc1 list_users.py
"""


def parser():
    p = argparse.ArgumentParser(
        prog="python -m lanman.pywin32",
        description="Run a pywin32 (win32net) script unchanged on lanman.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    cli_auth.add_options(p)
    p.add_argument("script", help="the pywin32 script to run")
    p.add_argument("args", nargs=argparse.REMAINDER, help="the script's arguments")
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        login = cli_auth.login_from(args)
    except cli_auth.CredentialError as e:
        print(f"lanman.pywin32: {e}", file=sys.stderr)
        return 2
    if not os.path.exists(args.script):
        print(f"lanman.pywin32: {args.script}: no such file", file=sys.stderr)
        return 2
    from . import win32net
    server = getattr(args, "server", None) or os.environ.get("LANMAN_SERVER")
    if server:
        win32net.default_server = server[2:] if server.startswith("\\\\") else server
    win32net.install(login.user, login.password, login.domain, login.kerberos)
    login.forget()
    sys.argv = [args.script] + list(args.args)
    script_dir = os.path.dirname(os.path.abspath(args.script))
    sys.path.insert(0, script_dir)
    runpy.run_path(args.script, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
