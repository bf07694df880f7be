/*
 * typeobj.h: type objects. Built-in types are created per state from static
 * descriptions; classes (heap types) are made by type(name, bases, ns): C3
 * MRO, slots inherited from the nearest built-in base or wired to dunder
 * methods defined in Python.
 */
#ifndef RS_TYPEOBJ_H
#define RS_TYPEOBJ_H

#include "object.h"

/* Looks name up along t's MRO; borrowed, NULL when absent (no exception). */
Obj *type_lookup(rs_State *S, Type *t, Str *name);
/* t's instances get (set: t being a class statement's) attributes the generic way, obj_generic_getattr/setattr,
   as CPython's PyObject_GenericGetAttr: no __getattribute__, __getattr__, __setattr__ or __delattr__ in Python, no
   built-in base with its own. */
bool type_generic_getattr(rs_State *S, Type *t);
bool type_generic_setattr(rs_State *S, Type *t);
/* Invalidates cached lookups: call after any change to a type's dict or MRO. */
void type_modified(rs_State *S);
Obj *type_new_class(rs_State *S, Obj *name, Obj *bases, Obj *ns);
/* Allocates a built-in type object in the state with the basics set. */
Type *type_make_builtin(rs_State *S, const char *name, Type *base, size_t basicsize, uint32_t flags);
/* Completes a built-in type after its slots are set: MRO and dict. */
int type_ready(rs_State *S, Type *t);
Obj *type_repr_name(rs_State *S, Type *t);  /* "<class 'x'>" */
void type_init_types(rs_State *S);
/* Creates an instance of a heap type or object (object.__new__). */
Obj *object_new_instance(rs_State *S, Type *t);
/* The instance dict slot of o, or NULL when o has none. */
Dict **obj_dict_ptr(rs_State *S, Obj *o);

#endif
