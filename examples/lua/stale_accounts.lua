#!/usr/bin/env lua5.4
-- Stale and risky user accounts (see --help).
package.path = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local ex = require "examplelib"
local lanman = ex.lanman

local spec = {
  name = "stale_accounts.lua",
  doc = [[Stale and risky user accounts: not logged on for N days (or never),
password never expires, password not required, disabled, locked out,
expired.  "Now" is the server's clock (NetRemoteTOD).  Accounts come from
NetUserEnum level 3.  Only accounts with at least one finding are listed.
A domain controller updates last_logon on the logons it handles itself
(Kerberos, interactive); a Samba DC does not for NTLM network logons.]],
  example = [[stale_accounts.lua -S dc1 -U 'CORP\admin' --days 60]],
  options = {
    { long = "days", arg = "N", int = true, default = 90,
      help = "an account not logged on for more than N days is inactive (default 90)" },
    { long = "format", arg = "text|json", choices = { "text", "json" }, default = "text",
      help = "text (default) or json" },
  },
}

local FINDINGS = { "inactive", "never_logged_on", "password_never_expires",
                   "password_not_required", "disabled", "locked_out", "expired" }

local function findings(u, now, days)
  local out = ex.array()
  if u.last_logon == 0 then out[#out + 1] = "never_logged_on"
  elseif now - u.last_logon > days * 86400 then out[#out + 1] = "inactive" end
  local f = u.flags
  if f & lanman.UF_DONT_EXPIRE_PASSWD ~= 0 then out[#out + 1] = "password_never_expires" end
  if f & lanman.UF_PASSWD_NOTREQD ~= 0 then out[#out + 1] = "password_not_required" end
  if f & lanman.UF_ACCOUNTDISABLE ~= 0 then out[#out + 1] = "disabled" end
  if f & lanman.UF_LOCKOUT ~= 0 then out[#out + 1] = "locked_out" end
  if u.acct_expires ~= 0 and u.acct_expires ~= 0xFFFFFFFF and u.acct_expires <= now then
    out[#out + 1] = "expired"
  end
  return out
end

local function report(s, days)
  local now = ex.check(s:time()).elapsedt
  local accounts = ex.array()
  for _, u in ipairs(ex.lower_sort(ex.collect(s:users { level = 3 }), "name")) do
    local f = findings(u, now, days)
    if #f > 0 then
      accounts[#accounts + 1] = { name = u.name, full_name = u.full_name,
                                  last_logon = ex.iso_or_null(u.last_logon),
                                  password_age_days = u.password_age // 86400,
                                  findings = f }
    end
  end
  local summary = {}
  for _, k in ipairs(FINDINGS) do
    local n = 0
    for _, a in ipairs(accounts) do
      for _, x in ipairs(a.findings) do if x == k then n = n + 1 end end
    end
    summary[k] = n
  end
  return { server_time = ex.iso_time(now), days = days, accounts = accounts, summary = summary }
end

ex.run(spec.name, function()
  local opts = ex.parse(arg, spec)
  if opts.days < 0 then ex.usage("--days must be 0 or more") end
  local s <close> = ex.session(opts)
  local r = report(s, opts.days)
  if opts.format == "json" then ex.dump_json(r) return 0 end
  print(("server time %s; inactive means no logon for more than %d days"):format(
    r.server_time, opts.days))
  local rows = {}
  for _, a in ipairs(r.accounts) do
    rows[#rows + 1] = { a.name, a.last_logon == ex.null and "never" or a.last_logon,
                        table.concat(a.findings, ", ") }
  end
  ex.print_table(rows, { "name", "last_logon", "findings" })
  print()
  for _, k in ipairs(FINDINGS) do print(("%s: %d"):format(k, r.summary[k])) end
  return 0
end)
