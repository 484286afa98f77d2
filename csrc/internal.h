/*
** internal.h -- what the core's files share with each other and with the
** platform shim.  Not part of the public interface (lanman.h); platform
** neutral: no netapi.h, no lm.h.
*/
#ifndef LANMAN_INTERNAL_H
#define LANMAN_INTERNAL_H

#include "lanman.h"

/* The buffer object.  data is the NetApi memory, owned by this object
** until lanman_buffer_free() hands it to NetApiBufferFree and sets it to
** NULL; freed says that happened (raw NetApiBufferAllocate(0) memory is
** NULL from the start). */
struct lanman_buffer {
    void *data;
    uint32_t count;              /* records in data */
    const lanman_level *level;   /* static descriptor; NULL for raw memory */
    int freed;
};

/* Wraps NetApi memory in a new buffer object, which takes ownership of
** data, and counts it as handed out.  On out of memory the data is freed
** and NULL returned. */
lanman_buffer *lm_buffer_wrap(void *data, uint32_t count,
                              const lanman_level *level);

/* One NetApi call, described platform-neutrally.  The calls layer fills
** the inputs, the shim performs the call.  buffer must be NULL before
** each attempt: libnetapi reads a non-NULL *buffer on input. */
typedef struct lm_call {
    const char *function;   /* "NetUserEnum" */
    const char *server;     /* normalized: NULL means the local machine */
    const char *name;       /* user name, share name, ... (per function) */
    uint32_t level;
    uint32_t filter;
    uint32_t prefmaxlen;
    uint32_t resume;        /* in/out resume handle */
    const lanman_level *desc;  /* level of the records returned */
    int is_enum;            /* records counted in read (else 0 or 1) */
    uint32_t read;          /* out: records in buffer */
    int more;               /* out: ERROR_MORE_DATA, resume to go on */
    uint32_t total;         /* out: total entries (0 if not reported) */
    void *buffer;           /* out: NetApi memory, owned by the caller */
    const void *input;      /* in: platform records (borrowed from a
                            ** lanman_input), for Add/SetInfo/member calls */
    uint32_t input_count;   /* records in input */
    uint32_t parm_err;      /* out: field the server rejected */
    const char *name2;      /* second name argument (per function) */
    const char *name3;      /* third name argument (per function) */
    uint32_t number;        /* a numeric argument (per function) */
    const lanman_creds *creds;  /* the credentials the call runs with (set
                            ** by the context owner; NULL: anonymous), for
                            ** thunks that open connections of their own */
} lm_call;

typedef uint32_t (*lm_shim_fn)(lm_call *c);

/* ---- call specs and the shared call steps (calls.c) ---- */

/* Longest names Windows accepts (lmcons.h), counted in characters. */
#define LM_MAX_SERVER 255    /* a DNS name; NetBIOS names are shorter */
#define LM_UNLEN 256         /* user names */
#define LM_GNLEN 256         /* group names */
#define LM_NNLEN 80          /* share names */
#define LM_PWLEN 256         /* passwords */

typedef struct lm_call_spec {
    const char *function;     /* "NetUserEnum" */
    const char *family;       /* level table family, "USER_INFO" */
    uint32_t levels[40];      /* levels the platform answers */
    size_t nlevels;           /* entries used; 0: the call takes no level */
} lm_call_spec;

/* One spec table per family file (calls_*.c), registered in calls.c. */
extern const lm_call_spec lm_calls_server[];
extern const size_t lm_calls_server_count;
extern const lm_call_spec lm_calls_user[];
extern const size_t lm_calls_user_count;
extern const lm_call_spec lm_calls_share[];
extern const size_t lm_calls_share_count;
extern const lm_call_spec lm_calls_group[];
extern const size_t lm_calls_group_count;
extern const lm_call_spec lm_calls_localgroup[];
extern const size_t lm_calls_localgroup_count;
extern const lm_call_spec lm_calls_domain[];
extern const size_t lm_calls_domain_count;
extern const lm_call_spec lm_calls_network[];
extern const size_t lm_calls_network_count;

