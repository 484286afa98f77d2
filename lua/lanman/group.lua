--- lanman: the global group calls, named and ordered as in C.
-- Installed into the lanman table by lanman.lua.
--
-- Write calls take tables keyed like the records they read:
--   lanman.NetGroupAdd(server, 1, {name = "ops", comment = "..."})
-- member lists are lists of tables ({{name = "alice"}, ...}, GROUP_USERS_INFO
-- 0/1).  Calls that return nothing return true, or nil, message, code.
local group = {}

--- The helpers the group and localgroup modules share: (done, write_level,
-- records_of) for the given core and check modules.
function group.helpers(core, check)
  local done, write_level = check.done, check.write_level

  -- Input records from a list of tables named `name`; an empty list is nil
  -- when empty_ok (the call then takes no members), an error otherwise.
  local function records_of(fn, name, level, list, empty_ok)
    if type(list) ~= "table" then check.arg_error(fn, name, "table", list) end
    if next(list) == nil then
      if empty_ok then return nil end
      error(("bad argument '%s' to '%s' (list of members is empty)"):format(name, fn), 3)
    end
    local ok, input = pcall(core.input_from_records, core.call_family(fn), level, list)
    if not ok then error(("bad argument '%s' to '%s' (%s)"):format(name, fn, input), 3) end
    return input
  end

  return done, write_level, records_of
end

--- Installs the calls into the lanman table.
setmetatable(group, {__call = function(_, lanman, core, check)
  local u32, text, creds_of = check.u32, check.text, check.creds
  local done, write_level, records_of = group.helpers(core, check)

  function lanman.NetGroupEnum(server, level, resume, prefmaxlen, creds)
    local fn = "NetGroupEnum"
    return core.NetGroupEnum(creds_of(fn, creds), text(fn, "server", server, true),
                             u32(fn, "level", level),
                             u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH),
                             u32(fn, "resume", resume, 0))
  end

  function lanman.NetGroupGetInfo(server, groupname, level, creds)
    local fn = "NetGroupGetInfo"
    return core.NetGroupGetInfo(creds_of(fn, creds), text(fn, "server", server, true),
                                text(fn, "groupname", groupname), u32(fn, "level", level))
  end

  function lanman.NetGroupAdd(server, level, data, creds)
    local fn = "NetGroupAdd"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    level = write_level(fn, level)
    return done(core.NetGroupAdd(creds, server, level,
                                 check.input(fn, core.call_family(fn), level, data)))
  end

  function lanman.NetGroupDel(server, groupname, creds)
    local fn = "NetGroupDel"
    return done(core.NetGroupDel(creds_of(fn, creds), text(fn, "server", server, true),
                                 text(fn, "groupname", groupname)))
  end

  function lanman.NetGroupSetInfo(server, groupname, level, data, creds)
    local fn = "NetGroupSetInfo"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    groupname = text(fn, "groupname", groupname)
    level = write_level(fn, level)
    return done(core.NetGroupSetInfo(creds, server, groupname, level,
                                     check.input(fn, core.call_family(fn), level, data)))
  end

  function lanman.NetGroupAddUser(server, groupname, username, creds)
    local fn = "NetGroupAddUser"
    return done(core.NetGroupAddUser(creds_of(fn, creds), text(fn, "server", server, true),
                                     text(fn, "groupname", groupname),
                                     text(fn, "username", username)))
  end

  function lanman.NetGroupDelUser(server, groupname, username, creds)
    local fn = "NetGroupDelUser"
    return done(core.NetGroupDelUser(creds_of(fn, creds), text(fn, "server", server, true),
                                     text(fn, "groupname", groupname),
                                     text(fn, "username", username)))
  end

  function lanman.NetGroupGetUsers(server, groupname, level, resume, prefmaxlen, creds)
    local fn = "NetGroupGetUsers"
    return core.NetGroupGetUsers(creds_of(fn, creds), text(fn, "server", server, true),
                                 text(fn, "groupname", groupname), u32(fn, "level", level),
                                 u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH),
                                 u32(fn, "resume", resume, 0))
  end

  --- Makes members (a list of GROUP_USERS_INFO tables) the group's members;
  -- an empty list empties the group.
  function lanman.NetGroupSetUsers(server, groupname, level, members, creds)
    local fn = "NetGroupSetUsers"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    groupname = text(fn, "groupname", groupname)
    level = write_level(fn, level)
    return done(core.NetGroupSetUsers(creds, server, groupname, level,
                                      records_of(fn, "members", level, members, true)))
  end
end})

return group
