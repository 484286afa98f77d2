/*
** calls_server.c -- the server, workstation and time calls: the levels
** each accepts and its argument checks; the shim (shim_samba_server.c)
** performs them.
*/
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Levels as Windows accepts them for each call (lmserver.h, lmwksta.h),
** where lanman has a table row.  libnetapi decodes SERVER_INFO 100-599 and
** 1005 and sets only 1005; a Samba server answers 100-102 only. */
const lm_call_spec lm_calls_server[] = {
    {"NetServerGetInfo", "SERVER_INFO",
     {100, 101, 102, 402, 403, 502, 503, 599, 1005}, 9},
    {"NetServerSetInfo", "SERVER_INFO",
     {101, 102, 402, 403, 502, 503, 599, 1005, 1010, 1016, 1017, 1018, 1107},
     13},
    {"NetWkstaGetInfo", "WKSTA_INFO", {100, 101, 102}, 3},
    {"NetRemoteTOD", "TIME_OF_DAY_INFO", {0}, 0},
};
const size_t lm_calls_server_count =
    sizeof lm_calls_server / sizeof lm_calls_server[0];

/* The SV_*_PARMNUM values of lmserver.h: what parm_err names when the
** server rejects a field of NetServerSetInfo. */
static const struct {
    uint32_t parmnum;
    const char *field;
} server_parms[] = {
    {5, "comment"}, {10, "disc"}, {16, "hidden"}, {17, "announce"},
    {18, "anndelta"}, {101, "platform_id"}, {102, "name"},
    {103, "version_major"}, {104, "version_minor"}, {105, "type"},
    {107, "users"}, {112, "userpath"},
};

static lanman_status name_parm(lanman_status st, const lm_call *c,
                               lanman_error *err) {
    if (st != LANMAN_E_NETAPI || c->parm_err == 0) return st;
    const char *field = NULL;
    for (size_t i = 0; i < sizeof server_parms / sizeof server_parms[0]; i++)
        if (server_parms[i].parmnum == c->parm_err)
            field = server_parms[i].field;
    size_t used = strlen(err->message);
    snprintf(err->message + used, sizeof err->message - used,
             " (parm_err %lu: field '%s')", (unsigned long)c->parm_err,
             field ? field : "unknown");
    return st;
}

lanman_status lanman_NetServerGetInfo(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      lanman_buffer **out, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetServerGetInfo", server, level, &c,
                                     &lvl, out, err);
    if (st != LANMAN_OK) return st;
    return lm_call_run(creds, lm_shim_NetServerGetInfo, &c, lvl, 0, out, err);
}

lanman_status lanman_NetServerSetInfo(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      const lanman_input *data,
                                      lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetServerSetInfo", server, level, &c,
                                     &lvl, NULL, err);
    if (st != LANMAN_OK) return st;
    st = lm_call_input(&c, "data", data, "SERVER_INFO", err);
    if (st != LANMAN_OK) return st;
    if (c.input_count != 1)
        return lm_err_arg(err, "NetServerSetInfo", "data", "holds %lu "
                          "records, give one", (unsigned long)c.input_count);
    st = lm_call_run(creds, lm_shim_NetServerSetInfo, &c, lvl, 0, NULL, err);
    return name_parm(st, &c, err);
}

lanman_status lanman_NetWkstaGetInfo(const lanman_creds *creds,
                                     const char *server, uint32_t level,
                                     lanman_buffer **out, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetWkstaGetInfo", server, level, &c,
                                     &lvl, out, err);
    if (st != LANMAN_OK) return st;
    return lm_call_run(creds, lm_shim_NetWkstaGetInfo, &c, lvl, 0, out, err);
}

/* The call takes no level; its one record decodes as TIME_OF_DAY_INFO
** "level 0". */
lanman_status lanman_NetRemoteTOD(const lanman_creds *creds,
                                  const char *server, lanman_buffer **out,
                                  lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetRemoteTOD", server, 0, &c, &lvl, out,
                                     err);
    if (st != LANMAN_OK) return st;
    lvl = lanman_level_find("TIME_OF_DAY_INFO", 0);
    return lm_call_run(creds, lm_shim_NetRemoteTOD, &c, lvl, 0, out, err);
}
