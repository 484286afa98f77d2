/*
** calls_domain.c -- the domain calls (DC discovery, join, unjoin, rename,
** offline join, remote shutdown): their argument checks; the shim
** (shim_samba_domain.c, shim_windows_domain.c) performs them.
**
** None takes an info level: each returns records of one fixed level
** (levels_domain.c), found here by its family, level 0.  lm_call carries
** the strings as name, name2, name3 and the rest in an lm_domain_args
** that c.input points at (internal.h).
*/
#include <stdio.h>
#include <string.h>

#include "internal.h"

const lm_call_spec lm_calls_domain[] = {
    {"DsGetDcName", "DOMAIN_CONTROLLER_INFO", {0}, 0},
    {"NetGetDCName", "DC_NAME", {0}, 0},
    {"NetGetAnyDCName", "DC_NAME", {0}, 0},
    {"NetGetJoinInformation", "JOIN_INFORMATION", {0}, 0},
    {"NetGetJoinableOUs", "JOINABLE_OU", {0}, 0},
    {"NetJoinDomain", "", {0}, 0},
    {"NetUnjoinDomain", "", {0}, 0},
    {"NetRenameMachineInDomain", "", {0}, 0},
    {"NetProvisionComputerAccount", "PROVISION_DATA", {0}, 0},
    {"NetRequestOfflineDomainJoin", "", {0}, 0},
    {"NetShutdownInit", "", {0}, 0},
    {"NetShutdownAbort", "", {0}, 0},
};
const size_t lm_calls_domain_count =
    sizeof lm_calls_domain / sizeof lm_calls_domain[0];

/* Longest names accepted, in characters: a DNS domain or host name, a DNS
** label (machine names), an OU's distinguished name, a site name, the
** shutdown message (InitiateSystemShutdown's limit), a path. */
#define LM_DOMAINLEN 255
#define LM_MACHINELEN 63
#define LM_OULEN 1024
#define LM_SITELEN 255
#define LM_MESSAGELEN 512
#define LM_PATHLEN 260

/* An optional name: NULL or "" means none (NULL); else as lm_check_name. */
static lanman_status opt_name(const char *function, const char *argument,
                              const char **value, long max,
                              lanman_error *err) {
    if (*value == NULL || **value == '\0') {
        *value = NULL;
        return LANMAN_OK;
    }
    return lm_check_name(function, argument, *value, max, err);
}

/* The fixed record level of a call without level argument. */
static const lanman_level *fixed_level(const char *family) {
    return lanman_level_find(family, 0);
}

/* Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", braces optional. */
static int parse_guid(const char *s, lm_guid *g) {
    unsigned v[11];
    int used = 0;
    size_t n = strlen(s);
    if (n == 38 && s[0] == '{' && s[37] == '}') s++, n -= 2;
    else if (n != 36) return -1;
    for (size_t i = 0; i < n; i++) {
        int dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !strchr("0123456789abcdefABCDEF", s[i]))
            return -1;
    }
    if (sscanf(s, "%8x-%4x-%4x-%2x%2x-%2x%2x%2x%2x%2x%2x%n", &v[0], &v[1],
               &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9],
               &v[10], &used) != 11 || (size_t)used != n)
        return -1;
    g->time_low = v[0];
    g->time_mid = (uint16_t)v[1];
    g->time_hi_and_version = (uint16_t)v[2];
    g->clock_seq[0] = (uint8_t)v[3];
    g->clock_seq[1] = (uint8_t)v[4];
    for (int i = 0; i < 6; i++) g->node[i] = (uint8_t)v[5 + i];
    return 0;
}

