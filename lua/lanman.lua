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

--- Bytes libnetapi's context keeps for itself now.
function lanman.context_memory() return core.context_memory() end

--- The bound set by set_memory_bound, in bytes.
function lanman.memory_bound() return core.context_memory_bound() end

--- Re-initialise libnetapi's context (a reconnect) once it keeps more than
-- nbytes for itself (4 MiB by default): libnetapi keeps memory per call.
function lanman.set_memory_bound(nbytes)
  if math.type(nbytes) ~= "integer" or nbytes < 0 then
    error("set_memory_bound: argument 'nbytes' must be a non-negative integer, not " ..
          tostring(nbytes), 2)
  end
  core.context_set_memory_bound(nbytes)
end

--- How many times the context was re-initialised so far.
function lanman.context_reinits() return core.context_reinits() end

--- How long a call waits for a server that does not answer (connecting, or
-- a request sent and nothing received since) before it fails with
-- ERROR_SEM_TIMEOUT (121); a server that keeps answering is never cut.
-- Seconds (default 20; 0: only libnetapi's own limits).  Process wide.
function lanman.set_timeout(seconds)
  if math.type(seconds) == nil then error("set_timeout: argument 'seconds' must be a number, not " .. type(seconds), 2) end
  if not (seconds >= 0 and seconds <= 4294967) then
    error(("set_timeout: argument 'seconds' must be 0..4294967, not %s"):format(tostring(seconds)), 2)
  end
  local ms = math.floor(seconds * 1000 + 0.5)
  if seconds > 0 and ms == 0 then ms = 1 end
  core.context_set_timeout(ms)
end

--- The call timeout in seconds (see set_timeout).
function lanman.get_timeout() return core.context_timeout() / 1000 end

local check = require "lanman.check"
local u32, text = check.u32, check.text

--- The levels a call takes ({} for a name lanman does not know).
function lanman.call_levels(name)
  return core.call_levels(text("call_levels", "name", name))
end

--- The family of a call's records ("USER_INFO", ...), or nil.
function lanman.call_family(name)
  return core.call_family(text("call_family", "name", name))
end

--- The field names of a family's level ({"name", ...}), or nil.
function lanman.level_fields(family, level)
  return core.level_fields(text("level_fields", "family", family),
                           u32("level_fields", "level", level))
end

local CREDS_FIELDS = {"user", "password", "domain", "kerberos"}

-- Credentials userdata from t, the first argument of fn, which may hold
-- only the fields of the list `fields`.
local function new_creds(fn, t, fields)
  if type(t) ~= "table" then check.arg_error(fn, "#1", "table", t) end
  check.fields(fn, "#1", t, fields)
  if t.kerberos ~= nil and type(t.kerberos) ~= "boolean" then
    check.arg_error(fn, "kerberos", "boolean", t.kerberos)
  end
  return core.creds_new(text(fn, "user", t.user, true), text(fn, "password", t.password, true),
                        text(fn, "domain", t.domain, true), t.kerberos and 1 or 0)
end

--- Credentials userdata: the password is copied into the C core and wiped
-- there when the userdata is collected.  t: user, password, domain, kerberos.
function lanman.credentials(t)
  return new_creds("credentials", t, CREDS_FIELDS)
end

--- Credentials for calls made without creds; no argument: anonymous.
function lanman.set_default_credentials(t)
  if t == nil then t = {} end
  core.set_default_creds(new_creds("set_default_credentials", t, CREDS_FIELDS))
end

-- ---- low level: one module per family of calls ----

for _, family in ipairs{"server", "user", "share", "group", "localgroup"} do
  require("lanman." .. family)(lanman, core, check)
end
for _, family in ipairs{"domain", "network"} do
  require("lanman." .. family)(lanman, core, check)
end

function lanman.NetApiBufferAllocate(size)
  return core.NetApiBufferAllocate(u32("NetApiBufferAllocate", "size", size))
end

function lanman.NetApiBufferSize(buf)
  local size, message, code = core.NetApiBufferSize(check.buffer("NetApiBufferSize", "buf", buf))
  if size == nil then return nil, message, code end
  return math.tointeger(size) or size
end

--- true, or nil, message, code.
function lanman.NetApiBufferReallocate(buf, size)
  local fn = "NetApiBufferReallocate"
  local _, message, code = core.NetApiBufferReallocate(check.buffer(fn, "buf", buf),
                                                       u32(fn, "size", size))
  if message ~= nil then return nil, message, code end
  return true
end

function lanman.NetApiBufferFree(buf)
  check.buffer("NetApiBufferFree", "buf", buf):free()
  return true
end

-- ---- sessions ----

-- value, or default when it is nil (false is a value, refused by the call's
-- own check, not a missing one).
local function default(value, dflt)
  if value == nil then return dflt end
  return value
end

local Session = {}
Session.__index = Session

--- A server and the credentials to use on it:
--   local s <close> = lanman.session{server=..., user=..., password=..., domain=...}
--   for user in s:users{level=1} do print(user.name) end
function lanman.session(t)
  local fn = "session"
  if type(t) ~= "table" then check.arg_error(fn, "#1", "table", t) end
  check.fields(fn, "#1", t, {"server", "user", "password", "domain", "kerberos"})
  return setmetatable({
    server = text(fn, "server", t.server, true),
    username = t.user,   -- not "user": that would hide the method Session:user
    domain = t.domain,
    creds = new_creds(fn, {user = t.user, password = t.password, domain = t.domain,
                           kerberos = t.kerberos}, CREDS_FIELDS),
  }, Session)
end

function Session:__tostring()
  return ("lanman.session (server=%s, user=%s, domain=%s)"):format(
    tostring(self.server), tostring(self.username), tostring(self.domain))
end

-- Raises (at error level `level`) unless self is a session: a method
-- called with '.' instead of ':' (s.user("kim")) gets something else.
local function session_of(self, fn, level)
  if getmetatable(self) ~= Session then
    error(("bad argument 'self' to '%s' (lanman session expected, got %s: call it as s:%s(...))")
          :format(fn, math.type(self) or type(self), fn), level)
  end
  return self
end

--- Drops the credentials (the core wipes its password copy).
function Session:close() session_of(self, "close", 3).creds = nil end
Session.__close = Session.close

-- The credentials of session self, the first argument of method fn;
-- raises unless it is a session and still open.
local function live(self, fn)
  if session_of(self, fn, 4).creds == nil then
    error(("bad argument 'self' to '%s' (the session is closed)"):format(fn), 3)
  end
  return self.creds
end

-- A generic-for iterator over every record of a paged enumeration; each
-- page is freed as soon as its records are copied out.  A failure raises
-- (an iterator cannot return nil, message, code: nil ends the loop).
local function pages(self, creds, call, ...)
  local args = table.pack(...)
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

-- The option names of the paged enumerations (opts of s:shares{...}, ...).
local PAGED = {"level", "prefmaxlen"}

--- Every user (NetUserEnum). opts: level (0), filter (0), prefmaxlen, method.
function Session:users(opts)
  local fn = "users"
  local creds = live(self, fn)
  opts = check.opts(fn, opts, {"level", "filter", "prefmaxlen", "method"})
  -- level 3: lanman's pipelined SAMR enumeration (core UserEnumFast, the
  -- records NetUserEnum gives, several times faster); method = "auto"
  -- (default: falls back to NetUserEnum on failure), "samr" or "netapi"
  local method = default(opts.method, "auto")
  if method ~= "auto" and method ~= "samr" and method ~= "netapi" then
    error(("bad argument 'opts' to 'users' (field 'method' must be 'auto', 'samr' or "
           .. "'netapi', not %s)"):format(tostring(method)), 2)
  end
  if opts.level == 3 and method ~= "netapi" then
    local buf, total = core.UserEnumFast(creds, self.server, 3,
                                         u32(fn, "filter", opts.filter, 0), 0)
    if buf then
      local records, i = buf:records(), 0
      buf:free()
      return function() i = i + 1 return records[i] end
    end
    if method == "samr" then error(total, 2) end
  end
  return pages(self, creds, function(server, level, filter, resume, prefmaxlen, c)
    return lanman.NetUserEnum(server, level, filter, resume, prefmaxlen, c)
  end, default(opts.level, 0), default(opts.filter, 0), opts.prefmaxlen)
