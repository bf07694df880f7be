/*
 * math.c: the math module over the C library's libm, with CPython's domain
 * errors ("math domain error") and integer functions on arbitrary ints.
 */
#include <math.h>
#include "registry.h"
#include "../objects/abstract.h"
#include "../objects/cfunc.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/float.h"
#include "../objects/int.h"
#include "../objects/module.h"
#include "../objects/str.h"

static Obj *unary(rs_State *S, Obj *const *args, size_t nargs, Tuple *kw, const char *name, double (*fn)(double), bool check_domain) {
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 1, 1) < 0) return NULL;
    double x;
    if (float_as_double(S, args[0], &x) < 0) return NULL;
    double r = fn(x);
    if (check_domain && isnan(r) && !isnan(x)) return exc_raisef(S, S->e_ValueError, "math domain error");
    if (isinf(r) && isfinite(x)) return exc_raisef(S, S->e_OverflowError, "math range error");
    return float_new(S, r);
}

#define UNARY(name, fn, check) \
    static Obj *m_##name(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { \
        (void)self; return unary(S, args, nargs, kw, #name, fn, check); }

static double log10_checked(double x) { return x <= 0 ? NAN : log10(x); }
static double log2_checked(double x) { return x <= 0 ? NAN : log2(x); }
static double sqrt_checked(double x) { return x < 0 ? NAN : sqrt(x); }

UNARY(sqrt, sqrt_checked, true)
UNARY(exp, exp, false)
UNARY(sin, sin, true)
UNARY(cos, cos, true)
UNARY(tan, tan, true)
UNARY(asin, asin, true)
UNARY(acos, acos, true)
UNARY(atan, atan, false)
UNARY(sinh, sinh, false)
UNARY(cosh, cosh, false)
UNARY(tanh, tanh, false)
UNARY(fabs, fabs, false)
UNARY(log10, log10_checked, true)
UNARY(log2, log2_checked, true)

static Obj *m_log(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "log", kw) < 0 || args_count(S, "log", nargs, 1, 2) < 0) return NULL;
    double x, b = M_E;
    if (IS_INT(args[0]) && !INT_IS_SMALL(args[0])) {
        /* log of a big int: by its bit length, so it never overflows */
        if (int_sign(args[0]) <= 0) return exc_raisef(S, S->e_ValueError, "math domain error");
        size_t bits = int_bit_length(args[0]);
        Obj *shift = int_from_i64(S, (int64_t)bits - 60);
        Obj *top = shift ? int_binary(S, args[0], shift, OP_RSHIFT) : NULL;
        XDECREF(S, shift);
        if (!top) return NULL;
        bool ovf;
        x = log(int_as_double(S, top, &ovf)) + ((double)bits - 60) * log(2.0);
        DECREF(S, top);
    } else {
        if (float_as_double(S, args[0], &x) < 0) return NULL;
        if (x <= 0) return exc_raisef(S, S->e_ValueError, "math domain error");
        x = log(x);
    }
    if (nargs == 2) {
        if (float_as_double(S, args[1], &b) < 0) return NULL;
        if (b <= 0 || b == 1) return exc_raisef(S, b == 1 ? S->e_ZeroDivisionError : S->e_ValueError, b == 1 ? "float division by zero" : "math domain error");
        return float_new(S, x / log(b));
    }
    return float_new(S, x);
}

static Obj *round_to_int(rs_State *S, Obj *const *args, size_t nargs, Tuple *kw, const char *name, double (*fn)(double)) {
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 1, 1) < 0) return NULL;
    if (IS_INT(args[0])) return obj_index(S, args[0]);
    double x;
    if (float_as_double(S, args[0], &x) < 0) return NULL;
    return int_from_double(S, fn(x));
}

static Obj *m_floor(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)self; return round_to_int(S, args, nargs, kw, "floor", floor); }
static Obj *m_ceil(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)self; return round_to_int(S, args, nargs, kw, "ceil", ceil); }
static Obj *m_trunc(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)self; return round_to_int(S, args, nargs, kw, "trunc", trunc); }

static Obj *m_pow(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "pow", kw) < 0 || args_count(S, "pow", nargs, 2, 2) < 0) return NULL;
    double x, y;
    if (float_as_double(S, args[0], &x) < 0 || float_as_double(S, args[1], &y) < 0) return NULL;
    if ((x == 0 && y < 0) || (x < 0 && y != floor(y) && isfinite(y))) return exc_raisef(S, S->e_ValueError, "math domain error");
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) return exc_raisef(S, S->e_OverflowError, "math range error");
    return float_new(S, r);
}

static Obj *m_atan2(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "atan2", kw) < 0 || args_count(S, "atan2", nargs, 2, 2) < 0) return NULL;
    double y, x;
    if (float_as_double(S, args[0], &y) < 0 || float_as_double(S, args[1], &x) < 0) return NULL;
    return float_new(S, atan2(y, x));
}

