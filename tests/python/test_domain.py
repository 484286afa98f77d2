"""The domain calls against the real test DC: DC discovery answers with real
values; the calls a DC answers with an error (join, unjoin, rename, join
information, joinable OUs, remote shutdown) are checked for that exact
error; NetProvisionComputerAccount really creates a computer account,
which is deleted again.

Safety: nothing here joins, unjoins, renames or shuts down THIS machine.
Every call that could (NetJoinDomain, NetUnjoinDomain,
NetRenameMachineInDomain, NetShutdownInit/Abort) names the DC as server;
NetRequestOfflineDomainJoin, which always acts on this machine, only ever
gets blobs it rejects before doing anything.

Codes measured against Samba 4.17's AD DC (libnetapi's own answer in
brackets where lanman maps it as netapi32 reports it):
  NetGetAnyDCName(own domain)             1355 ERROR_NO_SUCH_DOMAIN
  NetGetDCName(DNS name of the domain)    2453 NERR_DCNotFound
  DsGetDcName(unknown domain)             1355 ERROR_NO_SUCH_DOMAIN
  DsGetDcName(DNS | FLAT flags)           1004 ERROR_INVALID_FLAGS
  NetGetJoinInformation, NetGetJoinableOUs, NetJoinDomain,
  NetUnjoinDomain, NetRenameMachineInDomain
                                          1745 RPC_S_PROCNUM_OUT_OF_RANGE [46]
  NetShutdownInit, NetShutdownAbort       5 ERROR_ACCESS_DENIED
  NetRequestOfflineDomainJoin(b"")        2709 NERR_NoOfflineJoinInfo
  NetRequestOfflineDomainJoin(junk)       2710 NERR_BadOfflineJoinInfo
"""
import base64
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time

import pytest

import lanman

DS_FLAGS_OF_A_DC = (lanman.DS_PDC_FLAG | lanman.DS_GC_FLAG | lanman.DS_LDAP_FLAG
                    | lanman.DS_DS_FLAG | lanman.DS_KDC_FLAG | lanman.DS_WRITABLE_FLAG)


def expect_error(code, name, fn, *args, **kwargs):
    with pytest.raises(lanman.NetApiError) as info:
        fn(*args, **kwargs)
    e = info.value
    assert e.code == code, str(e)
    if name is not None:
        assert e.name == name, str(e)
    return e


@pytest.fixture(scope="module")
def realm(dc):
    return dc["LANMAN_TEST_REALM"]


@pytest.fixture(scope="module")
def dc_host(dc):
    return dc["LANMAN_TEST_HOSTNAME"]


@pytest.fixture(scope="module")
def domain_guid(dc):
    """The domain's objectGUID, read from the DC's sam.ldb with Samba's own
    Python bindings (Debian's python3, which has them)."""
    code = textwrap.dedent("""
        import sys, ldb
        from samba.samdb import SamDB
        from samba.auth import system_session
        from samba.param import LoadParm
        from samba.ndr import ndr_unpack
        from samba.dcerpc import misc
        lp = LoadParm(); lp.load(sys.argv[1] + "/etc/smb.conf")
        db = SamDB(url=sys.argv[1] + "/samba/private/sam.ldb",
                   session_info=system_session(), lp=lp)
        r = db.search(base=db.domain_dn(), scope=ldb.SCOPE_BASE, attrs=["objectGUID"])
        print(str(ndr_unpack(misc.GUID, r[0]["objectGUID"][0])))
    """)
    out = subprocess.run(["/usr/bin/python3", "-c", code, dc["LANMAN_TEST_DC_DIR"]],
                         capture_output=True, text=True, check=True, timeout=60)
    guid = out.stdout.strip()
    assert len(guid) == 36, out
    return guid


# ---- DsGetDcName ------------------------------------------------------------