lanman_status lanman_DsGetDcName(const lanman_creds *creds, const char *server,
                                 const char *domain, const char *domain_guid,
                                 const char *site_name, uint32_t flags,
                                 lanman_buffer **out, lanman_error *err) {
    const char *fn = "DsGetDcName";
    lm_call c;
    const lanman_level *lvl;
    lm_domain_args a;
    lm_guid guid;
    memset(&a, 0, sizeof a);
    lanman_status st = lm_call_begin(fn, server, 0, &c, &lvl, out, err);
    if (st == LANMAN_OK) st = opt_name(fn, "domain", &domain, LM_DOMAINLEN, err);
    if (st == LANMAN_OK)
        st = opt_name(fn, "site_name", &site_name, LM_SITELEN, err);
    if (st == LANMAN_OK && domain_guid != NULL && *domain_guid != '\0') {
        if (parse_guid(domain_guid, &guid) != 0)
            return lm_err_arg(err, fn, "domain_guid",
                              "'%.60s' is not a GUID "
                              "({xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx})",
                              domain_guid);
        a.guid = &guid;
    }
    if (st != LANMAN_OK) return st;
    c.name = domain;
    c.name2 = site_name;
    c.number = flags;
    c.input = &a;
    return lm_call_run(creds, lm_shim_DsGetDcName, &c,
                       fixed_level("DOMAIN_CONTROLLER_INFO"), 0, out, err);
}

static lanman_status get_dc_name(const char *fn, lm_shim_fn thunk,
                                 const lanman_creds *creds, const char *server,
                                 const char *domain, lanman_buffer **out,
                                 lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, server, 0, &c, &lvl, out, err);
    if (st == LANMAN_OK) st = opt_name(fn, "domain", &domain, LM_DOMAINLEN, err);
    if (st != LANMAN_OK) return st;
    c.name = domain;
    return lm_call_run(creds, thunk, &c, fixed_level("DC_NAME"), 0, out, err);
}

lanman_status lanman_NetGetDCName(const lanman_creds *creds, const char *server,
                                  const char *domain, lanman_buffer **out,
                                  lanman_error *err) {
    return get_dc_name("NetGetDCName", lm_shim_NetGetDCName, creds, server,
                       domain, out, err);
}

lanman_status lanman_NetGetAnyDCName(const lanman_creds *creds,
                                     const char *server, const char *domain,
                                     lanman_buffer **out, lanman_error *err) {
    return get_dc_name("NetGetAnyDCName", lm_shim_NetGetAnyDCName, creds,
                       server, domain, out, err);
}

lanman_status lanman_NetGetJoinInformation(const lanman_creds *creds,
                                           const char *server,
                                           lanman_buffer **out,
                                           lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetGetJoinInformation", server, 0, &c,
                                     &lvl, out, err);
    if (st != LANMAN_OK) return st;
    return lm_call_run(creds, lm_shim_NetGetJoinInformation, &c,
                       fixed_level("JOIN_INFORMATION"), 0, out, err);
}

/* account and password: optional, both or neither (no password for an
** account would make the platform prompt or send an empty one). */
static lanman_status account_password(const char *fn, const char **account,
                                      const char **password,
                                      lanman_error *err) {
    lanman_status st = opt_name(fn, "account", account, LM_UNLEN, err);
    if (st != LANMAN_OK) return st;
    if (*password != NULL && **password != '\0') {
        long n = lm_utf8_length(*password, strlen(*password));
        if (n < 0)   /* never echo a password */
            return lm_err_arg(err, fn, "password", "is not valid UTF-8");
        if (n > LM_PWLEN)
            return lm_err_arg(err, fn, "password",
                              "is longer than %d characters", LM_PWLEN);
    } else {
        *password = NULL;
    }
    if (*password != NULL && *account == NULL)
        return lm_err_arg(err, fn, "account",
                          "must be given with a password");
    return LANMAN_OK;
}

