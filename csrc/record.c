/*
** record.c -- reads one field of one record out of a buffer, driven by the
** level descriptor.  The only place that does pointer arithmetic on NetApi
** structs; strings, SIDs and security descriptors go through the shim,
** which knows the platform's representation.
*/
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Minutes in a week: the finest logon-hours unit Windows defines, so a
** larger count is corrupt data and is clamped rather than over-read. */
#define LM_MAX_UNITS_PER_WEEK 10080u

lanman_status lanman_record_field(const lanman_buffer *b, uint32_t index,
                                  size_t field, lanman_value *v,
                                  lanman_error *err) {
    /* Only the members every reader looks at: clearing all of *v (its
    ** text buffer included) would cost more than decoding the field. */
    v->type = LANMAN_T_U32;
    v->is_null = 0;
    v->u32 = 0;
    v->str = NULL;
    v->bytes = NULL;
    v->len = 0;
    v->owned = NULL;
    if (b->freed) return lm_err_freed(err, "record");
    if (b->level == NULL)
        return lm_err_arg(err, "record", "buffer",
                          "raw NetApiBufferAllocate memory has no records");
    if (index >= b->count) {
        lm_err_arg(err, "record", "index", "%lu is out of range (%lu records)",
                   (unsigned long)index, (unsigned long)b->count);
        err->kind = LANMAN_E_RANGE;
        return LANMAN_E_RANGE;
    }
    if (field >= b->level->nfields)
        return lm_err_arg(err, "record", "field", "%lu is out of range",
                          (unsigned long)field);

    const lanman_field *f = &b->level->fields[field];
    const char *rec = (const char *)b->data + (size_t)index *
                      b->level->struct_size;
    const char *at = rec + f->offset;
    v->type = f->type;
    switch (f->type) {
    case LANMAN_T_U32:
    case LANMAN_T_I32:
    case LANMAN_T_TIME:
        memcpy(&v->u32, at, sizeof v->u32);
        break;
    case LANMAN_T_U8:
        v->u32 = *(const uint8_t *)at;
        break;
    case LANMAN_T_STR:
        lm_shim_read_str(at, v);
        break;
    case LANMAN_T_SID: {
        const void *sid;
        memcpy(&sid, at, sizeof sid);
        v->is_null = sid == NULL ||
                     lm_sid_format(sid, v->text, sizeof v->text) != 0;
        v->str = v->is_null ? NULL : v->text;
        v->len = v->is_null ? 0 : strlen(v->text);
        break;
    }
    case LANMAN_T_SECDESC:
        lm_shim_read_secdesc(at, v);
        break;
    case LANMAN_T_BYTES: {
        const uint8_t *bytes;
        memcpy(&bytes, at, sizeof bytes);
        v->is_null = bytes == NULL;
        v->bytes = bytes;
        v->len = bytes ? f->aux : 0;
        break;
    }
    case LANMAN_T_HOURS: {
        /* A bit per unit of the week: units_per_week bits, rounded up. */
        const uint8_t *hours;
        uint32_t units;
        memcpy(&hours, at, sizeof hours);
        memcpy(&units, rec + f->aux, sizeof units);
        v->is_null = hours == NULL;
        v->bytes = hours;
        if (units > LM_MAX_UNITS_PER_WEEK) units = LM_MAX_UNITS_PER_WEEK;
        v->len = hours ? (units + 7) / 8 : 0;
        break;
    }
    }
    return LANMAN_OK;
}

void lanman_value_clear(lanman_value *v) {
    free(v->owned);
    v->owned = NULL;
}
