/*
** shim_samba_localgroup.c -- the local group (alias) calls on Samba's
** libnetapi: each thunk performs one lm_call (see calls_localgroup.c for
** the checks before).
**
** Where libnetapi falls short of netapi32 (measured against a Samba 4.17
** AD DC), the thunks make up for it:
**   - NetLocalGroupGetMembers is a stub that returns 50 without contacting
**     the server: the members come over SAMR and their names over LSA
**     (samr_localgroup.c), built here into one NetApiBufferAllocate block;
**   - NetLocalGroupAddMembers, DelMembers and SetMembers abort the whole
**     process at level 3 (a use-after-free inside libnetapi): names are
**     resolved to SIDs over LSA first and the call made at level 0; a name
**     that resolves to no account is ERROR_NO_SUCH_MEMBER, as on Windows;
**   - NetLocalGroupEnum pages wrongly: with any prefmaxlen short of
**     everything it returns ERROR_MORE_DATA with no records and a resume
**     handle that goes round in circles, or ends early having returned 5
**     of 25 groups.  It is asked for everything and the pages are cut here
**     (lm_shim_page);
**   - NetLocalGroupSetMembers with no members is ERROR_INVALID_PARAMETER
**     (87); netapi32 empties the group, and so does this shim;
**   - status codes: a missing group is ERROR_NONE_MAPPED (1332):
**     NERR_GroupNotFound; a member added twice ERROR_MEMBER_IN_GROUP
**     (1320): ERROR_MEMBER_IN_ALIAS; a non-member removed
**     ERROR_MEMBER_NOT_IN_GROUP (1321): ERROR_MEMBER_NOT_IN_ALIAS; a SID
**     of no account ERROR_INTERNAL_DB_CORRUPTION (1358): ERROR_NO_SUCH_MEMBER.
*/
#ifndef _WIN32
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "platform.h"

#define LM_ERROR_NOT_ENOUGH_MEMORY 8u
#define LM_MAX_PREFERRED 0xFFFFFFFFu   /* MAX_PREFERRED_LENGTH: not in netapi.h */

static uint32_t netapi32_code(uint32_t code) {
    switch (code) {
    case 1332u: return 2220u;   /* NONE_MAPPED: NERR_GroupNotFound */
    case 1320u: return 1378u;   /* MEMBER_IN_GROUP: MEMBER_IN_ALIAS */
    case 1321u: return 1377u;   /* MEMBER_NOT_IN_GROUP: MEMBER_NOT_IN_ALIAS */
    case 1358u: return 1387u;   /* INTERNAL_DB_CORRUPTION: NO_SUCH_MEMBER */
    default: return code;
    }
}

uint32_t lm_shim_NetLocalGroupEnum(lm_call *c) {
    uint32_t start = c->resume, resume = 0;
    uint32_t code = NetLocalGroupEnum(c->server, c->level,
                                      (uint8_t **)&c->buffer,
                                      LM_MAX_PREFERRED, &c->read,
                                      &c->total, &resume);
    if (code != 0) return code;
    c->resume = start;
    return lm_shim_page(c);
}

uint32_t lm_shim_NetLocalGroupGetInfo(lm_call *c) {
    return netapi32_code(NetLocalGroupGetInfo(c->server, c->name, c->level,
                                              (uint8_t **)&c->buffer));
}

uint32_t lm_shim_NetLocalGroupAdd(lm_call *c) {
    return NetLocalGroupAdd(c->server, c->level, (uint8_t *)c->input,
                            &c->parm_err);
}

uint32_t lm_shim_NetLocalGroupDel(lm_call *c) {
    return netapi32_code(NetLocalGroupDel(c->server, c->name));
}

uint32_t lm_shim_NetLocalGroupSetInfo(lm_call *c) {
    return netapi32_code(NetLocalGroupSetInfo(c->server, c->name, c->level,
                                              (uint8_t *)c->input,
                                              &c->parm_err));
}

/* ---- NetLocalGroupGetMembers over SAMR ---- */

#define ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

/* "DOMAIN\name", or the name alone when there is no domain; a member LSA
** could not name is called by its SID. */
static void member_names(const lm_rpc_member *m, char *sid, size_t sid_size,
                         const char **name, size_t *full_len) {
    *name = m->name;
    if (*name == NULL) {
        if (lm_sid_format(m->sid, sid, sid_size) != 0) lm_copy(sid, sid_size, "");
        *name = sid;
    }
    *full_len = (m->domain ? strlen(m->domain) + 1 : 0) + strlen(*name);
}

/* Writes the text of member m into heap: the name (level 1) or
** "DOMAIN\name" (levels 2 and 3); returns it. */
static char *put_name(char **heap, const lm_rpc_member *m, int full) {
    char sid[LM_SID_SIZE * 4];
    const char *name;
    size_t len;
    member_names(m, sid, sizeof sid, &name, &len);
    char *at = *heap;
    if (full && m->domain)
        snprintf(at, len + 1, "%s\\%s", m->domain, name);
    else
        memcpy(at, name, strlen(name) + 1);
    *heap += ALIGN8(strlen(at) + 1);
    return at;
}

