/*
** shim_samba_group.c -- the global group calls on Samba's libnetapi: each
** thunk performs one lm_call (see calls_group.c for the checks before).
**
** Where libnetapi differs from netapi32 (measured against a Samba 4.17 AD
** DC), the thunks make it behave like netapi32:
**   - NetGroupGetInfo hands out strings it has already freed: the record
**     is read over SAMR instead (samr_group.c);
**   - a missing group is ERROR_NONE_MAPPED (1332), the name of a local
**     group or a user ERROR_INVALID_DATATYPE (1804) or ERROR_NO_SUCH_GROUP
**     (1319): NERR_GroupNotFound;
**   - an existing group on add is ERROR_GROUP_EXISTS (1318):
**     NERR_GroupExists; a member added twice ERROR_MEMBER_IN_GROUP (1320):
**     NERR_UserInGroup; a non-member removed ERROR_MEMBER_NOT_IN_GROUP
**     (1321): NERR_UserNotInGroup;
**   - NetGroupEnum and NetGroupGetUsers ignore prefmaxlen (everything comes
**     in one page whatever it is): the pages are cut here (lm_shim_page);
**   - NetGroupSetUsers with no members is ERROR_INVALID_PARAMETER (87);
**     netapi32 empties the group, and so does this shim (one
**     NetGroupDelUser per member).
*/
#ifndef _WIN32
#include <string.h>

#include "internal.h"
#include "platform.h"

#define LM_ERROR_MORE_DATA 234u
#define LM_MAX_PREFERRED 0xFFFFFFFFu   /* MAX_PREFERRED_LENGTH: not in netapi.h */
#define LM_ERROR_NONE_MAPPED 1332u

/* ---- pages cut from a complete answer ---- */

/* Bytes record rec of level lvl takes in a buffer: the struct and what its
** pointers point to. */
static size_t record_size(const lanman_level *lvl, const char *rec) {
    size_t size = lvl->struct_size;
    for (size_t f = 0; f < lvl->nfields; f++) {
        const lanman_field *fd = &lvl->fields[f];
        const void *p;
        if (fd->type != LANMAN_T_STR && fd->type != LANMAN_T_SID) continue;
        memcpy(&p, rec + fd->offset, sizeof p);
        if (p != NULL)
            size += fd->type == LANMAN_T_STR ? strlen(p) + 1 : LM_SID_SIZE;
    }
    return size;
}

uint32_t lm_shim_page(lm_call *c) {
    const lanman_level *lvl = c->desc;
    uint32_t all = c->buffer ? c->read : 0, start = c->resume, n = 0;
    size_t used = 0;
    char *records = c->buffer;
    c->total = all;
    /* As many records from start as fit in prefmaxlen, at least one. */
    while (start < all && start + n < all) {
        size_t size = record_size(lvl, records + (size_t)(start + n) *
                                                     lvl->struct_size);
        if (n > 0 && used + size > c->prefmaxlen) break;
        used += size;
        n++;
    }
    if (n == 0) {   /* nothing (left): an empty buffer */
        if (c->buffer != NULL) NetApiBufferFree(c->buffer);
        c->buffer = NULL;
        c->read = 0;
        c->resume = 0;
        return 0;
    }
    if (start > 0)
        memmove(records, records + (size_t)start * lvl->struct_size,
                (size_t)n * lvl->struct_size);
    c->read = n;
    c->resume = start + n;
    return start + n < all ? LM_ERROR_MORE_DATA : 0;
}

/* ---- status codes as netapi32 gives them ---- */

/* No such name: ERROR_NONE_MAPPED (1332); a name of something else (a
** local group, a user): ERROR_INVALID_DATATYPE (1804) or, from the member
** calls, ERROR_NO_SUCH_GROUP (1319).  netapi32: NERR_GroupNotFound. */
static uint32_t group_not_found(uint32_t code) {
    return code == LM_ERROR_NONE_MAPPED || code == 1804u || code == 1319u
               ? 2220u : code;
}

uint32_t lm_shim_NetGroupEnum(lm_call *c) {
    uint32_t start = c->resume, resume = 0;
    uint32_t code = NetGroupEnum(c->server, c->level, (uint8_t **)&c->buffer,
                                 LM_MAX_PREFERRED, &c->read, &c->total,
                                 &resume);
    if (code != 0) return code;
    c->resume = start;
    return lm_shim_page(c);
}

#define ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

/* Copies text into the heap of a block; returns where it went. */
static const char *put_text(char **heap, const char *text) {
    if (text == NULL) return NULL;
    size_t n = strlen(text) + 1;
    char *at = *heap;
    memcpy(at, text, n);
    *heap += ALIGN8(n);
    return at;
}

