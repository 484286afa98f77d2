-- lanman.session{...}: generic-for iterators over paged enumerations,
-- single-record helpers, errors raised from iterators, tostring without the
-- password, <close> and use after close -- against the real DC.
local helper = require "helper"
local lanman = helper.lanman

-- Names from a record iterator.
local function names_of(iter, key)
  local names = {}
  for rec in iter do names[#names + 1] = rec[key or "name"] end
  return names
end

-- Every user name by one low-level call, sorted.
local function expected_users()
  local buf = assert(lanman.NetUserEnum(helper.server, 0))
  local names = {}
  for i = 1, #buf do names[i] = buf[i].name end
  buf:free()
  table.sort(names)
  return names
end

describe("lanman.session", function()
  local base

  setup(function()
    base = helper.live()
  end)

  teardown(function()
    helper.assert_live_baseline(base)
  end)

  it("for u in s:users{level=1, prefmaxlen=512} collects every user once", function()
    local s = lanman.session(helper.admin())
    local before = lanman.buffer_stats()
    local users, count = {}, 0
    for u in s:users { level = 1, prefmaxlen = 512 } do
      assert.is_table(u)
      assert.is_nil(users[u.name], u.name .. " came twice")
      users[u.name] = u
      count = count + 1
    end
    local after = lanman.buffer_stats()
    -- more than one page, each freed as soon as it was copied out: no
    -- collection needed to get back to the same number of live buffers
    assert.is_true(after.allocated - before.allocated > 1, "one page only")
    assert.are.equal(before.live, after.live)
    local names = helper.keys(users)
    assert.are.same(expected_users(), names)
    assert.are.equal(#names, count)
    for _, name in ipairs(helper.seeded_users) do assert.is_table(users[name], name) end
    assert.are.equal("lanman test user", users.alice.comment)
    assert.are_not.equal(0, users.carol.flags & lanman.UF_ACCOUNTDISABLE)
    assert.are.equal(0, users.alice.flags & lanman.UF_ACCOUNTDISABLE)
    for k in pairs(users.alice) do
      assert.is_true(helper.set(lanman.level_fields("USER_INFO", 1))[k], k)
    end
  end)

  it("s:users() defaults to level 0 in one page", function()
    local s = lanman.session(helper.admin())
    local before = lanman.buffer_stats()
    local recs = {}
    for u in s:users() do recs[#recs + 1] = u end
    assert.are.equal(1, lanman.buffer_stats().allocated - before.allocated)
    assert.are.same({ "name" }, helper.keys(recs[1]))
    local names = {}
    for i, r in ipairs(recs) do names[i] = r.name end
    table.sort(names)
    assert.are.same(expected_users(), names)
  end)

  it("s:users{level=20, filter=...} passes the filter on", function()
    local s = lanman.session(helper.admin())
    local recs = {}
    for u in s:users { level = 20, filter = lanman.FILTER_SERVER_TRUST_ACCOUNT } do
      recs[#recs + 1] = u
    end
    assert.are.equal(1, #recs)
    assert.are.equal(helper.hostname:upper() .. "$", recs[1].name:upper())
    assert.is_number(recs[1].user_id)
  end)

  it("leaving the loop early leaves no buffer behind", function()
    local s = lanman.session(helper.admin())
    local before = lanman.buffer_stats()
    local n = 0
    for _ in s:users { level = 0, prefmaxlen = 512 } do
      n = n + 1
      if n == 3 then break end
    end
    assert.are.equal(3, n)
    assert.are.equal(before.live, lanman.buffer_stats().live)
  end)

  it("two iterators of one session run independently", function()
    local s = lanman.session(helper.admin())
    local a = s:users { prefmaxlen = 512 }
    local b = s:users { prefmaxlen = 512 }
    local first_a, first_b = a(), b()
    assert.are.equal(first_a.name, first_b.name)
    local count_a, count_b = 1, 1
    for _ in a do count_a = count_a + 1 end
    for _ in b do count_b = count_b + 1 end
    assert.are.equal(#expected_users(), count_a)
    assert.are.equal(#expected_users(), count_b)
  end)

  it("s:user(name, level) gives one record", function()
    local s = lanman.session(helper.admin())
    local alice = s:user("alice", 2)
    assert.is_table(alice)
    assert.are.equal("alice", alice.name)
    assert.are.equal("Alice Adams", alice.full_name)
    assert.are.equal("lanman test user", alice.comment)
    assert.are.equal(lanman.USER_PRIV_USER, alice.priv)
    -- default level 1
    local one = s:user("bob")
    assert.are.equal("bob", one.name)
    assert.is_nil(one.full_name)
    assert.is_number(one.flags)
    -- level 23: the SID
    assert.matches("^S%-1%-5%-21%-%d+%-%d+%-%d+%-%d+$", s:user("carol", 23).user_sid)
  end)

  it("s:user of a missing user returns nil, message, 2221", function()
    local s = lanman.session(helper.admin())
    local rec, msg, code = s:user("no-such-user-xyz", 1)
    assert.is_nil(rec)
    assert.are.equal(2221, code)
    assert.matches("NERR_UserNotFound", msg)
  end)

  it("s:server_info(101) and s:wksta_info(100)", function()
    local s = lanman.session(helper.admin())
    local info = s:server_info(101)
    assert.are.equal(helper.hostname:upper(), info.name:upper())
    assert.are.equal(lanman.PLATFORM_ID_NT, info.platform_id)
    assert.matches("Samba", info.comment)
    assert.are.same(helper.keys(info), helper.keys(s:server_info()))   -- default 101
    assert.are.same({ "name", "platform_id" }, helper.keys(s:server_info(100)))
    local w = s:wksta_info(100)
    assert.are.equal(helper.domain:upper(), w.langroup:upper())
    assert.are.equal(helper.hostname:upper(), w.computername:upper())
    assert.are.same(helper.keys(w), helper.keys(s:wksta_info()))      -- default 100
  end)

  it("for sh in s:shares{level=1} lists the test share with its remark", function()
    local s = lanman.session(helper.admin())
    local shares = {}
    for sh in s:shares { level = 1 } do
      assert.is_nil(shares[sh.netname])
      shares[sh.netname] = sh
    end
    assert.is_table(shares[helper.share])
    assert.are.equal("lanman test share", shares[helper.share].remark)
    assert.are.equal(lanman.STYPE_DISKTREE, shares[helper.share].type)
    assert.is_table(shares["IPC$"])
    -- default level 1 too
    local again = {}
    for sh in s:shares() do again[sh.netname] = sh end
    assert.are.same(shares, again)
    -- level 2 has the path
    local path
    for sh in s:shares { level = 2 } do
      if sh.netname == helper.share then path = sh.path end
    end
    assert.are.equal("C:" .. helper.share_path:gsub("/", "\\"), path)
  end)

  it("s:share(name) gives the level-2 record", function()
    local s = lanman.session(helper.admin())
    local sh = s:share(helper.share)
    assert.are.equal(helper.share, sh.netname)
    assert.are.equal("C:" .. helper.share_path:gsub("/", "\\"), sh.path)
    assert.are.equal(10, sh.max_uses)
  end)

  it("a failing enumeration raises in the for loop, with the message", function()
    local bad = lanman.session(helper.admin { password = helper.wrong_password })
    local iterations = 0
    local ok, err = pcall(function()
      for _ in bad:users { level = 1 } do iterations = iterations + 1 end
    end)
    assert.is_false(ok)
    assert.are.equal(0, iterations)
    assert.is_string(err)
    assert.matches("NetUserEnum", err)
    assert.is_truthy(err:find(helper.server, 1, true), err)
    assert.matches("1326", err)
    assert.matches("ERROR_LOGON_FAILURE", err)
    -- raised at the for loop (level 2), i.e. it points into this file
    assert.matches("session_spec.lua:%d+:", err)
    assert.is_falsy(err:find(helper.wrong_password, 1, true), "password in the error")

    ok, err = pcall(function() for _ in bad:shares() do end end)
    assert.is_false(ok)
    assert.matches("NetShareEnum", err)
    assert.is_falsy(err:find(helper.wrong_password, 1, true), "password in the error")
  end)

  it("single-record helpers of a failing session return nil, message, code", function()
    local bad = lanman.session(helper.admin { password = helper.wrong_password })
    for _, call in ipairs {
      function() return bad:server_info(101) end,
      function() return bad:user("alice", 1) end,
      function() return bad:wksta_info(100) end,
      function() return bad:share(helper.share) end,
    } do
      local rec, msg, code = call()
      assert.is_nil(rec)
      assert.are.equal(1326, code, msg)
      assert.is_falsy(msg:find(helper.wrong_password, 1, true))
    end
  end)

  it("sessions with other credentials do not disturb each other", function()
    local admin = lanman.session(helper.admin())
    local bad = lanman.session(helper.admin { password = helper.wrong_password })
    for _ = 1, 3 do
      assert.are.equal(helper.hostname:upper(), admin:server_info(100).name:upper())
      local rec, _, code = bad:server_info(100)
      assert.is_nil(rec)
      assert.are.equal(1326, code)
    end
  end)

  it("a session as a non-admin user (alice) enumerates users", function()
    assert.is_string(helper.seed_password, "env file has no LANMAN_TEST_SEED_PASSWORD")
    local s = lanman.session { server = helper.server, user = "alice",
                               password = helper.seed_password, domain = helper.domain }
    local names = names_of(s:users())
    table.sort(names)
    assert.are.same(expected_users(), names)
    assert.are.equal("Alice Adams", s:user("alice", 10).full_name)
  end)

  it("tostring(session) names server, user and domain, never the password", function()
    local s = lanman.session(helper.admin())
    local text = tostring(s)
    assert.matches("^lanman%.session", text)
    assert.is_truthy(text:find(helper.server, 1, true), text)
    assert.is_truthy(text:find(helper.user, 1, true), text)
    assert.is_truthy(text:find(helper.domain, 1, true), text)
    assert.is_falsy(text:find(helper.password, 1, true), text)
    -- nor anywhere else in the session table or its credentials
    for k, v in pairs(s) do
      assert.is_falsy(tostring(v):find(helper.password, 1, true), "field " .. tostring(k))
    end
    assert.is_falsy(tostring(s.creds):find(helper.password, 1, true))
    local creds = lanman.credentials { user = "u", password = helper.wrong_password, domain = "D" }
    assert.is_falsy(tostring(creds):find(helper.wrong_password, 1, true))
    assert.matches("^lanman%.Credentials", tostring(creds))
  end)

  it("local s <close> = lanman.session{...} closes at scope end", function()
    local ref
    do
      local s <close> = lanman.session(helper.admin())
      ref = s
      assert.are.equal(helper.hostname:upper(), s:server_info(100).name:upper())
    end
    local ok, err = pcall(ref.server_info, ref, 100)
    assert.is_false(ok)
    assert.matches("session is closed", err)
  end)

  it("a closed session raises on every use", function()
    local s = lanman.session(helper.admin())
    s:close()
    for name, call in pairs {
      users = function() return s:users() end,
      shares = function() return s:shares() end,
      user = function() return s:user("alice") end,
      share = function() return s:share(helper.share) end,
      server_info = function() return s:server_info() end,
      wksta_info = function() return s:wksta_info() end,
    } do
      local ok, err = pcall(call)
      assert.is_false(ok, name .. " worked on a closed session")
      assert.matches("session is closed", err)
    end
    -- closing twice is harmless
    s:close()
  end)

  it("an iterator made before close still finishes (it holds its credentials)", function()
    local s = lanman.session(helper.admin())
    local iter = s:users { prefmaxlen = 512 }
    assert.is_table(iter())
    s:close()
    collectgarbage()   -- the credentials must survive: the iterator holds them
    local count = 1
    local ok, err = pcall(function() for _ in iter do count = count + 1 end end)
    assert.is_true(ok, err)
    assert.are.equal(#expected_users(), count)
  end)

  it("rejects a non-table and bad field types", function()
    helper.raises({ "session", "table" }, lanman.session, "server")
    helper.raises({ "'server'" }, lanman.session, { server = 42 })
    helper.raises({ "'password'" }, lanman.session, { server = helper.server, password = 5 })
    helper.raises({ "'kerberos'" }, lanman.session, { server = helper.server, kerberos = 1 })
  end)
end)
