/*
** raw_netapi.c -- the floor: Samba's libnetapi called straight from C, no
** lanman in between.  Part of bench/ (see bench/run and bench/README.md).
**
**   raw_netapi enum LEVEL RUNS      NetUserEnum paging loop, every field of
**                                   every record touched; RUNS timed runs
**                                   after a one-page warm-up (connection)
**   raw_netapi small WHAT COUNT     COUNT calls of NetServerGetInfo 101
**                                   (WHAT=server) or NetUserGetInfo 1 of
**                                   Administrator (WHAT=user)
**   raw_netapi decode LEVEL REPS    fetch every record once, then time REPS
**                                   passes touching every field
**   raw_netapi once LEVEL           connect and enumerate once (cold)
**
** Server and credentials come from LANMAN_TEST_SERVER, _USER, _PASSWORD,
** _DOMAIN.  Prints one JSON object on stdout.
*/
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <netapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define MAX_PREFERRED_LENGTH 0xFFFFFFFFu

static volatile uint64_t sink;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t slen(const char *s) { return s ? strlen(s) : 0; }

/* Touches every field of n records of level (0 or 3), as a script would. */
static void touch(uint32_t level, const uint8_t *buf, uint32_t n) {
    uint64_t acc = 0;
    if (level == 0) {
        const struct USER_INFO_0 *u = (const void *)buf;
        for (uint32_t i = 0; i < n; i++) acc += slen(u[i].usri0_name);
    } else if (level == 20) {
        const struct USER_INFO_20 *u = (const void *)buf;
        for (uint32_t i = 0; i < n; i++)
            acc += slen(u[i].usri20_name) + slen(u[i].usri20_full_name) +
                   slen(u[i].usri20_comment) + u[i].usri20_flags +
                   u[i].usri20_user_id;
    } else {
        const struct USER_INFO_3 *u = (const void *)buf;
        for (uint32_t i = 0; i < n; i++) {
            const struct USER_INFO_3 *r = &u[i];
            acc += slen(r->usri3_name) + r->usri3_password_age + r->usri3_priv +
                   slen(r->usri3_home_dir) + slen(r->usri3_comment) +
                   r->usri3_flags + slen(r->usri3_script_path) +
                   r->usri3_auth_flags + slen(r->usri3_full_name) +
                   slen(r->usri3_usr_comment) + slen(r->usri3_parms) +
                   slen(r->usri3_workstations) + r->usri3_last_logon +
                   r->usri3_last_logoff + r->usri3_acct_expires +
                   r->usri3_max_storage + r->usri3_units_per_week +
                   r->usri3_bad_pw_count + r->usri3_num_logons +
                   slen(r->usri3_logon_server) + r->usri3_country_code +
                   r->usri3_code_page + r->usri3_user_id +
                   r->usri3_primary_group_id + slen(r->usri3_profile) +
                   slen(r->usri3_home_dir_drive) + r->usri3_password_expired;
            if (r->usri3_logon_hours)
                for (uint32_t b = 0; b < 21; b++) acc += r->usri3_logon_hours[b];
        }
    }
    sink += acc;
}

static const char *server;

/* One full enumeration; returns the record count, exits on failure. */
static uint32_t enumerate(uint32_t level, int keep, uint8_t **kept) {
    uint32_t resume = 0, total = 0, count = 0;
    NET_API_STATUS st;
    do {
        uint8_t *buf = NULL;   /* fresh NULL each call (SAMBA-NOTES) */
        uint32_t read = 0;
        st = NetUserEnum(server, level, 0, &buf, MAX_PREFERRED_LENGTH, &read,
                         &total, &resume);
        if (st != 0 && st != 234u) {
            fprintf(stderr, "NetUserEnum level %u: %u\n", level, st);
            exit(1);
        }
        touch(level, buf, read);
        count += read;
        if (keep && st == 0 && kept && *kept == NULL) *kept = buf;
        else if (buf) NetApiBufferFree(buf);
    } while (st == 234u);
    return count;
}

