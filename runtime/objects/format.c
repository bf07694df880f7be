/*
 * format.c: the format-spec mini-language of format(), str.format and
 * f-strings for the built-in types ([[fill]align][sign][#][0][width][,_]
 * [.precision][type]), and printf-style `str % args`.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "../core/buf.h"
#include "../core/util.h"
#include "abstract.h"
#include "dict.h"
#include "exception.h"
#include "float.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

typedef struct Spec {
    const char *fill;
    size_t filln;
    char align;      /* 0, '<', '>', '^', '=' */
    char sign;       /* 0, '+', '-', ' ' */
    bool alt, zero;
    int64_t width;   /* -1 none */
    char grouping;   /* 0, ',', '_' */
    int64_t precision;
    char type;
} Spec;

static int parse_spec(rs_State *S, Str *spec, Spec *s) {
    memset(s, 0, sizeof *s);
    s->fill = " ";
    s->filln = 1;
    s->width = -1;
    s->precision = -1;
    const char *p = spec->data, *e = p + spec->nbytes;
    /* fill and align: the second character decides */
    if (p < e) {
        size_t cl = 1;
        while (p + cl < e && ((unsigned char)p[cl] & 0xC0) == 0x80) cl++;
        if (p + cl < e && strchr("<>^=", p[cl]) && p[cl]) {
            s->fill = p;
            s->filln = cl;
            s->align = p[cl];
            p += cl + 1;
        } else if (strchr("<>^=", *p) && *p) {
            s->align = *p++;
        }
    }
    if (p < e && (*p == '+' || *p == '-' || *p == ' ')) s->sign = *p++;
    if (p < e && *p == '#') {
        s->alt = true;
        p++;
    }
    if (p < e && *p == '0') {
        s->zero = true;
        p++;
    }
    if (p < e && util_isdigit((unsigned char)*p)) {
        s->width = 0;
        while (p < e && util_isdigit((unsigned char)*p)) s->width = s->width * 10 + (*p++ - '0');
    }
    if (p < e && (*p == ',' || *p == '_')) s->grouping = *p++;
    if (p < e && *p == '.') {
        p++;
        if (p >= e || !util_isdigit((unsigned char)*p)) {
            exc_raisef(S, S->e_ValueError, "Format specifier missing precision");
            return -1;
        }
        s->precision = 0;
        while (p < e && util_isdigit((unsigned char)*p)) s->precision = s->precision * 10 + (*p++ - '0');
    }
    if (p < e) s->type = *p++;
    if (p < e) {
        exc_raisef(S, S->e_ValueError, "Invalid format specifier");
        return -1;
    }
    if (s->zero && !s->align) {
        s->align = '=';
        s->fill = "0";
        s->filln = 1;
    }
    return 0;
}

/* Inserts grouping separators into the integer digits of num (sign excluded). */
static void add_grouped(Buf *b, const char *digits, size_t n, char sep, int every) {
    for (size_t i = 0; i < n; i++) {
        buf_addc(b, digits[i]);
        size_t left = n - 1 - i;
        if (sep && left > 0 && left % (size_t)every == 0) buf_addc(b, sep);
    }
}

