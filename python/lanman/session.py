"""Session: one server and one set of credentials, with iterators that page."""
from . import _calls, _calls_server, _calls_share, _calls_user
from ._calls import MAX_PREFERRED_LENGTH, Credentials
from . import _calls_domain, _calls_network
from . import _calls_group, _calls_localgroup


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
        # Who logs on, kept apart from creds so a closed session still
        # says; `user` is the NetUserGetInfo method, hence `login`.
        self.login = self.creds.user
        self.domain = self.creds.domain

    def __repr__(self):
        state = "" if self.creds is not None else ", closed"
        return (f"Session(server={self.server!r}, user={self.login!r}, "
                f"domain={self.domain!r}{state})")

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

    def users(self, level=0, filter=0, prefmaxlen=MAX_PREFERRED_LENGTH, method="auto"):
        """Every user account (NetUserEnum), one dict per user.

        At level 3, ``method="auto"`` (the default) takes the records from
        lanman's pipelined SAMR enumeration (``UserEnumFast`` in the core:
        the records NetUserEnum gives, several times faster than libnetapi's
        six round trips per user; see bench/RESULTS.md), falling back to
        NetUserEnum if that fails; ``"samr"`` insists on it, ``"netapi"``
        always pages through NetUserEnum.
        """
        if method not in ("auto", "samr", "netapi"):
            raise ValueError(f"users: method must be 'auto', 'samr' or 'netapi', not {method!r}")
        if level == 3 and method != "netapi":
            return self._fast_users(level, filter, method, prefmaxlen)
        return self._pages(_calls_user.NetUserEnum, level, filter, prefmaxlen=prefmaxlen)

    def _fast_users(self, level, filter, method, prefmaxlen):
        from . import _lanman_core
        from ._buffer import Buffer
        from .errors import NetApiError
        creds = self._live()
        try:
            buf, _total = _lanman_core.UserEnumFast(
                creds._capsule, self.server, _calls.check.u32("users", "level", level),
                _calls.check.u32("users", "filter", filter), 0)
        except NetApiError:
            if method == "samr":
                raise
            yield from self._pages(_calls_user.NetUserEnum, level, filter, prefmaxlen=prefmaxlen)
            return
        with Buffer(buf) as b:
            records = b.records()
        yield from records

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

    # ---- user accounts ----

    def add_user(self, name, password=None, comment=None, *,
                 flags=None, priv=None, **fields):
        """Creates a user (NetUserAdd) at the lowest level that holds the
        fields given: 1 for password, comment, home_dir, script_path; 2 (or
        4 with primary_group_id, profile, home_dir_drive, password_expired)
        for full_name, usr_comment, ... .  flags default to UF_SCRIPT |
        UF_NORMAL_ACCOUNT, priv to USER_PRIV_USER, acct_expires to
        TIMEQ_FOREVER."""
        from . import UF_NORMAL_ACCOUNT, UF_SCRIPT, USER_PRIV_USER, TIMEQ_FOREVER, LEVELS
        data = {"name": name, "password": password, "comment": comment,
                "priv": USER_PRIV_USER if priv is None else priv,
                "flags": UF_SCRIPT | UF_NORMAL_ACCOUNT if flags is None else flags,
                **fields}
        data = {k: v for k, v in data.items() if v is not None}
        for level in (1, 2, 4):
            if set(data) <= set(LEVELS[("USER_INFO", level)][1]):
                break
        if level > 1:
            data.setdefault("acct_expires", TIMEQ_FOREVER)
        _calls_user.NetUserAdd(self.server, level, data, creds=self._live())

    def delete_user(self, name):
        """Deletes a user account (NetUserDel)."""
        _calls_user.NetUserDel(self.server, name, creds=self._live())

    def set_user(self, name, level, data):
        """Changes a user (NetUserSetInfo) from a USER_INFO_<level> dict, e.g.
        ``s.set_user("kim", 1007, {"comment": "on leave"})``."""
        _calls_user.NetUserSetInfo(self.server, name, level, data,
                                   creds=self._live())

    def change_password(self, name, old, new):
        """Changes a password knowing the old one (NetUserChangePassword):
        the connection logs on as that user."""
        _calls_user.NetUserChangePassword(self.server, name, old, new,
                                          creds=self._live())

    def user_groups(self, name, level=0):
        """The global groups a user is in (NetUserGetGroups), one dict each."""
        buf, _total = _calls_user.NetUserGetGroups(self.server, name, level,
                                                   creds=self._live())
        with buf:
            return buf.records()

    def set_user_groups(self, name, groups):
        """Makes the named global groups (a list of names) the user's groups
        (NetUserSetGroups)."""
        _calls_user.NetUserSetGroups(self.server, name, 0,
                                     [{"name": g} for g in groups],
                                     creds=self._live())

    def user_local_groups(self, name, indirect=False):
        """The local groups a user is in (NetUserGetLocalGroups), as names;
        indirect adds those it is in through its global groups."""
        buf, _total = _calls_user.NetUserGetLocalGroups(
            self.server, name, 0, 1 if indirect else 0, creds=self._live())
        with buf:
            return [r["name"] for r in buf]

    def user_modals(self, level=0):
        """The account policy (NetUserModalsGet), a USER_MODALS_INFO dict."""
        return self._one(_calls_user.NetUserModalsGet(self.server, level,
                                                      creds=self._live()))

    def set_user_modals(self, level, data):
        """Sets account policy (NetUserModalsSet), e.g.
        ``s.set_user_modals(1001, {"min_passwd_len": 8})``."""
        _calls_user.NetUserModalsSet(self.server, level, data, creds=self._live())

    def display_users(self, level=1, entries=100, prefmaxlen=MAX_PREFERRED_LENGTH):
        """Every user (level 1), computer (2) or global group (3) in bulk
        (NetQueryDisplayInformation), one dict each, paging by index."""
        creds = self._live()
        index = 0
        while True:
            buf, index = _calls_user.NetQueryDisplayInformation(
                self.server, level, index, entries, prefmaxlen, creds=creds)
            with buf:
                records = buf.records()
            yield from records
            if index == 0:
                return

    # ---- shares, open files, server settings, time ----

    def add_share(self, name, path, remark=None, *, max_uses=0xFFFFFFFF,
                  type=0, permissions=0, passwd=None, security_descriptor=None):
        """Shares a directory that exists on the server (NetShareAdd, level
        2; 502 when a security descriptor -- self-relative bytes -- is
        given).  max_uses defaults to SHI_USES_UNLIMITED, type to
        STYPE_DISKTREE."""
        data = {"netname": name, "path": path, "type": type,
                "permissions": permissions, "max_uses": max_uses}
        for key, value in (("remark", remark), ("passwd", passwd),
                           ("security_descriptor", security_descriptor)):
            if value is not None:
                data[key] = value
        level = 2 if security_descriptor is None else 502
        _calls_share.NetShareAdd(self.server, level, data, creds=self._live())

    def delete_share(self, name):
        """Stops sharing (NetShareDel); the directory stays."""
        _calls_share.NetShareDel(self.server, name, creds=self._live())

    def set_share(self, name, **changes):
        """Changes a share's fields (NetShareSetInfo), e.g.
        ``s.set_share("docs", remark="Documents", max_uses=10)``: a remark
        alone is set at level 1004, a security descriptor alone at 1501,
        anything else by reading the share at level 2, changing it and
        writing it back at level 2."""
        fn = "Session.set_share"
        if not changes:
            raise ValueError(f"{fn}: give at least one field to change")
        creds = self._live()
        if set(changes) == {"remark"}:
            _calls_share.NetShareSetInfo(self.server, name, 1004, changes,
                                         creds=creds)
            return
        if set(changes) == {"security_descriptor"}:
            _calls_share.NetShareSetInfo(self.server, name, 1501, changes,
                                         creds=creds)
            return
        allowed = set(_calls_share.level_fields("SHARE_INFO", 2))
        unknown = sorted(set(changes) - allowed)
        if unknown:
            raise ValueError(f"{fn}: {unknown[0]!r} is not a field of SHARE_INFO_2 "
                             f"(fields: {', '.join(sorted(allowed))})")
        record = self._one(_calls_share.NetShareGetInfo(self.server, name, 2,
                                                        creds=creds))
        record.update(changes)
        _calls_share.NetShareSetInfo(self.server, name, 2, record, creds=creds)

    def files(self, level=3, basepath=None, username=None,
              prefmaxlen=MAX_PREFERRED_LENGTH):
        """Every file open on the server (NetFileEnum), one dict each."""
        return self._pages(_calls_share.NetFileEnum, basepath, username, level,
                           prefmaxlen=prefmaxlen)

    def file(self, fileid, level=3):
        """One open file's record (NetFileGetInfo)."""
        return self._one(_calls_share.NetFileGetInfo(self.server, fileid, level,
                                                     creds=self._live()))

    def close_file(self, fileid):
        """Closes a file a client has open (NetFileClose)."""
        _calls_share.NetFileClose(self.server, fileid, creds=self._live())

    def time(self):
        """The server's clock (NetRemoteTOD): a TIME_OF_DAY_INFO dict;
        ``elapsedt`` is seconds since 1970 (UTC)."""
        return self._one(_calls_server.NetRemoteTOD(self.server,
                                                    creds=self._live()))

    def set_server_info(self, level=1005, **fields):
        """Changes server settings (NetServerSetInfo), e.g.
        ``s.set_server_info(comment="Main file server")`` (level 1005)."""
        _calls_server.NetServerSetInfo(self.server, level, fields,
                                       creds=self._live())

    # ---- groups and local groups ----

    def groups(self, level=1, prefmaxlen=MAX_PREFERRED_LENGTH):
        """Every global group (NetGroupEnum), one dict per group."""
        return self._pages(_calls_group.NetGroupEnum, level, prefmaxlen=prefmaxlen)

    def group(self, name, level=1):
        """One global group's record (NetGroupGetInfo)."""
        return self._one(_calls_group.NetGroupGetInfo(self.server, name, level,
                                                      creds=self._live()))

    def group_members(self, name, level=0, prefmaxlen=MAX_PREFERRED_LENGTH):
        """The members of a global group (NetGroupGetUsers), one dict each."""
        return self._pages(_calls_group.NetGroupGetUsers, name, level,
                           prefmaxlen=prefmaxlen)

    def add_group_member(self, group, user):
        """Puts a user into a global group (NetGroupAddUser)."""
        _calls_group.NetGroupAddUser(self.server, group, user, creds=self._live())

    def remove_group_member(self, group, user):
        """Takes a user out of a global group (NetGroupDelUser)."""
        _calls_group.NetGroupDelUser(self.server, group, user, creds=self._live())

    def localgroups(self, level=1, prefmaxlen=MAX_PREFERRED_LENGTH):
        """Every local group (NetLocalGroupEnum), one dict per group."""
        return self._pages(_calls_localgroup.NetLocalGroupEnum, level,
                           prefmaxlen=prefmaxlen)

    def localgroup(self, name, level=1):
        """One local group's record (NetLocalGroupGetInfo)."""
        return self._one(_calls_localgroup.NetLocalGroupGetInfo(
            self.server, name, level, creds=self._live()))

    def localgroup_members(self, name, level=2, prefmaxlen=MAX_PREFERRED_LENGTH):
        """The members of a local group (NetLocalGroupGetMembers), one dict
        each; level 2 gives sid, sidusage and "DOMAIN\\name"."""
        return self._pages(_calls_localgroup.NetLocalGroupGetMembers, name, level,
                           prefmaxlen=prefmaxlen)

    def _localgroup_members_call(self, call, group, members):
        if not members:
            raise ValueError(f"{call.__name__}: give at least one member")
        for m in members:
            _calls.check.text(call.__name__, "member", m)
        sids = [{"sid": m} for m in members if m[:2] in ("S-", "s-")]
        names = [{"domainandname": m} for m in members if m[:2] not in ("S-", "s-")]
        creds = self._live()
        if sids:
            call(self.server, group, 0, sids, creds=creds)
        if names:
            call(self.server, group, 3, names, creds=creds)

    def add_localgroup_members(self, group, *members):
        """Puts members into a local group (NetLocalGroupAddMembers): each a
        SID ("S-1-5-21-...") or an account name ("DOMAIN\\name" or "name")."""
        self._localgroup_members_call(_calls_localgroup.NetLocalGroupAddMembers,
                                      group, members)

    def remove_localgroup_members(self, group, *members):
        """Takes members (SIDs or names, as for add_localgroup_members) out
        of a local group (NetLocalGroupDelMembers)."""
        self._localgroup_members_call(_calls_localgroup.NetLocalGroupDelMembers,
                                      group, members)

    # ---- domain: DC discovery and membership (DsGetDcName, ...) ----

    def dc_info(self, domain=None, flags=0, site_name=None):
        """The record of a domain controller of domain (None: the server's
        own domain) as DsGetDcName finds it through the server: keys
        DomainControllerName, DomainControllerAddress, DomainName,
        DnsForestName, Flags (DS_*_FLAG), DomainGuid, DcSiteName, ..."""
        return self._one(_calls_domain.DsGetDcName(self.server, domain, None, site_name,
                                                   flags, creds=self._live()))

    def dc_name(self, domain=None):
        """The primary domain controller's name, "\\\\DC" (NetGetDCName)."""
        return self._one(_calls_domain.NetGetDCName(self.server, domain,
                                                    creds=self._live()))["dc_name"]

    def join_info(self):
        """{"name": workgroup or domain, "status": NetSetup*} of the server
        (NetGetJoinInformation)."""
        return self._one(_calls_domain.NetGetJoinInformation(self.server,
                                                             creds=self._live()))

    def joinable_ous(self, domain, account=None, password=None):
        """The OUs a computer account can be created in (NetGetJoinableOUs)."""
        with _calls_domain.NetGetJoinableOUs(self.server, domain, account, password,
                                             creds=self._live()) as buf:
            return [r["ou"] for r in buf]

    # ---- network: Windows servers only ----

    def sessions(self, level=10, client=None, username=None,
                 prefmaxlen=MAX_PREFERRED_LENGTH):
        """Every session on the server (NetSessionEnum), one dict each;
        optionally only from client and / or of username."""
        return self._pages(_calls_network.NetSessionEnum, client, username, level,
                           prefmaxlen=prefmaxlen)
