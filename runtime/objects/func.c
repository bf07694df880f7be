/*
 * func.c: code objects, functions, cells and bound methods. Calling a
 * function hands it to the VM (vm_call_function); a bound method prepends
 * its self to the arguments.
 */
#include "func.h"
#include "../gc/weakref.h"
#include "cfunc.h"
#include <string.h>
#include "../vm/vm.h"
#include "abstract.h"
#include "descr.h"
#include "dict.h"
#include "exception.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

/* ---- code ---- */

static void code_dealloc(rs_State *S, Obj *o) {
    Code *c = (Code *)o;
    weakref_clear_all(S, o);
    if (c->code) mem_free(&S->mem, c->code, sizeof(uint32_t) * (c->ncode ? c->ncode : 1));
    if (c->lines) mem_free(&S->mem, c->lines, sizeof(int32_t) * (c->ncode ? c->ncode : 1));
    if (c->positions) mem_free(&S->mem, c->positions, 3 * sizeof(int32_t) * (c->ncode ? c->ncode : 1));
    if (c->cell2arg) mem_free(&S->mem, c->cell2arg, sizeof(int32_t) * TUPLE_LEN(c->cellvars));
    XDECREF(S, c->consts);
    XDECREF(S, c->names);
    XDECREF(S, c->varnames);
    XDECREF(S, c->cellvars);
    XDECREF(S, c->freevars);
    XDECREF(S, c->name);
    XDECREF(S, c->qualname);
    XDECREF(S, c->filename);
    obj_free(S, o, sizeof(Code));
}

static Obj *code_repr(rs_State *S, Obj *o) {
    Code *c = (Code *)o;
    return str_fromf(S, "<code object %U at %p, file \"%U\", line %d>", c->name, (void *)o, c->filename, c->firstlineno);
}

static Obj *code_getattr(rs_State *S, Obj *o, Str *name) {
    Code *c = (Code *)o;
    const char *n = STR_DATA(name);
    if (!strcmp(n, "co_name")) return NEWREF(c->name);
    if (!strcmp(n, "co_qualname")) return NEWREF(c->qualname);
    if (!strcmp(n, "co_filename")) return NEWREF(c->filename);
    if (!strcmp(n, "co_firstlineno")) return int_from_i64(S, c->firstlineno);
    if (!strcmp(n, "co_argcount")) return int_from_i64(S, c->argcount);
    if (!strcmp(n, "co_kwonlyargcount")) return int_from_i64(S, c->kwonlyargcount);
    if (!strcmp(n, "co_nlocals")) return int_from_i64(S, c->nlocals);
    if (!strcmp(n, "co_varnames")) return NEWREF(c->varnames);
    if (!strcmp(n, "co_cellvars")) return NEWREF(c->cellvars);
    if (!strcmp(n, "co_freevars")) return NEWREF(c->freevars);
    if (!strcmp(n, "co_names")) return NEWREF(c->names);
    if (!strcmp(n, "co_consts")) return NEWREF(c->consts);
    if (!strcmp(n, "co_flags")) return int_from_i64(S, c->flags);
    return obj_generic_getattr(S, o, name);
}

/* ---- functions ---- */

Obj *func_new(rs_State *S, Code *code, Dict *globals, Str *qualname) {
    Func *f = (Func *)obj_alloc(S, S->t_function, sizeof(Func));
    if (!f) return NULL;
    memset((char *)f + sizeof(Obj), 0, sizeof(Func) - sizeof(Obj));
    f->code = (Code *)NEWREF(code);
    f->globals = (Dict *)NEWREF(globals);
    f->name = (Str *)NEWREF(code->name);
    f->qualname = (Str *)NEWREF(qualname ? qualname : code->qualname);
    Obj *doc = TUPLE_LEN(code->consts) > 0 && !(code->flags & CO_HAS_CLASSCELL) ? TUPLE_ITEMS(code->consts)[0] : S->none;
    f->doc = NEWREF(IS_STR(doc) ? doc : S->none);
    Obj *module = dict_get_cstr(S, globals, "__name__");
    f->module = NEWREF(module ? module : S->none);
    f->builtins = (Dict *)NEWREF(S->builtins);
    return (Obj *)f;
}

