--- lanman: the local group (alias) calls, named and ordered as in C.
-- Installed into the lanman table by lanman.lua; shares lanman.group's helpers.
--
-- Members are lists of tables: by SID at level 0 ({{sid = "S-1-5-21-..."}})
-- or by name at level 3 ({{domainandname = "CORP\\alice"}}).  Level 3 names
-- are resolved to SIDs first (Samba's libnetapi aborts the process at level
-- 3), and NetLocalGroupGetMembers is answered over SAMR (libnetapi has only
-- a stub).  Calls that return nothing return true, or nil, message, code.
return function(lanman, core, check)
  local u32, text, creds_of = check.u32, check.text, check.creds
  local done, write_level, records_of = require("lanman.group").helpers(core, check)

  function lanman.NetLocalGroupEnum(server, level, resume, prefmaxlen, creds)
    local fn = "NetLocalGroupEnum"
    return core.NetLocalGroupEnum(creds_of(fn, creds), text(fn, "server", server, true),
                                  u32(fn, "level", level),
                                  u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH),
                                  u32(fn, "resume", resume, 0))
  end

  function lanman.NetLocalGroupGetInfo(server, groupname, level, creds)
    local fn = "NetLocalGroupGetInfo"
    return core.NetLocalGroupGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                                     text(fn, "groupname", groupname), u32(fn, "level", level))
  end

  function lanman.NetLocalGroupAdd(server, level, data, creds)
    local fn = "NetLocalGroupAdd"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    level = write_level(fn, level)
    return done(core.NetLocalGroupAdd(creds, server, level,
                                      check.input(fn, core.call_family(fn), level, data)))
  end

  function lanman.NetLocalGroupDel(server, groupname, creds)
    local fn = "NetLocalGroupDel"
    return done(core.NetLocalGroupDel(creds_of(fn, creds), text(fn, "server", server, true),
                                      text(fn, "groupname", groupname)))
  end

  function lanman.NetLocalGroupSetInfo(server, groupname, level, data, creds)
    local fn = "NetLocalGroupSetInfo"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    groupname = text(fn, "groupname", groupname)
    level = write_level(fn, level)
    return done(core.NetLocalGroupSetInfo(creds, server, groupname, level,
                                          check.input(fn, core.call_family(fn), level, data)))
  end

  function lanman.NetLocalGroupGetMembers(server, groupname, level, resume, prefmaxlen, creds)
    local fn = "NetLocalGroupGetMembers"
    return core.NetLocalGroupGetMembers(creds_of(fn, creds), text(fn, "server", server, true),
                                        text(fn, "groupname", groupname), u32(fn, "level", level),
                                        u32(fn, "prefmaxlen", prefmaxlen,
                                            lanman.MAX_PREFERRED_LENGTH),
                                        u32(fn, "resume", resume, 0))
  end

  local function member_call(fn, server, groupname, level, members, creds, empty_ok)
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    groupname = text(fn, "groupname", groupname)
    level = write_level(fn, level)
    return done(core[fn](creds, server, groupname, level,
                         records_of(fn, "members", level, members, empty_ok)))
  end

  function lanman.NetLocalGroupAddMembers(server, groupname, level, members, creds)
    return member_call("NetLocalGroupAddMembers", server, groupname, level, members, creds)
  end

  function lanman.NetLocalGroupDelMembers(server, groupname, level, members, creds)
    return member_call("NetLocalGroupDelMembers", server, groupname, level, members, creds)
  end

  --- An empty members list empties the group.
  function lanman.NetLocalGroupSetMembers(server, groupname, level, members, creds)
    return member_call("NetLocalGroupSetMembers", server, groupname, level, members, creds,
                       true)
  end
end
