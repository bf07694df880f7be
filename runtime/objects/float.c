/*
 * float.c: the float type. repr finds the shortest decimal string that
 * reads back to the same double (trying 1 to 17 significant digits), then
 * lays it out as CPython's float_repr_style 'short' does: positional for
 * exponents from -4 to 15, scientific outside, always with a '.' or 'e'.
 */
#include "float.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "abstract.h"
#include "cfunc.h"
#include "exception.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

Obj *float_new(rs_State *S, double v) {
    Float *f = (Float *)obj_alloc_plain(S, S->t_float, sizeof(Float));
    if (!f) return NULL;
    f->value = v;
    return (Obj *)f;
}

static void float_dealloc(rs_State *S, Obj *o) {
    if (TYPE(o) == S->t_float) obj_free_plain(S, o, sizeof(Float));
    else obj_free(S, o, TYPE(o)->basicsize); /* a subclass's instance */
}

size_t float_repr_buf(double v, char *out) {
    if (isnan(v)) return (size_t)sprintf(out, "nan");
    if (isinf(v)) return (size_t)sprintf(out, v < 0 ? "-inf" : "inf");
    if (v == 0) return (size_t)sprintf(out, signbit(v) ? "-0.0" : "0.0");
    char tmp[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v) break;
    }
    /* tmp: [-]d.ddde[+-]XX -> digits and exponent */
    char digits[24];
    int nd = 0, exp10;
    bool neg = tmp[0] == '-';
    const char *p = tmp + neg;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') digits[nd++] = *p;
    exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    char *o = out;
    if (neg) *o++ = '-';
    if (exp10 >= -4 && exp10 < 16) {
        if (exp10 < 0) {
            *o++ = '0';
            *o++ = '.';
            for (int i = 0; i < -exp10 - 1; i++) *o++ = '0';
            for (int i = 0; i < nd; i++) *o++ = digits[i];
        } else {
            for (int i = 0; i <= exp10; i++) *o++ = i < nd ? digits[i] : '0';
            *o++ = '.';
            if (nd > exp10 + 1)
                for (int i = exp10 + 1; i < nd; i++) *o++ = digits[i];
            else
                *o++ = '0';
        }
    } else {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            for (int i = 1; i < nd; i++) *o++ = digits[i];
        }
        o += sprintf(o, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    }
    *o = 0;
    return (size_t)(o - out);
}

static Obj *float_repr(rs_State *S, Obj *o) {
    char buf[40];
    size_t n = float_repr_buf(FLOAT_VAL(o), buf);
    return str_new(S, buf, n);
}

/* CPython's hash of a double: the value as a fraction modulo 2**61 - 1. */
int64_t float_hash(double v) {
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= P) x -= P;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static int64_t float_hash_slot(rs_State *S, Obj *o) {
    (void)S;
    return float_hash(FLOAT_VAL(o));
}

int float_as_double(rs_State *S, Obj *o, double *out) {
    if (IS_FLOAT(o)) {
        *out = FLOAT_VAL(o);
        return 0;
    }
    if (IS_INT(o)) {
        bool ovf;
        *out = int_as_double(S, o, &ovf);
        if (ovf) {
            exc_raisef(S, S->e_OverflowError, "int too large to convert to float");
            return -1;
        }
        return 0;
    }
    exc_raisef(S, S->e_TypeError, "must be real number, not %s", type_name(TYPE(o)));
    return -1;
}

static Obj *float_from_text(rs_State *S, const char *s, size_t n, const char *buf, size_t k);

Obj *float_from_string(rs_State *S, const char *s, size_t n) {
    char small[512];
    size_t k = 0;
    const char *p = s, *e = s + n;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\n')) p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n')) e--;
    /* every digit counts ('1.5...5e400' with 100,000 fives is inf): a long text gets a buffer of its size */
    size_t cap = (size_t)(e - p) + 1;
    char *buf = cap <= sizeof small ? small : mem_alloc(&S->mem, cap);
    if (!buf) return exc_nomemory(S);
    for (const char *q = p; q < e; q++)
        if (*q != '_') buf[k++] = *q;
    buf[k] = 0;
    Obj *r = float_from_text(S, s, n, buf, k);
    if (buf != small) mem_free(&S->mem, buf, cap);
    return r;
}

/* buf: the text without spaces and underscores, k bytes. */
static Obj *float_from_text(rs_State *S, const char *s, size_t n, const char *buf, size_t k) {
    char *end;
    double v;
    const char *b = buf;
    bool neg = false;
    if (*b == '+' || *b == '-') {
        neg = *b == '-';
        b++;
    }
    if (strcmp(b, "inf") == 0 || strcmp(b, "infinity") == 0 || strcmp(b, "Infinity") == 0 || strcmp(b, "INF") == 0) v = INFINITY;
    else if (strcmp(b, "nan") == 0 || strcmp(b, "NaN") == 0 || strcmp(b, "NAN") == 0) v = NAN;
    else {
        v = strtod(b, &end);
        if (k == 0 || *end || end == b || b[0] == 'i' || b[0] == 'I' || b[0] == 'n' || b[0] == 'N' || b[0] == 'x' ||
            (b[0] == '0' && (b[1] == 'x' || b[1] == 'X'))) {
            Obj *lit = str_new(S, s, n);
            if (lit) exc_raisef(S, S->e_ValueError, "could not convert string to float: %R", lit);
            XDECREF(S, lit);
            return NULL;
        }
    }
    return float_new(S, neg ? -v : v);
}

