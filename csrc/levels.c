/*
** levels.c -- the registry of info levels.  Each family file (levels_*.c)
** describes its levels as data: one row per field, with pywin32's key
** names (the struct field without its prefix), types and offsets.  Adding
** a level is adding rows there, never writing a converter.
*/
#include <string.h>

#include "internal.h"

static const struct {
    const lanman_level *levels;
    const size_t *count;
} families[] = {
    {lm_levels_server, &lm_levels_server_count},
    {lm_levels_user, &lm_levels_user_count},
    {lm_levels_share, &lm_levels_share_count},
    {lm_levels_group, &lm_levels_group_count},
    {lm_levels_localgroup, &lm_levels_localgroup_count},
    {lm_levels_domain, &lm_levels_domain_count},
    {lm_levels_network, &lm_levels_network_count},
};

#define NFAMILIES (sizeof families / sizeof families[0])

const lanman_level *lanman_level_find(const char *family, uint32_t level) {
    for (size_t f = 0; f < NFAMILIES; f++)
        for (size_t i = 0; i < *families[f].count; i++) {
            const lanman_level *l = &families[f].levels[i];
            if (l->level == level && strcmp(l->family, family) == 0) return l;
        }
    return NULL;
}

size_t lanman_level_count(void) {
    size_t n = 0;
    for (size_t f = 0; f < NFAMILIES; f++) n += *families[f].count;
    return n;
}

const lanman_level *lanman_level_at(size_t i) {
    for (size_t f = 0; f < NFAMILIES; f++) {
        if (i < *families[f].count) return &families[f].levels[i];
        i -= *families[f].count;
    }
    return NULL;
}
