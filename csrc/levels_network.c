/*
** levels_network.c -- the records of the Windows-only calls (sessions,
** connections, logged-on users, disks) as data, keyed as pywin32 keys
** them.  Samba's netapi.h lacks these structs: platform.h declares them
** with lm.h's layouts.  NetServerEnum returns SERVER_INFO 100 and 101,
** described in levels_server.c.
*/
#include "levels.h"

/* ---- SESSION_INFO ---- */
static const lanman_field session_info_0[] = {
    F(SESSION_INFO_0, sesi0_, cname, STR),
};
static const lanman_field session_info_1[] = {
    F(SESSION_INFO_1, sesi1_, cname, STR),
    F(SESSION_INFO_1, sesi1_, username, STR),
    F(SESSION_INFO_1, sesi1_, num_opens, U32),
    F(SESSION_INFO_1, sesi1_, time, TIME),
    F(SESSION_INFO_1, sesi1_, idle_time, TIME),
    F(SESSION_INFO_1, sesi1_, user_flags, U32),
};
static const lanman_field session_info_2[] = {
    F(SESSION_INFO_2, sesi2_, cname, STR),
    F(SESSION_INFO_2, sesi2_, username, STR),
    F(SESSION_INFO_2, sesi2_, num_opens, U32),
    F(SESSION_INFO_2, sesi2_, time, TIME),
    F(SESSION_INFO_2, sesi2_, idle_time, TIME),
    F(SESSION_INFO_2, sesi2_, user_flags, U32),
    F(SESSION_INFO_2, sesi2_, cltype_name, STR),
};
static const lanman_field session_info_10[] = {
    F(SESSION_INFO_10, sesi10_, cname, STR),
    F(SESSION_INFO_10, sesi10_, username, STR),
    F(SESSION_INFO_10, sesi10_, time, TIME),
    F(SESSION_INFO_10, sesi10_, idle_time, TIME),
};
static const lanman_field session_info_502[] = {
    F(SESSION_INFO_502, sesi502_, cname, STR),
    F(SESSION_INFO_502, sesi502_, username, STR),
    F(SESSION_INFO_502, sesi502_, num_opens, U32),
    F(SESSION_INFO_502, sesi502_, time, TIME),
    F(SESSION_INFO_502, sesi502_, idle_time, TIME),
    F(SESSION_INFO_502, sesi502_, user_flags, U32),
    F(SESSION_INFO_502, sesi502_, cltype_name, STR),
    F(SESSION_INFO_502, sesi502_, transport, STR),
};

/* ---- CONNECTION_INFO ---- */
static const lanman_field connection_info_0[] = {
    F(CONNECTION_INFO_0, coni0_, id, U32),
};
static const lanman_field connection_info_1[] = {
    F(CONNECTION_INFO_1, coni1_, id, U32),
    F(CONNECTION_INFO_1, coni1_, type, U32),
    F(CONNECTION_INFO_1, coni1_, num_opens, U32),
    F(CONNECTION_INFO_1, coni1_, num_users, U32),
    F(CONNECTION_INFO_1, coni1_, time, TIME),
    F(CONNECTION_INFO_1, coni1_, username, STR),
    F(CONNECTION_INFO_1, coni1_, netname, STR),
};

/* ---- WKSTA_USER_INFO ---- */
static const lanman_field wksta_user_info_0[] = {
    F(WKSTA_USER_INFO_0, wkui0_, username, STR),
};
static const lanman_field wksta_user_info_1[] = {
    F(WKSTA_USER_INFO_1, wkui1_, username, STR),
    F(WKSTA_USER_INFO_1, wkui1_, logon_domain, STR),
    F(WKSTA_USER_INFO_1, wkui1_, oth_domains, STR),
    F(WKSTA_USER_INFO_1, wkui1_, logon_server, STR),
};
static const lanman_field wksta_user_info_1101[] = {
    F(WKSTA_USER_INFO_1101, wkui1101_, oth_domains, STR),
};

/* ---- DISK_INFO (NetServerDiskEnum): lanman's wrapper, platform.h ---- */
static const lanman_field disk_info_0[] = {
    F(LM_DISK_INFO, , disk, STR),
};

const lanman_level lm_levels_network[] = {
    LEVEL("SESSION_INFO", 0, SESSION_INFO_0, session_info_0),
    LEVEL("SESSION_INFO", 1, SESSION_INFO_1, session_info_1),
    LEVEL("SESSION_INFO", 2, SESSION_INFO_2, session_info_2),
    LEVEL("SESSION_INFO", 10, SESSION_INFO_10, session_info_10),
    LEVEL("SESSION_INFO", 502, SESSION_INFO_502, session_info_502),
    LEVEL("CONNECTION_INFO", 0, CONNECTION_INFO_0, connection_info_0),
    LEVEL("CONNECTION_INFO", 1, CONNECTION_INFO_1, connection_info_1),
    LEVEL("WKSTA_USER_INFO", 0, WKSTA_USER_INFO_0, wksta_user_info_0),
    LEVEL("WKSTA_USER_INFO", 1, WKSTA_USER_INFO_1, wksta_user_info_1),
    LEVEL("WKSTA_USER_INFO", 1101, WKSTA_USER_INFO_1101, wksta_user_info_1101),
    LEVEL("DISK_INFO", 0, LM_DISK_INFO, disk_info_0),
};
const size_t lm_levels_network_count = LEVEL_COUNT(lm_levels_network);
