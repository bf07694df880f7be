/*
 * weakref.c: weakref.ref and the two proxy types, their place in the
 * referent's list, and what happens when the referent dies: every weak
 * reference is cleared first, then the callbacks of those still alive run,
 * in list order (newest callback first), as CPython's PyObject_ClearWeakRefs.
 * The collector clears weak references to unreachable objects itself
 * (collector.c, handle_weakrefs) before any finalizer runs.
 */
#include "weakref.h"
#include "hostgc.h"
#include "observe.h"
#include <string.h>
#include "../objects/abstract.h"
#include "../objects/cfunc.h"
#include "../objects/exception.h"
#include "../objects/list.h"
#include "../objects/names.h"
#include "../objects/str.h"
#include "../objects/tuple.h"

#define IS_PROXY(S, o) (TYPE(o) == (S)->t_weakproxy || TYPE(o) == (S)->t_weakcallableproxy)

/* ---- the referent's list ---- */

static void insert_head(Weakref *r, Weakref **list) {
    r->prev = NULL;
    r->next = *list;
    if (*list) (*list)->prev = r;
    *list = r;
}

static void insert_after(Weakref *r, Weakref *prev) {
    r->prev = prev;
    r->next = prev->next;
    if (prev->next) prev->next->prev = r;
    prev->next = r;
}

/* The shared plain ref and plain proxy (no callback, exact type), which CPython keeps at the head of the list. */
static void basic_refs(rs_State *S, Weakref *head, Weakref **ref, Weakref **proxy) {
    *ref = *proxy = NULL;
    if (head && !head->callback) {
        if (TYPE(head) == S->t_weakref) {
            *ref = head;
            head = head->next;
        }
        if (head && !head->callback && IS_PROXY(S, head)) *proxy = head;
    }
}

void weakref_clear_ref(rs_State *S, Weakref *r) {
    if (r->object) {
        Weakref **list = weakref_list(r->object);
        if (*list == r) *list = r->next;
        if (r->prev) r->prev->next = r->next;
        if (r->next) r->next->prev = r->prev;
        r->prev = r->next = NULL;
        r->object = NULL;
    }
    CLEAR(S, r->callback);
}

Obj *weakref_detach(rs_State *S, Weakref *r) {
    Obj *callback = r->callback;
    r->callback = NULL;
    weakref_clear_ref(S, r);
    return callback;
}

int64_t weakref_count(Obj *o) {
    Weakref **list = weakref_list(o);
    int64_t n = 0;
    for (Weakref *r = list ? *list : NULL; r; r = r->next) n++;
    return n;
}

Obj *weakref_list_of(rs_State *S, Obj *o) {
    Obj *l = list_new(S, 0);
    Weakref **list = weakref_list(o);
    for (Weakref *r = list ? *list : NULL; l && r; r = r->next) {
        if (list_append(S, l, (Obj *)r) < 0) CLEAR(S, l);
    }
    return l;
}

void weakref_call_callback(rs_State *S, Weakref *r, Obj *callback) {
    if (S->host_ended || S->stopped) return; /* no reference queue after the program; no Python after a stop */
    if (hostgc_defers_callbacks(S)) {
        hostgc_enqueue(S, (Obj *)r, callback); /* the finalizer thread calls it */
        return;
    }
    Obj *saved = exc_fetch(S);
    observe_weakref_callback(S, (Obj *)r);
    Obj *res = obj_call1(S, callback, (Obj *)r);
    if (!res) exc_write_unraisable(S, "Exception ignored in", callback);
    XDECREF(S, res);
    if (S->exc) exc_clear(S);
    S->exc = saved;
}

