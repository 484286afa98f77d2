"""Session: one server and one set of credentials, with iterators that page."""
from . import _calls, _calls_server, _calls_share, _calls_user
from ._calls import MAX_PREFERRED_LENGTH, Credentials


class Session:
    """A server and the credentials to use on it.

    >>> with lanman.Session("dc1", user="admin", password=pw, domain="CORP") as s:
    ...     for user in s.users(level=1):
    ...         print(user["name"])

    Enumerations are generators: they page with the resume handle and free
    each page as soon as its records are copied out.
    """

    def __init__(self, server, user=None, password=None, domain=None,
                 kerberos=False):
        _calls.check.text("Session", "server", server, optional=True)
        self.server = server
        self.creds = Credentials(user, password, domain, kerberos)

    @property
    def user(self):
        return self.creds.user

    @property
    def domain(self):
        return self.creds.domain

    def __repr__(self):
        return (f"Session(server={self.server!r}, user={self.creds.user!r}, "
                f"domain={self.creds.domain!r})")

    def close(self):
        """Drops the credentials (the core wipes its password copy)."""
        self.creds = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _live(self):
        if self.creds is None:
            raise ValueError("the session is closed")
        return self.creds

    def _pages(self, call, *args, prefmaxlen):
        creds = self._live()
        resume = 0
        while True:
            buf, _total, resume = call(self.server, *args, resume=resume,
                                       prefmaxlen=prefmaxlen, creds=creds)
            with buf:
                records = buf.records()
            yield from records
            if resume == 0:
                return

    def users(self, level=0, filter=0, prefmaxlen=MAX_PREFERRED_LENGTH):
        """Every user account (NetUserEnum), one dict per user."""
        return self._pages(_calls_user.NetUserEnum, level, filter, prefmaxlen=prefmaxlen)

    def shares(self, level=1, prefmaxlen=MAX_PREFERRED_LENGTH):
        """Every share (NetShareEnum), one dict per share."""
        return self._pages(_calls_share.NetShareEnum, level, prefmaxlen=prefmaxlen)

    def _one(self, buf):
        with buf:
            return buf[0]

    def user(self, name, level=1):
        """One user's record (NetUserGetInfo)."""
        return self._one(_calls_user.NetUserGetInfo(self.server, name, level,
                                               creds=self._live()))

    def share(self, name, level=2):
        """One share's record (NetShareGetInfo)."""
        return self._one(_calls_share.NetShareGetInfo(self.server, name, level,
                                                creds=self._live()))

    def server_info(self, level=101):
        """The server's record (NetServerGetInfo)."""
        return self._one(_calls_server.NetServerGetInfo(self.server, level,
                                                 creds=self._live()))

    def wksta_info(self, level=100):
        """The workstation record (NetWkstaGetInfo)."""
        return self._one(_calls_server.NetWkstaGetInfo(self.server, level,
                                                creds=self._live()))
