/*
** constants.c -- the NetApi constants netapi.h lacks (UF_*, STYPE_*,
** SV_TYPE_*, MAX_PREFERRED_LENGTH, ...), with the values Windows' headers
** give them.  Data only: constant_table.inc.
*/
#include "internal.h"

typedef struct lm_constant_row {
    const char *name;
    uint64_t value;
} lm_constant_row;

static const lm_constant_row constant_rows[] = {
#define LM_CONST(name, value) {#name, (value)},
#include "constant_table.inc"
#undef LM_CONST
};

size_t lanman_constant_count(void) {
    return sizeof(constant_rows) / sizeof(constant_rows[0]);
}

int lanman_constant_at(size_t i, const char **name, uint64_t *value) {
    if (i >= lanman_constant_count()) return -1;
    *name = constant_rows[i].name;
    *value = constant_rows[i].value;
    return 0;
}
