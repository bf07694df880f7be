/*
 * weakref.h: weak references, as CPython's weakrefobject.c. An object whose
 * type has a weaklistoffset keeps, at that offset, the head of a doubly
 * linked list of the weak references to it: the plain ref without callback
 * first, then the plain proxy, then the ones with callbacks, newest first.
 */
#ifndef RS_WEAKREF_H
#define RS_WEAKREF_H

#include "../objects/object.h"

typedef struct Weakref {
    Obj ob;
    Obj *object;                  /* borrowed; NULL once the referent died */
    Obj *callback;                /* NULL when none */
    int64_t hash;                 /* the referent's, -1 until asked for */
    struct Weakref *prev, *next;  /* in the referent's list */
} Weakref;

/* The head of o's list of weak references, NULL when its type has none. */
static inline Weakref **weakref_list(Obj *o) {
    size_t off = TYPE(o)->weaklistoffset;
    return off ? (Weakref **)((char *)o + off) : NULL;
}

/* Called by a dying object's dealloc: clears every weak reference to o, then runs their callbacks. */
void weakref_clear_all(rs_State *S, Obj *o);
/* Unlinks r from its referent and drops its callback, without calling it (the collector's half). */
void weakref_clear_ref(rs_State *S, Weakref *r);
/* Unlinks r from its referent and hands over its callback (NULL when none), for a collector to call later. */
Obj *weakref_detach(rs_State *S, Weakref *r);
/* Calls a weak reference's callback with it, reporting (not raising) an error, as CPython's handle_callback. */
void weakref_call_callback(rs_State *S, Weakref *r, Obj *callback);
/* A new weak reference (ref or proxy) to o; callback may be NULL or None. */
Obj *weakref_new(rs_State *S, Type *t, Obj *o, Obj *callback);
Obj *weakref_proxy_new(rs_State *S, Obj *o, Obj *callback);
/* The number of weak references to o, and a new list of them. */
int64_t weakref_count(Obj *o);
Obj *weakref_list_of(rs_State *S, Obj *o);
void weakref_init_types(rs_State *S);

#endif
