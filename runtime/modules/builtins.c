/*
 * builtins.c: the builtins module: the functions a Python programmer uses
 * daily, the built-in types under their names, and the exception classes.
 */
#include <math.h>
#include <string.h>
#include "registry.h"
#include "../core/io.h"
#include "../objects/fileobj.h"
#include "../gc/collector.h"
#include "../compiler/compile.h"
#include "../core/buf.h"
#include "../core/util.h"
#include "../objects/abstract.h"
#include "../objects/cfunc.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/float.h"
#include "../objects/frame.h"
#include "../objects/int.h"
#include "../objects/iter.h"
#include "../objects/list.h"
#include "../objects/module.h"
#include "../objects/names.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/typeobj.h"
#include "../vm/vm.h"

Obj *callable_iter_new(rs_State *S, Obj *callable, Obj *sentinel);

#define BUILTIN(name) static Obj *bi_##name(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw)
#define UNUSED_SELF (void)self

static int write_to(rs_State *S, Obj *file, const char *data, size_t len) {
    if (!file || file == S->none) {
        io_write(S, 1, data, len);
        return 0;
    }
    Obj *s = str_new(S, data, len);
    if (!s) return -1;
    Obj *r = obj_call_method(S, file, NAME(write), &s, 1);
    DECREF(S, s);
    if (!r) return -1;
    DECREF(S, r);
    return 0;
}

BUILTIN(print) {
    UNUSED_SELF;
    Obj *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    for (size_t i = 0; kw && i < kw->len; i++) {
        Obj *k = kw->items[i], *v = args[nargs + i];
        if (str_eq_cstr(k, "sep")) sep = v;
        else if (str_eq_cstr(k, "end")) end = v;
        else if (str_eq_cstr(k, "file")) file = v;
        else if (str_eq_cstr(k, "flush")) flush = v;
        else return exc_raisef(S, S->e_TypeError, "'%U' is an invalid keyword argument for print()", (Str *)k);
    }
    if (sep == S->none) sep = NULL;
    if (end == S->none) end = NULL;
    if (sep && !IS_STR(sep)) return exc_raisef(S, S->e_TypeError, "sep must be None or a string, not %s", type_name(TYPE(sep)));
    if (end && !IS_STR(end)) return exc_raisef(S, S->e_TypeError, "end must be None or a string, not %s", type_name(TYPE(end)));
    (void)flush;
    if (file && file != S->none) {
        for (size_t i = 0; i < nargs; i++) {
            if (i && write_to(S, file, sep ? STR_DATA(sep) : " ", sep ? ((Str *)sep)->nbytes : 1) < 0) return NULL;
            Obj *s = obj_str(S, args[i]);
            if (!s) return NULL;
            int r = write_to(S, file, STR_DATA(s), ((Str *)s)->nbytes);
            DECREF(S, s);
            if (r < 0) return NULL;
        }
        if (write_to(S, file, end ? STR_DATA(end) : "\n", end ? ((Str *)end)->nbytes : 1) < 0) return NULL;
        return NEWREF(S->none);
    }
    /* Build the whole line first, so a failing str() prints nothing, as CPython's print does per argument. */
    Buf b;
    buf_init(&b, &S->mem);
    for (size_t i = 0; i < nargs; i++) {
        if (i) buf_add(&b, sep ? STR_DATA(sep) : " ", sep ? ((Str *)sep)->nbytes : 1);
        Obj *s = obj_str(S, args[i]);
        if (!s) {
            if (b.len) io_write(S, 1, b.data, b.len);
            buf_free(&b);
            return NULL;
        }
        buf_add(&b, STR_DATA(s), ((Str *)s)->nbytes);
        DECREF(S, s);
    }
    buf_add(&b, end ? STR_DATA(end) : "\n", end ? ((Str *)end)->nbytes : 1);
    if (b.failed) {
        buf_free(&b);
        return exc_nomemory(S);
    }
    io_write(S, 1, b.data, b.len);
    buf_free(&b);
    return NEWREF(S->none);
}

BUILTIN(len) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "len", kw) < 0 || args_count(S, "len", nargs, 1, 1) < 0) return NULL;
    int64_t n = obj_len(S, args[0]);
    return n < 0 ? NULL : int_from_i64(S, n);
}