static void func_clear(rs_State *S, Obj *o) {
    Func *f = (Func *)o;
    CLEAR(S, f->globals);
    CLEAR(S, f->builtins);
    CLEAR(S, f->defaults);
    CLEAR(S, f->kwdefaults);
    CLEAR(S, f->closure);
    CLEAR(S, f->dict);
    CLEAR(S, f->doc);
    CLEAR(S, f->module);
}

static void func_dealloc(rs_State *S, Obj *o) {
    Func *f = (Func *)o;
    gc_untrack(S, o);
    weakref_clear_all(S, o);
    func_clear(S, o);
    CLEAR(S, f->code);
    CLEAR(S, f->name);
    CLEAR(S, f->qualname);
    obj_free(S, o, sizeof(Func));
}

static int func_traverse(Obj *o, VisitFn visit, void *arg) {
    Func *f = (Func *)o;
    Obj *refs[] = {(Obj *)f->code, (Obj *)f->globals, (Obj *)f->builtins, (Obj *)f->defaults, (Obj *)f->kwdefaults,
                   (Obj *)f->closure, (Obj *)f->dict, f->doc, f->module, (Obj *)f->name, (Obj *)f->qualname};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r) return r;
        }
    return 0;
}

static Obj *func_call(rs_State *S, Obj *callable, Obj *const *args, size_t nargs, Tuple *kwnames) {
    return vm_call_function(S, (Func *)callable, args, nargs, kwnames);
}

static Obj *func_descr_get(rs_State *S, Obj *descr, Obj *obj, Obj *type) {
    (void)type;
    if (!obj || obj == S->none) {
        if (!obj) return NEWREF(descr);
    }
    return method_new(S, descr, obj);
}

static Obj *func_repr(rs_State *S, Obj *o) { return str_fromf(S, "<function %U at %p>", ((Func *)o)->qualname, (void *)o); }

static Obj *func_getattr(rs_State *S, Obj *o, Str *name) {
    Func *f = (Func *)o;
    const char *n = STR_DATA(name);
    if (n[0] == '_' && n[1] == '_') {
        if (!strcmp(n, "__name__")) return NEWREF(f->name);
        if (!strcmp(n, "__qualname__")) return NEWREF(f->qualname);
        if (!strcmp(n, "__doc__")) return NEWREF(f->doc);
        if (!strcmp(n, "__module__")) return NEWREF(f->module);
        if (!strcmp(n, "__code__")) return NEWREF(f->code);
        if (!strcmp(n, "__globals__")) return NEWREF(f->globals);
        if (!strcmp(n, "__defaults__")) return NEWREF(f->defaults ? (Obj *)f->defaults : S->none);
        if (!strcmp(n, "__kwdefaults__")) return NEWREF(f->kwdefaults ? (Obj *)f->kwdefaults : S->none);
        if (!strcmp(n, "__closure__")) return NEWREF(f->closure ? (Obj *)f->closure : S->none);
        if (!strcmp(n, "__dict__")) {
            if (!f->dict && !(f->dict = (Dict *)dict_new(S))) return NULL;
            return NEWREF(f->dict);
        }
    }
    if (f->dict) {
        Obj *v = dict_get_str(S, f->dict, name);
        if (v) return NEWREF(v);
    }
    return obj_generic_getattr(S, o, name);
}

