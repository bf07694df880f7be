/*
 * dict.c: the dict type, a compact insertion-ordered hash table. The index
 * array maps hash slots to positions in the dense entry array; deleted
 * entries leave holes that a resize squeezes out. Probing follows CPython's
 * perturbation scheme. Entries are released in insertion order when a dict
 * dies, as CPython does.
 */
#include "dict.h"
#include <string.h>
#include "../core/buf.h"
#include "abstract.h"
#include "../gc/collector.h"
#include "cfunc.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "typeobj.h"

#define EMPTY (-1)
#define DELETED (-2)
#define MIN_SIZE 8

static size_t usable(size_t size) { return (size << 1) / 3; }

static size_t table_bytes(size_t size) { return size * sizeof(int32_t) + usable(size) * sizeof(DictEntry); }

static int alloc_table(rs_State *S, Dict *d, size_t size) {
    char *block = mem_alloc(&S->mem, table_bytes(size));
    if (!block) {
        exc_nomemory(S);
        return -1;
    }
    d->size = size;
    d->index = (int32_t *)block;
    d->entries = (DictEntry *)(block + size * sizeof(int32_t));
    memset(d->index, 0xFF, size * sizeof(int32_t));
    d->nentries = 0;
    return 0;
}

static void free_table(rs_State *S, Dict *d) {
    if (d->index) mem_free(&S->mem, d->index, table_bytes(d->size));
    d->index = NULL;
    d->entries = NULL;
    d->size = 0;
}

Obj *dict_new(rs_State *S) {
    Dict *d = (Dict *)obj_alloc(S, S->t_dict, sizeof(Dict));
    if (!d) return NULL;
    /* Untracked until it holds something the collector must see, as CPython's dicts. */
    gc_untrack(S, (Obj *)d);
    return (Obj *)d;
}

/* Tracks d once it holds an object that may be part of a cycle. */
static inline void maintain_tracking(rs_State *S, Dict *d, Obj *key, Obj *value) {
    if (gc_is_tracked((Obj *)d) || (AS_GC(d)->gc_flags & GCF_MANAGED)) return;
    if (gc_may_be_tracked(S, key) || gc_may_be_tracked(S, value)) gc_track(S, (Obj *)d);
}


/*
 * Finds key: returns the entry position or -1, and in *slot the index slot
 * where it is or where it would go. -2 with an exception when __eq__ failed.
 */
