--- Argument checks shared by lanman's families of calls: each raises a
-- Lua error naming the function and the argument, at the caller's level.
local core = require "lanman_core"

local check = {}

local function arg_error(fn, name, what, value)
  error(("bad argument '%s' to '%s' (%s expected, got %s)"):format(
    name, fn, what, math.type(value) or type(value)), 4)
end
check.arg_error = arg_error

--- An unsigned 32-bit integer (default when nil and a default is given).
function check.u32(fn, name, value, default)
  if value == nil and default ~= nil then return default end
  -- type check first: math.tointeger also converts numeric strings ("101")
  local n = type(value) == "number" and math.tointeger(value) or nil
  if n == nil then arg_error(fn, name, "integer", value) end
  if n < 0 or n > 0xFFFFFFFF then
    error(("bad argument '%s' to '%s' (%d is out of range 0..4294967295)"):format(
      name, fn, n), 3)
  end
  return n
end

--- A string without NUL bytes (nil allowed when optional).
function check.text(fn, name, value, optional)
  if value == nil and optional then return nil end
  if type(value) ~= "string" then
    arg_error(fn, name, optional and "string or nil" or "string", value)
  end
  if value:find("\0", 1, true) then
    error(("bad argument '%s' to '%s' (string contains a NUL byte)"):format(name, fn), 3)
  end
  return value
end

--- Whether value is a userdata of lanman's C module with this metatable
-- name ("lanman.Credentials", "lanman.NetApiBuffer").
local function is_udata(value, tname)
  if type(value) ~= "userdata" then return false end
  local mt = getmetatable(value)
  return type(mt) == "table" and rawget(mt, "__name") == tname
end

--- Credentials userdata or nil (the default credentials).
function check.creds(fn, creds)
  if creds ~= nil and not is_udata(creds, "lanman.Credentials") then
    arg_error(fn, "creds", "lanman credentials or nil", creds)
  end
  return creds
end

--- A NetApi buffer userdata (live or freed: the core tells those apart).
function check.buffer(fn, name, buf)
  if not is_udata(buf, "lanman.NetApiBuffer") then
    arg_error(fn, name, "lanman buffer", buf)
  end
  return buf
end

-- Raises (at the level of the caller of a façade function that called a
-- check) if table t, argument `name` of fn, has a key not in the list
-- `fields`.
local function unknown_keys(fn, name, t, fields)
  local known = {}
  for _, f in ipairs(fields) do known[f] = true end
  for key in pairs(t) do
    if not known[key] then
      error(("bad argument '%s' to '%s' (unknown field '%s'; fields: %s)"):format(
        name, fn, tostring(key), table.concat(fields, ", ")), 4)
    end
  end
end

--- Table t (argument `name` of fn) with no key outside the list `fields`.
function check.fields(fn, name, t, fields)
  unknown_keys(fn, name, t, fields)
  return t
end

--- The options table of a session method: nil is {}, anything but a
-- table raises, and so does a key that is not in the list `fields`.
function check.opts(fn, opts, fields)
  if opts == nil then return {} end
  if type(opts) ~= "table" then arg_error(fn, "opts", "table or nil", opts) end
  unknown_keys(fn, "opts", opts, fields)
  return opts
end

--- What a core call without a result returns, passed on: true on success,
-- nil, message, code on a NetApi failure.
function check.done(_, message, code)
  if message ~= nil then return nil, message, code end
  return true
end

--- The level of a write call, checked before its records are built (the
-- same message the core gives for a level it does not accept).  Call it
-- straight from the NetApi function: the error names that function's caller.
function check.write_level(fn, level)
  level = check.u32(fn, "level", level)
  local levels = core.call_levels(fn)
  for _, l in ipairs(levels) do
    if l == level then return level end
  end
  error(("bad argument 'level' to '%s' (%d is not supported (supported: %s))"):format(
    fn, level, table.concat(levels, ", ")), 3)
end

--- Input records for a write call from a table (or, with many, a list of
-- tables); unknown keys, wrong types and missing fields raise.
function check.input(fn, family, level, data, many)
  if type(data) ~= "table" then arg_error(fn, "data", "table", data) end
  local ok, input = pcall(core.input_from_records, family, check.u32(fn, "level", level),
                          many and data or {data})
  if not ok then error(("bad argument 'data' to '%s' (%s)"):format(fn, input), 3) end
  return input
end

return check
