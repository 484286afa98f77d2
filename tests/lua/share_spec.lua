-- Shares and open files against the real DC: add a share on a temporary
-- directory, read it at every level, change it, delete it; a security
-- descriptor as self-relative bytes; a file held open over SMB seen in
-- NetFileEnum and closed from the server; what this Samba answers where it
-- does not follow Windows; argument errors before any call.  The measured
-- answers are listed at the top of tests/python/test_share.py.
local helper = require "helper"
local lanman = helper.lanman
local server = helper.server
local q = helper.shell_quote

local base_dir = helper.share_path:gsub("/[^/]+$", "")
local counter = 0

local function windows_path(path) return "C:" .. path:gsub("/", "\\") end

-- A new directory beside the DC's share (on the "server" side) and an
-- unused share name.
local function new_share_dir()
  counter = counter + 1
  local name = ("lmlua%dx%d"):format(math.random(1, 99999), counter)
  local path = base_dir .. "/" .. name
  assert(os.execute("mkdir " .. q(path)))
  return name, path
end

local function cleanup(name, path)
  lanman.NetShareDel(server, name)
  os.execute("rm -rf " .. q(path))
end

-- The one record of a GetInfo buffer, shape-checked; frees it.
local function one(family, level, buf, msg)
  assert.is_not_nil(buf, msg)
  assert.are.same({ family, level }, { buf:level() })
  assert.are.equal(1, #buf)
  local rec = buf[1]
  buf:free()
  local n = 0
  for _ in pairs(rec) do n = n + 1 end
  local fields = lanman.level_fields(family, level)
  for _, f in ipairs(fields) do assert.is_not_nil(rec[f], f) end
  assert.are.equal(#fields, n)
  return rec
end

local function fails(code, name, fn_name, buf, msg, got)
  assert.is_nil(buf)
  assert.are.equal(code, got, msg)
  assert.is_truthy(msg:find(name, 1, true), msg)
  assert.is_truthy(msg:find(fn_name, 1, true), msg)
end

local function live()
  collectgarbage("collect")
  collectgarbage("collect")
  return lanman.buffer_stats().live
end

-- ---- self-relative security descriptors, built by hand (MS-DTYP 2.4.6) ----

local function sid_bytes(text)
  local parts = {}
  for p in text:gmatch("[^-]+") do parts[#parts + 1] = p end
  local out = { string.pack("<BB", 1, #parts - 3), string.pack(">I6", tonumber(parts[3])) }
  for i = 4, #parts do out[#out + 1] = string.pack("<I4", tonumber(parts[i])) end
  return table.concat(out)
end

local function self_relative_sd(owner, aces)
  local blobs = {}
  for _, a in ipairs(aces) do
    local s = sid_bytes(a[4])
    blobs[#blobs + 1] = string.pack("<BBI2I4", a[1], a[2], 8 + #s, a[3]) .. s
  end
  local body = table.concat(blobs)
  local dacl = string.pack("<BBI2I2I2", 2, 0, 8 + #body, #aces, 0) .. body
  local header = string.pack("<BBI2I4I4I4I4", 1, 0, 0x8004, 20 + #dacl, 0, 0, 20)
  return header .. dacl .. sid_bytes(owner)
end

local function rpcclient(command)
  local p = io.popen(("rpcclient -A %s --use-kerberos=off -c %s %s 2>&1"):format(
    q(helper.env.LANMAN_TEST_AUTHFILE), q(command), q(server)))
  local out = p:read("a")
  p:close()
  return out
end

-- The DACL the server holds for a share: {{type, flags, mask, sid}, ...}
-- and the owner (rpcclient reads level 502).  The srvsvc worker serving
-- rpcclient may not have loaded a new share yet (see shim_samba_share.c):
-- then an enumeration, and again.
local function share_aces(name)
  local out
  for _ = 1, 25 do
    out = rpcclient("netsharegetinfo " .. name .. " 502")
    if not out:find("WERR_", 1, true) then break end
    rpcclient("netshareenumall")
    os.execute("sleep 0.2")
  end
  local aces = {}
  for t, f, m, s in out:gmatch("type: ACCESS %u+ %((%d+)%) flags: (0x%x+).-Permissions: (0x%x+).-SID: (S%-[%d%-]+)") do
    aces[#aces + 1] = { tonumber(t), tonumber(f), tonumber(m), s }
  end
  return aces, out:match("Owner SID:%s*(S%-[%d%-]+)")
end

describe("shares", function()
  it("has every SHARE_INFO and FILE_INFO level as a table row", function()
    assert.are.same({ 2, 502 }, lanman.call_levels("NetShareAdd"))
    assert.are.same({ 1, 2, 502, 1004, 1005, 1006, 1501 }, lanman.call_levels("NetShareSetInfo"))
    assert.are.same({ 2, 3 }, lanman.call_levels("NetFileEnum"))
    assert.are.same({}, lanman.call_levels("NetShareDel"))
    assert.are.same({ "remark" }, lanman.level_fields("SHARE_INFO", 1004))
    assert.are.same({ "flags" }, lanman.level_fields("SHARE_INFO", 1005))
    assert.are.same({ "max_uses" }, lanman.level_fields("SHARE_INFO", 1006))
    assert.are.same({ "reserved", "security_descriptor" }, lanman.level_fields("SHARE_INFO", 1501))
    assert.are.same({ "id", "permissions", "num_locks", "path_name", "user_name" },
                    lanman.level_fields("FILE_INFO", 3))
  end)

  it("adds a share, reads it at every level, changes it, deletes it", function()
    local name, path = new_share_dir()
    local base = live()
    assert.is_true(lanman.NetShareAdd(server, 2, {
      netname = name, path = path, type = lanman.STYPE_DISKTREE,
      remark = "lanman lua", max_uses = 5 }))
    -- there at once: no enumeration in between
    local rec = one("SHARE_INFO", 2, lanman.NetShareGetInfo(server, name, 2))
    assert.are.same({ netname = name, type = 0, remark = "lanman lua", permissions = 0,
                      max_uses = 5, current_uses = 0, path = windows_path(path),
                      passwd = "" }, rec)
    assert.are.same({ netname = name }, one("SHARE_INFO", 0, lanman.NetShareGetInfo(server, name, 0)))
    assert.are.same({ netname = name, type = 0, remark = "lanman lua" },
                    one("SHARE_INFO", 1, lanman.NetShareGetInfo(server, name, 1)))
    assert.are.same({ netname = name, type = 0, remark = "lanman lua", flags = 0 },
                    one("SHARE_INFO", 501, lanman.NetShareGetInfo(server, name, 501)))
    assert.are.same({ flags = 0 }, one("SHARE_INFO", 1005, lanman.NetShareGetInfo(server, name, 1005)))
    for _, level in ipairs { 0, 1, 2 } do
      local buf <close>, total, resume = lanman.NetShareEnum(server, level)
      local listed = helper.by(buf:records(), "netname")
      assert.are.equal(0, resume)
      assert.is_table(listed[name])
      if level == 2 then assert.are.same(rec, listed[name]) end
      assert.are.equal(#buf, total)
    end

    assert.is_true(lanman.NetShareSetInfo(server, name, 1004, { remark = "changed" }))
    assert.are.equal("changed", one("SHARE_INFO", 1, lanman.NetShareGetInfo(server, name, 1)).remark)
    rec.remark, rec.max_uses = "changed again", lanman.SHI_USES_UNLIMITED
    assert.is_true(lanman.NetShareSetInfo(server, name, 2, rec))
    local after = one("SHARE_INFO", 2, lanman.NetShareGetInfo(server, name, 2))
    assert.are.same({ "changed again", 0xFFFFFFFF, windows_path(path) },
                    { after.remark, after.max_uses, after.path })

    assert.is_true(lanman.NetShareDel(server, name))
    local buf, msg, code = lanman.NetShareGetInfo(server, name, 1)
    fails(123, "ERROR_INVALID_NAME", "NetShareGetInfo", buf, msg, code)
    buf, msg, code = lanman.NetShareSetInfo(server, name, 1004, { remark = "x" })
    fails(2310, "NERR_NetNameNotFound", "NetShareSetInfo", buf, msg, code)
    buf, msg, code = lanman.NetShareDel(server, name)
    fails(67, "ERROR_BAD_NET_NAME", "NetShareDel", buf, msg, code)
    assert.is_true(os.execute("test -d " .. q(path)))   -- the directory stays
    assert.are.equal(base, live())
    cleanup(name, path)
  end)

  it("reports an existing name and a missing path as this Samba does", function()
    local name, path = new_share_dir()
    assert.is_true(lanman.NetShareAdd(server, 2, { netname = name, path = path }))
    local buf, msg, code = lanman.NetShareAdd(server, 2, { netname = name, path = path })
    fails(80, "ERROR_FILE_EXISTS", "NetShareAdd", buf, msg, code)
    buf, msg, code = lanman.NetShareAdd(server, 2, { netname = name .. "n", path = path .. "-missing" })
    fails(2, "ERROR_FILE_NOT_FOUND", "NetShareAdd", buf, msg, code)
    local rec = one("SHARE_INFO", 2, lanman.NetShareGetInfo(server, name, 2))
    -- left out: remark reads "", max_uses 0 is Samba's "no limit"
    assert.are.same({ "", lanman.SHI_USES_UNLIMITED }, { rec.remark, rec.max_uses })
    cleanup(name, path)
  end)

  it("answers 50 where libnetapi has no NetShareSetInfo level", function()
    local sd = self_relative_sd("S-1-5-32-544", { { 0, 0, 0x1F01FF, "S-1-1-0" } })
    for _, case in ipairs {
      { 1, { netname = "x", type = 0, remark = "r" } }, { 502, { netname = "x", path = "/x" } },
      { 1005, { flags = 0 } }, { 1006, { max_uses = 3 } }, { 1501, { security_descriptor = sd } },
    } do
      local buf, msg, code = lanman.NetShareSetInfo(server, helper.share, case[1], case[2])
      fails(50, "ERROR_NOT_SUPPORTED", "NetShareSetInfo", buf, msg, code)
    end
  end)

  it("adds a share at level 502 with a security descriptor (bytes)", function()
    local name, path = new_share_dir()
    local aces = { { 0, 0, 0x1F01FF, "S-1-5-32-544" }, { 0, 0, 0x1200A9, "S-1-5-11" },
                   { 1, 0, 0x1F01FF, "S-1-5-32-546" } }
    local base = live()
    assert.is_true(lanman.NetShareAdd(server, 502, {
      netname = name, path = path, remark = "with a descriptor",
      security_descriptor = self_relative_sd("S-1-5-32-544", aces) }))
    local got, owner = share_aces(name)
    assert.are.same(aces, got)
    assert.are.equal("S-1-5-32-544", owner)
    local buf, msg, code = lanman.NetShareGetInfo(server, name, 502)   -- libnetapi's stub
    fails(50, "ERROR_NOT_SUPPORTED", "NetShareGetInfo", buf, msg, code)
    assert.are.equal(base, live())
    cleanup(name, path)
  end)

  it("rejects malformed security descriptors, naming the field", function()
    for _, case in ipairs {
      { "", "shorter than its 20-byte header" },
      { string.pack("<BBI2I4I4I4I4", 2, 0, 0x8004, 0, 0, 0, 0), "revision is not 1" },
      { string.pack("<BBI2I4I4I4I4", 1, 0, 0x0004, 0, 0, 0, 0), "SE_SELF_RELATIVE" },
      { string.pack("<BBI2I4I4I4I4", 1, 0, 0x8004, 200, 0, 0, 0), "offset outside" },
      { self_relative_sd("S-1-5-32-544", { { 9, 0, 1, "S-1-1-0" } }), "cannot carry" },
    } do
      helper.raises({ "'security_descriptor'", "NetShareAdd", case[2] }, lanman.NetShareAdd,
                    server, 502, { netname = "x", path = "/x", security_descriptor = case[1] })
    end
  end)
end)

describe("open files", function()
  it("none open: an empty list, and this Samba's exact errors", function()
    local buf <close>, total, resume = lanman.NetFileEnum(server, nil, nil, 3)
    assert.are.same({ 0, 0, 0 }, { #buf, total, resume })
    assert.are.same({ "FILE_INFO", 3 }, { buf:level() })
    local b, msg, code = lanman.NetFileEnum(server, nil, nil, 2)
    fails(124, "ERROR_INVALID_LEVEL", "NetFileEnum", b, msg, code)
    for _, level in ipairs { 2, 3 } do
      b, msg, code = lanman.NetFileGetInfo(server, 1, level)
      fails(1745, "RPC_S_PROCNUM_OUT_OF_RANGE", "NetFileGetInfo", b, msg, code)
    end
    b, msg, code = lanman.NetFileClose(server, 123456)
    fails(2, "ERROR_FILE_NOT_FOUND", "NetFileClose", b, msg, code)
  end)

  it("sees a file smbclient holds open, and closes it", function()
    counter = counter + 1
    local file = ("held-lua-%d-%d.txt"):format(math.random(1, 99999), counter)
    local f = assert(io.open(helper.share_path .. "/" .. file, "w"))
    f:write("lanman\n")
    f:close()
    local smb = assert(io.popen(("smbclient //%s/%s -A %s --use-kerberos=off >/dev/null 2>&1"):format(
      server, helper.share, q(helper.env.LANMAN_TEST_AUTHFILE)), "w"))
    smb:write("open " .. file .. "\n")
    smb:flush()
    local function find()
      local buf <close> = assert(lanman.NetFileEnum(server, nil, nil, 3))
      for _, r in ipairs(buf:records()) do
        if r.path_name:sub(-#file - 1) == "\\" .. file then return r end
      end
    end
    local rec
    for _ = 1, 75 do
      rec = find()
      if rec then break end
      os.execute("sleep 0.2")
    end
    local ok, err = pcall(function()
      assert.is_table(rec, "smbclient's open file never showed up")
      assert.are.equal(windows_path(helper.share_path .. "/" .. file), rec.path_name)
      assert.are.equal(3, rec.permissions & 3)       -- PERM_FILE_READ | PERM_FILE_WRITE
      assert.are.equal(0, rec.num_locks)
      assert.are.equal("integer", math.type(rec.id))
      assert.is_true(#rec.user_name > 0)
      -- the user filter works; the path filter is ignored by Samba
      local buf <close> = assert(lanman.NetFileEnum(server, nil, rec.user_name, 3))
      assert.are.equal(1, #buf)
      local none <close> = assert(lanman.NetFileEnum(server, nil, "no-such-user", 3))
      assert.are.equal(0, #none)
      local other <close> = assert(lanman.NetFileEnum(server, "C:\\no\\such\\path", nil, 3))
      assert.are.equal(1, #other)
      local s <close> = lanman.session(helper.admin())
      local seen = {}
      for r in s:files() do seen[#seen + 1] = r end
      assert.are.same({ rec }, seen)
      local b, msg, code = lanman.NetFileGetInfo(server, rec.id, 3)
      fails(1745, "RPC_S_PROCNUM_OUT_OF_RANGE", "NetFileGetInfo", b, msg, code)
      assert.is_true(lanman.NetFileClose(server, rec.id))
      local gone = false
      for _ = 1, 75 do
        if not find() then gone = true break end
        os.execute("sleep 0.2")
      end
      assert.is_true(gone, "the file stayed open")
    end)
    smb:close()
    os.remove(helper.share_path .. "/" .. file)
    assert(ok, err)
  end)
end)

describe("session share helpers", function()
  it("add_share, share, set_share, shares, delete_share", function()
    local name, path = new_share_dir()
    local s <close> = lanman.session(helper.admin())
    assert.is_true(s:add_share { name = name, path = path, remark = "via the session", max_uses = 7 })
    assert.are.equal(7, s:share(name, 2).max_uses)
    assert.is_true(s:set_share(name, { remark = "remark only" }))     -- level 1004
    assert.are.equal("remark only", s:share(name, 1).remark)
    assert.is_true(s:set_share(name, { remark = "both", max_uses = 3 }))  -- read, change, 2
    local rec = s:share(name, 2)
    assert.are.same({ "both", 3, windows_path(path) }, { rec.remark, rec.max_uses, rec.path })
    local names = {}
    for r in s:shares { level = 0 } do names[r.netname] = true end
    assert.is_true(names[name])
    local sd = self_relative_sd("S-1-5-32-544", { { 0, 0, 0x1F01FF, "S-1-1-0" } })
    local ok, msg, code = s:set_share(name, { security_descriptor = sd })    -- 1501: stub
    fails(50, "ERROR_NOT_SUPPORTED", "NetShareSetInfo", ok, msg, code)
    helper.raises({ "'nosuchfield'", "set_share" }, s.set_share, s, name, { nosuchfield = 1 })
    helper.raises({ "'bogus'", "add_share" }, s.add_share, s, { name = "x", path = "/x", bogus = 1 })
    assert.is_true(s:delete_share(name))
    local r
    r, msg, code = s:share(name)
    fails(123, "ERROR_INVALID_NAME", "NetShareGetInfo", r, msg, code)
    cleanup(name, path)
  end)

  it("add_share with a security descriptor uses level 502", function()
    local name, path = new_share_dir()
    local s <close> = lanman.session(helper.admin())
    local aces = { { 0, 0, 0x1F01FF, "S-1-5-32-544" } }
    assert.is_true(s:add_share { name = name, path = path,
                                 security_descriptor = self_relative_sd("S-1-5-32-544", aces) })
    assert.are.same(aces, (share_aces(name)))
    assert.is_true(s:delete_share(name))
    cleanup(name, path)
  end)
end)

describe("share argument errors, before any call", function()
  -- An address on the DC's /24 that nobody answers: a call that went out
  -- would return nil, message, code after a timeout, not raise at once.
  local nobody = server:gsub("%d+$", "254")
  local function arg_error(fn_name, name, fn, ...)
    local before = lanman.buffer_stats().allocated
    helper.raises({ "'" .. name .. "'", fn_name }, fn, ...)
    assert.are.equal(before, lanman.buffer_stats().allocated)
  end

  it("NetShareAdd: missing, unknown and mistyped fields, levels", function()
    arg_error("NetShareAdd", "path", lanman.NetShareAdd, nobody, 2, { netname = "x" })
    arg_error("NetShareAdd", "netname", lanman.NetShareAdd, nobody, 2, { path = "/x" })
    arg_error("NetShareAdd", "bogus", lanman.NetShareAdd, nobody, 2, { netname = "x", path = "/x", bogus = 1 })
    arg_error("NetShareAdd", "max_uses", lanman.NetShareAdd, nobody, 2, { netname = "x", path = "/x", max_uses = "5" })
    arg_error("NetShareAdd", "max_uses", lanman.NetShareAdd, nobody, 2, { netname = "x", path = "/x", max_uses = -2 })
    arg_error("NetShareAdd", "remark", lanman.NetShareAdd, nobody, 2, { netname = "x", path = "/x", remark = 5 })
    arg_error("NetShareAdd", "security_descriptor", lanman.NetShareAdd, nobody, 502,
              { netname = "x", path = "/x", security_descriptor = 7 })
    arg_error("NetShareAdd", "level", lanman.NetShareAdd, nobody, 1004, { remark = "x" })
    arg_error("NetShareAdd", "level", lanman.NetShareAdd, nobody, 3, { netname = "x" })
    arg_error("NetShareAdd", "data", lanman.NetShareAdd, nobody, 2, "netname=x")
  end)

  it("NetShareDel, NetShareSetInfo, NetFile*", function()
    arg_error("NetShareDel", "netname", lanman.NetShareDel, nobody, ("s"):rep(81))
    arg_error("NetShareDel", "netname", lanman.NetShareDel, nobody, "")
    arg_error("NetShareDel", "netname", lanman.NetShareDel, nobody, nil)
    arg_error("NetShareDel", "reserved", lanman.NetShareDel, nobody, "x", -1)
    arg_error("NetShareSetInfo", "remark", lanman.NetShareSetInfo, nobody, "x", 1004, {})
    arg_error("NetShareSetInfo", "level", lanman.NetShareSetInfo, nobody, "x", 0, { netname = "y" })
    arg_error("NetShareSetInfo", "netname", lanman.NetShareSetInfo, nobody, ("s"):rep(81), 1004, { remark = "x" })
    arg_error("NetFileEnum", "basepath", lanman.NetFileEnum, nobody, 5, nil, 3)
    arg_error("NetFileEnum", "username", lanman.NetFileEnum, nobody, nil, {}, 3)
    arg_error("NetFileEnum", "username", lanman.NetFileEnum, nobody, nil, "r\0", 3)
    arg_error("NetFileEnum", "level", lanman.NetFileEnum, nobody, nil, nil, 1)
    arg_error("NetFileGetInfo", "level", lanman.NetFileGetInfo, nobody, 1, 1)
    arg_error("NetFileGetInfo", "fileid", lanman.NetFileGetInfo, nobody, -1, 3)
    arg_error("NetFileClose", "fileid", lanman.NetFileClose, nobody, "7")
    arg_error("NetFileClose", "fileid", lanman.NetFileClose, nobody, 2 ^ 32)
  end)
end)
