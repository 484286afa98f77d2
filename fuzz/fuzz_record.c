/*
** fuzz_record.c -- libFuzzer target over the record decoder, the way a
** NetApi result reaches it: records of a level as libnetapi would return
** them (NULL or odd strings, SIDs with any sub-authority count, logon
** hours with any units_per_week, empty arrays), made self-contained by
** lm_shim_adopt, wrapped in a buffer, then every field of every record
** read with lanman_record_field.  Nothing goes on the wire.
**
** Input: byte 0 picks the level, byte 1 the record count (0..7); the rest
** feeds the fields in order: 1 byte of choice, then what the type needs.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "internal.h"
#include "platform.h"

/* Up to max bytes of the feed, NUL-terminated, into heap (bump allocator
** inside the source block). */
static char *take_str(feed *f, char **heap, size_t max) {
    size_t len = take8(f) % (max + 1);
    if (len > f->n) len = f->n;
    char *s = *heap;
    memcpy(s, f->p, len);
    s[len] = '\0';            /* an embedded NUL just ends it early */
    f->p += len;
    f->n -= len;
    *heap += len + 1;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    feed f = {data, size};
    size_t nlevels = lanman_level_count();
    if (nlevels == 0) return 0;
    const lanman_level *lvl = lanman_level_at(take8(&f) % nlevels);
    uint32_t count = take8(&f) % 8;

    /* Records first, then room for everything they point to: at most
    ** 256 bytes per string, 1260 per hours array, a full SID, aux bytes. */
    size_t per = 0;
    for (size_t i = 0; i < lvl->nfields; i++)
        per += 1260 + 256 + LM_SID_SIZE + lvl->fields[i].aux + 16;
    size_t total = (size_t)count * (lvl->struct_size + per) + 8;
    void *src = NULL;
    if (NetApiBufferAllocate((uint32_t)total, &src) != 0 || src == NULL)
        return 0;
    memset(src, 0, total);
    char *heap = (char *)src + (size_t)count * lvl->struct_size;

    for (uint32_t r = 0; r < count; r++) {
        char *rec = (char *)src + (size_t)r * lvl->struct_size;
        for (size_t i = 0; i < lvl->nfields; i++) {
            const lanman_field *fd = &lvl->fields[i];
            char *at = rec + fd->offset;
            uint8_t choice = take8(&f);
            void *ptr = NULL;
            switch (fd->type) {
            case LANMAN_T_U32:
            case LANMAN_T_I32:
            case LANMAN_T_TIME: {
                uint32_t v = (uint32_t)take_be(&f, 4);
                memcpy(at, &v, sizeof v);
                break;
            }
            case LANMAN_T_U8:
                *(uint8_t *)at = take8(&f);
                break;
            case LANMAN_T_STR:
                if (choice & 1) ptr = take_str(&f, &heap, 255);
                memcpy(at, &ptr, sizeof ptr);
                break;
            case LANMAN_T_SID:
                if (choice & 1) {
                    uint8_t *sid = (uint8_t *)heap;
                    heap += LM_SID_SIZE;
                    sid[0] = take8(&f);           /* revision */
                    sid[1] = take8(&f);           /* any count, even > 15 */
                    for (size_t k = 2; k < LM_SID_SIZE; k++) sid[k] = take8(&f);
                    ptr = sid;
                }
                memcpy(at, &ptr, sizeof ptr);
                break;
            case LANMAN_T_HOURS:
                /* the units_per_week field is a U32 of the same record,
                ** fed (any value) by its own turn */
                if (choice & 1) {
                    ptr = heap;
                    for (size_t k = 0; k < 1260; k++) heap[k] = (char)take8(&f);
                    heap += 1260;
                }
                memcpy(at, &ptr, sizeof ptr);
                break;
            case LANMAN_T_BYTES:
                if (choice & 1) {
                    ptr = heap;
                    for (size_t k = 0; k < fd->aux; k++) heap[k] = (char)take8(&f);
                    heap += fd->aux;
                }
                memcpy(at, &ptr, sizeof ptr);
                break;
            case LANMAN_T_SECDESC:   /* a parsed descriptor: not fed here */
                memcpy(at, &ptr, sizeof ptr);
                break;
            }
        }
    }

    lm_call c;
    memset(&c, 0, sizeof c);
    c.desc = lvl;
    c.is_enum = 1;
    c.read = count;
    c.buffer = count ? src : NULL;
    if (count == 0) NetApiBufferFree(src);
    if (lm_shim_adopt(&c) != 0) return 0;   /* src freed by adopt */
    lanman_buffer *b = lm_buffer_wrap(c.buffer, c.read, lvl);
    if (b == NULL) return 0;
    lanman_error err;
    lanman_value v;
    for (uint32_t r = 0; r <= lanman_buffer_count(b); r++) {   /* one past */
        for (size_t i = 0; i <= lvl->nfields; i++) {          /* one past */
            if (lanman_record_field(b, r, i, &v, &err) == LANMAN_OK) {
                if ((v.type == LANMAN_T_STR || v.type == LANMAN_T_SID) &&
                    !v.is_null && strlen(v.str) != v.len)
                    abort();                /* a length that lies */
                volatile uint8_t sink = 0;
                for (size_t k = 0; v.bytes && k < v.len; k++) sink ^= v.bytes[k];
                (void)sink;
                lanman_value_clear(&v);
            }
        }
    }
    lanman_buffer_destroy(b);
    return 0;
}