BUILTIN(repr) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "repr", kw) < 0 || args_count(S, "repr", nargs, 1, 1) < 0) return NULL;
    return obj_repr(S, args[0]);
}

BUILTIN(ascii) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "ascii", kw) < 0 || args_count(S, "ascii", nargs, 1, 1) < 0) return NULL;
    Obj *r = obj_repr(S, args[0]);
    if (!r || ((Str *)r)->ascii) return r;
    Buf b;
    buf_init(&b, &S->mem);
    Str *s = (Str *)r;
    for (size_t i = 0; i < s->nbytes;) {
        unsigned cp;
        size_t n = util_utf8_decode((const unsigned char *)s->data + i, s->nbytes - i, &cp);
        if (n == 0) n = 1, cp = (unsigned char)s->data[i];
        if (cp < 0x80) buf_addc(&b, (char)cp);
        else if (cp < 0x100) buf_printf(&b, "\\x%02x", cp);
        else if (cp < 0x10000) buf_printf(&b, "\\u%04x", cp);
        else buf_printf(&b, "\\U%08x", cp);
        i += n;
    }
    DECREF(S, r);
    r = b.failed ? exc_nomemory(S) : str_new(S, b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

BUILTIN(id) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "id", kw) < 0 || args_count(S, "id", nargs, 1, 1) < 0) return NULL;
    return int_from_u64(S, (uint64_t)(uintptr_t)args[0]);
}

BUILTIN(hash) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "hash", kw) < 0 || args_count(S, "hash", nargs, 1, 1) < 0) return NULL;
    int64_t h = obj_hash(S, args[0]);
    return h == -1 ? NULL : int_from_i64(S, h);
}

BUILTIN(abs) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "abs", kw) < 0 || args_count(S, "abs", nargs, 1, 1) < 0) return NULL;
    Type *t = TYPE(args[0]);
    if (!t->absolute) return exc_raisef(S, S->e_TypeError, "bad operand type for abs(): '%s'", type_name(t));
    return t->absolute(S, args[0]);
}

BUILTIN(isinstance) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "isinstance", kw) < 0 || args_count(S, "isinstance", nargs, 2, 2) < 0) return NULL;
    int r = obj_isinstance(S, args[0], args[1]);
    return r < 0 ? NULL : bool_from(S, r);
}

BUILTIN(issubclass) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "issubclass", kw) < 0 || args_count(S, "issubclass", nargs, 2, 2) < 0) return NULL;
    int r = obj_issubclass(S, args[0], args[1]);
    return r < 0 ? NULL : bool_from(S, r);
}

static int attr_name(rs_State *S, Obj *name, const char *fn) {
    if (IS_STR(name)) return 0;
    (void)fn;
    exc_raisef(S, S->e_TypeError, "attribute name must be string, not '%s'", type_name(TYPE(name)));
    return -1;
}

BUILTIN(getattr) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "getattr", kw) < 0 || args_count(S, "getattr", nargs, 2, 3) < 0) return NULL;
    if (attr_name(S, args[1], "getattr") < 0) return NULL;
    Obj *name = str_intern(S, NEWREF(args[1]));
    if (!name) return NULL;
    Obj *r = nargs == 3 ? obj_lookup_attr(S, args[0], (Str *)name) : obj_getattr(S, args[0], (Str *)name);
    DECREF(S, name);
    if (!r && nargs == 3 && !S->exc) return NEWREF(args[2]);
    return r;
}

BUILTIN(setattr) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "setattr", kw) < 0 || args_count(S, "setattr", nargs, 3, 3) < 0) return NULL;
    if (attr_name(S, args[1], "setattr") < 0) return NULL;
    Obj *name = str_intern(S, NEWREF(args[1]));
    if (!name) return NULL;
    int r = obj_setattr(S, args[0], (Str *)name, args[2]);
    DECREF(S, name);
    return r < 0 ? NULL : NEWREF(S->none);
}

BUILTIN(delattr) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "delattr", kw) < 0 || args_count(S, "delattr", nargs, 2, 2) < 0) return NULL;
    if (attr_name(S, args[1], "delattr") < 0) return NULL;
    Obj *name = str_intern(S, NEWREF(args[1]));
    if (!name) return NULL;
    int r = obj_setattr(S, args[0], (Str *)name, NULL);
    DECREF(S, name);
    return r < 0 ? NULL : NEWREF(S->none);
}

