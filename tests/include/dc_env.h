/*
** dc_env.h -- the C suites read the test DC's env file (tests/dc/lanman-dc
** writes it; LANMAN_DC_ENV names it) into these strings.
*/
#ifndef LANMAN_TEST_DC_ENV_H
#define LANMAN_TEST_DC_ENV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char env_server[64], env_user[64], env_password[128], env_domain[64],
    env_hostname[64], env_share[64];

static void read_env(void) {
    const char *path = getenv("LANMAN_DC_ENV");
    FILE *f = path ? fopen(path, "r") : NULL;
    if (f == NULL) {
        fprintf(stderr, "set LANMAN_DC_ENV to the DC's env file "
                        "(tests/run-all does)\n");
        exit(2);
    }
    static const struct {
        const char *key;
        char *dst;
        size_t size;
    } keys[] = {
        {"LANMAN_TEST_SERVER=", env_server, sizeof env_server},
        {"LANMAN_TEST_USER=", env_user, sizeof env_user},
        {"LANMAN_TEST_PASSWORD=", env_password, sizeof env_password},
        {"LANMAN_TEST_DOMAIN=", env_domain, sizeof env_domain},
        {"LANMAN_TEST_HOSTNAME=", env_hostname, sizeof env_hostname},
        {"LANMAN_TEST_SHARE=", env_share, sizeof env_share},
    };
    char line[512];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
            size_t n = strlen(keys[i].key);
            if (strncmp(line, keys[i].key, n) == 0)
                snprintf(keys[i].dst, keys[i].size, "%s", line + n);
        }
    }
    fclose(f);
}

#endif /* LANMAN_TEST_DC_ENV_H */