void weakref_clear_all(rs_State *S, Obj *o) {
    Weakref **list = weakref_list(o);
    if (!list || !*list) return;
    Obj *saved = exc_fetch(S);
    /* Clear them all first, so a callback never sees a live reference to the dying object. The pending
       weakrefs are kept alive by the array until every callback has run. */
    int64_t n = weakref_count(o);
    Obj **pending = mem_alloc(&S->mem, (size_t)n * 2 * sizeof(Obj *));
    int64_t k = 0;
    while (*list) {
        Weakref *r = *list;
        Obj *callback = weakref_detach(S, r);
        if (!callback) continue;
        if (r->ob.refcnt > 0 && pending) {
            pending[k++] = NEWREF(r);
            pending[k++] = callback;
        } else if (r->ob.refcnt > 0) {
            /* no memory for the array: each callback runs as its reference is cleared, rather than never */
            INCREF(r);
            weakref_call_callback(S, r, callback);
            DECREF(S, r);
            DECREF(S, callback);
        } else {
            DECREF(S, callback);
        }
    }
    for (int64_t i = 0; i < k; i += 2) weakref_call_callback(S, (Weakref *)pending[i], pending[i + 1]);
    for (int64_t i = 0; i < k; i++) DECREF(S, pending[i]);
    if (pending) mem_free(&S->mem, pending, (size_t)n * 2 * sizeof(Obj *));
    if (S->exc) exc_clear(S);
    S->exc = saved;
}

/* ---- creation ---- */

static Obj *cannot_refer(rs_State *S, Obj *o) {
    return exc_raisef(S, S->e_TypeError, "cannot create weak reference to '%s' object", type_name(TYPE(o)));
}

static Weakref *alloc_ref(rs_State *S, Type *t, Obj *o, Obj *callback) {
    Weakref *r = (Weakref *)obj_alloc(S, t, t->basicsize);
    if (!r) return NULL;
    r->object = o;
    r->callback = callback ? NEWREF(callback) : NULL;
    r->hash = -1;
    return r;
}

Obj *weakref_new(rs_State *S, Type *t, Obj *o, Obj *callback) {
    Weakref **list = weakref_list(o);
    if (!list) return cannot_refer(S, o);
    if (callback == S->none) callback = NULL;
    Weakref *ref, *proxy;
    basic_refs(S, *list, &ref, &proxy);
    bool basic = !callback && t == S->t_weakref;
    if (basic && ref) return NEWREF(ref);
    Weakref *r = alloc_ref(S, t, o, callback);
    if (!r) return NULL;
    /* The allocation may have run a collection that changed the list. */
    basic_refs(S, *list, &ref, &proxy);
    Weakref *prev = proxy ? proxy : ref;
    if (basic || !prev) insert_head(r, list);
    else insert_after(r, prev);
    return (Obj *)r;
}

Obj *weakref_proxy_new(rs_State *S, Obj *o, Obj *callback) {
    Weakref **list = weakref_list(o);
    if (!list) return cannot_refer(S, o);
    if (callback == S->none) callback = NULL;
    Weakref *ref, *proxy;
    basic_refs(S, *list, &ref, &proxy);
    if (!callback && proxy) return NEWREF(proxy);
    Weakref *r = alloc_ref(S, TYPE(o)->call ? S->t_weakcallableproxy : S->t_weakproxy, o, callback);
    if (!r) return NULL;
    basic_refs(S, *list, &ref, &proxy);
    Weakref *prev = callback && proxy ? proxy : ref;
    if (!prev) insert_head(r, list);
    else insert_after(r, prev);
    return (Obj *)r;
}

/* ---- ref ---- */

static void weakref_dealloc(rs_State *S, Obj *o) {
    gc_untrack(S, o);
    weakref_clear_ref(S, (Weakref *)o);
    obj_free(S, o, TYPE(o)->basicsize);
}

static int weakref_traverse(Obj *o, VisitFn visit, void *arg) {
    Weakref *r = (Weakref *)o;
    return r->callback ? visit(r->callback, arg) : 0;
}

static void weakref_tp_clear(rs_State *S, Obj *o) { weakref_clear_ref(S, (Weakref *)o); }

static int ref_args(rs_State *S, const char *fname, Obj *const *args, size_t nargs, Tuple *kw, Obj **o, Obj **callback) {
    if (args_no_kwargs(S, fname, kw) < 0 || args_count(S, fname, nargs, 1, 2) < 0) return -1;
    *o = args[0];
    *callback = nargs > 1 ? args[1] : NULL;
    return 0;
}

static Obj *weakref_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kw) {
    Obj *o, *callback;
    if (ref_args(S, "__new__", args, nargs, kw, &o, &callback) < 0) return NULL;
    return weakref_new(S, t, o, callback);
}

