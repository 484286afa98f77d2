-- The Lua example admin scripts (examples/lua/*.lua) end to end against the
-- real DC: --help, credentials and exit codes, each report checked against
-- what the DC holds; while each runs, every process command line on the
-- machine is scanned for the passwords, which must appear nowhere (nor in
-- the outputs).  (tests/python/test_examples.py runs them too and compares
-- their reports with the Python examples'.)
local helper = require "helper"
local lanman = helper.lanman
local json = require "dkjson"
local lfs = require "lfs"
local socket = require "socket"

local EXAMPLES = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") ..
                 "/../../examples/lua"
local PW = ("Exl-%06x-Kq5!"):format(math.random(0, 0xFFFFFF))
local counter = 0

local function unique(prefix)
  counter = counter + 1
  return ("%s%dx%d"):format(prefix, math.random(1000, 9999), counter)
end

local function slurp(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function tmpname()
  local n = os.tmpname()
  return n
end

-- Every process command line of the machine right now.
local function cmdlines()
  local out = {}
  for entry in lfs.dir("/proc") do
    if entry:match("^%d+$") then
      local f = io.open("/proc/" .. entry .. "/cmdline", "rb")
      if f then
        local s = f:read("a")
        f:close()
        if s and s ~= "" then out[#out + 1] = s:gsub("%z", " ") end
      end
    end
  end
  return out
end

local SECRETS = { helper.password, helper.seed_password, PW }

local function scan(text, where)
  for _, s in ipairs(SECRETS) do
    if s and s ~= "" then
      assert.is_nil(text:find(s, 1, true), "a password in " .. where)
    end
  end
end

--- Runs an example with env (a table of NAME=value added to the
-- environment), argv (a list) and optional stdin text; scans command lines
-- while it runs.  Returns rc, stdout, stderr.
local function run(script, argv, opts)
  opts = opts or {}
  local out, err, rc, inp = tmpname(), tmpname(), tmpname(), tmpname()
  local f = assert(io.open(inp, "w"))
  f:write(opts.stdin or "")
  f:close()
  local env = { LANMAN_PASSWORD = helper.password }
  for k, v in pairs(opts.env or {}) do env[k] = v end
  -- the values reach the example through a file the shell reads, never
  -- through a command line
  local envfile = tmpname()
  local ef = assert(io.open(envfile, "w"))
  ef:write("unset LANMAN_PASSWORD LANMAN_NEW_PASSWORD LANMAN_AUTHFILE LANMAN_USER LANMAN_SERVER\n")
  for k, v in pairs(env) do
    if v ~= false then ef:write(("export %s=%s\n"):format(k, helper.shell_quote(v))) end
  end
  ef:close()
  local cmd = { "lua5.4", helper.shell_quote(EXAMPLES .. "/" .. script .. ".lua") }
  if opts.login ~= false then
    for _, a in ipairs { "-S", helper.server, "-U", helper.domain .. "\\" .. helper.user } do
      cmd[#cmd + 1] = helper.shell_quote(a)
    end
  end
  for _, a in ipairs(argv or {}) do cmd[#cmd + 1] = helper.shell_quote(a) end
  local line = ("(. %s; setsid %s <%s >%s 2>%s; echo $? >%s) &"):format(
    envfile, table.concat(cmd, " "), inp, out, err, rc)
  os.execute(line)
  local deadline = os.time() + 120
  while true do
    for _, c in ipairs(cmdlines()) do scan(c, "a command line: " .. c) end
    local r = io.open(rc, "r")
    local code = r and r:read("n")
    if r then r:close() end
    if code then
      local o, e = slurp(out), slurp(err)
      for _, p in ipairs { out, err, rc, inp, envfile } do os.remove(p) end
      scan(o, "stdout")
      scan(e, "stderr")
      return math.tointeger(code), o, e
    end
    assert(os.time() < deadline, script .. " still running after 120 s")
    socket.sleep(0.005)
  end
end

local function ok(rc, out, err)
  assert.are.equal(0, rc, ("exit %s\nstdout: %s\nstderr: %s"):format(rc, out, err))
  return out
end

local function report(script, argv, opts)
  local text = ok(run(script, argv, opts))
  local r, _, e = json.decode(text, 1, json.null)
  assert(r, e)
  return r
end

local function by(list, key)
  local t = {}
  for _, x in ipairs(list) do t[x[key]] = x end
  return t
end

local function has(list, value)
  for _, x in ipairs(list) do if x == value then return true end end
  return false
end

local SCRIPTS = { "inventory", "stale_accounts", "provision", "privileged_audit",
                  "share_audit", "password_policy" }

describe("Lua examples", function()
  local made = {}

  local function make_user(flags)
    local name = unique("exl")
    assert(lanman.NetUserAdd(helper.server, 1, { name = name, password = PW, priv = 1,
                                                 flags = flags or (lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT) }))
    made[#made + 1] = name
    return name
  end

  teardown(function()
    for _, n in ipairs(made) do lanman.NetUserDel(helper.server, n) end
  end)

  for _, script in ipairs(SCRIPTS) do
    it(script .. " --help shows options and an example", function()
      local out = ok(run(script, { "--help" }, { login = false }))
      assert.truthy(out:find("example:", 1, true))
      assert.truthy(out:find(script .. ".lua", 1, true))
      for _, o in ipairs { "--server", "--user", "--authentication-file", "--kerberos" } do
        assert.truthy(out:find(o, 1, true), o)
      end
    end)
  end

  it("reads credentials like the CLI and exits 2 on usage errors", function()
    local rc, _, err = run("password_policy", { "--bogus" })
    assert.are.equal(2, rc)
    assert.truthy(err:find("--bogus", 1, true))
    rc, _, err = run("password_policy", {}, { env = { LANMAN_PASSWORD = false } })
    assert.are.equal(2, rc)
    assert.truthy(err:find("LANMAN_PASSWORD", 1, true))
    rc, _, err = run("password_policy", { "-S", helper.server, "-U", "x%y" }, { login = false })
    assert.are.equal(2, rc)
    assert.truthy(err:find("command line", 1, true))
    -- the DC's authentication file (0600) works; a copy readable by others is refused
    local out = ok(run("password_policy", { "-S", helper.server, "-A", helper.env.LANMAN_TEST_AUTHFILE },
                       { login = false, env = { LANMAN_PASSWORD = false } }))
    assert.truthy(out:find("min_passwd_len", 1, true))
    local copy = tmpname()
    os.execute(("cp %s %s && chmod 644 %s"):format(helper.shell_quote(helper.env.LANMAN_TEST_AUTHFILE),
                                                     copy, copy))
    rc, _, err = run("password_policy", { "-S", helper.server, "-A", copy },
                     { login = false, env = { LANMAN_PASSWORD = false } })
    os.remove(copy)
    assert.are.equal(2, rc)
    assert.truthy(err:find("group or others", 1, true))
    -- a wrong password: exit 1
    rc, _, err = run("password_policy", {}, { env = { LANMAN_PASSWORD = "Wr0ng-lua-ex-1" } })
    assert.are.equal(1, rc)
    assert.truthy(err:find("1326", 1, true))
  end)

  it("inventory: one JSON report of the server", function()
    local r = report("inventory", {})
    assert.are.equal(helper.hostname, r.server.name)
    assert.are.equal(helper.domain, r.workstation.langroup)
    local users = by(r.users, "name")
    for _, n in ipairs { "alice", "bob", "carol", "lmuser00", "lmuser39" } do
      assert.is_table(users[n], n)
    end
    assert.are.equal("Alice Adams", users.alice.full_name)
    local groups = by(r.groups, "name")
    assert.are.same({ "alice", "bob" }, groups["lanman-ops"].members)
    local lg = by(r.local_groups, "name")
    assert.is_true(has(lg.Administrators.members, helper.domain .. "\\Domain Admins"))
    assert.are.equal(10, by(r.shares, "netname")[helper.share].max_uses)
  end)

  it("stale_accounts: disabled, locked out, never logged on, expired", function()
    local m3 = assert(lanman.NetUserModalsGet(helper.server, 3))
    local before = m3[1]
    m3:free()
    assert(lanman.NetUserModalsSet(helper.server, 3, { lockout_duration = 1800,
      lockout_observation_window = 1800, lockout_threshold = 2 }))
    local locked = make_user()
    for i = 1, 3 do
      local creds = lanman.credentials { user = locked, password = "Wr0ng-" .. i, domain = helper.domain }
      local buf = lanman.NetUserGetInfo(helper.server, locked, 0, creds)
      if buf then buf:free() end
    end
    local expired = make_user()
    assert(lanman.NetUserSetInfo(helper.server, expired, 1017, { acct_expires = 946684800 }))
    local ok_, err = pcall(function()
      local r = report("stale_accounts", { "--format", "json" })
      local acc = by(r.accounts, "name")
      assert.are.same({ "never_logged_on", "locked_out" }, acc[locked].findings)
      assert.are.same({ "never_logged_on", "expired" }, acc[expired].findings)
      assert.are.same({ "never_logged_on", "disabled" }, acc.carol.findings)
      assert.are.equal(90, r.days)
      assert.is_true(r.summary.locked_out >= 1)
      local text = ok(run("stale_accounts", {}))
      assert.truthy(text:find(locked .. " ", 1, true))
      assert.truthy(text:find("\nlocked_out: ", 1, true))
    end)
    assert(lanman.NetUserModalsSet(helper.server, 3, before))
    assert(ok_, err)
  end)

  it("provision: dry run, create, idempotent second run, update", function()
    local a = unique("lprov")
    local csv = tmpname()
    local f = assert(io.open(csv, "w"))
    f:write("name,full_name,comment,disabled,groups\n",
            a, ',"Lua, Prov",first,no,lanman-ops\n')
    f:close()
    os.execute("chmod 600 " .. csv)
    local env = { LANMAN_NEW_PASSWORD = PW }
    local out = ok(run("provision", { csv, "--dry-run" }, { env = env }))
    assert.truthy(out:find(('would create %s: full_name="Lua, Prov", comment="first"'):format(a),
                           1, true))
    assert.is_nil((lanman.NetUserGetInfo(helper.server, a, 0)))
    made[#made + 1] = a
    out = ok(run("provision", { csv }, { env = env }))
    assert.truthy(out:find("summary: 1 created, 0 updated, 0 unchanged, 0 failed", 1, true))
    local buf = assert(lanman.NetUserGetInfo(helper.server, a, 10))
    assert.are.equal("Lua, Prov", buf[1].full_name)
    buf:free()
    out = ok(run("provision", { csv }, { env = env }))
    assert.are.equal("summary: 0 created, 0 updated, 1 unchanged, 0 failed\n", out)
    f = assert(io.open(csv, "w"))
    f:write("name,comment,disabled\n", a, ",second,yes\n")
    f:close()
    local r = report("provision", { csv, "--format", "json" }, { env = env })
    assert.are.same({ created = 0, updated = 1, unchanged = 0, failed = 0 }, r.summary)
    buf = assert(lanman.NetUserGetInfo(helper.server, a, 20))
    assert.are.equal("second", buf[1].comment)
    assert.are_not.equal(0, buf[1].flags & lanman.UF_ACCOUNTDISABLE)
    buf:free()
    os.remove(csv)
  end)

  it("privileged_audit: nested membership through a local and a global group", function()
    local user = make_user(lanman.UF_SCRIPT | lanman.UF_ACCOUNTDISABLE)
    local group, alias = unique("lnestg"), unique("lnesta")
    assert(lanman.NetGroupAdd(helper.server, 1, { name = group }))
    assert(lanman.NetLocalGroupAdd(helper.server, 1, { name = alias }))
    assert(lanman.NetGroupAddUser(helper.server, group, user))
    assert(lanman.NetLocalGroupAddMembers(helper.server, alias, 3,
                                          { { domainandname = helper.domain .. "\\" .. group } }))
    assert(lanman.NetLocalGroupAddMembers(helper.server, "Print Operators", 3,
                                          { { domainandname = helper.domain .. "\\" .. alias } }))
    local ok_, err = pcall(function()
      local r = report("privileged_audit", { "--format", "json" })
      local g = by(r.groups, "name")
      local m = g["Print Operators"].members
      assert.are.equal(1, #m)
      assert.are.same({ name = helper.domain .. "\\" .. user, type = "user", disabled = true,
                        via = { helper.domain .. "\\" .. alias, helper.domain .. "\\" .. group } },
                      m[1])
      assert.are.same({ { name = helper.domain .. "\\Administrator", type = "user", via = {},
                          disabled = false } }, g["Domain Admins"].members)
    end)
    lanman.NetLocalGroupDelMembers(helper.server, "Print Operators", 3,
                                   { { domainandname = helper.domain .. "\\" .. alias } })
    lanman.NetLocalGroupDel(helper.server, alias)
    lanman.NetGroupDel(helper.server, group)
    assert(ok_, err)
  end)

  it("share_audit: every share, and why a descriptor is missing", function()
    local r = report("share_audit", { "--format", "json" })
    local sh = by(r.shares, "netname")
    local mine = sh[helper.share]
    assert.are.equal("lanman test share", mine.remark)
    assert.are.equal(10, mine.max_uses)
    assert.are.equal("disk", mine.type_name)
    assert.are.equal("ipc special", sh["IPC$"].type_name)
    for _, s in ipairs(r.shares) do
      if s.security == json.null then
        assert.truthy(s.security_error:find("NetShareEnum level 502: 50 ERROR_NOT_SUPPORTED",
                                            1, true))
      end
    end
  end)

  it("password_policy: levels 0-3 and findings", function()
    local r = report("password_policy", { "--format", "json" })
    assert.are.equal(7, r.min_passwd_len)
    assert.are.equal(42 * 86400, r.max_passwd_age)
    assert.are.equal("primary", r.role_name)
    assert.are.same({ "minimum password length 7 is below 8",
                      "no account lockout (lockout_threshold 0)" }, r.findings)
    local text = ok(run("password_policy", {}))
    assert.truthy(text:find("max_passwd_age              42 days", 1, true))
  end)
end)
