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
/* UTF-8 -> a new UTF-16 string from arena; NULL for NULL (or on error,
** *bad set). */
wchar_t *lm_win_wide(const char *utf8, struct lm_arena **arena, int *bad);
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
