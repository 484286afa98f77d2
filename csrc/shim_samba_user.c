/*
** shim_samba_user.c -- the user account calls on Samba's libnetapi: each
** thunk performs one lm_call (see calls_user.c for the checks before).
**
** Where libnetapi (Samba 4.17) differs from netapi32, the thunks make it
** behave like netapi32 (measured against a Samba AD DC):
**   - a missing user is ERROR_NONE_MAPPED (1332) from libnetapi,
**     NERR_UserNotFound (2221) from netapi32;
**   - NetUserAdd takes only level 1 (2-4: 50), and stores usri1_flags as
**     SAMR ACB_* bits without converting them from UF_*: UF_SCRIPT |
**     UF_NORMAL_ACCOUNT (0x201) becomes ACB_DISABLED | ACB_PWNOEXP, a
**     disabled account whose password never expires.  The thunk converts
**     the flags first, adds at level 1 and sets what levels 2-4 carry on
**     top over SAMR (samr_user.c), deleting the new user again if that
**     fails;
**   - NetUserSetInfo works only at levels 0, 3 (with the same flags bug),
**     1003, 1006, 1007, 1009, 1011, 1012, 1014, 1024 (but 87 for country
**     code 0), 1051, 1052 and 1053; 1, 2, 4, 21, 22, 1005, 1008, 1010,
**     1017 and 1020 answer 50, 1013, 1018, 1023 and 1025 answer 124.  The thunk
**     keeps libnetapi for the levels it does right and sets everything
**     else over SAMR; the password (levels 1, 2, 4) goes through
**     libnetapi's level 1003, which encrypts it with the session key;
**   - NetUserChangePassword is a stub (50, nothing sent): done over SAMR;
**   - NetUserGetLocalGroups fails with 1301 for every user in a domain-
**     local group (it looks the account domain's aliases up in Builtin)
**     and ignores LG_INCLUDE_INDIRECT: done over SAMR;
**   - NetUserSetGroups reports a missing group as 1332 or 1301: netapi32 says
**     NERR_GroupNotFound (2220);
**   - an existing user is 1316 (netapi32: NERR_UserExists, 2224), a
**     password the policy refuses 1325 (NERR_PasswordTooShort, 2245);
**   - NetQueryDisplayInformation passes SAMR's ACB_* flags through where
**     netapi32 has UF_* flags;
**   - NetUserEnum crashes the process on an empty answer (see below).
*/
#ifndef _WIN32
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "platform.h"
#include "samr_user.h"

/* lmaccess.h values netapi.h lacks. */
#define LM_USER_PRIV_PARMNUM 5
#define LM_USER_AUTH_FLAGS_PARMNUM 10
#define LM_USER_MAX_STORAGE_PARMNUM 18
#define LM_USER_LOGON_SERVER_PARMNUM 23
#define LM_USER_MAXSTORAGE_UNLIMITED 0xFFFFFFFFu
#define LM_ERROR_INVALID_PARAMETER 87
#define LM_ERROR_NOT_SUPPORTED 50

/* libnetapi's NetUserEnum dereferences the NULL SamArray the server sends
** for an empty answer (NetUserEnum_r: sam->count) and kills the process.
** Every domain has an account of the default filter (ACB_NORMAL: at least
** the built-in Administrator); for the other filters -- the trust and
** duplicate accounts, often none -- the thunk asks SAMR first whether
** the page is empty and answers an empty one itself, as netapi32 does. */
uint32_t lm_shim_NetUserEnum(lm_call *c) {
    uint32_t acb = c->filter == 0x0001 ? 0x0008     /* TEMP_DUPLICATE */
                 : c->filter == 0x0008 ? 0x0040     /* INTERDOMAIN_TRUST */
                 : c->filter == 0x0010 ? 0x0080     /* WORKSTATION_TRUST */
                 : c->filter == 0x0020 ? 0x0100     /* SERVER_TRUST */
                 : 0;                               /* ACB_NORMAL: never empty */
    if (acb != 0) {
        int empty = 0;
        uint32_t code = lm_samr_user_enum_empty(c->server, c->creds, acb,
                                                c->resume, &empty);
        if (code != 0) return code;
        if (empty) {
            c->read = c->total = 0;
            c->resume = 0;
            return 0;
        }
    }
    return NetUserEnum(c->server, c->level, c->filter, (uint8_t **)&c->buffer,
                       c->prefmaxlen, &c->read, &c->total, &c->resume);
}

