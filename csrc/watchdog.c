/*
** watchdog.c -- the call timeout (lanman_context_set_timeout).
**
** libnetapi has no timeout setting: it waits 20 s for a server to accept
** and negotiate a connection and 10 s for each RPC answer (measured on
** Samba 4.17), and the core's retry after a connection failure can add
** the two up (60 s were measured against a frozen server).  smb.conf has
** no client timeout parameter either.  So the core bounds a call itself:
** while a call runs, a watchdog thread looks at the process's SMB
** connections (TCP to port 445 or 139); one that has waited `timeout`
** for the server -- still connecting, or, when no SMB connection of the
** process has received anything for `timeout`, one the call has sent on
** -- is shut down (shutdown(2): the descriptor stays libnetapi's), which
** makes libnetapi fail the call at once.  The core
** then reports ERROR_SEM_TIMEOUT and drops the context (context.c).
**
** So the timeout bounds how long a call waits for a server that does not
** answer, not how long a call may run: an enumeration whose server keeps
** answering is never cut.  Connections that are idle (their last request
** answered) are never touched, nor are sockets to other ports -- but for
** CLDAP (UDP to port 389): the DC lookup some calls make first pings the
** DC for a fixed 6 s, so once the call has run for `timeout` those
** sockets are shut down too (on Linux that ends the wait for an answer).
**
** Linux reads the connections from /proc/self/net/tcp{,6} and
** /proc/self/fd and each one's TCP_INFO; elsewhere the watchdog is a
** no-op (netapi32's own timeouts apply on Windows).
*/
#if defined(__linux__)
#define _GNU_SOURCE   /* pthread_condattr_setclock, readlink, O_CLOEXEC */
#endif

#include "internal.h"

#if defined(__linux__)
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The default: libnetapi's own bound on connecting. */
#define LM_DEFAULT_TIMEOUT_MS 20000u
/* How often the watchdog looks again once a call has run for `timeout`. */
#define LM_WATCHDOG_TICK_MS 50u

static struct {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int started;              /* the thread runs (reset in a fork child) */
    int stopping;             /* the module is being unloaded: thread ends */
    int idle;                 /* the thread waits for a call, untimed */
    struct timespec until;    /* else: when its timed wait ends */
    pthread_t thread;         /* joinable; joined by stop_thread */
    int armed;                /* a call is running */
    uint64_t generation;      /* bumped per arm: a sweep for an old call
                              ** never marks a new one */
    struct timespec begin;    /* CLOCK_MONOTONIC start of the call */
    uint32_t timeout_ms;      /* for the running call; 0 = off */
    atomic_int fired;         /* the running call's connections were cut */
} wd = {.lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER};

static atomic_uint timeout_setting = LM_DEFAULT_TIMEOUT_MS;

static uint64_t ms_between(const struct timespec *a, const struct timespec *b) {
    int64_t ms = (int64_t)(b->tv_sec - a->tv_sec) * 1000 +
                 (b->tv_nsec - a->tv_nsec) / 1000000;
    return ms < 0 ? 0 : (uint64_t)ms;
}

static struct timespec after_ms(const struct timespec *t, uint64_t ms) {
    struct timespec r = *t;
    r.tv_sec += (time_t)(ms / 1000);
    r.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (r.tv_nsec >= 1000000000L) {
        r.tv_sec++;
        r.tv_nsec -= 1000000000L;
    }
    return r;
}

/* ---- finding the connections ---- */

enum { TCP_STATE_ESTABLISHED = 1, TCP_STATE_SYN_SENT = 2 };
/* Not a kernel state: a connected UDP socket to port 389 (CLDAP). */
enum { SOCK_CLDAP = 100 };

typedef struct {
    unsigned long inode;
    int state;                /* a TCP state, or SOCK_CLDAP */
} smb_sock;

/* Sockets of this process's network namespace the watchdog may cut, from
** one /proc/self/net file: TCP to port 445 or 139, connecting or
** connected; UDP (udp != 0) connected to port 389. */
static size_t read_sock_table(const char *path, int udp, smb_sock *out,
                              size_t n, size_t max) {
    FILE *f = fopen(path, "re");
    if (f == NULL) return n;
    char line[512];
    if (fgets(line, sizeof line, f) == NULL) {   /* header */
        fclose(f);
        return n;
    }
    while (n < max && fgets(line, sizeof line, f)) {
        char local[64], remote[64];
        unsigned st;
        unsigned long inode;
        /* sl local rem st tx:rx tr:when retrnsmt uid timeout inode */
        if (sscanf(line, "%*s %63s %63s %x %*s %*s %*s %*s %*s %lu", local,
                   remote, &st, &inode) != 4)
            continue;
        const char *colon = strrchr(remote, ':');
        if (colon == NULL || inode == 0) continue;
        unsigned long port = strtoul(colon + 1, NULL, 16);
        if (udp) {
            /* a connected UDP socket shows the TCP "established" state */
            if (port != 389 || st != TCP_STATE_ESTABLISHED) continue;
            st = SOCK_CLDAP;
        } else {
            if (port != 445 && port != 139) continue;
            if (st != TCP_STATE_ESTABLISHED && st != TCP_STATE_SYN_SENT)
                continue;
        }
        out[n].inode = inode;
        out[n].state = (int)st;
        n++;
    }
    fclose(f);
    return n;
}

