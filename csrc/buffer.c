/*
** buffer.c -- the buffer object: NetApi memory, its record count and its
** level descriptor.  The memory goes to NetApiBufferFree exactly once;
** afterwards every access is a clean LANMAN_E_FREED error.
*/
#include <stdlib.h>

#include "internal.h"

lanman_buffer *lm_buffer_wrap(void *data, uint32_t count,
                              const lanman_level *level) {
    lanman_buffer *b = malloc(sizeof *b);
    lm_context_count_alloc();   /* counted as handed out either way ... */
    if (b == NULL) {
        lm_context_free_buffer(data);   /* ... and as freed right here */
        return NULL;
    }
    b->data = data;
    b->count = data ? count : 0;
    b->level = level;
    b->freed = 0;
    return b;
}

uint32_t lanman_buffer_count(const lanman_buffer *b) {
    return b->freed ? 0 : b->count;
}

int lanman_buffer_is_freed(const lanman_buffer *b) { return b->freed; }

const lanman_level *lanman_buffer_level(const lanman_buffer *b) {
    return b->level;
}

lanman_status lanman_buffer_free(lanman_buffer *b, lanman_error *err) {
    if (b->freed) return lm_err_freed(err, "NetApiBufferFree");
    lm_context_free_buffer(b->data);   /* NULL data still counts as freed */
    b->data = NULL;
    b->freed = 1;
    return LANMAN_OK;
}

void lanman_buffer_destroy(lanman_buffer *b) {
    if (b == NULL) return;
    if (!b->freed) lm_context_free_buffer(b->data);
    free(b);
}

lanman_status lanman_NetApiBufferAllocate(uint32_t size, lanman_buffer **out,
                                          lanman_error *err) {
    void *data = NULL;
    *out = NULL;
    uint32_t code = lm_shim_buffer_alloc(size, &data);
    if (code != 0)
        return lm_err_netapi(err, "NetApiBufferAllocate", NULL, code, NULL);
    *out = lm_buffer_wrap(data, 0, NULL);
    if (*out == NULL)
        return lm_err_netapi(err, "NetApiBufferAllocate", NULL, 8, NULL);
    return LANMAN_OK;
}

/* Size and reallocate touch talloc state shared with the context, so
** they run under the context lock like every other NetApi call. */
typedef struct size_job {
    const void *data;
    uint32_t size;
    void *out;
    uint32_t code;
} size_job;

static void size_locked(void *arg) {
    size_job *j = arg;
    j->code = lm_shim_buffer_size(j->data, &j->size);
}

static void realloc_locked(void *arg) {
    size_job *j = arg;
    j->code = lm_shim_buffer_realloc((void *)j->data, j->size, &j->out);
}

lanman_status lanman_NetApiBufferSize(const lanman_buffer *b, uint32_t *size,
                                      lanman_error *err) {
    if (b->freed) return lm_err_freed(err, "NetApiBufferSize");
    size_job j = {b->data, 0, NULL, 0};
    if (b->data != NULL) lm_context_locked(size_locked, &j);
    if (j.code != 0)
        return lm_err_netapi(err, "NetApiBufferSize", NULL, j.code, NULL);
    *size = j.size;
    return LANMAN_OK;
}

lanman_status lanman_NetApiBufferReallocate(lanman_buffer *b, uint32_t size,
                                            lanman_error *err) {
    if (b->freed) return lm_err_freed(err, "NetApiBufferReallocate");
    if (b->level != NULL)
        return lm_err_arg(err, "NetApiBufferReallocate", "buffer",
                          "holds %s records; only NetApiBufferAllocate "
                          "memory can be reallocated", b->level->struct_name);
    size_job j = {b->data, size, NULL, 0};
    if (b->data == NULL) {
        /* NetApiBufferAllocate(0) gave no memory: allocate it now; the
        ** buffer object (what the counters count) stays the same. */
        j.code = lm_shim_buffer_alloc(size, &j.out);
    } else {
        lm_context_locked(realloc_locked, &j);
    }
    if (j.code != 0)
        return lm_err_netapi(err, "NetApiBufferReallocate", NULL, j.code,
                             NULL);
    b->data = j.out;
    return LANMAN_OK;
}
