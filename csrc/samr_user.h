/*
** samr_user.h -- the user calls the Samba shim performs over SAMR itself,
** with Samba's public DCE/RPC client libraries (samr_user.c), where
** libnetapi has only a stub or a wrong answer.  Private to the Samba shim
** (shim_samba_user.c).  Every function returns a NET_API_STATUS as
** netapi32 would, and prints a one-line reason on failure to stdout, which
** the shim captures into the error message (lm_shim_invoke).  creds: the
** call's (lm_call's), borrowed; NULL means anonymous.
*/
#ifndef LANMAN_SAMR_USER_H
#define LANMAN_SAMR_USER_H

#include <stdint.h>

#include "lanman.h"

/* User attributes to set (NetUserAdd levels 2-4, NetUserSetInfo): only
** those whose LM_SAMR_F_* bit is in `present`.  Strings are UTF-8; flags
** are UF_* (converted to ACB_* here); acct_expires is Unix time or
** TIMEQ_FOREVER. */
enum {
    LM_SAMR_F_FLAGS = 1u << 0,
    LM_SAMR_F_FULL_NAME = 1u << 1,
    LM_SAMR_F_USR_COMMENT = 1u << 2,
    LM_SAMR_F_PARMS = 1u << 3,
    LM_SAMR_F_WORKSTATIONS = 1u << 4,
    LM_SAMR_F_ACCT_EXPIRES = 1u << 5,
    LM_SAMR_F_LOGON_HOURS = 1u << 6,
    LM_SAMR_F_COUNTRY_CODE = 1u << 7,
    LM_SAMR_F_CODE_PAGE = 1u << 8,
    LM_SAMR_F_PRIMARY_GROUP = 1u << 9,
    LM_SAMR_F_PROFILE = 1u << 10,
    LM_SAMR_F_HOME_DIR_DRIVE = 1u << 11,
    LM_SAMR_F_HOME_DIR = 1u << 12,
    LM_SAMR_F_COMMENT = 1u << 13,
    LM_SAMR_F_SCRIPT_PATH = 1u << 14,
    LM_SAMR_F_PASSWORD_EXPIRED = 1u << 15,
};

typedef struct lm_samr_user_fields {
    uint32_t present;
    uint32_t flags;
    const char *full_name, *usr_comment, *parms, *workstations, *profile,
        *home_dir_drive, *home_dir, *comment, *script_path;
    uint32_t acct_expires;
    uint32_t units_per_week;
    const uint8_t *logon_hours;   /* (units_per_week + 7) / 8 bytes */
    uint32_t country_code, code_page, primary_group_id, password_expired;
} lm_samr_user_fields;

/* UF_* account flags -> the ACB_* bits SAMR (and libnetapi's NetUserAdd,
** which passes them through unconverted) stores. */
uint32_t lm_samr_uf_to_acb(uint32_t uf);
/* And back (what netapi32 reports for SAMR's ACB_* bits). */
uint32_t lm_samr_acb_to_uf(uint32_t acb);

/* Sets the fields present on user `username` (SamrSetInformationUser,
** UserAllInformation). */
uint32_t lm_samr_user_set(const char *server, const lanman_creds *creds,
                          const char *username,
                          const lm_samr_user_fields *f);

/* Whether the page of NetUserEnum from `resume` on is empty for accounts
** with ACB_* bits acb_filter (libnetapi dies on an empty one). */
uint32_t lm_samr_user_enum_empty(const char *server, const lanman_creds *creds,
                                 uint32_t acb_filter, uint32_t resume,
                                 int *empty);

/* NetUserChangePassword: SamrUnicodeChangePasswordUser3 on a connection
** authenticated as the user with the old password (anonymous if that
** password has expired), domain taken from "DOMAIN\user" or creds. */
uint32_t lm_samr_user_change_password(const char *server,
                                      const lanman_creds *creds,
                                      const char *username,
                                      const char *oldpassword,
                                      const char *newpassword);

/* NetUserGetLocalGroups level 0: the aliases (local groups) of the
** account domain and of Builtin the user is a member of -- directly, or
** with `indirect` also through its global groups.  *buffer becomes a
** NetApiBufferAllocate'd array of LOCALGROUP_USERS_INFO_0, *count its
** records. */
uint32_t lm_samr_user_local_groups(const char *server,
                                   const lanman_creds *creds,
                                   const char *username, int indirect,
                                   void **buffer, uint32_t *count);

#endif /* LANMAN_SAMR_USER_H */
