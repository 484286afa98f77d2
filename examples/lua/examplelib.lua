--- What lanman's Lua example admin scripts share: options and credentials
-- (read exactly as the `lanman` command line reads them), error handling and
-- exit codes, JSON, tables, flag names, times, a security descriptor decoder.
--
-- Credentials: -U [DOMAIN\]USER (or USER@REALM), -W DOMAIN, -A FILE (Samba's
-- authentication file, mode 0600), -k (Kerberos); the password from the
-- file, LANMAN_PASSWORD or a prompt on the terminal -- never from the
-- command line.  Exit codes: 0 ok, 1 a NetApi call failed, 2 a usage error.
local lanman = require "lanman"

local M = { lanman = lanman }

-- ---- errors ------------------------------------------------------------

local Usage = {}
Usage.__index = Usage
Usage.__tostring = function(e) return e.message end

--- Raises a usage error (exit code 2).
function M.usage(message) error(setmetatable({ message = message }, Usage), 0) end

--- Is err a usage error?
function M.is_usage(err) return getmetatable(err) == Usage end

local Failure = {}
Failure.__tostring = function(e) return e.message end

--- ok, message, code from a lanman call -> ok, or raises the failure (exit 1).
function M.check(ok, message, code)
  if ok == nil then
    error(setmetatable({ message = tostring(message), code = code }, Failure), 0)
  end
  return ok
end

--- Is err a lanman failure with this code?
function M.is_code(err, code)
  if getmetatable(err) == Failure then return err.code == code end
  return type(err) == "string" and err:find(("failed: %d "):format(code), 1, true) ~= nil
end

--- Runs main(); exits with its result, 1 on a NetApi failure, 2 on a usage error.
function M.run(prog, main)
  local ok, result = xpcall(main, function(e)
    if getmetatable(e) == Usage or getmetatable(e) == Failure then return e end
    if type(e) == "string" then return setmetatable({ message = e, trace = debug.traceback() },
                                                    Failure) end
    return e
  end)
  if ok then os.exit(result or 0) end
  if getmetatable(result) == Usage then
    io.stderr:write(prog, ": ", result.message, "\n")
    os.exit(2)
  end
  io.stderr:write(prog, ": error: ", tostring(result.message or result), "\n")
  os.exit(1)
end

-- ---- options -------------------------------------------------------------

local COMMON = {
  { short = "S", long = "server", arg = "HOST", help = "server name or address, HOST or \\\\HOST (default: $LANMAN_SERVER)" },
  { short = "U", long = "user", arg = "[DOMAIN\\]USER", help = "user to log on as: USER, DOMAIN\\USER or USER@REALM (default: $LANMAN_USER)" },
  { short = "W", long = "workgroup", arg = "DOMAIN", help = "the user's domain, when --user does not name one" },
  { short = "A", long = "authentication-file", arg = "FILE", help = "Samba authentication file (username = / password = / domain = lines), mode 0600 or stricter" },
  { short = "k", long = "kerberos", flag = true, help = "authenticate with Kerberos (the credential cache); no password is asked" },
}

local function key_of(long) return (long:gsub("%-", "_")) end

