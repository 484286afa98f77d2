/*
** calls_server.c -- the server, workstation and time calls: the levels each accepts and its
** argument checks; the shim (shim_samba_server.c) performs them.
*/
#include "internal.h"

const lm_call_spec lm_calls_server[] = {
    {"NetServerGetInfo", "SERVER_INFO", {100, 101, 102}, 3},
    {"NetWkstaGetInfo", "WKSTA_INFO", {100, 101, 102}, 3},
};
const size_t lm_calls_server_count =
    sizeof lm_calls_server / sizeof lm_calls_server[0];

lanman_status lanman_NetServerGetInfo(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      lanman_buffer **out, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetServerGetInfo", server, level, &c, &lvl, out,
                             err);
    if (st != LANMAN_OK) return st;
    return lm_call_run(creds, lm_shim_NetServerGetInfo, &c, lvl, 0, out, err);
}

lanman_status lanman_NetWkstaGetInfo(const lanman_creds *creds,
                                     const char *server, uint32_t level,
                                     lanman_buffer **out, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetWkstaGetInfo", server, level, &c, &lvl, out,
                             err);
    if (st != LANMAN_OK) return st;
    return lm_call_run(creds, lm_shim_NetWkstaGetInfo, &c, lvl, 0, out, err);
}