BUILTIN(hasattr) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "hasattr", kw) < 0 || args_count(S, "hasattr", nargs, 2, 2) < 0) return NULL;
    if (attr_name(S, args[1], "hasattr") < 0) return NULL;
    Obj *name = str_intern(S, NEWREF(args[1]));
    if (!name) return NULL;
    Obj *r = obj_lookup_attr(S, args[0], (Str *)name);
    DECREF(S, name);
    if (r) {
        DECREF(S, r);
        return NEWREF(S->true_);
    }
    if (!S->exc) {
        return NEWREF(S->false_);
    }
    return NULL;
}

BUILTIN(callable) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "callable", kw) < 0 || args_count(S, "callable", nargs, 1, 1) < 0) return NULL;
    Type *t = TYPE(args[0]);
    bool c = t->call != NULL;
    if (c && (t->flags & TF_HEAP) && !(t->flags & TF_TYPE_SUBCLASS)) c = type_lookup(S, t, NAME(__call__)) != NULL;
    return bool_from(S, c);
}

BUILTIN(iter) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "iter", kw) < 0 || args_count(S, "iter", nargs, 1, 2) < 0) return NULL;
    if (nargs == 2) {
        if (!TYPE(args[0])->call) return exc_raisef(S, S->e_TypeError, "iter(v, w): v must be callable");
        return callable_iter_new(S, args[0], args[1]);
    }
    return obj_iter(S, args[0]);
}

BUILTIN(next) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "next", kw) < 0 || args_count(S, "next", nargs, 1, 2) < 0) return NULL;
    if (!TYPE(args[0])->next) return exc_raisef(S, S->e_TypeError, "'%s' object is not an iterator", type_name(TYPE(args[0])));
    Obj *r = obj_next(S, args[0]);
    if (r || (S->exc && !exc_matches(S, S->e_StopIteration))) return r;
    if (nargs == 2) {
        exc_clear(S);
        return NEWREF(args[1]);
    }
    if (!S->exc) exc_raise(S, (Obj *)S->e_StopIteration);
    return NULL;
}

static Obj *any_all(rs_State *S, Obj *iterable, bool want) {
    Obj *it = obj_iter(S, iterable);
    if (!it) return NULL;
    Obj *v;
    while ((v = obj_next(S, it))) {
        int t = obj_truth(S, v);
        DECREF(S, v);
        if (t < 0) {
            DECREF(S, it);
            return NULL;
        }
        if (t == want) {
            DECREF(S, it);
            return bool_from(S, want);
        }
    }
    DECREF(S, it);
    if (S->exc) return NULL;
    return bool_from(S, !want);
}

BUILTIN(any) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "any", kw) < 0 || args_count(S, "any", nargs, 1, 1) < 0) return NULL;
    return any_all(S, args[0], true);
}

BUILTIN(all) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "all", kw) < 0 || args_count(S, "all", nargs, 1, 1) < 0) return NULL;
    return any_all(S, args[0], false);
}

