/*
 * set.c: set and frozenset. Open addressing as CPython's setobject: a few
 * linear probes, then perturbation; deleted slots point at a constant
 * marker that is never a real object.
 */
#include "set.h"
#include "../gc/weakref.h"
#include <string.h>
#include "../core/buf.h"
#include "abstract.h"
#include "cfunc.h"
#include "dict.h"
#include "exception.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"

#define SET_MIN 8
#define LINEAR_PROBES 9

/* Deleted slots point at this marker; it is never a real object. */
static const Obj dummy_marker;
#define DUMMY ((Obj *)&dummy_marker)

typedef struct SetIter {
    Obj ob;
    Set *set;
    size_t pos, used;
} SetIter;

static int set_resize(rs_State *S, Set *s, size_t minused);

static Obj *set_alloc(rs_State *S, Type *t) {
    Set *s = (Set *)obj_alloc(S, t, t->basicsize);
    if (!s) return NULL;
    s->used = s->fill = 0;
    s->mask = 0;
    s->table = NULL;
    s->hash = -1;
    if (t->dictoffset) *(Dict **)((char *)s + t->dictoffset) = NULL;
    return (Obj *)s;
}

/* Returns the slot for key: where it is (found) or where it would go; -1 on error. */
static long find_slot(rs_State *S, Set *s, Obj *key, int64_t hash, bool *found) {
    size_t mask = s->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    long freeslot = -1;
    *found = false;
    for (;;) {
        for (int j = 0; j <= LINEAR_PROBES; j++) {
            size_t k = (i + (size_t)j) & mask;
            SetEntry *e = &s->table[k];
            if (!e->key) return freeslot >= 0 ? freeslot : (long)k;
            if (e->key == DUMMY) {
                if (freeslot < 0) freeslot = (long)k;
                continue;
            }
            if (e->key == key) {
                *found = true;
                return (long)k;
            }
            if (e->hash == hash) {
                Obj *ek = NEWREF(e->key);
                int eq = obj_eq(S, ek, key);
                DECREF(S, ek);
                if (eq < 0) return -1;
                if (eq) {
                    *found = true;
                    return (long)k;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int add_entry(rs_State *S, Set *s, Obj *key, int64_t hash) {
    if (!s->table && set_resize(S, s, 0) < 0) return -1;
    bool found;
    long k = find_slot(S, s, key, hash, &found);
    if (k < 0) return -1;
    if (found) return 0;
    SetEntry *e = &s->table[k];
    if (!e->key) s->fill++;
    e->key = NEWREF(key);
    e->hash = hash;
    s->used++;
    if (s->fill * 5 >= s->mask * 3) return set_resize(S, s, s->used > 50000 ? s->used * 2 : s->used * 4);
    return 0;
}

static int set_resize(rs_State *S, Set *s, size_t minused) {
    size_t size = SET_MIN;
    while (size <= minused) size <<= 1;
    SetEntry *old = s->table;
    size_t oldsize = old ? s->mask + 1 : 0;
    SetEntry *t = mem_alloc(&S->mem, size * sizeof(SetEntry));
    if (!t) {
        exc_nomemory(S);
        return -1;
    }
    memset(t, 0, size * sizeof(SetEntry));
    s->table = t;
    s->mask = size - 1;
    s->fill = s->used = 0;
    for (size_t i = 0; i < oldsize; i++) {
        SetEntry *e = &old[i];
        if (e->key && e->key != DUMMY) {
            /* rehash without comparisons: keys are distinct */
            size_t mask = s->mask, perturb = (size_t)e->hash, j = (size_t)e->hash & mask;
            for (;;) {
                bool placed = false;
                for (int p = 0; p <= LINEAR_PROBES; p++) {
                    size_t k = (j + (size_t)p) & mask;
                    if (!t[k].key) {
                        t[k] = *e;
                        placed = true;
                        break;
                    }
                }
                if (placed) break;
                perturb >>= 5;
                j = (j * 5 + 1 + perturb) & mask;
            }
            s->fill++;
            s->used++;
        }
    }
    if (old) mem_free(&S->mem, old, oldsize * sizeof(SetEntry));
    return 0;
}

int set_add(rs_State *S, Obj *set, Obj *key) {
    int64_t h = obj_hash(S, key);
    if (h == -1) return -1;
    return add_entry(S, (Set *)set, key, h);
}

int set_contains(rs_State *S, Obj *set, Obj *key) {
    Set *s = (Set *)set;
    int64_t h = obj_hash(S, key);
    if (h == -1) {
        /* a set used as a key is looked up as a frozenset */
        if (TYPE(key) == S->t_set && exc_matches(S, S->e_TypeError)) {
            exc_clear(S);
            Obj *f = set_new(S, S->t_frozenset, key);
            if (!f) return -1;
            int r = set_contains(S, set, f);
            DECREF(S, f);
            return r;
        }
        return -1;
    }
    if (!s->table) return 0;
    bool found;
    if (find_slot(S, s, key, h, &found) < 0) return -1;
    return found;
}

static int set_discard(rs_State *S, Set *s, Obj *key) {
    int64_t h = obj_hash(S, key);
    if (h == -1) return -1;
    if (!s->table) return 0;
    bool found;
    long k = find_slot(S, s, key, h, &found);
    if (k < 0) return -1;
    if (!found) return 0;
    Obj *old = s->table[k].key;
    s->table[k].key = DUMMY;
    s->used--;
    DECREF(S, old);
    return 1;
}

bool set_next(Obj *set, size_t *pos, Obj **key) {
    Set *s = (Set *)set;
    if (!s->table) return false;
    while (*pos <= s->mask) {
        SetEntry *e = &s->table[(*pos)++];
        if (e->key && e->key != DUMMY) {
            *key = e->key;
            return true;
        }
    }
    return false;
}

static int set_update(rs_State *S, Set *s, Obj *iterable) {
    if (IS_ANYSET(iterable)) {
        Set *o = (Set *)iterable;
        for (size_t i = 0; o->table && i <= o->mask; i++) {
            SetEntry *e = &o->table[i];
            if (e->key && e->key != DUMMY && add_entry(S, s, e->key, e->hash) < 0) return -1;
        }
        return 0;
    }
    if (IS_DICT(iterable)) {
        size_t pos = 0;
        Obj *k;
        while (dict_next((Dict *)iterable, &pos, &k, NULL))
            if (set_add(S, (Obj *)s, k) < 0) return -1;
        return 0;
    }
    Obj *it = obj_iter(S, iterable);
    if (!it) return -1;
    Obj *v;
    while ((v = obj_next(S, it))) {
        int r = set_add(S, (Obj *)s, v);
        DECREF(S, v);
        if (r < 0) {
            DECREF(S, it);
            return -1;
        }
    }
    DECREF(S, it);
    return S->exc ? -1 : 0;
}

Obj *set_new(rs_State *S, Type *t, Obj *iterable) {
    Obj *s = set_alloc(S, t);
    if (s && iterable && set_update(S, (Set *)s, iterable) < 0) CLEAR(S, s);
    return s;
}

static void set_clear_all(rs_State *S, Set *s) {
    SetEntry *t = s->table;
    size_t n = t ? s->mask + 1 : 0;
    s->table = NULL;
    s->mask = 0;
    s->used = s->fill = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i].key && t[i].key != DUMMY) DECREF(S, t[i].key);
    if (t) mem_free(&S->mem, t, n * sizeof(SetEntry));
}

static void set_dealloc(rs_State *S, Obj *o) {
    gc_untrack(S, o);
    weakref_clear_all(S, o);
    set_clear_all(S, (Set *)o);
    obj_free(S, o, TYPE(o)->basicsize);
}

static int set_traverse(Obj *o, VisitFn visit, void *arg) {
    Set *s = (Set *)o;
    for (size_t i = 0; s->table && i <= s->mask; i++) {
        Obj *k = s->table[i].key;
        if (k && k != DUMMY) {
            int r = visit(k, arg);
            if (r) return r;
        }
    }
    return 0;
}

static void set_clear_slot(rs_State *S, Obj *o) { set_clear_all(S, (Set *)o); }

static Obj *set_repr(rs_State *S, Obj *o) {
    Set *s = (Set *)o;
    bool frozen = TYPE(o) != S->t_set;
    int entered = repr_enter(S, o);
    if (entered) return entered > 0 ? str_fromf(S, "%s(...)", type_name(TYPE(o))) : NULL;
    if (s->used == 0) {
        repr_leave(S, o);
        return str_fromf(S, "%s()", type_name(TYPE(o)));
    }
    Buf b;
    buf_init(&b, &S->mem);
    if (frozen) buf_printf(&b, "%s(", type_name(TYPE(o)));
    buf_addc(&b, '{');
    size_t pos = 0;
    Obj *k;
    bool first = true, failed = false;
    while (set_next(o, &pos, &k)) {
        Obj *r = obj_repr(S, k);
        if (!r) {
            failed = true;
            break;
        }
        if (!first) buf_adds(&b, ", ");
        first = false;
        buf_add(&b, STR_DATA(r), ((Str *)r)->nbytes);
        DECREF(S, r);
    }
    buf_addc(&b, '}');
    if (frozen) buf_addc(&b, ')');
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

static int64_t set_len(rs_State *S, Obj *o) {
    (void)S;
    return (int64_t)((Set *)o)->used;
}

static int is_subset(rs_State *S, Obj *a, Obj *b) {
    if (((Set *)a)->used > ((Set *)b)->used) return 0;
    size_t pos = 0;
    Obj *k;
    while (set_next(a, &pos, &k)) {
        int r = set_contains(S, b, k);
        if (r <= 0) return r;
    }
    return 1;
}

static Obj *set_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if (!IS_ANYSET(b)) return NEWREF(S->notimpl);
    size_t na = ((Set *)a)->used, nb = ((Set *)b)->used;
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        r = na == nb ? is_subset(S, a, b) : 0;
        if (r < 0) return NULL;
        return bool_from(S, (r == 1) == (op == CMP_EQ));
    case CMP_LE: r = is_subset(S, a, b); break;
    case CMP_GE: r = is_subset(S, b, a); break;
    case CMP_LT: r = na < nb ? is_subset(S, a, b) : 0; break;
    default: r = nb < na ? is_subset(S, b, a) : 0; break;
    }
    if (r < 0) return NULL;
    return bool_from(S, r == 1);
}

static int64_t frozenset_hash(rs_State *S, Obj *o) {
    Set *s = (Set *)o;
    (void)S;
    if (s->hash != -1) return s->hash;
    uint64_t hash = 0;
    size_t pos = 0;
    Obj *k;
    while (set_next(o, &pos, &k)) {
        uint64_t h = (uint64_t)s->table[pos - 1].hash;
        hash ^= ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
    }
    hash ^= ((uint64_t)s->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) hash = 590923713UL;
    s->hash = (int64_t)hash;
    return s->hash;
}

static Obj *set_op(rs_State *S, Obj *a, Obj *b, int op, Type *rtype) {
    Obj *r = set_alloc(S, rtype);
    if (!r) return NULL;
    size_t pos = 0;
    Obj *k;
    switch (op) {
    case OP_OR:
        if (set_update(S, (Set *)r, a) < 0 || set_update(S, (Set *)r, b) < 0) goto fail;
        break;
    case OP_AND:
        while (set_next(a, &pos, &k)) {
            int c = set_contains(S, b, k);
            if (c < 0 || (c && set_add(S, r, k) < 0)) goto fail;
        }
        break;
    case OP_SUB:
        while (set_next(a, &pos, &k)) {
            int c = set_contains(S, b, k);
            if (c < 0 || (!c && set_add(S, r, k) < 0)) goto fail;
        }
        break;
    case OP_XOR:
        while (set_next(a, &pos, &k)) {
            int c = set_contains(S, b, k);
            if (c < 0 || (!c && set_add(S, r, k) < 0)) goto fail;
        }
        pos = 0;
        while (set_next(b, &pos, &k)) {
            int c = set_contains(S, a, k);
            if (c < 0 || (!c && set_add(S, r, k) < 0)) goto fail;
        }
        break;
    }
    return r;
fail:
    DECREF(S, r);
    return NULL;
}

static Obj *set_binop(rs_State *S, Obj *self, Obj *other, int op, bool reflected) {
    int base = op & ~OP_INPLACE;
    if (!IS_ANYSET(other) || (base != OP_OR && base != OP_AND && base != OP_SUB && base != OP_XOR)) return NEWREF(S->notimpl);
    Obj *a = reflected ? other : self, *b = reflected ? self : other;
    Obj *r = set_op(S, a, b, base, TYPE(a) == S->t_frozenset ? S->t_frozenset : S->t_set);
    if (!r || !(op & OP_INPLACE) || TYPE(self) != S->t_set) return r;
    /* in place: move the result's table into self */
    Set *s = (Set *)self, *t = (Set *)r;
    set_clear_all(S, s);
    s->table = t->table;
    s->mask = t->mask;
    s->used = t->used;
    s->fill = t->fill;
    t->table = NULL;
    t->used = t->fill = t->mask = 0;
    DECREF(S, r);
    return NEWREF(self);
}

static Obj *set_iter(rs_State *S, Obj *o) {
    SetIter *it = (SetIter *)obj_alloc(S, S->t_set_iter, sizeof(SetIter));
    if (!it) return NULL;
    it->set = (Set *)NEWREF(o);
    it->pos = 0;
    it->used = ((Set *)o)->used;
    return (Obj *)it;
}

static void setiter_dealloc(rs_State *S, Obj *o) {
    gc_untrack(S, o);
    XDECREF(S, ((SetIter *)o)->set);
    obj_free(S, o, sizeof(SetIter));
}

static int setiter_traverse(Obj *o, VisitFn visit, void *arg) {
    SetIter *it = (SetIter *)o;
    return it->set ? visit((Obj *)it->set, arg) : 0;
}

static Obj *setiter_next(rs_State *S, Obj *o) {
    SetIter *it = (SetIter *)o;
    if (!it->set) return NULL;
    if (it->set->used != it->used) {
        it->used = (size_t)-1;
        return exc_raisef(S, S->e_RuntimeError, "Set changed size during iteration");
    }
    Obj *k;
    if (set_next((Obj *)it->set, &it->pos, &k)) return NEWREF(k);
    CLEAR(S, it->set);
    return NULL;
}

static Obj *set_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    const char *name = t == S->t_frozenset ? "frozenset" : "set";
    if (args_no_kwargs(S, name, kwnames) < 0 || args_count(S, name, nargs, 0, 1) < 0) return NULL;
    if (t == S->t_frozenset || type_is_subtype(t, S->t_frozenset)) {
        if (nargs == 1 && TYPE(args[0]) == S->t_frozenset && t == S->t_frozenset) return NEWREF(args[0]);
        return set_new(S, t, nargs ? args[0] : NULL);
    }
    return set_alloc(S, t);
}

static int set_init(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (args_no_kwargs(S, "set", kwnames) < 0 || args_count(S, "set", nargs, 0, 1) < 0) return -1;
    set_clear_all(S, (Set *)self);
    return nargs ? set_update(S, (Set *)self, args[0]) : 0;
}

/* ---- methods ---- */

#define CHECK0(name) \
    (void)args;      \
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 0, 0) < 0) return NULL
#define CHECK1(name) \
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 1, 1) < 0) return NULL

