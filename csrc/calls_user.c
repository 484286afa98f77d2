/*
** calls_user.c -- the user account calls: the levels each accepts and its
** argument checks; the shim (shim_samba_user.c) performs them.
*/
#include "internal.h"

const lm_call_spec lm_calls_user[] = {
    {"NetUserEnum", "USER_INFO", {0, 1, 2, 3, 10, 11, 20, 23}, 8},
    {"NetUserGetInfo", "USER_INFO", {0, 1, 2, 3, 4, 10, 11, 20, 23}, 9},
};
const size_t lm_calls_user_count =
    sizeof lm_calls_user / sizeof lm_calls_user[0];

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
    st = lm_check_name("NetUserGetInfo", "username", username, LM_UNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = username;
    return lm_call_run(creds, lm_shim_NetUserGetInfo, &c, lvl, 0, out, err);
}
