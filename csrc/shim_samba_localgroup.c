/*
** shim_samba_localgroup.c -- the local group (alias) calls on Samba's
** libnetapi: each thunk performs one lm_call (see calls_localgroup.c for
** the checks before).
**
** Where libnetapi falls short of netapi32 (measured against a Samba 4.17
** AD DC), the thunks make up for it:
**   - NetLocalGroupGetMembers is a stub that returns 50 without contacting
**     the server: the members come over SAMR and their names over LSA
**     (samr_group.c), built here into one NetApiBufferAllocate block;
**   - NetLocalGroupAddMembers, DelMembers and SetMembers abort the whole
**     process at level 3 (a use-after-free inside libnetapi): names are
**     resolved to SIDs over LSA first and the call made at level 0; a name
**     that resolves to no account is ERROR_NO_SUCH_MEMBER, as on Windows;
**   - NetLocalGroupEnum pages wrongly: with any prefmaxlen short of
**     everything it returns ERROR_MORE_DATA with no records and a resume
**     handle that goes round in circles, or ends early having returned 5
**     of 25 groups.  It is asked for everything and the pages are cut here
**     (lm_shim_page);
**   - the member calls stop half-way on a failure, with the members before
**     it added (removed); netapi32 changes nothing then, and neither does
**     this shim (see "the member calls" below);
**   - NetLocalGroupSetMembers with no members is ERROR_INVALID_PARAMETER
**     (87); netapi32 empties the group, and so does this shim;
**   - status codes: a missing group is ERROR_NONE_MAPPED (1332), the name
**     of a global group or a user ERROR_INVALID_SID (1337):
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
    case 1337u: return 2220u;   /* INVALID_SID (a global group's or a
                                ** user's name): NERR_GroupNotFound */
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

/* A rename to a name in use fails with WERR_DS_OBJ_STRING_NAME_EXISTS
** (8305) from the AD DC: netapi32 says ERROR_ALIAS_EXISTS. */
uint32_t lm_shim_NetLocalGroupSetInfo(lm_call *c) {
    uint32_t code = NetLocalGroupSetInfo(c->server, c->name, c->level,
                                         (uint8_t *)c->input, &c->parm_err);
    return code == 8305u ? 1379u : netapi32_code(code);
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

/* ---- the member calls: always at level 0, all or nothing ----
**
** libnetapi adds (removes) the members of one call one after the other and
** stops at the first failure, leaving those before it added (removed);
** netapi32 changes nothing then ("no new members were added").  So each
** member goes in its own level-0 call, and on a failure the ones done are
** undone before the failure is returned.  NetLocalGroupSetMembers is made
** of the same steps: what is to be added, then what is to be removed. */

typedef NET_API_STATUS (*members_fn)(const char *server, const char *group,
                                     uint32_t level, uint8_t *buffer,
                                     uint32_t count);

static uint32_t one_member(lm_call *c, members_fn fn, const void *sid) {
    struct LOCALGROUP_MEMBERS_INFO_0 m = {(struct domsid *)sid};
    return netapi32_code(fn(c->server, c->name, 0, (uint8_t *)&m, 1));
}

/* fn for every SID, or, on a failure, undo for those done and the failure. */
static uint32_t each_member(lm_call *c, members_fn fn, members_fn undo,
                            const void *const *sids, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        uint32_t code = one_member(c, fn, sids[i]);
        if (code != 0) {
            while (i-- > 0) one_member(c, undo, sids[i]);
            return code;
        }
    }
    return 0;
}

