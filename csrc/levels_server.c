/*
** levels_server.c -- the server and workstation info levels as data: one row per field,
** keyed as pywin32 keys them.
*/
#include "levels.h"

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

const lanman_level lm_levels_server[] = {
    LEVEL("SERVER_INFO", 100, SERVER_INFO_100, server_info_100),
    LEVEL("SERVER_INFO", 101, SERVER_INFO_101, server_info_101),
    LEVEL("SERVER_INFO", 102, SERVER_INFO_102, server_info_102),
    LEVEL("WKSTA_INFO", 100, WKSTA_INFO_100, wksta_info_100),
    LEVEL("WKSTA_INFO", 101, WKSTA_INFO_101, wksta_info_101),
    LEVEL("WKSTA_INFO", 102, WKSTA_INFO_102, wksta_info_102),
};
const size_t lm_levels_server_count = LEVEL_COUNT(lm_levels_server);
