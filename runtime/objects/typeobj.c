/*
 * typeobj.c: `type` and `object`, and classes made in Python. A class's
 * slots point at slot_* functions that look the matching dunder up along the
 * MRO at call time and fall back to the nearest built-in base, so assigning
 * C.__add__ later works as in CPython. Instances of classes are released by
 * subtype_dealloc: __del__ first (once, PEP 442: it may resurrect), then
 * __slots__ values, then the instance dict, then the built-in base's part.
 */
#include "typeobj.h"
#include "../gc/collector.h"
#include "../gc/weakref.h"
#include <stdio.h>
#include <string.h>
#include "abstract.h"
#include "../core/buf.h"
#include "cfunc.h"
#include "descr.h"
#include "dict.h"
#include "exception.h"
#include "func.h"
#include "int.h"
#include "list.h"
#include "names.h"
#include "str.h"
#include "tuple.h"

/* ---- lookups ---- */

static Obj *lookup_uncached(rs_State *S, Type *t, Str *name) {
    Tuple *mro = t->mro;
    if (!mro) return t->dict ? dict_get_str(S, t->dict, name) : NULL;
    for (size_t i = 0; i < mro->len; i++) {
        Type *b = (Type *)mro->items[i];
        if (!b->dict) continue;
        Obj *v = dict_get_str(S, b->dict, name);
        if (v) return v;
    }
    return NULL;
}

Obj *type_lookup(rs_State *S, Type *t, Str *name) {
    /* Only interned names are cached: they are compared by pointer. */
    if (!name->interned) return lookup_uncached(S, t, name);
    size_t h = (((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 3) * 31) & 4095;
    struct TypeCacheEntry *e = &S->type_cache[h];
    if (e->type == t && e->name == name && e->version == S->type_version) return e->value;
    Obj *v = lookup_uncached(S, t, name);
    e->type = t;
    e->name = name;
    e->value = v;
    e->version = S->type_version;
    return v;
}

void type_modified(rs_State *S) { S->type_version++; }

/* The built-in type whose layout instances of t share. */
static Type *solid_base(Type *t) {
    while (t->flags & TF_HEAP) t = t->base;
    return t;
}

Dict **obj_dict_ptr(rs_State *S, Obj *o) {
    (void)S;
    size_t off = TYPE(o)->dictoffset;
    return off ? (Dict **)((char *)o + off) : NULL;
}

Obj *type_repr_name(rs_State *S, Type *t) {
    if (t->flags & TF_HEAP) {
        Obj *mod = t->dict ? dict_get_str(S, t->dict, NAME(__module__)) : NULL;
        if (mod && IS_STR(mod) && !str_eq_cstr(mod, "builtins")) return str_fromf(S, "<class '%U.%U'>", (Str *)mod, t->qualname);
        return str_fromf(S, "<class '%U'>", t->qualname);
    }
    return str_fromf(S, "<class '%s'>", t->name);
}

/* ---- object ---- */

Obj *object_new_instance(rs_State *S, Type *t) {
    Obj *o = obj_alloc(S, t, t->basicsize);
    if (!o) return NULL;
    memset((char *)o + sizeof(Obj), 0, t->basicsize - sizeof(Obj));
    return o;
}

static bool overrides(rs_State *S, Type *t, Str *name, Type *base_owner) {
    Obj *v = type_lookup(S, t, name);
    Obj *basev = base_owner->dict ? dict_get_str(S, base_owner->dict, name) : NULL;
    return v != basev;
}

static Obj *object_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames);
static int object_init(rs_State *S, Obj *o, Obj *const *args, size_t nargs, Tuple *kwnames);

enum {
    TH_GETATTRIBUTE = 1, TH_GETATTR = 2, TH_SETATTR = 4, TH_DELATTR = 8,
    TH_SOLID_GETATTR = 16, /* the built-in base has a getattr of its own */
    TH_SOLID_SETATTR = 32, /* the built-in base (not object) has a setattr of its own */
    TH_INIT = 64, TH_NEW = 128 /* __init__, __new__ replace object's (CPython's excess-argument rules depend on it) */
};

/* What heap class t defines that changes how its instances are made and their attributes reached (TH_*), looked
   up again only after a class changed: most classes define none of it, and every access would look each up. */
static uint32_t class_hooks(rs_State *S, Type *t) {
    if (t->hooks_version == S->type_version) return t->hooks;
    Obj *f;
    uint32_t hooks = 0;
    if ((f = type_lookup(S, t, NAME(__getattribute__))) && TYPE(f) == S->t_function) hooks |= TH_GETATTRIBUTE;
    if (type_lookup(S, t, NAME(__getattr__))) hooks |= TH_GETATTR;
    if ((f = type_lookup(S, t, NAME(__setattr__))) && TYPE(f) == S->t_function) hooks |= TH_SETATTR;
    if ((f = type_lookup(S, t, NAME(__delattr__))) && TYPE(f) == S->t_function) hooks |= TH_DELATTR;
    Type *solid = solid_base(t);
    if (solid->getattr && solid->getattr != obj_generic_getattr) hooks |= TH_SOLID_GETATTR;
    if (solid->setattr && solid != S->t_object) hooks |= TH_SOLID_SETATTR;
    if (overrides(S, t, NAME(__init__), S->t_object) || solid->init != object_init) hooks |= TH_INIT;
    if (overrides(S, t, NAME(__new__), S->t_object) || solid->tp_new != object_tp_new) hooks |= TH_NEW;
    t->hooks = hooks;
    t->hooks_version = S->type_version;
    return hooks;
}

/* Whether t replaces object's __init__ / __new__. */
static bool init_overridden(rs_State *S, Type *t) {
    if (t->flags & TF_HEAP) return (class_hooks(S, t) & TH_INIT) != 0;
    return t->init != object_init;
}
static bool new_overridden(rs_State *S, Type *t) {
    if (t->flags & TF_HEAP) return (class_hooks(S, t) & TH_NEW) != 0;
    return t->tp_new != object_tp_new;
}

static Obj *object_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)args;
    size_t total = nargs + (kwnames ? kwnames->len : 0);
    if (total && (new_overridden(S, t) || !init_overridden(S, t)))
        return exc_raisef(S, S->e_TypeError, "%s() takes no arguments", type_name(t));
    if (t == S->t_object) return object_new_instance(S, t);
    Type *solid = solid_base(t);
    if (solid != S->t_object && solid->tp_new && solid->tp_new != object_tp_new) return solid->tp_new(S, t, args, 0, NULL);
    return object_new_instance(S, t);
}

