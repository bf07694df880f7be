/*
 * list.c: the list type. Growth follows CPython's list_resize pattern;
 * deallocation releases items last to first, as CPython's list_dealloc does.
 * sort is a stable merge sort; reverse=True sorts the reversed list and
 * reverses back, so equal items keep their order as in CPython.
 */
#include "list.h"
#include <string.h>
#include "abstract.h"
#include "cfunc.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "str.h"
#include "tuple.h"

Obj *seq_repr(rs_State *S, Obj *const *items, size_t n, const char *open, const char *close, bool one_comma);
Obj *seq_richcmp(rs_State *S, Obj *const *a, size_t na, Obj *const *b, size_t nb, int op);

static int list_resize(rs_State *S, List *l, size_t newlen) {
    if (newlen <= l->cap && newlen >= l->cap / 2) {
        l->len = newlen;
        return 0;
    }
    size_t newcap = newlen + (newlen >> 3) + (newlen < 9 ? 3 : 6);
    newcap &= ~(size_t)3;
    if (newlen == 0) newcap = 0;
    if (newcap < newlen) newcap = newlen;
    if (newcap > SIZE_MAX / sizeof(Obj *)) {
        exc_nomemory(S);
        return -1;
    }
    Obj **items = newcap ? mem_realloc(&S->mem, l->items, l->cap * sizeof(Obj *), newcap * sizeof(Obj *)) : NULL;
    if (newcap && !items) {
        exc_nomemory(S);
        return -1;
    }
    if (!newcap && l->items) mem_free(&S->mem, l->items, l->cap * sizeof(Obj *));
    l->items = items;
    l->cap = newcap;
    l->len = newlen;
    return 0;
}

Obj *list_new(rs_State *S, size_t n) {
    List *l = (List *)obj_alloc(S, S->t_list, sizeof(List));
    if (!l) return NULL;
    l->len = l->cap = 0;
    l->items = NULL;
    if (n) {
        l->items = mem_alloc(&S->mem, n * sizeof(Obj *));
        if (!l->items) {
            DECREF(S, l);
            return exc_nomemory(S);
        }
        memset(l->items, 0, n * sizeof(Obj *));
        l->cap = l->len = n;
    }
    return (Obj *)l;
}

int list_append(rs_State *S, Obj *list, Obj *v) {
    List *l = (List *)list;
    size_t n = l->len;
    if (n < l->cap) {
        l->items[n] = NEWREF(v);
        l->len = n + 1;
        return 0;
    }
    if (list_resize(S, l, n + 1) < 0) return -1;
    l->items[n] = NEWREF(v);
    return 0;
}

Obj *list_from_array(rs_State *S, Obj *const *items, size_t n) {
    Obj *l = list_new(S, n);
    if (!l) return NULL;
    for (size_t i = 0; i < n; i++) LIST_ITEMS(l)[i] = NEWREF(items[i]);
    return l;
}

int list_extend(rs_State *S, Obj *list, Obj *iterable) {
    if (IS_LIST(iterable) || IS_TUPLE(iterable)) {
        Obj *const *src = IS_LIST(iterable) ? LIST_ITEMS(iterable) : TUPLE_ITEMS(iterable);
        size_t n = IS_LIST(iterable) ? LIST_LEN(iterable) : TUPLE_LEN(iterable);
        size_t old = LIST_LEN(list);
        if (n == 0) return 0;
        if (list_resize(S, (List *)list, old + n) < 0) return -1;
        src = IS_LIST(iterable) ? LIST_ITEMS(iterable) : TUPLE_ITEMS(iterable); /* l.extend(l) */
        for (size_t i = 0; i < n; i++) LIST_ITEMS(list)[old + i] = NEWREF(src[i]);
        return 0;
    }
    Obj *it = obj_iter(S, iterable);
    if (!it) return -1;
    Obj *v;
    while ((v = obj_next(S, it))) {
        int r = list_append(S, list, v);
        DECREF(S, v);
        if (r < 0) {
            DECREF(S, it);
            return -1;
        }
    }
    DECREF(S, it);
    return S->exc ? -1 : 0;
}

