/*
** calls_share.c -- the share and open-file calls: the levels each accepts
** and its argument checks; the shim (shim_samba_share.c) performs them.
*/
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Levels as Windows accepts them for each call (lmshare.h), where lanman
** has a table row; what libnetapi refuses answers ERROR_NOT_SUPPORTED or
** ERROR_INVALID_LEVEL from the shim (see shim_samba_share.c). */
const lm_call_spec lm_calls_share[] = {
    {"NetShareEnum", "SHARE_INFO", {0, 1, 2, 501, 502}, 5},
    {"NetShareGetInfo", "SHARE_INFO", {0, 1, 2, 501, 502, 1005}, 6},
    {"NetShareAdd", "SHARE_INFO", {2, 502}, 2},
    {"NetShareDel", "SHARE_INFO", {0}, 0},
    {"NetShareSetInfo", "SHARE_INFO", {1, 2, 502, 1004, 1005, 1006, 1501}, 7},
    {"NetFileEnum", "FILE_INFO", {2, 3}, 2},
    {"NetFileGetInfo", "FILE_INFO", {2, 3}, 2},
    {"NetFileClose", "FILE_INFO", {0}, 0},
};
const size_t lm_calls_share_count =
    sizeof lm_calls_share / sizeof lm_calls_share[0];

/* Longest path lanman passes as NetFileEnum's base path (characters). */
#define LM_PATHLEN 1024

/* The SHARE_*_PARMNUM values of lmshare.h: what parm_err names when the
** server rejects a field of NetShareAdd / NetShareSetInfo. */
static const struct {
    uint32_t parmnum;
    const char *field;
} share_parms[] = {
    {1, "netname"}, {3, "type"}, {4, "remark"}, {5, "permissions"},
    {6, "max_uses"}, {7, "current_uses"}, {8, "path"}, {9, "passwd"},
    {501, "security_descriptor"}, {1004, "remark"}, {1005, "flags"},
    {1006, "max_uses"},
};

/* Appends the field the server rejected (parm_err) to a failed call's
** message. */
static lanman_status name_parm(lanman_status st, const lm_call *c,
                               lanman_error *err) {
    if (st != LANMAN_E_NETAPI || c->parm_err == 0) return st;
    const char *field = NULL;
    for (size_t i = 0; i < sizeof share_parms / sizeof share_parms[0]; i++)
        if (share_parms[i].parmnum == c->parm_err) field = share_parms[i].field;
    size_t used = strlen(err->message);
    snprintf(err->message + used, sizeof err->message - used,
             " (parm_err %lu: field '%s')", (unsigned long)c->parm_err,
             field ? field : "unknown");
    return st;
}

/* A share name argument. */
static lanman_status check_netname(const char *function, const char *netname,
                                   lanman_error *err) {
    return lm_check_name(function, "netname", netname, LM_NNLEN, err);
}

lanman_status lanman_NetShareEnum(const lanman_creds *creds,
                                  const char *server, uint32_t level,
                                  uint32_t prefmaxlen, lanman_buffer **out,
                                  uint32_t *total, uint32_t *resume,
                                  lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetShareEnum", server, level, &c, &lvl,
                                     out, err);
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
    lanman_status st = lm_call_begin("NetShareGetInfo", server, level, &c,
                                     &lvl, out, err);
    if (st != LANMAN_OK) return st;
    st = check_netname("NetShareGetInfo", netname, err);
    if (st != LANMAN_OK) return st;
    c.name = netname;
    return lm_call_run(creds, lm_shim_NetShareGetInfo, &c, lvl, 0, out, err);
}

