/*
** levels_user.c -- the user account info levels as data: one row per field,
** keyed as pywin32 keys them.
*/
#include "levels.h"

/* ---- USER_INFO ---- */
static const lanman_field user_info_0[] = {
    R(USER_INFO_0, usri0_, name, STR),   /* SetInfo 0 renames to it */
};
static const lanman_field user_info_1[] = {
    R(USER_INFO_1, usri1_, name, STR),
    F(USER_INFO_1, usri1_, password, STR),
    F(USER_INFO_1, usri1_, password_age, TIME),
    R(USER_INFO_1, usri1_, priv, U32),
    F(USER_INFO_1, usri1_, home_dir, STR),
    F(USER_INFO_1, usri1_, comment, STR),
    R(USER_INFO_1, usri1_, flags, U32),
    F(USER_INFO_1, usri1_, script_path, STR),
};
/* The fields USER_INFO_2, _3 and _4 share, in struct order after the
** password, for prefix P.  An input record (NetUserAdd, NetUserSetInfo at
** levels 1-4) must give the name, priv and flags: the C default 0 of
** either is USER_PRIV_GUEST or "no account type", which no server takes;
** at levels 2-4 also acct_expires, whose 0 is "expired since 1970"
** (TIMEQ_FOREVER is never). */
#define USER_INFO_2_BODY(S, P)                                      \
    F(S, P, password_age, TIME), R(S, P, priv, U32),                \
    F(S, P, home_dir, STR), F(S, P, comment, STR),                  \
    R(S, P, flags, U32), F(S, P, script_path, STR),                 \
    F(S, P, auth_flags, U32), F(S, P, full_name, STR),              \
    F(S, P, usr_comment, STR), F(S, P, parms, STR),                 \
    F(S, P, workstations, STR), F(S, P, last_logon, TIME),          \
    F(S, P, last_logoff, TIME), R(S, P, acct_expires, TIME),        \
    F(S, P, max_storage, U32), F(S, P, units_per_week, U32),        \
    HOURS(S, P), F(S, P, bad_pw_count, U32),                        \
    F(S, P, num_logons, U32), F(S, P, logon_server, STR),           \
    F(S, P, country_code, U32), F(S, P, code_page, U32)
