/*
** shim_samba_server.c -- the server, workstation and time calls on
** Samba's libnetapi: each thunk performs one lm_call (see calls_server.c
** for the checks before).
**
** Measured against Samba 4.17: NetServerGetInfo 100-102 answer; libnetapi
** passes 402, 502, 503 and 1005 to the server, which answers
** ERROR_INVALID_LEVEL, and refuses 403 and 599 itself with the same code.
** NetServerSetInfo: libnetapi sends only 1005 (everything else is a stub
** ERROR_NOT_SUPPORTED); Samba's server answers it with success and changes
** nothing (its NetSrvSetInfo is a no-op).
*/
#ifndef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetServerGetInfo(lm_call *c) {
    return NetServerGetInfo(c->server, c->level, (uint8_t **)&c->buffer);
}

uint32_t lm_shim_NetServerSetInfo(lm_call *c) {
    return NetServerSetInfo(c->server, c->level, (uint8_t *)c->input,
                            &c->parm_err);
}

uint32_t lm_shim_NetWkstaGetInfo(lm_call *c) {
    return NetWkstaGetInfo(c->server, c->level, (uint8_t **)&c->buffer);
}

uint32_t lm_shim_NetRemoteTOD(lm_call *c) {
    return NetRemoteTOD(c->server, (uint8_t **)&c->buffer);
}
#endif /* !_WIN32 */
