/*
 * str.c: the str type and its methods. Strings are UTF-8 inside; methods
 * that count in characters convert offsets with str_offset (O(1) for ASCII).
 * Case mapping and character classes cover ASCII; other characters are left
 * as they are (documented in the README).
 */
#include "str.h"
#include <stdio.h>
#include <string.h>
#include "../core/buf.h"
#include "../core/util.h"
#include "abstract.h"
#include "bytes.h"
#include "cfunc.h"
#include "dict.h"
#include "exception.h"
#include "float.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "tuple.h"

static size_t str_alloc_size(size_t nbytes) { return sizeof(Str) + nbytes + 1; }

static Str *str_alloc(rs_State *S, size_t nbytes) {
    Str *s = (Str *)obj_alloc(S, S->t_str, str_alloc_size(nbytes));
    if (!s) return NULL;
    s->hash = -1;
    s->nbytes = nbytes;
    s->interned = false;
    s->data[nbytes] = 0;
    return s;
}

static void count_chars(Str *s) {
    size_t n = 0;
    bool ascii = true;
    for (size_t i = 0; i < s->nbytes; i++) {
        unsigned char c = (unsigned char)s->data[i];
        if (c >= 0x80) ascii = false;
        if ((c & 0xC0) != 0x80) n++;
    }
    s->len = n;
    s->ascii = ascii;
}

Obj *str_new(rs_State *S, const char *utf8, size_t nbytes) {
    if (nbytes == 0 && S->empty_str) return NEWREF(S->empty_str);
    if (nbytes == 1 && (unsigned char)utf8[0] < 128 && S->chars[(unsigned char)utf8[0]]) return NEWREF(S->chars[(unsigned char)utf8[0]]);
    Str *s = str_alloc(S, nbytes);
    if (!s) return NULL;
    memcpy(s->data, utf8, nbytes);
    count_chars(s);
    return (Obj *)s;
}

Obj *str_from_cstr(rs_State *S, const char *s) { return str_new(S, s, strlen(s)); }

static void str_dealloc(rs_State *S, Obj *o) { obj_free(S, o, str_alloc_size(((Str *)o)->nbytes)); }

/* FNV-1a; CPython's string hash is randomised per run, so no program can depend on its values. */
int64_t str_hash(Str *s) {
    if (s->hash != -1) return s->hash;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < s->nbytes; i++) {
        h ^= (unsigned char)s->data[i];
        h *= 1099511628211ULL;
    }
    int64_t r = (int64_t)(h >> 1);
    if (r == -1) r = -2;
    s->hash = r;
    return r;
}

bool str_eq(Str *a, Str *b) {
    if (a == b) return true;
    if (a->nbytes != b->nbytes) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return memcmp(a->data, b->data, a->nbytes) == 0;
}

bool str_eq_cstr(Obj *a, const char *s) {
    Str *x = (Str *)a;
    size_t n = strlen(s);
    return x->nbytes == n && memcmp(x->data, s, n) == 0;
}

Obj *str_intern(rs_State *S, Obj *s) {
    if (!s) return NULL;
    if (((Str *)s)->interned) return s;
    Obj *found = dict_get(S, S->interned, s);
    if (found) {
        INCREF(found);
        DECREF(S, s);
        return found;
    }
    if (dict_set(S, S->interned, s, s) < 0) {
        DECREF(S, s);
        return NULL;
    }
    ((Str *)s)->interned = true;
    return s;
}

Obj *str_intern_cstr(rs_State *S, const char *s) { return str_intern(S, str_from_cstr(S, s)); }

size_t str_offset(Str *s, size_t i) {
    if (s->ascii) return i;
    size_t b = 0;
    while (i > 0 && b < s->nbytes) {
        b++;
        while (b < s->nbytes && ((unsigned char)s->data[b] & 0xC0) == 0x80) b++;
        i--;
    }
    return b;
}

Obj *str_substr(rs_State *S, Str *s, size_t start, size_t stop) {
    if (stop <= start) return NEWREF(S->empty_str);
    if (start == 0 && stop >= s->len) return NEWREF(s);
    size_t a = str_offset(s, start), b = str_offset(s, stop);
    return str_new(S, s->data + a, b - a);
}

Obj *str_from_codepoint(rs_State *S, unsigned cp) {
    char buf[4];
    size_t n = util_utf8_encode(cp, buf);
    return str_new(S, buf, n);
}

Obj *str_concat(rs_State *S, Obj *a, Obj *b) {
    Str *x = (Str *)a, *y = (Str *)b;
    if (x->nbytes == 0) return NEWREF(b);
    if (y->nbytes == 0) return NEWREF(a);
    Str *r = str_alloc(S, x->nbytes + y->nbytes);
    if (!r) return NULL;
    memcpy(r->data, x->data, x->nbytes);
    memcpy(r->data + x->nbytes, y->data, y->nbytes);
    r->len = x->len + y->len;
    r->ascii = x->ascii && y->ascii;
    return (Obj *)r;
}

static Obj *buf_to_str(rs_State *S, Buf *b) {
    if (b->failed) {
        buf_free(b);
        return exc_nomemory(S);
    }
    Obj *r = str_new(S, b->data ? b->data : "", b->len);
    buf_free(b);
    return r;
}

/* ---- formatting C-side messages ---- */

Obj *str_fromv(rs_State *S, const char *fmt, va_list ap) {
    Buf b;
    buf_init(&b, &S->mem);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            buf_addc(&b, *p);
            continue;
        }
        p++;
        switch (*p) {
        case 's': buf_adds(&b, va_arg(ap, const char *)); break;
        case 'c': buf_addc(&b, (char)va_arg(ap, int)); break;
        case 'd': buf_printf(&b, "%d", va_arg(ap, int)); break;
        case 'l':
            if (p[1] == 'd') p++;
            buf_printf(&b, "%ld", va_arg(ap, long));
            break;
        case 'z':
            p++;
            if (*p == 'd') buf_printf(&b, "%zd", va_arg(ap, ssize_t));
            else buf_printf(&b, "%zu", va_arg(ap, size_t));
            break;
        case 'U': {
            Str *s = va_arg(ap, Str *);
            buf_add(&b, s->data, s->nbytes);
            break;
        }
        case 'R':
        case 'S': {
            Obj *o = va_arg(ap, Obj *);
            Obj *r = *p == 'R' ? obj_repr(S, o) : obj_str(S, o);
            if (!r) {
                buf_free(&b);
                return NULL;
            }
            buf_add(&b, STR_DATA(r), ((Str *)r)->nbytes);
            DECREF(S, r);
            break;
        }
        case 'T': buf_adds(&b, type_name(TYPE(va_arg(ap, Obj *)))); break;
        case 'p': buf_printf(&b, "%p", va_arg(ap, void *)); break;
        case '%': buf_addc(&b, '%'); break;
        default: buf_addc(&b, '%'); buf_addc(&b, *p);
        }
    }
    return buf_to_str(S, &b);
}