def test_dsgetdcname_flat_names(server, dc, realm, dc_host, domain_guid):
    with lanman.DsGetDcName(server, dc["LANMAN_TEST_DOMAIN"]) as buf:
        assert buf.level == ("DOMAIN_CONTROLLER_INFO", 0)
        assert len(buf) == 1
        r = buf[0]
    assert r["DomainControllerName"] == "\\\\" + dc_host
    assert r["DomainControllerAddress"] == "\\\\" + server
    assert r["DomainControllerAddressType"] == lanman.DS_INET_ADDRESS
    assert r["DomainName"] == dc["LANMAN_TEST_DOMAIN"]
    assert r["DnsForestName"] == realm.lower()
    assert r["Flags"] & DS_FLAGS_OF_A_DC == DS_FLAGS_OF_A_DC
    assert r["Flags"] & lanman.DS_DNS_FOREST_FLAG
    assert not r["Flags"] & lanman.DS_DNS_CONTROLLER_FLAG
    assert r["DomainGuid"] == "{" + domain_guid.upper() + "}"
    assert r["DcSiteName"] == "Default-First-Site-Name"
    assert r["ClientSiteName"] == "Default-First-Site-Name"
    # the keys are pywin32's (win32security.DsGetDcName), in struct order
    assert list(r) == ["DomainControllerName", "DomainControllerAddress",
                       "DomainControllerAddressType", "DomainGuid", "DomainName",
                       "DnsForestName", "Flags", "DcSiteName", "ClientSiteName"]


def test_dsgetdcname_dns_names(server, dc, realm, dc_host):
    flags = lanman.DS_RETURN_DNS_NAME | lanman.DS_DIRECTORY_SERVICE_REQUIRED
    with lanman.DsGetDcName(server, realm, flags=flags) as buf:
        r = buf[0]
    assert r["DomainControllerName"] == "\\\\" + f"{dc_host}.{realm}".lower()
    assert r["DomainName"] == realm.lower()
    assert r["DomainControllerAddress"] == "\\\\" + server
    need = lanman.DS_DNS_CONTROLLER_FLAG | lanman.DS_DNS_DOMAIN_FLAG | lanman.DS_DNS_FOREST_FLAG
    assert r["Flags"] & need == need


@pytest.mark.parametrize("domain", [None, "", "LANMANTEST", "lanmantest.example"])
def test_dsgetdcname_any_spelling_of_the_domain(server, dc_host, domain):
    with lanman.DsGetDcName(server, domain, flags=lanman.DS_RETURN_FLAT_NAME) as buf:
        assert buf[0]["DomainControllerName"] == "\\\\" + dc_host


@pytest.mark.parametrize("flags", [lanman.DS_PDC_REQUIRED, lanman.DS_GC_SERVER_REQUIRED,
                                   lanman.DS_KDC_REQUIRED, lanman.DS_WRITABLE_REQUIRED,
                                   lanman.DS_FORCE_REDISCOVERY])
def test_dsgetdcname_requirements_this_dc_meets(server, dc, flags):
    with lanman.DsGetDcName(server, dc["LANMAN_TEST_DOMAIN"], flags=flags) as buf:
        assert buf[0]["DomainControllerAddress"] == "\\\\" + server


@pytest.mark.parametrize("braces", [True, False])
def test_dsgetdcname_with_the_domain_guid(server, dc, domain_guid, braces):
    guid = "{" + domain_guid + "}" if braces else domain_guid.upper()
    with lanman.DsGetDcName(server, dc["LANMAN_TEST_DOMAIN"], guid) as buf:
        assert buf[0]["DomainGuid"] == "{" + domain_guid.upper() + "}"


def test_dsgetdcname_unknown_domain(server):
    expect_error(1355, "ERROR_NO_SUCH_DOMAIN", lanman.DsGetDcName, server, "NOSUCHDOMAIN")


