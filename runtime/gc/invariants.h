/*
 * invariants.h: what the debug build (-DRS_CHECK_INVARIANTS) checks at every collection, as CPython's debug
 * build validates its lists: the lists themselves, that no reference count is below the references found to it,
 * and that what survives refers to nothing found unreachable. A broken invariant aborts with what broke; the
 * release build compiles none of it.
 */
#ifndef RS_INVARIANTS_H
#define RS_INVARIANTS_H

#include "../objects/object.h"

#ifdef RS_CHECK_INVARIANTS
/* A list about to be collected: links both ways, every object tracked with a GC type, not marked by an earlier
   collection. With counts_free (the cpython model, where a count of zero frees), also every object and every
   object it refers to alive (count > 0); the host models keep dead objects until a collection finds them. */
void gc_check_list(GCHead *list, bool counts_free);
/* After subtract_refs: no count went below zero (a count lower than the references to it frees live objects). */
void gc_check_counts(GCHead *list);
/* After move_unreachable: no survivor refers to an object on the unreachable list. */
void gc_check_closed(GCHead *survivors);
#else
static inline void gc_check_list(GCHead *list, bool counts_free) {
    (void)list;
    (void)counts_free;
}
static inline void gc_check_counts(GCHead *list) { (void)list; }
static inline void gc_check_closed(GCHead *survivors) { (void)survivors; }
#endif

#endif