static long lookup(rs_State *S, Dict *d, Obj *key, int64_t hash, size_t *slot) {
    if (!d->index) {
        *slot = 0;
        return -1;
    }
    size_t mask = d->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    long first_deleted = -1;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == EMPTY) {
            *slot = first_deleted >= 0 ? (size_t)first_deleted : i;
            return -1;
        }
        if (ix == DELETED) {
            if (first_deleted < 0) first_deleted = (long)i;
        } else {
            DictEntry *e = &d->entries[ix];
            if (e->key == key) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                Obj *ek = e->key;
                int eq;
                if (IS_STR(ek) && IS_STR(key)) {
                    eq = str_eq((Str *)ek, (Str *)key);
                } else {
                    INCREF(ek);
                    eq = obj_eq(S, ek, key);
                    DECREF(S, ek);
                    if (eq < 0) return -2;
                }
                if (eq) {
                    *slot = i;
                    return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static int resize(rs_State *S, Dict *d, size_t minused) {
    size_t size = MIN_SIZE;
    while (usable(size) <= minused) size <<= 1;
    int32_t *old_index = d->index;
    DictEntry *old_entries = d->entries;
    size_t old_size = d->size, old_n = d->nentries;
    if (alloc_table(S, d, size) < 0) {
        d->index = old_index;
        d->entries = old_entries;
        d->size = old_size;
        d->nentries = old_n;
        return -1;
    }
    size_t mask = size - 1, n = 0;
    for (size_t k = 0; k < old_n; k++) {
        DictEntry *e = &old_entries[k];
        if (!e->key) continue;
        d->entries[n] = *e;
        size_t i = (size_t)e->hash & mask, perturb = (size_t)e->hash;
        while (d->index[i] != EMPTY) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        d->index[i] = (int32_t)n++;
    }
    d->nentries = n;
    if (old_index) mem_free(&S->mem, old_index, table_bytes(old_size));
    return 0;
}

static int insert(rs_State *S, Dict *d, Obj *key, int64_t hash, Obj *value) {
    size_t slot;
    long ix = lookup(S, d, key, hash, &slot);
    if (ix == -2) return -1;
    maintain_tracking(S, d, key, value);
    if (ix >= 0) {
        Obj *old = d->entries[ix].value;
        d->entries[ix].value = NEWREF(value);
        DECREF(S, old);
        return 0;
    }
    if (!d->index || d->nentries >= usable(d->size)) {
        if (resize(S, d, d->used * 3) < 0) return -1;
        lookup(S, d, key, hash, &slot);
    }
    DictEntry *e = &d->entries[d->nentries];
    e->hash = hash;
    e->key = NEWREF(key);
    e->value = NEWREF(value);
    d->index[slot] = (int32_t)d->nentries++;
    d->used++;
    return 0;
}

Obj *dict_get(rs_State *S, Dict *d, Obj *key) {
    int64_t h = obj_hash(S, key);
    if (h == -1) {
        exc_clear(S);
        return NULL;
    }
    size_t slot;
    long ix = lookup(S, d, key, h, &slot);
    if (ix == -2) {
        exc_clear(S);
        return NULL;
    }
    return ix >= 0 ? d->entries[ix].value : NULL;
}

/* As dict_get but leaves an exception set when hashing or comparing failed. */
static Obj *dict_get_err(rs_State *S, Dict *d, Obj *key, bool *err) {
    *err = false;
    int64_t h = obj_hash(S, key);
    if (h == -1) {
        *err = true;
        return NULL;
    }
    size_t slot;
    long ix = lookup(S, d, key, h, &slot);
    if (ix == -2) {
        *err = true;
        return NULL;
    }
    return ix >= 0 ? d->entries[ix].value : NULL;
}

Obj *dict_get_str_probing(rs_State *S, Dict *d, Str *key) {
    size_t slot;
    long ix = lookup(S, d, (Obj *)key, str_hash(key), &slot);
    return ix >= 0 ? d->entries[ix].value : NULL;
}

Obj *dict_get_cstr(rs_State *S, Dict *d, const char *key) {
    Obj *k = str_from_cstr(S, key);
    if (!k) {
        exc_clear(S);
        return NULL;
    }
    Obj *v = dict_get_str(S, d, (Str *)k);
    DECREF(S, k);
    return v;
}

int dict_set(rs_State *S, Dict *d, Obj *key, Obj *value) {
    int64_t h = obj_hash(S, key);
    if (h == -1) return -1;
    return insert(S, d, key, h, value);
}

int dict_set_cstr(rs_State *S, Dict *d, const char *key, Obj *value) {
    Obj *k = str_intern_cstr(S, key);
    if (!k) return -1;
    int r = dict_set(S, d, k, value);
    DECREF(S, k);
    return r;
}

static Obj *remove_at(rs_State *S, Dict *d, size_t slot, long ix, Obj **key_out) {
    DictEntry *e = &d->entries[ix];
    Obj *k = e->key, *v = e->value;
    e->key = NULL;
    e->value = NULL;
    d->index[slot] = DELETED;
    d->used--;
    if (key_out) *key_out = k;
    else DECREF(S, k);
    return v;
}

Obj *dict_pop(rs_State *S, Dict *d, Obj *key) {
    int64_t h = obj_hash(S, key);
    if (h == -1) return NULL;
    size_t slot;
    long ix = lookup(S, d, key, h, &slot);
    if (ix < 0) return NULL;
    return remove_at(S, d, slot, ix, NULL);
}

int dict_del(rs_State *S, Dict *d, Obj *key) {
    int64_t h = obj_hash(S, key);
    if (h == -1) return -1;
    size_t slot;
    long ix = lookup(S, d, key, h, &slot);
    if (ix == -2) return -1;
    if (ix < 0) {
        exc_raise_value(S, S->e_KeyError, key);
        return -1;
    }
    DECREF(S, remove_at(S, d, slot, ix, NULL));
    return 0;
}

bool dict_next(Dict *d, size_t *pos, Obj **key, Obj **value) {
    while (*pos < d->nentries) {
        DictEntry *e = &d->entries[(*pos)++];
        if (e->key) {
            if (key) *key = e->key;
            if (value) *value = e->value;
            return true;
        }
    }
    return false;
}

void dict_clear_all(rs_State *S, Dict *d) {
    DictEntry *entries = d->entries;
    int32_t *index = d->index;
    size_t n = d->nentries, size = d->size;
    d->index = NULL;
    d->entries = NULL;
    d->size = d->nentries = d->used = 0;
    for (size_t i = 0; i < n; i++) {
        if (entries[i].key) {
            DECREF(S, entries[i].key);
            DECREF(S, entries[i].value);
        }
    }
    if (index) mem_free(&S->mem, index, table_bytes(size));
}

int dict_update(rs_State *S, Dict *d, Obj *other) {
    if (IS_DICT(other)) {
        Dict *o = (Dict *)other;
        for (size_t i = 0; i < o->nentries; i++) {
            DictEntry *e = &o->entries[i];
            if (e->key && insert(S, d, e->key, e->hash, e->value) < 0) return -1;
        }
        return 0;
    }
    Obj *keys_name = str_intern_cstr(S, "keys");
    if (!keys_name) return -1;
    Obj *keys = obj_lookup_attr(S, other, (Str *)keys_name);
    DECREF(S, keys_name);
    if (keys) {
        Obj *ks = obj_call0(S, keys);
        DECREF(S, keys);
        if (!ks) return -1;
        Obj *it = obj_iter(S, ks);
        DECREF(S, ks);
        if (!it) return -1;
        Obj *k;
        while ((k = obj_next(S, it))) {
            Obj *v = obj_getitem(S, other, k);
            int r = v ? dict_set(S, d, k, v) : -1;
            XDECREF(S, v);
            DECREF(S, k);
            if (r < 0) {
                DECREF(S, it);
                return -1;
            }
        }
        DECREF(S, it);
        return S->exc ? -1 : 0;
    }
    if (S->exc) return -1;
    Obj *it = obj_iter(S, other);
    if (!it) return -1;
    Obj *item;
    size_t n = 0;
    while ((item = obj_next(S, it))) {
        Obj *pair = list_from_iterable(S, item);
        DECREF(S, item);
        if (!pair) {
            if (exc_matches(S, S->e_TypeError)) {
                exc_clear(S);
                exc_raisef(S, S->e_TypeError, "cannot convert dictionary update sequence element #%zu to a sequence", n);
            }
            DECREF(S, it);
            return -1;
        }
        if (LIST_LEN(pair) != 2) {
            exc_raisef(S, S->e_ValueError, "dictionary update sequence element #%zu has length %zu; 2 is required", n, LIST_LEN(pair));
            DECREF(S, pair);
            DECREF(S, it);
            return -1;
        }
        int r = dict_set(S, d, LIST_ITEMS(pair)[0], LIST_ITEMS(pair)[1]);
        DECREF(S, pair);
        if (r < 0) {
            DECREF(S, it);
            return -1;
        }
        n++;
    }
    DECREF(S, it);
    return S->exc ? -1 : 0;
}

Obj *dict_copy(rs_State *S, Dict *d) {
    Obj *r = dict_new(S);
    if (r && dict_update(S, (Dict *)r, (Obj *)d) < 0) {
        DECREF(S, r);
        return NULL;
    }
    return r;
}

static void dict_dealloc(rs_State *S, Obj *o) {
    Dict *d = (Dict *)o;
    gc_untrack(S, o);
    for (size_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].key) {
            DECREF(S, d->entries[i].key);
            DECREF(S, d->entries[i].value);
        }
    }
    free_table(S, d);
    obj_free(S, o, TYPE(o)->basicsize);
}

