/*
** calls_user.c -- the user account calls: the levels each accepts and its
** argument checks; the shim (shim_samba_user.c) performs them.
*/
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Levels as Windows accepts them for each call (lmaccess.h), where lanman
** has a table row.  What libnetapi cannot do the Samba shim does over
** SAMR itself (samr_user.c). */
const lm_call_spec lm_calls_user[] = {
    {"NetUserEnum", "USER_INFO", {0, 1, 2, 3, 10, 11, 20, 23}, 8},
    {"NetUserGetInfo", "USER_INFO", {0, 1, 2, 3, 4, 10, 11, 20, 23}, 9},
    {"NetUserAdd", "USER_INFO", {1, 2, 3, 4}, 4},
    {"NetUserDel", "USER_INFO", {0}, 0},
    {"NetUserSetInfo", "USER_INFO",
     {0, 1, 2, 3, 4, 21, 22, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011,
      1012, 1013, 1014, 1017, 1018, 1020, 1023, 1024, 1025, 1051, 1052, 1053},
     27},
    {"NetUserChangePassword", "USER_INFO", {0}, 0},
    {"NetUserGetGroups", "GROUP_USERS_INFO", {0, 1}, 2},
    {"NetUserSetGroups", "GROUP_USERS_INFO", {0, 1}, 2},
    {"NetUserGetLocalGroups", "LOCALGROUP_USERS_INFO", {0}, 1},
    {"NetUserModalsGet", "USER_MODALS_INFO", {0, 1, 2, 3}, 4},
    {"NetUserModalsSet", "USER_MODALS_INFO",
     {0, 1, 2, 3, 1001, 1002, 1003, 1004, 1005, 1006, 1007}, 11},
    {"NetQueryDisplayInformation", "NET_DISPLAY", {1, 2, 3}, 3},
};
const size_t lm_calls_user_count =
    sizeof lm_calls_user / sizeof lm_calls_user[0];

/* LG_INCLUDE_INDIRECT (lmaccess.h). */
#define LM_LG_INCLUDE_INDIRECT 1u

/* Appends the field the server rejected (parm_err) to a failed call's
** message.  The parmnums of lmaccess.h are the one-field levels less
** 1000 (USER_PRIV_PARMNUM 5 is USER_INFO_1005's priv, and so on for
** MODALS_*_PARMNUM and USER_MODALS_INFO_10xx), so the level table names
** them. */
static lanman_status name_parm(lanman_status st, const lm_call *c,
                               const char *family, lanman_error *err) {
    if (st != LANMAN_E_NETAPI || c->parm_err == 0) return st;
    const lanman_level *one = lanman_level_find(family, 1000 + c->parm_err);
    const char *field = c->parm_err == 1 && strcmp(family, "USER_INFO") == 0
                            ? "name"
                            : one ? one->fields[one->nfields - 1].name : NULL;
    size_t used = strlen(err->message);
    snprintf(err->message + used, sizeof err->message - used,
             " (parm_err %lu: field '%s')", (unsigned long)c->parm_err,
             field ? field : "unknown");
    return st;
}

static lanman_status check_username(const char *function, const char *username,
                                    lanman_error *err) {
    return lm_check_name(function, "username", username, LM_UNLEN, err);
}

lanman_status lanman_NetUserEnum(const lanman_creds *creds, const char *server,
                                 uint32_t level, uint32_t filter,
                                 uint32_t prefmaxlen, lanman_buffer **out,
                                 uint32_t *total, uint32_t *resume,
                                 lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetUserEnum", server, level, &c, &lvl, out, err);
    if (st != LANMAN_OK) return st;
    c.filter = filter;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    st = lm_call_run(creds, lm_shim_NetUserEnum, &c, lvl, 1, out, err);
    if (st != LANMAN_OK) return st;
    lm_call_paged(&c, total, resume);
    return LANMAN_OK;
}

