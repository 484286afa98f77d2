/*
** levels_localgroup.c -- the local group (alias) info levels and their
** member lists as data: one row per field, keyed as pywin32 keys them.
** (LOCALGROUP_USERS_INFO, what NetUserGetLocalGroups returns, is in
** levels_user.c.)
*/
#include "levels.h"

/* ---- LOCALGROUP_INFO ---- */
static const lanman_field localgroup_info_0[] = {
    R(LOCALGROUP_INFO_0, lgrpi0_, name, STR),
};
static const lanman_field localgroup_info_1[] = {
    R(LOCALGROUP_INFO_1, lgrpi1_, name, STR),
    F(LOCALGROUP_INFO_1, lgrpi1_, comment, STR),
};
static const lanman_field localgroup_info_1002[] = {
    R(LOCALGROUP_INFO_1002, lgrpi1002_, comment, STR),
};

/* ---- LOCALGROUP_MEMBERS_INFO ----
** Members are given by SID (level 0) or by "DOMAIN\name" (level 3); levels
** 1 and 2 are read only (NetLocalGroupGetMembers). */
static const lanman_field localgroup_members_info_0[] = {
    R(LOCALGROUP_MEMBERS_INFO_0, lgrmi0_, sid, SID),
};
static const lanman_field localgroup_members_info_1[] = {
    F(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_, sid, SID),
    F(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_, sidusage, U32),
    F(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_, name, STR),
};
static const lanman_field localgroup_members_info_2[] = {
    F(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_, sid, SID),
    F(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_, sidusage, U32),
    F(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_, domainandname, STR),
};
static const lanman_field localgroup_members_info_3[] = {
    R(LOCALGROUP_MEMBERS_INFO_3, lgrmi3_, domainandname, STR),
};

const lanman_level lm_levels_localgroup[] = {
    LEVEL("LOCALGROUP_INFO", 0, LOCALGROUP_INFO_0, localgroup_info_0),
    LEVEL("LOCALGROUP_INFO", 1, LOCALGROUP_INFO_1, localgroup_info_1),
    LEVEL("LOCALGROUP_INFO", 1002, LOCALGROUP_INFO_1002, localgroup_info_1002),
    LEVEL("LOCALGROUP_MEMBERS_INFO", 0, LOCALGROUP_MEMBERS_INFO_0,
          localgroup_members_info_0),
    LEVEL("LOCALGROUP_MEMBERS_INFO", 1, LOCALGROUP_MEMBERS_INFO_1,
          localgroup_members_info_1),
    LEVEL("LOCALGROUP_MEMBERS_INFO", 2, LOCALGROUP_MEMBERS_INFO_2,
          localgroup_members_info_2),
    LEVEL("LOCALGROUP_MEMBERS_INFO", 3, LOCALGROUP_MEMBERS_INFO_3,
          localgroup_members_info_3),
};
const size_t lm_levels_localgroup_count = LEVEL_COUNT(lm_levels_localgroup);
