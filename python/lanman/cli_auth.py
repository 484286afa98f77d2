"""Credentials for lanman's command line, its pywin32 runner and the example
scripts, read the way Samba's tools read them -- except that a password is
never taken from the command line.

Options (add them with :func:`add_options`):

  -S/--server HOST            the server (or LANMAN_SERVER)
  -U/--user [DOMAIN\\]USER     also USER@REALM (or LANMAN_USER)
  -W/--workgroup DOMAIN       the user's domain, when -U does not name it
  -A/--authentication-file F  Samba's authfile format: ``username = ...``,
                              ``password = ...``, ``domain = ...`` lines; the
                              file must not be accessible by group or others
  -k/--kerberos               use the Kerberos credential cache (no password)

The password comes from, in this order: the authentication file,
LANMAN_PASSWORD, a prompt on the terminal.  ``-U user%password`` is
refused: a password on the command line is visible to every user of the
machine (ps, /proc/PID/cmdline).
"""
import getpass
import os
import stat
import sys


class CredentialError(Exception):
    """Bad or missing credentials options: a usage error (exit code 2)."""


def add_options(parser, server_required=False, suppress=False):
    """Adds -S, -U, -W, -A, -k to an argparse parser.  With ``suppress``,
    unset options leave no attribute (for subcommand parsers that must not
    override values given before the subcommand)."""
    import argparse
    d = (lambda v: argparse.SUPPRESS) if suppress else (lambda v: v)
    g = parser.add_argument_group("connection and credentials")
    g.add_argument("-S", "--server", metavar="HOST", default=d(None),
                   help="server name or address, HOST or \\\\HOST "
                        "(default: $LANMAN_SERVER)")
    g.add_argument("-U", "--user", metavar="[DOMAIN\\]USER", default=d(None),
                   help="user to log on as: USER, DOMAIN\\USER or USER@REALM "
                        "(default: $LANMAN_USER; never USER%%PASSWORD)")
    g.add_argument("-W", "--workgroup", metavar="DOMAIN", default=d(None),
                   help="the user's domain, when --user does not name one")
    g.add_argument("-A", "--authentication-file", metavar="FILE", default=d(None),
                   dest="authentication_file",
                   help="Samba authentication file (username = / password = / "
                        "domain = lines), mode 0600 or stricter")
    g.add_argument("-k", "--kerberos", action="store_true", default=d(False),
                   help="authenticate with Kerberos (the credential cache, "
                        "$KRB5CCNAME); no password is asked")
    return g


def split_user(text):
    """"DOMAIN\\user" -> ("user", "DOMAIN"); "user@realm" -> ("user",
    "realm"); "user" -> ("user", None)."""
    if "%" in text:
        raise CredentialError(
            "a password on the command line (USER%PASSWORD) is refused: anyone "
            "on this machine can read a command line; use LANMAN_PASSWORD, "
            "-A FILE or the prompt")
    if "\\" in text:
        domain, _, user = text.partition("\\")
        return user, domain or None
    if "@" in text:
        user, _, realm = text.rpartition("@")
        return user, realm or None
    return text, None


