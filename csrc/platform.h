/*
** platform.h -- the shim's private header: the one place that includes the
** platform's NetApi header.  Only the shim (shim_*.c) and the level tables
** (levels.c, which need offsetof() on platform structs) include it.
**
** Linux/BSD/macOS: Samba's libnetapi, strings are UTF-8 `const char *`.
** Windows: netapi32 (windows.h + lm.h), strings are UTF-16 LPWSTR; its side
** of the shim is a separate issue.  Level tables name structs through
** LM_STRUCT() so they compile against either header.
*/
#ifndef LANMAN_PLATFORM_H
#define LANMAN_PLATFORM_H

#include <stdint.h>
#include <stddef.h>

#ifdef _WIN32
#include <windows.h>
#include <lm.h>
#define LM_STRUCT(name) name

struct lm_arena;
struct lm_call;
/* UTF-8 -> a new UTF-16 string from arena; NULL for NULL (or on error,
** *bad set). */
wchar_t *lm_win_wide(const char *utf8, struct lm_arena **arena, int *bad);

/* A call's name arguments in UTF-16, for a thunk; lm_win_args_free
** releases them.  bad: one did not convert (then do not call). */
typedef struct lm_win_args {
    struct lm_arena *arena;   /* owns the strings below */
    int bad;
    wchar_t *server, *name, *name2, *name3;
} lm_win_args;
void lm_win_args_init(lm_win_args *w, const struct lm_call *c);
void lm_win_args_free(lm_win_args *w);
#else
#include <netapi.h>
#define LM_STRUCT(name) struct name

/* netapi.h does not declare the WKSTA_INFO structs although libnetapi
** returns them (source3/lib/netapi/wkstainfo.c); layouts as in lmwksta.h. */
struct WKSTA_INFO_100 {
    uint32_t wki100_platform_id;
    const char *wki100_computername;
    const char *wki100_langroup;
    uint32_t wki100_ver_major;
    uint32_t wki100_ver_minor;
};

struct WKSTA_INFO_101 {
    uint32_t wki101_platform_id;
    const char *wki101_computername;
    const char *wki101_langroup;
    uint32_t wki101_ver_major;
    uint32_t wki101_ver_minor;
    const char *wki101_lanroot;
};

struct WKSTA_INFO_102 {
    uint32_t wki102_platform_id;
    const char *wki102_computername;
    const char *wki102_langroup;
    uint32_t wki102_ver_major;
    uint32_t wki102_ver_minor;
    const char *wki102_lanroot;
    uint32_t wki102_logged_on_users;
};
#endif

#endif /* LANMAN_PLATFORM_H */
