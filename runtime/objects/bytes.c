/*
 * bytes.c: immutable byte strings, the basics: literals, len, indexing
 * (ints), slicing, iteration, +, *, comparison, hashing, `in`, repr, hex,
 * decode (utf-8, ascii, latin-1) and str.encode. bytearray and the buffer
 * protocol are out of scope.
 */
#include "bytes.h"
#include <stdio.h>
#include <string.h>
#include "../core/buf.h"
#include "../core/util.h"
#include "abstract.h"
#include "cfunc.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "str.h"
#include "tuple.h"

static size_t bytes_size(size_t n) { return sizeof(Bytes) + n + 1; }

Obj *bytes_new(rs_State *S, const char *data, size_t n) {
    Bytes *b = (Bytes *)obj_alloc(S, S->t_bytes, bytes_size(n));
    if (!b) return NULL;
    b->len = n;
    b->hash = -1;
    if (n) memcpy(b->data, data, n);
    b->data[n] = 0;
    return (Obj *)b;
}

static void bytes_dealloc(rs_State *S, Obj *o) { obj_free(S, o, bytes_size(((Bytes *)o)->len)); }

static Obj *bytes_repr(rs_State *S, Obj *o) {
    Bytes *b = (Bytes *)o;
    bool has_single = memchr(b->data, '\'', b->len) != NULL, has_double = memchr(b->data, '"', b->len) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    Buf out;
    buf_init(&out, &S->mem);
    buf_addc(&out, 'b');
    buf_addc(&out, quote);
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = (unsigned char)b->data[i];
        if (c == (unsigned char)quote || c == '\\') {
            buf_addc(&out, '\\');
            buf_addc(&out, (char)c);
        } else if (c == '\n') buf_adds(&out, "\\n");
        else if (c == '\r') buf_adds(&out, "\\r");
        else if (c == '\t') buf_adds(&out, "\\t");
        else if (c < 0x20 || c >= 0x7F) buf_printf(&out, "\\x%02x", c);
        else buf_addc(&out, (char)c);
    }
    buf_addc(&out, quote);
    Obj *r = out.failed ? exc_nomemory(S) : str_new(S, out.data, out.len);
    buf_free(&out);
    return r;
}

static int64_t bytes_hash(rs_State *S, Obj *o) {
    (void)S;
    Bytes *b = (Bytes *)o;
    if (b->hash != -1) return b->hash;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < b->len; i++) {
        h ^= (unsigned char)b->data[i];
        h *= 1099511628211ULL;
    }
    int64_t r = (int64_t)(h >> 1);
    b->hash = r == -1 ? -2 : r;
    return b->hash;
}

static Obj *bytes_richcmp(rs_State *S, Obj *a, Obj *o, int op) {
    if (TYPE(o) != S->t_bytes) return NEWREF(S->notimpl);
    Bytes *x = (Bytes *)a, *y = (Bytes *)o;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_EQ ? c == 0 : op == CMP_NE ? c != 0 : op == CMP_GT ? c > 0 : c >= 0;
    return bool_from(S, r);
}

static int64_t bytes_len(rs_State *S, Obj *o) {
    (void)S;
    return (int64_t)((Bytes *)o)->len;
}

static Obj *bytes_getitem(rs_State *S, Obj *o, Obj *key) {
    Bytes *b = (Bytes *)o;
    if (TYPE(key) == S->t_slice) {
        int64_t start, stop, step, count;
        if (slice_indices(S, key, (int64_t)b->len, &start, &stop, &step, &count) < 0) return NULL;
        if (step == 1) return bytes_new(S, b->data + start, (size_t)count);
        Buf out;
        buf_init(&out, &S->mem);
        for (int64_t i = 0, k = start; i < count; i++, k += step) buf_addc(&out, b->data[k]);
        Obj *r = out.failed ? exc_nomemory(S) : bytes_new(S, out.data ? out.data : "", out.len);
        buf_free(&out);
        return r;
    }
    int64_t i;
    if (obj_index_i64(S, key, &i, "byte indices") < 0) return NULL;
    if (i < 0) i += (int64_t)b->len;
    if (i < 0 || i >= (int64_t)b->len) return exc_raisef(S, S->e_IndexError, "index out of range");
    return int_from_i64(S, (unsigned char)b->data[i]);
}

