/*
** context.c -- the one owner of process-wide state: the platform's NetApi
** context (libnetapi's is process-wide and not thread-safe), the lock that
** serializes every call into it, the credentials applied to it, the
** default credentials, and the buffer counters.  Nothing else in lanman
** keeps mutable global state.
**
** libnetapi caches a connection per server and never applies new
** credentials to it, stays broken after a server restart (2152 for ever)
** and keeps memory on its context per call.  So the context is dropped and
** made anew when the credentials change, after a connection-level failure
** (the call is then retried once) and when its memory passes a bound.
** Buffers handed out are made independent of the context first
** (lm_shim_adopt), so dropping it never frees memory a script still holds.
*/
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* The lock and the counters, in each platform's own primitives (MSVC's C
** has no <stdatomic.h> by default). */
#ifdef _WIN32
#include <windows.h>
typedef SRWLOCK lm_lock;
#define LM_LOCK_INIT SRWLOCK_INIT
#define lm_lock_take(l) AcquireSRWLockExclusive(l)
#define lm_lock_give(l) ReleaseSRWLockExclusive(l)
typedef volatile LONG64 lm_counter;
#define lm_count(c) ((void)InterlockedIncrement64(c))
#define lm_counted(c) ((uint64_t)InterlockedCompareExchange64(c, 0, 0))
#else
#include <pthread.h>
#include <stdatomic.h>
typedef pthread_mutex_t lm_lock;
#define LM_LOCK_INIT PTHREAD_MUTEX_INITIALIZER
#define lm_lock_take(l) pthread_mutex_lock(l)
#define lm_lock_give(l) pthread_mutex_unlock(l)
typedef atomic_uint_fast64_t lm_counter;
#define lm_count(c) ((void)atomic_fetch_add(c, 1))
#define lm_counted(c) ((uint64_t)atomic_load(c))
#endif

/* Re-initialise once libnetapi keeps more than this on its context.  It
** keeps 26 bytes per NetServerGetInfo, 2.5 KB per NetUserGetInfo level
** 3 and 5.4 MB per level-3 enumeration of 2,000 users, and the process
** holds 2-5 times as much in malloc overhead (measured), so 4 MiB keeps a
** long-running script within some 20 MiB of its start at the cost of one
** reconnect every few thousand calls. */
#define LM_DEFAULT_MEMORY_BOUND (4u * 1024u * 1024u)

/* Measuring the context walks its whole talloc tree: near the bound that
** costs 40% of a NetUserGetInfo, and 0.1 ms of a 1 ms enumeration of 100
** names (callgrind).  So the core measures only as often as the bound
** needs: it counts the records calls return (1 for a call that returns
** none), and measures once they could have used half of the headroom
** left at the last measurement, at the bytes per record the context grew
** by between the last two measurements, or LM_GROWTH_GUESS if that is
** more (libnetapi keeps 2.5-2.7 KB per user at level 3, above).  The
** bound is then passed by at most what calls keep beyond that rate: a
** burst shortens the next interval, which learns its rate. */
#define LM_GROWTH_GUESS 3072u     /* bytes per record, before any measure */
#define LM_MEASURE_MAX 1024u      /* records between measurements, at most */

static struct {
    lm_lock lock;             /* guards every field but the atomics */
    void *ctx;                /* platform context, owned; NULL until used */
    lanman_creds *applied;    /* owned copy of the creds ctx was given */
    lanman_creds *defaults;   /* owned; NULL means anonymous */
    uint64_t memory_bound;
    uint64_t measured;        /* the context's size when last measured */
    uint64_t since;           /* records returned since then (1 a call at
                              ** least) */
    uint64_t due;             /* measure once `since` reaches this */
    uint64_t per_record;      /* bytes kept per record, last interval */
    lm_counter reinits;
    uint64_t epoch;           /* contexts made so far (a server-side
                              ** enumeration lives as long as its context) */
    lm_counter allocated;     /* NetApi buffers handed out */
    lm_counter freed;         /* NetApi buffers freed */
} owner = {LM_LOCK_INIT, NULL, NULL, NULL, LM_DEFAULT_MEMORY_BOUND,
             0, 0, 1, LM_GROWTH_GUESS, 0, 0, 0, 0};

/* Status codes after which libnetapi's cached connection is dead:
** ERROR_UNEXP_NET_ERR, ERROR_NETNAME_DELETED, NERR_InternalError (2152,
** what libnetapi answers for ever after a server restart),
** RPC_S_SERVER_UNAVAILABLE, RPC_S_CALL_FAILED. */
static int is_connection_failure(uint32_t code) {
    return code == 59 || code == 64 || code == 2152 || code == 1722 ||
           code == 1726;
}

