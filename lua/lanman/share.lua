--- lanman: the share and open-file calls, named and ordered as in C.
-- Installed into the lanman table by lanman.lua.
--
-- Write calls take tables keyed like the records they read:
--   lanman.NetShareAdd(server, 2, {netname = "docs", path = "/srv/docs", remark = "..."})
-- a security descriptor (security_descriptor of SHARE_INFO_502 / 1501) is a
-- string of its self-relative bytes.  Calls that return nothing return
-- true, or nil, message, code.
return function(lanman, core, check)
  local u32, text, creds_of = check.u32, check.text, check.creds

  local done, write_level = check.done, check.write_level

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

  --- Shares a directory that exists on the server: data is a SHARE_INFO_2
  -- or _502 table (netname and path required).
  function lanman.NetShareAdd(server, level, data, creds)
    local fn = "NetShareAdd"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    level = write_level(fn, level)
    return done(core.NetShareAdd(creds, server, level,
                                 check.input(fn, "SHARE_INFO", level, data)))
  end

  function lanman.NetShareDel(server, netname, reserved, creds)
    local fn = "NetShareDel"
    return done(core.NetShareDel(creds_of(fn, creds), text(fn, "server", server, true),
                                 text(fn, "netname", netname),
                                 u32(fn, "reserved", reserved, 0)))
  end

  function lanman.NetShareSetInfo(server, netname, level, data, creds)
    local fn = "NetShareSetInfo"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    netname = text(fn, "netname", netname)
    level = write_level(fn, level)
    return done(core.NetShareSetInfo(creds, server, netname, level,
                                     check.input(fn, "SHARE_INFO", level, data)))
  end

  --- Files open on the server (FILE_INFO 2 or 3); basepath and username
  -- (nil: any) restrict the list.
  function lanman.NetFileEnum(server, basepath, username, level, resume, prefmaxlen, creds)
    local fn = "NetFileEnum"
    return core.NetFileEnum(creds_of(fn, creds), text(fn, "server", server, true),
                            text(fn, "basepath", basepath, true),
                            text(fn, "username", username, true),
                            u32(fn, "level", level),
                            u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH),
                            u32(fn, "resume", resume, 0))
  end

  function lanman.NetFileGetInfo(server, fileid, level, creds)
    local fn = "NetFileGetInfo"
    return core.NetFileGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                               u32(fn, "fileid", fileid), u32(fn, "level", level))
  end

  function lanman.NetFileClose(server, fileid, creds)
    local fn = "NetFileClose"
    return done(core.NetFileClose(creds_of(fn, creds), text(fn, "server", server, true),
                                  u32(fn, "fileid", fileid)))
  end
end
