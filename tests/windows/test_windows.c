/*
** test_windows.c -- the core on Windows' netapi32, cross-compiled with
** mingw-w64 and run under Wine by `make windows-test`.  Checks the local
** machine only (Wine has no remote NetApi server to ask).  Exit status 0
** only if every check passed.
*/
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "lanman.h"


static uint64_t live_buffers(void) {
    uint64_t a, f;
    lanman_buffer_stats(&a, &f);
    return a - f;
}

/* Field name of record 0 as text into out ("" if absent or NULL). */
static void field_text(const lanman_buffer *b, const char *name, char *out,
                       size_t size) {
    const lanman_level *l = lanman_buffer_level(b);
    out[0] = '\0';
    for (size_t i = 0; l && i < l->nfields; i++) {
        lanman_value v;
        lanman_error err;
        if (strcmp(l->fields[i].name, name) != 0) continue;
        if (lanman_record_field(b, 0, i, &v, &err) == LANMAN_OK && !v.is_null &&
            v.str)
            snprintf(out, size, "%s", v.str);
        lanman_value_clear(&v);
    }
}

static uint32_t field_u32(const lanman_buffer *b, const char *name) {
    const lanman_level *l = lanman_buffer_level(b);
    for (size_t i = 0; l && i < l->nfields; i++) {
        lanman_value v;
        lanman_error err;
        if (strcmp(l->fields[i].name, name) == 0 &&
            lanman_record_field(b, 0, i, &v, &err) == LANMAN_OK)
            return v.u32;
    }
    return 0xDEADBEEF;
}

static void test_buffers(void) {
    lanman_buffer *b;
    lanman_error err;
    uint32_t size = 0;
    uint64_t base = live_buffers();
    CHECK(lanman_NetApiBufferAllocate(64, &b, &err) == LANMAN_OK, "%s",
          err.message);
    CHECK(lanman_NetApiBufferSize(b, &size, &err) == LANMAN_OK && size >= 64,
          "size %u", size);
    CHECK(lanman_NetApiBufferReallocate(b, 4096, &err) == LANMAN_OK, "%s",
          err.message);
    CHECK(lanman_NetApiBufferSize(b, &size, &err) == LANMAN_OK && size >= 4096,
          "size after realloc %u", size);
    CHECK(live_buffers() == base + 1, "live");
    CHECK(lanman_buffer_free(b, &err) == LANMAN_OK, "free");
    CHECK(lanman_buffer_free(b, &err) == LANMAN_E_FREED, "double free");
    lanman_buffer_destroy(b);
    CHECK(live_buffers() == base, "live after free");
}

static char computername[64];

static void test_wksta(void) {
    uint32_t levels[] = {100, 101, 102};
    for (size_t i = 0; i < 3; i++) {
        lanman_buffer *b;
        lanman_error err;
        lanman_status st = lanman_NetWkstaGetInfo(NULL, NULL, levels[i], &b, &err);
        CHECK(st == LANMAN_OK, "level %u: %s", levels[i], err.message);
        if (st != LANMAN_OK) continue;
        char langroup[64];
        field_text(b, "computername", computername, sizeof computername);
        field_text(b, "langroup", langroup, sizeof langroup);
        CHECK(computername[0] != '\0', "empty computername");
        CHECK(langroup[0] != '\0', "empty langroup");
        CHECK(field_u32(b, "platform_id") == 500, "platform_id %u",
              field_u32(b, "platform_id"));
        lanman_buffer_destroy(b);
    }
}

static void test_server(void) {
    lanman_buffer *b;
    lanman_error err;
    lanman_status st = lanman_NetServerGetInfo(NULL, NULL, 101, &b, &err);
    CHECK(st == LANMAN_OK, "%s", err.message);
    if (st != LANMAN_OK) return;
    char name[64];
    field_text(b, "name", name, sizeof name);
    CHECK(_stricmp(name, computername) == 0, "server name '%s' vs '%s'", name,
          computername);
    CHECK(field_u32(b, "platform_id") == 500, "platform_id");
    lanman_buffer_destroy(b);
}

