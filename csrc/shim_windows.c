/*
** shim_windows.c -- the platform shim over Windows' netapi32: UTF-8 above,
** UTF-16 (LPWSTR) below, converted here both ways.
**
** netapi32 keeps no context of its own and returns each result as one
** self-contained block, so adopting a result is only counting its
** records.  Credentials: netapi32 uses the logged-on user; explicit
** credentials are applied per server as an IPC$ connection
** (WNetAddConnection2W), which every later NetApi call to that server
** then uses.
*/
#ifdef _WIN32
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "platform.h"

#define LM_WIN_MAX_SERVERS 32

/* The "context": the credentials to apply and the servers they were
** applied to.  Owned by context.c through lm_shim_context_new/free. */
typedef struct lm_win_ctx {
    lanman_creds *creds;                       /* owned copy; NULL: logon */
    char *servers[LM_WIN_MAX_SERVERS];         /* owned; IPC$ connected */
    int nservers;
} lm_win_ctx;

wchar_t *lm_win_wide(const char *utf8, struct lm_arena **arena, int *bad) {
    if (utf8 == NULL) return NULL;
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, utf8, -1, NULL, 0);
    wchar_t *w = n > 0 ? lm_arena_alloc(arena, (size_t)n * sizeof *w) : NULL;
    if (w == NULL ||
        MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, utf8, -1, w, n) != n) {
        *bad = 1;
        return NULL;
    }
    return w;
}

void lm_win_args_init(lm_win_args *w, const lm_call *c) {
    w->arena = NULL;
    w->bad = 0;
    w->server = lm_win_wide(c->server, &w->arena, &w->bad);
    w->name = lm_win_wide(c->name, &w->arena, &w->bad);
    w->name2 = lm_win_wide(c->name2, &w->arena, &w->bad);
    w->name3 = lm_win_wide(c->name3, &w->arena, &w->bad);
}

void lm_win_args_free(lm_win_args *w) { lm_arena_free(&w->arena); }

uint32_t lm_shim_context_new(void **ctx) {
    lm_win_ctx *x = calloc(1, sizeof *x);
    if (x == NULL) return ERROR_NOT_ENOUGH_MEMORY;
    *ctx = x;
    return 0;
}

void lm_shim_context_free(void *ctx) {
    lm_win_ctx *x = ctx;
    for (int i = 0; i < x->nservers; i++) {
        lm_arena *a = NULL;
        int bad = 0;
        char unc[300];
        snprintf(unc, sizeof unc, "\\\\%s\\IPC$", x->servers[i]);
        wchar_t *w = lm_win_wide(unc, &a, &bad);
        if (w) WNetCancelConnection2W(w, 0, TRUE);
        lm_arena_free(&a);
        free(x->servers[i]);
    }
    lanman_creds_free(x->creds);
    free(x);
}

uint32_t lm_shim_context_creds(void *ctx, const lanman_creds *c) {
    lm_win_ctx *x = ctx;
    if (c == NULL || *lanman_creds_user(c) == '\0') return 0;   /* logon */
    x->creds = lm_creds_copy(c);
    return x->creds ? 0 : ERROR_NOT_ENOUGH_MEMORY;
}

uint64_t lm_shim_context_memory(void *ctx) {
    (void)ctx;
    return 0;   /* netapi32 keeps nothing per call */
}

