/*
 * collector.c: the cycle collector, following CPython 3.11's gcmodule.c.
 *
 * Tracked containers live in three generation lists. A collection of
 * generation g merges the younger lists into g and then:
 *   update_refs       gc_refs = refcount, for every object being collected;
 *   subtract_refs     for every reference between collected objects, one less:
 *                     what remains counts references from outside the set;
 *   move_unreachable  objects with gc_refs > 0 are reachable, and so is
 *                     everything they reach; the rest is tentatively unreachable;
 *   finalize_garbage  __del__ of unreachable objects, once each (PEP 442);
 *   handle_resurrected  a finalizer may have made objects reachable again:
 *                     recompute, and keep those;
 *   delete_garbage    clear the rest (tp_clear), which breaks the cycles so
 *                     reference counting frees them.
 * Survivors move to the next generation. A full collection only runs when
 * the objects waiting to enter the oldest generation are more than 25% of
 * it (the long-lived-objects rule).
 */
#include "collector.h"
#include "../core/io.h"
#include "../core/clock.h"
#include <stdio.h>
#include <string.h>
#include "../objects/abstract.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "hostgc.h"
#include "observe.h"
#include "invariants.h"
#include "reachability.h"
#include "weakref.h"


bool gc_init(rs_State *S) {
    for (int i = 0; i < 3; i++) {
        S->gc_gen[i] = mem_alloc(&S->mem, sizeof(GCHead));
        if (!S->gc_gen[i]) return false;
        gcl_init(S->gc_gen[i]);
    }
    S->gc_permanent = mem_alloc(&S->mem, sizeof(GCHead));
    if (!S->gc_permanent) return false;
    gcl_init(S->gc_permanent);
    S->gc_list = S->gc_gen[0];
    S->gc_threshold[0] = 700;
    S->gc_threshold[1] = 10;
    S->gc_threshold[2] = 10;
    S->gc_enabled = true;
    return true;
}

void gc_assume_cpython_startup(rs_State *S) {
    /* Read off python3 3.11.7 at the first line of a script: gc.get_count() == (249, 0, 2) after 22 and 2
       collections of generations 0 and 1 (which found 43 and 92 objects); refscope's own start-up and the
       compilation of that line account for 27 of those 249. Compiling a bigger script counts fewer
       objects than CPython's compiler makes (constant folding and its caches), so there the first
       collection comes a little later. */
    static const int count[3] = {222, 0, 2};
    static const int64_t collections[3] = {22, 2, 0}, collected[3] = {43, 92, 0};
    for (int i = 0; i < 3; i++) {
        S->gc_count[i] = count[i];
        S->gc_collections[i] = collections[i];
        S->gc_collected[i] = collected[i];
    }
}

void gc_finish(rs_State *S) {
    for (int i = 0; i < 3; i++)
        if (S->gc_gen[i]) mem_free(&S->mem, S->gc_gen[i], sizeof(GCHead));
    if (S->gc_permanent) mem_free(&S->mem, S->gc_permanent, sizeof(GCHead));
    S->gc_list = NULL;
}

size_t gc_generation_size(rs_State *S, int gen) { return gcl_size(gen == 3 ? S->gc_permanent : S->gc_gen[gen]); }

/* ---- the phases ---- */

/* Weak references to unreachable objects are cleared before any finalizer runs, so no finalizer or
   callback can reach a half-collected object through them. Callbacks run only for weak references that
   are themselves reachable; they run after every clearing, and may resurrect nothing of the garbage. */
static int64_t handle_weakrefs(rs_State *S, GCHead *unreachable, GCHead *old) {
    GCHead wrcb_to_call;
    gcl_init(&wrcb_to_call);
    for (GCHead *g = unreachable->next; g != unreachable; g = g->next) {
        Weakref **list = weakref_list(FROM_GC(g));
        while (list && *list) {
            Weakref *r = *list;
            /* clear it, keeping its callback (CPython's _PyWeakref_ClearRef) */
            Obj *callback = r->callback = weakref_detach(S, r);
            /* a weakref that is garbage itself gets no callback */
            if (!callback || (AS_GC(r)->gc_flags & GCF_COLLECTING)) continue;
            INCREF(r);
            gcl_move(AS_GC(r), &wrcb_to_call);
        }
    }
    int64_t freed = 0;
    while (!gcl_empty(&wrcb_to_call)) {
        GCHead *rg = wrcb_to_call.next;
        Weakref *r = (Weakref *)FROM_GC(rg);
        weakref_call_callback(S, r, r->callback);
        DECREF(S, r);
        if (wrcb_to_call.next == rg) gcl_move(rg, old);
        else freed++;
    }
    return freed;
}