static int object_init(rs_State *S, Obj *o, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)args;
    size_t total = nargs + (kwnames ? kwnames->len : 0);
    if (total) {
        Type *t = TYPE(o);
        if (init_overridden(S, t)) {
            exc_raisef(S, S->e_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (!new_overridden(S, t)) {
            exc_raisef(S, S->e_TypeError, "%s() takes no arguments", type_name(t));
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(rs_State *S, Obj *o) { obj_free(S, o, TYPE(o)->basicsize); }

static Obj *object_repr(rs_State *S, Obj *o) {
    Type *t = TYPE(o);
    if (t->flags & TF_HEAP) {
        Obj *mod = t->dict ? dict_get_str(S, t->dict, NAME(__module__)) : NULL;
        if (mod && IS_STR(mod) && !str_eq_cstr(mod, "builtins"))
            return str_fromf(S, "<%U.%U object at %p>", (Str *)mod, t->qualname, (void *)o);
        return str_fromf(S, "<%U object at %p>", t->qualname, (void *)o);
    }
    return str_fromf(S, "<%s object at %p>", t->name, (void *)o);
}

static int64_t object_hash(rs_State *S, Obj *o) {
    (void)S;
    uintptr_t p = (uintptr_t)o;
    int64_t h = (int64_t)((p >> 4) | (p << (8 * sizeof(p) - 4)));
    return h == -1 ? -2 : h;
}

static Obj *object_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if (op == CMP_EQ) return a == b ? NEWREF(S->true_) : NEWREF(S->notimpl);
    if (op == CMP_NE) {
        /* __ne__ inverts __eq__ unless that is NotImplemented */
        Obj *eq = TYPE(a)->richcmp(S, a, b, CMP_EQ);
        if (!eq || eq == S->notimpl) return eq;
        int t = obj_truth(S, eq);
        DECREF(S, eq);
        if (t < 0) return NULL;
        return bool_from(S, !t);
    }
    return NEWREF(S->notimpl);
}

/* object.__dir__-free helpers exposed as methods. */
static Obj *m_object_init(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (object_init(S, self, args, nargs, kw) < 0) return NULL;
    return NEWREF(S->none);
}

static Obj *m_object_new(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (nargs < 1) return exc_raisef(S, S->e_TypeError, "object.__new__(): not enough arguments");
    if (TYPE(args[0]) != S->t_type && !type_is_subtype(TYPE(args[0]), S->t_type))
        return exc_raisef(S, S->e_TypeError, "object.__new__(X): X is not a type object (%s)", type_name(TYPE(args[0])));
    Type *t = (Type *)args[0];
    size_t total = nargs - 1 + (kw ? kw->len : 0);
    if (total && (new_overridden(S, t) || !init_overridden(S, t)))
        return exc_raisef(S, S->e_TypeError, "%s() takes no arguments", type_name(t));
    Type *solid = solid_base(t);
    if (solid != S->t_object && solid->tp_new) return solid->tp_new(S, t, NULL, 0, NULL);
    return object_new_instance(S, t);
}

static Obj *m_object_repr(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    return object_repr(S, self);
}

static Obj *m_object_str(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    return obj_repr(S, self);
}

static Obj *m_object_hash(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    return int_from_i64(S, object_hash(S, self));
}

static Obj *m_object_eq(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_count(S, "__eq__", nargs, 1, 1) < 0) return NULL;
    (void)kw;
    return self == args[0] ? NEWREF(S->true_) : NEWREF(S->notimpl);
}

static Obj *m_object_ne(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_count(S, "__ne__", nargs, 1, 1) < 0) return NULL;
    (void)kw;
    return object_richcmp(S, self, args[0], CMP_NE);
}

static Obj *m_object_getattribute(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__getattribute__", kw) < 0 || args_count(S, "__getattribute__", nargs, 1, 1) < 0) return NULL;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "attribute name must be string, not '%s'", type_name(TYPE(args[0])));
    return obj_generic_getattr(S, self, (Str *)args[0]);
}

static Obj *m_object_setattr(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__setattr__", kw) < 0 || args_count(S, "__setattr__", nargs, 2, 2) < 0) return NULL;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "attribute name must be string, not '%s'", type_name(TYPE(args[0])));
    if (obj_generic_setattr(S, self, (Str *)args[0], args[1]) < 0) return NULL;
    return NEWREF(S->none);
}

static Obj *m_object_delattr(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__delattr__", kw) < 0 || args_count(S, "__delattr__", nargs, 1, 1) < 0) return NULL;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "attribute name must be string, not '%s'", type_name(TYPE(args[0])));
    if (obj_generic_setattr(S, self, (Str *)args[0], NULL) < 0) return NULL;
    return NEWREF(S->none);
}

static Obj *m_object_format(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__format__", kw) < 0 || args_count(S, "__format__", nargs, 1, 1) < 0) return NULL;
    if (!IS_STR(args[0]) || ((Str *)args[0])->nbytes)
        return exc_raisef(S, S->e_TypeError, "unsupported format string passed to %s.__format__", type_name(TYPE(self)));
    return obj_str(S, self);
}

static Obj *m_object_init_subclass(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    (void)args;
    if (nargs || (kw && kw->len)) return exc_raisef(S, S->e_TypeError, "__init_subclass__() takes no keyword arguments");
    return NEWREF(S->none);
}

static Obj *m_object_dir(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    Obj *names = dict_new(S);
    if (!names) return NULL;
    Dict **dp = obj_dict_ptr(S, self);
    if (dp && *dp && dict_update(S, (Dict *)names, (Obj *)*dp) < 0) goto fail;
    Type *t = TYPE(self) == S->t_type || type_is_subtype(TYPE(self), S->t_type) ? (Type *)self : TYPE(self);
    for (size_t i = 0; t->mro && i < t->mro->len; i++) {
        Type *b = (Type *)t->mro->items[i];
        if (b->dict && dict_update(S, (Dict *)names, (Obj *)b->dict) < 0) goto fail;
    }
    {
        Obj *l = list_from_iterable(S, names);
        DECREF(S, names);
        if (l && list_sort(S, l, NULL, false) < 0) CLEAR(S, l);
        return l;
    }
fail:
    DECREF(S, names);
    return NULL;
}

static Obj *object_get_class(rs_State *S, Obj *o) {
    (void)S;
    return NEWREF(TYPE(o));
}

static int object_set_class(rs_State *S, Obj *o, Obj *v) {
    if (!v || (TYPE(v) != S->t_type && !type_is_subtype(TYPE(v), S->t_type))) {
        exc_raisef(S, S->e_TypeError, "__class__ must be set to a class, not '%s' object", v ? type_name(TYPE(v)) : "NULL");
        return -1;
    }
    Type *nt = (Type *)v, *ot = TYPE(o);
    if (!(nt->flags & TF_HEAP) || !(ot->flags & TF_HEAP) || nt->basicsize != ot->basicsize || solid_base(nt) != solid_base(ot)) {
        exc_raisef(S, S->e_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    INCREF(nt);
    o->type = nt;
    DECREF(S, ot);
    return 0;
}

Obj *object_get_dict(rs_State *S, Obj *o);
int object_set_dict(rs_State *S, Obj *o, Obj *v);

/* The newest plain weak reference to o, or None (the __weakref__ attribute). */
static Obj *object_get_weakref(rs_State *S, Obj *o) {
    Weakref **list = weakref_list(o);
    return NEWREF(list && *list ? (Obj *)*list : S->none);
}

Obj *object_get_dict(rs_State *S, Obj *o) {
    Dict **dp = obj_dict_ptr(S, o);
    if (!dp) return exc_raisef(S, S->e_AttributeError, "'%s' object has no attribute '__dict__'", type_name(TYPE(o)));
    if (!*dp) {
        if (!(*dp = (Dict *)dict_new(S))) return NULL;
        AS_GC(*dp)->gc_flags |= GCF_MANAGED;
    }
    return NEWREF(*dp);
}

int object_set_dict(rs_State *S, Obj *o, Obj *v) {
    Dict **dp = obj_dict_ptr(S, o);
    if (!dp) {
        exc_raisef(S, S->e_AttributeError, "'%s' object has no attribute '__dict__'", type_name(TYPE(o)));
        return -1;
    }
    if (!v || !IS_DICT(v)) {
        exc_raisef(S, S->e_TypeError, "__dict__ must be set to a dictionary, not a '%s'", v ? type_name(TYPE(v)) : "NULL");
        return -1;
    }
    SETREF(S, *dp, (Dict *)NEWREF(v));
    return 0;
}

static const CFuncDef object_methods[] = {
    {"__init__", m_object_init}, {"__repr__", m_object_repr}, {"__str__", m_object_str},
    {"__hash__", m_object_hash}, {"__eq__", m_object_eq}, {"__ne__", m_object_ne},
    {"__getattribute__", m_object_getattribute}, {"__setattr__", m_object_setattr},
    {"__delattr__", m_object_delattr}, {"__format__", m_object_format}, {"__dir__", m_object_dir},
    {NULL, NULL}};

static const GetSetDef object_getsets[] = {{"__class__", object_get_class, object_set_class}, {NULL, NULL, NULL}};

/* ---- slots of classes: dunder dispatch ---- */

/* Calls the dunder `name` found on type(self) with self and the arguments; NULL+no exception when absent. */
static Obj *call_dunder(rs_State *S, Obj *self, Str *name, Obj *const *args, size_t nargs, bool *found) {
    Obj *f = type_lookup(S, TYPE(self), name);
    *found = f != NULL;
    if (!f) return NULL;
    INCREF(f);
    Obj *r;
    if (TYPE(f) == S->t_function) {
        Obj *buf[4];
        buf[0] = self;
        for (size_t i = 0; i < nargs && i < 3; i++) buf[i + 1] = args[i];
        r = obj_call(S, f, buf, nargs + 1, NULL);
    } else {
        Obj *bound = TYPE(f)->descr_get ? TYPE(f)->descr_get(S, f, self, (Obj *)TYPE(self)) : NEWREF(f);
        r = bound ? obj_call(S, bound, args, nargs, NULL) : NULL;
        XDECREF(S, bound);
    }
    DECREF(S, f);
    return r;
}

/* A dunder defined in Python wins; one inherited from a built-in type defers to that type's slot. */
static bool python_defined(rs_State *S, Obj *self, Str *name) {
    Obj *f = type_lookup(S, TYPE(self), name);
    return f && TYPE(f) != S->t_method_descr;
}

static Obj *dunder0(rs_State *S, Obj *self, Str *name, Obj *(*fallback)(rs_State *, Obj *)) {
    bool found;
    if (fallback && !python_defined(S, self, name)) return fallback(S, self);
    Obj *r = call_dunder(S, self, name, NULL, 0, &found);
    if (found || !fallback) return r;
    return fallback(S, self);
}

static Obj *slot_repr(rs_State *S, Obj *o) { return dunder0(S, o, NAME(__repr__), solid_base(TYPE(o))->repr); }

static Obj *slot_str(rs_State *S, Obj *o) {
    bool found;
    if (!python_defined(S, o, NAME(__str__))) {
        Type *solid = solid_base(TYPE(o));
        return solid->str ? solid->str(S, o) : obj_repr(S, o);
    }
    Obj *r = call_dunder(S, o, NAME(__str__), NULL, 0, &found);
    if (found) {
        if (r && !IS_STR(r)) {
            exc_raisef(S, S->e_TypeError, "__str__ returned non-string (type %s)", type_name(TYPE(r)));
            DECREF(S, r);
            return NULL;
        }
        return r;
    }
    return obj_repr(S, o);
}

static int64_t slot_hash(rs_State *S, Obj *o) {
    Obj *f = type_lookup(S, TYPE(o), NAME(__hash__));
    if (f == S->none) {
        exc_raisef(S, S->e_TypeError, "unhashable type: '%s'", type_name(TYPE(o)));
        return -1;
    }
    if (!f || (TYPE(f) == S->t_method_descr && ((CFunc *)f)->objtype == solid_base(TYPE(o))))
        return solid_base(TYPE(o))->hash ? solid_base(TYPE(o))->hash(S, o) : object_hash(S, o);
    bool found;
    Obj *r = call_dunder(S, o, NAME(__hash__), NULL, 0, &found);
    if (!r) return -1;
    if (!IS_INT(r)) {
        exc_raisef(S, S->e_TypeError, "__hash__ method should return an integer");
        DECREF(S, r);
        return -1;
    }
    int64_t h = int_hash(r);
    DECREF(S, r);
    return h;
}

static Str *cmp_name(rs_State *S, int op) {
    switch (op) {
    case CMP_LT: return NAME(__lt__);
    case CMP_LE: return NAME(__le__);
    case CMP_EQ: return NAME(__eq__);
    case CMP_NE: return NAME(__ne__);
    case CMP_GT: return NAME(__gt__);
    default: return NAME(__ge__);
    }
}

static Obj *slot_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    Obj *f = type_lookup(S, TYPE(a), cmp_name(S, op));
    Type *solid = solid_base(TYPE(a));
    if (!f || (TYPE(f) == S->t_method_descr && ((CFunc *)f)->objtype == solid && solid->richcmp)) {
        if (op == CMP_NE) return object_richcmp(S, a, b, op);
        return solid->richcmp ? solid->richcmp(S, a, b, op) : object_richcmp(S, a, b, op);
    }
    bool found;
    return call_dunder(S, a, cmp_name(S, op), &b, 1, &found);
}

bool type_generic_getattr(rs_State *S, Type *t) {
    if (!(t->flags & TF_HEAP)) return !t->getattr || t->getattr == obj_generic_getattr;
    return !(class_hooks(S, t) & (TH_GETATTRIBUTE | TH_GETATTR | TH_SOLID_GETATTR));
}

bool type_generic_setattr(rs_State *S, Type *t) {
    if (!(t->flags & TF_HEAP)) return false; /* built-in types: obj_setattr knows their rules */
    return !(class_hooks(S, t) & (TH_SETATTR | TH_DELATTR | TH_SOLID_SETATTR));
}

static Obj *slot_getattr_hook(rs_State *S, Obj *o, Str *name) {
    uint32_t hooks = class_hooks(S, TYPE(o));
    Obj *r;
    bool found;
    if (hooks & TH_GETATTRIBUTE) r = call_dunder(S, o, NAME(__getattribute__), (Obj **)&name, 1, &found);
    else if (hooks & TH_SOLID_GETATTR) r = solid_base(TYPE(o))->getattr(S, o, name);
    else r = obj_generic_getattr(S, o, name);
    if (r || !(hooks & TH_GETATTR) || !exc_matches(S, S->e_AttributeError)) return r;
    exc_clear(S);
    return call_dunder(S, o, NAME(__getattr__), (Obj **)&name, 1, &found);
}

static int slot_setattr(rs_State *S, Obj *o, Str *name, Obj *v) {
    Str *hook = v ? NAME(__setattr__) : NAME(__delattr__);
    uint32_t hooks = class_hooks(S, TYPE(o));
    if (!(hooks & (v ? TH_SETATTR : TH_DELATTR))) {
        if (hooks & TH_SOLID_SETATTR) return solid_base(TYPE(o))->setattr(S, o, name, v);
        return obj_generic_setattr(S, o, name, v);
    }
    bool found;
    Obj *args[2] = {(Obj *)name, v};
    Obj *r = call_dunder(S, o, hook, args, v ? 2 : 1, &found);
    if (!r) return -1;
    DECREF(S, r);
    return 0;
}

static Obj *slot_call(rs_State *S, Obj *callable, Obj *const *args, size_t nargs, Tuple *kwnames) {
    Obj *f = type_lookup(S, TYPE(callable), NAME(__call__));
    if (!f) return exc_raisef(S, S->e_TypeError, "'%s' object is not callable", type_name(TYPE(callable)));
    Obj *bound = TYPE(f)->descr_get ? TYPE(f)->descr_get(S, f, callable, (Obj *)TYPE(callable)) : NEWREF(f);
    if (!bound) return NULL;
    Obj *r = obj_call(S, bound, args, nargs, kwnames);
    DECREF(S, bound);
    return r;
}

static Obj *slot_iter(rs_State *S, Obj *o) {
    bool found;
    Obj *r = call_dunder(S, o, NAME(__iter__), NULL, 0, &found);
    if (found) return r;
    Type *solid = solid_base(TYPE(o));
    if (solid->iter) return solid->iter(S, o);
    if (type_lookup(S, TYPE(o), NAME(__getitem__))) {
        extern Obj *seqiter_new(rs_State * S, Type * t, Obj * seq);
        return seqiter_new(S, S->t_seq_iter, o);
    }
    return exc_raisef(S, S->e_TypeError, "'%s' object is not iterable", type_name(TYPE(o)));
}

static Obj *slot_next(rs_State *S, Obj *o) {
    bool found;
    Obj *r = call_dunder(S, o, NAME(__next__), NULL, 0, &found);
    if (!found) {
        Type *solid = solid_base(TYPE(o));
        if (solid->next) return solid->next(S, o);
        return exc_raisef(S, S->e_TypeError, "'%s' object is not an iterator", type_name(TYPE(o)));
    }
    if (!r && exc_matches(S, S->e_StopIteration)) exc_clear(S);
    return r;
}

static Str *binop_name(rs_State *S, int op, bool reflected) {
    int base = op & ~OP_INPLACE;
    int idx = (op & OP_INPLACE) ? NAME___iadd__ : reflected ? NAME___radd__ : NAME___add__;
    return S->names[idx + base];
}

static Obj *slot_binop(rs_State *S, Obj *self, Obj *other, int op, bool reflected) {
    bool found;
    Obj *r = call_dunder(S, self, binop_name(S, op, reflected), &other, 1, &found);
    if (found) return r;
    if (op & OP_INPLACE) return NEWREF(S->notimpl);
    Type *solid = solid_base(TYPE(self));
    if (solid->binop) return solid->binop(S, self, other, op, reflected);
    return NEWREF(S->notimpl);
}

#define UNARY_SLOT(fn, dunder, field)                                         \
    static Obj *fn(rs_State *S, Obj *o) {                                     \
        bool found;                                                           \
        Obj *r = call_dunder(S, o, NAME(dunder), NULL, 0, &found);            \
        if (found) return r;                                                  \
        Type *solid = solid_base(TYPE(o));                                    \
        if (solid->field) return solid->field(S, o);                          \
        return exc_raisef(S, S->e_TypeError, "bad operand type for %s: '%s'", \
                          #dunder, type_name(TYPE(o)));                       \
    }
UNARY_SLOT(slot_neg, __neg__, neg)
UNARY_SLOT(slot_pos, __pos__, pos)
UNARY_SLOT(slot_invert, __invert__, invert)
UNARY_SLOT(slot_abs, __abs__, absolute)
UNARY_SLOT(slot_index, __index__, to_int)

static int slot_truth(rs_State *S, Obj *o) {
    bool found;
    Obj *r = call_dunder(S, o, NAME(__bool__), NULL, 0, &found);
    if (found) {
        if (!r) return -1;
        if (TYPE(r) != S->t_bool) {
            exc_raisef(S, S->e_TypeError, "__bool__ should return bool, returned %s", type_name(TYPE(r)));
            DECREF(S, r);
            return -1;
        }
        int t = r == S->true_;
        DECREF(S, r);
        return t;
    }
    r = call_dunder(S, o, NAME(__len__), NULL, 0, &found);
    if (found) {
        if (!r) return -1;
        int64_t n;
        int e = IS_INT(r) ? int_as_i64(S, r, &n) : (exc_raisef(S, S->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(r))), -1);
        DECREF(S, r);
        if (e < 0) return -1;
        if (n < 0) {
            exc_raisef(S, S->e_ValueError, "__len__() should return >= 0");
            return -1;
        }
        return n != 0;
    }
    Type *solid = solid_base(TYPE(o));
    return solid->truth ? solid->truth(S, o) : solid->len ? solid->len(S, o) != 0 : 1;
}

static int64_t slot_len(rs_State *S, Obj *o) {
    bool found;
    Obj *r = call_dunder(S, o, NAME(__len__), NULL, 0, &found);
    if (!found) {
        Type *solid = solid_base(TYPE(o));
        if (solid->len) return solid->len(S, o);
        exc_raisef(S, S->e_TypeError, "object of type '%s' has no len()", type_name(TYPE(o)));
        return -1;
    }
    if (!r) return -1;
    int64_t n;
    if (!IS_INT(r)) {
        exc_raisef(S, S->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(r)));
        DECREF(S, r);
        return -1;
    }
    int e = int_as_i64(S, r, &n);
    DECREF(S, r);
    if (e < 0) return -1;
    if (n < 0) {
        exc_raisef(S, S->e_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static Obj *slot_getitem(rs_State *S, Obj *o, Obj *key) {
    bool found;
    Obj *r = call_dunder(S, o, NAME(__getitem__), &key, 1, &found);
    if (found) return r;
    Type *solid = solid_base(TYPE(o));
    if (solid->getitem) return solid->getitem(S, o, key);
    return exc_raisef(S, S->e_TypeError, "'%s' object is not subscriptable", type_name(TYPE(o)));
}

static int slot_setitem(rs_State *S, Obj *o, Obj *key, Obj *v) {
    bool found;
    Obj *args[2] = {key, v};
    Obj *r = call_dunder(S, o, v ? NAME(__setitem__) : NAME(__delitem__), args, v ? 2 : 1, &found);
    if (!found) {
        Type *solid = solid_base(TYPE(o));
        if (solid->setitem) return solid->setitem(S, o, key, v);
        exc_raisef(S, S->e_TypeError, v ? "'%s' object does not support item assignment" : "'%s' object does not support item deletion",
                   type_name(TYPE(o)));
        return -1;
    }
    if (!r) return -1;
    DECREF(S, r);
    return 0;
}

static int slot_contains(rs_State *S, Obj *o, Obj *v) {
    bool found;
    Obj *r = call_dunder(S, o, NAME(__contains__), &v, 1, &found);
    if (!found) {
        Type *solid = solid_base(TYPE(o));
        if (solid->contains) return solid->contains(S, o, v);
        /* fall back to iteration */
        if (!type_lookup(S, TYPE(o), NAME(__iter__)) && !type_lookup(S, TYPE(o), NAME(__getitem__)) && !solid->iter) {
            exc_raisef(S, S->e_TypeError, "argument of type '%s' is not iterable", type_name(TYPE(o)));
            return -1;
        }
        Obj *it = obj_iter(S, o);
        if (!it) return -1;
        Obj *item;
        while ((item = obj_next(S, it))) {
            int eq = obj_eq(S, item, v);
            DECREF(S, item);
            if (eq) {
                DECREF(S, it);
                return eq;
            }
        }
        DECREF(S, it);
        return S->exc ? -1 : 0;
    }
    if (!r) return -1;
    int t = obj_truth(S, r);
    DECREF(S, r);
    return t;
}

static Obj *slot_descr_get(rs_State *S, Obj *descr, Obj *obj, Obj *type) {
    bool found;
    Obj *args[2] = {obj ? obj : S->none, type ? type : S->none};
    Obj *r = call_dunder(S, descr, NAME(__get__), args, 2, &found);
    return found ? r : NEWREF(descr);
}

static int slot_descr_set(rs_State *S, Obj *descr, Obj *obj, Obj *v) {
    bool found;
    Obj *args[2] = {obj, v};
    Obj *r = call_dunder(S, descr, v ? NAME(__set__) : NAME(__delete__), args, v ? 2 : 1, &found);
    if (!found) {
        exc_raisef(S, S->e_AttributeError, v ? "__set__" : "__delete__");
        return -1;
    }
    if (!r) return -1;
    DECREF(S, r);
    return 0;
}

static Obj *slot_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    Obj *f = type_lookup(S, t, NAME(__new__));
    if (f && TYPE(f) == S->t_staticmethod) f = ((ClassMethod *)f)->func;
    if (!f || (TYPE(f) == S->t_builtin && ((CFunc *)f)->def->fn == m_object_new)) {
        Type *solid = solid_base(t);
        if (solid != S->t_object && solid->tp_new) return solid->tp_new(S, t, args, nargs, kwnames);
        return object_tp_new(S, t, args, nargs, kwnames);
    }
    size_t total = nargs + (kwnames ? kwnames->len : 0);
    Obj *small[16], **buf = small;
    if (total + 1 > 16) {
        buf = mem_alloc(&S->mem, (total + 1) * sizeof(Obj *));
        if (!buf) return exc_nomemory(S);
    }
    buf[0] = (Obj *)t;
    if (total) memcpy(buf + 1, args, total * sizeof(Obj *));
    INCREF(f);
    Obj *r = obj_call(S, f, buf, nargs + 1, kwnames);
    DECREF(S, f);
    if (buf != small) mem_free(&S->mem, buf, (total + 1) * sizeof(Obj *));
    return r;
}

static int slot_init(rs_State *S, Obj *o, Obj *const *args, size_t nargs, Tuple *kwnames) {
    Obj *f = type_lookup(S, TYPE(o), NAME(__init__));
    if (!f || TYPE(f) == S->t_method_descr) {
        Type *solid = solid_base(TYPE(o));
        if (solid->init) return solid->init(S, o, args, nargs, kwnames);
        return object_init(S, o, args, nargs, kwnames);
    }
    size_t total = nargs + (kwnames ? kwnames->len : 0);
    Obj *small[16], **buf = small;
    if (total + 1 > 16) {
        buf = mem_alloc(&S->mem, (total + 1) * sizeof(Obj *));
        if (!buf) {
            exc_nomemory(S);
            return -1;
        }
    }
    buf[0] = o;
    if (total) memcpy(buf + 1, args, total * sizeof(Obj *));
    INCREF(f);
    Obj *r = obj_call(S, f, buf, nargs + 1, kwnames);
    DECREF(S, f);
    if (buf != small) mem_free(&S->mem, buf, (total + 1) * sizeof(Obj *));
    if (!r) return -1;
    if (r != S->none) {
        exc_raisef(S, S->e_TypeError, "__init__() should return None, not '%s'", type_name(TYPE(r)));
        DECREF(S, r);
        return -1;
    }
    DECREF(S, r);
    return 0;
}

/* ---- instances of classes ---- */

/* Runs __del__ once (PEP 442); returns true when the object was resurrected. */
/* tp_finalize of classes with __del__. */
static void slot_finalize(rs_State *S, Obj *o) {
    Obj *del = type_lookup(S, TYPE(o), NAME(__del__));
    if (!del) return;
    INCREF(del);
    bool found;
    Obj *r = call_dunder(S, o, NAME(__del__), NULL, 0, &found);
    if (!r) exc_write_unraisable(S, "Exception ignored in", del);
    XDECREF(S, r);
    DECREF(S, del);
}

/* Clears the __slots__ values, found by the layout (not the class dict, which a collection may have emptied). */
static void clear_member_slots(rs_State *S, Obj *o) {
    for (Type *t = TYPE(o); t && (t->flags & TF_HEAP); t = t->base)
        for (size_t i = 0; i < t->nslots; i++) CLEAR(S, ((Obj **)((char *)o + t->slotsoffset))[i]);
}

static void subtype_dealloc(rs_State *S, Obj *o) {
    Type *t = TYPE(o);
    /* (once the state is closing, what is left is freed without finalizers: CPython never frees it) */
    if (t->finalize && !S->closing && obj_finalize_from_dealloc(S, o)) return;
    if (t->flags & TF_GC) gc_untrack(S, o);
    if (t->weaklistoffset && !solid_base(t)->weaklistoffset) weakref_clear_all(S, o);
    clear_member_slots(S, o);
    Dict **dp = obj_dict_ptr(S, o);
    if (dp && *dp && solid_base(t)->dictoffset != t->dictoffset) CLEAR(S, *dp);
    Type *solid = solid_base(t);
    if (solid == S->t_object) obj_free(S, o, t->basicsize);
    else solid->dealloc(S, o);
}

/* As CPython's subtype_traverse: __slots__ values (the class's own first), the dict, the class, the base. */
static int subtype_traverse(Obj *o, VisitFn visit, void *arg) {
    Type *t = TYPE(o), *solid = t;
    int r;
    for (; solid->flags & TF_HEAP; solid = solid->base)
        for (size_t i = 0; i < solid->nslots; i++) {
            Obj *v = ((Obj **)((char *)o + solid->slotsoffset))[i];
            if (v && (r = visit(v, arg))) return r;
        }
    Dict **dp = (Dict **)(t->dictoffset ? (char *)o + t->dictoffset : NULL);
    if (dp && *dp) {
        /* a managed dict is part of its instance: scan its contents; an ordinary one is a referent */
        if (AS_GC(*dp)->gc_flags & GCF_MANAGED) r = TYPE(*dp)->traverse((Obj *)*dp, visit, arg);
        else r = visit((Obj *)*dp, arg);
        if (r) return r;
    }
    if ((r = visit((Obj *)t, arg))) return r;
    if (solid->traverse && (r = solid->traverse(o, visit, arg))) return r;
    return 0;
}

static void subtype_clear(rs_State *S, Obj *o) {
    Type *t = TYPE(o);
    clear_member_slots(S, o);
    Dict **dp = obj_dict_ptr(S, o);
    if (dp && *dp) CLEAR(S, *dp);
    Type *solid = solid_base(t);
    if (solid->clear) solid->clear(S, o);
}

/* ---- slot wrappers: the slots of built-in types, seen as dunder methods ---- */

/*
 * A wrapper is found on a built-in type's dict (through the MRO or super());
 * it calls the slot of the built-in type whose layout self has, which is the
 * type that defines the wrapper or one of its built-in subclasses.
 */
#define SOLID(self) solid_base(TYPE(self))
#define WRAP_ARGS(name, n)                                                       \
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, n, n) < 0) \
    return NULL

static Obj *w_init(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    Type *solid = SOLID(self);
    if (solid->init && solid->init(S, self, args, nargs, kw) < 0) return NULL;
    return NEWREF(S->none);
}
static Obj *w_repr(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    WRAP_ARGS("__repr__", 0);
    return SOLID(self)->repr(S, self);
}
static Obj *w_str(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    WRAP_ARGS("__str__", 0);
    Type *solid = SOLID(self);
    return solid->str ? solid->str(S, self) : solid->repr(S, self);
}
static Obj *w_len(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    WRAP_ARGS("__len__", 0);
    int64_t n = SOLID(self)->len(S, self);
    return n < 0 ? NULL : int_from_i64(S, n);
}
static Obj *w_getitem(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    WRAP_ARGS("__getitem__", 1);
    return SOLID(self)->getitem(S, self, args[0]);
}
static Obj *w_setitem(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    WRAP_ARGS("__setitem__", 2);
    if (SOLID(self)->setitem(S, self, args[0], args[1]) < 0) return NULL;
    return NEWREF(S->none);
}
static Obj *w_delitem(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    WRAP_ARGS("__delitem__", 1);
    if (SOLID(self)->setitem(S, self, args[0], NULL) < 0) return NULL;
    return NEWREF(S->none);
}
static Obj *w_contains(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    WRAP_ARGS("__contains__", 1);
    int r = SOLID(self)->contains(S, self, args[0]);
    return r < 0 ? NULL : bool_from(S, r);
}
static Obj *w_iter(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    WRAP_ARGS("__iter__", 0);
    return SOLID(self)->iter(S, self);
}
static Obj *w_next(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    WRAP_ARGS("__next__", 0);
    Obj *r = SOLID(self)->next(S, self);
    if (!r && !S->exc) exc_raise(S, (Obj *)S->e_StopIteration);
    return r;
}
static Obj *w_bool(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    WRAP_ARGS("__bool__", 0);
    int r = SOLID(self)->truth(S, self);
    return r < 0 ? NULL : bool_from(S, r);
}
#define W_CMP(fn, name, op)                                                          \
    static Obj *fn(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { \
        WRAP_ARGS(name, 1);                                                          \
        return SOLID(self)->richcmp(S, self, args[0], op);                           \
    }
W_CMP(w_lt, "__lt__", CMP_LT)
W_CMP(w_le, "__le__", CMP_LE)
W_CMP(w_eq, "__eq__", CMP_EQ)
W_CMP(w_ne, "__ne__", CMP_NE)
W_CMP(w_gt, "__gt__", CMP_GT)
W_CMP(w_ge, "__ge__", CMP_GE)
#define W_BIN(fn, name, op, refl)                                                    \
    static Obj *fn(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { \
        WRAP_ARGS(name, 1);                                                          \
        return SOLID(self)->binop(S, self, args[0], op, refl);                       \
    }
W_BIN(w_add, "__add__", OP_ADD, false)
W_BIN(w_radd, "__radd__", OP_ADD, true)
W_BIN(w_sub, "__sub__", OP_SUB, false)
W_BIN(w_rsub, "__rsub__", OP_SUB, true)
W_BIN(w_mul, "__mul__", OP_MUL, false)
W_BIN(w_rmul, "__rmul__", OP_MUL, true)
W_BIN(w_truediv, "__truediv__", OP_TRUEDIV, false)
W_BIN(w_floordiv, "__floordiv__", OP_FLOORDIV, false)
W_BIN(w_mod, "__mod__", OP_MOD, false)
W_BIN(w_pow, "__pow__", OP_POW, false)
W_BIN(w_and, "__and__", OP_AND, false)
W_BIN(w_or, "__or__", OP_OR, false)
W_BIN(w_xor, "__xor__", OP_XOR, false)
W_BIN(w_lshift, "__lshift__", OP_LSHIFT, false)
W_BIN(w_rshift, "__rshift__", OP_RSHIFT, false)
W_BIN(w_iadd, "__iadd__", OP_ADD | OP_INPLACE, false)
static Obj *w_neg(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    WRAP_ARGS("__neg__", 0);
    return SOLID(self)->neg(S, self);
}
static Obj *w_hash(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    WRAP_ARGS("__hash__", 0);
    int64_t h = SOLID(self)->hash(S, self);
    return h == -1 ? NULL : int_from_i64(S, h);
}
static Obj *w_call(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    return SOLID(self)->call(S, self, args, nargs, kw);
}
/* __new__ of a built-in type: bound to the type, called as T.__new__(cls, ...). */
static Obj *w_new(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    Type *t = (Type *)self;
    if (nargs < 1) return exc_raisef(S, S->e_TypeError, "%s.__new__(): not enough arguments", type_name(t));
    Obj *cls = args[0];
    if (TYPE(cls) != S->t_type && !(TYPE(cls)->flags & TF_TYPE_SUBCLASS))
        return exc_raisef(S, S->e_TypeError, "%s.__new__(X): X is not a type object (%s)", type_name(t), type_name(TYPE(cls)));
    if (!type_is_subtype((Type *)cls, t))
        return exc_raisef(S, S->e_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type_name(t), type_name((Type *)cls),
                          type_name((Type *)cls), type_name(t));
    return t->tp_new(S, (Type *)cls, args + 1, nargs - 1, kw);
}

static const struct {
    CFuncDef def;
    size_t slot;  /* offset of the slot in Type */
    int op;       /* for richcmp/binop: only when the slot exists */
} slot_wrappers[] = {
    {{"__init__", w_init}, offsetof(Type, init), 0},
    {{"__repr__", w_repr}, offsetof(Type, repr), 0},
    {{"__str__", w_str}, offsetof(Type, str), 0},
    {{"__len__", w_len}, offsetof(Type, len), 0},
    {{"__getitem__", w_getitem}, offsetof(Type, getitem), 0},
    {{"__setitem__", w_setitem}, offsetof(Type, setitem), 0},
    {{"__delitem__", w_delitem}, offsetof(Type, setitem), 0},
    {{"__contains__", w_contains}, offsetof(Type, contains), 0},
    {{"__iter__", w_iter}, offsetof(Type, iter), 0},
    {{"__next__", w_next}, offsetof(Type, next), 0},
    {{"__bool__", w_bool}, offsetof(Type, truth), 0},
    {{"__lt__", w_lt}, offsetof(Type, richcmp), 0},
    {{"__le__", w_le}, offsetof(Type, richcmp), 0},
    {{"__eq__", w_eq}, offsetof(Type, richcmp), 0},
    {{"__ne__", w_ne}, offsetof(Type, richcmp), 0},
    {{"__gt__", w_gt}, offsetof(Type, richcmp), 0},
    {{"__ge__", w_ge}, offsetof(Type, richcmp), 0},
    {{"__add__", w_add}, offsetof(Type, binop), 0},
    {{"__radd__", w_radd}, offsetof(Type, binop), 0},
    {{"__sub__", w_sub}, offsetof(Type, binop), 0},
    {{"__rsub__", w_rsub}, offsetof(Type, binop), 0},
    {{"__mul__", w_mul}, offsetof(Type, binop), 0},
    {{"__rmul__", w_rmul}, offsetof(Type, binop), 0},
    {{"__truediv__", w_truediv}, offsetof(Type, binop), 0},
    {{"__floordiv__", w_floordiv}, offsetof(Type, binop), 0},
    {{"__mod__", w_mod}, offsetof(Type, binop), 0},
    {{"__pow__", w_pow}, offsetof(Type, binop), 0},
    {{"__and__", w_and}, offsetof(Type, binop), 0},
    {{"__or__", w_or}, offsetof(Type, binop), 0},
    {{"__xor__", w_xor}, offsetof(Type, binop), 0},
    {{"__lshift__", w_lshift}, offsetof(Type, binop), 0},
    {{"__rshift__", w_rshift}, offsetof(Type, binop), 0},
    {{"__iadd__", w_iadd}, offsetof(Type, binop), 0},
    {{"__neg__", w_neg}, offsetof(Type, neg), 0},
    {{"__hash__", w_hash}, offsetof(Type, hash), 0},
    {{"__call__", w_call}, offsetof(Type, call), 0},
};

static const CFuncDef new_wrapper = {"__new__", w_new};

/* Adds wrappers for the slots t defines itself (not those it inherits), unless its dict has the name. */
static int add_slot_wrappers(rs_State *S, Type *t) {
    for (size_t i = 0; i < sizeof slot_wrappers / sizeof slot_wrappers[0]; i++) {
        void *mine = *(void **)((char *)t + slot_wrappers[i].slot);
        void *inherited = t->base ? *(void **)((char *)t->base + slot_wrappers[i].slot) : NULL;
        if (!mine || mine == inherited) continue;
        if (dict_get_cstr(S, t->dict, slot_wrappers[i].def.name)) continue;
        Obj *m = cfunc_new(S, &slot_wrappers[i].def, NULL);
        if (!m) return -1;
        /* make it a method descriptor of t */
        m->type = S->t_method_descr;
        ((CFunc *)m)->objtype = t;
        int r = dict_set_cstr(S, t->dict, slot_wrappers[i].def.name, m);
        DECREF(S, m);
        if (r < 0) return -1;
    }
    /* A type that compares but does not hash says so, as CPython's __hash__ = None. */
    if (t->richcmp && !t->hash && !dict_get_cstr(S, t->dict, "__hash__") && dict_set_cstr(S, t->dict, "__hash__", S->none) < 0)
        return -1;
    if (t->tp_new && t != S->t_object && t != S->t_type && (!t->base || t->tp_new != t->base->tp_new) &&
        !dict_get_cstr(S, t->dict, "__new__")) {
        Obj *f = cfunc_new(S, &new_wrapper, (Obj *)t);
        Obj *sm = f ? obj_call1(S, (Obj *)S->t_staticmethod, f) : NULL;
        XDECREF(S, f);
        if (!sm || dict_set_cstr(S, t->dict, "__new__", sm) < 0) {
            XDECREF(S, sm);
            return -1;
        }
        DECREF(S, sm);
    }
    return 0;
}

/* ---- type objects ---- */

Type *type_make_builtin(rs_State *S, const char *name, Type *base, size_t basicsize, uint32_t flags) {
    Type *t = mem_alloc(&S->mem, sizeof(Type));
    if (!t) return NULL;
    memset(t, 0, sizeof *t);
    t->ob.refcnt = 1;
    t->ob.type = S->t_type; /* fixed up for `type` itself after creation */
    t->name = name;
    t->base = base;
    t->basicsize = basicsize;
    t->flags = flags | TF_BASETYPE;
    t->dict = (Dict *)dict_new(S);
    return t;
}

/* C3 linearisation, on C arrays: CPython allocates nothing but the result here, and refscope must not
   either, since every allocation counts in gc.get_count(). */
typedef struct MroSeq {
    Obj *const *items;
    size_t len, pos;
} MroSeq;

static bool in_some_tail(const MroSeq *seqs, size_t n, Obj *o) {
    for (size_t j = 0; j < n; j++)
        for (size_t k = seqs[j].pos + 1; k < seqs[j].len; k++)
            if (seqs[j].items[k] == o) return true;
    return false;
}

static Obj *compute_mro(rs_State *S, Type *t, Tuple *bases) {
    size_t n = bases->len;
    if (n == 1) {
        /* one base: t, then the base's MRO */
        Tuple *bm = ((Type *)bases->items[0])->mro;
        Tuple *r = tuple_new(S, bm->len + 1);
        if (!r) return NULL;
        r->items[0] = NEWREF(t);
        for (size_t i = 0; i < bm->len; i++) r->items[i + 1] = NEWREF(bm->items[i]);
        return (Obj *)r;
    }
    size_t total = 1;
    for (size_t i = 0; i < n; i++) total += ((Type *)bases->items[i])->mro->len;
    MroSeq *seqs = mem_alloc(&S->mem, (n + 1) * sizeof(MroSeq));
    Obj **out = mem_alloc(&S->mem, total * sizeof(Obj *));
    Obj *result = NULL;
    if (!seqs || !out) {
        exc_nomemory(S);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        Tuple *m = ((Type *)bases->items[i])->mro;
        seqs[i] = (MroSeq){m->items, m->len, 0};
    }
    seqs[n] = (MroSeq){bases->items, n, 0};
    size_t nout = 0;
    out[nout++] = (Obj *)t;
    for (;;) {
        Obj *candidate = NULL;
        bool all_empty = true;
        for (size_t i = 0; i <= n && !candidate; i++) {
            if (seqs[i].pos >= seqs[i].len) continue;
            all_empty = false;
            Obj *head = seqs[i].items[seqs[i].pos];
            if (!in_some_tail(seqs, n + 1, head)) candidate = head;
        }
        if (all_empty) break;
        if (!candidate || nout == total) {
            /* name the heads left, once each, as CPython's set_mro_error */
            Buf names;
            buf_init(&names, &S->mem);
            for (size_t i = 0; i <= n; i++) {
                if (seqs[i].pos >= seqs[i].len) continue;
                Obj *head = seqs[i].items[seqs[i].pos];
                bool seen = false;
                for (size_t j = 0; j < i && !seen; j++) seen = seqs[j].pos < seqs[j].len && seqs[j].items[seqs[j].pos] == head;
                if (seen) continue;
                if (names.len) buf_adds(&names, ", ");
                buf_adds(&names, type_name((Type *)head));
            }
            buf_addc(&names, 0);
            exc_raisef(S, S->e_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                       names.failed ? "" : names.data);
            buf_free(&names);
            goto done;
        }
        out[nout++] = candidate;
        for (size_t i = 0; i <= n; i++)
            if (seqs[i].pos < seqs[i].len && seqs[i].items[seqs[i].pos] == candidate) seqs[i].pos++;
    }
    result = tuple_from_array(S, out, nout);
done:
    if (seqs) mem_free(&S->mem, seqs, (n + 1) * sizeof(MroSeq));
    if (out) mem_free(&S->mem, out, total * sizeof(Obj *));
    return result;
}

int type_ready(rs_State *S, Type *t) {
    if (!t->dict && !(t->dict = (Dict *)dict_new(S))) return -1;
    if (!t->bases) {
        Type *b = t->base;
        t->bases = b ? (Tuple *)tuple_pack(S, 1, NEWREF(b)) : (Tuple *)NEWREF(S->empty_tuple);
        if (!t->bases) return -1;
    }
    if (!t->mro) {
        size_t n = 0;
        for (Type *b = t; b; b = b->base) n++;
        Tuple *mro = tuple_new(S, n);
        if (!mro) return -1;
        n = 0;
        for (Type *b = t; b; b = b->base) mro->items[n++] = NEWREF(b);
        t->mro = mro;
    }
    /* Inherit slots from the base. */
    Type *b = t->base;
    if (b) {
#define INHERIT(slot) if (!t->slot) t->slot = b->slot
        /* A type that defines comparison but not hashing is unhashable, as in CPython. */
        if (!t->richcmp) INHERIT(hash);
        INHERIT(dealloc); INHERIT(traverse); INHERIT(clear); INHERIT(repr); INHERIT(str);
        INHERIT(richcmp); INHERIT(getattr); INHERIT(setattr); INHERIT(call); INHERIT(iter); INHERIT(next);
        INHERIT(binop); INHERIT(neg); INHERIT(pos); INHERIT(invert); INHERIT(absolute); INHERIT(truth);
        INHERIT(to_int); INHERIT(len); INHERIT(getitem); INHERIT(setitem); INHERIT(contains); INHERIT(descr_get);
        INHERIT(descr_set); INHERIT(tp_new); INHERIT(init);
#undef INHERIT
        if (!t->dictoffset) t->dictoffset = b->dictoffset;
        if (!t->weaklistoffset) t->weaklistoffset = b->weaklistoffset;
        t->flags |= b->flags & (TF_INT_SUBCLASS | TF_STR_SUBCLASS | TF_TUPLE_SUBCLASS | TF_LIST_SUBCLASS | TF_DICT_SUBCLASS |
                                TF_EXC_SUBCLASS | TF_TYPE_SUBCLASS | TF_GC);
    }
    if (!(t->flags & TF_HEAP) && add_slot_wrappers(S, t) < 0) return -1;
    return 0;
}

/* The key of a class in its bases' subclasses dicts: its address, as CPython's PyLong_FromVoidPtr. */
static Obj *subclass_key(rs_State *S, Type *sub) { return int_from_u64(S, (uint64_t)(uintptr_t)sub); }

/* Records sub in base's subclasses, through a weak reference, as CPython's add_subclass. */
static int add_subclass(rs_State *S, Type *base, Type *sub) {
    if (!base->subclasses) {
        if (!(base->subclasses = (Dict *)dict_new(S))) return -1;
        /* CPython's built-in types start with theirs, made before any script runs */
        if (!(base->flags & TF_HEAP)) gc_uncount(S, (Obj *)base->subclasses);
    }
    Obj *key = subclass_key(S, sub);
    Obj *wr = key ? weakref_new(S, S->t_weakref, (Obj *)sub, NULL) : NULL;
    int r = wr ? dict_set(S, base->subclasses, key, wr) : -1;
    XDECREF(S, key);
    XDECREF(S, wr);
    return r;
}

static void remove_subclass(rs_State *S, Type *base, Type *sub) {
    if (!base->subclasses) return;
    Obj *saved = exc_fetch(S);
    Obj *key = subclass_key(S, sub);
    if (!key || dict_del(S, base->subclasses, key) < 0) exc_clear(S);
    XDECREF(S, key);
    S->exc = saved;
}

static void type_dealloc(rs_State *S, Obj *o) {
    Type *t = (Type *)o;
    type_modified(S);
    gc_untrack(S, o);
    weakref_clear_all(S, o);
    for (size_t i = 0; t->bases && i < t->bases->len; i++)
        if (t->bases->items[i]) remove_subclass(S, (Type *)t->bases->items[i], t);
    XDECREF(S, t->subclasses);
    XDECREF(S, t->dict);
    XDECREF(S, t->bases);
    XDECREF(S, t->mro);
    XDECREF(S, t->base);
    XDECREF(S, t->heap_name);
    XDECREF(S, t->qualname);
    obj_free(S, o, sizeof(Type));
}

static int type_traverse(Obj *o, VisitFn visit, void *arg) {
    Type *t = (Type *)o;
    Obj *refs[] = {(Obj *)t->dict, (Obj *)t->mro, (Obj *)t->bases, (Obj *)t->base}; /* CPython's order */
    for (size_t i = 0; i < 4; i++)
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r) return r;
        }
    return 0;
}

static void type_clear(rs_State *S, Obj *o) {
    Type *t = (Type *)o;
    type_modified(S);
    if (t->dict) dict_clear_all(S, t->dict);
    /* only the MRO, as CPython: it holds the class itself; the bases stay, for remove_subclass at dealloc */
    CLEAR(S, t->mro);
}

static Obj *type_repr(rs_State *S, Obj *o) { return type_repr_name(S, (Type *)o); }

static Obj *construct(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (t == S->t_type) {
        if (nargs != 3) return exc_raisef(S, S->e_TypeError, "type() takes 1 or 3 arguments");
        return type_new_class(S, args[0], args[1], args[2]);
    }
    if (!t->tp_new) return exc_raisef(S, S->e_TypeError, "cannot create '%s' instances", type_name(t));
    Obj *o = t->tp_new(S, t, args, nargs, kwnames);
    if (!o) return NULL;
    if (!is_instance_of(o, t)) return o;
    if (TYPE(o)->init && TYPE(o)->init(S, o, args, nargs, kwnames) < 0) {
        DECREF(S, o);
        return NULL;
    }
    return o;
}

static Obj *type_call(rs_State *S, Obj *callable, Obj *const *args, size_t nargs, Tuple *kwnames) {
    Type *t = (Type *)callable;
    size_t nkw = kwnames ? kwnames->len : 0;
    if (t == S->t_type && nargs == 1 && !nkw) return NEWREF(TYPE(args[0]));
    /* CPython 3.11 calls classes, type(name, bases, ns) and some built-in types through tp_call, with an
       arguments tuple and a keywords dict; they count in gc.get_count() (an exception's tuple is its args). */
    bool packs = t == S->t_type || (t->flags & TF_HEAP ? !(t->flags & TF_EXC_SUBCLASS) : (t->flags & TF_CALL_WITH_TUPLE));
    if (packs && nargs) gc_count_phantom_alloc(S, S->t_tuple, nargs);
    if (packs && nkw) gc_count_phantom_alloc(S, S->t_dict, 0);
    Obj *o = construct(S, t, args, nargs, kwnames);
    if (packs && nkw) gc_count_phantom_free(S, S->t_dict, 0);
    if (packs && nargs) gc_count_phantom_free(S, S->t_tuple, nargs);
    return o;
}

static Obj *type_getattr(rs_State *S, Obj *o, Str *name) {
    Type *t = (Type *)o;
    const char *n = STR_DATA(name);
    if (n[0] == '_' && n[1] == '_') {
        /* a built-in type's name may carry its module: "weakref.ReferenceType" */
        const char *dot = t->heap_name ? NULL : strrchr(t->name, '.');
        if (!strcmp(n, "__name__")) return t->heap_name ? NEWREF(t->heap_name) : str_from_cstr(S, dot ? dot + 1 : t->name);
        if (!strcmp(n, "__qualname__")) return t->qualname ? NEWREF(t->qualname) : str_from_cstr(S, dot ? dot + 1 : t->name);
        if (!strcmp(n, "__module__") && dot) return str_new(S, t->name, (size_t)(dot - t->name));
        if (!strcmp(n, "__mro__")) return NEWREF(t->mro);
        if (!strcmp(n, "__bases__")) return NEWREF(t->bases);
        if (!strcmp(n, "__base__")) return NEWREF(t->base ? (Obj *)t->base : S->none);
        if (!strcmp(n, "__dict__")) return dict_copy(S, t->dict);
        if (!strcmp(n, "__module__") && !(t->flags & TF_HEAP)) return str_from_cstr(S, "builtins");
        if (!strcmp(n, "__doc__") && !(t->flags & TF_HEAP)) return NEWREF(S->none);
    }
    Type *meta = TYPE(o);
    Obj *meta_attr = type_lookup(S, meta, name);
    if (meta_attr && TYPE(meta_attr)->descr_set) return TYPE(meta_attr)->descr_get(S, meta_attr, o, (Obj *)meta);
    Obj *attr = type_lookup(S, t, name);
    if (attr) {
        if (TYPE(attr)->descr_get) return TYPE(attr)->descr_get(S, attr, NULL, o);
        return NEWREF(attr);
    }
    if (meta_attr) {
        if (TYPE(meta_attr)->descr_get) return TYPE(meta_attr)->descr_get(S, meta_attr, o, (Obj *)meta);
        return NEWREF(meta_attr);
    }
    if (!strcmp(n, "__doc__")) return NEWREF(S->none);
    if (!strcmp(n, "__class__")) return NEWREF(TYPE(o));
    Obj *m = dict_get_str(S, S->t_type->dict, name);
    if (m && TYPE(m)->descr_get) return TYPE(m)->descr_get(S, m, o, (Obj *)S->t_type);
    return exc_raisef(S, S->e_AttributeError, "type object '%s' has no attribute '%U'", type_name(t), name);
}

static int type_setattr(rs_State *S, Obj *o, Str *name, Obj *v) {
    Type *t = (Type *)o;
    type_modified(S);
    if (!(t->flags & TF_HEAP)) {
        exc_raisef(S, S->e_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, t->name);
        return -1;
    }
    if (str_eq_cstr((Obj *)name, "__name__")) {
        if (!v || !IS_STR(v)) {
            exc_raisef(S, S->e_TypeError, "can only assign string to %s.__name__", type_name(t));
            return -1;
        }
        SETREF(S, t->heap_name, (Str *)NEWREF(v));
        return 0;
    }
    if (str_eq_cstr((Obj *)name, "__qualname__")) {
        if (!v || !IS_STR(v)) return -1;
        SETREF(S, t->qualname, (Str *)NEWREF(v));
        return 0;
    }
    if (!v) {
        if (dict_del(S, t->dict, (Obj *)name) < 0) {
            exc_clear(S);
            exc_raisef(S, S->e_AttributeError, "type object '%s' has no attribute '%U'", type_name(t), name);
            return -1;
        }
        return 0;
    }
    if (name == NAME(__del__)) t->finalize = slot_finalize;
    return dict_set(S, t->dict, (Obj *)name, v);
}

static Obj *m_type_mro(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    Type *t = (Type *)self;
    return list_from_array(S, t->mro->items, t->mro->len);
}

static Obj *m_type_subclasses(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "__subclasses__", kw) < 0 || args_count(S, "__subclasses__", nargs, 0, 0) < 0) return NULL;
    Dict *subs = ((Type *)self)->subclasses;
    Obj *l = list_new(S, 0);
    size_t pos = 0;
    Obj *k, *wr;
    while (l && subs && dict_next(subs, &pos, &k, &wr)) {
        Obj *sub = ((Weakref *)wr)->object;
        if (sub && list_append(S, l, sub) < 0) CLEAR(S, l);
    }
    return l;
}

