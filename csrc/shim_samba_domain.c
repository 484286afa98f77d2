/*
** shim_samba_domain.c -- the domain calls on Samba's libnetapi: each thunk
** performs one lm_call (see calls_domain.c for the checks before).
**
** Results that are not a struct array -- a bare string, a string array, a
** name beside a status, a DOMAIN_CONTROLLER_INFO whose GUID the script
** reads as text -- are copied here into one self-contained NetApi block
** holding lanman's record for them (platform.h), so that they decode
** through their level table like any other result.
*/
#ifndef _WIN32
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "platform.h"

_Static_assert(sizeof(struct GUID) == sizeof(lm_guid),
               "lm_guid and Samba's struct GUID share one layout");

/* A Samba AD DC does not implement the wkssvc join calls (NetrJoinDomain2,
** NetrUnjoinDomain2, NetrRenameMachineInDomain2, NetrGetJoinInformation,
** NetrGetJoinableOus2): it answers with the RPC fault "operation out of
** range".  libnetapi turns that into NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE
** (0xC002002E) and then into 46, the status's low 16 bits, which is no
** Windows error at all; netapi32 reports the fault as
** RPC_S_PROCNUM_OUT_OF_RANGE (1745). */
static uint32_t rpc_fault(uint32_t code) { return code == 46 ? 1745 : code; }

#define ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

/* One NetApi block: `records` bytes of records, then a copy of each of the
** n strings (NULL stays NULL); copies[i] points at the copy of strs[i].
** NULL if out of memory. */
static void *block_with_strings(size_t records, const char *const *strs,
                                size_t n, const char **copies) {
    size_t size = ALIGN8(records);
    for (size_t i = 0; i < n; i++)
        if (strs[i] != NULL) size += strlen(strs[i]) + 1;
    void *block = NULL;
    if (size > UINT32_MAX || NetApiBufferAllocate((uint32_t)size, &block) != 0 ||
        block == NULL)
        return NULL;
    memset(block, 0, size);
    char *heap = (char *)block + ALIGN8(records);
    for (size_t i = 0; i < n; i++) {
        copies[i] = NULL;
        if (strs[i] == NULL) continue;
        size_t len = strlen(strs[i]) + 1;
        memcpy(heap, strs[i], len);
        copies[i] = heap;
        heap += len;
    }
    return block;
}

/* ---- DsGetDcName ---- */

/* As Windows' StringFromGUID2 writes it (pywin32 shows IIDs so). */
static void guid_text(const struct GUID *g, char text[39]) {
    snprintf(text, 39,
             "{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
             (unsigned long)g->time_low, (unsigned)g->time_mid,
             (unsigned)g->time_hi_and_version, g->clock_seq[0],
             g->clock_seq[1], g->node[0], g->node[1], g->node[2], g->node[3],
             g->node[4], g->node[5]);
}

/* Asked on this machine with no domain, libnetapi's DsGetDcName resolves
** a NULL name and dies (SIGSEGV in inet_pton, found by test_fuzzlike.py).
** netapi32 then looks for this machine's own domain, so look that up:
** the workgroup libnetapi reads from the local smb.conf (NetWkstaGetInfo
** 100 answers it locally).  Returns NULL if even that fails; the caller
** frees *wksta with NetApiBufferFree. */
static const char *own_domain(struct WKSTA_INFO_100 **wksta) {
    *wksta = NULL;
    if (NetWkstaGetInfo(NULL, 100, (uint8_t **)wksta) != 0 || *wksta == NULL)
        return NULL;
    return (*wksta)->wki100_langroup;
}

