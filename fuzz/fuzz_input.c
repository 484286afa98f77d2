/*
** fuzz_input.c -- libFuzzer target over the dict/table -> struct encoder
** (lanman_input_*), driven as the Python and Lua layers drive it: a family
** and level (known or not), a record count, then a sequence of "set this
** key of that record to this value" steps with any key text, any bytes as
** text (non-UTF-8, embedded NULs, over-long), any number, any bytes; then
** the required-field check and a read of every record.  Nothing goes on
** the wire.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "internal.h"

/* A slice of the feed: len from one byte (scaled), bytes as they are. */
static const uint8_t *take_bytes(feed *f, size_t *len) {
    size_t want = (size_t)take8(f) * ((take8(f) & 3) + 1);
    if (want > f->n) want = f->n;
    const uint8_t *p = f->p;
    f->p += want;
    f->n -= want;
    *len = want;
    return p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    feed f = {data, size};
    size_t nlevels = lanman_level_count();
    if (nlevels == 0) return 0;
    uint8_t pick = take8(&f);
    const lanman_level *lvl = lanman_level_at(pick % nlevels);
    const char *family = lvl->family;
    uint32_t level = lvl->level;
    if (pick >= 250) family = "NO_SUCH_INFO";          /* unknown family */
    else if (pick >= 240) level = (uint32_t)take_be(&f, 8); /* odd level */
    uint32_t count = take8(&f) % 5;                    /* 0 is an error */

    lanman_input *in = NULL;
    lanman_error err;
    if (lanman_input_new(family, level, count, &in, &err) != LANMAN_OK)
        return 0;
    const lanman_level *l = lanman_input_level(in);

    while (f.n > 0) {
        uint8_t op = take8(&f);
        uint32_t index = take8(&f) % (count + 1);   /* one past: an error */
        size_t field;
        if (op & 0x80) {       /* a key given as arbitrary text */
            size_t len;
            const uint8_t *k = take_bytes(&f, &len);
            char key[64];
            if (len >= sizeof key) len = sizeof key - 1;
            memcpy(key, k, len);
            key[len] = '\0';
            if (lanman_input_field(in, key, &field, &err) != LANMAN_OK)
                continue;
        } else {               /* a key by index, maybe past the end */
            field = take8(&f) % (l->nfields + 1);
            if (field < l->nfields &&
                lanman_input_field(in, l->fields[field].name, &field, &err) !=
                    LANMAN_OK)
                abort();   /* its own field name must be found */
        }
        size_t len;
        const uint8_t *bytes;
        switch (op & 3) {
        case 0:
            bytes = take_bytes(&f, &len);
            lanman_input_set_text(in, index, field, (const char *)bytes, len, &err);
            break;
        case 1:
            lanman_input_set_text(in, index, field, NULL, 0, &err);
            break;
        case 2:
            lanman_input_set_number(in, index, field, take_be(&f, 8), &err);
            break;
        default:
            bytes = take_bytes(&f, &len);
            lanman_input_set_bytes(in, index, field, bytes, len, &err);
            break;
        }
    }
    lanman_input_check(in, &err);
    /* Read every record back as the shim would hand it on. */
    const char *recs = lm_input_records(in);
    volatile uint8_t sink = 0;
    for (size_t k = 0; recs && k < (size_t)count * l->struct_size; k++)
        sink ^= (uint8_t)recs[k];
    (void)sink;
    lanman_input_free(in);
    return 0;
}