static Obj *m_add(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    CHECK1("add");
    if (set_add(S, self, args[0]) < 0) return NULL;
    return NEWREF(S->none);
}

static Obj *m_discard(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    CHECK1("discard");
    if (set_discard(S, (Set *)self, args[0]) < 0) return NULL;
    return NEWREF(S->none);
}

static Obj *m_remove(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    CHECK1("remove");
    int r = set_discard(S, (Set *)self, args[0]);
    if (r < 0) return NULL;
    if (r == 0) return exc_raise_value(S, S->e_KeyError, args[0]);
    return NEWREF(S->none);
}

static Obj *m_pop(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    CHECK0("pop");
    Set *s = (Set *)self;
    if (s->used == 0) return exc_raisef(S, S->e_KeyError, "pop from an empty set");
    for (size_t i = 0; i <= s->mask; i++) {
        SetEntry *e = &s->table[i];
        if (e->key && e->key != DUMMY) {
            Obj *k = e->key;
            e->key = DUMMY;
            s->used--;
            return k;
        }
    }
    return NULL;
}

static Obj *m_clear(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    CHECK0("clear");
    set_clear_all(S, (Set *)self);
    return NEWREF(S->none);
}

static Obj *m_copy(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    CHECK0("copy");
    if (TYPE(self) == S->t_frozenset) return NEWREF(self);
    return set_new(S, TYPE(self) == S->t_set ? S->t_set : S->t_set, self);
}