BUILTIN(sum) {
    UNUSED_SELF;
    static const char *const names[] = {"iterable", "start"};
    Obj *a[2];
    if (args_bind(S, "sum", args, nargs, kw, names, 2, 1, a) < 0) return NULL;
    if (a[1] && IS_STR(a[1])) return exc_raisef(S, S->e_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Obj *acc = a[1] ? NEWREF(a[1]) : int_from_i64(S, 0);
    Obj *it = acc ? obj_iter(S, a[0]) : NULL;
    if (!it) {
        XDECREF(S, acc);
        return NULL;
    }
    Obj *v;
    while ((v = obj_next(S, it))) {
        Obj *r;
        if (TYPE(acc) == S->t_int && TYPE(v) == S->t_int) r = int_binary(S, acc, v, OP_ADD);
        else if (TYPE(acc) == S->t_float && TYPE(v) == S->t_float) r = float_new(S, FLOAT_VAL(acc) + FLOAT_VAL(v));
        else r = obj_binop(S, acc, v, OP_ADD);
        DECREF(S, v);
        DECREF(S, acc);
        acc = r;
        if (!acc) break;
    }
    DECREF(S, it);
    if (S->exc) {
        XDECREF(S, acc);
        return NULL;
    }
    return acc;
}

static Obj *min_max(rs_State *S, Obj *const *args, size_t nargs, Tuple *kw, int op, const char *name) {
    Obj *key = NULL, *def = NULL;
    for (size_t i = 0; kw && i < kw->len; i++) {
        if (str_eq_cstr(kw->items[i], "key")) key = args[nargs + i];
        else if (str_eq_cstr(kw->items[i], "default")) def = args[nargs + i];
        else return exc_raisef(S, S->e_TypeError, "%s() got an unexpected keyword argument '%U'", name, (Str *)kw->items[i]);
    }
    if (key == S->none) key = NULL;
    if (nargs == 0) return exc_raisef(S, S->e_TypeError, "%s expected at least 1 argument, got 0", name);
    Obj *it;
    if (nargs == 1) {
        it = obj_iter(S, args[0]);
    } else {
        if (def) return exc_raisef(S, S->e_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
        /* CPython iterates over its packed arguments tuple, which the call already counted */
        Obj *t = tuple_from_array(S, args, nargs);
        if (t) gc_uncount(S, t);
        it = t ? obj_iter(S, t) : NULL;
        XDECREF(S, t);
    }
    if (!it) return NULL;
    Obj *best = NULL, *best_key = NULL, *v;
    while ((v = obj_next(S, it))) {
        Obj *k = key ? obj_call1(S, key, v) : NEWREF(v);
        if (!k) {
            DECREF(S, v);
            break;
        }
        if (!best) {
            best = v;
            best_key = k;
            continue;
        }
        int better = obj_richcmp_bool(S, k, best_key, op);
        if (better < 0) {
            DECREF(S, v);
            DECREF(S, k);
            break;
        }
        if (better) {
            DECREF(S, best);
            DECREF(S, best_key);
            best = v;
            best_key = k;
        } else {
            DECREF(S, v);
            DECREF(S, k);
        }
    }
    DECREF(S, it);
    XDECREF(S, best_key);
    if (S->exc) {
        XDECREF(S, best);
        return NULL;
    }
    if (!best) {
        if (def) return NEWREF(def);
        return exc_raisef(S, S->e_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
}

BUILTIN(min) {
    UNUSED_SELF;
    return min_max(S, args, nargs, kw, CMP_LT, "min");
}

BUILTIN(max) {
    UNUSED_SELF;
    return min_max(S, args, nargs, kw, CMP_GT, "max");
}

BUILTIN(sorted) {
    UNUSED_SELF;
    if (nargs != 1) return exc_raisef(S, S->e_TypeError, nargs == 0 ? "sorted expected 1 argument, got 0" : "sorted expected 1 argument, got %zu", nargs);
    Obj *l = list_from_iterable(S, args[0]);
    if (!l) return NULL;
    Obj *r = list_sort_method(S, l, args + 1, 0, kw);
    if (!r) {
        DECREF(S, l);
        return NULL;
    }
    DECREF(S, r);
    return l;
}

BUILTIN(round) {
    UNUSED_SELF;
    static const char *const names[] = {"number", "ndigits"};
    Obj *a[2];
    if (args_bind(S, "round", args, nargs, kw, names, 2, 1, a) < 0) return NULL;
    Obj *f = type_lookup(S, TYPE(a[0]), NAME(__round__));
    if (!f) return exc_raisef(S, S->e_TypeError, "type %s doesn't define __round__ method", type_name(TYPE(a[0])));
    Obj *m = TYPE(f)->descr_get ? TYPE(f)->descr_get(S, f, a[0], (Obj *)TYPE(a[0])) : NEWREF(f);
    if (!m) return NULL;
    Obj *r = a[1] ? obj_call1(S, m, a[1]) : obj_call0(S, m);
    DECREF(S, m);
    return r;
}

BUILTIN(divmod) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "divmod", kw) < 0 || args_count(S, "divmod", nargs, 2, 2) < 0) return NULL;
    Obj *q = obj_binop(S, args[0], args[1], OP_FLOORDIV);
    if (!q) {
        if (exc_matches(S, S->e_TypeError)) {
            exc_clear(S);
            return exc_raisef(S, S->e_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", type_name(TYPE(args[0])),
                              type_name(TYPE(args[1])));
        }
        return NULL;
    }
    Obj *r = obj_binop(S, args[0], args[1], OP_MOD);
    if (!r) {
        DECREF(S, q);
        return NULL;
    }
    return tuple_pack(S, 2, q, r);
}

BUILTIN(pow) {
    UNUSED_SELF;
    static const char *const names[] = {"base", "exp", "mod"};
    Obj *a[3];
    if (args_bind(S, "pow", args, nargs, kw, names, 3, 2, a) < 0) return NULL;
    if (a[2] && a[2] != S->none) return obj_pow3(S, a[0], a[1], a[2]);
    return obj_binop(S, a[0], a[1], OP_POW);
}

BUILTIN(chr) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "chr", kw) < 0 || args_count(S, "chr", nargs, 1, 1) < 0) return NULL;
    int64_t cp;
    if (obj_index_i64(S, args[0], &cp, "chr") < 0) return NULL;
    if (cp < 0 || cp > 0x10FFFF) return exc_raisef(S, S->e_ValueError, "chr() arg not in range(0x110000)");
    if (cp >= 0xD800 && cp <= 0xDFFF) return exc_raisef(S, S->e_ValueError, "surrogate code points are not supported");
    return str_from_codepoint(S, (unsigned)cp);
}