static int bytes_contains(rs_State *S, Obj *o, Obj *v) {
    Bytes *b = (Bytes *)o;
    if (IS_INT(v)) {
        int64_t c;
        if (int_as_i64(S, v, &c) < 0 || c < 0 || c > 255) {
            exc_clear(S);
            exc_raisef(S, S->e_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(b->data, (int)c, b->len) != NULL;
    }
    if (TYPE(v) != S->t_bytes) {
        exc_raisef(S, S->e_TypeError, "a bytes-like object is required, not '%s'", type_name(TYPE(v)));
        return -1;
    }
    Bytes *n = (Bytes *)v;
    if (n->len == 0) return 1;
    for (size_t i = 0; i + n->len <= b->len; i++)
        if (memcmp(b->data + i, n->data, n->len) == 0) return 1;
    return 0;
}

static Obj *bytes_binop(rs_State *S, Obj *self, Obj *other, int op, bool reflected) {
    op &= ~OP_INPLACE;
    Bytes *b = (Bytes *)self;
    if (op == OP_ADD && !reflected) {
        if (TYPE(other) != S->t_bytes) return exc_raisef(S, S->e_TypeError, "can't concat %s to bytes", type_name(TYPE(other)));
        Bytes *o = (Bytes *)other;
        Bytes *r = (Bytes *)obj_alloc(S, S->t_bytes, bytes_size(b->len + o->len));
        if (!r) return NULL;
        r->len = b->len + o->len;
        r->hash = -1;
        memcpy(r->data, b->data, b->len);
        memcpy(r->data + b->len, o->data, o->len);
        r->data[r->len] = 0;
        return (Obj *)r;
    }
    if (op == OP_MUL && IS_INT(other)) {
        int64_t n;
        if (int_as_i64(S, other, &n) < 0) return NULL;
        if (n < 0) n = 0;
        if (b->len && (uint64_t)n > SIZE_MAX / 2 / b->len) return exc_nomemory(S);
        Bytes *r = (Bytes *)obj_alloc(S, S->t_bytes, bytes_size(b->len * (size_t)n));
        if (!r) return NULL;
        r->len = b->len * (size_t)n;
        r->hash = -1;
        for (int64_t i = 0; i < n; i++) memcpy(r->data + (size_t)i * b->len, b->data, b->len);
        r->data[r->len] = 0;
        return (Obj *)r;
    }
    return NEWREF(S->notimpl);
}

typedef struct BytesIter {
    Obj ob;
    Obj *seq;
    size_t index;
} BytesIter;

static Obj *bytes_iter(rs_State *S, Obj *o) { return seqiter_new(S, S->t_bytes_iter, o); }

static Obj *bytes_iter_next(rs_State *S, Obj *o) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq) return NULL;
    Bytes *b = (Bytes *)it->seq;
    if (it->index < b->len) return int_from_i64(S, (unsigned char)b->data[it->index++]);
    CLEAR(S, it->seq);
    return NULL;
}

static Obj *bytes_from_object(rs_State *S, Obj *x) {
    if (TYPE(x) == S->t_bytes) return NEWREF(x);
    if (IS_INT(x)) {
        int64_t n;
        if (int_as_i64(S, x, &n) < 0) return NULL;
        if (n < 0) return exc_raisef(S, S->e_ValueError, "negative count");
        Bytes *b = (Bytes *)obj_alloc(S, S->t_bytes, bytes_size((size_t)n));
        if (!b) return NULL;
        b->len = (size_t)n;
        b->hash = -1;
        memset(b->data, 0, (size_t)n + 1);
        return (Obj *)b;
    }
    if (IS_STR(x)) return exc_raisef(S, S->e_TypeError, "string argument without an encoding");
    Obj *items = list_from_iterable(S, x);
    if (!items) {
        if (exc_matches(S, S->e_TypeError)) {
            exc_clear(S);
            exc_raisef(S, S->e_TypeError, "cannot convert '%s' object to bytes", type_name(TYPE(x)));
        }
        return NULL;
    }
    Buf out;
    buf_init(&out, &S->mem);
    for (size_t i = 0; i < LIST_LEN(items); i++) {
        int64_t v;
        if (obj_index_i64(S, LIST_ITEMS(items)[i], &v, "bytes") < 0) goto fail;
        if (v < 0 || v > 255) {
            exc_raisef(S, S->e_ValueError, "bytes must be in range(0, 256)");
            goto fail;
        }
        buf_addc(&out, (char)v);
    }
    DECREF(S, items);
    {
        Obj *r = out.failed ? exc_nomemory(S) : bytes_new(S, out.data ? out.data : "", out.len);
        buf_free(&out);
        return r;
    }
fail:
    DECREF(S, items);
    buf_free(&out);
    return NULL;
}

static bool known_encoding(const char *e) {
    char low[16];
    size_t n = 0;
    for (; e[n] && n < sizeof low - 1; n++) low[n] = (char)(e[n] >= 'A' && e[n] <= 'Z' ? e[n] + 32 : (e[n] == '_' ? '-' : e[n]));
    low[n] = 0;
    return !strcmp(low, "utf-8") || !strcmp(low, "utf8") || !strcmp(low, "ascii") || !strcmp(low, "latin-1") ||
           !strcmp(low, "latin1") || !strcmp(low, "iso-8859-1");
}

