/*
** shim_samba_group.c -- the global group calls on Samba's libnetapi: each
** thunk performs one lm_call (see calls_group.c for the checks before).
**
** Where libnetapi differs from netapi32 (measured against a Samba 4.17 AD
** DC), the thunks make it behave like netapi32:
**   - a missing group is ERROR_NONE_MAPPED (1332): NERR_GroupNotFound;
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

static uint32_t group_not_found(uint32_t code) {
    return code == LM_ERROR_NONE_MAPPED ? 2220u : code;   /* NERR_GroupNotFound */
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

uint32_t lm_shim_NetGroupGetInfo(lm_call *c) {
    return group_not_found(NetGroupGetInfo(c->server, c->name, c->level,
                                           (uint8_t **)&c->buffer));
}

uint32_t lm_shim_NetGroupAdd(lm_call *c) {
    uint32_t code = NetGroupAdd(c->server, c->level, (uint8_t *)c->input,
                                &c->parm_err);
    return code == 1318u ? 2223u : code;   /* NERR_GroupExists */
}

uint32_t lm_shim_NetGroupDel(lm_call *c) {
    return group_not_found(NetGroupDel(c->server, c->name));
}

uint32_t lm_shim_NetGroupSetInfo(lm_call *c) {
    uint32_t code = NetGroupSetInfo(c->server, c->name, c->level,
                                    (uint8_t *)c->input, &c->parm_err);
    return code == 1318u ? 2223u : group_not_found(code);
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
    if (code != LM_ERROR_NONE_MAPPED) return code;
    /* 1332 stands for a missing group and for a missing user alike. */
    uint8_t *buf = NULL;
    uint32_t exists = NetGroupGetInfo(c->server, c->name, 0, &buf);
    if (buf != NULL) NetApiBufferFree(buf);
    return exists == 0 ? 2221u : 2220u;   /* NERR_UserNotFound / GroupNotFound */
}
#endif /* !_WIN32 */
