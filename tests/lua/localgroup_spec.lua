-- Local groups (aliases) against the real DC (the Python suite's
-- test_localgroup.py in Lua): NetLocalGroupEnum and its paging, GetInfo,
-- Add / Del / SetInfo, NetLocalGroupGetMembers at every level (over SAMR and
-- LSA: libnetapi's is a stub), Add / Del / SetMembers by SID (level 0) and by
-- name (level 3: libnetapi aborts the process there; lanman resolves the
-- names first), all or nothing as on Windows; "who is in Administrators";
-- argument errors raised before anything is sent; the session helpers.
local helper = require "helper"
local lanman = helper.lanman
local server, domain = helper.server, helper.domain

local SidTypeUser, SidTypeGroup, SidTypeAlias, SidTypeWellKnownGroup = 1, 2, 4, 5
local SID = "^S%-1%-5%-21%-%d+%-%d+%-%d+%-(%d+)$"

local function fresh_name() return helper.fresh_name("lm-ll-") end
local unreachable, fails = helper.unreachable, helper.fails

local function all(buf, total, resume)
  assert.is_not_nil(buf, total)
  local records = buf:records()
  buf:free()
  assert.are.equal(0, resume)
  assert.are.equal(#records, total)
  return records
end

local function sorted(records, key)
  local out = {}
  for i, r in ipairs(records) do out[i] = r[key] end
  table.sort(out)
  return out
end

-- "DOMAIN\name" of every member (level 3), sorted.
local function members(group)
  return sorted(all(lanman.NetLocalGroupGetMembers(server, group, 3)), "domainandname")
end

local function info(name, level)
  local buf, message = lanman.NetLocalGroupGetInfo(server, name, level)
  assert.is_not_nil(buf, message)
  assert.are.same({"LOCALGROUP_INFO", level}, {buf:level()})
  assert.are.equal(1, #buf)
  local rec = buf[1]
  buf:free()
  return rec
end

local function user_sid(name)
  local buf = assert(lanman.NetUserGetInfo(server, name, 23))
  local sid = buf[1].user_sid
  buf:free()
  return sid
end

local function qualified(...)
  local out = {}
  for i, n in ipairs{...} do out[i] = n:find("\\", 1, true) and n or domain .. "\\" .. n end
  table.sort(out)
  return out
end

describe("local groups", function()
  local base

  setup(function() base = helper.live() end)
  teardown(function() helper.assert_live_baseline(base) end)

  it("accept the levels netapi.h has", function()
    assert.are.same({0, 1}, lanman.call_levels("NetLocalGroupEnum"))
    assert.are.same({0, 1, 1002}, lanman.call_levels("NetLocalGroupGetInfo"))
    assert.are.same({0, 1, 1002}, lanman.call_levels("NetLocalGroupSetInfo"))
    assert.are.same({0, 1, 2, 3}, lanman.call_levels("NetLocalGroupGetMembers"))
    for _, fn in ipairs{"NetLocalGroupAddMembers", "NetLocalGroupDelMembers",
                        "NetLocalGroupSetMembers"} do
      assert.are.same({0, 3}, lanman.call_levels(fn))
    end
    assert.are.same({"sid", "sidusage", "domainandname"},
                    lanman.level_fields("LOCALGROUP_MEMBERS_INFO", 2))
  end)

  describe("NetLocalGroupEnum", function()
    for _, level in ipairs{0, 1} do
      it("level " .. level .. " lists Builtin's and the domain's local groups", function()
        local by = helper.by(all(lanman.NetLocalGroupEnum(server, level)), "name")
        for _, name in ipairs{"Administrators", "Users", "Guests", "Remote Desktop Users"} do
          assert.is_table(by[name], name)
        end
        if level == 1 then
          assert.is_truthy(by.Administrators.comment:find("^Administrators have complete"))
        end
      end)
    end

    for _, prefmaxlen in ipairs{1, 100, 200, 1000} do
      it("pages with prefmaxlen " .. prefmaxlen .. ", each group once (libnetapi loops or stops early)", function()
        local everything = sorted(all(lanman.NetLocalGroupEnum(server, 1)), "name")
        local seen, pages, resume = {}, 0, 0
        repeat
          local buf, total
          buf, total, resume = lanman.NetLocalGroupEnum(server, 1, resume, prefmaxlen)
          assert.is_not_nil(buf, total)
          assert.is_true(#buf >= 1)
          for _, r in ipairs(buf:records()) do seen[#seen + 1] = r.name end
          buf:free()
          pages = pages + 1
          assert.are.equal(#everything, total)
          assert.is_true(pages <= #everything, "paging does not end")
        until resume == 0
        table.sort(seen)
        assert.are.same(everything, seen)
        if prefmaxlen <= 200 then assert.is_true(pages > 1) end
      end)
    end
  end)

  describe("NetLocalGroupGetInfo", function()
    it("reads Administrators at levels 0, 1 and 1002", function()
      assert.are.same({name = "Administrators"}, info("Administrators", 0))
      assert.are.equal("Administrators", info("Administrators", 1).name)
      assert.are.equal(info("Administrators", 1).comment, info("Administrators", 1002).comment)
    end)

    it("says NERR_GroupNotFound for a missing group and a global group", function()
      for _, name in ipairs{"no-such-localgroup-lm", "Domain Admins"} do
        fails(2220, "NERR_GroupNotFound", lanman.NetLocalGroupGetInfo(server, name, 1))
      end
    end)
  end)

  describe("NetLocalGroupGetMembers", function()
    it("tells who is in Administrators", function()
      local by = helper.by(all(lanman.NetLocalGroupGetMembers(server, "Administrators", 2)),
                           "domainandname")
      local admin = by[domain .. "\\Administrator"]
      assert.is_table(admin)
      assert.are.equal(user_sid("Administrator"), admin.sid)
      assert.are.equal(SidTypeUser, admin.sidusage)
      local da = by[domain .. "\\Domain Admins"]
      assert.are.equal("512", da.sid:match(SID))
      assert.are.equal(SidTypeGroup, da.sidusage)
      assert.is_table(by[domain .. "\\Enterprise Admins"])
    end)

    it("gives the same members at every level", function()
      local full = helper.by(all(lanman.NetLocalGroupGetMembers(server, "Administrators", 2)), "sid")
      for _, level in ipairs{0, 1, 3} do
        local buf, total, resume = lanman.NetLocalGroupGetMembers(server, "Administrators", level)
        assert.are.same({"LOCALGROUP_MEMBERS_INFO", level}, {buf:level()})
        local records = all(buf, total, resume)
        assert.are.equal(#helper.keys(full), #records)
        for _, r in ipairs(records) do
          if level == 3 then
            assert.is_truthy(r.domainandname:find("\\", 1, true))
          else
            assert.is_table(full[r.sid])
          end
          if level == 1 then
            assert.are.equal(domain .. "\\" .. r.name, full[r.sid].domainandname)
            assert.are.equal(full[r.sid].sidusage, r.sidusage)
          end
        end
      end
    end)

    it("names well-known members of Users", function()
      local by = helper.by(all(lanman.NetLocalGroupGetMembers(server, "Users", 2)), "domainandname")
      assert.are.equal("S-1-5-11", by["NT AUTHORITY\\Authenticated Users"].sid)
      assert.are.equal(SidTypeWellKnownGroup, by["NT AUTHORITY\\Authenticated Users"].sidusage)
      assert.are.equal("S-1-5-4", by["NT AUTHORITY\\INTERACTIVE"].sid)
    end)

    it("pages one member at a time with prefmaxlen 1", function()
      local everything = sorted(all(lanman.NetLocalGroupGetMembers(server, "Administrators", 0)), "sid")
      local seen, resume, pages = {}, 0, 0
      repeat
        local buf, total
        buf, total, resume = lanman.NetLocalGroupGetMembers(server, "Administrators", 0, resume, 1)
        assert.is_not_nil(buf, total)
        assert.are.equal(1, #buf)
        seen[#seen + 1] = buf[1].sid
        buf:free()
        pages = pages + 1
      until resume == 0
      table.sort(seen)
      assert.are.same(everything, seen)
      assert.are.equal(#everything, pages)
    end)

    it("says NERR_GroupNotFound for a missing group, a global group, a user", function()
      for _, name in ipairs{"no-such-localgroup-lm", "Domain Admins", "alice"} do
        fails(2220, "NERR_GroupNotFound", lanman.NetLocalGroupGetMembers(server, name, 2))
      end
    end)

    it("uses the call's credentials", function()
      local bad = lanman.credentials{user = helper.user, password = helper.wrong_password,
                                     domain = domain}
      local message = fails(1326, "ERROR_LOGON_FAILURE",
                            lanman.NetLocalGroupGetMembers(server, "Administrators", 0, 0, nil, bad))
      assert.is_falsy(message:find(helper.wrong_password, 1, true))
      local alice = lanman.credentials{user = "alice", password = helper.seed_password,
                                       domain = domain}
      assert.is_true(#all(lanman.NetLocalGroupGetMembers(server, "Administrators", 2, 0, nil,
                                                         alice)) >= 3)
      fails(5, "ERROR_ACCESS_DENIED",
            lanman.NetLocalGroupAddMembers(server, "Administrators", 3,
                                           {{domainandname = "alice"}}, alice))
    end)
  end)

  describe("a round trip", function()
    local group = fresh_name()

    teardown(function()
      lanman.NetLocalGroupDel(server, group)
      lanman.NetLocalGroupDel(server, group .. "-renamed")
    end)

    it("adds, reads, changes, fills by SID and by name, empties and deletes a local group", function()
      local sids = {alice = user_sid("alice"), bob = user_sid("bob"), carol = user_sid("carol")}
      assert.is_true(lanman.NetLocalGroupAdd(server, 1, {name = group, comment = "made by lanman"}))
      fails(1379, "ERROR_ALIAS_EXISTS", lanman.NetLocalGroupAdd(server, 0, {name = group}))
      assert.are.same({name = group, comment = "made by lanman"}, info(group, 1))
      assert.is_true(lanman.NetLocalGroupSetInfo(server, group, 1002, {comment = "set at 1002"}))
      assert.are.same({comment = "set at 1002"}, info(group, 1002))
      assert.is_true(lanman.NetLocalGroupSetInfo(server, group, 1, {name = group, comment = "set at 1"}))
      assert.are.equal("set at 1", info(group, 1).comment)

      -- by SID, by name (never libnetapi's level 3)
      assert.is_true(lanman.NetLocalGroupAddMembers(server, group, 0, {{sid = sids.alice}}))
      assert.is_true(lanman.NetLocalGroupAddMembers(server, group, 3, {
        {domainandname = domain .. "\\bob"}, {domainandname = "lanman-ops"},
        {domainandname = "NT AUTHORITY\\Authenticated Users"}}))
      assert.are.same(qualified("alice", "bob", "lanman-ops", "NT AUTHORITY\\Authenticated Users"),
                      members(group))
      local by = helper.by(all(lanman.NetLocalGroupGetMembers(server, group, 1)), "sid")
      assert.are.same({sid = sids.alice, sidusage = SidTypeUser, name = "alice"}, by[sids.alice])
      assert.are.equal(SidTypeWellKnownGroup, by["S-1-5-11"].sidusage)

      -- from the user's side
      local buf, total = lanman.NetUserGetLocalGroups(server, "alice", 0)
      assert.is_not_nil(buf, total)
      assert.is_true(helper.set(sorted(buf:records(), "name"))[group])
      buf:free()

      -- twice: ERROR_MEMBER_IN_ALIAS and nothing added
      fails(1378, "ERROR_MEMBER_IN_ALIAS",
            lanman.NetLocalGroupAddMembers(server, group, 0, {{sid = sids.carol}, {sid = sids.alice}}))
      assert.is_nil(helper.set(members(group))[domain .. "\\carol"])

      -- remove; a non-member: ERROR_MEMBER_NOT_IN_ALIAS and nothing removed
      assert.is_true(lanman.NetLocalGroupDelMembers(server, group, 3, {{domainandname = "bob"}}))
      assert.is_true(lanman.NetLocalGroupDelMembers(server, group, 0, {{sid = "S-1-5-11"}}))
      assert.are.same(qualified("alice", "lanman-ops"), members(group))
      fails(1377, "ERROR_MEMBER_NOT_IN_ALIAS",
            lanman.NetLocalGroupDelMembers(server, group, 3, {{domainandname = "alice"},
                                                               {domainandname = "bob"}}))
      assert.are.same(qualified("alice", "lanman-ops"), members(group))

      -- names of nothing: ERROR_NO_SUCH_MEMBER and nothing changed
      for _, list in ipairs{{{domainandname = "carol"}, {domainandname = "no-such-user-lm"}},
                            {{domainandname = "carol"}, {domainandname = domain}},
                            {{domainandname = "carol"}, {domainandname = "Everyone"}}} do
        fails(1387, "ERROR_NO_SUCH_MEMBER", lanman.NetLocalGroupAddMembers(server, group, 3, list))
        fails(1387, "ERROR_NO_SUCH_MEMBER", lanman.NetLocalGroupSetMembers(server, group, 3, list))
        assert.are.same(qualified("alice", "lanman-ops"), members(group))
      end
      fails(1387, "ERROR_NO_SUCH_MEMBER",
            lanman.NetLocalGroupAddMembers(server, group, 0, {{sid = sids.carol},
                                                              {sid = "S-1-5-21-1-2-3-4444"}}))
      assert.are.same(qualified("alice", "lanman-ops"), members(group))

      -- set: by SID, by name, empty
      assert.is_true(lanman.NetLocalGroupSetMembers(server, group, 0, {{sid = sids.carol},
                                                                       {sid = sids.alice}}))
      assert.are.same(qualified("alice", "carol"), members(group))
      assert.is_true(lanman.NetLocalGroupSetMembers(server, group, 3, {{domainandname = "bob"}}))
      assert.are.same(qualified("bob"), members(group))
      assert.is_true(lanman.NetLocalGroupSetMembers(server, group, 0, {}))
      assert.are.same({}, members(group))

      -- rename; onto a name in use
      assert.is_true(lanman.NetLocalGroupSetInfo(server, group, 0, {name = group .. "-renamed"}))
      fails(2220, "NERR_GroupNotFound", lanman.NetLocalGroupGetInfo(server, group, 0))
      assert.is_true(lanman.NetLocalGroupSetInfo(server, group .. "-renamed", 0, {name = group}))
      fails(1379, "ERROR_ALIAS_EXISTS",
            lanman.NetLocalGroupSetInfo(server, group, 0, {name = "Administrators"}))

      -- delete: NERR_GroupNotFound from then on
      assert.is_true(lanman.NetLocalGroupDel(server, group))
      fails(2220, "NERR_GroupNotFound", lanman.NetLocalGroupGetInfo(server, group, 1))
      fails(2220, "NERR_GroupNotFound", lanman.NetLocalGroupDel(server, group))
      fails(2220, "NERR_GroupNotFound", lanman.NetLocalGroupGetMembers(server, group, 0))
      fails(2220, "NERR_GroupNotFound",
            lanman.NetLocalGroupAddMembers(server, group, 3, {{domainandname = "alice"}}))
      fails(2220, "NERR_GroupNotFound", lanman.NetLocalGroupSetMembers(server, group, 0, {}))
    end)
  end)

  it("survives level 3 member calls in a child process (no abort)", function()
    local group = fresh_name()
    local script = ([[
      package.path = %q
      package.cpath = %q
      local lanman = require "lanman"
      -- No call timeout, hence no watchdog thread: at exit Lua unloads
      -- lanman_core.so under that thread, which then crashes the process
      -- now and then (SIGSEGV in pthread_cond_timedwait on the unmapped
      -- condition variable) -- not what this test is about.
      lanman.set_timeout(0)
      lanman.set_default_credentials{user = %q, password = os.getenv("LM_T_PW"), domain = %q}
      local S, G = %q, %q
      assert(lanman.NetLocalGroupAdd(S, 0, {name = G}))
      local out = {}
      for _, step in ipairs{
          {lanman.NetLocalGroupAddMembers, {{domainandname = "alice"}, {domainandname = "bob"}}},
          {lanman.NetLocalGroupDelMembers, {{domainandname = "alice"}}},
          {lanman.NetLocalGroupSetMembers, {{domainandname = "carol"}}},
          {lanman.NetLocalGroupAddMembers, {{domainandname = "no-such-user-lm"}}}} do
        local ok, _, code = step[1](S, G, 3, step[2])
        out[#out + 1] = ok and "ok" or tostring(code)
      end
      local buf = assert(lanman.NetLocalGroupGetMembers(S, G, 3))
      out[#out + 1] = buf[1].domainandname
      buf:free()
      assert(lanman.NetLocalGroupDel(S, G))
      io.write(table.concat(out, ","))
      io.flush()
    ]]):format(package.path, package.cpath, helper.user, domain, server, group)
    local path = os.tmpname()
    local f = assert(io.open(path, "w"))
    f:write(script)
    f:close()
    local p = io.popen("LM_T_PW=" .. helper.shell_quote(helper.password) ..
                       " lua5.4 " .. path .. " </dev/null 2>&1; echo \" exit=$?\"")
    local out = p:read("a")
    p:close()
    os.remove(path)
    assert.are.equal("ok,ok,ok,1387," .. domain .. "\\carol exit=0\n", out)
  end)

  describe("argument errors, raised before anything is sent", function()
    local far = unreachable()
    local cases = {
      {{"members", "LOCALGROUP_INFO_1"}, lanman.NetLocalGroupAdd, far, 1, {name = "x", members = {}}},
      {{"name", "required"}, lanman.NetLocalGroupAdd, far, 0, {}},
      {{"level"}, lanman.NetLocalGroupAdd, far, 1002, {comment = "x"}},
      {{"comment"}, lanman.NetLocalGroupAdd, far, 1, {name = "x", comment = 3}},
      {{"comment", "required"}, lanman.NetLocalGroupSetInfo, far, "Users", 1002, {}},
      {{"groupname"}, lanman.NetLocalGroupSetInfo, far, nil, 1002, {comment = "x"}},
      {{"level", "2"}, lanman.NetLocalGroupGetInfo, far, "Users", 2},
      {{"groupname"}, lanman.NetLocalGroupGetInfo, far, ("x"):rep(257), 1},
      {{"level"}, lanman.NetLocalGroupEnum, far, 2},
      {{"groupname"}, lanman.NetLocalGroupDel, far, {}},
      {{"level", "4"}, lanman.NetLocalGroupGetMembers, far, "Users", 4},
      {{"groupname"}, lanman.NetLocalGroupGetMembers, far, "", 0},
      {{"resume"}, lanman.NetLocalGroupGetMembers, far, "Users", 0, "0"},
      {{"members", "empty"}, lanman.NetLocalGroupAddMembers, far, "Users", 0, {}},
      {{"members", "empty"}, lanman.NetLocalGroupDelMembers, far, "Users", 3, {}},
      {{"members"}, lanman.NetLocalGroupAddMembers, far, "Users", 0, "S-1-5-11"},
      {{"members", "sid"}, lanman.NetLocalGroupAddMembers, far, "Users", 0, {{sid = "not-a-sid"}}},
      {{"members", "sid"}, lanman.NetLocalGroupAddMembers, far, "Users", 0, {{sid = 11}}},
      {{"members", "sid", "required"}, lanman.NetLocalGroupAddMembers, far, "Users", 0,
       {{sid = "S-1-5-11"}, {}}},
      {{"members", "domainandname"}, lanman.NetLocalGroupAddMembers, far, "Users", 0,
       {{domainandname = "bob"}}},
      {{"members"}, lanman.NetLocalGroupAddMembers, far, "Users", 3, {{domainandname = "a\0b"}}},
      {{"level", "1"}, lanman.NetLocalGroupAddMembers, far, "Users", 1, {{sid = "S-1-5-11"}}},
      {{"members"}, lanman.NetLocalGroupSetMembers, far, "Users", 0, {"S-1-5-11"}},
      {{"creds"}, lanman.NetLocalGroupGetMembers, far, "Users", 0, 0, nil, "admin"},
    }
    for i, case in ipairs(cases) do
      it(("case %d: %s"):format(i, table.concat(case[1], ", ")), function()
        local started = os.time()
        helper.raises(case[1], case[2], table.unpack(case, 3, 9))
        assert.is_true(os.time() - started <= 1)   -- a call that went out hangs
      end)
    end
  end)

  describe("sessions", function()
    it("list local groups and members, add and remove members by SID or name", function()
      local s <close> = lanman.session(helper.admin())
      local names = {}
      for g in s:localgroups() do names[#names + 1] = g.name end
      assert.is_true(helper.set(names).Administrators)
      local paged = {}
      for g in s:localgroups{level = 0, prefmaxlen = 1} do paged[#paged + 1] = g.name end
      assert.are.same(names, paged)
      assert.is_truthy(s:localgroup("Administrators").comment:find("^Administrators"))
      local admins = {}
      for m in s:localgroup_members("Administrators") do admins[m.domainandname] = m end
      assert.is_table(admins[domain .. "\\Domain Admins"])

      local group = fresh_name()
      assert.is_true(lanman.NetLocalGroupAdd(server, 0, {name = group}))
      assert.is_true(s:add_localgroup_members(group, "alice", user_sid("bob"),
                                              "NT AUTHORITY\\Authenticated Users"))
      local got = {}
      for m in s:localgroup_members(group) do got[#got + 1] = m.domainandname end
      table.sort(got)
      assert.are.same(qualified("alice", "bob", "NT AUTHORITY\\Authenticated Users"), got)
      assert.is_true(s:remove_localgroup_members(group, user_sid("alice"), domain .. "\\bob"))
      got = {}
      for m in s:localgroup_members(group, {level = 0}) do got[#got + 1] = m.sid end
      assert.are.same({"S-1-5-11"}, got)
      fails(1377, "ERROR_MEMBER_NOT_IN_ALIAS", s:remove_localgroup_members(group, "alice"))
      helper.raises({"no members"}, s.add_localgroup_members, s, group)
      helper.raises({"member"}, s.add_localgroup_members, s, group, 42)
      assert.is_true(lanman.NetLocalGroupDel(server, group))
      assert.has_error(function() for _ in s:localgroup_members("no-such-localgroup-lm") do end end)
    end)
  end)
end)