/* Runs the finalizer of every unreachable object that has one and has not been finalized (PEP 442). */
static void finalize_garbage(rs_State *S, GCHead *unreachable) {
    /* Take the objects off the list into a private one, so finalizers that free objects cannot break the walk. */
    GCHead seen;
    gcl_init(&seen);
    while (!gcl_empty(unreachable)) {
        GCHead *g = unreachable->next;
        gcl_move(g, &seen);
        Obj *o = FROM_GC(g);
        if (!TYPE(o)->finalize || (g->gc_flags & GCF_FINALIZED)) continue;
        INCREF(o);
        obj_call_finalizer(S, o, 0); /* resurrections show after handle_resurrected */
        DECREF(S, o);
    }
    gcl_merge(&seen, unreachable);
}

/* After finalizers ran: objects reachable again go to old; the rest stays in unreachable. */
static void handle_resurrected(rs_State *S, GCHead *unreachable, GCHead *still_unreachable, GCHead *old) {
    for (GCHead *g = unreachable->next; g != unreachable; g = g->next) g->gc_flags &= ~(uintptr_t)GCF_UNREACHABLE;
    update_refs(unreachable);
    subtract_refs(unreachable);
    move_unreachable(unreachable, still_unreachable);
    clear_collecting(unreachable);
    observe_resurrection(S, (int64_t)gcl_size(unreachable)); /* what is left was made reachable again */
    gcl_merge(unreachable, old);
}

static void delete_garbage(rs_State *S, GCHead *collectable, GCHead *old) {
    while (!gcl_empty(collectable)) {
        GCHead *g = collectable->next;
        Obj *o = FROM_GC(g);
        g->gc_flags &= ~(uintptr_t)(GCF_COLLECTING | GCF_UNREACHABLE);
        if (S->gc_debug & 32 /* DEBUG_SAVEALL */) {
            if (list_append(S, S->gc_garbage, o) < 0) exc_clear(S);
        } else {
            /* (an object with no count left, from a host-GC model, has no clear to run but goes too) */
            INCREF(o);
            if (TYPE(o)->clear) TYPE(o)->clear(S, o);
            if (S->exc) exc_clear(S);
            DECREF(S, o);
        }
        /* still here (not freed by the clear): it survives into the old generation */
        if (collectable->next == g) gcl_move(g, old);
    }
}

static void invoke_callbacks(rs_State *S, const char *phase, int gen, int64_t collected, int64_t uncollectable) {
    if (!S->gc_callbacks || LIST_LEN(S->gc_callbacks) == 0) return;
    Obj *saved = exc_fetch(S);
    Obj *info = dict_new(S);
    Obj *ph = str_from_cstr(S, phase);
    Obj *g = int_from_i64(S, gen), *c = int_from_i64(S, collected), *u = int_from_i64(S, uncollectable);
    if (info && ph && g && c && u && dict_set_cstr(S, (Dict *)info, "generation", g) == 0 &&
        dict_set_cstr(S, (Dict *)info, "collected", c) == 0 && dict_set_cstr(S, (Dict *)info, "uncollectable", u) == 0) {
        Obj *cbs = list_from_array(S, LIST_ITEMS(S->gc_callbacks), LIST_LEN(S->gc_callbacks));
        for (size_t i = 0; cbs && i < LIST_LEN(cbs); i++) {
            Obj *r = obj_call2(S, LIST_ITEMS(cbs)[i], ph, info);
            if (!r) exc_write_unraisable(S, "Exception ignored in garbage collector callback", LIST_ITEMS(cbs)[i]);
            XDECREF(S, r);
        }
        XDECREF(S, cbs);
    }
    XDECREF(S, info);
    XDECREF(S, ph);
    XDECREF(S, g);
    XDECREF(S, c);
    XDECREF(S, u);
    if (S->exc) exc_clear(S);
    S->exc = saved;
}

bool gc_may_be_tracked(rs_State *S, Obj *o) {
    if (!(TYPE(o)->flags & TF_GC)) return false;
    if (TYPE(o) == S->t_tuple) return gc_is_tracked(o);
    return true;
}

/* Tuples holding only atomic objects need no scanning: untrack them, as CPython does. */
static void untrack_tuples(rs_State *S, GCHead *h) {
    GCHead *g = h->next;
    while (g != h) {
        GCHead *next = g->next;
        Obj *o = FROM_GC(g);
        if (TYPE(o) == S->t_tuple) {
            Tuple *t = (Tuple *)o;
            bool atomic = true;
            for (size_t i = 0; i < t->len && atomic; i++) atomic = !t->items[i] || !gc_may_be_tracked(S, t->items[i]);
            if (atomic) gc_untrack(S, o);
        }
        g = next;
    }
}

