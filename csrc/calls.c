/*
** calls.c -- the NetApi calls as the core exports them: argument checks
** (before anything reaches a server), the level each function accepts,
** then one lm_call through the context owner, and the result wrapped in a
** buffer object.  Platform neutral: the shim performs the call itself.
*/
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Longest names Windows accepts (lmcons.h), counted in characters. */
#define LM_MAX_SERVER 255    /* a DNS name; NetBIOS names are shorter */
#define LM_UNLEN 256         /* user names */
#define LM_NNLEN 80          /* share names */

typedef struct call_spec {
    const char *function;
    const char *family;       /* level table family */
    uint32_t levels[16];      /* levels the platform answers */
    size_t nlevels;           /* entries used in levels */
} call_spec;

static const call_spec specs[] = {
    {"NetServerGetInfo", "SERVER_INFO", {100, 101, 102}, 3},
    {"NetWkstaGetInfo", "WKSTA_INFO", {100, 101, 102}, 3},
    {"NetUserEnum", "USER_INFO", {0, 1, 2, 3, 10, 11, 20, 23}, 8},
    {"NetUserGetInfo", "USER_INFO", {0, 1, 2, 3, 4, 10, 11, 20, 23}, 9},
    {"NetShareEnum", "SHARE_INFO", {0, 1, 2, 501, 502}, 5},
    {"NetShareGetInfo", "SHARE_INFO", {0, 1, 2, 501, 502}, 5},
};

static const call_spec *find_spec(const char *function) {
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++)
        if (strcmp(specs[i].function, function) == 0) return &specs[i];
    return NULL;
}

size_t lanman_call_levels(const char *function, uint32_t *levels,
                          size_t max) {
    const call_spec *s = find_spec(function);
    if (s == NULL) return 0;
    for (size_t i = 0; i < s->nlevels && i < max; i++) levels[i] = s->levels[i];
    return s->nlevels;
}

/* Characters in a UTF-8 string, or -1 if it is not valid UTF-8. */
static long utf8_length(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    long n = 0;
    while (*p) {
        int extra;
        if (*p < 0x80) extra = 0;
        else if ((*p & 0xE0) == 0xC0 && *p >= 0xC2) extra = 1;
        else if ((*p & 0xF0) == 0xE0) extra = 2;
        else if ((*p & 0xF8) == 0xF0 && *p <= 0xF4) extra = 3;
        else return -1;
        p++;
        for (int i = 0; i < extra; i++, p++)
            if ((*p & 0xC0) != 0x80) return -1;
        n++;
    }
    return n;
}

/* Checks a name argument: present, valid UTF-8, at most max characters. */
static lanman_status check_name(const char *function, const char *argument,
                                const char *value, long max,
                                lanman_error *err) {
    if (value == NULL || *value == '\0')
        return lm_err_arg(err, function, argument, "must not be empty");
    long n = utf8_length(value);
    if (n < 0) return lm_err_arg(err, function, argument, "is not valid UTF-8");
    if (n > max)
        return lm_err_arg(err, function, argument,
                          "is %ld characters long, at most %ld allowed", n,
                          max);
    return LANMAN_OK;
}

/* Normalizes the server argument: NULL or "" is the local machine, a
** leading "\\" is dropped (pywin32 scripts write r"\\host"). */
static lanman_status check_server(const char *function, const char **server,
                                  lanman_error *err) {
    const char *s = *server;
    if (s != NULL && s[0] == '\\' && s[1] == '\\') s += 2;
    if (s == NULL || *s == '\0') {
        *server = NULL;
        return LANMAN_OK;
    }
    lanman_status st = check_name(function, "server", s, LM_MAX_SERVER, err);
    if (st != LANMAN_OK) return st;
    if (strpbrk(s, "\\/ ") != NULL)
        return lm_err_arg(err, function, "server",
                          "'%s' is not a host name or address", s);
    *server = s;
    return LANMAN_OK;
}

/* Finds the descriptor of a level the function accepts. */
static lanman_status check_level(const call_spec *s, uint32_t level,
                                 const lanman_level **out,
                                 lanman_error *err) {
    for (size_t i = 0; i < s->nlevels; i++) {
        if (s->levels[i] == level) {
            *out = lanman_level_find(s->family, level);
            if (*out != NULL) return LANMAN_OK;
        }
    }
    char list[96] = "";
    for (size_t i = 0; i < s->nlevels; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%lu", i ? ", " : "",
                 (unsigned long)s->levels[i]);
    }
    return lm_err_arg(err, s->function, "level",
                      "%lu is not supported (supported: %s)",
                      (unsigned long)level, list);
}

