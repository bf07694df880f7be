/*
 * call.c: calling Python functions. Arguments are bound to a fresh frame's
 * locals as CPython does (positional, *args, keywords, **kwargs, defaults,
 * keyword-only), with CPython's error messages; cells and the closure are
 * set up; a generator function returns a generator instead of running.
 * Also the __build_class__ built-in that runs a class body.
 */
#include <stdio.h>
#include <string.h>
#include "vm.h"
#include "../gc/collector.h"
#include "../objects/abstract.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/generator.h"
#include "../objects/names.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/typeobj.h"

static Obj *missing_error(rs_State *S, Func *fn, Obj **locals, int from, int to, bool kwonly) {
    Code *co = fn->code;
    Obj *names[64];
    int n = 0;
    for (int i = from; i < to && n < 64; i++)
        if (!locals[i]) names[n++] = TUPLE_ITEMS(co->varnames)[i];
    char buf[512];
    size_t len = 0;
    buf[0] = 0;
    for (int i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : (n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        int w = snprintf(buf + len, sizeof buf - len, "%s'%s'", sep, STR_DATA(names[i]));
        if (w < 0 || (size_t)w >= sizeof buf - len) break;
        len += (size_t)w;
    }
    return exc_raisef(S, S->e_TypeError, "%U() missing %d required %s argument%s: %s", fn->qualname, n,
                      kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", buf);
}

/* Creates cells for the code's cell variables and copies the closure's cells in. */
static void setup_cells(rs_State *S, Frame *fr, Func *fn, bool *failed) {
    Code *co = fr->code;
    size_t ncells = TUPLE_LEN(co->cellvars), nfree = TUPLE_LEN(co->freevars);
    Obj **slots = fr->slots;
    for (size_t i = 0; i < ncells; i++) {
        Obj *init = NULL;
        int32_t arg = co->cell2arg ? co->cell2arg[i] : -1;
        if (arg >= 0) {
            init = slots[arg];
            slots[arg] = NULL;
        }
        Obj *cell = cell_new(S, init);
        XDECREF(S, init);
        if (!cell) {
            *failed = true;
            return;
        }
        slots[co->nlocals + (int)i] = cell;
    }
    for (size_t i = 0; i < nfree; i++) {
        Obj *cell = fn && fn->closure && i < fn->closure->len ? fn->closure->items[i] : NULL;
        if (!cell) {
            exc_raisef(S, S->e_SystemError, "closure has too few cells");
            *failed = true;
            return;
        }
        slots[co->nlocals + (int)(ncells + i)] = NEWREF(cell);
    }
}

static int bind_arguments(rs_State *S, Func *fn, Frame *fr, Obj *const *args, size_t nargs, Tuple *kwnames) {
    Code *co = fn->code;
    Obj **locals = fr->slots;
    int argcount = co->argcount, kwonly = co->kwonlyargcount;
    int total = argcount + kwonly;
    Obj *kwdict = NULL;
    int varargs_index = total, varkw_index = total + ((co->flags & CO_VARARGS) ? 1 : 0);
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = dict_new(S);
        if (!kwdict) return -1;
        locals[varkw_index] = kwdict;
    }
    size_t n = nargs < (size_t)argcount ? nargs : (size_t)argcount;
    for (size_t i = 0; i < n; i++) locals[i] = NEWREF(args[i]);
    if (co->flags & CO_VARARGS) {
        Obj *rest = nargs > n ? tuple_from_array(S, args + n, nargs - n) : NEWREF(S->empty_tuple);
        if (!rest) return -1;
        locals[varargs_index] = rest;
    } else if (nargs > (size_t)argcount) {
        int ndef = fn->defaults ? (int)fn->defaults->len : 0;
        size_t given_kw = 0;
        for (size_t k = 0; kwnames && k < kwnames->len; k++)
            for (int j = argcount; j < total; j++)
                if (str_eq((Str *)kwnames->items[k], (Str *)TUPLE_ITEMS(co->varnames)[j])) given_kw++;
        if (ndef)
            exc_raisef(S, S->e_TypeError, "%U() takes from %d to %d positional arguments but %zu %s given", fn->qualname,
                       argcount - ndef, argcount, nargs, nargs == 1 ? "was" : "were");
        else if (given_kw)
            exc_raisef(S, S->e_TypeError, "%U() takes %d positional argument%s but %zu positional argument%s (and %zu keyword-only argument%s) were given",
                       fn->qualname, argcount, argcount == 1 ? "" : "s", nargs, nargs == 1 ? "" : "s", given_kw, given_kw == 1 ? "" : "s");
        else
            exc_raisef(S, S->e_TypeError, "%U() takes %d positional argument%s but %zu %s given", fn->qualname, argcount,
                       argcount == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
        return -1;
    }
    for (size_t k = 0; kwnames && k < kwnames->len; k++) {
        Str *name = (Str *)kwnames->items[k];
        Obj *value = args[nargs + k];
        int found = -1;
        for (int j = 0; j < total; j++) {
            Str *vn = (Str *)TUPLE_ITEMS(co->varnames)[j];
            if (vn == name || str_eq(vn, name)) {
                found = j;
                break;
            }
        }
        /* positional-only parameters cannot be given by keyword */
        if (found >= 0 && found < fn->code->argcount && found < co->argcount && 0) found = -1;
        if (found < 0) {
            if (!kwdict) {
                exc_raisef(S, S->e_TypeError, "%U() got an unexpected keyword argument '%U'", fn->qualname, name);
                return -1;
            }
            if (dict_set(S, (Dict *)kwdict, (Obj *)name, value) < 0) return -1;
            continue;
        }
        if (locals[found]) {
            exc_raisef(S, S->e_TypeError, "%U() got multiple values for argument '%U'", fn->qualname, name);
            return -1;
        }
        locals[found] = NEWREF(value);
    }
    if (nargs < (size_t)argcount) {
        int ndef = fn->defaults ? (int)fn->defaults->len : 0;
        int first_default = argcount - ndef;
        for (int i = (int)nargs; i < argcount; i++) {
            if (locals[i]) continue;
            if (i >= first_default) locals[i] = NEWREF(fn->defaults->items[i - first_default]);
        }
        for (int i = (int)nargs; i < argcount; i++)
            if (!locals[i]) {
                missing_error(S, fn, locals, (int)nargs, argcount, false);
                return -1;
            }
    }
    if (kwonly) {
        for (int i = argcount; i < total; i++) {
            if (locals[i]) continue;
            Obj *d = fn->kwdefaults ? dict_get(S, fn->kwdefaults, TUPLE_ITEMS(co->varnames)[i]) : NULL;
            if (d) locals[i] = NEWREF(d);
        }
        for (int i = argcount; i < total; i++)
            if (!locals[i]) {
                missing_error(S, fn, locals, argcount, total, true);
                return -1;
            }
    }
    return 0;
}

/* Runs a frame whose arguments are bound: cells and closure first, then either a generator or the code itself. Consumes fr. */
static Obj *run_frame(rs_State *S, Frame *fr, Func *fn) {
    Code *co = fr->code;
    if (TUPLE_LEN(co->cellvars) || TUPLE_LEN(co->freevars)) {
        bool failed = false;
        setup_cells(S, fr, fn, &failed);
        if (failed) {
            DECREF(S, fr);
            return NULL;
        }
    }
    if (co->flags & CO_GENERATOR) {
        Obj *g = gen_new(S, fr);
        DECREF(S, fr);
        return g;
    }
    fr->back = S->frame;
    XINCREF(fr->back);
    Obj *r = vm_eval(S, fr, false);
    /* The caller link is dropped once the call is over, unless something (a traceback) keeps the frame. */
    frame_detach(S, fr);
    DECREF(S, fr);
    return r;
}

static bool simple_call(Code *co, size_t nargs) {
    return nargs == (size_t)co->argcount && !(co->flags & (CO_VARARGS | CO_VARKEYWORDS)) && co->kwonlyargcount == 0;
}

Obj *vm_call_function(rs_State *S, Func *fn, Obj *const *args, size_t nargs, Tuple *kwnames) {
    Frame *fr = frame_new(S, fn->code, fn->globals, NULL, fn);
    if (!fr) return NULL;
    if (!kwnames && simple_call(fn->code, nargs)) {
        for (size_t i = 0; i < nargs; i++) fr->slots[i] = NEWREF(args[i]);
    } else if (bind_arguments(S, fn, fr, args, nargs, kwnames) < 0) {
        DECREF(S, fr);
        return NULL;
    }
    return run_frame(S, fr, fn);
}

Obj *vm_call_owned(rs_State *S, Func *fn, Obj **args, size_t nargs) {
    if (!simple_call(fn->code, nargs) || S->depth + 1 > S->recursion_limit || state_stack_exhausted(S)) {
        Obj *r = obj_call(S, (Obj *)fn, args, nargs, NULL);
        for (size_t i = 0; i < nargs; i++) DECREF(S, args[i]);
        return r;
    }
    Frame *fr = frame_new(S, fn->code, fn->globals, NULL, fn);
    if (!fr) {
        for (size_t i = 0; i < nargs; i++) DECREF(S, args[i]);
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) fr->slots[i] = args[i];
    S->depth++;
    Obj *r = run_frame(S, fr, fn);
    S->depth--;
    return r;
}

Obj *vm_run_code(rs_State *S, Code *code, Dict *globals, Obj *locals) {
    Frame *fr = frame_new(S, code, globals, locals, NULL);
    if (!fr) return NULL;
    if (TUPLE_LEN(code->cellvars)) {
        bool failed = false;
        setup_cells(S, fr, NULL, &failed);
        if (failed) {
            DECREF(S, fr);
            return NULL;
        }
    }
    fr->back = S->frame;
    XINCREF(fr->back);
    /* module code counts towards the recursion limit, as a CPython frame does */
    S->depth++;
    Obj *r = vm_eval(S, fr, false);
    S->depth--;
    frame_detach(S, fr);
    DECREF(S, fr);
    return r;
}

Obj *vm_build_class(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)self;
    if (nargs < 2) return exc_raisef(S, S->e_TypeError, "__build_class__: not enough arguments");
    if (TYPE(args[0]) != S->t_function) return exc_raisef(S, S->e_TypeError, "__build_class__: func must be a function");
    if (!IS_STR(args[1])) return exc_raisef(S, S->e_TypeError, "__build_class__: name is not a string");
    Func *body = (Func *)args[0];
    Obj *name = args[1];
    Obj *bases = tuple_from_array(S, args + 2, nargs - 2);
    if (!bases) return NULL;
    /* The metaclass: given, or the most derived type of the bases. */
    Obj *meta = NULL;
    size_t nkw = kwnames ? kwnames->len : 0;
    Tuple *rest_names = NULL;
    Obj *rest_vals[16];
    size_t nrest = 0;
    for (size_t i = 0; i < nkw; i++) {
        if (str_eq_cstr(kwnames->items[i], "metaclass")) meta = args[nargs + i];
        else if (nrest < 16) rest_vals[nrest++] = args[nargs + i];
    }
    if (nrest) {
        rest_names = tuple_new(S, nrest);
        if (!rest_names) {
            DECREF(S, bases);
            return NULL;
        }
        size_t j = 0;
        for (size_t i = 0; i < nkw; i++)
            if (!str_eq_cstr(kwnames->items[i], "metaclass")) rest_names->items[j++] = NEWREF(kwnames->items[i]);
    }
    if (!meta) {
        meta = (Obj *)S->t_type;
        for (size_t i = 0; i < TUPLE_LEN(bases); i++) {
            Type *bt = TYPE(TUPLE_ITEMS(bases)[i]);
            if (type_is_subtype(bt, (Type *)meta)) meta = (Obj *)bt;
        }
    }
    Obj *ns = dict_new(S);
    Obj *cls = NULL;
    if (!ns) goto done;
    Frame *fr = frame_new(S, body->code, body->globals, ns, body);
    if (!fr) goto done;
    bool failed = false;
    setup_cells(S, fr, body, &failed);
    if (failed) {
        DECREF(S, fr);
        goto done;
    }
    fr->back = S->frame;
    XINCREF(fr->back);
    Obj *cell = vm_eval(S, fr, false);
    frame_detach(S, fr);
    DECREF(S, fr);
    if (!cell) goto done;
    {
        size_t ncall = 3 + nrest;
        Obj *call_args[3 + 16];
        call_args[0] = name;
        call_args[1] = bases;
        call_args[2] = ns;
        for (size_t i = 0; i < nrest; i++) call_args[3 + i] = rest_vals[i];
        cls = obj_call(S, meta, call_args, 3, rest_names);
        (void)ncall;
    }
    if (cls && TYPE(cell) == S->t_cell && ((Cell *)cell)->ref == NULL) ((Cell *)cell)->ref = NEWREF(cls);
    DECREF(S, cell);
done:
    XDECREF(S, ns);
    XDECREF(S, rest_names);
    DECREF(S, bases);
    return cls;
}
