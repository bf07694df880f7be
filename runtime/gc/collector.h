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
/* Collects generation gen (0, 1, 2) and the younger ones; returns the number of unreachable objects found. */
int64_t gc_collect(rs_State *S, int gen, const char *reason);
/* Called for every new GC object: counts it and collects when a threshold is passed. */
void gc_on_alloc(rs_State *S);
void gc_on_free(rs_State *S);
/* Number of objects in a generation's list (3 = permanent). */
size_t gc_generation_size(rs_State *S, int gen);
/* Whether o is a GC object that is currently tracked. */
bool gc_is_gc_tracked(Obj *o);
/* Whether o might need tracking by a container holding it (CPython's _PyObject_GC_MAY_BE_TRACKED). */
bool gc_may_be_tracked(rs_State *S, Obj *o);

#endif