/* libnetapi's NetGroupGetInfo returns the name and the comment in memory it
** has already freed (valgrind: invalid reads; they come out as garbage when
** the heap is reused), so the record is read over SAMR (samr_group.c) and
** built here as GROUP_INFO_<level> in one NetApiBufferAllocate block. */
uint32_t lm_shim_NetGroupGetInfo(lm_call *c) {
    lm_rpc_group g;
    uint32_t code = lm_rpc_group_info(c->creds, c->server, c->name, &g);
    if (code != 0) return code;
    size_t size = ALIGN8(c->desc->struct_size) + ALIGN8(LM_SID_SIZE) +
                  (g.name ? ALIGN8(strlen(g.name) + 1) : 0) +
                  (g.comment ? ALIGN8(strlen(g.comment) + 1) : 0);
    void *block = NULL;
    code = NetApiBufferAllocate((uint32_t)size, &block);
    if (code == 0 && block == NULL) code = 8;   /* ERROR_NOT_ENOUGH_MEMORY */
    if (code == 0) {
        memset(block, 0, size);
        char *heap = (char *)block + ALIGN8(c->desc->struct_size);
        struct domsid *sid = (struct domsid *)heap;
        memcpy(sid, g.sid, LM_SID_SIZE);
        heap += ALIGN8(LM_SID_SIZE);
        const char *name = put_text(&heap, g.name);
        const char *comment = put_text(&heap, g.comment);
        switch (c->level) {
        case 0:
            ((struct GROUP_INFO_0 *)block)->grpi0_name = name;
            break;
        case 1: {
            struct GROUP_INFO_1 *r = block;
            r->grpi1_name = name;
            r->grpi1_comment = comment;
            break;
        }
        case 2: {
            struct GROUP_INFO_2 *r = block;
            r->grpi2_name = name;
            r->grpi2_comment = comment;
            r->grpi2_group_id = g.rid;
            r->grpi2_attributes = g.attributes;
            break;
        }
        default: {
            struct GROUP_INFO_3 *r = block;
            r->grpi3_name = name;
            r->grpi3_comment = comment;
            r->grpi3_group_sid = sid;
            r->grpi3_attributes = g.attributes;
            break;
        }
        }
        c->buffer = block;
    }
    lm_rpc_group_free(&g);
    return code;
}

uint32_t lm_shim_NetGroupAdd(lm_call *c) {
    uint32_t code = NetGroupAdd(c->server, c->level, (uint8_t *)c->input,
                                &c->parm_err);
    return code == 1318u ? 2223u : code;   /* NERR_GroupExists */
}

uint32_t lm_shim_NetGroupDel(lm_call *c) {
    return group_not_found(NetGroupDel(c->server, c->name));
}

/* A rename to a name in use fails with WERR_DS_OBJ_STRING_NAME_EXISTS
** (8305) from the AD DC: netapi32 says NERR_GroupExists. */
uint32_t lm_shim_NetGroupSetInfo(lm_call *c) {
    uint32_t code = NetGroupSetInfo(c->server, c->name, c->level,
                                    (uint8_t *)c->input, &c->parm_err);
    return code == 1318u || code == 8305u ? 2223u : group_not_found(code);
}

uint32_t lm_shim_NetGroupAddUser(lm_call *c) {
    uint32_t code = NetGroupAddUser(c->server, c->name, c->name2);
    return code == 1320u ? 2236u : group_not_found(code);   /* NERR_UserInGroup */
}

uint32_t lm_shim_NetGroupDelUser(lm_call *c) {
    uint32_t code = NetGroupDelUser(c->server, c->name, c->name2);
    return code == 1321u ? 2237u : group_not_found(code); /* NERR_UserNotInGroup */
}

uint32_t lm_shim_NetGroupGetUsers(lm_call *c) {
    uint32_t start = c->resume, resume = 0;
    uint32_t code = NetGroupGetUsers(c->server, c->name, c->level,
                                     (uint8_t **)&c->buffer,
                                     LM_MAX_PREFERRED, &c->read, &c->total,
                                     &resume);
    if (code != 0) return group_not_found(code);
    c->resume = start;
    return lm_shim_page(c);
}

/* Empties the group: NetGroupDelUser for each member. */
static uint32_t remove_all_users(lm_call *c) {
    uint8_t *buf = NULL;
    uint32_t read = 0, total = 0, resume = 0;
    uint32_t code = NetGroupGetUsers(c->server, c->name, 0, &buf,
                                     LM_MAX_PREFERRED, &read, &total,
                                     &resume);
    if (code != 0) {
        if (buf != NULL) NetApiBufferFree(buf);
        return group_not_found(code);
    }
    const struct GROUP_USERS_INFO_0 *users = (const void *)buf;
    for (uint32_t i = 0; code == 0 && buf != NULL && i < read; i++)
        code = NetGroupDelUser(c->server, c->name, users[i].grui0_name);
    if (buf != NULL) NetApiBufferFree(buf);
    return group_not_found(code);
}

uint32_t lm_shim_NetGroupSetUsers(lm_call *c) {
    if (c->input_count == 0) return remove_all_users(c);
    uint32_t code = NetGroupSetUsers(c->server, c->name, c->level,
                                     (uint8_t *)c->input, c->input_count);
    if (code != LM_ERROR_NONE_MAPPED) return group_not_found(code);
    /* 1332 stands for a missing group and for a missing user alike. */
    uint8_t *buf = NULL;
    uint32_t exists = NetGroupGetInfo(c->server, c->name, 0, &buf);
    if (buf != NULL) NetApiBufferFree(buf);
    return exists == 0 ? 2221u : 2220u;   /* NERR_UserNotFound / GroupNotFound */
}
#endif /* !_WIN32 */
