-- 1,500 users, enumerated in many small pages: each comes exactly once
-- (NetUserEnum, s:users, NetQueryDisplayInformation, s:display_users) and
-- every buffer is freed.  The users live on a DC of their own, started here
-- with tests/dc/lanman-dc and LANMAN_DC_EXTRA_USERS=1500 on the main DC's
-- third octet + 100 (or LANMAN_USER_MANY_NET); its seeded database is
-- cached in /tmp under the same name as the Python suite's
-- (test_user_many.py), so whichever runs second starts it in seconds.
local helper = require "helper"
local lanman = helper.lanman

local EXTRA = 1500
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local DC_SCRIPT = here .. "/../dc/lanman-dc"

local function sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local ok = p:close()
  return out, ok
end

local function many_net()
  if os.getenv("LANMAN_USER_MANY_NET") then return os.getenv("LANMAN_USER_MANY_NET") end
  local a, b, c = helper.server:match("^(%d+)%.(%d+)%.(%d+)%.%d+$")
  c = tonumber(c)
  return ("%s.%s.%d"):format(a, b, c < 156 and (c + 100) % 256 or c - 100)
end

local function read_env(path)
  local env = {}
  for line in io.lines(path) do
    local k, v = line:match("^([%w_]+)=(.*)$")
    if k then env[k] = v end
  end
  return env
end

local function expected_names()
  local want = {}
  for i = 0, EXTRA - 1 do want[("lmbench%05d"):format(i)] = true end
  for _, n in ipairs(helper.seeded_users) do want[n] = true end
  want["dns-LMDC"] = true
  return want
end

describe("1,500 users", function()
  local base, env, home, creds

  setup(function()
    base = helper.live()
    local net = many_net()
    home = "/tmp/lanman-user-many." .. net
    local tag = sh("sha256sum " .. helper.shell_quote(DC_SCRIPT) .. " | cut -c1-12"):gsub("%s", "")
    local q = helper.shell_quote
    sh(q(DC_SCRIPT) .. " stop " .. q(home) .. " >/dev/null 2>&1")
    local log = home .. ".log"
    local _, ok = sh(("LANMAN_DC_NET=%s LANMAN_DC_EXTRA_USERS=%d LANMAN_DC_CACHE=%s %s start %s"
                      .. " </dev/null >/dev/null 2>%s"):format(
      q(net), EXTRA, q(("/tmp/lanman-user-many.%s.%s.tar"):format(net, tag)), q(DC_SCRIPT),
      q(home), q(log)))
    assert(ok, "the 1,500-user DC did not start: " .. (sh("tail -n 5 " .. q(log))))
    env = read_env(home .. "/env")
    creds = lanman.credentials { user = env.LANMAN_TEST_USER, password = env.LANMAN_TEST_PASSWORD,
                                 domain = env.LANMAN_TEST_DOMAIN }
  end)

  teardown(function()
    if home then sh(helper.shell_quote(DC_SCRIPT) .. " stop " .. helper.shell_quote(home)
                    .. " >/dev/null 2>&1") end
    creds = nil
    helper.assert_live_baseline(base)
  end)

  it("NetUserEnum with prefmaxlen 2048 returns each user once", function()
    local before = lanman.buffer_stats()
    local seen, resume, pages, count = {}, 0, 0, 0
    repeat
      local buf, total, nextresume = lanman.NetUserEnum(env.LANMAN_TEST_SERVER, 0,
                                                        lanman.FILTER_NORMAL_ACCOUNT, resume,
                                                        2048, creds)
      assert.is_not_nil(buf, total)
      for i = 1, #buf do
        local name = buf[i].name
        assert.is_nil(seen[name], name .. " came twice")
        seen[name], count = true, count + 1
      end
      buf:free()
      resume, pages = nextresume, pages + 1
      assert.is_true(pages < 2000)
    until resume == 0
    assert.is_true(pages >= 10, pages .. " pages")
    assert.are.same(expected_names(), seen)
    local after = lanman.buffer_stats()
    assert.are.equal(before.live, after.live)
    assert.are.equal(pages, after.allocated - before.allocated)
  end)

  it("s:users{level=20} and s:display_users{} agree, each user once", function()
    local s <close> = lanman.session { server = env.LANMAN_TEST_SERVER, user = env.LANMAN_TEST_USER,
                                       password = env.LANMAN_TEST_PASSWORD,
                                       domain = env.LANMAN_TEST_DOMAIN }
    local by_enum, by_display = {}, {}
    for u in s:users { level = 20, prefmaxlen = 4096 } do
      assert.is_nil(by_enum[u.name], u.name)
      by_enum[u.name] = u
    end
    for u in s:display_users { entries = 100 } do
      assert.is_nil(by_display[u.name], u.name)
      by_display[u.name] = u
    end
    local want = expected_names()
    assert.are.same(want, helper.set(helper.keys(by_enum)))
    assert.are.same(want, helper.set(helper.keys(by_display)))
    assert.are.equal("Bench User 01499", by_enum.lmbench01499.full_name)
    assert.are.equal("Bench User 01499", by_display.lmbench01499.full_name)
    assert.are.equal(by_enum.lmbench00700.user_id, by_display.lmbench00700.user_id)
    assert.are_not.equal(0, by_enum.lmbench00000.flags & lanman.UF_ACCOUNTDISABLE)
  end)

  it("NetQueryDisplayInformation in pages of 100 from index 0", function()
    local seen, index, pages = {}, 0, 0
    repeat
      local buf, nextindex = lanman.NetQueryDisplayInformation(env.LANMAN_TEST_SERVER, 1, index,
                                                               100, nil, creds)
      assert.is_not_nil(buf, nextindex)
      for i = 1, #buf do
        assert.is_nil(seen[buf[i].name], buf[i].name .. " came twice")
        seen[buf[i].name] = true
      end
      buf:free()
      index, pages = nextindex, pages + 1
      assert.is_true(pages < 500)
    until index == 0
    assert.is_true(pages >= 16, pages .. " pages")
    assert.are.same(expected_names(), seen)
  end)
end)
