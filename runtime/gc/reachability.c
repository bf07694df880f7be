/*
 * reachability.c: the list operations and graph phases shared by the
 * collectors (see reachability.h).
 */
#include "reachability.h"
#include "invariants.h"

/* Appends every node of from to to; from becomes empty. */
void gcl_merge(GCHead *from, GCHead *to) {
    if (gcl_empty(from)) return;
    GCHead *first = from->next, *last = from->prev;
    GCHead *tail = to->prev;
    tail->next = first;
    first->prev = tail;
    last->next = to;
    to->prev = last;
    gcl_init(from);
}

size_t gcl_size(const GCHead *h) {
    size_t n = 0;
    for (GCHead *g = h->next; g != h; g = g->next) n++;
    return n;
}

void update_refs(GCHead *h) {
    for (GCHead *g = h->next; g != h; g = g->next) {
        g->gc_refs = FROM_GC(g)->refcnt;
        g->gc_flags |= GCF_COLLECTING;
    }
}

static int visit_decref(Obj *o, void *arg) {
    (void)arg;
    if (gc_is_gc_tracked(o)) {
        GCHead *g = AS_GC(o);
        if (g->gc_flags & GCF_COLLECTING) g->gc_refs--;
    }
    return 0;
}

void subtract_refs(GCHead *h) {
    for (GCHead *g = h->next; g != h; g = g->next) {
        Obj *o = FROM_GC(g);
        if (TYPE(o)->traverse) TYPE(o)->traverse(o, visit_decref, NULL);
    }
    gc_check_counts(h);
}

static int visit_reachable(Obj *o, void *arg) {
    GCHead *young = arg;
    if (!gc_is_gc_tracked(o)) return 0;
    GCHead *g = AS_GC(o);
    if (!(g->gc_flags & GCF_COLLECTING)) return 0;
    if (g->gc_flags & GCF_UNREACHABLE) {
        /* It was moved to the unreachable list too early: bring it back to be scanned again. */
        g->gc_flags &= ~(uintptr_t)GCF_UNREACHABLE;
        gcl_move(g, young);
        g->gc_refs = 1;
    } else if (g->gc_refs == 0) {
        g->gc_refs = 1;
    }
    return 0;
}

void move_unreachable(GCHead *young, GCHead *unreachable) {
    GCHead *g = young->next;
    while (g != young) {
        GCHead *next;
        if (g->gc_refs > 0) {
            Obj *o = FROM_GC(g);
            if (TYPE(o)->traverse) TYPE(o)->traverse(o, visit_reachable, young);
            next = g->next;
        } else {
            next = g->next;
            g->gc_flags |= GCF_UNREACHABLE;
            gcl_move(g, unreachable);
        }
        g = next;
    }
    gc_check_closed(young);
}

void clear_collecting(GCHead *h) {
    for (GCHead *g = h->next; g != h; g = g->next) g->gc_flags &= ~(uintptr_t)(GCF_COLLECTING | GCF_UNREACHABLE);
}
