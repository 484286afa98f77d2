-- The Windows-only calls on Linux: real signatures and levels, the same
-- argument checks as any call (bad ones raise), then nil, message, 50
-- (ERROR_NOT_SUPPORTED) naming the function and the platform, without
-- sending anything anywhere.
local helper = require "helper"
local lanman = helper.lanman
local server = helper.server

local NOT_HERE = "not available on Linux with Samba's libnetapi"

local CALLS = {
  NetSessionEnum = function(s) return lanman.NetSessionEnum(s, nil, nil, 10) end,
  NetSessionDel = function(s) return lanman.NetSessionDel(s, "\\\\client", nil) end,
  NetServerEnum = function(s) return lanman.NetServerEnum(s, 101) end,
  NetWkstaUserEnum = function(s) return lanman.NetWkstaUserEnum(s, 1) end,
  NetConnectionEnum = function(s) return lanman.NetConnectionEnum(s, "IPC$", 1) end,
  NetServerDiskEnum = function(s) return lanman.NetServerDiskEnum(s, 0) end,
}

local unreachable = helper.unreachable

local function not_supported(fn, name, ...)
  local buf, message, code = ...
  assert.is_nil(buf)
  assert.are.equal(50, code)
  assert.are.equal("integer", math.type(code))
  assert.is_truthy(message:find("ERROR_NOT_SUPPORTED", 1, true), message)
  assert.is_truthy(message:find(name .. " is " .. NOT_HERE, 1, true), message)
  return message
end

describe("Windows-only calls on Linux", function()
  local base
  setup(function() base = helper.live() end)
  teardown(function() helper.assert_live_baseline(base) end)

  for name, call in pairs(CALLS) do
    it(name .. " fails cleanly with ERROR_NOT_SUPPORTED", function()
      local msg = not_supported(call, name, call(server))
      assert.is_truthy(msg:find(server, 1, true), msg)
      not_supported(call, name, call(nil))   -- the local machine: the same
      -- nothing is sent: an address nobody answers costs no waiting (a
      -- real call there would wait for libnetapi's 20 s connect timeout)
      local far = unreachable()
      local t0 = os.time()
      for _ = 1, 20 do not_supported(call, name, call(far)) end
      assert.is_true(os.difftime(os.time(), t0) <= 1)
    end)
  end

  it("accepts every level and argument shape before failing", function()
    for _, level in ipairs{0, 1, 2, 10, 502} do
      not_supported(nil, "NetSessionEnum", lanman.NetSessionEnum(server, "\\\\host", "alice", level, 0, 4096))
    end
    for _, level in ipairs{100, 101} do
      not_supported(nil, "NetServerEnum",
                    lanman.NetServerEnum(server, level, lanman.SV_TYPE_DOMAIN_CTRL, helper.domain))
    end
    for _, level in ipairs{0, 1, 1101} do
      not_supported(nil, "NetWkstaUserEnum", lanman.NetWkstaUserEnum(server, level, 7, 100))
    end
    for _, level in ipairs{0, 1} do
      not_supported(nil, "NetConnectionEnum", lanman.NetConnectionEnum(server, "\\\\client", level))
    end
    not_supported(nil, "NetSessionDel", lanman.NetSessionDel(server, nil, "alice"))
  end)

  it("checks arguments first", function()
    local far = unreachable()
    helper.raises({"level", "3 is not supported", "0, 1, 2, 10, 502"},
                  lanman.NetSessionEnum, far, nil, nil, 3)
    helper.raises({"level", "102"}, lanman.NetServerEnum, far, 102)
    helper.raises({"level"}, lanman.NetWkstaUserEnum, far, 2)
    helper.raises({"level"}, lanman.NetConnectionEnum, far, "IPC$", 2)
    helper.raises({"level"}, lanman.NetServerDiskEnum, far, 1)
    helper.raises({"qualifier"}, lanman.NetConnectionEnum, far, nil, 0)
    helper.raises({"qualifier", "empty"}, lanman.NetConnectionEnum, far, "", 0)
    helper.raises({"client", "username"}, lanman.NetSessionDel, far, nil, nil)
    helper.raises({"servertype"}, lanman.NetServerEnum, far, 100, "all")
    helper.raises({"resume"}, lanman.NetWkstaUserEnum, far, 0, -1)
    helper.raises({"client"}, lanman.NetSessionEnum, far, 5, nil, 10)
    helper.raises({"server"}, lanman.NetSessionEnum, "no such/host", nil, nil, 10)
    helper.raises({"creds"}, lanman.NetServerDiskEnum, far, 0, 0, nil, "admin")
  end)

  it("describes its levels with pywin32's keys", function()
    assert.are.same({0, 1, 2, 10, 502}, lanman.call_levels("NetSessionEnum"))
    assert.are.same({100, 101}, lanman.call_levels("NetServerEnum"))
    assert.are.same({0, 1, 1101}, lanman.call_levels("NetWkstaUserEnum"))
    assert.are.same({0, 1}, lanman.call_levels("NetConnectionEnum"))
    assert.are.same({0}, lanman.call_levels("NetServerDiskEnum"))
    assert.are.same({"cname"}, lanman.level_fields("SESSION_INFO", 0))
    assert.are.same({"cname", "username", "time", "idle_time"}, lanman.level_fields("SESSION_INFO", 10))
    assert.are.same({"cname", "username", "num_opens", "time", "idle_time", "user_flags",
                     "cltype_name", "transport"}, lanman.level_fields("SESSION_INFO", 502))
    assert.are.same({"id", "type", "num_opens", "num_users", "time", "username", "netname"},
                    lanman.level_fields("CONNECTION_INFO", 1))
    assert.are.same({"username", "logon_domain", "oth_domains", "logon_server"},
                    lanman.level_fields("WKSTA_USER_INFO", 1))
    assert.are.same({"oth_domains"}, lanman.level_fields("WKSTA_USER_INFO", 1101))
    assert.are.same({"disk"}, lanman.level_fields("DISK_INFO", 0))
  end)

  it("session:sessions raises the ERROR_NOT_SUPPORTED message", function()
    local s <close> = lanman.session(helper.admin())
    local ok, err = pcall(function() for _ in s:sessions() do end end)
    assert.is_false(ok)
    assert.is_truthy(tostring(err):find("NetSessionEnum is " .. NOT_HERE, 1, true), err)
  end)

  it("hands out no buffer", function()
    local before = lanman.buffer_stats()
    for _, call in pairs(CALLS) do call(server) end
    local after = lanman.buffer_stats()
    assert.are.equal(before.allocated, after.allocated)
  end)
end)