Obj *str_fromf(rs_State *S, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Obj *r = str_fromv(S, fmt, ap);
    va_end(ap);
    return r;
}

/* ---- repr ---- */

Obj *str_repr(rs_State *S, Obj *o) {
    Str *s = (Str *)o;
    bool has_single = memchr(s->data, '\'', s->nbytes) != NULL, has_double = memchr(s->data, '"', s->nbytes) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    Buf b;
    buf_init(&b, &S->mem);
    buf_addc(&b, quote);
    for (size_t i = 0; i < s->nbytes;) {
        unsigned char c = (unsigned char)s->data[i];
        if (c >= 0x80) {
            unsigned cp;
            size_t n = util_utf8_decode((const unsigned char *)s->data + i, s->nbytes - i, &cp);
            if (n == 0 && c == 0xED && i + 2 < s->nbytes && ((unsigned char)s->data[i + 1] & 0xE0) == 0xA0) {
                /* a lone surrogate ('\ud800'), kept in its 3-byte form, which strict UTF-8 refuses */
                cp = 0xD000 | (((unsigned)s->data[i + 1] & 0x3F) << 6) | ((unsigned)s->data[i + 2] & 0x3F);
                n = 3;
            } else if (n == 0) { /* (no other byte sequence is made) */
                n = 1;
                cp = c;
            }
            if (util_nonprintable(cp)) {
                if (cp < 0x100) buf_printf(&b, "\\x%02x", cp);
                else if (cp < 0x10000) buf_printf(&b, "\\u%04x", cp);
                else buf_printf(&b, "\\U%08x", cp);
            } else {
                buf_add(&b, s->data + i, n);
            }
            i += n;
            continue;
        }
        if (c == (unsigned char)quote || c == '\\') {
            buf_addc(&b, '\\');
            buf_addc(&b, (char)c);
        } else if (c == '\n') buf_adds(&b, "\\n");
        else if (c == '\r') buf_adds(&b, "\\r");
        else if (c == '\t') buf_adds(&b, "\\t");
        else if (c < 0x20 || c == 0x7F) buf_printf(&b, "\\x%02x", c);
        else buf_addc(&b, (char)c);
        i++;
    }
    buf_addc(&b, quote);
    return buf_to_str(S, &b);
}

static Obj *str_str(rs_State *S, Obj *o) {
    if (TYPE(o) == S->t_str) return NEWREF(o);
    Str *s = (Str *)o;
    return str_new(S, s->data, s->nbytes);
}

static int64_t str_hash_slot(rs_State *S, Obj *o) {
    (void)S;
    return str_hash((Str *)o);
}

static int str_cmp(Str *a, Str *b) {
    size_t n = a->nbytes < b->nbytes ? a->nbytes : b->nbytes;
    int c = memcmp(a->data, b->data, n);
    if (c) return c < 0 ? -1 : 1;
    return a->nbytes < b->nbytes ? -1 : a->nbytes > b->nbytes;
}

static Obj *str_richcmp(rs_State *S, Obj *a, Obj *b, int op) {
    if (!IS_STR(b)) return NEWREF(S->notimpl);
    Str *x = (Str *)a, *y = (Str *)b;
    if (op == CMP_EQ || op == CMP_NE) return bool_from(S, str_eq(x, y) == (op == CMP_EQ));
    int c = str_cmp(x, y);
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_GT ? c > 0 : c >= 0;
    return bool_from(S, r);
}

static int64_t str_len_slot(rs_State *S, Obj *o) {
    (void)S;
    return (int64_t)((Str *)o)->len;
}

static int str_contains(rs_State *S, Obj *o, Obj *v) {
    if (!IS_STR(v)) {
        exc_raisef(S, S->e_TypeError, "'in <string>' requires string as left operand, not %s", type_name(TYPE(v)));
        return -1;
    }
    Str *h = (Str *)o, *n = (Str *)v;
    if (n->nbytes == 0) return 1;
    if (n->nbytes > h->nbytes) return 0;
    for (size_t i = 0; i + n->nbytes <= h->nbytes; i++)
        if (memcmp(h->data + i, n->data, n->nbytes) == 0) return 1;
    return 0;
}

static Obj *str_repeat(rs_State *S, Str *s, int64_t n) {
    if (n <= 0 || s->nbytes == 0) return NEWREF(S->empty_str);
    if (n == 1 && TYPE(s) == S->t_str) return NEWREF(s);
    if ((uint64_t)n > (SIZE_MAX / 2) / (s->nbytes ? s->nbytes : 1)) return exc_nomemory(S);
    Str *r = str_alloc(S, s->nbytes * (size_t)n);
    if (!r) return NULL;
    for (int64_t i = 0; i < n; i++) memcpy(r->data + (size_t)i * s->nbytes, s->data, s->nbytes);
    r->len = s->len * (size_t)n;
    r->ascii = s->ascii;
    return (Obj *)r;
}

