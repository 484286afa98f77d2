/*
** samr_conn.h -- the Samba shim's one SAMR/LSA client (samr_conn.c), under
** everything lanman does over RPC itself where libnetapi has a stub, a
** crash or a wrong answer: global and local groups (samr_group.c), users
** (samr_user.c) and the pipelined level-3 enumeration (fastenum_samba.c).
**
** Samba only, and private to those files: it includes Samba's RPC headers,
** so a file that includes it defines _GNU_SOURCE and
** HAVE_IMMEDIATE_STRUCTURES before any header (what pkg-config --cflags
** would add; see the Makefile for why they are not passed).
**
** Debian 12's libdcerpc-samr.so exports no symbol at all (the generated
** dcerpc_samr_* stubs live in a private library), so every RPC goes through
** the public, table-driven dcerpc_binding_handle_call() with ndr_table_samr
** / ndr_table_lsarpc and the request structs of gen_ndr/samr.h and
** gen_ndr/lsa.h.
**
** Every function runs from a shim thunk, under the context lock
** (lm_context_call): the kept connection relies on it.  Every status is a
** NET_API_STATUS as netapi32 reports it; a failed RPC also prints one line
** ("SAMR OpenDomain failed: NTSTATUS 0xC0000022") on stdout, which the
** shim captures into the error's detail (lm_shim_invoke).
*/
#ifndef LANMAN_SAMR_CONN_H
#define LANMAN_SAMR_CONN_H

#include <stdbool.h>
#include <stdint.h>

/* Samba's headers have unused parameters and signed/unsigned comparisons
** in static inline functions. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
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

/* samba-dev ships no ndr_lsa.h: the LSA table (ndr_standard) and the
** opnums used (MS-LSAT 3.1.4). */
extern const struct ndr_interface_table ndr_table_lsarpc;
#define LM_LSA_CLOSE 0
#define LM_LSA_LOOKUPNAMES 14
#define LM_LSA_LOOKUPSIDS 15
#define LM_LSA_OPENPOLICY2 44

/* NET_API_STATUS codes the RPC files answer themselves. */
#define LM_ERROR_ACCESS_DENIED 5u
#define LM_ERROR_NOT_ENOUGH_MEMORY 8u
#define LM_ERROR_BAD_NETPATH 53u
#define LM_ERROR_INVALID_PARAMETER 87u
#define LM_ERROR_NO_SUCH_MEMBER 1387u
#define LM_RPC_S_CALL_FAILED 1726u
#define LM_NERR_InternalError 2140u
#define LM_NERR_GroupNotFound 2220u
#define LM_NERR_UserNotFound 2221u

/* A domain of a SAMR pipe, open once the pipe is ready (lm_rpc_samr). */
typedef struct lm_rpc_domain {
    const char *name;            /* NULL if the server has none such */
    struct dom_sid2 *sid;        /* on the connection's memory */
    struct policy_handle handle;
} lm_rpc_domain;

/* One SAMR pipe of a connection: the binding handle, the SamrConnect2
** handle and the two domains, Builtin (Administrators, Users, ...) and the
** account domain (users, global groups, a DC's domain local groups).
** Policy handles belong to the pipe they were opened on. */
typedef struct lm_rpc_pipe {
    struct dcerpc_binding_handle *h;   /* NULL until connected */
    int ready;                         /* the handles below are open */
    struct policy_handle connect;
    lm_rpc_domain builtin, account;
} lm_rpc_pipe;

/* A connection to one server with one set of credentials.  Made on
** demand, pipe by pipe; freeing mem closes them all (and with them every
** handle the server keeps for them). */
typedef struct lm_rpc_conn {
    TALLOC_CTX *mem;             /* owns everything below but creds */
    char *server;                /* "localhost" for this machine */
    lanman_creds *creds;         /* owned copy; NULL: anonymous */
    struct tevent_context *ev;   /* every pipe's, and pipelined calls' */
    struct cli_credentials *cred;
    lm_rpc_pipe samr;            /* over the SMB named pipe (libnetapi's
                                 ** transport, which the call timeout
                                 ** watches: watchdog.c) */
    lm_rpc_pipe fast;            /* over TCP if it can: fastenum_samba.c */
    struct dcerpc_binding_handle *lsa;   /* NULL until connected */
    int lsa_ready;
    struct policy_handle policy; /* LSA, for lookups */
} lm_rpc_conn;

