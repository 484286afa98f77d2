/*
** levels_share.c -- the share and open-file info levels as data: one row
** per field, keyed as pywin32 keys them.
*/
#include "levels.h"

#ifndef _WIN32
/* netapi.h lacks SHARE_INFO_1501 (libnetapi refuses NetShareSetInfo at
** 1501 without asking the server); layout as in lmshare.h. */
struct SHARE_INFO_1501 {
    uint32_t shi1501_reserved;
    struct security_descriptor *shi1501_security_descriptor;
};
#endif

/* FK: a field whose key pywin32 spells differently from the member
** (FILE_INFO_3's fi3_pathname is "path_name"). */
#define FK(S, P, M, KEY, T) \
    {KEY, LANMAN_T_##T, offsetof(LM_STRUCT(S), P##M), 0, 0u}

/* ---- SHARE_INFO ---- */
static const lanman_field share_info_0[] = {
    F(SHARE_INFO_0, shi0_, netname, STR),
};
static const lanman_field share_info_1[] = {
    F(SHARE_INFO_1, shi1_, netname, STR),
    F(SHARE_INFO_1, shi1_, type, U32),
    F(SHARE_INFO_1, shi1_, remark, STR),
};
/* NetShareAdd needs a name and a path; type 0 is STYPE_DISKTREE. */
static const lanman_field share_info_2[] = {
    R(SHARE_INFO_2, shi2_, netname, STR),
    F(SHARE_INFO_2, shi2_, type, U32),
    F(SHARE_INFO_2, shi2_, remark, STR),
    F(SHARE_INFO_2, shi2_, permissions, U32),
    F(SHARE_INFO_2, shi2_, max_uses, U32),
    F(SHARE_INFO_2, shi2_, current_uses, U32),
    R(SHARE_INFO_2, shi2_, path, STR),
    F(SHARE_INFO_2, shi2_, passwd, STR),
};
static const lanman_field share_info_501[] = {
    F(SHARE_INFO_501, shi501_, netname, STR),
    F(SHARE_INFO_501, shi501_, type, U32),
    F(SHARE_INFO_501, shi501_, remark, STR),
    F(SHARE_INFO_501, shi501_, flags, U32),
};
static const lanman_field share_info_502[] = {
    R(SHARE_INFO_502, shi502_, netname, STR),
    F(SHARE_INFO_502, shi502_, type, U32),
    F(SHARE_INFO_502, shi502_, remark, STR),
    F(SHARE_INFO_502, shi502_, permissions, U32),
    F(SHARE_INFO_502, shi502_, max_uses, U32),
    F(SHARE_INFO_502, shi502_, current_uses, U32),
    R(SHARE_INFO_502, shi502_, path, STR),
    F(SHARE_INFO_502, shi502_, passwd, STR),
    F(SHARE_INFO_502, shi502_, reserved, U32),
    F(SHARE_INFO_502, shi502_, security_descriptor, SECDESC),
};
/* The one-field levels exist to set that field (NetShareSetInfo). */
static const lanman_field share_info_1004[] = {
    R(SHARE_INFO_1004, shi1004_, remark, STR),
};
static const lanman_field share_info_1005[] = {
    R(SHARE_INFO_1005, shi1005_, flags, U32),
};
static const lanman_field share_info_1006[] = {
    R(SHARE_INFO_1006, shi1006_, max_uses, U32),
};
static const lanman_field share_info_1501[] = {
    F(SHARE_INFO_1501, shi1501_, reserved, U32),
    R(SHARE_INFO_1501, shi1501_, security_descriptor, SECDESC),
};

/* ---- FILE_INFO (open files, NetFileEnum / NetFileGetInfo) ---- */
static const lanman_field file_info_2[] = {
    F(FILE_INFO_2, fi2_, id, U32),
};
static const lanman_field file_info_3[] = {
    F(FILE_INFO_3, fi3_, id, U32),
    F(FILE_INFO_3, fi3_, permissions, U32),
    F(FILE_INFO_3, fi3_, num_locks, U32),
    FK(FILE_INFO_3, fi3_, pathname, "path_name", STR),
    FK(FILE_INFO_3, fi3_, username, "user_name", STR),
};

const lanman_level lm_levels_share[] = {
    LEVEL("SHARE_INFO", 0, SHARE_INFO_0, share_info_0),
    LEVEL("SHARE_INFO", 1, SHARE_INFO_1, share_info_1),
    LEVEL("SHARE_INFO", 2, SHARE_INFO_2, share_info_2),
    LEVEL("SHARE_INFO", 501, SHARE_INFO_501, share_info_501),
    LEVEL("SHARE_INFO", 502, SHARE_INFO_502, share_info_502),
    LEVEL("SHARE_INFO", 1004, SHARE_INFO_1004, share_info_1004),
    LEVEL("SHARE_INFO", 1005, SHARE_INFO_1005, share_info_1005),
    LEVEL("SHARE_INFO", 1006, SHARE_INFO_1006, share_info_1006),
    LEVEL("SHARE_INFO", 1501, SHARE_INFO_1501, share_info_1501),
    LEVEL("FILE_INFO", 2, FILE_INFO_2, file_info_2),
    LEVEL("FILE_INFO", 3, FILE_INFO_3, file_info_3),
};
const size_t lm_levels_share_count = LEVEL_COUNT(lm_levels_share);
