/*
 * iter.c: iterators over the built-in sequences (and anything with
 * __getitem__), range, slice, and the lazy built-ins enumerate, zip, map,
 * filter, reversed and iter(callable, sentinel).
 */
#include "iter.h"
#include <string.h>
#include "abstract.h"
#include "cfunc.h"
#include "exception.h"
#include "int.h"
#include "dict.h"
#include "list.h"
#include "str.h"
#include "tuple.h"

/* ---- sequence iterators ---- */

Obj *seqiter_new(rs_State *S, Type *t, Obj *seq) {
    SeqIter *it = (SeqIter *)obj_alloc(S, t, sizeof(SeqIter));
    if (!it) return NULL;
    it->seq = NEWREF(seq);
    it->index = 0;
    return (Obj *)it;
}

static void seqiter_dealloc(rs_State *S, Obj *o) {
    gc_untrack(S, o);
    XDECREF(S, ((SeqIter *)o)->seq);
    obj_free(S, o, sizeof(SeqIter));
}

static int seqiter_traverse(Obj *o, VisitFn visit, void *arg) {
    Obj *s = ((SeqIter *)o)->seq;
    return s ? visit(s, arg) : 0;
}

static Obj *list_iter_next(rs_State *S, Obj *o) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq) return NULL;
    if (it->index < LIST_LEN(it->seq)) return NEWREF(LIST_ITEMS(it->seq)[it->index++]);
    CLEAR(S, it->seq);
    return NULL;
}

static Obj *tuple_iter_next(rs_State *S, Obj *o) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq) return NULL;
    if (it->index < TUPLE_LEN(it->seq)) return NEWREF(TUPLE_ITEMS(it->seq)[it->index++]);
    CLEAR(S, it->seq);
    return NULL;
}

static Obj *str_iter_next(rs_State *S, Obj *o) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq) return NULL;
    Str *s = (Str *)it->seq;
    /* index is a byte offset here */
    if (it->index < s->nbytes) {
        size_t start = it->index, end = start + 1;
        while (end < s->nbytes && ((unsigned char)s->data[end] & 0xC0) == 0x80) end++;
        it->index = end;
        return str_new(S, s->data + start, end - start);
    }
    CLEAR(S, it->seq);
    return NULL;
}

static Obj *seq_iter_next(rs_State *S, Obj *o) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq) return NULL;
    Obj *idx = int_from_i64(S, (int64_t)it->index);
    if (!idx) return NULL;
    Obj *v = obj_getitem(S, it->seq, idx);
    DECREF(S, idx);
    if (!v) {
        if (exc_matches(S, S->e_IndexError) || exc_matches(S, S->e_StopIteration)) {
            exc_clear(S);
            CLEAR(S, it->seq);
        }
        return NULL;
    }
    it->index++;
    return v;
}

/* ---- range ---- */

Obj *range_new(rs_State *S, int64_t start, int64_t stop, int64_t step) {
    Range *r = (Range *)obj_alloc(S, S->t_range, sizeof(Range));
    if (!r) return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    int64_t len = 0;
    if (step > 0 && start < stop) len = (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1);
    else if (step < 0 && start > stop) len = (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (uint64_t)(-step) + 1);
    r->len = len;
    return (Obj *)r;
}

static void range_dealloc(rs_State *S, Obj *o) { obj_free(S, o, sizeof(Range)); }

static Obj *range_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)t;
    if (args_no_kwargs(S, "range", kwnames) < 0) return NULL;
    if (nargs == 0) return exc_raisef(S, S->e_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3) return exc_raisef(S, S->e_TypeError, "range expected at most 3 arguments, got %zu", nargs);
    int64_t v[3] = {0, 0, 1};
    for (size_t i = 0; i < nargs; i++) {
        Obj *x = args[i];
        if (!IS_INT(x) && !TYPE(x)->to_int)
            return exc_raisef(S, S->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(x)));
        if (obj_index_i64(S, x, &v[nargs == 1 ? 1 : i], "range") < 0) return NULL;
    }
    if (v[2] == 0) return exc_raisef(S, S->e_ValueError, "range() arg 3 must not be zero");
    return range_new(S, v[0], v[1], v[2]);
}

