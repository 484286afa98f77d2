/*
** shim_samba.c -- the platform shim over Samba's libnetapi (Linux, BSD,
** macOS).  The only file that calls libnetapi; strings are UTF-8 here.
**
** libnetapi's buffers are talloc chunks, but the strings inside a record
** are siblings on the libnetapi context, not children of the buffer
** (libnetapi's converters talloc them on the context).  So a buffer is
** only valid while the context lives, and NetApiBufferFree leaves the
** strings behind.  lm_shim_adopt() therefore copies every result into one
** self-contained block from NetApiBufferAllocate -- the shape netapi32
** returns on Windows -- and frees libnetapi's original at once.
*/
#ifndef _WIN32
#define _GNU_SOURCE   /* open_memstream */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <talloc.h>

#include "internal.h"
#include "platform.h"
#include "shim_samba_secdesc.h"

/* ---- capturing libnetapi's stdout ---- */

/* What libnetapi prints ("session setup failed: NT_STATUS_...") goes to
** stdout through Samba's d_printf(), which remembers the first stdout it
** sees in a static variable and writes there for ever.  So stdout is
** pointed, for every libnetapi call, at one memory stream that lives as
** long as the process: opened on first use, never closed, rewound before
** each call.  The script's own output stays clean and the text can go into
** the error.  This is the shim's only process-wide state; the context lock
** the caller holds guards it like every libnetapi call. */
static struct {
    FILE *stream;   /* open_memstream; never closed (d_printf keeps it) */
    char *text;     /* its buffer, NUL-terminated at the position */
    size_t len;
} capture;

/* Points stdout at the capture stream; returns the stdout to restore. */
static FILE *capture_begin(void) {
    FILE *saved = stdout;
    fflush(stdout);
    if (capture.stream == NULL)
        capture.stream = open_memstream(&capture.text, &capture.len);
    if (capture.stream != NULL) {
        fseeko(capture.stream, 0, SEEK_SET);
        stdout = capture.stream;
    }
    return saved;
}

/* Restores stdout; returns what was printed since capture_begin ("" if
** nothing), valid until the next capture. */
static const char *capture_end(FILE *saved) {
    stdout = saved;
    if (capture.stream == NULL) return "";
    fflush(capture.stream);   /* text[position] is '\0' afterwards */
    return ftello(capture.stream) > 0 && capture.text ? capture.text : "";
}

/* ---- context ---- */

/* Samba's libraries log even at level 0 ("Failed to bind to uuid ...")
** and, as libnetapi_init() sets it up, to stderr -- where libnetapi's own
** libnetapi_set_logfile() cannot move it (Samba only ever raises the log
** type, and stderr ranks above a file).  A script gets its errors as codes
** and messages instead, so the log goes to a callback that drops it, or
** appends it to the file LANMAN_SAMBA_LOG names when debugging.  Samba's
** debug_set_callback() is not in its public headers and its symbol is
** versioned per Samba build, so it is looked up at run time; without it
** the log stays where Samba puts it. */
static void samba_log(void *unused, int level, const char *msg) {
    (void)unused, (void)level;
    const char *path = getenv("LANMAN_SAMBA_LOG");
    FILE *f = path && *path ? fopen(path, "a") : NULL;
    if (f != NULL) {
        fputs(msg, f);
        fclose(f);
    }
}

static void quiet_samba_log(void) {
    void (*set_callback)(void *, void (*)(void *, int, const char *));
    *(void **)&set_callback = dlsym(RTLD_DEFAULT, "debug_set_callback");
    if (set_callback != NULL) set_callback(NULL, samba_log);
}

uint32_t lm_shim_context_new(void **ctx) {
    struct libnetapi_ctx *c = NULL;
    FILE *saved = capture_begin();   /* whatever it prints, see capture */
    NET_API_STATUS st = libnetapi_init(&c);
    capture_end(saved);
    if (st != 0) return st;
    libnetapi_set_debuglevel(c, "0");
    quiet_samba_log();
    *ctx = c;
    return 0;
}