static long maxrss_kb(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void print_times(const char *mode, uint32_t level, uint32_t records,
                        const double *t, int n, const char *extra) {
    printf("{\"tool\": \"raw_c\", \"mode\": \"%s\", \"level\": %u, "
           "\"records\": %u, \"times\": [", mode, level, records);
    for (int i = 0; i < n; i++) printf("%s%.9f", i ? ", " : "", t[i]);
    printf("], \"maxrss_kb\": %ld%s}\n", maxrss_kb(), extra ? extra : "");
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: raw_netapi enum|small|decode|once ARG [COUNT]\n");
        return 2;
    }
    server = getenv("LANMAN_TEST_SERVER");
    const char *user = getenv("LANMAN_TEST_USER");
    const char *pass = getenv("LANMAN_TEST_PASSWORD");
    const char *dom = getenv("LANMAN_TEST_DOMAIN");
    if (!server || !user || !pass) {
        fprintf(stderr, "raw_netapi: LANMAN_TEST_SERVER/_USER/_PASSWORD unset\n");
        return 2;
    }
    struct libnetapi_ctx *ctx = NULL;
    if (libnetapi_init(&ctx) != 0) return 1;
    libnetapi_set_debuglevel(ctx, "0");
    libnetapi_set_username(ctx, user);
    libnetapi_set_password(ctx, pass);
    if (dom) libnetapi_set_workgroup(ctx, dom);

    const char *mode = argv[1];
    int count = argc > 3 ? atoi(argv[3]) : 1;
    double *t = calloc(count > 0 ? count : 1, sizeof *t);

    if (strcmp(mode, "once") == 0) {
        uint32_t level = (uint32_t)atoi(argv[2]);
        double t0 = now();
        uint32_t n = enumerate(level, 0, NULL);
        t[0] = now() - t0;
        print_times(mode, level, n, t, 1, NULL);
    } else if (strcmp(mode, "enum") == 0) {
        uint32_t level = (uint32_t)atoi(argv[2]);
        /* warm-up: connection, SAMR pipe and domain handles */
        uint8_t *buf = NULL;
        uint32_t read = 0, total = 0, resume = 0;
        NET_API_STATUS st = NetUserEnum(server, 0, 0, &buf, 1, &read, &total, &resume);
        if (st != 0 && st != 234u) {
            fprintf(stderr, "warm-up NetUserEnum: %u\n", st);
            return 1;
        }
        if (buf) NetApiBufferFree(buf);
        /* BENCH_BUDGET (seconds): no new run once the runs took that long */
        double budget = getenv("BENCH_BUDGET") ? atof(getenv("BENCH_BUDGET")) : 1e9;
        double spent = 0;
        uint32_t n = 0;
        int done = 0;
        for (int i = 0; i < count && spent < budget; i++, done++) {
            double t0 = now();
            n = enumerate(level, 0, NULL);
            t[i] = now() - t0;
            spent += t[i];
        }
        print_times(mode, level, n, t, done, NULL);
    } else if (strcmp(mode, "small") == 0) {
        int is_user = strcmp(argv[2], "user") == 0;
        for (int i = -1; i < count; i++) {   /* i = -1: warm-up */
            uint8_t *buf = NULL;
            double t0 = now();
            NET_API_STATUS st = is_user
                ? NetUserGetInfo(server, user, 1, &buf)
                : NetServerGetInfo(server, 101, &buf);
            if (st != 0) {
                fprintf(stderr, "small %s: %u\n", argv[2], st);
                return 1;
            }
            if (is_user) {
                const struct USER_INFO_1 *u = (const void *)buf;
                sink += slen(u->usri1_name) + slen(u->usri1_comment) + u->usri1_flags;
            } else {
                const struct SERVER_INFO_101 *s = (const void *)buf;
                sink += slen(s->sv101_name) + slen(s->sv101_comment) + s->sv101_type;
            }
            NetApiBufferFree(buf);
            if (i >= 0) t[i] = now() - t0;
        }
        print_times(is_user ? "small_user" : "small_server", is_user ? 1 : 101,
                    1, t, count, NULL);
    } else if (strcmp(mode, "decode") == 0) {
        uint32_t level = (uint32_t)atoi(argv[2]);
        uint8_t *buf = NULL;
        uint32_t read = 0, total = 0, resume = 0;
        NET_API_STATUS st = NetUserEnum(server, level, 0, &buf,
                                        MAX_PREFERRED_LENGTH, &read, &total, &resume);
        if (st != 0) {
            fprintf(stderr, "decode NetUserEnum: %u\n", st);
            return 1;
        }
        for (int i = 0; i < count; i++) {
            double t0 = now();
            touch(level, buf, read);
            t[i] = now() - t0;
        }
        NetApiBufferFree(buf);
        print_times(mode, level, read, t, count, NULL);
    } else {
        fprintf(stderr, "raw_netapi: unknown mode %s\n", mode);
        return 2;
    }
    free(t);
    libnetapi_free(ctx);
    return 0;
}