static int dict_traverse(Obj *o, VisitFn visit, void *arg) {
    Dict *d = (Dict *)o;
    /* As CPython: a table whose keys are all exact strs visits only the values; others value then key. */
    bool str_keys = true;
    for (size_t i = 0; i < d->nentries && str_keys; i++)
        if (d->entries[i].key && (TYPE(d->entries[i].key)->flags & (TF_STR_SUBCLASS | TF_HEAP)) != TF_STR_SUBCLASS)
            str_keys = false;
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (!e->key) continue;
        int r = visit(e->value, arg);
        if (!r && !str_keys) r = visit(e->key, arg);
        if (r) return r;
    }
    return 0;
}

static void dict_clear_slot(rs_State *S, Obj *o) { dict_clear_all(S, (Dict *)o); }

static Obj *dict_repr(rs_State *S, Obj *o) {
    Dict *d = (Dict *)o;
    int entered = repr_enter(S, o);
    if (entered) return entered > 0 ? str_from_cstr(S, "{...}") : NULL;
    if (d->used == 0) {
        repr_leave(S, o);
        return str_from_cstr(S, "{}");
    }
    Buf b;
    buf_init(&b, &S->mem);
    buf_addc(&b, '{');
    bool first = true, failed = false;
    for (size_t i = 0; i < d->nentries && !failed; i++) {
        DictEntry *e = &d->entries[i];
        if (!e->key) continue;
        Obj *k = NEWREF(e->key), *v = NEWREF(e->value);
        Obj *kr = obj_repr(S, k), *vr = kr ? obj_repr(S, v) : NULL;
        DECREF(S, k);
        DECREF(S, v);
        if (!kr || !vr) {
            XDECREF(S, kr);
            failed = true;
            break;
        }
        if (!first) buf_adds(&b, ", ");
        first = false;
        buf_add(&b, STR_DATA(kr), ((Str *)kr)->nbytes);
        buf_adds(&b, ": ");
        buf_add(&b, STR_DATA(vr), ((Str *)vr)->nbytes);
        DECREF(S, kr);
        DECREF(S, vr);
    }
    buf_addc(&b, '}');
    repr_leave(S, o);
    if (failed || b.failed) {
        if (!failed) exc_nomemory(S);
        buf_free(&b);
        return NULL;
    }
    Obj *r = str_new(S, b.data, b.len);
    buf_free(&b);
    return r;
}

