/*
** test_core.c -- the C core against the real test DC (tests/dc/lanman-dc).
** Reads the DC's env file named by LANMAN_DC_ENV.  Exit status 0 only if
** every check passed.
*/
#define _POSIX_C_SOURCE 200809L   /* strcasecmp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "dc_env.h"
#include "lanman.h"


/* ---- helpers ---- */

/* Index of the field named name in b's level, or -1. */
static long field_index(const lanman_buffer *b, const char *name) {
    const lanman_level *l = lanman_buffer_level(b);
    for (size_t i = 0; l && i < l->nfields; i++)
        if (strcmp(l->fields[i].name, name) == 0) return (long)i;
    return -1;
}

/* Copies field name of record i as text into out ("" if absent). */
static void field_text(const lanman_buffer *b, uint32_t i, const char *name,
                       char *out, size_t size) {
    lanman_value v;
    lanman_error err;
    long f = field_index(b, name);
    out[0] = '\0';
    if (f < 0 || lanman_record_field(b, i, (size_t)f, &v, &err) != LANMAN_OK)
        return;
    if (!v.is_null && v.str) snprintf(out, size, "%s", v.str);
    lanman_value_clear(&v);
}

static uint32_t field_u32(const lanman_buffer *b, uint32_t i, const char *name) {
    lanman_value v;
    lanman_error err;
    long f = field_index(b, name);
    if (f < 0 || lanman_record_field(b, i, (size_t)f, &v, &err) != LANMAN_OK)
        return 0xDEADBEEF;
    return v.u32;
}

static uint64_t live_buffers(void) {
    uint64_t a, f;
    lanman_buffer_stats(&a, &f);
    return a - f;
}

/* ---- tests ---- */

static lanman_creds *admin;

static void test_server_info(void) {
    lanman_buffer *b;
    lanman_error err;
    uint32_t levels[] = {100, 101, 102};
    for (size_t i = 0; i < 3; i++) {
        lanman_status st = lanman_NetServerGetInfo(admin, env_server, levels[i],
                                                   &b, &err);
        CHECK(st == LANMAN_OK, "level %u: %s", levels[i], err.message);
        if (st != LANMAN_OK) continue;
        char name[64];
        field_text(b, 0, "name", name, sizeof name);
        CHECK(lanman_buffer_count(b) == 1, "count %u", lanman_buffer_count(b));
        CHECK(strcasecmp(name, env_hostname) == 0, "name '%s' vs '%s'", name,
              env_hostname);
        CHECK(field_u32(b, 0, "platform_id") == 500, "platform_id");
        lanman_buffer_destroy(b);
    }
}

static void test_user_enum_paging(void) {
    char seen[64][32];
    int nseen = 0, pages = 0, dup = 0;
    uint32_t resume = 0, total;
    int found_alice = 0, found_last = 0;
    do {
        lanman_buffer *b;
        lanman_error err;
        lanman_status st = lanman_NetUserEnum(admin, env_server, 0, 0, 256, &b,
                                              &total, &resume, &err);
        CHECK(st == LANMAN_OK, "%s", err.message);
        if (st != LANMAN_OK) return;
        pages++;
        for (uint32_t i = 0; i < lanman_buffer_count(b); i++) {
            char name[32];
            field_text(b, i, "name", name, sizeof name);
            for (int j = 0; j < nseen; j++) dup += strcmp(seen[j], name) == 0;
            if (nseen < 64) snprintf(seen[nseen++], sizeof seen[0], "%s", name);
            found_alice += strcmp(name, "alice") == 0;
            found_last += strcmp(name, "lmuser39") == 0;
        }
        lanman_buffer_destroy(b);
    } while (resume != 0 && pages < 1000);
    CHECK(pages > 1, "prefmaxlen 256 gave %d page(s)", pages);
    CHECK(dup == 0, "%d user(s) returned twice", dup);
    CHECK(found_alice == 1 && found_last == 1, "alice %d lmuser39 %d",
          found_alice, found_last);
    CHECK(nseen >= 43, "only %d users", nseen);
}

