#!/usr/bin/env lua5.4
-- Bulk provisioning from CSV (see --help).
package.path = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local ex = require "examplelib"
local lanman = ex.lanman

local spec = {
  name = "provision.lua",
  doc = [[Bulk provisioning from CSV: create or update users and their global
groups, idempotently -- a second run changes nothing.

CSV columns (a header line first): name (required), full_name, comment,
disabled (yes/no), groups (global groups, separated by ";"), password
(optional; a file with passwords must be mode 0600).  An empty or missing
column leaves that field alone.  New users without a password column get the
one from --password-stdin, LANMAN_NEW_PASSWORD or a prompt.  Groups listed
are joined; with --prune-groups, groups not listed are left (except the
primary group).  --dry-run reports what would change and changes nothing.
Passwords are never printed.]],
  example = [[provision.lua -S dc1 -U 'CORP\admin' users.csv --dry-run]],
  positionals = { { name = "csv", help = "the CSV file" } },
  options = {
    { long = "dry-run", flag = true, help = "change nothing, say what would change" },
    { long = "prune-groups", flag = true,
      help = "leave global groups the CSV does not list (not the primary group)" },
    { long = "password-stdin", flag = true,
      help = "the new users' password from the first line of stdin" },
    { long = "format", arg = "text|json", choices = { "text", "json" }, default = "text",
      help = "text (default) or json" },
  },
}

local TRUE = { yes = true, y = true, ["true"] = true, ["1"] = true }
local FALSE = { no = true, n = true, ["false"] = true, ["0"] = true }

