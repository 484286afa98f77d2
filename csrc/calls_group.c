/*
** calls_group.c -- the global group calls: the levels each accepts and its
** argument checks; the shim (shim_samba_group.c) performs them.
*/
#include <string.h>

#include "internal.h"

const lm_call_spec lm_calls_group[] = {
    {"NetGroupEnum", "GROUP_INFO", {0, 1, 2, 3}, 4},
    {"NetGroupGetInfo", "GROUP_INFO", {0, 1, 2, 3}, 4},
    {"NetGroupAdd", "GROUP_INFO", {0, 1, 2, 3}, 4},
    {"NetGroupDel", "GROUP_INFO", {0}, 0},
    {"NetGroupSetInfo", "GROUP_INFO", {0, 1, 2, 3, 1002, 1005}, 6},
    {"NetGroupAddUser", "GROUP_INFO", {0}, 0},
    {"NetGroupDelUser", "GROUP_INFO", {0}, 0},
    {"NetGroupGetUsers", "GROUP_USERS_INFO", {0, 1}, 2},
    {"NetGroupSetUsers", "GROUP_USERS_INFO", {0, 1}, 2},
};
const size_t lm_calls_group_count =
    sizeof lm_calls_group / sizeof lm_calls_group[0];

lanman_status lm_check_required_text(const lm_call *c, const lanman_level *lvl,
                                    lanman_error *err) {
    const char *records = c->input;
    for (uint32_t r = 0; records != NULL && r < c->input_count; r++) {
        for (size_t f = 0; f < lvl->nfields; f++) {
            const lanman_field *fd = &lvl->fields[f];
            const void *p;
            if (!(fd->flags & LANMAN_F_REQUIRED) ||
                (fd->type != LANMAN_T_STR && fd->type != LANMAN_T_SID))
                continue;
            memcpy(&p, records + (size_t)r * lvl->struct_size + fd->offset,
                   sizeof p);
            if (p == NULL)
                return lm_err_field(err, LANMAN_E_ARG, lvl->struct_name,
                                    fd->name, "is required: None / nil is no "
                                    "value for it");
        }
    }
    return LANMAN_OK;
}

lanman_status lanman_NetGroupEnum(const lanman_creds *creds,
                                  const char *server, uint32_t level,
                                  uint32_t prefmaxlen, lanman_buffer **out,
                                  uint32_t *total, uint32_t *resume,
                                  lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetGroupEnum", server, level, &c, &lvl,
                                     out, err);
    if (st != LANMAN_OK) return st;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    st = lm_call_run(creds, lm_shim_NetGroupEnum, &c, lvl, 1, out, err);
    if (st != LANMAN_OK) return st;
    lm_call_paged(&c, total, resume);
    return LANMAN_OK;
}

lanman_status lanman_NetGroupGetInfo(const lanman_creds *creds,
                                     const char *server,
                                     const char *groupname, uint32_t level,
                                     lanman_buffer **out, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetGroupGetInfo", server, level, &c,
                                     &lvl, out, err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = groupname;
    return lm_call_run(creds, lm_shim_NetGroupGetInfo, &c, lvl, 0, out, err);
}

lanman_status lanman_NetGroupAdd(const lanman_creds *creds,
                                 const char *server, uint32_t level,
                                 const lanman_input *data, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetGroupAdd", server, level, &c, &lvl,
                                     NULL, err);
    if (st == LANMAN_OK)
        st = lm_call_input(&c, "data", data, "GROUP_INFO", err);
    if (st == LANMAN_OK) st = lm_check_required_text(&c, lvl, err);
    if (st != LANMAN_OK) return st;
    if (c.input_count != 1)
        return lm_err_arg(err, c.function, "data", "holds %lu records, give one",
                          (unsigned long)c.input_count);
    return lm_call_run(creds, lm_shim_NetGroupAdd, &c, lvl, 0, NULL, err);
}

lanman_status lanman_NetGroupDel(const lanman_creds *creds,
                                 const char *server, const char *groupname,
                                 lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetGroupDel", server, 0, &c, &lvl, NULL,
                                     err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = groupname;
    return lm_call_run(creds, lm_shim_NetGroupDel, &c, NULL, 0, NULL, err);
}

lanman_status lanman_NetGroupSetInfo(const lanman_creds *creds,
                                     const char *server,
                                     const char *groupname, uint32_t level,
                                     const lanman_input *data,
                                     lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetGroupSetInfo", server, level, &c,
                                     &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    if (st == LANMAN_OK)
        st = lm_call_input(&c, "data", data, "GROUP_INFO", err);
    if (st == LANMAN_OK) st = lm_check_required_text(&c, lvl, err);
    if (st != LANMAN_OK) return st;
    if (c.input_count != 1)
        return lm_err_arg(err, c.function, "data", "holds %lu records, give one",
                          (unsigned long)c.input_count);
    c.name = groupname;
    return lm_call_run(creds, lm_shim_NetGroupSetInfo, &c, lvl, 0, NULL, err);
}

/* NetGroupAddUser and NetGroupDelUser: a group and a user name. */
static lanman_status group_user(const char *function, lm_shim_fn fn,
                                const lanman_creds *creds, const char *server,
                                const char *groupname, const char *username,
                                lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(function, server, 0, &c, &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "username", username, LM_UNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = groupname;
    c.name2 = username;
    return lm_call_run(creds, fn, &c, NULL, 0, NULL, err);
}

lanman_status lanman_NetGroupAddUser(const lanman_creds *creds,
                                     const char *server, const char *groupname,
                                     const char *username, lanman_error *err) {
    return group_user("NetGroupAddUser", lm_shim_NetGroupAddUser, creds,
                      server, groupname, username, err);
}

lanman_status lanman_NetGroupDelUser(const lanman_creds *creds,
                                     const char *server, const char *groupname,
                                     const char *username, lanman_error *err) {
    return group_user("NetGroupDelUser", lm_shim_NetGroupDelUser, creds,
                      server, groupname, username, err);
}

lanman_status lanman_NetGroupGetUsers(const lanman_creds *creds,
                                      const char *server,
                                      const char *groupname, uint32_t level,
                                      uint32_t prefmaxlen, lanman_buffer **out,
                                      uint32_t *total, uint32_t *resume,
                                      lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetGroupGetUsers", server, level, &c,
                                     &lvl, out, err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = groupname;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    st = lm_call_run(creds, lm_shim_NetGroupGetUsers, &c, lvl, 1, out, err);
    if (st != LANMAN_OK) return st;
    lm_call_paged(&c, total, resume);
    return LANMAN_OK;
}

lanman_status lanman_NetGroupSetUsers(const lanman_creds *creds,
                                      const char *server,
                                      const char *groupname, uint32_t level,
                                      const lanman_input *members,
                                      lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetGroupSetUsers", server, level, &c,
                                     &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    /* No members (NULL) empties the group. */
    if (st == LANMAN_OK && members != NULL)
        st = lm_call_input(&c, "members", members, "GROUP_USERS_INFO", err);
    if (st == LANMAN_OK) st = lm_check_required_text(&c, lvl, err);
    if (st != LANMAN_OK) return st;
    c.name = groupname;
    return lm_call_run(creds, lm_shim_NetGroupSetUsers, &c, lvl, 0, NULL, err);
}