static const CFuncDef type_methods[] = {{"mro", m_type_mro}, {"__subclasses__", m_type_subclasses}, {NULL, NULL}};

/* Creates a member descriptor for a __slots__ entry at byte offset off. */
Obj *member_new(rs_State *S, Type *t, Str *name, size_t off);

Obj *type_new_class(rs_State *S, Obj *name, Obj *bases, Obj *ns) {
    if (!IS_STR(name)) return exc_raisef(S, S->e_TypeError, "type.__new__() argument 1 must be str, not %s", type_name(TYPE(name)));
    if (!IS_TUPLE(bases)) return exc_raisef(S, S->e_TypeError, "type.__new__() argument 2 must be tuple, not %s", type_name(TYPE(bases)));
    if (!IS_DICT(ns)) return exc_raisef(S, S->e_TypeError, "type.__new__() argument 3 must be dict, not %s", type_name(TYPE(ns)));
    Tuple *bt = (Tuple *)bases;
    Obj *owned_bases = NULL;
    if (bt->len == 0) {
        owned_bases = tuple_pack(S, 1, NEWREF(S->t_object));
        if (!owned_bases) return NULL;
        bt = (Tuple *)owned_bases;
    }
    /* The base whose layout we extend: the one with the most specific solid base. */
    Type *base = NULL;
    for (size_t i = 0; i < bt->len; i++) {
        Obj *b = bt->items[i];
        if (TYPE(b) != S->t_type && !type_is_subtype(TYPE(b), S->t_type)) {
            XDECREF(S, owned_bases);
            return exc_raisef(S, S->e_TypeError, "bases must be types");
        }
        Type *bt_i = (Type *)b;
        if (!(bt_i->flags & TF_BASETYPE)) {
            XDECREF(S, owned_bases);
            return exc_raisef(S, S->e_TypeError, "type '%s' is not an acceptable base type", type_name(bt_i));
        }
        if (!base) base = bt_i;
        else {
            Type *s1 = solid_base(base), *s2 = solid_base(bt_i);
            if (s1 != s2 && !type_is_subtype(s1, s2)) {
                if (type_is_subtype(s2, s1)) base = bt_i;
                else if (s1 != S->t_object && s2 != S->t_object) {
                    XDECREF(S, owned_bases);
                    return exc_raisef(S, S->e_TypeError, "multiple bases have instance lay-out conflict");
                } else if (s1 == S->t_object) {
                    base = bt_i;
                }
            }
        }
    }
    Type *t = (Type *)obj_alloc(S, S->t_type, sizeof(Type));
    if (!t) {
        XDECREF(S, owned_bases);
        return NULL;
    }
    type_modified(S);
    memset((char *)t + sizeof(Obj), 0, sizeof(Type) - sizeof(Obj));
    t->flags = TF_HEAP | TF_BASETYPE | TF_GC;
    t->base = (Type *)NEWREF(base);
    t->bases = (Tuple *)NEWREF(bt);
    XDECREF(S, owned_bases);
    t->heap_name = (Str *)NEWREF(name);
    Obj *qn = dict_get_str(S, (Dict *)ns, NAME(__qualname__));
    t->qualname = (Str *)NEWREF(qn && IS_STR(qn) ? qn : name);
    t->name = STR_DATA(name);
    t->dict = (Dict *)dict_copy(S, (Dict *)ns);
    if (!t->dict) goto fail;
    if (qn) dict_del(S, t->dict, (Obj *)NAME(__qualname__));
    t->mro = (Tuple *)compute_mro(S, t, bt);
    if (!t->mro) goto fail;
    /* Layout: the base's, plus a dict unless __slots__ says otherwise. */
    t->basicsize = base->basicsize;
    t->itemsize = base->itemsize;
    t->dictoffset = base->dictoffset;
    t->weaklistoffset = base->weaklistoffset;
    Obj *slots = dict_get_str(S, t->dict, NAME(__slots__));
    bool var_sized = solid_base(base) == S->t_int || solid_base(base) == S->t_str || solid_base(base) == S->t_tuple ||
                     solid_base(base) == S->t_type || solid_base(base) == S->t_bool;
    bool add_weak = !t->weaklistoffset && !var_sized, add_dict = !t->dictoffset && !var_sized;
    t->slotsoffset = t->basicsize;
    if (slots) {
        Obj *names = IS_STR(slots) ? tuple_pack(S, 1, NEWREF(slots)) : list_from_iterable(S, slots);
        if (!names) goto fail;
        size_t n = IS_TUPLE(names) ? TUPLE_LEN(names) : LIST_LEN(names);
        Obj *const *items = IS_TUPLE(names) ? TUPLE_ITEMS(names) : LIST_ITEMS(names);
        for (size_t i = 0; i < n; i++) {
            Obj *sn = items[i];
            if (!IS_STR(sn)) {
                DECREF(S, names);
                exc_raisef(S, S->e_TypeError, "__slots__ items must be strings, not '%s'", type_name(TYPE(sn)));
                goto fail;
            }
            if (str_eq_cstr(sn, "__dict__") || str_eq_cstr(sn, "__weakref__")) continue;
            if (var_sized) {
                DECREF(S, names);
                exc_raisef(S, S->e_TypeError, "nonempty __slots__ not supported for subtype of '%s'", solid_base(base)->name);
                goto fail;
            }
            Obj *m = member_new(S, t, (Str *)sn, t->basicsize);
            if (!m || dict_set(S, t->dict, sn, m) < 0) {
                XDECREF(S, m);
                DECREF(S, names);
                goto fail;
            }
            DECREF(S, m);
            t->basicsize += sizeof(Obj *);
            t->nslots++;
        }
        bool wants_dict = false, wants_weak = false;
        for (size_t i = 0; i < n; i++) {
            wants_dict |= str_eq_cstr(items[i], "__dict__");
            wants_weak |= str_eq_cstr(items[i], "__weakref__");
        }
        add_dict &= wants_dict;
        add_weak &= wants_weak;
        DECREF(S, names);
    }
    /* As CPython lays them out: the __slots__ values, then __dict__, then __weakref__. */
    if (add_dict) {
        t->dictoffset = t->basicsize;
        t->basicsize += sizeof(Obj *);
    }
    if (add_weak) {
        t->weaklistoffset = t->basicsize;
        t->basicsize += sizeof(Obj *);
    }
    /* As CPython's type_new: descriptors for the __dict__ and __weakref__ this class adds, then __doc__. */
    static const GetSetDef dict_getset[] = {{"__dict__", object_get_dict, object_set_dict}, {NULL, NULL, NULL}};
    static const GetSetDef weakref_getset[] = {{"__weakref__", object_get_weakref, NULL}, {NULL, NULL, NULL}};
    if ((add_dict && descr_add_getsets(S, t, dict_getset) < 0) || (add_weak && descr_add_getsets(S, t, weakref_getset) < 0))
        goto fail;
    if (!dict_get_str(S, t->dict, NAME(__doc__)) && dict_set(S, t->dict, (Obj *)NAME(__doc__), S->none) < 0) goto fail;
    if (type_is_subtype(t, S->e_BaseException)) t->flags |= TF_EXC_SUBCLASS;
    if (type_is_subtype(t, S->t_int)) t->flags |= TF_INT_SUBCLASS;
    if (type_is_subtype(t, S->t_str)) t->flags |= TF_STR_SUBCLASS;
    if (type_is_subtype(t, S->t_tuple)) t->flags |= TF_TUPLE_SUBCLASS;
    if (type_is_subtype(t, S->t_list)) t->flags |= TF_LIST_SUBCLASS;
    if (type_is_subtype(t, S->t_dict)) t->flags |= TF_DICT_SUBCLASS;
    if (type_is_subtype(t, S->t_type)) t->flags |= TF_TYPE_SUBCLASS;
    if (type_lookup(S, t, NAME(__del__))) t->finalize = slot_finalize;
    t->ob.type = S->t_type;
    /* Slots. */
    t->dealloc = subtype_dealloc;
    t->traverse = subtype_traverse;
    t->clear = subtype_clear;
    t->repr = slot_repr;
    t->str = slot_str;
    t->hash = slot_hash;
    t->richcmp = slot_richcmp;
    t->getattr = slot_getattr_hook;
    t->setattr = slot_setattr;
    t->call = type_lookup(S, t, NAME(__call__)) || solid_base(base)->call ? slot_call : NULL;
    if (solid_base(base) == S->t_type) t->call = type_call;
    t->iter = slot_iter;
    t->next = slot_next;
    t->binop = slot_binop;
    t->neg = slot_neg;
    t->pos = slot_pos;
    t->invert = slot_invert;
    t->absolute = slot_abs;
    t->truth = slot_truth;
    t->to_int = type_lookup(S, t, NAME(__index__)) || solid_base(base)->to_int ? slot_index : NULL;
    t->len = slot_len;
    t->getitem = slot_getitem;
    t->setitem = slot_setitem;
    t->contains = slot_contains;
    t->descr_get = type_lookup(S, t, NAME(__get__)) ? slot_descr_get : NULL;
    t->descr_set = type_lookup(S, t, NAME(__set__)) || type_lookup(S, t, NAME(__delete__)) ? slot_descr_set : NULL;
    t->tp_new = slot_tp_new;
    t->init = slot_init;
    /* __eq__ without __hash__ makes instances unhashable. */
    if (dict_get_str(S, t->dict, NAME(__eq__)) && !dict_get_str(S, t->dict, NAME(__hash__)))
        if (dict_set(S, t->dict, (Obj *)NAME(__hash__), S->none) < 0) goto fail;
    /* __new__ and __init_subclass__ are implicitly static/class methods. */
    Obj *nf = dict_get_str(S, t->dict, NAME(__new__));
    if (nf && TYPE(nf) == S->t_function) {
        Obj *sm = obj_call1(S, (Obj *)S->t_staticmethod, nf);
        if (!sm || dict_set(S, t->dict, (Obj *)NAME(__new__), sm) < 0) {
            XDECREF(S, sm);
            goto fail;
        }
        DECREF(S, sm);
    }
    Obj *isc = dict_get_str(S, t->dict, NAME(__init_subclass__));
    if (isc && TYPE(isc) == S->t_function) {
        Obj *cm = obj_call1(S, (Obj *)S->t_classmethod, isc);
        if (!cm || dict_set(S, t->dict, (Obj *)NAME(__init_subclass__), cm) < 0) {
            XDECREF(S, cm);
            goto fail;
        }
        DECREF(S, cm);
    }
    /* The class cell of methods that use super() or __class__. */
    Obj *cell = dict_get_str(S, t->dict, NAME(__classcell__));
    if (cell) {
        if (TYPE(cell) == S->t_cell) SETREF(S, ((Cell *)cell)->ref, NEWREF(t));
        dict_del(S, t->dict, (Obj *)NAME(__classcell__));
    }
    for (size_t i = 0; i < t->bases->len; i++)
        if (add_subclass(S, (Type *)t->bases->items[i], t) < 0) goto fail;
    /* __set_name__ on descriptors, over a copy of the dict (CPython's names_to_set), then the parent's
       __init_subclass__. */
    {
        Obj *names_to_set = dict_copy(S, t->dict);
        if (!names_to_set) goto fail;
        size_t pos = 0;
        Obj *k, *v;
        while (dict_next((Dict *)names_to_set, &pos, &k, &v)) {
            if (!type_lookup(S, TYPE(v), NAME(__set_name__))) continue;
            Obj *args[2] = {(Obj *)t, k};
            bool found;
            Obj *r = call_dunder(S, v, NAME(__set_name__), args, 2, &found);
            if (!r) {
                DECREF(S, names_to_set);
                goto fail;
            }
            DECREF(S, r);
        }
        DECREF(S, names_to_set);
    }
    {
        /* super(t, t).__init_subclass__() */
        Obj *isc2 = NULL;
        for (size_t i = 1; i < t->mro->len && !isc2; i++) {
            Type *b = (Type *)t->mro->items[i];
            isc2 = b->dict ? dict_get_str(S, b->dict, NAME(__init_subclass__)) : NULL;
        }
        if (isc2 && TYPE(isc2) == S->t_classmethod) {
            Obj *r = obj_call1(S, ((ClassMethod *)isc2)->func, (Obj *)t);
            if (!r) goto fail;
            DECREF(S, r);
        }
    }
    type_modified(S); /* the dict was filled in after the first lookups */
    return (Obj *)t;
fail:
    DECREF(S, t);
    return NULL;
}