static Obj *str_binop(rs_State *S, Obj *self, Obj *other, int op, bool reflected) {
    op &= ~OP_INPLACE;
    if (op == OP_ADD && !reflected) {
        if (!IS_STR(other))
            return exc_raisef(S, S->e_TypeError, "can only concatenate str (not \"%s\") to str", type_name(TYPE(other)));
        return str_concat(S, self, other);
    }
    if (op == OP_MUL && IS_INT(other)) {
        int64_t n;
        if (int_as_i64(S, other, &n) < 0) {
            exc_clear(S);
            return exc_raisef(S, S->e_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        return str_repeat(S, (Str *)self, n);
    }
    if (op == OP_MOD && !reflected) return str_mod(S, self, other);
    return NEWREF(S->notimpl);
}

static Obj *str_getitem(rs_State *S, Obj *o, Obj *key) {
    Str *s = (Str *)o;
    if (TYPE(key) == S->t_slice) {
        int64_t start, stop, step, count;
        if (slice_indices(S, key, (int64_t)s->len, &start, &stop, &step, &count) < 0) return NULL;
        if (step == 1) return str_substr(S, s, (size_t)start, (size_t)(start + count));
        Buf b;
        buf_init(&b, &S->mem);
        for (int64_t i = 0, k = start; i < count; i++, k += step) {
            size_t off = str_offset(s, (size_t)k), end = str_offset(s, (size_t)k + 1);
            buf_add(&b, s->data + off, end - off);
        }
        return buf_to_str(S, &b);
    }
    int64_t i;
    if (obj_index_i64(S, key, &i, "string indices") < 0) return NULL;
    if (i < 0) i += (int64_t)s->len;
    if (i < 0 || i >= (int64_t)s->len) return exc_raisef(S, S->e_IndexError, "string index out of range");
    if (s->ascii) return str_new(S, s->data + i, 1);
    size_t off = str_offset(s, (size_t)i), end = off + 1;
    while (end < s->nbytes && ((unsigned char)s->data[end] & 0xC0) == 0x80) end++;
    return str_new(S, s->data + off, end - off);
}

static Obj *str_iter(rs_State *S, Obj *o) { return seqiter_new(S, S->t_str_iter, o); }

static Obj *str_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    static const char *const names[] = {"object", "encoding", "errors"};
    Obj *a[3];
    if (args_bind(S, "str", args, nargs, kwnames, names, 3, 0, a) < 0) return NULL;
    Obj *r = a[0] ? obj_str(S, a[0]) : NEWREF(S->empty_str);
    if (!r || t == S->t_str) return r;
    /* A str subclass: copy into an instance of it. */
    Str *src = (Str *)r;
    Str *s = (Str *)obj_alloc(S, t, t->basicsize + src->nbytes + 1);
    if (!s) {
        DECREF(S, r);
        return NULL;
    }
    s->hash = -1;
    s->nbytes = src->nbytes;
    s->len = src->len;
    s->ascii = src->ascii;
    s->interned = false;
    memcpy(s->data, src->data, src->nbytes + 1);
    DECREF(S, r);
    return (Obj *)s;
}

/* ---- methods ---- */

#define SELF ((Str *)self)

static int arg_str(rs_State *S, Obj *o, const char *fname, int argno) {
    if (IS_STR(o)) return 0;
    (void)argno;
    exc_raisef(S, S->e_TypeError, "%s arg must be None or str", fname);
    return -1;
}

/* Finds needle in hay[start:end) (byte offsets); returns a byte offset or -1. */
static long find_bytes(const char *hay, size_t start, size_t end, const char *needle, size_t n, bool reverse) {
    if (n > end - start || end < start) return -1;
    if (!reverse) {
        for (size_t i = start; i + n <= end; i++)
            if (memcmp(hay + i, needle, n) == 0) return (long)i;
    } else {
        for (size_t i = end - n + 1; i-- > start;)
            if (memcmp(hay + i, needle, n) == 0) return (long)i;
    }
    return -1;
}

static size_t char_index(Str *s, size_t byte) {
    if (s->ascii) return byte;
    size_t n = 0;
    for (size_t i = 0; i < byte; i++)
        if (((unsigned char)s->data[i] & 0xC0) != 0x80) n++;
    return n;
}

/* Parses optional start/end arguments into byte offsets. */
static int range_args(rs_State *S, Str *s, Obj *const *args, size_t nargs, size_t first, size_t *bstart, size_t *bend) {
    int64_t len = (int64_t)s->len, start = 0, end = len;
    if (nargs > first && args[first] != S->none && obj_index_i64(S, args[first], &start, "slice indices") < 0) return -1;
    if (nargs > first + 1 && args[first + 1] != S->none && obj_index_i64(S, args[first + 1], &end, "slice indices") < 0) return -1;
    if (start < 0) start = start + len < 0 ? 0 : start + len;
    if (end < 0) end = end + len < 0 ? 0 : end + len;
    if (start > len) start = len + 1;
    if (end > len) end = len;
    if (start > len) {
        *bstart = s->nbytes + 1;
        *bend = s->nbytes;
        return 0;
    }
    *bstart = str_offset(s, (size_t)start);
    *bend = end < start ? *bstart : str_offset(s, (size_t)end);
    return 0;
}

static Obj *find_impl(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw, const char *name, bool reverse, bool raise) {
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 1, 3) < 0) return NULL;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "must be str, not %s", type_name(TYPE(args[0])));
    size_t a, b;
    if (range_args(S, SELF, args, nargs, 1, &a, &b) < 0) return NULL;
    Str *n = (Str *)args[0];
    long pos = a > SELF->nbytes ? -1 : find_bytes(SELF->data, a, b, n->data, n->nbytes, reverse);
    if (pos < 0) {
        if (raise) return exc_raisef(S, S->e_ValueError, "substring not found");
        return int_from_i64(S, -1);
    }
    return int_from_i64(S, (int64_t)char_index(SELF, (size_t)pos));
}

static Obj *m_find(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return find_impl(S, self, args, nargs, kw, "find", false, false); }
static Obj *m_rfind(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return find_impl(S, self, args, nargs, kw, "rfind", true, false); }
static Obj *m_index(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return find_impl(S, self, args, nargs, kw, "index", false, true); }
static Obj *m_rindex(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return find_impl(S, self, args, nargs, kw, "rindex", true, true); }

static Obj *m_count(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "count", kw) < 0 || args_count(S, "count", nargs, 1, 3) < 0) return NULL;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "must be str, not %s", type_name(TYPE(args[0])));
    size_t a, b;
    if (range_args(S, SELF, args, nargs, 1, &a, &b) < 0) return NULL;
    Str *n = (Str *)args[0];
    if (a > SELF->nbytes) return int_from_i64(S, 0);
    if (n->nbytes == 0) return int_from_i64(S, (int64_t)(char_index(SELF, b) - char_index(SELF, a)) + 1);
    int64_t count = 0;
    for (size_t i = a; i + n->nbytes <= b;) {
        if (memcmp(SELF->data + i, n->data, n->nbytes) == 0) {
            count++;
            i += n->nbytes;
        } else {
            i++;
        }
    }
    return int_from_i64(S, count);
}

