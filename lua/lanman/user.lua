--- lanman: the user account calls, named and ordered as in C.
-- Installed into the lanman table by lanman.lua.
--
-- Write calls take tables keyed like the records they read:
--   lanman.NetUserAdd(server, 1, {name = "kim", password = pw,
--                                 priv = lanman.USER_PRIV_USER,
--                                 flags = lanman.UF_SCRIPT | lanman.UF_NORMAL_ACCOUNT})
-- group lists are lists of tables ({{name = "Domain Users"}, ...},
-- GROUP_USERS_INFO 0/1).  Calls that return nothing return true, or nil,
-- message, code.  Unknown keys, wrong types and missing required fields
-- raise, naming the field, before anything is sent.
return function(lanman, core, check)
  local u32, text, creds_of = check.u32, check.text, check.creds

  local done, write_level = check.done, check.write_level

  -- The input records of a write call (many: a list of tables).
  local function input(fn, level, data, many, name)
    name = name or "data"
    if type(data) ~= "table" then check.arg_error(fn, name, "table", data) end
    if many and next(data) == nil then
      error(("bad argument '%s' to '%s' (the list is empty)"):format(name, fn), 3)
    end
    local ok, records = pcall(core.input_from_records, core.call_family(fn), level,
                              many and data or {data})
    if not ok then error(("bad argument '%s' to '%s' (%s)"):format(name, fn, records), 3) end
    return records
  end

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

  --- Creates a user from a USER_INFO_<level> table (1-4): name, priv
  -- (USER_PRIV_USER) and flags are required, at 2-4 acct_expires too.
  function lanman.NetUserAdd(server, level, data, creds)
    local fn = "NetUserAdd"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    level = write_level(fn, level)
    return done(core.NetUserAdd(creds, server, level, input(fn, level, data)))
  end

  function lanman.NetUserDel(server, username, creds)
    local fn = "NetUserDel"
    return done(core.NetUserDel(creds_of(fn, creds), text(fn, "server", server, true),
                                text(fn, "username", username)))
  end

  --- Changes a user from a USER_INFO_<level> table: 0 renames, 1003 sets
  -- the password, 1007 the comment, 1008 the flags, 1011 the full name ...
  function lanman.NetUserSetInfo(server, username, level, data, creds)
    local fn = "NetUserSetInfo"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    username = text(fn, "username", username)
    level = write_level(fn, level)
    return done(core.NetUserSetInfo(creds, server, username, level, input(fn, level, data)))
  end

  --- Changes a password knowing the old one, logging on as the user.
  function lanman.NetUserChangePassword(domainname, username, oldpassword, newpassword, creds)
    local fn = "NetUserChangePassword"
    return done(core.NetUserChangePassword(
      creds_of(fn, creds), text(fn, "domainname", domainname, true),
      text(fn, "username", username), text(fn, "oldpassword", oldpassword),
      text(fn, "newpassword", newpassword)))
  end

  --- The user's global groups (GROUP_USERS_INFO 0/1): buf, total.
  function lanman.NetUserGetGroups(server, username, level, prefmaxlen, creds)
    local fn = "NetUserGetGroups"
    return core.NetUserGetGroups(creds_of(fn, creds), text(fn, "server", server, true),
                                 text(fn, "username", username), u32(fn, "level", level, 0),
                                 u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH))
  end

  --- Makes a list of GROUP_USERS_INFO_<level> tables the user's groups.
  function lanman.NetUserSetGroups(server, username, level, groups, creds)
    local fn = "NetUserSetGroups"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    username = text(fn, "username", username)
    level = write_level(fn, level)
    return done(core.NetUserSetGroups(creds, server, username, level,
                                      input(fn, level, groups, true, "groups")))
  end

  --- The user's local groups (LOCALGROUP_USERS_INFO_0): buf, total; flags
  -- LG_INCLUDE_INDIRECT adds those it is in through its global groups.
  function lanman.NetUserGetLocalGroups(server, username, level, flags, prefmaxlen, creds)
    local fn = "NetUserGetLocalGroups"
    return core.NetUserGetLocalGroups(
      creds_of(fn, creds), text(fn, "server", server, true), text(fn, "username", username),
      u32(fn, "level", level, 0), u32(fn, "flags", flags, 0),
      u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH))
  end

  function lanman.NetUserModalsGet(server, level, creds)
    local fn = "NetUserModalsGet"
    return core.NetUserModalsGet(creds_of(fn, creds), text(fn, "server", server, true),
                                 u32(fn, "level", level))
  end

  function lanman.NetUserModalsSet(server, level, data, creds)
    local fn = "NetUserModalsSet"
    creds, server = creds_of(fn, creds), text(fn, "server", server, true)
    level = write_level(fn, level)
    return done(core.NetUserModalsSet(creds, server, level, input(fn, level, data)))
  end

  --- Users (1), computers (2) or global groups (3) from index on: buf,
  -- next_index (0 after the last page).
  function lanman.NetQueryDisplayInformation(server, level, index, entries, prefmaxlen, creds)
    local fn = "NetQueryDisplayInformation"
    return core.NetQueryDisplayInformation(
      creds_of(fn, creds), text(fn, "server", server, true), u32(fn, "level", level),
      u32(fn, "entries", entries, 100),
      u32(fn, "prefmaxlen", prefmaxlen, lanman.MAX_PREFERRED_LENGTH),
      u32(fn, "index", index, 0))
  end
end