/* One run of work on a connection (see lm_rpc_run). */
typedef struct lm_rpc {
    lm_rpc_conn *c;   /* the connection, kept or this run's own */
    TALLOC_CTX *tmp;  /* this run's memory, a child of c->mem, freed with
                      ** the run */
    int broken;       /* the transport failed: c is dropped and the run
                      ** made once more on a new connection */
    int discard;      /* c is dropped after the run (it holds server
                      ** state the run left behind) */
} lm_rpc;

typedef uint32_t (*lm_rpc_once)(lm_rpc *r, void *arg);

/* How lm_rpc_run connects. */
enum {
    /* The kept connection -- one server, one set of credentials, like
    ** libnetapi's -- made anew for other ones, and the run made once more
    ** on a new one if the transport failed (the server may have restarted
    ** under it).  Setting a connection up (SMB, NTLM, bind) costs
    ** 0.1-0.2 s. */
    LM_RPC_KEPT = 1,
    /* A connection of the run's own, freed after it: for credentials that
    ** should not outlive the call (NetUserChangePassword's). */
    LM_RPC_ALONE = 0,
};

/* Runs once(r, arg) on a connection to server (NULL: this machine) as
** creds (NULL: anonymous); returns what once returned. */
uint32_t lm_rpc_run(const lanman_creds *creds, const char *server, int how,
                    lm_rpc_once once, void *arg);

/* SAMR pipe p (&r->c->samr or &r->c->fast) connected; the fast one over
** TCP, falling back to the named pipe. */
uint32_t lm_rpc_samr_connect(lm_rpc *r, lm_rpc_pipe *p);
/* The same with SamrConnect2 done and both domains open. */
uint32_t lm_rpc_samr(lm_rpc *r, lm_rpc_pipe *p);
/* The LSA pipe with a policy handle for lookups (r->c->policy). */
uint32_t lm_rpc_lsa(lm_rpc *r);

/* One RPC on h: 0, or the transport's failure (which sets r->broken) as
** a NET_API_STATUS.  The server's answer (out.result) is the caller's:
** for calls that accept some failures (NONE_MAPPED, ...). */
uint32_t lm_rpc_send(lm_rpc *r, struct dcerpc_binding_handle *h,
                     const struct ndr_interface_table *table, uint32_t opnum,
                     void *request);
/* lm_rpc_send, then the server's answer *result: 0 or its status. */
uint32_t lm_rpc_call(lm_rpc *r, struct dcerpc_binding_handle *h,
                     const struct ndr_interface_table *table, uint32_t opnum,
                     void *request, const NTSTATUS *result);
/* The status of RPC opnum of table that failed with st, printed (see
** above); transport: st is the transport's (sets r->broken), not the
** server's answer.  For calls made asynchronously. */
uint32_t lm_rpc_failed(lm_rpc *r, const struct ndr_interface_table *table,
                       uint32_t opnum, NTSTATUS st, int transport);
/* NTSTATUS -> NET_API_STATUS as netapi32 reports it; otherwise for a
** status the table does not know. */
uint32_t lm_rpc_status(NTSTATUS st, uint32_t otherwise);

/* SamrOpenDomain of domain sid on pipe p, into *handle. */
uint32_t lm_rpc_open_domain(lm_rpc *r, lm_rpc_pipe *p,
                            struct dom_sid2 *sid, uint32_t access,
                            struct policy_handle *handle);
/* SamrClose of a handle on pipe p (a failure loses nothing: the handle
** goes with the connection). */
void lm_rpc_close(lm_rpc *r, lm_rpc_pipe *p, struct policy_handle *handle);
/* The RID and type (SID_NAME_USE) of account name in open domain d of
** pipe p; *found 0 if the domain has no such name. */
uint32_t lm_rpc_lookup(lm_rpc *r, lm_rpc_pipe *p, lm_rpc_domain *d,
                       const char *name, uint32_t *rid, uint32_t *type,
                       int *found);

#endif /* LANMAN_SAMR_CONN_H */