/* One level table per family file (levels_*.c), registered in levels.c. */
extern const lanman_level lm_levels_server[];
extern const size_t lm_levels_server_count;
extern const lanman_level lm_levels_user[];
extern const size_t lm_levels_user_count;
extern const lanman_level lm_levels_share[];
extern const size_t lm_levels_share_count;
extern const lanman_level lm_levels_group[];
extern const size_t lm_levels_group_count;
extern const lanman_level lm_levels_localgroup[];
extern const size_t lm_levels_localgroup_count;
extern const lanman_level lm_levels_domain[];
extern const size_t lm_levels_domain_count;
extern const lanman_level lm_levels_network[];
extern const size_t lm_levels_network_count;

/* Characters in UTF-8 text of len bytes; -1 if invalid or holding NUL. */
long lm_utf8_length(const char *s, size_t len);
/* A name argument: present, valid UTF-8, at most max characters. */
lanman_status lm_check_name(const char *function, const char *argument,
                            const char *value, long max, lanman_error *err);
/* Starts a call: clears c (and *out if given), checks the server and, if
** the function takes one, the level; *lvl is its descriptor (NULL for a
** call without level). */
lanman_status lm_call_begin(const char *function, const char *server,
                            uint32_t level, lm_call *c,
                            const lanman_level **lvl, lanman_buffer **out,
                            lanman_error *err);
/* Checks an input argument against the call's family and level and
** points c->input at its records. */
lanman_status lm_call_input(lm_call *c, const char *argument,
                            const lanman_input *in, const char *family,
                            lanman_error *err);
/* Runs the call; if out is given, wraps what came back (records of lvl). */
lanman_status lm_call_run(const lanman_creds *creds, lm_shim_fn fn, lm_call *c,
                          const lanman_level *lvl, int is_enum,
                          lanman_buffer **out, lanman_error *err);
/* Copies total and resume out of a paged call (resume 0 after the last). */
void lm_call_paged(const lm_call *c, uint32_t *total, uint32_t *resume);

/* A memory pool (input.c): blocks are zeroed on allocation and wiped and
** freed all at once by lm_arena_free. */
typedef struct lm_arena lm_arena;
void *lm_arena_alloc(lm_arena **arena, size_t size);
void lm_arena_free(lm_arena **arena);

/* ---- SIDs (sid.c) ----
** Samba's struct domsid and Windows' SID share one binary layout:
** revision (1 byte), sub-authority count (1), authority (6, big-endian),
** sub-authorities (4 each, host order).  So SIDs are read and written here,
** for both platforms, as that layout; written SIDs always have room for
** the 15 sub-authorities struct domsid declares. */
#define LM_SID_MAX_SUBAUTHS 15
#define LM_SID_SIZE (8 + 4 * LM_SID_MAX_SUBAUTHS)
/* Renders the SID at sid as "S-1-5-21-..." into text; -1 if malformed. */
int lm_sid_format(const void *sid, char *text, size_t size);
/* Parses "S-1-5-21-..." into a new LM_SID_SIZE block from arena; NULL if
** the text is not a SID (or out of memory, *oom set). */
void *lm_sid_parse(const char *text, lm_arena **arena, int *oom);

/* ---- input records (input.c) ---- */
/* The platform records an input holds, laid out as the level's struct. */
const void *lm_input_records(const lanman_input *in);