BUILTIN(ord) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "ord", kw) < 0 || args_count(S, "ord", nargs, 1, 1) < 0) return NULL;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "ord() expected string of length 1, but %s found", type_name(TYPE(args[0])));
    Str *s = (Str *)args[0];
    if (s->len != 1) return exc_raisef(S, S->e_TypeError, "ord() expected a character, but string of length %zu found", s->len);
    unsigned cp = 0;
    util_utf8_decode((const unsigned char *)s->data, s->nbytes, &cp);
    return int_from_i64(S, cp);
}

static Obj *base_repr(rs_State *S, Obj *const *args, size_t nargs, Tuple *kw, int base, const char *name) {
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 1, 1) < 0) return NULL;
    Obj *i = obj_index(S, args[0]);
    if (!i) return NULL;
    Obj *r = int_to_base_string(S, i, base, true);
    DECREF(S, i);
    return r;
}

BUILTIN(hex) {
    UNUSED_SELF;
    return base_repr(S, args, nargs, kw, 16, "hex");
}
BUILTIN(oct) {
    UNUSED_SELF;
    return base_repr(S, args, nargs, kw, 8, "oct");
}
BUILTIN(bin) {
    UNUSED_SELF;
    return base_repr(S, args, nargs, kw, 2, "bin");
}

BUILTIN(format) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "format", kw) < 0 || args_count(S, "format", nargs, 1, 2) < 0) return NULL;
    if (nargs == 2 && !IS_STR(args[1])) return exc_raisef(S, S->e_TypeError, "format() argument 2 must be str, not %s", type_name(TYPE(args[1])));
    return obj_format(S, args[0], nargs == 2 ? args[1] : (Obj *)S->empty_str);
}

static Dict *current_globals(rs_State *S) { return S->frame ? S->frame->globals : ((Module *)S->main_module)->dict; }

static Obj *current_locals(rs_State *S) {
    Frame *f = S->frame;
    if (!f) return NEWREF(((Module *)S->main_module)->dict);
    if (f->locals) return NEWREF(f->locals);
    return obj_getattr_cstr(S, (Obj *)f, "f_locals");
}

BUILTIN(globals) {
    UNUSED_SELF;
    (void)args;
    if (args_no_kwargs(S, "globals", kw) < 0 || args_count(S, "globals", nargs, 0, 0) < 0) return NULL;
    return NEWREF(current_globals(S));
}

BUILTIN(locals) {
    UNUSED_SELF;
    (void)args;
    if (args_no_kwargs(S, "locals", kw) < 0 || args_count(S, "locals", nargs, 0, 0) < 0) return NULL;
    return current_locals(S);
}

BUILTIN(vars) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "vars", kw) < 0 || args_count(S, "vars", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return current_locals(S);
    Obj *d = obj_lookup_attr(S, args[0], NAME(__dict__));
    if (!d && !S->exc) return exc_raisef(S, S->e_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

BUILTIN(dir) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "dir", kw) < 0 || args_count(S, "dir", nargs, 0, 1) < 0) return NULL;
    Obj *src;
    if (nargs == 0) {
        src = current_locals(S);
    } else if (TYPE(args[0]) == S->t_module) {
        src = NEWREF(((Module *)args[0])->dict);
    } else {
        Obj *name = str_intern_cstr(S, "__dir__");
        src = name ? obj_call_method(S, args[0], (Str *)name, NULL, 0) : NULL;
        XDECREF(S, name);
    }
    if (!src) return NULL;
    Obj *l = list_from_iterable(S, src);
    DECREF(S, src);
    if (l && list_sort(S, l, NULL, false) < 0) CLEAR(S, l);
    return l;
}

