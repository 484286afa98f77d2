/*
** lanman_fastenum.h -- detailed user enumeration without libnetapi's one
** round trip after another (see lanman.h for the conventions every call
** follows).  Included by lanman.h; SWIG wraps every function declared here.
*/
#ifndef LANMAN_FASTENUM_H
#define LANMAN_FASTENUM_H

/* Every user account's record at `level` (3: USER_INFO_3), the records
** NetUserEnum(server, level, filter) returns, in the same order, in one
** buffer (no paging; *total is the record count).
**
** libnetapi's NetUserEnum makes six SAMR calls per user, one after the
** other (OpenUser, QueryUserInfo 21, QuerySecurity, GetGroupsForUser,
** GetAliasMembership, Close).  This makes three per user (OpenUser,
** QueryUserInfo 21, Close) and keeps up to `window` users in flight on one
** connection (0: the default, 64); the auth_flags the other two calls
** served come from the members of the three Builtin operator aliases,
** read once.  Fields are converted as libnetapi converts them
** (password_age is counted at fetch time, as there).  Samba only: on
** Windows it fails with ERROR_NOT_SUPPORTED (netapi32 has no such cost).
*/
lanman_status lanman_UserEnumFast(const lanman_creds *creds, const char *server,
                                  uint32_t level, uint32_t filter,
                                  uint32_t window, lanman_buffer **out,
                                  uint32_t *total, lanman_error *err);

#endif /* LANMAN_FASTENUM_H */