Obj *list_from_iterable(rs_State *S, Obj *iterable) {
    Obj *l = list_new(S, 0);
    if (!l) return NULL;
    if (list_extend(S, l, iterable) < 0) {
        DECREF(S, l);
        return NULL;
    }
    return l;
}

static void list_dealloc(rs_State *S, Obj *o) {
    List *l = (List *)o;
    gc_untrack(S, o);
    if (l->items) {
        size_t i = l->len;
        while (i-- > 0) XDECREF(S, l->items[i]);
        mem_free(&S->mem, l->items, l->cap * sizeof(Obj *));
    }
    obj_free(S, o, TYPE(o)->basicsize);
}

static int list_traverse(Obj *o, VisitFn visit, void *arg) {
    List *l = (List *)o;
    /* last to first, as CPython: the order decides how the collector reorders survivors */
    for (size_t i = l->len; i-- > 0;)
        if (l->items[i]) {
            int r = visit(l->items[i], arg);
            if (r) return r;
        }
    return 0;
}

static void list_clear_items(rs_State *S, List *l) {
    Obj **items = l->items;
    size_t n = l->len, cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    if (items) {
        while (n-- > 0) XDECREF(S, items[n]);
        mem_free(&S->mem, items, cap * sizeof(Obj *));
    }
}

static void list_clear(rs_State *S, Obj *o) { list_clear_items(S, (List *)o); }

static Obj *list_repr(rs_State *S, Obj *o) {
    List *l = (List *)o;
    if (l->len == 0) return str_from_cstr(S, "[]");
    int entered = repr_enter(S, o);
    if (entered) return entered > 0 ? str_from_cstr(S, "[...]") : NULL; /* recursive lists print as [...] */
    Obj *r = seq_repr(S, l->items, l->len, "[", "]", false);
    repr_leave(S, o);
    return r;
}

static Obj *list_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if (!IS_LIST(b)) return NEWREF(S->notimpl);
    return seq_richcmp(S, LIST_ITEMS(a), LIST_LEN(a), LIST_ITEMS(b), LIST_LEN(b), op);
}

static int64_t list_len(rs_State *S, Obj *o) {
    (void)S;
    return (int64_t)LIST_LEN(o);
}

static int list_contains(rs_State *S, Obj *o, Obj *v) {
    for (size_t i = 0; i < LIST_LEN(o); i++) {
        int r = obj_eq(S, LIST_ITEMS(o)[i], v);
        if (r) return r;
    }
    return 0;
}

static Obj *list_getitem(rs_State *S, Obj *o, Obj *key) {
    List *l = (List *)o;
    if (TYPE(key) == S->t_slice) {
        int64_t start, stop, step, count;
        if (slice_indices(S, key, (int64_t)l->len, &start, &stop, &step, &count) < 0) return NULL;
        Obj *r = list_new(S, (size_t)count);
        if (!r) return NULL;
        for (int64_t i = 0, k = start; i < count; i++, k += step) LIST_ITEMS(r)[i] = NEWREF(l->items[k]);
        return r;
    }
    int64_t i;
    if (obj_index_i64(S, key, &i, "list indices") < 0) return NULL;
    if (i < 0) i += (int64_t)l->len;
    if (i < 0 || i >= (int64_t)l->len) return exc_raisef(S, S->e_IndexError, "list index out of range");
    return NEWREF(l->items[i]);
}