static Obj *run_string(rs_State *S, Obj *const *args, size_t nargs, Tuple *kw, const char *name, enum CompileMode mode) {
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 1, 3) < 0) return NULL;
    if (!IS_STR(args[0])) {
        if (TYPE(args[0]) == S->t_code) {
            /* a code object from compile() is not supported; strings only */
        }
        return exc_raisef(S, S->e_TypeError, "%s() arg 1 must be a string, bytes or code object", name);
    }
    Obj *g = nargs > 1 && args[1] != S->none ? args[1] : NULL;
    Obj *l = nargs > 2 && args[2] != S->none ? args[2] : NULL;
    if (g && !IS_DICT(g)) return exc_raisef(S, S->e_TypeError, "%s() globals must be a dict, not %s", name, type_name(TYPE(g)));
    Dict *globals = g ? (Dict *)g : current_globals(S);
    Obj *locals = l ? NEWREF(l) : g ? NEWREF(g) : current_locals(S);
    if (!locals) return NULL;
    if (!dict_get_str(S, globals, NAME(__builtins__)) && dict_set(S, globals, (Obj *)NAME(__builtins__), S->builtins ? (Obj *)S->builtins : S->none) < 0) {
        DECREF(S, locals);
        return NULL;
    }
    const char *src = STR_DATA(args[0]);
    size_t len = ((Str *)args[0])->nbytes;
    if (mode == COMPILE_EVAL)
        while (len && (*src == ' ' || *src == '\t')) src++, len--;
    Code *code = compile_source(S, src, len, "<string>", mode, NULL);
    if (!code) {
        DECREF(S, locals);
        return NULL;
    }
    Obj *r = vm_run_code(S, code, globals, locals);
    DECREF(S, code);
    DECREF(S, locals);
    if (r && mode == COMPILE_FILE) {
        DECREF(S, r);
        return NEWREF(S->none);
    }
    return r;
}

BUILTIN(exec) {
    UNUSED_SELF;
    return run_string(S, args, nargs, kw, "exec", COMPILE_FILE);
}

BUILTIN(eval) {
    UNUSED_SELF;
    return run_string(S, args, nargs, kw, "eval", COMPILE_EVAL);
}

BUILTIN(open) {
    UNUSED_SELF;
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"};
    Obj *a[8];
    if (args_bind(S, "open", args, nargs, kw, names, 8, 1, a) < 0) return NULL;
    if (a[1] && !IS_STR(a[1])) return exc_raisef(S, S->e_TypeError, "open() argument 'mode' must be str, not %s", type_name(TYPE(a[1])));
    return file_open(S, a[0], a[1] ? STR_DATA(a[1]) : "r");
}

BUILTIN(input) {
    UNUSED_SELF;
    if (args_no_kwargs(S, "input", kw) < 0 || args_count(S, "input", nargs, 0, 1) < 0) return NULL;
    if (nargs == 1) {
        Obj *p = obj_str(S, args[0]);
        if (!p) return NULL;
        io_write(S, 1, STR_DATA(p), ((Str *)p)->nbytes);
        DECREF(S, p);
    }
    Buf b;
    buf_init(&b, &S->mem);
    int r = io_read_line(S, &b);
    if (r <= 0) {
        buf_free(&b);
        if (r < 0) return exc_nomemory(S);
        return exc_raisef(S, S->e_EOFError, "EOF when reading a line");
    }
    size_t n = b.len;
    if (n && b.data[n - 1] == '\n') n--;
    if (n && b.data[n - 1] == '\r') n--;
    Obj *s = str_new(S, b.data, n);
    buf_free(&b);
    return s;
}

BUILTIN(import) {
    UNUSED_SELF;
    if (args_count(S, "__import__", nargs, 1, 5) < 0) return NULL;
    (void)kw;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "__import__() argument 1 must be str, not %s", type_name(TYPE(args[0])));
    Obj *name = str_intern(S, NEWREF(args[0]));
    if (!name) return NULL;
    Obj *m = vm_import(S, (Str *)name, nargs > 3 ? args[3] : S->none, 0);
    DECREF(S, name);
    return m;
}

