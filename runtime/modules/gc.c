/*
 * gc.c: the gc module, the interface to the collector. Under cpython it has
 * CPython 3.11's functions, constants and messages (gc/collector.c); under
 * the host-GC models (gc/hostgc.c) it has the face of the Python that lives
 * on that host: Jython's under jvm, IronPython's under clr, and under boehm
 * the few functions a mark-sweep heap can honour. README "The models" has
 * the table.
 */
#include <string.h>
#include "registry.h"
#include "../gc/collector.h"
#include "../gc/hostgc.h"
#include "../gc/reachability.h"
#include "../objects/abstract.h"
#include "../objects/cfunc.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/module.h"
#include "../objects/str.h"
#include "../objects/tuple.h"

#define FN(name) static Obj *gcm_##name(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw)

FN(collect) {
    (void)self;
    static const char *const names[] = {"generation"};
    Obj *a[1];
    if (args_bind(S, "collect", args, nargs, kw, names, 1, 0, a) < 0) return NULL;
    int64_t gen = 2;
    if (a[0] && obj_index_i64(S, a[0], &gen, "generation") < 0) return NULL;
    if (gen < 0 || gen > 2) return exc_raisef(S, S->e_ValueError, "invalid generation");
    return int_from_i64(S, gc_collect(S, (int)gen, "manual"));
}

FN(enable) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "enable", kw) < 0 || args_count(S, "enable", nargs, 0, 0) < 0) return NULL;
    S->gc_enabled = true;
    return NEWREF(S->none);
}

FN(disable) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "disable", kw) < 0 || args_count(S, "disable", nargs, 0, 0) < 0) return NULL;
    S->gc_enabled = false;
    return NEWREF(S->none);
}

FN(isenabled) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "isenabled", kw) < 0 || args_count(S, "isenabled", nargs, 0, 0) < 0) return NULL;
    return bool_from(S, S->gc_enabled);
}

FN(get_count) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "get_count", kw) < 0 || args_count(S, "get_count", nargs, 0, 0) < 0) return NULL;
    return tuple_pack(S, 3, int_from_i64(S, S->gc_count[0]), int_from_i64(S, S->gc_count[1]), int_from_i64(S, S->gc_count[2]));
}

FN(get_threshold) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "get_threshold", kw) < 0 || args_count(S, "get_threshold", nargs, 0, 0) < 0) return NULL;
    return tuple_pack(S, 3, int_from_i64(S, S->gc_threshold[0]), int_from_i64(S, S->gc_threshold[1]),
                      int_from_i64(S, S->gc_threshold[2]));
}

FN(set_threshold) {
    (void)self;
    if (args_no_kwargs(S, "set_threshold", kw) < 0 || args_count(S, "set_threshold", nargs, 1, 3) < 0) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        int64_t v;
        if (!IS_INT(args[i])) return exc_raisef(S, S->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(args[i])));
        if (int_as_i64(S, args[i], &v) < 0) return NULL;
        S->gc_threshold[i] = (int)v;
    }
    return NEWREF(S->none);
}

FN(get_stats) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "get_stats", kw) < 0 || args_count(S, "get_stats", nargs, 0, 0) < 0) return NULL;
    Obj *l = list_new(S, 0);
    for (int i = 0; l && i < 3; i++) {
        Obj *d = dict_new(S);
        Obj *c = int_from_i64(S, S->gc_collections[i]), *k = int_from_i64(S, S->gc_collected[i]),
            *u = int_from_i64(S, S->gc_uncollectable[i]);
        bool ok = d && c && k && u && dict_set_cstr(S, (Dict *)d, "collections", c) == 0 &&
                  dict_set_cstr(S, (Dict *)d, "collected", k) == 0 && dict_set_cstr(S, (Dict *)d, "uncollectable", u) == 0 &&
                  list_append(S, l, d) == 0;
        XDECREF(S, d);
        XDECREF(S, c);
        XDECREF(S, k);
        XDECREF(S, u);
        if (!ok) CLEAR(S, l);
    }
    return l;
}

static int append_generation(rs_State *S, Obj *list, GCHead *head, Obj *skip) {
    for (GCHead *g = head->next; g != head; g = g->next) {
        Obj *o = FROM_GC(g);
        if (o == skip) continue;
        if (list_append(S, list, o) < 0) return -1;
    }
    return 0;
}

