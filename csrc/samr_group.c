/*
** samr_group.c -- what libnetapi cannot do (right) for groups and local
** groups, done over SAMR and LSA with Samba's public client libraries
** (samba-dev: dcerpc, ndr_standard, samba-credentials, samba-hostconfig):
**
**   - a global group's record: libnetapi's NetGroupGetInfo returns strings
**     it has already freed (valgrind: invalid reads of the name and the
**     comment, which then read as garbage); SamrLookupNames, OpenGroup,
**     QueryGroupInfo here;
**   - the members of a local group (libnetapi's NetLocalGroupGetMembers is
**     a stub that returns 50 without contacting the server): LookupNames
**     of the alias in the Builtin and the account domain, OpenAlias,
**     GetMembersInAlias, then LsarLookupSids for the names;
**   - "DOMAIN\name" to SID (LsarLookupNames), so that the level 3 member
**     calls, which abort the process inside libnetapi, can go through
**     level 0 instead.
**
** Platform neutral on its interface (internal.h, "group" and "localgroup"):
** results are lm_rpc_group / lm_rpc_member records with SIDs in the shared
** binary layout; the shims turn them into GROUP_INFO and
** LOCALGROUP_MEMBERS_INFO records, so Samba's RPC headers (which must not
** meet netapi.h: both declare SID types) stay out of them.
**
** Everything runs on the kept connection of samr_conn.c (its SAMR pipe
** with the two domains open, its LSA policy handle); per-call handles (an
** alias, a group) are closed after use.
*/
#ifndef _WIN32
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   /* what pkg-config --cflags would add */
#endif
#ifndef HAVE_IMMEDIATE_STRUCTURES
#define HAVE_IMMEDIATE_STRUCTURES 1
#endif
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "samr_conn.h"

/* Both LSA lookups take at most 1000 entries a request (their IDL range). */
#define LM_RPC_BATCH 1000u

/* A SID of the shared layout (internal.h) from Samba's struct dom_sid. */
static int sid_copy(uint8_t *out, const struct dom_sid *sid) {
    if (sid == NULL || sid->num_auths < 0 ||
        sid->num_auths > LM_SID_MAX_SUBAUTHS)
        return -1;
    memset(out, 0, LM_SID_SIZE);
    out[0] = sid->sid_rev_num;
    out[1] = (uint8_t)sid->num_auths;
    memcpy(out + 2, sid->id_auth, 6);
    memcpy(out + 8, sid->sub_auths, 4 * (size_t)sid->num_auths);
    return 0;
}

/* A domain's SID plus a RID. */
static int sid_compose(uint8_t *out, const struct dom_sid *domain,
                       uint32_t rid) {
    if (sid_copy(out, domain) != 0 || out[1] >= LM_SID_MAX_SUBAUTHS) return -1;
    memcpy(out + 8 + 4 * (size_t)out[1], &rid, 4);
    out[1]++;
    return 0;
}