BUILTIN(build_class) {
    return vm_build_class(S, self, args, nargs, kw);
}

static const CFuncDef builtin_functions[] = {
    {"print", bi_print}, {"len", bi_len}, {"repr", bi_repr}, {"ascii", bi_ascii}, {"id", bi_id}, {"hash", bi_hash},
    {"abs", bi_abs}, {"isinstance", bi_isinstance}, {"issubclass", bi_issubclass}, {"getattr", bi_getattr},
    {"setattr", bi_setattr}, {"delattr", bi_delattr}, {"hasattr", bi_hasattr}, {"callable", bi_callable},
    {"iter", bi_iter}, {"next", bi_next}, {"any", bi_any}, {"all", bi_all}, {"sum", bi_sum}, {"min", bi_min},
    {"max", bi_max}, {"sorted", bi_sorted}, {"round", bi_round}, {"divmod", bi_divmod}, {"pow", bi_pow},
    {"chr", bi_chr}, {"ord", bi_ord}, {"hex", bi_hex}, {"oct", bi_oct}, {"bin", bi_bin}, {"format", bi_format},
    {"globals", bi_globals}, {"locals", bi_locals}, {"vars", bi_vars}, {"dir", bi_dir}, {"exec", bi_exec},
    {"eval", bi_eval}, {"input", bi_input}, {"open", bi_open}, {"__import__", bi_import}, {"__build_class__", bi_build_class},
    {NULL, NULL}};

/* ---- super ---- */

typedef struct Super {
    Obj ob;
    Type *type;      /* the class after which lookup starts */
    Obj *obj;        /* the instance or class bound to */
    Type *obj_type;
} Super;

static void super_dealloc(rs_State *S, Obj *o) {
    Super *s = (Super *)o;
    gc_untrack(S, o);
    XDECREF(S, s->type);
    XDECREF(S, s->obj);
    XDECREF(S, s->obj_type);
    obj_free(S, o, sizeof(Super));
}

static int super_traverse(Obj *o, VisitFn visit, void *arg) {
    Super *s = (Super *)o;
    int r = s->obj ? visit(s->obj, arg) : 0;
    return r ? r : s->type ? visit((Obj *)s->type, arg) : 0;
}

static Obj *super_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)t;
    if (args_no_kwargs(S, "super", kwnames) < 0 || args_count(S, "super", nargs, 0, 2) < 0) return NULL;
    Obj *type, *obj;
    if (nargs == 0) {
        Frame *f = S->frame;
        if (!f || f->code->argcount == 0) return exc_raisef(S, S->e_RuntimeError, "super(): no arguments");
        Code *co = f->code;
        obj = f->slots[0];
        if (!obj && co->cell2arg) {
            for (size_t i = 0; i < TUPLE_LEN(co->cellvars); i++)
                if (co->cell2arg[i] == 0) obj = ((Cell *)f->slots[co->nlocals + (int)i])->ref;
        }
        if (!obj) return exc_raisef(S, S->e_RuntimeError, "super(): arg[0] deleted");
        type = NULL;
        size_t ncells = TUPLE_LEN(co->cellvars);
        for (size_t i = 0; i < TUPLE_LEN(co->freevars); i++)
            if (str_eq_cstr(TUPLE_ITEMS(co->freevars)[i], "__class__")) type = ((Cell *)f->slots[co->nlocals + (int)(ncells + i)])->ref;
        if (!type) return exc_raisef(S, S->e_RuntimeError, "super(): __class__ cell not found");
    } else {
        type = args[0];
        obj = nargs == 2 ? args[1] : NULL;
    }
    if (TYPE(type) != S->t_type && !(TYPE(type)->flags & TF_TYPE_SUBCLASS))
        return exc_raisef(S, S->e_TypeError, "super() argument 1 must be a type, not %s", type_name(TYPE(type)));
    Type *obj_type = NULL;
    if (obj) {
        if ((TYPE(obj) == S->t_type || (TYPE(obj)->flags & TF_TYPE_SUBCLASS)) && type_is_subtype((Type *)obj, (Type *)type))
            obj_type = (Type *)obj;
        else if (is_instance_of(obj, (Type *)type))
            obj_type = TYPE(obj);
        else
            return exc_raisef(S, S->e_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }
    Super *s = (Super *)obj_alloc(S, S->t_super, sizeof(Super));
    if (!s) return NULL;
    s->type = (Type *)NEWREF(type);
    s->obj = obj;
    XINCREF(obj);
    s->obj_type = obj_type;
    XINCREF(obj_type);
    return (Obj *)s;
}

