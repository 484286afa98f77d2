--- lanman: the share and open-file calls, named and ordered as in C.
-- Installed into the lanman table by lanman.lua.
return function(lanman, core, check)
  local u32, text, creds_of = check.u32, check.text, check.creds

  function lanman.NetShareEnum(server, level, resume, prefmaxlen, creds)
    local fn = "NetShareEnum"
    return core.NetShareEnum(creds_of(fn, creds), text(fn, "server", server, true),
                             u32(fn, "level", level),
                             u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH),
                             u32(fn, "resume", resume, 0))
  end

  function lanman.NetShareGetInfo(server, netname, level, creds)
    local fn = "NetShareGetInfo"
    return core.NetShareGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                                text(fn, "netname", netname), u32(fn, "level", level))
  end
end