lanman_status lanman_NetShareAdd(const lanman_creds *creds, const char *server,
                                 uint32_t level, const lanman_input *data,
                                 lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetShareAdd", server, level, &c, &lvl,
                                     NULL, err);
    if (st != LANMAN_OK) return st;
    st = lm_call_input(&c, "data", data, "SHARE_INFO", err);
    if (st != LANMAN_OK) return st;
    if (c.input_count != 1)
        return lm_err_arg(err, "NetShareAdd", "data", "holds %lu records, "
                          "give one", (unsigned long)c.input_count);
    st = lm_call_run(creds, lm_shim_NetShareAdd, &c, lvl, 0, NULL, err);
    return name_parm(st, &c, err);
}

lanman_status lanman_NetShareDel(const lanman_creds *creds, const char *server,
                                 const char *netname, uint32_t reserved,
                                 lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetShareDel", server, 0, &c, &lvl, NULL,
                                     err);
    if (st != LANMAN_OK) return st;
    st = check_netname("NetShareDel", netname, err);
    if (st != LANMAN_OK) return st;
    c.name = netname;
    c.number = reserved;
    return lm_call_run(creds, lm_shim_NetShareDel, &c, NULL, 0, NULL, err);
}

lanman_status lanman_NetShareSetInfo(const lanman_creds *creds,
                                     const char *server, const char *netname,
                                     uint32_t level, const lanman_input *data,
                                     lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetShareSetInfo", server, level, &c,
                                     &lvl, NULL, err);
    if (st != LANMAN_OK) return st;
    st = check_netname("NetShareSetInfo", netname, err);
    if (st != LANMAN_OK) return st;
    st = lm_call_input(&c, "data", data, "SHARE_INFO", err);
    if (st != LANMAN_OK) return st;
    if (c.input_count != 1)
        return lm_err_arg(err, "NetShareSetInfo", "data", "holds %lu records, "
                          "give one", (unsigned long)c.input_count);
    c.name = netname;
    st = lm_call_run(creds, lm_shim_NetShareSetInfo, &c, lvl, 0, NULL, err);
    return name_parm(st, &c, err);
}

/* An optional name argument: NULL (or "") means any. */
static lanman_status check_optional(const char *function, const char *argument,
                                    const char **value, long max,
                                    lanman_error *err) {
    if (*value == NULL || **value == '\0') {
        *value = NULL;
        return LANMAN_OK;
    }
    return lm_check_name(function, argument, *value, max, err);
}

lanman_status lanman_NetFileEnum(const lanman_creds *creds, const char *server,
                                 const char *basepath, const char *username,
                                 uint32_t level, uint32_t prefmaxlen,
                                 lanman_buffer **out, uint32_t *total,
                                 uint32_t *resume, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetFileEnum", server, level, &c, &lvl,
                                     out, err);
    if (st == LANMAN_OK)
        st = check_optional("NetFileEnum", "basepath", &basepath, LM_PATHLEN,
                            err);
    if (st == LANMAN_OK)
        st = check_optional("NetFileEnum", "username", &username, LM_UNLEN,
                            err);
    if (st != LANMAN_OK) return st;
    c.name = basepath;
    c.name2 = username;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    st = lm_call_run(creds, lm_shim_NetFileEnum, &c, lvl, 1, out, err);
    if (st != LANMAN_OK) return st;
    lm_call_paged(&c, total, resume);
    return LANMAN_OK;
}

lanman_status lanman_NetFileGetInfo(const lanman_creds *creds,
                                    const char *server, uint32_t fileid,
                                    uint32_t level, lanman_buffer **out,
                                    lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetFileGetInfo", server, level, &c, &lvl,
                                     out, err);
    if (st != LANMAN_OK) return st;
    c.number = fileid;
    return lm_call_run(creds, lm_shim_NetFileGetInfo, &c, lvl, 0, out, err);
}

lanman_status lanman_NetFileClose(const lanman_creds *creds,
                                  const char *server, uint32_t fileid,
                                  lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetFileClose", server, 0, &c, &lvl, NULL,
                                     err);
    if (st != LANMAN_OK) return st;
    c.number = fileid;
    return lm_call_run(creds, lm_shim_NetFileClose, &c, NULL, 0, NULL, err);
}
