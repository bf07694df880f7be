/*
 * collector.h: the generational cycle collector, CPython 3.11's algorithm.
 * Reference counting frees everything that is not in a cycle; this finds
 * the unreachable cycles among tracked containers and frees them.
 */
#ifndef RS_COLLECTOR_H
#define RS_COLLECTOR_H

#include "../objects/object.h"

/* Sets up the generation lists; false when out of memory. */
bool gc_init(rs_State *S);
void gc_finish(rs_State *S);
/* Puts the counts and statistics where CPython 3.11's start-up leaves them when a script begins, so the
   script's first automatic collection comes when CPython's would. Called once the runtime is built. */
void gc_assume_cpython_startup(rs_State *S);
/* Collects generation gen (0, 1, 2) and the younger ones; returns the number of unreachable objects found. */
int64_t gc_collect(rs_State *S, int gen, const char *reason);
/* Called for every new GC object of type t and size bytes: counts it, as gc.get_count() shows, and collects
   when a threshold is passed; fresh: CPython would not take it from a free list. Returns the GCF_* bookkeeping
   flags for its header. */
uintptr_t gc_on_alloc(rs_State *S, Type *t, size_t size, bool fresh);
/* Called when a GC object is freed: uncounts it, or gives it to its emulated free list. */
void gc_on_free(rs_State *S, Obj *o);
/* o stops counting (an instance's attribute dict, which CPython 3.11 keeps inline). */
void gc_uncount(rs_State *S, Obj *o);
/* An uncounted o starts counting (a frame made into an object, as CPython does on demand). */
void gc_count_now(rs_State *S, Obj *o);
/* Count as CPython would the making and freeing of a phantom: an object of type t (of len items, for tuples)
   that CPython makes where refscope needs none, such as the arguments tuple of a call through tp_call. */
void gc_count_phantom_alloc(rs_State *S, Type *t, size_t len);
void gc_count_phantom_free(rs_State *S, Type *t, size_t len);
/* Number of objects in a generation's list (3 = permanent). */
size_t gc_generation_size(rs_State *S, int gen);
/* Whether o might need tracking by a container holding it (CPython's _PyObject_GC_MAY_BE_TRACKED). */
bool gc_may_be_tracked(rs_State *S, Obj *o);

#endif
