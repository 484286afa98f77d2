/*
** error.c -- NET_API_STATUS codes: symbolic names, messages, and the
** helpers that fill a lanman_error.  The table itself is data
** (error_table.inc, sorted by code).
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

typedef struct lm_error_row {
    uint32_t code;
    const char *name;
    const char *message;
} lm_error_row;

static const lm_error_row error_rows[] = {
#define LM_ERROR(code, name, message) {(code), #name, message},
#include "error_table.inc"
#undef LM_ERROR
};

#define NROWS (sizeof(error_rows) / sizeof(error_rows[0]))

static const lm_error_row *find_row(uint32_t code) {
    size_t lo = 0, hi = NROWS;
    while (lo < hi) {              /* binary search: rows sorted by code */
        size_t mid = lo + (hi - lo) / 2;
        if (error_rows[mid].code == code) return &error_rows[mid];
        if (error_rows[mid].code < code) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const char *lanman_error_name(uint32_t code, char *buf, size_t size) {
    const lm_error_row *r = find_row(code);
    if (r) return r->name;
    snprintf(buf, size, "UNKNOWN_%lu", (unsigned long)code);
    return buf;
}

const char *lanman_error_message(uint32_t code) {
    const lm_error_row *r = find_row(code);
    return r ? r->message : "Unknown NetApi status code.";
}

int lanman_error_code(const char *name, uint32_t *code) {
    for (size_t i = 0; i < NROWS; i++) {
        if (strcmp(error_rows[i].name, name) == 0) {
            *code = error_rows[i].code;
            return 0;
        }
    }
    return -1;
}

size_t lanman_error_count(void) { return NROWS; }

int lanman_error_at(size_t i, uint32_t *code, const char **name,
                    const char **message) {
    if (i >= NROWS) return -1;
    *code = error_rows[i].code;
    *name = error_rows[i].name;
    *message = error_rows[i].message;
    return 0;
}

/* Bounded copy that always terminates; NULL src copies "". */
void lm_copy(char *dst, size_t size, const char *src) {
    if (size == 0) return;
    if (src == NULL) src = "";
    size_t n = strlen(src);
    if (n >= size) n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void reset(lanman_error *err, int kind, const char *function) {
    memset(err, 0, sizeof *err);
    err->kind = kind;
    lm_copy(err->function, sizeof err->function, function);
}

/* An argument or field error: "<where>: <label> '<name>'<sep><why>". */
static lanman_status bad_input(lanman_error *err, int kind, const char *where,
                               const char *label, const char *name,
                               const char *sep, const char *fmt, va_list ap) {
    char why[400];
    vsnprintf(why, sizeof why, fmt, ap);
    reset(err, kind, where);
    lm_copy(err->argument, sizeof err->argument, name);
    snprintf(err->message, sizeof err->message, "%s: %s '%s'%s%s", where,
             label, name, sep, why);
    return kind;
}

lanman_status lm_err_arg(lanman_error *err, const char *function,
                         const char *argument, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    lanman_status st = bad_input(err, LANMAN_E_ARG, function, "argument",
                                 argument, ": ", fmt, ap);
    va_end(ap);
    return st;
}

lanman_status lm_err_field(lanman_error *err, int kind, const char *struct_name,
                           const char *field, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    lanman_status st = bad_input(err, kind, struct_name, "field", field, " ",
                                 fmt, ap);
    va_end(ap);
    return st;
}

lanman_status lm_err_netapi(lanman_error *err, const char *function,
                            const char *server, uint32_t code,
                            const char *detail) {
    reset(err, LANMAN_E_NETAPI, function);
    err->code = code;
    lm_copy(err->server, sizeof err->server, server);
    const char *name = lanman_error_name(code, err->name, sizeof err->name);
    if (name != err->name) lm_copy(err->name, sizeof err->name, name);
    snprintf(err->message, sizeof err->message, "%s on %s failed: %lu %s: %s%s%s",
             function, server && *server ? server : "the local machine",
             (unsigned long)code, err->name, lanman_error_message(code),
             detail && *detail ? " " : "", detail ? detail : "");
    return LANMAN_E_NETAPI;
}

lanman_status lm_err_freed(lanman_error *err, const char *function) {
    reset(err, LANMAN_E_FREED, function);
    snprintf(err->message, sizeof err->message,
             "%s: the buffer was already freed", function);
    return LANMAN_E_FREED;
}
