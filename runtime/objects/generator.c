/*
 * generator.c: generator objects. Each resume runs the generator's own
 * frame in the VM until it yields or returns; throw() resumes it with an
 * exception pending at the yield; a generator that dies unfinished is
 * closed (GeneratorExit thrown in), as CPython finalizes generators.
 */
#include "generator.h"
#include "../gc/weakref.h"
#include <string.h>
#include "../vm/vm.h"
#include "abstract.h"
#include "cfunc.h"
#include "exception.h"
#include "../compiler/opcodes.h"
#include "names.h"
#include "str.h"
#include "tuple.h"

Obj *gen_new(rs_State *S, Frame *f) {
    Gen *g = (Gen *)obj_alloc(S, S->t_generator, sizeof(Gen));
    if (!g) return NULL;
    g->frame = (Frame *)NEWREF(f);
    g->name = (Str *)NEWREF(f->code->name);
    g->qualname = (Str *)NEWREF(f->func ? f->func->qualname : f->code->qualname);
    g->running = false;
    g->yieldfrom = NULL;
    return (Obj *)g;
}

static bool started(Gen *g) { return g->frame && g->frame->ip > 0; }

/* Resumes; value is pushed as the result of the pending yield (ignored when throwing). */
static Obj *resume(rs_State *S, Gen *g, Obj *value, bool throwing, bool *done) {
    *done = false;
    if (g->running) return exc_raisef(S, S->e_ValueError, "generator already executing");
    Frame *f = g->frame;
    if (!f) {
        *done = true;
        return NULL;
    }
    if (!throwing && value) {
        if (f->ip == 0 && value != S->none) {
            return exc_raisef(S, S->e_TypeError, "can't send non-None value to a just-started generator");
        }
        if (f->ip > 0) f->slots[f->nslots + f->sp++] = NEWREF(value);
    }
    g->running = true;
    f->back = S->frame;
    XINCREF(f->back);
    Obj *r = vm_eval(S, f, throwing);
    g->running = false;
    CLEAR(S, f->back);
    if (r && !f->finished) return r;
    /* returned or raised: the generator is finished */
    *done = r != NULL;
    g->frame = NULL;
    DECREF(S, f);
    if (!r && exc_matches(S, S->e_StopIteration)) {
        Obj *e = exc_fetch(S);
        exc_raisef(S, S->e_RuntimeError, "generator raised StopIteration");
        if (S->exc) {
            ((Exc *)S->exc)->cause = e;
            ((Exc *)S->exc)->suppress_context = true;
        } else {
            DECREF(S, e);
        }
    }
    return r;
}

Obj *gen_send(rs_State *S, Gen *g, Obj *value, bool *done) { return resume(S, g, value, false, done); }

static Obj *gen_iternext(rs_State *S, Obj *o) {
    bool done;
    Obj *r = resume(S, (Gen *)o, S->none, false, &done);
    if (done) {
        /* a return value travels in StopIteration, as CPython's next(gen) does */
        if (r && r != S->none) exc_raise_value(S, S->e_StopIteration, r);
        XDECREF(S, r);
        return NULL;
    }
    return r;
}

static Obj *stop_with(rs_State *S, Obj *value) {
    if (value == S->none) {
        DECREF(S, value);
        return exc_raise(S, (Obj *)S->e_StopIteration);
    }
    exc_raise_value(S, S->e_StopIteration, value);
    DECREF(S, value);
    return NULL;
}

static Obj *m_send(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "send", kw) < 0 || args_count(S, "send", nargs, 1, 1) < 0) return NULL;
    bool done;
    Obj *r = resume(S, (Gen *)self, args[0], false, &done);
    if (done) return r ? stop_with(S, r) : exc_raise(S, (Obj *)S->e_StopIteration);
    return r;
}

/* The iterator a suspended generator delegates to with `yield from`, or NULL (borrowed). */
static Obj *delegate_of(Gen *g) {
    Frame *f = g->frame;
    if (!f || f->ip <= 0 || f->sp < 1 || (size_t)f->ip >= f->code->ncode) return NULL;
    /* a delegating generator is suspended on its YIELD_FROM, which runs again on resume */
    if (INSTR_OP(f->code->code[f->ip]) != OP_YIELD_FROM) return NULL;
    return f->slots[f->nslots + f->sp - 1];
}

