/*
** lanman.h -- the C core's public interface.
**
** Everything above csrc/ (the SWIG layer, Python, Lua, C tests) sees only
** this header.  It never includes netapi.h or lm.h: platform structs stay
** behind the shim (platform.h), and every string crossing this header is
** UTF-8.
**
** Ownership rules, stated once:
**   - lanman_buffer *: owned by whoever received it from a call; release
**     with lanman_buffer_destroy() (frees the NetApi memory if still held,
**     then the object).  lanman_buffer_free() releases only the NetApi
**     memory, early; the object stays valid and reports LANMAN_E_FREED.
**   - lanman_creds *: owned by the caller of lanman_creds_new(); release
**     with lanman_creds_free(), which wipes the password copy.
**   - const char * arguments are borrowed for the duration of the call.
**   - Strings in a lanman_value borrow from the buffer (or from the value
**     itself); copy them out before the buffer is freed or the value is
**     cleared.
*/
#ifndef LANMAN_H
#define LANMAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- errors ---------------------------------------------------------- */

/* What a core function returns.  LANMAN_OK is 0; anything else means the
** lanman_error passed in has been filled. */
typedef int lanman_status;
enum {
    LANMAN_OK = 0,
    LANMAN_E_ARG = 1,     /* bad argument; nothing was sent to any server */
    LANMAN_E_NETAPI = 2,  /* the NetApi call returned a failure code */
    LANMAN_E_FREED = 3,   /* the buffer was already freed */
    LANMAN_E_RANGE = 4,   /* record index out of range */
    LANMAN_E_TYPE = 5     /* argument or field of the wrong type */
};

typedef struct lanman_error {
    int kind;             /* LANMAN_E_* */
    uint32_t code;        /* NET_API_STATUS (kind == LANMAN_E_NETAPI) */
    char name[48];        /* symbolic name of code, e.g. "NERR_UserNotFound" */
    char function[48];    /* NetApi function, e.g. "NetUserEnum" */
    char server[256];     /* server as given ("" for the local machine) */
    char argument[32];    /* offending argument (kind == LANMAN_E_ARG) */
    char message[512];    /* full human message, never holds a password */
} lanman_error;

/* Symbolic name and message of a NET_API_STATUS; never NULL.  Unknown
** codes get "UNKNOWN_<n>" written into buf (size >= 24). */
const char *lanman_error_name(uint32_t code, char *buf, size_t size);
const char *lanman_error_message(uint32_t code);
/* Looks a symbolic name up; returns 0 and sets *code if known. */
int lanman_error_code(const char *name, uint32_t *code);
size_t lanman_error_count(void);
int lanman_error_at(size_t i, uint32_t *code, const char **name,
                    const char **message);

/* ---- constants (UF_*, STYPE_*, SV_TYPE_*, ...) ------------------------ */

size_t lanman_constant_count(void);
int lanman_constant_at(size_t i, const char **name, uint64_t *value);

/* ---- info-level descriptors ----------------------------------------- */

typedef enum lanman_type {
    LANMAN_T_STR,    /* platform string, read as UTF-8 (NULL -> none) */
    LANMAN_T_U32,    /* unsigned 32-bit integer */
    LANMAN_T_I32,    /* signed 32-bit integer (minutes west of UTC, ...) */
    LANMAN_T_U8,     /* unsigned 8-bit integer stored in one byte */
    LANMAN_T_TIME,   /* u32 seconds since 1970 (or a duration in seconds) */
    LANMAN_T_SID,    /* pointer to a SID, read as "S-1-5-..." */
    LANMAN_T_HOURS,  /* logon hours: bit array, length from units_per_week */
    LANMAN_T_SECDESC, /* security descriptor, read as self-relative bytes */
    LANMAN_T_BYTES   /* pointer to a fixed-size byte array (aux bytes), as
                     ** netapi.h declares USER_INFO_21's one-way password */
} lanman_type;

