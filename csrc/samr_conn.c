/*
** samr_conn.c -- the Samba shim's one SAMR/LSA client (see samr_conn.h):
** connecting with a call's credentials, the kept connection, SamrConnect2
** and the two domains, the generic RPC call, SAMR name lookups and the
** NTSTATUS -> NET_API_STATUS map, with Samba's public client libraries
** (samba-dev: dcerpc, ndr_standard, samba-credentials, samba-hostconfig).
**
** The kept connection (`kept`, with Samba's client parameters and the
** one-time initialisation) is the only mutable state here; it is touched
** only from shim thunks, which run under the context lock.
*/
#ifndef _WIN32
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   /* what pkg-config --cflags would add */
#endif
#ifndef HAVE_IMMEDIATE_STRUCTURES
#define HAVE_IMMEDIATE_STRUCTURES 1
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "samr_conn.h"

/* ---- NTSTATUS -> NET_API_STATUS, as netapi32 reports them ---- */

static const struct {
    uint32_t nt;
    uint32_t code;
} status_map[] = {
    {0xC0000022u, LM_ERROR_ACCESS_DENIED},
    {0xC000006Du, 1326u},   /* LOGON_FAILURE */
    {0xC000006Au, 86u},     /* WRONG_PASSWORD -> ERROR_INVALID_PASSWORD */
    {0xC0000064u, LM_NERR_UserNotFound},   /* NO_SUCH_USER */
    {0xC0000073u, LM_NERR_UserNotFound},   /* NONE_MAPPED (the name) */
    {0xC0000066u, LM_NERR_GroupNotFound},  /* NO_SUCH_GROUP */
    {0xC0000151u, LM_NERR_GroupNotFound},  /* NO_SUCH_ALIAS */
    {0xC000006Cu, 2245u},   /* PASSWORD_RESTRICTION -> NERR_PasswordTooShort */
    {0xC000006Eu, 1327u},   /* ACCOUNT_RESTRICTION */
    {0xC0000071u, 1330u},   /* PASSWORD_EXPIRED */
    {0xC0000072u, 1331u},   /* ACCOUNT_DISABLED */
    {0xC0000193u, 1793u},   /* ACCOUNT_EXPIRED */
    {0xC0000224u, 1907u},   /* PASSWORD_MUST_CHANGE */
    {0xC0000234u, 1909u},   /* ACCOUNT_LOCKED_OUT */
    {0xC000000Du, LM_ERROR_INVALID_PARAMETER},
    {0xC0000003u, 124u},    /* INVALID_INFO_CLASS -> ERROR_INVALID_LEVEL */
    {0xC0000017u, LM_ERROR_NOT_ENOUGH_MEMORY},
    {0xC0000236u, 1225u},   /* CONNECTION_REFUSED */
    {0xC000023Du, 1232u},   /* HOST_UNREACHABLE */
    {0xC000023Cu, 1231u},   /* NETWORK_UNREACHABLE */
    {0xC00000B5u, 121u},    /* IO_TIMEOUT -> ERROR_SEM_TIMEOUT */
    {0xC0020017u, 1722u},   /* RPC_NT_SERVER_UNAVAILABLE */
    {0xC0000034u, LM_ERROR_BAD_NETPATH},   /* OBJECT_NAME_NOT_FOUND: no host */
};

uint32_t lm_rpc_status(NTSTATUS st, uint32_t otherwise) {
    for (size_t i = 0; i < sizeof status_map / sizeof status_map[0]; i++)
        if (status_map[i].nt == NT_STATUS_V(st)) return status_map[i].code;
    return otherwise;
}

