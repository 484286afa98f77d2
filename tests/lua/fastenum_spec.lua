-- s:users{level=3}: lanman's fast detailed user enumeration (core
-- UserEnumFast) gives NetUserEnum level 3's records, field by field, in order.
local helper = require "helper"
local lanman = helper.lanman

-- password_age is "now - pwdLastSet", counted when each path converts it
local AGE_SLACK = 30

local function netapi_records()
  local records, resume = {}, 0
  repeat
    local buf, total, nextresume = assert(lanman.NetUserEnum(helper.server, 3, 0, resume))
    for _, r in ipairs(buf:records()) do records[#records + 1] = r end
    buf:free()
    resume = nextresume
  until resume == 0
  return records
end

local function collect(iter)
  local out = {}
  for r in iter do out[#out + 1] = r end
  return out
end

local function assert_same(fast, slow)
  assert.are.equal(#slow, #fast)
  for i, s in ipairs(slow) do
    local f = fast[i]
    assert.are.same(helper.keys(s), helper.keys(f))
    for k, v in pairs(s) do
      if k == "password_age" then
        assert.is_true(math.abs(f[k] - v) <= AGE_SLACK, s.name .. " password_age")
      else
        assert.are.equal(v, f[k], s.name .. " " .. k)
      end
    end
  end
end

describe("fast detailed user enumeration", function()
  local base

  setup(function() base = helper.live() end)
  teardown(function() helper.assert_live_baseline(base) end)

  it("gives NetUserEnum level 3's records", function()
    local s <close> = lanman.session(helper.admin())
    local slow = netapi_records()
    assert.is_true(#slow >= 46)
    assert_same(collect(s:users{level = 3}), slow)
    assert_same(collect(s:users{level = 3, method = "samr"}), slow)
    assert_same(collect(s:users{level = 3, method = "netapi"}), slow)
  end)

  it("rejects an unknown method", function()
    local s <close> = lanman.session(helper.admin())
    assert.has_error(function() s:users{level = 3, method = "ldap"} end)
  end)

  it("raises on a wrong password", function()
    local s <close> = lanman.session(helper.admin{password = helper.wrong_password})
    assert.has_error(function() for _ in s:users{level = 3, method = "samr"} do end end)
  end)
end)
