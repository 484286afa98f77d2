/*
** shim_windows_share.c -- the share and open-file calls on netapi32 (see
** calls_share.c for the checks before).
*/
#ifdef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetShareEnum(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0, resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER : NetShareEnum(w.server, c->level, (LPBYTE *)&c->buffer,
                                     c->prefmaxlen, &read, &total, &resume);
    c->read = read;
    c->total = total;
    c->resume = resume;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetShareGetInfo(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER : NetShareGetInfo(w.server, w.name, c->level,
                                        (LPBYTE *)&c->buffer);
    lm_win_args_free(&w);
    return st;
}
#endif /* _WIN32 */