void lm_shim_context_free(void *ctx) {
    /* libnetapi keeps the password it was given (its cli_credentials'
    ** talloc copy) and frees it unwiped: wipe it first, in place. */
    const char *pw = NULL;
    if (libnetapi_get_password(ctx, &pw) == 0 && pw != NULL)
        lm_wipe((char *)pw, strlen(pw));
    FILE *saved = capture_begin();
    libnetapi_free(ctx);
    capture_end(saved);
}

/* Always sets a user and a password, "" for anonymous: with no password
** libnetapi prompts on the terminal. */
uint32_t lm_shim_context_creds(void *ctx, const lanman_creds *c) {
    struct libnetapi_ctx *x = ctx;
    NET_API_STATUS st = libnetapi_set_username(x, c ? lanman_creds_user(c) : "");
    if (st == 0) st = libnetapi_set_password(x, c ? lm_creds_password(c) : "");
    if (st == 0 && c && *lanman_creds_domain(c))
        st = libnetapi_set_workgroup(x, lanman_creds_domain(c));
    if (st == 0 && c && lanman_creds_kerberos(c))
        st = libnetapi_set_use_kerberos(x);
    return st;
}

uint64_t lm_shim_context_memory(void *ctx) { return talloc_total_size(ctx); }

/* ---- calls ---- */

/* libnetapi reports a failed session setup as 1003 with the NT status
** printed on stdout; the printed status tells a logon failure apart. */
static const struct {
    const char *nt_status;
    uint32_t code;
} session_failures[] = {
    {"NT_STATUS_LOGON_FAILURE", 1326},        /* ERROR_LOGON_FAILURE */
    {"NT_STATUS_WRONG_PASSWORD", 1326},
    {"NT_STATUS_NO_SUCH_USER", 1326},
    {"NT_STATUS_ACCOUNT_DISABLED", 1331},     /* ERROR_ACCOUNT_DISABLED */
    {"NT_STATUS_ACCOUNT_LOCKED_OUT", 1909},   /* ERROR_ACCOUNT_LOCKED_OUT */
    {"NT_STATUS_PASSWORD_EXPIRED", 1330},     /* ERROR_PASSWORD_EXPIRED */
    {"NT_STATUS_ACCOUNT_EXPIRED", 1793},      /* ERROR_ACCOUNT_EXPIRED */
    {"NT_STATUS_PASSWORD_MUST_CHANGE", 1907}, /* ERROR_PASSWORD_MUST_CHANGE */
    {"NT_STATUS_INVALID_WORKSTATION", 1329},  /* ERROR_INVALID_WORKSTATION */
    {"NT_STATUS_INVALID_LOGON_HOURS", 1328},  /* ERROR_INVALID_LOGON_HOURS */
    {"NT_STATUS_ACCOUNT_RESTRICTION", 1327},  /* ERROR_ACCOUNT_RESTRICTION */
    {"NT_STATUS_CONNECTION_REFUSED", 1225},   /* ERROR_CONNECTION_REFUSED */
    {"NT_STATUS_HOST_UNREACHABLE", 1232},     /* ERROR_HOST_UNREACHABLE */
    {"NT_STATUS_NETWORK_UNREACHABLE", 1231},  /* ERROR_NETWORK_UNREACHABLE */
    {"NT_STATUS_IO_TIMEOUT", 121},            /* ERROR_SEM_TIMEOUT */
};

/* Keeps the first line of what libnetapi printed, trimmed. */
static void keep_first_line(const char *text, char *detail, size_t size) {
    size_t n = strcspn(text, "\r\n");
    if (n >= size) n = size - 1;
    memcpy(detail, text, n);
    detail[n] = '\0';
}

uint32_t lm_shim_invoke(void *ctx, lm_shim_fn fn, lm_call *c, char *detail,
                        size_t detail_size) {
    /* libnetapi finds its process-wide context itself */
    FILE *saved = capture_begin();
    uint32_t code = fn(c);
    const char *text = capture_end(saved);
    keep_first_line(text, detail, detail_size);
    /* A connection that failed without a word on stdout (refused,
    ** unreachable) is 1003 ERROR_CAN_NOT_COMPLETE; libnetapi's error
    ** string says what it was doing ("Failed to connect to IPC$ share on
    ** ...").  It keeps the first such text, but the core drops the
    ** context after a 1003, so it is this call's. */
    if (code == 1003 && detail[0] == '\0') {
        const char *why = libnetapi_get_error_string(ctx, code);
        if (why != NULL && strstr(why, "onnect") != NULL)
            keep_first_line(why, detail, detail_size);
    }
    if (code != 0 && code != 234) {
        for (size_t i = 0;
             i < sizeof session_failures / sizeof session_failures[0]; i++)
            if (strstr(text, session_failures[i].nt_status)) {
                code = session_failures[i].code;
                break;
            }
    }
    return code;
}