static Obj *dict_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if (!IS_DICT(b) || (op != CMP_EQ && op != CMP_NE)) return NEWREF(S->notimpl);
    Dict *x = (Dict *)a, *y = (Dict *)b;
    bool eq = x->used == y->used;
    for (size_t i = 0; eq && i < x->nentries; i++) {
        DictEntry *e = &x->entries[i];
        if (!e->key) continue;
        bool err;
        Obj *k = NEWREF(e->key), *v = NEWREF(e->value);
        Obj *ov = dict_get_err(S, y, k, &err);
        int r = 0;
        if (ov) {
            INCREF(ov);
            r = obj_eq(S, v, ov);
            DECREF(S, ov);
        }
        DECREF(S, k);
        DECREF(S, v);
        if (err || r < 0) return NULL;
        if (!ov || !r) eq = false;
    }
    return bool_from(S, eq == (op == CMP_EQ));
}

static int64_t dict_len(rs_State *S, Obj *o) {
    (void)S;
    return (int64_t)((Dict *)o)->used;
}

static int dict_contains(rs_State *S, Obj *o, Obj *key) {
    bool err;
    Obj *v = dict_get_err(S, (Dict *)o, key, &err);
    return err ? -1 : v != NULL;
}

static Obj *dict_getitem(rs_State *S, Obj *o, Obj *key) {
    bool err;
    Obj *v = dict_get_err(S, (Dict *)o, key, &err);
    if (v) return NEWREF(v);
    if (err) return NULL;
    if (TYPE(o) != S->t_dict) {
        Obj *name = str_intern_cstr(S, "__missing__");
        if (!name) return NULL;
        Obj *missing = type_lookup(S, TYPE(o), (Str *)name);
        DECREF(S, name);
        if (missing) return obj_call2(S, missing, o, key);
    }
    return exc_raise_value(S, S->e_KeyError, key);
}