lanman_status lanman_NetGetJoinableOUs(const lanman_creds *creds,
                                       const char *server, const char *domain,
                                       const char *account,
                                       const char *password,
                                       lanman_buffer **out, lanman_error *err) {
    const char *fn = "NetGetJoinableOUs";
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, server, 0, &c, &lvl, out, err);
    if (st == LANMAN_OK)
        st = lm_check_name(fn, "domain", domain, LM_DOMAINLEN, err);
    if (st == LANMAN_OK) st = account_password(fn, &account, &password, err);
    if (st != LANMAN_OK) return st;
    c.name = domain;
    c.name2 = account;
    c.name3 = password;
    return lm_call_run(creds, lm_shim_NetGetJoinableOUs, &c,
                       fixed_level("JOINABLE_OU"), 1, out, err);
}

lanman_status lanman_NetJoinDomain(const lanman_creds *creds, const char *server,
                                   const char *domain, const char *account_ou,
                                   const char *account, const char *password,
                                   uint32_t join_flags, lanman_error *err) {
    const char *fn = "NetJoinDomain";
    lm_call c;
    const lanman_level *lvl;
    lm_domain_args a;
    memset(&a, 0, sizeof a);
    lanman_status st = lm_call_begin(fn, server, 0, &c, &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = lm_check_name(fn, "domain", domain, LM_DOMAINLEN, err);
    if (st == LANMAN_OK)
        st = opt_name(fn, "account_ou", &account_ou, LM_OULEN, err);
    if (st == LANMAN_OK) st = account_password(fn, &account, &password, err);
    if (st != LANMAN_OK) return st;
    c.name = domain;
    c.name2 = account_ou;
    c.name3 = account;
    a.password = password;
    c.input = &a;
    c.number = join_flags;
    return lm_call_run(creds, lm_shim_NetJoinDomain, &c, NULL, 0, NULL, err);
}

lanman_status lanman_NetUnjoinDomain(const lanman_creds *creds,
                                     const char *server, const char *account,
                                     const char *password,
                                     uint32_t unjoin_flags, lanman_error *err) {
    const char *fn = "NetUnjoinDomain";
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, server, 0, &c, &lvl, NULL, err);
    if (st == LANMAN_OK) st = account_password(fn, &account, &password, err);
    if (st != LANMAN_OK) return st;
    c.name2 = account;
    c.name3 = password;
    c.number = unjoin_flags;
    return lm_call_run(creds, lm_shim_NetUnjoinDomain, &c, NULL, 0, NULL, err);
}