static int weakref_init(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    Obj *o, *callback;
    return ref_args(S, "__init__", args, nargs, kw, &o, &callback);
}

static Obj *weakref_call(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "weakref", kw) < 0 || args_count(S, "weakref", nargs, 0, 0) < 0) return NULL;
    Weakref *r = (Weakref *)self;
    return NEWREF(r->object ? r->object : S->none);
}

static int64_t weakref_hash(rs_State *S, Obj *self) {
    Weakref *r = (Weakref *)self;
    if (r->hash != -1) return r->hash;
    if (!r->object) {
        exc_raisef(S, S->e_TypeError, "weak object has gone away");
        return -1;
    }
    Obj *o = NEWREF(r->object);
    r->hash = obj_hash(S, o);
    DECREF(S, o);
    return r->hash;
}

/* Two live references compare as their referents; otherwise by identity. */
static Obj *weakref_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || !is_instance_of(b, S->t_weakref)) return NEWREF(S->notimpl);
    Obj *x = ((Weakref *)a)->object, *y = ((Weakref *)b)->object;
    if (!x || !y) {
        bool same = (a == b) == (op == CMP_EQ);
        return NEWREF(same ? S->true_ : S->false_);
    }
    INCREF(x);
    INCREF(y);
    Obj *r = obj_richcmp(S, x, y, op);
    DECREF(S, x);
    DECREF(S, y);
    return r;
}

static Obj *weakref_repr(rs_State *S, Obj *self) {
    Obj *o = ((Weakref *)self)->object;
    if (!o) return str_fromf(S, "<weakref at %p; dead>", (void *)self);
    INCREF(o);
    Obj *name = obj_lookup_attr(S, o, NAME(__name__));
    Obj *r;
    if (!name && S->exc) r = NULL;
    else if (name && IS_STR(name))
        r = str_fromf(S, "<weakref at %p; to '%s' at %p (%U)>", (void *)self, type_name(TYPE(o)), (void *)o, (Str *)name);
    else
        r = str_fromf(S, "<weakref at %p; to '%s' at %p>", (void *)self, type_name(TYPE(o)), (void *)o);
    XDECREF(S, name);
    DECREF(S, o);
    return r;
}

static Obj *weakref_getattr(rs_State *S, Obj *self, Str *name) {
    if (str_eq_cstr((Obj *)name, "__callback__")) {
        Obj *cb = ((Weakref *)self)->callback;
        return NEWREF(cb ? cb : S->none);
    }
    return obj_generic_getattr(S, self, name);
}

/* ---- proxies: every operation goes to the referent, or raises ReferenceError once it is gone ---- */

/* A new reference to the referent of a proxy, to o itself otherwise; NULL with ReferenceError when dead. */
static Obj *unwrap(rs_State *S, Obj *o) {
    if (!IS_PROXY(S, o)) return NEWREF(o);
    Obj *target = ((Weakref *)o)->object;
    if (!target) return exc_raisef(S, S->e_ReferenceError, "weakly-referenced object no longer exists");
    return NEWREF(target);
}

/* fn(referent) for a proxy's one-argument operations. */
static Obj *on_referent(rs_State *S, Obj *self, Obj *(*fn)(rs_State *, Obj *)) {
    Obj *o = unwrap(S, self);
    if (!o) return NULL;
    Obj *r = fn(S, o);
    DECREF(S, o);
    return r;
}

static Obj *proxy_getattr(rs_State *S, Obj *self, Str *name) {
    Obj *o = unwrap(S, self);
    if (!o) return NULL;
    Obj *r = obj_getattr(S, o, name);
    DECREF(S, o);
    return r;
}

static int proxy_setattr(rs_State *S, Obj *self, Str *name, Obj *v) {
    Obj *o = unwrap(S, self);
    if (!o) return -1;
    int r = obj_setattr(S, o, name, v);
    DECREF(S, o);
    return r;
}

static Obj *proxy_repr(rs_State *S, Obj *self) {
    Obj *o = ((Weakref *)self)->object;
    return str_fromf(S, "<weakproxy at %p to %s at %p>", (void *)self, type_name(TYPE(o ? o : S->none)), (void *)(o ? o : S->none));
}

