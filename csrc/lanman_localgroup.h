/*
** lanman_localgroup.h -- local group (alias) calls (see lanman.h for the
** conventions every call follows).  Included by lanman.h; SWIG wraps every
** function declared here.
**
** Write calls take their records as a lanman_input of the call's level:
** data (one LOCALGROUP_INFO_n record) for NetLocalGroupAdd and SetInfo,
** members (LOCALGROUP_MEMBERS_INFO_0 by SID or _3 by "DOMAIN\name") for
** the member calls; NetLocalGroupSetMembers takes NULL for no members,
** which empties the group.
*/
#ifndef LANMAN_LOCALGROUP_H
#define LANMAN_LOCALGROUP_H

lanman_status lanman_NetLocalGroupEnum(const lanman_creds *creds,
                                       const char *server, uint32_t level,
                                       uint32_t prefmaxlen,
                                       lanman_buffer **out, uint32_t *total,
                                       uint32_t *resume, lanman_error *err);
lanman_status lanman_NetLocalGroupGetInfo(const lanman_creds *creds,
                                          const char *server,
                                          const char *groupname,
                                          uint32_t level, lanman_buffer **out,
                                          lanman_error *err);
lanman_status lanman_NetLocalGroupAdd(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      const lanman_input *data,
                                      lanman_error *err);
lanman_status lanman_NetLocalGroupDel(const lanman_creds *creds,
                                      const char *server,
                                      const char *groupname,
                                      lanman_error *err);
lanman_status lanman_NetLocalGroupSetInfo(const lanman_creds *creds,
                                          const char *server,
                                          const char *groupname,
                                          uint32_t level,
                                          const lanman_input *data,
                                          lanman_error *err);
lanman_status lanman_NetLocalGroupGetMembers(const lanman_creds *creds,
                                             const char *server,
                                             const char *groupname,
                                             uint32_t level,
                                             uint32_t prefmaxlen,
                                             lanman_buffer **out,
                                             uint32_t *total, uint32_t *resume,
                                             lanman_error *err);
lanman_status lanman_NetLocalGroupAddMembers(const lanman_creds *creds,
                                             const char *server,
                                             const char *groupname,
                                             uint32_t level,
                                             const lanman_input *members,
                                             lanman_error *err);
lanman_status lanman_NetLocalGroupDelMembers(const lanman_creds *creds,
                                             const char *server,
                                             const char *groupname,
                                             uint32_t level,
                                             const lanman_input *members,
                                             lanman_error *err);
lanman_status lanman_NetLocalGroupSetMembers(const lanman_creds *creds,
                                             const char *server,
                                             const char *groupname,
                                             uint32_t level,
                                             const lanman_input *members,
                                             lanman_error *err);

#endif /* LANMAN_LOCALGROUP_H */