/* libnetapi looks the name up first and reports a missing user as
** ERROR_NONE_MAPPED (1332); netapi32 says NERR_UserNotFound (2221), and
** scripts test for that. */
static uint32_t user_not_found(uint32_t code) {
    return code == 1332 ? 2221 : code;
}

/* libnetapi passes SAMR's statuses through where netapi32 speaks NERR:
** an existing name is ERROR_USER_EXISTS (1316), NERR_UserExists (2224) on
** Windows; a password the policy refuses ERROR_PASSWORD_RESTRICTION
** (1325), NERR_PasswordTooShort (2245) on Windows. */
static uint32_t as_nerr(uint32_t code) {
    return code == 1316 ? 2224 : code == 1325 ? 2245 : user_not_found(code);
}

uint32_t lm_shim_NetUserGetInfo(lm_call *c) {
    return user_not_found(NetUserGetInfo(c->server, c->name, c->level,
                                         (uint8_t **)&c->buffer));
}

/* ---- what levels 2-4 carry beyond level 1, as SAMR fields ---- */

#define SET_STR(f, bit, member, value)                                  \
    do {                                                                \
        if ((value) != NULL) {                                          \
            (f)->present |= (bit);                                      \
            (f)->member = (value);                                      \
        }                                                               \
    } while (0)