/* ---- error helpers (error.c) ---- */
lanman_status lm_err_arg(lanman_error *err, const char *function,
                         const char *argument, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* A bad field of an input record; kind LANMAN_E_ARG or LANMAN_E_TYPE. */
lanman_status lm_err_field(lanman_error *err, int kind, const char *struct_name,
                           const char *field, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
lanman_status lm_err_netapi(lanman_error *err, const char *function,
                            const char *server, uint32_t code,
                            const char *detail);
lanman_status lm_err_freed(lanman_error *err, const char *function);
void lm_copy(char *dst, size_t size, const char *src);

/* ---- the context owner (context.c) ---- */
/* Runs c->function through fn with creds applied, under the one lock;
** re-initialises and retries once on a connection-level failure.  On
** success c->buffer (if any) belongs to the caller, detached from the
** context. */
lanman_status lm_context_call(const lanman_creds *creds, lm_shim_fn fn,
                              lm_call *c, lanman_error *err);
/* NetApiBufferFree under the lock, counted. */
void lm_context_free_buffer(void *data);
/* Counts a buffer handed out (lm_buffer_wrap). */
void lm_context_count_alloc(void);
/* Runs fn(arg) under the context lock (buffer size/realloc). */
void lm_context_locked(void (*fn)(void *arg), void *arg);

/* ---- the call timeout (watchdog.c) ---- */
/* Arms the watchdog for the call about to run (lanman_context_timeout()
** from now on); disarm returns whether it cut the call's connections,
** fired says so while the call runs. */
void lm_watchdog_arm(void);
int lm_watchdog_fired(void);
int lm_watchdog_disarm(void);

/* ---- credentials (creds.c) ---- */
const char *lm_creds_password(const lanman_creds *c);
int lm_creds_equal(const lanman_creds *a, const lanman_creds *b);
lanman_creds *lm_creds_copy(const lanman_creds *c);
void lm_wipe(void *p, size_t n);

/* ---- the platform shim (shim_samba.c / shim_windows.c) ---- */
/* Platform context: libnetapi's on Samba, nothing on Windows. */
uint32_t lm_shim_context_new(void **ctx);
void lm_shim_context_free(void *ctx);
uint32_t lm_shim_context_creds(void *ctx, const lanman_creds *c);
uint64_t lm_shim_context_memory(void *ctx);
/* Performs c through fn; libnetapi's chatter on stdout goes to detail. */
uint32_t lm_shim_invoke(void *ctx, lm_shim_fn fn, lm_call *c, char *detail,
                        size_t detail_size);
/* Takes what a call returned (c->buffer, c->read) and makes it one
** self-contained NetApi buffer that no longer depends on the context, so
** re-initialising the context never frees memory a script still holds.
** Sets c->read to the record count. */
uint32_t lm_shim_adopt(lm_call *c);
uint32_t lm_shim_buffer_free(void *data);
uint32_t lm_shim_buffer_alloc(uint32_t size, void **data);
uint32_t lm_shim_buffer_size(const void *data, uint32_t *size);
uint32_t lm_shim_buffer_realloc(void *data, uint32_t size, void **out);
/* Reads a platform string (char * or LPWSTR) at p as UTF-8 into v. */
void lm_shim_read_str(const void *p, lanman_value *v);
/* Reads a security descriptor pointer as self-relative bytes. */
void lm_shim_read_secdesc(const void *p, lanman_value *v);
/* Writers for input records: store UTF-8 text as a platform string or
** security-descriptor bytes at `at`, allocating from arena.  Return NULL
** or an error message (static text). */
const char *lm_shim_write_str(void *at, const char *utf8, size_t len,
                              lm_arena **arena);
const char *lm_shim_write_secdesc(void *at, const void *bytes, size_t len,
                                  lm_arena **arena);

/* NetApi thunks: each performs one call from an lm_call.  One block per
** family (shim_samba_<family>.c). */

/* server */
uint32_t lm_shim_NetServerGetInfo(lm_call *c);
uint32_t lm_shim_NetServerSetInfo(lm_call *c);
uint32_t lm_shim_NetWkstaGetInfo(lm_call *c);
uint32_t lm_shim_NetRemoteTOD(lm_call *c);

/* user */
uint32_t lm_shim_NetUserEnum(lm_call *c);
uint32_t lm_shim_NetUserGetInfo(lm_call *c);
uint32_t lm_shim_NetUserAdd(lm_call *c);
uint32_t lm_shim_NetUserDel(lm_call *c);
uint32_t lm_shim_NetUserSetInfo(lm_call *c);
/* name: the user, name2/name3: the old/new password. */
uint32_t lm_shim_NetUserChangePassword(lm_call *c);
uint32_t lm_shim_NetUserGetGroups(lm_call *c);
uint32_t lm_shim_NetUserSetGroups(lm_call *c);
/* filter: the flags (LG_INCLUDE_INDIRECT). */
uint32_t lm_shim_NetUserGetLocalGroups(lm_call *c);
uint32_t lm_shim_NetUserModalsGet(lm_call *c);
uint32_t lm_shim_NetUserModalsSet(lm_call *c);
/* resume: the index in, the next index out; number: entries wanted. */
uint32_t lm_shim_NetQueryDisplayInformation(lm_call *c);

/* share */
uint32_t lm_shim_NetShareEnum(lm_call *c);
uint32_t lm_shim_NetShareGetInfo(lm_call *c);
uint32_t lm_shim_NetShareAdd(lm_call *c);
uint32_t lm_shim_NetShareDel(lm_call *c);
uint32_t lm_shim_NetShareSetInfo(lm_call *c);
uint32_t lm_shim_NetFileEnum(lm_call *c);
uint32_t lm_shim_NetFileGetInfo(lm_call *c);
uint32_t lm_shim_NetFileClose(lm_call *c);

/* group */
/* Every required text or SID field of c's input records holds one (a
** record may set it to None / nil, which the input accepts as NULL).
** (calls_group.c; the localgroup family uses it too.) */
lanman_status lm_check_required_text(const lm_call *c, const lanman_level *lvl,
                                    lanman_error *err);
uint32_t lm_shim_NetGroupEnum(lm_call *c);
uint32_t lm_shim_NetGroupGetInfo(lm_call *c);
uint32_t lm_shim_NetGroupAdd(lm_call *c);
uint32_t lm_shim_NetGroupDel(lm_call *c);
uint32_t lm_shim_NetGroupSetInfo(lm_call *c);
uint32_t lm_shim_NetGroupAddUser(lm_call *c);
uint32_t lm_shim_NetGroupDelUser(lm_call *c);
uint32_t lm_shim_NetGroupGetUsers(lm_call *c);
uint32_t lm_shim_NetGroupSetUsers(lm_call *c);
/* A global group's record over SAMR (samr_group.c, Samba only: libnetapi's
** NetGroupGetInfo hands out strings it has freed).  NERR_GroupNotFound if
** the account domain has no global group of that name. */
typedef struct lm_rpc_group {
    char *name, *comment;       /* malloc'd; NULL if empty */
    uint32_t rid, attributes;
    uint8_t sid[LM_SID_SIZE];   /* the shared SID layout (see sid.c) */
} lm_rpc_group;
uint32_t lm_rpc_group_info(const lanman_creds *creds, const char *server,
                           const char *name, lm_rpc_group *group);
void lm_rpc_group_free(lm_rpc_group *group);
/* Cuts one page out of a complete answer (c->buffer, c->read records of
** c->desc) for a platform call that ignores prefmaxlen or pages wrongly:
** the records from index c->resume that fit in c->prefmaxlen (at least
** one) are moved to the front; sets read, total and resume (the next
** index) and returns ERROR_MORE_DATA if records are left, else 0.
** (shim_samba_group.c; the localgroup family uses it too.) */
uint32_t lm_shim_page(lm_call *c);

/* localgroup */
uint32_t lm_shim_NetLocalGroupEnum(lm_call *c);
uint32_t lm_shim_NetLocalGroupGetInfo(lm_call *c);
uint32_t lm_shim_NetLocalGroupAdd(lm_call *c);
uint32_t lm_shim_NetLocalGroupDel(lm_call *c);
uint32_t lm_shim_NetLocalGroupSetInfo(lm_call *c);
uint32_t lm_shim_NetLocalGroupGetMembers(lm_call *c);
uint32_t lm_shim_NetLocalGroupAddMembers(lm_call *c);
uint32_t lm_shim_NetLocalGroupDelMembers(lm_call *c);
uint32_t lm_shim_NetLocalGroupSetMembers(lm_call *c);
/* Over SAMR and LSA where libnetapi has a stub or crashes
** (samr_group.c, Samba only).  Both return a NET_API_STATUS. */
typedef struct lm_rpc_member {
    uint8_t sid[LM_SID_SIZE];   /* the shared SID layout (see sid.c) */
    uint32_t sid_type;          /* SID_NAME_USE: SidTypeUser = 1, ... */
    char *domain;               /* malloc'd; NULL if none or not asked */
    char *name;                 /* malloc'd; NULL if unknown or not asked */
} lm_rpc_member;
/* Every member of the local group alias (Builtin or account domain) as
** *count records in a malloc'd *members; with_names also looks their names
** up.  NERR_GroupNotFound if there is no such local group. */
uint32_t lm_rpc_alias_members(const lanman_creds *creds, const char *server,
                              const char *alias, int with_names,
                              lm_rpc_member **members, uint32_t *count);
void lm_rpc_members_free(lm_rpc_member *members, uint32_t count);
/* The SIDs of count account names ("DOMAIN\name" or "name"); a name of no
** account is ERROR_NO_SUCH_MEMBER with its index in *unresolved. */
uint32_t lm_rpc_lookup_names(const lanman_creds *creds, const char *server,
                             const char *const *names, uint32_t count,
                             uint8_t (*sids)[LM_SID_SIZE],
                             uint32_t *unresolved);

/* domain */
uint32_t lm_shim_DsGetDcName(lm_call *c);
uint32_t lm_shim_NetGetDCName(lm_call *c);
uint32_t lm_shim_NetGetAnyDCName(lm_call *c);
uint32_t lm_shim_NetGetJoinInformation(lm_call *c);
uint32_t lm_shim_NetGetJoinableOUs(lm_call *c);
uint32_t lm_shim_NetJoinDomain(lm_call *c);
uint32_t lm_shim_NetUnjoinDomain(lm_call *c);
uint32_t lm_shim_NetRenameMachineInDomain(lm_call *c);
uint32_t lm_shim_NetProvisionComputerAccount(lm_call *c);
uint32_t lm_shim_NetRequestOfflineDomainJoin(lm_call *c);
uint32_t lm_shim_NetShutdownInit(lm_call *c);
uint32_t lm_shim_NetShutdownAbort(lm_call *c);
/* A GUID in the layout Samba's struct GUID and Windows' GUID share. */
typedef struct lm_guid {
    uint32_t time_low;
    uint16_t time_mid;
    uint16_t time_hi_and_version;
    uint8_t clock_seq[2];
    uint8_t node[6];
} lm_guid;
/* The domain calls' arguments beyond lm_call's names (calls_domain.c
** fills one, c->input points at it). */
typedef struct lm_domain_args {
    const char *password;       /* NetJoinDomain (name3 is the account) */
    const lm_guid *guid;        /* DsGetDcName's domain_guid, or NULL */
    const char *data;           /* NetRequestOfflineDomainJoin's blob */
    size_t size;                /* its size in bytes */
    int force_apps, do_reboot;  /* NetShutdownInit */
} lm_domain_args;

/* fast detailed user enumeration (fastenum_samba.c) */
uint32_t lm_shim_UserEnumFast(lm_call *c);

/* network */
uint32_t lm_shim_NetSessionEnum(lm_call *c);
uint32_t lm_shim_NetSessionDel(lm_call *c);
uint32_t lm_shim_NetServerEnum(lm_call *c);
uint32_t lm_shim_NetWkstaUserEnum(lm_call *c);
uint32_t lm_shim_NetConnectionEnum(lm_call *c);
uint32_t lm_shim_NetServerDiskEnum(lm_call *c);
/* Why the platform cannot perform the network family's calls (static
** text naming the platform), or NULL where it can. */
const char *lm_shim_network_missing(void);


#endif /* LANMAN_INTERNAL_H */
