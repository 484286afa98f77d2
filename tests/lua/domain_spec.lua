-- The domain calls against the real test DC (see tests/python/test_domain.py
-- for the measured codes): DC discovery answers with real values; join,
-- unjoin, rename, join information, joinable OUs and remote shutdown, which
-- a DC answers with an error, are checked for that exact error;
-- NetProvisionComputerAccount really creates a computer account, deleted
-- again.  Nothing here joins, unjoins, renames or shuts down THIS machine:
-- those calls always name the DC; NetRequestOfflineDomainJoin (always
-- local) only ever gets blobs it rejects before doing anything.
local helper = require "helper"
local lanman = helper.lanman
local server = helper.server
local env = helper.env

local realm = env.LANMAN_TEST_REALM
local host = helper.hostname
local RPC_NOT_IMPLEMENTED = 1745   -- RPC_S_PROCNUM_OUT_OF_RANGE (libnetapi: 46)

-- Asserts a call returned nil, message, code with this code; the message.
local function fails_with(code, name, ...)
  local first, message, got = ...
  assert.is_nil(first, "the call succeeded")
  assert.are.equal(code, got, message)
  assert.are.equal("integer", math.type(got))
  if name then assert.is_truthy(message:find(name, 1, true), message) end
  return message
end

local unreachable = helper.unreachable

local function sh(cmd)
  local p = io.popen(cmd)
  local out = p:read("a")
  local ok = p:close()
  return out, ok
end

local function domain_guid()
  local code = [[
import sys, ldb
from samba.samdb import SamDB
from samba.auth import system_session
from samba.param import LoadParm
from samba.ndr import ndr_unpack
from samba.dcerpc import misc
lp = LoadParm(); lp.load(sys.argv[1] + "/etc/smb.conf")
db = SamDB(url=sys.argv[1] + "/samba/private/sam.ldb", session_info=system_session(), lp=lp)
r = db.search(base=db.domain_dn(), scope=ldb.SCOPE_BASE, attrs=["objectGUID"])
print(str(ndr_unpack(misc.GUID, r[0]["objectGUID"][0])))
]]
  local out = sh("/usr/bin/python3 -c " .. helper.shell_quote(code) .. " "
                 .. helper.shell_quote(env.LANMAN_TEST_DC_DIR))
  local guid = out:match("^(%x+%-%x+%-%x+%-%x+%-%x+)")
  assert.is_not_nil(guid, out)
  return guid
end

