/*
 * hostgc.c: the host-GC models. Reference counts are still kept (the VM and
 * the objects are the same), but a count reaching zero frees nothing: the
 * object stays in the heap, unreachable, until a tracing collection finds
 * it, as on a JVM or the CLR. What the collection decides comes from the
 * graph, not from the counts' history: an object reached again through a
 * weak reference before the collection lives on.
 *
 * A collection of generation g (reachability.h finds the unreachable set):
 *   1. objects without a GCHead that died since the last one are freed;
 *      GC objects they alone held join the young generation, unreachable;
 *   2. generations 0..g are traced; weak references to the unreachable are
 *      cleared, the callbacks of the surviving ones queued;
 *   3. unreachable objects with a finalizer not yet run are kept, with all
 *      they reach, and queued for the finalizer thread (boehm: only those
 *      no other finalizable object reaches, so a cycle of them stays for
 *      ever);
 *   4. the rest is freed at once, without any Python code running;
 *   5. survivors are promoted (jvm: eden -> survivor -> old; clr: g -> g+1;
 *      boehm: one heap).
 * The finalizer thread is simulated: it takes a turn every few safe points
 * (loop iterations and container allocations, where CPython too may run
 * code of its own), so finalization lags behind the program as it does on
 * a JVM. Everything is deterministic: no clocks, no threads.
 */
#include "hostgc.h"
#include <limits.h>
#include <string.h>
#include "../objects/exception.h"
#include "collector.h"
#include "observe.h"
#include "invariants.h"
#include "reachability.h"
#include "weakref.h"
#include "../core/clock.h"

/* ---- the models' defaults ---- */

/* Allocation volume is counted in objects, not bytes: a 32-bit build (wasm) makes smaller objects, and a run must
   give the same events natively and in wasm. */
size_t hostgc_default_young_size(int model) { return model == RS_MODEL_CPYTHON ? 0 : 2048; }

int hostgc_default_finalizer_slice(int model) { return model == RS_MODEL_JVM ? 1 : -1; }

int hostgc_default_finalizer_period(int model) { return model == RS_MODEL_JVM ? 64 : 1; }

/* The program's heap: live bytes, less what observers keep for themselves. */
size_t hostgc_heap_bytes(const rs_State *S) { return S->mem.bytes - S->mem.overhead_bytes; }

/* The live objects beyond which the next collection is full: twice what a full collection left, and at least 16
   young generations' worth (jvm: the old generation grew; clr: the generation-2 budget; boehm: unused). */
static void set_full_trigger(rs_State *S) {
    size_t twice = S->live_objects * 2, floor = S->young_size * 16;
    S->full_trigger = twice > floor ? twice : floor;
}

bool hostgc_start(rs_State *S) {
    S->model = S->opts.model;
    if (S->model == RS_MODEL_CPYTHON) return true;
    S->young_size = S->opts.young_size ? S->opts.young_size : hostgc_default_young_size(S->model);
    S->finalizer_slice = S->opts.finalizer_slice ? S->opts.finalizer_slice : hostgc_default_finalizer_slice(S->model);
    S->finalizer_period = S->opts.finalizer_period > 0 ? S->opts.finalizer_period : hostgc_default_finalizer_period(S->model);
    S->young_mark = S->gen1_mark = S->allocations;
    set_full_trigger(S);
    if (S->model == RS_MODEL_CLR) {
        /* what IronPython's gc.get_threshold() shows (bytes); the CLR's budgets are its own */
        S->gc_threshold[0] = 64 * 1024;
        S->gc_threshold[1] = 256 * 1024;
        S->gc_threshold[2] = 1024 * 1024;
    }
    S->defer_frees = true;
    return true;
}

/* ---- deferred frees ---- */

