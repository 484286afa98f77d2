-- Server settings, the server's clock and the server family's level tables
-- against the real DC.  Measured (Samba 4.17 AD DC through libnetapi):
-- NetServerGetInfo 402/502/503/1005 go to the server, which answers 124;
-- libnetapi refuses 403 and 599 itself (124).  NetServerSetInfo: libnetapi
-- sends only 1005 (else 50), which Samba answers with success while
-- changing nothing.  NetRemoteTOD: the DC's clock, in UTC.
local helper = require "helper"
local lanman = helper.lanman
local server = helper.server

local function one(family, level, buf, msg)
  assert.is_not_nil(buf, msg)
  assert.are.same({ family, level }, { buf:level() })
  assert.are.equal(1, #buf)
  local rec = buf[1]
  buf:free()
  return rec
end

local function live()
  collectgarbage("collect")
  collectgarbage("collect")
  return lanman.buffer_stats().live
end

describe("server family levels", function()
  it("lists the levels of each call", function()
    assert.are.same({ 100, 101, 102, 402, 403, 502, 503, 599, 1005 },
                    lanman.call_levels("NetServerGetInfo"))
    assert.are.same({ 101, 102, 402, 403, 502, 503, 599, 1005, 1010, 1016, 1017, 1018, 1107 },
                    lanman.call_levels("NetServerSetInfo"))
    assert.are.same({}, lanman.call_levels("NetRemoteTOD"))
  end)

  it("has every field of netapi.h's SERVER_INFO structs", function()
    for level, n in pairs { [402] = 31, [403] = 34, [502] = 18, [503] = 42, [599] = 56 } do
      local fields = lanman.level_fields("SERVER_INFO", level)
      assert.are.equal(n, #fields, "SERVER_INFO_" .. level)
      assert.are.equal(n, #helper.keys(helper.set(fields)))
    end
    for level, key in pairs { [1005] = "comment", [1010] = "disc", [1016] = "hidden",
                              [1017] = "announce", [1018] = "anndelta", [1107] = "users" } do
      assert.are.same({ key }, lanman.level_fields("SERVER_INFO", level))
    end
    assert.are.same({ "elapsedt", "msecs", "hours", "mins", "secs", "hunds", "timezone",
                      "tinterval", "day", "month", "year", "weekday" },
                    lanman.level_fields("TIME_OF_DAY_INFO", 0))
  end)
end)

describe("NetServerGetInfo / NetServerSetInfo", function()
  it("answers 124 for the levels this Samba does not serve", function()
    for _, level in ipairs { 402, 403, 502, 503, 599, 1005 } do
      local buf, msg, code = lanman.NetServerGetInfo(server, level)
      assert.is_nil(buf)
      assert.are.equal(124, code, msg)
      assert.matches("ERROR_INVALID_LEVEL", msg)
      assert.matches("NetServerGetInfo", msg)
    end
  end)

  it("accepts level 1005, and Samba changes nothing", function()
    local base = live()
    local before = one("SERVER_INFO", 101, lanman.NetServerGetInfo(server, 101)).comment
    assert.is_true(lanman.NetServerSetInfo(server, 1005, { comment = "lanman lua was here" }))
    local s <close> = lanman.session(helper.admin())
    assert.is_true(s:set_server_info { comment = "through the session" })
    assert.are.equal(before, one("SERVER_INFO", 101, lanman.NetServerGetInfo(server, 101)).comment)
    assert.are.equal(before, s:server_info(102).comment)
    assert.are.equal(base, live())
  end)

  it("answers 50 for every other level (libnetapi sends only 1005)", function()
    local s <close> = lanman.session(helper.admin())
    for _, case in ipairs {
      { 101, { comment = "x" } }, { 102, { comment = "x", hidden = 0 } }, { 402, {} }, { 403, {} },
      { 502, { sessopens = 1 } }, { 503, {} }, { 599, {} }, { 1010, { disc = 15 } },
      { 1016, { hidden = 1 } }, { 1017, { announce = 240 } }, { 1018, { anndelta = 3000 } },
      { 1107, { users = 10 } },
    } do
      local ok, msg, code = lanman.NetServerSetInfo(server, case[1], case[2])
      assert.is_nil(ok)
      assert.are.equal(50, code, msg)
      assert.matches("ERROR_NOT_SUPPORTED", msg)
      assert.matches("NetServerSetInfo", msg)
      ok, msg, code = s:set_server_info(case[1], case[2])
      assert.are.equal(50, code, msg)
    end
  end)

  it("raises on bad arguments, naming them, before any call", function()
    local nobody = server:gsub("%d+$", "254")
    local before = lanman.buffer_stats().allocated
    helper.raises({ "'comment'", "NetServerSetInfo" }, lanman.NetServerSetInfo, nobody, 1005, {})
    helper.raises({ "'comment'", "NetServerSetInfo" }, lanman.NetServerSetInfo, nobody, 1005, { comment = 5 })
    helper.raises({ "'name'", "NetServerSetInfo" }, lanman.NetServerSetInfo, nobody, 1005, { name = "x" })
    helper.raises({ "'level'", "NetServerSetInfo" }, lanman.NetServerSetInfo, nobody, 100, { name = "x" })
    helper.raises({ "'data'", "NetServerSetInfo" }, lanman.NetServerSetInfo, nobody, 1005, "comment")
    helper.raises({ "'hidden'", "NetServerSetInfo" }, lanman.NetServerSetInfo, nobody, 1016, { hidden = 256 })
    helper.raises({ "'level'", "NetServerGetInfo" }, lanman.NetServerGetInfo, nobody, 1010)
    helper.raises({ "'server'", "NetRemoteTOD" }, lanman.NetRemoteTOD, 5)
    helper.raises({ "'creds'", "NetRemoteTOD" }, lanman.NetRemoteTOD, nobody, "admin")
    assert.are.equal(before, lanman.buffer_stats().allocated)
  end)
end)

describe("NetRemoteTOD", function()
  it("gives the DC's clock, within a few seconds of ours", function()
    local base = live()
    local t0 = os.time()
    local rec = one("TIME_OF_DAY_INFO", 0, lanman.NetRemoteTOD(server))
    local t1 = os.time()
    assert.is_true(rec.elapsedt >= t0 - 3 and rec.elapsedt <= t1 + 3,
                   ("elapsedt %d, local %d..%d"):format(rec.elapsedt, t0, t1))
    for k, v in pairs(rec) do assert.are.equal("integer", math.type(v), k) end
    assert.are.equal(0, rec.timezone)          -- the DC runs on UTC
    local t = os.date("!*t", rec.elapsedt - 60 * rec.timezone)
    assert.are.same({ t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday - 1 },
                    { rec.year, rec.month, rec.day, rec.hours, rec.mins, rec.secs, rec.weekday })
    assert.are.equal(10000, rec.tinterval)
    assert.are.equal(base, live())
  end)

  it("through the session", function()
    local s <close> = lanman.session(helper.admin())
    local rec = s:time()
    assert.is_true(math.abs(rec.elapsedt - os.time()) <= 3)
    assert.are.equal("integer", math.type(rec.year))
  end)
end)