static int list_ass_slice(rs_State *S, List *l, Obj *key, Obj *v) {
    int64_t start, stop, step, count;
    if (slice_indices(S, key, (int64_t)l->len, &start, &stop, &step, &count) < 0) return -1;
    if (!v) {
        /* delete */
        if (count == 0) return 0;
        Obj **removed = mem_alloc(&S->mem, (size_t)count * sizeof(Obj *));
        if (!removed) {
            exc_nomemory(S);
            return -1;
        }
        if (step < 0) {
            start = start + step * (count - 1);
            step = -step;
        }
        size_t w = (size_t)start, k = 0;
        for (size_t r = (size_t)start; r < l->len; r++) {
            if (k < (size_t)count && r == (size_t)(start + (int64_t)k * step)) removed[k++] = l->items[r];
            else l->items[w++] = l->items[r];
        }
        l->len = w;
        /* CPython releases a deleted plain slice last to first, an extended one first to last */
        if (step == 1)
            for (size_t i = (size_t)count; i-- > 0;) DECREF(S, removed[i]);
        else
            for (size_t i = 0; i < (size_t)count; i++) DECREF(S, removed[i]);
        mem_free(&S->mem, removed, (size_t)count * sizeof(Obj *));
        return 0;
    }
    Obj *seq = (Obj *)l == v ? list_from_array(S, l->items, l->len) : list_from_iterable(S, v);
    if (!seq) return -1;
    size_t n = LIST_LEN(seq);
    if (step == 1) {
        size_t old = (size_t)count, st = (size_t)start;
        Obj **gone = old ? mem_alloc(&S->mem, old * sizeof(Obj *)) : NULL;
        if (old && !gone) {
            DECREF(S, seq);
            exc_nomemory(S);
            return -1;
        }
        if (old) memcpy(gone, l->items + st, old * sizeof(Obj *));
        size_t oldlen = l->len;
        if (n > old) {
            if (list_resize(S, l, oldlen + n - old) < 0) {
                if (gone) mem_free(&S->mem, gone, old * sizeof(Obj *));
                DECREF(S, seq);
                return -1;
            }
            memmove(l->items + st + n, l->items + st + old, (oldlen - st - old) * sizeof(Obj *));
        } else if (n < old) {
            memmove(l->items + st + n, l->items + st + old, (oldlen - st - old) * sizeof(Obj *));
            l->len = oldlen - (old - n);
        }
        for (size_t i = 0; i < n; i++) l->items[st + i] = NEWREF(LIST_ITEMS(seq)[i]);
        for (size_t i = old; i-- > 0;) DECREF(S, gone[i]);
        if (gone) mem_free(&S->mem, gone, old * sizeof(Obj *));
        DECREF(S, seq);
        return 0;
    }
    if ((int64_t)n != count) {
        DECREF(S, seq);
        exc_raisef(S, S->e_ValueError, "attempt to assign sequence of size %zu to extended slice of size %zu", n, (size_t)count);
        return -1;
    }
    Obj **gone = count ? mem_alloc(&S->mem, (size_t)count * sizeof(Obj *)) : NULL;
    if (count && !gone) {
        DECREF(S, seq);
        exc_nomemory(S);
        return -1;
    }
    for (int64_t i = 0, k = start; i < count; i++, k += step) {
        gone[i] = l->items[k];
        l->items[k] = NEWREF(LIST_ITEMS(seq)[i]);
    }
    for (int64_t i = 0; i < count; i++) DECREF(S, gone[i]);
    if (gone) mem_free(&S->mem, gone, (size_t)count * sizeof(Obj *));
    DECREF(S, seq);
    return 0;
}

static int list_setitem(rs_State *S, Obj *o, Obj *key, Obj *v) {
    List *l = (List *)o;
    if (TYPE(key) == S->t_slice) return list_ass_slice(S, l, key, v);
    int64_t i;
    if (obj_index_i64(S, key, &i, "list indices") < 0) return -1;
    if (i < 0) i += (int64_t)l->len;
    if (i < 0 || i >= (int64_t)l->len) {
        exc_raisef(S, S->e_IndexError, v ? "list assignment index out of range" : "list assignment index out of range");
        return -1;
    }
    Obj *old = l->items[i];
    if (v) {
        l->items[i] = NEWREF(v);
    } else {
        memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Obj *));
        l->len--;
    }
    DECREF(S, old);
    return 0;
}

