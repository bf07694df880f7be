/*
 * list.h: mutable sequences (an array of references that grows by ~1/8 as
 * CPython's does).
 */
#ifndef RS_LIST_H
#define RS_LIST_H

#include "object.h"

typedef struct List {
    Obj ob;
    size_t len, cap;
    Obj **items;
} List;

#define IS_LIST(o) (TYPE(o) == S->t_list || (TYPE(o)->flags & TF_LIST_SUBCLASS))
#define LIST_ITEMS(o) (((List *)(o))->items)
#define LIST_LEN(o) (((List *)(o))->len)

Obj *list_new(rs_State *S, size_t n);  /* n None-free NULL slots: fill them all */
int list_append(rs_State *S, Obj *list, Obj *v);  /* v borrowed */
int list_extend(rs_State *S, Obj *list, Obj *iterable);
Obj *list_from_iterable(rs_State *S, Obj *iterable);
int list_sort(rs_State *S, Obj *list, Obj *key, bool reverse);
/* list.sort(*, key=None, reverse=False), as a method call (sorted() passes its keywords on to it, as CPython). */
Obj *list_sort_method(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw);
Obj *list_from_array(rs_State *S, Obj *const *items, size_t n);
void list_init_type(rs_State *S);

#endif
