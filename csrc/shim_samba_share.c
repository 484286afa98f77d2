/*
** shim_samba_share.c -- the share and open-file calls on Samba's
** libnetapi: each thunk performs one lm_call (see calls_share.c for the
** checks before).
**
** Measured against Samba 4.17 (libnetapi and an AD DC):
**   NetShareEnum     0, 1, 2; 501: ERROR_INVALID_LEVEL and 502: a stub
**                    ERROR_NOT_SUPPORTED, both without asking the server
**                    (501 is composed here, see enum_501).
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
#include <talloc.h>

#include "internal.h"
#include "platform.h"

/* libnetapi turns an RPC fault "operation out of range" (the server does
** not implement the call: Samba's NetFileGetInfo) into 46, the low half of
** NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE; netapi32 reports that fault as
** RPC_S_PROCNUM_OUT_OF_RANGE. */
static uint32_t rpc_fault(uint32_t code) { return code == 46 ? 1745 : code; }

static uint32_t get_info(lm_call *c);

/* NetShareEnum at 501: libnetapi answers ERROR_INVALID_LEVEL without asking
** the server, but GetInfo serves 501 (level 1 plus the caching flags).  So
** the thunk enumerates at level 1 -- paging, total and resume as the caller
** asked -- and reads each listed share at 501: one round trip per share.
** The records go into one NetApi buffer whose strings are talloc children
** of it, as lm_shim_adopt expects of c->buffer.  A share deleted between
** the two steps is left out. */
static uint32_t enum_501(lm_call *c) {
    struct SHARE_INFO_1 *list = NULL;
    uint32_t st = NetShareEnum(c->server, 1, (uint8_t **)&list, c->prefmaxlen,
                               &c->read, &c->total, &c->resume);
    if (st != 0 && st != 234) {
        if (list != NULL) NetApiBufferFree(list);
        return st;
    }
    uint32_t n = list ? c->read : 0, kept = 0;
    struct SHARE_INFO_501 *out = NULL;
    uint32_t code = NetApiBufferAllocate(
        (uint32_t)((n ? n : 1) * sizeof *out), (void **)&out);
    for (uint32_t i = 0; code == 0 && i < n; i++) {
        lm_call one = *c;
        one.name = list[i].shi1_netname;
        one.level = 501;
        uint32_t got = get_info(&one);
        const struct SHARE_INFO_501 *rec = one.buffer;
        if (got == 0 && rec != NULL) {
            out[kept].shi501_netname = rec->shi501_netname
                ? talloc_strdup(out, rec->shi501_netname) : NULL;
            out[kept].shi501_type = rec->shi501_type;
            out[kept].shi501_remark = rec->shi501_remark
                ? talloc_strdup(out, rec->shi501_remark) : NULL;
            out[kept].shi501_flags = rec->shi501_flags;
            if ((rec->shi501_netname && !out[kept].shi501_netname) ||
                (rec->shi501_remark && !out[kept].shi501_remark))
                got = 8;   /* ERROR_NOT_ENOUGH_MEMORY */
            else
                kept++;
        } else if (got == 123 || got == 2310) {
            got = 0;   /* gone since the enumeration */
        }
        if (one.buffer != NULL) NetApiBufferFree(one.buffer);
        code = got;
    }
    if (list != NULL) NetApiBufferFree(list);
    if (code != 0) {
        if (out != NULL) NetApiBufferFree(out);
        return code;
    }
    if (kept == 0) {   /* like libnetapi: no records, no buffer */
        NetApiBufferFree(out);
        out = NULL;
    }
    c->buffer = out;
    c->read = kept;
    return st;
}

uint32_t lm_shim_NetShareEnum(lm_call *c) {
    if (c->level == 501) return enum_501(c);
    return NetShareEnum(c->server, c->level, (uint8_t **)&c->buffer,
                        c->prefmaxlen, &c->read, &c->total, &c->resume);
}

/* Measured on Samba 4.17: the srvsvc service re-reads its share list only
** for an enumeration, so a share added since -- by lanman, by another
** connection or by hand -- can be unknown to the connection asking
** (GetInfo 123, SetInfo 2310, Del 67), even a new one; an enumeration on
** another connection does not always help (rpcclient after lanman's add).
** On Windows it is there at once.  So when a share is
** missing, the thunk enumerates once on the same connection (the result is
** dropped) and asks again: a share that really does not exist costs one
** round trip more and answers the same. */
static int share_missing(uint32_t code) {
    return code == 123 || code == 2310 || code == 67;
}

static void reload_shares(const char *server) {
    uint8_t *buf = NULL;
    uint32_t read = 0, total = 0, resume = 0;
    NetShareEnum(server, 0, &buf, 0xFFFFFFFFu, &read, &total, &resume);
    if (buf != NULL) NetApiBufferFree(buf);
}

static uint32_t get_info(lm_call *c) {
    c->buffer = NULL;   /* libnetapi reads a non-NULL *buffer */
    return NetShareGetInfo(c->server, c->name, c->level,
                           (uint8_t **)&c->buffer);
}

uint32_t lm_shim_NetShareGetInfo(lm_call *c) {
    uint32_t st = get_info(c);
    if (!share_missing(st)) return st;
    if (c->buffer != NULL) NetApiBufferFree(c->buffer);
    reload_shares(c->server);
    return get_info(c);
}

/* After an add, the worker serving this connection loads the share list
** at once: so a second add of the name finds it (80), rather than running
** the add-share command again (which refuses: 5). */
uint32_t lm_shim_NetShareAdd(lm_call *c) {
    uint32_t st = NetShareAdd(c->server, c->level, (uint8_t *)c->input,
                              &c->parm_err);
    if (st == 0) reload_shares(c->server);
    return st;
}

uint32_t lm_shim_NetShareDel(lm_call *c) {
    uint32_t st = NetShareDel(c->server, c->name, c->number);
    if (!share_missing(st)) return st;
    reload_shares(c->server);
    return NetShareDel(c->server, c->name, c->number);
}

uint32_t lm_shim_NetShareSetInfo(lm_call *c) {
    uint32_t st = NetShareSetInfo(c->server, c->name, c->level,
                                  (uint8_t *)c->input, &c->parm_err);
    if (!share_missing(st)) return st;
    reload_shares(c->server);
    c->parm_err = 0;
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