uint32_t lm_shim_DsGetDcName(lm_call *c) {
    const lm_domain_args *a = c->input;
    struct GUID guid;
    if (a->guid != NULL) memcpy(&guid, a->guid, sizeof guid);
    struct DOMAIN_CONTROLLER_INFO *info = NULL;
    struct WKSTA_INFO_100 *wksta = NULL;
    const char *domain = c->name;
    if (c->server == NULL && (domain == NULL || *domain == '\0')) {
        domain = own_domain(&wksta);
        if (domain == NULL || *domain == '\0') {
            if (wksta != NULL) NetApiBufferFree(wksta);
            return 1355;   /* ERROR_NO_SUCH_DOMAIN */
        }
    }
    uint32_t st = DsGetDcName(c->server, domain, a->guid ? &guid : NULL,
                              c->name2, c->number, &info);
    if (wksta != NULL) NetApiBufferFree(wksta);
    if (st != 0 || info == NULL) {
        if (info != NULL) NetApiBufferFree(info);
        return st != 0 ? st : 1355;   /* ERROR_NO_SUCH_DOMAIN */
    }
    char text[39];
    guid_text(&info->domain_guid, text);
    const char *strs[] = {info->domain_controller_name,
                          info->domain_controller_address, info->domain_name,
                          info->dns_forest_name, info->dc_site_name,
                          info->client_site_name, text};
    const char *copy[7];
    LM_DOMAIN_CONTROLLER_INFO *w =
        block_with_strings(sizeof *w, strs, 7, copy);
    if (w == NULL) {
        NetApiBufferFree(info);
        return 8;   /* ERROR_NOT_ENOUGH_MEMORY */
    }
    w->info = *info;
    w->info.domain_controller_name = copy[0];
    w->info.domain_controller_address = copy[1];
    w->info.domain_name = copy[2];
    w->info.dns_forest_name = copy[3];
    w->info.dc_site_name = copy[4];
    w->info.client_site_name = copy[5];
    w->domain_guid_text = copy[6];
    NetApiBufferFree(info);
    c->buffer = w;
    return 0;
}

/* ---- NetGetDCName, NetGetAnyDCName: a bare string in the buffer ---- */

static uint32_t wrap_dc_name(uint32_t st, uint8_t *name, lm_call *c) {
    if (st != 0 || name == NULL) {
        if (name != NULL) NetApiBufferFree(name);
        return st != 0 ? st : 2453;   /* NERR_DCNotFound */
    }
    const char *strs[] = {(const char *)name};
    const char *copy[1];
    LM_DC_NAME *w = block_with_strings(sizeof *w, strs, 1, copy);
    NetApiBufferFree(name);
    if (w == NULL) return 8;
    w->dc_name = copy[0];
    c->buffer = w;
    return 0;
}

uint32_t lm_shim_NetGetDCName(lm_call *c) {
    uint8_t *name = NULL;
    uint32_t st = NetGetDCName(c->server, c->name, &name);
    return wrap_dc_name(st, name, c);
}

/* A DC asked for any DC of its own domain answers ERROR_NO_SUCH_DOMAIN
** (1355), as Windows does: NetGetAnyDCName looks in trusted domains. */
uint32_t lm_shim_NetGetAnyDCName(lm_call *c) {
    uint8_t *name = NULL;
    uint32_t st = NetGetAnyDCName(c->server, c->name, &name);
    return wrap_dc_name(st, name, c);
}

/* ---- join information and joinable OUs ---- */

uint32_t lm_shim_NetGetJoinInformation(lm_call *c) {
    const char *name = NULL;
    uint16_t type = 0;
    uint32_t st = rpc_fault(NetGetJoinInformation(c->server, &name, &type));
    if (st != 0) {
        if (name != NULL) NetApiBufferFree((void *)name);
        return st;
    }
    const char *strs[] = {name};
    const char *copy[1];
    LM_JOIN_INFORMATION *w = block_with_strings(sizeof *w, strs, 1, copy);
    if (name != NULL) NetApiBufferFree((void *)name);
    if (w == NULL) return 8;
    w->name = copy[0];
    w->status = type;
    c->buffer = w;
    return 0;
}