static const lanman_field user_info_2[] = {
    R(USER_INFO_2, usri2_, name, STR),
    F(USER_INFO_2, usri2_, password, STR),
    USER_INFO_2_BODY(USER_INFO_2, usri2_),
};
static const lanman_field user_info_3[] = {
    R(USER_INFO_3, usri3_, name, STR),
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
    R(USER_INFO_4, usri4_, name, STR),
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

/* USER_INFO_21 and _22: the password as a one-way (LM OWF) hash of 16
** bytes.  netapi.h declares it a pointer to them (LANMAN_T_BYTES), lm.h
** 16 bytes inline, so these password fields exist on Samba only; and
** netapi.h makes usri22_script_path a uint32_t (lm.h: a string), which
** cannot hold a path: that field is Windows-only. */
#define LM_ENCRYPTED_PWLEN 16
#ifndef _WIN32
static const lanman_field user_info_21[] = {
    {"password", LANMAN_T_BYTES, offsetof(LM_STRUCT(USER_INFO_21), usri21_password),
     LM_ENCRYPTED_PWLEN, LANMAN_F_REQUIRED},
};
#endif
static const lanman_field user_info_22[] = {
    R(USER_INFO_22, usri22_, name, STR),
#ifndef _WIN32
    {"password", LANMAN_T_BYTES, offsetof(LM_STRUCT(USER_INFO_22), usri22_password),
     LM_ENCRYPTED_PWLEN, LANMAN_F_REQUIRED},
#endif
    F(USER_INFO_22, usri22_, password_age, TIME),
    R(USER_INFO_22, usri22_, priv, U32),
    F(USER_INFO_22, usri22_, home_dir, STR),
    F(USER_INFO_22, usri22_, comment, STR),
    R(USER_INFO_22, usri22_, flags, U32),
#ifdef _WIN32
    F(USER_INFO_22, usri22_, script_path, STR),
#endif
    F(USER_INFO_22, usri22_, auth_flags, U32),
    F(USER_INFO_22, usri22_, full_name, STR),
    F(USER_INFO_22, usri22_, usr_comment, STR),
    F(USER_INFO_22, usri22_, parms, STR),
    F(USER_INFO_22, usri22_, workstations, STR),
    F(USER_INFO_22, usri22_, last_logon, TIME),
    F(USER_INFO_22, usri22_, last_logoff, TIME),
    R(USER_INFO_22, usri22_, acct_expires, TIME),
    F(USER_INFO_22, usri22_, max_storage, U32),
    F(USER_INFO_22, usri22_, units_per_week, U32),
    HOURS(USER_INFO_22, usri22_),
    F(USER_INFO_22, usri22_, bad_pw_count, U32),
    F(USER_INFO_22, usri22_, num_logons, U32),
    F(USER_INFO_22, usri22_, logon_server, STR),
    F(USER_INFO_22, usri22_, country_code, U32),
    F(USER_INFO_22, usri22_, code_page, U32),
};

/* The one-field levels NetUserSetInfo takes (10xx = 1000 + the field's
** USER_*_PARMNUM): the field is required. */
#define ONE(N, FIELD, T)                                               \
    static const lanman_field user_info_##N[] = {                      \
        R(USER_INFO_##N, usri##N##_, FIELD, T),                        \
    }
ONE(1003, password, STR);
ONE(1005, priv, U32);
ONE(1006, home_dir, STR);
ONE(1007, comment, STR);
ONE(1008, flags, U32);
ONE(1009, script_path, STR);
ONE(1010, auth_flags, U32);
ONE(1011, full_name, STR);
ONE(1012, usr_comment, STR);
ONE(1013, parms, STR);
ONE(1014, workstations, STR);
ONE(1017, acct_expires, TIME);
ONE(1018, max_storage, U32);
ONE(1023, logon_server, STR);
ONE(1024, country_code, U32);
ONE(1025, code_page, U32);
ONE(1051, primary_group_id, U32);
ONE(1052, profile, STR);
ONE(1053, home_dir_drive, STR);
/* Logon hours: units_per_week follows the length of the bytes unless the
** record sets it (input.c). */
static const lanman_field user_info_1020[] = {
    F(USER_INFO_1020, usri1020_, units_per_week, U32),
    {"logon_hours", LANMAN_T_HOURS,
     offsetof(LM_STRUCT(USER_INFO_1020), usri1020_logon_hours),
     offsetof(LM_STRUCT(USER_INFO_1020), usri1020_units_per_week),
     LANMAN_F_REQUIRED},
};

/* ---- USER_MODALS_INFO (NetUserModalsGet/Set) ----
** Every field of an input record is required: NetUserModalsSet sets them
** all, and a forgotten one would silently become 0. */
static const lanman_field user_modals_info_0[] = {
    R(USER_MODALS_INFO_0, usrmod0_, min_passwd_len, U32),
    R(USER_MODALS_INFO_0, usrmod0_, max_passwd_age, U32),
    R(USER_MODALS_INFO_0, usrmod0_, min_passwd_age, U32),
    R(USER_MODALS_INFO_0, usrmod0_, force_logoff, U32),
    R(USER_MODALS_INFO_0, usrmod0_, password_hist_len, U32),
};
static const lanman_field user_modals_info_1[] = {
    R(USER_MODALS_INFO_1, usrmod1_, role, U32),
    R(USER_MODALS_INFO_1, usrmod1_, primary, STR),
};
static const lanman_field user_modals_info_2[] = {
    R(USER_MODALS_INFO_2, usrmod2_, domain_name, STR),
    R(USER_MODALS_INFO_2, usrmod2_, domain_id, SID),
};
static const lanman_field user_modals_info_3[] = {
    R(USER_MODALS_INFO_3, usrmod3_, lockout_duration, U32),
    R(USER_MODALS_INFO_3, usrmod3_, lockout_observation_window, U32),
    R(USER_MODALS_INFO_3, usrmod3_, lockout_threshold, U32),
};
#define MODALS_ONE(N, FIELD, T)                                        \
    static const lanman_field user_modals_info_##N[] = {               \
        R(USER_MODALS_INFO_##N, usrmod##N##_, FIELD, T),               \
    }
MODALS_ONE(1001, min_passwd_len, U32);
MODALS_ONE(1002, max_passwd_age, U32);
MODALS_ONE(1003, min_passwd_age, U32);
MODALS_ONE(1004, force_logoff, U32);
MODALS_ONE(1005, password_hist_len, U32);
MODALS_ONE(1006, role, U32);
MODALS_ONE(1007, primary, STR);

/* ---- NET_DISPLAY (NetQueryDisplayInformation levels 1, 2, 3) ---- */
static const lanman_field net_display_user[] = {
    F(NET_DISPLAY_USER, usri1_, name, STR),
    F(NET_DISPLAY_USER, usri1_, comment, STR),
    F(NET_DISPLAY_USER, usri1_, flags, U32),
    F(NET_DISPLAY_USER, usri1_, full_name, STR),
    F(NET_DISPLAY_USER, usri1_, user_id, U32),
    F(NET_DISPLAY_USER, usri1_, next_index, U32),
};
static const lanman_field net_display_machine[] = {
    F(NET_DISPLAY_MACHINE, usri2_, name, STR),
    F(NET_DISPLAY_MACHINE, usri2_, comment, STR),
    F(NET_DISPLAY_MACHINE, usri2_, flags, U32),
    F(NET_DISPLAY_MACHINE, usri2_, user_id, U32),
    F(NET_DISPLAY_MACHINE, usri2_, next_index, U32),
};
static const lanman_field net_display_group[] = {
    F(NET_DISPLAY_GROUP, grpi3_, name, STR),
    F(NET_DISPLAY_GROUP, grpi3_, comment, STR),
    F(NET_DISPLAY_GROUP, grpi3_, group_id, U32),
    F(NET_DISPLAY_GROUP, grpi3_, attributes, U32),
    F(NET_DISPLAY_GROUP, grpi3_, next_index, U32),
};

/* ---- GROUP_USERS_INFO (NetUserGetGroups/SetGroups, and the group
** family's NetGroupGetUsers/SetUsers) and LOCALGROUP_USERS_INFO
** (NetUserGetLocalGroups) ---- */
static const lanman_field group_users_info_0[] = {
    R(GROUP_USERS_INFO_0, grui0_, name, STR),
};
static const lanman_field group_users_info_1[] = {
    R(GROUP_USERS_INFO_1, grui1_, name, STR),
    F(GROUP_USERS_INFO_1, grui1_, attributes, U32),
};
static const lanman_field localgroup_users_info_0[] = {
    R(LOCALGROUP_USERS_INFO_0, lgrui0_, name, STR),
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
#ifndef _WIN32
    LEVEL("USER_INFO", 21, USER_INFO_21, user_info_21),
#endif
    LEVEL("USER_INFO", 22, USER_INFO_22, user_info_22),
    LEVEL("USER_INFO", 23, USER_INFO_23, user_info_23),
    LEVEL("USER_INFO", 1003, USER_INFO_1003, user_info_1003),
    LEVEL("USER_INFO", 1005, USER_INFO_1005, user_info_1005),
    LEVEL("USER_INFO", 1006, USER_INFO_1006, user_info_1006),
    LEVEL("USER_INFO", 1007, USER_INFO_1007, user_info_1007),
    LEVEL("USER_INFO", 1008, USER_INFO_1008, user_info_1008),
    LEVEL("USER_INFO", 1009, USER_INFO_1009, user_info_1009),
    LEVEL("USER_INFO", 1010, USER_INFO_1010, user_info_1010),
    LEVEL("USER_INFO", 1011, USER_INFO_1011, user_info_1011),
    LEVEL("USER_INFO", 1012, USER_INFO_1012, user_info_1012),
    LEVEL("USER_INFO", 1013, USER_INFO_1013, user_info_1013),
    LEVEL("USER_INFO", 1014, USER_INFO_1014, user_info_1014),
    LEVEL("USER_INFO", 1017, USER_INFO_1017, user_info_1017),
    LEVEL("USER_INFO", 1018, USER_INFO_1018, user_info_1018),
    LEVEL("USER_INFO", 1020, USER_INFO_1020, user_info_1020),
    LEVEL("USER_INFO", 1023, USER_INFO_1023, user_info_1023),
    LEVEL("USER_INFO", 1024, USER_INFO_1024, user_info_1024),
    LEVEL("USER_INFO", 1025, USER_INFO_1025, user_info_1025),
    LEVEL("USER_INFO", 1051, USER_INFO_1051, user_info_1051),
    LEVEL("USER_INFO", 1052, USER_INFO_1052, user_info_1052),
    LEVEL("USER_INFO", 1053, USER_INFO_1053, user_info_1053),
    LEVEL("USER_MODALS_INFO", 0, USER_MODALS_INFO_0, user_modals_info_0),
    LEVEL("USER_MODALS_INFO", 1, USER_MODALS_INFO_1, user_modals_info_1),
    LEVEL("USER_MODALS_INFO", 2, USER_MODALS_INFO_2, user_modals_info_2),
    LEVEL("USER_MODALS_INFO", 3, USER_MODALS_INFO_3, user_modals_info_3),
    LEVEL("USER_MODALS_INFO", 1001, USER_MODALS_INFO_1001, user_modals_info_1001),
    LEVEL("USER_MODALS_INFO", 1002, USER_MODALS_INFO_1002, user_modals_info_1002),
    LEVEL("USER_MODALS_INFO", 1003, USER_MODALS_INFO_1003, user_modals_info_1003),
    LEVEL("USER_MODALS_INFO", 1004, USER_MODALS_INFO_1004, user_modals_info_1004),
    LEVEL("USER_MODALS_INFO", 1005, USER_MODALS_INFO_1005, user_modals_info_1005),
    LEVEL("USER_MODALS_INFO", 1006, USER_MODALS_INFO_1006, user_modals_info_1006),
    LEVEL("USER_MODALS_INFO", 1007, USER_MODALS_INFO_1007, user_modals_info_1007),
    LEVEL("NET_DISPLAY", 1, NET_DISPLAY_USER, net_display_user),
    LEVEL("NET_DISPLAY", 2, NET_DISPLAY_MACHINE, net_display_machine),
    LEVEL("NET_DISPLAY", 3, NET_DISPLAY_GROUP, net_display_group),
    LEVEL("GROUP_USERS_INFO", 0, GROUP_USERS_INFO_0, group_users_info_0),
    LEVEL("GROUP_USERS_INFO", 1, GROUP_USERS_INFO_1, group_users_info_1),
    LEVEL("LOCALGROUP_USERS_INFO", 0, LOCALGROUP_USERS_INFO_0, localgroup_users_info_0),
};
const size_t lm_levels_user_count = LEVEL_COUNT(lm_levels_user);