/* ---- adopting results: one self-contained block ---- */

#define ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

/* Does field type t hold a pointer the copy must carry? */
static int is_pointer(lanman_type t) {
    return t == LANMAN_T_STR || t == LANMAN_T_SID || t == LANMAN_T_HOURS ||
           t == LANMAN_T_SECDESC || t == LANMAN_T_BYTES;
}

/* Bytes the pointed-to data of pointer field f in record rec needs in the
** copy. */
static size_t pointee_size(const lanman_field *f, const char *rec) {
    const void *p;
    memcpy(&p, rec + f->offset, sizeof p);
    if (p == NULL) return 0;
    switch (f->type) {
    case LANMAN_T_STR:
        return strlen(p) + 1;
    case LANMAN_T_SID:
        return sizeof(struct domsid);
    case LANMAN_T_HOURS: {
        uint32_t units;
        memcpy(&units, rec + f->aux, sizeof units);
        return units > 10080u ? 1260u : (units + 7u) / 8u;
    }
    case LANMAN_T_SECDESC:   /* a 32-bit length, then self-relative bytes */
        return 4 + lm_samba_secdesc_size(p);
    case LANMAN_T_BYTES:
        return f->aux;
    default:
        return 0;
    }
}

/* libnetapi converts an account that never expires (NTTIME
** 0x7FFFFFFFFFFFFFFF) to Unix time and truncates it to 32 bits, giving
** 159663333; netapi32 reports TIMEQ_FOREVER, and scripts test for that. */
#define LM_LIBNETAPI_NEVER 159663333u

/* Times libnetapi (and the fast enumeration, which converts alike) gets
** wrong, put right in place in `count` records:
**   acct_expires  159663333 (never, truncated) -> TIMEQ_FOREVER;
**   password_age  "now - last set" of a password set this second can come
**                 out as -1 (the server's time rounds up), 4294967295 in
**                 32 bits: an age is never negative, so 0. */
static void fix_times(const lanman_level *lvl, char *records, uint32_t count) {
    for (size_t f = 0; f < lvl->nfields; f++) {
        int expires = strcmp(lvl->fields[f].name, "acct_expires") == 0;
        int age = strcmp(lvl->fields[f].name, "password_age") == 0;
        if (!expires && !age) continue;
        for (uint32_t i = 0; i < count; i++) {
            char *at = records + (size_t)i * lvl->struct_size +
                       lvl->fields[f].offset;
            uint32_t v, was;
            memcpy(&v, at, sizeof v);
            was = v;
            if (expires && v == LM_LIBNETAPI_NEVER) v = TIMEQ_FOREVER;
            if (age && v >= 0x80000000u) v = 0;
            if (v != was) memcpy(at, &v, sizeof v);
        }
    }
}

