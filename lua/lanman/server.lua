--- lanman: the server, workstation and time calls, named and ordered as in C.
-- Installed into the lanman table by lanman.lua.
return function(lanman, core, check)
  local u32, text, creds_of = check.u32, check.text, check.creds

  function lanman.NetServerGetInfo(server, level, creds)
    local fn = "NetServerGetInfo"
    return core.NetServerGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                                 u32(fn, "level", level))
  end

  function lanman.NetWkstaGetInfo(server, level, creds)
    local fn = "NetWkstaGetInfo"
    return core.NetWkstaGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                                u32(fn, "level", level))
  end
end