static Obj *affix_impl(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw, bool ends) {
    const char *name = ends ? "endswith" : "startswith";
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 1, 3) < 0) return NULL;
    size_t a, b;
    if (range_args(S, SELF, args, nargs, 1, &a, &b) < 0) return NULL;
    Obj *const *cands = &args[0];
    size_t ncand = 1;
    if (IS_TUPLE(args[0])) {
        cands = TUPLE_ITEMS(args[0]);
        ncand = TUPLE_LEN(args[0]);
    }
    for (size_t i = 0; i < ncand; i++) {
        if (!IS_STR(cands[i]))
            return exc_raisef(S, S->e_TypeError, "%s first arg must be str or a tuple of str, not %s", name, type_name(TYPE(cands[i])));
        Str *p = (Str *)cands[i];
        if (a > SELF->nbytes || b < a || p->nbytes > b - a) continue;
        if (memcmp(SELF->data + (ends ? b - p->nbytes : a), p->data, p->nbytes) == 0) return NEWREF(S->true_);
    }
    return NEWREF(S->false_);
}

static Obj *m_startswith(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return affix_impl(S, self, args, nargs, kw, false); }
static Obj *m_endswith(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return affix_impl(S, self, args, nargs, kw, true); }

static bool in_chars(Str *chars, const char *p, size_t n) {
    if (!chars) return n == 1 && util_isspace((unsigned char)*p);
    return find_bytes(chars->data, 0, chars->nbytes, p, n, false) >= 0;
}

static size_t char_len_at(const char *p, const char *end) {
    size_t n = 1;
    while (p + n < end && ((unsigned char)p[n] & 0xC0) == 0x80) n++;
    return n;
}

static Obj *strip_impl(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw, int which, const char *name) {
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 0, 1) < 0) return NULL;
    Str *chars = NULL;
    if (nargs == 1 && args[0] != S->none) {
        if (arg_str(S, args[0], name, 1) < 0) return NULL;
        chars = (Str *)args[0];
    }
    const char *p = SELF->data, *e = SELF->data + SELF->nbytes;
    if (which & 1)
        while (p < e) {
            size_t n = char_len_at(p, e);
            if (!in_chars(chars, p, n)) break;
            p += n;
        }
    if (which & 2)
        while (e > p) {
            const char *q = e - 1;
            while (q > p && ((unsigned char)*q & 0xC0) == 0x80) q--;
            if (!in_chars(chars, q, (size_t)(e - q))) break;
            e = q;
        }
    if (p == SELF->data && e == SELF->data + SELF->nbytes && TYPE(self) == S->t_str) return NEWREF(self);
    return str_new(S, p, (size_t)(e - p));
}

static Obj *m_strip(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return strip_impl(S, self, args, nargs, kw, 3, "strip"); }
static Obj *m_lstrip(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return strip_impl(S, self, args, nargs, kw, 1, "lstrip"); }
static Obj *m_rstrip(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return strip_impl(S, self, args, nargs, kw, 2, "rstrip"); }

static Obj *split_impl(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw, bool reverse) {
    static const char *const names[] = {"sep", "maxsplit"};
    Obj *a[2];
    if (args_bind(S, reverse ? "rsplit" : "split", args, nargs, kw, names, 2, 0, a) < 0) return NULL;
    int64_t maxsplit = -1;
    if (a[1] && obj_index_i64(S, a[1], &maxsplit, "maxsplit") < 0) return NULL;
    Str *sep = NULL;
    if (a[0] && a[0] != S->none) {
        if (!IS_STR(a[0])) return exc_raisef(S, S->e_TypeError, "must be str or None, not %s", type_name(TYPE(a[0])));
        sep = (Str *)a[0];
        if (sep->nbytes == 0) return exc_raisef(S, S->e_ValueError, "empty separator");
    }
    Obj *list = list_new(S, 0);
    if (!list) return NULL;
    const char *d = SELF->data;
    size_t n = SELF->nbytes;
    if (!reverse) {
        size_t i = 0;
        if (!sep) {
            for (;;) {
                while (i < n && util_isspace((unsigned char)d[i])) i++;
                if (i >= n) break;
                size_t j = i;
                if (maxsplit == 0) {
                    j = n;
                } else {
                    while (j < n && !util_isspace((unsigned char)d[j])) j++;
                }
                Obj *piece = str_new(S, d + i, j - i);
                if (!piece || list_append(S, list, piece) < 0) goto fail_piece;
                DECREF(S, piece);
                if (maxsplit > 0) maxsplit--;
                i = j;
                continue;
            fail_piece:
                XDECREF(S, piece);
                DECREF(S, list);
                return NULL;
            }
        } else {
            for (;;) {
                long pos = maxsplit == 0 ? -1 : find_bytes(d, i, n, sep->data, sep->nbytes, false);
                size_t end = pos < 0 ? n : (size_t)pos;
                Obj *piece = str_new(S, d + i, end - i);
                if (!piece || list_append(S, list, piece) < 0) {
                    XDECREF(S, piece);
                    DECREF(S, list);
                    return NULL;
                }
                DECREF(S, piece);
                if (pos < 0) break;
                i = end + sep->nbytes;
                if (maxsplit > 0) maxsplit--;
            }
        }
        return list;
    }
    /* rsplit: collect from the right, then reverse. */
    size_t e = n;
    if (!sep) {
        for (;;) {
            while (e > 0 && util_isspace((unsigned char)d[e - 1])) e--;
            if (e == 0) break;
            size_t s0 = e;
            if (maxsplit == 0) {
                s0 = 0;
            } else {
                while (s0 > 0 && !util_isspace((unsigned char)d[s0 - 1])) s0--;
            }
            Obj *piece = str_new(S, d + s0, e - s0);
            if (!piece || list_append(S, list, piece) < 0) {
                XDECREF(S, piece);
                DECREF(S, list);
                return NULL;
            }
            DECREF(S, piece);
            if (maxsplit > 0) maxsplit--;
            e = s0;
        }
    } else {
        for (;;) {
            long pos = maxsplit == 0 ? -1 : find_bytes(d, 0, e, sep->data, sep->nbytes, true);
            size_t start = pos < 0 ? 0 : (size_t)pos + sep->nbytes;
            Obj *piece = str_new(S, d + start, e - start);
            if (!piece || list_append(S, list, piece) < 0) {
                XDECREF(S, piece);
                DECREF(S, list);
                return NULL;
            }
            DECREF(S, piece);
            if (pos < 0) break;
            e = (size_t)pos;
            if (maxsplit > 0) maxsplit--;
        }
    }
    List *l = (List *)list;
    for (size_t i = 0; i < l->len / 2; i++) {
        Obj *t = l->items[i];
        l->items[i] = l->items[l->len - 1 - i];
        l->items[l->len - 1 - i] = t;
    }
    return list;
}