static int dict_setitem(rs_State *S, Obj *o, Obj *key, Obj *v) {
    if (!v) return dict_del(S, (Dict *)o, key);
    return dict_set(S, (Dict *)o, key, v);
}

static Obj *dict_binop(rs_State *S, Obj *self, Obj *other, int op, bool reflected) {
    if ((op & ~OP_INPLACE) != OP_OR || !IS_DICT(other)) return NEWREF(S->notimpl);
    if (op & OP_INPLACE) {
        if (dict_update(S, (Dict *)self, other) < 0) return NULL;
        return NEWREF(self);
    }
    Obj *r = dict_copy(S, (Dict *)(reflected ? other : self));
    if (r && dict_update(S, (Dict *)r, reflected ? self : other) < 0) CLEAR(S, r);
    return r;
}

/* ---- views and iteration ---- */

typedef struct DictView {
    Obj ob;
    Dict *dict;
} DictView;

typedef struct DictIter {
    Obj ob;
    Dict *dict;       /* NULL once exhausted */
    size_t pos;
    size_t used;      /* to detect a size change */
    int kind;         /* 0 keys, 1 values, 2 items */
} DictIter;

static Obj *view_new(rs_State *S, Type *t, Obj *d) {
    DictView *v = (DictView *)obj_alloc(S, t, sizeof(DictView));
    if (!v) return NULL;
    v->dict = (Dict *)NEWREF(d);
    return (Obj *)v;
}

static void view_dealloc(rs_State *S, Obj *o) {
    gc_untrack(S, o);
    DECREF(S, ((DictView *)o)->dict);
    obj_free(S, o, sizeof(DictView));
}

static int view_traverse(Obj *o, VisitFn visit, void *arg) { return visit((Obj *)((DictView *)o)->dict, arg); }

static int64_t view_len(rs_State *S, Obj *o) {
    (void)S;
    return (int64_t)((DictView *)o)->dict->used;
}

static Obj *dictiter_new(rs_State *S, Dict *d, int kind) {
    DictIter *it = (DictIter *)obj_alloc(S, S->t_dict_iter, sizeof(DictIter));
    if (!it) return NULL;
    it->dict = (Dict *)NEWREF(d);
    it->pos = 0;
    it->used = d->used;
    it->kind = kind;
    return (Obj *)it;
}

static Obj *view_iter(rs_State *S, Obj *o) {
    DictView *v = (DictView *)o;
    int kind = TYPE(o) == S->t_dict_keys ? 0 : TYPE(o) == S->t_dict_values ? 1 : 2;
    return dictiter_new(S, v->dict, kind);
}

static Obj *view_repr(rs_State *S, Obj *o) {
    Obj *l = list_from_iterable(S, o);
    if (!l) return NULL;
    Obj *r = str_fromf(S, "%s(%R)", type_name(TYPE(o)), l);
    DECREF(S, l);
    return r;
}

static int view_contains(rs_State *S, Obj *o, Obj *v) {
    DictView *view = (DictView *)o;
    if (TYPE(o) == S->t_dict_keys) return dict_contains(S, (Obj *)view->dict, v);
    if (TYPE(o) == S->t_dict_items) {
        if (!IS_TUPLE(v) || TUPLE_LEN(v) != 2) return 0;
        bool err;
        Obj *val = dict_get_err(S, view->dict, TUPLE_ITEMS(v)[0], &err);
        if (err) return -1;
        return val ? obj_eq(S, val, TUPLE_ITEMS(v)[1]) : 0;
    }
    for (size_t i = 0; i < view->dict->nentries; i++) {
        DictEntry *e = &view->dict->entries[i];
        if (!e->key) continue;
        int r = obj_eq(S, e->value, v);
        if (r) return r;
    }
    return 0;
}