/* Lock held.  When to measure next: after the records that could use half
** the headroom at the most bytes per record seen, 1 to LM_MEASURE_MAX. */
static void schedule_measure(void) {
    uint64_t headroom = owner.memory_bound > owner.measured
                            ? owner.memory_bound - owner.measured : 0;
    uint64_t due = headroom / 2 / owner.per_record;
    owner.since = 0;
    owner.due = due < 1 ? 1 : due > LM_MEASURE_MAX ? LM_MEASURE_MAX : due;
}

/* Lock held.  Frees the context and what was applied to it. */
static void drop_context(void) {
    if (owner.ctx == NULL) return;
    lm_shim_context_free(owner.ctx);
    owner.ctx = NULL;
    lanman_creds_free(owner.applied);
    owner.applied = NULL;
    lm_count(&owner.reinits);
    owner.measured = 0;
    schedule_measure();
}

/* Lock held, after a call that returned `records`.  Measures the context
** when due (see LM_GROWTH_GUESS) and drops it past the bound. */
static void bound_memory(uint32_t records) {
    if (owner.ctx == NULL) return;
    owner.since += records > 1 ? records : 1;
    if (owner.since < owner.due) return;
    uint64_t size = lm_shim_context_memory(owner.ctx);
    /* (a fresh context's first measure is its baseline: what making it
    ** and connecting kept says nothing of the calls) */
    if (owner.measured != 0) {
        uint64_t rate = size > owner.measured
                            ? (size - owner.measured) / owner.since : 0;
        owner.per_record = rate > LM_GROWTH_GUESS ? rate : LM_GROWTH_GUESS;
    }
    owner.measured = size;
    if (size > owner.memory_bound)
        drop_context();            /* which schedules the next measure */
    else
        schedule_measure();
}

/* Lock held.  Makes sure a context exists with `want` applied. */
static uint32_t ensure_context(const lanman_creds *want) {
    if (owner.ctx != NULL && !lm_creds_equal(owner.applied, want))
        drop_context();
    if (owner.ctx != NULL) return 0;
    uint32_t code = lm_shim_context_new(&owner.ctx);
    if (code != 0) {
        owner.ctx = NULL;
        return code;
    }
    owner.epoch++;
    code = lm_shim_context_creds(owner.ctx, want);
    if (code == 0 && want != NULL) {
        owner.applied = lm_creds_copy(want);
        if (owner.applied == NULL) code = 8;   /* ERROR_NOT_ENOUGH_MEMORY */
    }
    if (code != 0) drop_context();
    return code;
}

/* ---- resume handles that die with the context ----
** Samba's SAMR server keeps NetUserEnum's enumeration on the domain handle
** of the connection: its resume handle is the index of the next record,
** valid only on the context that handed it out.  A context made anew
** between two pages (new credentials, recovery, memory bound) would answer
** the next page with nothing and resume 0 -- a silently short list.  So
** the core remembers which context handed out each such resume handle; a
** page asked of another context is cut from the whole list fetched afresh
** (lm_shim_page), which gives what the old context would have given as
** long as the accounts did not change in between. */
#ifndef _WIN32
static int resume_is_index(lm_shim_fn fn) { return fn == lm_shim_NetUserEnum; }
#else
static int resume_is_index(lm_shim_fn fn) { (void)fn; return 0; }
#endif

#define LM_RESUMES 64
static struct {
    lm_shim_fn fn;
    uint64_t server;          /* FNV-1a of the server name */
    uint32_t resume;
    uint64_t epoch;
} resumes[LM_RESUMES];        /* guarded by owner.lock */
static size_t resumes_next;

