/*
** calls_localgroup.c -- the local group (alias) calls: the levels each
** accepts and its argument checks; the shim (shim_samba_localgroup.c)
** performs them.
*/
#include "internal.h"

const lm_call_spec lm_calls_localgroup[] = {
    {"NetLocalGroupEnum", "LOCALGROUP_INFO", {0, 1}, 2},
    {"NetLocalGroupGetInfo", "LOCALGROUP_INFO", {0, 1, 1002}, 3},
    {"NetLocalGroupAdd", "LOCALGROUP_INFO", {0, 1}, 2},
    {"NetLocalGroupDel", "LOCALGROUP_INFO", {0}, 0},
    {"NetLocalGroupSetInfo", "LOCALGROUP_INFO", {0, 1, 1002}, 3},
    {"NetLocalGroupGetMembers", "LOCALGROUP_MEMBERS_INFO", {0, 1, 2, 3}, 4},
    {"NetLocalGroupAddMembers", "LOCALGROUP_MEMBERS_INFO", {0, 3}, 2},
    {"NetLocalGroupDelMembers", "LOCALGROUP_MEMBERS_INFO", {0, 3}, 2},
    {"NetLocalGroupSetMembers", "LOCALGROUP_MEMBERS_INFO", {0, 3}, 2},
};
const size_t lm_calls_localgroup_count =
    sizeof lm_calls_localgroup / sizeof lm_calls_localgroup[0];

lanman_status lanman_NetLocalGroupEnum(const lanman_creds *creds,
                                       const char *server, uint32_t level,
                                       uint32_t prefmaxlen,
                                       lanman_buffer **out, uint32_t *total,
                                       uint32_t *resume, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetLocalGroupEnum", server, level, &c,
                                     &lvl, out, err);
    if (st != LANMAN_OK) return st;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    st = lm_call_run(creds, lm_shim_NetLocalGroupEnum, &c, lvl, 1, out, err);
    if (st != LANMAN_OK) return st;
    lm_call_paged(&c, total, resume);
    return LANMAN_OK;
}

lanman_status lanman_NetLocalGroupGetInfo(const lanman_creds *creds,
                                          const char *server,
                                          const char *groupname,
                                          uint32_t level, lanman_buffer **out,
                                          lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetLocalGroupGetInfo", server, level,
                                     &c, &lvl, out, err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = groupname;
    return lm_call_run(creds, lm_shim_NetLocalGroupGetInfo, &c, lvl, 0, out,
                       err);
}

lanman_status lanman_NetLocalGroupAdd(const lanman_creds *creds,
                                      const char *server, uint32_t level,
                                      const lanman_input *data,
                                      lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetLocalGroupAdd", server, level, &c,
                                     &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = lm_call_input(&c, "data", data, "LOCALGROUP_INFO", err);
    if (st == LANMAN_OK) st = lm_check_required_text(&c, lvl, err);
    if (st != LANMAN_OK) return st;
    if (c.input_count != 1)
        return lm_err_arg(err, c.function, "data", "holds %lu records, give one",
                          (unsigned long)c.input_count);
    return lm_call_run(creds, lm_shim_NetLocalGroupAdd, &c, lvl, 0, NULL, err);
}

lanman_status lanman_NetLocalGroupDel(const lanman_creds *creds,
                                      const char *server,
                                      const char *groupname,
                                      lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetLocalGroupDel", server, 0, &c, &lvl,
                                     NULL, err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = groupname;
    return lm_call_run(creds, lm_shim_NetLocalGroupDel, &c, NULL, 0, NULL, err);
}

lanman_status lanman_NetLocalGroupSetInfo(const lanman_creds *creds,
                                          const char *server,
                                          const char *groupname,
                                          uint32_t level,
                                          const lanman_input *data,
                                          lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetLocalGroupSetInfo", server, level,
                                     &c, &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    if (st == LANMAN_OK)
        st = lm_call_input(&c, "data", data, "LOCALGROUP_INFO", err);
    if (st == LANMAN_OK) st = lm_check_required_text(&c, lvl, err);
    if (st != LANMAN_OK) return st;
    if (c.input_count != 1)
        return lm_err_arg(err, c.function, "data", "holds %lu records, give one",
                          (unsigned long)c.input_count);
    c.name = groupname;
    return lm_call_run(creds, lm_shim_NetLocalGroupSetInfo, &c, lvl, 0, NULL,
                       err);
}

lanman_status lanman_NetLocalGroupGetMembers(const lanman_creds *creds,
                                             const char *server,
                                             const char *groupname,
                                             uint32_t level,
                                             uint32_t prefmaxlen,
                                             lanman_buffer **out,
                                             uint32_t *total, uint32_t *resume,
                                             lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetLocalGroupGetMembers", server, level,
                                     &c, &lvl, out, err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = groupname;
    c.prefmaxlen = prefmaxlen;
    c.resume = *resume;
    st = lm_call_run(creds, lm_shim_NetLocalGroupGetMembers, &c, lvl, 1, out,
                     err);
    if (st != LANMAN_OK) return st;
    lm_call_paged(&c, total, resume);
    return LANMAN_OK;
}

/* NetLocalGroupAddMembers, DelMembers and SetMembers: a group and a list
** of members (SetMembers only: NULL, no members, empties the group). */
static lanman_status members_call(const char *function, lm_shim_fn fn,
                                  const lanman_creds *creds,
                                  const char *server, const char *groupname,
                                  uint32_t level, const lanman_input *members,
                                  int empty_ok, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(function, server, level, &c, &lvl, NULL,
                                     err);
    if (st == LANMAN_OK)
        st = lm_check_name(c.function, "groupname", groupname, LM_GNLEN, err);
    if (st == LANMAN_OK && (members != NULL || !empty_ok))
        st = lm_call_input(&c, "members", members, "LOCALGROUP_MEMBERS_INFO",
                           err);
    if (st == LANMAN_OK) st = lm_check_required_text(&c, lvl, err);
    if (st != LANMAN_OK) return st;
    c.name = groupname;
    return lm_call_run(creds, fn, &c, lvl, 0, NULL, err);
}

lanman_status lanman_NetLocalGroupAddMembers(const lanman_creds *creds,
                                             const char *server,
                                             const char *groupname,
                                             uint32_t level,
                                             const lanman_input *members,
                                             lanman_error *err) {
    return members_call("NetLocalGroupAddMembers",
                        lm_shim_NetLocalGroupAddMembers, creds, server,
                        groupname, level, members, 0, err);
}

lanman_status lanman_NetLocalGroupDelMembers(const lanman_creds *creds,
                                             const char *server,
                                             const char *groupname,
                                             uint32_t level,
                                             const lanman_input *members,
                                             lanman_error *err) {
    return members_call("NetLocalGroupDelMembers",
                        lm_shim_NetLocalGroupDelMembers, creds, server,
                        groupname, level, members, 0, err);
}

lanman_status lanman_NetLocalGroupSetMembers(const lanman_creds *creds,
                                             const char *server,
                                             const char *groupname,
                                             uint32_t level,
                                             const lanman_input *members,
                                             lanman_error *err) {
    return members_call("NetLocalGroupSetMembers",
                        lm_shim_NetLocalGroupSetMembers, creds, server,
                        groupname, level, members, 1, err);
}