/* Connecting fails in the logon (whatever the reason NTLM gives, netapi32
** says ERROR_LOGON_FAILURE) or in reaching the server: Samba's client says
** NT_STATUS_NO_MEMORY when no host answers (after about 3 s), netapi32
** ERROR_BAD_NETPATH, as for anything else it does not name. */
static uint32_t connect_failed(const char *what, NTSTATUS st) {
    uint32_t code;
    switch (NT_STATUS_V(st)) {
    case 0xC000006Du: /* LOGON_FAILURE */
    case 0xC000006Au: /* WRONG_PASSWORD */
    case 0xC0000064u: /* NO_SUCH_USER */
        code = 1326u;
        break;
    case 0xC0000017u: /* NO_MEMORY */
        code = LM_ERROR_BAD_NETPATH;
        break;
    default:
        code = lm_rpc_status(st, LM_ERROR_BAD_NETPATH);
    }
    printf("%s connect failed: NTSTATUS 0x%08lX\n", what,
           (unsigned long)NT_STATUS_V(st));
    return code;
}

uint32_t lm_rpc_failed(lm_rpc *r, const struct ndr_interface_table *table,
                       uint32_t opnum, NTSTATUS st, int transport) {
    /* "samr_OpenDomain" -> "SAMR OpenDomain" */
    const char *name = opnum < table->num_calls ? table->calls[opnum].name : "?";
    const char *bare = strchr(name, '_');
    printf("%s %s failed: NTSTATUS 0x%08lX\n",
           table == &ndr_table_samr ? "SAMR" : "LSA", bare ? bare + 1 : name,
           (unsigned long)NT_STATUS_V(st));
    if (!transport) return lm_rpc_status(st, LM_NERR_InternalError);
    r->broken = 1;
    return lm_rpc_status(st, LM_RPC_S_CALL_FAILED);
}

/* ---- connections ---- */

static lm_rpc_conn *kept;

/* Samba's default client parameters, made once: every loadparm_init() sets
** Samba's debug log file name anew and leaks the old one (valgrind:
** definitely lost, 121 bytes a time).  A context of its own: nothing is
** read from, or changed in, what libnetapi loaded. */
static struct loadparm_context *defaults;

static void conn_free(lm_rpc_conn *c) {
    if (c == NULL) return;
    /* cli_credentials keeps a talloc copy of the password and frees it
    ** unwiped (tests/c/test_secrets.c found it): wipe it first, in place. */
    const char *pw = c->cred ? cli_credentials_get_password(c->cred) : NULL;
    if (pw != NULL) lm_wipe((char *)pw, strlen(pw));
    talloc_free(c->mem);   /* closes the connections */
    lanman_creds_free(c->creds);
    free(c);
}

static lm_rpc_conn *conn_new(const lanman_creds *creds, const char *server) {
    lm_rpc_conn *c = calloc(1, sizeof *c);
    if (c == NULL) return NULL;
    c->mem = talloc_new(NULL);
    if (c->mem == NULL ||
        (creds != NULL && (c->creds = lm_creds_copy(creds)) == NULL)) {
        conn_free(c);
        return NULL;
    }
    c->server = talloc_strdup(c->mem, server);
    c->ev = tevent_context_init(c->mem);
    c->cred = cli_credentials_init(c->mem);
    if (c->server == NULL || c->ev == NULL || c->cred == NULL) {
        conn_free(c);
        return NULL;
    }
    cli_credentials_set_conf(c->cred, defaults);
    const char *user = creds ? lanman_creds_user(creds) : "";
    if (*user == '\0') {
        cli_credentials_set_anonymous(c->cred);
    } else {
        /* "DOMAIN\user" and "user@realm" set the domain themselves, as
        ** libnetapi reads them. */
        if (*lanman_creds_domain(creds))
            cli_credentials_set_domain(c->cred, lanman_creds_domain(creds),
                                       CRED_SPECIFIED);
        cli_credentials_parse_string(c->cred, user, CRED_SPECIFIED);
        cli_credentials_set_password(c->cred, lm_creds_password(creds),
                                     CRED_SPECIFIED);
    }
    cli_credentials_set_kerberos_state(
        c->cred,
        creds && lanman_creds_kerberos(creds) ? CRED_USE_KERBEROS_REQUIRED
                                              : CRED_USE_KERBEROS_DISABLED,
        CRED_SPECIFIED);
    return c;
}

