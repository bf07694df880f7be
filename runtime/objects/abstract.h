/*
 * abstract.h: the operations every type can take part in, dispatched through
 * type slots as CPython's abstract object layer does: attribute access, calls,
 * operators with reflected fallbacks, comparisons, iteration, conversions.
 */
#ifndef RS_ABSTRACT_H
#define RS_ABSTRACT_H

#include "object.h"

Obj *obj_repr(rs_State *S, Obj *o);
Obj *obj_str(rs_State *S, Obj *o);
/* Around the repr of a container, as CPython's Py_ReprEnter/Py_ReprLeave: repr_enter gives 1 when o is
   already being shown (print it as "..."), 0 once entered, -1 on error. */
int repr_enter(rs_State *S, Obj *o);
void repr_leave(rs_State *S, Obj *o);
int64_t obj_hash(rs_State *S, Obj *o);
int obj_truth(rs_State *S, Obj *o);
Obj *obj_richcmp(rs_State *S, Obj *a, Obj *b, int op);
/* 1 true, 0 false, -1 error. Identity implies equality, as in containers. */
int obj_eq(rs_State *S, Obj *a, Obj *b);
int obj_richcmp_bool(rs_State *S, Obj *a, Obj *b, int op);
Obj *obj_binop(rs_State *S, Obj *a, Obj *b, int op);
Obj *obj_unary(rs_State *S, Obj *o, int which);  /* '-', '+', '~' */
Obj *obj_pow3(rs_State *S, Obj *a, Obj *b, Obj *m);

Obj *obj_getattr(rs_State *S, Obj *o, Str *name);
Obj *obj_getattr_cstr(rs_State *S, Obj *o, const char *name);
/* Like getattr but NULL without an exception when missing (AttributeError swallowed). */
Obj *obj_lookup_attr(rs_State *S, Obj *o, Str *name);
int obj_setattr(rs_State *S, Obj *o, Str *name, Obj *v);
/* The default __getattribute__/__setattr__ (descriptors, instance dict, class attributes). */
Obj *obj_generic_getattr(rs_State *S, Obj *o, Str *name);
int obj_generic_setattr(rs_State *S, Obj *o, Str *name, Obj *v);
Obj *attr_error(rs_State *S, Obj *o, Str *name);

Obj *obj_call(rs_State *S, Obj *f, Obj *const *args, size_t nargs, Tuple *kwnames);
Obj *obj_call0(rs_State *S, Obj *f);
Obj *obj_call1(rs_State *S, Obj *f, Obj *a);
Obj *obj_call2(rs_State *S, Obj *f, Obj *a, Obj *b);
/* Calls o.name(args...). */
Obj *obj_call_method(rs_State *S, Obj *o, Str *name, Obj *const *args, size_t nargs);
/* f(*args_tuple, **kwargs_dict); kwargs may be NULL. */
Obj *obj_call_ex(rs_State *S, Obj *f, Obj *args, Obj *kwargs);
/* How CPython names a callable in call errors: "module.qualname()", "print()" (_PyObject_FunctionStr). */
Obj *obj_function_str(rs_State *S, Obj *f);

Obj *obj_iter(rs_State *S, Obj *o);
/* Next item, or NULL: exhausted when no exception is set. */
Obj *obj_next(rs_State *S, Obj *it);
int64_t obj_len(rs_State *S, Obj *o);
Obj *obj_getitem(rs_State *S, Obj *o, Obj *key);
int obj_setitem(rs_State *S, Obj *o, Obj *key, Obj *v);
int obj_delitem(rs_State *S, Obj *o, Obj *key);
int obj_contains(rs_State *S, Obj *container, Obj *v);
/* operator.index(): an int, or TypeError naming what. */
Obj *obj_index(rs_State *S, Obj *o);
int obj_index_i64(rs_State *S, Obj *o, int64_t *out, const char *what);
int obj_isinstance(rs_State *S, Obj *o, Obj *cls);
int obj_issubclass(rs_State *S, Obj *derived, Obj *cls);
const char *type_name(Type *t);
Obj *obj_format(rs_State *S, Obj *value, Obj *spec);

static inline Obj *bool_from(rs_State *S, bool b) { return NEWREF(b ? S->true_ : S->false_); }

/* Normalises a slice's start/stop/step against length; -1 with an exception. */
int slice_indices(rs_State *S, Obj *slice, int64_t length, int64_t *start, int64_t *stop, int64_t *step, int64_t *count);

#endif