static Obj *m_split(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return split_impl(S, self, args, nargs, kw, false); }
static Obj *m_rsplit(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return split_impl(S, self, args, nargs, kw, true); }

static Obj *m_splitlines(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    static const char *const names[] = {"keepends"};
    Obj *a[1];
    if (args_bind(S, "splitlines", args, nargs, kw, names, 1, 0, a) < 0) return NULL;
    int keep = a[0] ? obj_truth(S, a[0]) : 0;
    if (keep < 0) return NULL;
    Obj *list = list_new(S, 0);
    if (!list) return NULL;
    const char *d = SELF->data;
    size_t n = SELF->nbytes, i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && d[j] != '\n' && d[j] != '\r') j++;
        size_t eol = j;
        if (j < n) j += (d[j] == '\r' && j + 1 < n && d[j + 1] == '\n') ? 2 : 1;
        Obj *piece = str_new(S, d + i, (keep ? j : eol) - i);
        if (!piece || list_append(S, list, piece) < 0) {
            XDECREF(S, piece);
            DECREF(S, list);
            return NULL;
        }
        DECREF(S, piece);
        i = j;
    }
    return list;
}

/* As CPython's PyUnicode_Join: a list or tuple is used as it is; anything else is collected into a list
   first (all of it, before any item is checked). */
Obj *str_join(rs_State *S, Obj *sep, Obj *iterable) {
    Obj *seq = TYPE(iterable) == S->t_list || TYPE(iterable) == S->t_tuple ? NEWREF(iterable) : list_from_iterable(S, iterable);
    if (!seq) {
        if (exc_matches(S, S->e_TypeError) && !TYPE(iterable)->iter && !TYPE(iterable)->getitem) {
            exc_clear(S);
            exc_raisef(S, S->e_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    Obj *const *items = IS_TUPLE(seq) ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq);
    size_t n = IS_TUPLE(seq) ? TUPLE_LEN(seq) : LIST_LEN(seq);
    Buf b;
    buf_init(&b, &S->mem);
    for (size_t i = 0; i < n; i++) {
        Obj *item = items[i];
        if (!IS_STR(item)) {
            exc_raisef(S, S->e_TypeError, "sequence item %zu: expected str instance, %s found", i, type_name(TYPE(item)));
            DECREF(S, seq);
            buf_free(&b);
            return NULL;
        }
        if (i > 0) buf_add(&b, STR_DATA(sep), ((Str *)sep)->nbytes);
        buf_add(&b, STR_DATA(item), ((Str *)item)->nbytes);
    }
    DECREF(S, seq);
    return buf_to_str(S, &b);
}

static Obj *m_join(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "join", kw) < 0 || args_count(S, "join", nargs, 1, 1) < 0) return NULL;
    return str_join(S, self, args[0]);
}

static Obj *m_replace(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "replace", kw) < 0 || args_count(S, "replace", nargs, 2, 3) < 0) return NULL;
    if (!IS_STR(args[0]) || !IS_STR(args[1]))
        return exc_raisef(S, S->e_TypeError, "replace() argument %d must be str, not %s", IS_STR(args[0]) ? 2 : 1,
                          type_name(TYPE(IS_STR(args[0]) ? args[1] : args[0])));
    int64_t count = -1;
    if (nargs == 3 && obj_index_i64(S, args[2], &count, "count") < 0) return NULL;
    Str *old = (Str *)args[0], *new = (Str *)args[1];
    Buf b;
    buf_init(&b, &S->mem);
    const char *d = SELF->data;
    size_t n = SELF->nbytes, i = 0;
    if (old->nbytes == 0) {
        /* Insert between every character. */
        while (count != 0) {
            buf_add(&b, new->data, new->nbytes);
            if (count > 0) count--;
            if (i >= n) break;
            size_t cl = char_len_at(d + i, d + n);
            buf_add(&b, d + i, cl);
            i += cl;
        }
        buf_add(&b, d + i, n - i);
        return buf_to_str(S, &b);
    }
    while (count != 0) {
        long pos = find_bytes(d, i, n, old->data, old->nbytes, false);
        if (pos < 0) break;
        buf_add(&b, d + i, (size_t)pos - i);
        buf_add(&b, new->data, new->nbytes);
        i = (size_t)pos + old->nbytes;
        if (count > 0) count--;
    }
    buf_add(&b, d + i, n - i);
    return buf_to_str(S, &b);
}

