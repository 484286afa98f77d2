/*
** lanman.i -- the one SWIG interface for Python 3 and Lua 5.4.
**
** The core (csrc/lanman.h) is wrapped as plain functions; the language
** files turn its two handle types into native objects:
**   lanman_buffer *  -> PyCapsule "lanman.NetApiBuffer" / Lua full userdata
**                       with __gc, __close, __len and __index;
**   lanman_creds *   -> PyCapsule "lanman.Credentials" / Lua userdata;
**   lanman_input *   -> built from a dict / table (Add, SetInfo, members)
**                       by the language's input_from_records();
** and its lanman_error into NetApiError/ValueError/TypeError (Python) or
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

const char *lanman_call_family(const char *function);

/* ---- credentials and the context ---- */
lanman_creds *lanman_creds_new(const char *user, const char *password,
                               const char *domain, int kerberos);
lanman_status lanman_set_default_creds(const lanman_creds *creds,
                                       lanman_error *err);
uint64_t lanman_context_memory(void);
uint64_t lanman_context_reinits(void);
void lanman_context_set_memory_bound(uint64_t bytes);
uint64_t lanman_context_memory_bound(void);
void lanman_context_shutdown(void);
void lanman_context_set_timeout(uint32_t ms);
uint32_t lanman_context_timeout(void);

/* ---- member lists (group, localgroup): NULL means none ----
** NetGroupSetUsers and NetLocalGroupSetMembers take None / nil for an
** empty list (an input holds at least one record); the core rejects it for
** the calls that need members. */
#if defined(SWIGPYTHON)
%typemap(in) const lanman_input *members {
    if ($input == Py_None) {
        $1 = NULL;
    } else {
        $1 = ($1_ltype)PyCapsule_GetPointer($input, LANMAN_INPUT_CAPSULE);
        if ($1 == NULL) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "argument 'members' must be None or "
                         "a %s capsule, not %.100s", LANMAN_INPUT_CAPSULE,
                         Py_TYPE($input)->tp_name);
            SWIG_fail;
        }
    }
}
#elif defined(SWIGLUA)
%typemap(in) const lanman_input *members {
    $1 = lua_isnil(L, $input) ? NULL
         : ((lanman_lua_input *)luaL_checkudata(L, $input, LANMAN_INPUT_MT))->in;
}
#endif

/* ---- the NetApi calls: on the wire (Python releases the GIL) ----
** One header per family; SWIG wraps every function each declares.  A new
** family is one more %include here and one in csrc/lanman.h. */
LANMAN_WIRE_CALLS_BEGIN
%include "lanman_server.h"
%include "lanman_domain.h"
%include "lanman_network.h"
%include "lanman_user.h"
%include "lanman_share.h"
%include "lanman_group.h"
%include "lanman_localgroup.h"
%include "lanman_fastenum.h"
LANMAN_WIRE_CALLS_END

#if defined(SWIGPYTHON)
%include "python/helpers.i"
#elif defined(SWIGLUA)
%include "lua/helpers.i"
#endif
