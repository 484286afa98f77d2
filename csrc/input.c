/*
** input.c -- input records for write calls (Add, SetInfo, member lists),
** built field by field from a dict or table through the same level
** descriptors that decode results.  Platform neutral: the shim writes
** strings and SIDs in the platform's representation.
**
** Ownership: an input owns its records and an arena holding every string,
** SID and byte array they point to; lanman_input_free() wipes the arena
** (it may hold passwords) and frees everything.
*/
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* One arena block; data is zeroed on allocation. */
struct lm_arena {
    struct lm_arena *next;
    size_t size;
    _Alignas(max_align_t) unsigned char data[];
};

void *lm_arena_alloc(lm_arena **arena, size_t size) {
    lm_arena *b = calloc(1, sizeof *b + size);
    if (b == NULL) return NULL;
    b->size = size;
    b->next = *arena;
    *arena = b;
    return b->data;
}

void lm_arena_free(lm_arena **arena) {
    lm_arena *a = *arena;
    *arena = NULL;
    while (a != NULL) {
        lm_arena *next = a->next;
        lm_wipe(a->data, a->size);
        free(a);
        a = next;
    }
}

struct lanman_input {
    const lanman_level *level;
    uint32_t count;
    char *records;       /* count * struct_size bytes, zeroed; owned */
    unsigned char *set;  /* count * nfields flags: field was set; owned */
    lm_arena *arena;     /* what the records point to; owned */
};

lanman_status lanman_input_new(const char *family, uint32_t level,
                               uint32_t count, lanman_input **out,
                               lanman_error *err) {
    *out = NULL;
    const lanman_level *l = lanman_level_find(family, level);
    if (l == NULL)
        return lm_err_arg(err, "input", "level", "%s has no level %lu",
                          family, (unsigned long)level);
    if (count == 0 || count > 100000)
        return lm_err_arg(err, "input", "records",
                          "%lu records: give 1 to 100000",
                          (unsigned long)count);
    lanman_input *in = calloc(1, sizeof *in);
    if (in != NULL) {
        in->level = l;
        in->count = count;
        in->records = calloc(count, l->struct_size);
        in->set = calloc((size_t)count * l->nfields, 1);
    }
    if (in == NULL || in->records == NULL || in->set == NULL) {
        lanman_input_free(in);
        return lm_err_netapi(err, "input", NULL, 8, NULL);
    }
    *out = in;
    return LANMAN_OK;
}

void lanman_input_free(lanman_input *in) {
    if (in == NULL) return;
    if (in->records) lm_wipe(in->records, in->count * in->level->struct_size);
    free(in->records);
    free(in->set);
    lm_arena_free(&in->arena);
    free(in);
}

const lanman_level *lanman_input_level(const lanman_input *in) {
    return in->level;
}

uint32_t lanman_input_count(const lanman_input *in) { return in->count; }

const void *lm_input_records(const lanman_input *in) { return in->records; }

lanman_status lanman_input_field(const lanman_input *in, const char *name,
                                 size_t *field, lanman_error *err) {
    const lanman_level *l = in->level;
    for (size_t i = 0; i < l->nfields; i++) {
        if (strcmp(l->fields[i].name, name) == 0) {
            *field = i;
            return LANMAN_OK;
        }
    }
    char known[400] = "";
    for (size_t i = 0; i < l->nfields; i++) {
        size_t used = strlen(known);
        if (used + strlen(l->fields[i].name) + 8 >= sizeof known) break;
        snprintf(known + used, sizeof known - used, "%s%s", i ? ", " : "",
                 l->fields[i].name);
    }
    return lm_err_field(err, LANMAN_E_ARG, l->struct_name, name,
                        "is not a field of %s (fields: %s)", l->struct_name,
                        known);
}

/* Checks index and field; returns the field's address in its record. */
static char *field_at(lanman_input *in, uint32_t index, size_t field,
                      lanman_status *st, lanman_error *err) {
    if (index >= in->count || field >= in->level->nfields) {
        *st = lm_err_arg(err, in->level->struct_name, "record",
                         "record %lu field %lu out of range",
                         (unsigned long)index, (unsigned long)field);
        return NULL;
    }
    *st = LANMAN_OK;
    return in->records + (size_t)index * in->level->struct_size +
           in->level->fields[field].offset;
}

static lanman_status wrong_type(const lanman_input *in, size_t field,
                                const char *given, lanman_error *err) {
    static const char *const wanted[] = {
        [LANMAN_T_STR] = "text", [LANMAN_T_U32] = "an integer",
        [LANMAN_T_I32] = "an integer",
        [LANMAN_T_U8] = "an integer", [LANMAN_T_TIME] = "an integer",
        [LANMAN_T_SID] = "a SID string (S-1-...)",
        [LANMAN_T_HOURS] = "bytes", [LANMAN_T_SECDESC] = "bytes",
        [LANMAN_T_BYTES] = "bytes"};
    const lanman_field *f = &in->level->fields[field];
    return lm_err_field(err, LANMAN_E_TYPE, in->level->struct_name, f->name,
                        "must be %s, not %s", wanted[f->type], given);
}

static void mark(lanman_input *in, uint32_t index, size_t field) {
    in->set[(size_t)index * in->level->nfields + field] = 1;
}

