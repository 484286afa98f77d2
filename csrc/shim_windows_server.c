/*
** shim_windows_server.c -- the server, workstation and time calls on
** netapi32 (see calls_server.c for the checks before).
*/
#ifdef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetServerGetInfo(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER : NetServerGetInfo(w.server, c->level, (LPBYTE *)&c->buffer);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetWkstaGetInfo(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER : NetWkstaGetInfo(w.server, c->level, (LPBYTE *)&c->buffer);
    lm_win_args_free(&w);
    return st;
}
uint32_t lm_shim_NetServerSetInfo(lm_call *c) {
    lm_win_args w;
    DWORD parm_err = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetServerSetInfo(w.server, c->level,
                                           (LPBYTE)c->input, &parm_err);
    c->parm_err = parm_err;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetRemoteTOD(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetRemoteTOD(w.server, (LPBYTE *)&c->buffer);
    lm_win_args_free(&w);
    return st;
}
#endif /* _WIN32 */