static uint64_t server_hash(const char *s) {
    uint64_t h = 1469598103934665603u;
    for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* Lock held.  The epoch of the context that handed out this resume
** handle, or the current one if it is not known. */
static uint64_t resume_epoch(lm_shim_fn fn, const char *server, uint32_t r) {
    uint64_t h = server_hash(server);
    for (size_t k = 1; k <= LM_RESUMES; k++) {
        size_t i = (resumes_next + LM_RESUMES - k) % LM_RESUMES;
        if (resumes[i].fn == fn && resumes[i].server == h &&
            resumes[i].resume == r)
            return resumes[i].epoch;
    }
    return owner.epoch;
}

static void remember_resume(lm_shim_fn fn, const char *server, uint32_t r) {
    resumes[resumes_next].fn = fn;
    resumes[resumes_next].server = server_hash(server);
    resumes[resumes_next].resume = r;
    resumes[resumes_next].epoch = owner.epoch;
    resumes_next = (resumes_next + 1) % LM_RESUMES;
}

lanman_status lm_context_call(const lanman_creds *creds, lm_shim_fn fn,
                              lm_call *c, lanman_error *err) {
    char detail[256];
    uint32_t resume_in = c->resume, prefmax_in = c->prefmaxlen;
    uint32_t code;

    lm_lock_take(&owner.lock);
    const lanman_creds *want = creds ? creds : owner.defaults;
    lm_watchdog_arm();             /* bounds waiting on a silent server */
    for (int attempt = 0;; attempt++) {
        detail[0] = '\0';
        code = ensure_context(want);
        if (code != 0) break;
        c->buffer = NULL;          /* a stale *buffer aborts libnetapi */
        int refetch = resume_in != 0 && resume_is_index(fn) &&
                      (attempt > 0 ||
                       resume_epoch(fn, c->server, resume_in) != owner.epoch);
        c->resume = refetch ? 0 : resume_in;
        c->prefmaxlen = refetch ? 0xFFFFFFFFu : prefmax_in;
        c->read = c->total = 0;
        c->more = 0;
        c->creds = want;           /* for thunks with connections of their own */
        code = lm_shim_invoke(owner.ctx, fn, c, detail, sizeof detail);
        c->prefmaxlen = prefmax_in;
#ifndef _WIN32
        if (refetch && code == 0) {            /* the page the old context
                                               ** would have given */
            c->resume = resume_in;
            code = lm_shim_page(c);
        } else if (refetch && code == 234) {   /* no whole list: say so */
            code = 2152;                       /* NERR_InternalError */
            snprintf(detail, sizeof detail, "the enumeration was lost "
                     "with the connection; start it again with resume 0");
        }
#endif
        if (code == 0 || code == 234) {        /* 234: ERROR_MORE_DATA */
            c->more = code == 234;
            if (c->more && resume_is_index(fn))
                remember_resume(fn, c->server, c->resume);
            uint32_t adopted = lm_shim_adopt(c);
            if (adopted != 0) code = adopted;
            break;
        }
        if (c->buffer != NULL) {   /* failures hand out nothing */
            lm_shim_buffer_free(c->buffer);
            c->buffer = NULL;
        }
        /* A timeout (the watchdog's or libnetapi's own) is not retried:
        ** the script asked for an answer within that time. */
        if (lm_watchdog_fired() || code == 121) break;
        if (attempt > 0 || !is_connection_failure(code)) break;
        drop_context();            /* then retry once on a fresh one */
    }
    if (lm_watchdog_disarm() && code != 0 && code != 234) {
        code = 121;                /* ERROR_SEM_TIMEOUT, as netapi32 says */
        snprintf(detail, sizeof detail, "no answer from the server within "
                 "%.3g s (lanman's call timeout)",
                 lanman_context_timeout() / 1000.0);
    }
    /* A connection that timed out or failed is of no further use (1003:
    ** libnetapi could not connect, and keeps the first error text). */
    if (code == 121 || code == 1003 || is_connection_failure(code))
        drop_context();
    bound_memory(c->read);
    lm_lock_give(&owner.lock);

    if (code == 0 || code == 234) return LANMAN_OK;
    return lm_err_netapi(err, c->function, c->server, code, detail);
}

void lm_context_free_buffer(void *data) {
    if (data != NULL) {
        lm_lock_take(&owner.lock);
        lm_shim_buffer_free(data);
        lm_lock_give(&owner.lock);
    }
    lm_count(&owner.freed);
}

void lm_context_count_alloc(void) { lm_count(&owner.allocated); }

void lm_context_locked(void (*fn)(void *arg), void *arg) {
    lm_lock_take(&owner.lock);
    fn(arg);
    lm_lock_give(&owner.lock);
}

void lanman_buffer_stats(uint64_t *allocated, uint64_t *freed) {
    /* freed first: a buffer freed between the two reads can then never
    ** show as freed-but-not-allocated. */
    *freed = lm_counted(&owner.freed);
    *allocated = lm_counted(&owner.allocated);
}

lanman_status lanman_set_default_creds(const lanman_creds *c,
                                       lanman_error *err) {
    lanman_creds *copy = NULL;
    if (c != NULL && (copy = lm_creds_copy(c)) == NULL)
        return lm_err_netapi(err, "set_default_creds", NULL, 8, NULL);
    lm_lock_take(&owner.lock);
    lanman_creds_free(owner.defaults);
    owner.defaults = copy;
    lm_lock_give(&owner.lock);
    return LANMAN_OK;
}

uint64_t lanman_context_memory(void) {
    lm_lock_take(&owner.lock);
    uint64_t n = owner.ctx ? lm_shim_context_memory(owner.ctx) : 0;
    lm_lock_give(&owner.lock);
    return n;
}

uint64_t lanman_context_reinits(void) { return lm_counted(&owner.reinits); }

uint64_t lanman_context_memory_bound(void) {
    lm_lock_take(&owner.lock);
    uint64_t n = owner.memory_bound;
    lm_lock_give(&owner.lock);
    return n;
}

void lanman_context_set_memory_bound(uint64_t bytes) {
    lm_lock_take(&owner.lock);
    owner.memory_bound = bytes;
    owner.since = 0;
    owner.due = 1;                 /* the next call measures */
    lm_lock_give(&owner.lock);
}

void lanman_context_shutdown(void) {
    lm_lock_take(&owner.lock);
    drop_context();
    lm_lock_give(&owner.lock);
}
