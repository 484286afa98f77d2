/*
** feed.h -- the libFuzzer targets read their input as a feed of bytes: a
** byte at a time, or n bytes as one big-endian number; past the end every
** byte reads as 0, so any input, however short, drives a whole run.
*/
#ifndef LANMAN_FUZZ_FEED_H
#define LANMAN_FUZZ_FEED_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    const uint8_t *p;   /* the next byte; libFuzzer's, read only */
    size_t n;           /* bytes left */
} feed;

static inline uint8_t take8(feed *f) {
    if (f->n == 0) return 0;
    f->n--;
    return *f->p++;
}

/* The next n (at most 8) bytes as a big-endian number. */
static inline uint64_t take_be(feed *f, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; i++) v = (v << 8) | take8(f);
    return v;
}

#endif /* LANMAN_FUZZ_FEED_H */
