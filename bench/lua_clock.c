/*
** lua_clock.c -- a monotonic wall clock and peak RSS for the Lua benchmark
** (Lua's os.clock is CPU time; Debian's lua-posix does not serve 5.4).
** Built by bench/run as bench/.cache/build/benchclock.so.
*/
#include <lauxlib.h>
#include <lua.h>
#include <sys/resource.h>
#include <time.h>

static int now(lua_State *L) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    lua_pushnumber(L, (lua_Number)ts.tv_sec + (lua_Number)ts.tv_nsec / 1e9);
    return 1;
}

static int maxrss_kb(lua_State *L) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    lua_pushinteger(L, (lua_Integer)ru.ru_maxrss);
    return 1;
}

int luaopen_benchclock(lua_State *L) {
    static const luaL_Reg fns[] = {{"now", now}, {"maxrss_kb", maxrss_kb}, {NULL, NULL}};
    luaL_newlib(L, fns);
    return 1;
}
