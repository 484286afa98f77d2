/*
** lanman_user.h -- user account calls (see lanman.h for the conventions
** every call follows).  Included by lanman.h; SWIG wraps every function
** declared here.
*/
#ifndef LANMAN_USER_H
#define LANMAN_USER_H

lanman_status lanman_NetUserEnum(const lanman_creds *creds, const char *server,
                                 uint32_t level, uint32_t filter,
                                 uint32_t prefmaxlen, lanman_buffer **out,
                                 uint32_t *total, uint32_t *resume,
                                 lanman_error *err);
lanman_status lanman_NetUserGetInfo(const lanman_creds *creds,
                                    const char *server, const char *username,
                                    uint32_t level, lanman_buffer **out,
                                    lanman_error *err);
/* data: one USER_INFO_1, _2, _3 or _4 record (lanman_input). */
lanman_status lanman_NetUserAdd(const lanman_creds *creds, const char *server,
                                uint32_t level, const lanman_input *data,
                                lanman_error *err);
lanman_status lanman_NetUserDel(const lanman_creds *creds, const char *server,
                                const char *username, lanman_error *err);
/* data: one USER_INFO_<level> record. */
lanman_status lanman_NetUserSetInfo(const lanman_creds *creds,
                                    const char *server, const char *username,
                                    uint32_t level, const lanman_input *data,
                                    lanman_error *err);
/* domainname: the server (or domain) to change the password on; username:
** the account, "name" or "DOMAIN\name".  The connection authenticates as
** that user with oldpassword, whatever creds says (creds gives only the
** default domain). */
lanman_status lanman_NetUserChangePassword(const lanman_creds *creds,
                                           const char *domainname,
                                           const char *username,
                                           const char *oldpassword,
                                           const char *newpassword,
                                           lanman_error *err);
/* GROUP_USERS_INFO_0/_1 records; total: how many there are (more than the
** records if prefmaxlen was too small: ERROR_MORE_DATA is no error). */
lanman_status lanman_NetUserGetGroups(const lanman_creds *creds,
                                      const char *server, const char *username,
                                      uint32_t level, uint32_t prefmaxlen,
                                      lanman_buffer **out, uint32_t *total,
                                      lanman_error *err);
/* groups: GROUP_USERS_INFO_0/_1 records, the user's complete new list. */
lanman_status lanman_NetUserSetGroups(const lanman_creds *creds,
                                      const char *server, const char *username,
                                      uint32_t level, const lanman_input *groups,
                                      lanman_error *err);
/* LOCALGROUP_USERS_INFO_0 records; flags: 0 or LG_INCLUDE_INDIRECT (1). */
lanman_status lanman_NetUserGetLocalGroups(const lanman_creds *creds,
                                           const char *server,
                                           const char *username, uint32_t level,
                                           uint32_t flags, uint32_t prefmaxlen,
                                           lanman_buffer **out, uint32_t *total,
                                           lanman_error *err);
lanman_status lanman_NetUserModalsGet(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      lanman_buffer **out, lanman_error *err);
lanman_status lanman_NetUserModalsSet(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      const lanman_input *data,
                                      lanman_error *err);
/* NET_DISPLAY_USER (1), _MACHINE (2) or _GROUP (3) records from index
** *resume on (0 first); *resume comes back as the index to go on from, or
** 0 after the last page (the next_index of the last record otherwise). */
lanman_status lanman_NetQueryDisplayInformation(const lanman_creds *creds,
                                                const char *server,
                                                uint32_t level,
                                                uint32_t entries,
                                                uint32_t prefmaxlen,
                                                lanman_buffer **out,
                                                uint32_t *resume,
                                                lanman_error *err);

#endif /* LANMAN_USER_H */