static int gen_close(rs_State *S, Gen *g);

/* Closes the iterator a generator delegates to, as CPython's gen_close_iter. */
static int close_delegate(rs_State *S, Obj *sub) {
    if (TYPE(sub) == S->t_generator) return gen_close(S, (Gen *)sub);
    Obj *close = obj_lookup_attr(S, sub, NAME(close));
    if (!close) return S->exc ? -1 : 0;
    Obj *r = obj_call0(S, close);
    DECREF(S, close);
    if (!r) return -1;
    DECREF(S, r);
    return 0;
}

static Obj *throw_exc(rs_State *S, Gen *g, Obj *exc);

/* The delegate finished while an exception was thrown in: continue the outer generator after its yield from. */
static Obj *resume_after_delegate(rs_State *S, Gen *g) {
    Frame *f = g->frame;
    bool done;
    Obj *r;
    if (exc_matches(S, S->e_StopIteration)) {
        Obj *e = exc_fetch(S);
        Obj *value = NEWREF(((Exc *)e)->value ? ((Exc *)e)->value : S->none);
        DECREF(S, e);
        /* the result of the yield from replaces the delegate on the stack */
        Obj **top = &f->slots[f->nslots + f->sp - 1];
        Obj *sub = *top;
        *top = value;
        DECREF(S, sub);
        f->ip++;
        r = resume(S, g, NULL, false, &done);
    } else {
        r = resume(S, g, NULL, true, &done);
    }
    if (done) return r ? stop_with(S, r) : exc_raise(S, (Obj *)S->e_StopIteration);
    return r;
}

/* Throws exc (a new reference, an exception instance) into g, through the iterator it delegates to. */
static Obj *throw_exc(rs_State *S, Gen *g, Obj *exc) {
    if (g->running) {
        DECREF(S, exc);
        return exc_raisef(S, S->e_ValueError, "generator already executing");
    }
    Obj *sub = g->frame ? delegate_of(g) : NULL;
    if (sub) {
        INCREF(sub);
        if (is_instance_of(exc, S->e_GeneratorExit)) {
            g->running = true;
            int err = close_delegate(S, sub);
            g->running = false;
            DECREF(S, sub);
            if (err < 0) {
                /* the delegate's error is thrown into this generator instead */
                DECREF(S, exc);
                bool done;
                Obj *r = resume(S, g, NULL, true, &done);
                if (done) return r ? stop_with(S, r) : exc_raise(S, (Obj *)S->e_StopIteration);
                return r;
            }
        } else {
            Obj *ret;
            g->running = true;
            if (TYPE(sub) == S->t_generator) {
                ret = throw_exc(S, (Gen *)sub, NEWREF(exc));
            } else {
                Obj *meth = obj_lookup_attr(S, sub, NAME(throw));
                if (!meth) {
                    g->running = false;
                    DECREF(S, sub);
                    if (S->exc) {
                        DECREF(S, exc);
                        return NULL;
                    }
                    goto throw_here;
                }
                ret = obj_call1(S, meth, exc);
                DECREF(S, meth);
            }
            g->running = false;
            DECREF(S, sub);
            DECREF(S, exc);
            if (ret) return ret; /* the delegate yielded: this generator stays suspended in its yield from */
            return resume_after_delegate(S, g);
        }
    }
throw_here:
    exc_set(S, exc);
    if (!g->frame) return NULL;
    if (!started(g)) {
        /* never started: it finishes with the exception */
        Frame *f = g->frame;
        g->frame = NULL;
        DECREF(S, f);
        return NULL;
    }
    bool done;
    Obj *r = resume(S, g, NULL, true, &done);
    if (done) return r ? stop_with(S, r) : exc_raise(S, (Obj *)S->e_StopIteration);
    return r;
}

static Obj *gen_throw(rs_State *S, Gen *g, Obj *typ, Obj *val) {
    Obj *exc;
    if (TYPE(typ) == S->t_type && IS_EXC_TYPE(typ)) {
        exc = val && val != S->none ? (IS_EXC(val) ? NEWREF(val) : obj_call1(S, typ, val)) : obj_call0(S, typ);
        if (!exc) return NULL;
    } else if (IS_EXC(typ)) {
        exc = NEWREF(typ);
    } else {
        return exc_raisef(S, S->e_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                          type_name(TYPE(typ)));
    }
    return throw_exc(S, g, exc);
}

