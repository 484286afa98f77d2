#!/usr/bin/env lua5.4
-- Inventory of a server as one JSON report (see --help).
package.path = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local ex = require "examplelib"

local spec = {
  name = "inventory.lua",
  doc = [[Inventory of a server as one JSON report: server and workstation info,
users, global groups with their members, local groups with their members,
shares.  Lists are sorted by name, so two reports of the same server compare
line by line.  Shares are read at level 2 (path, uses); an account that may
not see paths gets level 1.]],
  example = [[inventory.lua -S dc1 -U 'CORP\admin' -o dc1.json]],
  options = { { short = "o", long = "output", arg = "FILE",
                help = "write the report here (default: stdout)" } },
}

local function names(iter, key)
  local out = ex.array()
  for m in iter do out[#out + 1] = m[key] end
  table.sort(out)
  return out
end

local function collect(s)
  local report = {
    server = ex.check(s:server_info(101)),
    workstation = ex.check(s:wksta_info(100)),
    users = ex.lower_sort(ex.collect(s:users { level = 20 }), "name"),
    groups = ex.array(),
    local_groups = ex.array(),
  }
  for _, g in ipairs(ex.lower_sort(ex.collect(s:groups { level = 2 }), "name")) do
    g.members = names(s:group_members(g.name, { level = 0 }), "name")
    report.groups[#report.groups + 1] = g
  end
  for _, g in ipairs(ex.lower_sort(ex.collect(s:localgroups { level = 1 }), "name")) do
    g.members = names(s:localgroup_members(g.name, { level = 2 }), "domainandname")
    report.local_groups[#report.local_groups + 1] = g
  end
  local ok, shares = pcall(ex.collect, s:shares { level = 2 })
  if not ok then
    if not ex.is_code(shares, 5) then error(shares, 0) end  -- ERROR_ACCESS_DENIED
    shares = ex.collect(s:shares { level = 1 })
  end
  report.shares = ex.lower_sort(shares, "netname")
  return report
end

ex.run(spec.name, function()
  local opts = ex.parse(arg, spec)
  local s <close> = ex.session(opts)
  local report = collect(s)
  if opts.output then
    local f, err = io.open(opts.output, "w")
    if not f then ex.usage(("%s: %s"):format(opts.output, err)) end
    ex.dump_json(report, f)
    f:close()
    io.stderr:write(("%s: %d users, %d groups, %d local groups, %d shares\n"):format(
      opts.output, #report.users, #report.groups, #report.local_groups, #report.shares))
  else
    ex.dump_json(report)
  end
  return 0
end)