static Obj *list_binop(rs_State *S, Obj *self, Obj *other, int op, bool reflected) {
    if (op == (OP_ADD | OP_INPLACE)) {
        if (list_extend(S, self, other) < 0) return NULL;
        return NEWREF(self);
    }
    if (op == (OP_MUL | OP_INPLACE) && IS_INT(other)) {
        int64_t n;
        if (int_as_i64(S, other, &n) < 0) return NULL;
        size_t len = LIST_LEN(self);
        if (n <= 0) {
            list_clear_items(S, (List *)self);
            return NEWREF(self);
        }
        if (list_resize(S, (List *)self, len * (size_t)n) < 0) return NULL;
        for (int64_t k = 1; k < n; k++)
            for (size_t i = 0; i < len; i++) LIST_ITEMS(self)[(size_t)k * len + i] = NEWREF(LIST_ITEMS(self)[i]);
        return NEWREF(self);
    }
    op &= ~OP_INPLACE;
    if (op == OP_ADD && !reflected) {
        if (!IS_LIST(other)) return exc_raisef(S, S->e_TypeError, "can only concatenate list (not \"%s\") to list", type_name(TYPE(other)));
        size_t na = LIST_LEN(self), nb = LIST_LEN(other);
        Obj *r = list_new(S, na + nb);
        if (!r) return NULL;
        for (size_t i = 0; i < na; i++) LIST_ITEMS(r)[i] = NEWREF(LIST_ITEMS(self)[i]);
        for (size_t i = 0; i < nb; i++) LIST_ITEMS(r)[na + i] = NEWREF(LIST_ITEMS(other)[i]);
        return r;
    }
    if (op == OP_MUL && IS_INT(other)) {
        int64_t n;
        if (int_as_i64(S, other, &n) < 0) return NULL;
        size_t len = LIST_LEN(self);
        if (n <= 0 || len == 0) return list_new(S, 0);
        if ((uint64_t)n > SIZE_MAX / sizeof(Obj *) / len) return exc_nomemory(S);
        Obj *r = list_new(S, len * (size_t)n);
        if (!r) return NULL;
        for (int64_t k = 0; k < n; k++)
            for (size_t i = 0; i < len; i++) LIST_ITEMS(r)[(size_t)k * len + i] = NEWREF(LIST_ITEMS(self)[i]);
        return r;
    }
    return NEWREF(S->notimpl);
}

static Obj *list_iter(rs_State *S, Obj *o) { return seqiter_new(S, S->t_list_iter, o); }

static Obj *list_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    List *l = (List *)obj_alloc_fresh(S, t, t->basicsize);
    if (!l) return NULL;
    l->len = l->cap = 0;
    l->items = NULL;
    if (t->dictoffset) *(Dict **)((char *)l + t->dictoffset) = NULL;
    return (Obj *)l;
}

static int list_init(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (args_no_kwargs(S, "list", kwnames) < 0 || args_count(S, "list", nargs, 0, 1) < 0) return -1;
    list_clear_items(S, (List *)self);
    if (nargs == 1) return list_extend(S, self, args[0]);
    return 0;
}

/* ---- methods ---- */

static Obj *m_append(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "append", kw) < 0 || args_count(S, "append", nargs, 1, 1) < 0) return NULL;
    if (list_append(S, self, args[0]) < 0) return NULL;
    return NEWREF(S->none);
}

static Obj *m_extend(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "extend", kw) < 0 || args_count(S, "extend", nargs, 1, 1) < 0) return NULL;
    if (list_extend(S, self, args[0]) < 0) return NULL;
    return NEWREF(S->none);
}

static Obj *m_insert(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "insert", kw) < 0 || args_count(S, "insert", nargs, 2, 2) < 0) return NULL;
    int64_t i;
    if (obj_index_i64(S, args[0], &i, "index") < 0) return NULL;
    List *l = (List *)self;
    int64_t n = (int64_t)l->len;
    if (i < 0) i = i + n < 0 ? 0 : i + n;
    if (i > n) i = n;
    if (list_resize(S, l, l->len + 1) < 0) return NULL;
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(Obj *));
    l->items[i] = NEWREF(args[1]);
    return NEWREF(S->none);
}

static Obj *m_pop(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "pop", kw) < 0 || args_count(S, "pop", nargs, 0, 1) < 0) return NULL;
    List *l = (List *)self;
    int64_t i = -1;
    if (nargs == 1 && obj_index_i64(S, args[0], &i, "index") < 0) return NULL;
    if (l->len == 0) return exc_raisef(S, S->e_IndexError, "pop from empty list");
    if (i < 0) i += (int64_t)l->len;
    if (i < 0 || i >= (int64_t)l->len) return exc_raisef(S, S->e_IndexError, "pop index out of range");
    Obj *v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Obj *));
    l->len--;
    return v;
}