static Obj *m_throw(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "throw", kw) < 0 || args_count(S, "throw", nargs, 1, 3) < 0) return NULL;
    return gen_throw(S, (Gen *)self, args[0], nargs > 1 ? args[1] : NULL);
}

static int gen_close(rs_State *S, Gen *g) {
    if (!started(g)) {
        if (g->frame) {
            Frame *f = g->frame;
            g->frame = NULL;
            DECREF(S, f);
        }
        return 0;
    }
    Obj *r = gen_throw(S, g, (Obj *)S->e_GeneratorExit, NULL);
    if (r) {
        DECREF(S, r);
        exc_raisef(S, S->e_RuntimeError, "generator ignored GeneratorExit");
        return -1;
    }
    if (exc_matches(S, S->e_GeneratorExit) || exc_matches(S, S->e_StopIteration)) {
        exc_clear(S);
        return 0;
    }
    return S->exc ? -1 : 0;
}

static Obj *m_close(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "close", kw) < 0 || args_count(S, "close", nargs, 0, 0) < 0) return NULL;
    if (gen_close(S, (Gen *)self) < 0) return NULL;
    return NEWREF(S->none);
}

/* tp_finalize: a suspended generator is closed, so its finally blocks run. */
static void gen_finalize(rs_State *S, Obj *o) {
    Gen *g = (Gen *)o;
    if (started(g) && !g->frame->finished && gen_close(S, g) < 0) exc_write_unraisable(S, "Exception ignored in", o);
}

static void gen_dealloc(rs_State *S, Obj *o) {
    Gen *g = (Gen *)o;
    gc_untrack(S, o);
    weakref_clear_all(S, o);
    if (started(g) && !g->frame->finished && !S->closing && obj_finalize_from_dealloc(S, o)) return;
    CLEAR(S, g->frame);
    CLEAR(S, g->name);
    CLEAR(S, g->qualname);
    obj_free(S, o, sizeof(Gen));
}

static int gen_traverse(Obj *o, VisitFn visit, void *arg) {
    Gen *g = (Gen *)o;
    return g->frame ? visit((Obj *)g->frame, arg) : 0;
}

static void gen_clear(rs_State *S, Obj *o) { CLEAR(S, ((Gen *)o)->frame); }

static Obj *gen_repr(rs_State *S, Obj *o) { return str_fromf(S, "<generator object %U at %p>", ((Gen *)o)->qualname, (void *)o); }

static Obj *gen_iter(rs_State *S, Obj *o) {
    (void)S;
    return NEWREF(o);
}

static Obj *gen_getattr(rs_State *S, Obj *o, Str *name) {
    Gen *g = (Gen *)o;
    const char *n = STR_DATA(name);
    if (!strcmp(n, "__name__")) return NEWREF(g->name);
    if (!strcmp(n, "__qualname__")) return NEWREF(g->qualname);
    if (!strcmp(n, "gi_frame")) return NEWREF(g->frame ? (Obj *)frame_materialize(S, g->frame) : S->none);
    if (!strcmp(n, "gi_running")) return bool_from(S, g->running);
    if (!strcmp(n, "gi_code")) return g->frame ? NEWREF(g->frame->code) : NEWREF(S->none);
    if (!strcmp(n, "gi_yieldfrom")) return NEWREF(g->yieldfrom ? g->yieldfrom : S->none);
    return obj_generic_getattr(S, o, name);
}

static const CFuncDef gen_methods[] = {{"send", m_send}, {"throw", m_throw}, {"close", m_close}, {NULL, NULL}};

void gen_init_type(rs_State *S) {
    Type *t = S->t_generator;
    t->weaklistoffset = offsetof(Gen, weaklist);
    t->dealloc = gen_dealloc;
    t->finalize = gen_finalize;
    t->traverse = gen_traverse;
    t->clear = gen_clear;
    t->repr = gen_repr;
    t->iter = gen_iter;
    t->next = gen_iternext;
    t->getattr = gen_getattr;
    cfunc_add_methods(S, t, gen_methods);
}
