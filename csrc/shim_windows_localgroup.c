/*
** shim_windows_localgroup.c -- the local group calls on netapi32 (see
** calls_localgroup.c for the checks before).  netapi32 has what libnetapi
** lacks (NetLocalGroupGetMembers, level 3 member calls that work, paging):
** the thunks pass through.
*/
#ifdef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetLocalGroupEnum(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0;
    DWORD_PTR resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetLocalGroupEnum(w.server, c->level,
                                            (LPBYTE *)&c->buffer, c->prefmaxlen,
                                            &read, &total, &resume);
    c->read = read;
    c->total = total;
    c->resume = (uint32_t)resume;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetLocalGroupGetInfo(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetLocalGroupGetInfo(w.server, w.name, c->level,
                                               (LPBYTE *)&c->buffer);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetLocalGroupAdd(lm_call *c) {
    lm_win_args w;
    DWORD parm_err = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetLocalGroupAdd(w.server, c->level, (LPBYTE)c->input,
                                           &parm_err);
    c->parm_err = parm_err;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetLocalGroupDel(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetLocalGroupDel(w.server, w.name);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetLocalGroupSetInfo(lm_call *c) {
    lm_win_args w;
    DWORD parm_err = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetLocalGroupSetInfo(w.server, w.name, c->level,
                                               (LPBYTE)c->input, &parm_err);
    c->parm_err = parm_err;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetLocalGroupGetMembers(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0;
    DWORD_PTR resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetLocalGroupGetMembers(w.server, w.name, c->level,
                                                  (LPBYTE *)&c->buffer,
                                                  c->prefmaxlen, &read, &total,
                                                  &resume);
    c->read = read;
    c->total = total;
    c->resume = (uint32_t)resume;
    lm_win_args_free(&w);
    return st;
}

typedef NET_API_STATUS(NET_API_FUNCTION *members_fn)(LPCWSTR, LPCWSTR, DWORD,
                                                     LPBYTE, DWORD);

static uint32_t members_call(lm_call *c, members_fn fn) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : fn(w.server, w.name, c->level, (LPBYTE)c->input,
                             c->input_count);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetLocalGroupAddMembers(lm_call *c) {
    return members_call(c, NetLocalGroupAddMembers);
}

uint32_t lm_shim_NetLocalGroupDelMembers(lm_call *c) {
    return members_call(c, NetLocalGroupDelMembers);
}

uint32_t lm_shim_NetLocalGroupSetMembers(lm_call *c) {
    return members_call(c, NetLocalGroupSetMembers);
}
#endif /* _WIN32 */
