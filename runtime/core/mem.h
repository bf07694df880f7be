/*
 * mem.h: every byte the runtime uses. Large blocks go straight to the
 * embedder's allocator; small ones (up to MEM_SMALL_MAX) come from size-class
 * pools carved out of arenas, as CPython's obmalloc does. Both paths keep an
 * exact count of bytes and blocks in use, and enforce the memory limit.
 */
#ifndef RS_MEM_H
#define RS_MEM_H

#include <stddef.h>
#include <stdint.h>
#include "../include/refscope.h"

#define MEM_ALIGN 16
#define MEM_SMALL_MAX 512
#define MEM_NCLASSES (MEM_SMALL_MAX / MEM_ALIGN)
#define MEM_ARENA_SIZE (64 * 1024)

typedef struct MemFree { struct MemFree *next; } MemFree;
typedef struct MemArena { struct MemArena *next; } MemArena;
/* In front of every block taken from the embedder for one allocation (large ones; all in sanitizer builds), linked
   so that mem_finish returns them too: a state whose construction failed halfway is released in one sweep. */
typedef struct MemLarge {
    struct MemLarge *next, *prev;
    size_t size;
    size_t unused; /* keeps the block after it MEM_ALIGN-aligned */
} MemLarge;

typedef struct Mem {
    rs_Alloc alloc;
    void *ud;
    MemFree *free_lists[MEM_NCLASSES];
    MemArena *arenas;
    MemLarge large;         /* the list of large blocks (a ring through this sentinel) */
    char *bump, *bump_end;  /* the unused tail of the newest arena */
    size_t bytes;           /* bytes handed out and not yet freed */
    size_t blocks;
    size_t peak_bytes;
    uint64_t total_bytes;   /* bytes ever handed out (a realloc's growth counts) */
    size_t limit;           /* 0: none */
    size_t arena_bytes;     /* bytes taken from the embedder for arenas */
    size_t overhead_bytes;  /* of bytes, the observers' bookkeeping (mem_alloc_overhead) */
    uint64_t refusals;      /* requests refused: past the limit, or the embedder out of memory */
} Mem;

void mem_init(Mem *m, rs_Alloc alloc, void *ud, size_t limit);
/* Returns every arena and every large block to the embedder: blocks still in use go too. */
void mem_finish(Mem *m);

/* NULL when the allocator fails or the limit would be passed. */
void *mem_alloc_slow(Mem *m, size_t size);
void mem_free_slow(Mem *m, void *p, size_t size);

/* The hot paths, inline: a small block from its free list, and back. Everything else (a fresh arena's carving, large
   blocks, a limit that would be passed, sanitizer builds) takes the slow path in mem.c. */
static inline void *mem_alloc(Mem *m, size_t size) {
#ifndef RS_MEM_DIRECT
    size_t c = (size - 1) / MEM_ALIGN; /* the size class; size 0 wraps round to the slow path */
    if (c < MEM_NCLASSES && m->free_lists[c] && !(m->limit && m->bytes + size > m->limit)) {
        MemFree *f = m->free_lists[c];
        m->free_lists[c] = f->next;
        m->bytes += size;
        m->total_bytes += size;
        m->blocks++;
        if (m->bytes > m->peak_bytes) m->peak_bytes = m->bytes;
        return f;
    }
#endif
    return mem_alloc_slow(m, size);
}

static inline void mem_free(Mem *m, void *p, size_t size) {
#ifndef RS_MEM_DIRECT
    size_t c = (size - 1) / MEM_ALIGN;
    if (p && c < MEM_NCLASSES) {
        m->bytes -= size;
        m->blocks--;
        MemFree *f = p;
        f->next = m->free_lists[c];
        m->free_lists[c] = f;
        return;
    }
#endif
    mem_free_slow(m, p, size);
}
void *mem_realloc(Mem *m, void *p, size_t osize, size_t nsize);
/* For bookkeeping that only watches the program (event serials): within the limit and the leak checks, but not in
   total_bytes, and kept apart in overhead_bytes, so that watching a run changes none of its collections. */
void *mem_alloc_overhead(Mem *m, size_t size);
void mem_free_overhead(Mem *m, void *p, size_t size);

/* The default allocator: the C library's realloc and free. */
void *mem_libc_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

#endif