static Obj *type_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs == 1 && t == S->t_type) return NEWREF(TYPE(args[0]));
    if (nargs != 3) return exc_raisef(S, S->e_TypeError, "type() takes 1 or 3 arguments");
    Obj *cls = type_new_class(S, args[0], args[1], args[2]);
    if (cls && t != S->t_type) {
        /* a metaclass: the new class is an instance of it */
        Type *old = TYPE(cls);
        cls->type = (Type *)NEWREF(t);
        (void)old;
    }
    return cls;
}

static int type_init(rs_State *S, Obj *o, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)S;
    (void)o;
    (void)args;
    (void)nargs;
    (void)kwnames;
    return 0;
}

static Obj *m_type_new(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (nargs < 1) return exc_raisef(S, S->e_TypeError, "type.__new__(): not enough arguments");
    return type_tp_new(S, (Type *)args[0], args + 1, nargs - 1, kw);
}

static Obj *m_type_call(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return type_call(S, self, args, nargs, kw); }

static Obj *m_type_init(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    (void)args;
    (void)nargs;
    (void)kw;
    return NEWREF(S->none);
}

static Obj *m_type_instancecheck(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__instancecheck__", kw) < 0 || args_count(S, "__instancecheck__", nargs, 1, 1) < 0) return NULL;
    return bool_from(S, is_instance_of(args[0], (Type *)self));
}

