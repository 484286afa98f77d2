--- lanman: the Windows Network Management API (NetApi) for Lua 5.4.
--
-- Low level, named and ordered as in C (and as lanman's Python module):
--   local buf <close> = lanman.NetServerGetInfo(server, 101)
--   local buf, total, resume = lanman.NetUserEnum(server, level, filter, resume, prefmaxlen)
-- Each returns a NetApi buffer userdata (#buf records, buf[i] a table,
-- buf:free(), freed by __gc / __close), or nil, message, code on failure.
-- Bad arguments raise.  High level: lanman.session{...}.
local core = require "lanman_core"

local lanman = {}

for name, value in pairs(core.constants()) do lanman[name] = value end
lanman.MAX_PREFERRED_LENGTH = 0xFFFFFFFF

--- {[code] = {name=, message=}} for every NET_API_STATUS lanman knows.
lanman.errors = core.error_table()
lanman.buffer_stats = core.buffer_stats
lanman.call_levels = core.call_levels
lanman.call_family = core.call_family
lanman.level_fields = core.level_fields
lanman.context_memory = core.context_memory
lanman.context_reinits = core.context_reinits

local check = require "lanman.check"
local u32, text, creds_of = check.u32, check.text, check.creds

--- Credentials userdata: the password is copied into the C core and wiped
-- there when the userdata is collected.
function lanman.credentials(t)
  local fn = "credentials"
  if type(t) ~= "table" then check.arg_error(fn, "#1", "table", t) end
  if t.kerberos ~= nil and type(t.kerberos) ~= "boolean" then
    check.arg_error(fn, "kerberos", "boolean", t.kerberos)
  end
  return core.creds_new(text(fn, "user", t.user, true), text(fn, "password", t.password, true),
                        text(fn, "domain", t.domain, true), t.kerberos and 1 or 0)
end

--- Credentials for calls made without creds; no argument: anonymous.
function lanman.set_default_credentials(t)
  core.set_default_creds(lanman.credentials(t or {}))
end

-- ---- low level: one module per family of calls ----

for _, family in ipairs{"server", "user", "share", "group", "localgroup"} do
  require("lanman." .. family)(lanman, core, check)
end

function lanman.NetApiBufferAllocate(size)
  return core.NetApiBufferAllocate(u32("NetApiBufferAllocate", "size", size))
end

function lanman.NetApiBufferSize(buf)
  local size, message, code = core.NetApiBufferSize(buf)
  if size == nil then return nil, message, code end
  return math.tointeger(size) or size
end

--- true, or nil, message, code.
function lanman.NetApiBufferReallocate(buf, size)
  local _, message, code = core.NetApiBufferReallocate(buf,
                                                       u32("NetApiBufferReallocate", "size", size))
  if message ~= nil then return nil, message, code end
  return true
end

function lanman.NetApiBufferFree(buf) buf:free() return true end

-- ---- sessions ----

local Session = {}
Session.__index = Session

--- A server and the credentials to use on it:
--   local s <close> = lanman.session{server=..., user=..., password=..., domain=...}
--   for user in s:users{level=1} do print(user.name) end
function lanman.session(t)
  if type(t) ~= "table" then check.arg_error("session", "#1", "table", t) end
  return setmetatable({
    server = text("session", "server", t.server, true),
    username = t.user,   -- not "user": that would hide the method Session:user
    domain = t.domain,
    creds = lanman.credentials(t),
  }, Session)
end

function Session:__tostring()
  return ("lanman.session (server=%s, user=%s, domain=%s)"):format(
    tostring(self.server), tostring(self.username), tostring(self.domain))
end

--- Drops the credentials (the core wipes its password copy).
function Session:close() self.creds = nil end
Session.__close = Session.close

local function live(self)
  if self.creds == nil then error("the session is closed", 3) end
  return self.creds
end

-- A generic-for iterator over every record of a paged enumeration; each
-- page is freed as soon as its records are copied out.  A failure raises
-- (an iterator cannot return nil, message, code: nil ends the loop).
local function pages(self, call, ...)
  local creds, args = live(self), table.pack(...)
  local records, i, resume, last = {}, 0, 0, false
  return function()
    while i >= #records do
      if last then return nil end
      local buf, total, nextresume = call(self.server, args[1], args[2], resume,
                                          args[3], creds)
      if buf == nil then error(total, 2) end
      records, i = buf:records(), 0
      buf:free()
      resume, last = nextresume, nextresume == 0
    end
    i = i + 1
    return records[i]
  end
end

--- Every user (NetUserEnum). opts: level (0), filter (0), prefmaxlen.
function Session:users(opts)
  opts = opts or {}
  return pages(self, function(server, level, filter, resume, prefmaxlen, creds)
    return lanman.NetUserEnum(server, level, filter, resume, prefmaxlen, creds)
  end, opts.level or 0, opts.filter or 0, opts.prefmaxlen)
end

--- Every share (NetShareEnum). opts: level (1), prefmaxlen.
function Session:shares(opts)
  opts = opts or {}
  return pages(self, function(server, level, _, resume, prefmaxlen, creds)
    return lanman.NetShareEnum(server, level, resume, prefmaxlen, creds)
  end, opts.level or 1, 0, opts.prefmaxlen)
end

-- The first record of a buffer, freed at once; or nil, message, code.
local function one(buf, message, code)
  if buf == nil then return nil, message, code end
  local record = buf[1]
  buf:free()
  return record
end

function Session:user(name, level)
  return one(lanman.NetUserGetInfo(self.server, name, level or 1, live(self)))
end

function Session:share(name, level)
  return one(lanman.NetShareGetInfo(self.server, name, level or 2, live(self)))
end

function Session:server_info(level)
  return one(lanman.NetServerGetInfo(self.server, level or 101, live(self)))
end

function Session:wksta_info(level)
  return one(lanman.NetWkstaGetInfo(self.server, level or 100, live(self)))
end

-- ---- groups and local groups ----

--- Every global group (NetGroupEnum). opts: level (1), prefmaxlen.
function Session:groups(opts)
  opts = opts or {}
  return pages(self, function(server, level, _, resume, prefmaxlen, creds)
    return lanman.NetGroupEnum(server, level, resume, prefmaxlen, creds)
  end, opts.level or 1, 0, opts.prefmaxlen)
end

function Session:group(name, level)
  return one(lanman.NetGroupGetInfo(self.server, name, level or 1, live(self)))
end

--- The members of a global group (NetGroupGetUsers). opts: level (0), prefmaxlen.
function Session:group_members(name, opts)
  opts = opts or {}
  return pages(self, function(server, level, _, resume, prefmaxlen, creds)
    return lanman.NetGroupGetUsers(server, name, level, resume, prefmaxlen, creds)
  end, opts.level or 0, 0, opts.prefmaxlen)
end

--- true, or nil, message, code.
function Session:add_group_member(group, user)
  return lanman.NetGroupAddUser(self.server, group, user, live(self))
end

function Session:remove_group_member(group, user)
  return lanman.NetGroupDelUser(self.server, group, user, live(self))
end

--- Every local group (NetLocalGroupEnum). opts: level (1), prefmaxlen.
function Session:localgroups(opts)
  opts = opts or {}
  return pages(self, function(server, level, _, resume, prefmaxlen, creds)
    return lanman.NetLocalGroupEnum(server, level, resume, prefmaxlen, creds)
  end, opts.level or 1, 0, opts.prefmaxlen)
end

function Session:localgroup(name, level)
  return one(lanman.NetLocalGroupGetInfo(self.server, name, level or 1, live(self)))
end

--- The members of a local group (NetLocalGroupGetMembers). opts: level (2:
-- sid, sidusage and "DOMAIN\\name"), prefmaxlen.
function Session:localgroup_members(name, opts)
  opts = opts or {}
  return pages(self, function(server, level, _, resume, prefmaxlen, creds)
    return lanman.NetLocalGroupGetMembers(server, name, level, resume, prefmaxlen, creds)
  end, opts.level or 2, 0, opts.prefmaxlen)
end

-- Members given as SIDs ("S-1-...") go at level 0, names ("DOMAIN\\name"
-- or "name") at level 3.  true, or nil, message, code.
local function localgroup_members_call(self, call, fn, group, ...)
  local members = table.pack(...)
  if members.n == 0 then error(("bad argument #2 to '%s' (no members given)"):format(fn), 3) end
  local sids, names = {}, {}
  for i = 1, members.n do
    local m = check.text(fn, "member", members[i])
    if m:match("^[Ss]%-") then sids[#sids + 1] = {sid = m}
    else names[#names + 1] = {domainandname = m} end
  end
  local creds = live(self)
  for _, batch in ipairs{{0, sids}, {3, names}} do
    if #batch[2] > 0 then
      local ok, message, code = call(self.server, group, batch[1], batch[2], creds)
      if not ok then return nil, message, code end
    end
  end
  return true
end

--- Puts members into a local group (NetLocalGroupAddMembers): each a SID or
-- an account name.
function Session:add_localgroup_members(group, ...)
  return localgroup_members_call(self, lanman.NetLocalGroupAddMembers,
                                 "add_localgroup_members", group, ...)
end

function Session:remove_localgroup_members(group, ...)
  return localgroup_members_call(self, lanman.NetLocalGroupDelMembers,
                                 "remove_localgroup_members", group, ...)
end

return lanman
