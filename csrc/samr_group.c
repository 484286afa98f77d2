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
**     a stub that returns 50 without contacting the server): SamrConnect2,
**     the Builtin and account domains, LookupNames of the alias,
**     OpenAlias, GetMembersInAlias, then LsarLookupSids for names;
**   - "DOMAIN\name" to SID (LsarLookupNames), so that the level 3 member
**     calls, which abort the process inside libnetapi, can go through
**     level 0 instead.
**
** Platform neutral on its interface (internal.h, "group" and "localgroup"):
** results are lm_rpc_group / lm_rpc_member records with SIDs in the shared
** binary layout; the shims turn them into GROUP_INFO and
** LOCALGROUP_MEMBERS_INFO records.  Only this file
** includes Samba's RPC headers (which must not meet netapi.h: both declare
** SID types).
**
** Debian 12's libdcerpc-samr.so (pkg-config dcerpc_samr) exports no symbol
** at all: the generated dcerpc_samr_* client stubs live in a private
** library.  So every RPC goes through the public, table-driven
** dcerpc_binding_handle_call() with ndr_table_samr / ndr_table_lsarpc and
** the request structs of gen_ndr/samr.h and gen_ndr/lsa.h.  samba-dev ships
** no ndr_lsa.h, so the LSA table and opnums are declared here (MS-LSAT
** 3.1.4: Close 0, LookupNames 14, LookupSids 15, OpenPolicy2 44).
**
** Each call opens its own connection(s) with the call's credentials and
** drops them at the end (dropping a connection releases its handles on the
** server, so no Close calls are made).  Called from the shim's thunks,
** under the context lock like every libnetapi call.
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
#include <strings.h>

/* Samba's headers have unused parameters in static inline functions. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <talloc.h>
#include <tevent.h>
#include <core/ntstatus.h>
#include <credentials.h>
#include <param.h>
#include <dcerpc.h>
#include <gen_ndr/ndr_samr.h>
#include <gen_ndr/lsa.h>
#pragma GCC diagnostic pop

#include "internal.h"

extern const struct ndr_interface_table ndr_table_lsarpc;   /* ndr_standard */
#define LM_LSA_LOOKUPNAMES 14
#define LM_LSA_LOOKUPSIDS 15
#define LM_LSA_OPENPOLICY2 44

/* Both LSA lookups take at most 1000 entries a request (their IDL range). */
#define LM_RPC_BATCH 1000u

/* NET_API_STATUS codes used here. */
#define LM_ERROR_ACCESS_DENIED 5u
#define LM_ERROR_NOT_ENOUGH_MEMORY 8u
#define LM_ERROR_BAD_NETPATH 53u
#define LM_ERROR_INVALID_PARAMETER 87u
#define LM_ERROR_NO_SUCH_MEMBER 1387u
#define LM_RPC_S_CALL_FAILED 1726u
#define LM_NERR_GroupNotFound 2220u

/* NTSTATUS values of the connection and of the lookups, as netapi32 reports
** them; anything else is RPC_S_CALL_FAILED (during a call) or
** ERROR_BAD_NETPATH (while connecting). */
static uint32_t status_code(NTSTATUS st, uint32_t otherwise) {
    switch (NT_STATUS_V(st)) {
    case 0xC000006Du: /* NT_STATUS_LOGON_FAILURE */
    case 0xC000006Au: /* NT_STATUS_WRONG_PASSWORD */
    case 0xC0000064u: /* NT_STATUS_NO_SUCH_USER */
        return 1326u;  /* ERROR_LOGON_FAILURE */
    case 0xC0000072u: return 1331u;  /* ACCOUNT_DISABLED */
    case 0xC0000234u: return 1909u;  /* ACCOUNT_LOCKED_OUT */
    case 0xC0000071u: return 1330u;  /* PASSWORD_EXPIRED */
    case 0xC0000193u: return 1793u;  /* ACCOUNT_EXPIRED */
    case 0xC0000022u: return LM_ERROR_ACCESS_DENIED;
    case 0xC0000236u: return 1225u;  /* CONNECTION_REFUSED */
    case 0xC000023Du: return 1232u;  /* HOST_UNREACHABLE */
    case 0xC000023Cu: return 1231u;  /* NETWORK_UNREACHABLE */
    case 0xC00000B5u: return 121u;   /* IO_TIMEOUT: ERROR_SEM_TIMEOUT */
    case 0xC0000017u: return LM_ERROR_NOT_ENOUGH_MEMORY;
    case 0xC000000Du: return LM_ERROR_INVALID_PARAMETER;
    case 0xC0000151u: return LM_NERR_GroupNotFound;  /* NO_SUCH_ALIAS */
    default: return otherwise;
    }
}

