/*
** shim_windows_group.c -- the global group calls on netapi32 (see
** calls_group.c for the checks before).  netapi32 pages, names its status
** codes and empties a group given no members itself: the thunks pass
** through.
*/
#ifdef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetGroupEnum(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0;
    DWORD_PTR resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetGroupEnum(w.server, c->level, (LPBYTE *)&c->buffer,
                                       c->prefmaxlen, &read, &total, &resume);
    c->read = read;
    c->total = total;
    c->resume = (uint32_t)resume;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetGroupGetInfo(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetGroupGetInfo(w.server, w.name, c->level,
                                          (LPBYTE *)&c->buffer);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetGroupAdd(lm_call *c) {
    lm_win_args w;
    DWORD parm_err = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetGroupAdd(w.server, c->level, (LPBYTE)c->input,
                                      &parm_err);
    c->parm_err = parm_err;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetGroupDel(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER : NetGroupDel(w.server, w.name);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetGroupSetInfo(lm_call *c) {
    lm_win_args w;
    DWORD parm_err = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetGroupSetInfo(w.server, w.name, c->level,
                                          (LPBYTE)c->input, &parm_err);
    c->parm_err = parm_err;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetGroupAddUser(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetGroupAddUser(w.server, w.name, w.name2);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetGroupDelUser(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetGroupDelUser(w.server, w.name, w.name2);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetGroupGetUsers(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0;
    DWORD_PTR resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetGroupGetUsers(w.server, w.name, c->level,
                                           (LPBYTE *)&c->buffer, c->prefmaxlen,
                                           &read, &total, &resume);
    c->read = read;
    c->total = total;
    c->resume = (uint32_t)resume;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetGroupSetUsers(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetGroupSetUsers(w.server, w.name, c->level,
                                           (LPBYTE)c->input, c->input_count);
    lm_win_args_free(&w);
    return st;
}
#endif /* _WIN32 */