void hostgc_release(rs_State *S, Obj *o) {
    bool gc = (TYPE(o)->flags & TF_GC) != 0;
    if (S->reclaiming) {
        /* Freeing garbage: what dies with it goes at once, unless it lives in a generation this collection
           left alone (it waits there for that generation's collection). */
        if (!gc || !gc_is_tracked(o) || (AS_GC(o)->gc_flags & GCF_UNREACHABLE)) obj_destroy(S, o);
        return;
    }
    if (gc) {
        /* it waits in a generation list, where tracing will find it (an untracked tuple or dict too) */
        AS_GC(o)->gc_flags &= ~(uintptr_t)GCF_MANAGED;
        gc_track(S, o);
        return;
    }
    if (S->nzombies == S->zombies_cap) {
        size_t cap = S->zombies_cap ? S->zombies_cap * 2 : 256;
        Obj **z = mem_realloc(&S->mem, S->zombies, S->zombies_cap * sizeof(Obj *), cap * sizeof(Obj *));
        if (!z) {
            TYPE(o)->dealloc(S, o); /* no room to wait: freed now (what it held is released, and waits as usual) */
            return;
        }
        S->zombies = z;
        S->zombies_cap = cap;
    }
    S->zombies[S->nzombies++] = o;
}

/* Step 1: frees the dead objects without a GCHead (numbers, strings, code); their deaths may add more. */
static int64_t free_zombies(rs_State *S) {
    int64_t n = 0;
    while (S->nzombies > 0) {
        Obj *o = S->zombies[--S->nzombies];
        if (o->refcnt != 0) continue;
        TYPE(o)->dealloc(S, o);
        n++;
    }
    return n;
}

/* ---- the finalizer thread's queue ---- */

void hostgc_enqueue(rs_State *S, Obj *o, Obj *callback) {
    if (S->pending_head + S->pending_len == S->pending_cap) {
        if (S->pending_head > 0) {
            memmove(S->pending, S->pending + S->pending_head, S->pending_len * sizeof *S->pending);
            S->pending_head = 0;
        } else {
            size_t cap = S->pending_cap ? S->pending_cap * 2 : 64;
            struct Pending *p = mem_realloc(&S->mem, S->pending, S->pending_cap * sizeof *p, cap * sizeof *p);
            if (!p) {
                /* out of memory: the object is simply never finalized, as when a host's finalizer thread falls behind for ever */
                return;
            }
            S->pending = p;
            S->pending_cap = cap;
        }
    }
    S->pending[S->pending_head + S->pending_len++] = (struct Pending){NEWREF(o), callback ? NEWREF(callback) : NULL};
}

bool hostgc_defers_callbacks(rs_State *S) { return S->defer_frees && S->gc_collecting; }

static void run_one_pending(rs_State *S) {
    struct Pending p = S->pending[S->pending_head++];
    if (--S->pending_len == 0) S->pending_head = 0;
    if (p.callback) {
        weakref_call_callback(S, (Weakref *)p.obj, p.callback);
        DECREF(S, p.callback);
    } else {
        obj_call_finalizer(S, p.obj, 1);
    }
    DECREF(S, p.obj);
}

void hostgc_run_pending(rs_State *S) {
    if (S->finalizing) return; /* called from a finalizer: the thread is busy, it cannot wait for itself */
    S->finalizing = true;
    while (S->pending_len > 0 && !S->host_ended) run_one_pending(S);
    S->finalizing = false;
}

static void finalizer_turn(rs_State *S) {
    S->finalizer_ticks = 0;
    S->finalizing = true;
    for (int n = S->finalizer_slice; S->pending_len > 0 && n != 0; n--) run_one_pending(S);
    S->finalizing = false;
}

void hostgc_safe_point(rs_State *S) {
    /* one finalizer thread: while it runs a finalizer, the finalizer's own safe points are not its turns */
    if (S->pending_len == 0 || S->gc_collecting || S->host_ended || S->finalizing) return;
    if (++S->finalizer_ticks >= S->finalizer_period) {
        Obj *saved = exc_fetch(S);
        finalizer_turn(S);
        S->exc = saved;
    }
}

/* ---- a collection ---- */

/* Step 2's weak references: cleared for every unreachable referent; the callbacks of weak references that
   are not garbage themselves are queued. */
static void clear_weakrefs(rs_State *S, GCHead *unreachable) {
    for (GCHead *g = unreachable->next; g != unreachable; g = g->next) {
        Weakref **list = weakref_list(FROM_GC(g));
        while (list && *list) {
            Weakref *r = *list;
            Obj *callback = weakref_detach(S, r);
            if (!callback) continue;
            if (!(AS_GC(r)->gc_flags & GCF_UNREACHABLE) && r->ob.refcnt > 0) hostgc_enqueue(S, (Obj *)r, callback);
            DECREF(S, callback);
        }
    }
}

