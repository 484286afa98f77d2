#!/usr/bin/env lua5.4
-- Privileged membership audit (see --help).
package.path = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local ex = require "examplelib"
local lanman = ex.lanman

local spec = {
  name = "privileged_audit.lua",
  doc = [[Privileged membership audit: who is in Domain Admins, Administrators and
the other privileged groups, with nested membership resolved (a group in a
group in a group ...), and whether each account is disabled.  Local groups
(aliases) are read with NetLocalGroupGetMembers (members of any kind, by SID
usage), global groups with NetGroupGetUsers; a member that is itself a group
is expanded, and "via" shows the chain.  Groups that do not exist on the
server are skipped.]],
  example = [[privileged_audit.lua -S dc1 -U 'CORP\admin' --group 'DNS Admins']],
  options = {
    { long = "group", arg = "NAME", list = true,
      help = "another group to audit (local or global; repeatable)" },
    { long = "format", arg = "text|json", choices = { "text", "json" }, default = "text",
      help = "text (default) or json" },
  },
}

local LOCAL = { "Administrators", "Account Operators", "Server Operators", "Backup Operators",
                "Print Operators" }
local GLOBAL = { "Domain Admins", "Enterprise Admins", "Schema Admins",
                 "Group Policy Creator Owners" }
local SID_TYPES = { [1] = "user", [2] = "group", [4] = "alias", [5] = "wellknown",
                    [9] = "computer" }

local function copy(list, extra)
  local out = ex.array()
  for i, v in ipairs(list) do out[i] = v end
  out[#out + 1] = extra
  return out
end

local function new_auditor(s)
  local A = { domain = ex.check(s:wksta_info(100)).langroup, global = {}, localg = {} }
  for g in s:groups { level = 0 } do A.global[g.name:lower()] = true end
  for g in s:localgroups { level = 0 } do A.localg[g.name:lower()] = true end
  local disabled_cache = {}

  local function qualified(name)
    if name:find("\\", 1, true) then return name end
    return A.domain .. "\\" .. name
  end
  local function short(name)
    local dom, n = name:match("^(.*)\\(.*)$")
    if dom and dom:lower() == A.domain:lower() then return n end
    return nil
  end
  local function disabled(name)
    local sh = short(name)
    if sh == nil then return ex.null end
    if disabled_cache[sh] == nil then
      local u = s:user(sh, 20)
      if u then disabled_cache[sh] = u.flags & lanman.UF_ACCOUNTDISABLE ~= 0
      else disabled_cache[sh] = ex.null end
    end
    return disabled_cache[sh]
  end
  local function member(name, kind, via)
    local d = ex.null
    if kind == "user" then d = disabled(name) end
    return { name = name, type = kind, via = via, disabled = d }
  end

  local expand_local
  local function expand_global(group, via, seen, out)
    for m in s:group_members(group, { level = 0 }) do
      local name = qualified(m.name)
      if A.global[m.name:lower()] then
        if not seen[name:lower()] then
          seen[name:lower()] = true
          expand_global(m.name, copy(via, name), seen, out)
        end
      else
        out[#out + 1] = member(name, m.name:sub(-1) == "$" and "computer" or "user", via)
      end
    end
  end
  function expand_local(group, via, seen, out)
    for m in s:localgroup_members(group, { level = 2 }) do
      local name, kind = m.domainandname, SID_TYPES[m.sidusage] or "other"
      local sh = short(name)
      local alias = name:match("\\([^\\]*)$") or name
      if kind == "group" and sh ~= nil and A.global[sh:lower()] then
        if not seen[name:lower()] then
          seen[name:lower()] = true
          expand_global(sh, copy(via, name), seen, out)
        end
      elseif kind == "alias" and A.localg[alias:lower()] then
        if not seen[name:lower()] then
          seen[name:lower()] = true
          expand_local(alias, copy(via, name), seen, out)
        end
      else
        out[#out + 1] = member(name, kind, via)
      end
    end
  end

  function A.audit(name, kind)
    local out = ex.array()
    if kind == "local" then expand_local(name, ex.array(), { [name:lower()] = true }, out)
    else expand_global(name, ex.array(), { [qualified(name):lower()] = true }, out) end
    table.sort(out, function(a, b)
      if a.name:lower() ~= b.name:lower() then return a.name:lower() < b.name:lower() end
      if #a.via ~= #b.via then return #a.via < #b.via end
      return table.concat(a.via, "\0") < table.concat(b.via, "\0")
    end)
    return { name = name, kind = kind, members = out }
  end
  return A
end

ex.run(spec.name, function()
  local opts = ex.parse(arg, spec)
  local s <close> = ex.session(opts)
  local A = new_auditor(s)
  local wanted = {}
  for _, g in ipairs(LOCAL) do wanted[#wanted + 1] = { g, "local" } end
  for _, g in ipairs(GLOBAL) do wanted[#wanted + 1] = { g, "global" } end
  for _, g in ipairs(opts.group) do
    if not A.localg[g:lower()] and not A.global[g:lower()] then
      ex.usage(("--group %s: no such local or global group"):format(g))
    end
    wanted[#wanted + 1] = { g, A.localg[g:lower()] and "local" or "global" }
  end
  local groups = ex.array()
  for _, w in ipairs(wanted) do
    local exists = (w[2] == "local" and A.localg or A.global)[w[1]:lower()]
    if exists then groups[#groups + 1] = A.audit(w[1], w[2]) end
  end
  local result = { domain = A.domain, groups = groups }
  if opts.format == "json" then ex.dump_json(result) return 0 end
  for _, g in ipairs(groups) do
    print(("%s (%s group): %d members"):format(g.name, g.kind, #g.members))
    for _, m in ipairs(g.members) do
      local via = #m.via > 0 and ("  via " .. table.concat(m.via, " > ")) or ""
      local state = m.disabled == true and "  DISABLED" or ""
      print(("  %s  [%s]%s%s"):format(m.name, m.type, state, via))
    end
  end
  return 0
end)