Obj *float_binary(rs_State *S, double a, double b, int op) {
    switch (op & ~OP_INPLACE) {
    case OP_ADD: return float_new(S, a + b);
    case OP_SUB: return float_new(S, a - b);
    case OP_MUL: return float_new(S, a * b);
    case OP_TRUEDIV:
        if (b == 0) return exc_raisef(S, S->e_ZeroDivisionError, "float division by zero");
        return float_new(S, a / b);
    case OP_FLOORDIV:
    case OP_MOD: {
        if (b == 0) return exc_raisef(S, S->e_ZeroDivisionError, (op & ~OP_INPLACE) == OP_MOD ? "float modulo" : "float floor division by zero");
        double mod = fmod(a, b);
        double div = (a - mod) / b;
        if (mod) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
                div -= 1.0;
            }
        } else {
            mod = copysign(0.0, b);
        }
        if ((op & ~OP_INPLACE) == OP_MOD) return float_new(S, mod);
        double floordiv;
        if (div) {
            floordiv = floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = copysign(0.0, a / b);
        }
        return float_new(S, floordiv);
    }
    case OP_POW:
        if (a == 0 && b < 0) return exc_raisef(S, S->e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (a < 0 && b != floor(b)) return exc_raisef(S, S->e_ValueError, "complex results are not supported");
        {
            double r = pow(a, b);
            if (isinf(r) && !isinf(a) && !isinf(b)) return exc_raisef(S, S->e_OverflowError, "(34, 'Numerical result out of range')");
            return float_new(S, r);
        }
    default: return NEWREF(S->notimpl);
    }
}

static Obj *float_binop(rs_State *S, Obj *self, Obj *other, int op, bool reflected) {
    double a = FLOAT_VAL(self), b;
    if (IS_FLOAT(other)) b = FLOAT_VAL(other);
    else if (IS_INT(other)) {
        bool ovf;
        b = int_as_double(S, other, &ovf);
        if (ovf) return exc_raisef(S, S->e_OverflowError, "int too large to convert to float");
    } else return NEWREF(S->notimpl);
    return reflected ? float_binary(S, b, a, op) : float_binary(S, a, b, op);
}

/* A finite float against an int too large for a double to hold exactly: compare as integers, then the fraction. */
static Obj *compare_exactly(rs_State *S, double a, Obj *other, int op) {
    Obj *ai = int_from_double(S, a);
    if (!ai) return NULL;
    int c = int_compare(ai, other);
    double frac = a - trunc(a);
    DECREF(S, ai);
    if (c == 0) c = frac > 0 ? 1 : frac < 0 ? -1 : 0;
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_EQ ? c == 0 : op == CMP_NE ? c != 0 : op == CMP_GT ? c > 0 : c >= 0;
    return bool_from(S, r);
}

static Obj *float_richcmp(rs_State *S, Obj *self, Obj *other, int op) {
    double a = FLOAT_VAL(self), b;
    if (IS_FLOAT(other)) b = FLOAT_VAL(other);
    else if (IS_INT(other)) {
        if (isnan(a)) return bool_from(S, op == CMP_NE);
        if (isinf(a)) {
            int c = a > 0 ? 1 : -1; /* infinity against any int */
            bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_EQ ? false : op == CMP_NE ? true : op == CMP_GT ? c > 0 : c >= 0;
            return bool_from(S, r);
        }
        Int *i = (Int *)other;
        if (i->size != 0 || i->small >= ((int64_t)1 << 53) || i->small <= -((int64_t)1 << 53)) return compare_exactly(S, a, other, op);
        b = (double)i->small;
    } else return NEWREF(S->notimpl);
    bool r;
    switch (op) {
    case CMP_LT: r = a < b; break;
    case CMP_LE: r = a <= b; break;
    case CMP_EQ: r = a == b; break;
    case CMP_NE: r = a != b; break;
    case CMP_GT: r = a > b; break;
    default: r = a >= b;
    }
    return bool_from(S, r);
}

static Obj *float_neg(rs_State *S, Obj *o) { return float_new(S, -FLOAT_VAL(o)); }
static Obj *float_pos(rs_State *S, Obj *o) { return float_new(S, FLOAT_VAL(o)); }
static Obj *float_abs(rs_State *S, Obj *o) { return float_new(S, fabs(FLOAT_VAL(o))); }
static int float_truth(rs_State *S, Obj *o) {
    (void)S;
    return FLOAT_VAL(o) != 0;
}

static Obj *float_value(rs_State *S, Obj *const *args, size_t nargs, Tuple *kwnames);

