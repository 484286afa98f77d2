-- tests/lua/helper.lua -- what every busted spec of lanman shares.
--
-- The specs talk to the real throwaway Samba AD DC that tests/dc/lanman-dc
-- starts (tests/run-all does that and exports LANMAN_DC_ENV=DIR/env).  By
-- hand:
--   LANMAN_DC_NET=198.18.47 tests/dc/lanman-dc start /tmp/luadc
--   export LANMAN_DC_ENV=/tmp/luadc/env
--   eval "$(luarocks --lua-version=5.4 --tree .luarocks path)"
--   cd tests/lua && lua5.4 /usr/bin/busted -o utfTerminal .
--
-- Loading this module reads that env file, and makes the DC's administrator
-- lanman's default credentials.
local lanman = require "lanman"
local luassert = require "luassert"

local helper = { lanman = lanman }

local REQUIRED = {
  "LANMAN_TEST_SERVER", "LANMAN_TEST_USER", "LANMAN_TEST_PASSWORD",
  "LANMAN_TEST_DOMAIN", "LANMAN_TEST_SHARE", "LANMAN_TEST_SHARE_PATH",
  "LANMAN_TEST_HOSTNAME",
}

-- KEY=value lines (shell syntax, optionally quoted) -> table.
local function read_env_file(path)
  local f, err = io.open(path, "r")
  if not f then
    error(("tests/lua/helper.lua: cannot read the DC env file named by LANMAN_DC_ENV (%s): %s")
          :format(path, err), 0)
  end
  local env = {}
  for line in f:lines() do
    local key, value = line:match("^%s*([%a_][%w_]*)=(.*)$")
    if key then
      value = value:match("^'(.*)'$") or value:match('^"(.*)"$') or value
      env[key] = value
    end
  end
  f:close()
  return env
end

local env_path = os.getenv("LANMAN_DC_ENV")
if env_path == nil or env_path == "" then
  error("tests/lua/helper.lua: LANMAN_DC_ENV is not set. The Lua tests need the real test DC: "
        .. "run `LANMAN_DC_NET=198.18.47 tests/run-all lua`, or start one with "
        .. "`tests/dc/lanman-dc start DIR` and export LANMAN_DC_ENV=DIR/env", 0)
end
local env = read_env_file(env_path)
for _, key in ipairs(REQUIRED) do
  if env[key] == nil or env[key] == "" then
    error(("tests/lua/helper.lua: %s has no %s"):format(env_path, key), 0)
  end
end

helper.env = env
helper.server = env.LANMAN_TEST_SERVER
helper.user = env.LANMAN_TEST_USER
helper.password = env.LANMAN_TEST_PASSWORD
helper.domain = env.LANMAN_TEST_DOMAIN
helper.share = env.LANMAN_TEST_SHARE
helper.share_path = env.LANMAN_TEST_SHARE_PATH
helper.hostname = env.LANMAN_TEST_HOSTNAME
helper.seed_password = env.LANMAN_TEST_SEED_PASSWORD

-- Users the DC script seeds (tests/dc/README.md), plus what provisioning makes.
helper.seeded_users = { "Administrator", "Guest", "krbtgt", "alice", "bob", "carol" }
for i = 0, 39 do helper.seeded_users[#helper.seeded_users + 1] = ("lmuser%02d"):format(i) end

-- A password that is certainly wrong, and recognisable if it ever leaks.
helper.wrong_password = "Wr0ng-lanman-pw-7f3e9c"

--- The administrator's credentials as a table (for lanman.session{...}).
function helper.admin(extra)
  local t = { server = helper.server, user = helper.user, password = helper.password,
              domain = helper.domain }
  for k, v in pairs(extra or {}) do t[k] = v end
  return t
end

lanman.set_default_credentials { user = helper.user, password = helper.password,
                                 domain = helper.domain }

--- Two full collections (the second one finishes what finalizers of the
-- first left), then the number of live NetApi buffers.
function helper.live()
  collectgarbage("collect")
  collectgarbage("collect")
  return lanman.buffer_stats().live
end

--- Asserts that, after garbage collection, exactly `base` buffers are live.
function helper.assert_live_baseline(base)
  collectgarbage("collect")
  collectgarbage("collect")
  local stats = lanman.buffer_stats()
  luassert.are.equal(base, stats.live,
    ("live NetApi buffers: %d, baseline %d (allocated %d, freed %d)")
    :format(stats.live, base, stats.allocated, stats.freed))
end

--- {v = true, ...} from a list.
function helper.set(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

--- Sorted keys of a table.
function helper.keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return ks
end

--- Records of a buffer as {name -> record} by `key` (asserts no duplicates).
function helper.by(records, key)
  local map = {}
  for _, r in ipairs(records) do
    luassert.is_nil(map[r[key]], "duplicate record " .. tostring(r[key]))
    map[r[key]] = r
  end
  return map
end

--- An address on the DC's /24 that nobody answers (as the Python suite's
-- `unreachable` fixture): packets to it (ARP only) never leave the DC's
-- veth; a call that went out there would hang, argument errors don't.
function helper.unreachable()
  local a, b, c, d = helper.server:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  luassert.is_not_nil(a, "the test server is not an IPv4 address: " .. helper.server)
  luassert.are_not.equal(d, "254")
  local ip = ("%s.%s.%s.254"):format(a, b, c)
  local p = io.popen("ip -4 -o route get " .. ip)
  local route = p:read("a")
  p:close()
  luassert.is_truthy(route:find(" dev lmdc", 1, true), "not through the DC's veth: " .. route)
  return ip
end

--- A name no account has yet: prefix and 8 random hex digits.
function helper.fresh_name(prefix)
  local t = {}
  for i = 1, 8 do t[i] = string.format("%x", math.random(0, 15)) end
  return prefix .. table.concat(t)
end

--- Asserts a call returned nil, message, code with NetApi status `code`
-- and a message naming `name`; returns the message.
function helper.fails(code, name, ok, message, got)
  luassert.is_nil(ok, "the call succeeded")
  luassert.are.equal(code, got, message)
  luassert.is_truthy(message:find(name, 1, true), message)
  return message
end

--- Shell single-quoting.
function helper.shell_quote(s)
  return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end

--- Asserts pcall(fn, ...) fails with a message containing every one of
-- `needles` (plain text); returns the message.
function helper.raises(needles, fn, ...)
  local ok, err = pcall(fn, ...)
  luassert.is_false(ok, "expected an error, the call succeeded")
  err = tostring(err)
  for _, needle in ipairs(needles) do
    luassert.is_truthy(err:find(needle, 1, true),
      ("error message %q does not contain %q"):format(err, needle))
  end
  return err
end

return helper