/* Simple case mapping for Latin-1, Latin Extended-A, Greek and Cyrillic; other code points map to themselves. */
static unsigned case_map(unsigned c, bool upper) {
    if (c < 0x80) {
        if (upper && c >= 'a' && c <= 'z') return c - 32;
        if (!upper && c >= 'A' && c <= 'Z') return c + 32;
        return c;
    }
    if (upper) {
        if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
        if (c == 0xFF) return 0x178;
        if (c >= 0x100 && c <= 0x17F && c != 0x131 && c != 0x138 && c != 0x149) {
            bool odd_lower = !(c >= 0x139 && c <= 0x148) && !(c >= 0x179 && c <= 0x17E);
            if (odd_lower ? (c & 1) : !(c & 1)) return c - 1;
            return c;
        }
        if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
        if (c == 0x3C2) return 0x3A3;
        if (c >= 0x430 && c <= 0x44F) return c - 32;
        if (c >= 0x450 && c <= 0x45F) return c - 80;
        return c;
    }
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
    if (c == 0x178) return 0xFF;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149) {
        bool odd_lower = !(c >= 0x139 && c <= 0x148) && !(c >= 0x179 && c <= 0x17E);
        if (odd_lower ? !(c & 1) : (c & 1)) return c + 1;
        return c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

static bool is_cased_upper(unsigned c) { return case_map(c, false) != c; }
static bool is_cased_lower(unsigned c) { return case_map(c, true) != c; }

/* mode: 0 upper, 1 lower, 2 swapcase, 3 title, 4 capitalize */
static Obj *map_case(rs_State *S, Obj *self, int mode) {
    Buf b;
    buf_init(&b, &S->mem);
    bool prev_letter = false;
    size_t index = 0;
    for (size_t i = 0; i < SELF->nbytes; index++) {
        unsigned c;
        size_t n = util_utf8_decode((const unsigned char *)SELF->data + i, SELF->nbytes - i, &c);
        if (n == 0) {
            n = 1;
            c = (unsigned char)SELF->data[i];
        }
        bool up = is_cased_upper(c), low = is_cased_lower(c);
        unsigned out = c;
        switch (mode) {
        case 0: out = case_map(c, true); break;
        case 1: out = case_map(c, false); break;
        case 2: out = up ? case_map(c, false) : low ? case_map(c, true) : c; break;
        case 3: out = prev_letter ? case_map(c, false) : case_map(c, true); break;
        case 4: out = index == 0 ? case_map(c, true) : case_map(c, false); break;
        }
        prev_letter = up || low || util_isalpha((int)c);
        char enc[4];
        buf_add(&b, enc, util_utf8_encode(out, enc));
        i += n;
    }
    return buf_to_str(S, &b);
}

static Obj *map_ascii(rs_State *S, Obj *self, int mode) {
    if (!SELF->ascii) return map_case(S, self, mode);
    Str *r = str_alloc(S, SELF->nbytes);
    if (!r) return NULL;
    bool prev_letter = false;
    for (size_t i = 0; i < SELF->nbytes; i++) {
        int c = (unsigned char)SELF->data[i];
        bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
        int out = c;
        switch (mode) {
        case 0: if (lower) out = c - 32; break;                 /* upper */
        case 1: if (upper) out = c + 32; break;                 /* lower */
        case 2: if (lower) out = c - 32; else if (upper) out = c + 32; break; /* swapcase */
        case 3: /* title */
            if (prev_letter) { if (upper) out = c + 32; }
            else if (lower) out = c - 32;
            break;
        case 4: /* capitalize */
            if (i == 0) { if (lower) out = c - 32; }
            else if (upper) out = c + 32;
            break;
        }
        prev_letter = lower || upper || (c >= 0x80);
        r->data[i] = (char)out;
    }
    r->len = SELF->len;
    r->ascii = SELF->ascii;
    return (Obj *)r;
}

static Obj *m_upper(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; if (args_no_kwargs(S, "upper", kw) < 0 || args_count(S, "upper", nargs, 0, 0) < 0) return NULL; return map_ascii(S, self, 0); }
static Obj *m_lower(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; if (args_no_kwargs(S, "lower", kw) < 0 || args_count(S, "lower", nargs, 0, 0) < 0) return NULL; return map_ascii(S, self, 1); }
static Obj *m_swapcase(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; if (args_no_kwargs(S, "swapcase", kw) < 0 || args_count(S, "swapcase", nargs, 0, 0) < 0) return NULL; return map_ascii(S, self, 2); }
static Obj *m_title(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; if (args_no_kwargs(S, "title", kw) < 0 || args_count(S, "title", nargs, 0, 0) < 0) return NULL; return map_ascii(S, self, 3); }
static Obj *m_capitalize(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; if (args_no_kwargs(S, "capitalize", kw) < 0 || args_count(S, "capitalize", nargs, 0, 0) < 0) return NULL; return map_ascii(S, self, 4); }

static Obj *predicate(rs_State *S, Obj *self, size_t nargs, Tuple *kw, const char *name, int which) {
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 0, 0) < 0) return NULL;
    if (SELF->nbytes == 0) return NEWREF(S->false_);
    bool any_cased = false;
    for (size_t i = 0; i < SELF->nbytes; i++) {
        int c = (unsigned char)SELF->data[i];
        bool ok;
        switch (which) {
        case 0: ok = util_isdigit(c); break;
        case 1: ok = util_isalpha(c) || c >= 0x80; break;
        case 2: ok = util_isalnum(c) || c >= 0x80; break;
        case 3: ok = util_isspace(c); break;
        case 4: ok = !(c >= 'a' && c <= 'z'); any_cased |= c >= 'A' && c <= 'Z'; break; /* isupper */
        case 5: ok = !(c >= 'A' && c <= 'Z'); any_cased |= c >= 'a' && c <= 'z'; break; /* islower */
        default: ok = false;
        }
        if (!ok) return NEWREF(S->false_);
    }
    if (which >= 4 && !any_cased) return NEWREF(S->false_);
    return NEWREF(S->true_);
}

static Obj *m_isdigit(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; return predicate(S, self, nargs, kw, "isdigit", 0); }
static Obj *m_isalpha(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; return predicate(S, self, nargs, kw, "isalpha", 1); }
static Obj *m_isalnum(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; return predicate(S, self, nargs, kw, "isalnum", 2); }
static Obj *m_isspace(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; return predicate(S, self, nargs, kw, "isspace", 3); }
static Obj *m_isupper(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; return predicate(S, self, nargs, kw, "isupper", 4); }
static Obj *m_islower(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { (void)args; return predicate(S, self, nargs, kw, "islower", 5); }

static Obj *m_isidentifier(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "isidentifier", kw) < 0 || args_count(S, "isidentifier", nargs, 0, 0) < 0) return NULL;
    if (SELF->nbytes == 0 || !util_isident_start((unsigned char)SELF->data[0])) return NEWREF(S->false_);
    for (size_t i = 1; i < SELF->nbytes; i++)
        if (!util_isident((unsigned char)SELF->data[i])) return NEWREF(S->false_);
    return NEWREF(S->true_);
}

static Obj *pad(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw, const char *name, int align) {
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 1, 2) < 0) return NULL;
    int64_t width;
    if (obj_index_i64(S, args[0], &width, "width") < 0) return NULL;
    const char *fill = " ";
    size_t filln = 1;
    if (nargs == 2) {
        if (!IS_STR(args[1]) || ((Str *)args[1])->len != 1)
            return exc_raisef(S, S->e_TypeError, "The fill character must be exactly one character long");
        fill = STR_DATA(args[1]);
        filln = ((Str *)args[1])->nbytes;
    }
    if (width <= (int64_t)SELF->len) return TYPE(self) == S->t_str ? NEWREF(self) : str_new(S, SELF->data, SELF->nbytes);
    size_t total = (size_t)width - SELF->len, left;
    if (align < 0) left = 0;
    else if (align > 0) left = total;
    else left = total / 2 + (total & (size_t)width & 1);
    Buf b;
    buf_init(&b, &S->mem);
    for (size_t i = 0; i < left; i++) buf_add(&b, fill, filln);
    buf_add(&b, SELF->data, SELF->nbytes);
    for (size_t i = left; i < total; i++) buf_add(&b, fill, filln);
    return buf_to_str(S, &b);
}

static Obj *m_ljust(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return pad(S, self, args, nargs, kw, "ljust", -1); }
static Obj *m_rjust(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return pad(S, self, args, nargs, kw, "rjust", 1); }
static Obj *m_center(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return pad(S, self, args, nargs, kw, "center", 0); }

