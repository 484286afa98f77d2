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

#endif /* LANMAN_USER_H */
