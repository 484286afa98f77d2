/*
** levels_domain.c -- the records of the domain calls as data.  None of
** these calls takes a level; each returns one fixed level (0), described
** here so it decodes like every other record.  Except for
** DOMAIN_CONTROLLER_INFO they are lanman's own wrappers (platform.h) of
** results that are not a struct array: a bare string (NetGetDCName), a
** string array (NetGetJoinableOUs), a name beside a status
** (NetGetJoinInformation), base64 text (NetProvisionComputerAccount).
*/
#include "levels.h"

/* ---- DOMAIN_CONTROLLER_INFO (DsGetDcName) ----
** Keys as pywin32's win32security.DsGetDcName has them: the Windows
** struct's field names (no prefix).  Samba names the same fields in
** snake_case, so the member differs per platform.  DomainGuid is the
** GUID rendered as text by the shim (LM_DOMAIN_CONTROLLER_INFO). */
#ifdef _WIN32
#define DCI(KEY, SAMBA, T) \
    {#KEY, LANMAN_T_##T, offsetof(LM_DOMAIN_CONTROLLER_INFO, info.KEY), 0, 0u}
#else
#define DCI(KEY, SAMBA, T) \
    {#KEY, LANMAN_T_##T, offsetof(LM_DOMAIN_CONTROLLER_INFO, info.SAMBA), 0, 0u}
#endif
static const lanman_field domain_controller_info[] = {
    DCI(DomainControllerName, domain_controller_name, STR),
    DCI(DomainControllerAddress, domain_controller_address, STR),
    DCI(DomainControllerAddressType, domain_controller_address_type, U32),
    {"DomainGuid", LANMAN_T_STR,
     offsetof(LM_DOMAIN_CONTROLLER_INFO, domain_guid_text), 0, 0u},
    DCI(DomainName, domain_name, STR),
    DCI(DnsForestName, dns_forest_name, STR),
    DCI(Flags, flags, U32),
    DCI(DcSiteName, dc_site_name, STR),
    DCI(ClientSiteName, client_site_name, STR),
};

/* ---- lanman's one-field and two-field wrappers ---- */
static const lanman_field dc_name[] = {
    F(LM_DC_NAME, , dc_name, STR),
};
static const lanman_field join_information[] = {
    F(LM_JOIN_INFORMATION, , name, STR),
    F(LM_JOIN_INFORMATION, , status, U32),
};
static const lanman_field joinable_ou[] = {
    F(LM_JOINABLE_OU, , ou, STR),
};
static const lanman_field provision_data[] = {
    F(LM_PROVISION_DATA, , provision_text_data, STR),
};

const lanman_level lm_levels_domain[] = {
    /* named after the platform struct it carries, not lanman's wrapper */
    {"DOMAIN_CONTROLLER_INFO", 0, "DOMAIN_CONTROLLER_INFO",
     sizeof(LM_DOMAIN_CONTROLLER_INFO), LEVEL_COUNT(domain_controller_info),
     domain_controller_info},
    LEVEL("DC_NAME", 0, LM_DC_NAME, dc_name),
    LEVEL("JOIN_INFORMATION", 0, LM_JOIN_INFORMATION, join_information),
    LEVEL("JOINABLE_OU", 0, LM_JOINABLE_OU, joinable_ou),
    LEVEL("PROVISION_DATA", 0, LM_PROVISION_DATA, provision_data),
};
const size_t lm_levels_domain_count = LEVEL_COUNT(lm_levels_domain);