lanman_status lanman_NetUserGetInfo(const lanman_creds *creds,
                                    const char *server, const char *username,
                                    uint32_t level, lanman_buffer **out,
                                    lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetUserGetInfo", server, level, &c, &lvl, out,
                             err);
    if (st != LANMAN_OK) return st;
    st = check_username("NetUserGetInfo", username, err);
    if (st != LANMAN_OK) return st;
    c.name = username;
    return lm_call_run(creds, lm_shim_NetUserGetInfo, &c, lvl, 0, out, err);
}

lanman_status lanman_NetUserAdd(const lanman_creds *creds, const char *server,
                                uint32_t level, const lanman_input *data,
                                lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetUserAdd", server, level, &c, &lvl,
                                     NULL, err);
    if (st == LANMAN_OK) st = lm_call_input(&c, "data", data, "USER_INFO", err);
    if (st != LANMAN_OK) return st;
    st = lm_call_run(creds, lm_shim_NetUserAdd, &c, lvl, 0, NULL, err);
    return name_parm(st, &c, "USER_INFO", err);
}

lanman_status lanman_NetUserDel(const lanman_creds *creds, const char *server,
                                const char *username, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetUserDel", server, 0, &c, &lvl, NULL,
                                     err);
    if (st == LANMAN_OK) st = check_username("NetUserDel", username, err);
    if (st != LANMAN_OK) return st;
    c.name = username;
    return lm_call_run(creds, lm_shim_NetUserDel, &c, NULL, 0, NULL, err);
}

lanman_status lanman_NetUserSetInfo(const lanman_creds *creds,
                                    const char *server, const char *username,
                                    uint32_t level, const lanman_input *data,
                                    lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetUserSetInfo", server, level, &c, &lvl,
                                     NULL, err);
    if (st == LANMAN_OK) st = check_username("NetUserSetInfo", username, err);
    if (st == LANMAN_OK) st = lm_call_input(&c, "data", data, "USER_INFO", err);
    if (st != LANMAN_OK) return st;
    c.name = username;
    st = lm_call_run(creds, lm_shim_NetUserSetInfo, &c, lvl, 0, NULL, err);
    return name_parm(st, &c, "USER_INFO", err);
}

/* A password argument: valid UTF-8 of at most LM_PWLEN characters; the
** message never shows it. */
static lanman_status check_password(const char *function, const char *argument,
                                    const char *value, lanman_error *err) {
    if (value == NULL)
        return lm_err_arg(err, function, argument, "must not be None/nil");
    long n = lm_utf8_length(value, strlen(value));
    if (n < 0)
        return lm_err_arg(err, function, argument,
                          "is not valid UTF-8 (or holds a NUL character)");
    if (n > LM_PWLEN)
        return lm_err_arg(err, function, argument,
                          "is longer than %d characters", LM_PWLEN);
    return LANMAN_OK;
}

lanman_status lanman_NetUserChangePassword(const lanman_creds *creds,
                                           const char *domainname,
                                           const char *username,
                                           const char *oldpassword,
                                           const char *newpassword,
                                           lanman_error *err) {
    const char *fn = "NetUserChangePassword";
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, domainname, 0, &c, &lvl, NULL, err);
    if (st == LANMAN_OK) st = check_username(fn, username, err);
    if (st == LANMAN_OK) st = check_password(fn, "oldpassword", oldpassword, err);
    if (st == LANMAN_OK) st = check_password(fn, "newpassword", newpassword, err);
    if (st != LANMAN_OK) return st;
    c.name = username;
    c.name2 = oldpassword;
    c.name3 = newpassword;
    return lm_call_run(creds, lm_shim_NetUserChangePassword, &c, NULL, 0, NULL,
                       err);
}