def test_dsgetdcname_contradicting_flags(server, dc):
    # ERROR_INVALID_FLAGS: the DC rejects DNS and flat names at once
    expect_error(1004, None, lanman.DsGetDcName, server, dc["LANMAN_TEST_DOMAIN"],
                 flags=lanman.DS_RETURN_DNS_NAME | lanman.DS_RETURN_FLAT_NAME)


def test_dsgetdcname_argument_checks(unreachable):
    # rejected before anything is sent: the unreachable server would hang
    t0 = time.monotonic()
    for guid in ("nope", "{60c126f8-8daa-44b2-9b3a-5dca489dab6}", "60c126f8x8daa-44b2-9b3a-5dca489dab63",
                 "{60c126f8-8daa-44b2-9b3a-5dca489dab63"):
        with pytest.raises(ValueError, match="'domain_guid'"):
            lanman.DsGetDcName(unreachable, "D", guid)
    with pytest.raises(TypeError, match="'flags'"):
        lanman.DsGetDcName(unreachable, "D", flags="0")
    with pytest.raises(ValueError, match="'flags'"):
        lanman.DsGetDcName(unreachable, "D", flags=-1)
    with pytest.raises(TypeError, match="'domain'"):
        lanman.DsGetDcName(unreachable, 5)
    with pytest.raises(ValueError, match="'site_name'"):
        lanman.DsGetDcName(unreachable, "D", site_name="x" * 256)
    with pytest.raises(ValueError, match="'server'"):
        lanman.DsGetDcName("bad host", "D")
    assert time.monotonic() - t0 < 2


# ---- NetGetDCName, NetGetAnyDCName --------------------------------------------

@pytest.mark.parametrize("domain", [None, "LANMANTEST"])
def test_netgetdcname(server, dc_host, domain):
    with lanman.NetGetDCName(server, domain) as buf:
        assert buf.level == ("DC_NAME", 0)
        assert buf.records() == [{"dc_name": "\\\\" + dc_host}]


def test_netgetdcname_wants_the_netbios_domain(server, realm):
    expect_error(2453, "NERR_DCNotFound", lanman.NetGetDCName, server, realm)


def test_netgetdcname_unknown_domain(server):
    expect_error(1355, "ERROR_NO_SUCH_DOMAIN", lanman.NetGetDCName, server, "NOSUCHDOMAIN")


@pytest.mark.parametrize("domain", [None, "LANMANTEST", "NOSUCHDOMAIN"])
def test_netgetanydcname_on_the_pdc_of_its_only_domain(server, domain):
    # As on Windows: a DC asked for "any DC" of its own domain (there is no
    # trusted domain here) answers ERROR_NO_SUCH_DOMAIN.
    e = expect_error(1355, "ERROR_NO_SUCH_DOMAIN", lanman.NetGetAnyDCName, server, domain)
    assert e.function == "NetGetAnyDCName" and e.server == server


# ---- join information, joinable OUs, join, unjoin, rename ---------------------
#
# The DC does not implement the wkssvc join calls: it answers the RPC fault
# "operation out of range".  libnetapi says 46 (no Windows code); lanman
# says RPC_S_PROCNUM_OUT_OF_RANGE, as netapi32 does.

WKSSVC_NOT_IMPLEMENTED = (1745, "RPC_S_PROCNUM_OUT_OF_RANGE")


def test_netgetjoininformation_on_the_dc(server):
    e = expect_error(*WKSSVC_NOT_IMPLEMENTED, lanman.NetGetJoinInformation, server)
    assert e.function == "NetGetJoinInformation" and e.server == server


@pytest.mark.parametrize("with_account", [True, False])
def test_netgetjoinableous_on_the_dc(server, dc, realm, with_account):
    account = dc["LANMAN_TEST_USER"] if with_account else None
    password = dc["LANMAN_TEST_PASSWORD"] if with_account else None
    e = expect_error(*WKSSVC_NOT_IMPLEMENTED, lanman.NetGetJoinableOUs, server, realm,
                     account, password)
    assert dc["LANMAN_TEST_PASSWORD"] not in str(e) + repr(e)