static Obj *m_remove(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "remove", kw) < 0 || args_count(S, "remove", nargs, 1, 1) < 0) return NULL;
    List *l = (List *)self;
    for (size_t i = 0; i < l->len; i++) {
        int r = obj_eq(S, l->items[i], args[0]);
        if (r < 0) return NULL;
        if (r) {
            Obj *v = l->items[i];
            memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(Obj *));
            l->len--;
            DECREF(S, v);
            return NEWREF(S->none);
        }
    }
    return exc_raisef(S, S->e_ValueError, "list.remove(x): x not in list");
}

static Obj *m_index(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "index", kw) < 0 || args_count(S, "index", nargs, 1, 3) < 0) return NULL;
    List *l = (List *)self;
    int64_t start = 0, stop = (int64_t)l->len;
    if (nargs > 1 && obj_index_i64(S, args[1], &start, "index") < 0) return NULL;
    if (nargs > 2 && obj_index_i64(S, args[2], &stop, "index") < 0) return NULL;
    if (start < 0) start = start + (int64_t)l->len < 0 ? 0 : start + (int64_t)l->len;
    if (stop < 0) stop += (int64_t)l->len;
    for (int64_t i = start; i < stop && i < (int64_t)l->len; i++) {
        int r = obj_eq(S, l->items[i], args[0]);
        if (r < 0) return NULL;
        if (r) return int_from_i64(S, i);
    }
    Obj *rep = obj_repr(S, args[0]);
    if (!rep) return NULL;
    exc_raisef(S, S->e_ValueError, "%U is not in list", (Str *)rep);
    DECREF(S, rep);
    return NULL;
}

static Obj *m_count(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "count", kw) < 0 || args_count(S, "count", nargs, 1, 1) < 0) return NULL;
    int64_t n = 0;
    for (size_t i = 0; i < LIST_LEN(self); i++) {
        int r = obj_eq(S, LIST_ITEMS(self)[i], args[0]);
        if (r < 0) return NULL;
        n += r;
    }
    return int_from_i64(S, n);
}

static Obj *m_clear(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "clear", kw) < 0 || args_count(S, "clear", nargs, 0, 0) < 0) return NULL;
    list_clear_items(S, (List *)self);
    return NEWREF(S->none);
}

static Obj *m_copy(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "copy", kw) < 0 || args_count(S, "copy", nargs, 0, 0) < 0) return NULL;
    return list_from_array(S, LIST_ITEMS(self), LIST_LEN(self));
}

static void reverse_items(Obj **items, size_t n) {
    for (size_t i = 0; i < n / 2; i++) {
        Obj *t = items[i];
        items[i] = items[n - 1 - i];
        items[n - 1 - i] = t;
    }
}

static Obj *m_reverse(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "reverse", kw) < 0 || args_count(S, "reverse", nargs, 0, 0) < 0) return NULL;
    reverse_items(LIST_ITEMS(self), LIST_LEN(self));
    return NEWREF(S->none);
}

/* Stable merge sort of keys[] carrying vals[] along; -1 when a comparison fails. */
static int merge_sort(rs_State *S, Obj **keys, Obj **vals, Obj **tk, Obj **tv, size_t n) {
    if (n < 2) return 0;
    if (n <= 8) {
        for (size_t i = 1; i < n; i++) {
            Obj *k = keys[i], *v = vals[i];
            size_t j = i;
            while (j > 0) {
                int lt = obj_richcmp_bool(S, k, keys[j - 1], CMP_LT);
                if (lt < 0) return -1;
                if (!lt) break;
                keys[j] = keys[j - 1];
                vals[j] = vals[j - 1];
                j--;
            }
            keys[j] = k;
            vals[j] = v;
        }
        return 0;
    }
    size_t mid = n / 2;
    if (merge_sort(S, keys, vals, tk, tv, mid) < 0 || merge_sort(S, keys + mid, vals + mid, tk, tv, n - mid) < 0) return -1;
    memcpy(tk, keys, mid * sizeof(Obj *));
    memcpy(tv, vals, mid * sizeof(Obj *));
    size_t i = 0, j = mid, k = 0;
    while (i < mid && j < n) {
        int lt = obj_richcmp_bool(S, keys[j], tk[i], CMP_LT);
        if (lt < 0) {
            /* put the rest back so no reference is lost */
            while (i < mid) {
                keys[k] = tk[i];
                vals[k++] = tv[i++];
            }
            return -1;
        }
        if (lt) {
            keys[k] = keys[j];
            vals[k++] = vals[j++];
        } else {
            keys[k] = tk[i];
            vals[k++] = tv[i++];
        }
    }
    while (i < mid) {
        keys[k] = tk[i];
        vals[k++] = tv[i++];
    }
    return 0;
}