lanman_status lanman_NetUserGetGroups(const lanman_creds *creds,
                                      const char *server, const char *username,
                                      uint32_t level, uint32_t prefmaxlen,
                                      lanman_buffer **out, uint32_t *total,
                                      lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetUserGetGroups", server, level, &c,
                                     &lvl, out, err);
    if (st == LANMAN_OK) st = check_username("NetUserGetGroups", username, err);
    if (st != LANMAN_OK) return st;
    c.name = username;
    c.prefmaxlen = prefmaxlen;
    st = lm_call_run(creds, lm_shim_NetUserGetGroups, &c, lvl, 1, out, err);
    if (st == LANMAN_OK) *total = c.total > c.read ? c.total : c.read;
    return st;
}

lanman_status lanman_NetUserSetGroups(const lanman_creds *creds,
                                      const char *server, const char *username,
                                      uint32_t level, const lanman_input *groups,
                                      lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetUserSetGroups", server, level, &c,
                                     &lvl, NULL, err);
    if (st == LANMAN_OK) st = check_username("NetUserSetGroups", username, err);
    if (st == LANMAN_OK)
        st = lm_call_input(&c, "groups", groups, "GROUP_USERS_INFO", err);
    if (st != LANMAN_OK) return st;
    c.name = username;
    return lm_call_run(creds, lm_shim_NetUserSetGroups, &c, lvl, 0, NULL, err);
}

lanman_status lanman_NetUserGetLocalGroups(const lanman_creds *creds,
                                           const char *server,
                                           const char *username, uint32_t level,
                                           uint32_t flags, uint32_t prefmaxlen,
                                           lanman_buffer **out, uint32_t *total,
                                           lanman_error *err) {
    const char *fn = "NetUserGetLocalGroups";
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, server, level, &c, &lvl, out, err);
    if (st == LANMAN_OK) st = check_username(fn, username, err);
    if (st == LANMAN_OK && (flags & ~LM_LG_INCLUDE_INDIRECT) != 0)
        st = lm_err_arg(err, fn, "flags",
                        "0x%lx is not 0 or LG_INCLUDE_INDIRECT (1)",
                        (unsigned long)flags);
    if (st != LANMAN_OK) return st;
    c.name = username;
    c.filter = flags;
    c.prefmaxlen = prefmaxlen;
    st = lm_call_run(creds, lm_shim_NetUserGetLocalGroups, &c, lvl, 1, out,
                     err);
    if (st == LANMAN_OK) *total = c.total > c.read ? c.total : c.read;
    return st;
}

lanman_status lanman_NetUserModalsGet(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      lanman_buffer **out, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetUserModalsGet", server, level, &c,
                                     &lvl, out, err);
    if (st != LANMAN_OK) return st;
    return lm_call_run(creds, lm_shim_NetUserModalsGet, &c, lvl, 0, out, err);
}

lanman_status lanman_NetUserModalsSet(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      const lanman_input *data,
                                      lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetUserModalsSet", server, level, &c,
                                     &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = lm_call_input(&c, "data", data, "USER_MODALS_INFO", err);
    if (st != LANMAN_OK) return st;
    st = lm_call_run(creds, lm_shim_NetUserModalsSet, &c, lvl, 0, NULL, err);
    return name_parm(st, &c, "USER_MODALS_INFO", err);
}

lanman_status lanman_NetQueryDisplayInformation(const lanman_creds *creds,
                                                const char *server,
                                                uint32_t level,
                                                uint32_t entries,
                                                uint32_t prefmaxlen,
                                                lanman_buffer **out,
                                                uint32_t *resume,
                                                lanman_error *err) {
    const char *fn = "NetQueryDisplayInformation";
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, server, level, &c, &lvl, out, err);
    if (st == LANMAN_OK && entries == 0)
        st = lm_err_arg(err, fn, "entries", "must be at least 1");
    if (st != LANMAN_OK) return st;
    c.number = entries;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    st = lm_call_run(creds, lm_shim_NetQueryDisplayInformation, &c, lvl, 1,
                     out, err);
    if (st != LANMAN_OK) return st;
    uint32_t total;
    lm_call_paged(&c, &total, resume);
    return LANMAN_OK;
}
