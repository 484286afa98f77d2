/*
** lua/helpers.i -- the buffer userdata's metatable, record tables, and the
** tables (levels, errors, constants, counters) as native Lua functions.
*/

%{
/* One field pushed as a Lua value: string, integer or nil. */
static void lanman_lua_push_value(lua_State *L, const lanman_value *v) {
    if (v->is_null) {
        lua_pushnil(L);
        return;
    }
    switch (v->type) {
    case LANMAN_T_STR:
    case LANMAN_T_SID:
        lua_pushlstring(L, v->str, v->len);
        break;
    case LANMAN_T_HOURS:
    case LANMAN_T_SECDESC:
    case LANMAN_T_BYTES:
        lua_pushlstring(L, (const char *)v->bytes, v->len);
        break;
    case LANMAN_T_I32:
        lua_pushinteger(L, (lua_Integer)(int32_t)v->u32);
        break;
    default:
        lua_pushinteger(L, (lua_Integer)v->u32);
        break;
    }
}

/* Pushes record index (0-based) of b as a new table.  keys: stack index
** of the first of nfields slots holding the field names, pushed once per
** decode call so that each name is hashed once, not once per record; or 0
** to key by name. */
static void lanman_lua_push_record(lua_State *L, const lanman_buffer *b,
                                   uint32_t index, int keys) {
    const lanman_level *lvl = lanman_buffer_level(b);
    lanman_error err;
    lanman_value v;
    lua_createtable(L, 0, (int)lvl->nfields);
    for (size_t f = 0; f < lvl->nfields; f++) {
        /* Checked per field: a finalizer run by a GC step in the pushes
        ** may have freed the buffer. */
        if (lanman_record_field(b, index, f, &v, &err) != LANMAN_OK)
            lanman_lua_raise(L, &err);
        if (keys) lua_pushvalue(L, keys + (int)f);
        lanman_lua_push_value(L, &v);
        if (v.owned) lanman_value_clear(&v);
        if (keys) lua_rawset(L, -3);
        else lua_setfield(L, -2, lvl->fields[f].name);
    }
}

/* Raises unless b still holds its NetApi memory. */
static void lanman_lua_check_live(lua_State *L, const lanman_buffer *b,
                                  const char *what) {
    if (lanman_buffer_is_freed(b))
        luaL_error(L, "%s: the buffer was already freed", what);
}

static int lanman_lua_buf_free(lua_State *L) {
    lanman_error err;
    if (lanman_buffer_free(lanman_lua_check_buffer(L, 1), &err) != LANMAN_OK)
        return lanman_lua_raise(L, &err);
    return 0;
}

/* __close: free at scope end; silent if the script freed it already. */
static int lanman_lua_buf_close(lua_State *L) {
    lanman_buffer *b = lanman_lua_check_buffer(L, 1);
    lanman_error err;
    if (!lanman_buffer_is_freed(b)) lanman_buffer_free(b, &err);
    return 0;
}

static int lanman_lua_buf_gc(lua_State *L) {
    lanman_lua_buffer *u = (lanman_lua_buffer *)luaL_checkudata(L, 1, LANMAN_BUFFER_MT);
    lanman_buffer_destroy(u->b);
    u->b = NULL;
    return 0;
}

static int lanman_lua_buf_len(lua_State *L) {
    lanman_buffer *b = lanman_lua_check_buffer(L, 1);
    lanman_lua_check_live(L, b, "#buffer");
    lua_pushinteger(L, (lua_Integer)lanman_buffer_count(b));
    return 1;
}

/* buf:records().  The collector is left running: pausing it for the build
** and then stepping it by what was allocated measured no faster at 1,000
** records and slower at 10,000. */
static int lanman_lua_buf_records(lua_State *L) {
    lanman_buffer *b = lanman_lua_check_buffer(L, 1);
    lanman_lua_check_live(L, b, "records");
    const lanman_level *lvl = lanman_buffer_level(b);
    uint32_t n = lvl ? lanman_buffer_count(b) : 0;
    int nf = lvl ? (int)lvl->nfields : 0;
    luaL_checkstack(L, nf + 8, "records");
    int keys = lua_gettop(L) + 1;
    for (int f = 0; f < nf; f++) lua_pushstring(L, lvl->fields[f].name);
    lua_createtable(L, (int)n, 0);
    for (uint32_t i = 0; i < n; i++) {
        lanman_lua_push_record(L, b, i, keys);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;   /* the list, above the keys */
}

static int lanman_lua_buf_level(lua_State *L) {
    const lanman_level *l = lanman_buffer_level(lanman_lua_check_buffer(L, 1));
    if (l == NULL) return 0;
    lua_pushstring(L, l->family);
    lua_pushinteger(L, (lua_Integer)l->level);
    return 2;
}

static int lanman_lua_buf_is_freed(lua_State *L) {
    lua_pushboolean(L, lanman_buffer_is_freed(lanman_lua_check_buffer(L, 1)));
    return 1;
}

static int lanman_lua_buf_tostring(lua_State *L) {
    lanman_buffer *b = lanman_lua_check_buffer(L, 1);
    const lanman_level *l = lanman_buffer_level(b);
    if (lanman_buffer_is_freed(b))
        lua_pushstring(L, "lanman.NetApiBuffer (freed)");
    else
        lua_pushfstring(L, "lanman.NetApiBuffer (%s, %d records)",
                        l ? l->struct_name : "raw", (int)lanman_buffer_count(b));
    return 1;
}

static const luaL_Reg lanman_lua_buf_methods[] = {
    {"free", lanman_lua_buf_free},
    {"records", lanman_lua_buf_records},
    {"level", lanman_lua_buf_level},
    {"is_freed", lanman_lua_buf_is_freed},
    {NULL, NULL}
};

/* __index: buf[i] is record i (1-based, nil past the end), buf.name a
** method. */
static int lanman_lua_buf_index(lua_State *L) {
    lanman_buffer *b = lanman_lua_check_buffer(L, 1);
    if (lua_type(L, 2) == LUA_TSTRING) {
        lua_getmetatable(L, 1);
        lua_getfield(L, -1, "methods");
        lua_getfield(L, -1, lua_tostring(L, 2));
        return 1;
    }
    lua_Integer i = luaL_checkinteger(L, 2);
    lanman_lua_check_live(L, b, "buffer[i]");
    if (lanman_buffer_level(b) == NULL)
        return luaL_error(L, "raw NetApiBufferAllocate memory has no records");
    if (i < 1 || i > (lua_Integer)lanman_buffer_count(b)) return 0;
    lanman_lua_push_record(L, b, (uint32_t)(i - 1), 0);
    return 1;
}

static int lanman_lua_creds_gc(lua_State *L) {
    lanman_lua_creds *u = (lanman_lua_creds *)luaL_checkudata(L, 1, LANMAN_CREDS_MT);
    lanman_creds_free(u->c);
    u->c = NULL;
    return 0;
}

static int lanman_lua_creds_tostring(lua_State *L) {
    lanman_lua_creds *u = (lanman_lua_creds *)luaL_checkudata(L, 1, LANMAN_CREDS_MT);
    if (u->c == NULL) lua_pushstring(L, "lanman.Credentials (freed)");
    else lua_pushfstring(L, "lanman.Credentials (user=%s, domain=%s)",
                         lanman_creds_user(u->c), lanman_creds_domain(u->c));
    return 1;   /* the password never appears */
}

static int lanman_lua_input_gc(lua_State *L) {
    lanman_lua_input *u = (lanman_lua_input *)luaL_checkudata(L, 1, LANMAN_INPUT_MT);
    lanman_input_free(u->in);
    u->in = NULL;
    return 0;
}

/* Sets one field of record index from the Lua value at the top of the
** stack, by the field's type; raises on a wrong key, type or value. */
static void lanman_lua_input_set(lua_State *L, lanman_input *in,
                                 uint32_t index, const char *key) {
    lanman_error err;
    size_t field, len;
    const lanman_level *l = lanman_input_level(in);
    if (lanman_input_field(in, key, &field, &err) != LANMAN_OK)
        lanman_lua_raise(L, &err);
    const lanman_field *f = &l->fields[field];
    lanman_status st;
    int t = lua_type(L, -1);
    switch (f->type) {
    case LANMAN_T_STR:
    case LANMAN_T_SID:
        if (t != LUA_TSTRING) goto wrong;
        {
            const char *s = lua_tolstring(L, -1, &len);
            st = lanman_input_set_text(in, index, field, s, len, &err);
        }
        break;
    case LANMAN_T_HOURS:
    case LANMAN_T_SECDESC:
    case LANMAN_T_BYTES:
        if (t != LUA_TSTRING) goto wrong;
        {
            const char *s = lua_tolstring(L, -1, &len);
            st = lanman_input_set_bytes(in, index, field, s, len, &err);
        }
        break;
    default: {
        int isint;
        lua_Integer n = lua_tointegerx(L, -1, &isint);
        if (t != LUA_TNUMBER || !isint) goto wrong;
        st = lanman_input_set_number(in, index, field, (int64_t)n, &err);
        break;
    }
    }
    if (st != LANMAN_OK) lanman_lua_raise(L, &err);
    return;
wrong:
    luaL_error(L, "%s: field '%s' must be %s, not %s", l->struct_name, f->name,
               f->type == LANMAN_T_STR ? "a string"
               : f->type == LANMAN_T_SID ? "a SID string (S-1-...)"
               : f->type == LANMAN_T_HOURS || f->type == LANMAN_T_SECDESC ||
                 f->type == LANMAN_T_BYTES ? "a byte string"
               : "an integer", luaL_typename(L, -1));
}

/* input_from_records(family, level, {record, ...}) -> "lanman.Input"
** userdata; unknown keys, wrong types and missing required fields raise. */
static int lanman_lua_input_from_records(lua_State *L) {
    const char *family = luaL_checkstring(L, 1);
    lua_Integer level = luaL_checkinteger(L, 2);
    luaL_checktype(L, 3, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 3);
    lanman_error err;
    lanman_lua_input *u = (lanman_lua_input *)lua_newuserdatauv(L, sizeof *u, 0);
    u->in = NULL;
    luaL_setmetatable(L, LANMAN_INPUT_MT);   /* __gc frees it if we raise */
    if (level < 0 || level > 0xFFFFFFFF ||
        lanman_input_new(family, (uint32_t)level, (uint32_t)(n < 0 ? 0 : n),
                         &u->in, &err) != LANMAN_OK)
        return luaL_error(L, "%s", level < 0 || level > 0xFFFFFFFF
                                   ? "level out of range" : err.message);
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_geti(L, 3, i) != LUA_TTABLE)
            return luaL_error(L, "%s data must be a table, not %s",
                              lanman_input_level(u->in)->struct_name,
                              luaL_typename(L, -1));
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            if (lua_type(L, -2) != LUA_TSTRING)
                return luaL_error(L, "%s: keys must be strings, not %s",
                                  lanman_input_level(u->in)->struct_name,
                                  luaL_typename(L, -2));
            lanman_lua_input_set(L, u->in, (uint32_t)(i - 1), lua_tostring(L, -2));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    if (lanman_input_check(u->in, &err) != LANMAN_OK) lanman_lua_raise(L, &err);
    return 1;
}

static void lanman_lua_register(lua_State *L) {
    if (luaL_newmetatable(L, LANMAN_BUFFER_MT)) {
        static const luaL_Reg meta[] = {
            {"__gc", lanman_lua_buf_gc},       {"__close", lanman_lua_buf_close},
            {"__len", lanman_lua_buf_len},     {"__index", lanman_lua_buf_index},
            {"__tostring", lanman_lua_buf_tostring}, {NULL, NULL}};
        luaL_setfuncs(L, meta, 0);
        luaL_newlib(L, lanman_lua_buf_methods);
        lua_setfield(L, -2, "methods");
    }
    lua_pop(L, 1);
    if (luaL_newmetatable(L, LANMAN_CREDS_MT)) {
        lua_pushcfunction(L, lanman_lua_creds_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, lanman_lua_creds_tostring);
        lua_setfield(L, -2, "__tostring");
    }
    lua_pop(L, 1);
    if (luaL_newmetatable(L, LANMAN_INPUT_MT)) {
        lua_pushcfunction(L, lanman_lua_input_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
}

/* buffer_stats() -> {allocated=, freed=, live=} */
static int lanman_lua_buffer_stats(lua_State *L) {
    uint64_t allocated, freed;
    lanman_buffer_stats(&allocated, &freed);
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, (lua_Integer)allocated);
    lua_setfield(L, -2, "allocated");
    lua_pushinteger(L, (lua_Integer)freed);
    lua_setfield(L, -2, "freed");
    lua_pushinteger(L, (lua_Integer)(allocated - freed));
    lua_setfield(L, -2, "live");
    return 1;
}

/* constants() -> {UF_SCRIPT = 1, ...} */
static int lanman_lua_constants(lua_State *L) {
    lua_createtable(L, 0, (int)lanman_constant_count());
    for (size_t i = 0; i < lanman_constant_count(); i++) {
        const char *name;
        uint64_t value;
        lanman_constant_at(i, &name, &value);
        lua_pushinteger(L, (lua_Integer)value);
        lua_setfield(L, -2, name);
    }
    return 1;
}

/* error_table() -> {[code] = {name=, message=}} */
static int lanman_lua_error_table(lua_State *L) {
    lua_createtable(L, 0, (int)lanman_error_count());
    for (size_t i = 0; i < lanman_error_count(); i++) {
        uint32_t code;
        const char *name, *message;
        lanman_error_at(i, &code, &name, &message);
        lua_createtable(L, 0, 2);
        lua_pushstring(L, name);
        lua_setfield(L, -2, "name");
        lua_pushstring(L, message);
        lua_setfield(L, -2, "message");
        lua_rawseti(L, -2, (lua_Integer)code);
    }
    return 1;
}

/* call_levels(function) -> {levels...} */
static int lanman_lua_call_levels(lua_State *L) {
    uint32_t lv[64];
    size_t n = lanman_call_levels(luaL_checkstring(L, 1), lv, 64);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushinteger(L, (lua_Integer)lv[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* level_fields(family, level) -> {names...} or nil */
static int lanman_lua_level_fields(lua_State *L) {
    const lanman_level *l = lanman_level_find(luaL_checkstring(L, 1),
                                              (uint32_t)luaL_checkinteger(L, 2));
    if (l == NULL) return 0;
    lua_createtable(L, (int)l->nfields, 0);
    for (size_t f = 0; f < l->nfields; f++) {
        lua_pushstring(L, l->fields[f].name);
        lua_rawseti(L, -2, (lua_Integer)f + 1);
    }
    return 1;
}
%}

%native(input_from_records) int lanman_lua_input_from_records(lua_State *L);
%native(buffer_stats) int lanman_lua_buffer_stats(lua_State *L);
%native(constants) int lanman_lua_constants(lua_State *L);
%native(error_table) int lanman_lua_error_table(lua_State *L);
%native(call_levels) int lanman_lua_call_levels(lua_State *L);
%native(level_fields) int lanman_lua_level_fields(lua_State *L);

%init %{
    lanman_lua_register(L);
%}
