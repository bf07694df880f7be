/*
 * singletons.c: bool (True, False), None, NotImplemented and Ellipsis.
 * Each state owns its own instances; they live until the state closes.
 */
#include <string.h>
#include "abstract.h"
#include "cfunc.h"
#include "exception.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

static Obj *bool_repr(rs_State *S, Obj *o) { return str_from_cstr(S, o == S->true_ ? "True" : "False"); }

static Obj *bool_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)t;
    if (args_no_kwargs(S, "bool", kwnames) < 0 || args_count(S, "bool", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return NEWREF(S->false_);
    int r = obj_truth(S, args[0]);
    if (r < 0) return NULL;
    return bool_from(S, r);
}

static void immortal_dealloc(rs_State *S, Obj *o) {
    /* Only reached when the state closes and releases its singletons. */
    obj_free(S, o, TYPE(o)->basicsize);
}

static Obj *none_repr(rs_State *S, Obj *o) {
    (void)o;
    return str_from_cstr(S, "None");
}

static int none_truth(rs_State *S, Obj *o) {
    (void)S;
    (void)o;
    return 0;
}

static Obj *none_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)t;
    (void)args;
    if (nargs || (kwnames && kwnames->len)) return exc_raisef(S, S->e_TypeError, "NoneType takes no arguments");
    return NEWREF(S->none);
}

static Obj *notimpl_repr(rs_State *S, Obj *o) {
    (void)o;
    return str_from_cstr(S, "NotImplemented");
}

static Obj *ellipsis_repr(rs_State *S, Obj *o) {
    (void)o;
    return str_from_cstr(S, "Ellipsis");
}

static int64_t identity_hash(rs_State *S, Obj *o) {
    (void)S;
    return (int64_t)((uintptr_t)o >> 4);
}

void singletons_init_types(rs_State *S);
void singletons_init_types(rs_State *S) {
    Type *t = S->t_bool;
    t->repr = bool_repr;
    t->tp_new = bool_tp_new;
    t->flags &= ~(uint32_t)TF_BASETYPE;
    t = S->t_none;
    t->dealloc = immortal_dealloc;
    t->repr = none_repr;
    t->truth = none_truth;
    t->tp_new = none_tp_new;
    t->hash = identity_hash;
    t->flags &= ~(uint32_t)TF_BASETYPE;
    t = S->t_notimpl;
    t->dealloc = immortal_dealloc;
    t->repr = notimpl_repr;
    t->hash = identity_hash;
    t->flags &= ~(uint32_t)TF_BASETYPE;
    t = S->t_ellipsis;
    t->dealloc = immortal_dealloc;
    t->repr = ellipsis_repr;
    t->hash = identity_hash;
    t->flags &= ~(uint32_t)TF_BASETYPE;
}