def check_private(path):
    """Refuses a credentials file that group or others may access (as ssh
    refuses a private key file that is too open)."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise CredentialError(f"cannot read the authentication file {path}: "
                              f"{e.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise CredentialError(f"the authentication file {path} is not a regular file")
    mode = stat.S_IMODE(st.st_mode)
    if mode & 0o077:
        raise CredentialError(
            f"permissions {mode:04o} for the authentication file {path} are too "
            f"open: it is accessible by group or others, so its password is not "
            f"private; it is ignored. Run: chmod 600 {path}")


def read_authfile(path):
    """{"username", "password", "domain"} from a Samba authentication file."""
    check_private(path)
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise CredentialError(f"cannot read the authentication file {path}: "
                              f"{e.strerror}") from None
    except UnicodeDecodeError:
        raise CredentialError(f"the authentication file {path} is not UTF-8") from None
    for number, line in enumerate(lines, 1):
        s = line.strip()
        if not s or s.startswith("#") or s.startswith(";"):
            continue
        key, eq, value = s.partition("=")
        key = key.strip().lower()
        if not eq or key not in ("username", "password", "domain", "workgroup"):
            # the line may hold a password: never quote it
            raise CredentialError(f"{path}, line {number}: expected 'username = ...', "
                                  f"'password = ...' or 'domain = ...'")
        out["domain" if key == "workgroup" else key] = value.strip()
    if "username" in out and "%" in out["username"]:
        user, _, password = out["username"].partition("%")
        out["username"] = user
        out.setdefault("password", password)
    return out


class Login:
    """Who to log on as: user, domain, kerberos, and where the password
    comes from (never kept here longer than needed)."""

    def __init__(self, user=None, domain=None, kerberos=False, password=None,
                 source=None):
        self.user = user
        self.domain = domain
        self.kerberos = kerberos
        self.password = password
        self.source = source

    @property
    def who(self):
        return f"{self.domain}\\{self.user}" if self.domain else (self.user or "")

    def credentials(self):
        """A lanman.Credentials (the password is copied into the C core)."""
        import lanman
        return lanman.Credentials(self.user, self.password, self.domain, self.kerberos)

    def session(self, server):
        import lanman
        return lanman.Session(server, user=self.user, password=self.password,
                              domain=self.domain, kerberos=self.kerberos)

    def forget(self):
        self.password = None


def login_from(args, environ=None, prompt=True):
    """A :class:`Login` from parsed options (see add_options) and the
    environment; asks for the password on the terminal when nothing else
    gives one.  Raises CredentialError."""
    env = os.environ if environ is None else environ
    user_opt = getattr(args, "user", None) or env.get("LANMAN_USER") or None
    domain = getattr(args, "workgroup", None)
    kerberos = bool(getattr(args, "kerberos", False))
    authfile = getattr(args, "authentication_file", None) or env.get("LANMAN_AUTHFILE")
    user = None
    password = None
    source = None
    if authfile:
        data = read_authfile(authfile)
        if data.get("username"):
            user, dom = split_user_file(data["username"])
            domain = domain or dom
        domain = domain or data.get("domain") or None
        if data.get("password") is not None:
            password, source = data["password"], "authentication file"
    if user_opt:
        u, dom = split_user(user_opt)
        if u != user:
            # another user than the file's: its password is not this one's
            password = password if user is None else None
        user = u
        domain = dom or domain
    if kerberos:
        return Login(user, domain, True, password, source or "kerberos")
    if user is None:
        return Login(None, None, False, None, "anonymous")
    if password is None and env.get("LANMAN_PASSWORD") is not None:
        password, source = env["LANMAN_PASSWORD"], "LANMAN_PASSWORD"
    if password is None:
        if not prompt or not _have_terminal():
            raise CredentialError(
                f"no password for {(domain + chr(92)) if domain else ''}{user}: "
                f"set LANMAN_PASSWORD, use -A FILE, or run on a terminal to be asked")
        password = getpass.getpass(
            f"Password for {(domain + chr(92)) if domain else ''}{user}: ")
        source = "prompt"
    return Login(user, domain, False, password, source)


def split_user_file(text):
    if "\\" in text:
        domain, _, user = text.partition("\\")
        return user, domain or None
    if "@" in text:
        user, _, realm = text.rpartition("@")
        return user, realm or None
    return text, None


def _have_terminal():
    try:
        with open("/dev/tty"):
            return True
    except OSError:
        return sys.stdin.isatty()


def server_from(args, environ=None):
    """The server from -S or LANMAN_SERVER, without leading backslashes."""
    env = os.environ if environ is None else environ
    server = getattr(args, "server", None) or env.get("LANMAN_SERVER")
    if not server:
        raise CredentialError("no server: give -S HOST (or set LANMAN_SERVER)")
    if server.startswith("\\\\"):
        server = server[2:]
    return server


def read_new_password(what, stdin=False, env_name="LANMAN_NEW_PASSWORD",
                      environ=None, current=False):
    """A new password for an account: from stdin's next line (stdin=True),
    from $LANMAN_NEW_PASSWORD, or asked twice on the terminal.  With
    current, the account's current password (asked once)."""
    env = os.environ if environ is None else environ
    if stdin:
        line = sys.stdin.readline()
        if not line:
            raise CredentialError(f"--password-stdin: no password on stdin for {what}")
        return line.rstrip("\r\n")
    if env.get(env_name) is not None:
        return env[env_name]
    if not _have_terminal():
        raise CredentialError(f"no password for {what}: use --password-stdin, set "
                              f"{env_name}, or run on a terminal to be asked")
    if current:
        return getpass.getpass(f"Current password for {what}: ")
    first = getpass.getpass(f"New password for {what}: ")
    second = getpass.getpass(f"Retype the new password for {what}: ")
    if first != second:
        raise CredentialError("the two passwords differ")
    return first
