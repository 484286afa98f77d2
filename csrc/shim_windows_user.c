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
uint32_t lm_shim_NetUserAdd(lm_call *c) {
    lm_win_args w;
    DWORD parm_err = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetUserAdd(w.server, c->level, (LPBYTE)c->input,
                                     &parm_err);
    c->parm_err = parm_err;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetUserDel(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER : NetUserDel(w.server, w.name);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetUserSetInfo(lm_call *c) {
    lm_win_args w;
    DWORD parm_err = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetUserSetInfo(w.server, w.name, c->level,
                                         (LPBYTE)c->input, &parm_err);
    c->parm_err = parm_err;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetUserChangePassword(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetUserChangePassword(w.server, w.name, w.name2,
                                                w.name3);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetUserGetGroups(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetUserGetGroups(w.server, w.name, c->level,
                                           (LPBYTE *)&c->buffer, c->prefmaxlen,
                                           &read, &total);
    c->read = read;
    c->total = total;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetUserSetGroups(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetUserSetGroups(w.server, w.name, c->level,
                                           (LPBYTE)c->input, c->input_count);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetUserGetLocalGroups(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetUserGetLocalGroups(w.server, w.name, c->level,
                                                c->filter, (LPBYTE *)&c->buffer,
                                                c->prefmaxlen, &read, &total);
    c->read = read;
    c->total = total;
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetUserModalsGet(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetUserModalsGet(w.server, c->level,
                                           (LPBYTE *)&c->buffer);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetUserModalsSet(lm_call *c) {
    lm_win_args w;
    DWORD parm_err = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetUserModalsSet(w.server, c->level, (LPBYTE)c->input,
                                           &parm_err);
    c->parm_err = parm_err;
    lm_win_args_free(&w);
    return st;
}

/* resume: the index in; out, the last record's next_index when there is
** more (ERROR_MORE_DATA). */
uint32_t lm_shim_NetQueryDisplayInformation(lm_call *c) {
    lm_win_args w;
    DWORD read = 0;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetQueryDisplayInformation(w.server, c->level,
                                                     c->resume, c->number,
                                                     c->prefmaxlen, &read,
                                                     &c->buffer);
    c->read = read;
    lm_win_args_free(&w);
    if (st != ERROR_MORE_DATA) return st;
    if (read == 0) return 0;
    switch (c->level) {
    case 1:
        c->resume = ((NET_DISPLAY_USER *)c->buffer)[read - 1].usri1_next_index;
        break;
    case 2:
        c->resume = ((NET_DISPLAY_MACHINE *)c->buffer)[read - 1].usri2_next_index;
        break;
    default:
        c->resume = ((NET_DISPLAY_GROUP *)c->buffer)[read - 1].grpi3_next_index;
        break;
    }
    return st;
}
#endif /* _WIN32 */
