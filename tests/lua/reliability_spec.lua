-- Faults against the real test DC, from Lua: a restart between two calls
-- of one session and between two pages, a frozen server (SIGSTOP: it
-- accepts connections and never answers), a killed one (closed port), a
-- wrong password, a disabled account.  Each ends in nil, message, code (or
-- an error raised by an iterator) within the call timeout, with no live
-- buffer, and the session works again once the DC is back.  Only the
-- processes of the DC's own network namespace are signalled.
local helper = require "helper"
local lanman = helper.lanman
local system = require "system"   -- monotime, sleep (a busted dependency)

local TIMEOUT, SLACK = 2.0, 1.5
local env = helper.env
local netns, dcdir = env.LANMAN_TEST_NETNS, env.LANMAN_TEST_DC_DIR
local script = "../dc/lanman-dc"   -- busted runs in tests/lua

local function dc_signal(sig)
  assert(os.execute(("ip netns pids %s | xargs -r kill -%s 2>/dev/null; true")
    :format(helper.shell_quote(netns), sig)))
end
local function freeze() dc_signal("STOP") end
local function thaw() dc_signal("CONT") end
local function kill()
  dc_signal("STOP")   -- frozen first: nothing serves while the rest dies
  dc_signal("KILL")
  os.execute(("for i in $(seq 100); do [ -z \"$(ip netns pids %s)\" ] && break; sleep 0.05; done")
    :format(helper.shell_quote(netns)))
end
local function restart()
  thaw()
  -- without the ASan runtime make asan-test preloads (ps, awk crawl under it)
  assert(os.execute(("%s restart %s >/dev/null 2>&1"):format(script, helper.shell_quote(dcdir))))
end

-- seconds, then everything fn returned
local function timed(fn)
  local t0 = system.monotime()
  local r = table.pack(fn())
  return system.monotime() - t0, table.unpack(r, 1, r.n)
end

