/*
 * abstract.c: the generic operations, dispatched through type slots with
 * CPython's rules: reflected operands tried second (first when the right
 * operand's type is a subclass of the left's), == falling back to identity,
 * attribute lookup through data descriptors, the instance dict, then
 * non-data descriptors and class attributes.
 */
#include "abstract.h"
#include "../gc/collector.h"
#include <string.h>
#include "dict.h"
#include "exception.h"
#include "float.h"
#include "func.h"
#include "int.h"
#include "list.h"
#include "names.h"
#include "str.h"
#include "tuple.h"
#include "typeobj.h"

const char *type_name(Type *t) { return t->heap_name ? STR_DATA(t->heap_name) : t->name; }

Obj *obj_repr(rs_State *S, Obj *o) {
    if (S->depth > S->recursion_limit + 50 || state_stack_exhausted(S))
        return exc_raisef(S, S->e_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    Obj *r = TYPE(o)->repr(S, o);
    if (r && !IS_STR(r)) {
        exc_raisef(S, S->e_TypeError, "__repr__ returned non-string (type %s)", type_name(TYPE(r)));
        DECREF(S, r);
        return NULL;
    }
    return r;
}

int repr_enter(rs_State *S, Obj *o) {
    List *stack = (List *)S->repr_stack;
    if (!S->repr_used) {
        /* CPython makes the thread state's dict and its Py_Repr list on first use: they count */
        S->repr_used = true;
        gc_count_phantom_alloc(S, S->t_dict, 0);
        gc_count_phantom_alloc(S, S->t_list, 0);
    }
    for (size_t i = 0; i < stack->len; i++)
        if (stack->items[i] == o) return 1;
    if (S->repr_depth > 500) {
        exc_raisef(S, S->e_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
        return -1;
    }
    if (list_append(S, S->repr_stack, o) < 0) return -1;
    S->repr_depth++;
    return 0;
}

void repr_leave(rs_State *S, Obj *o) {
    List *stack = (List *)S->repr_stack;
    S->repr_depth--;
    if (stack->len && stack->items[stack->len - 1] == o) {
        stack->len--;
        DECREF(S, o);
    }
}

Obj *obj_str(rs_State *S, Obj *o) {
    if (TYPE(o) == S->t_str) return NEWREF(o);
    if (TYPE(o)->str) return TYPE(o)->str(S, o);
    return obj_repr(S, o);
}

/* C code that recurses through objects (comparing containers, hashing tuples, iterators of iterators) counts
   each level towards the recursion limit, as CPython's Py_EnterRecursiveCall, and stops at the run's C stack
   budget: a RecursionError, never an overflow. */
static __attribute__((noinline, cold)) void recursion_error(rs_State *S, const char *where) {
    S->depth--;
    exc_raisef(S, S->e_RecursionError, "maximum recursion depth exceeded%s", where);
}

static inline bool enter_recursion(rs_State *S, const char *where) {
    if (__builtin_expect(++S->depth > S->recursion_limit + 50 || state_stack_exhausted(S), 0)) {
        recursion_error(S, where);
        return false;
    }
    return true;
}

int64_t obj_hash(rs_State *S, Obj *o) {
    Type *t = TYPE(o);
    if (t == S->t_str) return str_hash((Str *)o);
    if (!t->hash) {
        exc_raisef(S, S->e_TypeError, "unhashable type: '%s'", type_name(t));
        return -1;
    }
    /* a tuple's hash recurses through its items (CPython's overflows the C stack on a deep one) */
    if (!(t->flags & TF_GC)) return t->hash(S, o);
    if (!enter_recursion(S, " while hashing")) return -1;
    int64_t h = t->hash(S, o);
    S->depth--;
    return h;
}

int obj_truth(rs_State *S, Obj *o) {
    if (o == S->true_) return 1;
    if (o == S->false_ || o == S->none) return 0;
    Type *t = TYPE(o);
    if (t->truth) return t->truth(S, o);
    if (t->len) {
        int64_t n = t->len(S, o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

static const int swapped_op[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
static const char *const cmp_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

static Obj *richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    Type *ta = TYPE(a), *tb = TYPE(b);
    bool checked_reverse = false;
    Obj *r;
    if (ta != tb && type_is_subtype(tb, ta) && tb->richcmp) {
        checked_reverse = true;
        r = tb->richcmp(S, b, a, swapped_op[op]);
        if (r != S->notimpl) return r;
        DECREF(S, r);
    }
    if (ta->richcmp) {
        r = ta->richcmp(S, a, b, op);
        if (r != S->notimpl) return r;
        DECREF(S, r);
    }
    if (!checked_reverse && tb->richcmp) {
        r = tb->richcmp(S, b, a, swapped_op[op]);
        if (r != S->notimpl) return r;
        DECREF(S, r);
    }
    if (op == CMP_EQ) return bool_from(S, a == b);
    if (op == CMP_NE) return bool_from(S, a != b);
    return exc_raisef(S, S->e_TypeError, "'%s' not supported between instances of '%s' and '%s'", cmp_symbol[op], type_name(ta),
                      type_name(tb));
}

Obj *obj_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    /* (numbers and strings never recurse: only containers and instances count) */
    bool counted = (TYPE(a)->flags & TF_GC) != 0;
    if (counted && !enter_recursion(S, " in comparison")) return NULL;
    Obj *r = richcmp(S, a, b, op);
    if (counted) S->depth--;
    return r;
}

int obj_richcmp_bool(rs_State *S, Obj *a, Obj *b, int op) {
    if (IS_INT(a) && IS_INT(b) && TYPE(a) == TYPE(b) && !(TYPE(a)->flags & TF_HEAP)) {
        int c = int_compare(a, b);
        switch (op) {
        case CMP_LT: return c < 0;
        case CMP_LE: return c <= 0;
        case CMP_EQ: return c == 0;
        case CMP_NE: return c != 0;
        case CMP_GT: return c > 0;
        default: return c >= 0;
        }
    }
    Obj *r = obj_richcmp(S, a, b, op);
    if (!r) return -1;
    int t = obj_truth(S, r);
    DECREF(S, r);
    return t;
}

int obj_eq(rs_State *S, Obj *a, Obj *b) {
    if (a == b) return 1;
    if (TYPE(a) == S->t_str && TYPE(b) == S->t_str) return str_eq((Str *)a, (Str *)b);
    return obj_richcmp_bool(S, a, b, CMP_EQ);
}

static const char *const binop_symbol[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"};

static Obj *binary_op(rs_State *S, Obj *a, Obj *b, int op, bool augmented) {
    Type *ta = TYPE(a), *tb = TYPE(b);
    Obj *r;
    bool reflected_first = ta != tb && tb->binop && type_is_subtype(tb, ta) && (tb->flags & TF_HEAP);
    if (reflected_first) {
        r = tb->binop(S, b, a, op, true);
        if (r != S->notimpl) return r;
        DECREF(S, r);
    }
    if (ta->binop) {
        r = ta->binop(S, a, b, op, false);
        if (r != S->notimpl) return r;
        DECREF(S, r);
    }
    if (!reflected_first && tb != ta && tb->binop) {
        r = tb->binop(S, b, a, op, true);
        if (r != S->notimpl) return r;
        DECREF(S, r);
    }
    if (op == OP_MUL) {
        bool seq_a = IS_STR(a) || IS_LIST(a) || IS_TUPLE(a), seq_b = IS_STR(b) || IS_LIST(b) || IS_TUPLE(b);
        if ((seq_a && !IS_INT(b)) || (seq_b && !IS_INT(a)))
            return exc_raisef(S, S->e_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(seq_a ? tb : ta));
    }
    if (op == OP_ADD && IS_STR(a) && !augmented)
        return exc_raisef(S, S->e_TypeError, "can only concatenate str (not \"%s\") to str", type_name(tb));
    if (augmented)
        return exc_raisef(S, S->e_TypeError, "unsupported operand type(s) for %s=: '%s' and '%s'",
                          op == OP_POW ? "**" : binop_symbol[op], type_name(ta), type_name(tb));
    return exc_raisef(S, S->e_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", binop_symbol[op], type_name(ta),
                      type_name(tb));
}

Obj *obj_binop(rs_State *S, Obj *a, Obj *b, int op) {
    if (op & OP_INPLACE) {
        Type *ta = TYPE(a);
        if (ta->binop && ((ta->flags & TF_HEAP) || ta == S->t_list || ta == S->t_set || ta == S->t_dict)) {
            Obj *r = ta->binop(S, a, b, op, false);
            if (r != S->notimpl) return r;
            DECREF(S, r);
        }
        return binary_op(S, a, b, op & ~OP_INPLACE, true);
    }
    return binary_op(S, a, b, op, false);
}

Obj *obj_pow3(rs_State *S, Obj *a, Obj *b, Obj *m) {
    if (m == S->none) return obj_binop(S, a, b, OP_POW);
    if (IS_INT(a) && IS_INT(b) && IS_INT(m)) return int_pow_mod(S, a, b, m);
    return exc_raisef(S, S->e_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", type_name(TYPE(a)),
                      type_name(TYPE(b)), type_name(TYPE(m)));
}

Obj *obj_unary(rs_State *S, Obj *o, int which) {
    Type *t = TYPE(o);
    Obj *(*fn)(rs_State *, Obj *) = which == '-' ? t->neg : which == '+' ? t->pos : t->invert;
    if (fn) return fn(S, o);
    return exc_raisef(S, S->e_TypeError, "bad operand type for unary %c: '%s'", which, type_name(t));
}

/* ---- attributes ---- */

Obj *attr_error(rs_State *S, Obj *o, Str *name) {
    if (TYPE(o) == S->t_type || (TYPE(o)->flags & TF_TYPE_SUBCLASS))
        return exc_raisef(S, S->e_AttributeError, "type object '%s' has no attribute '%U'", type_name((Type *)o), name);
    return exc_raisef(S, S->e_AttributeError, "'%s' object has no attribute '%U'", type_name(TYPE(o)), name);
}

Obj *object_get_dict(rs_State *S, Obj *o);
int object_set_dict(rs_State *S, Obj *o, Obj *v);

Obj *obj_generic_getattr(rs_State *S, Obj *o, Str *name) {
    Type *t = TYPE(o);
    Obj *descr = type_lookup(S, t, name);
    if (descr) {
        Type *dt = TYPE(descr);
        if (dt->descr_get && dt->descr_set) return dt->descr_get(S, descr, o, (Obj *)t);
    }
    Dict **dp = obj_dict_ptr(S, o);
    if (dp) {
        if (*dp) {
            Obj *v = dict_get_str(S, *dp, name);
            if (v) return NEWREF(v);
        }
        if (name == NAME(__dict__)) return object_get_dict(S, o);
    }
    if (descr) {
        Type *dt = TYPE(descr);
        if (dt->descr_get) return dt->descr_get(S, descr, o, (Obj *)t);
        return NEWREF(descr);
    }
    return attr_error(S, o, name);
}

int obj_generic_setattr(rs_State *S, Obj *o, Str *name, Obj *v) {
    Type *t = TYPE(o);
    Obj *descr = type_lookup(S, t, name);
    if (descr && TYPE(descr)->descr_set) return TYPE(descr)->descr_set(S, descr, o, v);
    Dict **dp = obj_dict_ptr(S, o);
    if (!dp) {
        if (descr)
            exc_raisef(S, S->e_AttributeError, "'%s' object attribute '%U' is read-only", type_name(t), name);
        else
            exc_raisef(S, S->e_AttributeError, "'%s' object has no attribute '%U'", type_name(t), name);
        return -1;
    }
    if (name == NAME(__dict__)) return object_set_dict(S, o, v);
    if (!*dp) {
        if (!v) {
            attr_error(S, o, name);
            return -1;
        }
        if (!(*dp = (Dict *)dict_new(S))) return -1;
        /* instance attributes are scanned through the instance, as CPython 3.11's inline values */
        AS_GC(*dp)->gc_flags |= GCF_MANAGED;
        gc_uncount(S, (Obj *)*dp);
    }
    if (!v) {
        Obj *old = dict_pop(S, *dp, (Obj *)name);
        if (!old) {
            if (!S->exc) attr_error(S, o, name);
            return -1;
        }
        DECREF(S, old);
        return 0;
    }
    return dict_set(S, *dp, (Obj *)name, v);
}

Obj *obj_getattr(rs_State *S, Obj *o, Str *name) {
    Type *t = TYPE(o);
    if (t->getattr) return t->getattr(S, o, name);
    return obj_generic_getattr(S, o, name);
}

Obj *obj_getattr_cstr(rs_State *S, Obj *o, const char *name) {
    Obj *n = str_intern_cstr(S, name);
    if (!n) return NULL;
    Obj *r = obj_getattr(S, o, (Str *)n);
    DECREF(S, n);
    return r;
}

Obj *obj_lookup_attr(rs_State *S, Obj *o, Str *name) {
    S->attr_quiet++;
    Obj *r = obj_getattr(S, o, name);
    S->attr_quiet--;
    if (!r && exc_matches(S, S->e_AttributeError)) exc_clear(S);
    return r;
}

int obj_setattr(rs_State *S, Obj *o, Str *name, Obj *v) {
    Type *t = TYPE(o);
    if (t->setattr) return t->setattr(S, o, name, v);
    if (type_lookup(S, t, name))
        exc_raisef(S, S->e_AttributeError, "'%s' object attribute '%U' is read-only", type_name(t), name);
    else
        exc_raisef(S, S->e_AttributeError, "'%s' object has no attribute '%U'", type_name(t), name);
    return -1;
}

/* ---- calls ---- */

Obj *obj_call(rs_State *S, Obj *f, Obj *const *args, size_t nargs, Tuple *kwnames) {
    CallFn call = TYPE(f)->call;
    if (!call) return exc_raisef(S, S->e_TypeError, "'%s' object is not callable", type_name(TYPE(f)));
    if (++S->depth > S->recursion_limit || state_stack_exhausted(S)) {
        S->depth--;
        return exc_raisef(S, S->e_RecursionError, "maximum recursion depth exceeded");
    }
    Obj *r = call(S, f, args, nargs, kwnames && kwnames->len ? kwnames : NULL);
    S->depth--;
    return r;
}

Obj *obj_call0(rs_State *S, Obj *f) { return obj_call(S, f, NULL, 0, NULL); }
Obj *obj_call1(rs_State *S, Obj *f, Obj *a) { return obj_call(S, f, &a, 1, NULL); }
Obj *obj_call2(rs_State *S, Obj *f, Obj *a, Obj *b) {
    Obj *args[2] = {a, b};
    return obj_call(S, f, args, 2, NULL);
}

Obj *obj_call_method(rs_State *S, Obj *o, Str *name, Obj *const *args, size_t nargs) {
    Obj *m = obj_getattr(S, o, name);
    if (!m) return NULL;
    Obj *r = obj_call(S, m, args, nargs, NULL);
    DECREF(S, m);
    return r;
}

Obj *obj_function_str(rs_State *S, Obj *f) {
    Obj *qualname = obj_lookup_attr(S, f, NAME(__qualname__));
    if (!qualname) return S->exc ? NULL : obj_str(S, f);
    Obj *module = obj_lookup_attr(S, f, NAME(__module__));
    Obj *r;
    if (module && module != S->none && !(IS_STR(module) && str_eq_cstr(module, "builtins")))
        r = str_fromf(S, "%S.%S()", module, qualname);
    else
        r = S->exc ? NULL : str_fromf(S, "%S()", qualname);
    XDECREF(S, module);
    DECREF(S, qualname);
    return r;
}

Obj *obj_call_ex(rs_State *S, Obj *f, Obj *args, Obj *kwargs) {
    size_t npos = TUPLE_LEN(args), nkw = kwargs ? ((Dict *)kwargs)->used : 0;
    if (nkw == 0) return obj_call(S, f, TUPLE_ITEMS(args), npos, NULL);
    Obj *small[16], **buf = small;
    if (npos + nkw > 16) {
        buf = mem_alloc(&S->mem, (npos + nkw) * sizeof(Obj *));
        if (!buf) return exc_nomemory(S);
    }
    Tuple *names = tuple_new(S, nkw);
    if (!names) {
        if (buf != small) mem_free(&S->mem, buf, (npos + nkw) * sizeof(Obj *));
        return NULL;
    }
    memcpy(buf, TUPLE_ITEMS(args), npos * sizeof(Obj *));
    size_t pos = 0, i = 0;
    Obj *k, *v;
    Obj *r = NULL;
    while (dict_next((Dict *)kwargs, &pos, &k, &v)) {
        if (!IS_STR(k)) {
            exc_raisef(S, S->e_TypeError, "keywords must be strings");
            goto done;
        }
        names->items[i] = NEWREF(k);
        buf[npos + i] = v;
        i++;
    }
    r = obj_call(S, f, buf, npos, names);
done:
    DECREF(S, names);
    if (buf != small) mem_free(&S->mem, buf, (npos + nkw) * sizeof(Obj *));
    return r;
}

/* ---- iteration and containers ---- */

Obj *obj_iter(rs_State *S, Obj *o) {
    Type *t = TYPE(o);
    if (t->iter) {
        Obj *it = t->iter(S, o);
        if (it && !TYPE(it)->next) {
            exc_raisef(S, S->e_TypeError, "iter() returned non-iterator of type '%s'", type_name(TYPE(it)));
            DECREF(S, it);
            return NULL;
        }
        return it;
    }
    if (t->flags & TF_ABSTRACT_ITER) return NEWREF(o);
    if (t->getitem && t != S->t_dict) {
        extern Obj *seqiter_new(rs_State * S, Type * t, Obj * seq);
        return seqiter_new(S, S->t_seq_iter, o);
    }
    return exc_raisef(S, S->e_TypeError, "'%s' object is not iterable", type_name(t));
}

Obj *obj_next(rs_State *S, Obj *it) {
    Type *t = TYPE(it);
    if (!t->next) return exc_raisef(S, S->e_TypeError, "'%s' object is not an iterator", type_name(t));
    /* map(f, map(f, ...)) a million deep recurses here (CPython's overflows) */
    if (!enter_recursion(S, "")) return NULL;
    Obj *r = t->next(S, it);
    S->depth--;
    return r;
}

int64_t obj_len(rs_State *S, Obj *o) {
    Type *t = TYPE(o);
    if (!t->len) {
        exc_raisef(S, S->e_TypeError, "object of type '%s' has no len()", type_name(t));
        return -1;
    }
    return t->len(S, o);
}

Obj *obj_getitem(rs_State *S, Obj *o, Obj *key) {
    Type *t = TYPE(o);
    if (t->getitem) return t->getitem(S, o, key);
    if (t == S->t_type || (t->flags & TF_TYPE_SUBCLASS))
        return exc_raisef(S, S->e_TypeError, "type '%s' is not subscriptable", type_name((Type *)o));
    return exc_raisef(S, S->e_TypeError, "'%s' object is not subscriptable", type_name(t));
}

int obj_setitem(rs_State *S, Obj *o, Obj *key, Obj *v) {
    Type *t = TYPE(o);
    if (t->setitem) return t->setitem(S, o, key, v);
    exc_raisef(S, S->e_TypeError, "'%s' object does not support item assignment", type_name(t));
    return -1;
}

int obj_delitem(rs_State *S, Obj *o, Obj *key) {
    Type *t = TYPE(o);
    if (t->setitem) return t->setitem(S, o, key, NULL);
    exc_raisef(S, S->e_TypeError, "'%s' object doesn't support item deletion", type_name(t));
    return -1;
}

int obj_contains(rs_State *S, Obj *container, Obj *v) {
    Type *t = TYPE(container);
    if (t->contains) return t->contains(S, container, v);
    Obj *it = obj_iter(S, container);
    if (!it) {
        if (exc_matches(S, S->e_TypeError)) {
            exc_clear(S);
            exc_raisef(S, S->e_TypeError, "argument of type '%s' is not iterable", type_name(t));
        }
        return -1;
    }
    Obj *item;
    while ((item = obj_next(S, it))) {
        int eq = obj_eq(S, item, v);
        DECREF(S, item);
        if (eq) {
            DECREF(S, it);
            return eq;
        }
    }
    DECREF(S, it);
    return S->exc ? -1 : 0;
}

Obj *obj_index(rs_State *S, Obj *o) {
    if (IS_INT(o)) return NEWREF(o);
    if (TYPE(o)->to_int) {
        Obj *r = TYPE(o)->to_int(S, o);
        if (r && !IS_INT(r)) {
            exc_raisef(S, S->e_TypeError, "__index__ returned non-int (type %s)", type_name(TYPE(r)));
            DECREF(S, r);
            return NULL;
        }
        return r;
    }
    return exc_raisef(S, S->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(o)));
}

int obj_index_i64(rs_State *S, Obj *o, int64_t *out, const char *what) {
    if (IS_INT(o) && INT_IS_SMALL(o)) {
        *out = ((Int *)o)->small;
        return 0;
    }
    if (!IS_INT(o) && !TYPE(o)->to_int) {
        if (what && strstr(what, "indices"))
            exc_raisef(S, S->e_TypeError, "%s must be integers or slices, not %s", what, type_name(TYPE(o)));
        else
            exc_raisef(S, S->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(o)));
        return -1;
    }
    Obj *i = obj_index(S, o);
    if (!i) return -1;
    int r = int_as_i64(S, i, out);
    if (r < 0) {
        exc_clear(S);
        exc_raisef(S, S->e_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    DECREF(S, i);
    return r;
}

static bool is_type(rs_State *S, Obj *o) { return TYPE(o) == S->t_type || (TYPE(o)->flags & TF_TYPE_SUBCLASS); }

int obj_isinstance(rs_State *S, Obj *o, Obj *cls) {
    if (IS_TUPLE(cls)) {
        for (size_t i = 0; i < TUPLE_LEN(cls); i++) {
            int r = obj_isinstance(S, o, TUPLE_ITEMS(cls)[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!is_type(S, cls)) {
        exc_raisef(S, S->e_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    if (is_instance_of(o, (Type *)cls)) return 1;
    if (TYPE(cls) != S->t_type) {
        Obj *name = str_intern_cstr(S, "__instancecheck__");
        Obj *check = name ? type_lookup(S, TYPE(cls), (Str *)name) : NULL;
        XDECREF(S, name);
        if (check && TYPE(check) == S->t_function) {
            Obj *r = obj_call2(S, check, cls, o);
            if (!r) return -1;
            int t = obj_truth(S, r);
            DECREF(S, r);
            return t;
        }
    }
    return 0;
}

int obj_issubclass(rs_State *S, Obj *derived, Obj *cls) {
    if (!is_type(S, derived)) {
        exc_raisef(S, S->e_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (IS_TUPLE(cls)) {
        for (size_t i = 0; i < TUPLE_LEN(cls); i++) {
            int r = obj_issubclass(S, derived, TUPLE_ITEMS(cls)[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!is_type(S, cls)) {
        exc_raisef(S, S->e_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return type_is_subtype((Type *)derived, (Type *)cls);
}

Obj *obj_format(rs_State *S, Obj *value, Obj *spec) {
    Type *t = TYPE(value);
    if (!(t->flags & TF_HEAP) && (IS_STR(value) || IS_INT(value) || IS_FLOAT(value))) return str_format_spec(S, value, spec);
    Obj *f = type_lookup(S, t, NAME(__format__));
    if (!f) return exc_raisef(S, S->e_TypeError, "Type %s doesn't define __format__", type_name(t));
    Obj *r;
    if (TYPE(f) == S->t_function) r = obj_call2(S, f, value, spec);
    else {
        Obj *bound = TYPE(f)->descr_get ? TYPE(f)->descr_get(S, f, value, (Obj *)t) : NEWREF(f);
        r = bound ? obj_call1(S, bound, spec) : NULL;
        XDECREF(S, bound);
    }
    if (r && !IS_STR(r)) {
        exc_raisef(S, S->e_TypeError, "__format__ must return a str, not %s", type_name(TYPE(r)));
        DECREF(S, r);
        return NULL;
    }
    return r;
}
