/*
 * int.c: the int type. Fast paths work on int64 with overflow checks; when
 * a result leaves int64, both operands are widened to magnitudes (Mag) and the
 * schoolbook algorithms below run (Knuth's algorithm D for division).
 * Semantics follow Python: floor division and modulo round toward -inf,
 * shifts and bitwise operations act on infinite two's complement.
 */
#include "int.h"
#include <math.h>
#include <string.h>
#include <stdio.h>
#include "abstract.h"
#include "cfunc.h"
#include "exception.h"
#include "float.h"
#include "str.h"
#include "../core/util.h"

/* ---- magnitudes ---- */

typedef struct Mag {
    int sign;        /* -1, 0, 1 */
    int32_t n;       /* digits used */
    uint32_t *d;
    uint32_t inline_d[2];
} Mag;

static void mag_of(Obj *o, Mag *m) {
    Int *i = (Int *)o;
    if (i->size == 0) {
        int64_t v = i->small;
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        m->sign = v < 0 ? -1 : v > 0;
        m->d = m->inline_d;
        m->inline_d[0] = (uint32_t)u;
        m->inline_d[1] = (uint32_t)(u >> 32);
        m->n = u == 0 ? 0 : (u >> 32) ? 2 : 1;
    } else {
        m->sign = i->size < 0 ? -1 : 1;
        m->n = i->size < 0 ? -i->size : i->size;
        m->d = i->digits;
    }
}

static uint32_t *digits_alloc(rs_State *S, size_t n) {
    uint32_t *d = mem_alloc(&S->mem, (n ? n : 1) * sizeof(uint32_t));
    if (!d) exc_nomemory(S);
    else memset(d, 0, (n ? n : 1) * sizeof(uint32_t));
    return d;
}
static void digits_free(rs_State *S, uint32_t *d, size_t n) { mem_free(&S->mem, d, (n ? n : 1) * sizeof(uint32_t)); }

static int32_t trim(const uint32_t *d, int32_t n) {
    while (n > 0 && d[n - 1] == 0) n--;
    return n;
}

/* Builds an int from sign and magnitude, small when it fits. */
static Obj *int_from_mag(rs_State *S, int sign, const uint32_t *d, int32_t n) {
    n = trim(d, n);
    if (n == 0) return int_from_i64(S, 0);
    if (n <= 2) {
        uint64_t u = d[0] | (n == 2 ? (uint64_t)d[1] << 32 : 0);
        if (sign > 0 && u <= (uint64_t)INT64_MAX) return int_from_i64(S, (int64_t)u);
        if (sign < 0 && u <= (uint64_t)INT64_MAX + 1) return int_from_i64(S, (int64_t)(0 - u));
    }
    Int *r = (Int *)obj_alloc(S, S->t_int, sizeof(Int) + (size_t)n * sizeof(uint32_t));
    if (!r) return NULL;
    r->small = 0;
    r->size = sign < 0 ? -n : n;
    memcpy(r->digits, d, (size_t)n * sizeof(uint32_t));
    return (Obj *)r;
}

