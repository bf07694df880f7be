/*
 * tuple.c: the tuple type. Items are released last to first on
 * deallocation, as CPython's tupledealloc does.
 */
#include "tuple.h"
#include "../gc/collector.h"
#include <stdarg.h>
#include <string.h>
#include "../core/buf.h"
#include "abstract.h"
#include "cfunc.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "str.h"

static size_t tuple_size(size_t n) { return sizeof(Tuple) + n * sizeof(Obj *); }

Tuple *tuple_new(rs_State *S, size_t n) {
    if (n == 0 && S->empty_tuple) return (Tuple *)NEWREF(S->empty_tuple);
    if (n > (SIZE_MAX - sizeof(Tuple)) / sizeof(Obj *)) return (Tuple *)exc_nomemory(S);
    Tuple *t = (Tuple *)obj_alloc(S, S->t_tuple, tuple_size(n));
    if (!t) return NULL;
    t->len = n;
    memset(t->items, 0, n * sizeof(Obj *));
    return t;
}

Obj *tuple_pack(rs_State *S, size_t n, ...) {
    va_list ap;
    va_start(ap, n);
    Tuple *t = tuple_new(S, n);
    bool complete = t != NULL;
    for (size_t i = 0; i < n; i++) {
        Obj *o = va_arg(ap, Obj *);
        if (!o) complete = false; /* its making failed (out of memory): the exception is set */
        if (t) t->items[i] = o;
        else XDECREF(S, o);
    }
    va_end(ap);
    if (t && !complete) {
        DECREF(S, t);
        return NULL;
    }
    return (Obj *)t;
}

Obj *tuple_from_array(rs_State *S, Obj *const *items, size_t n) {
    Tuple *t = tuple_new(S, n);
    if (!t) return NULL;
    for (size_t i = 0; i < n; i++) t->items[i] = NEWREF(items[i]);
    return (Obj *)t;
}

Obj *tuple_slice(rs_State *S, Tuple *t, size_t start, size_t stop) {
    if (start == 0 && stop == t->len && TYPE(t) == S->t_tuple) return NEWREF(t);
    return tuple_from_array(S, t->items + start, stop > start ? stop - start : 0);
}

static void tuple_dealloc(rs_State *S, Obj *o) {
    Tuple *t = (Tuple *)o;
    gc_untrack(S, o);
    size_t i = t->len;
    while (i-- > 0) XDECREF(S, t->items[i]);
    obj_free(S, o, TYPE(o) == S->t_tuple ? tuple_size(t->len) : TYPE(o)->basicsize + t->len * sizeof(Obj *));
}

static int tuple_traverse(Obj *o, VisitFn visit, void *arg) {
    Tuple *t = (Tuple *)o;
    for (size_t i = t->len; i-- > 0;) /* last to first, as CPython */
        if (t->items[i]) {
            int r = visit(t->items[i], arg);
            if (r) return r;
        }
    return 0;
}

/* Shared by tuple and list: "(a, b)" / "[a, b]". */
Obj *seq_repr(rs_State *S, Obj *const *items, size_t n, const char *open, const char *close, bool one_comma);
Obj *seq_repr(rs_State *S, Obj *const *items, size_t n, const char *open, const char *close, bool one_comma) {
    Buf b;
    buf_init(&b, &S->mem);
    buf_adds(&b, open);
    for (size_t i = 0; i < n; i++) {
        if (i) buf_adds(&b, ", ");
        Obj *r = obj_repr(S, items[i]);
        if (!r) {
            buf_free(&b);
            return NULL;
        }
        buf_add(&b, STR_DATA(r), ((Str *)r)->nbytes);
        DECREF(S, r);
    }
    if (one_comma && n == 1) buf_addc(&b, ',');
    buf_adds(&b, close);
    if (b.failed) {
        buf_free(&b);
        return exc_nomemory(S);
    }
    Obj *r = str_new(S, b.data, b.len);
    buf_free(&b);
    return r;
}

static Obj *tuple_repr(rs_State *S, Obj *o) {
    Tuple *t = (Tuple *)o;
    if (t->len == 0) return str_from_cstr(S, "()");
    int entered = repr_enter(S, o);
    if (entered) return entered > 0 ? str_from_cstr(S, "(...)") : NULL;
    Obj *r = seq_repr(S, t->items, t->len, "(", ")", true);
    repr_leave(S, o);
    return r;
}

