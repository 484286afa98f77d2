/*
** test_secrets.c -- once the core is done with a password, no copy of it
** is left anywhere in the process (SECURITY.md).  Against the real test DC:
** a throwaway account is given password 1 (NetUserAdd) and logs on with
** it, changes it to 2 (NetUserChangePassword, lanman's own SAMR code; the
** domain's minimum password age is 0 meanwhile) and logs on with that,
** the administrator sets 3 (NetUserSetInfo 1003) and the user logs on
** with it, and a logon with a wrong 4 fails; then every input and
** credential is freed and the context dropped, and every readable mapping
** of the process (heap, stacks, the freed memory in them) is searched for
** each third of each password as UTF-8, the form in which the core,
** libnetapi and Samba's credentials hold it.
**
** The passwords are random and kept here only XOR-masked, so the one
** plain copy the search meets is the needle itself.
**
** Plain (make test), freed memory is soon reused, so the search sees what
** is live and what was freed last (the context's teardown).  Under ASan
** (make asan-ci) freed blocks stay in quarantine, so it sees every copy
** ever freed unwiped; there it also names the allocating function, and
** the scratch buffers of Samba's NT hash function (E_md4hash: it converts
** the password to UTF-16 and frees both unwiped), which no caller can
** reach, are listed and not counted.
*/
#define _GNU_SOURCE   /* memmem, pread, dladdr */
#include <dlfcn.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "dc_env.h"
#include "lanman.h"

#define NPW 4
#define PWLEN 24
#define MASK 0x5A

static char masked[NPW][PWLEN + 1];   /* each password XOR MASK */

static void wipe(void *p, size_t n) {
    volatile unsigned char *v = p;
    while (n--) *v++ = 0;
}

/* Makes password i: "Lm9!" and 20 random letters and digits, masked. */
static void make_password(int i) {
    static const char alnum[] = "abcdefghijklmnopqrstuvwxyz"
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char rnd[PWLEN];
    int fd = open("/dev/urandom", O_RDONLY);
    CHECK(fd >= 0 && read(fd, rnd, sizeof rnd) == (ssize_t)sizeof rnd,
          "no /dev/urandom");
    if (fd >= 0) close(fd);
    for (int k = 0; k < PWLEN; k++)
        masked[i][k] = (char)((k < 4 ? "Lm9!"[k] : alnum[rnd[k] % 62]) ^ MASK);
    masked[i][PWLEN] = '\0';
    wipe(rnd, sizeof rnd);
}

/* Unmasks password i into out (PWLEN + 1 bytes); the caller wipes it. */
static char *password(int i, char *out) {
    for (int k = 0; k < PWLEN; k++) out[k] = (char)(masked[i][k] ^ MASK);
    out[PWLEN] = '\0';
    return out;
}

/* ASan's record of where a block was allocated; absent without ASan. */
extern size_t __asan_get_alloc_stack(void *addr, void **trace, size_t size,
                                     int *thread_id) __attribute__((weak));

/* Whether ASan says the block at addr was allocated inside Samba's
** E_md4hash (see the top of the file). */
static int in_samba_nt_hash(uintptr_t addr) {
    void *trace[64];
    int thread;
    if (__asan_get_alloc_stack == NULL) return 0;
    size_t n = __asan_get_alloc_stack((void *)addr, trace, 64, &thread);
    for (size_t i = 0; i < n; i++) {
        Dl_info info;
        if (dladdr(trace[i], &info) && info.dli_sname &&
            strcmp(info.dli_sname, "E_md4hash") == 0)
            return 1;
    }
    return 0;
}

/* Occurrences of needle[0..n) in the process's readable memory, read
** through /proc/self/mem (unmapped gaps and guard pages just end a read),
** leaving out the needle itself and the read buffer. */
static unsigned char window[1 << 20];