static int visit_keep(Obj *o, void *arg) {
    if (!gc_is_gc_tracked(o)) return 0;
    GCHead *g = AS_GC(o);
    if (g->gc_flags & GCF_UNREACHABLE) {
        g->gc_flags &= ~(uintptr_t)GCF_UNREACHABLE;
        gcl_move(g, arg);
    }
    return 0;
}

/* Moves into kept everything unreachable that the objects of kept reach (kept grows as it is scanned). */
static void keep_reached(GCHead *kept) {
    for (GCHead *g = kept->next; g != kept; g = g->next) {
        Obj *o = FROM_GC(g);
        if (TYPE(o)->traverse) TYPE(o)->traverse(o, visit_keep, kept);
    }
}

static bool wants_finalizer(Obj *o) { return TYPE(o)->finalize && !(AS_GC(o)->gc_flags & GCF_FINALIZED); }

/* Step 3: finalizable garbage, and all it reaches, is kept and queued. Returns how many were queued. */
static int64_t queue_finalizable(rs_State *S, GCHead *unreachable, GCHead *kept) {
    GCHead fin;
    gcl_init(&fin);
    for (GCHead *g = unreachable->next, *next; g != unreachable; g = next) {
        next = g->next;
        if (wants_finalizer(FROM_GC(g))) gcl_move(g, &fin);
    }
    if (S->model == RS_MODEL_BOEHM) {
        /* Topological order: what another finalizable object reaches (or itself, through a cycle) waits. The
           walk may move any of them to kept, so each is taken off fin before its references are followed. */
        GCHead roots;
        gcl_init(&roots);
        while (!gcl_empty(&fin)) {
            GCHead *g = fin.next;
            gcl_move(g, &roots);
            Obj *o = FROM_GC(g);
            if (TYPE(o)->traverse) TYPE(o)->traverse(o, visit_keep, kept);
        }
        keep_reached(kept);
        gcl_merge(&roots, &fin); /* those no finalizable object reaches */
    }
    int64_t queued = 0;
    for (GCHead *g = fin.next; g != &fin; g = g->next) {
        g->gc_flags &= ~(uintptr_t)GCF_UNREACHABLE;
        hostgc_enqueue(S, FROM_GC(g), NULL);
        queued++;
    }
    gcl_merge(&fin, kept);
    keep_reached(kept);
    return queued;
}

/* Step 4: frees the garbage; nothing of it has a finalizer left to run. Returns the objects freed. */
static int64_t reclaim(rs_State *S, GCHead *garbage, GCHead *survivors) {
    size_t live_before = S->live_objects;
    S->reclaiming = true;
    while (!gcl_empty(garbage)) {
        GCHead *g = garbage->next;
        Obj *o = FROM_GC(g);
        INCREF(o);
        if (TYPE(o)->clear) TYPE(o)->clear(S, o);
        DECREF(S, o);
        if (garbage->next == g) {
            /* something still holds it (a reference the tracing could not see): it lives on */
            g->gc_flags &= ~(uintptr_t)(GCF_COLLECTING | GCF_UNREACHABLE);
            gcl_move(g, survivors);
        }
    }
    S->reclaiming = false;
    return (int64_t)(live_before - S->live_objects);
}

/* Step 5. */
static void promote(rs_State *S, int gen, GCHead *survivors) {
    if (S->model == RS_MODEL_JVM && gen < 2) {
        for (GCHead *g = survivors->next, *next; g != survivors; g = next) {
            next = g->next;
            if (g->gc_flags & GCF_SURVIVOR) {
                g->gc_flags &= ~(uintptr_t)GCF_SURVIVOR;
                gcl_move(g, S->gc_gen[2]);
            } else {
                g->gc_flags |= GCF_SURVIVOR;
                gcl_move(g, S->gc_gen[1]);
            }
        }
        return;
    }
    if (gen == 2)
        for (GCHead *g = survivors->next; g != survivors; g = g->next) g->gc_flags &= ~(uintptr_t)GCF_SURVIVOR;
    gcl_merge(survivors, S->gc_gen[gen < 2 ? gen + 1 : 2]);
}

