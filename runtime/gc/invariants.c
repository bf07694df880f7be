/*
 * invariants.c: the collector's debug checks (see invariants.h). They cost a pass over the objects a collection
 * examines anyway, so the whole test suite, GC-stress runs included, runs with them in the ASan build.
 */
#include "invariants.h"

#ifdef RS_CHECK_INVARIANTS
#include <stdio.h>
#include <stdlib.h>
#include "../objects/abstract.h"
#include "reachability.h"

static void broken(const char *what, Obj *o) {
    fprintf(stderr, "refscope: collector invariant broken: %s (a %s object at %p, count %ld)\n", what,
            o && TYPE(o) ? type_name(TYPE(o)) : "?", (void *)o, o ? (long)o->refcnt : 0L);
    abort();
}

static int visit_alive(Obj *o, void *arg) {
    (void)arg;
    if (o->refcnt <= 0) broken("a tracked object refers to an object whose count is zero", o);
    return 0;
}

void gc_check_list(GCHead *list, bool counts_free) {
    for (GCHead *g = list->next; g != list; g = g->next) {
        Obj *o = FROM_GC(g);
        if (g->next->prev != g || g->prev->next != g) broken("a collector list's links disagree", o);
        if (!(g->gc_flags & GCF_TRACKED)) broken("an object in a generation is not marked tracked", o);
        if (g->gc_flags & (GCF_COLLECTING | GCF_UNREACHABLE)) broken("an object kept a mark from an earlier collection", o);
        if (o->refcnt < 0 || (counts_free && o->refcnt == 0)) broken("a tracked object's count is zero or less", o);
        if (!TYPE(o) || !(TYPE(o)->flags & TF_GC)) broken("a tracked object has no GC type", o);
        if (counts_free && TYPE(o)->traverse) TYPE(o)->traverse(o, visit_alive, NULL);
    }
}

void gc_check_counts(GCHead *list) {
    for (GCHead *g = list->next; g != list; g = g->next)
        if (g->gc_refs < 0) broken("more references were found to an object than its count holds", FROM_GC(g));
}

static int visit_not_unreachable(Obj *o, void *arg) {
    if (gc_is_gc_tracked(o) && (AS_GC(o)->gc_flags & GCF_UNREACHABLE))
        broken("a survivor refers to an object the collector found unreachable", (Obj *)arg);
    return 0;
}

void gc_check_closed(GCHead *survivors) {
    for (GCHead *g = survivors->next; g != survivors; g = g->next) {
        Obj *o = FROM_GC(g);
        if (TYPE(o)->traverse) TYPE(o)->traverse(o, visit_not_unreachable, o);
    }
}
#endif
