/*
** check.h -- the C suites' one assertion: CHECK(cond, printf-args) counts
** checks and failures and prints each failure with its location.
*/
#ifndef LANMAN_TEST_CHECK_H
#define LANMAN_TEST_CHECK_H

#include <stdio.h>

static int checks, failures;

#define CHECK(cond, ...)                                             \
    do {                                                             \
        checks++;                                                    \
        if (!(cond)) {                                               \
            failures++;                                              \
            printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);   \
            printf(__VA_ARGS__);                                     \
            printf("\n");                                            \
        }                                                            \
    } while (0)

#endif /* LANMAN_TEST_CHECK_H */
