/*
 * shutdown.c: the end of a run, as CPython 3.11's Py_FinalizeEx. The order
 * decides which __del__ methods run, when, and what they can still see:
 *
 *   1. atexit callbacks, while everything is whole;
 *   2. a full collection (when the collector is enabled);
 *   3. sys.last_* and friends set to None (they often hold tracebacks);
 *   4. every module removed from sys.modules, in import order: a module
 *      nothing else holds is freed, and its globals with it (a main script
 *      that defines a function or class keeps its globals alive in a cycle);
 *   5. a collection, which finalizes that cycle with the globals intact;
 *   6. the globals of modules still alive cleared, the latest imported
 *      first: names with one leading underscore first, then the others;
 *   7. the sys and builtins dicts cleared.
 * What remains after this is freed by rs_close without finalizers, as
 * CPython leaves it unfreed.
 */
#include "shutdown.h"
#include "../core/io.h"
#include "../gc/collector.h"
#include "../gc/hostgc.h"
#include "../gc/observe.h"
#include "../gc/weakref.h"
#include "../modules/registry.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/list.h"
#include "../objects/module.h"
#include "../objects/str.h"
#include "../objects/tuple.h"


static void set_none(rs_State *S, Dict *d, const char *name) {
    if (dict_get_cstr(S, d, name) && dict_set_cstr(S, d, name, S->none) < 0) exc_clear(S);
}

/* Values that often keep user objects alive until too late: cleared first, as CPython does. */
static void delete_special(rs_State *S, Dict *sysd) {
    if (S->builtins) set_none(S, S->builtins, "_");
    static const char *const sys_names[] = {"argv", "ps1", "ps2", "last_type", "last_value", "last_traceback"};
    for (size_t i = 0; sysd && i < sizeof sys_names / sizeof sys_names[0]; i++) set_none(S, sysd, sys_names[i]);
}

/* _PyModule_ClearDict: names with a single leading underscore first, then all but __builtins__. */
static void clear_module_dict(rs_State *S, Dict *d) {
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < d->nentries; i++) {
            DictEntry *e = &d->entries[i];
            if (!e->key || e->value == S->none || !IS_STR(e->key)) continue;
            const char *k = STR_DATA(e->key);
            bool single_underscore = k[0] == '_' && k[1] != '_';
            if (pass == 0 ? !single_underscore : str_eq_cstr(e->key, "__builtins__")) continue;
            Obj *old = e->value;
            e->value = NEWREF(S->none);
            DECREF(S, old);
        }
    }
}

/* Removes every module from sys.modules; returns weak references to them, in import order. */
static Obj *remove_modules(rs_State *S) {
    Obj *weak = list_new(S, 0);
    Dict *mods = S->modules;
    for (size_t i = 0; weak && i < mods->nentries; i++) {
        DictEntry *e = &mods->entries[i];
        if (!e->key || TYPE(e->value) != S->t_module) continue;
        Obj *wr = weakref_new(S, S->t_weakref, e->value, NULL);
        if (!wr || list_append(S, weak, wr) < 0) exc_clear(S);
        XDECREF(S, wr);
        Obj *old = e->value;
        e->value = NEWREF(S->none);
        DECREF(S, old); /* may free the module, and its globals with it */
    }
    if (!weak) exc_clear(S);
    dict_clear_all(S, mods);
    return weak;
}

void shutdown_finalize(rs_State *S) {
    if (S->atexit_callbacks) atexit_run_callbacks(S);
    hostgc_end(S); /* a host-GC model: from here on, reference counting takes the heap apart */
    io_flush(S);
    if (!S->gc_gen[0] || !S->modules) return;
    if (S->gc_enabled) gc_collect(S, 2, "shutdown");
    Dict *sysd = S->sys_module ? (Dict *)NEWREF(((Module *)S->sys_module)->dict) : NULL;
    delete_special(S, sysd);
    /* the main module is held by sys.modules alone, as in CPython */
    CLEAR(S, S->main_module);
    Obj *weak = remove_modules(S);
    gc_collect(S, 2, "shutdown");
    io_flush(S);
    for (size_t i = weak ? LIST_LEN(weak) : 0; i-- > 0;) {
        Obj *m = ((Weakref *)LIST_ITEMS(weak)[i])->object;
        if (!m) continue;
        Dict *d = ((Module *)m)->dict;
        if (d == S->builtins || d == sysd) continue;
        INCREF(m);
        clear_module_dict(S, d);
        DECREF(S, m);
    }
    XDECREF(S, weak);
    /* from here on the runtime takes itself apart: not the script's memory any more */
    observe_finish(S);
    if (sysd) dict_clear_all(S, sysd);
    if (S->builtins) dict_clear_all(S, S->builtins);
    XDECREF(S, sysd);
    if (S->exc) exc_clear(S);
    io_flush(S);
}