static Obj *multi_op(rs_State *S, Obj *self, Obj *const *args, size_t nargs, int op, bool in_place) {
    Obj *acc = NEWREF(self);
    for (size_t i = 0; i < nargs; i++) {
        Obj *other = IS_ANYSET(args[i]) ? NEWREF(args[i]) : set_new(S, S->t_set, args[i]);
        if (!other) {
            DECREF(S, acc);
            return NULL;
        }
        Obj *r = set_op(S, acc, other, op, TYPE(self) == S->t_frozenset ? S->t_frozenset : S->t_set);
        DECREF(S, other);
        DECREF(S, acc);
        if (!r) return NULL;
        acc = r;
    }
    if (acc == self && !in_place) {
        DECREF(S, acc);
        return set_new(S, TYPE(self) == S->t_frozenset ? S->t_frozenset : S->t_set, self);
    }
    if (!in_place) return acc;
    if (acc != self) {
        Set *s = (Set *)self, *t = (Set *)acc;
        set_clear_all(S, s);
        s->table = t->table;
        s->mask = t->mask;
        s->used = t->used;
        s->fill = t->fill;
        t->table = NULL;
        t->used = t->fill = t->mask = 0;
    }
    DECREF(S, acc);
    return NEWREF(S->none);
}

static Obj *m_union(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "union", kw) < 0) return NULL;
    return multi_op(S, self, args, nargs, OP_OR, false);
}
static Obj *m_update(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "update", kw) < 0) return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (set_update(S, (Set *)self, args[i]) < 0) return NULL;
    return NEWREF(S->none);
}
static Obj *m_intersection(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "intersection", kw) < 0) return NULL;
    return multi_op(S, self, args, nargs, OP_AND, false);
}
static Obj *m_intersection_update(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "intersection_update", kw) < 0) return NULL;
    return multi_op(S, self, args, nargs, OP_AND, true);
}
static Obj *m_difference(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "difference", kw) < 0) return NULL;
    return multi_op(S, self, args, nargs, OP_SUB, false);
}
static Obj *m_difference_update(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "difference_update", kw) < 0) return NULL;
    return multi_op(S, self, args, nargs, OP_SUB, true);
}
static Obj *m_symmetric_difference(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    CHECK1("symmetric_difference");
    return multi_op(S, self, args, 1, OP_XOR, false);
}
static Obj *m_symmetric_difference_update(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    CHECK1("symmetric_difference_update");
    return multi_op(S, self, args, 1, OP_XOR, true);
}

