/*
 * observe.h: what the memory manager reports: the counters behind rs_Stats
 * and the events behind rs_set_event_hook. The runtime calls these at each
 * allocation, reclamation, finalizer, collection and weakref callback; with
 * no hook set, an event costs one predictable branch.
 */
#ifndef RS_OBSERVE_H
#define RS_OBSERVE_H

#include "../objects/object.h"

/*
 * The logical clock counts bytecode instructions without a cost per
 * instruction: a frame adds the instructions it ran since its clock_mark
 * when it jumps, when it leaves, and when it calls into another frame;
 * in between, the frame's lasti tells how far it got (observe_clock).
 * Built with -DRS_NO_OBSERVE, the per-object hooks and the clock compile
 * to nothing: the baseline that `make bench-observe` measures against.
 */
#ifdef RS_NO_OBSERVE
#define CLOCK_JUMP(S, f, ip, target) ((ip) = (target))
#define CLOCK_SETTLE(S, f, ip) ((void)0)
#define CLOCK_ENTER(S, caller, f) ((void)0)
#else
/* A jump: the run up to here counts; counting starts again at target. */
#define CLOCK_JUMP(S, f, ip, target) ((S)->clock += (uint64_t)((ip) - (f)->clock_mark), (ip) = (target), (f)->clock_mark = (ip))
/* Leaving the frame (return, yield): what it ran counts. */
#define CLOCK_SETTLE(S, f, ip) ((S)->clock += (uint64_t)((ip) - (f)->clock_mark), (f)->clock_mark = (ip))
/* f starts or resumes, called from caller's current instruction (which counts now). */
#define CLOCK_ENTER(S, caller, f)                                                                   \
    do {                                                                                            \
        if (caller) {                                                                               \
            (S)->clock += (uint64_t)((caller)->lasti + 1 - (caller)->clock_mark);                   \
            (caller)->clock_mark = (caller)->lasti + 1;                                             \
        }                                                                                           \
        (f)->clock_mark = (f)->ip;                                                                  \
    } while (0)
#endif

/* Instructions executed so far, the running frame's included. */
uint64_t observe_clock(const rs_State *S);

/* The state is ready for the embedder: counting starts here. */
void observe_ready(rs_State *S);

void observe_alloc_slow(rs_State *S, Obj *o, size_t size);
void observe_free_slow(rs_State *S, Obj *o, size_t size);
void observe_free_runtime(rs_State *S, size_t size);

/* The hot path: a compare for the peak, one flag for events. (Objects allocated are derived: live now plus
   freed by each cause.) */
static inline void observe_alloc(rs_State *S, Obj *o, size_t size) {
#ifdef RS_NO_OBSERVE
    (void)S, (void)o, (void)size;
    return;
#endif
    if (S->live_objects > S->peak_live_objects) S->peak_live_objects = S->live_objects;
    if (S->tracking_objects) observe_alloc_slow(S, o, size);
}

/* gc: o is a GC object (its header says whether it is one of the runtime's own). */
static inline void observe_free(rs_State *S, Obj *o, size_t size, bool gc) {
#ifdef RS_NO_OBSERVE
    (void)S, (void)o, (void)size, (void)gc;
    return;
#endif
    if (gc && (AS_GC(o)->gc_flags & GCF_RUNTIME)) {
        observe_free_runtime(S, size);
        return;
    }
    S->freed_by_cause[S->free_cause]++;
    if (S->event_mask) observe_free_slow(S, o, size);
}

/* Finalizer start and end (at the end, resurrected: o lives on, as far as the caller can tell). */
void observe_finalizer(rs_State *S, Obj *o, bool start, bool resurrected);
void observe_resurrection(rs_State *S, int64_t n);
/* A weakref callback about to run; referent_type names the dead object's type. */
void observe_weakref_callback(rs_State *S, Obj *weakref);
/* A file opened (open) or closed. */
void observe_file(rs_State *S, Obj *file, bool open);
/* Collection start (before the counts reset) and stop. */
void observe_collection_start(rs_State *S, int gen);
void observe_collection_stop(rs_State *S, int gen, int64_t collected, double seconds);

/* The embedder's view of the counters. */
void observe_stats(const rs_State *S, rs_Stats *out);
void observe_set_hook(rs_State *S, unsigned mask, rs_EventFn fn, void *ud);
/* The run is over (before the shutdown sequence): live counts are taken now. */
void observe_run_ended(rs_State *S);
/* The runtime's own teardown begins: nothing is counted or reported after this. */
void observe_finish(rs_State *S);

#endif
