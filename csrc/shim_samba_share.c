/*
** shim_samba_share.c -- the share and open-file calls on Samba's libnetapi: each
** thunk performs one lm_call (see calls_share.c for the checks before).
*/
#ifndef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetShareEnum(lm_call *c) {
    return NetShareEnum(c->server, c->level, (uint8_t **)&c->buffer,
                        c->prefmaxlen, &c->read, &c->total, &c->resume);
}

uint32_t lm_shim_NetShareGetInfo(lm_call *c) {
    return NetShareGetInfo(c->server, c->name, c->level,
                           (uint8_t **)&c->buffer);
}
#endif /* !_WIN32 */