typedef struct lanman_field {
    const char *name;   /* pywin32's key: struct field without prefix */
    lanman_type type;
    size_t offset;      /* offsetof() within the platform struct */
    size_t aux;         /* LANMAN_T_HOURS: offset of units_per_week;
                        ** LANMAN_T_BYTES: the byte count */
    unsigned flags;     /* LANMAN_F_* */
} lanman_field;

/* An input record (Add/SetInfo) must set this field. */
#define LANMAN_F_REQUIRED 1u

typedef struct lanman_level {
    const char *family;         /* "USER_INFO", "SHARE_INFO", ... */
    uint32_t level;             /* 0, 1, 2, 101, ... */
    const char *struct_name;    /* "USER_INFO_1" */
    size_t struct_size;         /* sizeof the platform struct */
    size_t nfields;
    const lanman_field *fields;
} lanman_level;

/* Descriptor of (family, level), or NULL if the platform has no such. */
const lanman_level *lanman_level_find(const char *family, uint32_t level);
size_t lanman_level_count(void);
const lanman_level *lanman_level_at(size_t i);

/* ---- buffers ------------------------------------------------------- */

typedef struct lanman_buffer lanman_buffer;

uint32_t lanman_buffer_count(const lanman_buffer *b);  /* 0 once freed */
int lanman_buffer_is_freed(const lanman_buffer *b);
/* Level descriptor; NULL for raw NetApiBufferAllocate memory. */
const lanman_level *lanman_buffer_level(const lanman_buffer *b);
/* NetApiBufferFree, exactly once; a second call is LANMAN_E_FREED. */
lanman_status lanman_buffer_free(lanman_buffer *b, lanman_error *err);
/* Finalizer: frees the NetApi memory if still held, then the object.
** NULL is allowed. */
void lanman_buffer_destroy(lanman_buffer *b);

/* Process-wide counters of NetApi buffers handed out and freed. */
void lanman_buffer_stats(uint64_t *allocated, uint64_t *freed);

/* One decoded field of one record.  Filled by lanman_record_field();
** release with lanman_value_clear() (a no-op unless a conversion had to
** allocate, as UTF-16 -> UTF-8 does on Windows). */
typedef struct lanman_value {
    lanman_type type;
    int is_null;            /* NULL pointer in the struct */
    uint32_t u32;           /* U32, U8, TIME; I32 as its 32 bits */
    const char *str;        /* STR, SID: UTF-8, NUL-terminated */
    const uint8_t *bytes;   /* HOURS, SECDESC */
    size_t len;             /* bytes in str (without NUL) or bytes */
    char text[192];         /* storage for a rendered SID */
    void *owned;            /* conversion memory, freed by _clear */
} lanman_value;

lanman_status lanman_record_field(const lanman_buffer *b, uint32_t index,
                                  size_t field, lanman_value *v,
                                  lanman_error *err);
void lanman_value_clear(lanman_value *v);

/* NetApiBuffer* on raw memory (libnetapi lacks Size and Reallocate: the
** core answers them from talloc, which owns libnetapi's buffers). */
lanman_status lanman_NetApiBufferAllocate(uint32_t size, lanman_buffer **out,
                                          lanman_error *err);
lanman_status lanman_NetApiBufferSize(const lanman_buffer *b, uint32_t *size,
                                      lanman_error *err);
lanman_status lanman_NetApiBufferReallocate(lanman_buffer *b, uint32_t size,
                                            lanman_error *err);

/* ---- credentials ---------------------------------------------------- */

typedef struct lanman_creds lanman_creds;

/* Any string may be NULL (= empty).  Copies everything; returns NULL only
** when out of memory. */
lanman_creds *lanman_creds_new(const char *user, const char *password,
                               const char *domain, int kerberos);
void lanman_creds_free(lanman_creds *c);
const char *lanman_creds_user(const lanman_creds *c);
const char *lanman_creds_domain(const lanman_creds *c);
int lanman_creds_kerberos(const lanman_creds *c);

/* Credentials used by calls given creds == NULL.  The core copies them;
** NULL restores anonymous. */
lanman_status lanman_set_default_creds(const lanman_creds *c,
                                       lanman_error *err);