/* Common start of every call: spec, server and level checked. */
static lanman_status begin(const char *function, const char *server,
                           uint32_t level, lm_call *c,
                           const lanman_level **lvl, lanman_buffer **out,
                           lanman_error *err) {
    *out = NULL;
    memset(c, 0, sizeof *c);
    const call_spec *s = find_spec(function);
    c->function = s->function;
    c->level = level;
    lanman_status st = check_server(function, &server, err);
    if (st != LANMAN_OK) return st;
    c->server = server;
    return check_level(s, level, lvl, err);
}

/* Common end: runs the call and wraps what came back. */
static lanman_status run(const lanman_creds *creds, lm_shim_fn fn, lm_call *c,
                         const lanman_level *lvl, int is_enum,
                         lanman_buffer **out, lanman_error *err) {
    c->desc = lvl;
    c->is_enum = is_enum;
    lanman_status st = lm_context_call(creds, fn, c, err);
    if (st != LANMAN_OK) return st;
    *out = lm_buffer_wrap(c->buffer, c->read, lvl);
    if (*out == NULL)
        return lm_err_netapi(err, c->function, c->server, 8, NULL);
    return LANMAN_OK;
}

lanman_status lanman_NetServerGetInfo(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      lanman_buffer **out, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = begin("NetServerGetInfo", server, level, &c, &lvl, out,
                             err);
    if (st != LANMAN_OK) return st;
    return run(creds, lm_shim_NetServerGetInfo, &c, lvl, 0, out, err);
}

lanman_status lanman_NetWkstaGetInfo(const lanman_creds *creds,
                                     const char *server, uint32_t level,
                                     lanman_buffer **out, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = begin("NetWkstaGetInfo", server, level, &c, &lvl, out,
                             err);
    if (st != LANMAN_OK) return st;
    return run(creds, lm_shim_NetWkstaGetInfo, &c, lvl, 0, out, err);
}

lanman_status lanman_NetUserEnum(const lanman_creds *creds, const char *server,
                                 uint32_t level, uint32_t filter,
                                 uint32_t prefmaxlen, lanman_buffer **out,
                                 uint32_t *total, uint32_t *resume,
                                 lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = begin("NetUserEnum", server, level, &c, &lvl, out, err);
    if (st != LANMAN_OK) return st;
    c.filter = filter;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    st = run(creds, lm_shim_NetUserEnum, &c, lvl, 1, out, err);
    if (st != LANMAN_OK) return st;
    *total = c.total;
    *resume = c.more ? c.resume : 0;   /* 0 means: that was the last page */
    return LANMAN_OK;
}

lanman_status lanman_NetUserGetInfo(const lanman_creds *creds,
                                    const char *server, const char *username,
                                    uint32_t level, lanman_buffer **out,
                                    lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = begin("NetUserGetInfo", server, level, &c, &lvl, out,
                             err);
    if (st != LANMAN_OK) return st;
    st = check_name("NetUserGetInfo", "username", username, LM_UNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = username;
    return run(creds, lm_shim_NetUserGetInfo, &c, lvl, 0, out, err);
}

lanman_status lanman_NetShareEnum(const lanman_creds *creds,
                                  const char *server, uint32_t level,
                                  uint32_t prefmaxlen, lanman_buffer **out,
                                  uint32_t *total, uint32_t *resume,
                                  lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = begin("NetShareEnum", server, level, &c, &lvl, out,
                             err);
    if (st != LANMAN_OK) return st;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    st = run(creds, lm_shim_NetShareEnum, &c, lvl, 1, out, err);
    if (st != LANMAN_OK) return st;
    *total = c.total;
    *resume = c.more ? c.resume : 0;   /* 0 means: that was the last page */
    return LANMAN_OK;
}

lanman_status lanman_NetShareGetInfo(const lanman_creds *creds,
                                     const char *server, const char *netname,
                                     uint32_t level, lanman_buffer **out,
                                     lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = begin("NetShareGetInfo", server, level, &c, &lvl, out,
                             err);
    if (st != LANMAN_OK) return st;
    st = check_name("NetShareGetInfo", "netname", netname, LM_NNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = netname;
    return run(creds, lm_shim_NetShareGetInfo, &c, lvl, 0, out, err);
}