local function help_text(spec)
  local lines = { ("usage: %s [options]%s"):format(spec.name,
    spec.positionals and (" " .. table.concat((function()
      local p = {}
      for _, x in ipairs(spec.positionals) do p[#p + 1] = x.name:upper() end
      return p end)(), " ")) or ""), "", spec.doc, "" }
  local function add(o)
    local names = (o.short and ("-" .. o.short .. ", ") or "    ") .. "--" .. o.long
    if o.arg then names = names .. " " .. o.arg end
    lines[#lines + 1] = ("  %-34s %s"):format(names, o.help or "")
  end
  if spec.positionals then
    lines[#lines + 1] = "arguments:"
    for _, p in ipairs(spec.positionals) do
      lines[#lines + 1] = ("  %-34s %s"):format(p.name:upper(), p.help or "")
    end
    lines[#lines + 1] = ""
  end
  lines[#lines + 1] = "options:"
  add({ short = "h", long = "help", flag = true, help = "show this help and exit" })
  for _, o in ipairs(spec.options or {}) do add(o) end
  lines[#lines + 1] = ""
  lines[#lines + 1] = "connection and credentials:"
  for _, o in ipairs(COMMON) do add(o) end
  lines[#lines + 1] = ""
  lines[#lines + 1] = "example:"
  lines[#lines + 1] = "  " .. spec.example
  lines[#lines + 1] = ""
  lines[#lines + 1] = "The password comes from -A FILE, LANMAN_PASSWORD or a prompt, never from the command line."
  return table.concat(lines, "\n") .. "\n"
end

--- Parses argv by spec = {name, doc, example, options = {{short, long, arg,
-- flag, list, int, choices, default, help}}, positionals = {{name, help}}}.
-- Returns a table keyed by option (dashes as underscores) and positional name.
function M.parse(argv, spec)
  local opts, pos = {}, {}
  local all = {}
  for _, o in ipairs(COMMON) do all[#all + 1] = o end
  for _, o in ipairs(spec.options or {}) do
    all[#all + 1] = o
    local k = key_of(o.long)
    if o.list then opts[k] = {} elseif o.default ~= nil then opts[k] = o.default end
  end
  local function find(name, short)
    for _, o in ipairs(all) do
      if (short and o.short == name) or (not short and o.long == name) then return o end
    end
    return nil
  end
  local i = 1
  while i <= #argv do
    local a = argv[i]
    local o, value
    if a == "-h" or a == "--help" then
      io.stdout:write(help_text(spec))
      os.exit(0)
    elseif a:sub(1, 2) == "--" and #a > 2 then
      local name, v = a:match("^%-%-([^=]+)=(.*)$")
      o = find(name or a:sub(3), false)
      value = v
      if not o then M.usage(("unknown option %s (see --help)"):format(a)) end
    elseif a:sub(1, 1) == "-" and #a > 1 then
      o = find(a:sub(2, 2), true)
      if not o then M.usage(("unknown option %s (see --help)"):format(a)) end
      if #a > 2 then value = a:sub(3) end
    else
      pos[#pos + 1] = a
    end
    if o then
      local k = key_of(o.long)
      if o.flag then
        if value then M.usage(("--%s takes no value"):format(o.long)) end
        opts[k] = true
      else
        if value == nil then
          i = i + 1
          value = argv[i]
          if value == nil then M.usage(("--%s needs a value"):format(o.long)) end
        end
        if o.int then
          local n = math.tointeger(tonumber(value))
          if n == nil then M.usage(("--%s: %q is not a number"):format(o.long, value)) end
          value = n
        end
        if o.choices then
          local okc = false
          for _, c in ipairs(o.choices) do okc = okc or c == value end
          if not okc then
            M.usage(("--%s: %q is not one of %s"):format(o.long, value,
                                                         table.concat(o.choices, ", ")))
          end
        end
        if o.list then table.insert(opts[k], value) else opts[k] = value end
      end
    end
    i = i + 1
  end
  local want = spec.positionals or {}
  if #pos ~= #want then
    M.usage(#pos < #want and ("missing %s (see --help)"):format(want[#pos + 1].name:upper())
            or ("unexpected argument %q (see --help)"):format(pos[#want + 1]))
  end
  for j, p in ipairs(want) do opts[p.name] = pos[j] end
  return opts
end

-- ---- credentials ---------------------------------------------------------

local function have_terminal()
  local f = io.open("/dev/tty", "r")
  if f then f:close() return true end
  return false
end

local function file_mode(path)
  local okl, lfs = pcall(require, "lfs")
  if okl then
    local attr = lfs.attributes(path)
    if not attr then return nil end
    if attr.mode ~= "file" then return nil, "not a regular file" end
    local perm, mode = attr.permissions, 0
    for j = 1, 9 do
      if perm:sub(j, j) ~= "-" then mode = mode | (1 << (9 - j)) end
    end
    return mode
  end
  local p = io.popen("stat -c %a -- '" .. path:gsub("'", "'\\''") .. "' 2>/dev/null")
  local out = p:read("a")
  p:close()
  local n = tonumber(out:match("%d+") or "", 8)
  return n
end

--- Refuses a credentials file group or others may access (as ssh refuses
-- a private key file that is too open).
function M.check_private(path)
  local mode, why = file_mode(path)
  if mode == nil then
    M.usage(("cannot read the authentication file %s%s"):format(path, why and (": " .. why) or ""))
  end
  if mode & 63 ~= 0 then
    M.usage(("permissions %04o for the authentication file %s are too open: it is " ..
             "accessible by group or others, so its password is not private; it is " ..
             "ignored. Run: chmod 600 %s"):format(mode, path, path))
  end
end

local function read_authfile(path)
  M.check_private(path)
  local f, err = io.open(path, "r")
  if not f then M.usage(("cannot read the authentication file %s: %s"):format(path, err)) end
  local out, number = {}, 0
  for line in f:lines() do
    number = number + 1
    local s = line:match("^%s*(.-)%s*$")
    if s ~= "" and not s:match("^[#;]") then
      local key, value = s:match("^([%w_]+)%s*=%s*(.-)$")
      key = key and key:lower()
      if key == "workgroup" then key = "domain" end
      if key ~= "username" and key ~= "password" and key ~= "domain" then
        f:close()
        M.usage(("%s, line %d: expected 'username = ...', 'password = ...' or " ..
                 "'domain = ...'"):format(path, number))
      end
      out[key] = value
    end
  end
  f:close()
  if out.username and out.username:find("%", 1, true) then
    local u, p = out.username:match("^(.-)%%(.*)$")
    out.username = u
    out.password = out.password or p
  end
  return out
end

local function split_user(text, allow_percent)
  if not allow_percent and text:find("%", 1, true) then
    M.usage("a password on the command line (USER%PASSWORD) is refused: anyone on " ..
            "this machine can read a command line; use LANMAN_PASSWORD, -A FILE or " ..
            "the prompt")
  end
  local domain, user = text:match("^(.-)\\(.*)$")
  if user then return user, domain ~= "" and domain or nil end
  local u, realm = text:match("^(.*)@([^@]*)$")
  if u then return u, realm ~= "" and realm or nil end
  return text, nil
end

--- Reads a line from the terminal without echo.
local function prompt(text)
  local tty = io.open("/dev/tty", "r+")
  if not tty then return nil end
  -- echo off before the prompt shows: an answer typed (or pasted) at once
  -- must not be echoed either
  os.execute("stty -echo < /dev/tty 2>/dev/null")
  tty:write(text)
  tty:flush()
  local line = tty:read("l")
  os.execute("stty echo < /dev/tty 2>/dev/null")
  tty:write("\n")
  tty:close()
  return line
end

--- {user, password, domain, kerberos} from the options and the environment.
function M.login(opts)
  local user_opt = opts.user or os.getenv("LANMAN_USER")
  local domain = opts.workgroup
  local authfile = opts.authentication_file or os.getenv("LANMAN_AUTHFILE")
  local user, password
  if authfile and authfile ~= "" then
    local data = read_authfile(authfile)
    if data.username and data.username ~= "" then
      local dom
      user, dom = split_user(data.username, true)
      domain = domain or dom
    end
    domain = domain or (data.domain ~= "" and data.domain or nil)
    password = data.password
  end
  if user_opt and user_opt ~= "" then
    local u, dom = split_user(user_opt, false)
    if user ~= nil and u ~= user then password = nil end
    user, domain = u, dom or domain
  end
  if opts.kerberos then
    return { user = user, domain = domain, kerberos = true, password = password }
  end
  if user == nil then return {} end
  password = password or os.getenv("LANMAN_PASSWORD")
  local who = (domain and (domain .. "\\") or "") .. user
  if password == nil then
    if not have_terminal() then
      M.usage(("no password for %s: set LANMAN_PASSWORD, use -A FILE, or run on a " ..
               "terminal to be asked"):format(who))
    end
    password = prompt(("Password for %s: "):format(who))
  end
  return { user = user, domain = domain, password = password }
end

--- A new account's password: stdin's first line, $LANMAN_NEW_PASSWORD or the terminal.
function M.read_new_password(what, use_stdin)
  if use_stdin then
    local line = io.stdin:read("l")
    if not line then M.usage(("--password-stdin: no password on stdin for %s"):format(what)) end
    return (line:gsub("\r$", ""))
  end
  local env = os.getenv("LANMAN_NEW_PASSWORD")
  if env then return env end
  if not have_terminal() then
    M.usage(("no password for %s: use --password-stdin, set LANMAN_NEW_PASSWORD, or " ..
             "run on a terminal to be asked"):format(what))
  end
  local first = prompt(("New password for %s: "):format(what))
  local second = prompt(("Retype the new password for %s: "):format(what))
  if first ~= second then M.usage("the two passwords differ") end
  return first
end

--- A lanman session from the options.
function M.session(opts)
  local server = opts.server or os.getenv("LANMAN_SERVER")
  if not server or server == "" then M.usage("no server: give -S HOST (or set LANMAN_SERVER)") end
  server = server:gsub("^\\\\", "")
  local login = M.login(opts)
  local s = lanman.session { server = server, user = login.user, password = login.password,
                             domain = login.domain, kerberos = login.kerberos or false }
  login.password = nil
  return s
end

-- ---- JSON ------------------------------------------------------------------

M.null = setmetatable({}, { __tostring = function() return "null" end })
local ARRAY = { __name = "array" }

--- Marks a table as a JSON array (so an empty one is [] and not {}).
function M.array(t) return setmetatable(t or {}, ARRAY) end

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
                  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or ("\\u%04x"):format(c:byte())
  end) .. '"'
end

local function is_array(v)
  if getmetatable(v) == ARRAY then return true end
  local n = 0
  for _ in pairs(v) do n = n + 1 end
  return n > 0 and n == #v
end

local function encode(v, indent, out)
  local t = type(v)
  if v == nil or v == M.null then out[#out + 1] = "null"
  elseif t == "boolean" then out[#out + 1] = tostring(v)
  elseif t == "number" then
    out[#out + 1] = math.type(v) == "integer" and tostring(v) or ("%.17g"):format(v)
  elseif t == "string" then out[#out + 1] = encode_string(v)
  elseif t == "table" then
    local pad, inner = ("\n" .. indent), ("\n" .. indent .. "  ")
    if is_array(v) then
      if #v == 0 then out[#out + 1] = "[]" return end
      out[#out + 1] = "["
      for i, x in ipairs(v) do
        out[#out + 1] = (i > 1 and "," or "") .. inner
        encode(x, indent .. "  ", out)
      end
      out[#out + 1] = pad .. "]"
    else
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = tostring(k) end
      table.sort(keys)
      if #keys == 0 then out[#out + 1] = "{}" return end
      out[#out + 1] = "{"
      for i, k in ipairs(keys) do
        out[#out + 1] = (i > 1 and "," or "") .. inner .. encode_string(k) .. ": "
        encode(v[k], indent .. "  ", out)
      end
      out[#out + 1] = pad .. "}"
    end
  else
    error("cannot encode a " .. t .. " as JSON")
  end
end

function M.json(v)
  local out = {}
  encode(v, "", out)
  return table.concat(out)
end

function M.dump_json(v, file)
  (file or io.stdout):write(M.json(v), "\n")
end

-- ---- tables, flags, times ----------------------------------------------

function M.print_table(rows, columns)
  local widths = {}
  for i, c in ipairs(columns) do widths[i] = #c end
  for _, r in ipairs(rows) do
    for i, cell in ipairs(r) do widths[i] = math.max(widths[i], utf8.len(cell) or #cell) end
  end
  local function line(cells)
    local parts = {}
    for i, c in ipairs(cells) do
      parts[i] = c .. (" "):rep(widths[i] - (utf8.len(c) or #c))
    end
    io.stdout:write((table.concat(parts, "  "):gsub("%s+$", "")), "\n")
  end
  line(columns)
  local dashes = {}
  for i, w in ipairs(widths) do dashes[i] = ("-"):rep(w) end
  line(dashes)
  for _, r in ipairs(rows) do line(r) end
end

--- {name = value} of lanman's single-bit constants with a prefix.
function M.bit_names(prefix, exclude)
  local out, seen = {}, {}
  local names = {}
  for k, v in pairs(lanman) do
    if type(k) == "string" and k:sub(1, #prefix) == prefix and math.type(v) == "integer"
       and v ~= 0 and v & (v - 1) == 0 and not (exclude or {})[k] then
      names[#names + 1] = k
    end
  end
  table.sort(names, function(a, b)
    if lanman[a] ~= lanman[b] then return lanman[a] < lanman[b] end
    return a < b
  end)
  for _, k in ipairs(names) do
    if not seen[lanman[k]] then seen[lanman[k]] = true out[#out + 1] = { k, lanman[k] } end
  end
  return out
end

M.UF = M.bit_names("UF_", { UF_SETTABLE_BITS = true, UF_MACHINE_ACCOUNT_MASK = true,
                            UF_ACCOUNT_TYPE_MASK = true })

--- The names of the bits of value (list of {name, bit}); leftover bits as hex.
function M.flag_names(value, table_)
  local out, rest = {}, value
  for _, nb in ipairs(table_ or M.UF) do
    if value & nb[2] == nb[2] then out[#out + 1] = nb[1] rest = rest & ~nb[2] end
  end
  if rest ~= 0 then out[#out + 1] = ("0x%x"):format(rest) end
  return out
end

function M.iso_time(seconds) return os.date("!%Y-%m-%dT%H:%M:%SZ", seconds) end

function M.iso_or_null(seconds)
  if seconds == 0 or seconds == 0xFFFFFFFF then return M.null end
  return M.iso_time(seconds)
end

--- Seconds as "42 days", "1 day 2 hours"; 0xFFFFFFFF: "never".
function M.duration(value)
  if value == 0xFFFFFFFF then return "never" end
  if value == 0 then return "0" end
  local parts, rest = {}, value
  for _, u in ipairs { { "day", 86400 }, { "hour", 3600 }, { "minute", 60 }, { "second", 1 } } do
    local n = rest // u[2]
    rest = rest % u[2]
    if n > 0 then parts[#parts + 1] = ("%d %s%s"):format(n, u[1], n ~= 1 and "s" or "") end
  end
  return table.concat({ parts[1], parts[2] }, " ")
end

function M.lower_sort(list, key)
  table.sort(list, function(a, b)
    local x, y = key and a[key] or a, key and b[key] or b
    return x:lower() < y:lower()
  end)
  return list
end

--- Every record of a session iterator, as an array.
function M.collect(iter)
  local out = M.array()
  for r in iter do out[#out + 1] = r end
  return out
end

-- ---- security descriptors ------------------------------------------------

M.WELL_KNOWN_SIDS = {
  ["S-1-1-0"] = "Everyone", ["S-1-3-0"] = "CREATOR OWNER", ["S-1-3-1"] = "CREATOR GROUP",
  ["S-1-5-2"] = "NT AUTHORITY\\NETWORK", ["S-1-5-4"] = "NT AUTHORITY\\INTERACTIVE",
  ["S-1-5-7"] = "NT AUTHORITY\\ANONYMOUS LOGON",
  ["S-1-5-11"] = "NT AUTHORITY\\Authenticated Users", ["S-1-5-18"] = "NT AUTHORITY\\SYSTEM",
  ["S-1-5-32-544"] = "BUILTIN\\Administrators", ["S-1-5-32-545"] = "BUILTIN\\Users",
  ["S-1-5-32-546"] = "BUILTIN\\Guests", ["S-1-5-32-547"] = "BUILTIN\\Power Users",
  ["S-1-5-32-548"] = "BUILTIN\\Account Operators", ["S-1-5-32-549"] = "BUILTIN\\Server Operators",
  ["S-1-5-32-550"] = "BUILTIN\\Print Operators", ["S-1-5-32-551"] = "BUILTIN\\Backup Operators",
}
M.DOMAIN_RIDS = { [500] = "Administrator", [501] = "Guest", [512] = "Domain Admins",
                  [513] = "Domain Users", [514] = "Domain Guests", [515] = "Domain Computers",
                  [516] = "Domain Controllers", [518] = "Schema Admins",
                  [519] = "Enterprise Admins", [520] = "Group Policy Creator Owners" }
local ACE_TYPES = { [0] = "allow", [1] = "deny", [2] = "audit", [3] = "alarm" }
local ACE_FLAGS = { { "OBJECT_INHERIT", 0x1 }, { "CONTAINER_INHERIT", 0x2 },
                    { "NO_PROPAGATE_INHERIT", 0x4 }, { "INHERIT_ONLY", 0x8 },
                    { "INHERITED", 0x10 }, { "SUCCESSFUL_ACCESS", 0x40 },
                    { "FAILED_ACCESS", 0x80 } }
local SHARE_RIGHTS = { [0x1F01FF] = "FULL", [0x1301BF] = "CHANGE", [0x1200A9] = "READ",
                       [0x10000000] = "GENERIC_ALL" }
local ACCESS_BITS = {
  { "READ_DATA", 0x1 }, { "WRITE_DATA", 0x2 }, { "APPEND_DATA", 0x4 }, { "READ_EA", 0x8 },
  { "WRITE_EA", 0x10 }, { "EXECUTE", 0x20 }, { "DELETE_CHILD", 0x40 },
  { "READ_ATTRIBUTES", 0x80 }, { "WRITE_ATTRIBUTES", 0x100 }, { "DELETE", 0x10000 },
  { "READ_CONTROL", 0x20000 }, { "WRITE_DAC", 0x40000 }, { "WRITE_OWNER", 0x80000 },
  { "SYNCHRONIZE", 0x100000 }, { "GENERIC_ALL", 0x10000000 },
  { "GENERIC_EXECUTE", 0x20000000 }, { "GENERIC_WRITE", 0x40000000 },
  { "GENERIC_READ", 0x80000000 } }

--- The SID at a (1-based) position of a self-relative blob, "S-1-5-...".
function M.sid_at(blob, pos)
  local revision, count = blob:byte(pos), blob:byte(pos + 1)
  local authority = 0
  for j = pos + 2, pos + 7 do authority = authority * 256 + blob:byte(j) end
  local parts = { "S", tostring(revision), tostring(authority) }
  for j = 0, count - 1 do
    parts[#parts + 1] = tostring((string.unpack("<I4", blob, pos + 8 + 4 * j)))
  end
  return table.concat(parts, "-")
end

function M.sid_name(sid, domain_sid, domain)
  if M.WELL_KNOWN_SIDS[sid] then return M.WELL_KNOWN_SIDS[sid] end
  if domain_sid and sid:sub(1, #domain_sid + 1) == domain_sid .. "-" then
    local rid = math.tointeger(tonumber(sid:match("(%d+)$")))
    if M.DOMAIN_RIDS[rid] then
      return domain and (domain .. "\\" .. M.DOMAIN_RIDS[rid]) or M.DOMAIN_RIDS[rid]
    end
  end
  return nil
end

function M.access_name(mask)
  if SHARE_RIGHTS[mask] then return SHARE_RIGHTS[mask] end
  if mask == 0 then return "0" end
  return table.concat(M.flag_names(mask, ACCESS_BITS), "|")
end

--- A self-relative SECURITY_DESCRIPTOR (a string of bytes) as a table: owner,
-- group ({sid, name}) and dacl (a list of {type, sid, name, access, mask,
-- flags}, or null: no DACL, everyone has full access).
function M.decode_sd(blob, domain_sid, domain)
  if #blob < 20 then error("a security descriptor is at least 20 bytes", 2) end
  local revision, _, control, o_owner, o_group, _, o_dacl = string.unpack("<BBI2I4I4I4I4", blob)
  local function trustee(sid)
    return { sid = sid, name = M.sid_name(sid, domain_sid, domain) or M.null }
  end
  local sd = { revision = revision, control = control,
               owner = o_owner ~= 0 and trustee(M.sid_at(blob, o_owner + 1)) or M.null,
               group = o_group ~= 0 and trustee(M.sid_at(blob, o_group + 1)) or M.null }
  if control & 0x4 == 0 then sd.dacl = M.null return sd end
  local aces = M.array()
  if o_dacl ~= 0 then
    local _, _, _, count = string.unpack("<BBI2I2I2", blob, o_dacl + 1)
    local pos = o_dacl + 8 + 1
    for _ = 1, count do
      local ace_type, ace_flags, ace_size, mask = string.unpack("<BBI2I4", blob, pos)
      local flags = M.array()
      for _, nb in ipairs(ACE_FLAGS) do
        if ace_flags & nb[2] ~= 0 then flags[#flags + 1] = nb[1] end
      end
      local ace = { type = ACE_TYPES[ace_type] or ("type " .. ace_type), flags = flags,
                    mask = mask, access = M.access_name(mask) }
      if ACE_TYPES[ace_type] then
        local t = trustee(M.sid_at(blob, pos + 8))
        ace.sid, ace.name = t.sid, t.name
      end
      aces[#aces + 1] = ace
      pos = pos + ace_size
    end
  end
  sd.dacl = aces
  return sd
end

function M.ace_text(ace)
  local who = ace.sid
  if ace.name ~= M.null and ace.name ~= nil then who = ("%s (%s)"):format(ace.name, ace.sid) end
  local flags = #ace.flags > 0 and (" [" .. table.concat(ace.flags, ",") .. "]") or ""
  return ("%s %s to %s%s"):format(ace.type, ace.access, who, flags)
end

return M