static int occurrences(const void *needle, size_t n) {
    FILE *maps = fopen("/proc/self/maps", "r");
    int mem = open("/proc/self/mem", O_RDONLY);
    int hits = 0;
    char line[512];
    CHECK(maps != NULL && mem >= 0, "cannot read /proc/self/maps or mem");
    while (maps && mem >= 0 && fgets(line, sizeof line, maps)) {
        unsigned long lo, hi;
        char perms[8], path[256] = "";
        /* (ASan's shadow memory: terabytes, mapped as needed; no mapping
        ** lanman's data lives in comes near 1 GiB here) */
        if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %255[^\n]", &lo, &hi, perms,
                   path) < 3 || perms[0] != 'r' || strcmp(path, "[vvar]") == 0 ||
            strcmp(path, "[vsyscall]") == 0 || hi - lo > (1ul << 30))
            continue;
        /* windows overlap by n - 1 bytes: a match across two is seen once */
        for (unsigned long at = lo; at < hi; at += sizeof window - (n - 1)) {
            size_t want = hi - at < sizeof window ? hi - at : sizeof window;
            ssize_t got = pread(mem, window, want, (off_t)at);
            if (got < (ssize_t)n) break;
            const unsigned char *p = window, *end = window + got;
            while ((p = memmem(p, (size_t)(end - p), needle, n)) != NULL) {
                uintptr_t addr = at + (uintptr_t)(p - window);
                int is_needle = addr == (uintptr_t)needle;
                int in_window = addr >= (uintptr_t)window &&
                                addr < (uintptr_t)window + sizeof window;
                if (is_needle || in_window) {
                    /* the search's own */
                } else if (in_samba_nt_hash(addr)) {
                    printf("  at %#lx: Samba's E_md4hash, not counted\n",
                           (unsigned long)addr);
                } else {
                    hits++;
                    printf("  at %#lx in %s", (unsigned long)addr, line);
                }
                p++;
            }
            if (want < sizeof window) break;
        }
    }
    if (maps) fclose(maps);
    if (mem >= 0) close(mem);
    return hits;
}

/* Sets the one text field `name` of record 0. */
static void set_text(lanman_input *in, const char *name, const char *value) {
    size_t f;
    lanman_error err;
    CHECK(lanman_input_field(in, name, &f, &err) == LANMAN_OK &&
          lanman_input_set_text(in, 0, f, value, strlen(value), &err) ==
              LANMAN_OK, "field %s: %s", name, err.message);
}

static void set_number(lanman_input *in, const char *name, int64_t value) {
    size_t f;
    lanman_error err;
    CHECK(lanman_input_field(in, name, &f, &err) == LANMAN_OK &&
          lanman_input_set_number(in, 0, f, value, &err) == LANMAN_OK,
          "field %s: %s", name, err.message);
}

/* Logs on as user with password i: a NetUserGetInfo of the account. */
static lanman_status logon(const char *user, int i, lanman_error *err) {
    char pw[PWLEN + 1];
    lanman_creds *c = lanman_creds_new(user, password(i, pw), env_domain, 0);
    wipe(pw, sizeof pw);
    lanman_buffer *b = NULL;
    lanman_status st = lanman_NetUserGetInfo(c, env_server, user, 0, &b, err);
    lanman_buffer_destroy(b);
    lanman_creds_free(c);
    return st;
}

/* Sets the domain's minimum password age (USER_MODALS_INFO_1003);
** returns the one it had. */
static uint32_t set_min_password_age(lanman_creds *admin, uint32_t age) {
    lanman_error err;
    lanman_buffer *b = NULL;
    lanman_value v;
    uint32_t was = 86400;   /* the DC's default, should the read fail */
    size_t f;
    if (lanman_NetUserModalsGet(admin, env_server, 0, &b, &err) == LANMAN_OK) {
        const lanman_level *l = lanman_buffer_level(b);
        for (f = 0; f < l->nfields; f++)
            if (strcmp(l->fields[f].name, "min_passwd_age") == 0 &&
                lanman_record_field(b, 0, f, &v, &err) == LANMAN_OK)
                was = v.u32;
        lanman_buffer_destroy(b);
    }
    lanman_input *in = NULL;
    CHECK(lanman_input_new("USER_MODALS_INFO", 1003, 1, &in, &err) == LANMAN_OK,
          "%s", err.message);
    set_number(in, "min_passwd_age", age);
    CHECK(lanman_NetUserModalsSet(admin, env_server, 1003, in, &err) ==
              LANMAN_OK, "NetUserModalsSet 1003: %s", err.message);
    lanman_input_free(in);
    return was;
}