/* Dicts with only atomic keys and values are untracked in full collections. */
static void untrack_dicts(rs_State *S, GCHead *h) {
    GCHead *g = h->next;
    while (g != h) {
        GCHead *next = g->next;
        Obj *o = FROM_GC(g);
        if (TYPE(o) == S->t_dict) {
            Dict *d = (Dict *)o;
            bool atomic = true;
            for (size_t i = 0; i < d->nentries && atomic; i++)
                if (d->entries[i].key)
                    atomic = !gc_may_be_tracked(S, d->entries[i].key) && !gc_may_be_tracked(S, d->entries[i].value);
            if (atomic) gc_untrack(S, o);
        }
        g = next;
    }
}

static int64_t collect_main(rs_State *S, int gen) {
    GCHead unreachable, still_unreachable;
    gcl_init(&unreachable);
    gcl_init(&still_unreachable);
    double started = 0;
    if (S->gc_debug & 1 /* DEBUG_STATS */) {
        char line[300];
        int n = snprintf(line, sizeof line,
                         "gc: collecting generation %d...\ngc: objects in each generation: %zu %zu %zu\n"
                         "gc: objects in permanent generation: %zu\n",
                         gen, gcl_size(S->gc_gen[0]), gcl_size(S->gc_gen[1]), gcl_size(S->gc_gen[2]), gcl_size(S->gc_permanent));
        io_write(S, 2, line, (size_t)n);
        started = clock_seconds(CLOCK_KIND_MONOTONIC);
    }
    if (gen + 1 < 3) S->gc_count[gen + 1]++;
    for (int i = 0; i <= gen; i++) S->gc_count[i] = 0;
    for (int i = 0; i < gen; i++) gcl_merge(S->gc_gen[i], S->gc_gen[gen]);
    GCHead *young = S->gc_gen[gen];
    GCHead *old = gen < 2 ? S->gc_gen[gen + 1] : young;
    gc_check_list(young, S->model == RS_MODEL_CPYTHON); /* (a host model ends with the dead it never collected) */
    update_refs(young);
    subtract_refs(young);
    move_unreachable(young, &unreachable);
    clear_collecting(young);
    if (!S->gc_stress) {
        /* (stress runs keep them tracked, so that what a script observes does not depend on the stress) */
        untrack_tuples(S, young);
        if (gen == 2) untrack_dicts(S, young);
    }
    if (gen == 1) S->gc_long_lived_pending += (int64_t)gcl_size(young);
    if (young != old) gcl_merge(young, old);
    if (gen == 2) {
        S->gc_long_lived_pending = 0;
        S->gc_long_lived_total = (int64_t)gcl_size(young);
    }
    /* unreachable objects are still marked COLLECTING (and UNREACHABLE) */
    if (S->gc_debug & 2 /* DEBUG_COLLECTABLE */) {
        for (GCHead *g = unreachable.next; g != &unreachable; g = g->next) {
            Obj *o = FROM_GC(g);
            char line[160];
            int n = snprintf(line, sizeof line, "gc: collectable <%s %p>\n", type_name(TYPE(o)), (void *)o);
            io_write(S, 2, line, (size_t)n);
        }
    }
    int64_t m = handle_weakrefs(S, &unreachable, old);
    finalize_garbage(S, &unreachable);
    handle_resurrected(S, &unreachable, &still_unreachable, old);
    /* CPython counts what is left after finalizers had their chance to resurrect */
    m += (int64_t)gcl_size(&still_unreachable);
    delete_garbage(S, &still_unreachable, old);
    if (S->gc_debug & 1) {
        char line[160];
        int n = snprintf(line, sizeof line, "gc: done, %lld unreachable, 0 uncollectable, %.4fs elapsed\n", (long long)m,
                         clock_seconds(CLOCK_KIND_MONOTONIC) - started);
        io_write(S, 2, line, (size_t)n);
    }
    S->gc_collections[gen]++;
    S->gc_collected[gen] += m;
    if (gen == 2) {
        /* CPython empties its free lists after a full collection */
        memset(S->gc_free_tuples, 0, sizeof S->gc_free_tuples);
        S->gc_free_lists = S->gc_free_dicts = 0;
    }
    return m;
}

