/*
** levels.c -- info levels as data.  One row per (family, level): the
** struct's fields with pywin32's key names (the struct field without its
** prefix), their types and offsets.  Adding a level is adding rows here,
** never writing a converter.  Includes platform.h for offsetof() only.
*/
#include <string.h>

#include "internal.h"
#include "platform.h"

/* F: one field; S struct name, P member prefix, N key, T LANMAN_T_ type. */
#define F(S, P, N, T) F_(S, P, N, T)   /* expands T (BOOLEAN_T) first */
#define F_(S, P, N, T) {#N, LANMAN_T_##T, offsetof(LM_STRUCT(S), P##N), 0}
/* Logon hours: the byte count comes from units_per_week beside it. */
#define HOURS(S, P)                                                   \
    {"logon_hours", LANMAN_T_HOURS, offsetof(LM_STRUCT(S), P##logon_hours), \
     offsetof(LM_STRUCT(S), P##units_per_week)}
#define LEVEL(FAM, N, S, FIELDS)                                      \
    {FAM, N, #S, sizeof(LM_STRUCT(S)),                                \
     sizeof(FIELDS) / sizeof(FIELDS[0]), FIELDS}

/* BOOL in lm.h is a DWORD; libnetapi declares the same fields uint8_t. */
#ifdef _WIN32
#define BOOLEAN_T U32
#else
#define BOOLEAN_T U8
#endif

/* ---- SERVER_INFO ---- */
static const lanman_field server_info_100[] = {
    F(SERVER_INFO_100, sv100_, platform_id, U32),
    F(SERVER_INFO_100, sv100_, name, STR),
};
static const lanman_field server_info_101[] = {
    F(SERVER_INFO_101, sv101_, platform_id, U32),
    F(SERVER_INFO_101, sv101_, name, STR),
    F(SERVER_INFO_101, sv101_, version_major, U32),
    F(SERVER_INFO_101, sv101_, version_minor, U32),
    F(SERVER_INFO_101, sv101_, type, U32),
    F(SERVER_INFO_101, sv101_, comment, STR),
};
static const lanman_field server_info_102[] = {
    F(SERVER_INFO_102, sv102_, platform_id, U32),
    F(SERVER_INFO_102, sv102_, name, STR),
    F(SERVER_INFO_102, sv102_, version_major, U32),
    F(SERVER_INFO_102, sv102_, version_minor, U32),
    F(SERVER_INFO_102, sv102_, type, U32),
    F(SERVER_INFO_102, sv102_, comment, STR),
    F(SERVER_INFO_102, sv102_, users, U32),
    F(SERVER_INFO_102, sv102_, disc, U32),
    F(SERVER_INFO_102, sv102_, hidden, BOOLEAN_T),
    F(SERVER_INFO_102, sv102_, announce, U32),
    F(SERVER_INFO_102, sv102_, anndelta, U32),
    F(SERVER_INFO_102, sv102_, licenses, U32),
    F(SERVER_INFO_102, sv102_, userpath, STR),
};

/* ---- WKSTA_INFO ---- */
static const lanman_field wksta_info_100[] = {
    F(WKSTA_INFO_100, wki100_, platform_id, U32),
    F(WKSTA_INFO_100, wki100_, computername, STR),
    F(WKSTA_INFO_100, wki100_, langroup, STR),
    F(WKSTA_INFO_100, wki100_, ver_major, U32),
    F(WKSTA_INFO_100, wki100_, ver_minor, U32),
};
static const lanman_field wksta_info_101[] = {
    F(WKSTA_INFO_101, wki101_, platform_id, U32),
    F(WKSTA_INFO_101, wki101_, computername, STR),
    F(WKSTA_INFO_101, wki101_, langroup, STR),
    F(WKSTA_INFO_101, wki101_, ver_major, U32),
    F(WKSTA_INFO_101, wki101_, ver_minor, U32),
    F(WKSTA_INFO_101, wki101_, lanroot, STR),
};
static const lanman_field wksta_info_102[] = {
    F(WKSTA_INFO_102, wki102_, platform_id, U32),
    F(WKSTA_INFO_102, wki102_, computername, STR),
    F(WKSTA_INFO_102, wki102_, langroup, STR),
    F(WKSTA_INFO_102, wki102_, ver_major, U32),
    F(WKSTA_INFO_102, wki102_, ver_minor, U32),
    F(WKSTA_INFO_102, wki102_, lanroot, STR),
    F(WKSTA_INFO_102, wki102_, logged_on_users, U32),
};

/* ---- USER_INFO ---- */
static const lanman_field user_info_0[] = {
    F(USER_INFO_0, usri0_, name, STR),
};
static const lanman_field user_info_1[] = {
    F(USER_INFO_1, usri1_, name, STR),
    F(USER_INFO_1, usri1_, password, STR),
    F(USER_INFO_1, usri1_, password_age, TIME),
    F(USER_INFO_1, usri1_, priv, U32),
    F(USER_INFO_1, usri1_, home_dir, STR),
    F(USER_INFO_1, usri1_, comment, STR),
    F(USER_INFO_1, usri1_, flags, U32),
    F(USER_INFO_1, usri1_, script_path, STR),
};
/* The fields USER_INFO_2, _3 and _4 share, in struct order after the
** password, for prefix P. */
#define USER_INFO_2_BODY(S, P)                                      \
    F(S, P, password_age, TIME), F(S, P, priv, U32),                \
    F(S, P, home_dir, STR), F(S, P, comment, STR),                  \
    F(S, P, flags, U32), F(S, P, script_path, STR),                 \
    F(S, P, auth_flags, U32), F(S, P, full_name, STR),              \
    F(S, P, usr_comment, STR), F(S, P, parms, STR),                 \
    F(S, P, workstations, STR), F(S, P, last_logon, TIME),          \
    F(S, P, last_logoff, TIME), F(S, P, acct_expires, TIME),        \
    F(S, P, max_storage, U32), F(S, P, units_per_week, U32),        \
    HOURS(S, P), F(S, P, bad_pw_count, U32),                        \
    F(S, P, num_logons, U32), F(S, P, logon_server, STR),           \
    F(S, P, country_code, U32), F(S, P, code_page, U32)
static const lanman_field user_info_2[] = {
    F(USER_INFO_2, usri2_, name, STR),
    F(USER_INFO_2, usri2_, password, STR),
    USER_INFO_2_BODY(USER_INFO_2, usri2_),
};
static const lanman_field user_info_3[] = {
    F(USER_INFO_3, usri3_, name, STR),
#ifdef _WIN32
    F(USER_INFO_3, usri3_, password, STR),  /* lm.h has it; Samba does not */
#endif
    USER_INFO_2_BODY(USER_INFO_3, usri3_),
    F(USER_INFO_3, usri3_, user_id, U32),
    F(USER_INFO_3, usri3_, primary_group_id, U32),
    F(USER_INFO_3, usri3_, profile, STR),
    F(USER_INFO_3, usri3_, home_dir_drive, STR),
    F(USER_INFO_3, usri3_, password_expired, U32),
};
static const lanman_field user_info_4[] = {
    F(USER_INFO_4, usri4_, name, STR),
    F(USER_INFO_4, usri4_, password, STR),
    USER_INFO_2_BODY(USER_INFO_4, usri4_),
    F(USER_INFO_4, usri4_, user_sid, SID),
    F(USER_INFO_4, usri4_, primary_group_id, U32),
    F(USER_INFO_4, usri4_, profile, STR),
    F(USER_INFO_4, usri4_, home_dir_drive, STR),
    F(USER_INFO_4, usri4_, password_expired, U32),
};
static const lanman_field user_info_10[] = {
    F(USER_INFO_10, usri10_, name, STR),
    F(USER_INFO_10, usri10_, comment, STR),
    F(USER_INFO_10, usri10_, usr_comment, STR),
    F(USER_INFO_10, usri10_, full_name, STR),
};
static const lanman_field user_info_11[] = {
    F(USER_INFO_11, usri11_, name, STR),
    F(USER_INFO_11, usri11_, comment, STR),
    F(USER_INFO_11, usri11_, usr_comment, STR),
    F(USER_INFO_11, usri11_, full_name, STR),
    F(USER_INFO_11, usri11_, priv, U32),
    F(USER_INFO_11, usri11_, auth_flags, U32),
    F(USER_INFO_11, usri11_, password_age, TIME),
    F(USER_INFO_11, usri11_, home_dir, STR),
    F(USER_INFO_11, usri11_, parms, STR),
    F(USER_INFO_11, usri11_, last_logon, TIME),
    F(USER_INFO_11, usri11_, last_logoff, TIME),
    F(USER_INFO_11, usri11_, bad_pw_count, U32),
    F(USER_INFO_11, usri11_, num_logons, U32),
    F(USER_INFO_11, usri11_, logon_server, STR),
    F(USER_INFO_11, usri11_, country_code, U32),
    F(USER_INFO_11, usri11_, workstations, STR),
    F(USER_INFO_11, usri11_, max_storage, U32),
    F(USER_INFO_11, usri11_, units_per_week, U32),
    HOURS(USER_INFO_11, usri11_),
    F(USER_INFO_11, usri11_, code_page, U32),
};
static const lanman_field user_info_20[] = {
    F(USER_INFO_20, usri20_, name, STR),
    F(USER_INFO_20, usri20_, full_name, STR),
    F(USER_INFO_20, usri20_, comment, STR),
    F(USER_INFO_20, usri20_, flags, U32),
    F(USER_INFO_20, usri20_, user_id, U32),
};
static const lanman_field user_info_23[] = {
    F(USER_INFO_23, usri23_, name, STR),
    F(USER_INFO_23, usri23_, full_name, STR),
    F(USER_INFO_23, usri23_, comment, STR),
    F(USER_INFO_23, usri23_, flags, U32),
    F(USER_INFO_23, usri23_, user_sid, SID),
};

/* ---- SHARE_INFO ---- */
static const lanman_field share_info_0[] = {
    F(SHARE_INFO_0, shi0_, netname, STR),
};
static const lanman_field share_info_1[] = {
    F(SHARE_INFO_1, shi1_, netname, STR),
    F(SHARE_INFO_1, shi1_, type, U32),
    F(SHARE_INFO_1, shi1_, remark, STR),
};
static const lanman_field share_info_2[] = {
    F(SHARE_INFO_2, shi2_, netname, STR),
    F(SHARE_INFO_2, shi2_, type, U32),
    F(SHARE_INFO_2, shi2_, remark, STR),
    F(SHARE_INFO_2, shi2_, permissions, U32),
    F(SHARE_INFO_2, shi2_, max_uses, U32),
    F(SHARE_INFO_2, shi2_, current_uses, U32),
    F(SHARE_INFO_2, shi2_, path, STR),
    F(SHARE_INFO_2, shi2_, passwd, STR),
};
static const lanman_field share_info_501[] = {
    F(SHARE_INFO_501, shi501_, netname, STR),
    F(SHARE_INFO_501, shi501_, type, U32),
    F(SHARE_INFO_501, shi501_, remark, STR),
    F(SHARE_INFO_501, shi501_, flags, U32),
};
static const lanman_field share_info_502[] = {
    F(SHARE_INFO_502, shi502_, netname, STR),
    F(SHARE_INFO_502, shi502_, type, U32),
    F(SHARE_INFO_502, shi502_, remark, STR),
    F(SHARE_INFO_502, shi502_, permissions, U32),
    F(SHARE_INFO_502, shi502_, max_uses, U32),
    F(SHARE_INFO_502, shi502_, current_uses, U32),
    F(SHARE_INFO_502, shi502_, path, STR),
    F(SHARE_INFO_502, shi502_, passwd, STR),
    F(SHARE_INFO_502, shi502_, reserved, U32),
    F(SHARE_INFO_502, shi502_, security_descriptor, SECDESC),
};

static const lanman_level levels[] = {
    LEVEL("SERVER_INFO", 100, SERVER_INFO_100, server_info_100),
    LEVEL("SERVER_INFO", 101, SERVER_INFO_101, server_info_101),
    LEVEL("SERVER_INFO", 102, SERVER_INFO_102, server_info_102),
    LEVEL("WKSTA_INFO", 100, WKSTA_INFO_100, wksta_info_100),
    LEVEL("WKSTA_INFO", 101, WKSTA_INFO_101, wksta_info_101),
    LEVEL("WKSTA_INFO", 102, WKSTA_INFO_102, wksta_info_102),
    LEVEL("USER_INFO", 0, USER_INFO_0, user_info_0),
    LEVEL("USER_INFO", 1, USER_INFO_1, user_info_1),
    LEVEL("USER_INFO", 2, USER_INFO_2, user_info_2),
    LEVEL("USER_INFO", 3, USER_INFO_3, user_info_3),
    LEVEL("USER_INFO", 4, USER_INFO_4, user_info_4),
    LEVEL("USER_INFO", 10, USER_INFO_10, user_info_10),
    LEVEL("USER_INFO", 11, USER_INFO_11, user_info_11),
    LEVEL("USER_INFO", 20, USER_INFO_20, user_info_20),
    LEVEL("USER_INFO", 23, USER_INFO_23, user_info_23),
    LEVEL("SHARE_INFO", 0, SHARE_INFO_0, share_info_0),
    LEVEL("SHARE_INFO", 1, SHARE_INFO_1, share_info_1),
    LEVEL("SHARE_INFO", 2, SHARE_INFO_2, share_info_2),
    LEVEL("SHARE_INFO", 501, SHARE_INFO_501, share_info_501),
    LEVEL("SHARE_INFO", 502, SHARE_INFO_502, share_info_502),
};

#define NLEVELS (sizeof(levels) / sizeof(levels[0]))

const lanman_level *lanman_level_find(const char *family, uint32_t level) {
    for (size_t i = 0; i < NLEVELS; i++)
        if (levels[i].level == level && strcmp(levels[i].family, family) == 0)
            return &levels[i];
    return NULL;
}

size_t lanman_level_count(void) { return NLEVELS; }

const lanman_level *lanman_level_at(size_t i) {
    return i < NLEVELS ? &levels[i] : NULL;
}