lanman_status lanman_NetRenameMachineInDomain(const lanman_creds *creds,
                                              const char *server,
                                              const char *new_machine_name,
                                              const char *account,
                                              const char *password,
                                              uint32_t rename_options,
                                              lanman_error *err) {
    const char *fn = "NetRenameMachineInDomain";
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin(fn, server, 0, &c, &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = opt_name(fn, "new_machine_name", &new_machine_name,
                      LM_MACHINELEN, err);
    if (st == LANMAN_OK) st = account_password(fn, &account, &password, err);
    if (st != LANMAN_OK) return st;
    c.name = new_machine_name;
    c.name2 = account;
    c.name3 = password;
    c.number = rename_options;
    return lm_call_run(creds, lm_shim_NetRenameMachineInDomain, &c, NULL, 0,
                       NULL, err);
}

/* The DC (dcname) is the call's server: credentials are applied to it,
** and errors name it. */
lanman_status lanman_NetProvisionComputerAccount(const lanman_creds *creds,
                                                 const char *domain,
                                                 const char *machine_name,
                                                 const char *machine_account_ou,
                                                 const char *dcname,
                                                 uint32_t options,
                                                 lanman_buffer **out,
                                                 lanman_error *err) {
    const char *fn = "NetProvisionComputerAccount";
    lm_call c;
    const lanman_level *lvl;
    if (out != NULL) *out = NULL;
    const char *dc = dcname;   /* checked as a server, named as itself */
    if (dc != NULL && dc[0] == '\\' && dc[1] == '\\') dc += 2;
    lanman_status st = opt_name(fn, "dcname", &dc, LM_MAX_SERVER, err);
    if (st != LANMAN_OK) return st;
    if (dc != NULL && strpbrk(dc, "\\/ ") != NULL)
        return lm_err_arg(err, fn, "dcname",
                          "'%s' is not a host name or address", dc);
    st = lm_call_begin(fn, dc, 0, &c, &lvl, out, err);
    if (st == LANMAN_OK)
        st = lm_check_name(fn, "domain", domain, LM_DOMAINLEN, err);
    if (st == LANMAN_OK)
        st = lm_check_name(fn, "machine_name", machine_name, LM_MACHINELEN,
                           err);
    if (st == LANMAN_OK)
        st = opt_name(fn, "machine_account_ou", &machine_account_ou, LM_OULEN,
                      err);
    if (st != LANMAN_OK) return st;
    c.name = domain;
    c.name2 = machine_name;
    c.name3 = machine_account_ou;
    c.number = options;
    return lm_call_run(creds, lm_shim_NetProvisionComputerAccount, &c,
                       fixed_level("PROVISION_DATA"), 0, out, err);
}

lanman_status lanman_NetRequestOfflineDomainJoin(const lanman_creds *creds,
                                                 const char *provision_bin_data,
                                                 size_t provision_bin_data_size,
                                                 uint32_t options,
                                                 const char *windows_path,
                                                 lanman_error *err) {
    const char *fn = "NetRequestOfflineDomainJoin";
    lm_call c;
    const lanman_level *lvl;
    lm_domain_args a;
    memset(&a, 0, sizeof a);
    lanman_status st = lm_call_begin(fn, NULL, 0, &c, &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = opt_name(fn, "windows_path", &windows_path, LM_PATHLEN, err);
    if (st != LANMAN_OK) return st;
    if (provision_bin_data == NULL && provision_bin_data_size != 0)
        return lm_err_arg(err, fn, "provision_bin_data", "is missing");
    if (provision_bin_data_size > UINT32_MAX)
        return lm_err_arg(err, fn, "provision_bin_data",
                          "is larger than 4 GiB");
    /* An empty blob goes to the platform, which answers
    ** NERR_NoOfflineJoinInfo as netapi32 does. */
    a.data = provision_bin_data;
    a.size = provision_bin_data_size;
    c.input = &a;
    c.name = windows_path;
    c.number = options;
    return lm_call_run(creds, lm_shim_NetRequestOfflineDomainJoin, &c, NULL, 0,
                       NULL, err);
}

lanman_status lanman_NetShutdownInit(const lanman_creds *creds,
                                     const char *server, const char *message,
                                     uint32_t timeout, int force_apps,
                                     int do_reboot, lanman_error *err) {
    const char *fn = "NetShutdownInit";
    lm_call c;
    const lanman_level *lvl;
    lm_domain_args a;
    memset(&a, 0, sizeof a);
    lanman_status st = lm_call_begin(fn, server, 0, &c, &lvl, NULL, err);
    if (st == LANMAN_OK)
        st = opt_name(fn, "message", &message, LM_MESSAGELEN, err);
    if (st != LANMAN_OK) return st;
    a.force_apps = force_apps != 0;
    a.do_reboot = do_reboot != 0;
    c.input = &a;
    c.name = message;
    c.number = timeout;
    return lm_call_run(creds, lm_shim_NetShutdownInit, &c, NULL, 0, NULL, err);
}

lanman_status lanman_NetShutdownAbort(const lanman_creds *creds,
                                      const char *server, lanman_error *err) {
    lm_call c;
    const lanman_level *lvl;
    lanman_status st = lm_call_begin("NetShutdownAbort", server, 0, &c, &lvl,
                                     NULL, err);
    if (st != LANMAN_OK) return st;
    return lm_call_run(creds, lm_shim_NetShutdownAbort, &c, NULL, 0, NULL, err);
}