static void test_user_sid_and_hours(void) {
    lanman_buffer *b;
    lanman_error err;
    lanman_status st = lanman_NetUserGetInfo(admin, env_server, "alice", 23, &b,
                                             &err);
    CHECK(st == LANMAN_OK, "%s", err.message);
    if (st == LANMAN_OK) {
        char sid[192], full[64];
        field_text(b, 0, "user_sid", sid, sizeof sid);
        field_text(b, 0, "full_name", full, sizeof full);
        CHECK(strncmp(sid, "S-1-5-21-", 9) == 0, "sid '%s'", sid);
        CHECK(strcmp(full, "Alice Adams") == 0, "full_name '%s'", full);
        lanman_buffer_destroy(b);
    }
    st = lanman_NetUserGetInfo(admin, env_server, "alice", 2, &b, &err);
    CHECK(st == LANMAN_OK, "%s", err.message);
    if (st == LANMAN_OK) {
        lanman_value v;
        long f = field_index(b, "logon_hours");
        CHECK(f >= 0 && lanman_record_field(b, 0, (size_t)f, &v, &err) == 0,
              "logon_hours");
        CHECK(!v.is_null && v.len == 21, "logon_hours len %zu", v.len);
        lanman_buffer_destroy(b);
    }
}

static void test_errors(void) {
    lanman_buffer *b = (lanman_buffer *)&b;   /* must come back NULL */
    lanman_error err;
    lanman_status st = lanman_NetUserGetInfo(admin, env_server, "nosuchuser",
                                             1, &b, &err);
    CHECK(st == LANMAN_E_NETAPI && err.code == 2221, "code %u", err.code);
    CHECK(strcmp(err.name, "NERR_UserNotFound") == 0, "name %s", err.name);
    CHECK(strcmp(err.function, "NetUserGetInfo") == 0, "fn %s", err.function);
    CHECK(strcmp(err.server, env_server) == 0, "server %s", err.server);
    CHECK(b == NULL, "out not NULL on failure");

    st = lanman_NetUserEnum(admin, env_server, 7, 0, 0, &b, &(uint32_t){0},
                            &(uint32_t){0}, &err);
    CHECK(st == LANMAN_E_ARG && strcmp(err.argument, "level") == 0,
          "bad level: %d %s", st, err.argument);

    char longname[300];
    memset(longname, 'x', 257);
    longname[257] = '\0';
    st = lanman_NetUserGetInfo(admin, env_server, longname, 1, &b, &err);
    CHECK(st == LANMAN_E_ARG && strcmp(err.argument, "username") == 0,
          "long name: %d %s", st, err.argument);
    st = lanman_NetUserGetInfo(admin, env_server, "\xff\xfe", 1, &b, &err);
    CHECK(st == LANMAN_E_ARG, "invalid UTF-8 accepted");

    lanman_creds *wrong = lanman_creds_new(env_user, "not-the-password",
                                           env_domain, 0);
    st = lanman_NetServerGetInfo(wrong, env_server, 101, &b, &err);
    CHECK(st == LANMAN_E_NETAPI && err.code == 1326,
          "wrong password: %d code %u (%s)", st, err.code, err.message);
    CHECK(strstr(err.message, "not-the-password") == NULL, "password leaked");
    lanman_creds_free(wrong);
    /* the right credentials work again on the same process */
    st = lanman_NetServerGetInfo(admin, env_server, 101, &b, &err);
    CHECK(st == LANMAN_OK, "after wrong password: %s", err.message);
    if (st == LANMAN_OK) lanman_buffer_destroy(b);
}