static Obj *m_type_subclasscheck(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__subclasscheck__", kw) < 0 || args_count(S, "__subclasscheck__", nargs, 1, 1) < 0) return NULL;
    return bool_from(S, type_is_subtype((Type *)args[0], (Type *)self));
}

static const CFuncDef type_extra[] = {{"__call__", m_type_call},
                                      {"__init__", m_type_init},
                                      {"__instancecheck__", m_type_instancecheck},
                                      {"__subclasscheck__", m_type_subclasscheck},
                                      {NULL, NULL}};

void type_init_types(rs_State *S) {
    Type *t = S->t_type;
    t->weaklistoffset = offsetof(Type, weaklist);
    t->dealloc = type_dealloc;
    t->traverse = type_traverse;
    t->clear = type_clear;
    t->repr = type_repr;
    t->call = type_call;
    t->getattr = type_getattr;
    t->setattr = type_setattr;
    t->tp_new = type_tp_new;
    t->init = type_init;
    t->hash = object_hash;
    t->richcmp = object_richcmp;
    t = S->t_object;
    t->dealloc = object_dealloc;
    t->repr = object_repr;
    t->hash = object_hash;
    t->richcmp = object_richcmp;
    t->getattr = obj_generic_getattr;
    t->setattr = obj_generic_setattr;
    t->tp_new = object_tp_new;
    t->init = object_init;
    cfunc_add_methods(S, t, object_methods);
    static const CFuncDef object_new_def = {"__new__", m_object_new};
    Obj *nf = cfunc_new(S, &object_new_def, NULL);
    if (nf) {
        Obj *sm = obj_call1(S, (Obj *)S->t_staticmethod, nf);
        if (sm) {
            dict_set(S, t->dict, (Obj *)NAME(__new__), sm);
            DECREF(S, sm);
        } else {
            exc_clear(S);
        }
        DECREF(S, nf);
    }
    static const CFuncDef init_subclass_def = {"__init_subclass__", m_object_init_subclass};
    Obj *isc = cfunc_new(S, &init_subclass_def, NULL);
    if (isc) {
        dict_set(S, t->dict, (Obj *)NAME(__init_subclass__), isc);
        DECREF(S, isc);
    }
    descr_add_getsets(S, t, object_getsets);
    t = S->t_type;
    cfunc_add_methods(S, t, type_methods);
    cfunc_add_methods(S, t, type_extra);
    static const CFuncDef type_new_def = {"__new__", m_type_new};
    Obj *tn = cfunc_new(S, &type_new_def, NULL);
    if (tn) {
        Obj *sm = obj_call1(S, (Obj *)S->t_staticmethod, tn);
        if (sm) {
            dict_set(S, t->dict, (Obj *)NAME(__new__), sm);
            DECREF(S, sm);
        } else {
            exc_clear(S);
        }
        DECREF(S, tn);
    }
}
