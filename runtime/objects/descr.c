/*
 * descr.c: property, classmethod, staticmethod, getset descriptors (C-level
 * attributes of built-in types) and member descriptors (__slots__ entries).
 */
#include "descr.h"
#include <string.h>
#include "abstract.h"
#include "cfunc.h"
#include "dict.h"
#include "exception.h"
#include "func.h"
#include "names.h"
#include "str.h"
#include "tuple.h"

/* ---- getset ---- */

int descr_add_getsets(rs_State *S, Type *t, const GetSetDef *defs) {
    for (const GetSetDef *d = defs; d->name; d++) {
        GetSet *g = (GetSet *)obj_alloc(S, S->t_getset, sizeof(GetSet));
        if (!g) return -1;
        g->def = d;
        g->objtype = t;
        int r = dict_set_cstr(S, t->dict, d->name, (Obj *)g);
        DECREF(S, g);
        if (r < 0) return -1;
    }
    return 0;
}

static void getset_dealloc(rs_State *S, Obj *o) { obj_free(S, o, sizeof(GetSet)); }

static Obj *getset_repr(rs_State *S, Obj *o) {
    GetSet *g = (GetSet *)o;
    return str_fromf(S, "<attribute '%s' of '%s' objects>", g->def->name, type_name(g->objtype));
}

static Obj *getset_get(rs_State *S, Obj *descr, Obj *obj, Obj *type) {
    (void)type;
    if (!obj) return NEWREF(descr);
    return ((GetSet *)descr)->def->get(S, obj);
}

static int getset_set(rs_State *S, Obj *descr, Obj *obj, Obj *v) {
    GetSet *g = (GetSet *)descr;
    if (!g->def->set) {
        exc_raisef(S, S->e_AttributeError, "attribute '%s' of '%s' objects is not writable", g->def->name, g->objtype->name);
        return -1;
    }
    return g->def->set(S, obj, v);
}

/* ---- members (__slots__) ---- */

typedef struct Member {
    Obj ob;
    Str *name;
    Type *owner;   /* borrowed: the class holds the member */
    size_t offset;
} Member;

Obj *member_new(rs_State *S, Type *t, Str *name, size_t off);
Obj *member_new(rs_State *S, Type *t, Str *name, size_t off) {
    Member *m = (Member *)obj_alloc(S, S->t_member, sizeof(Member));
    if (!m) return NULL;
    m->name = (Str *)NEWREF(name);
    m->owner = t;
    m->offset = off;
    return (Obj *)m;
}

size_t member_offset(Obj *m);
size_t member_offset(Obj *m) { return ((Member *)m)->offset; }

static void member_dealloc(rs_State *S, Obj *o) {
    DECREF(S, ((Member *)o)->name);
    obj_free(S, o, sizeof(Member));
}

static Obj *member_get(rs_State *S, Obj *descr, Obj *obj, Obj *type) {
    (void)type;
    Member *m = (Member *)descr;
    if (!obj) return NEWREF(descr);
    Obj *v = *(Obj **)((char *)obj + m->offset);
    if (!v) return exc_raisef(S, S->e_AttributeError, "'%s' object has no attribute '%U'", type_name(TYPE(obj)), m->name);
    return NEWREF(v);
}

static int member_set(rs_State *S, Obj *descr, Obj *obj, Obj *v) {
    Member *m = (Member *)descr;
    Obj **slot = (Obj **)((char *)obj + m->offset);
    if (!v && !*slot) {
        exc_raisef(S, S->e_AttributeError, "'%s' object has no attribute '%U'", type_name(TYPE(obj)), m->name);
        return -1;
    }
    XINCREF(v);
    SETREF(S, *slot, v);
    return 0;
}

static Obj *member_repr(rs_State *S, Obj *o) {
    Member *m = (Member *)o;
    return str_fromf(S, "<member '%U' of '%s' objects>", m->name, type_name(m->owner));
}

/* ---- property ---- */

static void property_dealloc(rs_State *S, Obj *o) {
    Property *p = (Property *)o;
    gc_untrack(S, o);
    XDECREF(S, p->fget);
    XDECREF(S, p->fset);
    XDECREF(S, p->fdel);
    XDECREF(S, p->doc);
    obj_free(S, o, sizeof(Property));
}