local function all_users(s)
  local names = {}
  for u in s:users() do names[#names + 1] = u.name end
  table.sort(names)
  return names
end

local can_signal = netns ~= nil and dcdir ~= nil and
  io.popen("id -u"):read("l") == "0"

describe("reliability", function()
  local base

  setup(function()
    base = helper.live()
    lanman.set_timeout(TIMEOUT)
  end)

  teardown(function()
    lanman.set_timeout(20)
    if can_signal then
      thaw()
      local buf = lanman.NetServerGetInfo(helper.server, 100)
      if buf then buf:free() else restart() end
    end
    helper.assert_live_baseline(base)
  end)

  before_each(function() lanman.set_timeout(TIMEOUT) end)

  it("set_timeout checks its argument and get_timeout reads it back", function()
    lanman.set_timeout(0.25)
    assert.are.equal(0.25, lanman.get_timeout())
    lanman.set_timeout(20)
    assert.are.equal(20, lanman.get_timeout())
    helper.raises({ "seconds", "number" }, lanman.set_timeout, "2")
    helper.raises({ "seconds", "number" }, lanman.set_timeout, nil)
    helper.raises({ "seconds" }, lanman.set_timeout, -1)
    helper.raises({ "seconds" }, lanman.set_timeout, 0 / 0)
    helper.raises({ "seconds" }, lanman.set_timeout, math.huge)
  end)

  it("a wrong password is nil, message, 1326 at once, without the password", function()
    local s = lanman.session(helper.admin { password = helper.wrong_password })
    local seconds, rec, msg, code = timed(function() return s:server_info(101) end)
    assert.is_nil(rec)
    assert.are.equal(1326, code)
    assert.is_nil(msg:find(helper.wrong_password, 1, true))
    assert.is_true(seconds < TIMEOUT + SLACK)
    assert.is_table(lanman.session(helper.admin()):server_info(101))
  end)

  it("a disabled account (carol) is nil, message, 1331", function()
    local s = lanman.session { server = helper.server, user = "carol",
                               password = helper.seed_password, domain = helper.domain }
    local seconds, rec, msg, code = timed(function() return s:server_info(101) end)
    assert.is_nil(rec)
    assert.are.equal(1331, code, msg)
    assert.is_true(seconds < TIMEOUT + SLACK)
  end)

  it("a new context between two pages loses no user", function()
    local s = lanman.session(helper.admin())
    local expected = all_users(s)
    local names, resume = {}, 0
    repeat
      local buf, _, nextresume = lanman.NetUserEnum(helper.server, 0, 0, resume, 64, s.creds)
      assert.is_not_nil(buf, _)
      for i = 1, #buf do names[#names + 1] = buf[i].name end
      buf:free()
      require("lanman_core").context_shutdown()
      resume = nextresume
    until resume == 0
    table.sort(names)
    assert.are.same(expected, names)
  end)

  describe("with the DC's processes", function()
    if not can_signal then
      pending("needs root and a DC started by tests/dc/lanman-dc")
      return
    end

    it("a restart between two calls of one session goes unnoticed", function()
      local s = lanman.session(helper.admin())
      local first = assert(s:server_info(101))
      local reinits = lanman.context_reinits()
      restart()
      local seconds, rec, msg = timed(function() return s:server_info(101) end)
      assert.is_table(rec, msg)
      assert.are.equal(first.name, rec.name)
      assert.is_true(lanman.context_reinits() > reinits)
      assert.is_true(seconds < TIMEOUT + SLACK)
    end)

    it("a restart between two pages loses no user", function()
      local s = lanman.session(helper.admin())
      local expected = all_users(s)
      local buf, _, resume = lanman.NetUserEnum(helper.server, 0, 0, 0, 64, s.creds)
      local names = {}
      for i = 1, #buf do names[#names + 1] = buf[i].name end
      buf:free()
      assert.are_not.equal(0, resume)
      restart()
      while resume ~= 0 do
        buf, _, resume = lanman.NetUserEnum(helper.server, 0, 0, resume, 64, s.creds)
        assert.is_not_nil(buf, _)
        for i = 1, #buf do names[#names + 1] = buf[i].name end
        buf:free()
      end
      table.sort(names)
      assert.are.same(expected, names)
    end)

    it("a frozen server is nil, message, 121 within the timeout", function()
      local s = lanman.session(helper.admin())
      assert(s:server_info(101))
      freeze()
      local seconds, rec, msg, code = timed(function() return s:server_info(101) end)
      thaw()
      assert.is_nil(rec)
      assert.are.equal(121, code)
      assert.is_truthy(msg:find("ERROR_SEM_TIMEOUT", 1, true))
      assert.is_true(seconds >= TIMEOUT - 0.1 and seconds < TIMEOUT + SLACK, tostring(seconds))
      assert.is_table(s:server_info(101))
    end)

    it("a frozen server stops an iterator with an error within the timeout", function()
      local s = lanman.session(helper.admin())
      local expected = all_users(s)
      local iter = s:users { prefmaxlen = 64 }
      assert.is_table(iter())
      freeze()
      local t0 = system.monotime()
      local ok, err = pcall(function() for _ in iter do end end)
      local seconds = system.monotime() - t0
      thaw()
      assert.is_false(ok)
      assert.is_truthy(tostring(err):find("121", 1, true), tostring(err))
      assert.is_true(seconds < TIMEOUT + SLACK)
      assert.are.same(expected, all_users(s))
    end)

    it("a killed server: a closed port fails at once, then the session works again", function()
      local s = lanman.session(helper.admin())
      assert(s:server_info(101))
      kill()
      local seconds, rec, msg, code = timed(function() return s:server_info(101) end)
      assert.is_nil(rec)
      assert.is_number(code)
      assert.is_truthy(msg:find("NetServerGetInfo", 1, true))
      assert.is_true(seconds < TIMEOUT + SLACK)
      restart()
      assert.is_table(s:server_info(101))
    end)
  end)
end)
