-- Bad input from scripts, table-driven (the Lua side of
-- tests/python/test_fuzzlike.py): every public function of the lanman
-- module and every method of a session, found by walking the module and
-- the session's metatable, gets a table of junk values (JUNK) in each
-- argument position; every write call's record table gets junk in each
-- field of each level, loses each required field and gains an unknown one;
-- option tables (s:users{...}, lanman.session{...}) get junk in each field.
-- Only a clear Lua error may come out: a string naming the argument or the
-- field, or a NetApi refusal (nil, message, code; raised by iterators) --
-- never a crash of this process (the cases run in it: a crash fails the
-- run), never a Lua runtime error from inside lanman's code ("attempt to
-- index ..."), never a live buffer after a case.  What a kind of argument
-- must refuse (MUST_REFUSE) must raise; anything else may also work.
--
-- A function added later is covered without editing this file: the values
-- its arguments are given besides the junk (its baseline) come from their
-- names, or are probed (the first of PROBES it does not refuse), and a
-- write call's record is built from the errors it gives ("field 'x' is
-- required", "must be an integer").
--
-- The wire is fenced as in test_fuzzlike.py, and the fence is enforced
-- around every call: server-like arguments are the test DC for calls that
-- only read, and an address on the DC's own /24 that nobody answers
-- (checked to route through the DC's veth) with a 0.02 s call timeout for
-- calls that write, join or shut down; as junk they only get values that
-- are refused before any call.  NetRequestOfflineDomainJoin (it acts on
-- THIS machine) is only called with a blob of a wrong type.
--
-- LANMAN_BADINPUT_TRACE=1 prints each function's cases and time, and every
-- case slower than 0.5 s.
local helper = require "helper"
local lanman = helper.lanman

local READ_TIMEOUT, WRITE_TIMEOUT = 5, 0.02

-- ---- the fence ----------------------------------------------------------

local unreachable = helper.unreachable   -- (ARP only: nothing leaves the DC's veth)

local SERVER_PARAMS = { server = true, domainname = true, dcname = true }

-- Calls that write, join or shut down (test_fuzzlike.py's WRITES, and the
-- session methods that make them) go to the unanswered address.
local function writes(name)
  return name:find("Add") or name:find("Del") or name:find("Set") or name:find("Close")
      or name:find("ChangePassword") or name:find("Join") or name:find("Unjoin")
      or name:find("Rename") or name:find("Provision") or name:find("Shutdown")
      or name:find("^add_") or name:find("^delete_") or name:find("^set_")
      or name:find("^remove_") or name:find("change_password") or name:find("close_file")
      or name:find("join") or false
end

-- Acting on this machine: the first argument is always of a wrong type, so
-- the call is refused before it does anything.
local LOCAL_ONLY = { NetRequestOfflineDomainJoin = "provision_bin_data" }

-- Calls the call timeout does not cut at the unanswered address, and why:
-- their cases with an ordinary value (one a valid call could have: 0,
-- 2^31, "101", nil, credentials, an extra argument) are not run -- they
-- could only wait for the wire -- and their baseline is not asked for
-- (arguments nothing here knows are nil).  Junk that is not ordinary
-- (empty, non-UTF-8, NUL, 64 KiB, wrong types) still runs.  None now:
-- NetProvisionComputerAccount was one (its CLDAP ping took 6 s) until the
-- watchdog learnt to cut that too.
local SLOW_WIRE = {}

-- Not called with junk, and why.
local EXCLUDED = {
  ["session:__tostring"] = "a metamethod: Lua calls it with the session (tostring(s))",
  ["session:__close"] = "a metamethod, the same function as s:close (covered)",
}

-- ---- junk ------------------------------------------------------------------

local function posing_as(text, t)
  return setmetatable(t or {}, { __tostring = function() return text end })
end
local fake_creds = posing_as("lanman.Credentials (fake)")
local fake_buffer = posing_as("lanman.NetApiBuffer (fake)", { free = function() end })
local made = {}   -- buffers a junk generator made, freed after each case
local function new_buffer(freed)
  local buf = assert(lanman.NetApiBufferAllocate(8))
  if freed then buf:free() else made[#made + 1] = buf end
  return buf
end

-- {label, value} or {label, make = function() return value end}
-- (ordinary: a value a valid call could have; see SLOW_WIRE)
local JUNK = {
  { "nil", nil, ordinary = true }, { "true", true }, { "false", false },
  { "-5", -5 }, { "0", 0, ordinary = true }, { "-1", -1 },
  { "2^31", 1 << 31, ordinary = true }, { "2^31 (float)", 2.0 ^ 31, ordinary = true },
  { "2^32", 1 << 32 },
  { "2^53 (float)", 2.0 ^ 53 }, { "math.maxinteger", math.maxinteger },
  { "math.mininteger", math.mininteger },
  { "1.5", 1.5 }, { "-0.5", -0.5 },
  { "NaN", 0 / 0 }, { "inf", math.huge }, { "-inf", -math.huge },
  { "''", "" }, { "'a\\0b'", "a\0b" }, { "'\\xff\\xfe'", "\xff\xfe" },
  { "'\\xc3\\x28'", "\xc3\x28" }, { "64 KiB string", ("x"):rep(65536) },
  { "'101'", "101", ordinary = true },
  { "{}", {} }, { "{1, 2, 3}", { 1, 2, 3 } }, { "nested tables", { { {} }, a = { b = {} } } },
  { "a function", print }, { "a coroutine", coroutine.create(function() end) },
  { "io.stdout", io.stdout },
  { "a table posing as credentials", fake_creds },
  { "a table posing as a buffer", fake_buffer },
  { "credentials", ordinary = true, make = function() return lanman.credentials {} end },
  { "a live buffer", make = function() return new_buffer(false) end },
  { "a freed buffer", make = function() return new_buffer(true) end },
  { "a closed session", closed_session = true, make = function()
      local s = lanman.session(helper.admin())
      s:close()
      return s
    end },
}

local function junk_value(j)
  if j.make then return j.make() end
  return j[2]
end

-- ---- what each kind of argument must refuse -------------------------------

local function is_udata(v, tname)
  local mt = type(v) == "userdata" and getmetatable(v)
  return type(mt) == "table" and rawget(mt, "__name") == tname
end

local function u32_ok(v)
  local n = type(v) == "number" and math.tointeger(v)
  return n and n >= 0 and n <= 0xFFFFFFFF
end

local function has_nul(v) return type(v) == "string" and v:find("\0", 1, true) ~= nil end

-- Whether value v must be refused by an argument of this kind (nil is never
-- a must: arguments with defaults take it).
local MUST_REFUSE = {
  string = function(v) return v ~= nil and (type(v) ~= "string" or has_nul(v)) end,
  u32 = function(v) return v ~= nil and not u32_ok(v) end,
  u64 = function(v) return v ~= nil and not (math.tointeger(v) and math.tointeger(v) >= 0) end,
  table = function(v) return v ~= nil and type(v) ~= "table" end,
  boolean = function(v) return v ~= nil and type(v) ~= "boolean" end,
  creds = function(v) return v ~= nil and not is_udata(v, "lanman.Credentials") end,
  buffer = function(v) return not is_udata(v, "lanman.NetApiBuffer") or v:is_freed() end,
  self = function() return true end,   -- no junk value is a session
  seconds = function(v) return type(v) ~= "number" or not (v >= 0 and v <= 4294967) end,
  bytes = function(v) return v ~= nil and type(v) ~= "string" end,
  any = function() return false end,
}
MUST_REFUSE.server = MUST_REFUSE.string
MUST_REFUSE.local_only = function(v) return type(v) ~= "string" end

-- Record fields, by the type the core says they have ("must be ...").
local FIELD_REFUSE = {
  ["an integer"] = function(v)
    local n = type(v) == "number" and math.tointeger(v)
    return not n or n < -(1 << 31) or n > 0xFFFFFFFF
  end,
  ["a string"] = function(v) return type(v) ~= "string" or not utf8.len(v) or has_nul(v) end,
  ["a SID string (S-1-...)"] = function(v)
    return type(v) ~= "string" or not v:match("^S%-1%-[%d%-]+$")
  end,
  ["a byte string"] = function(v) return type(v) ~= "string" end,
}
local FIELD_SAMPLE = {
  ["an integer"] = 0, ["a string"] = "badinput", ["a SID string (S-1-...)"] = "S-1-5-32-545",
  ["a byte string"] = ("\255"):rep(21),
}

-- Kinds of arguments by name; any other is the kind of its baseline value.
local KINDS = {
  creds = "creds", self = "self", buf = "buffer", seconds = "seconds", nbytes = "u64",
  data = "table", members = "table", groups = "table", fields = "table", changes = "table",
  t = "table", opts = "table",
  force_apps = "boolean", do_reboot = "boolean", indirect = "boolean", kerberos = "boolean",
  -- fields of option tables (s:users{level = ...}, lanman.session{server = ...})
  level = "u32", filter = "u32", prefmaxlen = "u32", entries = "u32", flags = "u32",
  options = "u32", machine_name = "string", machine_account_ou = "string",
  method = "string", basepath = "string", username = "string", client = "string",
  domain = "string", site_name = "string", user = "string", password = "string",
  name = "string", path = "string", remark = "string", passwd = "string",
  max_uses = "u32", type = "u32", permissions = "u32", security_descriptor = "bytes",
  server = "string",   -- lanman.session{server = ...}: no call is made there
}

-- What an error about argument `name` may say instead of 'name': session
-- methods pass their arguments on to the low-level call, whose message names
-- its own parameter; tables given as the first argument are '#1'.
local ALIASES = {
  name = { "'username'", "'groupname'", "'netname'" },
  group = { "'groupname'" }, user = { "'username'" },
  old = { "'oldpassword'" }, new = { "'newpassword'" },
  fields = { "'data'" }, changes = { "'data'" }, data = { "'data'" },
  t = { "'#1'" }, ["..."] = { "'member'", "'members'" },
  buf = { "the buffer was already freed" },
}
-- ... and for one function's argument
local ALIASES_OF = {
  -- s:set_server_info{comment = ...}: a table in place of the level is the fields
  ["set_server_info.level"] = { "'data'" },
}

local function needles(name, fname)
  local list = { "'" .. name .. "'" }
  for _, alias in ipairs(ALIASES[name] or {}) do list[#list + 1] = alias end
  for _, alias in ipairs(fname and ALIASES_OF[fname .. "." .. name] or {}) do
    list[#list + 1] = alias
  end
  return list
end

local function names_one_of(err, list)
  for _, needle in ipairs(list) do
    if err:find(needle, 1, true) then return true end
  end
  return false
end

-- A NetApi failure as a message (what an iterator raises on one).
local function is_netapi_message(err)
  return err:find(" failed: %d+ [%u_]+") ~= nil
end

-- A Lua runtime error (it may quote a local's name: "(local 'opts')").
local function is_runtime_error(err)
  return err:find("attempt to ", 1, true) or err:find("stack overflow", 1, true)
end

-- ---- running one case -----------------------------------------------------

local start_live, base_live
local default_bound = lanman.memory_bound()

-- Undoes what a call with junk may have changed process-wide: the default
-- credentials, the memory bound, the call timeout, buffers junk was made of.
local function restore()
  lanman.set_default_credentials { user = helper.user, password = helper.password,
                                   domain = helper.domain }   -- the same: no reconnect
  if lanman.memory_bound() ~= default_bound then lanman.set_memory_bound(default_bound) end
  lanman.set_timeout(20)
  for i = #made, 1, -1 do
    if not made[i]:is_freed() then made[i]:free() end
    made[i] = nil
  end
end

-- Frees what a call returned; drives iterators to their end.  Returns the
-- error an iterator raised, if any.
local function consume(results)
  local err
  for i = 1, results.n do
    local v = results[i]
    if is_udata(v, "lanman.NetApiBuffer") and not v:is_freed() then
      if v:level() then v:records() else lanman.NetApiBufferSize(v) end
      v:free()
    elseif type(v) == "function" then   -- a session iterator
      local ok, e = pcall(function()
        local n = 0
        for _ in v do
          n = n + 1
          if n > 100000 then error("iterator does not end") end
        end
      end)
      if not ok then err = e end
    end
  end
  return err
end

local monotime = require("system").monotime   -- a busted dependency
local trace = os.getenv("LANMAN_BADINPUT_TRACE")

-- Runs call(args) as a case; returns a failure description, or nil.
--   c.write: goes to the unanswered address (timeout WRITE_TIMEOUT)
--   c.must: the call must raise
--   c.needles: what a raised message must name (one of)
local function run(c, call, args, nargs)
  lanman.set_timeout(c.write and WRITE_TIMEOUT or READ_TIMEOUT)
  local t0 = monotime()
  local r = table.pack(pcall(call, table.unpack(args, 1, nargs)))
  if trace and monotime() - t0 > 0.5 then
    local shown = {}
    for i = 1, nargs do
      local v = args[i]
      shown[i] = type(v) == "string" and ("%q"):format(v:sub(1, 20)) or tostring(v)
    end
    io.stderr:write(("slow case %.2f s: (%s) -> %s\n"):format(monotime() - t0,
      table.concat(shown, ", "), tostring(r[2]):sub(1, 100)))
  end
  local raised, err = not r[1], r[2]
  local failure
  if not raised then
    local results = table.pack(table.unpack(r, 2, r.n))
    if results[1] == nil and results.n >= 2 then   -- nil, message, code
      if type(results[2]) ~= "string" or math.type(results[3]) ~= "integer" then
        failure = ("returned nil, %s, %s: not nil, message, code"):format(
          tostring(results[2]), tostring(results[3]))
      end
    else
      local ierr = consume(results)
      if ierr ~= nil then
        if type(ierr) ~= "string" then
          failure = "its iterator raised a " .. type(ierr)
        elseif is_runtime_error(ierr)
               or not (names_one_of(ierr, c.needles) or is_netapi_message(ierr)) then
          failure = "its iterator raised: " .. ierr
        end
        raised = true
      end
    end
    if failure == nil and c.must and not raised then failure = "was accepted" end
  elseif type(err) ~= "string" then
    failure = "raised a " .. type(err) .. ": " .. tostring(err)
  elseif is_runtime_error(err) then
    failure = "raised a Lua runtime error: " .. err
  elseif not names_one_of(err, c.needles) then
    failure = "raised an error naming none of " .. table.concat(c.needles, " ") .. ": " .. err
  end
  restore()
  -- buffers still live once collected (checked cheaply first)
  if lanman.buffer_stats().live ~= base_live and helper.live() ~= base_live then
    local live = lanman.buffer_stats().live
    failure = (failure and failure .. "; " or "") ..
              ("left %d live buffers"):format(live - base_live)
    base_live = live   -- reported once; the spec's teardown fails too
  end
  return failure
end

-- ---- the functions --------------------------------------------------------

-- Parameter names ("..." for a vararg); none for a C function.
local function params_of(fn)
  local info = debug.getinfo(fn, "uS")
  local params = {}
  if info.what == "C" then return params end
  for i = 1, info.nparams do params[i] = debug.getlocal(fn, i) end
  if info.isvararg then params[#params + 1] = "..." end
  return params
end

local function public_functions()
  local list = {}
  for name, value in pairs(lanman) do
    if type(value) == "function" then list[#list + 1] = name end
  end
  table.sort(list)
  return list
end

local Session = getmetatable(lanman.session {})
local function session_methods()
  local list = {}
  for name, value in pairs(Session) do
    if type(value) == "function" then list[#list + 1] = name end
  end
  table.sort(list)
  return list
end

-- Names a session method's name argument stands for.
local function account_for(method)
  if method:find("localgroup") then return "Administrators"
  elseif method:find("group") and not method:find("^user") and method ~= "set_user_groups" then
    return "Domain Users"
  elseif method:find("share") then return helper.share
  end
  return "alice"
end

-- Baselines that the probe cannot find: the level and record of the session
-- methods that write records.
local SESSION_BASE = {
  set_user = { level = 1007, data = { comment = "badinput" } },
  set_user_modals = { level = 1001, data = { min_passwd_len = 7 } },
  set_server_info = { level = 1005, fields = { comment = "badinput" } },
  set_share = { changes = { remark = "badinput" } },
  add_share = { t = { name = "badinput", path = "/tmp" } },
  add_user = { password = "Badinput-1", fields = { comment = "badinput" } },
  set_user_groups = { groups = { "Domain Users" } },
  ["add_localgroup_members"] = { ["..."] = "S-1-5-21-1-2-3-1000" },
  ["remove_localgroup_members"] = { ["..."] = "S-1-5-21-1-2-3-1000" },
}

-- A function under test: .name, .call, .params, .write, .target,
-- .base (argument values that pass every check), .kinds.
local function new_subject(name, call, is_method)
  local params = params_of(call)
  local s = { name = name, params = params,
              write = writes(name) and true or false, method = is_method,
              base = {}, kinds = {} }
  -- the fence, enforced: a server-like argument is the target or refused
  -- by its type; a local-only call never gets a string first
  s.call = function(...)
    local args = table.pack(...)
    for i, p in ipairs(params) do
      local v = args[i]
      if SERVER_PARAMS[p] and v ~= s.target and not MUST_REFUSE.server(v)
         or LOCAL_ONLY[name] == p and not MUST_REFUSE.local_only(v) then
        error(("FENCE: %s would have been called with %s = %s"):format(name, p, tostring(v)), 0)
      end
    end
    return call(...)
  end
  return s
end

local targets

-- The value of argument i that passes the checks, as a fresh value.
local function known_base(s, pname)
  if SERVER_PARAMS[pname] then return true, s.target end
  if LOCAL_ONLY[s.name] == pname then return true, false end   -- a wrong type: refused
  if pname == "self" then   -- a fresh one: s:close() is among the methods
    local server = s.target
    return true, function() return lanman.session(helper.admin { server = server }) end
  end
  if pname == "creds" then return true, nil end
  if pname == "buf" then return true, function() return new_buffer(false) end end
  if s.method then
    local sb = SESSION_BASE[s.name]
    if sb and sb[pname] ~= nil then return true, sb[pname] end
    if pname == "name" or pname == "group" then return true, account_for(s.name) end
    if pname == "user" then return true, "alice" end
    return false
  end
  if pname == "level" then
    local levels = lanman.call_levels(s.name)
    if levels[1] then return true, levels[1] end
    return false
  end
  if pname == "username" then return true, "alice" end
  if pname == "groupname" then
    return true, s.name:find("LocalGroup") and "Administrators" or "Domain Users"
  end
  if pname == "netname" then return true, helper.share end
  if pname == "machine_name" then return true, "BADINPUT" end
  if pname == "domain" then return true, helper.domain end
  return false
end

-- Baselines are values, or functions that make a fresh one.
local function value_of(v)
  if type(v) == "function" then return v() end
  return v
end

local function args_with(s, i, value)
  local args = {}
  for k = 1, #s.params do args[k] = value_of(s.base[k]) end
  if i then args[i] = value end
  return args
end

-- A case of s whose error must name needle_name (or, for a local-only
-- call, its blob); must: the call must raise.
local function case(s, needle_name, must)
  local c = { write = s.write, must = must or LOCAL_ONLY[s.name] ~= nil,
              needles = needles(needle_name, s.name) }
  if LOCAL_ONLY[s.name] then c.needles = needles(LOCAL_ONLY[s.name]) end
  return c
end

-- Tries candidate values for an argument nothing above knows: the first
-- the call does not refuse naming it.
local PROBES = { "badinput", 0, {}, true }

-- pcall(s.call, args) with the case's timeout; what was returned is freed.
local function try_call(s, args)
  lanman.set_timeout(s.write and WRITE_TIMEOUT or READ_TIMEOUT)
  local r = table.pack(pcall(s.call, table.unpack(args, 1, #s.params)))
  if r[1] then consume(table.pack(table.unpack(r, 2, r.n))) end
  restore()
  return r[1], r[2]
end

local function probe(s, i)
  local pname = s.params[i]
  for _, v in ipairs(PROBES) do
    local ok, err = try_call(s, args_with(s, i, v))
    if ok or not names_one_of(tostring(err), needles(pname, s.name)) then return v end
  end
  return nil
end

-- Builds a record a write call takes at its baseline level, from the
-- errors it gives: starts empty and adds each field it says is required.
local function field_type(try, rec, field)
  local copy = {}
  for k, v in pairs(rec) do copy[k] = v end
  copy[field] = {}
  local err = try(copy) or ""
  return err:match("field '" .. field .. "' must be (.-), not table")
end

local function build_record(try)
  local rec, required = {}, {}
  for _ = 1, 60 do
    local err = try(rec)
    if err == nil then return rec, required end
    local field = err:match("field '([%w_]+)' is required")
    if field == nil then return nil, err end
    local ftype = field_type(try, rec, field)
    assert(FIELD_SAMPLE[ftype],
           ("no sample value for field %s (%s)"):format(field, tostring(ftype)))
    rec[field], required[field] = FIELD_SAMPLE[ftype], true
  end
  error("build_record: does not converge")
end

-- For a table argument of a Net* write call: its baseline record (and
-- whether it is a list of records), built by asking the call.
local function record_base(s, i)
  local function try_with(list)
    return function(rec)
      local ok, err = try_call(s, args_with(s, i, list and { rec } or rec))
      if ok then return nil end
      return tostring(err)
    end
  end
  -- a list of records says a record of it misses a field; one record
  -- refuses the list's numeric key
  local list = (try_with(true)({}) or ""):find("is required") ~= nil
  local try = try_with(list)
  local rec, required = build_record(try)
  assert(rec, ("%s: no record it takes: %s"):format(s.name, tostring(required)))
  return rec, required, list
end

local function prepare(s)
  s.target = s.write and targets.write or targets.read
  for i, pname in ipairs(s.params) do
    local known, v = known_base(s, pname)
    if known then s.base[i] = v end
  end
  for i, pname in ipairs(s.params) do
    local known = known_base(s, pname)
    if not known and not SLOW_WIRE[s.name] then
      if pname == "data" or pname == "members" or pname == "groups" then
        local rec, required, list = record_base(s, i)
        s.record = { index = i, rec = rec, required = required, list = list }
        s.base[i] = function()
          local copy = {}
          for k, v in pairs(rec) do copy[k] = v end
          return list and { copy } or copy
        end
      else
        s.base[i] = probe(s, i)
      end
    end
    local bv = value_of(s.base[i])
    s.kinds[i] = (SERVER_PARAMS[pname] and "server")
                 or (LOCAL_ONLY[s.name] == pname and "local_only") or KINDS[pname]
                 or (type(bv) == "string" and "string")
                 or (math.type(bv) == "integer" and "u32")
                 or (type(bv) == "boolean" and "boolean")
                 or "any"
  end
end

-- Junk a kind of argument gets: server-like arguments and the blob of a
-- local-only call get only what must be refused before any call.
local function junk_for(kind)
  local list = {}
  for _, j in ipairs(JUNK) do
    local v = junk_value(j)
    if (kind ~= "server" and kind ~= "local_only") or MUST_REFUSE[kind](v) then
      list[#list + 1] = j
    end
  end
  return list
end

-- ---- the cases of one function --------------------------------------------

local total_cases = 0

local function check_arguments(s, failures)
  local n = 0
  for i, pname in ipairs(s.params) do
    local kind = s.kinds[i]
    for _, j in ipairs(junk_for(kind)) do
      local v = junk_value(j)
      -- closing a closed session is harmless
      local must = MUST_REFUSE[kind](v) and not (j.closed_session and s.name == "close")
      if SLOW_WIRE[s.name] and j.ordinary and not must then goto next end
      local c = case(s, pname, must)
      -- another level the call takes: the baseline record may not fit it
      if pname == "level" and not must then c.needles[#c.needles + 1] = "'data'" end
      local f = run(c, s.call, args_with(s, i, v), #s.params)
      n = n + 1
      if f then failures[#failures + 1] = ("%s(%s = %s): %s"):format(s.name, pname, j[1], f) end
      ::next::
    end
  end
  if SLOW_WIRE[s.name] then return n end
  -- one argument more than it takes: ignored (a vararg function checks it)
  local args = args_with(s)
  args[#s.params + 1] = { "extra" }
  local vararg = s.params[#s.params] == "..."
  local c = case(s, vararg and "..." or "#" .. (#s.params + 1))
  if not vararg and not LOCAL_ONLY[s.name] then c.needles = {} end
  local f = run(c, s.call, args, #s.params + 1)
  n = n + 1
  if f then failures[#failures + 1] = ("%s(..., extra argument): %s"):format(s.name, f) end
  return n
end

-- Every field of the baseline record with every junk value, each required
-- field missing, an unknown field and a key that is not a string; and, at
-- every other level the call takes, each field with the values its type
-- must refuse (refused before the wire, so they cost nothing).
local function check_record_fields(s, failures)
  local r = s.record
  local n = 0
  local pname = s.params[r.index]
  local function with(rec, level)
    local args = args_with(s, r.index, r.list and { rec } or rec)
    if level then
      for i, p in ipairs(s.params) do if p == "level" then args[i] = level end end
    end
    return args
  end
  local function add(label, c, args)
    local f = run(c, s.call, args, #s.params)
    n = n + 1
    if f then failures[#failures + 1] = ("%s(%s %s): %s"):format(s.name, pname, label, f) end
  end
  local family = lanman.call_family(s.name)
  local levels = lanman.call_levels(s.name)
  local base_level
  for i, p in ipairs(s.params) do if p == "level" then base_level = s.base[i] end end
  for _, level in ipairs(levels) do
    for _, field in ipairs(lanman.level_fields(family, level) or {}) do
      local ftype = field_type(function(rec)
        local ok, err = try_call(s, with(rec, level))
        return not ok and tostring(err) or nil
      end, {}, field)
      assert(FIELD_REFUSE[ftype], ("%s level %d field %s: type %s"):format(
        s.name, level, field, tostring(ftype)))
      for _, j in ipairs(JUNK) do
        local v = junk_value(j)
        if level == base_level then   -- the baseline record with this field changed
          local rec = {}
          for k, x in pairs(r.rec) do rec[k] = x end
          rec[field] = v
          local must = FIELD_REFUSE[ftype](v)
          if v == nil then must = r.required[field] or false end
          add(("level %d field %s = %s"):format(level, field, j[1]),
              case(s, field, must), with(rec, level))
        elseif v ~= nil and FIELD_REFUSE[ftype](v) then   -- refused before the wire
          add(("level %d field %s = %s"):format(level, field, j[1]),
              case(s, field, true), with({ [field] = v }, level))
        end
      end
    end
  end
  for field in pairs(r.required) do
    local rec = {}
    for k, x in pairs(r.rec) do rec[k] = x end
    rec[field] = nil
    add("without required field " .. field, case(s, field, true), with(rec))
  end
  local rec = {}
  for k, x in pairs(r.rec) do rec[k] = x end
  rec.lanman_badinput_unknown = 1
  add("with an unknown field", case(s, "lanman_badinput_unknown", true), with(rec))
  rec.lanman_badinput_unknown = nil
  rec[1] = "x"
  add("with a numeric key", case(s, pname, true), with(rec))
  return n
end

-- Option tables (s:users{...}, lanman.session{...}, s:add_share{...}): an
-- unknown field must be refused naming it, and the refusal lists the known
-- ones, which then get every junk value.
local function check_option_fields(s, failures)
  local n = 0
  for i, pname in ipairs(s.params) do
    local bv = value_of(s.base[i])
    if (pname == "opts" or pname == "t") and type(bv) == "table" then
      local unknown = {}
      for k, v in pairs(bv) do unknown[k] = v end
      unknown.lanman_badinput_unknown = 1
      local ok, err = try_call(s, args_with(s, i, unknown))
      n = n + 1
      if ok or not tostring(err):find("'lanman_badinput_unknown'", 1, true) then
        failures[#failures + 1] = ("%s(%s with an unknown field): %s"):format(
          s.name, pname, ok and "was accepted" or tostring(err))
      else
        local known = tostring(err):match("fields: ([%w_, ]+)%)")
        for field in (known or ""):gmatch("[%w_]+") do
          local kind = KINDS[field] or "any"
          for _, j in ipairs(junk_for(kind)) do
            local v = junk_value(j)
            local opts = {}
            for k, x in pairs(bv) do opts[k] = x end
            opts[field] = v
            local must = MUST_REFUSE[kind](v)
            local f = run(case(s, field, must), s.call, args_with(s, i, opts), #s.params)
            n = n + 1
            if f then
              failures[#failures + 1] = ("%s(%s.%s = %s): %s"):format(s.name, pname, field,
                                                                      j[1], f)
            end
          end
        end
      end
    end
  end
  return n
end

-- The baseline arguments must pass every check, or the cases test nothing.
local function check_baseline(s)
  local ok, err = try_call(s, args_with(s))
  assert(ok, ("%s: the baseline arguments are refused: %s"):format(s.name, tostring(err)))
end

local function check_subject(s)
  local failures = {}
  local t0 = monotime()
  prepare(s)
  if not LOCAL_ONLY[s.name] and not SLOW_WIRE[s.name] then check_baseline(s) end
  local n = check_arguments(s, failures)
  if s.record then n = n + check_record_fields(s, failures) end
  n = n + check_option_fields(s, failures)
  total_cases = total_cases + n
  if trace then
    io.stderr:write(("%-30s %5d cases %6.2f s\n"):format(s.name, n, monotime() - t0))
  end
  if #failures > 0 then
    local shown = { table.unpack(failures, 1, 60) }
    if #failures > 60 then shown[#shown + 1] = ("... and %d more"):format(#failures - 60) end
    error(("%s: %d of %d cases failed:\n  %s"):format(s.name, #failures, n,
          table.concat(shown, "\n  ")), 0)
  end
end

-- ---- regressions: what this spec found, each as it was found -------------

-- {what it did before the fix, call, needles the error must name}; every
-- call is refused before anything is sent.
local function regressions(far)
  local s = lanman.session(helper.admin { server = far })
  local closed = lanman.session(helper.admin { server = far })
  closed:close()
  local ok = { name = "badinput", path = "/tmp" }
  return {
    { "NetApiBufferFree(5): attempt to index a number value (local 'buf')",
      function() return lanman.NetApiBufferFree(5) end, { "'buf'", "NetApiBufferFree" } },
    { "NetApiBufferSize({}): bad argument #1 (the C wrapper's)",
      function() return lanman.NetApiBufferSize({}) end, { "'buf'", "NetApiBufferSize" } },
    { "creds as a table posing as credentials: bad argument #1 (the C wrapper's)",
      function() return lanman.NetUserEnum(far, 0, 0, 0, nil, fake_creds) end,
      { "'creds'", "NetUserEnum" } },
    { "level_fields('USER_INFO', 2^53): USER_INFO_0's fields (the level cut to 32 bits)",
      function() return lanman.level_fields("USER_INFO", 2.0 ^ 53) end,
      { "'level'", "level_fields" } },
    { "call_levels(nil): bad argument #1 to 'lanman_core.call_levels'",
      function() return lanman.call_levels(nil) end, { "'name'", "call_levels" } },
    { "lanman.session{sever = ...}: the typo was dropped, the session named no server",
      function() return lanman.session { sever = far } end, { "'sever'", "session" } },
    { "lanman.credentials{username = ...}: dropped, anonymous credentials",
      function() return lanman.credentials { username = "x" } end,
      { "'username'", "credentials" } },
    { "set_default_credentials(false): anonymous credentials",
      function() return lanman.set_default_credentials(false) end,
      { "'#1'", "set_default_credentials" } },
    { "s.user(nil, 'alice') (called with '.'): attempt to index a nil value (local 'self')",
      function() return s.user(nil, "alice") end, { "'self'", "s:user" } },
    { "s.user('alice'): 'the session is closed'",
      function() return s.user("alice") end, { "'self'", "lanman session expected" } },
    { "closed session: still refused, naming the session",
      function() return closed:user("alice") end, { "'self'", "session is closed" } },
    { "s:users(5): attempt to index a number value (local 'opts')",
      function() return s:users(5) end, { "'opts'", "users" } },
    { "s:users{levle = 1}: the typo was dropped, level 0 was listed",
      function() return s:users { levle = 1 } end, { "'levle'", "'opts'" } },
    { "s:user('alice', false): false was taken for the default level",
      function() return s:user("alice", false) end, { "'level'" } },
    { "s:users{method = false}: false was taken for 'auto'",
      function() return s:users { method = false } end, { "'method'" } },
    { "s:user_local_groups('alice', {}): a table was taken for true",
      function() return s:user_local_groups("alice", {}) end, { "'indirect'" } },
    { "s:add_share{}: named NetShareAdd's field 'netname'",
      function() return s:add_share {} end, { "'#1'", "'name'", "add_share" } },
    { "s:add_share{max_uses = false}: false was taken for SHI_USES_UNLIMITED",
      function() return s:add_share { name = ok.name, path = ok.path, max_uses = false } end,
      { "'max_uses'" } },
    { "s:set_share(name, {1}): named the key '1', not the argument",
      function() return s:set_share(helper.share, { "x" }) end, { "'changes'", "'1'" } },
    { "s:add_localgroup_members(group): named '#2'",
      function() return s:add_localgroup_members("Administrators") end, { "'member'" } },
  }
end

-- ---- the spec -------------------------------------------------------------

describe("bad input", function()
  local nfunctions = 0

  setup(function()
    start_live = helper.live()
    base_live = start_live
    targets = { read = helper.server, write = unreachable() }
  end)

  teardown(function()
    restore()
    helper.assert_live_baseline(start_live)
    io.stderr:write(("\nbadinput_spec: %d functions and methods, %d cases\n"):format(
      nfunctions, total_cases))
  end)

  for _, name in ipairs(public_functions()) do
    it("lanman." .. name, function()
      nfunctions = nfunctions + 1
      check_subject(new_subject(name, lanman[name], false))
    end)
  end

  it("regressions", function()
    for _, row in ipairs(regressions(targets.write)) do
      lanman.set_timeout(WRITE_TIMEOUT)
      local msg = helper.raises(row[3], row[2])
      assert.is_falsy(is_runtime_error(msg), row[1] .. ": " .. msg)
      restore()
    end
  end)

  for _, name in ipairs(session_methods()) do
    local reason = EXCLUDED["session:" .. name]
    if reason then
      -- not junk-tested; checked to be what the reason says instead
      it("s:" .. name .. " (excluded: " .. reason .. ")", function()
        if name == "__close" then
          assert.are.equal(Session.close, Session.__close)
        else
          assert.are.equal("__tostring", name, "an exclusion with no check of its own")
          local s = lanman.session { server = helper.server, user = "u", password = "p" }
          assert.are.equal("lanman.session (server=" .. helper.server .. ", user=u, domain=nil)",
                           tostring(s))
          s:close()
        end
      end)
    else
      it("s:" .. name, function()
        nfunctions = nfunctions + 1
        check_subject(new_subject(name, Session[name], true))
      end)
    end
  end
end)