static int property_traverse(Obj *o, VisitFn visit, void *arg) {
    Property *p = (Property *)o;
    Obj *refs[] = {p->fget, p->fset, p->fdel, p->doc};
    for (int i = 0; i < 4; i++)
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r) return r;
        }
    return 0;
}

static void property_clear(rs_State *S, Obj *o) {
    Property *p = (Property *)o;
    CLEAR(S, p->fget);
    CLEAR(S, p->fset);
    CLEAR(S, p->fdel);
    CLEAR(S, p->doc);
}

static Obj *property_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Obj *a[4];
    if (args_bind(S, "property", args, nargs, kwnames, names, 4, 0, a) < 0) return NULL;
    Property *p = (Property *)obj_alloc(S, t, sizeof(Property));
    if (!p) return NULL;
    for (int i = 0; i < 4; i++)
        if (a[i] == S->none) a[i] = NULL;
    p->fget = a[0];
    p->fset = a[1];
    p->fdel = a[2];
    p->doc = a[3];
    XINCREF(a[0]);
    XINCREF(a[1]);
    XINCREF(a[2]);
    XINCREF(a[3]);
    if (!p->doc && p->fget) {
        p->doc = obj_lookup_attr(S, p->fget, NAME(__doc__));
        if (S->exc) exc_clear(S);
    }
    return (Obj *)p;
}

static Obj *property_get(rs_State *S, Obj *descr, Obj *obj, Obj *type) {
    (void)type;
    Property *p = (Property *)descr;
    if (!obj) return NEWREF(descr);
    if (!p->fget) return exc_raisef(S, S->e_AttributeError, "property has no getter");
    return obj_call1(S, p->fget, obj);
}

static int property_set(rs_State *S, Obj *descr, Obj *obj, Obj *v) {
    Property *p = (Property *)descr;
    Obj *f = v ? p->fset : p->fdel;
    if (!f) {
        Obj *name = p->fget ? obj_lookup_attr(S, p->fget, NAME(__name__)) : NULL;
        if (name && IS_STR(name))
            exc_raisef(S, S->e_AttributeError, "property '%U' of '%s' object has no %s", (Str *)name, type_name(TYPE(obj)),
                       v ? "setter" : "deleter");
        else
            exc_raisef(S, S->e_AttributeError, "property of '%s' object has no %s", type_name(TYPE(obj)), v ? "setter" : "deleter");
        XDECREF(S, name);
        return -1;
    }
    Obj *r = v ? obj_call2(S, f, obj, v) : obj_call1(S, f, obj);
    if (!r) return -1;
    DECREF(S, r);
    return 0;
}

static Obj *property_copy(rs_State *S, Property *p, Obj *fget, Obj *fset, Obj *fdel) {
    Property *n = (Property *)obj_alloc(S, TYPE(p), sizeof(Property));
    if (!n) return NULL;
    n->fget = fget;
    n->fset = fset;
    n->fdel = fdel;
    n->doc = p->doc;
    XINCREF(fget);
    XINCREF(fset);
    XINCREF(fdel);
    XINCREF(n->doc);
    return (Obj *)n;
}

static Obj *m_getter(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "getter", kw) < 0 || args_count(S, "getter", nargs, 1, 1) < 0) return NULL;
    Property *p = (Property *)self;
    return property_copy(S, p, args[0], p->fset, p->fdel);
}
static Obj *m_setter(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "setter", kw) < 0 || args_count(S, "setter", nargs, 1, 1) < 0) return NULL;
    Property *p = (Property *)self;
    return property_copy(S, p, p->fget, args[0], p->fdel);
}
static Obj *m_deleter(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "deleter", kw) < 0 || args_count(S, "deleter", nargs, 1, 1) < 0) return NULL;
    Property *p = (Property *)self;
    return property_copy(S, p, p->fget, p->fset, args[0]);
}

static Obj *property_getattr(rs_State *S, Obj *o, Str *name) {
    Property *p = (Property *)o;
    const char *n = STR_DATA(name);
    if (!strcmp(n, "fget")) return NEWREF(p->fget ? p->fget : S->none);
    if (!strcmp(n, "fset")) return NEWREF(p->fset ? p->fset : S->none);
    if (!strcmp(n, "fdel")) return NEWREF(p->fdel ? p->fdel : S->none);
    if (!strcmp(n, "__doc__")) return NEWREF(p->doc ? p->doc : S->none);
    return obj_generic_getattr(S, o, name);
}