static Obj *m_hypot(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "hypot", kw) < 0) return NULL;
    double acc = 0;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (float_as_double(S, args[i], &x) < 0) return NULL;
        acc = hypot(acc, x);
    }
    return float_new(S, acc);
}

static Obj *m_fmod(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "fmod", kw) < 0 || args_count(S, "fmod", nargs, 2, 2) < 0) return NULL;
    double x, y;
    if (float_as_double(S, args[0], &x) < 0 || float_as_double(S, args[1], &y) < 0) return NULL;
    if (y == 0 && !isnan(x)) return exc_raisef(S, S->e_ValueError, "math domain error");
    return float_new(S, fmod(x, y));
}

static Obj *predicate(rs_State *S, Obj *const *args, size_t nargs, Tuple *kw, const char *name, int which) {
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 1, 1) < 0) return NULL;
    double x;
    if (float_as_double(S, args[0], &x) < 0) return NULL;
    return bool_from(S, which == 0 ? isnan(x) : which == 1 ? isinf(x) : isfinite(x));
}

static Obj *m_isnan(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)self; return predicate(S, args, nargs, kw, "isnan", 0); }
static Obj *m_isinf(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)self; return predicate(S, args, nargs, kw, "isinf", 1); }
static Obj *m_isfinite(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)self; return predicate(S, args, nargs, kw, "isfinite", 2); }

static Obj *m_isclose(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    static const char *const names[] = {"a", "b", "*", "rel_tol", "abs_tol"};
    Obj *a[5];
    if (args_bind(S, "isclose", args, nargs, kw, names, 5, 2, a) < 0) return NULL;
    double x, y, rel = 1e-09, abs_tol = 0;
    if (float_as_double(S, a[0], &x) < 0 || float_as_double(S, a[1], &y) < 0) return NULL;
    if (a[3] && float_as_double(S, a[3], &rel) < 0) return NULL;
    if (a[4] && float_as_double(S, a[4], &abs_tol) < 0) return NULL;
    if (x == y) return NEWREF(S->true_);
    if (isinf(x) || isinf(y)) return NEWREF(S->false_);
    double diff = fabs(y - x);
    return bool_from(S, diff <= fabs(rel * y) || diff <= fabs(rel * x) || diff <= abs_tol);
}

static Obj *m_gcd(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "gcd", kw) < 0) return NULL;
    Obj *g = int_from_i64(S, 0);
    for (size_t i = 0; i < nargs && g; i++) {
        Obj *b = obj_index(S, args[i]);
        if (!b) {
            DECREF(S, g);
            return NULL;
        }
        Obj *a = g;
        Type *at = TYPE(a);
        (void)at;
        Obj *x = int_sign(a) < 0 ? obj_unary(S, a, '-') : NEWREF(a);
        Obj *y = int_sign(b) < 0 ? obj_unary(S, b, '-') : NEWREF(b);
        DECREF(S, a);
        DECREF(S, b);
        while (x && y && int_sign(y) != 0) {
            Obj *r = int_binary(S, x, y, OP_MOD);
            DECREF(S, x);
            x = y;
            y = r;
        }
        XDECREF(S, y);
        g = x;
    }
    return g;
}

static Obj *m_factorial(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "factorial", kw) < 0 || args_count(S, "factorial", nargs, 1, 1) < 0) return NULL;
    if (!IS_INT(args[0])) return exc_raisef(S, S->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(args[0])));
    int64_t n;
    if (int_as_i64(S, args[0], &n) < 0) return NULL;
    if (n < 0) return exc_raisef(S, S->e_ValueError, "factorial() not defined for negative values");
    Obj *acc = int_from_i64(S, 1);
    for (int64_t i = 2; i <= n && acc; i++) {
        Obj *k = int_from_i64(S, i);
        Obj *r = k ? int_binary(S, acc, k, OP_MUL) : NULL;
        XDECREF(S, k);
        DECREF(S, acc);
        acc = r;
    }
    return acc;
}

