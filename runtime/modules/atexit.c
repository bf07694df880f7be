/*
 * atexit.c: the atexit module. Callbacks run last registered, first run,
 * when the state closes and before anything else is torn down (CPython's
 * Py_FinalizeEx calls them while the interpreter is whole); weakref.finalize
 * relies on them for its at-exit calls.
 */
#include "registry.h"
#include "../objects/abstract.h"
#include "../objects/cfunc.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/module.h"
#include "../objects/tuple.h"

#define FN(name) static Obj *atexit_##name(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw)

/* Each entry of S->atexit_callbacks is a tuple (func, args, kwargs or None). */
FN(register) {
    (void)self;
    if (nargs < 1) return exc_raisef(S, S->e_TypeError, "register() takes at least 1 argument (0 given)");
    if (!TYPE(args[0])->call) return exc_raisef(S, S->e_TypeError, "the first argument must be callable");
    Obj *pos = tuple_from_array(S, args + 1, nargs - 1);
    Obj *kwargs = NULL;
    if (pos && kw && kw->len) {
        kwargs = dict_new(S);
        for (size_t i = 0; kwargs && i < kw->len; i++)
            if (dict_set(S, (Dict *)kwargs, kw->items[i], args[nargs + i]) < 0) CLEAR(S, kwargs);
        if (!kwargs) CLEAR(S, pos);
    }
    if (!pos) return NULL;
    Obj *entry = tuple_pack(S, 3, NEWREF(args[0]), pos, kwargs ? kwargs : NEWREF(S->none));
    if (!entry || list_append(S, S->atexit_callbacks, entry) < 0) {
        XDECREF(S, entry);
        return NULL;
    }
    DECREF(S, entry);
    return NEWREF(args[0]);
}

FN(unregister) {
    (void)self;
    if (args_no_kwargs(S, "unregister", kw) < 0 || args_count(S, "unregister", nargs, 1, 1) < 0) return NULL;
    Obj *kept = list_new(S, 0);
    Obj *old = S->atexit_callbacks;
    for (size_t i = 0; kept && i < LIST_LEN(old); i++) {
        Obj *entry = LIST_ITEMS(old)[i];
        INCREF(entry);
        int eq = obj_eq(S, TUPLE_ITEMS(entry)[0], args[0]);
        if (eq < 0 || (eq == 0 && list_append(S, kept, entry) < 0)) CLEAR(S, kept);
        DECREF(S, entry);
    }
    if (!kept) return NULL;
    S->atexit_callbacks = kept;
    DECREF(S, old);
    return NEWREF(S->none);
}

void atexit_run_callbacks(rs_State *S) {
    Obj *list = S->atexit_callbacks;
    if (S->stopped) return; /* a run stopped at its step limit runs no more Python */
    while (list && LIST_LEN(list) > 0) {
        Obj *entry = LIST_ITEMS(list)[--((List *)list)->len]; /* popped: the reference is ours */
        Obj *kwargs = TUPLE_ITEMS(entry)[2];
        Obj *r = obj_call_ex(S, TUPLE_ITEMS(entry)[0], TUPLE_ITEMS(entry)[1], kwargs == S->none ? NULL : kwargs);
        if (!r && !exc_matches(S, S->e_SystemExit))
            exc_write_unraisable(S, "Exception ignored in atexit callback", TUPLE_ITEMS(entry)[0]);
        if (S->exc) exc_clear(S);
        XDECREF(S, r);
        DECREF(S, entry);
    }
}

FN(_run_exitfuncs) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "_run_exitfuncs", kw) < 0 || args_count(S, "_run_exitfuncs", nargs, 0, 0) < 0) return NULL;
    atexit_run_callbacks(S);
    return NEWREF(S->none);
}

FN(_clear) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "_clear", kw) < 0 || args_count(S, "_clear", nargs, 0, 0) < 0) return NULL;
    Obj *empty = list_new(S, 0);
    if (!empty) return NULL;
    SETREF(S, S->atexit_callbacks, empty);
    return NEWREF(S->none);
}

FN(_ncallbacks) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "_ncallbacks", kw) < 0 || args_count(S, "_ncallbacks", nargs, 0, 0) < 0) return NULL;
    return int_from_i64(S, (int64_t)LIST_LEN(S->atexit_callbacks));
}

static const CFuncDef atexit_functions[] = {{"register", atexit_register},
                                            {"unregister", atexit_unregister},
                                            {"_run_exitfuncs", atexit__run_exitfuncs},
                                            {"_clear", atexit__clear},
                                            {"_ncallbacks", atexit__ncallbacks},
                                            {NULL, NULL}};

Obj *atexit_module_create(rs_State *S) {
    Obj *m = module_new(S, "atexit");
    if (m && cfunc_add_functions(S, ((Module *)m)->dict, atexit_functions, m) < 0) CLEAR(S, m);
    return m;
}
