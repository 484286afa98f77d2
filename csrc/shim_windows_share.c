/*
** shim_windows_share.c -- the share and open-file calls on netapi32 (see
** calls_share.c for the checks before).
*/
#ifdef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetShareEnum(lm_call *c) {
    lm_arena *a = NULL;
    int bad = 0;
    DWORD read = 0, total = 0, resume = c->resume;
    wchar_t *server = lm_win_wide(c->server, &a, &bad);
    uint32_t st = bad ? ERROR_INVALID_PARAMETER
                      : NetShareEnum(server, c->level, (LPBYTE *)&c->buffer,
                                     c->prefmaxlen, &read, &total, &resume);
    c->read = read;
    c->total = total;
    c->resume = resume;
    lm_arena_free(&a);
    return st;
}

uint32_t lm_shim_NetShareGetInfo(lm_call *c) {
    lm_arena *a = NULL;
    int bad = 0;
    wchar_t *server = lm_win_wide(c->server, &a, &bad);
    wchar_t *name = lm_win_wide(c->name, &a, &bad);
    uint32_t st = bad ? ERROR_INVALID_PARAMETER
                      : NetShareGetInfo(server, name, c->level,
                                        (LPBYTE *)&c->buffer);
    lm_arena_free(&a);
    return st;
}
#endif /* _WIN32 */
