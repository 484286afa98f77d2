/*
** shim_windows_network.c -- sessions, connections, the browse list,
** logged-on users and disks on netapi32 (see calls_network.c for the
** checks before).  netapi32 returns SESSION_INFO, CONNECTION_INFO,
** SERVER_INFO and WKSTA_USER_INFO arrays as their level tables describe
** them; NetServerDiskEnum's three-character strings are copied into
** LM_DISK_INFO records.
*/
#ifdef _WIN32
#include <string.h>
#include <wchar.h>

#include "internal.h"
#include "platform.h"

const char *lm_shim_network_missing(void) { return NULL; }

/* Copies a paged call's counters into c. */
static void paged(lm_call *c, DWORD read, DWORD total, DWORD resume) {
    c->read = read;
    c->total = total;
    c->resume = resume;
}

uint32_t lm_shim_NetSessionEnum(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0, resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetSessionEnum(w.server, w.name, w.name2, c->level,
                                         (LPBYTE *)&c->buffer, c->prefmaxlen,
                                         &read, &total, &resume);
    paged(c, read, total, resume);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetSessionDel(lm_call *c) {
    lm_win_args w;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetSessionDel(w.server, w.name, w.name2);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetServerEnum(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0, resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetServerEnum(w.server, c->level, (LPBYTE *)&c->buffer,
                                        c->prefmaxlen, &read, &total, c->filter,
                                        w.name, &resume);
    paged(c, read, total, resume);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetWkstaUserEnum(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0, resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetWkstaUserEnum(w.server, c->level,
                                           (LPBYTE *)&c->buffer, c->prefmaxlen,
                                           &read, &total, &resume);
    paged(c, read, total, resume);
    lm_win_args_free(&w);
    return st;
}

uint32_t lm_shim_NetConnectionEnum(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0, resume = c->resume;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetConnectionEnum(w.server, w.name, c->level,
                                            (LPBYTE *)&c->buffer, c->prefmaxlen,
                                            &read, &total, &resume);
    paged(c, read, total, resume);
    lm_win_args_free(&w);
    return st;
}

#define ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

/* The disks come back as "C:\0" entries back to back (three WCHARs each);
** each becomes an LM_DISK_INFO record pointing at its copy. */
uint32_t lm_shim_NetServerDiskEnum(lm_call *c) {
    lm_win_args w;
    DWORD read = 0, total = 0, resume = c->resume;
    LPBYTE disks = NULL;
    lm_win_args_init(&w, c);
    uint32_t st = w.bad ? ERROR_INVALID_PARAMETER
                        : NetServerDiskEnum(w.server, c->level, &disks,
                                            c->prefmaxlen, &read, &total,
                                            &resume);
    lm_win_args_free(&w);
    if (st != 0 && st != ERROR_MORE_DATA) {
        if (disks != NULL) NetApiBufferFree(disks);
        return st;
    }
    if (disks == NULL) read = 0;
    size_t head = ALIGN8((size_t)read * sizeof(LM_DISK_INFO));
    void *block = NULL;
    if (NetApiBufferAllocate((DWORD)(head + (size_t)read * 3 * sizeof(wchar_t)),
                             &block) != 0 || block == NULL) {
        if (disks != NULL) NetApiBufferFree(disks);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    LM_DISK_INFO *r = block;
    wchar_t *text = (wchar_t *)((char *)block + head);
    for (DWORD i = 0; i < read; i++) {
        memcpy(text + 3 * i, (wchar_t *)disks + 3 * i, 3 * sizeof(wchar_t));
        text[3 * i + 2] = 0;
        r[i].disk = text + 3 * i;
    }
    if (disks != NULL) NetApiBufferFree(disks);
    c->buffer = block;
    paged(c, read, total, resume);
    return st;
}
#endif /* _WIN32 */
