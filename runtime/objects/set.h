/*
 * set.h: set and frozenset, open addressing with linear probing then
 * perturbation, as CPython's setobject.
 */
#ifndef RS_SET_H
#define RS_SET_H

#include "object.h"

typedef struct SetEntry {
    Obj *key;     /* NULL empty; the state's dummy: deleted */
    int64_t hash;
} SetEntry;

typedef struct Set {
    Obj ob;
    size_t used, fill, mask;
    SetEntry *table;
    int64_t hash;   /* frozenset: -1 until computed */
    struct Weakref *weaklist; /* weak references to this object (gc/weakref.h) */
} Set;

#define IS_ANYSET(o) (TYPE(o) == S->t_set || TYPE(o) == S->t_frozenset)

Obj *set_new(rs_State *S, Type *t, Obj *iterable);  /* iterable may be NULL */
int set_add(rs_State *S, Obj *set, Obj *key);
int set_contains(rs_State *S, Obj *set, Obj *key);
bool set_next(Obj *set, size_t *pos, Obj **key);
void set_init_type(rs_State *S);

#endif