static Obj *float_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    Obj *v = float_value(S, args, nargs, kwnames);
    if (!v || t == S->t_float) return v;
    Float *f = (Float *)obj_alloc(S, t, t->basicsize);
    if (f) {
        memset((char *)f + sizeof(Obj), 0, t->basicsize - sizeof(Obj));
        f->value = FLOAT_VAL(v);
    }
    DECREF(S, v);
    return (Obj *)f;
}

static Obj *float_value(rs_State *S, Obj *const *args, size_t nargs, Tuple *kwnames) {
    if (args_no_kwargs(S, "float", kwnames) < 0 || args_count(S, "float", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return float_new(S, 0.0);
    Obj *x = args[0];
    if (IS_FLOAT(x)) return float_new(S, FLOAT_VAL(x));
    if (IS_INT(x)) {
        double d;
        if (float_as_double(S, x, &d) < 0) return NULL;
        return float_new(S, d);
    }
    if (IS_STR(x)) return float_from_string(S, STR_DATA(x), ((Str *)x)->nbytes);
    Obj *name = str_intern_cstr(S, "__float__");
    if (!name) return NULL;
    Obj *r = obj_call_method(S, x, (Str *)name, NULL, 0);
    DECREF(S, name);
    if (!r) {
        if (exc_matches(S, S->e_AttributeError)) {
            exc_clear(S);
            return exc_raisef(S, S->e_TypeError, "float() argument must be a string or a real number, not '%s'", type_name(TYPE(x)));
        }
        return NULL;
    }
    return r;
}

static Obj *m_is_integer(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "is_integer", kw) < 0 || args_count(S, "is_integer", nargs, 0, 0) < 0) return NULL;
    double v = FLOAT_VAL(self);
    return bool_from(S, isfinite(v) && v == floor(v));
}

static Obj *m_as_integer_ratio(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "as_integer_ratio", kw) < 0 || args_count(S, "as_integer_ratio", nargs, 0, 0) < 0) return NULL;
    double v = FLOAT_VAL(self);
    if (isinf(v)) return exc_raisef(S, S->e_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(v)) return exc_raisef(S, S->e_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(v, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    Obj *num = int_from_double(S, m), *den = int_from_i64(S, 1);
    Obj *sh = int_from_i64(S, e < 0 ? -e : e);
    if (!num || !den || !sh) goto fail;
    if (e > 0) SETREF(S, num, int_binary(S, num, sh, OP_LSHIFT));
    else SETREF(S, den, int_binary(S, den, sh, OP_LSHIFT));
    DECREF(S, sh);
    if (!num || !den) {
        XDECREF(S, num);
        XDECREF(S, den);
        return NULL;
    }
    return tuple_pack(S, 2, num, den);
fail:
    XDECREF(S, num);
    XDECREF(S, den);
    XDECREF(S, sh);
    return NULL;
}

static Obj *m_float_format(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__format__", kw) < 0 || args_count(S, "__format__", nargs, 1, 1) < 0) return NULL;
    return str_format_spec(S, self, args[0]);
}

static Obj *m_float_round(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__round__", kw) < 0 || args_count(S, "__round__", nargs, 0, 1) < 0) return NULL;
    double v = FLOAT_VAL(self);
    if (nargs == 0 || args[0] == S->none) {
        double r = round(v);
        if (fabs(v - trunc(v)) == 0.5) r = 2.0 * round(v / 2.0);
        return int_from_double(S, r);
    }
    int64_t nd;
    if (obj_index_i64(S, args[0], &nd, "ndigits") < 0) return NULL;
    if (!isfinite(v) || nd > 300) return float_new(S, v);
    if (nd < -308) return float_new(S, copysign(0.0, v));
    /* Round through the shortest decimal text, as CPython's dtoa-based rounding does. */
    char buf[400];
    snprintf(buf, sizeof buf, "%.*f", (int)(nd > 0 ? nd : 0), v);
    if (nd >= 0) return float_new(S, strtod(buf, NULL));
    double p = pow(10.0, (double)-nd);
    double q = v / p, r = round(q);
    if (fabs(q - trunc(q)) == 0.5) r = 2.0 * round(q / 2.0);
    return float_new(S, r * p);
}

static Obj *m_float_int(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    return int_from_double(S, FLOAT_VAL(self));
}

static const CFuncDef float_methods[] = {{"is_integer", m_is_integer},
                                          {"as_integer_ratio", m_as_integer_ratio},
                                          {"__format__", m_float_format},
                                          {"__round__", m_float_round},
                                          {"__trunc__", m_float_int},
                                          {"__int__", m_float_int},
                                          {NULL, NULL}};

void float_init_type(rs_State *S) {
    Type *t = S->t_float;
    t->dealloc = float_dealloc;
    t->repr = float_repr;
    t->hash = float_hash_slot;
    t->binop = float_binop;
    t->richcmp = float_richcmp;
    t->neg = float_neg;
    t->pos = float_pos;
    t->absolute = float_abs;
    t->truth = float_truth;
    t->tp_new = float_tp_new;
    cfunc_add_methods(S, t, float_methods);
}
