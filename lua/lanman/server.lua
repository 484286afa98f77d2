--- lanman: the server, workstation and time calls, named and ordered as in C.
-- Installed into the lanman table by lanman.lua.
return function(lanman, core, check)
  local u32, text, creds_of = check.u32, check.text, check.creds

  function lanman.NetServerGetInfo(server, level, creds)
    local fn = "NetServerGetInfo"
    return core.NetServerGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                                 u32(fn, "level", level))
  end

  --- Changes server settings: data is a SERVER_INFO table of level (1005:
  -- {comment = ...}).  true, or nil, message, code.
  function lanman.NetServerSetInfo(server, level, data, creds)
    local fn = "NetServerSetInfo"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    level = u32(fn, "level", level)
    local supported = false
    for _, l in ipairs(core.call_levels(fn)) do supported = supported or l == level end
    if not supported then
      error(("bad argument 'level' to '%s' (%d is not supported (supported: %s))"):format(
        fn, level, table.concat(core.call_levels(fn), ", ")), 2)
    end
    local _, message, code = core.NetServerSetInfo(creds, server, level,
                                                   check.input(fn, "SERVER_INFO", level, data))
    if message ~= nil then return nil, message, code end
    return true
  end

  function lanman.NetWkstaGetInfo(server, level, creds)
    local fn = "NetWkstaGetInfo"
    return core.NetWkstaGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                                u32(fn, "level", level))
  end

  --- The server's clock: a buffer of one TIME_OF_DAY_INFO record (elapsedt:
  -- seconds since 1970, UTC).
  function lanman.NetRemoteTOD(server, creds)
    local fn = "NetRemoteTOD"
    return core.NetRemoteTOD(creds_of(fn, creds), text(fn, "server", server, true))
  end
end
