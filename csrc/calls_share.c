/*
** calls_share.c -- the share and open-file calls: the levels each accepts and its
** argument checks; the shim (shim_samba_share.c) performs them.
*/
#include "internal.h"

const lm_call_spec lm_calls_share[] = {
    {"NetShareEnum", "SHARE_INFO", {0, 1, 2, 501, 502}, 5},
    {"NetShareGetInfo", "SHARE_INFO", {0, 1, 2, 501, 502}, 5},
};
const size_t lm_calls_share_count =
    sizeof lm_calls_share / sizeof lm_calls_share[0];

lanman_status lanman_NetShareEnum(const lanman_creds *creds,
                                  const char *server, uint32_t level,
                                  uint32_t prefmaxlen, lanman_buffer **out,
                                  uint32_t *total, uint32_t *resume,
                                  lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetShareEnum", server, level, &c, &lvl, out,
                             err);
    if (st != LANMAN_OK) return st;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    st = lm_call_run(creds, lm_shim_NetShareEnum, &c, lvl, 1, out, err);
    if (st != LANMAN_OK) return st;
    lm_call_paged(&c, total, resume);
    return LANMAN_OK;
}

lanman_status lanman_NetShareGetInfo(const lanman_creds *creds,
                                     const char *server, const char *netname,
                                     uint32_t level, lanman_buffer **out,
                                     lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetShareGetInfo", server, level, &c, &lvl, out,
                             err);
    if (st != LANMAN_OK) return st;
    st = lm_check_name("NetShareGetInfo", "netname", netname, LM_NNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = netname;
    return lm_call_run(creds, lm_shim_NetShareGetInfo, &c, lvl, 0, out, err);
}
