"""Python peers of lanman, for bench/run: impacket and Samba's own bindings.

  peers_py.py impacket|sambapy enum LEVEL RUNS
  peers_py.py impacket|sambapy once LEVEL
LEVEL 0: SAMR EnumDomainUsers (names, RIDs), paged.  LEVEL 3: that, plus
per user OpenUser, QueryUserInfo (UserAllInformation, level 21: the fields
USER_INFO_3 is made of) and Close -- three round trips where libnetapi
makes six (it also asks QuerySecurity, GetGroupsForUser and
GetAliasMembership, for auth_flags).  Every field is read.  Run with
Debian's /usr/bin/python3 (python3-impacket, python3-samba).
"""
import json
import os
import resource
import sys
import time

SERVER = os.environ["LANMAN_TEST_SERVER"]
USER = os.environ["LANMAN_TEST_USER"]
PASSWORD = os.environ["LANMAN_TEST_PASSWORD"]
DOMAIN = os.environ.get("LANMAN_TEST_DOMAIN", "")


class Impacket:
    def __init__(self):
        from impacket.dcerpc.v5 import samr, transport
        self.samr = samr
        t = transport.DCERPCTransportFactory(r"ncacn_np:%s[\pipe\samr]" % SERVER)
        t.set_credentials(USER, PASSWORD, DOMAIN)
        self.dce = t.get_dce_rpc()
        self.dce.connect()
        self.dce.bind(samr.MSRPC_UUID_SAMR)
        h = samr.hSamrConnect(self.dce)["ServerHandle"]
        doms = samr.hSamrEnumerateDomainsInSamServer(self.dce, h)["Buffer"]["Buffer"]
        name = [d["Name"] for d in doms if d["Name"].lower() != "builtin"][0]
        sid = samr.hSamrLookupDomainInSamServer(self.dce, h, name)["DomainId"]
        self.domain = samr.hSamrOpenDomain(self.dce, serverHandle=h, domainId=sid)["DomainHandle"]

    def enum(self, level):
        from impacket.dcerpc.v5.rpcrt import DCERPCException
        from impacket.nt_errors import STATUS_MORE_ENTRIES
        samr, dce, ctx, users = self.samr, self.dce, 0, []
        while True:
            try:
                resp = samr.hSamrEnumerateUsersInDomain(dce, self.domain, enumerationContext=ctx)
            except DCERPCException as e:
                if "STATUS_MORE_ENTRIES" not in str(e):
                    raise
                resp = e.get_packet()
            users += [(u["Name"], u["RelativeId"]) for u in resp["Buffer"]["Buffer"]]
            ctx = resp["EnumerationContext"]
            if resp["ErrorCode"] != STATUS_MORE_ENTRIES:
                break
        if level == 0:
            return len(users)
        n = 0
        for _name, rid in users:
            uh = samr.hSamrOpenUser(dce, self.domain, samr.MAXIMUM_ALLOWED, rid)["UserHandle"]
            info = samr.hSamrQueryInformationUser2(
                dce, uh, samr.USER_INFORMATION_CLASS.UserAllInformation)["Buffer"]["All"]
            samr.hSamrCloseHandle(dce, uh)
            n += sum(1 for f in info.fields if info[f] is not None)
        return len(users)


class SambaPy:
    def __init__(self):
        from samba import credentials, param
        from samba.dcerpc import lsa, samr, security
        self.samr, self.security = samr, security
        lp = param.LoadParm()
        creds = credentials.Credentials()
        creds.guess(lp)
        creds.set_username(USER)
        creds.set_password(PASSWORD)
        creds.set_domain(DOMAIN)
        creds.set_kerberos_state(credentials.DONT_USE_KERBEROS)
        self.conn = samr.samr("ncacn_np:%s" % SERVER, lp, creds)
        h = self.conn.Connect2(None, security.SEC_FLAG_MAXIMUM_ALLOWED)
        _r, doms, _n = self.conn.EnumDomains(h, 0, 0xFFFFFFFF)
        name = [d.name.string for d in doms.entries if d.name.string.lower() != "builtin"][0]
        sid = self.conn.LookupDomain(h, lsa.String(name))
        self.domain = self.conn.OpenDomain(h, security.SEC_FLAG_MAXIMUM_ALLOWED, sid)

    def enum(self, level):
        conn, users, resume = self.conn, [], 0
        while True:   # ACB_NORMAL (0x10): the accounts NetUserEnum lists by default
            resume, sam, n = conn.EnumDomainUsers(self.domain, resume, 0x10, 0xFFFFFFFF)
            users += [(e.name.string, e.idx) for e in sam.entries]
            if n == 0 or resume == 0:
                break
        if level == 0:
            return len(users)
        fields = ("account_name", "full_name", "rid", "primary_gid", "home_directory",
                  "home_drive", "logon_script", "profile_path", "description",
                  "workstations", "comment", "parameters", "last_logon", "last_logoff",
                  "last_password_change", "acct_expiry", "acct_flags", "logon_hours",
                  "bad_password_count", "logon_count", "country_code", "code_page",
                  "password_expired")
        maxa = self.security.SEC_FLAG_MAXIMUM_ALLOWED
        for _name, rid in users:
            uh = conn.OpenUser(self.domain, maxa, rid)
            info = conn.QueryUserInfo(uh, 21)
            conn.Close(uh)
            for f in fields:
                v = getattr(info, f)
                if hasattr(v, "string"):
                    v = v.string
        return len(users)


def main(argv):
    tool, mode, level = argv[1], argv[2], int(argv[3])
    runs = int(argv[4]) if mode == "enum" else 1
    t_conn = time.perf_counter()
    peer = {"impacket": Impacket, "sambapy": SambaPy}[tool]()
    t_conn = time.perf_counter() - t_conn
    times, n = [], 0
    budget = float(os.environ.get("BENCH_BUDGET", "1e9"))
    for _ in range(runs):
        t0 = time.perf_counter()
        n = peer.enum(level)
        times.append(time.perf_counter() - t0)
        if sum(times) >= budget:   # no new run once the runs took that long
            break
    if mode == "once":
        times = [times[0] + t_conn]
    print(json.dumps(dict(tool=tool, mode=mode, level=level, records=n, times=times,
                          maxrss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))


if __name__ == "__main__":
    main(sys.argv)