static void dictiter_dealloc(rs_State *S, Obj *o) {
    gc_untrack(S, o);
    XDECREF(S, ((DictIter *)o)->dict);
    obj_free(S, o, sizeof(DictIter));
}

static int dictiter_traverse(Obj *o, VisitFn visit, void *arg) {
    DictIter *it = (DictIter *)o;
    return it->dict ? visit((Obj *)it->dict, arg) : 0;
}

static Obj *dictiter_next(rs_State *S, Obj *o) {
    DictIter *it = (DictIter *)o;
    Dict *d = it->dict;
    if (!d) return NULL;
    if (d->used != it->used) {
        it->used = (size_t)-1;
        return exc_raisef(S, S->e_RuntimeError, "dictionary changed size during iteration");
    }
    Obj *k, *v;
    if (!dict_next(d, &it->pos, &k, &v)) {
        it->dict = NULL;
        DECREF(S, d);
        return NULL;
    }
    if (it->kind == 0) return NEWREF(k);
    if (it->kind == 1) return NEWREF(v);
    return tuple_pack(S, 2, NEWREF(k), NEWREF(v));
}

static Obj *dict_iter(rs_State *S, Obj *o) { return dictiter_new(S, (Dict *)o, 0); }

/* ---- methods ---- */

static Obj *m_keys(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "keys", kw) < 0 || args_count(S, "keys", nargs, 0, 0) < 0) return NULL;
    return view_new(S, S->t_dict_keys, self);
}
static Obj *m_values(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "values", kw) < 0 || args_count(S, "values", nargs, 0, 0) < 0) return NULL;
    return view_new(S, S->t_dict_values, self);
}
static Obj *m_items(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "items", kw) < 0 || args_count(S, "items", nargs, 0, 0) < 0) return NULL;
    return view_new(S, S->t_dict_items, self);
}

static Obj *m_get(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "get", kw) < 0 || args_count(S, "get", nargs, 1, 2) < 0) return NULL;
    bool err;
    Obj *v = dict_get_err(S, (Dict *)self, args[0], &err);
    if (err) return NULL;
    return NEWREF(v ? v : nargs == 2 ? args[1] : S->none);
}

static Obj *m_setdefault(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "setdefault", kw) < 0 || args_count(S, "setdefault", nargs, 1, 2) < 0) return NULL;
    bool err;
    Obj *v = dict_get_err(S, (Dict *)self, args[0], &err);
    if (err) return NULL;
    if (v) return NEWREF(v);
    Obj *def = nargs == 2 ? args[1] : S->none;
    if (dict_set(S, (Dict *)self, args[0], def) < 0) return NULL;
    return NEWREF(def);
}

static Obj *m_pop(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "pop", kw) < 0 || args_count(S, "pop", nargs, 1, 2) < 0) return NULL;
    Obj *v = dict_pop(S, (Dict *)self, args[0]);
    if (v || S->exc) return v;
    if (nargs == 2) return NEWREF(args[1]);
    return exc_raise_value(S, S->e_KeyError, args[0]);
}

static Obj *m_popitem(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "popitem", kw) < 0 || args_count(S, "popitem", nargs, 0, 0) < 0) return NULL;
    Dict *d = (Dict *)self;
    if (d->used == 0) return exc_raisef(S, S->e_KeyError, "popitem(): dictionary is empty");
    size_t i = d->nentries;
    while (i > 0 && !d->entries[i - 1].key) i--;
    DictEntry *e = &d->entries[i - 1];
    size_t slot;
    lookup(S, d, e->key, e->hash, &slot);
    Obj *k;
    Obj *v = remove_at(S, d, slot, (long)(i - 1), &k);
    d->nentries = i - 1;
    return tuple_pack(S, 2, k, v);
}

