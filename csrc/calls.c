/*
** calls.c -- what every NetApi call shares: the registry of call specs
** (the levels each function accepts, per family file calls_*.c), argument
** checks done before anything reaches a server, and running one lm_call
** through the context owner with the result wrapped in a buffer object.
** Platform neutral: the shim performs the call itself.
*/
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Every family's spec table; a new family file adds one row. */
static const struct {
    const lm_call_spec *specs;
    const size_t *count;
} families[] = {
    {lm_calls_server, &lm_calls_server_count},
    {lm_calls_user, &lm_calls_user_count},
    {lm_calls_share, &lm_calls_share_count},
    {lm_calls_group, &lm_calls_group_count},
    {lm_calls_localgroup, &lm_calls_localgroup_count},
    {lm_calls_domain, &lm_calls_domain_count},
    {lm_calls_network, &lm_calls_network_count},
};

static const lm_call_spec *find_spec(const char *function) {
    if (function == NULL) return NULL;   /* None / nil from a script
                                         ** (test_fuzzlike.py: SIGSEGV) */
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
        for (size_t i = 0; i < *families[f].count; i++)
            if (strcmp(families[f].specs[i].function, function) == 0)
                return &families[f].specs[i];
    return NULL;
}

size_t lanman_call_levels(const char *function, uint32_t *levels,
                          size_t max) {
    const lm_call_spec *s = find_spec(function);
    if (s == NULL) return 0;
    for (size_t i = 0; i < s->nlevels && i < max; i++) levels[i] = s->levels[i];
    return s->nlevels;
}

const char *lanman_call_family(const char *function) {
    const lm_call_spec *s = find_spec(function);
    return s && s->nlevels ? s->family : NULL;
}

/* Characters in UTF-8 text of len bytes, or -1 if it is not valid UTF-8
** (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF)
** or holds a NUL. */
long lm_utf8_length(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    long n = 0;
    while (p < end) {
        unsigned char c = *p++;
        int extra;
        unsigned char lo = 0x80, hi = 0xBF;   /* range of the 2nd byte */
        if (c == 0) return -1;
        if (c < 0x80) extra = 0;
        else if (c >= 0xC2 && c <= 0xDF) extra = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0) lo = 0xA0;          /* overlong */
            if (c == 0xED) hi = 0x9F;          /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0) lo = 0x90;          /* overlong */
            if (c == 0xF4) hi = 0x8F;          /* above U+10FFFF */
        } else {
            return -1;
        }
        for (int i = 0; i < extra; i++, p++) {
            if (p >= end) return -1;
            if (i == 0 ? (*p < lo || *p > hi) : (*p & 0xC0) != 0x80) return -1;
        }
        n++;
    }
    return n;
}

lanman_status lm_check_name(const char *function, const char *argument,
                            const char *value, long max, lanman_error *err) {
    if (value == NULL || *value == '\0')
        return lm_err_arg(err, function, argument, "must not be empty");
    long n = lm_utf8_length(value, strlen(value));
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
    lanman_status st = lm_check_name(function, "server", s, LM_MAX_SERVER,
                                     err);
    if (st != LANMAN_OK) return st;
    if (strpbrk(s, "\\/ ") != NULL)
        return lm_err_arg(err, function, "server",
                          "'%s' is not a host name or address", s);
    *server = s;
    return LANMAN_OK;
}

/* Finds the descriptor of a level the function accepts. */
static lanman_status check_level(const lm_call_spec *s, uint32_t level,
                                 const lanman_level **out,
                                 lanman_error *err) {
    for (size_t i = 0; i < s->nlevels; i++) {
        if (s->levels[i] == level) {
            *out = lanman_level_find(s->family, level);
            if (*out != NULL) return LANMAN_OK;
        }
    }
    char list[160] = "";
    for (size_t i = 0; i < s->nlevels; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%lu", i ? ", " : "",
                 (unsigned long)s->levels[i]);
    }
    return lm_err_arg(err, s->function, "level",
                      "%lu is not supported (supported: %s)",
                      (unsigned long)level, list);
}

lanman_status lm_call_begin(const char *function, const char *server,
                            uint32_t level, lm_call *c,
                            const lanman_level **lvl, lanman_buffer **out,
                            lanman_error *err) {
    if (out != NULL) *out = NULL;
    *lvl = NULL;
    memset(c, 0, sizeof *c);
    const lm_call_spec *s = find_spec(function);
    c->function = s->function;   /* static storage, unlike the argument */
    c->level = level;
    lanman_status st = check_server(function, &server, err);
    if (st != LANMAN_OK) return st;
    c->server = server;
    if (s->nlevels == 0) return LANMAN_OK;   /* the call takes no level */
    return check_level(s, level, lvl, err);
}

lanman_status lm_call_input(lm_call *c, const char *argument,
                            const lanman_input *in, const char *family,
                            lanman_error *err) {
    if (in == NULL)
        return lm_err_arg(err, c->function, argument, "is missing");
    const lanman_level *l = lanman_input_level(in);
    if (strcmp(l->family, family) != 0 || l->level != c->level)
        return lm_err_arg(err, c->function, argument,
                          "holds %s records, level %lu needs %s_%lu",
                          l->struct_name, (unsigned long)c->level, family,
                          (unsigned long)c->level);
    lanman_status st = lanman_input_check(in, err);
    if (st != LANMAN_OK) return st;
    c->input = lm_input_records(in);
    c->input_count = lanman_input_count(in);
    return LANMAN_OK;
}

lanman_status lm_call_run(const lanman_creds *creds, lm_shim_fn fn, lm_call *c,
                          const lanman_level *lvl, int is_enum,
                          lanman_buffer **out, lanman_error *err) {
    c->desc = lvl;
    c->is_enum = is_enum;
    lanman_status st = lm_context_call(creds, fn, c, err);
    if (st != LANMAN_OK || out == NULL) return st;
    *out = lm_buffer_wrap(c->buffer, c->read, lvl);
    if (*out == NULL)
        return lm_err_netapi(err, c->function, c->server, 8, NULL);
    return LANMAN_OK;
}

void lm_call_paged(const lm_call *c, uint32_t *total, uint32_t *resume) {
    *total = c->total;
    *resume = c->more ? c->resume : 0;   /* 0 means: that was the last page */
}