static int mag_cmp(const uint32_t *a, int32_t na, const uint32_t *b, int32_t nb) {
    if (na != nb) return na < nb ? -1 : 1;
    for (int32_t i = na - 1; i >= 0; i--)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* r = a + b; r has max(na, nb) + 1 digits. */
static int32_t mag_add(const uint32_t *a, int32_t na, const uint32_t *b, int32_t nb, uint32_t *r) {
    if (na < nb) { const uint32_t *t = a; a = b; b = t; int32_t tn = na; na = nb; nb = tn; }
    uint64_t carry = 0;
    for (int32_t i = 0; i < na; i++) {
        carry += (uint64_t)a[i] + (i < nb ? b[i] : 0);
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    r[na] = (uint32_t)carry;
    return na + 1;
}

/* r = a - b, requires a >= b. */
static int32_t mag_sub(const uint32_t *a, int32_t na, const uint32_t *b, int32_t nb, uint32_t *r) {
    int64_t borrow = 0;
    for (int32_t i = 0; i < na; i++) {
        int64_t t = (int64_t)a[i] - (i < nb ? b[i] : 0) - borrow;
        borrow = t < 0;
        r[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
    return na;
}

static void mag_mul(const uint32_t *a, int32_t na, const uint32_t *b, int32_t nb, uint32_t *r) {
    memset(r, 0, (size_t)(na + nb) * sizeof(uint32_t));
    for (int32_t i = 0; i < na; i++) {
        uint64_t carry = 0;
        for (int32_t j = 0; j < nb; j++) {
            carry += (uint64_t)a[i] * b[j] + r[i + j];
            r[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        r[i + nb] = (uint32_t)carry;
    }
}

/* Divides a (na digits) by one digit in place; returns the remainder. */
static uint32_t mag_divmod1(uint32_t *a, int32_t na, uint32_t b) {
    uint64_t rem = 0;
    for (int32_t i = na - 1; i >= 0; i--) {
        uint64_t cur = (rem << 32) | a[i];
        a[i] = (uint32_t)(cur / b);
        rem = cur % b;
    }
    return (uint32_t)rem;
}

/* Knuth D: q = a / b, r = a % b; q has na - nb + 1 digits, r has nb. b nonzero, trimmed. */
static int mag_divmod(rs_State *S, const uint32_t *a, int32_t na, const uint32_t *b, int32_t nb, uint32_t *q, uint32_t *r) {
    if (mag_cmp(a, na, b, nb) < 0) {
        memset(q, 0, sizeof(uint32_t) * (size_t)(na - nb + 1 > 0 ? na - nb + 1 : 1));
        memset(r, 0, sizeof(uint32_t) * (size_t)nb);
        memcpy(r, a, sizeof(uint32_t) * (size_t)na);
        return 0;
    }
    if (nb == 1) {
        memcpy(q, a, sizeof(uint32_t) * (size_t)na);
        r[0] = mag_divmod1(q, na, b[0]);
        return 0;
    }
    int shift = __builtin_clz(b[nb - 1]);
    uint32_t *un = digits_alloc(S, (size_t)na + 1), *vn = digits_alloc(S, (size_t)nb);
    if (!un || !vn) {
        if (un) digits_free(S, un, (size_t)na + 1);
        if (vn) digits_free(S, vn, (size_t)nb);
        return -1;
    }
    for (int32_t i = nb - 1; i > 0; i--)
        vn[i] = (b[i] << shift) | (shift ? (uint32_t)((uint64_t)b[i - 1] >> (32 - shift)) : 0);
    vn[0] = b[0] << shift;
    un[na] = shift ? (uint32_t)((uint64_t)a[na - 1] >> (32 - shift)) : 0;
    for (int32_t i = na - 1; i > 0; i--)
        un[i] = (a[i] << shift) | (shift ? (uint32_t)((uint64_t)a[i - 1] >> (32 - shift)) : 0);
    un[0] = a[0] << shift;
    for (int32_t j = na - nb; j >= 0; j--) {
        uint64_t num = ((uint64_t)un[j + nb] << 32) | un[j + nb - 1];
        uint64_t qhat = num / vn[nb - 1], rhat = num % vn[nb - 1];
        while (qhat >= ((uint64_t)1 << 32) || qhat * vn[nb - 2] > ((rhat << 32) | un[j + nb - 2])) {
            qhat--;
            rhat += vn[nb - 1];
            if (rhat >= ((uint64_t)1 << 32)) break;
        }
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (int32_t i = 0; i < nb; i++) {
            uint64_t p = qhat * vn[i] + carry;
            carry = p >> 32;
            int64_t t = (int64_t)un[i + j] - (int64_t)(uint32_t)p - borrow;
            borrow = t < 0;
            un[i + j] = (uint32_t)t;
        }
        int64_t t = (int64_t)un[j + nb] - (int64_t)carry - borrow;
        un[j + nb] = (uint32_t)t;
        if (t < 0) {
            qhat--;
            uint64_t c = 0;
            for (int32_t i = 0; i < nb; i++) {
                c += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (uint32_t)c;
                c >>= 32;
            }
            un[j + nb] += (uint32_t)c;
        }
        q[j] = (uint32_t)qhat;
    }
    for (int32_t i = 0; i < nb; i++)
        r[i] = (un[i] >> shift) | (shift ? (uint32_t)((uint64_t)un[i + 1] << (32 - shift)) : 0);
    digits_free(S, un, (size_t)na + 1);
    digits_free(S, vn, (size_t)nb);
    return 0;
}

/* ---- construction ---- */

Obj *int_from_i64(rs_State *S, int64_t v) {
    if (v >= RS_SMALL_INT_MIN && v <= RS_SMALL_INT_MAX) {
        Obj *o = (Obj *)S->small_ints[v - RS_SMALL_INT_MIN];
        INCREF(o);
        return o;
    }
    Int *r = (Int *)obj_alloc_plain(S, S->t_int, sizeof(Int));
    if (!r) return NULL;
    r->small = v;
    r->size = 0;
    return (Obj *)r;
}

Obj *int_from_u64(rs_State *S, uint64_t v) {
    if (v <= (uint64_t)INT64_MAX) return int_from_i64(S, (int64_t)v);
    uint32_t d[2] = {(uint32_t)v, (uint32_t)(v >> 32)};
    return int_from_mag(S, 1, d, 2);
}

Obj *int_from_double(rs_State *S, double x) {
    if (isinf(x)) return exc_raisef(S, S->e_OverflowError, "cannot convert float infinity to integer");
    if (isnan(x)) return exc_raisef(S, S->e_ValueError, "cannot convert float NaN to integer");
    x = trunc(x);
    if (x >= -9223372036854775808.0 && x < 9223372036854775808.0) return int_from_i64(S, (int64_t)x);
    int sign = x < 0 ? -1 : 1;
    x = fabs(x);
    int exp;
    frexp(x, &exp);
    int32_t n = (exp + 31) / 32;
    uint32_t *d = digits_alloc(S, (size_t)n);
    if (!d) return NULL;
    /* x is an integer here and scaling by powers of two is exact. */
    for (int32_t i = 0; i < n; i++) d[i] = (uint32_t)fmod(floor(ldexp(x, -32 * i)), 4294967296.0);
    Obj *r = int_from_mag(S, sign, d, n);
    digits_free(S, d, (size_t)n);
    return r;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

Obj *int_from_string(rs_State *S, const char *text, size_t len, int base) {
    const char *p = text, *end = text + len;
    while (p < end && util_isspace(*p)) p++;
    while (end > p && util_isspace(end[-1])) end--;
    int sign = 1;
    if (p < end && (*p == '+' || *p == '-')) {
        if (*p == '-') sign = -1;
        p++;
    }
    if (base == 0 || base == 16 || base == 8 || base == 2) {
        if (end - p >= 2 && p[0] == '0') {
            char c = (char)(p[1] | 0x20);
            int prefix = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
            if (prefix && (base == 0 || base == prefix)) {
                base = prefix;
                p += 2;
                if (p < end && *p == '_') p++;
            }
        }
        if (base == 0) {
            base = 10;
            /* "010" is not a valid literal with base 0, but "000" is. */
            if (end - p > 1 && p[0] == '0') {
                for (const char *q = p; q < end; q++)
                    if (*q != '0' && *q != '_') goto invalid;
            }
        }
    }
    if (p == end) goto invalid;
    if ((base & (base - 1)) != 0 && S->int_max_str_digits > 0) {
        /* CPython 3.11's guard: this conversion is quadratic, so a long decimal text is refused before it starts */
        size_t digits = 0;
        for (const char *q = p; q < end; q++) digits += *q != '_';
        if (digits > (size_t)S->int_max_str_digits)
            return exc_raisef(S, S->e_ValueError,
                              "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; use "
                              "sys.set_int_max_str_digits() to increase the limit",
                              S->int_max_str_digits, digits);
    }
    /* Accumulate in chunks that fit a digit multiply. */
    int32_t cap = (int32_t)((end - p) / 8 + 2), n = 0;
    uint32_t *d = digits_alloc(S, (size_t)cap);
    if (!d) return NULL;
    bool last_underscore = true;
    for (const char *q = p; q < end; q++) {
        if (*q == '_') {
            if (last_underscore) goto invalid_free;
            last_underscore = true;
            continue;
        }
        int v = digit_value(*q);
        if (v >= base) goto invalid_free;
        last_underscore = false;
        uint64_t carry = (uint64_t)v;
        for (int32_t i = 0; i < n; i++) {
            carry += (uint64_t)d[i] * (uint64_t)base;
            d[i] = (uint32_t)carry;
            carry >>= 32;
        }
        if (carry) d[n++] = (uint32_t)carry;
    }
    if (last_underscore) goto invalid_free;
    Obj *r = int_from_mag(S, sign, d, n);
    digits_free(S, d, (size_t)cap);
    return r;
invalid_free:
    digits_free(S, d, (size_t)cap);
invalid: {
        Obj *lit = str_new(S, text, len);
        if (!lit) return NULL;
        exc_raisef(S, S->e_ValueError, "invalid literal for int() with base %d: %R", base, lit);
        DECREF(S, lit);
        return NULL;
    }
}

int int_sign(Obj *o) {
    Int *i = (Int *)o;
    if (i->size) return i->size < 0 ? -1 : 1;
    return i->small < 0 ? -1 : i->small > 0;
}

int int_as_i64(rs_State *S, Obj *o, int64_t *out) {
    if (((Int *)o)->size == 0) {
        *out = ((Int *)o)->small;
        return 0;
    }
    exc_raisef(S, S->e_OverflowError, "Python int too large to convert to C long");
    return -1;
}

double int_as_double(rs_State *S, Obj *o, bool *overflow) {
    (void)S;
    *overflow = false;
    Int *i = (Int *)o;
    if (i->size == 0) return (double)i->small;
    Mag m;
    mag_of(o, &m);
    /* The top three digits carry more than a double's precision. */
    double r = 0;
    int32_t top = m.n - 1;
    for (int32_t k = top; k >= 0 && k >= top - 2; k--) r = r * 4294967296.0 + m.d[k];
    int32_t rest = top - 2 > 0 ? top - 2 : 0;
    r = ldexp(r, 32 * rest);
    if (isinf(r)) *overflow = true;
    return m.sign < 0 ? -r : r;
}

int int_compare(Obj *a, Obj *b) {
    Int *x = (Int *)a, *y = (Int *)b;
    if (x->size == 0 && y->size == 0) return x->small < y->small ? -1 : x->small > y->small;
    Mag ma, mb;
    mag_of(a, &ma);
    mag_of(b, &mb);
    if (ma.sign != mb.sign) return ma.sign < mb.sign ? -1 : 1;
    int c = mag_cmp(ma.d, ma.n, mb.d, mb.n);
    return ma.sign < 0 ? -c : c;
}

/* CPython's hash: the value modulo 2**61 - 1, with -1 mapped to -2. */
int64_t int_hash(Obj *o) {
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    Int *i = (Int *)o;
    if (i->size == 0) {
        int64_t v = i->small;
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        int64_t h = (int64_t)(u % P);
        if (v < 0) h = -h;
        return h == -1 ? -2 : h;
    }
    Mag m;
    mag_of(o, &m);
    uint64_t h = 0;
    for (int32_t k = m.n - 1; k >= 0; k--) {
        /* h = (h * 2^32 + d) mod P, with 2^32 * h rotated within 61 bits */
        h = ((h << 32) & P) | (h >> (61 - 32));
        h += m.d[k];
        if (h >= P) h -= P;
    }
    int64_t r = (int64_t)h;
    if (m.sign < 0) r = -r;
    return r == -1 ? -2 : r;
}

size_t int_bit_length(Obj *o) {
    Mag m;
    mag_of(o, &m);
    if (m.n == 0) return 0;
    return (size_t)(m.n - 1) * 32 + (32 - (size_t)__builtin_clz(m.d[m.n - 1]));
}

static Obj *too_many_digits(rs_State *S) {
    return exc_raisef(S, S->e_ValueError,
                      "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to "
                      "increase the limit",
                      S->int_max_str_digits);
}

Obj *int_to_base_string(rs_State *S, Obj *o, int base, bool prefix) {
    bool limited = (base & (base - 1)) != 0 && S->int_max_str_digits > 0;
    /* a value of b bits has at least (b - 1) * log10(2) + 1 decimal digits: refused before the quadratic work */
    if (limited && ((double)int_bit_length(o) - 1) * 0.30102999566398120 + 1 > (double)S->int_max_str_digits + 1)
        return too_many_digits(S);
    Mag m;
    mag_of(o, &m);
    size_t cap = (size_t)m.n * 32 + 8;
    char *buf = mem_alloc(&S->mem, cap);
    if (!buf) return exc_nomemory(S);
    uint32_t *work = digits_alloc(S, (size_t)m.n);
    if (!work) {
        mem_free(&S->mem, buf, cap);
        return NULL;
    }
    memcpy(work, m.d, (size_t)m.n * sizeof(uint32_t));
    size_t pos = cap;
    int32_t n = m.n;
    if (n == 0) buf[--pos] = '0';
    /* Peel off chunks of base^k digits that fit in 32 bits. */
    uint32_t chunk = (uint32_t)base;
    int per = 1;
    while ((uint64_t)chunk * (uint64_t)base <= 0xFFFFFFFFu) {
        chunk *= (uint32_t)base;
        per++;
    }
    while (n > 0) {
        uint32_t rem = mag_divmod1(work, n, chunk);
        n = trim(work, n);
        for (int k = 0; k < per; k++) {
            if (n == 0 && rem == 0) break;
            buf[--pos] = "0123456789abcdefghijklmnopqrstuvwxyz"[rem % (uint32_t)base];
            rem /= (uint32_t)base;
        }
    }
    if (prefix && base != 10) {
        buf[--pos] = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
        buf[--pos] = '0';
    }
    if (limited && cap - pos > (size_t)S->int_max_str_digits) {
        digits_free(S, work, (size_t)m.n);
        mem_free(&S->mem, buf, cap);
        return too_many_digits(S);
    }
    if (m.sign < 0) buf[--pos] = '-';
    Obj *r = str_new(S, buf + pos, cap - pos);
    digits_free(S, work, (size_t)m.n);
    mem_free(&S->mem, buf, cap);
    return r;
}

/* ---- arithmetic on magnitudes ---- */

static Obj *big_addsub(rs_State *S, Mag *a, Mag *b, int bsign) {
    int32_t n = (a->n > b->n ? a->n : b->n) + 1;
    uint32_t *r = digits_alloc(S, (size_t)n);
    if (!r) return NULL;
    int sign;
    if (a->sign == 0) {
        memcpy(r, b->d, (size_t)b->n * sizeof(uint32_t));
        sign = bsign;
    } else if (bsign == 0) {
        memcpy(r, a->d, (size_t)a->n * sizeof(uint32_t));
        sign = a->sign;
    } else if (a->sign == bsign) {
        mag_add(a->d, a->n, b->d, b->n, r);
        sign = a->sign;
    } else if (mag_cmp(a->d, a->n, b->d, b->n) >= 0) {
        mag_sub(a->d, a->n, b->d, b->n, r);
        sign = a->sign;
    } else {
        mag_sub(b->d, b->n, a->d, a->n, r);
        sign = bsign;
    }
    Obj *res = int_from_mag(S, sign, r, n);
    digits_free(S, r, (size_t)n);
    return res;
}

static Obj *big_mul(rs_State *S, Mag *a, Mag *b) {
    if (a->sign == 0 || b->sign == 0) return int_from_i64(S, 0);
    int32_t n = a->n + b->n;
    uint32_t *r = digits_alloc(S, (size_t)n);
    if (!r) return NULL;
    mag_mul(a->d, a->n, b->d, b->n, r);
    Obj *res = int_from_mag(S, a->sign * b->sign, r, n);
    digits_free(S, r, (size_t)n);
    return res;
}

/* Floor division and modulo; either output may be NULL. */
static int big_divmod(rs_State *S, Mag *a, Mag *b, Obj **qout, Obj **rout) {
    int32_t qn = a->n - b->n + 1 > 0 ? a->n - b->n + 1 : 1, rn = b->n;
    uint32_t *q = digits_alloc(S, (size_t)qn + 1), *r = digits_alloc(S, (size_t)rn);
    if (!q || !r || mag_divmod(S, a->d, a->n, b->d, b->n, q, r) < 0) {
        if (q) digits_free(S, q, (size_t)qn + 1);
        if (r) digits_free(S, r, (size_t)rn);
        return -1;
    }
    int qsign = a->sign * b->sign;
    int32_t rlen = trim(r, rn);
    bool adjust = qsign < 0 && rlen > 0;
    if (adjust) {
        /* floor: q = -(|a| / |b|) - 1, r = b - r with b's sign */
        uint64_t carry = 1;
        for (int32_t i = 0; i < qn + 1 && carry; i++) {
            carry += q[i];
            q[i] = (uint32_t)carry;
            carry >>= 32;
        }
        uint32_t *t = digits_alloc(S, (size_t)rn);
        if (!t) {
            digits_free(S, q, (size_t)qn + 1);
            digits_free(S, r, (size_t)rn);
            return -1;
        }
        mag_sub(b->d, b->n, r, rlen, t);
        memcpy(r, t, (size_t)rn * sizeof(uint32_t));
        digits_free(S, t, (size_t)rn);
    }
    int rsign = b->sign;
    Obj *qo = qout ? int_from_mag(S, qsign, q, qn + 1) : NULL;
    Obj *ro = rout ? int_from_mag(S, rsign, r, rn) : NULL;
    digits_free(S, q, (size_t)qn + 1);
    digits_free(S, r, (size_t)rn);
    if ((qout && !qo) || (rout && !ro)) {
        XDECREF(S, qo);
        XDECREF(S, ro);
        return -1;
    }
    if (qout) *qout = qo;
    if (rout) *rout = ro;
    return 0;
}

/* Two's complement limbs of length n for bitwise operations. */
static uint32_t *twos(rs_State *S, Mag *m, int32_t n) {
    uint32_t *t = digits_alloc(S, (size_t)n);
    if (!t) return NULL;
    memcpy(t, m->d, (size_t)m->n * sizeof(uint32_t));
    if (m->sign < 0) {
        uint64_t carry = 1;
        for (int32_t i = 0; i < n; i++) {
            carry += (uint32_t)~t[i];
            t[i] = (uint32_t)carry;
            carry >>= 32;
        }
    }
    return t;
}

static Obj *big_bitop(rs_State *S, Mag *a, Mag *b, int op) {
    int32_t n = (a->n > b->n ? a->n : b->n) + 1;
    uint32_t *x = twos(S, a, n), *y = twos(S, b, n);
    if (!x || !y) {
        if (x) digits_free(S, x, (size_t)n);
        if (y) digits_free(S, y, (size_t)n);
        return NULL;
    }
    for (int32_t i = 0; i < n; i++)
        x[i] = op == OP_AND ? x[i] & y[i] : op == OP_OR ? x[i] | y[i] : x[i] ^ y[i];
    int neg = (x[n - 1] >> 31) & 1;
    if (neg) {
        uint64_t carry = 1;
        for (int32_t i = 0; i < n; i++) {
            carry += (uint32_t)~x[i];
            x[i] = (uint32_t)carry;
            carry >>= 32;
        }
    }
    Obj *r = int_from_mag(S, neg ? -1 : 1, x, n);
    digits_free(S, x, (size_t)n);
    digits_free(S, y, (size_t)n);
    return r;
}

static Obj *int_pow(rs_State *S, Obj *base, Obj *exp);

static Obj *shift(rs_State *S, Obj *a, Obj *b, bool left) {
    if (int_sign(b) < 0) return exc_raisef(S, S->e_ValueError, "negative shift count");
    int64_t k;
    if (((Int *)b)->size != 0) {
        if (!left) return int_from_i64(S, int_sign(a) < 0 ? -1 : 0);
        if (int_sign(a) == 0) return int_from_i64(S, 0);
        return exc_raisef(S, S->e_OverflowError, "too many digits in integer");
    }
    k = ((Int *)b)->small;
    if (int_sign(a) == 0) return int_from_i64(S, 0);
    if (!left && k >= (int64_t)int_bit_length(a) + 1) return int_from_i64(S, int_sign(a) < 0 ? -1 : 0);
    if (left && k > (int64_t)1 << 28) return exc_raisef(S, S->e_OverflowError, "too many digits in integer");
    Obj *two = int_from_i64(S, 2), *p = NULL, *r = NULL;
    if (two) p = int_pow(S, two, b);
    if (p) r = int_binary(S, a, p, left ? OP_MUL : OP_FLOORDIV);
    XDECREF(S, two);
    XDECREF(S, p);
    return r;
}

static Obj *int_pow(rs_State *S, Obj *base, Obj *exp) {
    Obj *result = int_from_i64(S, 1);
    Obj *b = NEWREF(base);
    int64_t e;
    if (int_as_i64(S, exp, &e) < 0) {
        DECREF(S, result);
        DECREF(S, b);
        return NULL;
    }
    while (result && b && e > 0) {
        if (e & 1) SETREF(S, result, int_binary(S, result, b, OP_MUL));
        e >>= 1;
        if (e && result) SETREF(S, b, int_binary(S, b, b, OP_MUL));
    }
    XDECREF(S, b);
    if (!b) CLEAR(S, result);
    return result;
}

Obj *int_pow_mod(rs_State *S, Obj *a, Obj *b, Obj *m) {
    if (int_sign(m) == 0) return exc_raisef(S, S->e_ValueError, "pow() 3rd argument cannot be 0");
    if (int_sign(b) < 0) return exc_raisef(S, S->e_ValueError, "pow() 2nd argument cannot be negative when 3rd argument specified");
    Obj *result = int_from_i64(S, 1), *base = int_binary(S, a, m, OP_MOD), *e = NEWREF(b);
    while (result && base && e && int_sign(e) > 0) {
        Int *ei = (Int *)e;
        bool odd = ei->size == 0 ? (ei->small & 1) : (ei->digits[0] & 1);
        if (odd) {
            SETREF(S, result, int_binary(S, result, base, OP_MUL));
            if (result) SETREF(S, result, int_binary(S, result, m, OP_MOD));
        }
        Obj *one = int_from_i64(S, 1);
        SETREF(S, e, one ? shift(S, e, one, false) : NULL);
        XDECREF(S, one);
        if (!e) break;
        SETREF(S, base, int_binary(S, base, base, OP_MUL));
        if (base) SETREF(S, base, int_binary(S, base, m, OP_MOD));
    }
    bool failed = !base || !e;
    XDECREF(S, base);
    XDECREF(S, e);
    if (failed) CLEAR(S, result);
    return result;
}

static Obj *true_divide(rs_State *S, Obj *a, Obj *b) {
    if (int_sign(b) == 0) return exc_raisef(S, S->e_ZeroDivisionError, "division by zero");
    Int *x = (Int *)a, *y = (Int *)b;
    if (x->size == 0 && y->size == 0 && x->small < ((int64_t)1 << 53) && x->small > -((int64_t)1 << 53) &&
        y->small < ((int64_t)1 << 53) && y->small > -((int64_t)1 << 53))
        return float_new(S, (double)x->small / (double)y->small);
    bool o1, o2;
    double da = int_as_double(S, a, &o1), db = int_as_double(S, b, &o2);
    if (o1 || o2) return exc_raisef(S, S->e_OverflowError, "integer division result too large for a float");
    return float_new(S, da / db);
}

Obj *int_binary(rs_State *S, Obj *a, Obj *b, int op) {
    Int *x = (Int *)a, *y = (Int *)b;
    op &= ~OP_INPLACE;
    if (x->size == 0 && y->size == 0) {
        int64_t u = x->small, v = y->small, r;
        switch (op) {
        case OP_ADD:
            if (!__builtin_add_overflow(u, v, &r)) return int_from_i64(S, r);
            break;
        case OP_SUB:
            if (!__builtin_sub_overflow(u, v, &r)) return int_from_i64(S, r);
            break;
        case OP_MUL:
            if (!__builtin_mul_overflow(u, v, &r)) return int_from_i64(S, r);
            break;
        case OP_FLOORDIV:
        case OP_MOD:
            if (v == 0)
                return exc_raisef(S, S->e_ZeroDivisionError,
                                  op == OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
            if (u == INT64_MIN && v == -1) break;
            {
                int64_t q = u / v, m = u % v;
                if (m != 0 && ((m < 0) != (v < 0))) {
                    q--;
                    m += v;
                }
                return int_from_i64(S, op == OP_MOD ? m : q);
            }
        case OP_AND: return int_from_i64(S, u & v);
        case OP_OR: return int_from_i64(S, u | v);
        case OP_XOR: return int_from_i64(S, u ^ v);
        case OP_LSHIFT:
            if (v >= 0 && v < 63 && u >= -(INT64_C(1) << (62 - v)) && u < (INT64_C(1) << (62 - v)))
                return int_from_i64(S, u * (INT64_C(1) << v));
            break;
        case OP_RSHIFT:
            if (v < 0) return exc_raisef(S, S->e_ValueError, "negative shift count");
            return int_from_i64(S, v >= 64 ? (u < 0 ? -1 : 0) : u >> v);
        default: break;
        }
    }
    if (op == OP_TRUEDIV) return true_divide(S, a, b);
    if (op == OP_POW) {
        if (int_sign(b) < 0) {
            bool o1, o2;
            double da = int_as_double(S, a, &o1), db = int_as_double(S, b, &o2);
            if (da == 0) return exc_raisef(S, S->e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return float_new(S, pow(da, db));
        }
        return int_pow(S, a, b);
    }
    if (op == OP_LSHIFT || op == OP_RSHIFT) return shift(S, a, b, op == OP_LSHIFT);
    Mag ma, mb;
    mag_of(a, &ma);
    mag_of(b, &mb);
    switch (op) {
    case OP_ADD: return big_addsub(S, &ma, &mb, mb.sign);
    case OP_SUB: return big_addsub(S, &ma, &mb, -mb.sign);
    case OP_MUL: return big_mul(S, &ma, &mb);
    case OP_FLOORDIV:
    case OP_MOD: {
        if (mb.sign == 0)
            return exc_raisef(S, S->e_ZeroDivisionError,
                              op == OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
        Obj *res = NULL;
        if (big_divmod(S, &ma, &mb, op == OP_FLOORDIV ? &res : NULL, op == OP_MOD ? &res : NULL) < 0) return NULL;
        return res;
    }
    case OP_AND:
    case OP_OR:
    case OP_XOR: return big_bitop(S, &ma, &mb, op);
    default: return NEWREF(S->notimpl);
    }
}

/* ---- the int type ---- */

static void int_dealloc(rs_State *S, Obj *o) {
    Int *i = (Int *)o;
    size_t n = (size_t)(i->size < 0 ? -i->size : i->size);
    if (TYPE(o) == S->t_int) obj_free_plain(S, o, sizeof(Int) + n * sizeof(uint32_t));
    else obj_free(S, o, TYPE(o)->basicsize + n * sizeof(uint32_t));
}

static Obj *int_repr(rs_State *S, Obj *o) {
    Int *i = (Int *)o;
    if (i->size == 0) {
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)i->small);
        return str_new(S, buf, (size_t)n);
    }
    return int_to_base_string(S, o, 10, false);
}

static int64_t int_hash_slot(rs_State *S, Obj *o) {
    (void)S;
    return int_hash(o);
}

static Obj *int_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if (!IS_INT(b)) return NEWREF(S->notimpl);
    int c = int_compare(a, b);
    bool r;
    switch (op) {
    case CMP_LT: r = c < 0; break;
    case CMP_LE: r = c <= 0; break;
    case CMP_EQ: r = c == 0; break;
    case CMP_NE: r = c != 0; break;
    case CMP_GT: r = c > 0; break;
    default: r = c >= 0;
    }
    return NEWREF(r ? S->true_ : S->false_);
}

static Obj *int_binop(rs_State *S, Obj *self, Obj *other, int op, bool reflected) {
    if (!IS_INT(other)) return NEWREF(S->notimpl);
    int base = op & ~OP_INPLACE;
    if (base == OP_MATMUL) return NEWREF(S->notimpl);
    /* bool & bool stays bool */
    if (TYPE(self) == S->t_bool && TYPE(other) == S->t_bool && (base == OP_AND || base == OP_OR || base == OP_XOR)) {
        bool x = ((Int *)self)->small != 0, y = ((Int *)other)->small != 0;
        bool r = base == OP_AND ? (x && y) : base == OP_OR ? (x || y) : (x != y);
        return NEWREF(r ? S->true_ : S->false_);
    }
    return reflected ? int_binary(S, other, self, base) : int_binary(S, self, other, base);
}

static Obj *int_neg(rs_State *S, Obj *o) {
    Int *i = (Int *)o;
    if (i->size == 0 && i->small != INT64_MIN) return int_from_i64(S, -i->small);
    Obj *zero = int_from_i64(S, 0);
    if (!zero) return NULL;
    Obj *r = int_binary(S, zero, o, OP_SUB);
    DECREF(S, zero);
    return r;
}

static Obj *int_pos(rs_State *S, Obj *o) {
    if (TYPE(o) == S->t_int) return NEWREF(o);
    Obj *zero = int_from_i64(S, 0);
    if (!zero) return NULL;
    Obj *r = int_binary(S, zero, o, OP_ADD);
    DECREF(S, zero);
    return r;
}

static Obj *int_invert(rs_State *S, Obj *o) {
    Obj *one = int_from_i64(S, -1);
    if (!one) return NULL;
    Obj *r = int_binary(S, one, o, OP_SUB);
    DECREF(S, one);
    return r;
}

static Obj *int_abs(rs_State *S, Obj *o) { return int_sign(o) < 0 ? int_neg(S, o) : int_pos(S, o); }

static int int_truth(rs_State *S, Obj *o) {
    (void)S;
    return int_sign(o) != 0;
}

static Obj *int_index(rs_State *S, Obj *o) {
    if (TYPE(o) == S->t_int) return NEWREF(o);
    return int_pos(S, o);
}

static Obj *int_value_of(rs_State *S, Obj *x, Obj *base_obj) {
    if (base_obj) {
        int64_t base;
        if (obj_index_i64(S, base_obj, &base, "base") < 0) return NULL;
        if (base != 0 && (base < 2 || base > 36)) return exc_raisef(S, S->e_ValueError, "int() base must be >= 2 and <= 36, or 0");
        if (!IS_STR(x)) return exc_raisef(S, S->e_TypeError, "int() can't convert non-string with explicit base");
        return int_from_string(S, STR_DATA(x), ((Str *)x)->nbytes, (int)base);
    }
    if (IS_INT(x)) return int_index(S, x);
    if (TYPE(x) == S->t_float) return int_from_double(S, ((Float *)x)->value);
    if (IS_STR(x)) return int_from_string(S, STR_DATA(x), ((Str *)x)->nbytes, 10);
    static const char *const hooks[] = {"__int__", "__index__", "__trunc__"};
    for (int k = 0; k < 3; k++) {
        Obj *name = str_intern_cstr(S, hooks[k]);
        if (!name) return NULL;
        Obj *m = obj_lookup_attr(S, x, (Str *)name);
        DECREF(S, name);
        if (m) {
            Obj *r = obj_call0(S, m);
            DECREF(S, m);
            if (r && !IS_INT(r)) {
                exc_raisef(S, S->e_TypeError, "%s returned non-int (type %s)", hooks[k], type_name(TYPE(r)));
                DECREF(S, r);
                return NULL;
            }
            return r;
        }
        if (S->exc) return NULL;
    }
    return exc_raisef(S, S->e_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                      type_name(TYPE(x)));
}

static Obj *int_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    static const char *const names[] = {"x", "base"};
    Obj *a[2];
    if (args_bind(S, "int", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    if (!a[0] && a[1]) return exc_raisef(S, S->e_TypeError, "int() missing string argument");
    Obj *v = a[0] ? int_value_of(S, a[0], a[1]) : int_from_i64(S, 0);
    if (!v || t == S->t_int) return v;
    Int *src = (Int *)v;
    size_t n = (size_t)(src->size < 0 ? -src->size : src->size);
    Int *r = (Int *)obj_alloc(S, t, t->basicsize + n * sizeof(uint32_t));
    if (r) {
        r->small = src->small;
        r->size = src->size;
        memcpy(r->digits, src->digits, n * sizeof(uint32_t));
    }
    DECREF(S, v);
    return (Obj *)r;
}

static Obj *m_bit_length(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "bit_length", kw) < 0 || args_count(S, "bit_length", nargs, 0, 0) < 0) return NULL;
    return int_from_u64(S, int_bit_length(self));
}

static Obj *m_bit_count(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "bit_count", kw) < 0 || args_count(S, "bit_count", nargs, 0, 0) < 0) return NULL;
    Mag m;
    mag_of(self, &m);
    uint64_t n = 0;
    for (int32_t i = 0; i < m.n; i++) n += (uint64_t)__builtin_popcount(m.d[i]);
    return int_from_u64(S, n);
}

static Obj *m_int_format(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__format__", kw) < 0 || args_count(S, "__format__", nargs, 1, 1) < 0) return NULL;
    return str_format_spec(S, self, args[0]);
}

static Obj *m_int_round(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__round__", kw) < 0 || args_count(S, "__round__", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0 || args[0] == S->none || int_sign(args[0]) >= 0) return int_index(S, self);
    /* round to a negative number of digits: half to even on 10**-n */
    Obj *ten = int_from_i64(S, 10), *neg = int_neg(S, args[0]);
    Obj *p = ten && neg ? int_binary(S, ten, neg, OP_POW) : NULL;
    XDECREF(S, ten);
    XDECREF(S, neg);
    if (!p) return NULL;
    Obj *q = NULL, *r = NULL;
    Mag ma, mb;
    mag_of(self, &ma);
    mag_of(p, &mb);
    if (big_divmod(S, &ma, &mb, &q, &r) < 0) {
        DECREF(S, p);
        return NULL;
    }
    Obj *twice = int_binary(S, r, r, OP_ADD);
    int c = twice ? int_compare(twice, p) : 0;
    XDECREF(S, twice);
    Int *qi = (Int *)q;
    bool q_odd = qi->size == 0 ? (qi->small & 1) : (qi->digits[0] & 1);
    if (c > 0 || (c == 0 && q_odd)) {
        Obj *one = int_from_i64(S, 1);
        SETREF(S, q, one ? int_binary(S, q, one, OP_ADD) : NULL);
        XDECREF(S, one);
    }
    Obj *res = q ? int_binary(S, q, p, OP_MUL) : NULL;
    XDECREF(S, q);
    DECREF(S, r);
    DECREF(S, p);
    return res;
}

static Obj *m_int_self(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    return int_index(S, self);
}


static Obj *int_getattr(rs_State *S, Obj *o, Str *name) {
    if (str_eq_cstr((Obj *)name, "real") || str_eq_cstr((Obj *)name, "numerator")) return int_index(S, o);
    if (str_eq_cstr((Obj *)name, "imag")) return int_from_i64(S, 0);
    if (str_eq_cstr((Obj *)name, "denominator")) return int_from_i64(S, 1);
    return obj_generic_getattr(S, o, name);
}

static const CFuncDef int_methods[] = {{"bit_length", m_bit_length}, {"bit_count", m_bit_count}, {"__format__", m_int_format},
                                        {"__round__", m_int_round},   {"__index__", m_int_self},    {"__int__", m_int_self},
                                        {"__trunc__", m_int_self},    {"conjugate", m_int_self},
                                        {NULL, NULL}};

void int_init_type(rs_State *S);
void int_init_type(rs_State *S) {
    Type *t = S->t_int;
    t->dealloc = int_dealloc;
    t->repr = int_repr;
    t->hash = int_hash_slot;
    t->richcmp = int_richcmp;
    t->binop = int_binop;
    t->neg = int_neg;
    t->pos = int_pos;
    t->invert = int_invert;
    t->absolute = int_abs;
    t->truth = int_truth;
    t->to_int = int_index;
    t->tp_new = int_tp_new;
    t->getattr = int_getattr;
    cfunc_add_methods(S, t, int_methods);
}