static Obj *proxy_str(rs_State *S, Obj *self) { return on_referent(S, self, obj_str); }

static Obj *proxy_call(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    Obj *o = unwrap(S, self);
    if (!o) return NULL;
    Obj *r = obj_call(S, o, args, nargs, kw);
    DECREF(S, o);
    return r;
}

static int64_t proxy_hash(rs_State *S, Obj *self) {
    exc_raisef(S, S->e_TypeError, "unhashable type: '%s'", type_name(TYPE(self)));
    return -1;
}

static Obj *proxy_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    Obj *x = unwrap(S, a), *y = x ? unwrap(S, b) : NULL;
    Obj *r = y ? obj_richcmp(S, x, y, op) : NULL;
    XDECREF(S, x);
    XDECREF(S, y);
    return r;
}

static Obj *proxy_binop(rs_State *S, Obj *self, Obj *other, int op, bool reflected) {
    Obj *x = unwrap(S, self), *y = x ? unwrap(S, other) : NULL;
    Obj *r = y ? (reflected ? obj_binop(S, y, x, op) : obj_binop(S, x, y, op)) : NULL;
    XDECREF(S, x);
    XDECREF(S, y);
    return r;
}

static int proxy_truth(rs_State *S, Obj *self) {
    Obj *o = unwrap(S, self);
    if (!o) return -1;
    int r = obj_truth(S, o);
    DECREF(S, o);
    return r;
}

static int64_t proxy_len(rs_State *S, Obj *self) {
    Obj *o = unwrap(S, self);
    if (!o) return -1;
    int64_t r = obj_len(S, o);
    DECREF(S, o);
    return r;
}

static Obj *proxy_getitem(rs_State *S, Obj *self, Obj *key) {
    Obj *o = unwrap(S, self);
    if (!o) return NULL;
    Obj *r = obj_getitem(S, o, key);
    DECREF(S, o);
    return r;
}

static int proxy_setitem(rs_State *S, Obj *self, Obj *key, Obj *v) {
    Obj *o = unwrap(S, self);
    if (!o) return -1;
    int r = v ? obj_setitem(S, o, key, v) : obj_delitem(S, o, key);
    DECREF(S, o);
    return r;
}

static int proxy_contains(rs_State *S, Obj *self, Obj *v) {
    Obj *o = unwrap(S, self);
    if (!o) return -1;
    int r = obj_contains(S, o, v);
    DECREF(S, o);
    return r;
}

static Obj *proxy_iter(rs_State *S, Obj *self) { return on_referent(S, self, obj_iter); }

static Obj *proxy_next(rs_State *S, Obj *self) { return on_referent(S, self, obj_next); }

void weakref_init_types(rs_State *S) {
    Type *t = S->t_weakref;
    t->flags |= TF_GC;
    t->dealloc = weakref_dealloc;
    t->traverse = weakref_traverse;
    t->clear = weakref_tp_clear;
    t->tp_new = weakref_tp_new;
    t->init = weakref_init;
    t->call = weakref_call;
    t->hash = weakref_hash;
    t->richcmp = weakref_richcmp;
    t->repr = weakref_repr;
    t->getattr = weakref_getattr;
    Type *proxies[] = {S->t_weakproxy, S->t_weakcallableproxy};
    for (int i = 0; i < 2; i++) {
        t = proxies[i];
        t->flags = (t->flags | TF_GC) & ~(uint32_t)TF_BASETYPE;
        t->dealloc = weakref_dealloc;
        t->traverse = weakref_traverse;
        t->clear = weakref_tp_clear;
        t->repr = proxy_repr;
        t->str = proxy_str;
        t->hash = proxy_hash;
        t->richcmp = proxy_richcmp;
        t->getattr = proxy_getattr;
        t->setattr = proxy_setattr;
        t->binop = proxy_binop;
        t->truth = proxy_truth;
        t->len = proxy_len;
        t->getitem = proxy_getitem;
        t->setitem = proxy_setitem;
        t->contains = proxy_contains;
        t->iter = proxy_iter;
        t->next = proxy_next;
    }
    S->t_weakcallableproxy->call = proxy_call;
}