static Obj *super_getattr(rs_State *S, Obj *o, Str *name) {
    Super *s = (Super *)o;
    if (s->obj_type && name != NAME(__class__)) {
        Tuple *mro = s->obj_type->mro;
        size_t i = 0;
        while (i < mro->len && mro->items[i] != (Obj *)s->type) i++;
        for (i++; i < mro->len; i++) {
            Type *b = (Type *)mro->items[i];
            Obj *v = b->dict ? dict_get_str(S, b->dict, name) : NULL;
            if (!v) continue;
            if (TYPE(v)->descr_get) return TYPE(v)->descr_get(S, v, s->obj == (Obj *)s->obj_type ? NULL : s->obj, (Obj *)s->obj_type);
            return NEWREF(v);
        }
    }
    Obj *r = obj_generic_getattr(S, o, name);
    if (!r && exc_matches(S, S->e_AttributeError)) {
        exc_clear(S);
        exc_raisef(S, S->e_AttributeError, "'super' object has no attribute '%U'", name);
    }
    return r;
}

static Obj *super_repr(rs_State *S, Obj *o) {
    Super *s = (Super *)o;
    if (s->obj_type) return str_fromf(S, "<super: <class '%s'>, <%s object>>", type_name(s->type), type_name(s->obj_type));
    return str_fromf(S, "<super: <class '%s'>, NULL>", type_name(s->type));
}

void builtins_init_super(rs_State *S);
void builtins_init_super(rs_State *S) {
    Type *t = S->t_super;
    t->dealloc = super_dealloc;
    t->traverse = super_traverse;
    t->tp_new = super_tp_new;
    t->getattr = super_getattr;
    t->repr = super_repr;
}

/* ---- the module ---- */

Obj *builtins_create(rs_State *S) {
    Obj *m = module_new(S, "builtins");
    if (!m) return NULL;
    Dict *d = ((Module *)m)->dict;
    if (cfunc_add_functions(S, d, builtin_functions, m) < 0) goto fail;
    struct {
        const char *name;
        Obj *value;
    } values[] = {
        {"None", S->none}, {"True", S->true_}, {"False", S->false_}, {"NotImplemented", S->notimpl},
        {"Ellipsis", S->ellipsis}, {"object", (Obj *)S->t_object}, {"type", (Obj *)S->t_type}, {"int", (Obj *)S->t_int},
        {"bool", (Obj *)S->t_bool}, {"float", (Obj *)S->t_float}, {"str", (Obj *)S->t_str}, {"bytes", (Obj *)S->t_bytes}, {"tuple", (Obj *)S->t_tuple},
        {"list", (Obj *)S->t_list}, {"dict", (Obj *)S->t_dict}, {"set", (Obj *)S->t_set}, {"frozenset", (Obj *)S->t_frozenset},
        {"range", (Obj *)S->t_range}, {"slice", (Obj *)S->t_slice}, {"enumerate", (Obj *)S->t_enumerate},
        {"zip", (Obj *)S->t_zip}, {"map", (Obj *)S->t_map}, {"filter", (Obj *)S->t_filter},
        {"reversed", (Obj *)S->t_reversed}, {"property", (Obj *)S->t_property}, {"classmethod", (Obj *)S->t_classmethod},
        {"staticmethod", (Obj *)S->t_staticmethod}, {"super", (Obj *)S->t_super}, {"__debug__", S->true_}};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        if (dict_set_cstr(S, d, values[i].name, values[i].value) < 0) goto fail;
#define X_EXC(f, n, b) \
    if (dict_set_cstr(S, d, n, (Obj *)S->e_##f) < 0) goto fail;
    RS_EXCEPTION_TYPES(X_EXC)
#undef X_EXC
    if (dict_set_cstr(S, d, "EnvironmentError", (Obj *)S->e_OSError) < 0 || dict_set_cstr(S, d, "IOError", (Obj *)S->e_OSError) < 0)
        goto fail;
    return m;
fail:
    DECREF(S, m);
    return NULL;
}
