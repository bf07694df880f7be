/*
 * hostgc.h: the host-GC models, jvm, clr and boehm: reclamation by tracing
 * collections and finalization from a queue, on the same heap and object
 * layout as the cpython model (see hostgc.c for the rules).
 */
#ifndef RS_HOSTGC_H
#define RS_HOSTGC_H

#include "../objects/object.h"

/* Sets up the model chosen in the options; called once the runtime is built (start-up is refcounted). */
bool hostgc_start(rs_State *S);
/* The program ended: what is pending is dropped unrun, and from here on reference counting frees at once
   (only resources, such as open files, are still closed). Idempotent. */
void hostgc_end(rs_State *S);
/* Frees the model's own memory. */
void hostgc_finish(rs_State *S);

/* o's count reached zero while frees are deferred: it waits for a collection (obj_dealloc). */
void hostgc_release(rs_State *S, Obj *o);
/* A container is about to be allocated: collects when the model's budget is spent, and lets the finalizer
   thread take its turn. */
void hostgc_on_alloc(rs_State *S);
/* A loop went round: the finalizer thread may take its turn. */
void hostgc_safe_point(rs_State *S);
/* A collection of generation gen (2: full) by the model's rules; returns the objects reclaimed. */
int64_t hostgc_collect(rs_State *S, int gen);
/* Runs every pending finalizer and weakref callback now (the CLR's GC.WaitForPendingFinalizers). */
void hostgc_run_pending(rs_State *S);
/* Whether a weakref callback must wait for the finalizer thread (it is called inside a collection). */
bool hostgc_defers_callbacks(rs_State *S);
void hostgc_enqueue(rs_State *S, Obj *o, Obj *callback);

/* The program's heap in bytes: live bytes, less what observers keep for themselves (event serials). */
size_t hostgc_heap_bytes(const rs_State *S);

/* The model's knobs and their defaults (0 in the options: the default). */
size_t hostgc_default_young_size(int model);
int hostgc_default_finalizer_slice(int model);
int hostgc_default_finalizer_period(int model);

#endif