static Obj *m_zfill(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "zfill", kw) < 0 || args_count(S, "zfill", nargs, 1, 1) < 0) return NULL;
    int64_t width;
    if (obj_index_i64(S, args[0], &width, "width") < 0) return NULL;
    if (width <= (int64_t)SELF->len) return NEWREF(self);
    Buf b;
    buf_init(&b, &S->mem);
    size_t start = 0;
    if (SELF->nbytes && (SELF->data[0] == '-' || SELF->data[0] == '+')) {
        buf_addc(&b, SELF->data[0]);
        start = 1;
    }
    for (int64_t i = 0; i < width - (int64_t)SELF->len; i++) buf_addc(&b, '0');
    buf_add(&b, SELF->data + start, SELF->nbytes - start);
    return buf_to_str(S, &b);
}

static Obj *partition_impl(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw, bool reverse) {
    const char *name = reverse ? "rpartition" : "partition";
    if (args_no_kwargs(S, name, kw) < 0 || args_count(S, name, nargs, 1, 1) < 0) return NULL;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "must be str, not %s", type_name(TYPE(args[0])));
    Str *sep = (Str *)args[0];
    if (sep->nbytes == 0) return exc_raisef(S, S->e_ValueError, "empty separator");
    long pos = find_bytes(SELF->data, 0, SELF->nbytes, sep->data, sep->nbytes, reverse);
    if (pos < 0) {
        Obj *e1 = NEWREF(S->empty_str), *e2 = NEWREF(S->empty_str);
        if (reverse) return tuple_pack(S, 3, e1, e2, NEWREF(self));
        return tuple_pack(S, 3, NEWREF(self), e1, e2);
    }
    Obj *a = str_new(S, SELF->data, (size_t)pos);
    Obj *c = str_new(S, SELF->data + pos + sep->nbytes, SELF->nbytes - (size_t)pos - sep->nbytes);
    if (!a || !c) {
        XDECREF(S, a);
        XDECREF(S, c);
        return NULL;
    }
    return tuple_pack(S, 3, a, NEWREF(sep), c);
}

static Obj *m_partition(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return partition_impl(S, self, args, nargs, kw, false); }
static Obj *m_rpartition(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) { return partition_impl(S, self, args, nargs, kw, true); }

static Obj *m_removeprefix(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "removeprefix", kw) < 0 || args_count(S, "removeprefix", nargs, 1, 1) < 0) return NULL;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "removeprefix() argument must be str, not %s", type_name(TYPE(args[0])));
    Str *p = (Str *)args[0];
    if (p->nbytes <= SELF->nbytes && memcmp(SELF->data, p->data, p->nbytes) == 0) return str_new(S, SELF->data + p->nbytes, SELF->nbytes - p->nbytes);
    return NEWREF(self);
}

static Obj *m_removesuffix(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "removesuffix", kw) < 0 || args_count(S, "removesuffix", nargs, 1, 1) < 0) return NULL;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "removesuffix() argument must be str, not %s", type_name(TYPE(args[0])));
    Str *p = (Str *)args[0];
    if (p->nbytes && p->nbytes <= SELF->nbytes && memcmp(SELF->data + SELF->nbytes - p->nbytes, p->data, p->nbytes) == 0)
        return str_new(S, SELF->data, SELF->nbytes - p->nbytes);
    return NEWREF(self);
}

static Obj *m_encode(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    static const char *const names[] = {"encoding", "errors"};
    Obj *a[2];
    if (args_bind(S, "encode", args, nargs, kw, names, 2, 0, a) < 0) return NULL;
    if (a[0] && !IS_STR(a[0])) return exc_raisef(S, S->e_TypeError, "encode() argument 'encoding' must be str, not %s", type_name(TYPE(a[0])));
    return str_encode(S, self, a[0] ? STR_DATA(a[0]) : "utf-8");
}

/* ---- str.format ---- */

static Obj *format_field_value(rs_State *S, const char *name, size_t n, Obj *const *args, size_t nargs, Tuple *kwnames, size_t *auto_index) {
    /* field_name: arg_name ("." attribute | "[" index "]")* */
    size_t i = 0;
    while (i < n && name[i] != '.' && name[i] != '[') i++;
    Obj *v = NULL;
    if (i == 0) {
        if (*auto_index == (size_t)-1) return exc_raisef(S, S->e_ValueError, "cannot switch from manual field specification to automatic field numbering");
        size_t k = (*auto_index)++;
        if (k >= nargs) return exc_raisef(S, S->e_IndexError, "Replacement index %zu out of range for positional args tuple", k);
        v = NEWREF(args[k]);
    } else if (util_isdigit((unsigned char)name[0])) {
        size_t k = 0;
        for (size_t j = 0; j < i; j++) k = k * 10 + (size_t)(name[j] - '0');
        if (*auto_index != 0 && *auto_index != (size_t)-1)
            return exc_raisef(S, S->e_ValueError, "cannot switch from automatic field numbering to manual field specification");
        *auto_index = (size_t)-1;
        if (k >= nargs) return exc_raisef(S, S->e_IndexError, "Replacement index %zu out of range for positional args tuple", k);
        v = NEWREF(args[k]);
    } else {
        size_t nkw = kwnames ? kwnames->len : 0;
        for (size_t k = 0; k < nkw; k++) {
            Str *kn = (Str *)kwnames->items[k];
            if (kn->nbytes == i && memcmp(kn->data, name, i) == 0) v = NEWREF(args[nargs + k]);
        }
        if (!v) {
            Obj *key = str_new(S, name, i);
            if (key) exc_raise_value(S, S->e_KeyError, key);
            XDECREF(S, key);
            return NULL;
        }
    }
    while (i < n && v) {
        if (name[i] == '.') {
            size_t j = ++i;
            while (j < n && name[j] != '.' && name[j] != '[') j++;
            Obj *attr = str_new(S, name + i, j - i);
            Obj *nv = attr ? obj_getattr(S, v, (Str *)attr) : NULL;
            XDECREF(S, attr);
            DECREF(S, v);
            v = nv;
            i = j;
        } else {
            size_t j = ++i;
            while (j < n && name[j] != ']') j++;
            bool digits = j > i;
            for (size_t k = i; k < j; k++) digits &= util_isdigit((unsigned char)name[k]) != 0;
            Obj *key = digits ? int_from_string(S, name + i, j - i, 10) : str_new(S, name + i, j - i);
            Obj *nv = key ? obj_getitem(S, v, key) : NULL;
            XDECREF(S, key);
            DECREF(S, v);
            v = nv;
            i = j + 1;
        }
    }
    return v;
}