static void test_users(void) {
    lanman_buffer *b;
    lanman_error err;
    uint32_t total = 0, resume = 0;
    lanman_status st = lanman_NetUserEnum(NULL, NULL, 0, 0, 0xFFFFFFFFu, &b,
                                          &total, &resume, &err);
    CHECK(st == LANMAN_OK, "%s", err.message);
    if (st != LANMAN_OK) return;
    CHECK(lanman_buffer_count(b) >= 1, "no users");
    char name[128];
    field_text(b, "name", name, sizeof name);
    CHECK(name[0] != '\0', "first user has no name");
    CHECK(resume == 0, "resume %u after the only page", resume);
    lanman_buffer_destroy(b);

    /* The same user by name, at a level Wine answers. */
    st = lanman_NetUserGetInfo(NULL, NULL, name, 0, &b, &err);
    CHECK(st == LANMAN_OK, "NetUserGetInfo(%s): %s", name, err.message);
    if (st == LANMAN_OK) {
        char again[128];
        field_text(b, "name", again, sizeof again);
        CHECK(strcmp(again, name) == 0, "'%s' vs '%s'", again, name);
        lanman_buffer_destroy(b);
    }
    resume = 0;
    st = lanman_NetUserEnum(NULL, NULL, 20, 0, 0xFFFFFFFFu, &b, &total, &resume,
                            &err);
    CHECK(st == LANMAN_OK, "level 20: %s", err.message);
    if (st == LANMAN_OK) {
        CHECK(field_u32(b, "user_id") != 0xDEADBEEF, "user_id missing");
        lanman_buffer_destroy(b);
    }

    /* Non-ASCII goes through UTF-16 and back: a missing user whose name
    ** needs it gives the same clean NERR_UserNotFound. */
    st = lanman_NetUserGetInfo(NULL, NULL, "n\xc3\xa4mand", 0, &b, &err);
    CHECK(st == LANMAN_E_NETAPI && err.code == 2221, "%d %s", st, err.message);
    st = lanman_NetUserGetInfo(NULL, NULL, "bad\xff", 0, &b, &err);
    CHECK(st == LANMAN_E_ARG && strcmp(err.argument, "username") == 0,
          "invalid UTF-8: %d %s", st, err.message);
}

/* The local machine's join state: a name and a NETSETUP_JOIN_STATUS
** (Wine reports a workgroup). */
static void test_join_information(void) {
    lanman_buffer *b;
    lanman_error err;
    lanman_status st = lanman_NetGetJoinInformation(NULL, NULL, &b, &err);
    CHECK(st == LANMAN_OK, "%s", err.message);
    if (st != LANMAN_OK) return;
    char name[128];
    field_text(b, "name", name, sizeof name);
    uint32_t status = field_u32(b, "status");
    CHECK(name[0] != '\0', "empty join name");
    CHECK(status >= 1 && status <= 3, "NETSETUP_JOIN_STATUS %u", status);
    printf("test_windows: joined to '%s', status %u\n", name, status);
    lanman_buffer_destroy(b);
}

/* A missing share, and a call Wine does not implement (NetShareEnum is a
** stub there, measured: 50), fail cleanly with code, name and function. */
static void test_errors(void) {
    lanman_buffer *b;
    lanman_error err;
    uint32_t total, resume = 0;
    lanman_status st = lanman_NetShareGetInfo(NULL, NULL, "nosuchshare", 2,
                                              &b, &err);
    CHECK(st == LANMAN_E_NETAPI && err.code == 2310, "%d %s", st, err.message);
    CHECK(strcmp(err.name, "NERR_NetNameNotFound") == 0, "%s", err.name);
    st = lanman_NetShareEnum(NULL, NULL, 1, 0xFFFFFFFFu, &b, &total, &resume,
                             &err);
    CHECK(st == LANMAN_E_NETAPI && err.code == 50, "%d %s", st, err.message);
    CHECK(strcmp(err.name, "ERROR_NOT_SUPPORTED") == 0, "%s", err.name);
    CHECK(strstr(err.message, "NetShareEnum") != NULL, "%s", err.message);
    CHECK(b == NULL, "buffer on failure");
}

int main(void) {
    uint64_t base = live_buffers();
    test_buffers();
    test_wksta();
    test_server();
    test_users();
    test_join_information();
    test_errors();
    CHECK(live_buffers() == base, "buffers leaked");
    printf("test_windows: %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