static Obj *range_repr(rs_State *S, Obj *o) {
    Range *r = (Range *)o;
    if (r->step == 1) return str_fromf(S, "range(%ld, %ld)", (long)r->start, (long)r->stop);
    return str_fromf(S, "range(%ld, %ld, %ld)", (long)r->start, (long)r->stop, (long)r->step);
}

static int64_t range_len(rs_State *S, Obj *o) {
    (void)S;
    return ((Range *)o)->len;
}

static Obj *range_getitem(rs_State *S, Obj *o, Obj *key) {
    Range *r = (Range *)o;
    if (TYPE(key) == S->t_slice) {
        int64_t start, stop, step, count;
        if (slice_indices(S, key, r->len, &start, &stop, &step, &count) < 0) return NULL;
        int64_t nstart = r->start + start * r->step, nstep = r->step * step;
        return range_new(S, nstart, nstart + count * nstep, nstep);
    }
    int64_t i;
    if (obj_index_i64(S, key, &i, "range indices") < 0) return NULL;
    if (i < 0) i += r->len;
    if (i < 0 || i >= r->len) return exc_raisef(S, S->e_IndexError, "range object index out of range");
    return int_from_i64(S, r->start + i * r->step);
}

static int range_contains(rs_State *S, Obj *o, Obj *v) {
    Range *r = (Range *)o;
    if (!IS_INT(v) || !INT_IS_SMALL(v)) {
        Obj *it = obj_iter(S, o);
        if (!it) return -1;
        Obj *x;
        while ((x = obj_next(S, it))) {
            int eq = obj_eq(S, x, v);
            DECREF(S, x);
            if (eq) {
                DECREF(S, it);
                return eq;
            }
        }
        DECREF(S, it);
        return S->exc ? -1 : 0;
    }
    int64_t x = ((Int *)v)->small;
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return 0;
    return (x - r->start) % r->step == 0;
}

static Obj *range_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if (TYPE(b) != S->t_range || (op != CMP_EQ && op != CMP_NE)) return NEWREF(S->notimpl);
    Range *x = (Range *)a, *y = (Range *)b;
    bool eq = x->len == y->len && (x->len == 0 || (x->start == y->start && (x->len == 1 || x->step == y->step)));
    return bool_from(S, eq == (op == CMP_EQ));
}

typedef struct RangeIter {
    Obj ob;
    int64_t next, step, left;
} RangeIter;

static Obj *range_iter(rs_State *S, Obj *o) {
    Range *r = (Range *)o;
    RangeIter *it = (RangeIter *)obj_alloc(S, S->t_range_iter, sizeof(RangeIter));
    if (!it) return NULL;
    it->next = r->start;
    it->step = r->step;
    it->left = r->len;
    return (Obj *)it;
}

static void rangeiter_dealloc(rs_State *S, Obj *o) { obj_free(S, o, sizeof(RangeIter)); }

static Obj *rangeiter_next(rs_State *S, Obj *o) {
    RangeIter *it = (RangeIter *)o;
    if (it->left <= 0) return NULL;
    it->left--;
    int64_t v = it->next;
    it->next += it->step;
    return int_from_i64(S, v);
}

static Obj *range_getattr(rs_State *S, Obj *o, Str *name) {
    Range *r = (Range *)o;
    if (str_eq_cstr((Obj *)name, "start")) return int_from_i64(S, r->start);
    if (str_eq_cstr((Obj *)name, "stop")) return int_from_i64(S, r->stop);
    if (str_eq_cstr((Obj *)name, "step")) return int_from_i64(S, r->step);
    return obj_generic_getattr(S, o, name);
}

static Obj *m_range_index(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "index", kw) < 0 || args_count(S, "index", nargs, 1, 1) < 0) return NULL;
    int c = range_contains(S, self, args[0]);
    if (c < 0) return NULL;
    if (!c) return exc_raisef(S, S->e_ValueError, "%S is not in range", args[0]);
    Range *r = (Range *)self;
    return int_from_i64(S, (((Int *)args[0])->small - r->start) / r->step);
}

