/*
** levels_share.c -- the share info levels as data: one row per field,
** keyed as pywin32 keys them.
*/
#include "levels.h"

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

const lanman_level lm_levels_share[] = {
    LEVEL("SHARE_INFO", 0, SHARE_INFO_0, share_info_0),
    LEVEL("SHARE_INFO", 1, SHARE_INFO_1, share_info_1),
    LEVEL("SHARE_INFO", 2, SHARE_INFO_2, share_info_2),
    LEVEL("SHARE_INFO", 501, SHARE_INFO_501, share_info_501),
    LEVEL("SHARE_INFO", 502, SHARE_INFO_502, share_info_502),
};
const size_t lm_levels_share_count = LEVEL_COUNT(lm_levels_share);