Obj *str_encode(rs_State *S, Obj *s, const char *encoding) {
    Str *str = (Str *)s;
    if (!known_encoding(encoding)) return exc_raisef(S, S->e_LookupError, "unknown encoding: %s", encoding);
    bool ascii = (encoding[0] | 0x20) == 'a';
    bool latin = (encoding[0] | 0x20) == 'l' || (encoding[0] | 0x20) == 'i';
    if (!ascii && !latin) return bytes_new(S, str->data, str->nbytes);
    Buf out;
    buf_init(&out, &S->mem);
    size_t pos = 0;
    for (size_t i = 0; i < str->nbytes;) {
        unsigned cp;
        size_t n = util_utf8_decode((const unsigned char *)str->data + i, str->nbytes - i, &cp);
        if (n == 0) n = 1, cp = (unsigned char)str->data[i];
        if (cp > (ascii ? 0x7Fu : 0xFFu)) {
            buf_free(&out);
            char msg[160];
            snprintf(msg, sizeof msg, "'%s' codec can't encode character '%s%0*x' in position %zu: ordinal not in range(%d)",
                     ascii ? "ascii" : "latin-1", cp < 0x100 ? "\\x" : cp < 0x10000 ? "\\u" : "\\U", cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8,
                     cp, pos, ascii ? 128 : 256);
            return exc_raisef(S, S->e_UnicodeEncodeError, "%s", msg);
        }
        buf_addc(&out, (char)cp);
        i += n;
        pos++;
    }
    Obj *r = out.failed ? exc_nomemory(S) : bytes_new(S, out.data ? out.data : "", out.len);
    buf_free(&out);
    return r;
}

static Obj *bytes_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)t;
    static const char *const names[] = {"source", "encoding", "errors"};
    Obj *a[3];
    if (args_bind(S, "bytes", args, nargs, kwnames, names, 3, 0, a) < 0) return NULL;
    if (!a[0]) return bytes_new(S, "", 0);
    if (a[1]) {
        if (!IS_STR(a[0])) return exc_raisef(S, S->e_TypeError, "encoding without a string argument");
        if (!IS_STR(a[1])) return exc_raisef(S, S->e_TypeError, "bytes() argument 'encoding' must be str, not %s", type_name(TYPE(a[1])));
        return str_encode(S, a[0], STR_DATA(a[1]));
    }
    return bytes_from_object(S, a[0]);
}

static Obj *m_decode(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    static const char *const names[] = {"encoding", "errors"};
    Obj *a[2];
    if (args_bind(S, "decode", args, nargs, kw, names, 2, 0, a) < 0) return NULL;
    const char *enc = a[0] && IS_STR(a[0]) ? STR_DATA(a[0]) : "utf-8";
    if (!known_encoding(enc)) return exc_raisef(S, S->e_LookupError, "unknown encoding: %s", enc);
    Bytes *b = (Bytes *)self;
    bool utf8 = (enc[0] | 0x20) == 'u';
    bool ascii = (enc[0] | 0x20) == 'a';
    Buf out;
    buf_init(&out, &S->mem);
    for (size_t i = 0; i < b->len;) {
        unsigned char c = (unsigned char)b->data[i];
        if (utf8) {
            unsigned cp;
            size_t n = util_utf8_decode((const unsigned char *)b->data + i, b->len - i, &cp);
            if (n == 0) {
                buf_free(&out);
                char msg[120];
                snprintf(msg, sizeof msg, "'utf-8' codec can't decode byte 0x%02x in position %zu: invalid start byte", c, i);
                return exc_raisef(S, S->e_UnicodeDecodeError, "%s", msg);
            }
            buf_add(&out, b->data + i, n);
            i += n;
        } else {
            if (ascii && c >= 0x80) {
                buf_free(&out);
                char msg[120];
                snprintf(msg, sizeof msg, "'ascii' codec can't decode byte 0x%02x in position %zu: ordinal not in range(128)", c, i);
                return exc_raisef(S, S->e_UnicodeDecodeError, "%s", msg);
            }
            char enc_buf[4];
            buf_add(&out, enc_buf, util_utf8_encode(c, enc_buf));
            i++;
        }
    }
    Obj *r = out.failed ? exc_nomemory(S) : str_new(S, out.data ? out.data : "", out.len);
    buf_free(&out);
    return r;
}

static Obj *m_hex(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)args;
    if (args_no_kwargs(S, "hex", kw) < 0 || args_count(S, "hex", nargs, 0, 0) < 0) return NULL;
    Bytes *b = (Bytes *)self;
    Buf out;
    buf_init(&out, &S->mem);
    for (size_t i = 0; i < b->len; i++) buf_printf(&out, "%02x", (unsigned char)b->data[i]);
    Obj *r = out.failed ? exc_nomemory(S) : str_new(S, out.data ? out.data : "", out.len);
    buf_free(&out);
    return r;
}

static const CFuncDef bytes_methods[] = {{"decode", m_decode}, {"hex", m_hex}, {NULL, NULL}};

void bytes_init_type(rs_State *S) {
    Type *t = S->t_bytes;
    t->dealloc = bytes_dealloc;
    t->repr = bytes_repr;
    t->hash = bytes_hash;
    t->richcmp = bytes_richcmp;
    t->len = bytes_len;
    t->getitem = bytes_getitem;
    t->contains = bytes_contains;
    t->binop = bytes_binop;
    t->iter = bytes_iter;
    t->tp_new = bytes_tp_new;
    cfunc_add_methods(S, t, bytes_methods);
    S->t_bytes_iter->next = bytes_iter_next;
}