static int func_setattr(rs_State *S, Obj *o, Str *name, Obj *v) {
    Func *f = (Func *)o;
    const char *n = STR_DATA(name);
    if (!strcmp(n, "__name__") || !strcmp(n, "__qualname__")) {
        if (!v || !IS_STR(v)) {
            exc_raisef(S, S->e_TypeError, "%s must be set to a string object", n);
            return -1;
        }
        if (n[2] == 'n') SETREF(S, f->name, (Str *)NEWREF(v));
        else SETREF(S, f->qualname, (Str *)NEWREF(v));
        return 0;
    }
    if (!strcmp(n, "__doc__")) {
        SETREF(S, f->doc, NEWREF(v ? v : S->none));
        return 0;
    }
    if (!strcmp(n, "__module__")) {
        SETREF(S, f->module, NEWREF(v ? v : S->none));
        return 0;
    }
    if (!strcmp(n, "__defaults__")) {
        SETREF(S, f->defaults, v && v != S->none ? (Tuple *)NEWREF(v) : NULL);
        return 0;
    }
    if (!f->dict && !(f->dict = (Dict *)dict_new(S))) return -1;
    if (!v) {
        if (dict_del(S, f->dict, (Obj *)name) < 0) {
            exc_clear(S);
            attr_error(S, o, name);
            return -1;
        }
        return 0;
    }
    return dict_set(S, f->dict, (Obj *)name, v);
}

/* ---- cells ---- */

Obj *cell_new(rs_State *S, Obj *ref) {
    Cell *c = (Cell *)obj_alloc(S, S->t_cell, sizeof(Cell));
    if (!c) return NULL;
    c->ref = ref;
    XINCREF(ref);
    return (Obj *)c;
}

static void cell_dealloc(rs_State *S, Obj *o) {
    gc_untrack(S, o);
    XDECREF(S, ((Cell *)o)->ref);
    obj_free(S, o, sizeof(Cell));
}

static int cell_traverse(Obj *o, VisitFn visit, void *arg) {
    Obj *r = ((Cell *)o)->ref;
    return r ? visit(r, arg) : 0;
}

static void cell_clear(rs_State *S, Obj *o) { CLEAR(S, ((Cell *)o)->ref); }

static Obj *cell_repr(rs_State *S, Obj *o) {
    Cell *c = (Cell *)o;
    if (!c->ref) return str_fromf(S, "<cell at %p: empty>", (void *)o);
    return str_fromf(S, "<cell at %p: %s object at %p>", (void *)o, type_name(TYPE(c->ref)), (void *)c->ref);
}

static Obj *cell_getattr(rs_State *S, Obj *o, Str *name) {
    if (str_eq_cstr((Obj *)name, "cell_contents")) {
        Cell *c = (Cell *)o;
        if (!c->ref) return exc_raisef(S, S->e_ValueError, "Cell is empty");
        return NEWREF(c->ref);
    }
    return obj_generic_getattr(S, o, name);
}

/* ---- bound methods ---- */

Obj *method_new(rs_State *S, Obj *func, Obj *self) {
    Method *m = (Method *)obj_alloc(S, S->t_method, sizeof(Method));
    if (!m) return NULL;
    m->func = NEWREF(func);
    m->self = NEWREF(self);
    return (Obj *)m;
}

static void method_dealloc(rs_State *S, Obj *o) {
    Method *m = (Method *)o;
    gc_untrack(S, o);
    weakref_clear_all(S, o);
    XDECREF(S, m->func);
    XDECREF(S, m->self);
    obj_free(S, o, sizeof(Method));
}

static int method_traverse(Obj *o, VisitFn visit, void *arg) {
    Method *m = (Method *)o;
    int r = m->func ? visit(m->func, arg) : 0;
    return r ? r : m->self ? visit(m->self, arg) : 0;
}

static void method_clear(rs_State *S, Obj *o) {
    CLEAR(S, ((Method *)o)->func);
    CLEAR(S, ((Method *)o)->self);
}

static Obj *method_call(rs_State *S, Obj *callable, Obj *const *args, size_t nargs, Tuple *kwnames) {
    Method *m = (Method *)callable;
    size_t total = nargs + (kwnames ? kwnames->len : 0);
    Obj *small[16], **buf = small;
    if (total + 1 > 16) {
        buf = mem_alloc(&S->mem, (total + 1) * sizeof(Obj *));
        if (!buf) return exc_nomemory(S);
    }
    buf[0] = m->self;
    if (total) memcpy(buf + 1, args, total * sizeof(Obj *));
    Obj *func = NEWREF(m->func), *self = NEWREF(m->self);
    Obj *r = obj_call(S, func, buf, nargs + 1, kwnames);
    DECREF(S, func);
    DECREF(S, self);
    if (buf != small) mem_free(&S->mem, buf, (total + 1) * sizeof(Obj *));
    return r;
}

