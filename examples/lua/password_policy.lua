#!/usr/bin/env lua5.4
-- Password policy report (see --help).
package.path = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local ex = require "examplelib"

local spec = {
  name = "password_policy.lua",
  doc = [[Password policy report: NetUserModalsGet levels 0-3 (password length,
ages, history, forced logoff, the server's role, the domain and its SID,
account lockout), with durations for people and the weak spots found:
a minimum length below --min-length (default 8), passwords that never
expire, a history shorter than 5, no minimum age (history can be cycled),
no account lockout.]],
  example = [[password_policy.lua -S dc1 -U 'CORP\admin' --format json]],
  options = {
    { long = "format", arg = "text|json", choices = { "text", "json" }, default = "text",
      help = "text (default) or json" },
    { long = "min-length", arg = "N", int = true, default = 8,
      help = "the shortest acceptable minimum length (default 8)" },
  },
}

local FOREVER = 0xFFFFFFFF
local ROLES = { [0] = "standalone", [1] = "member", [2] = "backup", [3] = "primary" }
local ORDER = { "min_passwd_len", "max_passwd_age", "min_passwd_age", "force_logoff",
                "password_hist_len", "role", "primary", "domain_name", "domain_id",
                "lockout_duration", "lockout_observation_window", "lockout_threshold" }
local DURATIONS = { max_passwd_age = true, min_passwd_age = true, force_logoff = true,
                    lockout_duration = true, lockout_observation_window = true }

local function findings(p, min_length)
  local out = ex.array()
  if p.min_passwd_len < min_length then
    out[#out + 1] = ("minimum password length %d is below %d"):format(p.min_passwd_len, min_length)
  end
  if p.max_passwd_age == FOREVER then out[#out + 1] = "passwords never expire (max_passwd_age)" end
  if p.password_hist_len < 5 then
    out[#out + 1] = ("password history keeps only %d passwords"):format(p.password_hist_len)
  end
  if p.min_passwd_age == 0 then
    out[#out + 1] = "no minimum password age: the history can be cycled at once"
  end
  if p.lockout_threshold == 0 then out[#out + 1] = "no account lockout (lockout_threshold 0)" end
  return out
end

ex.run(spec.name, function()
  local opts = ex.parse(arg, spec)
  local s <close> = ex.session(opts)
  local pol = {}
  for level = 0, 3 do
    for k, v in pairs(ex.check(s:user_modals(level))) do pol[k] = v end
  end
  local result = {}
  for k, v in pairs(pol) do result[k] = v end
  result.role_name = ROLES[pol.role] or tostring(pol.role)
  result.findings = findings(pol, opts.min_length)
  if opts.format == "json" then ex.dump_json(result) return 0 end
  local rows = {}
  for _, k in ipairs(ORDER) do
    local v = pol[k]
    if DURATIONS[k] then v = ex.duration(v)
    elseif k == "role" then v = ("%s (%d)"):format(result.role_name, v) end
    rows[#rows + 1] = { k, tostring(v) }
  end
  ex.print_table(rows, { "setting", "value" })
  print()
  print(#result.findings > 0 and "findings:" or "findings: none")
  for _, f in ipairs(result.findings) do print("  - " .. f) end
  return 0
end)
