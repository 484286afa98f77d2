-- lanman from Lua, for bench/run.  One JSON object on stdout.
--   lanman_lua.lua enum buffer|session LEVEL RUNS
--   lanman_lua.lua small server|user COUNT
--   lanman_lua.lua decode LEVEL REPS
--   lanman_lua.lua once buffer|session LEVEL
-- Needs benchclock (bench/lua_clock.c) on package.cpath.
local lanman = require "lanman"
local clock = require "benchclock"

local SERVER = os.getenv("LANMAN_TEST_SERVER")
local CREDS = {user = os.getenv("LANMAN_TEST_USER"), password = os.getenv("LANMAN_TEST_PASSWORD"),
               domain = os.getenv("LANMAN_TEST_DOMAIN")}

local function touch(records)
  local n = 0
  for _, r in ipairs(records) do
    for _, v in pairs(r) do n = n + 1 end
  end
  return n
end

local function enum_buffer(level)
  local count, resume = 0, 0
  while true do
    local buf, total, nextresume = lanman.NetUserEnum(SERVER, level, 0, resume)
    if not buf then error(total) end
    local records = buf:records()
    buf:free()
    touch(records)
    count = count + #records
    resume = nextresume
    if resume == 0 then return count end
  end
end

local function make_enum(how, level)
  if how == "buffer" then
    lanman.set_default_credentials(CREDS)
    return function() return enum_buffer(level) end
  end
  local s = lanman.session{server = SERVER, user = CREDS.user, password = CREDS.password,
                           domain = CREDS.domain}
  local opts = {level = level}
  if how == "session-netapi" then opts.method = "netapi" end
  return function()
    local records = {}
    for u in s:users(opts) do records[#records + 1] = u end
    touch(records)
    return #records
  end
end

local function out(mode, level, records, times)
  local t = {}
  for i, v in ipairs(times) do t[i] = string.format("%.9f", v) end
  print(string.format('{"tool": "lanman_lua", "mode": "%s", "level": %d, "records": %d, '
                      .. '"times": [%s], "maxrss_kb": %d}', mode, level, records,
                      table.concat(t, ", "), clock.maxrss_kb()))
end

local mode = arg[1]
if mode == "enum" or mode == "once" then
  local how, level = arg[2], math.tointeger(tonumber(arg[3]))
  local runs = mode == "enum" and math.tointeger(tonumber(arg[4])) or 1
  local run = make_enum(how, level)
  if mode == "enum" then
    lanman.set_default_credentials(CREDS)
    local b = lanman.NetUserEnum(SERVER, 0, 0, 0, 1)
    if b then b:free() end
    if how ~= "buffer" then   -- the session's own connection (same creds: same context)
      local s = lanman.session{server = SERVER, user = CREDS.user, password = CREDS.password,
                               domain = CREDS.domain}
      for _ in s:users{level = 0, prefmaxlen = 1} do break end
    end
  end
  local times, n, spent = {}, 0, 0
  local budget = tonumber(os.getenv("BENCH_BUDGET") or "1e9")
  for i = 1, runs do
    local t0 = clock.now()
    n = run()
    times[i] = clock.now() - t0
    spent = spent + times[i]
    if spent >= budget then break end   -- no new run once the runs took that long
  end
  out(mode .. "_" .. how, level, n, times)
elseif mode == "small" then
  local what, count = arg[2], math.tointeger(tonumber(arg[3]))
  lanman.set_default_credentials(CREDS)
  local call
  if what == "server" then
    call = function()
      local b <close> = assert(lanman.NetServerGetInfo(SERVER, 101))
      return b[1]
    end
  else
    call = function()
      local b <close> = assert(lanman.NetUserGetInfo(SERVER, CREDS.user, 1))
      return b[1]
    end
  end
  call()
  local times = {}
  for i = 1, count do
    local t0 = clock.now()
    call()
    times[i] = clock.now() - t0
  end
  out("small_" .. what, what == "server" and 101 or 1, 1, times)
elseif mode == "decode" then
  local level, reps = math.tointeger(tonumber(arg[2])), math.tointeger(tonumber(arg[3]))
  lanman.set_default_credentials(CREDS)
  local buf <close> = assert(lanman.NetUserEnum(SERVER, level))
  local times = {}
  for i = 1, reps do
    local t0 = clock.now()
    buf:records()
    times[i] = clock.now() - t0
  end
  out("decode", level, #buf, times)
else
  error("unknown mode " .. tostring(mode))
end
