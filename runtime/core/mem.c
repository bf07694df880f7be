/*
 * mem.c: the allocator layer. The only file that calls the embedder's
 * rs_Alloc; everything above asks here. Small blocks are served from
 * per-size-class free lists refilled from 64 KiB arenas; freed small blocks go
 * back to their list (arenas are returned only at mem_finish). Sizes are
 * passed back on free, so blocks carry no header.
 */
#include "mem.h"
#include <stdlib.h>
#include <string.h>

void *mem_libc_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, nsize);
}

void mem_init(Mem *m, rs_Alloc alloc, void *ud, size_t limit) {
    memset(m, 0, sizeof *m);
    m->alloc = alloc ? alloc : mem_libc_alloc;
    m->ud = ud;
    m->limit = limit;
    m->large.next = m->large.prev = &m->large;
}

_Static_assert(sizeof(MemLarge) % MEM_ALIGN == 0, "a large block stays aligned after its header");

static void *large_alloc(Mem *m, size_t size) {
    MemLarge *h = m->alloc(m->ud, NULL, 0, sizeof(MemLarge) + size);
    if (!h) return NULL;
    h->size = size;
    h->prev = &m->large;
    h->next = m->large.next;
    h->next->prev = h;
    m->large.next = h;
    return h + 1;
}

static void large_free(Mem *m, void *p) {
    MemLarge *h = (MemLarge *)p - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    m->alloc(m->ud, h, sizeof(MemLarge) + h->size, 0);
}

static void *large_realloc(Mem *m, void *p, size_t nsize) {
    MemLarge *h = (MemLarge *)p - 1;
    MemLarge *moved = m->alloc(m->ud, h, sizeof(MemLarge) + h->size, sizeof(MemLarge) + nsize);
    if (!moved) return NULL; /* the old block stays, still linked */
    moved->size = nsize;
    moved->prev->next = moved;
    moved->next->prev = moved;
    return moved + 1;
}

void mem_finish(Mem *m) {
    MemArena *a = m->arenas;
    while (a) {
        MemArena *next = a->next;
        m->alloc(m->ud, a, MEM_ARENA_SIZE, 0);
        a = next;
    }
    while (m->large.next != &m->large) large_free(m, m->large.next + 1);
    m->arenas = NULL;
    m->bump = m->bump_end = NULL;
    memset(m->free_lists, 0, sizeof m->free_lists);
}

/* Sanitizer builds send every block to the embedder so that ASan sees each one. */
#ifdef RS_MEM_DIRECT
#define POOLED(size) ((void)(size), 0)
#else
#define POOLED(size) ((size) <= MEM_SMALL_MAX)
#endif

static size_t size_class(size_t size) { return (size + MEM_ALIGN - 1) / MEM_ALIGN - 1; }

static int over_limit(Mem *m, size_t more) { return m->limit && m->bytes + more > m->limit; }

static void count_in(Mem *m, size_t size) {
    m->bytes += size;
    m->total_bytes += size;
    m->blocks++;
    if (m->bytes > m->peak_bytes) m->peak_bytes = m->bytes;
}

/* Carves a block of class c from the current arena, taking a new one when it is spent. */
static void *carve(Mem *m, size_t c) {
    size_t bsize = (c + 1) * MEM_ALIGN;
    if (m->bump == NULL || (size_t)(m->bump_end - m->bump) < bsize) {
        MemArena *a = m->alloc(m->ud, NULL, 0, MEM_ARENA_SIZE);
        if (!a) return NULL;
        a->next = m->arenas;
        m->arenas = a;
        m->arena_bytes += MEM_ARENA_SIZE;
        m->bump = (char *)a + MEM_ALIGN;
        m->bump_end = (char *)a + MEM_ARENA_SIZE;
    }
    void *p = m->bump;
    m->bump += bsize;
    return p;
}

void *mem_alloc_slow(Mem *m, size_t size) {
    if (size == 0) size = 1;
    if (over_limit(m, size)) {
        m->refusals++;
        return NULL;
    }
    void *p;
    if (POOLED(size)) {
        size_t c = size_class(size);
        MemFree *f = m->free_lists[c];
        if (f) {
            m->free_lists[c] = f->next;
            p = f;
        } else {
            p = carve(m, c);
        }
    } else {
        p = large_alloc(m, size);
    }
    if (p) count_in(m, size);
    else m->refusals++;
    return p;
}

void mem_free_slow(Mem *m, void *p, size_t size) {
    if (!p) return;
    if (size == 0) size = 1;
    m->bytes -= size;
    m->blocks--;
    if (POOLED(size)) {
        MemFree *f = p;
        size_t c = size_class(size);
        f->next = m->free_lists[c];
        m->free_lists[c] = f;
    } else {
        large_free(m, p);
    }
}

void *mem_realloc(Mem *m, void *p, size_t osize, size_t nsize) {
    if (!p) return mem_alloc(m, nsize);
    if (nsize == 0) nsize = 1;
    if (osize == 0) osize = 1;
    if (!POOLED(osize) && !POOLED(nsize)) {
        if (nsize > osize && over_limit(m, nsize - osize)) {
            m->refusals++;
            return NULL;
        }
        void *q = large_realloc(m, p, nsize);
        if (!q) {
            m->refusals++;
            return NULL;
        }
        m->bytes = m->bytes - osize + nsize;
        if (nsize > osize) m->total_bytes += nsize - osize;
        if (m->bytes > m->peak_bytes) m->peak_bytes = m->bytes;
        return q;
    }
    if (POOLED(osize) && POOLED(nsize) && size_class(osize) == size_class(nsize)) {
        m->bytes = m->bytes - osize + nsize;
        if (nsize > osize) m->total_bytes += nsize - osize;
        if (m->bytes > m->peak_bytes) m->peak_bytes = m->bytes;
        return p;
    }
    void *q = mem_alloc(m, nsize);
    if (!q) return NULL;
    memcpy(q, p, osize < nsize ? osize : nsize);
    mem_free(m, p, osize);
    return q;
}

void *mem_alloc_overhead(Mem *m, size_t size) {
    void *p = mem_alloc(m, size);
    if (p) {
        m->total_bytes -= size;
        m->overhead_bytes += size;
    }
    return p;
}

void mem_free_overhead(Mem *m, void *p, size_t size) {
    mem_free(m, p, size);
    m->overhead_bytes -= size;
}
