/*
 * frame.c: frame objects. A frame's slots hold its locals, then its cells
 * and free variables, then the value stack; they are released in that order
 * when the frame is cleared, as CPython 3.11 clears a frame's localsplus.
 */
#include "frame.h"
#include "../gc/collector.h"
#include <string.h>
#include "abstract.h"
#include "cfunc.h"
#include "dict.h"
#include "exception.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

static size_t frame_size(Code *code) {
    size_t nslots = (size_t)code->nlocals + TUPLE_LEN(code->cellvars) + TUPLE_LEN(code->freevars);
    return sizeof(Frame) + (nslots + (size_t)code->stacksize) * sizeof(Obj *);
}

Frame *frame_new(rs_State *S, Code *code, Dict *globals, Obj *locals, Func *func) {
    size_t size = frame_size(code);
    Frame *f = (Frame *)obj_alloc(S, S->t_frame, size);
    if (!f) return NULL; /* zeroed by obj_alloc */
    f->code = (Code *)NEWREF(code);
    f->globals = (Dict *)NEWREF(globals);
    f->builtins = (Dict *)NEWREF(func ? func->builtins : S->builtins);
    f->locals = locals;
    XINCREF(locals);
    f->func = func;
    XINCREF(func);
    f->nslots = code->nlocals + (int32_t)TUPLE_LEN(code->cellvars) + (int32_t)TUPLE_LEN(code->freevars);
    return f;
}

int frame_lineno(Frame *f) {
    int32_t i = f->lasti;
    if (i < 0) return f->code->firstlineno;
    if ((size_t)i >= f->code->ncode) i = (int32_t)f->code->ncode - 1;
    return i >= 0 ? f->code->lines[i] : f->code->firstlineno;
}

Frame *frame_materialize(rs_State *S, Frame *f) {
    gc_count_now(S, (Obj *)f);
    return f;
}

void frame_detach(rs_State *S, Frame *f) {
    if (f->ob.refcnt == 1) CLEAR(S, f->back);
    else if (f->back) frame_materialize(S, f->back);
}

void frame_clear_locals(rs_State *S, Frame *f) {
    int32_t n = f->nslots + f->sp;
    f->sp = 0;
    for (int32_t i = 0; i < n; i++) CLEAR(S, f->slots[i]);
}

static void frame_clear(rs_State *S, Obj *o) {
    Frame *f = (Frame *)o;
    frame_clear_locals(S, f);
    CLEAR(S, f->locals);
    CLEAR(S, f->back);
    CLEAR(S, f->gen_handled);
}

static void frame_dealloc(rs_State *S, Obj *o) {
    Frame *f = (Frame *)o;
    gc_untrack(S, o);
    size_t size = frame_size(f->code);
    frame_clear_locals(S, f);
    CLEAR(S, f->back);
    CLEAR(S, f->gen_handled);
    CLEAR(S, f->locals);
    CLEAR(S, f->func);
    CLEAR(S, f->globals);
    CLEAR(S, f->builtins);
    CLEAR(S, f->code);
    obj_free(S, o, size);
}

static int frame_traverse(Obj *o, VisitFn visit, void *arg) {
    Frame *f = (Frame *)o;
    Obj *refs[] = {(Obj *)f->back, (Obj *)f->code, (Obj *)f->func, (Obj *)f->globals, (Obj *)f->builtins, f->locals};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r) return r;
        }
    for (int32_t i = 0; i < f->nslots + f->sp; i++)
        if (f->slots[i]) {
            int r = visit(f->slots[i], arg);
            if (r) return r;
        }
    return 0;
}

/* f_locals: the locals mapping, or a fresh dict of the fast locals and cells. */
static Obj *frame_locals(rs_State *S, Frame *f) {
    if (f->locals) return NEWREF(f->locals);
    Obj *d = dict_new(S);
    if (!d) return NULL;
    Code *c = f->code;
    for (int i = 0; i < c->nlocals; i++)
        if (f->slots[i] && dict_set(S, (Dict *)d, TUPLE_ITEMS(c->varnames)[i], f->slots[i]) < 0) goto fail;
    size_t ncells = TUPLE_LEN(c->cellvars), nfree = TUPLE_LEN(c->freevars);
    for (size_t i = 0; i < ncells + nfree; i++) {
        Obj *cell = f->slots[c->nlocals + (int)i];
        Obj *name = i < ncells ? TUPLE_ITEMS(c->cellvars)[i] : TUPLE_ITEMS(c->freevars)[i - ncells];
        if (cell && ((Cell *)cell)->ref && dict_set(S, (Dict *)d, name, ((Cell *)cell)->ref) < 0) goto fail;
    }
    return d;
fail:
    DECREF(S, d);
    return NULL;
}

static Obj *frame_getattr(rs_State *S, Obj *o, Str *name) {
    Frame *f = (Frame *)o;
    const char *n = STR_DATA(name);
    if (!strcmp(n, "f_locals")) return frame_locals(S, f);
    if (!strcmp(n, "f_globals")) return NEWREF(f->globals);
    if (!strcmp(n, "f_builtins")) return NEWREF(f->builtins);
    if (!strcmp(n, "f_code")) return NEWREF(f->code);
    if (!strcmp(n, "f_back")) return NEWREF(f->back ? (Obj *)frame_materialize(S, f->back) : S->none);
    if (!strcmp(n, "f_lineno")) return int_from_i64(S, frame_lineno(f));
    if (!strcmp(n, "f_lasti")) return int_from_i64(S, f->lasti * 2);
    return obj_generic_getattr(S, o, name);
}

static Obj *frame_repr(rs_State *S, Obj *o) {
    Frame *f = (Frame *)o;
    return str_fromf(S, "<frame at %p, file '%U', line %d, code %U>", (void *)o, f->code->filename, frame_lineno(f), f->code->name);
}

static Obj *m_clear(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "clear", kw) < 0 || args_count(S, "clear", nargs, 0, 0) < 0) return NULL;
    Frame *f = (Frame *)self;
    if (f->running) return exc_raisef(S, S->e_RuntimeError, "cannot clear an executing frame");
    frame_clear_locals(S, f);
    return NEWREF(S->none);
}

static const CFuncDef frame_methods[] = {{"clear", m_clear}, {NULL, NULL}};

void frame_init_type(rs_State *S) {
    Type *t = S->t_frame;
    t->flags |= TF_UNCOUNTED;
    t->dealloc = frame_dealloc;
    t->traverse = frame_traverse;
    t->clear = frame_clear;
    t->getattr = frame_getattr;
    t->repr = frame_repr;
    cfunc_add_methods(S, t, frame_methods);
}