/* Marks call `gen` timed out; 0 if it has ended already (nothing to cut). */
static int mark_fired(uint64_t gen) {
    pthread_mutex_lock(&wd.lock);
    int live = wd.armed && wd.generation == gen;
    if (live) atomic_store(&wd.fired, 1);
    pthread_mutex_unlock(&wd.lock);
    return live;
}

/* One SMB connection of the process: its descriptor, state and timers. */
typedef struct {
    int fd;
    int state;
    uint32_t last_sent_ms, last_recv_ms;   /* ms ago (TCP_INFO) */
} smb_conn;

/* The call has run `elapsed_ms` >= timeout_ms.  It is stalled when no SMB
** connection of the process has received anything for timeout_ms: the
** call can only progress by receiving.  Then every connection it used
** (sent on since it began) is shut down, and every connection attempt
** still unanswered, and every CLDAP ping; idle connections (cached ones
** to other servers) stay.
** Returns how many were cut. */
static int sweep(uint32_t timeout_ms, uint64_t elapsed_ms, uint64_t gen) {
    smb_sock socks[256];
    smb_conn conns[256];
    size_t n = read_sock_table("/proc/self/net/tcp", 0, socks, 0, 256);
    n = read_sock_table("/proc/self/net/tcp6", 0, socks, n, 256);
    n = read_sock_table("/proc/self/net/udp", 1, socks, n, 256);
    n = read_sock_table("/proc/self/net/udp6", 1, socks, n, 256);
    if (n == 0) return 0;
    DIR *d = opendir("/proc/self/fd");
    if (d == NULL) return 0;
    size_t nc = 0;
    struct dirent *e;
    while (nc < 256 && (e = readdir(d)) != NULL) {
        char *end;
        long fd = strtol(e->d_name, &end, 10);
        if (*end != '\0' || fd < 0 || fd == dirfd(d)) continue;
        struct stat sb;
        if (fstat((int)fd, &sb) != 0 || !S_ISSOCK(sb.st_mode)) continue;
        for (size_t i = 0; i < n; i++) {
            if ((unsigned long)sb.st_ino != socks[i].inode) continue;
            smb_conn *c = &conns[nc++];
            c->fd = (int)fd;
            c->state = socks[i].state;
            c->last_sent_ms = c->last_recv_ms = UINT32_MAX;
            struct tcp_info ti;
            socklen_t len = sizeof ti;
            memset(&ti, 0, sizeof ti);
            if (c->state == TCP_STATE_ESTABLISHED &&
                getsockopt((int)fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0) {
                c->last_sent_ms = ti.tcpi_last_data_sent;
                c->last_recv_ms = ti.tcpi_last_data_recv;
            }
            break;
        }
    }
    int stalled = 1;
    for (size_t i = 0; i < nc; i++)
        if (conns[i].state == TCP_STATE_ESTABLISHED &&
            conns[i].last_recv_ms < timeout_ms)
            stalled = 0;
    int cut = 0;
    for (size_t i = 0; i < nc; i++) {
        smb_conn *c = &conns[i];
        /* Sent on during the call: the kernel's timers count in jiffies,
        ** so allow for their rounding (and for idle lanman connections,
        ** which the core drops after a timeout anyway). */
        if (c->state == TCP_STATE_SYN_SENT || c->state == SOCK_CLDAP ||
            (stalled && c->last_sent_ms < elapsed_ms + 1000)) {
            /* Marked first: the call may return the moment it is cut. */
            if (cut == 0 && !mark_fired(gen)) break;
            shutdown(c->fd, SHUT_RDWR);
            cut++;
        }
    }
    closedir(d);
    return cut;
}

/* ---- the thread ---- */

static void *watchdog_main(void *arg) {
    (void)arg;
    pthread_mutex_lock(&wd.lock);
    for (;;) {
        while (!wd.armed && !wd.stopping) {
            wd.idle = 1;
            pthread_cond_wait(&wd.wake, &wd.lock);
        }
        wd.idle = 0;
        if (wd.stopping) break;
        uint64_t gen = wd.generation;
        uint32_t t = wd.timeout_ms;
        struct timespec now, due = after_ms(&wd.begin, t);
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (ms_between(&wd.begin, &now) >= t)
            due = after_ms(&now, LM_WATCHDOG_TICK_MS);
        wd.until = due;
        while (wd.armed && wd.generation == gen && !wd.stopping &&
               pthread_cond_timedwait(&wd.wake, &wd.lock, &due) != ETIMEDOUT)
            ;
        if (wd.stopping) break;
        if (!wd.armed || wd.generation != gen) continue;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (ms_between(&wd.begin, &now) < t) continue;
        uint64_t elapsed = ms_between(&wd.begin, &now);
        pthread_mutex_unlock(&wd.lock);
        sweep(t, elapsed, gen);
        pthread_mutex_lock(&wd.lock);
    }
    pthread_mutex_unlock(&wd.lock);
    return NULL;
}

/* Runs when the library holding this code is unloaded or the process
** exits: Lua dlclose()s its C modules at exit, and a thread still in
** this code after that crashes the process (SIGSEGV, seen by the Lua
** suite).  So the thread is told to end and joined first. */
__attribute__((destructor)) static void stop_thread(void) {
    pthread_mutex_lock(&wd.lock);
    int running = wd.started;
    wd.stopping = 1;
    wd.started = 0;
    pthread_cond_signal(&wd.wake);
    pthread_mutex_unlock(&wd.lock);
    if (running) pthread_join(wd.thread, NULL);
}

static void forget_thread_in_child(void) {
    /* The child has no watchdog thread; locks are re-made. */
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    wd.lock = m;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&wd.wake, &ca);
    pthread_condattr_destroy(&ca);
    wd.started = 0;
    wd.armed = 0;
}

