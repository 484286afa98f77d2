/*
** shim_samba_share.c -- the share and open-file calls on Samba's
** libnetapi: each thunk performs one lm_call (see calls_share.c for the
** checks before).
**
** Measured against Samba 4.17 (libnetapi and an AD DC):
**   NetShareEnum     0, 1, 2; 501: ERROR_INVALID_LEVEL and 502: a stub
**                    ERROR_NOT_SUPPORTED, both without asking the server.
**   NetShareGetInfo  0, 1, 2, 501, 1005; 502: stub ERROR_NOT_SUPPORTED.
**   NetShareAdd      2 and 502 (with a security descriptor).
**   NetShareSetInfo  2, 1004; 1, 502, 1005, 1006, 1501: stub
**                    ERROR_NOT_SUPPORTED.
** The server's own answers pass through as a Windows client would see
** them: a missing share is 123 ERROR_INVALID_NAME for GetInfo, 67
** ERROR_BAD_NET_NAME for Del, 2310 NERR_NetNameNotFound for SetInfo; an
** existing name is 80 ERROR_FILE_EXISTS for Add; a missing path 2.
*/
#ifndef _WIN32
#include "internal.h"
#include "platform.h"

/* libnetapi turns an RPC fault "operation out of range" (the server does
** not implement the call: Samba's NetFileGetInfo) into 46, the low half of
** NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE; netapi32 reports that fault as
** RPC_S_PROCNUM_OUT_OF_RANGE. */
static uint32_t rpc_fault(uint32_t code) { return code == 46 ? 1745 : code; }

uint32_t lm_shim_NetShareEnum(lm_call *c) {
    return NetShareEnum(c->server, c->level, (uint8_t **)&c->buffer,
                        c->prefmaxlen, &c->read, &c->total, &c->resume);
}

uint32_t lm_shim_NetShareGetInfo(lm_call *c) {
    return NetShareGetInfo(c->server, c->name, c->level,
                           (uint8_t **)&c->buffer);
}

/* Samba's server sees a share it just added only once a NetShareEnum made
** it re-read its configuration: until then GetInfo, SetInfo and Del of the
** new share fail (123 / 2310 / 67), even on a new connection.  On Windows
** the share is there at once, so the thunk enumerates once after a
** successful add (the result is dropped; a failure there changes
** nothing: the share was added). */
static void make_visible(const char *server) {
    uint8_t *buf = NULL;
    uint32_t read = 0, total = 0, resume = 0;
    NetShareEnum(server, 0, &buf, 0xFFFFFFFFu, &read, &total, &resume);
    if (buf != NULL) NetApiBufferFree(buf);
}

uint32_t lm_shim_NetShareAdd(lm_call *c) {
    uint32_t st = NetShareAdd(c->server, c->level, (uint8_t *)c->input,
                              &c->parm_err);
    if (st == 0) make_visible(c->server);
    return st;
}

uint32_t lm_shim_NetShareDel(lm_call *c) {
    return NetShareDel(c->server, c->name, c->number);
}

uint32_t lm_shim_NetShareSetInfo(lm_call *c) {
    return NetShareSetInfo(c->server, c->name, c->level, (uint8_t *)c->input,
                           &c->parm_err);
}

uint32_t lm_shim_NetFileEnum(lm_call *c) {
    return NetFileEnum(c->server, c->name, c->name2, c->level,
                       (uint8_t **)&c->buffer, c->prefmaxlen, &c->read,
                       &c->total, &c->resume);
}

uint32_t lm_shim_NetFileGetInfo(lm_call *c) {
    return rpc_fault(NetFileGetInfo(c->server, c->number, c->level,
                                    (uint8_t **)&c->buffer));
}

uint32_t lm_shim_NetFileClose(lm_call *c) {
    return rpc_fault(NetFileClose(c->server, c->number));
}
#endif /* !_WIN32 */