end

--- Every share (NetShareEnum). opts: level (1), prefmaxlen.
function Session:shares(opts)
  local creds = live(self, "shares")
  opts = check.opts("shares", opts, PAGED)
  return pages(self, creds, function(server, level, _, resume, prefmaxlen, c)
    return lanman.NetShareEnum(server, level, resume, prefmaxlen, c)
  end, default(opts.level, 1), 0, opts.prefmaxlen)
end

-- The first record of a buffer, freed at once; or nil, message, code.
local function one(buf, message, code)
  if buf == nil then return nil, message, code end
  local record = buf[1]
  buf:free()
  return record
end

function Session:user(name, level)
  local creds = live(self, "user")
  return one(lanman.NetUserGetInfo(self.server, name, default(level, 1), creds))
end

function Session:share(name, level)
  local creds = live(self, "share")
  return one(lanman.NetShareGetInfo(self.server, name, default(level, 2), creds))
end

function Session:server_info(level)
  local creds = live(self, "server_info")
  return one(lanman.NetServerGetInfo(self.server, default(level, 101), creds))
end

function Session:wksta_info(level)
  local creds = live(self, "wksta_info")
  return one(lanman.NetWkstaGetInfo(self.server, default(level, 100), creds))
end

-- ---- user accounts ----

--- Creates a user (NetUserAdd) at the lowest level that holds the fields
-- given (1, 2 or 4): s:add_user("kim", password, {comment = "..."}).
-- flags default to UF_SCRIPT | UF_NORMAL_ACCOUNT, priv to USER_PRIV_USER,
-- acct_expires to TIMEQ_FOREVER.  true, or nil, message, code.
function Session:add_user(name, password, fields)
  local creds = live(self, "add_user")
  local data = {name = name, password = password,
                priv = lanman.USER_PRIV_USER,
                flags = lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT}
  if fields ~= nil and type(fields) ~= "table" then
    check.arg_error("add_user", "fields", "table or nil", fields)
  end
  for k, v in pairs(fields or {}) do data[k] = v end
  local level
  for _, l in ipairs{1, 2, 4} do
    local allowed = {}
    for _, f in ipairs(lanman.level_fields("USER_INFO", l)) do allowed[f] = true end
    local fits = true
    for k in pairs(data) do if not allowed[k] then fits = false end end
    if fits then level = l break end
  end
  level = level or 4   -- NetUserAdd names the unknown field
  if level > 1 and data.acct_expires == nil then data.acct_expires = lanman.TIMEQ_FOREVER end
  return lanman.NetUserAdd(self.server, level, data, creds)