/* ---- input records (Add, SetInfo, member lists) ------------------ */
/*
** An input is `count` records of one info level, built field by field from
** a dict or table, then passed to a write call.  The language layer looks
** each key up (lanman_input_field: unknown keys are errors), checks the
** value's type against the field's, and sets it; lanman_input_check then
** rejects a missing required field.  The input owns copies of everything.
*/
typedef struct lanman_input lanman_input;

lanman_status lanman_input_new(const char *family, uint32_t level,
                               uint32_t count, lanman_input **out,
                               lanman_error *err);
void lanman_input_free(lanman_input *in);
const lanman_level *lanman_input_level(const lanman_input *in);
uint32_t lanman_input_count(const lanman_input *in);
/* Index of the field called name; LANMAN_E_ARG naming it if unknown. */
lanman_status lanman_input_field(const lanman_input *in, const char *name,
                                 size_t *field, lanman_error *err);
/* Setters; index is the record (0-based).  STR and SID fields take UTF-8
** text (value NULL stores a NULL pointer); U32, U8 and TIME take numbers
** (range checked); HOURS and SECDESC take bytes. */
lanman_status lanman_input_set_text(lanman_input *in, uint32_t index,
                                    size_t field, const char *value,
                                    size_t len, lanman_error *err);
lanman_status lanman_input_set_number(lanman_input *in, uint32_t index,
                                      size_t field, int64_t value,
                                      lanman_error *err);
lanman_status lanman_input_set_bytes(lanman_input *in, uint32_t index,
                                     size_t field, const void *value,
                                     size_t len, lanman_error *err);
/* Every record has every required field. */
lanman_status lanman_input_check(const lanman_input *in, lanman_error *err);

/* ---- the NetApi calls, one header per family ------------------------ */
/*
** Every call: creds may be NULL (the default credentials); server may be
** NULL or "" for the local machine, and may start with "\\".  *out is set
** to a new buffer on success and to NULL on failure.  resume is the
** resume handle: pass 0 first, then what came back; 0 coming back means
** that was the last page (the core sets it so, whatever the platform left
** in it).  Where the platform reports which field of an input it
** rejected (parm_err), the error message names that field.
*/
#include "lanman_server.h"
#include "lanman_domain.h"
#include "lanman_network.h"
#include "lanman_user.h"
#include "lanman_share.h"
#include "lanman_group.h"
#include "lanman_localgroup.h"
#include "lanman_fastenum.h"

/* Levels a call accepts, for façades and docs: writes up to max levels,
** returns how many there are (0 for an unknown function). */
size_t lanman_call_levels(const char *function, uint32_t *levels, size_t max);
/* The level family a call's levels belong to ("USER_INFO"), or NULL. */
const char *lanman_call_family(const char *function);

/* ---- the libnetapi context ------------------------------------------ */

/* Memory libnetapi keeps on its context (bytes), and how many times the
** core re-initialised it (credential change, recovery, memory bound). */
uint64_t lanman_context_memory(void);
uint64_t lanman_context_reinits(void);
/* Bound above which the context is re-initialised between calls. */
void lanman_context_set_memory_bound(uint64_t bytes);
uint64_t lanman_context_memory_bound(void);   /* 4 MiB by default */
/* Frees the context now (tests, shutdown); the next call makes a new one. */
void lanman_context_shutdown(void);
/* How long a call waits for a server that does not answer (connecting,
** or a request sent and nothing received since) before it fails with
** ERROR_SEM_TIMEOUT (121) and the context is dropped; milliseconds,
** default 20000, 0 leaves only libnetapi's own (20 s to connect, 10 s
** per RPC answer).  A server that keeps answering is never cut.  Process
** wide; Linux (elsewhere the platform's own timeouts apply). */
void lanman_context_set_timeout(uint32_t ms);
uint32_t lanman_context_timeout(void);

#ifdef __cplusplus
}
#endif
#endif /* LANMAN_H */