/* The members as LOCALGROUP_MEMBERS_INFO_<level> records in one block from
** NetApiBufferAllocate: the records, then the SIDs and strings they point
** to, so NetApiBufferFree frees it all. */
static uint32_t build_members(uint32_t level, const lm_rpc_member *m,
                              uint32_t count, size_t struct_size, void **out) {
    size_t size = ALIGN8((size_t)count * struct_size);
    for (uint32_t i = 0; i < count; i++) {
        char sid[LM_SID_SIZE * 4];
        const char *name;
        size_t len;
        member_names(&m[i], sid, sizeof sid, &name, &len);
        if (level != 3) size += ALIGN8(LM_SID_SIZE);
        if (level != 0) size += ALIGN8(len + 1);
    }
    if (size > UINT32_MAX) return LM_ERROR_NOT_ENOUGH_MEMORY;
    void *block = NULL;
    uint32_t code = NetApiBufferAllocate((uint32_t)size, &block);
    if (code == 0 && block == NULL) code = LM_ERROR_NOT_ENOUGH_MEMORY;
    if (code != 0) return code;
    memset(block, 0, size);
    char *heap = (char *)block + ALIGN8((size_t)count * struct_size);
    for (uint32_t i = 0; i < count; i++) {
        struct domsid *sid = NULL;
        if (level != 3) {
            sid = (struct domsid *)heap;
            memcpy(sid, m[i].sid, LM_SID_SIZE);
            heap += ALIGN8(LM_SID_SIZE);
        }
        enum SID_NAME_USE use = (enum SID_NAME_USE)m[i].sid_type;
        switch (level) {
        case 0: {
            struct LOCALGROUP_MEMBERS_INFO_0 *r = block;
            r[i].lgrmi0_sid = sid;
            break;
        }
        case 1: {
            struct LOCALGROUP_MEMBERS_INFO_1 *r = block;
            r[i].lgrmi1_sid = sid;
            r[i].lgrmi1_sidusage = use;
            r[i].lgrmi1_name = put_name(&heap, &m[i], 0);
            break;
        }
        case 2: {
            struct LOCALGROUP_MEMBERS_INFO_2 *r = block;
            r[i].lgrmi2_sid = sid;
            r[i].lgrmi2_sidusage = use;
            r[i].lgrmi2_domainandname = put_name(&heap, &m[i], 1);
            break;
        }
        default: {
            struct LOCALGROUP_MEMBERS_INFO_3 *r = block;
            r[i].lgrmi3_domainandname = put_name(&heap, &m[i], 1);
            break;
        }
        }
    }
    *out = block;
    return 0;
}

uint32_t lm_shim_NetLocalGroupGetMembers(lm_call *c) {
    lm_rpc_member *m = NULL;
    uint32_t count = 0;
    uint32_t code = lm_rpc_alias_members(c->creds, c->server, c->name,
                                         c->level != 0, &m, &count);
    if (code == 0 && count > 0)
        code = build_members(c->level, m, count, c->desc->struct_size,
                             &c->buffer);
    lm_rpc_members_free(m, count);
    if (code != 0) return code;
    c->read = count;
    return lm_shim_page(c);
}

/* ---- the member calls: always at level 0 ---- */

typedef NET_API_STATUS (*members_fn)(const char *server, const char *group,
                                     uint32_t level, uint8_t *buffer,
                                     uint32_t count);

/* Calls fn at level 0 with c's members: as given (level 0), or resolved
** from their names first (level 3). */
static uint32_t by_sid(lm_call *c, members_fn fn) {
    if (c->level == 0)
        return netapi32_code(fn(c->server, c->name, 0, (uint8_t *)c->input,
                                c->input_count));
    uint32_t n = c->input_count, unresolved;
    const struct LOCALGROUP_MEMBERS_INFO_3 *in = c->input;
    const char **names = calloc(n, sizeof *names);
    uint8_t (*sids)[LM_SID_SIZE] = calloc(n, sizeof *sids);
    struct LOCALGROUP_MEMBERS_INFO_0 *out = calloc(n, sizeof *out);
    uint32_t code = names && sids && out ? 0 : LM_ERROR_NOT_ENOUGH_MEMORY;
    for (uint32_t i = 0; code == 0 && i < n; i++)
        names[i] = in[i].lgrmi3_domainandname;
    if (code == 0)
        code = lm_rpc_lookup_names(c->creds, c->server, names, n, sids,
                                   &unresolved);
    for (uint32_t i = 0; code == 0 && i < n; i++)
        out[i].lgrmi0_sid = (struct domsid *)sids[i];
    if (code == 0)
        code = netapi32_code(fn(c->server, c->name, 0, (uint8_t *)out, n));
    free(names);
    free(sids);
    free(out);
    return code;
}

uint32_t lm_shim_NetLocalGroupAddMembers(lm_call *c) {
    return by_sid(c, NetLocalGroupAddMembers);
}

uint32_t lm_shim_NetLocalGroupDelMembers(lm_call *c) {
    return by_sid(c, NetLocalGroupDelMembers);
}

/* Empties the group: NetLocalGroupDelMembers with every member's SID. */
static uint32_t remove_all_members(lm_call *c) {
    lm_rpc_member *m = NULL;
    uint32_t count = 0;
    uint32_t code = lm_rpc_alias_members(c->creds, c->server, c->name, 0, &m,
                                         &count);
    struct LOCALGROUP_MEMBERS_INFO_0 *out =
        code == 0 && count > 0 ? calloc(count, sizeof *out) : NULL;
    if (code == 0 && count > 0 && out == NULL) code = LM_ERROR_NOT_ENOUGH_MEMORY;
    for (uint32_t i = 0; out != NULL && i < count; i++)
        out[i].lgrmi0_sid = (struct domsid *)m[i].sid;
    if (out != NULL)
        code = netapi32_code(NetLocalGroupDelMembers(c->server, c->name, 0,
                                                     (uint8_t *)out, count));
    free(out);
    lm_rpc_members_free(m, count);
    return code;
}

uint32_t lm_shim_NetLocalGroupSetMembers(lm_call *c) {
    if (c->input_count == 0) return remove_all_members(c);
    return by_sid(c, NetLocalGroupSetMembers);
}
#endif /* !_WIN32 */