uint32_t lm_shim_adopt(lm_call *c) {
    const lanman_level *lvl = c->desc;
    char *src = c->buffer;
    uint32_t count = c->is_enum ? c->read : (src != NULL);
    c->read = count;
    if (src == NULL) return 0;
    if (count == 0) {   /* an empty page (NetQueryDisplayInformation past
                        ** the end): no block of 0 bytes, no records */
        NetApiBufferFree(src);
        c->buffer = NULL;
        return 0;
    }

    size_t size = ALIGN8((size_t)count * lvl->struct_size);
    for (uint32_t i = 0; i < count; i++)
        for (size_t f = 0; f < lvl->nfields; f++)
            if (is_pointer(lvl->fields[f].type))
                size += ALIGN8(pointee_size(&lvl->fields[f],
                                            src + (size_t)i * lvl->struct_size));

    void *block = NULL;
    uint32_t code = size > UINT32_MAX ? 8 :
                    NetApiBufferAllocate((uint32_t)size, &block);
    if (code == 0 && block == NULL) code = 8;
    if (code != 0) {
        NetApiBufferFree(src);
        c->buffer = NULL;
        return code;
    }
    memcpy(block, src, (size_t)count * lvl->struct_size);
    fix_times(lvl, block, count);
    char *heap = (char *)block + ALIGN8((size_t)count * lvl->struct_size);
    for (uint32_t i = 0; i < count; i++) {
        char *rec = (char *)block + (size_t)i * lvl->struct_size;
        for (size_t f = 0; f < lvl->nfields; f++) {
            const lanman_field *fd = &lvl->fields[f];
            if (!is_pointer(fd->type)) continue;
            const void *p;
            memcpy(&p, rec + fd->offset, sizeof p);
            if (fd->type == LANMAN_T_SECDESC) {
                /* libnetapi's struct security_descriptor is a tree of
                ** talloc'd parts: the copy holds its self-relative bytes
                ** behind their 32-bit length (lm_shim_read_secdesc). */
                size_t n = pointee_size(fd, rec);
                if (n == 0) continue;
                uint32_t sdlen = (uint32_t)(n - 4);
                memcpy(heap, &sdlen, sizeof sdlen);
                lm_samba_secdesc_write(p, (uint8_t *)heap + 4);
                memcpy(rec + fd->offset, &heap, sizeof heap);
                heap += ALIGN8(n);
                continue;
            }
            size_t n = pointee_size(fd, rec);
            if (n == 0) continue;
            memcpy(heap, p, n);
            memcpy(rec + fd->offset, &heap, sizeof heap);
            heap += ALIGN8(n);
        }
    }
    NetApiBufferFree(src);
    c->buffer = block;
    return 0;
}

/* ---- buffers ---- */

uint32_t lm_shim_buffer_free(void *data) { return NetApiBufferFree(data); }

uint32_t lm_shim_buffer_alloc(uint32_t size, void **data) {
    *data = NULL;
    return NetApiBufferAllocate(size, data);
}

/* Every buffer the core hands out is one talloc chunk (see lm_shim_adopt),
** so its talloc size is the whole buffer, as NetApiBufferSize reports. */
uint32_t lm_shim_buffer_size(const void *data, uint32_t *size) {
    size_t n = talloc_get_size(data);
    *size = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
    return 0;
}

uint32_t lm_shim_buffer_realloc(void *data, uint32_t size, void **out) {
    void *p = talloc_realloc_size(talloc_parent(data), data, size ? size : 1);
    if (p == NULL) return 8;   /* ERROR_NOT_ENOUGH_MEMORY; data unchanged */
    *out = p;
    return 0;
}

/* ---- reading platform values ---- */

void lm_shim_read_str(const void *p, lanman_value *v) {
    const char *s;
    memcpy(&s, p, sizeof s);
    v->is_null = s == NULL;
    v->str = s;
    v->len = s ? strlen(s) : 0;
}

/* In an adopted buffer a descriptor is a 32-bit length and that many
** self-relative bytes (see lm_shim_adopt). */
void lm_shim_read_secdesc(const void *p, lanman_value *v) {
    const uint8_t *blob;
    memcpy(&blob, p, sizeof blob);
    v->is_null = blob == NULL;
    if (blob == NULL) return;
    uint32_t len;
    memcpy(&len, blob, sizeof len);
    v->bytes = blob + sizeof len;
    v->len = len;
}

/* ---- writing platform values (input records) ---- */

const char *lm_shim_write_str(void *at, const char *utf8, size_t len,
                              lm_arena **arena) {
    char *copy = lm_arena_alloc(arena, len + 1);   /* zeroed: terminated */
    if (copy == NULL) return "out of memory";
    memcpy(copy, utf8, len);
    memcpy(at, &copy, sizeof copy);
    return NULL;
}

/* libnetapi takes a struct security_descriptor: the bytes are parsed
** into one, allocated from the input's arena (shim_samba_secdesc.c). */
const char *lm_shim_write_secdesc(void *at, const void *bytes, size_t len,
                                  lm_arena **arena) {
    void *sd = NULL;
    const char *why = lm_samba_secdesc_parse(bytes, len, arena, &sd);
    if (why == NULL) memcpy(at, &sd, sizeof sd);
    return why;
}
#endif /* !_WIN32 */