/* One call's RPC state; everything hangs off mem. */
typedef struct rpc {
    TALLOC_CTX *mem;
    struct tevent_context *ev;
    struct loadparm_context *lp;
    struct cli_credentials *cred;
    const char *binding;
    const char *server;   /* as the server-name argument of the RPCs */
} rpc;

static void rpc_end(rpc *r) {
    talloc_free(r->mem);   /* also closes the connections */
    r->mem = NULL;
}

/* Sets up credentials for the server (NULL: this machine). */
static uint32_t rpc_begin(rpc *r, const lanman_creds *creds,
                          const char *server) {
    static int initialised;
    memset(r, 0, sizeof *r);
    if (!initialised) {
        if (!NT_STATUS_IS_OK(dcerpc_init())) return LM_RPC_S_CALL_FAILED;
        initialised = 1;   /* under the context lock */
    }
    r->mem = talloc_new(NULL);
    if (r->mem == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
    r->server = server ? server : "localhost";
    r->ev = tevent_context_init(r->mem);
    /* A fresh parameter context with Samba's defaults: nothing is read
    ** from, or changed in, what libnetapi loaded. */
    r->lp = loadparm_init(r->mem);
    r->cred = cli_credentials_init(r->mem);
    r->binding = talloc_asprintf(r->mem, "ncacn_np:%s", r->server);
    if (r->ev == NULL || r->lp == NULL || r->cred == NULL ||
        r->binding == NULL) {
        rpc_end(r);
        return LM_ERROR_NOT_ENOUGH_MEMORY;
    }
    cli_credentials_set_conf(r->cred, r->lp);
    const char *user = creds ? lanman_creds_user(creds) : "";
    if (*user == '\0') {
        cli_credentials_set_anonymous(r->cred);
    } else {
        cli_credentials_set_username(r->cred, user, CRED_SPECIFIED);
        cli_credentials_set_password(r->cred, lm_creds_password(creds),
                                     CRED_SPECIFIED);
        if (*lanman_creds_domain(creds))
            cli_credentials_set_domain(r->cred, lanman_creds_domain(creds),
                                       CRED_SPECIFIED);
    }
    cli_credentials_set_kerberos_state(
        r->cred,
        creds && lanman_creds_kerberos(creds) ? CRED_USE_KERBEROS_REQUIRED
                                              : CRED_USE_KERBEROS_DISABLED,
        CRED_SPECIFIED);
    return 0;
}

static uint32_t rpc_connect(rpc *r, const struct ndr_interface_table *table,
                            struct dcerpc_binding_handle **h) {
    struct dcerpc_pipe *p = NULL;
    NTSTATUS st = dcerpc_pipe_connect(r->mem, &p, r->binding, table, r->cred,
                                      r->ev, r->lp);
    /* Samba's client says NT_STATUS_NO_MEMORY when no host answers (after
    ** about 3 s) and NT_STATUS_OBJECT_NAME_NOT_FOUND for a name that does
    ** not resolve: netapi32 says ERROR_BAD_NETPATH for both. */
    if (NT_STATUS_EQUAL(st, NT_STATUS_NO_MEMORY)) return LM_ERROR_BAD_NETPATH;
    if (!NT_STATUS_IS_OK(st)) return status_code(st, LM_ERROR_BAD_NETPATH);
    *h = p->binding_handle;
    return 0;
}

/* One RPC; the transport status, else the call's own. */
static uint32_t rpc_call(rpc *r, struct dcerpc_binding_handle *h,
                         const struct ndr_interface_table *table,
                         uint32_t opnum, void *request, const NTSTATUS *result) {
    NTSTATUS st = dcerpc_binding_handle_call(h, NULL, table, opnum, r->mem,
                                             request);
    if (!NT_STATUS_IS_OK(st)) return status_code(st, LM_RPC_S_CALL_FAILED);
    if (!NT_STATUS_IS_OK(*result))
        return status_code(*result, LM_RPC_S_CALL_FAILED);
    return 0;
}

static uint32_t lsa_open(rpc *r, struct dcerpc_binding_handle **h,
                         struct policy_handle *policy) {
    uint32_t code = rpc_connect(r, &ndr_table_lsarpc, h);
    if (code != 0) return code;
    struct lsa_ObjectAttribute attr;
    struct lsa_OpenPolicy2 op;
    memset(&attr, 0, sizeof attr);
    memset(&op, 0, sizeof op);
    op.in.system_name = r->server;
    op.in.attr = &attr;
    op.in.access_mask = LSA_POLICY_LOOKUP_NAMES;
    op.out.handle = policy;
    return rpc_call(r, *h, &ndr_table_lsarpc, LM_LSA_OPENPOLICY2, &op,
                    &op.out.result);
}

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

static char *dup_text(const char *s) {
    if (s == NULL || *s == '\0') return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

void lm_rpc_members_free(lm_rpc_member *m, uint32_t count) {
    if (m == NULL) return;
    for (uint32_t i = 0; i < count; i++) {
        free(m[i].domain);
        free(m[i].name);
    }
    free(m);
}

/* SamrConnect2 and the server's domains: Builtin (Administrators, Users,
** ...) and its account domain (users, global groups, a DC's domain local
** groups).  Names point into r->mem. */
typedef struct samr_server {
    struct policy_handle connect;
    const char *builtin, *account;
} samr_server;

static uint32_t samr_open(rpc *r, struct dcerpc_binding_handle *h,
                          samr_server *s) {
    memset(s, 0, sizeof *s);
    struct samr_Connect2 c2;
    memset(&c2, 0, sizeof c2);
    c2.in.system_name = r->server;
    c2.in.access_mask = SAMR_ACCESS_CONNECT_TO_SERVER |
                        SAMR_ACCESS_ENUM_DOMAINS | SAMR_ACCESS_LOOKUP_DOMAIN;
    c2.out.connect_handle = &s->connect;
    uint32_t code = rpc_call(r, h, &ndr_table_samr, NDR_SAMR_CONNECT2, &c2,
                             &c2.out.result);
    if (code != 0) return code;
    uint32_t resume = 0, count = 0;
    struct samr_SamArray *domains = NULL;
    struct samr_EnumDomains ed;
    memset(&ed, 0, sizeof ed);
    ed.in.connect_handle = &s->connect;
    ed.in.resume_handle = &resume;
    ed.in.buf_size = 0xFFFFFFFFu;
    ed.out.resume_handle = &resume;
    ed.out.sam = &domains;
    ed.out.num_entries = &count;
    code = rpc_call(r, h, &ndr_table_samr, NDR_SAMR_ENUMDOMAINS, &ed,
                    &ed.out.result);
    if (code != 0) return code;
    for (uint32_t i = 0; domains != NULL && i < count; i++) {
        const char *d = domains->entries[i].name.string;
        if (d == NULL) continue;
        if (strcasecmp(d, "Builtin") == 0) s->builtin = d;
        else if (s->account == NULL) s->account = d;
    }
    return 0;
}

/* Opens domain `name` of the server; *sid is its SID. */
static uint32_t samr_open_domain(rpc *r, struct dcerpc_binding_handle *h,
                                 samr_server *s, const char *name,
                                 struct policy_handle *domain,
                                 struct dom_sid2 **sid) {
    struct lsa_String dname = {0, 0, name};
    struct samr_LookupDomain ld;
    memset(&ld, 0, sizeof ld);
    ld.in.connect_handle = &s->connect;
    ld.in.domain_name = &dname;
    ld.out.sid = sid;
    uint32_t code = rpc_call(r, h, &ndr_table_samr, NDR_SAMR_LOOKUPDOMAIN, &ld,
                             &ld.out.result);
    if (code != 0) return code;
    struct samr_OpenDomain od;
    memset(&od, 0, sizeof od);
    od.in.connect_handle = &s->connect;
    od.in.access_mask = SAMR_DOMAIN_ACCESS_LOOKUP_ALIAS |
                        SAMR_DOMAIN_ACCESS_OPEN_ACCOUNT;
    od.in.sid = *sid;
    od.out.domain_handle = domain;
    return rpc_call(r, h, &ndr_table_samr, NDR_SAMR_OPENDOMAIN, &od,
                    &od.out.result);
}

/* The RID and type of account `name` in an open domain; *found 0 if the
** domain has no such name. */
static uint32_t samr_lookup(rpc *r, struct dcerpc_binding_handle *h,
                            struct policy_handle *domain, const char *name,
                            uint32_t *rid, uint32_t *type, int *found) {
    struct lsa_String aname = {0, 0, name};
    struct samr_Ids rids = {0, NULL}, types = {0, NULL};
    struct samr_LookupNames ln;
    memset(&ln, 0, sizeof ln);
    ln.in.domain_handle = domain;
    ln.in.num_names = 1;
    ln.in.names = &aname;
    ln.out.rids = &rids;
    ln.out.types = &types;
    *found = 0;
    NTSTATUS st = dcerpc_binding_handle_call(h, NULL, &ndr_table_samr,
                                             NDR_SAMR_LOOKUPNAMES, r->mem, &ln);
    if (!NT_STATUS_IS_OK(st)) return status_code(st, LM_RPC_S_CALL_FAILED);
    if (NT_STATUS_EQUAL(ln.out.result, NT_STATUS_NONE_MAPPED)) return 0;
    if (!NT_STATUS_IS_OK(ln.out.result))
        return status_code(ln.out.result, LM_RPC_S_CALL_FAILED);
    if (rids.count != 1 || types.count != 1) return LM_RPC_S_CALL_FAILED;
    *rid = rids.ids[0];
    *type = types.ids[0];
    *found = 1;
    return 0;
}

/* Opens the alias called name in the Builtin or the account domain. */
static uint32_t open_alias(rpc *r, struct dcerpc_binding_handle *h,
                           const char *name, struct policy_handle *alias) {
    samr_server s;
    uint32_t code = samr_open(r, h, &s);
    if (code != 0) return code;
    const char *order[2] = {s.builtin, s.account};
    for (int k = 0; k < 2; k++) {
        if (order[k] == NULL) continue;
        struct policy_handle domain;
        struct dom_sid2 *sid = NULL;
        uint32_t rid = 0, type = 0;
        int found;
        code = samr_open_domain(r, h, &s, order[k], &domain, &sid);
        if (code == 0) code = samr_lookup(r, h, &domain, name, &rid, &type,
                                          &found);
        if (code != 0) return code;
        if (!found) continue;
        /* A user or a global group of that name is not a local group
        ** (netapi32 says NERR_GroupNotFound too). */
        if (type != SID_NAME_ALIAS) return LM_NERR_GroupNotFound;
        struct samr_OpenAlias oa;
        memset(&oa, 0, sizeof oa);
        oa.in.domain_handle = &domain;
        oa.in.access_mask = SAMR_ALIAS_ACCESS_GET_MEMBERS;
        oa.in.rid = rid;
        oa.out.alias_handle = alias;
        return rpc_call(r, h, &ndr_table_samr, NDR_SAMR_OPENALIAS, &oa,
                        &oa.out.result);
    }
    return LM_NERR_GroupNotFound;
}

uint32_t lm_rpc_group_info(const lanman_creds *creds, const char *server,
                           const char *name, lm_rpc_group *g) {
    rpc r;
    memset(g, 0, sizeof *g);
    uint32_t code = rpc_begin(&r, creds, server);
    if (code != 0) return code;
    struct dcerpc_binding_handle *h = NULL;
    samr_server s;
    struct policy_handle domain, group;
    struct dom_sid2 *sid = NULL;
    uint32_t rid = 0, type = 0;
    int found = 0;
    union samr_GroupInfo *info = NULL;
    code = rpc_connect(&r, &ndr_table_samr, &h);
    if (code == 0) code = samr_open(&r, h, &s);
    if (code == 0 && s.account == NULL) code = LM_NERR_GroupNotFound;
    if (code == 0) code = samr_open_domain(&r, h, &s, s.account, &domain, &sid);
    if (code == 0) code = samr_lookup(&r, h, &domain, name, &rid, &type, &found);
    /* Only a global group is one (netapi32: NERR_GroupNotFound otherwise). */
    if (code == 0 && (!found || type != SID_NAME_DOM_GRP))
        code = LM_NERR_GroupNotFound;
    if (code == 0) {
        struct samr_OpenGroup og;
        memset(&og, 0, sizeof og);
        og.in.domain_handle = &domain;
        og.in.access_mask = SAMR_GROUP_ACCESS_LOOKUP_INFO;
        og.in.rid = rid;
        og.out.group_handle = &group;
        code = rpc_call(&r, h, &ndr_table_samr, NDR_SAMR_OPENGROUP, &og,
                        &og.out.result);
    }
    if (code == 0) {
        struct samr_QueryGroupInfo q;
        memset(&q, 0, sizeof q);
        q.in.group_handle = &group;
        q.in.level = GROUPINFOALL2;
        q.out.info = &info;
        code = rpc_call(&r, h, &ndr_table_samr, NDR_SAMR_QUERYGROUPINFO, &q,
                        &q.out.result);
        if (code != 0 && NT_STATUS_EQUAL(q.out.result,
                                          NT_STATUS_INVALID_INFO_CLASS)) {
            q.in.level = GROUPINFOALL;   /* servers before Windows 2000 SP? */
            code = rpc_call(&r, h, &ndr_table_samr, NDR_SAMR_QUERYGROUPINFO,
                            &q, &q.out.result);
        }
    }
    if (code == 0 && (info == NULL || sid == NULL ||
                      sid_copy(g->sid, sid) != 0 ||
                      g->sid[1] >= LM_SID_MAX_SUBAUTHS))
        code = LM_RPC_S_CALL_FAILED;
    if (code == 0) {
        memcpy(g->sid + 8 + 4 * (size_t)g->sid[1], &rid, 4);
        g->sid[1]++;
        g->rid = rid;
        g->attributes = info->all.attributes;
        g->name = dup_text(info->all.name.string);
        g->comment = dup_text(info->all.description.string);
        if ((g->name == NULL && info->all.name.string &&
             *info->all.name.string) ||
            (g->comment == NULL && info->all.description.string &&
             *info->all.description.string)) {
            lm_rpc_group_free(g);
            code = LM_ERROR_NOT_ENOUGH_MEMORY;
        }
    }
    rpc_end(&r);
    return code;
}

void lm_rpc_group_free(lm_rpc_group *g) {
    free(g->name);
    free(g->comment);
    g->name = g->comment = NULL;
}

/* Names, domains and types of sids[first, first + n) into m (LSA). */
static uint32_t name_sids(rpc *r, struct dcerpc_binding_handle *h,
                          struct policy_handle *policy,
                          struct lsa_SidArray *all, uint32_t first, uint32_t n,
                          lm_rpc_member *m) {
    struct lsa_SidArray sids = {n, all->sids + first};
    struct lsa_TransNameArray names = {0, NULL};
    struct lsa_RefDomainList *domains = NULL;
    uint32_t count = 0;
    struct lsa_LookupSids ls;
    memset(&ls, 0, sizeof ls);
    ls.in.handle = policy;
    ls.in.sids = &sids;
    ls.in.level = LSA_LOOKUP_NAMES_ALL;
    ls.in.names = &names;
    ls.in.count = &count;
    ls.out.domains = &domains;
    ls.out.names = &names;
    ls.out.count = &count;
    NTSTATUS st = dcerpc_binding_handle_call(h, NULL, &ndr_table_lsarpc,
                                             LM_LSA_LOOKUPSIDS, r->mem, &ls);
    if (!NT_STATUS_IS_OK(st)) return status_code(st, LM_RPC_S_CALL_FAILED);
    /* Unknown SIDs (members deleted since, foreign ones) are no failure:
    ** they keep their SID, type SidTypeUnknown and no name. */
    if (!NT_STATUS_IS_OK(ls.out.result) &&
        !NT_STATUS_EQUAL(ls.out.result, STATUS_SOME_UNMAPPED) &&
        !NT_STATUS_EQUAL(ls.out.result, NT_STATUS_NONE_MAPPED))
        return status_code(ls.out.result, LM_RPC_S_CALL_FAILED);
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

uint32_t lm_rpc_alias_members(const lanman_creds *creds, const char *server,
                              const char *alias, int with_names,
                              lm_rpc_member **members, uint32_t *count) {
    rpc r;
    *members = NULL;
    *count = 0;
    uint32_t code = rpc_begin(&r, creds, server);
    if (code != 0) return code;
    struct dcerpc_binding_handle *samr = NULL;
    struct policy_handle alias_handle;
    struct lsa_SidArray sids = {0, NULL};
    code = rpc_connect(&r, &ndr_table_samr, &samr);
    if (code == 0) code = open_alias(&r, samr, alias, &alias_handle);
    if (code == 0) {
        struct samr_GetMembersInAlias gm;
        memset(&gm, 0, sizeof gm);
        gm.in.alias_handle = &alias_handle;
        gm.out.sids = &sids;
        code = rpc_call(&r, samr, &ndr_table_samr, NDR_SAMR_GETMEMBERSINALIAS,
                        &gm, &gm.out.result);
    }
    lm_rpc_member *m = NULL;
    if (code == 0 && sids.num_sids > 0) {
        m = calloc(sids.num_sids, sizeof *m);
        if (m == NULL) code = LM_ERROR_NOT_ENOUGH_MEMORY;
        for (uint32_t i = 0; code == 0 && i < sids.num_sids; i++) {
            m[i].sid_type = SID_NAME_UNKNOWN;
            if (sid_copy(m[i].sid, sids.sids[i].sid) != 0)
                code = LM_RPC_S_CALL_FAILED;   /* malformed answer */
        }
    }
    if (code == 0 && with_names && sids.num_sids > 0) {
        struct dcerpc_binding_handle *lsa = NULL;
        struct policy_handle policy;
        code = lsa_open(&r, &lsa, &policy);
        for (uint32_t first = 0; code == 0 && first < sids.num_sids;
             first += LM_RPC_BATCH) {
            uint32_t n = sids.num_sids - first;
            if (n > LM_RPC_BATCH) n = LM_RPC_BATCH;
            code = name_sids(&r, lsa, &policy, &sids, first, n, m + first);
        }
    }
    if (code == 0) {
        *members = m;
        *count = sids.num_sids;
    } else {
        lm_rpc_members_free(m, sids.num_sids);
    }
    rpc_end(&r);
    return code;
}

uint32_t lm_rpc_lookup_names(const lanman_creds *creds, const char *server,
                             const char *const *names, uint32_t count,
                             uint8_t (*sids)[LM_SID_SIZE],
                             uint32_t *unresolved) {
    rpc r;
    *unresolved = UINT32_MAX;
    uint32_t code = rpc_begin(&r, creds, server);
    if (code != 0) return code;
    struct dcerpc_binding_handle *lsa = NULL;
    struct policy_handle policy;
    code = lsa_open(&r, &lsa, &policy);
    for (uint32_t first = 0; code == 0 && first < count;
         first += LM_RPC_BATCH) {
        uint32_t n = count - first;
        if (n > LM_RPC_BATCH) n = LM_RPC_BATCH;
        struct lsa_String *in = talloc_zero_array(r.mem, struct lsa_String, n);
        if (in == NULL) {
            code = LM_ERROR_NOT_ENOUGH_MEMORY;
            break;
        }
        for (uint32_t i = 0; i < n; i++) in[i].string = names[first + i];
        struct lsa_TransSidArray out = {0, NULL};
        struct lsa_RefDomainList *domains = NULL;
        uint32_t mapped = 0;
        struct lsa_LookupNames ln;
        memset(&ln, 0, sizeof ln);
        ln.in.handle = &policy;
        ln.in.num_names = n;
        ln.in.names = in;
        ln.in.level = LSA_LOOKUP_NAMES_ALL;
        ln.in.sids = &out;
        ln.in.count = &mapped;
        ln.out.domains = &domains;
        ln.out.sids = &out;
        ln.out.count = &mapped;
        NTSTATUS st = dcerpc_binding_handle_call(lsa, NULL, &ndr_table_lsarpc,
                                                 LM_LSA_LOOKUPNAMES, r.mem, &ln);
        if (!NT_STATUS_IS_OK(st)) {
            code = status_code(st, LM_RPC_S_CALL_FAILED);
            break;
        }
        if (!NT_STATUS_IS_OK(ln.out.result) &&
            !NT_STATUS_EQUAL(ln.out.result, STATUS_SOME_UNMAPPED) &&
            !NT_STATUS_EQUAL(ln.out.result, NT_STATUS_NONE_MAPPED)) {
            code = status_code(ln.out.result, LM_RPC_S_CALL_FAILED);
            break;
        }
        for (uint32_t i = 0; i < n; i++) {
            /* An account: a user, a group, an alias, a well-known group or
            ** a computer.  A domain name, or no name at all, is no member
            ** (netapi32: ERROR_NO_SUCH_MEMBER). */
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
            if (!account || dom == NULL || dom->num_auths < 0 ||
                dom->num_auths >= LM_SID_MAX_SUBAUTHS ||
                sid_copy(sids[first + i], dom) != 0) {
                *unresolved = first + i;
                code = LM_ERROR_NO_SUCH_MEMBER;
                break;
            }
            /* The account's SID is its domain's plus its RID. */
            uint8_t *s = sids[first + i];
            memcpy(s + 8 + 4 * (size_t)s[1], &t->rid, 4);
            s[1]++;
        }
    }
    rpc_end(&r);
    return code;
}
#endif /* !_WIN32 */