/* xxHash-based, as CPython 3.8+ */
static int64_t tuple_hash(rs_State *S, Obj *o) {
    Tuple *t = (Tuple *)o;
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    for (size_t i = 0; i < t->len; i++) {
        int64_t h = obj_hash(S, t->items[i]);
        if (h == -1) return -1;
        acc += (uint64_t)h * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += t->len ^ (P5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

/* Compares two item arrays as sequences do; shared with list. */
Obj *seq_richcmp(rs_State *S, Obj *const *a, size_t na, Obj *const *b, size_t nb, int op);
Obj *seq_richcmp(rs_State *S, Obj *const *a, size_t na, Obj *const *b, size_t nb, int op) {
    if ((op == CMP_EQ || op == CMP_NE) && na != nb) return bool_from(S, op == CMP_NE);
    size_t i;
    for (i = 0; i < na && i < nb; i++) {
        int eq = obj_eq(S, a[i], b[i]);
        if (eq < 0) return NULL;
        if (!eq) break;
    }
    if (i >= na || i >= nb) {
        bool r;
        switch (op) {
        case CMP_LT: r = na < nb; break;
        case CMP_LE: r = na <= nb; break;
        case CMP_EQ: r = na == nb; break;
        case CMP_NE: r = na != nb; break;
        case CMP_GT: r = na > nb; break;
        default: r = na >= nb;
        }
        return bool_from(S, r);
    }
    if (op == CMP_EQ) return NEWREF(S->false_);
    if (op == CMP_NE) return NEWREF(S->true_);
    return obj_richcmp(S, a[i], b[i], op);
}

static Obj *tuple_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if (!IS_TUPLE(b)) return NEWREF(S->notimpl);
    return seq_richcmp(S, TUPLE_ITEMS(a), TUPLE_LEN(a), TUPLE_ITEMS(b), TUPLE_LEN(b), op);
}

static int64_t tuple_len(rs_State *S, Obj *o) {
    (void)S;
    return (int64_t)TUPLE_LEN(o);
}

static int tuple_contains(rs_State *S, Obj *o, Obj *v) {
    for (size_t i = 0; i < TUPLE_LEN(o); i++) {
        int r = obj_eq(S, TUPLE_ITEMS(o)[i], v);
        if (r) return r;
    }
    return 0;
}

static Obj *tuple_getitem(rs_State *S, Obj *o, Obj *key) {
    Tuple *t = (Tuple *)o;
    if (TYPE(key) == S->t_slice) {
        int64_t start, stop, step, count;
        if (slice_indices(S, key, (int64_t)t->len, &start, &stop, &step, &count) < 0) return NULL;
        if (step == 1) return tuple_slice(S, t, (size_t)start, (size_t)(start + count));
        Tuple *r = tuple_new(S, (size_t)count);
        if (!r) return NULL;
        for (int64_t i = 0, k = start; i < count; i++, k += step) r->items[i] = NEWREF(t->items[k]);
        return (Obj *)r;
    }
    int64_t i;
    if (obj_index_i64(S, key, &i, "tuple indices") < 0) return NULL;
    if (i < 0) i += (int64_t)t->len;
    if (i < 0 || i >= (int64_t)t->len) return exc_raisef(S, S->e_IndexError, "tuple index out of range");
    return NEWREF(t->items[i]);
}

static Obj *tuple_binop(rs_State *S, Obj *self, Obj *other, int op, bool reflected) {
    op &= ~OP_INPLACE;
    if (op == OP_ADD && !reflected) {
        if (!IS_TUPLE(other))
            return exc_raisef(S, S->e_TypeError, "can only concatenate tuple (not \"%s\") to tuple", type_name(TYPE(other)));
        size_t na = TUPLE_LEN(self), nb = TUPLE_LEN(other);
        Tuple *r = tuple_new(S, na + nb);
        if (!r) return NULL;
        for (size_t i = 0; i < na; i++) r->items[i] = NEWREF(TUPLE_ITEMS(self)[i]);
        for (size_t i = 0; i < nb; i++) r->items[na + i] = NEWREF(TUPLE_ITEMS(other)[i]);
        return (Obj *)r;
    }
    if (op == OP_MUL && IS_INT(other)) {
        int64_t n;
        if (int_as_i64(S, other, &n) < 0) return NULL;
        size_t len = TUPLE_LEN(self);
        if (n <= 0 || len == 0) return NEWREF(S->empty_tuple);
        if (n == 1 && TYPE(self) == S->t_tuple) return NEWREF(self);
        if ((uint64_t)n > SIZE_MAX / sizeof(Obj *) / len) return exc_nomemory(S);
        Tuple *r = tuple_new(S, len * (size_t)n);
        if (!r) return NULL;
        for (int64_t k = 0; k < n; k++)
            for (size_t i = 0; i < len; i++) r->items[(size_t)k * len + i] = NEWREF(TUPLE_ITEMS(self)[i]);
        return (Obj *)r;
    }
    return NEWREF(S->notimpl);
}

static Obj *tuple_iter(rs_State *S, Obj *o) { return seqiter_new(S, S->t_tuple_iter, o); }

static Obj *tuple_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (args_no_kwargs(S, "tuple", kwnames) < 0 || args_count(S, "tuple", nargs, 0, 1) < 0) return NULL;
    Obj *r;
    if (nargs == 0) r = NEWREF(S->empty_tuple);
    else if (TYPE(args[0]) == S->t_tuple) r = NEWREF(args[0]);
    else if (TYPE(args[0]) == S->t_list) r = tuple_from_array(S, LIST_ITEMS(args[0]), LIST_LEN(args[0]));
    else {
        /* CPython grows the tuple itself; the list is refscope's scratch, invisible to gc.get_count() */
        Obj *l = list_from_iterable(S, args[0]);
        if (!l) return NULL;
        gc_uncount(S, l);
        r = tuple_from_array(S, LIST_ITEMS(l), LIST_LEN(l));
        DECREF(S, l);
    }
    if (!r || t == S->t_tuple) return r;
    size_t n = TUPLE_LEN(r);
    Tuple *sub = (Tuple *)obj_alloc(S, t, t->basicsize + n * sizeof(Obj *));
    if (!sub) {
        DECREF(S, r);
        return NULL;
    }
    sub->len = n;
    for (size_t i = 0; i < n; i++) sub->items[i] = NEWREF(TUPLE_ITEMS(r)[i]);
    DECREF(S, r);
    return (Obj *)sub;
}

static Obj *m_count(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "count", kw) < 0 || args_count(S, "count", nargs, 1, 1) < 0) return NULL;
    int64_t n = 0;
    for (size_t i = 0; i < TUPLE_LEN(self); i++) {
        int r = obj_eq(S, TUPLE_ITEMS(self)[i], args[0]);
        if (r < 0) return NULL;
        n += r;
    }
    return int_from_i64(S, n);
}

static Obj *m_index(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "index", kw) < 0 || args_count(S, "index", nargs, 1, 3) < 0) return NULL;
    for (size_t i = 0; i < TUPLE_LEN(self); i++) {
        int r = obj_eq(S, TUPLE_ITEMS(self)[i], args[0]);
        if (r < 0) return NULL;
        if (r) return int_from_i64(S, (int64_t)i);
    }
    return exc_raisef(S, S->e_ValueError, "tuple.index(x): x not in tuple");
}

static const CFuncDef tuple_methods[] = {{"count", m_count}, {"index", m_index}, {NULL, NULL}};

void tuple_init_type(rs_State *S) {
    Type *t = S->t_tuple;
    t->dealloc = tuple_dealloc;
    t->traverse = tuple_traverse;
    /* no clear, as CPython: a cycle through a tuple always passes through a mutable container too */
    t->repr = tuple_repr;
    t->hash = tuple_hash;
    t->richcmp = tuple_richcmp;
    t->len = tuple_len;
    t->contains = tuple_contains;
    t->getitem = tuple_getitem;
    t->binop = tuple_binop;
    t->iter = tuple_iter;
    t->tp_new = tuple_tp_new;
    cfunc_add_methods(S, t, tuple_methods);
}