end

function Session:delete_user(name)
  local creds = live(self, "delete_user")
  return lanman.NetUserDel(self.server, name, creds)
end

--- Changes a user (NetUserSetInfo): s:set_user("kim", 1007, {comment = "x"}).
function Session:set_user(name, level, data)
  local creds = live(self, "set_user")
  return lanman.NetUserSetInfo(self.server, name, level, data, creds)
end

--- Changes a password knowing the old one, logging on as the user.
function Session:change_password(name, old, new)
  local creds = live(self, "change_password")
  return lanman.NetUserChangePassword(self.server, name, old, new, creds)
end

--- The global groups a user is in (NetUserGetGroups): a list of tables, or
-- nil, message, code.
function Session:user_groups(name, level)
  local creds = live(self, "user_groups")
  local buf, message, code = lanman.NetUserGetGroups(self.server, name, default(level, 0), nil,
                                                     creds)
  if buf == nil then return nil, message, code end
  local records = buf:records()
  buf:free()
  return records
end

--- Makes the named global groups (a list of names) the user's groups.
function Session:set_user_groups(name, groups)
  local creds = live(self, "set_user_groups")
  if type(groups) ~= "table" then
    check.arg_error("set_user_groups", "groups", "table", groups)
  end
  local list = {}
  for i, g in ipairs(groups) do list[i] = {name = g} end
  return lanman.NetUserSetGroups(self.server, name, 0, list, creds)