/* Pads body (sign and prefix first, then digits) to the spec's width. */
static Obj *finish(rs_State *S, const Spec *s, const char *prefix, const char *body, size_t bodyn, char default_align) {
    Buf b;
    buf_init(&b, &S->mem);
    size_t plen = strlen(prefix);
    size_t chars = plen;
    for (size_t i = 0; i < bodyn; i++)
        if (((unsigned char)body[i] & 0xC0) != 0x80) chars++;
    size_t width = s->width > 0 ? (size_t)s->width : 0;
    size_t padn = width > chars ? width - chars : 0;
    char align = s->align ? s->align : default_align;
    size_t left = align == '>' ? padn : align == '^' ? padn / 2 : 0;
    size_t right = align == '<' ? padn : align == '^' ? padn - padn / 2 : 0;
    if (align == '=') {
        buf_adds(&b, prefix);
        for (size_t i = 0; i < padn; i++) buf_add(&b, s->fill, s->filln);
        buf_add(&b, body, bodyn);
    } else {
        for (size_t i = 0; i < left; i++) buf_add(&b, s->fill, s->filln);
        buf_adds(&b, prefix);
        buf_add(&b, body, bodyn);
        for (size_t i = 0; i < right; i++) buf_add(&b, s->fill, s->filln);
    }
    if (b.failed) {
        buf_free(&b);
        return exc_nomemory(S);
    }
    Obj *r = str_new(S, b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

static Obj *format_int(rs_State *S, Obj *v, const Spec *s) {
    char type = s->type ? s->type : 'd';
    if (strchr("eEfFgG%", type) && type) {
        bool ovf;
        double d = int_as_double(S, v, &ovf);
        Obj *f = float_new(S, d);
        if (!f) return NULL;
        extern Obj *format_float_spec(rs_State * S, double d, const Spec *s);
        Obj *r = format_float_spec(S, d, s);
        DECREF(S, f);
        return r;
    }
    if (s->precision >= 0) return exc_raisef(S, S->e_ValueError, "Precision not allowed in integer format specifier");
    int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : type == 'b' ? 2 : 10;
    if (type == 'c') {
        int64_t cp;
        if (int_as_i64(S, v, &cp) < 0 || cp < 0 || cp > 0x10FFFF) {
            exc_clear(S);
            return exc_raisef(S, S->e_OverflowError, "%%c arg not in range(0x110000)");
        }
        char buf[4];
        size_t n = util_utf8_encode((unsigned)cp, buf);
        return finish(S, s, "", buf, n, '<');
    }
    if (!strchr("dnxXobc", type)) return exc_raisef(S, S->e_ValueError, "Unknown format code '%c' for object of type 'int'", type);
    Obj *digits = int_to_base_string(S, v, base, false);
    if (!digits) return NULL;
    const char *d = STR_DATA(digits);
    size_t n = ((Str *)digits)->nbytes;
    bool neg = d[0] == '-';
    if (neg) {
        d++;
        n--;
    }
    char prefix[8] = {0};
    size_t pl = 0;
    if (neg) prefix[pl++] = '-';
    else if (s->sign == '+') prefix[pl++] = '+';
    else if (s->sign == ' ') prefix[pl++] = ' ';
    if (s->alt && base != 10) {
        prefix[pl++] = '0';
        prefix[pl++] = base == 16 ? (type == 'X' ? 'X' : 'x') : base == 8 ? 'o' : 'b';
    }
    Buf b;
    buf_init(&b, &S->mem);
    int every = base == 10 ? 3 : 4;
    char sep = s->grouping;
    if (sep && s->align == '=' && s->fill[0] == '0' && s->width > 0) {
        /* Zero padding goes through the grouping too. */
        int64_t want = s->width - (int64_t)pl;
        size_t total = n;
        while ((int64_t)(total + (total - 1) / (size_t)every) < want) total++;
        char *z = mem_alloc(&S->mem, total + 1);
        if (!z) {
            DECREF(S, digits);
            return exc_nomemory(S);
        }
        memset(z, '0', total - n);
        memcpy(z + total - n, d, n);
        add_grouped(&b, z, total, sep, every);
        mem_free(&S->mem, z, total + 1);
    } else {
        add_grouped(&b, d, n, sep, every);
    }
    if (type == 'X')
        for (size_t i = 0; i < b.len; i++)
            if (b.data[i] >= 'a' && b.data[i] <= 'f') b.data[i] = (char)(b.data[i] - 32);
    DECREF(S, digits);
    if (b.failed) {
        buf_free(&b);
        return exc_nomemory(S);
    }
    Obj *r = finish(S, s, prefix, b.data ? b.data : "", b.len, '>');
    buf_free(&b);
    return r;
}

Obj *format_float_spec(rs_State *S, double d, const Spec *s);
Obj *format_float_spec(rs_State *S, double d, const Spec *s) {
    char type = s->type;
    int64_t prec = s->precision;
    char body[512];
    bool neg = signbit(d) && !isnan(d);
    double a = fabs(d);
    if (prec > 400) prec = 400;
    if (isinf(a) || isnan(a)) {
        snprintf(body, sizeof body, "%s", isnan(a) ? "nan" : "inf");
        if (type == 'F' || type == 'E' || type == 'G') {
            for (char *q = body; *q; q++) *q = (char)(*q - 32);
        }
    } else if (!type) {
        if (prec < 0) {
            float_repr_buf(a, body);
        } else {
            /* Like 'g' but always keeps a digit after the point when in fixed notation. */
            snprintf(body, sizeof body, "%.*g", (int)(prec ? prec : 1), a);
            if (!strchr(body, '.') && !strchr(body, 'e') && !strchr(body, 'n') && !strchr(body, 'i')) strcat(body, ".0");
            char *e = strchr(body, 'e');
            if (e && (e[2] == '0') && e[3]) memmove(e + 2, e + 3, strlen(e + 3) + 1);
        }
    } else if (type == 'f' || type == 'F' || type == '%') {
        snprintf(body, sizeof body, "%.*f", (int)(prec < 0 ? 6 : prec), type == '%' ? a * 100 : a);
        if (s->alt && !strchr(body, '.')) strcat(body, ".");
        if (type == '%') strcat(body, "%");
    } else if (type == 'e' || type == 'E') {
        snprintf(body, sizeof body, type == 'e' ? "%.*e" : "%.*E", (int)(prec < 0 ? 6 : prec), a);
    } else if (type == 'g' || type == 'G' || type == 'n') {
        snprintf(body, sizeof body, s->alt ? (type == 'G' ? "%#.*G" : "%#.*g") : (type == 'G' ? "%.*G" : "%.*g"), (int)(prec < 0 ? 6 : prec == 0 ? 1 : prec), a);
    } else {
        return exc_raisef(S, S->e_ValueError, "Unknown format code '%c' for object of type 'float'", type);
    }
    char prefix[2] = {0};
    if (neg) prefix[0] = '-';
    else if (s->sign == '+') prefix[0] = '+';
    else if (s->sign == ' ') prefix[0] = ' ';
    if (s->grouping) {
        /* Group the integer part. */
        char grouped[600];
        size_t intlen = strspn(body, "0123456789");
        Buf b;
        buf_init(&b, &S->mem);
        add_grouped(&b, body, intlen, s->grouping, 3);
        buf_adds(&b, body + intlen);
        if (b.failed || b.len >= sizeof grouped) {
            buf_free(&b);
            return exc_nomemory(S);
        }
        memcpy(body, b.data, b.len + 1);
        buf_free(&b);
    }
    return finish(S, s, prefix, body, strlen(body), '>');
}

Obj *str_format_spec(rs_State *S, Obj *value, Obj *spec) {
    Spec s;
    if (parse_spec(S, (Str *)spec, &s) < 0) return NULL;
    if (IS_STR(value)) {
        if (s.type && s.type != 's') return exc_raisef(S, S->e_ValueError, "Unknown format code '%c' for object of type 'str'", s.type);
        if (s.sign) return exc_raisef(S, S->e_ValueError, "Sign not allowed in string format specifier");
        if (s.align == '=') return exc_raisef(S, S->e_ValueError, "'=' alignment not allowed in string format specifier");
        Str *v = (Str *)value;
        size_t nbytes = v->nbytes;
        if (s.precision >= 0 && (size_t)s.precision < v->len) nbytes = str_offset(v, (size_t)s.precision);
        return finish(S, &s, "", v->data, nbytes, '<');
    }
    if (IS_INT(value)) {
        if (TYPE(value) == S->t_bool && !s.type && ((Str *)spec)->nbytes == 0) return obj_str(S, value);
        return format_int(S, value, &s);
    }
    if (IS_FLOAT(value)) return format_float_spec(S, FLOAT_VAL(value), &s);
    if (((Str *)spec)->nbytes == 0) return obj_str(S, value);
    return exc_raisef(S, S->e_TypeError, "unsupported format string passed to %s.__format__", type_name(TYPE(value)));
}

/* ---- printf-style formatting ---- */

Obj *str_mod(rs_State *S, Obj *fmt, Obj *args) {
    Str *f = (Str *)fmt;
    Buf b;
    buf_init(&b, &S->mem);
    Obj *const *items = &args;
    size_t nitems = 1, next = 0;
    bool is_map = false;
    if (IS_TUPLE(args)) {
        items = TUPLE_ITEMS(args);
        nitems = TUPLE_LEN(args);
    } else if (IS_DICT(args) || (TYPE(args)->getitem && !IS_STR(args) && TYPE(args) != S->t_list && TYPE(args) != S->t_range)) {
        is_map = true;
    }
    const char *d = f->data, *e = d + f->nbytes;
    for (const char *p = d; p < e; p++) {
        if (*p != '%') {
            buf_addc(&b, *p);
            continue;
        }
        if (++p >= e) {
            buf_free(&b);
            return exc_raisef(S, S->e_ValueError, "incomplete format");
        }
        Obj *value = NULL;
        bool owned = false;
        if (*p == '(') {
            const char *q = ++p;
            int depth = 1;
            while (p < e && depth) {
                if (*p == '(') depth++;
                else if (*p == ')') depth--;
                if (depth) p++;
            }
            if (p >= e) {
                buf_free(&b);
                return exc_raisef(S, S->e_ValueError, "incomplete format key");
            }
            Obj *key = str_new(S, q, (size_t)(p - q));
            value = key ? obj_getitem(S, args, key) : NULL;
            XDECREF(S, key);
            if (!value) {
                buf_free(&b);
                return NULL;
            }
            owned = true;
            p++;
        }
        Spec s;
        memset(&s, 0, sizeof s);
        s.fill = " ";
        s.filln = 1;
        s.width = -1;
        s.precision = -1;
        char flags_align = '>';
        for (; p < e && strchr("-+ #0", *p) && *p; p++) {
            if (*p == '-') flags_align = '<';
            else if (*p == '+') s.sign = '+';
            else if (*p == ' ' && s.sign != '+') s.sign = ' ';
            else if (*p == '#') s.alt = true;
            else if (*p == '0') s.zero = true;
        }
        if (p < e && *p == '*') {
            if (next >= nitems) goto not_enough;
            if (obj_index_i64(S, items[next++], &s.width, "* wants int") < 0) goto fail;
            if (s.width < 0) {
                flags_align = '<';
                s.width = -s.width;
            }
            p++;
        } else {
            while (p < e && util_isdigit((unsigned char)*p)) s.width = (s.width < 0 ? 0 : s.width * 10) + (*p++ - '0');
        }
        if (p < e && *p == '.') {
            p++;
            s.precision = 0;
            if (p < e && *p == '*') {
                if (next >= nitems) goto not_enough;
                if (obj_index_i64(S, items[next++], &s.precision, "* wants int") < 0) goto fail;
                p++;
            } else {
                while (p < e && util_isdigit((unsigned char)*p)) s.precision = s.precision * 10 + (*p++ - '0');
            }
        }
        if (p >= e) {
            if (owned) DECREF(S, value);
            buf_free(&b);
            return exc_raisef(S, S->e_ValueError, "incomplete format");
        }
        char conv = *p;
        if (conv == '%') {
            buf_addc(&b, '%');
            continue;
        }
        if (!value) {
            if (is_map) {
                value = args;
            } else {
                if (next >= nitems) goto not_enough;
                value = items[next++];
            }
        }
        s.align = flags_align;
        if (s.zero && flags_align == '>' && conv != 's' && conv != 'r' && conv != 'a' && conv != 'c') {
            s.align = '=';
            s.fill = "0";
        }
        Obj *out = NULL;
        switch (conv) {
        case 's':
        case 'r':
        case 'a': {
            Obj *t = conv == 's' ? obj_str(S, value) : obj_repr(S, value);
            if (!t) goto fail;
            size_t nb = ((Str *)t)->nbytes;
            if (s.precision >= 0 && (size_t)s.precision < ((Str *)t)->len) nb = str_offset((Str *)t, (size_t)s.precision);
            out = finish(S, &s, "", STR_DATA(t), nb, '>');
            DECREF(S, t);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            Obj *iv;
            if (IS_INT(value)) iv = NEWREF(value);
            else if (IS_FLOAT(value)) iv = int_from_double(S, FLOAT_VAL(value));
            else {
                exc_raisef(S, S->e_TypeError, "%%%c format: %s is required, not %s", conv,
                           conv == 'x' || conv == 'X' || conv == 'o' ? "an integer" : "a real number", type_name(TYPE(value)));
                goto fail;
            }
            if (!iv) goto fail;
            s.type = conv == 'i' || conv == 'u' ? 'd' : conv;
            if (s.precision >= 0) {
                /* %.3d pads the digits with zeros */
                Obj *digits = int_to_base_string(S, iv, conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10, false);
                if (!digits) {
                    DECREF(S, iv);
                    goto fail;
                }
                const char *ds = STR_DATA(digits);
                bool neg = ds[0] == '-';
                size_t dn = ((Str *)digits)->nbytes - neg;
                Buf nb;
                buf_init(&nb, &S->mem);
                for (int64_t k = (int64_t)dn; k < s.precision; k++) buf_addc(&nb, '0');
                buf_add(&nb, ds + neg, dn);
                char prefix[4] = {0};
                if (neg) prefix[0] = '-';
                else if (s.sign) prefix[0] = s.sign;
                out = finish(S, &s, prefix, nb.data ? nb.data : "", nb.len, '>');
                buf_free(&nb);
                DECREF(S, digits);
            } else {
                out = format_int(S, iv, &s);
            }
            DECREF(S, iv);
            break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            double dv;
            if (float_as_double(S, value, &dv) < 0) {
                exc_clear(S);
                exc_raisef(S, S->e_TypeError, "must be real number, not %s", type_name(TYPE(value)));
                goto fail;
            }
            s.type = conv;
            if (s.precision < 0) s.precision = 6;
            out = format_float_spec(S, dv, &s);
            break;
        }
        case 'c': {
            if (IS_STR(value) && ((Str *)value)->len == 1) {
                out = finish(S, &s, "", STR_DATA(value), ((Str *)value)->nbytes, '>');
            } else if (IS_INT(value)) {
                s.type = 'c';
                out = format_int(S, value, &s);
            } else {
                exc_raisef(S, S->e_TypeError, "%%c requires int or char");
                goto fail;
            }
            break;
        }
        default:
            {
                char msg[100];
                snprintf(msg, sizeof msg, "unsupported format character '%c' (0x%x) at index %d", conv, (unsigned)(unsigned char)conv,
                         (int)(p - d));
                exc_raisef(S, S->e_ValueError, "%s", msg);
            }
            goto fail;
        }
        if (owned) DECREF(S, value);
        owned = false;
        if (!out) goto fail;
        buf_add(&b, STR_DATA(out), ((Str *)out)->nbytes);
        DECREF(S, out);
        continue;
    not_enough:
        exc_raisef(S, S->e_TypeError, "not enough arguments for format string");
    fail:
        if (owned) DECREF(S, value);
        buf_free(&b);
        return NULL;
    }
    if (!is_map && next < nitems && !(nitems == 1 && !IS_TUPLE(args) && next == 0 && false)) {
        if (IS_TUPLE(args) || next == 0) {
            buf_free(&b);
            return exc_raisef(S, S->e_TypeError, "not all arguments converted during string formatting");
        }
    }
    if (b.failed) {
        buf_free(&b);
        return exc_nomemory(S);
    }
    Obj *r = str_new(S, b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}
