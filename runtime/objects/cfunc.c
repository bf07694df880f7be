/*
 * cfunc.c: built-in functions and method descriptors, and the argument
 * checks every C function uses (with CPython's error messages).
 */
#include "cfunc.h"
#include <string.h>
#include "abstract.h"
#include "dict.h"
#include "exception.h"
#include "module.h"
#include "../gc/collector.h"
#include "str.h"
#include "tuple.h"

/* The C functions CPython 3.11 defines with METH_VARARGS: their calls pack positional arguments into a
   tuple and keywords into a dict, which gc.get_count() sees. */
static bool packs_arguments(const char *owner, const char *name) {
    static const char *const packing[] = {"builtins.min", "builtins.max", "builtins.dir", "builtins.vars",
                                          "str.format", "dict.update", "set.update", "set.union",
                                          "set.intersection", "set.difference", "set.intersection_update",
                                          "set.difference_update", "frozenset.union", "frozenset.intersection",
                                          "frozenset.difference"};
    size_t olen = strlen(owner);
    for (size_t i = 0; i < sizeof packing / sizeof packing[0]; i++)
        if (!strncmp(packing[i], owner, olen) && packing[i][olen] == '.' && !strcmp(packing[i] + olen + 1, name)) return true;
    return false;
}

Obj *cfunc_new(rs_State *S, const CFuncDef *def, Obj *self) {
    CFunc *f = (CFunc *)obj_alloc(S, S->t_builtin, sizeof(CFunc));
    if (!f) return NULL;
    f->def = def;
    f->self = self;
    XINCREF(self);
    f->objtype = NULL;
    f->packs = false;
    return (Obj *)f;
}

static Obj *descr_new(rs_State *S, const CFuncDef *def, Type *t) {
    CFunc *f = (CFunc *)obj_alloc(S, S->t_method_descr, sizeof(CFunc));
    if (!f) return NULL;
    f->def = def;
    f->self = NULL;
    f->objtype = t;
    f->packs = packs_arguments(t->name, def->name);
    return (Obj *)f;
}

int cfunc_add_methods(rs_State *S, Type *t, const CFuncDef *defs) {
    for (const CFuncDef *d = defs; d->name; d++) {
        Obj *m = descr_new(S, d, t);
        if (!m || dict_set_cstr(S, t->dict, d->name, m) < 0) {
            XDECREF(S, m);
            return -1;
        }
        DECREF(S, m);
    }
    return 0;
}

int cfunc_add_functions(rs_State *S, Dict *d, const CFuncDef *defs, Obj *self) {
    for (const CFuncDef *def = defs; def->name; def++) {
        Obj *f = cfunc_new(S, def, self);
        if (f && self && TYPE(self) == S->t_module) ((CFunc *)f)->packs = packs_arguments(STR_DATA(((Module *)self)->name), def->name);
        if (!f || dict_set_cstr(S, d, def->name, f) < 0) {
            XDECREF(S, f);
            return -1;
        }
        DECREF(S, f);
    }
    return 0;
}

static void cfunc_dealloc(rs_State *S, Obj *o) {
    CFunc *f = (CFunc *)o;
    gc_untrack(S, o);
    XDECREF(S, f->self);
    obj_free(S, o, sizeof(CFunc));
}

static int cfunc_traverse(Obj *o, VisitFn visit, void *arg) {
    CFunc *f = (CFunc *)o;
    return f->self ? visit(f->self, arg) : 0;
}

static void cfunc_clear(rs_State *S, Obj *o) { CLEAR(S, ((CFunc *)o)->self); }

/* Calls fn, counting the arguments tuple and keywords dict a METH_VARARGS function gets in CPython. */
static Obj *call_def(rs_State *S, CFunc *f, Obj *self, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (!f->packs) return f->def->fn(S, self, args, nargs, kwnames);
    size_t nkw = kwnames ? kwnames->len : 0;
    if (nargs) gc_count_phantom_alloc(S, S->t_tuple, nargs);
    if (nkw) gc_count_phantom_alloc(S, S->t_dict, 0);
    Obj *r = f->def->fn(S, self, args, nargs, kwnames);
    if (nkw) gc_count_phantom_free(S, S->t_dict, 0);
    if (nargs) gc_count_phantom_free(S, S->t_tuple, nargs);
    return r;
}

static Obj *cfunc_call(rs_State *S, Obj *callable, Obj *const *args, size_t nargs, Tuple *kwnames) {
    CFunc *f = (CFunc *)callable;
    return call_def(S, f, f->self, args, nargs, kwnames);
}

/* A method descriptor called through the class: the first argument is self. */
static Obj *descr_call(rs_State *S, Obj *callable, Obj *const *args, size_t nargs, Tuple *kwnames) {
    CFunc *f = (CFunc *)callable;
    if (nargs < 1)
        return exc_raisef(S, S->e_TypeError, "unbound method %s.%s() needs an argument", f->objtype->name, f->def->name);
    if (!is_instance_of(args[0], f->objtype))
        return exc_raisef(S, S->e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", f->def->name,
                          f->objtype->name, type_name(TYPE(args[0])));
    return call_def(S, f, args[0], args + 1, nargs - 1, kwnames);
}

static Obj *descr_get(rs_State *S, Obj *descr, Obj *obj, Obj *type) {
    (void)type;
    CFunc *f = (CFunc *)descr;
    if (!obj) return NEWREF(descr);
    if (!is_instance_of(obj, f->objtype))
        return exc_raisef(S, S->e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", f->def->name,
                          f->objtype->name, type_name(TYPE(obj)));
    Obj *bound = cfunc_new(S, f->def, obj);
    if (bound) ((CFunc *)bound)->packs = f->packs;
    return bound;
}