static Obj *m_update(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_count(S, "update", nargs, 0, 1) < 0) return NULL;
    if (nargs == 1 && dict_update(S, (Dict *)self, args[0]) < 0) return NULL;
    for (size_t i = 0; kw && i < kw->len; i++)
        if (dict_set(S, (Dict *)self, kw->items[i], args[nargs + i]) < 0) return NULL;
    return NEWREF(S->none);
}

static Obj *m_clear(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "clear", kw) < 0 || args_count(S, "clear", nargs, 0, 0) < 0) return NULL;
    dict_clear_all(S, (Dict *)self);
    return NEWREF(S->none);
}

static Obj *m_copy(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "copy", kw) < 0 || args_count(S, "copy", nargs, 0, 0) < 0) return NULL;
    return dict_copy(S, (Dict *)self);
}

static Obj *m_fromkeys(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "fromkeys", kw) < 0 || args_count(S, "fromkeys", nargs, 1, 2) < 0) return NULL;
    Obj *d = obj_call0(S, self);
    if (!d) return NULL;
    Obj *it = obj_iter(S, args[0]);
    if (!it) {
        DECREF(S, d);
        return NULL;
    }
    Obj *k;
    while ((k = obj_next(S, it))) {
        int r = obj_setitem(S, d, k, nargs == 2 ? args[1] : S->none);
        DECREF(S, k);
        if (r < 0) break;
    }
    DECREF(S, it);
    if (S->exc) {
        DECREF(S, d);
        return NULL;
    }
    return d;
}

static Obj *dict_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    Dict *d = (Dict *)obj_alloc_fresh(S, t, t->basicsize);
    if (!d) return NULL;
    d->used = d->nentries = d->size = 0;
    d->index = NULL;
    d->entries = NULL;
    if (t->dictoffset) *(Dict **)((char *)d + t->dictoffset) = NULL;
    return (Obj *)d;
}

static int dict_init(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (args_count(S, "dict", nargs, 0, 1) < 0) return -1;
    if (nargs == 1 && dict_update(S, (Dict *)self, args[0]) < 0) return -1;
    for (size_t i = 0; kwnames && i < kwnames->len; i++)
        if (dict_set(S, (Dict *)self, kwnames->items[i], args[nargs + i]) < 0) return -1;
    return 0;
}

static const CFuncDef dict_methods[] = {
    {"keys", m_keys}, {"values", m_values}, {"items", m_items}, {"get", m_get}, {"setdefault", m_setdefault},
    {"pop", m_pop}, {"popitem", m_popitem}, {"update", m_update}, {"clear", m_clear}, {"copy", m_copy},
    {NULL, NULL}};

void dict_init_type(rs_State *S) {
    Type *t = S->t_dict;
    t->dealloc = dict_dealloc;
    t->traverse = dict_traverse;
    t->clear = dict_clear_slot;
    t->repr = dict_repr;
    t->richcmp = dict_richcmp;
    t->len = dict_len;
    t->contains = dict_contains;
    t->getitem = dict_getitem;
    t->setitem = dict_setitem;
    t->binop = dict_binop;
    t->iter = dict_iter;
    t->tp_new = dict_tp_new;
    t->init = dict_init;
    cfunc_add_methods(S, t, dict_methods);
    static const CFuncDef fromkeys = {"fromkeys", m_fromkeys};
    Obj *fk = cfunc_new(S, &fromkeys, (Obj *)t);
    if (fk) {
        dict_set_cstr(S, t->dict, "fromkeys", fk);
        DECREF(S, fk);
    }
    Type *views[] = {S->t_dict_keys, S->t_dict_values, S->t_dict_items};
    for (int i = 0; i < 3; i++) {
        views[i]->dealloc = view_dealloc;
        views[i]->traverse = view_traverse;
        views[i]->len = view_len;
        views[i]->iter = view_iter;
        views[i]->repr = view_repr;
        views[i]->contains = view_contains;
    }
    S->t_dict_iter->dealloc = dictiter_dealloc;
    S->t_dict_iter->traverse = dictiter_traverse;
    S->t_dict_iter->next = dictiter_next;
    S->t_dict_iter->flags |= TF_ABSTRACT_ITER;
}