static Obj *m_range_count(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "count", kw) < 0 || args_count(S, "count", nargs, 1, 1) < 0) return NULL;
    int c = range_contains(S, self, args[0]);
    if (c < 0) return NULL;
    return int_from_i64(S, c);
}

static const CFuncDef range_methods[] = {{"index", m_range_index}, {"count", m_range_count}, {NULL, NULL}};

/* ---- slice ---- */

Obj *slice_new(rs_State *S, Obj *start, Obj *stop, Obj *step) {
    Slice *s = (Slice *)obj_alloc(S, S->t_slice, sizeof(Slice));
    if (!s) return NULL;
    s->start = NEWREF(start ? start : S->none);
    s->stop = NEWREF(stop ? stop : S->none);
    s->step = NEWREF(step ? step : S->none);
    return (Obj *)s;
}

static void slice_dealloc(rs_State *S, Obj *o) {
    Slice *s = (Slice *)o;
    DECREF(S, s->start);
    DECREF(S, s->stop);
    DECREF(S, s->step);
    obj_free(S, o, sizeof(Slice));
}

static Obj *slice_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)t;
    if (args_no_kwargs(S, "slice", kwnames) < 0 || args_count(S, "slice", nargs, 1, 3) < 0) return NULL;
    if (nargs == 1) return slice_new(S, NULL, args[0], NULL);
    return slice_new(S, args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static Obj *slice_repr(rs_State *S, Obj *o) {
    Slice *s = (Slice *)o;
    return str_fromf(S, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Obj *slice_getattr(rs_State *S, Obj *o, Str *name) {
    Slice *s = (Slice *)o;
    if (str_eq_cstr((Obj *)name, "start")) return NEWREF(s->start);
    if (str_eq_cstr((Obj *)name, "stop")) return NEWREF(s->stop);
    if (str_eq_cstr((Obj *)name, "step")) return NEWREF(s->step);
    return obj_generic_getattr(S, o, name);
}

int slice_indices(rs_State *S, Obj *slice, int64_t length, int64_t *start, int64_t *stop, int64_t *step, int64_t *count) {
    Slice *s = (Slice *)slice;
    *step = 1;
    if (s->step != S->none) {
        if (obj_index_i64(S, s->step, step, "slice indices") < 0) return -1;
        if (*step == 0) {
            exc_raisef(S, S->e_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    int64_t lower = *step < 0 ? -1 : 0, upper = *step < 0 ? length - 1 : length;
    if (s->start == S->none) *start = *step < 0 ? upper : lower;
    else {
        if (obj_index_i64(S, s->start, start, "slice indices") < 0) return -1;
        if (*start < 0) {
            *start += length;
            if (*start < lower) *start = lower;
        } else if (*start > upper) *start = upper;
    }
    if (s->stop == S->none) *stop = *step < 0 ? lower : upper;
    else {
        if (obj_index_i64(S, s->stop, stop, "slice indices") < 0) return -1;
        if (*stop < 0) {
            *stop += length;
            if (*stop < lower) *stop = lower;
        } else if (*stop > upper) *stop = upper;
    }
    if (*step < 0) *count = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
    else *count = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
    return 0;
}

/* ---- enumerate, zip, map, filter, reversed, callable_iterator ---- */

typedef struct Lazy {
    Obj ob;
    Obj *a;         /* enumerate/filter/map/reversed: the iterator or sequence; callable_iter: the callable */
    Obj *b;         /* map/filter: the function; zip/map: tuple of iterators; callable_iter: sentinel */
    int64_t n;      /* enumerate: the count; reversed: the next index */
    bool strict;
    Tuple *result;  /* enumerate/zip: the last result, reused when nobody kept it (as CPython) */
} Lazy;

static Lazy *lazy_new(rs_State *S, Type *t) {
    Lazy *l = (Lazy *)obj_alloc(S, t, sizeof(Lazy));
    if (!l) return NULL;
    l->a = l->b = NULL;
    l->n = 0;
    l->strict = false;
    l->result = NULL;
    return l;
}

static void lazy_dealloc(rs_State *S, Obj *o) {
    Lazy *l = (Lazy *)o;
    gc_untrack(S, o);
    XDECREF(S, l->a);
    XDECREF(S, l->b);
    XDECREF(S, l->result);
    obj_free(S, o, sizeof(Lazy));
}

static int lazy_traverse(Obj *o, VisitFn visit, void *arg) {
    Lazy *l = (Lazy *)o;
    int r = l->a ? visit(l->a, arg) : 0;
    if (!r && l->b) r = visit(l->b, arg);
    return r ? r : l->result ? visit((Obj *)l->result, arg) : 0;
}

static void lazy_clear(rs_State *S, Obj *o) {
    CLEAR(S, ((Lazy *)o)->a);
    CLEAR(S, ((Lazy *)o)->b);
    CLEAR(S, ((Lazy *)o)->result);
}

/* A result tuple of n items: the previous one again when only l holds it, else a new one. */
static Tuple *reusable_result(rs_State *S, Lazy *l, size_t n) {
    Tuple *r = l->result;
    if (r && r->ob.refcnt == 1) {
        INCREF(r);
        /* the collector may have untracked it, holding only atomic items */
        if (!gc_is_tracked((Obj *)r)) gc_track(S, (Obj *)r);
        return r;
    }
    r = (Tuple *)tuple_new(S, n);
    if (r)
        for (size_t i = 0; i < n; i++) r->items[i] = NEWREF(S->none);
    return r;
}

/* Puts v as item i of r (a new reference, given), releasing the old one last. */
static void set_result_item(rs_State *S, Tuple *r, size_t i, Obj *v) { SETREF(S, r->items[i], v); }

static Obj *enumerate_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    static const char *const names[] = {"iterable", "start"};
    Obj *a[2];
    if (args_bind(S, "enumerate", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
    int64_t start = 0;
    if (a[1] && obj_index_i64(S, a[1], &start, "start") < 0) return NULL;
    Obj *it = obj_iter(S, a[0]);
    if (!it) return NULL;
    Lazy *l = lazy_new(S, t);
    if (!l) {
        DECREF(S, it);
        return NULL;
    }
    l->a = it;
    l->n = start;
    if (!(l->result = (Tuple *)tuple_pack(S, 2, NEWREF(S->none), NEWREF(S->none)))) {
        DECREF(S, l);
        return NULL;
    }
    return (Obj *)l;
}

static Obj *enumerate_next(rs_State *S, Obj *o) {
    Lazy *l = (Lazy *)o;
    Obj *v = obj_next(S, l->a);
    if (!v) return NULL;
    Obj *i = int_from_i64(S, l->n++);
    Tuple *r = i ? reusable_result(S, l, 2) : NULL;
    if (!r) {
        XDECREF(S, i);
        DECREF(S, v);
        return NULL;
    }
    set_result_item(S, r, 0, i);
    set_result_item(S, r, 1, v);
    return (Obj *)r;
}

static Obj *zip_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    bool strict = false;
    for (size_t i = 0; kwnames && i < kwnames->len; i++) {
        if (!str_eq_cstr(kwnames->items[i], "strict")) return exc_raisef(S, S->e_TypeError, "zip() got an unexpected keyword argument '%U'", (Str *)kwnames->items[i]);
        int tv = obj_truth(S, args[nargs + i]);
        if (tv < 0) return NULL;
        strict = tv;
    }
    Tuple *its = tuple_new(S, nargs);
    if (!its) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        its->items[i] = obj_iter(S, args[i]);
        if (!its->items[i]) {
            DECREF(S, its);
            return NULL;
        }
    }
    Lazy *l = lazy_new(S, t);
    if (!l) {
        DECREF(S, its);
        return NULL;
    }
    l->b = (Obj *)its;
    l->strict = strict;
    if (!(l->result = (Tuple *)tuple_new(S, nargs))) {
        DECREF(S, l);
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) l->result->items[i] = NEWREF(S->none);
    return (Obj *)l;
}

static Obj *zip_next(rs_State *S, Obj *o) {
    Lazy *l = (Lazy *)o;
    Tuple *its = (Tuple *)l->b;
    if (!its || its->len == 0) return NULL;
    Tuple *r = reusable_result(S, l, its->len);
    if (!r) return NULL;
    for (size_t i = 0; i < its->len; i++) {
        Obj *v = obj_next(S, its->items[i]);
        if (!v) {
            if (!S->exc && l->strict && i > 0) {
                DECREF(S, r);
                return exc_raisef(S, S->e_ValueError, "zip() argument %zu is shorter than argument%s%zu", i + 1, i == 1 ? " " : "s 1-", i);
            }
            DECREF(S, r);
            return NULL;
        }
        set_result_item(S, r, i, v);
    }
    return (Obj *)r;
}

static Obj *map_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (args_no_kwargs(S, "map", kwnames) < 0) return NULL;
    if (nargs < 2) return exc_raisef(S, S->e_TypeError, "map() must have at least two arguments.");
    Tuple *its = tuple_new(S, nargs - 1);
    if (!its) return NULL;
    for (size_t i = 1; i < nargs; i++) {
        its->items[i - 1] = obj_iter(S, args[i]);
        if (!its->items[i - 1]) {
            DECREF(S, its);
            return NULL;
        }
    }
    Lazy *l = lazy_new(S, t);
    if (!l) {
        DECREF(S, its);
        return NULL;
    }
    l->a = NEWREF(args[0]);
    l->b = (Obj *)its;
    return (Obj *)l;
}

static Obj *map_next(rs_State *S, Obj *o) {
    Lazy *l = (Lazy *)o;
    Tuple *its = (Tuple *)l->b;
    Obj *small[8], **vals = small;
    if (its->len > 8) {
        vals = mem_alloc(&S->mem, its->len * sizeof(Obj *));
        if (!vals) return exc_nomemory(S);
    }
    size_t got = 0;
    Obj *r = NULL;
    for (; got < its->len; got++) {
        vals[got] = obj_next(S, its->items[got]);
        if (!vals[got]) break;
    }
    if (got == its->len) r = obj_call(S, l->a, vals, got, NULL);
    for (size_t i = 0; i < got; i++) DECREF(S, vals[i]);
    if (vals != small) mem_free(&S->mem, vals, its->len * sizeof(Obj *));
    return r;
}

static Obj *filter_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (args_no_kwargs(S, "filter", kwnames) < 0 || args_count(S, "filter", nargs, 2, 2) < 0) return NULL;
    Obj *it = obj_iter(S, args[1]);
    if (!it) return NULL;
    Lazy *l = lazy_new(S, t);
    if (!l) {
        DECREF(S, it);
        return NULL;
    }
    l->a = it;
    l->b = NEWREF(args[0]);
    return (Obj *)l;
}

static Obj *filter_next(rs_State *S, Obj *o) {
    Lazy *l = (Lazy *)o;
    for (;;) {
        Obj *v = obj_next(S, l->a);
        if (!v) return NULL;
        int keep;
        if (l->b == S->none || l->b == (Obj *)S->t_bool) {
            keep = obj_truth(S, v);
        } else {
            Obj *r = obj_call1(S, l->b, v);
            keep = r ? obj_truth(S, r) : -1;
            XDECREF(S, r);
        }
        if (keep < 0) {
            DECREF(S, v);
            return NULL;
        }
        if (keep) return v;
        DECREF(S, v);
    }
}

static Obj *reversed_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (args_no_kwargs(S, "reversed", kwnames) < 0 || args_count(S, "reversed", nargs, 1, 1) < 0) return NULL;
    Obj *seq = args[0];
    int64_t n = obj_len(S, seq);
    if (n < 0) {
        exc_clear(S);
        return exc_raisef(S, S->e_TypeError, "'%s' object is not reversible", type_name(TYPE(seq)));
    }
    if (TYPE(seq) == S->t_set || TYPE(seq) == S->t_frozenset)
        return exc_raisef(S, S->e_TypeError, "'%s' object is not reversible", type_name(TYPE(seq)));
    Lazy *l = lazy_new(S, t);
    if (!l) return NULL;
    /* dicts (and their key views) reverse their insertion order */
    l->a = IS_DICT(seq) || TYPE(seq) == S->t_dict_keys ? list_from_iterable(S, seq) : NEWREF(seq);
    if (!l->a) {
        DECREF(S, l);
        return NULL;
    }
    l->n = n - 1;
    return (Obj *)l;
}

static Obj *reversed_next(rs_State *S, Obj *o) {
    Lazy *l = (Lazy *)o;
    if (l->n < 0 || !l->a) return NULL;
    Obj *idx = int_from_i64(S, l->n--);
    if (!idx) return NULL;
    Obj *v = obj_getitem(S, l->a, idx);
    DECREF(S, idx);
    if (!v && (exc_matches(S, S->e_IndexError) || exc_matches(S, S->e_StopIteration))) {
        exc_clear(S);
        CLEAR(S, l->a);
    }
    return v;
}

Obj *callable_iter_new(rs_State *S, Obj *callable, Obj *sentinel);
Obj *callable_iter_new(rs_State *S, Obj *callable, Obj *sentinel) {
    Lazy *l = lazy_new(S, S->t_callable_iter);
    if (!l) return NULL;
    l->a = NEWREF(callable);
    l->b = NEWREF(sentinel);
    return (Obj *)l;
}

static Obj *callable_iter_next(rs_State *S, Obj *o) {
    Lazy *l = (Lazy *)o;
    if (!l->a) return NULL;
    Obj *v = obj_call0(S, l->a);
    if (!v) {
        if (exc_matches(S, S->e_StopIteration)) {
            exc_clear(S);
            CLEAR(S, l->a);
        }
        return NULL;
    }
    int eq = obj_eq(S, v, l->b);
    if (eq) {
        DECREF(S, v);
        if (eq > 0) CLEAR(S, l->a);
        return NULL;
    }
    return v;
}

static Obj *self_iter(rs_State *S, Obj *o) {
    (void)S;
    return NEWREF(o);
}

void iter_init_types(rs_State *S) {
    /* bytes_iterator's next is set by bytes.c */
    Type *seqs[] = {S->t_list_iter, S->t_tuple_iter, S->t_str_iter, S->t_seq_iter, S->t_bytes_iter};
    Obj *(*nexts[])(rs_State *, Obj *) = {list_iter_next, tuple_iter_next, str_iter_next, seq_iter_next, seq_iter_next};
    for (int i = 0; i < 5; i++) {
        seqs[i]->dealloc = seqiter_dealloc;
        seqs[i]->traverse = seqiter_traverse;
        seqs[i]->next = nexts[i];
        seqs[i]->iter = self_iter;
        seqs[i]->flags |= TF_ABSTRACT_ITER;
    }
    Type *t = S->t_range;
    t->dealloc = range_dealloc;
    t->tp_new = range_tp_new;
    t->repr = range_repr;
    t->len = range_len;
    t->getitem = range_getitem;
    t->contains = range_contains;
    t->richcmp = range_richcmp;
    t->iter = range_iter;
    t->getattr = range_getattr;
    cfunc_add_methods(S, t, range_methods);
    t = S->t_range_iter;
    t->dealloc = rangeiter_dealloc;
    t->next = rangeiter_next;
    t->iter = self_iter;
    t = S->t_slice;
    t->dealloc = slice_dealloc;
    t->tp_new = slice_tp_new;
    t->repr = slice_repr;
    t->getattr = slice_getattr;
    Type *lazies[] = {S->t_enumerate, S->t_zip, S->t_map, S->t_filter, S->t_reversed, S->t_callable_iter};
    Obj *(*lnexts[])(rs_State *, Obj *) = {enumerate_next, zip_next, map_next, filter_next, reversed_next, callable_iter_next};
    for (int i = 0; i < 6; i++) {
        lazies[i]->dealloc = lazy_dealloc;
        lazies[i]->traverse = lazy_traverse;
        lazies[i]->clear = lazy_clear;
        lazies[i]->next = lnexts[i];
        lazies[i]->iter = self_iter;
    }
    S->t_enumerate->tp_new = enumerate_new;
    S->t_zip->tp_new = zip_new;
    S->t_map->tp_new = map_new;
    S->t_filter->tp_new = filter_new;
    S->t_reversed->tp_new = reversed_new;
}
