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
** LOCALGROUP_MEMBERS_INFO records.  Only this file includes Samba's RPC
** headers (which must not meet netapi.h: both declare SID types).
**
** Debian 12's libdcerpc-samr.so (pkg-config dcerpc_samr) exports no symbol
** at all: the generated dcerpc_samr_* client stubs live in a private
** library.  So every RPC goes through the public, table-driven
** dcerpc_binding_handle_call() with ndr_table_samr / ndr_table_lsarpc and
** the request structs of gen_ndr/samr.h and gen_ndr/lsa.h.  samba-dev ships
** no ndr_lsa.h, so the LSA table and opnums are declared here (MS-LSAT
** 3.1.4: Close 0, LookupNames 14, LookupSids 15, OpenPolicy2 44).
**
** The connection: setting one up (SMB, NTLM, bind) costs 0.1-0.2 s, so,
** like libnetapi, the last one is kept -- one server, one set of
** credentials -- with its SAMR connect and domain handles and its LSA
** policy handle; per-call handles (an alias, a group) are closed after use.
** Other credentials or another server replace it; a call that fails on the
** transport (the server restarted, the connection dropped) drops it and is
** made once more on a new one.  Everything here runs from the shim's
** thunks, under the context lock like every libnetapi call.
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
#define LM_LSA_CLOSE 0
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

/* ---- the kept connection ---- */

typedef struct rpc_domain {
    const char *name;            /* NULL if the server has none such */
    struct dom_sid2 *sid;
    struct policy_handle handle;
} rpc_domain;

typedef struct rpc_conn {
    TALLOC_CTX *mem;             /* owns all below but creds */
    char *server;                /* "localhost" for this machine */
    lanman_creds *creds;         /* owned copy; NULL: anonymous */
    struct tevent_context *ev;
    struct loadparm_context *lp;
    struct cli_credentials *cred;
    const char *binding;
    struct dcerpc_binding_handle *samr, *lsa;   /* NULL until needed */
    int samr_ready, lsa_ready;   /* the handles below are open */
    struct policy_handle connect, policy;
    rpc_domain builtin, account;
} rpc_conn;

static rpc_conn *kept;

/* Samba's default client parameters, made once: every loadparm_init() sets
** Samba's debug log file name anew and leaks the old one (valgrind:
** definitely lost, 121 bytes a time). */
static struct loadparm_context *defaults;

static void conn_free(rpc_conn *c) {
    if (c == NULL) return;
    talloc_free(c->mem);   /* closes the connections */
    lanman_creds_free(c->creds);
    free(c);
}

static rpc_conn *conn_new(const lanman_creds *creds, const char *server) {
    rpc_conn *c = calloc(1, sizeof *c);
    if (c == NULL) return NULL;
    c->mem = talloc_new(NULL);
    if (c->mem == NULL || (creds != NULL && (c->creds = lm_creds_copy(creds)) == NULL)) {
        conn_free(c);
        return NULL;
    }
    c->server = talloc_strdup(c->mem, server);
    c->ev = tevent_context_init(c->mem);
    c->lp = defaults;
    c->cred = cli_credentials_init(c->mem);
    c->binding = talloc_asprintf(c->mem, "ncacn_np:%s", server);
    if (c->server == NULL || c->ev == NULL || c->lp == NULL ||
        c->cred == NULL || c->binding == NULL) {
        conn_free(c);
        return NULL;
    }
    cli_credentials_set_conf(c->cred, c->lp);
    const char *user = creds ? lanman_creds_user(creds) : "";
    if (*user == '\0') {
        cli_credentials_set_anonymous(c->cred);
    } else {
        cli_credentials_set_username(c->cred, user, CRED_SPECIFIED);
        cli_credentials_set_password(c->cred, lm_creds_password(creds),
                                     CRED_SPECIFIED);
        if (*lanman_creds_domain(creds))
            cli_credentials_set_domain(c->cred, lanman_creds_domain(creds),
                                       CRED_SPECIFIED);
    }
    cli_credentials_set_kerberos_state(
        c->cred,
        creds && lanman_creds_kerberos(creds) ? CRED_USE_KERBEROS_REQUIRED
                                              : CRED_USE_KERBEROS_DISABLED,
        CRED_SPECIFIED);
    return c;
}