end

--- The local groups a user is in, as a list of names (indirect: also
-- through its global groups); or nil, message, code.
function Session:user_local_groups(name, indirect)
  local creds = live(self, "user_local_groups")
  if indirect ~= nil and type(indirect) ~= "boolean" then
    check.arg_error("user_local_groups", "indirect", "boolean or nil", indirect)
  end
  local buf, message, code = lanman.NetUserGetLocalGroups(self.server, name, 0,
                                                          indirect and 1 or 0, nil, creds)
  if buf == nil then return nil, message, code end
  local names = {}
  for i = 1, #buf do names[i] = buf[i].name end
  buf:free()
  return names
end

function Session:user_modals(level)
  local creds = live(self, "user_modals")
  return one(lanman.NetUserModalsGet(self.server, default(level, 0), creds))
end

function Session:set_user_modals(level, data)
  local creds = live(self, "set_user_modals")
  return lanman.NetUserModalsSet(self.server, level, data, creds)
end

--- Every user (level 1), computer (2) or global group (3) in bulk
-- (NetQueryDisplayInformation), paging by index. opts: level, entries
-- (100), prefmaxlen.  A failure raises.
function Session:display_users(opts)
  local creds = live(self, "display_users")
  opts = check.opts("display_users", opts, {"level", "entries", "prefmaxlen"})
  local records, i, index, last = {}, 0, 0, false
  return function()
    while i >= #records do
      if last then return nil end
      local buf, nextindex = lanman.NetQueryDisplayInformation(
        self.server, default(opts.level, 1), index, default(opts.entries, 100),
        opts.prefmaxlen, creds)
      if buf == nil then error(nextindex, 2) end
      records, i = buf:records(), 0
      buf:free()
      index, last = nextindex, nextindex == 0
    end
    i = i + 1
    return records[i]
  end
end

-- ---- shares, open files, server settings, time ----

--- Shares a directory that exists on the server (NetShareAdd): t has name
-- and path, optionally remark, max_uses (SHI_USES_UNLIMITED), type
-- (STYPE_DISKTREE), permissions, passwd, security_descriptor (self-relative
-- bytes: level 502, else 2).  true, or nil, message, code.
function Session:add_share(t)
  local fn = "add_share"
  local creds = live(self, fn)
  if type(t) ~= "table" then check.arg_error(fn, "#1", "table", t) end
  check.fields(fn, "#1", t, {"name", "path", "remark", "max_uses", "type", "permissions",
                             "passwd", "security_descriptor"})
  for _, field in ipairs{"name", "path"} do
    if t[field] == nil then
      error(("bad argument '#1' to '%s' (field '%s' is required)"):format(fn, field), 2)
    end
  end
  local data = {netname = t.name, path = t.path, remark = t.remark,
                max_uses = default(t.max_uses, lanman.SHI_USES_UNLIMITED),
                type = default(t.type, lanman.STYPE_DISKTREE),
                permissions = default(t.permissions, 0),
                passwd = t.passwd, security_descriptor = t.security_descriptor}
  return lanman.NetShareAdd(self.server, t.security_descriptor and 502 or 2, data, creds)
end

--- Stops sharing (NetShareDel); the directory stays.
function Session:delete_share(name)
  local creds = live(self, "delete_share")
  return lanman.NetShareDel(self.server, name, 0, creds)
end