/* The SIDs of c's members (n of them, in a malloc'd *out that also holds
** the resolved ones): as given (level 0), or looked up by name (level 3). */
static uint32_t member_sids(lm_call *c, const void ***out, uint32_t *n) {
    *n = c->input_count;
    *out = NULL;
    if (*n == 0) return 0;
    /* one block: the pointers, then room for the SIDs level 3 resolves */
    const void **sids = calloc(*n, sizeof *sids + LM_SID_SIZE);
    if (sids == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
    uint8_t (*resolved)[LM_SID_SIZE] = (void *)(sids + *n);
    uint32_t code = 0;
    if (c->level == 0) {
        const struct LOCALGROUP_MEMBERS_INFO_0 *in = c->input;
        for (uint32_t i = 0; i < *n; i++) sids[i] = in[i].lgrmi0_sid;
    } else {
        const struct LOCALGROUP_MEMBERS_INFO_3 *in = c->input;
        const char **names = calloc(*n, sizeof *names);
        uint32_t unresolved;
        code = names ? 0 : LM_ERROR_NOT_ENOUGH_MEMORY;
        for (uint32_t i = 0; code == 0 && i < *n; i++)
            names[i] = in[i].lgrmi3_domainandname;
        if (code == 0)
            code = lm_rpc_lookup_names(c->creds, c->server, names, *n, resolved,
                                       &unresolved);
        for (uint32_t i = 0; code == 0 && i < *n; i++) sids[i] = resolved[i];
        free(names);
    }
    if (code != 0) {
        free(sids);
        return code;
    }
    *out = sids;
    return 0;
}

static uint32_t members_change(lm_call *c, members_fn fn, members_fn undo) {
    const void **sids;
    uint32_t n;
    uint32_t code = member_sids(c, &sids, &n);
    if (code == 0) code = each_member(c, fn, undo, sids, n);
    free(sids);
    return code;
}

uint32_t lm_shim_NetLocalGroupAddMembers(lm_call *c) {
    return members_change(c, NetLocalGroupAddMembers, NetLocalGroupDelMembers);
}

uint32_t lm_shim_NetLocalGroupDelMembers(lm_call *c) {
    return members_change(c, NetLocalGroupDelMembers, NetLocalGroupAddMembers);
}

static int same_sid(const void *a, const void *b) {
    const uint8_t *x = a, *y = b;
    return x[1] == y[1] && memcmp(x, y, 8 + 4 * (size_t)x[1]) == 0;
}

static int sid_in(const void *sid, const void *const *list, uint32_t n) {
    for (uint32_t i = 0; i < n; i++)
        if (same_sid(sid, list[i])) return 1;
    return 0;
}

/* The current members (over SAMR), then: add the new ones, remove the
** others; a failure in either step undoes what was done. */
uint32_t lm_shim_NetLocalGroupSetMembers(lm_call *c) {
    const void **want = NULL, **have = NULL, **add = NULL, **del = NULL;
    lm_rpc_member *m = NULL;
    uint32_t nwant = 0, nhave = 0, nadd = 0, ndel = 0;
    uint32_t code = member_sids(c, &want, &nwant);
    if (code == 0)
        code = lm_rpc_alias_members(c->creds, c->server, c->name, 0, &m, &nhave);
    if (code == 0) {
        have = calloc(nhave + 1, sizeof *have);
        add = calloc(nwant + 1, sizeof *add);
        del = calloc(nhave + 1, sizeof *del);
        if (have == NULL || add == NULL || del == NULL)
            code = LM_ERROR_NOT_ENOUGH_MEMORY;
    }
    for (uint32_t i = 0; code == 0 && i < nhave; i++) have[i] = m[i].sid;
    for (uint32_t i = 0; code == 0 && i < nwant; i++)
        if (!sid_in(want[i], have, nhave) && !sid_in(want[i], add, nadd))
            add[nadd++] = want[i];
    for (uint32_t i = 0; code == 0 && i < nhave; i++)
        if (!sid_in(have[i], want, nwant)) del[ndel++] = have[i];
    if (code == 0)
        code = each_member(c, NetLocalGroupAddMembers, NetLocalGroupDelMembers,
                           add, nadd);
    if (code == 0) {
        code = each_member(c, NetLocalGroupDelMembers, NetLocalGroupAddMembers,
                           del, ndel);
        if (code != 0)   /* take the added ones out again */
            each_member(c, NetLocalGroupDelMembers, NetLocalGroupAddMembers,
                        add, nadd);
    }
    free(want);
    free(have);
    free(add);
    free(del);
    lm_rpc_members_free(m, nhave);
    return code;
}
#endif /* !_WIN32 */