/* Starts a run: on the kept connection if it is for this server and these
** credentials (else on a new one, kept from now on), or on one of its own. */
static uint32_t run_begin(lm_rpc *r, const lanman_creds *creds,
                          const char *server, int how) {
    static int initialised;
    memset(r, 0, sizeof *r);
    if (!initialised) {
        if (!NT_STATUS_IS_OK(dcerpc_init())) return LM_RPC_S_CALL_FAILED;
        defaults = loadparm_init(NULL);   /* kept for the process */
        if (defaults == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
        initialised = 1;
    }
    if (server == NULL) server = "localhost";
    if (how == LM_RPC_KEPT) {
        if (kept == NULL || strcmp(kept->server, server) != 0 ||
            !lm_creds_equal(kept->creds, creds)) {
            conn_free(kept);
            kept = conn_new(creds, server);
        }
        r->c = kept;
    } else {
        r->c = conn_new(creds, server);
    }
    if (r->c == NULL) return LM_ERROR_NOT_ENOUGH_MEMORY;
    r->tmp = talloc_new(r->c->mem);
    return r->tmp ? 0 : LM_ERROR_NOT_ENOUGH_MEMORY;
}

static void run_end(lm_rpc *r, int how) {
    if (r->c == NULL) return;
    talloc_free(r->tmp);
    if (how != LM_RPC_KEPT) {
        conn_free(r->c);
    } else if ((r->broken || r->discard) && kept == r->c) {
        conn_free(kept);
        kept = NULL;
    }
}

uint32_t lm_rpc_run(const lanman_creds *creds, const char *server, int how,
                    lm_rpc_once once, void *arg) {
    for (int attempt = 0;; attempt++) {
        lm_rpc r;
        uint32_t code = run_begin(&r, creds, server, how);
        if (code == 0) code = once(&r, arg);
        int broken = r.broken;
        run_end(&r, how);
        /* Only a kept connection can have outlived its server; and not
        ** after the call timeout fired: the script asked for an answer
        ** within that time (context.c does the same). */
        if (!broken || how != LM_RPC_KEPT || attempt > 0 ||
            lm_watchdog_fired())
            return code;
    }
}

/* ---- pipes ---- */

static uint32_t connect_pipe(lm_rpc *r, const struct ndr_interface_table *table,
                             const char *const *bindings, size_t n,
                             struct dcerpc_binding_handle **h) {
    if (*h != NULL) return 0;
    lm_rpc_conn *c = r->c;
    struct dcerpc_pipe *p = NULL;
    NTSTATUS st = NT_STATUS_NO_MEMORY;
    for (size_t i = 0; i < n; i++) {
        char *binding = talloc_asprintf(r->tmp, bindings[i], c->server);
        if (binding == NULL) break;
        st = dcerpc_pipe_connect(c->mem, &p, binding, table, c->cred, c->ev,
                                 defaults);
        if (NT_STATUS_IS_OK(st)) break;
        /* a refused logon will not do better over another transport */
        if (NT_STATUS_EQUAL(st, NT_STATUS_LOGON_FAILURE) ||
            NT_STATUS_EQUAL(st, NT_STATUS_ACCESS_DENIED))
            break;
    }
    if (!NT_STATUS_IS_OK(st))
        return connect_failed(table == &ndr_table_samr ? "SAMR" : "LSA", st);
    *h = p->binding_handle;
    return 0;
}

uint32_t lm_rpc_samr_connect(lm_rpc *r, lm_rpc_pipe *p) {
    static const char *const np[] = {"ncacn_np:%s"};
    /* The fast pipe over TCP first: over the SMB named pipe the requests
    ** of one pipe are served one after the other, and pipelining gains
    ** nothing (measured: 27 s for 10,000 users, as libnetapi's 23-28 s).
    ** Signed, as the DC asks.  The named pipe is the fallback for a server
    ** whose endpoint mapper is out of reach.  LANMAN_FASTENUM_BINDING
    ** (tests, benchmarks) sets one binding string, with one %s for the
    ** server, instead. */
    const char *fast[2] = {"ncacn_ip_tcp:%s[sign]", "ncacn_np:%s"};
    size_t nfast = 2;
    const char *env = getenv("LANMAN_FASTENUM_BINDING");
    if (env != NULL && strstr(env, "%s") != NULL) {
        fast[0] = env;
        nfast = 1;
    }
    if (p == &r->c->fast)
        return connect_pipe(r, &ndr_table_samr, fast, nfast, &p->h);
    return connect_pipe(r, &ndr_table_samr, np, 1, &p->h);
}

uint32_t lm_rpc_send(lm_rpc *r, struct dcerpc_binding_handle *h,
                     const struct ndr_interface_table *table, uint32_t opnum,
                     void *request) {
    NTSTATUS st = dcerpc_binding_handle_call(h, NULL, table, opnum, r->tmp,
                                             request);
    return NT_STATUS_IS_OK(st) ? 0 : lm_rpc_failed(r, table, opnum, st, 1);
}

uint32_t lm_rpc_call(lm_rpc *r, struct dcerpc_binding_handle *h,
                     const struct ndr_interface_table *table, uint32_t opnum,
                     void *request, const NTSTATUS *result) {
    uint32_t code = lm_rpc_send(r, h, table, opnum, request);
    if (code == 0 && !NT_STATUS_IS_OK(*result))
        code = lm_rpc_failed(r, table, opnum, *result, 0);
    return code;
}

uint32_t lm_rpc_open_domain(lm_rpc *r, lm_rpc_pipe *p, struct dom_sid2 *sid,
                            uint32_t access, struct policy_handle *handle) {
    struct samr_OpenDomain od;
    memset(&od, 0, sizeof od);
    od.in.connect_handle = &p->connect;
    od.in.access_mask = access;
    od.in.sid = sid;
    od.out.domain_handle = handle;
    return lm_rpc_call(r, p->h, &ndr_table_samr, NDR_SAMR_OPENDOMAIN, &od,
                       &od.out.result);
}

void lm_rpc_close(lm_rpc *r, lm_rpc_pipe *p, struct policy_handle *handle) {
    struct samr_Close cl;
    memset(&cl, 0, sizeof cl);
    cl.in.handle = handle;
    cl.out.handle = handle;
    NTSTATUS st = dcerpc_binding_handle_call(p->h, NULL, &ndr_table_samr,
                                             NDR_SAMR_CLOSE, r->tmp, &cl);
    if (!NT_STATUS_IS_OK(st)) r->broken = 1;   /* so would the next call */
}

/* What the kept domain handles may do: everything the RPC files ask of
** them (each opened its own with part of it before). */
#define LM_RPC_DOMAIN_ACCESS                                              \
    (SAMR_DOMAIN_ACCESS_LOOKUP_INFO_2 | SAMR_DOMAIN_ACCESS_ENUM_ACCOUNTS | \
     SAMR_DOMAIN_ACCESS_OPEN_ACCOUNT | SAMR_DOMAIN_ACCESS_LOOKUP_ALIAS)

/* Looks domain d (named) up and opens it. */
static uint32_t open_named_domain(lm_rpc *r, lm_rpc_pipe *p, lm_rpc_domain *d) {
    struct lsa_String dname = {0, 0, d->name};
    struct samr_LookupDomain ld;
    memset(&ld, 0, sizeof ld);
    ld.in.connect_handle = &p->connect;
    ld.in.domain_name = &dname;
    ld.out.sid = &d->sid;
    uint32_t code = lm_rpc_call(r, p->h, &ndr_table_samr,
                                NDR_SAMR_LOOKUPDOMAIN, &ld, &ld.out.result);
    if (code != 0) return code;
    talloc_steal(r->c->mem, d->sid);   /* kept with the handle */
    return lm_rpc_open_domain(r, p, d->sid, LM_RPC_DOMAIN_ACCESS, &d->handle);
}

uint32_t lm_rpc_samr(lm_rpc *r, lm_rpc_pipe *p) {
    lm_rpc_conn *c = r->c;
    uint32_t code = lm_rpc_samr_connect(r, p);
    if (code != 0 || p->ready) return code;
    struct samr_Connect2 c2;
    memset(&c2, 0, sizeof c2);
    c2.in.system_name = c->server;
    c2.in.access_mask = SAMR_ACCESS_CONNECT_TO_SERVER |
                        SAMR_ACCESS_ENUM_DOMAINS | SAMR_ACCESS_LOOKUP_DOMAIN;
    c2.out.connect_handle = &p->connect;
    code = lm_rpc_call(r, p->h, &ndr_table_samr, NDR_SAMR_CONNECT2, &c2,
                       &c2.out.result);
    if (code != 0) return code;
    uint32_t resume = 0, count = 0;
    struct samr_SamArray *domains = NULL;
    struct samr_EnumDomains ed;
    memset(&ed, 0, sizeof ed);
    ed.in.connect_handle = &p->connect;
    ed.in.resume_handle = &resume;
    ed.in.buf_size = 0xFFFFFFFFu;
    ed.out.resume_handle = &resume;
    ed.out.sam = &domains;
    ed.out.num_entries = &count;
    code = lm_rpc_call(r, p->h, &ndr_table_samr, NDR_SAMR_ENUMDOMAINS, &ed,
                       &ed.out.result);
    if (code != 0) return code;
    /* The account domain is the one that is not Builtin (as libnetapi). */
    for (uint32_t i = 0; domains != NULL && i < count; i++) {
        const char *d = domains->entries[i].name.string;
        if (d == NULL) continue;
        if (strcasecmp(d, "Builtin") == 0)
            p->builtin.name = talloc_strdup(c->mem, d);
        else if (p->account.name == NULL)
            p->account.name = talloc_strdup(c->mem, d);
    }
    if (p->builtin.name) code = open_named_domain(r, p, &p->builtin);
    if (code == 0 && p->account.name)
        code = open_named_domain(r, p, &p->account);
    if (code == 0) p->ready = 1;
    return code;
}

uint32_t lm_rpc_lsa(lm_rpc *r) {
    static const char *const np[] = {"ncacn_np:%s"};
    lm_rpc_conn *c = r->c;
    uint32_t code = connect_pipe(r, &ndr_table_lsarpc, np, 1, &c->lsa);
    if (code != 0 || c->lsa_ready) return code;
    struct lsa_ObjectAttribute attr;
    struct lsa_OpenPolicy2 op;
    memset(&attr, 0, sizeof attr);
    memset(&op, 0, sizeof op);
    op.in.system_name = c->server;
    op.in.attr = &attr;
    op.in.access_mask = LSA_POLICY_LOOKUP_NAMES;
    op.out.handle = &c->policy;
    code = lm_rpc_call(r, c->lsa, &ndr_table_lsarpc, LM_LSA_OPENPOLICY2, &op,
                       &op.out.result);
    if (code == 0) c->lsa_ready = 1;
    return code;
}

/* ---- lookups ---- */

uint32_t lm_rpc_lookup(lm_rpc *r, lm_rpc_pipe *p, lm_rpc_domain *d,
                       const char *name, uint32_t *rid, uint32_t *type,
                       int *found) {
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
    uint32_t code = lm_rpc_send(r, p->h, &ndr_table_samr,
                                NDR_SAMR_LOOKUPNAMES, &ln);
    if (code != 0) return code;
    if (NT_STATUS_EQUAL(ln.out.result, NT_STATUS_NONE_MAPPED)) return 0;
    if (!NT_STATUS_IS_OK(ln.out.result))
        return lm_rpc_failed(r, &ndr_table_samr, NDR_SAMR_LOOKUPNAMES,
                             ln.out.result, 0);
    if (rids.count != 1 || types.count != 1) return LM_RPC_S_CALL_FAILED;
    *rid = rids.ids[0];
    *type = types.ids[0];
    *found = 1;
    return 0;
}
#endif /* !_WIN32 */
