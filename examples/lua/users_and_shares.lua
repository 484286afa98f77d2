#!/usr/bin/env lua5.4
-- Print a server's identity, its users and its shares.
--   users_and_shares.lua SERVER [DOMAIN\]USER    (password from LANMAN_PASSWORD)
local lanman = require "lanman"

local server, who = arg[1], arg[2]
if not server or not who or arg[1] == "--help" then
  io.stderr:write("usage: users_and_shares.lua SERVER [DOMAIN\\]USER\n",
                  "  the password comes from LANMAN_PASSWORD\n")
  os.exit(2)
end
local domain, user = who:match("^(.-)\\(.+)$")
if not user then domain, user = nil, who end
local password = os.getenv("LANMAN_PASSWORD")
if not password then
  io.stderr:write("users_and_shares.lua: set LANMAN_PASSWORD\n")
  os.exit(2)
end

local s <close> = lanman.session{server = server, user = user, password = password, domain = domain}
local info, err = s:server_info(101)
if not info then
  io.stderr:write("error: ", err, "\n")
  os.exit(1)
end
print(("Server %s: %s (version %d.%d)"):format(info.name, info.comment or "",
      info.version_major, info.version_minor))
print("\nUsers:")
for u in s:users{level = 20, filter = lanman.FILTER_NORMAL_ACCOUNT} do
  local state = (u.flags & lanman.UF_ACCOUNTDISABLE) ~= 0 and "disabled" or ""
  print(("  %-20s %-24s %s"):format(u.name, u.full_name or "", state))
end
print("\nShares:")
for sh in s:shares{level = 1} do
  print(("  %-20s %s"):format(sh.netname, sh.remark or ""))
end
