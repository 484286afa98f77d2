/*
** shim_windows_domain.c -- the domain calls on netapi32 (see
** calls_domain.c for the checks before).  Results that are not a struct
** array are copied into one self-contained NetApi block holding lanman's
** record for them (platform.h), as shim_samba_domain.c does.
** NetShutdownInit/Abort are Samba's names for advapi32's
** InitiateSystemShutdownEx / AbortSystemShutdown, which they call here.
*/
#ifdef _WIN32
#include <string.h>
#include <wchar.h>

#include "internal.h"
#include "platform.h"

/* lmjoin.h of mingw-w64 lacks these two (netapi32 has them since
** Windows 7). */
NET_API_STATUS WINAPI NetProvisionComputerAccount(
    LPCWSTR lpDomain, LPCWSTR lpMachineName, LPCWSTR lpMachineAccountOU,
    LPCWSTR lpDcName, DWORD dwOptions, PBYTE *pProvisionBinData,
    DWORD *pdwProvisionBinDataSize, LPWSTR *pProvisionTextData);
NET_API_STATUS WINAPI NetRequestOfflineDomainJoin(
    BYTE *pProvisionBinData, DWORD cbProvisionBinDataSize, DWORD dwOptions,
    LPCWSTR lpWindowsPath);

_Static_assert(sizeof(GUID) == sizeof(lm_guid),
               "lm_guid and Windows' GUID share one layout");

#define ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

/* One NetApi block: `records` bytes, then copies of the n strings. */
static void *block_with_strings(size_t records, const wchar_t *const *strs,
                                size_t n, wchar_t **copies) {
    size_t size = ALIGN8(records);
    for (size_t i = 0; i < n; i++)
        if (strs[i] != NULL) size += (wcslen(strs[i]) + 1) * sizeof(wchar_t);
    void *block = NULL;
    if (size > UINT32_MAX || NetApiBufferAllocate((DWORD)size, &block) != 0 ||
        block == NULL)
        return NULL;
    memset(block, 0, size);
    char *heap = (char *)block + ALIGN8(records);
    for (size_t i = 0; i < n; i++) {
        copies[i] = NULL;
        if (strs[i] == NULL) continue;
        size_t len = (wcslen(strs[i]) + 1) * sizeof(wchar_t);
        memcpy(heap, strs[i], len);
        copies[i] = (wchar_t *)heap;
        heap += len;
    }
    return block;
}

uint32_t lm_shim_DsGetDcName(lm_call *c) {
    const lm_domain_args *a = c->input;
    lm_win_args w;
    GUID guid;
    if (a->guid != NULL) memcpy(&guid, a->guid, sizeof guid);
    lm_win_args_init(&w, c);
    PDOMAIN_CONTROLLER_INFOW info = NULL;
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : DsGetDcNameW(w.server, w.name, a->guid ? &guid : NULL,
                                       w.name2, c->number, &info);
    lm_win_args_free(&w);
    if (st != 0 || info == NULL) {
        if (info != NULL) NetApiBufferFree(info);
        return st != 0 ? st : ERROR_NO_SUCH_DOMAIN;
    }
    wchar_t text[40];   /* as StringFromGUID2 writes it (no ole32 here) */
    const GUID *g = &info->DomainGuid;
    swprintf(text, 40, L"{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
             (unsigned long)g->Data1, (unsigned)g->Data2, (unsigned)g->Data3,
             g->Data4[0], g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4],
             g->Data4[5], g->Data4[6], g->Data4[7]);
    const wchar_t *strs[] = {info->DomainControllerName,
                             info->DomainControllerAddress, info->DomainName,
                             info->DnsForestName, info->DcSiteName,
                             info->ClientSiteName, text};
    wchar_t *copy[7];
    LM_DOMAIN_CONTROLLER_INFO *r = block_with_strings(sizeof *r, strs, 7, copy);
    if (r == NULL) {
        NetApiBufferFree(info);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    r->info = *info;
    r->info.DomainControllerName = copy[0];
    r->info.DomainControllerAddress = copy[1];
    r->info.DomainName = copy[2];
    r->info.DnsForestName = copy[3];
    r->info.DcSiteName = copy[4];
    r->info.ClientSiteName = copy[5];
    r->domain_guid_text = copy[6];
    NetApiBufferFree(info);
    c->buffer = r;
    return 0;
}

typedef NET_API_STATUS(WINAPI *dc_name_fn)(LPCWSTR, LPCWSTR, LPBYTE *);

