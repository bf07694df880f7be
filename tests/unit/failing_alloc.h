/*
 * failing_alloc.h: an embedder's allocator that refuses its fail_at-th request (0: none) and counts the blocks it
 * has out, for the out-of-memory tests (tests/unit/test_oom.c) and the fuzzing harness tools/fuzz/fuzz_oom.c.
 */
#ifndef RS_TEST_FAILING_ALLOC_H
#define RS_TEST_FAILING_ALLOC_H

#include <stdlib.h>

typedef struct Failing {
    size_t requests, fail_at, blocks;
} Failing;

static inline void *failing_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    (void)osize;
    Failing *f = ud;
    if (nsize == 0) {
        if (ptr) f->blocks--;
        free(ptr);
        return NULL;
    }
    if (++f->requests == f->fail_at) return NULL;
    void *p = realloc(ptr, nsize);
    if (p && !ptr) f->blocks++;
    return p;
}

#endif
