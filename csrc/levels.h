/*
** levels.h -- the macros level tables are written with.  Included only by
** levels_*.c, which also include platform.h for offsetof() on the
** platform's structs.
*/
#ifndef LANMAN_LEVELS_H
#define LANMAN_LEVELS_H

#include <stddef.h>

#include "internal.h"
#include "platform.h"

/* F: one field; S struct name, P member prefix, N key, T LANMAN_T_ type. */
#define F(S, P, N, T) F_(S, P, N, T, 0u)   /* expands T (BOOLEAN_T) first */
/* R: a field an input record must set (Add, SetInfo, member lists). */
#define R(S, P, N, T) F_(S, P, N, T, LANMAN_F_REQUIRED)
#define F_(S, P, N, T, FL) \
    {#N, LANMAN_T_##T, offsetof(LM_STRUCT(S), P##N), 0, FL}
/* Logon hours: the byte count comes from units_per_week beside it. */
#define HOURS(S, P)                                                   \
    {"logon_hours", LANMAN_T_HOURS, offsetof(LM_STRUCT(S), P##logon_hours), \
     offsetof(LM_STRUCT(S), P##units_per_week), 0u}
#define LEVEL(FAM, N, S, FIELDS)                                      \
    {FAM, N, #S, sizeof(LM_STRUCT(S)),                                \
     sizeof(FIELDS) / sizeof(FIELDS[0]), FIELDS}

/* BOOL in lm.h is a DWORD; libnetapi declares the same fields uint8_t. */
#ifdef _WIN32
#define BOOLEAN_T U32
#else
#define BOOLEAN_T U8
#endif

/* The count a family file exports beside its table. */
#define LEVEL_COUNT(T) (sizeof(T) / sizeof(T[0]))

#endif /* LANMAN_LEVELS_H */
