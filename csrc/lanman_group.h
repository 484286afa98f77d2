/*
** lanman_group.h -- global group calls (see lanman.h for the conventions
** every call follows).  Included by lanman.h; SWIG wraps every function
** declared here.
**
** Write calls take their records as a lanman_input of the call's level:
** data (one GROUP_INFO_n record) for NetGroupAdd and NetGroupSetInfo,
** members (GROUP_USERS_INFO_n records) for NetGroupSetUsers, where NULL
** means no members: the group is emptied.
*/
#ifndef LANMAN_GROUP_H
#define LANMAN_GROUP_H

lanman_status lanman_NetGroupEnum(const lanman_creds *creds,
                                  const char *server, uint32_t level,
                                  uint32_t prefmaxlen, lanman_buffer **out,
                                  uint32_t *total, uint32_t *resume,
                                  lanman_error *err);
lanman_status lanman_NetGroupGetInfo(const lanman_creds *creds,
                                     const char *server,
                                     const char *groupname, uint32_t level,
                                     lanman_buffer **out, lanman_error *err);
lanman_status lanman_NetGroupAdd(const lanman_creds *creds,
                                 const char *server, uint32_t level,
                                 const lanman_input *data, lanman_error *err);
lanman_status lanman_NetGroupDel(const lanman_creds *creds,
                                 const char *server, const char *groupname,
                                 lanman_error *err);
lanman_status lanman_NetGroupSetInfo(const lanman_creds *creds,
                                     const char *server,
                                     const char *groupname, uint32_t level,
                                     const lanman_input *data,
                                     lanman_error *err);
lanman_status lanman_NetGroupAddUser(const lanman_creds *creds,
                                     const char *server, const char *groupname,
                                     const char *username, lanman_error *err);
lanman_status lanman_NetGroupDelUser(const lanman_creds *creds,
                                     const char *server, const char *groupname,
                                     const char *username, lanman_error *err);
lanman_status lanman_NetGroupGetUsers(const lanman_creds *creds,
                                      const char *server,
                                      const char *groupname, uint32_t level,
                                      uint32_t prefmaxlen, lanman_buffer **out,
                                      uint32_t *total, uint32_t *resume,
                                      lanman_error *err);
lanman_status lanman_NetGroupSetUsers(const lanman_creds *creds,
                                      const char *server,
                                      const char *groupname, uint32_t level,
                                      const lanman_input *members,
                                      lanman_error *err);

#endif /* LANMAN_GROUP_H */
