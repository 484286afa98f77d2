-- The low-level calls against the real DC: every level of NetServerGetInfo,
-- NetWkstaGetInfo, NetUserEnum (and its paging), NetUserGetInfo,
-- NetShareEnum and NetShareGetInfo, with the seeded users and share.
local helper = require "helper"
local lanman = helper.lanman
local server = helper.server

-- Asserts every key of rec is a field of (family, level), and returns the
-- field set.
local function assert_fields(family, level, rec)
  local fields = lanman.level_fields(family, level)
  assert.is_table(fields, family .. " " .. level .. " has no descriptor")
  local allowed = helper.set(fields)
  for k in pairs(rec) do
    assert.is_true(allowed[k] == true, ("%s_%d record has unexpected key %s"):format(family, level, k))
  end
  return allowed
end

-- Every user at `level`, one call; asserts the call worked and was the last
-- page.
local function all_users(level, filter)
  local buf, total, resume = lanman.NetUserEnum(server, level, filter)
  assert.is_not_nil(buf, total)
  assert.are.equal(0, resume)
  assert.are.equal("integer", math.type(total))
  local family, lv = buf:level()
  assert.are.equal("USER_INFO", family)
  assert.are.equal(level, lv)
  local records = buf:records()
  buf:free()
  return records
end

local SID = "^S%-1%-5%-21%-%d+%-%d+%-%d+%-%d+$"
local windows_share_path = "C:" .. helper.share_path:gsub("/", "\\")