static const CFuncDef property_methods[] = {{"getter", m_getter}, {"setter", m_setter}, {"deleter", m_deleter}, {NULL, NULL}};

/* ---- classmethod and staticmethod ---- */

static void cm_dealloc(rs_State *S, Obj *o) {
    ClassMethod *c = (ClassMethod *)o;
    gc_untrack(S, o);
    XDECREF(S, c->func);
    XDECREF(S, c->dict);
    obj_free(S, o, sizeof(ClassMethod));
}

static int cm_traverse(Obj *o, VisitFn visit, void *arg) {
    ClassMethod *c = (ClassMethod *)o;
    int r = c->func ? visit(c->func, arg) : 0;
    return r ? r : c->dict ? visit((Obj *)c->dict, arg) : 0;
}

static void cm_clear(rs_State *S, Obj *o) {
    CLEAR(S, ((ClassMethod *)o)->func);
    CLEAR(S, ((ClassMethod *)o)->dict);
}

static Obj *cm_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (args_no_kwargs(S, t == S->t_classmethod ? "classmethod" : "staticmethod", kwnames) < 0 ||
        args_count(S, t == S->t_classmethod ? "classmethod" : "staticmethod", nargs, 1, 1) < 0)
        return NULL;
    ClassMethod *c = (ClassMethod *)obj_alloc(S, t, sizeof(ClassMethod));
    if (!c) return NULL;
    c->func = NEWREF(args[0]);
    c->dict = NULL;
    return (Obj *)c;
}

static Obj *classmethod_get(rs_State *S, Obj *descr, Obj *obj, Obj *type) {
    ClassMethod *c = (ClassMethod *)descr;
    if (!type) type = (Obj *)TYPE(obj);
    return method_new(S, c->func, type);
}

static Obj *staticmethod_get(rs_State *S, Obj *descr, Obj *obj, Obj *type) {
    (void)S;
    (void)obj;
    (void)type;
    return NEWREF(((ClassMethod *)descr)->func);
}

static Obj *staticmethod_call(rs_State *S, Obj *callable, Obj *const *args, size_t nargs, Tuple *kwnames) {
    return obj_call(S, ((ClassMethod *)callable)->func, args, nargs, kwnames);
}

static Obj *cm_getattr(rs_State *S, Obj *o, Str *name) {
    ClassMethod *c = (ClassMethod *)o;
    if (str_eq_cstr((Obj *)name, "__func__")) return NEWREF(c->func);
    if (str_eq_cstr((Obj *)name, "__wrapped__")) return NEWREF(c->func);
    Obj *r = obj_generic_getattr(S, o, name);
    if (r || !exc_matches(S, S->e_AttributeError)) return r;
    exc_clear(S);
    return obj_getattr(S, c->func, name);
}

void descr_init_types(rs_State *S) {
    Type *t = S->t_getset;
    t->dealloc = getset_dealloc;
    t->descr_get = getset_get;
    t->descr_set = getset_set;
    t->repr = getset_repr;
    t = S->t_member;
    t->dealloc = member_dealloc;
    t->descr_get = member_get;
    t->descr_set = member_set;
    t->repr = member_repr;
    t = S->t_property;
    t->dealloc = property_dealloc;
    t->traverse = property_traverse;
    t->clear = property_clear;
    t->tp_new = property_tp_new;
    t->descr_get = property_get;
    t->descr_set = property_set;
    t->getattr = property_getattr;
    cfunc_add_methods(S, t, property_methods);
    Type *cms[] = {S->t_classmethod, S->t_staticmethod};
    for (int i = 0; i < 2; i++) {
        t = cms[i];
        t->dealloc = cm_dealloc;
        t->traverse = cm_traverse;
        t->clear = cm_clear;
        t->tp_new = cm_tp_new;
        t->getattr = cm_getattr;
    }
    S->t_classmethod->descr_get = classmethod_get;
    S->t_staticmethod->descr_get = staticmethod_get;
    S->t_staticmethod->call = staticmethod_call;
}
