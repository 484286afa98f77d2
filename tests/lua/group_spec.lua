-- Global groups against the real DC (the Python suite's test_group.py in
-- Lua): NetGroupEnum at every level and its paging, NetGroupGetInfo,
-- NetGroupAdd / Del / SetInfo, NetGroupAddUser / DelUser, NetGroupGetUsers
-- (paging) and NetGroupSetUsers, read from both sides; the status codes
-- netapi32 gives; argument errors raised before anything is sent; the
-- session helpers.  Seeded: lanman-ops = {alice, bob}.
local helper = require "helper"
local lanman = helper.lanman
local server = helper.server

local SE_GROUP_DEFAULT = 7
local SID = "^S%-1%-5%-21%-%d+%-%d+%-%d+%-(%d+)$"

local function fresh_name() return helper.fresh_name("lm-gl-") end
local unreachable, fails = helper.unreachable, helper.fails

-- The one record of a GetInfo buffer, freed at once; asserts its shape.
local function info(name, level, creds)
  local buf, message = lanman.NetGroupGetInfo(server, name, level, creds)
  assert.is_not_nil(buf, message)
  assert.are.same({"GROUP_INFO", level}, {buf:level()})
  assert.are.equal(1, #buf)
  local rec = buf[1]
  buf:free()
  local fields = helper.set(lanman.level_fields("GROUP_INFO", level))
  for k in pairs(rec) do assert.is_true(fields[k], k) end
  return rec
end

-- Every record of a one-page answer (buf, total, resume).
local function all(buf, total, resume)
  assert.is_not_nil(buf, total)
  local records = buf:records()
  buf:free()
  assert.are.equal(0, resume)
  assert.are.equal(#records, total)
  return records
end

local function names(records, key)
  local out = {}
  for i, r in ipairs(records) do out[i] = r[key or "name"] end
  table.sort(out)
  return out
end

local function members(group, level)
  return names(all(lanman.NetGroupGetUsers(server, group, level or 0)))
end

describe("global groups", function()
  local base

  setup(function() base = helper.live() end)
  teardown(function() helper.assert_live_baseline(base) end)

  it("accept the levels netapi.h has", function()
    assert.are.same({0, 1, 2, 3}, lanman.call_levels("NetGroupEnum"))
    assert.are.same({0, 1, 2, 3}, lanman.call_levels("NetGroupGetInfo"))
    assert.are.same({0, 1, 2, 3}, lanman.call_levels("NetGroupAdd"))
    assert.are.same({0, 1, 2, 3, 1002, 1005}, lanman.call_levels("NetGroupSetInfo"))
    assert.are.same({0, 1}, lanman.call_levels("NetGroupGetUsers"))
    assert.are.same({0, 1}, lanman.call_levels("NetGroupSetUsers"))
    assert.are.same({"name", "comment", "group_sid", "attributes"},
                    lanman.level_fields("GROUP_INFO", 3))
    assert.are.same({"attributes"}, lanman.level_fields("GROUP_INFO", 1005))
  end)

  describe("NetGroupEnum", function()
    for _, level in ipairs{0, 1, 2, 3} do
      it("level " .. level .. " lists the domain's groups", function()
        local buf, total, resume = lanman.NetGroupEnum(server, level)
        assert.is_not_nil(buf, total)
        assert.are.same({"GROUP_INFO", level}, {buf:level()})
        local by = helper.by(all(buf, total, resume), "name")
        assert.is_table(by["lanman-ops"])
        assert.is_table(by["Domain Admins"])
        if level >= 1 then assert.are.equal("lanman test group", by["lanman-ops"].comment) end
        if level == 2 then
          assert.are.equal(512, by["Domain Admins"].group_id)
          assert.are.equal(SE_GROUP_DEFAULT, by["lanman-ops"].attributes)
        end
        if level == 3 then
          assert.are.equal("512", by["Domain Admins"].group_sid:match(SID))
        end
      end)
    end

    for _, case in ipairs{{0, 1}, {1, 100}, {3, 300}} do
      local level, prefmaxlen = case[1], case[2]
      it(("pages at level %d with prefmaxlen %d, each group once"):format(level, prefmaxlen), function()
        local everything = names(all(lanman.NetGroupEnum(server, level)))
        local seen, pages, resume = {}, 0, 0
        repeat
          local buf, total
          buf, total, resume = lanman.NetGroupEnum(server, level, resume, prefmaxlen)
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
        assert.is_true(pages > 1)
        if prefmaxlen == 1 then assert.are.equal(#everything, pages) end
      end)
    end
  end)

  describe("NetGroupGetInfo", function()
    for _, level in ipairs{0, 1, 2, 3} do
      it("reads lanman-ops at level " .. level, function()
        local rec = info("lanman-ops", level)
        assert.are.equal("lanman-ops", rec.name)
        if level >= 1 then assert.are.equal("lanman test group", rec.comment) end
        if level >= 2 then assert.are.equal(SE_GROUP_DEFAULT, rec.attributes) end
        if level == 3 then assert.is_truthy(rec.group_sid:match(SID)) end
      end)
    end

    it("agrees with NetGroupEnum", function()
      local enum = helper.by(all(lanman.NetGroupEnum(server, 3)), "name")
      for _, name in ipairs{"Domain Admins", "lanman-ops"} do
        assert.are.same(enum[name], info(name, 3))
      end
    end)

    it("says NERR_GroupNotFound for a missing group, a local group, a user", function()
      for _, name in ipairs{"no-such-group-lm", "Administrators", "alice"} do
        fails(2220, "NERR_GroupNotFound", lanman.NetGroupGetInfo(server, name, 1))
      end
    end)
  end)

  describe("NetGroupGetUsers", function()
    it("lists alice and bob in lanman-ops at levels 0 and 1", function()
      assert.are.same({"alice", "bob"}, members("lanman-ops", 0))
      for _, r in ipairs(all(lanman.NetGroupGetUsers(server, "lanman-ops", 1))) do
        assert.are.equal(SE_GROUP_DEFAULT, r.attributes)
      end
    end)

    it("pages one member at a time with prefmaxlen 1", function()
      local seen, resume, pages = {}, 0, 0
      repeat
        local buf, total
        buf, total, resume = lanman.NetGroupGetUsers(server, "lanman-ops", 0, resume, 1)
        assert.is_not_nil(buf, total)
        assert.are.equal(1, #buf)
        seen[#seen + 1] = buf[1].name
        buf:free()
        pages = pages + 1
        assert.are.equal(2, total)
      until resume == 0
      table.sort(seen)
      assert.are.same({"alice", "bob"}, seen)
      assert.are.equal(2, pages)
    end)

    it("says NERR_GroupNotFound for a missing group", function()
      fails(2220, "NERR_GroupNotFound", lanman.NetGroupGetUsers(server, "no-such-group-lm", 0))
    end)
  end)

  describe("a round trip", function()
    local group = fresh_name()

    teardown(function()
      lanman.NetGroupDel(server, group)
      lanman.NetGroupDel(server, group .. "-renamed")
    end)

    it("adds, reads at every level, changes, fills, empties and deletes a group", function()
      assert.is_true(lanman.NetGroupAdd(server, 1, {name = group, comment = "made by lanman"}))
      fails(2223, "NERR_GroupExists",
            lanman.NetGroupAdd(server, 1, {name = group, comment = "again"}))
      assert.are.same({name = group}, info(group, 0))
      assert.are.same({name = group, comment = "made by lanman"}, info(group, 1))
      local r2, r3 = info(group, 2), info(group, 3)
      assert.is_true(r2.group_id > 1000)
      assert.are.equal(tostring(r2.group_id), r3.group_sid:match(SID))

      assert.is_true(lanman.NetGroupSetInfo(server, group, 1002, {comment = "set at 1002"}))
      assert.are.equal("set at 1002", info(group, 1).comment)
      for _, level in ipairs{1, 2, 3} do
        assert.is_true(lanman.NetGroupSetInfo(server, group, level,
                                              {name = group, comment = "set at " .. level}))
        for _, read in ipairs{1, 2, 3} do
          assert.are.equal("set at " .. level, info(group, read).comment)
        end
      end
      assert.is_true(lanman.NetGroupSetInfo(server, group, 1005, {attributes = SE_GROUP_DEFAULT}))
      assert.are.equal(SE_GROUP_DEFAULT, info(group, 2).attributes)

      -- members, read from both sides
      assert.is_true(lanman.NetGroupAddUser(server, group, "alice"))
      assert.is_true(lanman.NetGroupAddUser(server, group, "bob"))
      fails(2236, "NERR_UserInGroup", lanman.NetGroupAddUser(server, group, "alice"))
      assert.are.same({"alice", "bob"}, members(group))
      assert.are.same({"alice", "bob"}, members(group, 1))
      for user, expected in pairs{alice = true, bob = true, carol = false} do
        local buf, total = lanman.NetUserGetGroups(server, user, 0)
        assert.is_not_nil(buf, total)
        assert.are.equal(expected, helper.set(names(buf:records()))[group] == true, user)
        buf:free()
      end

      -- NetGroupSetUsers: level 0, level 1, empty
      assert.is_true(lanman.NetGroupSetUsers(server, group, 0, {{name = "carol"}, {name = "alice"}}))
      assert.are.same({"alice", "carol"}, members(group))
      assert.is_true(lanman.NetGroupSetUsers(server, group, 1,
                                             {{name = "bob", attributes = SE_GROUP_DEFAULT}}))
      assert.are.same({"bob"}, members(group, 1))
      assert.is_true(lanman.NetGroupSetUsers(server, group, 0, {}))
      assert.are.same({}, members(group))
      fails(2221, "NERR_UserNotFound",
            lanman.NetGroupSetUsers(server, group, 0, {{name = "no-such-user-lm"}}))
      assert.is_true(lanman.NetGroupSetUsers(server, group, 0, {{name = "alice"}, {name = "bob"}}))

      -- delete members
      assert.is_true(lanman.NetGroupDelUser(server, group, "alice"))
      fails(2237, "NERR_UserNotInGroup", lanman.NetGroupDelUser(server, group, "alice"))
      fails(2221, "NERR_UserNotFound", lanman.NetGroupAddUser(server, group, "no-such-user-lm"))
      assert.are.same({"bob"}, members(group))

      -- rename, and onto a name in use
      assert.is_true(lanman.NetGroupSetInfo(server, group, 0, {name = group .. "-renamed"}))
      fails(2220, "NERR_GroupNotFound", lanman.NetGroupGetInfo(server, group, 0))
      assert.are.same({"bob"}, members(group .. "-renamed"))
      assert.is_true(lanman.NetGroupSetInfo(server, group .. "-renamed", 0, {name = group}))
      fails(2223, "NERR_GroupExists", lanman.NetGroupSetInfo(server, group, 0, {name = "lanman-ops"}))

      -- delete: NERR_GroupNotFound from then on
      assert.is_true(lanman.NetGroupDel(server, group))
      fails(2220, "NERR_GroupNotFound", lanman.NetGroupGetInfo(server, group, 1))
      fails(2220, "NERR_GroupNotFound", lanman.NetGroupDel(server, group))
      fails(2220, "NERR_GroupNotFound", lanman.NetGroupGetUsers(server, group, 0))
      fails(2220, "NERR_GroupNotFound", lanman.NetGroupSetUsers(server, group, 0, {}))
      fails(2220, "NERR_GroupNotFound", lanman.NetGroupAddUser(server, group, "alice"))
      assert.is_nil(helper.set(names(all(lanman.NetGroupEnum(server, 0))))[group])
    end)
  end)

  it("lets alice read but not add: ERROR_ACCESS_DENIED", function()
    local alice = lanman.credentials{user = "alice", password = helper.seed_password,
                                     domain = helper.domain}
    assert.are.equal("lanman test group", info("lanman-ops", 1, alice).comment)
    fails(5, "ERROR_ACCESS_DENIED", lanman.NetGroupAdd(server, 0, {name = fresh_name()}, alice))
  end)

  describe("argument errors, raised before anything is sent", function()
    local far = unreachable()
    local cases = {
      {{"bogus", "GROUP_INFO_1"}, lanman.NetGroupAdd, far, 1, {name = "x", bogus = 1}},
      {{"name", "required"}, lanman.NetGroupAdd, far, 1, {comment = "no name"}},
      {{"name"}, lanman.NetGroupAdd, far, 1, {name = 5}},
      {{"attributes"}, lanman.NetGroupAdd, far, 2, {name = "x", attributes = "7"}},
      {{"attributes"}, lanman.NetGroupAdd, far, 2, {name = "x", attributes = 1.5}},
      {{"group_sid"}, lanman.NetGroupAdd, far, 3, {name = "x", group_sid = "S-1-nope"}},
      {{"level", "1002"}, lanman.NetGroupAdd, far, 1002, {comment = "x"}},
      {{"data"}, lanman.NetGroupAdd, far, 1, "x"},
      {{"level"}, lanman.NetGroupAdd, far, "1", {name = "x"}},
      {{"groupname"}, lanman.NetGroupGetInfo, far, nil, 1},
      {{"groupname", "empty"}, lanman.NetGroupGetInfo, far, "", 1},
      {{"groupname", "257"}, lanman.NetGroupGetInfo, far, ("g"):rep(257), 1},
      {{"level", "4"}, lanman.NetGroupGetInfo, far, "lanman-ops", 4},
      {{"level", "7"}, lanman.NetGroupEnum, far, 7},
      {{"resume"}, lanman.NetGroupEnum, far, 0, -1},
      {{"groupname"}, lanman.NetGroupDel, far, 42},
      {{"attributes", "required"}, lanman.NetGroupSetInfo, far, "lanman-ops", 1005, {}},
      {{"attributes"}, lanman.NetGroupSetInfo, far, "lanman-ops", 1005, {attributes = 2^32}},
      {{"username"}, lanman.NetGroupAddUser, far, "lanman-ops", nil},
      {{"groupname"}, lanman.NetGroupDelUser, far, nil, "alice"},
      {{"level", "2"}, lanman.NetGroupGetUsers, far, "lanman-ops", 2},
      {{"members"}, lanman.NetGroupSetUsers, far, "lanman-ops", 0, "alice"},
      {{"members", "name", "required"}, lanman.NetGroupSetUsers, far, "lanman-ops", 0,
       {{name = "alice"}, {}}},
      {{"members", "nam"}, lanman.NetGroupSetUsers, far, "lanman-ops", 0, {{nam = "alice"}}},
      {{"members"}, lanman.NetGroupSetUsers, far, "lanman-ops", 0, {"alice"}},
      {{"level"}, lanman.NetGroupSetUsers, far, "lanman-ops", 2, {{name = "alice"}}},
      {{"creds"}, lanman.NetGroupEnum, far, 0, 0, nil, "admin"},
    }
    for i, case in ipairs(cases) do
      it(("case %d: %s"):format(i, table.concat(case[1], ", ")), function()
        local started = os.time()
        helper.raises(case[1], case[2], table.unpack(case, 3, 8))
        assert.is_true(os.time() - started <= 1)   -- a call that went out hangs
      end)
    end
  end)

  describe("sessions", function()
    it("list groups and members, add and remove members", function()
      local s <close> = lanman.session(helper.admin())
      local all_groups = {}
      for g in s:groups() do all_groups[#all_groups + 1] = g.name end
      assert.is_true(helper.set(all_groups)["lanman-ops"])
      local paged = {}
      for g in s:groups{level = 0, prefmaxlen = 1} do paged[#paged + 1] = g.name end
      assert.are.same(all_groups, paged)
      assert.are.equal("lanman test group", s:group("lanman-ops").comment)
      local m = {}
      for r in s:group_members("lanman-ops", {prefmaxlen = 1}) do m[#m + 1] = r.name end
      table.sort(m)
      assert.are.same({"alice", "bob"}, m)

      local group = fresh_name()
      assert.is_true(lanman.NetGroupAdd(server, 0, {name = group}))
      assert.is_true(s:add_group_member(group, "carol"))
      local got = {}
      for r in s:group_members(group) do got[#got + 1] = r.name end
      assert.are.same({"carol"}, got)
      assert.is_true(s:remove_group_member(group, "carol"))
      fails(2237, "NERR_UserNotInGroup", s:remove_group_member(group, "carol"))
      assert.is_true(lanman.NetGroupDel(server, group))
      assert.has_error(function() for _ in s:group_members("no-such-group-lm") do end end)
    end)
  end)
end)
