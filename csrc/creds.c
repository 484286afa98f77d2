/*
** creds.c -- the credentials object.  Holds its own copies of every
** string; the password copy is wiped before it is freed.
*/
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct lanman_creds {
    char *user;      /* owned, never NULL */
    char *password;  /* owned, never NULL, wiped on free */
    char *domain;    /* owned, never NULL */
    int kerberos;
};

/* Clears memory in a way the compiler may not elide. */
void lm_wipe(void *p, size_t n) {
    volatile unsigned char *v = p;
    while (n--) *v++ = 0;
}

static char *dup_or_empty(const char *s) {
    if (s == NULL) s = "";
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static void free_secret(char *s) {
    if (s) {
        lm_wipe(s, strlen(s));
        free(s);
    }
}

lanman_creds *lanman_creds_new(const char *user, const char *password,
                               const char *domain, int kerberos) {
    lanman_creds *c = calloc(1, sizeof *c);
    if (c == NULL) return NULL;
    c->user = dup_or_empty(user);
    c->password = dup_or_empty(password);
    c->domain = dup_or_empty(domain);
    c->kerberos = kerberos != 0;
    if (!c->user || !c->password || !c->domain) {
        lanman_creds_free(c);
        return NULL;
    }
    return c;
}

void lanman_creds_free(lanman_creds *c) {
    if (c == NULL) return;
    free(c->user);
    free_secret(c->password);
    free(c->domain);
    free(c);
}

lanman_creds *lm_creds_copy(const lanman_creds *c) {
    return lanman_creds_new(c->user, c->password, c->domain, c->kerberos);
}

const char *lanman_creds_user(const lanman_creds *c) { return c->user; }
const char *lanman_creds_domain(const lanman_creds *c) { return c->domain; }
int lanman_creds_kerberos(const lanman_creds *c) { return c->kerberos; }
const char *lm_creds_password(const lanman_creds *c) { return c->password; }

/* NULL means anonymous; two NULLs are equal. */
int lm_creds_equal(const lanman_creds *a, const lanman_creds *b) {
    if (a == NULL || b == NULL) return a == b;
    return a->kerberos == b->kerberos && strcmp(a->user, b->user) == 0 &&
           strcmp(a->domain, b->domain) == 0 &&
           strcmp(a->password, b->password) == 0;
}
