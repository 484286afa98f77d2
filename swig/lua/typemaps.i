/*
** lua/typemaps.i -- how the core's types look in Lua 5.4.
**
** lanman_buffer * is a full userdata (metatable "lanman.NetApiBuffer")
** holding the buffer pointer: __gc destroys it (NetApiBufferFree exactly
** once unless freed earlier), __close frees the NetApi memory at scope end,
** __len is the record count, __index maps 1..n to record tables and names
** to methods.  lanman_creds * is a userdata ("lanman.Credentials") whose
** __gc wipes and frees it.  A failed NetApi call returns nil, message,
** code; bad arguments and use of a freed buffer raise.
*/

%{
#include <lauxlib.h>

#define LANMAN_BUFFER_MT "lanman.NetApiBuffer"
#define LANMAN_CREDS_MT "lanman.Credentials"
#define LANMAN_INPUT_MT "lanman.Input"

typedef struct lanman_lua_input {
    lanman_input *in;   /* owned; freed (and wiped) by __gc */
} lanman_lua_input;

/* What the userdata holds.  b is owned by the userdata; NULL after __gc. */
typedef struct lanman_lua_buffer {
    lanman_buffer *b;
} lanman_lua_buffer;

typedef struct lanman_lua_creds {
    lanman_creds *c;   /* owned; wiped and freed by __gc */
} lanman_lua_creds;

/* Pushes b (taking ownership) as a new userdata, or nil for NULL. */
static void lanman_lua_push_buffer(lua_State *L, lanman_buffer *b) {
    if (b == NULL) {
        lua_pushnil(L);
        return;
    }
    lanman_lua_buffer *u = (lanman_lua_buffer *)lua_newuserdatauv(L, sizeof *u, 0);
    u->b = b;
    luaL_setmetatable(L, LANMAN_BUFFER_MT);
}

/* The buffer at index i; raises unless it is a live lanman userdata. */
static lanman_buffer *lanman_lua_check_buffer(lua_State *L, int i) {
    lanman_lua_buffer *u = (lanman_lua_buffer *)luaL_checkudata(L, i, LANMAN_BUFFER_MT);
    if (u->b == NULL) luaL_argerror(L, i, "buffer was collected");
    return u->b;
}

/* Raises a core error as a Lua error. */
static int lanman_lua_raise(lua_State *L, const lanman_error *e) {
    return luaL_error(L, "%s", e->message);
}
%}

/* ---- lanman_status: never returned itself ---- */
%typemap(out) lanman_status "";

/* ---- lanman_error *err: nil, message, code on a NetApi failure ---- */
%typemap(in, numinputs=0) lanman_error *err (lanman_error temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) lanman_error *err {
    if (result != LANMAN_OK) {
        if ($1->kind != LANMAN_E_NETAPI) return lanman_lua_raise(L, $1);
        lua_pushnil(L);
        lua_pushstring(L, $1->message);
        lua_pushinteger(L, (lua_Integer)$1->code);
        SWIG_arg = 3;   /* only these three are returned */
    }
}

/* ---- lanman_buffer **out: a new userdata (nil on failure) ---- */
%typemap(in, numinputs=0) lanman_buffer **out (lanman_buffer *temp = NULL) {
    $1 = &temp;
}
%typemap(argout) lanman_buffer **out {
    lanman_lua_push_buffer(L, *$1);
    SWIG_arg++;
}

/* ---- lanman_buffer *: borrowed from a userdata ---- */
%typemap(in) lanman_buffer *, const lanman_buffer * {
    $1 = lanman_lua_check_buffer(L, $input);
}

/* ---- credentials ---- */
%typemap(out) lanman_creds * {
    if ($1 == NULL) return luaL_error(L, "out of memory");
    lanman_lua_creds *u = (lanman_lua_creds *)lua_newuserdatauv(L, sizeof *u, 0);
    u->c = $1;
    luaL_setmetatable(L, LANMAN_CREDS_MT);
    SWIG_arg++;
}
%typemap(in) const lanman_creds * {
    $1 = lua_isnil(L, $input) ? NULL
         : ((lanman_lua_creds *)luaL_checkudata(L, $input, LANMAN_CREDS_MT))->c;
}
%typemap(typecheck) const lanman_creds * "$1 = lua_isnil(L, $input) || lua_isuserdata(L, $input);";

/* ---- bytes in: NetRequestOfflineDomainJoin's blob and its length ---- */
%typemap(in) (const char *provision_bin_data, size_t provision_bin_data_size) {
    $1 = ($1_ltype)luaL_checklstring(L, $input, &$2);
}

/* ---- input records: a "lanman.Input" userdata (input_from_records) ---- */
%typemap(in) const lanman_input * {
    $1 = ((lanman_lua_input *)luaL_checkudata(L, $input, LANMAN_INPUT_MT))->in;
}

/* Lua has no global lock to release around calls on the wire. */
%define LANMAN_WIRE_CALLS_BEGIN
%enddef
%define LANMAN_WIRE_CALLS_END
%enddef

/* Counts, sizes and handles are integers in Lua 5.4, never floats
** (SWIG's defaults push lua_Number). */
%typemap(out) uint32_t, uint64_t, int "lua_pushinteger(L, (lua_Integer)$1); SWIG_arg++;";
%typemap(argout) uint32_t *total, uint32_t *size, uint32_t *resume
    "lua_pushinteger(L, (lua_Integer)*$1); SWIG_arg++;";