--- Changes a share's fields (NetShareSetInfo): s:set_share("docs", {remark = "x"}).
-- A remark alone is set at level 1004, a security descriptor alone at 1501,
-- anything else by reading the share at level 2, changing it and writing it
-- back at level 2.  true, or nil, message, code.
function Session:set_share(name, changes)
  local fn = "set_share"
  local creds = live(self, fn)
  if type(changes) ~= "table" then check.arg_error(fn, "changes", "table", changes) end
  local fields = lanman.level_fields("SHARE_INFO", 2)
  fields[#fields + 1] = "security_descriptor"
  check.fields(fn, "changes", changes, fields)
  local keys = {}
  for key in pairs(changes) do keys[#keys + 1] = key end
  if #keys == 0 then
    error(("bad argument 'changes' to '%s' (no field to change)"):format(fn), 2)
  end
  if #keys == 1 and keys[1] == "remark" then
    return lanman.NetShareSetInfo(self.server, name, 1004, changes, creds)
  elseif #keys == 1 and keys[1] == "security_descriptor" then
    return lanman.NetShareSetInfo(self.server, name, 1501, changes, creds)
  elseif changes.security_descriptor ~= nil then
    error(("bad argument 'security_descriptor' to '%s' (set it alone)"):format(fn), 2)
  end
  local record, message, code = one(lanman.NetShareGetInfo(self.server, name, 2, creds))
  if record == nil then return nil, message, code end
  for key, value in pairs(changes) do record[key] = value end
  return lanman.NetShareSetInfo(self.server, name, 2, record, creds)
end

--- Every file open on the server (NetFileEnum). opts: level (3), basepath,
-- username, prefmaxlen.
function Session:files(opts)
  local creds = live(self, "files")
  opts = check.opts("files", opts, {"level", "basepath", "username", "prefmaxlen"})
  return pages(self, creds, function(server, level, _, resume, prefmaxlen, c)
    return lanman.NetFileEnum(server, opts.basepath, opts.username, level, resume,
                              prefmaxlen, c)
  end, default(opts.level, 3), 0, opts.prefmaxlen)
end

function Session:file(fileid, level)
  local creds = live(self, "file")
  return one(lanman.NetFileGetInfo(self.server, fileid, default(level, 3), creds))
end

--- Closes a file a client has open (NetFileClose).
function Session:close_file(fileid)
  local creds = live(self, "close_file")
  return lanman.NetFileClose(self.server, fileid, creds)
end

--- The server's clock (NetRemoteTOD): a TIME_OF_DAY_INFO table.
function Session:time()
  local creds = live(self, "time")
  return one(lanman.NetRemoteTOD(self.server, creds))
end

--- Changes server settings (NetServerSetInfo): s:set_server_info{comment = "x"}
-- (level 1005), or s:set_server_info(level, fields).
function Session:set_server_info(level, fields)
  local creds = live(self, "set_server_info")
  if type(level) == "table" then level, fields = 1005, level end
  return lanman.NetServerSetInfo(self.server, level, fields, creds)
end

-- ---- groups and local groups ----

--- Every global group (NetGroupEnum). opts: level (1), prefmaxlen.
function Session:groups(opts)
  local creds = live(self, "groups")
  opts = check.opts("groups", opts, PAGED)
  return pages(self, creds, function(server, level, _, resume, prefmaxlen, c)
    return lanman.NetGroupEnum(server, level, resume, prefmaxlen, c)
  end, default(opts.level, 1), 0, opts.prefmaxlen)
end

function Session:group(name, level)
  local creds = live(self, "group")
  return one(lanman.NetGroupGetInfo(self.server, name, default(level, 1), creds))
end

--- The members of a global group (NetGroupGetUsers). opts: level (0), prefmaxlen.
function Session:group_members(name, opts)
  local creds = live(self, "group_members")
  opts = check.opts("group_members", opts, PAGED)
  return pages(self, creds, function(server, level, _, resume, prefmaxlen, c)
    return lanman.NetGroupGetUsers(server, name, level, resume, prefmaxlen, c)
  end, default(opts.level, 0), 0, opts.prefmaxlen)
end

--- true, or nil, message, code.
function Session:add_group_member(group, user)
  local creds = live(self, "add_group_member")
  return lanman.NetGroupAddUser(self.server, group, user, creds)
end

function Session:remove_group_member(group, user)
  local creds = live(self, "remove_group_member")
  return lanman.NetGroupDelUser(self.server, group, user, creds)
end

--- Every local group (NetLocalGroupEnum). opts: level (1), prefmaxlen.
function Session:localgroups(opts)
  local creds = live(self, "localgroups")
  opts = check.opts("localgroups", opts, PAGED)
  return pages(self, creds, function(server, level, _, resume, prefmaxlen, c)
    return lanman.NetLocalGroupEnum(server, level, resume, prefmaxlen, c)
  end, default(opts.level, 1), 0, opts.prefmaxlen)
end

function Session:localgroup(name, level)
  local creds = live(self, "localgroup")
  return one(lanman.NetLocalGroupGetInfo(self.server, name, default(level, 1), creds))
end

--- The members of a local group (NetLocalGroupGetMembers). opts: level (2:
-- sid, sidusage and "DOMAIN\\name"), prefmaxlen.
function Session:localgroup_members(name, opts)
  local creds = live(self, "localgroup_members")
  opts = check.opts("localgroup_members", opts, PAGED)
  return pages(self, creds, function(server, level, _, resume, prefmaxlen, c)
    return lanman.NetLocalGroupGetMembers(server, name, level, resume, prefmaxlen, c)
  end, default(opts.level, 2), 0, opts.prefmaxlen)
end

-- Members given as SIDs ("S-1-...") go at level 0, names ("DOMAIN\\name"
-- or "name") at level 3.  true, or nil, message, code.
local function localgroup_members_call(self, call, fn, group, ...)
  local creds = live(self, fn)
  local members = table.pack(...)
  if members.n == 0 then
    error(("bad argument 'member' to '%s' (no members given)"):format(fn), 3)
  end
  local sids, names = {}, {}
  for i = 1, members.n do
    local m = check.text(fn, "member", members[i])
    if m:match("^[Ss]%-") then sids[#sids + 1] = {sid = m}
    else names[#names + 1] = {domainandname = m} end
  end
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

-- ---- domain: DC discovery and membership ----

--- The record of a DC of opts.domain (nil: the server's own) as
-- DsGetDcName finds it through the server; opts: domain, flags, site_name.
function Session:dc_info(opts)
  local creds = live(self, "dc_info")
  opts = check.opts("dc_info", opts, {"domain", "flags", "site_name"})
  return one(lanman.DsGetDcName(self.server, opts.domain, nil, opts.site_name,
                                default(opts.flags, 0), creds))
end

--- The primary DC's name, "\\\\DC" (NetGetDCName); or nil, message, code.
function Session:dc_name(domain)
  local creds = live(self, "dc_name")
  local record, message, code = one(lanman.NetGetDCName(self.server, domain, creds))
  if record == nil then return nil, message, code end
  return record.dc_name
end

--- {name=, status=NetSetup*} of the server (NetGetJoinInformation).
function Session:join_info()
  local creds = live(self, "join_info")
  return one(lanman.NetGetJoinInformation(self.server, creds))
end

--- The OUs a computer account can be created in, a list of strings
-- (NetGetJoinableOUs); or nil, message, code.
function Session:joinable_ous(domain, account, password)
  local creds = live(self, "joinable_ous")
  local buf, message, code = lanman.NetGetJoinableOUs(self.server, domain, account, password,
                                                      creds)
  if buf == nil then return nil, message, code end
  local ous = {}
  for i = 1, #buf do ous[i] = buf[i].ou end
  buf:free()
  return ous
end

-- ---- network: Windows servers only ----

--- Every session on the server (NetSessionEnum). opts: level (10), client,
-- username, prefmaxlen.
function Session:sessions(opts)
  local creds = live(self, "sessions")
  opts = check.opts("sessions", opts, {"level", "client", "username", "prefmaxlen"})
  return pages(self, creds, function(server, level, _, resume, prefmaxlen, c)
    return lanman.NetSessionEnum(server, opts.client, opts.username, level, resume,
                                 prefmaxlen, c)
  end, default(opts.level, 10), 0, opts.prefmaxlen)
end

return lanman