/* Connects IPC$ on server with the context's credentials, once. */
static uint32_t apply_creds(lm_win_ctx *x, const char *server) {
    if (x->creds == NULL || server == NULL) return 0;
    for (int i = 0; i < x->nservers; i++)
        if (strcmp(x->servers[i], server) == 0) return 0;
    char unc[300], user[600];
    snprintf(unc, sizeof unc, "\\\\%s\\IPC$", server);
    const char *domain = lanman_creds_domain(x->creds);
    snprintf(user, sizeof user, "%s%s%s", domain, *domain ? "\\" : "",
             lanman_creds_user(x->creds));
    lm_arena *a = NULL;
    int bad = 0;
    NETRESOURCEW res;
    memset(&res, 0, sizeof res);
    res.dwType = RESOURCETYPE_ANY;
    res.lpRemoteName = lm_win_wide(unc, &a, &bad);
    wchar_t *wuser = lm_win_wide(user, &a, &bad);
    wchar_t *wpass = lm_win_wide(lm_creds_password(x->creds), &a, &bad);
    DWORD st = bad ? ERROR_INVALID_PARAMETER
                   : WNetAddConnection2W(&res, wpass, wuser, 0);
    lm_arena_free(&a);   /* wipes the password copy */
    if (st != NO_ERROR && st != ERROR_SESSION_CREDENTIAL_CONFLICT) return st;
    if (x->nservers < LM_WIN_MAX_SERVERS) {
        x->servers[x->nservers] = malloc(strlen(server) + 1);
        if (x->servers[x->nservers]) strcpy(x->servers[x->nservers++], server);
    }
    return 0;
}

uint32_t lm_shim_invoke(void *ctx, lm_shim_fn fn, lm_call *c, char *detail,
                        size_t detail_size) {
    if (detail_size) detail[0] = '\0';
    uint32_t code = apply_creds(ctx, c->server);
    return code != 0 ? code : fn(c);
}

uint32_t lm_shim_adopt(lm_call *c) {
    c->read = c->is_enum ? c->read : (c->buffer != NULL);
    return 0;   /* netapi32's results are self-contained already */
}

/* ---- buffers: netapi32 has all four ---- */

uint32_t lm_shim_buffer_free(void *data) { return NetApiBufferFree(data); }

uint32_t lm_shim_buffer_alloc(uint32_t size, void **data) {
    *data = NULL;
    return NetApiBufferAllocate(size, data);
}

uint32_t lm_shim_buffer_size(const void *data, uint32_t *size) {
    DWORD n = 0;
    NET_API_STATUS st = NetApiBufferSize((LPVOID)data, &n);
    *size = n;
    return st;
}

uint32_t lm_shim_buffer_realloc(void *data, uint32_t size, void **out) {
    return NetApiBufferReallocate(data, size, out);
}

/* ---- values ---- */

void lm_shim_read_str(const void *p, lanman_value *v) {
    const wchar_t *w;
    memcpy(&w, p, sizeof w);
    v->is_null = w == NULL;
    if (w == NULL) return;
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    char *s = n > 0 ? malloc((size_t)n) : NULL;
    if (s == NULL || WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL) != n) {
        free(s);
        v->is_null = 1;
        return;
    }
    v->owned = s;   /* freed by lanman_value_clear */
    v->str = s;
    v->len = (size_t)n - 1;
}

void lm_shim_read_secdesc(const void *p, lanman_value *v) {
    PSECURITY_DESCRIPTOR sd;
    memcpy(&sd, p, sizeof sd);
    v->is_null = sd == NULL || !IsValidSecurityDescriptor(sd);
    if (v->is_null) return;
    v->bytes = sd;
    v->len = GetSecurityDescriptorLength(sd);
}

const char *lm_shim_write_str(void *at, const char *utf8, size_t len,
                              lm_arena **arena) {
    (void)len;   /* utf8 is NUL-terminated and checked by input.c */
    int bad = 0;
    wchar_t *w = lm_win_wide(utf8, arena, &bad);
    if (bad) return "is not valid UTF-8";
    memcpy(at, &w, sizeof w);
    return NULL;
}

const char *lm_shim_write_secdesc(void *at, const void *bytes, size_t len,
                                  lm_arena **arena) {
    void *copy = lm_arena_alloc(arena, len);
    if (copy == NULL) return "out of memory";
    memcpy(copy, bytes, len);
    if (!IsValidSecurityDescriptor(copy) ||
        GetSecurityDescriptorLength(copy) > len)
        return "is not a self-relative security descriptor";
    memcpy(at, &copy, sizeof copy);
    return NULL;
}
#endif /* _WIN32 */