lanman_status lanman_input_set_text(lanman_input *in, uint32_t index,
                                    size_t field, const char *value,
                                    size_t len, lanman_error *err) {
    lanman_status st;
    char *at = field_at(in, index, field, &st, err);
    if (at == NULL) return st;
    const lanman_field *f = &in->level->fields[field];
    if (f->type != LANMAN_T_STR && f->type != LANMAN_T_SID)
        return wrong_type(in, field, "text", err);
    const char *why = NULL;
    if (value == NULL) {
        void *none = NULL;
        memcpy(at, &none, sizeof none);
    } else if (lm_utf8_length(value, len) < 0) {
        why = "is not valid UTF-8 (or holds a NUL character)";
    } else if (f->type == LANMAN_T_STR) {
        why = lm_shim_write_str(at, value, len, &in->arena);
    } else {
        /* value holds len bytes, not necessarily NUL-terminated (found by
        ** fuzz/fuzz_input.c: strlen read past them); a SID's text is short. */
        char text[256];
        int oom = 0;
        void *sid = NULL;
        if (len < sizeof text) {
            memcpy(text, value, len);
            text[len] = '\0';
            sid = lm_sid_parse(text, &in->arena, &oom);
        }
        if (sid != NULL) memcpy(at, &sid, sizeof sid);
        else why = oom ? "out of memory"
                       : "is not a SID string like S-1-5-21-1-2-3-500";
    }
    if (why != NULL)
        return lm_err_field(err, LANMAN_E_ARG, in->level->struct_name, f->name,
                            "%s", why);
    mark(in, index, field);
    return LANMAN_OK;
}

lanman_status lanman_input_set_number(lanman_input *in, uint32_t index,
                                      size_t field, int64_t value,
                                      lanman_error *err) {
    lanman_status st;
    char *at = field_at(in, index, field, &st, err);
    if (at == NULL) return st;
    const lanman_field *f = &in->level->fields[field];
    int64_t min = 0, max = 0xFFFFFFFF;
    if (f->type == LANMAN_T_U8) max = 0xFF;
    if (f->type == LANMAN_T_I32) min = INT32_MIN, max = INT32_MAX;
    if (f->type != LANMAN_T_U32 && f->type != LANMAN_T_U8 &&
        f->type != LANMAN_T_TIME && f->type != LANMAN_T_I32)
        return wrong_type(in, field, "an integer", err);
    if (value < min || value > max)
        return lm_err_field(err, LANMAN_E_ARG, in->level->struct_name, f->name,
                            "%lld is out of range %lld..%lld",
                            (long long)value, (long long)min, (long long)max);
    if (f->type == LANMAN_T_U8) {
        uint8_t v = (uint8_t)value;
        memcpy(at, &v, 1);
    } else {
        uint32_t v = (uint32_t)(int32_t)value;   /* I32: its 32 bits */
        if (f->type != LANMAN_T_I32) v = (uint32_t)value;
        memcpy(at, &v, sizeof v);
    }
    mark(in, index, field);
    return LANMAN_OK;
}

lanman_status lanman_input_set_bytes(lanman_input *in, uint32_t index,
                                     size_t field, const void *value,
                                     size_t len, lanman_error *err) {
    lanman_status st;
    char *at = field_at(in, index, field, &st, err);
    if (at == NULL) return st;
    const lanman_field *f = &in->level->fields[field];
    const char *why = NULL;
    if (f->type == LANMAN_T_HOURS) {
        /* Up to a bit per minute of the week; units_per_week follows the
        ** length unless the record sets it. */
        if (len == 0 || len > 1260) {
            why = "must hold 1 to 1260 bytes (21 for hours of the week)";
        } else {
            void *copy = lm_arena_alloc(&in->arena, len);
            if (copy == NULL) return lm_err_netapi(err, "input", NULL, 8, NULL);
            memcpy(copy, value, len);
            memcpy(at, &copy, sizeof copy);
            size_t units_field = 0;
            char *rec = in->records + (size_t)index * in->level->struct_size;
            uint32_t units;
            memcpy(&units, rec + f->aux, sizeof units);
            if (units == 0) {
                units = (uint32_t)len * 8;
                memcpy(rec + f->aux, &units, sizeof units);
            }
            for (size_t i = 0; i < in->level->nfields; i++)
                if (in->level->fields[i].offset == f->aux) units_field = i;
            mark(in, index, units_field);
        }
    } else if (f->type == LANMAN_T_SECDESC) {
        why = lm_shim_write_secdesc(at, value, len, &in->arena);
    } else if (f->type == LANMAN_T_BYTES) {
        if (len != f->aux)
            return lm_err_field(err, LANMAN_E_ARG, in->level->struct_name,
                                f->name, "must hold exactly %lu bytes",
                                (unsigned long)f->aux);
        {
            void *copy = lm_arena_alloc(&in->arena, len);
            if (copy == NULL) return lm_err_netapi(err, "input", NULL, 8, NULL);
            memcpy(copy, value, len);
            memcpy(at, &copy, sizeof copy);
        }
    } else {
        return wrong_type(in, field, "bytes", err);
    }
    if (why != NULL)
        return lm_err_field(err, LANMAN_E_ARG, in->level->struct_name, f->name,
                            "%s", why);
    mark(in, index, field);
    return LANMAN_OK;
}

lanman_status lanman_input_check(const lanman_input *in, lanman_error *err) {
    const lanman_level *l = in->level;
    for (uint32_t r = 0; r < in->count; r++)
        for (size_t i = 0; i < l->nfields; i++)
            if ((l->fields[i].flags & LANMAN_F_REQUIRED) &&
                !in->set[(size_t)r * l->nfields + i])
                return lm_err_field(err, LANMAN_E_ARG, l->struct_name,
                                    l->fields[i].name,
                                    "is required%s",
                                    in->count > 1 ? " in every record" : "");
    return LANMAN_OK;
}
