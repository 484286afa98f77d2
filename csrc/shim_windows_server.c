/*
** shim_windows_server.c -- the server, workstation and time calls on
** netapi32 (see calls_server.c for the checks before).
*/
#ifdef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetServerGetInfo(lm_call *c) {
    lm_arena *a = NULL;
    int bad = 0;
    wchar_t *server = lm_win_wide(c->server, &a, &bad);
    uint32_t st = bad ? ERROR_INVALID_PARAMETER
                      : NetServerGetInfo(server, c->level, (LPBYTE *)&c->buffer);
    lm_arena_free(&a);
    return st;
}

uint32_t lm_shim_NetWkstaGetInfo(lm_call *c) {
    lm_arena *a = NULL;
    int bad = 0;
    wchar_t *server = lm_win_wide(c->server, &a, &bad);
    uint32_t st = bad ? ERROR_INVALID_PARAMETER
                      : NetWkstaGetInfo(server, c->level, (LPBYTE *)&c->buffer);
    lm_arena_free(&a);
    return st;
}
#endif /* _WIN32 */