static Obj *subset_impl(rs_State *S, Obj *self, Obj *arg, int which) {
    Obj *other = IS_ANYSET(arg) ? NEWREF(arg) : set_new(S, S->t_set, arg);
    if (!other) return NULL;
    int r;
    if (which == 0) r = is_subset(S, self, other);
    else if (which == 1) r = is_subset(S, other, self);
    else {
        r = 1;
        size_t pos = 0;
        Obj *k;
        while (set_next(self, &pos, &k)) {
            int c = set_contains(S, other, k);
            if (c < 0) {
                r = -1;
                break;
            }
            if (c) {
                r = 0;
                break;
            }
        }
    }
    DECREF(S, other);
    if (r < 0) return NULL;
    return bool_from(S, r == 1);
}

static Obj *m_issubset(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { CHECK1("issubset"); return subset_impl(S, self, args[0], 0); }
static Obj *m_issuperset(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { CHECK1("issuperset"); return subset_impl(S, self, args[0], 1); }
static Obj *m_isdisjoint(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { CHECK1("isdisjoint"); return subset_impl(S, self, args[0], 2); }

static const CFuncDef set_methods[] = {
    {"add", m_add}, {"discard", m_discard}, {"remove", m_remove}, {"pop", m_pop}, {"clear", m_clear},
    {"copy", m_copy}, {"union", m_union}, {"update", m_update}, {"intersection", m_intersection},
    {"intersection_update", m_intersection_update}, {"difference", m_difference},
    {"difference_update", m_difference_update}, {"symmetric_difference", m_symmetric_difference},
    {"symmetric_difference_update", m_symmetric_difference_update}, {"issubset", m_issubset},
    {"issuperset", m_issuperset}, {"isdisjoint", m_isdisjoint}, {NULL, NULL}};

static const CFuncDef frozenset_methods[] = {
    {"copy", m_copy}, {"union", m_union}, {"intersection", m_intersection}, {"difference", m_difference},
    {"symmetric_difference", m_symmetric_difference}, {"issubset", m_issubset}, {"issuperset", m_issuperset},
    {"isdisjoint", m_isdisjoint}, {NULL, NULL}};

static int set_contains_slot(rs_State *S, Obj *o, Obj *v) { return set_contains(S, o, v); }

void set_init_type(rs_State *S) {
    Type *types[] = {S->t_set, S->t_frozenset};
    for (int i = 0; i < 2; i++) {
        Type *t = types[i];
        t->weaklistoffset = offsetof(Set, weaklist);
        t->dealloc = set_dealloc;
        t->traverse = set_traverse;
        t->clear = set_clear_slot;
        t->repr = set_repr;
        t->richcmp = set_richcmp;
        t->len = set_len;
        t->contains = set_contains_slot;
        t->binop = set_binop;
        t->iter = set_iter;
        t->tp_new = set_tp_new;
    }
    S->t_set->init = set_init;
    S->t_frozenset->hash = frozenset_hash;
    cfunc_add_methods(S, S->t_set, set_methods);
    cfunc_add_methods(S, S->t_frozenset, frozenset_methods);
    S->t_set_iter->dealloc = setiter_dealloc;
    S->t_set_iter->traverse = setiter_traverse;
    S->t_set_iter->next = setiter_next;
    S->t_set_iter->flags |= TF_ABSTRACT_ITER;
}
