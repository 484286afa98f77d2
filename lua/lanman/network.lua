--- lanman: the calls only Windows' netapi32 has -- sessions, connections,
-- the browse list, logged-on users, disks -- named and ordered as in C
-- (resume, prefmaxlen, creds last).  Installed into the lanman table by
-- lanman.lua.
--
-- On Linux (Samba's libnetapi has none of them) each checks its arguments
-- as any call does (bad ones raise), then returns nil, message, 50
-- (ERROR_NOT_SUPPORTED), the message naming the function and the platform.
-- Enumerations return buf, total, resume.
return function(lanman, core, check)
  local u32, text, creds_of = check.u32, check.text, check.creds
  local MAX = lanman.MAX_PREFERRED_LENGTH

  local function opt(fn, name, value) return text(fn, name, value, true) end

  function lanman.NetSessionEnum(server, client, username, level, resume, prefmaxlen, creds)
    local fn = "NetSessionEnum"
    return core.NetSessionEnum(creds_of(fn, creds), opt(fn, "server", server),
                               opt(fn, "client", client), opt(fn, "username", username),
                               u32(fn, "level", level), u32(fn, "prefmaxlen", prefmaxlen, MAX),
                               u32(fn, "resume", resume, 0))
  end

  function lanman.NetSessionDel(server, client, username, creds)
    local fn = "NetSessionDel"
    local _, message, code = core.NetSessionDel(creds_of(fn, creds), opt(fn, "server", server),
                                                opt(fn, "client", client),
                                                opt(fn, "username", username))
    if message ~= nil then return nil, message, code end
    return true
  end

  function lanman.NetServerEnum(server, level, servertype, domain, resume, prefmaxlen, creds)
    local fn = "NetServerEnum"
    return core.NetServerEnum(creds_of(fn, creds), opt(fn, "server", server),
                              u32(fn, "level", level), u32(fn, "prefmaxlen", prefmaxlen, MAX),
                              u32(fn, "servertype", servertype, 0xFFFFFFFF),
                              opt(fn, "domain", domain), u32(fn, "resume", resume, 0))
  end

  function lanman.NetWkstaUserEnum(server, level, resume, prefmaxlen, creds)
    local fn = "NetWkstaUserEnum"
    return core.NetWkstaUserEnum(creds_of(fn, creds), opt(fn, "server", server),
                                 u32(fn, "level", level), u32(fn, "prefmaxlen", prefmaxlen, MAX),
                                 u32(fn, "resume", resume, 0))
  end

  function lanman.NetConnectionEnum(server, qualifier, level, resume, prefmaxlen, creds)
    local fn = "NetConnectionEnum"
    return core.NetConnectionEnum(creds_of(fn, creds), opt(fn, "server", server),
                                  text(fn, "qualifier", qualifier), u32(fn, "level", level),
                                  u32(fn, "prefmaxlen", prefmaxlen, MAX),
                                  u32(fn, "resume", resume, 0))
  end

  function lanman.NetServerDiskEnum(server, level, resume, prefmaxlen, creds)
    local fn = "NetServerDiskEnum"
    return core.NetServerDiskEnum(creds_of(fn, creds), opt(fn, "server", server),
                                  u32(fn, "level", level, 0), u32(fn, "prefmaxlen", prefmaxlen, MAX),
                                  u32(fn, "resume", resume, 0))
  end
end