FN(get_objects) {
    (void)self;
    static const char *const names[] = {"generation"};
    Obj *a[1];
    if (args_bind(S, "get_objects", args, nargs, kw, names, 1, 0, a) < 0) return NULL;
    int64_t gen = -1;
    if (a[0] && a[0] != S->none) {
        if (obj_index_i64(S, a[0], &gen, "generation") < 0) return NULL;
        if (gen >= 3) return exc_raisef(S, S->e_ValueError, "generation parameter must be less than the number of available generations (3)");
        if (gen < 0) return exc_raisef(S, S->e_ValueError, "generation parameter cannot be negative");
    }
    Obj *l = list_new(S, 0);
    if (!l) return NULL;
    for (int i = 0; i < 3; i++) {
        if (gen >= 0 && i != gen) continue;
        if (append_generation(S, l, S->gc_gen[i], l) < 0) {
            DECREF(S, l);
            return NULL;
        }
    }
    return l;
}

FN(is_tracked) {
    (void)self;
    if (args_no_kwargs(S, "is_tracked", kw) < 0 || args_count(S, "is_tracked", nargs, 1, 1) < 0) return NULL;
    return bool_from(S, gc_is_gc_tracked(args[0]));
}

FN(is_finalized) {
    (void)self;
    if (args_no_kwargs(S, "is_finalized", kw) < 0 || args_count(S, "is_finalized", nargs, 1, 1) < 0) return NULL;
    Obj *o = args[0];
    return bool_from(S, (TYPE(o)->flags & TF_GC) && (AS_GC(o)->gc_flags & GCF_FINALIZED));
}

static int visit_collect(Obj *o, void *arg) {
    Obj **ctx = arg; /* ctx[0]: the state as Obj*, ctx[1]: the list */
    rs_State *S = (rs_State *)(void *)ctx[0];
    return list_append(S, ctx[1], o) < 0 ? -1 : 0;
}

FN(get_referents) {
    (void)self;
    if (args_no_kwargs(S, "get_referents", kw) < 0) return NULL;
    Obj *l = list_new(S, 0);
    if (!l) return NULL;
    Obj *ctx[2] = {(Obj *)(void *)S, l};
    for (size_t i = 0; i < nargs; i++) {
        Obj *o = args[i];
        if (!(TYPE(o)->flags & TF_GC) || !TYPE(o)->traverse) continue;
        if (TYPE(o)->traverse(o, visit_collect, ctx) < 0) {
            DECREF(S, l);
            return NULL;
        }
    }
    return l;
}

typedef struct RefFind {
    Obj *target;
    bool found;
} RefFind;

static int visit_find(Obj *o, void *arg) {
    RefFind *f = arg;
    if (o == f->target) f->found = true;
    return 0;
}

FN(get_referrers) {
    (void)self;
    if (args_no_kwargs(S, "get_referrers", kw) < 0) return NULL;
    Obj *l = list_new(S, 0);
    if (!l) return NULL;
    for (int gi = 0; gi < 3; gi++) {
        for (GCHead *g = S->gc_gen[gi]->next; g != S->gc_gen[gi]; g = g->next) {
            Obj *o = FROM_GC(g);
            if (o == l || !TYPE(o)->traverse) continue;
            for (size_t i = 0; i < nargs; i++) {
                RefFind f = {args[i], false};
                TYPE(o)->traverse(o, visit_find, &f);
                if (f.found) {
                    if (list_append(S, l, o) < 0) {
                        DECREF(S, l);
                        return NULL;
                    }
                    break;
                }
            }
        }
    }
    return l;
}

FN(freeze) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "freeze", kw) < 0 || args_count(S, "freeze", nargs, 0, 0) < 0) return NULL;
    for (int i = 0; i < 3; i++) {
        GCHead *h = S->gc_gen[i];
        while (h->next != h) {
            GCHead *g = h->next;
            g->prev->next = g->next;
            g->next->prev = g->prev;
            GCHead *p = S->gc_permanent;
            g->prev = p->prev;
            g->next = p;
            p->prev->next = g;
            p->prev = g;
        }
        S->gc_count[i] = 0;
    }
    return NEWREF(S->none);
}

FN(unfreeze) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "unfreeze", kw) < 0 || args_count(S, "unfreeze", nargs, 0, 0) < 0) return NULL;
    GCHead *p = S->gc_permanent, *old = S->gc_gen[2];
    while (p->next != p) {
        GCHead *g = p->next;
        g->prev->next = g->next;
        g->next->prev = g->prev;
        g->prev = old->prev;
        g->next = old;
        old->prev->next = g;
        old->prev = g;
    }
    return NEWREF(S->none);
}

