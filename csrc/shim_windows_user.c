/*
** shim_windows_user.c -- the user account calls on netapi32 (see
** calls_user.c for the checks before).
*/
#ifdef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetUserEnum(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0, resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER : NetUserEnum(w.server, c->level, c->filter,
                                    (LPBYTE *)&c->buffer, c->prefmaxlen,
                                    &read, &total, &resume);
    c->read = read;
    c->total = total;
    c->resume = resume;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetUserGetInfo(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER : NetUserGetInfo(w.server, w.name, c->level,
                                       (LPBYTE *)&c->buffer);
    lm_win_args_free(&w);
    return st;
}
#endif /* _WIN32 */
