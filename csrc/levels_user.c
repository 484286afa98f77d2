/*
** levels_user.c -- the user account info levels as data: one row per field,
** keyed as pywin32 keys them.
*/
#include "levels.h"

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

const lanman_level lm_levels_user[] = {
    LEVEL("USER_INFO", 0, USER_INFO_0, user_info_0),
    LEVEL("USER_INFO", 1, USER_INFO_1, user_info_1),
    LEVEL("USER_INFO", 2, USER_INFO_2, user_info_2),
    LEVEL("USER_INFO", 3, USER_INFO_3, user_info_3),
    LEVEL("USER_INFO", 4, USER_INFO_4, user_info_4),
    LEVEL("USER_INFO", 10, USER_INFO_10, user_info_10),
    LEVEL("USER_INFO", 11, USER_INFO_11, user_info_11),
    LEVEL("USER_INFO", 20, USER_INFO_20, user_info_20),
    LEVEL("USER_INFO", 23, USER_INFO_23, user_info_23),
};
const size_t lm_levels_user_count = LEVEL_COUNT(lm_levels_user);
