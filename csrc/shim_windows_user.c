/*
** shim_windows_user.c -- the user account calls on netapi32 (see
** calls_user.c for the checks before).
*/
#ifdef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetUserEnum(lm_call *c) {
    lm_arena *a = NULL;
    int bad = 0;
    DWORD read = 0, total = 0, resume = c->resume;
    wchar_t *server = lm_win_wide(c->server, &a, &bad);
    uint32_t st = bad ? ERROR_INVALID_PARAMETER
                      : NetUserEnum(server, c->level, c->filter,
                                    (LPBYTE *)&c->buffer, c->prefmaxlen, &read,
                                    &total, &resume);
    c->read = read;
    c->total = total;
    c->resume = resume;
    lm_arena_free(&a);
    return st;
}

uint32_t lm_shim_NetUserGetInfo(lm_call *c) {
    lm_arena *a = NULL;
    int bad = 0;
    wchar_t *server = lm_win_wide(c->server, &a, &bad);
    wchar_t *name = lm_win_wide(c->name, &a, &bad);
    uint32_t st = bad ? ERROR_INVALID_PARAMETER
                      : NetUserGetInfo(server, name, c->level,
                                       (LPBYTE *)&c->buffer);
    lm_arena_free(&a);
    return st;
}
#endif /* _WIN32 */