int list_sort(rs_State *S, Obj *list, Obj *key, bool reverse) {
    List *l = (List *)list;
    /* Sort a private copy of the array, as CPython empties the list while sorting. */
    Obj **items = l->items;
    size_t n = l->len, cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    Obj **keys = items;
    int result = 0;
    size_t nkeys = 0;
    Obj **tmp = n ? mem_alloc(&S->mem, n * 2 * sizeof(Obj *)) : NULL;
    if (n && !tmp) {
        exc_nomemory(S);
        result = -1;
        goto restore;
    }
    if (key && key != S->none) {
        keys = mem_alloc(&S->mem, (n ? n : 1) * sizeof(Obj *));
        if (!keys) {
            exc_nomemory(S);
            result = -1;
            goto restore;
        }
        for (; nkeys < n; nkeys++) {
            keys[nkeys] = obj_call1(S, key, items[nkeys]);
            if (!keys[nkeys]) {
                result = -1;
                goto restore;
            }
        }
    }
    if (reverse) {
        reverse_items(keys, n);
        if (keys != items) reverse_items(items, n);
    }
    if (n > 1) result = merge_sort(S, keys, items, tmp, tmp + n, n); /* (tmp is NULL when the list is empty) */
    if (reverse && result == 0) {
        reverse_items(keys, n);
        if (keys != items) reverse_items(items, n);
    }
restore:
    if (keys != items && keys) {
        for (size_t i = 0; i < nkeys; i++) DECREF(S, keys[i]);
        mem_free(&S->mem, keys, (n ? n : 1) * sizeof(Obj *));
    }
    if (tmp) mem_free(&S->mem, tmp, n * 2 * sizeof(Obj *));
    if (l->items) {
        if (result == 0) {
            exc_raisef(S, S->e_ValueError, "list modified during sort");
            result = -1;
        }
        list_clear_items(S, l);
    }
    l->items = items;
    l->len = n;
    l->cap = cap;
    return result;
}

Obj *list_sort_method(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    static const char *const names[] = {"*", "key", "reverse"};
    Obj *a[3];
    if (args_bind(S, "sort", args, nargs, kw, names, 3, 0, a) < 0) return NULL;
    int rev = a[2] ? obj_truth(S, a[2]) : 0;
    if (rev < 0) return NULL;
    if (list_sort(S, self, a[1], rev) < 0) return NULL;
    return NEWREF(S->none);
}

static const CFuncDef list_methods[] = {
    {"append", m_append}, {"extend", m_extend}, {"insert", m_insert}, {"pop", m_pop},
    {"remove", m_remove}, {"index", m_index}, {"count", m_count}, {"clear", m_clear},
    {"copy", m_copy}, {"reverse", m_reverse}, {"sort", list_sort_method}, {NULL, NULL}};

void list_init_type(rs_State *S) {
    Type *t = S->t_list;
    t->dealloc = list_dealloc;
    t->traverse = list_traverse;
    t->clear = list_clear;
    t->repr = list_repr;
    t->richcmp = list_richcmp;
    t->len = list_len;
    t->contains = list_contains;
    t->getitem = list_getitem;
    t->setitem = list_setitem;
    t->binop = list_binop;
    t->iter = list_iter;
    t->tp_new = list_tp_new;
    t->init = list_init;
    cfunc_add_methods(S, t, list_methods);
}