FN(get_freeze_count) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "get_freeze_count", kw) < 0 || args_count(S, "get_freeze_count", nargs, 0, 0) < 0) return NULL;
    return int_from_u64(S, gc_generation_size(S, 3));
}

FN(set_debug) {
    (void)self;
    if (args_no_kwargs(S, "set_debug", kw) < 0 || args_count(S, "set_debug", nargs, 1, 1) < 0) return NULL;
    int64_t v;
    if (!IS_INT(args[0])) return exc_raisef(S, S->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(args[0])));
    if (int_as_i64(S, args[0], &v) < 0) return NULL;
    S->gc_debug = (int)v;
    return NEWREF(S->none);
}

FN(get_debug) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "get_debug", kw) < 0 || args_count(S, "get_debug", nargs, 0, 0) < 0) return NULL;
    return int_from_i64(S, S->gc_debug);
}

/* ---- jvm: Jython 2.7's gc, over a JVM that cannot be asked much ---- */

static Obj *not_applicable_to_java(rs_State *S) { return exc_raisef(S, S->e_NotImplementedError, "not applicable to Java GC"); }

/* System.gc(): a full collection; the finalizer thread keeps its own pace. Jython cannot count what it freed. */
FN(jvm_collect) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "collect", kw) < 0 || args_count(S, "collect", nargs, 0, 1) < 0) return NULL;
    hostgc_collect(S, 2);
    return int_from_i64(S, -2);
}

FN(jvm_disable) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "disable", kw) < 0 || args_count(S, "disable", nargs, 0, 0) < 0) return NULL;
    return exc_raisef(S, S->e_NotImplementedError, "can't disable Java GC");
}

FN(jvm_isenabled) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "isenabled", kw) < 0 || args_count(S, "isenabled", nargs, 0, 0) < 0) return NULL;
    return NEWREF(S->true_);
}

FN(jvm_not_applicable) {
    (void)self;
    (void)args;
    (void)nargs;
    (void)kw;
    return not_applicable_to_java(S);
}

FN(host_enable) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "enable", kw) < 0 || args_count(S, "enable", nargs, 0, 0) < 0) return NULL;
    return NEWREF(S->none);
}

static const CFuncDef jvm_functions[] = {
    {"collect", gcm_jvm_collect}, {"enable", gcm_host_enable}, {"disable", gcm_jvm_disable},
    {"isenabled", gcm_jvm_isenabled}, {"get_count", gcm_jvm_not_applicable}, {"get_threshold", gcm_jvm_not_applicable},
    {"set_threshold", gcm_jvm_not_applicable}, {"get_objects", gcm_jvm_not_applicable},
    {"get_referrers", gcm_jvm_not_applicable}, {"get_referents", gcm_jvm_not_applicable},
    {"set_debug", gcm_set_debug}, {"get_debug", gcm_get_debug}, {NULL, NULL}};

/* ---- clr: IronPython 3's gc, over the CLR ---- */

/* GC.Collect(generation), then GC.WaitForPendingFinalizers(); returns the bytes the heap shrank by. */
FN(clr_collect) {
    (void)self;
    static const char *const names[] = {"generation"};
    Obj *a[1];
    if (args_bind(S, "collect", args, nargs, kw, names, 1, 0, a) < 0) return NULL;
    int64_t gen = 2;
    if (a[0] && obj_index_i64(S, a[0], &gen, "generation") < 0) return NULL;
    if (gen < 0 || gen > 2) return exc_raisef(S, S->e_ValueError, "invalid generation");
    size_t before = hostgc_heap_bytes(S);
    hostgc_collect(S, (int)gen);
    hostgc_run_pending(S);
    size_t after = hostgc_heap_bytes(S);
    return int_from_i64(S, before > after ? (int64_t)(before - after) : 0);
}

FN(clr_disable) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "disable", kw) < 0 || args_count(S, "disable", nargs, 0, 0) < 0) return NULL;
    exc_warn(S, S->e_RuntimeWarning, "IronPython has no support for disabling the GC");
    return NEWREF(S->none);
}

