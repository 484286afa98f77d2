#!/usr/bin/env lua5.4
-- Share audit (see --help).
package.path = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local ex = require "examplelib"

local spec = {
  name = "share_audit.lua",
  doc = [[Share audit: every share with its path, remark, maximum and current
uses, and its security descriptor as readable access control entries.
Shares and descriptors come from NetShareEnum level 502.  Where the server or
the platform cannot give level 502 (Samba's libnetapi: ERROR_NOT_SUPPORTED),
the shares come from level 2 and each one says why its descriptor is
missing.  A share with no descriptor at all grants everyone full access.]],
  example = [[share_audit.lua -S fs1 -U 'CORP\admin' --format json]],
  options = {
    { long = "format", arg = "text|json", choices = { "text", "json" }, default = "text",
      help = "text (default) or json" },
  },
}

local function share_type(t)
  local base = ({ [0] = "disk", [1] = "printer", [2] = "device", [3] = "ipc" })[t & 0xFF] or "other"
  return base .. (t & 0x80000000 ~= 0 and " special" or "") ..
         (t & 0x40000000 ~= 0 and " temporary" or "")
end

local function audit(s)
  local domain = ex.check(s:user_modals(2))
  local sd_error
  local ok, shares = pcall(ex.collect, s:shares { level = 502 })
  if not ok then
    local code
    for _, c in ipairs { 50, 124, 5 } do if ex.is_code(shares, c) then code = c end end
    if not code then error(shares, 0) end
    local name = tostring(shares.message or shares):match("failed: %d+ ([%u_]+)") or ""
    sd_error = ("NetShareEnum level 502: %d %s"):format(code, name)
    shares = ex.collect(s:shares { level = 2 })
  end
  local out = ex.array()
  for _, sh in ipairs(ex.lower_sort(shares, "netname")) do
    local e = { netname = sh.netname, type = sh.type, path = sh.path, remark = sh.remark,
                max_uses = sh.max_uses, current_uses = sh.current_uses,
                type_name = share_type(sh.type) }
    if sd_error then
      e.security, e.security_error = ex.null, sd_error
    elseif sh.security_descriptor and sh.security_descriptor ~= "" then
      e.security = ex.decode_sd(sh.security_descriptor, domain.domain_id, domain.domain_name)
      e.security_error = ex.null
    else
      e.security = ex.null
      e.security_error = "no security descriptor: everyone has full access"
    end
    out[#out + 1] = e
  end
  return { shares = out }
end

ex.run(spec.name, function()
  local opts = ex.parse(arg, spec)
  local s <close> = ex.session(opts)
  local r = audit(s)
  if opts.format == "json" then ex.dump_json(r) return 0 end
  for _, sh in ipairs(r.shares) do
    local uses = sh.max_uses == 0xFFFFFFFF and "unlimited" or tostring(sh.max_uses)
    print(("%s (%s)"):format(sh.netname, sh.type_name))
    print("  path:    " .. sh.path)
    print("  remark:  " .. sh.remark)
    print(("  uses:    %d of %s"):format(sh.current_uses, uses))
    local sec = sh.security
    if sec == ex.null then
      print(("  security: unknown (%s)"):format(sh.security_error))
    else
      local owner = sec.owner
      print("  owner:   " .. (owner == ex.null and "-" or
                              (owner.name ~= ex.null and owner.name or owner.sid)))
      if sec.dacl == ex.null then print("  dacl:    none (everyone has full access)")
      else
        for _, ace in ipairs(sec.dacl) do print("  ace:     " .. ex.ace_text(ace)) end
      end
    end
  end
  return 0
end)