-- One CSV line (RFC 4180 quoting) -> list of fields.
local function csv_fields(line)
  local out, i, n = {}, 1, #line
  while true do
    if line:sub(i, i) == '"' then
      local value, j = {}, i + 1
      while true do
        local q = line:find('"', j, true)
        if not q then error("unterminated quote", 0) end
        value[#value + 1] = line:sub(j, q - 1)
        if line:sub(q + 1, q + 1) == '"' then value[#value + 1] = '"' j = q + 2
        else i = q + 1 break end
      end
      out[#out + 1] = table.concat(value)
      if line:sub(i, i) == "," then i = i + 1 else return out end
    else
      local c = line:find(",", i, true)
      out[#out + 1] = line:sub(i, (c or n + 1) - 1)
      if not c then return out end
      i = c + 1
    end
  end
end

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

local function read_rows(path)
  local f, err = io.open(path, "r")
  if not f then ex.usage(("%s: %s"):format(path, err)) end
  local header, rows, number = nil, {}, 0
  for line in f:lines() do
    number = number + 1
    line = line:gsub("\r$", "")
    if header == nil then
      header = csv_fields(line)
      for k = 1, #header do header[k] = trim(header[k]) end
      local has_name, has_pw = false, false
      for _, h in ipairs(header) do
        has_name = has_name or h == "name"
        has_pw = has_pw or h == "password"
      end
      if not has_name then
        f:close()
        ex.usage(("%s: the first line must name the columns, one of them 'name'"):format(path))
      end
      if has_pw then ex.check_private(path) end
    elseif line ~= "" then
      local ok, fields = pcall(csv_fields, line)
      if not ok then f:close() ex.usage(("%s, line %d: %s"):format(path, number, fields)) end
      local row = { line = number }
      for k, h in ipairs(header) do row[h] = trim(fields[k] or "") end
      if row.name == "" then f:close() ex.usage(("%s, line %d: no name"):format(path, number)) end
      local d = (row.disabled or ""):lower()
      if d ~= "" and not TRUE[d] and not FALSE[d] then
        f:close()
        ex.usage(("%s, line %d: disabled must be yes or no"):format(path, number))
      end
      rows[#rows + 1] = row
    end
  end
  f:close()
  if header == nil then ex.usage(("%s: empty"):format(path)) end
  return rows
end

local function q(text) return ex.json(text) end

local function new_provisioner(s, opts)
  local P = { changes = ex.array(),
              summary = { created = 0, updated = 0, unchanged = 0, failed = 0 } }
  local password

  local function change(user, action, detail)
    P.changes[#P.changes + 1] = { user = user, action = action, detail = detail }
  end
  P.change = change

  local function get_password(row)
    if row.password and row.password ~= "" then return row.password end
    password = password or ex.read_new_password("the new users", opts.password_stdin)
    return password
  end

  local function create(row)
    local flags = lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT
    if TRUE[(row.disabled or ""):lower()] then flags = flags | lanman.UF_ACCOUNTDISABLE end
    local fields, desc = { flags = flags }, {}
    for _, k in ipairs { "full_name", "comment" } do
      if row[k] and row[k] ~= "" then
        fields[k] = row[k]
        desc[#desc + 1] = ("%s=%s"):format(k, q(row[k]))
      end
    end
    change(row.name, "create", table.concat(desc, ", ") ..
           (flags & lanman.UF_ACCOUNTDISABLE ~= 0 and ", disabled" or ""))
    if not opts.dry_run then ex.check(s:add_user(row.name, get_password(row), fields)) end
    return true
  end

  local function update(row, u)
    local changed = false
    for _, kl in ipairs { { "full_name", 1011 }, { "comment", 1007 } } do
      local key, level = kl[1], kl[2]
      if row[key] and row[key] ~= "" and row[key] ~= u[key] then
        change(row.name, "set", ("%s: %s -> %s"):format(key, q(u[key]), q(row[key])))
        if not opts.dry_run then ex.check(s:set_user(row.name, level, { [key] = row[key] })) end
        changed = true
      end
    end
    local d = (row.disabled or ""):lower()
    if d ~= "" then
      local want = TRUE[d] == true
      local have = u.flags & lanman.UF_ACCOUNTDISABLE ~= 0
      if want ~= have then
        change(row.name, want and "disable" or "enable", "")
        if not opts.dry_run then
          ex.check(s:set_user(row.name, 1008, { flags = u.flags ~ lanman.UF_ACCOUNTDISABLE }))
        end
        changed = true
      end
    end
    return changed
  end

  local function groups(row, new)
    if (row.groups == nil or row.groups == "") and not (opts.prune_groups and row.groups) then
      return false
    end
    local want, have = {}, {}
    for g in (row.groups or ""):gmatch("[^;]+") do
      g = trim(g)
      if g ~= "" then want[g] = true end
    end
    if not (new and opts.dry_run) then
      for _, g in ipairs(ex.check(s:user_groups(row.name))) do have[g.name] = true end
    end
    local changed = false
    local function sorted(set)
      local list = {}
      for k in pairs(set) do list[#list + 1] = k end
      return ex.lower_sort(list)
    end
    local join, leave = {}, {}
    for g in pairs(want) do if not have[g] then join[g] = true end end
    for g in pairs(have) do if not want[g] and g ~= "Domain Users" then leave[g] = true end end
    for _, g in ipairs(sorted(join)) do
      change(row.name, "join", g)
      if not opts.dry_run then ex.check(s:add_group_member(g, row.name)) end
      changed = true
    end
    if opts.prune_groups then
      for _, g in ipairs(sorted(leave)) do
        change(row.name, "leave", g)
        if not opts.dry_run then ex.check(s:remove_group_member(g, row.name)) end
        changed = true
      end
    end
    return changed
  end

  function P.apply(row)
    local u, message, code = s:user(row.name, 2)
    if u == nil and code ~= 2221 then ex.check(nil, message, code) end
    local changed
    if u == nil then changed = create(row) else changed = update(row, u) end
    changed = groups(row, u == nil) or changed
    if u == nil then P.summary.created = P.summary.created + 1
    elseif changed then P.summary.updated = P.summary.updated + 1
    else P.summary.unchanged = P.summary.unchanged + 1 end
  end
  return P
end

ex.run(spec.name, function()
  local opts = ex.parse(arg, spec)
  local rows = read_rows(opts.csv)
  local s <close> = ex.session(opts)
  local P = new_provisioner(s, opts)
  for _, row in ipairs(rows) do
    local ok, err = pcall(P.apply, row)
    if not ok then
      if ex.is_usage(err) then error(err, 0) end   -- e.g. no password: stop
      P.summary.failed = P.summary.failed + 1
      P.change(row.name, "error", tostring(err.message or err))
      io.stderr:write(("provision.lua: line %d (%s): %s\n"):format(row.line, row.name,
                                                                 tostring(err.message or err)))
    end
  end
  local result = { dry_run = opts.dry_run == true, changes = P.changes, summary = P.summary }
  if opts.format == "json" then
    ex.dump_json(result)
  else
    local prefix = opts.dry_run and "would " or ""
    for _, c in ipairs(P.changes) do
      local detail = c.detail ~= "" and (" " .. c.detail) or ""
      if c.action == "error" then print(("error %s:%s"):format(c.user, detail))
      else print(("%s%s %s:%s"):format(prefix, c.action, c.user, detail)) end
    end
    local sm = P.summary
    print(("summary: %d created, %d updated, %d unchanged, %d failed%s"):format(
      sm.created, sm.updated, sm.unchanged, sm.failed,
      opts.dry_run and " (dry run: nothing changed)" or ""))
  end
  return P.summary.failed > 0 and 1 or 0
end)
