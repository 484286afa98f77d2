/*
** shim_samba_user.c -- the user account calls on Samba's libnetapi: each
** thunk performs one lm_call (see calls_user.c for the checks before).
*/
#ifndef _WIN32
#include "internal.h"
#include "platform.h"

uint32_t lm_shim_NetUserEnum(lm_call *c) {
    return NetUserEnum(c->server, c->level, c->filter, (uint8_t **)&c->buffer,
                       c->prefmaxlen, &c->read, &c->total, &c->resume);
}

/* libnetapi looks the name up first and reports a missing user as
** ERROR_NONE_MAPPED (1332); netapi32 says NERR_UserNotFound (2221), and
** scripts test for that. */
static uint32_t user_not_found(uint32_t code) {
    return code == 1332 ? 2221 : code;
}

uint32_t lm_shim_NetUserGetInfo(lm_call *c) {
    return user_not_found(NetUserGetInfo(c->server, c->name, c->level,
                                         (uint8_t **)&c->buffer));
}
#endif /* !_WIN32 */