int64_t hostgc_collect(rs_State *S, int gen) {
    if (S->gc_collecting) return 0;
    if (S->model == RS_MODEL_BOEHM) gen = 2;         /* one heap */
    if (S->model == RS_MODEL_JVM && gen == 1) gen = 0; /* young (eden and survivor) or full */
    S->gc_collecting = true;
    observe_collection_start(S, gen);
    double started = clock_seconds(CLOCK_KIND_MONOTONIC);
    int saved_cause = S->free_cause;
    S->free_cause = RS_CAUSE_COLLECTION;

    S->reclaiming = true;
    int64_t freed = free_zombies(S);
    S->reclaiming = false;
    GCHead young, unreachable, kept;
    gcl_init(&young);
    gcl_init(&unreachable);
    gcl_init(&kept);
    int upto = S->model == RS_MODEL_JVM && gen == 0 ? 1 : gen;
    for (int i = 0; i <= upto; i++) gcl_merge(S->gc_gen[i], &young);
    gc_check_list(&young, false);
    update_refs(&young);
    subtract_refs(&young);
    move_unreachable(&young, &unreachable);
    clear_collecting(&young);
    clear_weakrefs(S, &unreachable);
    queue_finalizable(S, &unreachable, &kept);
    clear_collecting(&kept);
    gcl_merge(&kept, &young);
    freed += reclaim(S, &unreachable, &young);
    promote(S, gen, &young);

    S->young_mark = S->allocations;
    if (gen >= 1) S->gen1_mark = S->allocations;
    if (gen == 2) set_full_trigger(S);
    for (int i = 0; i <= gen; i++) S->gc_count[i] = 0;
    S->gc_collections[gen]++;
    S->gc_collected[gen] += freed;
    S->free_cause = saved_cause;
    observe_collection_stop(S, gen, freed, clock_seconds(CLOCK_KIND_MONOTONIC) - started);
    S->gc_collecting = false;
    return freed;
}

/* Which generation the model collects now, or -1. */
static int due_generation(rs_State *S) {
    uint64_t since_young = S->allocations - S->young_mark;
    switch (S->model) {
    case RS_MODEL_JVM:
        if (S->live_objects >= S->full_trigger) return 2;
        return since_young >= S->young_size ? 0 : -1;
    case RS_MODEL_CLR:
        if (since_young < S->young_size) return -1;
        if (S->live_objects >= S->full_trigger) return 2;
        return S->allocations - S->gen1_mark >= S->young_size * 8 ? 1 : 0;
    case RS_MODEL_BOEHM: {
        /* Boehm's free-space divisor: collect once a third of the heap has been allocated again */
        size_t third = S->live_objects / 3;
        return since_young >= (third > S->young_size ? third : S->young_size) ? 2 : -1;
    }
    default: return -1;
    }
}

void hostgc_on_alloc(rs_State *S) {
    if (S->gc_enabled && !S->gc_collecting && !S->exc && !S->closing) {
        int gen = due_generation(S);
        if (gen >= 0) hostgc_collect(S, gen);
    }
    if (!S->exc) hostgc_safe_point(S);
}

/* ---- the end ---- */

void hostgc_end(rs_State *S) {
    if (S->model == RS_MODEL_CPYTHON || S->host_ended) return;
    S->host_ended = true;
    S->defer_frees = false;
    S->gc_threshold[0] = 0; /* (IronPython's stored thresholds must not drive CPython's collector during the teardown) */
    /* The host runs no finalizer after the program: what is queued is dropped, unrun. */
    while (S->pending_len > 0) {
        struct Pending p = S->pending[S->pending_head++];
        S->pending_len--;
        XDECREF(S, p.callback);
        DECREF(S, p.obj);
    }
    S->pending_head = 0;
    free_zombies(S);
}

void hostgc_finish(rs_State *S) {
    hostgc_end(S);
    if (S->zombies) mem_free(&S->mem, S->zombies, S->zombies_cap * sizeof(Obj *));
    if (S->pending) mem_free(&S->mem, S->pending, S->pending_cap * sizeof *S->pending);
    S->zombies = NULL;
    S->pending = NULL;
}