def test_netjoindomain_on_the_dc(server, dc):
    e = expect_error(*WKSSVC_NOT_IMPLEMENTED, lanman.NetJoinDomain, server,
                     dc["LANMAN_TEST_DOMAIN"], None, dc["LANMAN_TEST_USER"],
                     dc["LANMAN_TEST_PASSWORD"],
                     lanman.NETSETUP_JOIN_DOMAIN | lanman.NETSETUP_ACCT_CREATE)
    assert dc["LANMAN_TEST_PASSWORD"] not in str(e) + repr(e)
    # a workgroup "join", no account
    expect_error(*WKSSVC_NOT_IMPLEMENTED, lanman.NetJoinDomain, server, "WORKGROUP")


def test_netunjoindomain_on_the_dc(server, dc):
    expect_error(*WKSSVC_NOT_IMPLEMENTED, lanman.NetUnjoinDomain, server,
                 dc["LANMAN_TEST_USER"], dc["LANMAN_TEST_PASSWORD"],
                 lanman.NETSETUP_ACCT_DELETE)
    expect_error(*WKSSVC_NOT_IMPLEMENTED, lanman.NetUnjoinDomain, server)


def test_netrenamemachineindomain_on_the_dc(server, dc):
    expect_error(*WKSSVC_NOT_IMPLEMENTED, lanman.NetRenameMachineInDomain, server,
                 "LMDCRENAMED", dc["LANMAN_TEST_USER"], dc["LANMAN_TEST_PASSWORD"],
                 lanman.NETSETUP_ACCT_CREATE)
    expect_error(*WKSSVC_NOT_IMPLEMENTED, lanman.NetRenameMachineInDomain, server, None)


def test_join_calls_argument_checks(unreachable):
    t0 = time.monotonic()
    with pytest.raises(ValueError, match="'domain'"):
        lanman.NetJoinDomain(unreachable, "")
    with pytest.raises(TypeError, match="'domain'"):
        lanman.NetJoinDomain(unreachable, None)
    with pytest.raises(ValueError, match="'account'.*password"):
        lanman.NetJoinDomain(unreachable, "D", None, None, "secret-pw")
    with pytest.raises(ValueError, match="'account_ou'"):
        lanman.NetJoinDomain(unreachable, "D", "OU=" + "x" * 1100)
    with pytest.raises(ValueError, match="'join_flags'"):
        lanman.NetJoinDomain(unreachable, "D", join_flags=1 << 32)
    with pytest.raises(ValueError, match="'account'.*password"):
        lanman.NetUnjoinDomain(unreachable, None, "secret-pw")
    with pytest.raises(ValueError, match="'password'"):
        lanman.NetUnjoinDomain(unreachable, "admin", "p" * 257)
    with pytest.raises(ValueError, match="'new_machine_name'"):
        lanman.NetRenameMachineInDomain(unreachable, "n" * 64)
    with pytest.raises(TypeError, match="'domain'"):
        lanman.NetGetJoinableOUs(unreachable, None)
    with pytest.raises(TypeError, match="'rename_options'"):
        lanman.NetRenameMachineInDomain(unreachable, "N", rename_options=None)
    with pytest.raises(TypeError):
        lanman.NetJoinDomain("D")   # server has no default: say which machine
    assert time.monotonic() - t0 < 2


def test_passwords_never_in_argument_errors(unreachable):
    with pytest.raises(ValueError) as info:
        lanman.NetUnjoinDomain(unreachable, "admin", "\udcff-Secret")
    assert "Secret" not in str(info.value)


# ---- shutdown ---------------------------------------------------------------------

def test_netshutdowninit_on_the_dc(server):
    # Samba runs its "shutdown script" for this and has none: ACCESS_DENIED.
    expect_error(5, "ERROR_ACCESS_DENIED", lanman.NetShutdownInit, server,
                 "lanman test: this DC has no shutdown script", 3600, False, False)


