/*
** lanman.i -- the one SWIG interface for Python 3 and Lua 5.4.
**
** The core (csrc/lanman.h) is wrapped as plain functions; the language
** files turn its two handle types into native objects:
**   lanman_buffer *  -> PyCapsule "lanman.NetApiBuffer" / Lua full userdata
**                       with __gc, __close, __len and __index;
**   lanman_creds *   -> PyCapsule "lanman.Credentials" / Lua userdata;
** and its lanman_error into NetApiError/ValueError (Python) or
** nil, message, code and argument errors (Lua).
*/
%module lanman_core

%{
#include <string.h>
#include "lanman.h"
%}

%include <stdint.i>
%include <typemaps.i>

/* Every core function returns a lanman_status; the error typemaps act on
** it, so it never reaches the script itself. */
typedef int lanman_status;

/* Out-parameters become return values, in parameter order. */
%apply uint32_t *OUTPUT { uint32_t *total, uint32_t *size };
%apply uint32_t *INOUT { uint32_t *resume };

#if defined(SWIGPYTHON)
%include "python/typemaps.i"
#elif defined(SWIGLUA)
%include "lua/typemaps.i"
#else
#error "lanman.i supports Python and Lua"
#endif

/* NetUserEnum, not lanman_NetUserEnum: the names of the C API. */
%rename("%(strip:[lanman_])s") "";

/* ---- buffers ---- */
lanman_status lanman_buffer_free(lanman_buffer *buf, lanman_error *err);
uint32_t lanman_buffer_count(const lanman_buffer *buf);
int lanman_buffer_is_freed(const lanman_buffer *buf);
lanman_status lanman_NetApiBufferAllocate(uint32_t size, lanman_buffer **out,
                                          lanman_error *err);
lanman_status lanman_NetApiBufferSize(const lanman_buffer *buf, uint32_t *size,
                                      lanman_error *err);
lanman_status lanman_NetApiBufferReallocate(lanman_buffer *buf, uint32_t size,
                                            lanman_error *err);

/* ---- credentials and the context ---- */
lanman_creds *lanman_creds_new(const char *user, const char *password,
                               const char *domain, int kerberos);
lanman_status lanman_set_default_creds(const lanman_creds *creds,
                                       lanman_error *err);
uint64_t lanman_context_memory(void);
uint64_t lanman_context_reinits(void);
void lanman_context_set_memory_bound(uint64_t bytes);
void lanman_context_shutdown(void);

/* ---- the NetApi calls: on the wire (Python releases the GIL) ---- */
LANMAN_WIRE_CALLS_BEGIN
lanman_status lanman_NetServerGetInfo(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      lanman_buffer **out, lanman_error *err);
lanman_status lanman_NetWkstaGetInfo(const lanman_creds *creds,
                                     const char *server, uint32_t level,
                                     lanman_buffer **out, lanman_error *err);
lanman_status lanman_NetUserEnum(const lanman_creds *creds, const char *server,
                                 uint32_t level, uint32_t filter,
                                 uint32_t prefmaxlen, lanman_buffer **out,
                                 uint32_t *total, uint32_t *resume,
                                 lanman_error *err);
lanman_status lanman_NetUserGetInfo(const lanman_creds *creds,
                                    const char *server, const char *username,
                                    uint32_t level, lanman_buffer **out,
                                    lanman_error *err);
lanman_status lanman_NetShareEnum(const lanman_creds *creds,
                                  const char *server, uint32_t level,
                                  uint32_t prefmaxlen, lanman_buffer **out,
                                  uint32_t *total, uint32_t *resume,
                                  lanman_error *err);
lanman_status lanman_NetShareGetInfo(const lanman_creds *creds,
                                     const char *server, const char *netname,
                                     uint32_t level, lanman_buffer **out,
                                     lanman_error *err);
LANMAN_WIRE_CALLS_END

#if defined(SWIGPYTHON)
%include "python/helpers.i"
#elif defined(SWIGLUA)
%include "lua/helpers.i"
#endif