/* libnetapi hands out the OU strings without a NetApi buffer of their own
** (on the remote path they live in the call's temporary memory), so they
** are copied at once and never passed to NetApiBufferFree. */
uint32_t lm_shim_NetGetJoinableOUs(lm_call *c) {
    uint32_t n = 0;
    const char **ous = NULL;
    uint32_t st = rpc_fault(NetGetJoinableOUs(c->server, c->name, c->name2,
                                              c->name3, &n, &ous));
    if (st != 0) return st;
    if (ous == NULL) n = 0;
    const char **copy = calloc(n ? n : 1, sizeof *copy);
    if (copy == NULL) return 8;
    LM_JOINABLE_OU *w = block_with_strings((size_t)n * sizeof *w, ous, n, copy);
    if (w == NULL) {
        free(copy);
        return 8;
    }
    for (uint32_t i = 0; i < n; i++) w[i].ou = copy[i];
    free(copy);
    c->buffer = w;
    c->read = n;
    c->total = n;
    return 0;
}

/* ---- join, unjoin, rename ---- */

uint32_t lm_shim_NetJoinDomain(lm_call *c) {
    const lm_domain_args *a = c->input;
    return rpc_fault(NetJoinDomain(c->server, c->name, c->name2, c->name3,
                                   a->password, c->number));
}

uint32_t lm_shim_NetUnjoinDomain(lm_call *c) {
    return rpc_fault(NetUnjoinDomain(c->server, c->name2, c->name3,
                                     c->number));
}

uint32_t lm_shim_NetRenameMachineInDomain(lm_call *c) {
    return rpc_fault(NetRenameMachineInDomain(c->server, c->name, c->name2,
                                              c->name3, c->number));
}

/* ---- offline join ---- */

/* Always runs on this machine (libnetapi has no remote path): it finds
** the DC (dcname, the call's server) itself, creates the account there and
** returns the blob as base64 text. */
uint32_t lm_shim_NetProvisionComputerAccount(lm_call *c) {
    const char *text = NULL;
    uint32_t st = NetProvisionComputerAccount(c->name, c->name2, c->name3,
                                              c->server, c->number, NULL,
                                              NULL, &text);
    if (st != 0 || text == NULL) {
        if (text != NULL) NetApiBufferFree((void *)text);
        return st != 0 ? st : 2710;   /* NERR_BadOfflineJoinInfo */
    }
    const char *strs[] = {text};
    const char *copy[1];
    LM_PROVISION_DATA *w = block_with_strings(sizeof *w, strs, 1, copy);
    NetApiBufferFree((void *)text);
    if (w == NULL) return 8;
    w->provision_text_data = copy[0];
    c->buffer = w;
    return 0;
}

/* libnetapi copies exactly the bytes given and then base64-decodes that
** copy as a C string, reading on up to a NUL the caller's bytes need not
** have.  So it is given the blob with its terminator: one NUL byte, or two
** for UTF-16 text (a djoin file starts with the UTF-16 byte order mark). */
uint32_t lm_shim_NetRequestOfflineDomainJoin(lm_call *c) {
    const lm_domain_args *a = c->input;
    const uint8_t *data = (const uint8_t *)a->data;
    uint8_t *copy = NULL;
    size_t size = 0;
    if (a->size != 0) {
        int wide = a->size >= 2 && data[0] == 0xff && data[1] == 0xfe;
        size = a->size + (wide ? 2 : 1);
        if (size > UINT32_MAX) return 87;   /* ERROR_INVALID_PARAMETER */
        copy = calloc(1, size);
        if (copy == NULL) return 8;
        memcpy(copy, data, a->size);
    }
    uint32_t st = NetRequestOfflineDomainJoin(copy, (uint32_t)size, c->number,
                                              c->name);
    free(copy);
    return st;
}

/* ---- shutdown ---- */

uint32_t lm_shim_NetShutdownInit(lm_call *c) {
    const lm_domain_args *a = c->input;
    return NetShutdownInit(c->server, c->name, c->number,
                           (uint8_t)a->force_apps, (uint8_t)a->do_reboot);
}

uint32_t lm_shim_NetShutdownAbort(lm_call *c) {
    return NetShutdownAbort(c->server);
}
#endif /* !_WIN32 */
