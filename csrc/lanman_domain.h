/*
** lanman_domain.h -- domain controller discovery, domain membership
** (join, unjoin, rename, offline join) and remote shutdown (see lanman.h
** for the conventions every call follows).  Included by lanman.h; SWIG
** wraps every function declared here.
**
** None of these calls takes an info level: each returns records of one
** fixed level, which buffer level tables describe like any other:
**   DsGetDcName                  DOMAIN_CONTROLLER_INFO (one record; keys
**                                as pywin32's win32security.DsGetDcName,
**                                DomainGuid as "{XXXXXXXX-...}" text)
**   NetGetDCName, NetGetAnyDCName  DC_NAME (one record: dc_name)
**   NetGetJoinInformation        JOIN_INFORMATION (one record: name,
**                                status, a NETSETUP_JOIN_STATUS)
**   NetGetJoinableOUs            JOINABLE_OU (one record per OU: ou)
**   NetProvisionComputerAccount  PROVISION_DATA (one record:
**                                provision_text_data, base64)
** Optional string arguments may be NULL (or "").  account and password,
** where a call takes them, are sent to the server (encrypted with the
** session key) and never appear in a message.
*/
#ifndef LANMAN_DOMAIN_H
#define LANMAN_DOMAIN_H

/* domain may be NULL (the server's own domain); domain_guid is
** "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}" (braces optional) or NULL;
** flags are DS_* flags. */
lanman_status lanman_DsGetDcName(const lanman_creds *creds, const char *server,
                                 const char *domain, const char *domain_guid,
                                 const char *site_name, uint32_t flags,
                                 lanman_buffer **out, lanman_error *err);
lanman_status lanman_NetGetDCName(const lanman_creds *creds, const char *server,
                                  const char *domain, lanman_buffer **out,
                                  lanman_error *err);
lanman_status lanman_NetGetAnyDCName(const lanman_creds *creds,
                                     const char *server, const char *domain,
                                     lanman_buffer **out, lanman_error *err);
lanman_status lanman_NetGetJoinInformation(const lanman_creds *creds,
                                           const char *server,
                                           lanman_buffer **out,
                                           lanman_error *err);
lanman_status lanman_NetGetJoinableOUs(const lanman_creds *creds,
                                       const char *server, const char *domain,
                                       const char *account,
                                       const char *password,
                                       lanman_buffer **out, lanman_error *err);
/* server NULL joins, unjoins or renames the local machine. */
lanman_status lanman_NetJoinDomain(const lanman_creds *creds, const char *server,
                                   const char *domain, const char *account_ou,
                                   const char *account, const char *password,
                                   uint32_t join_flags, lanman_error *err);
lanman_status lanman_NetUnjoinDomain(const lanman_creds *creds,
                                     const char *server, const char *account,
                                     const char *password,
                                     uint32_t unjoin_flags, lanman_error *err);
lanman_status lanman_NetRenameMachineInDomain(const lanman_creds *creds,
                                              const char *server,
                                              const char *new_machine_name,
                                              const char *account,
                                              const char *password,
                                              uint32_t rename_options,
                                              lanman_error *err);
/* Creates the account machine_name$ in domain (through dcname if given)
** and returns the offline-join blob as base64 text; options are
** NETSETUP_PROVISION_* flags.  Runs on the local machine, which finds the
** DC itself when dcname is NULL. */
lanman_status lanman_NetProvisionComputerAccount(const lanman_creds *creds,
                                                 const char *domain,
                                                 const char *machine_name,
                                                 const char *machine_account_ou,
                                                 const char *dcname,
                                                 uint32_t options,
                                                 lanman_buffer **out,
                                                 lanman_error *err);
/* Joins the LOCAL machine offline from a blob NetProvisionComputerAccount
** made (its text, or a djoin file's bytes). */
lanman_status lanman_NetRequestOfflineDomainJoin(const lanman_creds *creds,
                                                 const char *provision_bin_data,
                                                 size_t provision_bin_data_size,
                                                 uint32_t options,
                                                 const char *windows_path,
                                                 lanman_error *err);
/* server NULL shuts the local machine down. */
lanman_status lanman_NetShutdownInit(const lanman_creds *creds,
                                     const char *server, const char *message,
                                     uint32_t timeout, int force_apps,
                                     int do_reboot, lanman_error *err);
lanman_status lanman_NetShutdownAbort(const lanman_creds *creds,
                                      const char *server, lanman_error *err);

#endif /* LANMAN_DOMAIN_H */
