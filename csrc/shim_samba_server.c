/*
** shim_samba_server.c -- the server, workstation and time calls on Samba's libnetapi: each
** thunk performs one lm_call (see calls_server.c for the checks before).
*/
#ifndef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetServerGetInfo(lm_call *c) {
    return NetServerGetInfo(c->server, c->level, (uint8_t **)&c->buffer);
}

uint32_t lm_shim_NetWkstaGetInfo(lm_call *c) {
    return NetWkstaGetInfo(c->server, c->level, (uint8_t **)&c->buffer);
}
#endif /* !_WIN32 */
