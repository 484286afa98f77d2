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
lanman.level_fields = core.level_fields
lanman.context_memory = core.context_memory
lanman.context_reinits = core.context_reinits

-- ---- argument checks (raise, naming the argument) ----

local function arg_error(fn, name, what, value)
  error(("bad argument '%s' to '%s' (%s expected, got %s)"):format(
    name, fn, what, math.type(value) or type(value)), 4)
end

local function u32(fn, name, value, default)
  if value == nil and default ~= nil then return default end
  local n = math.tointeger(value)
  if n == nil then arg_error(fn, name, "integer", value) end
  if n < 0 or n > 0xFFFFFFFF then
    error(("bad argument '%s' to '%s' (%d is out of range 0..4294967295)"):format(
      name, fn, n), 3)
  end
  return n
end

local function text(fn, name, value, optional)
  if value == nil and optional then return nil end
  if type(value) ~= "string" then
    arg_error(fn, name, optional and "string or nil" or "string", value)
  end
  if value:find("\0", 1, true) then
    error(("bad argument '%s' to '%s' (string contains a NUL byte)"):format(name, fn), 3)
  end
  return value
end

local function creds_of(fn, creds)
  if creds ~= nil and tostring(creds):sub(1, 18) ~= "lanman.Credentials" then
    arg_error(fn, "creds", "lanman credentials or nil", creds)
  end
  return creds
end

--- Credentials userdata: the password is copied into the C core and wiped
-- there when the userdata is collected.
function lanman.credentials(t)
  local fn = "credentials"
  if type(t) ~= "table" then arg_error(fn, "#1", "table", t) end
  if t.kerberos ~= nil and type(t.kerberos) ~= "boolean" then
    arg_error(fn, "kerberos", "boolean", t.kerberos)
  end
  return core.creds_new(text(fn, "user", t.user, true), text(fn, "password", t.password, true),
                        text(fn, "domain", t.domain, true), t.kerberos and 1 or 0)
end

--- Credentials for calls made without creds; no argument: anonymous.
function lanman.set_default_credentials(t)
  core.set_default_creds(lanman.credentials(t or {}))
end

-- ---- low level ----

function lanman.NetServerGetInfo(server, level, creds)
  local fn = "NetServerGetInfo"
  return core.NetServerGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                               u32(fn, "level", level))
end

function lanman.NetWkstaGetInfo(server, level, creds)
  local fn = "NetWkstaGetInfo"
  return core.NetWkstaGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                              u32(fn, "level", level))
end

function lanman.NetUserEnum(server, level, filter, resume, prefmaxlen, creds)
  local fn = "NetUserEnum"
  return core.NetUserEnum(creds_of(fn, creds), text(fn, "server", server, true),
                          u32(fn, "level", level), u32(fn, "filter", filter, 0),
                          u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH),
                          u32(fn, "resume", resume, 0))
end

function lanman.NetUserGetInfo(server, username, level, creds)
  local fn = "NetUserGetInfo"
  return core.NetUserGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                             text(fn, "username", username), u32(fn, "level", level))
end

function lanman.NetShareEnum(server, level, resume, prefmaxlen, creds)
  local fn = "NetShareEnum"
  return core.NetShareEnum(creds_of(fn, creds), text(fn, "server", server, true),
                           u32(fn, "level", level),
                           u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH),
                           u32(fn, "resume", resume, 0))
end

function lanman.NetShareGetInfo(server, netname, level, creds)
  local fn = "NetShareGetInfo"
  return core.NetShareGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                              text(fn, "netname", netname), u32(fn, "level", level))
end

function lanman.NetApiBufferAllocate(size)
  return core.NetApiBufferAllocate(u32("NetApiBufferAllocate", "size", size))
end

function lanman.NetApiBufferSize(buf) return core.NetApiBufferSize(buf) end

function lanman.NetApiBufferReallocate(buf, size)
  return core.NetApiBufferReallocate(buf, u32("NetApiBufferReallocate", "size", size))
end

function lanman.NetApiBufferFree(buf) return buf:free() end

-- ---- sessions ----

local Session = {}
Session.__index = Session

--- A server and the credentials to use on it:
--   local s <close> = lanman.session{server=..., user=..., password=..., domain=...}
--   for user in s:users{level=1} do print(user.name) end
function lanman.session(t)
  if type(t) ~= "table" then arg_error("session", "#1", "table", t) end
  return setmetatable({
    server = text("session", "server", t.server, true),
    user = t.user,
    domain = t.domain,
    creds = lanman.credentials(t),
  }, Session)
end

function Session:__tostring()
  return ("lanman.session (server=%s, user=%s, domain=%s)"):format(
    tostring(self.server), tostring(self.user), tostring(self.domain))
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

return lanman