describe("domain calls against the DC", function()
  local base
  setup(function() base = helper.live() end)
  teardown(function() helper.assert_live_baseline(base) end)

  describe("DsGetDcName", function()
    it("finds the DC with its flat names, GUID and sites", function()
      local guid = domain_guid()
      local buf <close> = assert(lanman.DsGetDcName(server, helper.domain))
      local family, level = buf:level()
      assert.are.same({"DOMAIN_CONTROLLER_INFO", 0}, {family, level})
      assert.are.equal(1, #buf)
      local r = buf[1]
      assert.are.equal("\\\\" .. host, r.DomainControllerName)
      assert.are.equal("\\\\" .. server, r.DomainControllerAddress)
      assert.are.equal(lanman.DS_INET_ADDRESS, r.DomainControllerAddressType)
      assert.are.equal(helper.domain, r.DomainName)
      assert.are.equal(realm:lower(), r.DnsForestName)
      assert.are.equal("{" .. guid:upper() .. "}", r.DomainGuid)
      assert.are.equal("Default-First-Site-Name", r.DcSiteName)
      assert.are.equal("Default-First-Site-Name", r.ClientSiteName)
      assert.are.equal("integer", math.type(r.Flags))
      for _, flag in ipairs{"DS_PDC_FLAG", "DS_GC_FLAG", "DS_LDAP_FLAG", "DS_DS_FLAG",
                            "DS_KDC_FLAG", "DS_WRITABLE_FLAG", "DS_DNS_FOREST_FLAG"} do
        assert.are_not.equal(0, r.Flags & lanman[flag], flag)
      end
      -- the same GUID given back selects the domain
      local again <close> = assert(lanman.DsGetDcName(server, helper.domain, guid))
      assert.are.equal(r.DomainGuid, again[1].DomainGuid)
    end)

    it("returns DNS names with DS_RETURN_DNS_NAME", function()
      local buf <close> = assert(lanman.DsGetDcName(server, realm, nil, nil,
        lanman.DS_RETURN_DNS_NAME | lanman.DS_DIRECTORY_SERVICE_REQUIRED))
      assert.are.equal("\\\\" .. (host .. "." .. realm):lower(), buf[1].DomainControllerName)
      assert.are.equal(realm:lower(), buf[1].DomainName)
      assert.are_not.equal(0, buf[1].Flags & lanman.DS_DNS_CONTROLLER_FLAG)
    end)

    it("takes the server's own domain when none is given", function()
      local buf <close> = assert(lanman.DsGetDcName(server))
      assert.are.equal("\\\\" .. host, buf[1].DomainControllerName)
    end)

    it("answers ERROR_NO_SUCH_DOMAIN and ERROR_INVALID_FLAGS exactly", function()
      fails_with(1355, "ERROR_NO_SUCH_DOMAIN", lanman.DsGetDcName(server, "NOSUCHDOMAIN"))
      fails_with(1004, nil, lanman.DsGetDcName(server, helper.domain, nil, nil,
                                                lanman.DS_RETURN_DNS_NAME | lanman.DS_RETURN_FLAT_NAME))
    end)

    it("checks its arguments before anything is sent", function()
      local far = unreachable()
      helper.raises({"domain_guid", "not a GUID"}, lanman.DsGetDcName, far, "D", "nope")
      helper.raises({"flags"}, lanman.DsGetDcName, far, "D", nil, nil, "0")
      helper.raises({"flags", "out of range"}, lanman.DsGetDcName, far, "D", nil, nil, -1)
      helper.raises({"domain"}, lanman.DsGetDcName, far, 5)
      helper.raises({"server"}, lanman.DsGetDcName, "bad host", "D")
    end)
  end)

  describe("NetGetDCName and NetGetAnyDCName", function()
    it("name the PDC in a one-field DC_NAME record", function()
      for _, domain in ipairs{helper.domain, false} do
        local buf <close> = assert(lanman.NetGetDCName(server, domain or nil))
        assert.are.same({"DC_NAME", 0}, {buf:level()})
        assert.are.same({{dc_name = "\\\\" .. host}}, buf:records())
      end
    end)

    it("answer the DC's errors exactly", function()
      fails_with(2453, "NERR_DCNotFound", lanman.NetGetDCName(server, realm))
      fails_with(1355, "ERROR_NO_SUCH_DOMAIN", lanman.NetGetDCName(server, "NOSUCHDOMAIN"))
      -- a DC asked for any DC of its own (only) domain, as Windows answers
      fails_with(1355, "ERROR_NO_SUCH_DOMAIN", lanman.NetGetAnyDCName(server, helper.domain))
      fails_with(1355, "ERROR_NO_SUCH_DOMAIN", lanman.NetGetAnyDCName(server))
    end)
  end)

  describe("join calls on the DC", function()
    it("NetGetJoinInformation: RPC_S_PROCNUM_OUT_OF_RANGE", function()
      fails_with(RPC_NOT_IMPLEMENTED, "RPC_S_PROCNUM_OUT_OF_RANGE",
                 lanman.NetGetJoinInformation(server))
    end)

    it("NetGetJoinableOUs: RPC_S_PROCNUM_OUT_OF_RANGE, password not in the message", function()
      local msg = fails_with(RPC_NOT_IMPLEMENTED, nil,
                             lanman.NetGetJoinableOUs(server, realm, helper.user, helper.password))
      assert.is_falsy(msg:find(helper.password, 1, true))
      fails_with(RPC_NOT_IMPLEMENTED, nil, lanman.NetGetJoinableOUs(server, realm))
    end)

    it("NetJoinDomain, NetUnjoinDomain, NetRenameMachineInDomain: RPC_S_PROCNUM_OUT_OF_RANGE", function()
      local msg = fails_with(RPC_NOT_IMPLEMENTED, "NetJoinDomain",
        lanman.NetJoinDomain(server, helper.domain, nil, helper.user, helper.password,
                             lanman.NETSETUP_JOIN_DOMAIN | lanman.NETSETUP_ACCT_CREATE))
      assert.is_falsy(msg:find(helper.password, 1, true))
      fails_with(RPC_NOT_IMPLEMENTED, "NetUnjoinDomain",
                 lanman.NetUnjoinDomain(server, helper.user, helper.password,
                                        lanman.NETSETUP_ACCT_DELETE))
      fails_with(RPC_NOT_IMPLEMENTED, "NetRenameMachineInDomain",
                 lanman.NetRenameMachineInDomain(server, "LMDCRENAMED", helper.user,
                                                 helper.password, 0))
    end)

    it("check their arguments before anything is sent", function()
      local far = unreachable()
      helper.raises({"domain"}, lanman.NetJoinDomain, far, "")
      helper.raises({"domain"}, lanman.NetJoinDomain, far, nil)
      helper.raises({"account", "password"}, lanman.NetJoinDomain, far, "D", nil, nil, "pw")
      helper.raises({"join_flags"}, lanman.NetJoinDomain, far, "D", nil, nil, nil, 1 << 32)
      helper.raises({"account", "password"}, lanman.NetUnjoinDomain, far, nil, "pw")
      helper.raises({"new_machine_name"}, lanman.NetRenameMachineInDomain, far, ("n"):rep(64))
      helper.raises({"domain"}, lanman.NetGetJoinableOUs, far, nil)
    end)
  end)

  describe("shutdown", function()
    it("the DC has no shutdown script: ERROR_ACCESS_DENIED", function()
      fails_with(5, "ERROR_ACCESS_DENIED",
                 lanman.NetShutdownInit(server, "lanman test", 3600, false, false))
      fails_with(5, "ERROR_ACCESS_DENIED", lanman.NetShutdownAbort(server))
    end)

    it("checks its arguments", function()
      local far = unreachable()
      helper.raises({"force_apps", "boolean"}, lanman.NetShutdownInit, far, "m", 1, 1)
      helper.raises({"do_reboot", "boolean"}, lanman.NetShutdownInit, far, "m", 1, false, "y")
      helper.raises({"timeout"}, lanman.NetShutdownInit, far, "m", -5)
    end)
  end)

  describe("NetRequestOfflineDomainJoin", function()
    it("answers NERR_NoOfflineJoinInfo without a blob", function()
      fails_with(2709, "NERR_NoOfflineJoinInfo", lanman.NetRequestOfflineDomainJoin(""))
    end)

    it("answers NERR_BadOfflineJoinInfo for a bad blob", function()
      for _, blob in ipairs{"x", "not a provisioning blob", "bm90IGEgYmxvYg==",
                            "\xff\xfej\0u\0n\0k\0", ("A"):rep(64)} do
        fails_with(2710, "NERR_BadOfflineJoinInfo", lanman.NetRequestOfflineDomainJoin(blob))
      end
    end)

    it("checks its arguments", function()
      helper.raises({"provision_bin_data", "string"}, lanman.NetRequestOfflineDomainJoin, nil)
      helper.raises({"provision_bin_data", "string"}, lanman.NetRequestOfflineDomainJoin, 5)
      helper.raises({"options"}, lanman.NetRequestOfflineDomainJoin, "x", "0")
    end)
  end)

  describe("NetProvisionComputerAccount", function()
    -- Runs in a child inside the DC's network namespace with Samba's state
    -- directories replaced by temporary ones and the DC's DNS name served
    -- by nss_wrapper (see tests/python/test_domain.py for why).
    local NSS_WRAPPER = "/usr/lib/x86_64-linux-gnu/libnss_wrapper.so"
    local CHILD = [[
local lanman = require "lanman"
lanman.set_default_credentials{user = os.getenv("LANMAN_TEST_USER"),
  password = os.getenv("LANMAN_TEST_PASSWORD"), domain = os.getenv("LANMAN_TEST_DOMAIN")}
local buf, message, code = lanman.NetProvisionComputerAccount(os.getenv("LANMAN_TEST_REALM"),
  arg[1], nil, os.getenv("LANMAN_TEST_SERVER"))
if buf == nil then print("RESULT FAIL " .. tostring(code) .. " " .. message) os.exit(0) end
local family, level = buf:level()
local text = buf[1].provision_text_data
buf:free()
print(("RESULT OK %s %d %d %s"):format(family, level, lanman.buffer_stats().live, text))
]]
    local ISOLATE = [[
d=$1; shift
mount --bind "$d/lib" /var/lib/samba && mount --bind "$d/run" /run/samba &&
mount --bind "$d/cache" /var/cache/samba &&
exec env LD_PRELOAD="$NSS_WRAPPER" NSS_WRAPPER_HOSTS="$d/hosts" "$@"
]]

    local function provision(name)
      local f = io.open(NSS_WRAPPER)
      assert.is_not_nil(f, "libnss-wrapper missing: run tools/install-deps")
      f:close()
      local tmp = sh("mktemp -d /tmp/lanman-provision.XXXXXX"):gsub("%s+$", "")
      local q = helper.shell_quote
      sh(("mkdir -p %s/lib/private %s/run %s/cache"):format(q(tmp), q(tmp), q(tmp)))
      local hosts = io.open(tmp .. "/hosts", "w")
      hosts:write(("%s %s.%s %s\n"):format(server, host:lower(), realm:lower(), host:lower()))
      hosts:close()
      local script = io.open(tmp .. "/child.lua", "w")
      script:write(CHILD)
      script:close()
      local exports = {}
      for k, v in pairs(env) do exports[#exports + 1] = k .. "=" .. q(v) end
      local cmd = ("env %s NSS_WRAPPER=%s LUA_PATH=%s LUA_CPATH=%s ip netns exec %s sh -c %s sh %s lua5.4 %s %s </dev/null 2>/dev/null")
        :format(table.concat(exports, " "), q(NSS_WRAPPER), q(package.path), q(package.cpath),
                q(env.LANMAN_TEST_NETNS), q(ISOLATE), q(tmp), q(tmp .. "/child.lua"), q(name))
      local out = sh(cmd)
      sh("rm -rf " .. q(tmp))
      local result = out:match("RESULT ([^\n]*)")
      assert.is_not_nil(result, out)
      return result
    end

    local function delete_account(account)
      sh(("rpcclient -A %s --use-kerberos=off -c %s %s </dev/null >/dev/null 2>&1")
         :format(helper.shell_quote(env.LANMAN_TEST_AUTHFILE),
                 helper.shell_quote("deletedomuser " .. account), helper.shell_quote(server)))
    end

    it("creates the computer account and returns its blob as base64 text", function()
      local name = ("LMPRL%06d"):format(math.random(0, 999999))
      local account = name .. "$"
      local ok, err = pcall(function()
        local result = provision(name)
        local family, level, live, text = result:match("^OK (%S+) (%d+) (%d+) (%S+)$")
        assert.is_not_nil(family, result)
        assert.are.equal("PROVISION_DATA", family)
        assert.are.equal("0", level)
        assert.are.equal("0", live)
        assert.is_truthy(#text > 600 and text:match("^[%w+/]+=*$"), text)
        local buf <close> = assert(lanman.NetUserGetInfo(server, account, 1))
        assert.are.equal(account, buf[1].name)
        assert.are_not.equal(0, buf[1].flags & lanman.UF_WORKSTATION_TRUST_ACCOUNT)
      end)
      delete_account(account)
      assert(ok, err)
      fails_with(2221, "NERR_UserNotFound", lanman.NetUserGetInfo(server, account, 0))
    end)

    it("checks its arguments", function()
      helper.raises({"domain"}, lanman.NetProvisionComputerAccount, nil, "M")
      helper.raises({"machine_name"}, lanman.NetProvisionComputerAccount, "D", "")
      helper.raises({"dcname"}, lanman.NetProvisionComputerAccount, "D", "M", nil, "bad host")
      helper.raises({"options"}, lanman.NetProvisionComputerAccount, "D", "M", nil, nil, "x")
    end)
  end)

  describe("levels, constants and the session", function()
    it("describes the fixed records", function()
      assert.are.same({"DomainControllerName", "DomainControllerAddress",
                       "DomainControllerAddressType", "DomainGuid", "DomainName",
                       "DnsForestName", "Flags", "DcSiteName", "ClientSiteName"},
                      lanman.level_fields("DOMAIN_CONTROLLER_INFO", 0))
      assert.are.same({"dc_name"}, lanman.level_fields("DC_NAME", 0))
      assert.are.same({"name", "status"}, lanman.level_fields("JOIN_INFORMATION", 0))
      assert.are.same({"ou"}, lanman.level_fields("JOINABLE_OU", 0))
      assert.are.same({"provision_text_data"}, lanman.level_fields("PROVISION_DATA", 0))
      assert.are.same({}, lanman.call_levels("DsGetDcName"))
    end)

    it("exports DS_* and NETSETUP_* constants as integers", function()
      assert.are.equal(0x40000000, lanman.DS_RETURN_DNS_NAME)
      assert.are.equal(0x80000000, lanman.DS_RETURN_FLAT_NAME)
      assert.are.equal(0x10, lanman.DS_DIRECTORY_SERVICE_REQUIRED)
      assert.are.equal(1, lanman.DS_FORCE_REDISCOVERY)
      assert.are.equal("integer", math.type(lanman.DS_PDC_FLAG))
      assert.are.equal(3, lanman.NetSetupDomainName)
      assert.are.equal(2, lanman.NETSETUP_PROVISION_REUSE_ACCOUNT)
    end)

    it("session: dc_info, dc_name, join_info, joinable_ous", function()
      local s <close> = lanman.session(helper.admin())
      local info = assert(s:dc_info())
      assert.are.equal("\\\\" .. host, info.DomainControllerName)
      local dns = assert(s:dc_info{domain = realm, flags = lanman.DS_RETURN_DNS_NAME})
      assert.are.equal(realm:lower(), dns.DomainName)
      assert.are.equal("\\\\" .. host, s:dc_name())
      assert.are.equal("\\\\" .. host, s:dc_name(helper.domain))
      fails_with(RPC_NOT_IMPLEMENTED, nil, s:join_info())
      fails_with(RPC_NOT_IMPLEMENTED, nil, s:joinable_ous(realm))
      local wrong <close> = lanman.session(helper.admin{password = helper.wrong_password})
      fails_with(1326, "ERROR_LOGON_FAILURE", wrong:dc_name())
    end)
  end)
end)
