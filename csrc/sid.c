/*
** sid.c -- SIDs as text ("S-1-5-21-...", MS-DTYP 2.4.2.1) and back, on the
** binary layout Samba's struct domsid and Windows' SID share (internal.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int lm_sid_format(const void *sid, char *text, size_t size) {
    const uint8_t *b = sid;
    int count = b[1];
    if (count > LM_SID_MAX_SUBAUTHS) return -1;
    uint64_t auth = 0;
    for (int i = 0; i < 6; i++) auth = (auth << 8) | b[2 + i];
    /* The authority in hex when it needs more than 32 bits. */
    int n = auth >> 32
        ? snprintf(text, size, "S-%u-0x%012llX", (unsigned)b[0],
                   (unsigned long long)auth)
        : snprintf(text, size, "S-%u-%llu", (unsigned)b[0],
                   (unsigned long long)auth);
    for (int i = 0; i < count && n > 0 && (size_t)n < size; i++) {
        uint32_t sub;
        memcpy(&sub, b + 8 + 4 * i, sizeof sub);
        n += snprintf(text + n, size - (size_t)n, "-%lu", (unsigned long)sub);
    }
    return n > 0 && (size_t)n < size ? 0 : -1;
}

void *lm_sid_parse(const char *s, lm_arena **arena, int *oom) {
    char *end;
    *oom = 0;
    if ((s[0] != 'S' && s[0] != 's') || s[1] != '-') return NULL;
    unsigned long rev = strtoul(s + 2, &end, 10);
    if (end == s + 2 || *end != '-' || rev > 255) return NULL;
    const char *p = end + 1;
    unsigned long long auth = strtoull(p, &end, 0);
    if (end == p || auth >> 48) return NULL;
    uint32_t sub[LM_SID_MAX_SUBAUTHS];
    int count = 0;
    while (*end == '-') {
        p = end + 1;
        unsigned long long v = strtoull(p, &end, 10);
        if (end == p || v > 0xFFFFFFFFull || count >= LM_SID_MAX_SUBAUTHS)
            return NULL;
        sub[count++] = (uint32_t)v;
    }
    if (*end != '\0') return NULL;
    uint8_t *b = lm_arena_alloc(arena, LM_SID_SIZE);
    if (b == NULL) {
        *oom = 1;
        return NULL;
    }
    b[0] = (uint8_t)rev;
    b[1] = (uint8_t)count;
    for (int i = 0; i < 6; i++) b[2 + i] = (uint8_t)(auth >> (8 * (5 - i)));
    memcpy(b + 8, sub, 4 * (size_t)count);
    return b;
}