static Obj *m_isqrt(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "isqrt", kw) < 0 || args_count(S, "isqrt", nargs, 1, 1) < 0) return NULL;
    Obj *n = obj_index(S, args[0]);
    if (!n) return NULL;
    if (int_sign(n) < 0) {
        DECREF(S, n);
        return exc_raisef(S, S->e_ValueError, "isqrt() argument must be nonnegative");
    }
    if (int_sign(n) == 0) return n;
    /* Newton's method on integers */
    size_t bits = int_bit_length(n);
    Obj *sh = int_from_i64(S, (int64_t)(bits + 1) / 2);
    Obj *one = int_from_i64(S, 1);
    Obj *x = sh && one ? int_binary(S, one, sh, OP_LSHIFT) : NULL;
    XDECREF(S, sh);
    while (x) {
        Obj *q = int_binary(S, n, x, OP_FLOORDIV);
        Obj *s = q ? int_binary(S, x, q, OP_ADD) : NULL;
        XDECREF(S, q);
        Obj *y = s ? int_binary(S, s, one, OP_RSHIFT) : NULL;
        XDECREF(S, s);
        if (!y) {
            DECREF(S, x);
            x = NULL;
            break;
        }
        if (int_compare(y, x) >= 0) {
            DECREF(S, y);
            break;
        }
        DECREF(S, x);
        x = y;
    }
    XDECREF(S, one);
    DECREF(S, n);
    return x;
}

static Obj *m_copysign(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "copysign", kw) < 0 || args_count(S, "copysign", nargs, 2, 2) < 0) return NULL;
    double x, y;
    if (float_as_double(S, args[0], &x) < 0 || float_as_double(S, args[1], &y) < 0) return NULL;
    return float_new(S, copysign(x, y));
}

static Obj *m_degrees(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "degrees", kw) < 0 || args_count(S, "degrees", nargs, 1, 1) < 0) return NULL;
    double x;
    if (float_as_double(S, args[0], &x) < 0) return NULL;
    return float_new(S, x * (180.0 / M_PI));
}

static Obj *m_radians(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "radians", kw) < 0 || args_count(S, "radians", nargs, 1, 1) < 0) return NULL;
    double x;
    if (float_as_double(S, args[0], &x) < 0) return NULL;
    return float_new(S, x * (M_PI / 180.0));
}

static Obj *m_fsum(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "fsum", kw) < 0 || args_count(S, "fsum", nargs, 1, 1) < 0) return NULL;
    Obj *it = obj_iter(S, args[0]);
    if (!it) return NULL;
    /* Neumaier summation: exact enough for the usual cases */
    double sum = 0, c = 0;
    Obj *v;
    while ((v = obj_next(S, it))) {
        double x;
        int r = float_as_double(S, v, &x);
        DECREF(S, v);
        if (r < 0) break;
        double t = sum + x;
        if (fabs(sum) >= fabs(x)) c += (sum - t) + x;
        else c += (x - t) + sum;
        sum = t;
    }
    DECREF(S, it);
    if (S->exc) return NULL;
    return float_new(S, sum + c);
}

static Obj *m_prod(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    static const char *const names[] = {"iterable", "*", "start"};
    Obj *a[3];
    if (args_bind(S, "prod", args, nargs, kw, names, 3, 1, a) < 0) return NULL;
    Obj *acc = a[2] ? NEWREF(a[2]) : int_from_i64(S, 1);
    Obj *it = acc ? obj_iter(S, a[0]) : NULL;
    if (!it) {
        XDECREF(S, acc);
        return NULL;
    }
    Obj *v;
    while ((v = obj_next(S, it))) {
        Obj *r = obj_binop(S, acc, v, OP_MUL);
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

static const CFuncDef math_functions[] = {
    {"sqrt", m_sqrt}, {"exp", m_exp}, {"sin", m_sin}, {"cos", m_cos}, {"tan", m_tan}, {"asin", m_asin},
    {"acos", m_acos}, {"atan", m_atan}, {"sinh", m_sinh}, {"cosh", m_cosh}, {"tanh", m_tanh}, {"fabs", m_fabs},
    {"log", m_log}, {"log10", m_log10}, {"log2", m_log2}, {"floor", m_floor}, {"ceil", m_ceil}, {"trunc", m_trunc},
    {"pow", m_pow}, {"atan2", m_atan2}, {"hypot", m_hypot}, {"fmod", m_fmod}, {"isnan", m_isnan}, {"isinf", m_isinf},
    {"isfinite", m_isfinite}, {"isclose", m_isclose}, {"gcd", m_gcd}, {"factorial", m_factorial}, {"isqrt", m_isqrt},
    {"copysign", m_copysign}, {"degrees", m_degrees}, {"radians", m_radians}, {"fsum", m_fsum}, {"prod", m_prod},
    {NULL, NULL}};

Obj *math_create(rs_State *S) {
    Obj *m = module_new(S, "math");
    if (!m) return NULL;
    Dict *d = ((Module *)m)->dict;
    if (cfunc_add_functions(S, d, math_functions, m) < 0) goto fail;
    struct {
        const char *name;
        double v;
    } consts[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        Obj *f = float_new(S, consts[i].v);
        if (!f || dict_set_cstr(S, d, consts[i].name, f) < 0) {
            XDECREF(S, f);
            goto fail;
        }
        DECREF(S, f);
    }
    return m;
fail:
    DECREF(S, m);
    return NULL;
}
