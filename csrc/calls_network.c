/*
** calls_network.c -- the calls only Windows' netapi32 has (sessions,
** connections, the browse list, logged-on users, disks): their levels and
** argument checks.  Where the platform lacks them (Samba's libnetapi has
** none) each fails after the same checks as any call with
** ERROR_NOT_SUPPORTED and a message naming the function and the platform,
** without contacting anything; elsewhere the shim performs them
** (shim_windows_network.c).
*/
#include <stdio.h>
#include <string.h>

#include "internal.h"

const lm_call_spec lm_calls_network[] = {
    {"NetSessionEnum", "SESSION_INFO", {0, 1, 2, 10, 502}, 5},
    {"NetSessionDel", "", {0}, 0},
    {"NetServerEnum", "SERVER_INFO", {100, 101}, 2},
    {"NetWkstaUserEnum", "WKSTA_USER_INFO", {0, 1, 1101}, 3},
    {"NetConnectionEnum", "CONNECTION_INFO", {0, 1}, 2},
    {"NetServerDiskEnum", "DISK_INFO", {0}, 1},
};
const size_t lm_calls_network_count =
    sizeof lm_calls_network / sizeof lm_calls_network[0];

/* A computer name as a client or qualifier argument ("\\\\host" or a share
** name): at most a server name's length. */
#define LM_QUALIFIERLEN 255

/* An optional name: NULL or "" means none (NULL); else as lm_check_name. */
static lanman_status opt_name(const char *function, const char *argument,
                              const char **value, long max,
                              lanman_error *err) {
    if (*value == NULL || **value == '\0') {
        *value = NULL;
        return LANMAN_OK;
    }
    return lm_check_name(function, argument, *value, max, err);
}

/* Runs c (checked) unless the platform lacks the family. */
static lanman_status run(const lanman_creds *creds, lm_shim_fn fn, lm_call *c,
                         const lanman_level *lvl, int is_enum,
                         lanman_buffer **out, uint32_t *total,
                         uint32_t *resume, lanman_error *err) {
    const char *missing = lm_shim_network_missing();
    if (missing != NULL) {
        char detail[160];
        snprintf(detail, sizeof detail, "(%s is %s)", c->function, missing);
        return lm_err_netapi(err, c->function, c->server, 50, detail);
    }
    lanman_status st = lm_call_run(creds, fn, c, lvl, is_enum, out, err);
    if (st == LANMAN_OK && total != NULL) lm_call_paged(c, total, resume);
    return st;
}

lanman_status lanman_NetSessionEnum(const lanman_creds *creds,
                                    const char *server, const char *client,
                                    const char *username, uint32_t level,
                                    uint32_t prefmaxlen, lanman_buffer **out,
                                    uint32_t *total, uint32_t *resume,
                                    lanman_error *err) {
    const char *fn = "NetSessionEnum";
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, server, level, &c, &lvl, out, err);
    if (st == LANMAN_OK)
        st = opt_name(fn, "client", &client, LM_QUALIFIERLEN, err);
    if (st == LANMAN_OK) st = opt_name(fn, "username", &username, LM_UNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = client;
    c.name2 = username;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    return run(creds, lm_shim_NetSessionEnum, &c, lvl, 1, out, total, resume,
               err);
}

lanman_status lanman_NetSessionDel(const lanman_creds *creds,
                                   const char *server, const char *client,
                                   const char *username, lanman_error *err) {
    const char *fn = "NetSessionDel";
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, server, 0, &c, &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = opt_name(fn, "client", &client, LM_QUALIFIERLEN, err);
    if (st == LANMAN_OK) st = opt_name(fn, "username", &username, LM_UNLEN, err);
    if (st != LANMAN_OK) return st;
    if (client == NULL && username == NULL)
        return lm_err_arg(err, fn, "client",
                          "and username must not both be empty");
    c.name = client;
    c.name2 = username;
    return run(creds, lm_shim_NetSessionDel, &c, NULL, 0, NULL, NULL, NULL,
               err);
}

lanman_status lanman_NetServerEnum(const lanman_creds *creds,
                                   const char *server, uint32_t level,
                                   uint32_t prefmaxlen, uint32_t servertype,
                                   const char *domain, lanman_buffer **out,
                                   uint32_t *total, uint32_t *resume,
                                   lanman_error *err) {
    const char *fn = "NetServerEnum";
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, server, level, &c, &lvl, out, err);
    if (st == LANMAN_OK) st = opt_name(fn, "domain", &domain, LM_MAX_SERVER, err);
    if (st != LANMAN_OK) return st;
    c.name = domain;
    c.filter = servertype;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    return run(creds, lm_shim_NetServerEnum, &c, lvl, 1, out, total, resume,
               err);
}

lanman_status lanman_NetWkstaUserEnum(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      uint32_t prefmaxlen, lanman_buffer **out,
                                      uint32_t *total, uint32_t *resume,
                                      lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetWkstaUserEnum", server, level, &c,
                                     &lvl, out, err);
    if (st != LANMAN_OK) return st;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    return run(creds, lm_shim_NetWkstaUserEnum, &c, lvl, 1, out, total, resume,
               err);
}

lanman_status lanman_NetConnectionEnum(const lanman_creds *creds,
                                       const char *server,
                                       const char *qualifier, uint32_t level,
                                       uint32_t prefmaxlen,
                                       lanman_buffer **out, uint32_t *total,
                                       uint32_t *resume, lanman_error *err) {
    const char *fn = "NetConnectionEnum";
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, server, level, &c, &lvl, out, err);
    if (st == LANMAN_OK)
        st = lm_check_name(fn, "qualifier", qualifier, LM_QUALIFIERLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = qualifier;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    return run(creds, lm_shim_NetConnectionEnum, &c, lvl, 1, out, total,
               resume, err);
}

lanman_status lanman_NetServerDiskEnum(const lanman_creds *creds,
                                       const char *server, uint32_t level,
                                       uint32_t prefmaxlen,
                                       lanman_buffer **out, uint32_t *total,
                                       uint32_t *resume, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetServerDiskEnum", server, level, &c,
                                     &lvl, out, err);
    if (st != LANMAN_OK) return st;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    return run(creds, lm_shim_NetServerDiskEnum, &c, lvl, 1, out, total,
               resume, err);
}