/* The USER_INFO_2 part of levels 2, 3 and 4 (prefix P of struct *u). */
#define FIELDS_2(f, u, P)                                                  \
    do {                                                                   \
        SET_STR(f, LM_SAMR_F_FULL_NAME, full_name, (u)->P##full_name);     \
        SET_STR(f, LM_SAMR_F_USR_COMMENT, usr_comment, (u)->P##usr_comment); \
        SET_STR(f, LM_SAMR_F_PARMS, parms, (u)->P##parms);                 \
        SET_STR(f, LM_SAMR_F_WORKSTATIONS, workstations, (u)->P##workstations); \
        (f)->present |= LM_SAMR_F_ACCT_EXPIRES | LM_SAMR_F_COUNTRY_CODE |  \
                        LM_SAMR_F_CODE_PAGE;                               \
        (f)->acct_expires = (u)->P##acct_expires;                          \
        (f)->country_code = (u)->P##country_code;                          \
        (f)->code_page = (u)->P##code_page;                                \
        if ((u)->P##logon_hours != NULL) {                                 \
            (f)->present |= LM_SAMR_F_LOGON_HOURS;                         \
            (f)->units_per_week = (u)->P##units_per_week;                  \
            (f)->logon_hours = (u)->P##logon_hours;                        \
        }                                                                  \
    } while (0)

/* The part levels 3 and 4 add. */
#define FIELDS_3(f, u, P)                                                  \
    do {                                                                   \
        SET_STR(f, LM_SAMR_F_PROFILE, profile, (u)->P##profile);           \
        SET_STR(f, LM_SAMR_F_HOME_DIR_DRIVE, home_dir_drive,               \
                (u)->P##home_dir_drive);                                   \
        if ((u)->P##primary_group_id != 0) {                               \
            (f)->present |= LM_SAMR_F_PRIMARY_GROUP;                       \
            (f)->primary_group_id = (u)->P##primary_group_id;              \
        }                                                                  \
        (f)->password_expired = (u)->P##password_expired;                  \
    } while (0)

/* The level-1 part of a level 1-4 record. */
#define TO_LEVEL_1(u1, u, P)                                               \
    do {                                                                   \
        (u1)->usri1_name = (u)->P##name;                                   \
        (u1)->usri1_priv = (u)->P##priv;                                   \
        (u1)->usri1_home_dir = (u)->P##home_dir;                           \
        (u1)->usri1_comment = (u)->P##comment;                             \
        (u1)->usri1_flags = (u)->P##flags;                                 \
        (u1)->usri1_script_path = (u)->P##script_path;                     \
    } while (0)

/* Splits a level 1-4 record into its level-1 part (with the password) and
** the SAMR fields beyond it. */
static void split(uint32_t level, const void *rec, struct USER_INFO_1 *u1,
                  lm_samr_user_fields *f) {
    memset(u1, 0, sizeof *u1);
    memset(f, 0, sizeof *f);
    switch (level) {
    case 1: {
        const struct USER_INFO_1 *u = rec;
        TO_LEVEL_1(u1, u, usri1_);
        u1->usri1_password = u->usri1_password;
        break;
    }
    case 2: {
        const struct USER_INFO_2 *u = rec;
        TO_LEVEL_1(u1, u, usri2_);
        u1->usri1_password = u->usri2_password;
        FIELDS_2(f, u, usri2_);
        break;
    }
    case 3: {   /* netapi.h's USER_INFO_3 has no password */
        const struct USER_INFO_3 *u = rec;
        TO_LEVEL_1(u1, u, usri3_);
        FIELDS_2(f, u, usri3_);
        FIELDS_3(f, u, usri3_);
        break;
    }
    case 4: {
        const struct USER_INFO_4 *u = rec;
        TO_LEVEL_1(u1, u, usri4_);
        u1->usri1_password = u->usri4_password;
        FIELDS_2(f, u, usri4_);
        FIELDS_3(f, u, usri4_);
        break;
    }
    }
}

/* ---- NetUserAdd ---- */

uint32_t lm_shim_NetUserAdd(lm_call *c) {
    struct USER_INFO_1 u1;
    lm_samr_user_fields f;
    split(c->level, c->input, &u1, &f);
    /* netapi32: "NetUserAdd: USER_PRIV_USER must be specified". */
    if (u1.usri1_priv != USER_PRIV_USER) {
        c->parm_err = LM_USER_PRIV_PARMNUM;
        printf("usri%lu_priv must be USER_PRIV_USER (1) for NetUserAdd\n",
               (unsigned long)c->level);
        return LM_ERROR_INVALID_PARAMETER;
    }
    /* libnetapi stores usri1_flags as ACB_* bits as they are. */
    u1.usri1_flags = lm_samr_uf_to_acb(u1.usri1_flags);
    uint32_t code = as_nerr(NetUserAdd(c->server, 1, (uint8_t *)&u1,
                                       &c->parm_err));
    if (code != 0 || c->level == 1) return code;
    if (f.password_expired) f.present |= LM_SAMR_F_PASSWORD_EXPIRED;
    code = lm_samr_user_set(c->server, c->creds, u1.usri1_name, &f);
    if (code != 0) NetUserDel(c->server, u1.usri1_name);   /* all or nothing */
    return code;
}

uint32_t lm_shim_NetUserDel(lm_call *c) {
    return user_not_found(NetUserDel(c->server, c->name));
}

/* ---- NetUserSetInfo ---- */

/* The user's current privilege level (USER_INFO_1), which NetUserSetInfo
** takes only unchanged ("must be the value NetUserGetInfo returned"):
** privilege comes from group membership on NT-based servers. */
static uint32_t current_priv(const lm_call *c, uint32_t *priv) {
    uint8_t *buf = NULL;
    uint32_t code = user_not_found(NetUserGetInfo(c->server, c->name, 1, &buf));
    if (code == 0) *priv = ((struct USER_INFO_1 *)buf)->usri1_priv;
    if (buf != NULL) NetApiBufferFree(buf);
    return code;
}

/* An attribute NT servers do not keep: only the value they report is
** accepted (as a no-op). */
static uint32_t fixed_value(lm_call *c, int ok, uint32_t parmnum,
                            const char *what) {
    if (ok) return 0;
    c->parm_err = parmnum;
    printf("%s\n", what);
    return LM_ERROR_INVALID_PARAMETER;
}

uint32_t lm_shim_NetUserSetInfo(lm_call *c) {
    const void *in = c->input;
    switch (c->level) {
    case 0: case 1003: case 1006: case 1007: case 1009: case 1011: case 1012:
    case 1014: case 1051: case 1052: case 1053:
        /* libnetapi does these right (but for its status codes). */
        return as_nerr(NetUserSetInfo(c->server, c->name, c->level,
                                      (uint8_t *)in, &c->parm_err));
    case 21:
    case 22:
        /* libnetapi: 50.  A LAN Manager (LM OWF) hash as the password is
        ** what SAMR's UserInternal1Information would take; Samba's DC keeps
        ** no LM hashes ("lanman auth = no"), so nothing honest can be done
        ** with one. */
        printf("NetUserSetInfo level %lu (a LAN Manager password hash) is not "
               "supported on Samba: set the password at level 1003\n",
               (unsigned long)c->level);
        return LM_ERROR_NOT_SUPPORTED;
    }

    uint32_t priv = 0;
    uint32_t code = current_priv(c, &priv);   /* also: does the user exist */
    if (code != 0) return code;

    struct USER_INFO_1 u1;
    lm_samr_user_fields f;
    memset(&u1, 0, sizeof u1);
    memset(&f, 0, sizeof f);
    switch (c->level) {
    case 1: case 2: case 3: case 4:
        split(c->level, in, &u1, &f);
        code = fixed_value(c, u1.usri1_priv == priv, LM_USER_PRIV_PARMNUM,
                           "priv must be the user's current privilege level "
                           "(it follows group membership)");
        f.present |= LM_SAMR_F_FLAGS;
        f.flags = u1.usri1_flags;
        SET_STR(&f, LM_SAMR_F_HOME_DIR, home_dir, u1.usri1_home_dir);
        SET_STR(&f, LM_SAMR_F_COMMENT, comment, u1.usri1_comment);
        SET_STR(&f, LM_SAMR_F_SCRIPT_PATH, script_path, u1.usri1_script_path);
        if (c->level >= 3) f.present |= LM_SAMR_F_PASSWORD_EXPIRED;
        break;
    case 1005:
        code = fixed_value(c, ((const struct USER_INFO_1005 *)in)->usri1005_priv == priv,
                           LM_USER_PRIV_PARMNUM,
                           "priv must be the user's current privilege level "
                           "(it follows group membership)");
        break;
    case 1008:
        f.present = LM_SAMR_F_FLAGS;
        f.flags = ((const struct USER_INFO_1008 *)in)->usri1008_flags;
        break;
    case 1010:
        code = fixed_value(c, ((const struct USER_INFO_1010 *)in)->usri1010_auth_flags == 0,
                           LM_USER_AUTH_FLAGS_PARMNUM,
                           "auth_flags (LAN Manager operator privileges) must "
                           "be 0 on NT-based servers");
        break;
    case 1013:
        f.present = LM_SAMR_F_PARMS;
        f.parms = ((const struct USER_INFO_1013 *)in)->usri1013_parms;
        break;
    case 1017:
        f.present = LM_SAMR_F_ACCT_EXPIRES;
        f.acct_expires = ((const struct USER_INFO_1017 *)in)->usri1017_acct_expires;
        break;
    case 1018:
        code = fixed_value(c, ((const struct USER_INFO_1018 *)in)->usri1018_max_storage ==
                                  LM_USER_MAXSTORAGE_UNLIMITED,
                           LM_USER_MAX_STORAGE_PARMNUM,
                           "max_storage must be USER_MAXSTORAGE_UNLIMITED on "
                           "NT-based servers");
        break;
    case 1020: {
        const struct USER_INFO_1020 *u = in;
        f.present = LM_SAMR_F_LOGON_HOURS;
        f.units_per_week = u->usri1020_units_per_week;
        f.logon_hours = u->usri1020_logon_hours;
        break;
    }
    case 1023: {
        const char *s = ((const struct USER_INFO_1023 *)in)->usri1023_logon_server;
        code = fixed_value(c, s != NULL && strcmp(s, "\\\\*") == 0,
                           LM_USER_LOGON_SERVER_PARMNUM,
                           "logon_server must be \\\\* (any domain controller)");
        break;
    }
    case 1024:   /* libnetapi: 87 for country code 0 (an empty change) */
        f.present = LM_SAMR_F_COUNTRY_CODE;
        f.country_code = ((const struct USER_INFO_1024 *)in)->usri1024_country_code;
        break;
    case 1025:
        f.present = LM_SAMR_F_CODE_PAGE;
        f.code_page = ((const struct USER_INFO_1025 *)in)->usri1025_code_page;
        break;
    default:
        return 124;   /* ERROR_INVALID_LEVEL: calls_user.c lists no other */
    }
    if (code != 0) return code;
    if (u1.usri1_password != NULL) {
        struct USER_INFO_1003 p = {u1.usri1_password};
        code = as_nerr(NetUserSetInfo(c->server, c->name, 1003,
                                      (uint8_t *)&p, &c->parm_err));
        if (code != 0) return code;
    }
    if (f.present == 0) return 0;
    return lm_samr_user_set(c->server, c->creds, c->name, &f);
}

/* ---- passwords, groups, local groups ---- */

uint32_t lm_shim_NetUserChangePassword(lm_call *c) {
    return lm_samr_user_change_password(c->server, c->creds, c->name,
                                        c->name2, c->name3);
}

/* libnetapi's NetUserGetGroups ignores prefmaxlen; netapi32 returns what
** fits with ERROR_MORE_DATA and the total (the call has no resume handle):
** lm_shim_page cuts that first page. */
uint32_t lm_shim_NetUserGetGroups(lm_call *c) {
    uint32_t code = user_not_found(NetUserGetGroups(c->server, c->name,
                                                    c->level,
                                                    (uint8_t **)&c->buffer,
                                                    c->prefmaxlen, &c->read,
                                                    &c->total));
    if (code != 0) return code;
    c->resume = 0;
    return lm_shim_page(c);
}

uint32_t lm_shim_NetUserSetGroups(lm_call *c) {
    uint32_t code = NetUserSetGroups(c->server, c->name, c->level,
                                     (uint8_t *)c->input, c->input_count);
    if (code == 1332 || code == 1301) {   /* the user, or some group? */
        uint8_t *buf = NULL;
        code = NetUserGetInfo(c->server, c->name, 0, &buf) == 0 ? 2220 : 2221;
        if (buf != NULL) NetApiBufferFree(buf);
    }
    return code;
}

uint32_t lm_shim_NetUserGetLocalGroups(lm_call *c) {
    uint32_t code = lm_samr_user_local_groups(c->server, c->creds, c->name,
                                              c->filter & 1, &c->buffer,
                                              &c->read);
    if (code != 0) return code;
    c->resume = 0;
    return lm_shim_page(c);   /* what fits in prefmaxlen, as netapi32 */
}

/* ---- modals, display information ---- */

uint32_t lm_shim_NetUserModalsGet(lm_call *c) {
    return NetUserModalsGet(c->server, c->level, (uint8_t **)&c->buffer);
}

uint32_t lm_shim_NetUserModalsSet(lm_call *c) {
    return NetUserModalsSet(c->server, c->level, (uint8_t *)c->input,
                            &c->parm_err);
}

uint32_t lm_shim_NetQueryDisplayInformation(lm_call *c) {
    uint32_t code = NetQueryDisplayInformation(c->server, c->level, c->resume,
                                               c->number, c->prefmaxlen,
                                               &c->read, &c->buffer);
    /* libnetapi hands the SAMR ACB_* bits out as they come; netapi32's
    ** usri1_flags / usri2_flags are UF_* bits.  (Samba's DC itself
    ** answers acct_flags 0 for every user here, ACB_NORMAL for machines.) */
    if ((code == 0 || code == 234) && c->buffer != NULL && c->level != 3)
        for (uint32_t i = 0; i < c->read; i++) {
            uint32_t *flags =
                c->level == 1
                    ? &((struct NET_DISPLAY_USER *)c->buffer)[i].usri1_flags
                    : &((struct NET_DISPLAY_MACHINE *)c->buffer)[i].usri2_flags;
            *flags = lm_samr_acb_to_uf(*flags);
        }
    if (code != 234) return code;
    if (c->read == 0) return 0;   /* nothing came: never page for ever */
    /* The index to go on from is the last record's next_index. */
    uint32_t last = c->read - 1;
    switch (c->level) {
    case 1:
        c->resume = ((struct NET_DISPLAY_USER *)c->buffer)[last].usri1_next_index;
        break;
    case 2:
        c->resume = ((struct NET_DISPLAY_MACHINE *)c->buffer)[last].usri2_next_index;
        break;
    default:
        c->resume = ((struct NET_DISPLAY_GROUP *)c->buffer)[last].grpi3_next_index;
        break;
    }
    return code;
}
#endif /* !_WIN32 */