describe("calls against the DC", function()
  local base

  setup(function()
    base = helper.live()
  end)

  teardown(function()
    helper.assert_live_baseline(base)
  end)

  describe("NetServerGetInfo", function()
    it("accepts levels 100, 101, 102 and the rest of netapi.h's", function()
      -- 402-599 and 1005: see server_spec.lua (this Samba answers 124)
      assert.are.same({ 100, 101, 102, 402, 403, 502, 503, 599, 1005 },
                      lanman.call_levels("NetServerGetInfo"))
    end)

    for _, level in ipairs { 100, 101, 102 } do
      it("level " .. level .. " names the DC with the level's fields", function()
        local buf, msg, code = lanman.NetServerGetInfo(server, level)
        assert.is_not_nil(buf, msg)
        assert.is_nil(code)
        assert.are.equal(1, #buf)
        assert.are.same({ "SERVER_INFO", level }, { buf:level() })
        local rec = buf[1]
        buf:free()
        assert.are.equal(helper.hostname:upper(), rec.name:upper())
        assert.are.equal(500, rec.platform_id)
        assert.are.equal(lanman.PLATFORM_ID_NT, rec.platform_id)
        -- the DC fills every field of these levels
        assert.are.same(helper.keys(helper.set(lanman.level_fields("SERVER_INFO", level))),
                        helper.keys(rec))
        if level >= 101 then
          assert.are.equal("integer", math.type(rec.version_major))
          assert.are.equal("integer", math.type(rec.version_minor))
          assert.are_not.equal(0, rec.type & lanman.SV_TYPE_SERVER)
          assert.are_not.equal(0, rec.type & lanman.SV_TYPE_NT)
          assert.are_not.equal(0, rec.type & lanman.SV_TYPE_SERVER_NT)
          -- measured: Samba 4.17's srvsvc sets SV_TYPE_SERVER_UNIX, and does
          -- not set SV_TYPE_DOMAIN_CTRL even on an AD DC (type 0x809a03)
          assert.are_not.equal(0, rec.type & lanman.SV_TYPE_SERVER_UNIX)
          assert.matches("Samba", rec.comment)
        end
        if level == 102 then
          assert.are.equal("integer", math.type(rec.users))
          assert.are.equal("integer", math.type(rec.disc))
          assert.are.equal(lanman.SV_VISIBLE, rec.hidden)
          assert.is_string(rec.userpath)
        end
      end)
    end

    it("accepts the server as \\\\address, as pywin32 scripts write it", function()
      local buf = assert(lanman.NetServerGetInfo("\\\\" .. server, 100))
      assert.are.equal(helper.hostname:upper(), buf[1].name:upper())
      buf:free()
    end)
  end)

  describe("NetWkstaGetInfo", function()
    it("accepts exactly levels 100, 101 and 102", function()
      assert.are.same({ 100, 101, 102 }, lanman.call_levels("NetWkstaGetInfo"))
    end)

    for _, level in ipairs { 100, 101 } do
      it("level " .. level .. " gives the computer name and langroup = the domain", function()
        local buf, msg = lanman.NetWkstaGetInfo(server, level)
        assert.is_not_nil(buf, msg)
        assert.are.equal(1, #buf)
        assert.are.same({ "WKSTA_INFO", level }, { buf:level() })
        local rec = buf[1]
        buf:free()
        assert_fields("WKSTA_INFO", level, rec)
        assert.are.equal(helper.domain:upper(), rec.langroup:upper())
        assert.are.equal(helper.hostname:upper(), rec.computername:upper())
        assert.are.equal(500, rec.platform_id)
        assert.are.equal("integer", math.type(rec.ver_major))
        assert.are.equal("integer", math.type(rec.ver_minor))
        if level == 101 then assert.is_string(rec.lanroot) end
      end)
    end

    -- Measured: Samba 4.17's wkssvc refuses level 102 with WERR_ACCESS_DENIED
    -- even to the domain Administrator (`rpcclient -c 'wkssvc_wkstagetinfo
    -- 102'` gets the same), so lanman must report it as nil, message, 5.
    it("level 102 is refused by Samba's wkssvc: nil, message, 5", function()
      local buf, msg, code = lanman.NetWkstaGetInfo(server, 102)
      assert.is_nil(buf)
      assert.are.equal(5, code)
      assert.matches("ERROR_ACCESS_DENIED", msg)
      assert.matches("NetWkstaGetInfo", msg)
      assert.is_truthy(msg:find(server, 1, true))
    end)
  end)

  describe("NetUserEnum", function()
    it("accepts levels 0, 1, 2, 3, 10, 11, 20 and 23", function()
      assert.are.same({ 0, 1, 2, 3, 10, 11, 20, 23 }, lanman.call_levels("NetUserEnum"))
    end)

    for _, level in ipairs(lanman.call_levels("NetUserEnum")) do
      it("level " .. level .. " lists every seeded user once, with the level's fields", function()
        local records = all_users(level)
        local users = helper.by(records, "name")
        for _, name in ipairs(helper.seeded_users) do
          assert.is_table(users[name], "user " .. name .. " missing at level " .. level)
        end
        for _, rec in ipairs(records) do
          assert_fields("USER_INFO", level, rec)
          assert.is_string(rec.name)
        end
        local fields = helper.set(lanman.level_fields("USER_INFO", level))
        local alice, carol, admin = users.alice, users.carol, users.Administrator
        if fields.full_name then
          assert.are.equal("Alice Adams", alice.full_name)
          assert.are.equal("Bob Brown", users.bob.full_name)
        end
        if fields.comment then
          assert.are.equal("lanman test user", alice.comment)
        end
        if fields.flags then
          assert.are_not.equal(0, carol.flags & lanman.UF_ACCOUNTDISABLE)
          assert.are.equal(0, alice.flags & lanman.UF_ACCOUNTDISABLE)
          assert.are_not.equal(0, alice.flags & lanman.UF_NORMAL_ACCOUNT)
          -- no password: samba creates the paging users disabled
          assert.are_not.equal(0, users.lmuser00.flags & lanman.UF_ACCOUNTDISABLE)
        end
        if fields.priv then
          assert.are.equal(lanman.USER_PRIV_ADMIN, admin.priv)
          assert.are.equal(lanman.USER_PRIV_USER, alice.priv)
        end
        if fields.user_id then
          assert.are.equal(lanman.DOMAIN_USER_RID_ADMIN, admin.user_id)
          assert.is_true(alice.user_id >= 1000)
        end
        if fields.primary_group_id then
          assert.are.equal(lanman.DOMAIN_GROUP_RID_USERS, alice.primary_group_id)
        end
        if fields.logon_hours then
          assert.are.equal(168, alice.units_per_week)
          assert.are.equal(21, #alice.logon_hours)
          assert.are.equal(("\255"):rep(21), alice.logon_hours)
        end
        if fields.user_sid then
          for _, rec in ipairs(records) do
            assert.matches(SID, rec.user_sid)
          end
          assert.matches("%-500$", admin.user_sid)
        end
        if fields.password then
          -- never handed out by the server
          assert.is_nil(alice.password)
        end
      end)
    end

    it("level 23's SID ends with level 20's RID for the same user", function()
      local by20 = helper.by(all_users(20), "name")
      local by23 = helper.by(all_users(23), "name")
      for _, name in ipairs { "alice", "bob", "carol", "Administrator" } do
        assert.are.equal(by20[name].user_id,
                         math.tointeger(by23[name].user_sid:match("%-(%d+)$")))
      end
      -- all users of one domain: the same domain SID prefix
      assert.are.equal(by23.alice.user_sid:match("^(.*)%-%d+$"),
                       by23.bob.user_sid:match("^(.*)%-%d+$"))
    end)

    for _, level in ipairs { 0, 20 } do
      it("pages with prefmaxlen 512 at level " .. level
         .. ": every user exactly once, over more than one page", function()
        local expected = {}
        for _, rec in ipairs(all_users(level)) do expected[#expected + 1] = rec.name end
        table.sort(expected)

        local seen, names, pages, resume = {}, {}, 0, 0
        repeat
          local buf, total, nextresume = lanman.NetUserEnum(server, level, 0, resume, 512)
          assert.is_not_nil(buf, total)
          assert.are.equal("integer", math.type(nextresume))
          pages = pages + 1
          assert.is_true(#buf > 0, "empty page " .. pages)
          for i = 1, #buf do
            local name = buf[i].name
            assert.is_nil(seen[name], name .. " came back twice")
            seen[name] = true
            names[#names + 1] = name
          end
          buf:free()
          if nextresume ~= 0 then
            assert.are_not.equal(resume, nextresume)
          end
          resume = nextresume
          assert.is_true(pages < 100, "paging does not end")
        until resume == 0
        assert.is_true(pages > 1, "prefmaxlen 512 gave a single page")
        table.sort(names)
        assert.are.same(expected, names)
      end)
    end

    it("filters: FILTER_SERVER_TRUST_ACCOUNT gives the DC's machine account only", function()
      local records = all_users(20, lanman.FILTER_SERVER_TRUST_ACCOUNT)
      assert.are.equal(1, #records)
      assert.are.equal(helper.hostname:upper() .. "$", records[1].name:upper())
      assert.are_not.equal(0, records[1].flags & lanman.UF_SERVER_TRUST_ACCOUNT)
    end)

    it("filters: FILTER_NORMAL_ACCOUNT gives users, not the machine account", function()
      local users = helper.by(all_users(0, lanman.FILTER_NORMAL_ACCOUNT), "name")
      assert.is_table(users.alice)
      assert.is_nil(users[helper.hostname .. "$"])
    end)
  end)

  describe("NetUserGetInfo", function()
    it("accepts levels 0, 1, 2, 3, 4, 10, 11, 20 and 23", function()
      assert.are.same({ 0, 1, 2, 3, 4, 10, 11, 20, 23 }, lanman.call_levels("NetUserGetInfo"))
    end)

    for _, level in ipairs(lanman.call_levels("NetUserGetInfo")) do
      it("level " .. level .. " describes alice", function()
        local buf, msg, code = lanman.NetUserGetInfo(server, "alice", level)
        assert.is_not_nil(buf, msg)
        assert.is_nil(code)
        assert.are.equal(1, #buf)
        assert.are.same({ "USER_INFO", level }, { buf:level() })
        local rec = buf[1]
        assert.is_nil(buf[2])
        buf:free()
        local fields = assert_fields("USER_INFO", level, rec)
        assert.are.equal("alice", rec.name)
        if fields.full_name then assert.are.equal("Alice Adams", rec.full_name) end
        if fields.comment then assert.are.equal("lanman test user", rec.comment) end
        if fields.flags then
          assert.are.equal(0, rec.flags & lanman.UF_ACCOUNTDISABLE)
          assert.are_not.equal(0, rec.flags & lanman.UF_NORMAL_ACCOUNT)
        end
        if fields.priv then assert.are.equal(lanman.USER_PRIV_USER, rec.priv) end
        if fields.user_sid then assert.matches(SID, rec.user_sid) end
        if fields.user_id then assert.is_true(rec.user_id >= 1000) end
        if fields.logon_hours then assert.are.equal(21, #rec.logon_hours) end
      end)
    end

    it("matches NetUserEnum's record for the same user and level", function()
      local enum = helper.by(all_users(23), "name")
      local buf = assert(lanman.NetUserGetInfo(server, "bob", 23))
      assert.are.same(enum.bob, buf[1])
      buf:free()
    end)

    it("reports carol as disabled", function()
      local buf = assert(lanman.NetUserGetInfo(server, "carol", 20))
      assert.are_not.equal(0, buf[1].flags & lanman.UF_ACCOUNTDISABLE)
      assert.are.equal("Carol Clark", buf[1].full_name)
      buf:free()
    end)
  end)

  describe("NetShareEnum", function()
    it("accepts levels 0, 1, 2, 501 and 502", function()
      assert.are.same({ 0, 1, 2, 501, 502 }, lanman.call_levels("NetShareEnum"))
    end)

    for _, level in ipairs { 0, 1, 2 } do
      it("level " .. level .. " lists " .. helper.share .. " and IPC$", function()
        local buf, total, resume = lanman.NetShareEnum(server, level)
        assert.is_not_nil(buf, total)
        assert.are.equal(0, resume)
        assert.are.equal("integer", math.type(total))
        assert.are.equal(#buf, total)
        assert.are.same({ "SHARE_INFO", level }, { buf:level() })
        local records = buf:records()
        buf:free()
        for _, rec in ipairs(records) do assert_fields("SHARE_INFO", level, rec) end
        local shares = helper.by(records, "netname")
        local share = shares[helper.share]
        assert.is_table(share, helper.share .. " not listed")
        assert.is_table(shares["IPC$"])
        if level >= 1 then
          assert.are.equal("lanman test share", share.remark)
          assert.are.equal(lanman.STYPE_DISKTREE, share.type)
          assert.are.equal(lanman.STYPE_IPC | lanman.STYPE_SPECIAL, shares["IPC$"].type)
        end
        if level == 2 then
          assert.are.equal(windows_share_path, share.path)
          assert.are.equal(10, share.max_uses)
          assert.are.equal("integer", math.type(share.current_uses))
        end
      end)
    end

    it("pages shares with a small prefmaxlen, each once", function()
      local names, resume, calls = {}, 0, 0
      repeat
        local buf, total, nextresume = lanman.NetShareEnum(server, 0, resume, 20)
        assert.is_not_nil(buf, total)
        calls = calls + 1
        for i = 1, #buf do
          assert.is_nil(names[buf[i].netname])
          names[buf[i].netname] = true
        end
        buf:free()
        resume = nextresume
      until resume == 0 or calls > 20
      assert.are.equal(0, resume)
      assert.is_true(names[helper.share])
    end)

    -- Measured: libnetapi's NetShareEnum answers 501 with ERROR_INVALID_LEVEL
    -- (NetShareGetInfo does serve 501): lanman enumerates at level 1 and
    -- reads each share at 501.  502 is a stub ERROR_NOT_SUPPORTED, without
    -- asking the server.
    it("level 501 lists every share with its flags, as GetInfo 501 reads them", function()
      local buf <close>, total, resume = lanman.NetShareEnum(server, 501)
      assert.is_not_nil(buf, total)
      assert.are.equal(0, resume)
      assert.are.equal(#buf, total)
      local shares = helper.by(buf:records(), "netname")
      local one <close> = assert(lanman.NetShareGetInfo(server, helper.share, 501))
      assert.are.same(one[1], shares[helper.share])
      assert.are.equal("integer", math.type(shares["IPC$"].flags))
    end)

    it("level 502 gives nil, message, 50", function()
      local buf, msg, code = lanman.NetShareEnum(server, 502)
      assert.is_nil(buf)
      assert.are.equal(50, code)
      assert.matches("ERROR_NOT_SUPPORTED", msg)
      assert.matches("NetShareEnum", msg)
    end)
  end)

  describe("NetShareGetInfo", function()
    it("accepts levels 0, 1, 2, 501, 502 and 1005", function()
      assert.are.same({ 0, 1, 2, 501, 502, 1005 }, lanman.call_levels("NetShareGetInfo"))
    end)

    for _, level in ipairs { 0, 1, 2, 501 } do
      it("level " .. level .. " describes " .. helper.share, function()
        local buf, msg = lanman.NetShareGetInfo(server, helper.share, level)
        assert.is_not_nil(buf, msg)
        assert.are.equal(1, #buf)
        assert.are.same({ "SHARE_INFO", level }, { buf:level() })
        local rec = buf[1]
        buf:free()
        local fields = assert_fields("SHARE_INFO", level, rec)
        assert.are.equal(helper.share, rec.netname)
        if fields.remark then assert.are.equal("lanman test share", rec.remark) end
        if fields.type then assert.are.equal(lanman.STYPE_DISKTREE, rec.type) end
        if fields.path then assert.are.equal(windows_share_path, rec.path) end
        if fields.max_uses then assert.are.equal(10, rec.max_uses) end
        if fields.flags then assert.are.equal("integer", math.type(rec.flags)) end
      end)
    end

    it("level 502 gives nil, message, 50", function()
      local buf, msg, code = lanman.NetShareGetInfo(server, helper.share, 502)
      assert.is_nil(buf)
      assert.are.equal(50, code)
      assert.matches("ERROR_NOT_SUPPORTED", msg)
      assert.matches("NetShareGetInfo", msg)
    end)

    it("agrees with NetShareEnum at level 2", function()
      local enum = assert(lanman.NetShareEnum(server, 2))
      local listed = helper.by(enum:records(), "netname")[helper.share]
      enum:free()
      local buf = assert(lanman.NetShareGetInfo(server, helper.share, 2))
      assert.are.same(listed.path, buf[1].path)
      assert.are.same(listed.remark, buf[1].remark)
      assert.are.same(listed.max_uses, buf[1].max_uses)
      buf:free()
    end)
  end)
end)