static Obj *method_repr(rs_State *S, Obj *o) {
    Method *m = (Method *)o;
    Obj *qn = obj_getattr_cstr(S, m->func, "__qualname__");
    if (!qn) {
        exc_clear(S);
        qn = str_from_cstr(S, "?");
        if (!qn) return NULL;
    }
    Obj *sr = obj_repr(S, m->self);
    if (!sr) {
        DECREF(S, qn);
        return NULL;
    }
    Obj *r = str_fromf(S, "<bound method %S of %U>", qn, (Str *)sr);
    DECREF(S, qn);
    DECREF(S, sr);
    return r;
}

static Obj *method_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if (TYPE(b) != S->t_method || (op != CMP_EQ && op != CMP_NE)) return NEWREF(S->notimpl);
    Method *x = (Method *)a, *y = (Method *)b;
    bool eq = x->self == y->self;
    if (eq) {
        int r = obj_eq(S, x->func, y->func);
        if (r < 0) return NULL;
        eq = r;
    }
    return bool_from(S, eq == (op == CMP_EQ));
}

static int64_t method_hash(rs_State *S, Obj *o) {
    Method *m = (Method *)o;
    int64_t h = obj_hash(S, m->func);
    if (h == -1) return -1;
    int64_t r = h ^ (int64_t)((uintptr_t)m->self >> 4);
    return r == -1 ? -2 : r;
}

static Obj *method_getattr(rs_State *S, Obj *o, Str *name) {
    Method *m = (Method *)o;
    if (str_eq_cstr((Obj *)name, "__func__")) return NEWREF(m->func);
    if (str_eq_cstr((Obj *)name, "__self__")) return NEWREF(m->self);
    Obj *r = obj_generic_getattr(S, o, name);
    if (r || !exc_matches(S, S->e_AttributeError)) return r;
    exc_clear(S);
    return obj_getattr(S, m->func, name);
}

/* method(func, self): a bound method made by hand (types.MethodType). */
static Obj *method_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)t;
    if (args_no_kwargs(S, "method", kw) < 0 || args_count(S, "method", nargs, 2, 2) < 0) return NULL;
    if (!TYPE(args[0])->call) return exc_raisef(S, S->e_TypeError, "first argument must be callable");
    if (args[1] == S->none) return exc_raisef(S, S->e_TypeError, "instance must not be None");
    return method_new(S, args[0], args[1]);
}

void func_init_types(rs_State *S) {
    S->t_function->weaklistoffset = offsetof(Func, weaklist);
    S->t_method->weaklistoffset = offsetof(Method, weaklist);
    S->t_code->weaklistoffset = offsetof(Code, weaklist);
    Type *t = S->t_code;
    t->dealloc = code_dealloc;
    t->repr = code_repr;
    t->getattr = code_getattr;
    t = S->t_function;
    t->dealloc = func_dealloc;
    t->traverse = func_traverse;
    t->clear = func_clear;
    t->call = func_call;
    t->descr_get = func_descr_get;
    t->repr = func_repr;
    t->getattr = func_getattr;
    t->setattr = func_setattr;
    t = S->t_cell;
    t->dealloc = cell_dealloc;
    t->traverse = cell_traverse;
    t->clear = cell_clear;
    t->repr = cell_repr;
    t->getattr = cell_getattr;
    t = S->t_method;
    t->dealloc = method_dealloc;
    t->traverse = method_traverse;
    t->clear = method_clear;
    t->call = method_call;
    t->tp_new = method_tp_new;
    t->repr = method_repr;
    t->richcmp = method_richcmp;
    t->hash = method_hash;
    t->getattr = method_getattr;
}
