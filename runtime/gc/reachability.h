/*
 * reachability.h: the graph work every collector here shares. GC objects
 * sit in circular doubly linked lists (a generation, or a collection's
 * scratch lists); the phases find which objects of a list are referenced
 * only from inside it, CPython 3.11's way (gcmodule.c): count references,
 * subtract the internal ones, and what keeps a count is reachable, with
 * everything it reaches. The policies (when to collect, what happens to
 * the unreachable) live in collector.c (cpython) and hostgc.c (the others).
 */
#ifndef RS_REACHABILITY_H
#define RS_REACHABILITY_H

#include "../objects/object.h"

static inline void gcl_init(GCHead *h) {
    h->next = h->prev = h;
    h->gc_flags = 0;
}

static inline bool gcl_empty(const GCHead *h) { return h->next == h; }

static inline void gcl_remove(GCHead *g) {
    g->prev->next = g->next;
    g->next->prev = g->prev;
}

static inline void gcl_append(GCHead *g, GCHead *h) {
    g->prev = h->prev;
    g->next = h;
    h->prev->next = g;
    h->prev = g;
}

static inline void gcl_move(GCHead *g, GCHead *to) {
    gcl_remove(g);
    gcl_append(g, to);
}

/* Appends every node of from to to; from becomes empty. */
void gcl_merge(GCHead *from, GCHead *to);
size_t gcl_size(const GCHead *h);

/* Whether o is a GC object that is currently tracked. */
static inline bool gc_is_gc_tracked(Obj *o) { return (TYPE(o)->flags & TF_GC) && gc_is_tracked(o); }

/* gc_refs = the reference count, and GCF_COLLECTING, for every object of h. */
void update_refs(GCHead *h);
/* One less in gc_refs for every reference between objects of the set being collected. */
void subtract_refs(GCHead *h);
/* Moves what is not reachable from outside young into unreachable (flagged GCF_UNREACHABLE). */
void move_unreachable(GCHead *young, GCHead *unreachable);
/* Drops the collection's flags from the objects of h. */
void clear_collecting(GCHead *h);

#endif