static char *dup_text(const char *s) {
    if (s == NULL || *s == '\0') return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

/* ---- a global group's record ---- */

typedef struct group_job {
    const char *name;
    lm_rpc_group *g;
} group_job;

static uint32_t group_info_once(lm_rpc *r, void *arg) {
    group_job *j = arg;
    lm_rpc_group *g = j->g;
    uint32_t rid = 0, type = 0;
    int found = 0;
    lm_rpc_pipe *p = &r->c->samr;
    uint32_t code = lm_rpc_samr(r, p);
    if (code == 0 && p->account.name == NULL) code = LM_NERR_GroupNotFound;
    if (code == 0)
        code = lm_rpc_lookup(r, p, &p->account, j->name, &rid, &type, &found);
    /* Only a global group is one (netapi32: NERR_GroupNotFound otherwise). */
    if (code == 0 && (!found || type != SID_NAME_DOM_GRP))
        code = LM_NERR_GroupNotFound;
    if (code != 0) return code;
    struct policy_handle group;
    struct samr_OpenGroup og;
    memset(&og, 0, sizeof og);
    og.in.domain_handle = &p->account.handle;
    og.in.access_mask = SAMR_GROUP_ACCESS_LOOKUP_INFO;
    og.in.rid = rid;
    og.out.group_handle = &group;
    code = lm_rpc_call(r, p->h, &ndr_table_samr, NDR_SAMR_OPENGROUP, &og,
                       &og.out.result);
    if (code != 0) return code;
    union samr_GroupInfo *info = NULL;
    struct samr_QueryGroupInfo q;
    memset(&q, 0, sizeof q);
    q.in.group_handle = &group;
    q.in.level = GROUPINFOALL2;
    q.out.info = &info;
    code = lm_rpc_send(r, p->h, &ndr_table_samr, NDR_SAMR_QUERYGROUPINFO, &q);
    if (code == 0 &&
        NT_STATUS_EQUAL(q.out.result, NT_STATUS_INVALID_INFO_CLASS)) {
        q.in.level = GROUPINFOALL;   /* servers that lack level 5 */
        code = lm_rpc_send(r, p->h, &ndr_table_samr, NDR_SAMR_QUERYGROUPINFO,
                           &q);
    }
    if (code == 0 && !NT_STATUS_IS_OK(q.out.result))
        code = lm_rpc_failed(r, &ndr_table_samr, NDR_SAMR_QUERYGROUPINFO,
                             q.out.result, 0);
    lm_rpc_close(r, p, &group);
    if (code == 0 && (info == NULL ||
                      sid_compose(g->sid, p->account.sid, rid) != 0))
        code = LM_RPC_S_CALL_FAILED;
    if (code != 0) return code;
    g->rid = rid;
    g->attributes = info->all.attributes;   /* all and all2: one layout */
    g->name = dup_text(info->all.name.string);
    g->comment = dup_text(info->all.description.string);
    if ((g->name == NULL && info->all.name.string && *info->all.name.string) ||
        (g->comment == NULL && info->all.description.string &&
         *info->all.description.string)) {
        lm_rpc_group_free(g);
        return LM_ERROR_NOT_ENOUGH_MEMORY;
    }
    return 0;
}

uint32_t lm_rpc_group_info(const lanman_creds *creds, const char *server,
                           const char *name, lm_rpc_group *g) {
    memset(g, 0, sizeof *g);
    group_job j = {name, g};
    return lm_rpc_run(creds, server, LM_RPC_KEPT, group_info_once, &j);
}

void lm_rpc_group_free(lm_rpc_group *g) {
    free(g->name);
    free(g->comment);
    g->name = g->comment = NULL;
}

/* ---- a local group's members ---- */

void lm_rpc_members_free(lm_rpc_member *m, uint32_t count) {
    if (m == NULL) return;
    for (uint32_t i = 0; i < count; i++) {
        free(m[i].domain);
        free(m[i].name);
    }
    free(m);
}

/* Opens the alias called name in the Builtin or the account domain. */
static uint32_t open_alias(lm_rpc *r, const char *name,
                           struct policy_handle *alias) {
    lm_rpc_pipe *p = &r->c->samr;
    uint32_t code = lm_rpc_samr(r, p);
    if (code != 0) return code;
    lm_rpc_domain *order[2] = {&p->builtin, &p->account};
    for (int k = 0; k < 2; k++) {
        uint32_t rid = 0, type = 0;
        int found;
        if (order[k]->name == NULL) continue;
        code = lm_rpc_lookup(r, p, order[k], name, &rid, &type, &found);
        if (code != 0) return code;
        if (!found) continue;
        /* A user or a global group of that name is not a local group
        ** (netapi32 says NERR_GroupNotFound too). */
        if (type != SID_NAME_ALIAS) return LM_NERR_GroupNotFound;
        struct samr_OpenAlias oa;
        memset(&oa, 0, sizeof oa);
        oa.in.domain_handle = &order[k]->handle;
        oa.in.access_mask = SAMR_ALIAS_ACCESS_GET_MEMBERS;
        oa.in.rid = rid;
        oa.out.alias_handle = alias;
        return lm_rpc_call(r, p->h, &ndr_table_samr, NDR_SAMR_OPENALIAS,
                           &oa, &oa.out.result);
    }
    return LM_NERR_GroupNotFound;
}

/* Names, domains and types of sids[first, first + n) into m (LSA). */
static uint32_t name_sids(lm_rpc *r, struct lsa_SidArray *all, uint32_t first,
                          uint32_t n, lm_rpc_member *m) {
    struct lsa_SidArray sids = {n, all->sids + first};
    struct lsa_TransNameArray names = {0, NULL};
    struct lsa_RefDomainList *domains = NULL;
    uint32_t count = 0;
    struct lsa_LookupSids ls;
    memset(&ls, 0, sizeof ls);
    ls.in.handle = &r->c->policy;
    ls.in.sids = &sids;
    ls.in.level = LSA_LOOKUP_NAMES_ALL;
    ls.in.names = &names;
    ls.in.count = &count;
    ls.out.domains = &domains;
    ls.out.names = &names;
    ls.out.count = &count;
    uint32_t code = lm_rpc_send(r, r->c->lsa, &ndr_table_lsarpc,
                                LM_LSA_LOOKUPSIDS, &ls);
    if (code != 0) return code;
    /* Unknown SIDs (members deleted since, foreign ones) are no failure:
    ** they keep their SID, type SidTypeUnknown and no name. */
    if (!NT_STATUS_IS_OK(ls.out.result) &&
        !NT_STATUS_EQUAL(ls.out.result, STATUS_SOME_UNMAPPED) &&
        !NT_STATUS_EQUAL(ls.out.result, NT_STATUS_NONE_MAPPED))
        return lm_rpc_failed(r, &ndr_table_lsarpc, LM_LSA_LOOKUPSIDS,
                             ls.out.result, 0);
    for (uint32_t i = 0; i < n; i++) {
        m[i].sid_type = SID_NAME_UNKNOWN;
        if (i >= names.count || names.names == NULL) continue;
        const struct lsa_TranslatedName *t = &names.names[i];
        const char *domain = domains != NULL && domains->domains != NULL &&
                             t->sid_index < domains->count
                                 ? domains->domains[t->sid_index].name.string
                                 : NULL;
        m[i].sid_type = (uint32_t)t->sid_type;
        m[i].name = dup_text(t->name.string);
        m[i].domain = dup_text(domain);
        if ((m[i].name == NULL && t->name.string && *t->name.string) ||
            (m[i].domain == NULL && domain && *domain))
            return LM_ERROR_NOT_ENOUGH_MEMORY;
    }
    return 0;
}

typedef struct members_job {
    const char *alias;
    int with_names;
    lm_rpc_member *m;
    uint32_t count;
} members_job;

static uint32_t alias_members_once(lm_rpc *r, void *arg) {
    members_job *j = arg;
    struct policy_handle alias;
    struct lsa_SidArray sids = {0, NULL};
    uint32_t code = open_alias(r, j->alias, &alias);
    if (code != 0) return code;
    struct samr_GetMembersInAlias gm;
    memset(&gm, 0, sizeof gm);
    gm.in.alias_handle = &alias;
    gm.out.sids = &sids;
    code = lm_rpc_call(r, r->c->samr.h, &ndr_table_samr,
                       NDR_SAMR_GETMEMBERSINALIAS, &gm, &gm.out.result);
    lm_rpc_close(r, &r->c->samr, &alias);
    if (code != 0 || sids.num_sids == 0) return code;
    lm_rpc_member *m = calloc(sids.num_sids, sizeof *m);
    if (m == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
    for (uint32_t i = 0; code == 0 && i < sids.num_sids; i++) {
        m[i].sid_type = SID_NAME_UNKNOWN;
        if (sid_copy(m[i].sid, sids.sids[i].sid) != 0)
            code = LM_RPC_S_CALL_FAILED;   /* malformed answer */
    }
    if (code == 0 && j->with_names) code = lm_rpc_lsa(r);
    for (uint32_t first = 0; code == 0 && j->with_names &&
                             first < sids.num_sids; first += LM_RPC_BATCH) {
        uint32_t n = sids.num_sids - first;
        if (n > LM_RPC_BATCH) n = LM_RPC_BATCH;
        code = name_sids(r, &sids, first, n, m + first);
    }
    if (code != 0) {
        lm_rpc_members_free(m, sids.num_sids);
        return code;
    }
    j->m = m;
    j->count = sids.num_sids;
    return 0;
}

uint32_t lm_rpc_alias_members(const lanman_creds *creds, const char *server,
                              const char *alias, int with_names,
                              lm_rpc_member **members, uint32_t *count) {
    members_job j = {alias, with_names, NULL, 0};
    uint32_t code = lm_rpc_run(creds, server, LM_RPC_KEPT, alias_members_once,
                               &j);
    *members = j.m;
    *count = j.count;
    return code;
}

/* ---- names to SIDs ---- */

typedef struct names_job {
    const char *const *names;
    uint32_t count;
    uint8_t (*sids)[LM_SID_SIZE];
    uint32_t unresolved;
} names_job;

static uint32_t lookup_names_once(lm_rpc *r, void *arg) {
    names_job *j = arg;
    uint32_t code = lm_rpc_lsa(r);
    for (uint32_t first = 0; code == 0 && first < j->count;
         first += LM_RPC_BATCH) {
        uint32_t n = j->count - first;
        if (n > LM_RPC_BATCH) n = LM_RPC_BATCH;
        struct lsa_String *in = talloc_zero_array(r->tmp, struct lsa_String, n);
        if (in == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
        for (uint32_t i = 0; i < n; i++) in[i].string = j->names[first + i];
        struct lsa_TransSidArray out = {0, NULL};
        struct lsa_RefDomainList *domains = NULL;
        uint32_t mapped = 0;
        struct lsa_LookupNames ln;
        memset(&ln, 0, sizeof ln);
        ln.in.handle = &r->c->policy;
        ln.in.num_names = n;
        ln.in.names = in;
        ln.in.level = LSA_LOOKUP_NAMES_ALL;
        ln.in.sids = &out;
        ln.in.count = &mapped;
        ln.out.domains = &domains;
        ln.out.sids = &out;
        ln.out.count = &mapped;
        code = lm_rpc_send(r, r->c->lsa, &ndr_table_lsarpc, LM_LSA_LOOKUPNAMES,
                           &ln);
        if (code != 0) return code;
        if (!NT_STATUS_IS_OK(ln.out.result) &&
            !NT_STATUS_EQUAL(ln.out.result, STATUS_SOME_UNMAPPED) &&
            !NT_STATUS_EQUAL(ln.out.result, NT_STATUS_NONE_MAPPED))
            return lm_rpc_failed(r, &ndr_table_lsarpc, LM_LSA_LOOKUPNAMES,
                                 ln.out.result, 0);
        for (uint32_t i = 0; i < n; i++) {
            /* An account: a user, a group, an alias, a well-known group or
            ** a computer.  A domain name, or no name at all, is no member
            ** (netapi32: ERROR_NO_SUCH_MEMBER).  Its SID is its domain's
            ** plus its RID. */
            const struct lsa_TranslatedSid *t =
                i < out.count && out.sids ? &out.sids[i] : NULL;
            const struct dom_sid *dom =
                t && domains && domains->domains &&
                t->sid_index < domains->count
                    ? domains->domains[t->sid_index].sid : NULL;
            int account = t && (t->sid_type == SID_NAME_USER ||
                                t->sid_type == SID_NAME_DOM_GRP ||
                                t->sid_type == SID_NAME_ALIAS ||
                                t->sid_type == SID_NAME_WKN_GRP ||
                                t->sid_type == SID_NAME_COMPUTER);
            if (!account || dom == NULL ||
                sid_compose(j->sids[first + i], dom, t->rid) != 0) {
                j->unresolved = first + i;
                return LM_ERROR_NO_SUCH_MEMBER;
            }
        }
    }
    return code;
}

uint32_t lm_rpc_lookup_names(const lanman_creds *creds, const char *server,
                             const char *const *names, uint32_t count,
                             uint8_t (*sids)[LM_SID_SIZE],
                             uint32_t *unresolved) {
    names_job j = {names, count, sids, UINT32_MAX};
    uint32_t code = lm_rpc_run(creds, server, LM_RPC_KEPT, lookup_names_once,
                               &j);
    *unresolved = j.unresolved;
    return code;
}
#endif /* !_WIN32 */