/* One call's state: the kept connection and a pool for this call's data. */
typedef struct rpc {
    rpc_conn *c;
    TALLOC_CTX *tmp;
    int broken;     /* the transport failed: drop the connection */
} rpc;

/* Starts a call on the kept connection if it is for this server and these
** credentials, on a new one otherwise. */
static uint32_t rpc_begin(rpc *r, const lanman_creds *creds,
                          const char *server) {
    static int initialised;
    memset(r, 0, sizeof *r);
    if (!initialised) {
        if (!NT_STATUS_IS_OK(dcerpc_init())) return LM_RPC_S_CALL_FAILED;
        /* A parameter context of its own with Samba's defaults: nothing is
        ** read from, or changed in, what libnetapi loaded.  Kept for the
        ** process. */
        defaults = loadparm_init(NULL);
        if (defaults == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
        initialised = 1;
    }
    if (server == NULL) server = "localhost";
    if (kept == NULL || strcmp(kept->server, server) != 0 ||
        !lm_creds_equal(kept->creds, creds)) {
        conn_free(kept);
        kept = conn_new(creds, server);
        if (kept == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
    }
    r->c = kept;
    r->tmp = talloc_new(kept->mem);
    return r->tmp ? 0 : LM_ERROR_NOT_ENOUGH_MEMORY;
}

static void rpc_end(rpc *r) {
    talloc_free(r->tmp);
    if (r->broken && kept == r->c) {
        conn_free(kept);
        kept = NULL;
    }
}

static uint32_t rpc_connect(rpc *r, const struct ndr_interface_table *table,
                            struct dcerpc_binding_handle **h) {
    if (*h != NULL) return 0;
    struct dcerpc_pipe *p = NULL;
    NTSTATUS st = dcerpc_pipe_connect(r->c->mem, &p, r->c->binding, table,
                                      r->c->cred, r->c->ev, r->c->lp);
    /* Samba's client says NT_STATUS_NO_MEMORY when no host answers (after
    ** about 3 s) and NT_STATUS_OBJECT_NAME_NOT_FOUND for a name that does
    ** not resolve: netapi32 says ERROR_BAD_NETPATH for both. */
    if (NT_STATUS_EQUAL(st, NT_STATUS_NO_MEMORY)) return LM_ERROR_BAD_NETPATH;
    if (!NT_STATUS_IS_OK(st)) return status_code(st, LM_ERROR_BAD_NETPATH);
    *h = p->binding_handle;
    return 0;
}

/* One RPC: the transport's failure (which breaks the connection), else
** *result as a NET_API_STATUS; *result itself is left for callers that
** accept some failures (NONE_MAPPED ...). */
static uint32_t rpc_send(rpc *r, struct dcerpc_binding_handle *h,
                         const struct ndr_interface_table *table,
                         uint32_t opnum, void *request) {
    NTSTATUS st = dcerpc_binding_handle_call(h, NULL, table, opnum, r->tmp,
                                             request);
    if (NT_STATUS_IS_OK(st)) return 0;
    r->broken = 1;
    return status_code(st, LM_RPC_S_CALL_FAILED);
}

static uint32_t rpc_call(rpc *r, struct dcerpc_binding_handle *h,
                         const struct ndr_interface_table *table,
                         uint32_t opnum, void *request, const NTSTATUS *result) {
    uint32_t code = rpc_send(r, h, table, opnum, request);
    if (code == 0 && !NT_STATUS_IS_OK(*result))
        code = status_code(*result, LM_RPC_S_CALL_FAILED);
    return code;
}

static void samr_close(rpc *r, struct policy_handle *handle) {
    struct samr_Close cl;
    memset(&cl, 0, sizeof cl);
    cl.in.handle = handle;
    cl.out.handle = handle;
    rpc_send(r, r->c->samr, &ndr_table_samr, NDR_SAMR_CLOSE, &cl);
}

/* Opens domain d (named) and fills in its SID and handle. */
static uint32_t samr_open_domain(rpc *r, rpc_domain *d) {
    rpc_conn *c = r->c;
    struct lsa_String dname = {0, 0, d->name};
    struct samr_LookupDomain ld;
    memset(&ld, 0, sizeof ld);
    ld.in.connect_handle = &c->connect;
    ld.in.domain_name = &dname;
    ld.out.sid = &d->sid;
    uint32_t code = rpc_call(r, c->samr, &ndr_table_samr,
                             NDR_SAMR_LOOKUPDOMAIN, &ld, &ld.out.result);
    if (code != 0) return code;
    talloc_steal(c->mem, d->sid);   /* kept with the handle */
    struct samr_OpenDomain od;
    memset(&od, 0, sizeof od);
    od.in.connect_handle = &c->connect;
    od.in.access_mask = SAMR_DOMAIN_ACCESS_LOOKUP_ALIAS |
                        SAMR_DOMAIN_ACCESS_OPEN_ACCOUNT;
    od.in.sid = d->sid;
    od.out.domain_handle = &d->handle;
    return rpc_call(r, c->samr, &ndr_table_samr, NDR_SAMR_OPENDOMAIN, &od,
                    &od.out.result);
}

/* The SAMR pipe with SamrConnect2 done and both domains open: Builtin
** (Administrators, Users, ...) and the account domain (users, global
** groups, a DC's domain local groups). */
static uint32_t samr_ready(rpc *r) {
    rpc_conn *c = r->c;
    uint32_t code = rpc_connect(r, &ndr_table_samr, &c->samr);
    if (code != 0 || c->samr_ready) return code;
    struct samr_Connect2 c2;
    memset(&c2, 0, sizeof c2);
    c2.in.system_name = c->server;
    c2.in.access_mask = SAMR_ACCESS_CONNECT_TO_SERVER |
                        SAMR_ACCESS_ENUM_DOMAINS | SAMR_ACCESS_LOOKUP_DOMAIN;
    c2.out.connect_handle = &c->connect;
    code = rpc_call(r, c->samr, &ndr_table_samr, NDR_SAMR_CONNECT2, &c2,
                    &c2.out.result);
    if (code != 0) return code;
    uint32_t resume = 0, count = 0;
    struct samr_SamArray *domains = NULL;
    struct samr_EnumDomains ed;
    memset(&ed, 0, sizeof ed);
    ed.in.connect_handle = &c->connect;
    ed.in.resume_handle = &resume;
    ed.in.buf_size = 0xFFFFFFFFu;
    ed.out.resume_handle = &resume;
    ed.out.sam = &domains;
    ed.out.num_entries = &count;
    code = rpc_call(r, c->samr, &ndr_table_samr, NDR_SAMR_ENUMDOMAINS, &ed,
                    &ed.out.result);
    if (code != 0) return code;
    for (uint32_t i = 0; domains != NULL && i < count; i++) {
        const char *d = domains->entries[i].name.string;
        if (d == NULL) continue;
        if (strcasecmp(d, "Builtin") == 0)
            c->builtin.name = talloc_strdup(c->mem, d);
        else if (c->account.name == NULL)
            c->account.name = talloc_strdup(c->mem, d);
    }
    if (c->builtin.name) code = samr_open_domain(r, &c->builtin);
    if (code == 0 && c->account.name) code = samr_open_domain(r, &c->account);
    if (code == 0) c->samr_ready = 1;
    return code;
}

/* The LSA pipe with a policy handle for lookups. */
static uint32_t lsa_ready(rpc *r) {
    rpc_conn *c = r->c;
    uint32_t code = rpc_connect(r, &ndr_table_lsarpc, &c->lsa);
    if (code != 0 || c->lsa_ready) return code;
    struct lsa_ObjectAttribute attr;
    struct lsa_OpenPolicy2 op;
    memset(&attr, 0, sizeof attr);
    memset(&op, 0, sizeof op);
    op.in.system_name = c->server;
    op.in.attr = &attr;
    op.in.access_mask = LSA_POLICY_LOOKUP_NAMES;
    op.out.handle = &c->policy;
    code = rpc_call(r, c->lsa, &ndr_table_lsarpc, LM_LSA_OPENPOLICY2, &op,
                    &op.out.result);
    if (code == 0) c->lsa_ready = 1;
    return code;
}

/* The RID and type of account `name` in an open domain; *found 0 if the
** domain has no such name. */
static uint32_t samr_lookup(rpc *r, rpc_domain *d, const char *name,
                            uint32_t *rid, uint32_t *type, int *found) {
    struct lsa_String aname = {0, 0, name};
    struct samr_Ids rids = {0, NULL}, types = {0, NULL};
    struct samr_LookupNames ln;
    memset(&ln, 0, sizeof ln);
    ln.in.domain_handle = &d->handle;
    ln.in.num_names = 1;
    ln.in.names = &aname;
    ln.out.rids = &rids;
    ln.out.types = &types;
    *found = 0;
    uint32_t code = rpc_send(r, r->c->samr, &ndr_table_samr,
                             NDR_SAMR_LOOKUPNAMES, &ln);
    if (code != 0) return code;
    if (NT_STATUS_EQUAL(ln.out.result, NT_STATUS_NONE_MAPPED)) return 0;
    if (!NT_STATUS_IS_OK(ln.out.result))
        return status_code(ln.out.result, LM_RPC_S_CALL_FAILED);
    if (rids.count != 1 || types.count != 1) return LM_RPC_S_CALL_FAILED;
    *rid = rids.ids[0];
    *type = types.ids[0];
    *found = 1;
    return 0;
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

/* Runs once(r, arg) on the kept connection (or a new one); if the transport
** failed, once more on a new connection (the kept one may have outlived a
** server restart). */
static uint32_t with_rpc(const lanman_creds *creds, const char *server,
                         uint32_t (*once)(rpc *r, void *arg), void *arg) {
    for (int attempt = 0;; attempt++) {
        rpc r;
        uint32_t code = rpc_begin(&r, creds, server);
        if (code != 0) return code;
        code = once(&r, arg);
        int broken = r.broken;
        rpc_end(&r);
        /* not after the call timeout fired: the script asked for an
        ** answer within that time (context.c does the same) */
        if (!broken || attempt > 0 || lm_watchdog_fired()) return code;
    }
}

/* ---- a global group's record ---- */

typedef struct group_job {
    const char *name;
    lm_rpc_group *g;
} group_job;

static uint32_t group_info_once(rpc *r, void *arg) {
    group_job *j = arg;
    lm_rpc_group *g = j->g;
    uint32_t rid = 0, type = 0;
    int found = 0;
    uint32_t code = samr_ready(r);
    if (code == 0 && r->c->account.name == NULL) code = LM_NERR_GroupNotFound;
    if (code == 0)
        code = samr_lookup(r, &r->c->account, j->name, &rid, &type, &found);
    /* Only a global group is one (netapi32: NERR_GroupNotFound otherwise). */
    if (code == 0 && (!found || type != SID_NAME_DOM_GRP))
        code = LM_NERR_GroupNotFound;
    if (code != 0) return code;
    struct policy_handle group;
    struct samr_OpenGroup og;
    memset(&og, 0, sizeof og);
    og.in.domain_handle = &r->c->account.handle;
    og.in.access_mask = SAMR_GROUP_ACCESS_LOOKUP_INFO;
    og.in.rid = rid;
    og.out.group_handle = &group;
    code = rpc_call(r, r->c->samr, &ndr_table_samr, NDR_SAMR_OPENGROUP, &og,
                    &og.out.result);
    if (code != 0) return code;
    union samr_GroupInfo *info = NULL;
    struct samr_QueryGroupInfo q;
    memset(&q, 0, sizeof q);
    q.in.group_handle = &group;
    q.in.level = GROUPINFOALL2;
    q.out.info = &info;
    code = rpc_call(r, r->c->samr, &ndr_table_samr, NDR_SAMR_QUERYGROUPINFO,
                    &q, &q.out.result);
    if (code != 0 && !r->broken &&
        NT_STATUS_EQUAL(q.out.result, NT_STATUS_INVALID_INFO_CLASS)) {
        q.in.level = GROUPINFOALL;   /* servers that lack level 5 */
        code = rpc_call(r, r->c->samr, &ndr_table_samr,
                        NDR_SAMR_QUERYGROUPINFO, &q, &q.out.result);
    }
    samr_close(r, &group);
    if (code == 0 && (info == NULL ||
                      sid_compose(g->sid, r->c->account.sid, rid) != 0))
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
    return with_rpc(creds, server, group_info_once, &j);
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
static uint32_t open_alias(rpc *r, const char *name,
                           struct policy_handle *alias) {
    uint32_t code = samr_ready(r);
    if (code != 0) return code;
    rpc_domain *order[2] = {&r->c->builtin, &r->c->account};
    for (int k = 0; k < 2; k++) {
        uint32_t rid = 0, type = 0;
        int found;
        if (order[k]->name == NULL) continue;
        code = samr_lookup(r, order[k], name, &rid, &type, &found);
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
        return rpc_call(r, r->c->samr, &ndr_table_samr, NDR_SAMR_OPENALIAS,
                        &oa, &oa.out.result);
    }
    return LM_NERR_GroupNotFound;
}

/* Names, domains and types of sids[first, first + n) into m (LSA). */
static uint32_t name_sids(rpc *r, struct lsa_SidArray *all, uint32_t first,
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
    uint32_t code = rpc_send(r, r->c->lsa, &ndr_table_lsarpc,
                             LM_LSA_LOOKUPSIDS, &ls);
    if (code != 0) return code;
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

typedef struct members_job {
    const char *alias;
    int with_names;
    lm_rpc_member *m;
    uint32_t count;
} members_job;

static uint32_t alias_members_once(rpc *r, void *arg) {
    members_job *j = arg;
    struct policy_handle alias;
    struct lsa_SidArray sids = {0, NULL};
    uint32_t code = open_alias(r, j->alias, &alias);
    if (code != 0) return code;
    struct samr_GetMembersInAlias gm;
    memset(&gm, 0, sizeof gm);
    gm.in.alias_handle = &alias;
    gm.out.sids = &sids;
    code = rpc_call(r, r->c->samr, &ndr_table_samr,
                    NDR_SAMR_GETMEMBERSINALIAS, &gm, &gm.out.result);
    samr_close(r, &alias);
    if (code != 0 || sids.num_sids == 0) return code;
    lm_rpc_member *m = calloc(sids.num_sids, sizeof *m);
    if (m == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
    for (uint32_t i = 0; code == 0 && i < sids.num_sids; i++) {
        m[i].sid_type = SID_NAME_UNKNOWN;
        if (sid_copy(m[i].sid, sids.sids[i].sid) != 0)
            code = LM_RPC_S_CALL_FAILED;   /* malformed answer */
    }
    if (code == 0 && j->with_names) code = lsa_ready(r);
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
    uint32_t code = with_rpc(creds, server, alias_members_once, &j);
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

static uint32_t lookup_names_once(rpc *r, void *arg) {
    names_job *j = arg;
    uint32_t code = lsa_ready(r);
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
        code = rpc_send(r, r->c->lsa, &ndr_table_lsarpc, LM_LSA_LOOKUPNAMES,
                        &ln);
        if (code != 0) return code;
        if (!NT_STATUS_IS_OK(ln.out.result) &&
            !NT_STATUS_EQUAL(ln.out.result, STATUS_SOME_UNMAPPED) &&
            !NT_STATUS_EQUAL(ln.out.result, NT_STATUS_NONE_MAPPED))
            return status_code(ln.out.result, LM_RPC_S_CALL_FAILED);
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
    uint32_t code = with_rpc(creds, server, lookup_names_once, &j);
    *unresolved = j.unresolved;
    return code;
}
#endif /* !_WIN32 */