static void test_buffer_lifecycle(void) {
    lanman_buffer *b;
    lanman_error err;
    lanman_value v;
    uint64_t before = live_buffers();
    lanman_status st = lanman_NetShareGetInfo(admin, env_server, env_share, 2,
                                              &b, &err);
    CHECK(st == LANMAN_OK, "%s", err.message);
    if (st != LANMAN_OK) return;
    CHECK(live_buffers() == before + 1, "live not counted");

    /* Records outlive the libnetapi context they came from. */
    lanman_context_shutdown();
    char remark[64];
    field_text(b, 0, "remark", remark, sizeof remark);
    CHECK(strcmp(remark, "lanman test share") == 0, "remark '%s'", remark);

    uint32_t size = 0;
    CHECK(lanman_NetApiBufferSize(b, &size, &err) == LANMAN_OK && size > 64,
          "size %u", size);
    CHECK(lanman_buffer_free(b, &err) == LANMAN_OK, "free");
    CHECK(lanman_buffer_free(b, &err) == LANMAN_E_FREED, "double free");
    CHECK(lanman_record_field(b, 0, 0, &v, &err) == LANMAN_E_FREED,
          "use after free");
    CHECK(lanman_buffer_count(b) == 0, "count after free");
    lanman_buffer_destroy(b);
    CHECK(live_buffers() == before, "live %llu", (unsigned long long)live_buffers());

    st = lanman_NetApiBufferAllocate(100, &b, &err);
    CHECK(st == LANMAN_OK, "allocate");
    CHECK(lanman_NetApiBufferSize(b, &size, &err) == 0 && size == 100, "%u", size);
    CHECK(lanman_NetApiBufferReallocate(b, 4000, &err) == 0, "realloc");
    CHECK(lanman_NetApiBufferSize(b, &size, &err) == 0 && size == 4000, "%u", size);
    lanman_buffer_destroy(b);
    CHECK(live_buffers() == before, "after raw buffer");
}

/* The core measures the context as often as the bound needs (context.c,
** bound_memory): with a bound below what any context holds, every call
** finds it past the bound and re-initialises it, a single-record call as
** much as an enumeration. */
static void test_memory_bound(void) {
    uint64_t reinits = lanman_context_reinits();
    uint64_t bound = lanman_context_memory_bound();
    CHECK(bound == 4u << 20, "default bound %llu", (unsigned long long)bound);
    lanman_context_set_memory_bound(1);   /* every context exceeds it */
    for (int i = 0; i < 3; i++) {
        lanman_buffer *b;
        lanman_error err;
        lanman_status st = lanman_NetServerGetInfo(admin, env_server, 100, &b,
                                                   &err);
        CHECK(st == LANMAN_OK, "call %d after reinit: %s", i, err.message);
        if (st == LANMAN_OK) lanman_buffer_destroy(b);
    }
    CHECK(lanman_context_reinits() == reinits + 3, "reinits %llu -> %llu",
          (unsigned long long)reinits,
          (unsigned long long)lanman_context_reinits());
    reinits = lanman_context_reinits();
    lanman_buffer *users;
    lanman_error err;
    uint32_t total = 0, resume = 0;
    lanman_status st = lanman_NetUserEnum(admin, env_server, 0, 0, 0xFFFFFFFFu,
                                          &users, &total, &resume, &err);
    CHECK(st == LANMAN_OK && lanman_buffer_count(users) > 1, "NetUserEnum: %s",
          err.message);
    if (st == LANMAN_OK) lanman_buffer_destroy(users);
    CHECK(lanman_context_reinits() == reinits + 1, "an enumeration: reinits "
          "%llu -> %llu", (unsigned long long)reinits,
          (unsigned long long)lanman_context_reinits());
    lanman_context_set_memory_bound(bound);
}

int main(void) {
    read_env();
    admin = lanman_creds_new(env_user, env_password, env_domain, 0);
    uint64_t base = live_buffers();
    test_server_info();
    test_user_enum_paging();
    test_user_sid_and_hours();
    test_errors();
    test_buffer_lifecycle();
    test_memory_bound();
    CHECK(live_buffers() == base, "buffers leaked: %llu",
          (unsigned long long)(live_buffers() - base));
    lanman_creds_free(admin);
    lanman_context_shutdown();
    printf("test_core: %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