static Obj *cfunc_repr(rs_State *S, Obj *o) {
    CFunc *f = (CFunc *)o;
    if (!f->self || TYPE(f->self) == S->t_module) return str_fromf(S, "<built-in function %s>", f->def->name);
    return str_fromf(S, "<built-in method %s of %s object at %p>", f->def->name, type_name(TYPE(f->self)), (void *)f->self);
}

static Obj *descr_repr(rs_State *S, Obj *o) {
    CFunc *f = (CFunc *)o;
    return str_fromf(S, "<method '%s' of '%s' objects>", f->def->name, f->objtype->name);
}

static Obj *cfunc_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if (TYPE(b) != TYPE(a) || (op != CMP_EQ && op != CMP_NE)) return NEWREF(S->notimpl);
    CFunc *x = (CFunc *)a, *y = (CFunc *)b;
    bool eq = x->def == y->def && x->self == y->self;
    return bool_from(S, eq == (op == CMP_EQ));
}

static int64_t cfunc_hash(rs_State *S, Obj *o) {
    (void)S;
    CFunc *f = (CFunc *)o;
    return (int64_t)(((uintptr_t)f->def >> 4) ^ (uintptr_t)f->self);
}

static Obj *cfunc_getattr(rs_State *S, Obj *o, Str *name) {
    CFunc *f = (CFunc *)o;
    if (str_eq_cstr((Obj *)name, "__name__")) return str_from_cstr(S, f->def->name);
    if (str_eq_cstr((Obj *)name, "__qualname__")) {
        if (f->objtype) return str_fromf(S, "%s.%s", f->objtype->name, f->def->name);
        if (f->self && TYPE(f->self) != S->t_module) return str_fromf(S, "%s.%s", type_name(TYPE(f->self)), f->def->name);
        return str_from_cstr(S, f->def->name);
    }
    if (str_eq_cstr((Obj *)name, "__self__")) return NEWREF(f->self ? f->self : S->none);
    if (str_eq_cstr((Obj *)name, "__doc__")) return NEWREF(S->none);
    return obj_generic_getattr(S, o, name);
}

void cfunc_init_types(rs_State *S) {
    Type *t = S->t_builtin;
    t->dealloc = cfunc_dealloc;
    t->traverse = cfunc_traverse;
    t->clear = cfunc_clear;
    t->call = cfunc_call;
    t->repr = cfunc_repr;
    t->richcmp = cfunc_richcmp;
    t->hash = cfunc_hash;
    t->getattr = cfunc_getattr;
    t = S->t_method_descr;
    t->dealloc = cfunc_dealloc;
    t->traverse = cfunc_traverse;
    t->clear = cfunc_clear;
    t->call = descr_call;
    t->descr_get = descr_get;
    t->repr = descr_repr;
    t->getattr = cfunc_getattr;
}

/* ---- arguments ---- */

int args_no_kwargs(rs_State *S, const char *fname, Tuple *kwnames) {
    if (!kwnames || kwnames->len == 0) return 0;
    exc_raisef(S, S->e_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int args_count(rs_State *S, const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) return 0;
    if (min == max) {
        if (min == 0) exc_raisef(S, S->e_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
        else if (min == 1) exc_raisef(S, S->e_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
        else exc_raisef(S, S->e_TypeError, "%s expected %zu arguments, got %zu", fname, min, nargs);
    } else if (nargs < min) {
        exc_raisef(S, S->e_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s", nargs);
    } else {
        exc_raisef(S, S->e_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s", nargs);
    }
    return -1;
}

/* CPython 3.11 makes a parser's tuple of keyword names the first time it sees keywords: count it, once. */
static void note_keyword_parser(rs_State *S, const void *parser, int nkeywords) {
    for (size_t i = 0; i < S->nkw_parsers; i++)
        if (S->kw_parsers[i] == parser) return;
    if (S->nkw_parsers == S->kw_parsers_cap) {
        size_t cap = S->kw_parsers_cap ? S->kw_parsers_cap * 2 : 16;
        const void **grown = mem_realloc(&S->mem, S->kw_parsers, S->kw_parsers_cap * sizeof(void *), cap * sizeof(void *));
        if (!grown) return;
        S->kw_parsers = grown;
        S->kw_parsers_cap = cap;
    }
    S->kw_parsers[S->nkw_parsers++] = parser;
    if (nkeywords > 0) gc_count_phantom_alloc(S, S->t_tuple, (size_t)nkeywords);
}

int args_bind(rs_State *S, const char *fname, Obj *const *args, size_t nargs, Tuple *kwnames, const char *const *names,
              int nparams, int nrequired, Obj **out) {
    int star = nparams;
    for (int i = 0; i < nparams; i++) {
        out[i] = NULL;
        if (strcmp(names[i], "*") == 0 && star == nparams) star = i;
    }
    if ((int)nargs > star) {
        exc_raisef(S, S->e_TypeError, "%s() takes at most %d argument%s (%zu given)", fname, star, star == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) out[i] = args[i];
    size_t nkw = kwnames ? kwnames->len : 0;
    if (nkw) note_keyword_parser(S, names, star == nparams ? nparams : nparams - 1);
    for (size_t k = 0; k < nkw; k++) {
        Str *kn = (Str *)kwnames->items[k];
        int found = -1;
        for (int i = 0; i < nparams; i++)
            if (i != star && str_eq_cstr((Obj *)kn, names[i])) found = i;
        if (found < 0) {
            exc_raisef(S, S->e_TypeError, "%s() got an unexpected keyword argument '%U'", fname, kn);
            return -1;
        }
        if (out[found]) {
            exc_raisef(S, S->e_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < nrequired && i < nparams; i++) {
        if (i == star) continue;
        if (!out[i]) {
            exc_raisef(S, S->e_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}