static Obj *format_impl(rs_State *S, Str *fmt, Obj *const *args, size_t nargs, Tuple *kwnames, size_t *auto_index, int depth) {
    if (depth > 2) return exc_raisef(S, S->e_ValueError, "Max string recursion exceeded");
    Buf b;
    buf_init(&b, &S->mem);
    const char *d = fmt->data;
    size_t n = fmt->nbytes, i = 0;
    while (i < n) {
        char c = d[i];
        if (c == '{' && i + 1 < n && d[i + 1] == '{') {
            buf_addc(&b, '{');
            i += 2;
            continue;
        }
        if (c == '}' && i + 1 < n && d[i + 1] == '}') {
            buf_addc(&b, '}');
            i += 2;
            continue;
        }
        if (c == '}') {
            buf_free(&b);
            return exc_raisef(S, S->e_ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            buf_addc(&b, c);
            i++;
            continue;
        }
        size_t start = ++i;
        int nest = 0;
        while (i < n && (d[i] != '}' || nest > 0)) {
            if (d[i] == '{') nest++;
            else if (d[i] == '}') nest--;
            i++;
        }
        if (i >= n) {
            buf_free(&b);
            return exc_raisef(S, S->e_ValueError, "expected '}' before end of string");
        }
        size_t end = i++;
        size_t name_end = start;
        while (name_end < end && d[name_end] != '!' && d[name_end] != ':') name_end++;
        Obj *v = format_field_value(S, d + start, name_end - start, args, nargs, kwnames, auto_index);
        if (!v) {
            buf_free(&b);
            return NULL;
        }
        size_t p = name_end;
        char conv = 0;
        if (p < end && d[p] == '!') {
            conv = p + 1 < end ? d[p + 1] : 0;
            p += 2;
            if (conv != 'r' && conv != 's' && conv != 'a') {
                DECREF(S, v);
                buf_free(&b);
                return exc_raisef(S, S->e_ValueError, "Unknown conversion specifier %c", conv ? conv : '?');
            }
        }
        if (conv) {
            Obj *cv = conv == 's' ? obj_str(S, v) : obj_repr(S, v);
            DECREF(S, v);
            if (!cv) {
                buf_free(&b);
                return NULL;
            }
            v = cv;
        }
        Obj *spec;
        if (p < end && d[p] == ':') {
            Obj *raw = str_new(S, d + p + 1, end - p - 1);
            spec = raw ? format_impl(S, (Str *)raw, args, nargs, kwnames, auto_index, depth + 1) : NULL;
            XDECREF(S, raw);
        } else {
            spec = NEWREF(S->empty_str);
        }
        Obj *out = spec ? obj_format(S, v, spec) : NULL;
        XDECREF(S, spec);
        DECREF(S, v);
        if (!out) {
            buf_free(&b);
            return NULL;
        }
        buf_add(&b, STR_DATA(out), ((Str *)out)->nbytes);
        DECREF(S, out);
    }
    return buf_to_str(S, &b);
}

static Obj *m_format(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    size_t auto_index = 0;
    return format_impl(S, SELF, args, nargs, kw, &auto_index, 0);
}

static Obj *m_format_map(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    (void)args;
    (void)nargs;
    (void)kw;
    return exc_raisef(S, S->e_NotImplementedError, "str.format_map is not supported");
}

static Obj *m_dunder_format(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "__format__", kw) < 0 || args_count(S, "__format__", nargs, 1, 1) < 0) return NULL;
    return str_format_spec(S, self, args[0]);
}

static Obj *m_expandtabs(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "expandtabs", kw) < 0 || args_count(S, "expandtabs", nargs, 0, 1) < 0) return NULL;
    int64_t tab = 8;
    if (nargs == 1 && obj_index_i64(S, args[0], &tab, "tabsize") < 0) return NULL;
    Buf b;
    buf_init(&b, &S->mem);
    int64_t col = 0;
    for (size_t i = 0; i < SELF->nbytes; i++) {
        char c = SELF->data[i];
        if (c == '\t') {
            if (tab > 0) {
                int64_t spaces = tab - col % tab;
                for (int64_t k = 0; k < spaces; k++) buf_addc(&b, ' ');
                col += spaces;
            }
        } else {
            buf_addc(&b, c);
            if (c == '\n' || c == '\r') col = 0;
            else if (((unsigned char)c & 0xC0) != 0x80) col++;
        }
    }
    return buf_to_str(S, &b);
}

static const CFuncDef str_methods[] = {
    {"find", m_find}, {"rfind", m_rfind}, {"index", m_index}, {"rindex", m_rindex}, {"count", m_count},
    {"startswith", m_startswith}, {"endswith", m_endswith}, {"strip", m_strip}, {"lstrip", m_lstrip},
    {"rstrip", m_rstrip}, {"split", m_split}, {"rsplit", m_rsplit}, {"splitlines", m_splitlines},
    {"join", m_join}, {"replace", m_replace}, {"upper", m_upper}, {"lower", m_lower}, {"casefold", m_lower},
    {"swapcase", m_swapcase}, {"title", m_title}, {"capitalize", m_capitalize}, {"isdigit", m_isdigit},
    {"isdecimal", m_isdigit}, {"isnumeric", m_isdigit}, {"isalpha", m_isalpha}, {"isalnum", m_isalnum},
    {"isspace", m_isspace}, {"isupper", m_isupper}, {"islower", m_islower}, {"isidentifier", m_isidentifier},
    {"ljust", m_ljust}, {"rjust", m_rjust}, {"center", m_center}, {"zfill", m_zfill},
    {"partition", m_partition}, {"rpartition", m_rpartition}, {"removeprefix", m_removeprefix},
    {"removesuffix", m_removesuffix}, {"encode", m_encode}, {"format", m_format}, {"format_map", m_format_map},
    {"__format__", m_dunder_format}, {"expandtabs", m_expandtabs}, {NULL, NULL}};

void str_init_type(rs_State *S) {
    Type *t = S->t_str;
    t->dealloc = str_dealloc;
    t->repr = str_repr;
    t->str = str_str;
    t->hash = str_hash_slot;
    t->richcmp = str_richcmp;
    t->len = str_len_slot;
    t->contains = str_contains;
    t->binop = str_binop;
    t->getitem = str_getitem;
    t->iter = str_iter;
    t->tp_new = str_tp_new;
    cfunc_add_methods(S, t, str_methods);
}