static void use_passwords(lanman_creds *admin, const char *user) {
    char pw[PWLEN + 1], old[PWLEN + 1];
    lanman_error err;
    lanman_input *in = NULL;

    CHECK(lanman_input_new("USER_INFO", 1, 1, &in, &err) == LANMAN_OK, "%s",
          err.message);
    set_text(in, "name", user);
    set_text(in, "password", password(0, pw));
    wipe(pw, sizeof pw);
    set_number(in, "priv", 1);      /* USER_PRIV_USER */
    set_number(in, "flags", 0x201); /* UF_SCRIPT | UF_NORMAL_ACCOUNT */
    CHECK(lanman_NetUserAdd(admin, env_server, 1, in, &err) == LANMAN_OK,
          "NetUserAdd: %s", err.message);
    lanman_input_free(in);
    CHECK(logon(user, 0, &err) == LANMAN_OK, "logon with 1: %s", err.message);

    CHECK(lanman_NetUserChangePassword(admin, env_server, user,
                                       password(0, old), password(1, pw),
                                       &err) == LANMAN_OK,
          "NetUserChangePassword: %s", err.message);
    wipe(old, sizeof old);
    wipe(pw, sizeof pw);
    CHECK(logon(user, 1, &err) == LANMAN_OK, "logon with 2: %s", err.message);

    CHECK(lanman_input_new("USER_INFO", 1003, 1, &in, &err) == LANMAN_OK,
          "%s", err.message);
    set_text(in, "password", password(2, pw));
    wipe(pw, sizeof pw);
    CHECK(lanman_NetUserSetInfo(admin, env_server, user, 1003, in, &err) ==
              LANMAN_OK, "NetUserSetInfo 1003: %s", err.message);
    lanman_input_free(in);
    CHECK(logon(user, 2, &err) == LANMAN_OK, "logon with 3: %s", err.message);

    CHECK(logon(user, 3, &err) != LANMAN_OK && err.code == 1326,
          "a wrong password: code %u", err.code);
    CHECK(lanman_NetUserDel(admin, env_server, user, &err) == LANMAN_OK,
          "NetUserDel: %s", err.message);
}

int main(void) {
    read_env();
    for (int i = 0; i < NPW; i++) make_password(i);
    char user[32];
    snprintf(user, sizeof user, "lmwipe%d", (int)getpid() % 100000);

    lanman_creds *admin = lanman_creds_new(env_user, env_password, env_domain, 0);
    uint32_t min_age = set_min_password_age(admin, 0);
    use_passwords(admin, user);
    set_min_password_age(admin, min_age);
    lanman_creds_free(admin);
    lanman_context_shutdown();

    for (int i = 0; i < NPW; i++) {
        char needle[PWLEN + 1], wide[2 * PWLEN];
        password(i, needle);
        for (int k = 0; k < PWLEN; k++) {
            wide[2 * k] = needle[k];
            wide[2 * k + 1] = 0;
        }
        /* by thirds: free() writes its list pointers over the first 16
        ** bytes of a freed block, so an unwiped copy survives only in part */
        int plain = 0;
        for (int k = 0; k < PWLEN; k += PWLEN / 3)
            plain += occurrences(needle + k, PWLEN / 3);
        CHECK(plain == 0, "password %d: %d copies (or thirds of one) left as "
              "UTF-8", i + 1, plain);
        int utf16 = occurrences(wide, sizeof wide);
        CHECK(utf16 == 0, "password %d: %d copies left as UTF-16", i + 1,
              utf16);
        printf("password %d: %d copies or thirds as UTF-8, %d as UTF-16\n",
               i + 1, plain, utf16);
        wipe(needle, sizeof needle);
        wipe(wide, sizeof wide);
    }
    printf("test_secrets: %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
