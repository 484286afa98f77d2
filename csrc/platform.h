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

/* Windows-only calls (lanman_network.h): netapi.h has none of their
** structs; layouts as in lmshare.h (SESSION_INFO, CONNECTION_INFO) and
** lmwksta.h (WKSTA_USER_INFO), for their level tables. */
struct SESSION_INFO_0 {
    const char *sesi0_cname;
};
struct SESSION_INFO_1 {
    const char *sesi1_cname;
    const char *sesi1_username;
    uint32_t sesi1_num_opens;
    uint32_t sesi1_time;
    uint32_t sesi1_idle_time;
    uint32_t sesi1_user_flags;
};
struct SESSION_INFO_2 {
    const char *sesi2_cname;
    const char *sesi2_username;
    uint32_t sesi2_num_opens;
    uint32_t sesi2_time;
    uint32_t sesi2_idle_time;
    uint32_t sesi2_user_flags;
    const char *sesi2_cltype_name;
};
struct SESSION_INFO_10 {
    const char *sesi10_cname;
    const char *sesi10_username;
    uint32_t sesi10_time;
    uint32_t sesi10_idle_time;
};
struct SESSION_INFO_502 {
    const char *sesi502_cname;
    const char *sesi502_username;
    uint32_t sesi502_num_opens;
    uint32_t sesi502_time;
    uint32_t sesi502_idle_time;
    uint32_t sesi502_user_flags;
    const char *sesi502_cltype_name;
    const char *sesi502_transport;
};
struct CONNECTION_INFO_0 {
    uint32_t coni0_id;
};
struct CONNECTION_INFO_1 {
    uint32_t coni1_id;
    uint32_t coni1_type;
    uint32_t coni1_num_opens;
    uint32_t coni1_num_users;
    uint32_t coni1_time;
    const char *coni1_username;
    const char *coni1_netname;
};
struct WKSTA_USER_INFO_0 {
    const char *wkui0_username;
};
struct WKSTA_USER_INFO_1 {
    const char *wkui1_username;
    const char *wkui1_logon_domain;
    const char *wkui1_oth_domains;
    const char *wkui1_logon_server;
};
struct WKSTA_USER_INFO_1101 {
    const char *wkui1101_oth_domains;
};
#endif

/* Records lanman makes itself, on every platform, for results that are
** not an array of a platform struct (a bare string, a string array, a
** name beside a status, a GUID): the domain and network shims wrap such a
** result into one of these, so it decodes through a level table like
** every other.  lm_pstr is the platform's string. */
#ifdef _WIN32
#include <dsgetdc.h>
typedef LPWSTR lm_pstr;
typedef DOMAIN_CONTROLLER_INFOW lm_platform_dc_info;
#else
typedef const char *lm_pstr;
typedef struct DOMAIN_CONTROLLER_INFO lm_platform_dc_info;
#endif
/* NetGetDCName, NetGetAnyDCName: the DC's name ("\\\\DC"). */
typedef struct LM_DC_NAME {
    lm_pstr dc_name;
} LM_DC_NAME;
/* NetGetJoinInformation: the name and its NETSETUP_JOIN_STATUS. */
typedef struct LM_JOIN_INFORMATION {
    lm_pstr name;
    uint32_t status;
} LM_JOIN_INFORMATION;
/* NetGetJoinableOUs: one record per OU. */
typedef struct LM_JOINABLE_OU {
    lm_pstr ou;
} LM_JOINABLE_OU;
/* NetProvisionComputerAccount: the offline-join blob as base64 text. */
typedef struct LM_PROVISION_DATA {
    lm_pstr provision_text_data;
} LM_PROVISION_DATA;
/* NetServerDiskEnum: one record per disk ("C:"); netapi32 returns
** three-character strings back to back. */
typedef struct LM_DISK_INFO {
    lm_pstr disk;
} LM_DISK_INFO;
/* DsGetDcName: the platform's DOMAIN_CONTROLLER_INFO as returned, then
** its DomainGuid rendered "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}". */
typedef struct LM_DOMAIN_CONTROLLER_INFO {
    lm_platform_dc_info info;
    lm_pstr domain_guid_text;
} LM_DOMAIN_CONTROLLER_INFO;

#endif /* LANMAN_PLATFORM_H */
