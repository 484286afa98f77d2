--- lanman: the domain calls -- DC discovery, domain membership, offline
-- join, remote shutdown -- named and ordered as in C (creds last).
-- Installed into the lanman table by lanman.lua.
--
-- None takes an info level; each returns a buffer of one fixed level:
-- DsGetDcName one DOMAIN_CONTROLLER_INFO record (keys as pywin32's
-- win32security.DsGetDcName: DomainControllerName, ..., DomainGuid as
-- "{XXXXXXXX-...}" text), NetGetDCName / NetGetAnyDCName one {dc_name=}
-- record, NetGetJoinInformation one {name=, status=} record,
-- NetGetJoinableOUs one {ou=} record per OU, NetProvisionComputerAccount
-- one {provision_text_data=} record (base64).  The calls that return no
-- buffer return true, or nil, message, code.
--
-- server nil means the local machine: NetJoinDomain, NetUnjoinDomain,
-- NetRenameMachineInDomain, NetShutdownInit and NetRequestOfflineDomainJoin
-- (always local) then act on THIS machine.
return function(lanman, core, check)
  local u32, text, creds_of = check.u32, check.text, check.creds

  local function opt(fn, name, value) return text(fn, name, value, true) end

  local function boolean(fn, name, value)
    if value == nil then return 0 end
    if type(value) ~= "boolean" then check.arg_error(fn, name, "boolean", value) end
    return value and 1 or 0
  end

  local done = check.done

  function lanman.DsGetDcName(server, domain, domain_guid, site_name, flags, creds)
    local fn = "DsGetDcName"
    return core.DsGetDcName(creds_of(fn, creds), opt(fn, "server", server),
                            opt(fn, "domain", domain), opt(fn, "domain_guid", domain_guid),
                            opt(fn, "site_name", site_name), u32(fn, "flags", flags, 0))
  end

  function lanman.NetGetDCName(server, domain, creds)
    local fn = "NetGetDCName"
    return core.NetGetDCName(creds_of(fn, creds), opt(fn, "server", server),
                             opt(fn, "domain", domain))
  end

  function lanman.NetGetAnyDCName(server, domain, creds)
    local fn = "NetGetAnyDCName"
    return core.NetGetAnyDCName(creds_of(fn, creds), opt(fn, "server", server),
                                opt(fn, "domain", domain))
  end

  function lanman.NetGetJoinInformation(server, creds)
    local fn = "NetGetJoinInformation"
    return core.NetGetJoinInformation(creds_of(fn, creds), opt(fn, "server", server))
  end

  function lanman.NetGetJoinableOUs(server, domain, account, password, creds)
    local fn = "NetGetJoinableOUs"
    return core.NetGetJoinableOUs(creds_of(fn, creds), opt(fn, "server", server),
                                  text(fn, "domain", domain), opt(fn, "account", account),
                                  opt(fn, "password", password))
  end

  function lanman.NetJoinDomain(server, domain, account_ou, account, password, join_flags,
                                creds)
    local fn = "NetJoinDomain"
    return done(core.NetJoinDomain(creds_of(fn, creds), opt(fn, "server", server),
                                   text(fn, "domain", domain), opt(fn, "account_ou", account_ou),
                                   opt(fn, "account", account), opt(fn, "password", password),
                                   u32(fn, "join_flags", join_flags, 0)))
  end

  function lanman.NetUnjoinDomain(server, account, password, unjoin_flags, creds)
    local fn = "NetUnjoinDomain"
    return done(core.NetUnjoinDomain(creds_of(fn, creds), opt(fn, "server", server),
                                     opt(fn, "account", account), opt(fn, "password", password),
                                     u32(fn, "unjoin_flags", unjoin_flags, 0)))
  end

  function lanman.NetRenameMachineInDomain(server, new_machine_name, account, password,
                                           rename_options, creds)
    local fn = "NetRenameMachineInDomain"
    return done(core.NetRenameMachineInDomain(
      creds_of(fn, creds), opt(fn, "server", server),
      opt(fn, "new_machine_name", new_machine_name), opt(fn, "account", account),
      opt(fn, "password", password), u32(fn, "rename_options", rename_options, 0)))
  end

  function lanman.NetProvisionComputerAccount(domain, machine_name, machine_account_ou,
                                              dcname, options, creds)
    local fn = "NetProvisionComputerAccount"
    return core.NetProvisionComputerAccount(
      creds_of(fn, creds), text(fn, "domain", domain), text(fn, "machine_name", machine_name),
      opt(fn, "machine_account_ou", machine_account_ou), opt(fn, "dcname", dcname),
      u32(fn, "options", options, 0))
  end

  --- Joins THIS machine from a NetProvisionComputerAccount blob (a string:
  -- the base64 text, or a djoin file's bytes).
  function lanman.NetRequestOfflineDomainJoin(provision_bin_data, options, windows_path,
                                              creds)
    local fn = "NetRequestOfflineDomainJoin"
    if type(provision_bin_data) ~= "string" then
      check.arg_error(fn, "provision_bin_data", "string", provision_bin_data)
    end
    return done(core.NetRequestOfflineDomainJoin(creds_of(fn, creds), provision_bin_data,
                                                 u32(fn, "options", options, 0),
                                                 opt(fn, "windows_path", windows_path)))
  end

  function lanman.NetShutdownInit(server, message, timeout, force_apps, do_reboot, creds)
    local fn = "NetShutdownInit"
    return done(core.NetShutdownInit(creds_of(fn, creds), opt(fn, "server", server),
                                     opt(fn, "message", message), u32(fn, "timeout", timeout, 0),
                                     boolean(fn, "force_apps", force_apps),
                                     boolean(fn, "do_reboot", do_reboot)))
  end

  function lanman.NetShutdownAbort(server, creds)
    local fn = "NetShutdownAbort"
    return done(core.NetShutdownAbort(creds_of(fn, creds), opt(fn, "server", server)))
  end
end
