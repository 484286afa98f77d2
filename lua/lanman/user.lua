--- lanman: the user account calls, named and ordered as in C.
-- Installed into the lanman table by lanman.lua.
return function(lanman, core, check)
  local u32, text, creds_of = check.u32, check.text, check.creds

  function lanman.NetUserEnum(server, level, filter, resume, prefmaxlen, creds)
    local fn = "NetUserEnum"
    return core.NetUserEnum(creds_of(fn, creds), text(fn, "server", server, true),
                            u32(fn, "level", level), u32(fn, "filter", filter, 0),
                            u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH),
                            u32(fn, "resume", resume, 0))
  end

  function lanman.NetUserGetInfo(server, username, level, creds)
    local fn = "NetUserGetInfo"
    return core.NetUserGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                               text(fn, "username", username), u32(fn, "level", level))
  end
end