def test_netshutdownabort_on_the_dc(server):
    expect_error(5, "ERROR_ACCESS_DENIED", lanman.NetShutdownAbort, server)


def test_shutdown_argument_checks(unreachable):
    with pytest.raises(TypeError, match="'force_apps'"):
        lanman.NetShutdownInit(unreachable, "m", 10, 1)
    with pytest.raises(TypeError, match="'do_reboot'"):
        lanman.NetShutdownInit(unreachable, "m", 10, False, "yes")
    with pytest.raises(ValueError, match="'message'"):
        lanman.NetShutdownInit(unreachable, "m" * 513)
    with pytest.raises(TypeError):
        lanman.NetShutdownInit()   # no default server: never "this machine" by accident
    with pytest.raises(TypeError):
        lanman.NetShutdownAbort()


# ---- offline join -------------------------------------------------------------------

def test_netrequestofflinedomainjoin_without_a_blob():
    expect_error(2709, "NERR_NoOfflineJoinInfo", lanman.NetRequestOfflineDomainJoin, b"")


@pytest.mark.parametrize("blob", [b"x", b"not a provisioning blob", "bm90IGEgYmxvYg==",
                                  "\ufeffnot a blob".encode("utf-16-le"),
                                  bytearray(b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")])
def test_netrequestofflinedomainjoin_rejects_a_bad_blob(blob):
    expect_error(2710, "NERR_BadOfflineJoinInfo", lanman.NetRequestOfflineDomainJoin, blob)


def test_netrequestofflinedomainjoin_argument_checks():
    with pytest.raises(TypeError, match="'provision_bin_data'"):
        lanman.NetRequestOfflineDomainJoin(None)
    with pytest.raises(TypeError, match="'provision_bin_data'"):
        lanman.NetRequestOfflineDomainJoin(5)
    with pytest.raises(ValueError, match="'provision_bin_data'"):
        lanman.NetRequestOfflineDomainJoin("a\0b")
    with pytest.raises(TypeError, match="'options'"):
        lanman.NetRequestOfflineDomainJoin(b"x", "0")
    with pytest.raises(ValueError, match="'windows_path'"):
        lanman.NetRequestOfflineDomainJoin(b"x", 0, "C:\\" + "w" * 300)


# ---- NetProvisionComputerAccount -------------------------------------------------
#
# libnetapi runs it on this machine: it pings the DC (dcname), resolves the
# DC's DNS name, asks a KDC for tickets, creates the account over LDAP and
# SAMR, and keeps state in Samba's local directories (secrets.tdb,
# gencache).  So the call runs in a child process inside the DC's network
# namespace -- whatever else it tries to reach (DNS servers, KDCs) finds no
# route there and never leaves this machine -- with Samba's state
# directories replaced by empty temporary ones (a private mount namespace)
# and the DC's name answered from a hosts file by nss_wrapper.

NSS_WRAPPER = "/usr/lib/x86_64-linux-gnu/libnss_wrapper.so"
ISOLATE = r'''
d=$1; shift
mount --bind "$d/lib" /var/lib/samba && mount --bind "$d/run" /run/samba &&
mount --bind "$d/cache" /var/cache/samba &&
exec env LD_PRELOAD="$NSS_WRAPPER" NSS_WRAPPER_HOSTS="$d/hosts" "$@"
'''

PROVISION_CHILD = r'''
import json, os, sys
import lanman
E = os.environ
lanman.set_default_credentials(E["LANMAN_TEST_USER"], E["LANMAN_TEST_PASSWORD"],
                               E["LANMAN_TEST_DOMAIN"])
out = []
for name in sys.argv[1:]:
    try:
        with lanman.NetProvisionComputerAccount(E["LANMAN_TEST_REALM"], name,
                                                dcname=E["LANMAN_TEST_SERVER"]) as buf:
            out.append({"ok": True, "level": buf.level, "records": buf.records()})
    except lanman.NetApiError as e:
        out.append({"ok": False, "code": e.code, "name": e.name, "str": str(e)})
out.append({"stats": lanman.buffer_stats()})
print("RESULT " + json.dumps(out))
'''


def provision_isolated(dc, *names):
    assert os.path.exists(NSS_WRAPPER), "libnss-wrapper missing: run tools/install-deps"
    tmp = tempfile.mkdtemp(prefix="lanman-provision.")
    try:
        for sub in ("lib/private", "run", "cache"):
            os.makedirs(os.path.join(tmp, sub))
        host = dc["LANMAN_TEST_HOSTNAME"].lower()
        with open(os.path.join(tmp, "hosts"), "w") as f:
            f.write(f"{dc['LANMAN_TEST_SERVER']} {host}.{dc['LANMAN_TEST_REALM'].lower()} {host}\n")
        env = dict(os.environ, **dc, NSS_WRAPPER=NSS_WRAPPER)
        proc = subprocess.run(["ip", "netns", "exec", dc["LANMAN_TEST_NETNS"], "sh", "-c",
                               ISOLATE, "sh", tmp, sys.executable, "-c", PROVISION_CHILD,
                               *names], env=env, capture_output=True, text=True,
                              timeout=180, stdin=subprocess.DEVNULL)
        lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
        assert lines, f"child failed: {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        return json.loads(lines[-1][len("RESULT "):])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def delete_account(dc, account):
    subprocess.run(["rpcclient", "-A", dc["LANMAN_TEST_AUTHFILE"], "--use-kerberos=off",
                    "-c", f"deletedomuser {account}", dc["LANMAN_TEST_SERVER"]],
                   capture_output=True, timeout=60, stdin=subprocess.DEVNULL)


def test_netprovisioncomputeraccount_creates_the_account(dc, server):
    name = f"LMPROV{random.randrange(10**6):06d}"
    account = name + "$"
    try:
        first, second, stats = provision_isolated(dc, name, name)
        assert first["ok"], first
        assert first["level"] == ["PROVISION_DATA", 0]
        [record] = first["records"]
        blob = base64.b64decode(record["provision_text_data"], validate=True)
        # an ODJ_PROVISION_DATA blob naming the machine and the domain (UTF-16)
        assert len(blob) > 500
        assert account.encode("utf-16-le") in blob or name.encode("utf-16-le") in blob
        assert dc["LANMAN_TEST_REALM"].lower().encode("utf-16-le") in blob
        # the account now exists on the DC, as a workstation trust account
        with lanman.NetUserGetInfo(server, account, 1) as buf:
            assert buf[0]["name"] == account
            assert buf[0]["flags"] & lanman.UF_WORKSTATION_TRUST_ACCOUNT
        # again for the same name (measured: Samba's libnetapi takes the
        # existing account over and gives it a new password, a new blob)
        assert second["ok"], second
        assert second["records"][0]["provision_text_data"] != record["provision_text_data"]
        assert stats["stats"]["live"] == 0
    finally:
        delete_account(dc, account)
    expect_error(2221, "NERR_UserNotFound", lanman.NetUserGetInfo, server, account, 0)


def test_netprovisioncomputeraccount_argument_checks(unreachable):
    with pytest.raises(TypeError, match="'domain'"):
        lanman.NetProvisionComputerAccount(None, "M")
    with pytest.raises(ValueError, match="'machine_name'"):
        lanman.NetProvisionComputerAccount("D", "")
    with pytest.raises(ValueError, match="'machine_name'"):
        lanman.NetProvisionComputerAccount("D", "m" * 64)
    with pytest.raises(ValueError, match="'dcname'"):
        lanman.NetProvisionComputerAccount("D", "M", None, "bad host")
    with pytest.raises(ValueError, match="'machine_account_ou'"):
        lanman.NetProvisionComputerAccount("D", "M", "OU=" + "o" * 1100, unreachable)
    with pytest.raises(TypeError, match="'options'"):
        lanman.NetProvisionComputerAccount("D", "M", None, unreachable, None)


# ---- levels, constants, the session ------------------------------------------------

def test_levels_of_the_domain_calls():
    assert lanman.LEVELS[("DOMAIN_CONTROLLER_INFO", 0)] == (
        "DOMAIN_CONTROLLER_INFO",
        ("DomainControllerName", "DomainControllerAddress", "DomainControllerAddressType",
         "DomainGuid", "DomainName", "DnsForestName", "Flags", "DcSiteName",
         "ClientSiteName"))
    assert lanman.LEVELS[("DC_NAME", 0)] == ("LM_DC_NAME", ("dc_name",))
    assert lanman.LEVELS[("JOIN_INFORMATION", 0)] == ("LM_JOIN_INFORMATION",
                                                      ("name", "status"))
    assert lanman.LEVELS[("JOINABLE_OU", 0)] == ("LM_JOINABLE_OU", ("ou",))
    assert lanman.LEVELS[("PROVISION_DATA", 0)] == ("LM_PROVISION_DATA",
                                                    ("provision_text_data",))
    for fn in lanman._calls_domain.__all__:
        assert callable(getattr(lanman, fn)), fn
        assert lanman.call_levels(fn) == (), fn   # none takes a level


def test_domain_constants():
    assert lanman.DS_FORCE_REDISCOVERY == 0x1
    assert lanman.DS_DIRECTORY_SERVICE_REQUIRED == 0x10
    assert lanman.DS_PDC_REQUIRED == 0x80
    assert lanman.DS_IS_DNS_NAME == 0x20000
    assert lanman.DS_RETURN_DNS_NAME == 0x40000000
    assert lanman.DS_RETURN_FLAT_NAME == 0x80000000
    assert lanman.DS_PDC_FLAG == 0x1 and lanman.DS_DNS_FOREST_FLAG == 0x80000000
    assert lanman.DS_INET_ADDRESS == 1 and lanman.DS_NETBIOS_ADDRESS == 2
    assert lanman.NETSETUP_JOIN_DOMAIN == 0x1 and lanman.NETSETUP_ACCT_CREATE == 0x2
    assert lanman.NETSETUP_PROVISION_REUSE_ACCOUNT == 0x2
    assert lanman.NETSETUP_PROVISION_ONLINE_CALLER == 0x40000000
    assert (lanman.NetSetupUnknownStatus, lanman.NetSetupUnjoined,
            lanman.NetSetupWorkgroupName, lanman.NetSetupDomainName) == (0, 1, 2, 3)


def test_session_dc_info_and_dc_name(session, server, dc, dc_host, realm):
    info = session.dc_info()
    assert info["DomainControllerName"] == "\\\\" + dc_host
    assert info["DomainControllerAddress"] == "\\\\" + server
    info = session.dc_info(realm, lanman.DS_RETURN_DNS_NAME)
    assert info["DomainName"] == realm.lower()
    assert session.dc_name() == "\\\\" + dc_host
    assert session.dc_name(dc["LANMAN_TEST_DOMAIN"]) == "\\\\" + dc_host


def test_session_join_info_and_joinable_ous(session, realm):
    with pytest.raises(lanman.NetApiError) as info:
        session.join_info()
    assert info.value.code == 1745
    with pytest.raises(lanman.NetApiError) as info:
        session.joinable_ous(realm)
    assert info.value.code == 1745


def test_session_uses_its_own_credentials(dc, server):
    with lanman.Session(server, user=dc["LANMAN_TEST_USER"], password="wrong-password",
                        domain=dc["LANMAN_TEST_DOMAIN"]) as s:
        with pytest.raises(lanman.NetApiError) as info:
            s.dc_name()
    assert info.value.code == 1326   # ERROR_LOGON_FAILURE
