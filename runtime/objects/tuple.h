/*
 * tuple.h: immutable sequences with the items inline.
 */
#ifndef RS_TUPLE_H
#define RS_TUPLE_H

#include "object.h"

struct Tuple {
    Obj ob;
    size_t len;
    Obj *items[];
};

#define IS_TUPLE(o) (TYPE(o) == S->t_tuple || (TYPE(o)->flags & TF_TUPLE_SUBCLASS))
#define TUPLE_ITEMS(o) (((Tuple *)(o))->items)
#define TUPLE_LEN(o) (((Tuple *)(o))->len)

/* A tuple of n NULL items, to be filled by the caller (not yet tracked). */
Tuple *tuple_new(rs_State *S, size_t n);
/* From n new references it steals; NULL when any is NULL (its making failed) or the tuple cannot be made, the
   others then released. */
Obj *tuple_pack(rs_State *S, size_t n, ...);
Obj *tuple_from_array(rs_State *S, Obj *const *items, size_t n);
Obj *tuple_slice(rs_State *S, Tuple *t, size_t start, size_t stop);
void tuple_init_type(rs_State *S);

#endif
