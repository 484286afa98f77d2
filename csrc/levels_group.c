/*
** levels_group.c -- the global group info levels as data: one row per
** field, keyed as pywin32 keys them.  (GROUP_USERS_INFO, the member lists
** NetGroupGetUsers/SetUsers and NetUserGetGroups share, is in
** levels_user.c.)
*/
#include "levels.h"

/* ---- GROUP_INFO ----
** The name is required in every input record of levels 0-3: NetGroupAdd
** creates the group by it, and NetGroupSetInfo level 0 renames to it. */
static const lanman_field group_info_0[] = {
    R(GROUP_INFO_0, grpi0_, name, STR),
};
static const lanman_field group_info_1[] = {
    R(GROUP_INFO_1, grpi1_, name, STR),
    F(GROUP_INFO_1, grpi1_, comment, STR),
};
static const lanman_field group_info_2[] = {
    R(GROUP_INFO_2, grpi2_, name, STR),
    F(GROUP_INFO_2, grpi2_, comment, STR),
    F(GROUP_INFO_2, grpi2_, group_id, U32),
    F(GROUP_INFO_2, grpi2_, attributes, U32),
};
static const lanman_field group_info_3[] = {
    R(GROUP_INFO_3, grpi3_, name, STR),
    F(GROUP_INFO_3, grpi3_, comment, STR),
    F(GROUP_INFO_3, grpi3_, group_sid, SID),
    F(GROUP_INFO_3, grpi3_, attributes, U32),
};
static const lanman_field group_info_1002[] = {
    R(GROUP_INFO_1002, grpi1002_, comment, STR),
};
static const lanman_field group_info_1005[] = {
    R(GROUP_INFO_1005, grpi1005_, attributes, U32),
};

const lanman_level lm_levels_group[] = {
    LEVEL("GROUP_INFO", 0, GROUP_INFO_0, group_info_0),
    LEVEL("GROUP_INFO", 1, GROUP_INFO_1, group_info_1),
    LEVEL("GROUP_INFO", 2, GROUP_INFO_2, group_info_2),
    LEVEL("GROUP_INFO", 3, GROUP_INFO_3, group_info_3),
    LEVEL("GROUP_INFO", 1002, GROUP_INFO_1002, group_info_1002),
    LEVEL("GROUP_INFO", 1005, GROUP_INFO_1005, group_info_1005),
};
const size_t lm_levels_group_count = LEVEL_COUNT(lm_levels_group);