static uint32_t get_dc_name(lm_call *c, dc_name_fn fn) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    LPBYTE name = NULL;
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER : fn(w.server, w.name, &name);
    lm_win_args_free(&w);
    if (st != 0 || name == NULL) {
        if (name != NULL) NetApiBufferFree(name);
        return st != 0 ? st : NERR_DCNotFound;
    }
    const wchar_t *strs[] = {(const wchar_t *)name};
    wchar_t *copy[1];
    LM_DC_NAME *r = block_with_strings(sizeof *r, strs, 1, copy);
    NetApiBufferFree(name);
    if (r == NULL) return ERROR_NOT_ENOUGH_MEMORY;
    r->dc_name = copy[0];
    c->buffer = r;
    return 0;
}

uint32_t lm_shim_NetGetDCName(lm_call *c) {
    return get_dc_name(c, NetGetDCName);
}

uint32_t lm_shim_NetGetAnyDCName(lm_call *c) {
    return get_dc_name(c, NetGetAnyDCName);
}

uint32_t lm_shim_NetGetJoinInformation(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    LPWSTR name = NULL;
    NETSETUP_JOIN_STATUS status = NetSetupUnknownStatus;
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetGetJoinInformation(w.server, &name, &status);
    lm_win_args_free(&w);
    if (st != 0) {
        if (name != NULL) NetApiBufferFree(name);
        return st;
    }
    const wchar_t *strs[] = {name};
    wchar_t *copy[1];
    LM_JOIN_INFORMATION *r = block_with_strings(sizeof *r, strs, 1, copy);
    if (name != NULL) NetApiBufferFree(name);
    if (r == NULL) return ERROR_NOT_ENOUGH_MEMORY;
    r->name = copy[0];
    r->status = (uint32_t)status;
    c->buffer = r;
    return 0;
}

/* netapi32 returns an array of string pointers in one block: the layout
** of LM_JOINABLE_OU records already. */
uint32_t lm_shim_NetGetJoinableOUs(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    DWORD n = 0;
    LPWSTR *ous = NULL;
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetGetJoinableOUs(w.server, w.name, w.name2, w.name3,
                                            &n, &ous);
    lm_win_args_free(&w);
    if (st != 0) {
        if (ous != NULL) NetApiBufferFree(ous);
        return st;
    }
    c->buffer = ous;
    c->read = c->total = ous != NULL ? n : 0;
    return 0;
}

uint32_t lm_shim_NetJoinDomain(lm_call *c) {
    const lm_domain_args *a = c->input;
    lm_win_args w;
    lm_win_args_init(&w, c);
    LPWSTR password = lm_win_wide(a->password, &w.arena, &w.bad);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetJoinDomain(w.server, w.name, w.name2, w.name3,
                                        password, c->number);
    lm_win_args_free(&w);   /* wipes the password copy */
    return st;
}

uint32_t lm_shim_NetUnjoinDomain(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetUnjoinDomain(w.server, w.name2, w.name3, c->number);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetRenameMachineInDomain(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetRenameMachineInDomain(w.server, w.name, w.name2,
                                                   w.name3, c->number);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetProvisionComputerAccount(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    LPWSTR text = NULL;
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetProvisionComputerAccount(w.name, w.name2, w.name3,
                                                      w.server, c->number,
                                                      NULL, NULL, &text);
    lm_win_args_free(&w);
    if (st != 0 || text == NULL) {
        if (text != NULL) NetApiBufferFree(text);
        return st != 0 ? st : 2710u;   /* NERR_BadOfflineJoinInfo */
    }
    const wchar_t *strs[] = {text};
    wchar_t *copy[1];
    LM_PROVISION_DATA *r = block_with_strings(sizeof *r, strs, 1, copy);
    NetApiBufferFree(text);
    if (r == NULL) return ERROR_NOT_ENOUGH_MEMORY;
    r->provision_text_data = copy[0];
    c->buffer = r;
    return 0;
}

uint32_t lm_shim_NetRequestOfflineDomainJoin(lm_call *c) {
    const lm_domain_args *a = c->input;
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetRequestOfflineDomainJoin((BYTE *)a->data,
                                                      (DWORD)a->size,
                                                      c->number, w.name);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetShutdownInit(lm_call *c) {
    const lm_domain_args *a = c->input;
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = ERROR_INVALID_PARAMETER;
    if (!w.bad)   /* reason: planned, other (SHTDN_REASON_FLAG_PLANNED) */
        st = InitiateSystemShutdownExW(w.server, w.name, c->number,
                                       a->force_apps, a->do_reboot, 0x80000000u)
                 ? 0 : GetLastError();
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetShutdownAbort(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : AbortSystemShutdownW(w.server) ? 0 : GetLastError();
    lm_win_args_free(&w);
    return st;
}
#endif /* _WIN32 */