int64_t gc_collect(rs_State *S, int gen, const char *reason) {
    (void)reason;
    if (S->defer_frees) return hostgc_collect(S, gen);
    if (S->gc_collecting) return 0;
    S->gc_collecting = true;
    invoke_callbacks(S, "start", gen, 0, 0);
    observe_collection_start(S, gen);
    double started = clock_seconds(CLOCK_KIND_MONOTONIC);
    int saved_cause = S->free_cause;
    if (saved_cause == RS_CAUSE_REFCOUNT) S->free_cause = RS_CAUSE_COLLECTION; /* at shutdown, frees stay the shutdown's */
    int64_t m = collect_main(S, gen);
    S->free_cause = saved_cause;
    observe_collection_stop(S, gen, m, clock_seconds(CLOCK_KIND_MONOTONIC) - started);
    invoke_callbacks(S, "stop", gen, m, 0);
    S->gc_collecting = false;
    return m;
}

static void collect_generations(rs_State *S) {
    for (int i = 2; i >= 0; i--) {
        if (S->gc_count[i] > S->gc_threshold[i]) {
            /* The long-lived rule: a full collection only when enough new objects wait for the old generation. */
            if (i == 2 && S->gc_long_lived_pending < S->gc_long_lived_total / 4) continue;
            gc_collect(S, i, "automatic");
            break;
        }
    }
}

/* CPython 3.11's free lists: where o (or a new object of type t and size bytes) would go; NULL when none. */
static int *free_list(rs_State *S, Type *t, size_t len, int *max) {
    if (t == S->t_tuple) {
        *max = 2000;
        return len > 0 && len < 20 ? &S->gc_free_tuples[len] : NULL;
    }
    *max = 80;
    if (t == S->t_list) return &S->gc_free_lists;
    if (t == S->t_dict) return &S->gc_free_dicts;
    return NULL;
}

static size_t tuple_len_of_size(size_t size) { return (size - sizeof(Tuple)) / sizeof(Obj *); }

static void count_and_maybe_collect(rs_State *S) {
    S->gc_count[0]++;
    if (S->gc_stress && S->gc_enabled && !S->gc_collecting && !S->exc && !S->closing) {
        gc_collect(S, S->gc_stress > 1 ? 2 : 0, "stress");
        return;
    }
    if (S->gc_count[0] > S->gc_threshold[0] && S->gc_enabled && S->gc_threshold[0] && !S->gc_collecting && !S->exc && !S->closing)
        collect_generations(S);
}

uintptr_t gc_on_alloc(rs_State *S, Type *t, size_t size, bool fresh) {
    if (S->defer_frees) {
        hostgc_on_alloc(S);
        return 0;
    }
    if (t->flags & TF_UNCOUNTED) return GCF_UNCOUNTED;
    int max;
    int *numfree = fresh ? NULL : free_list(S, t, t == S->t_tuple ? tuple_len_of_size(size) : 0, &max);
    if (numfree && *numfree > 0) {
        /* CPython would reuse a free-list entry: no count, no collection */
        (*numfree)--;
        return GCF_FROM_FREELIST;
    }
    count_and_maybe_collect(S);
    return 0;
}

void gc_on_free(rs_State *S, Obj *o) {
    if (AS_GC(o)->gc_flags & GCF_UNCOUNTED) return;
    int max;
    int *numfree = free_list(S, TYPE(o), TYPE(o) == S->t_tuple ? ((Tuple *)o)->len : 0, &max);
    if (numfree && *numfree < max) (*numfree)++;
    else if (S->gc_count[0] > 0) S->gc_count[0]--;
}

void gc_uncount(rs_State *S, Obj *o) {
    GCHead *g = AS_GC(o);
    if (g->gc_flags & GCF_UNCOUNTED) return;
    int max;
    int *numfree = free_list(S, TYPE(o), TYPE(o) == S->t_tuple ? ((Tuple *)o)->len : 0, &max);
    if ((g->gc_flags & GCF_FROM_FREELIST) && numfree) (*numfree)++;
    else if (S->gc_count[0] > 0) S->gc_count[0]--;
    g->gc_flags |= GCF_UNCOUNTED;
}

void gc_count_now(rs_State *S, Obj *o) {
    GCHead *g = AS_GC(o);
    if (!(g->gc_flags & GCF_UNCOUNTED)) return;
    g->gc_flags &= ~(uintptr_t)GCF_UNCOUNTED;
    S->gc_count[0]++;
}

void gc_count_phantom_alloc(rs_State *S, Type *t, size_t len) {
    int max;
    int *numfree = free_list(S, t, len, &max);
    if (numfree && *numfree > 0) (*numfree)--;
    else S->gc_count[0]++;
}

void gc_count_phantom_free(rs_State *S, Type *t, size_t len) {
    int max;
    int *numfree = free_list(S, t, len, &max);
    if (numfree && *numfree < max) (*numfree)++;
    else if (S->gc_count[0] > 0) S->gc_count[0]--;
}