/* Lock held.  Starts the thread once; 0 if it runs. */
static int start_thread(void) {
    if (wd.started) return 0;
    if (wd.stopping) return -1;   /* unloading: no new thread */
    static int atfork_done;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_destroy(&wd.wake);
    pthread_cond_init(&wd.wake, &ca);
    pthread_condattr_destroy(&ca);
    if (!atfork_done) {
        pthread_atfork(NULL, NULL, forget_thread_in_child);
        atfork_done = 1;
    }
    /* The thread takes no signal: they stay the script's. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    int rc = pthread_create(&wd.thread, &attr, watchdog_main, NULL);
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc == 0) wd.started = 1;
    return rc;
}

/* Arming and disarming wake the thread only when they must: when it waits
** for a call with no deadline, or when this call's deadline comes before
** the end of its current wait (the timeout was lowered).  Otherwise it
** finds the new call when its wait ends -- no thread switch per call,
** which cost small calls some 50 us each. */
void lm_watchdog_arm(void) {
    uint32_t t = atomic_load(&timeout_setting);
    pthread_mutex_lock(&wd.lock);
    atomic_store(&wd.fired, 0);
    if (t != 0 && start_thread() == 0) {
        clock_gettime(CLOCK_MONOTONIC, &wd.begin);
        wd.timeout_ms = t;
        wd.generation++;
        wd.armed = 1;
        struct timespec due = after_ms(&wd.begin, t);
        if (wd.idle || due.tv_sec < wd.until.tv_sec ||
            (due.tv_sec == wd.until.tv_sec && due.tv_nsec < wd.until.tv_nsec))
            pthread_cond_signal(&wd.wake);
    }
    pthread_mutex_unlock(&wd.lock);
}

int lm_watchdog_fired(void) { return atomic_load(&wd.fired); }

int lm_watchdog_disarm(void) {
    pthread_mutex_lock(&wd.lock);
    wd.armed = 0;   /* the thread sees it when its wait ends */
    pthread_mutex_unlock(&wd.lock);
    return atomic_load(&wd.fired);
}

void lanman_context_set_timeout(uint32_t ms) { atomic_store(&timeout_setting, ms); }
uint32_t lanman_context_timeout(void) { return atomic_load(&timeout_setting); }

#else /* no watchdog: the platform's own timeouts apply */

static volatile uint32_t timeout_setting = 20000u;

void lm_watchdog_arm(void) {}
int lm_watchdog_fired(void) { return 0; }
int lm_watchdog_disarm(void) { return 0; }
void lanman_context_set_timeout(uint32_t ms) { timeout_setting = ms; }
uint32_t lanman_context_timeout(void) { return timeout_setting; }

#endif
