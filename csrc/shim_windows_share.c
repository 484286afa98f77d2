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
uint32_t lm_shim_NetShareAdd(lm_call *c) {
    lm_win_args w;
    DWORD parm_err = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetShareAdd(w.server, c->level, (LPBYTE)c->input,
                                      &parm_err);
    c->parm_err = parm_err;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetShareDel(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetShareDel(w.server, w.name, c->number);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetShareSetInfo(lm_call *c) {
    lm_win_args w;
    DWORD parm_err = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetShareSetInfo(w.server, w.name, c->level,
                                          (LPBYTE)c->input, &parm_err);
    c->parm_err = parm_err;
    lm_win_args_free(&w);
    return st;
}

/* name: the base path, name2: the user name (NULL: any). */
uint32_t lm_shim_NetFileEnum(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0;
    DWORD_PTR resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetFileEnum(w.server, w.name, w.name2, c->level,
                                      (LPBYTE *)&c->buffer, c->prefmaxlen,
                                      &read, &total, &resume);
    c->read = read;
    c->total = total;
    c->resume = (uint32_t)resume;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetFileGetInfo(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetFileGetInfo(w.server, c->number, c->level,
                                         (LPBYTE *)&c->buffer);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetFileClose(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetFileClose(w.server, c->number);
    lm_win_args_free(&w);
    return st;
}
#endif /* _WIN32 */