/* IronPython's gc functions that raise NotImplementedError("gc.NAME isn't implemented"). */
#define CLR_NOT_IMPLEMENTED(name)                                                                  \
    FN(clr_##name) {                                                                               \
        (void)self, (void)args, (void)nargs, (void)kw;                                             \
        return exc_raisef(S, S->e_NotImplementedError, "gc." #name " isn't implemented");          \
    }
CLR_NOT_IMPLEMENTED(set_debug)
CLR_NOT_IMPLEMENTED(get_objects)
CLR_NOT_IMPLEMENTED(get_referrers)
CLR_NOT_IMPLEMENTED(get_referents)

FN(clr_get_debug) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "get_debug", kw) < 0 || args_count(S, "get_debug", nargs, 0, 0) < 0) return NULL;
    return int_from_i64(S, 0);
}

/* IronPython keeps the thresholds it is given (bytes; the CLR decides its own budgets) and uses none of them. */
FN(clr_get_threshold) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "get_threshold", kw) < 0 || args_count(S, "get_threshold", nargs, 0, 0) < 0) return NULL;
    return tuple_pack(S, 3, int_from_i64(S, S->gc_threshold[0]), int_from_i64(S, S->gc_threshold[1]),
                      int_from_i64(S, S->gc_threshold[2]));
}

static const CFuncDef clr_functions[] = {
    {"collect", gcm_clr_collect}, {"enable", gcm_host_enable}, {"disable", gcm_clr_disable},
    {"isenabled", gcm_jvm_isenabled}, {"get_threshold", gcm_clr_get_threshold}, {"set_threshold", gcm_set_threshold},
    {"get_objects", gcm_clr_get_objects}, {"get_referrers", gcm_clr_get_referrers},
    {"get_referents", gcm_clr_get_referents}, {"set_debug", gcm_clr_set_debug}, {"get_debug", gcm_clr_get_debug},
    {NULL, NULL}};

/* ---- boehm: GC_gcollect, GC_enable, GC_disable ---- */

/* A full collection, then the finalizers it made ready (GC_invoke_finalizers); returns the objects freed. */
FN(boehm_collect) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "collect", kw) < 0 || args_count(S, "collect", nargs, 0, 0) < 0) return NULL;
    int64_t freed = hostgc_collect(S, 2);
    hostgc_run_pending(S);
    return int_from_i64(S, freed);
}

static const CFuncDef boehm_functions[] = {
    {"collect", gcm_boehm_collect}, {"enable", gcm_enable}, {"disable", gcm_disable}, {"isenabled", gcm_isenabled},
    {NULL, NULL}};

/* ---- cpython ---- */

static const CFuncDef gc_functions[] = {
    {"collect", gcm_collect}, {"enable", gcm_enable}, {"disable", gcm_disable}, {"isenabled", gcm_isenabled},
    {"get_count", gcm_get_count}, {"get_threshold", gcm_get_threshold}, {"set_threshold", gcm_set_threshold},
    {"get_stats", gcm_get_stats}, {"get_objects", gcm_get_objects}, {"is_tracked", gcm_is_tracked},
    {"is_finalized", gcm_is_finalized}, {"get_referents", gcm_get_referents}, {"get_referrers", gcm_get_referrers},
    {"freeze", gcm_freeze}, {"unfreeze", gcm_unfreeze}, {"get_freeze_count", gcm_get_freeze_count},
    {"set_debug", gcm_set_debug}, {"get_debug", gcm_get_debug}, {NULL, NULL}};

Obj *gc_module_create(rs_State *S) {
    Obj *m = module_new(S, "gc");
    if (!m) return NULL;
    Dict *d = ((Module *)m)->dict;
    static const CFuncDef *const faces[RS_MODEL_COUNT] = {gc_functions, jvm_functions, clr_functions, boehm_functions};
    int model = S->opts.model;
    if (cfunc_add_functions(S, d, faces[model], m) < 0) goto fail;
    if (dict_set_cstr(S, d, "garbage", S->gc_garbage) < 0) goto fail;
    if (model == RS_MODEL_CPYTHON && dict_set_cstr(S, d, "callbacks", S->gc_callbacks) < 0) goto fail;
    if (model == RS_MODEL_BOEHM) return m;
    struct {
        const char *name;
        int value;
    } flags[] = {{"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4}, {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38}};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        Obj *v = int_from_i64(S, flags[i].value);
        if (!v || dict_set_cstr(S, d, flags[i].name, v) < 0) {
            XDECREF(S, v);
            goto fail;
        }
        DECREF(S, v);
    }
    return m;
fail:
    DECREF(S, m);
    return NULL;
}
