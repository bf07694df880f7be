/*
 * exception.c: BaseException and its hierarchy, raising with CPython's
 * implicit chaining (__context__), and printing tracebacks and unraisable
 * exceptions in CPython's format.
 */
#include "exception.h"
#include "../core/io.h"
#include <stdio.h>
#include <string.h>
#include "../core/buf.h"
#include "abstract.h"
#include "cfunc.h"
#include "dict.h"
#include "../compiler/parser.h"
#include "frame.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "typeobj.h"


/* ---- objects ---- */

/* OSError(errno, strerror[, filename]) made as OSError becomes the subclass its errno names, as CPython's. */
static Type *oserror_subclass(rs_State *S, Type *t, Obj *const *args, size_t nargs) {
    if (t != S->e_OSError || nargs < 2 || !IS_INT(args[0])) return t;
    int64_t code = 0;
    if (int_as_i64(S, args[0], &code) < 0) {
        exc_clear(S);
        return t;
    }
    switch (code) {
    case 1:
    case 13: return S->e_PermissionError;  /* EPERM, EACCES */
    case 2: return S->e_FileNotFoundError;  /* ENOENT */
    case 17: return S->e_FileExistsError;   /* EEXIST */
    case 21: return S->e_IsADirectoryError; /* EISDIR */
    default: return t;
    }
}

/* OSError keeps (errno, strerror) as args and the filename apart (in value), as CPython's oserror_init. */
static bool oserror_split(rs_State *S, Type *t, size_t nargs) {
    return (t == S->e_OSError || type_is_subtype(t, S->e_OSError)) && nargs >= 3 && nargs <= 5;
}

/* SyntaxError's fields live in the instance dict (the printer and the compiler read them there). As CPython's
   SyntaxError_init: msg is the first argument; with exactly two, the second is (filename, lineno, offset, text[,
   end_lineno, end_offset]). */
static const char *const syntax_fields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};

static int syntax_error_fields(rs_State *S, Obj *e, Obj *const *args, size_t nargs) {
    if (!is_instance_of(e, S->e_SyntaxError) || nargs == 0) return 0;
    Dict **dp = obj_dict_ptr(S, e);
    if (dp && !*dp) *dp = (Dict *)dict_new(S);
    if (!dp || !*dp) return -1;
    if (dict_set_cstr(S, *dp, "msg", args[0]) < 0) return -1;
    if (nargs != 2) return 0;
    Obj *info = list_from_iterable(S, args[1]);
    if (!info) return -1;
    size_t n = LIST_LEN(info);
    int r = 0;
    if (n < 4 || n > 6) {
        exc_raisef(S, S->e_TypeError, "function takes %s %d arguments (%zu given)", n < 4 ? "at least" : "at most",
                   n < 4 ? 4 : 6, n);
        r = -1;
    }
    for (size_t i = 0; r == 0 && i < n; i++) r = dict_set_cstr(S, *dp, syntax_fields[i], LIST_ITEMS(info)[i]);
    DECREF(S, info);
    return r;
}

Obj *exc_new(rs_State *S, Type *t, Obj *const *args, size_t nargs) {
    t = oserror_subclass(S, t, args, nargs);
    Exc *e = (Exc *)obj_alloc(S, t, t->basicsize);
    if (!e) return NULL;
    memset((char *)e + sizeof(Obj), 0, t->basicsize - sizeof(Obj));
    bool split = oserror_split(S, t, nargs);
    e->args = (Tuple *)tuple_from_array(S, args, split ? 2 : nargs);
    if (!e->args) {
        DECREF(S, e);
        return NULL;
    }
    if (split) e->value = NEWREF(args[2]);
    if (syntax_error_fields(S, (Obj *)e, args, nargs) < 0) {
        DECREF(S, e);
        return NULL;
    }
    if ((t == S->e_StopIteration || type_is_subtype(t, S->e_StopIteration) || t == S->e_SystemExit ||
         type_is_subtype(t, S->e_SystemExit)))
        e->value = NEWREF(nargs == 0 ? S->none : nargs == 1 ? args[0] : (Obj *)e->args);
    return (Obj *)e;
}

static Obj *exc_tp_new(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames) {
    (void)kwnames;
    return exc_new(S, t, args, nargs);
}

static int exc_init(rs_State *S, Obj *o, Obj *const *args, size_t nargs, Tuple *kwnames) {
    Exc *e = (Exc *)o;
    if (kwnames && kwnames->len) {
        exc_raisef(S, S->e_TypeError, "%s() takes no keyword arguments", type_name(TYPE(o)));
        return -1;
    }
    if (oserror_split(S, TYPE(o), nargs)) return 0; /* __new__ did the work */
    /* the arguments __new__ stored stay: CPython passes both the same tuple */
    bool same = e->args && e->args->len == nargs;
    for (size_t i = 0; same && i < nargs; i++) same = e->args->items[i] == args[i];
    Obj *t = same ? NEWREF(e->args) : tuple_from_array(S, args, nargs);
    if (!t) return -1;
    SETREF(S, e->args, (Tuple *)t);
    if (!same && syntax_error_fields(S, o, args, nargs) < 0) return -1;
    if (is_instance_of(o, S->e_StopIteration) || is_instance_of(o, S->e_SystemExit))
        SETREF(S, e->value, NEWREF(nargs == 0 ? S->none : nargs == 1 ? args[0] : t));
    return 0;
}

static void exc_clear_slot(rs_State *S, Obj *o) {
    Exc *e = (Exc *)o;
    CLEAR(S, e->dict);
    CLEAR(S, e->args);
    CLEAR(S, e->traceback);
    CLEAR(S, e->context);
    CLEAR(S, e->cause);
    CLEAR(S, e->value);
}

static void exc_dealloc(rs_State *S, Obj *o) {
    gc_untrack(S, o);
    exc_clear_slot(S, o);
    obj_free(S, o, TYPE(o)->basicsize);
}

static int exc_traverse(Obj *o, VisitFn visit, void *arg) {
    Exc *e = (Exc *)o;
    Obj *refs[] = {(Obj *)e->dict, (Obj *)e->args, e->traceback, e->context, e->cause, e->value};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r) return r;
        }
    return 0;
}

static Obj *dict_attr(rs_State *S, Obj *e, const char *name);

/* As CPython's SyntaxError_str: "msg (file.py, line 3)", the file by its base name. */
static Obj *syntax_error_str(rs_State *S, Obj *o) {
    Obj *msg = dict_attr(S, o, "msg"), *fn = dict_attr(S, o, "filename"), *ln = dict_attr(S, o, "lineno");
    Obj *text = obj_str(S, msg ? msg : S->none);
    if (!text) return NULL;
    const char *base = fn && IS_STR(fn) ? strrchr(STR_DATA(fn), '/') : NULL;
    base = base ? base + 1 : fn && IS_STR(fn) ? STR_DATA(fn) : NULL;
    bool has_line = ln && IS_INT(ln);
    Obj *r = base && has_line ? str_fromf(S, "%S (%s, line %S)", text, base, ln)
             : base           ? str_fromf(S, "%S (%s)", text, base)
             : has_line       ? str_fromf(S, "%S (line %S)", text, ln)
                              : NEWREF(text);
    DECREF(S, text);
    return r;
}

static Obj *exc_str(rs_State *S, Obj *o) {
    Exc *e = (Exc *)o;
    if (is_instance_of(o, S->e_SyntaxError)) return syntax_error_str(S, o);
    if (!e->args || e->args->len == 0) return NEWREF(S->empty_str);
    if (e->args->len == 1) {
        if (is_instance_of(o, S->e_KeyError)) return obj_repr(S, e->args->items[0]);
        return obj_str(S, e->args->items[0]);
    }
    if (is_instance_of(o, S->e_OSError) && e->args->len == 2) {
        if (e->value) return str_fromf(S, "[Errno %S] %S: %R", e->args->items[0], e->args->items[1], e->value);
        return str_fromf(S, "[Errno %S] %S", e->args->items[0], e->args->items[1]);
    }
    return obj_str(S, (Obj *)e->args);
}

static Obj *exc_repr(rs_State *S, Obj *o) {
    Exc *e = (Exc *)o;
    const char *name = type_name(TYPE(o));
    if (!e->args || e->args->len == 0) return str_fromf(S, "%s()", name);
    if (e->args->len == 1) return str_fromf(S, "%s(%R)", name, e->args->items[0]);
    return str_fromf(S, "%s%R", name, (Obj *)e->args);
}

static Obj *exc_getattr(rs_State *S, Obj *o, Str *name) {
    Exc *e = (Exc *)o;
    const char *n = STR_DATA(name);
    if (n[0] == '_' && n[1] == '_') {
        if (!strcmp(n, "__traceback__")) return NEWREF(e->traceback ? e->traceback : S->none);
        if (!strcmp(n, "__context__")) return NEWREF(e->context ? e->context : S->none);
        if (!strcmp(n, "__cause__")) return NEWREF(e->cause ? e->cause : S->none);
        if (!strcmp(n, "__suppress_context__")) return bool_from(S, e->suppress_context);
    }
    if (!strcmp(n, "args")) return NEWREF(e->args);
    if (e->value && (!strcmp(n, "value") || !strcmp(n, "code"))) {
        /* value holds StopIteration.value, SystemExit.code, or an OSError's filename */
        if ((n[0] == 'v' && is_instance_of(o, S->e_StopIteration)) || (n[0] == 'c' && is_instance_of(o, S->e_SystemExit)))
            return NEWREF(e->value);
    }
    if (is_instance_of(o, S->e_OSError) && e->args && e->args->len >= 2) {
        if (!strcmp(n, "errno")) return NEWREF(e->args->items[0]);
        if (!strcmp(n, "strerror")) return NEWREF(e->args->items[1]);
        if (!strcmp(n, "filename")) return NEWREF(e->value ? e->value : S->none);
    }
    Obj *r = obj_generic_getattr(S, o, name);
    if (r || !exc_matches(S, S->e_AttributeError)) return r;
    if (is_instance_of(o, S->e_OSError) && (!strcmp(n, "errno") || !strcmp(n, "strerror") || !strcmp(n, "filename"))) {
        exc_clear(S);
        return NEWREF(S->none);
    }
    if (is_instance_of(o, S->e_SyntaxError)) {
        bool field = !strcmp(n, "msg") || !strcmp(n, "print_file_and_line");
        for (size_t i = 0; !field && i < sizeof syntax_fields / sizeof syntax_fields[0]; i++) field = !strcmp(n, syntax_fields[i]);
        if (field) {
            exc_clear(S);
            return NEWREF(S->none);
        }
    }
    return NULL;
}

static int exc_setattr(rs_State *S, Obj *o, Str *name, Obj *v) {
    Exc *e = (Exc *)o;
    const char *n = STR_DATA(name);
    if (!strcmp(n, "__traceback__")) {
        if (v && v != S->none && TYPE(v) != S->t_traceback) {
            exc_raisef(S, S->e_TypeError, "__traceback__ must be a traceback or None");
            return -1;
        }
        SETREF(S, e->traceback, v && v != S->none ? NEWREF(v) : NULL);
        return 0;
    }
    if (!strcmp(n, "__context__")) {
        SETREF(S, e->context, v && v != S->none ? NEWREF(v) : NULL);
        return 0;
    }
    if (!strcmp(n, "__cause__")) {
        SETREF(S, e->cause, v && v != S->none ? NEWREF(v) : NULL);
        e->suppress_context = true;
        return 0;
    }
    if (!strcmp(n, "__suppress_context__")) {
        int t = v ? obj_truth(S, v) : 0;
        if (t < 0) return -1;
        e->suppress_context = t;
        return 0;
    }
    if (!strcmp(n, "args")) {
        Obj *t = v ? tuple_from_array(S, IS_TUPLE(v) ? TUPLE_ITEMS(v) : &v, IS_TUPLE(v) ? TUPLE_LEN(v) : 1) : NULL;
        if (!t) return -1;
        SETREF(S, e->args, (Tuple *)t);
        return 0;
    }
    return obj_generic_setattr(S, o, name, v);
}

static Obj *m_with_traceback(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "with_traceback", kw) < 0 || args_count(S, "with_traceback", nargs, 1, 1) < 0) return NULL;
    Obj *name = str_intern_cstr(S, "__traceback__");
    if (!name) return NULL;
    int r = exc_setattr(S, self, (Str *)name, args[0]);
    DECREF(S, name);
    if (r < 0) return NULL;
    return NEWREF(self);
}

static const CFuncDef exc_methods[] = {{"with_traceback", m_with_traceback}, {NULL, NULL}};

/* ---- tracebacks ---- */

static void tb_dealloc(rs_State *S, Obj *o) {
    Traceback *t = (Traceback *)o;
    gc_untrack(S, o);
    XDECREF(S, t->next);
    XDECREF(S, t->frame);
    obj_free(S, o, sizeof(Traceback));
}

static int tb_traverse(Obj *o, VisitFn visit, void *arg) {
    Traceback *t = (Traceback *)o;
    int r = t->next ? visit((Obj *)t->next, arg) : 0;
    return r ? r : t->frame ? visit((Obj *)t->frame, arg) : 0;
}

static void tb_clear(rs_State *S, Obj *o) {
    CLEAR(S, ((Traceback *)o)->next);
    CLEAR(S, ((Traceback *)o)->frame);
}

static Obj *tb_getattr(rs_State *S, Obj *o, Str *name) {
    Traceback *t = (Traceback *)o;
    const char *n = STR_DATA(name);
    if (!strcmp(n, "tb_next")) return NEWREF(t->next ? (Obj *)t->next : S->none);
    if (!strcmp(n, "tb_frame")) return NEWREF(t->frame);
    if (!strcmp(n, "tb_lineno")) return int_from_i64(S, t->lineno);
    if (!strcmp(n, "tb_lasti")) return int_from_i64(S, t->lasti * 2);
    return obj_generic_getattr(S, o, name);
}

int exc_add_traceback(rs_State *S, Obj *exc, Frame *f) {
    Exc *e = (Exc *)exc;
    frame_materialize(S, f);
    Traceback *t = (Traceback *)obj_alloc(S, S->t_traceback, sizeof(Traceback));
    if (!t) return -1;
    t->next = (Traceback *)e->traceback;
    t->frame = (Frame *)NEWREF(f);
    t->lasti = f->lasti;
    t->lineno = frame_lineno(f);
    e->traceback = (Obj *)t;
    return 0;
}

/* ---- raising ---- */

void exc_set(rs_State *S, Obj *exc) {
    Obj *handled = S->handled;
    if (handled && handled != exc && IS_EXC(exc)) {
        Exc *e = (Exc *)exc;
        if (!e->context) {
            /* Avoid creating a cycle in the context chain. */
            Obj *o = handled;
            while (o) {
                Exc *oe = (Exc *)o;
                if (oe->context == exc) {
                    CLEAR(S, oe->context);
                    break;
                }
                o = oe->context;
            }
            e->context = NEWREF(handled);
        }
    }
    Obj *old = S->exc;
    S->exc = exc;
    XDECREF(S, old);
}

Obj *exc_fetch(rs_State *S) {
    Obj *e = S->exc;
    S->exc = NULL;
    return e;
}

void exc_clear(rs_State *S) {
    Obj *e = S->exc;
    S->exc = NULL;
    XDECREF(S, e);
}

bool exc_matches(rs_State *S, Type *t) { return S->exc && is_instance_of(S->exc, t); }

Obj *exc_nomemory(rs_State *S) {
    if (S->exc == S->memory_error) return NULL;
    Exc *e = (Exc *)S->memory_error;
    if (e) {
        /* The preallocated instance is reused: drop its old traceback. */
        CLEAR(S, e->traceback);
        CLEAR(S, e->context);
        exc_set(S, NEWREF(S->memory_error));
    }
    return NULL;
}

Obj *exc_raisef(rs_State *S, Type *t, const char *fmt, ...) {
    if (S->attr_quiet && t == S->e_AttributeError && S->quiet_attr_error) {
        exc_set(S, NEWREF(S->quiet_attr_error));
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    Obj *msg = str_fromv(S, fmt, ap);
    va_end(ap);
    if (!msg) return NULL;
    Obj *e = exc_new(S, t, &msg, 1);
    DECREF(S, msg);
    if (e) exc_set(S, e);
    return NULL;
}

Obj *exc_raise_value(rs_State *S, Type *t, Obj *value) {
    Obj *e = exc_new(S, t, &value, 1);
    if (e) exc_set(S, e);
    return NULL;
}

Obj *exc_raise(rs_State *S, Obj *exc) {
    if (TYPE(exc) == S->t_type && IS_EXC_TYPE(exc)) {
        Obj *inst = obj_call0(S, exc);
        if (!inst) return NULL;
        if (!IS_EXC(inst)) {
            exc_raisef(S, S->e_TypeError, "calling %R should have returned an instance of BaseException, not %s", exc,
                       type_name(TYPE(inst)));
            DECREF(S, inst);
            return NULL;
        }
        exc_set(S, inst);
        return NULL;
    }
    if (IS_EXC(exc)) {
        exc_set(S, NEWREF(exc));
        return NULL;
    }
    return exc_raisef(S, S->e_TypeError, "exceptions must derive from BaseException");
}

int exc_given_matches(rs_State *S, Obj *exc, Obj *spec) {
    if (IS_TUPLE(spec)) {
        for (size_t i = 0; i < TUPLE_LEN(spec); i++) {
            int r = exc_given_matches(S, exc, TUPLE_ITEMS(spec)[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!(TYPE(spec) == S->t_type || type_is_subtype(TYPE(spec), S->t_type)) || !IS_EXC_TYPE(spec)) {
        exc_raisef(S, S->e_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return is_instance_of(exc, (Type *)spec);
}

Obj *exc_syntax_error(rs_State *S, Type *t, const char *msg, const char *filename, int line, int col, int end_col, const char *text,
                      size_t textlen);
Obj *exc_syntax_error(rs_State *S, Type *t, const char *msg, const char *filename, int line, int col, int end_col, const char *text,
                      size_t textlen) {
    /* as CPython's: the line's text with its newline, the end of the span (0 when the error has none) */
    Obj *tx = S->none;
    Buf b;
    buf_init(&b, &S->mem);
    if (text) {
        buf_add(&b, text, textlen);
        buf_addc(&b, '\n');
        tx = b.failed ? NULL : str_new(S, b.data, b.len);
    } else {
        INCREF(tx);
    }
    buf_free(&b);
    Obj *detail = tuple_pack(S, 6, str_from_cstr(S, filename), int_from_i64(S, line), int_from_i64(S, col), tx,
                             int_from_i64(S, line), int_from_i64(S, end_col > col ? end_col : 0));
    Obj *args[2] = {str_from_cstr(S, msg), detail};
    /* made as SyntaxError(msg, detail) is in Python */
    Obj *e = args[0] && detail ? exc_new(S, t, args, 2) : NULL;
    XDECREF(S, args[0]);
    XDECREF(S, detail);
    if (!e) return exc_nomemory(S);
    exc_set(S, e);
    return NULL;
}

/* ---- printing ---- */

static void write_str(rs_State *S, Buf *b) {
    if (b->len) io_write(S, 2, b->data, b->len);
    b->len = 0;
}

/* Finds line `line` of filename's source: its text (without the newline), or false when unknown. */
static bool source_line(rs_State *S, Str *filename, int line, const char **text, size_t *len) {
    Obj *src = S->sources ? dict_get(S, S->sources, (Obj *)filename) : NULL;
    if (!src || line < 1) return false;
    const char *p = STR_DATA(src), *e = p + ((Str *)src)->nbytes;
    for (int l = 1; l < line && p < e; p++)
        if (*p == '\n') l++;
    if (p >= e) return false;
    const char *q = p;
    while (q < e && *q != '\n') q++;
    *text = p;
    *len = (size_t)(q - p);
    return true;
}

void exc_warn(rs_State *S, Type *category, const char *msg) {
    Buf b;
    buf_init(&b, &S->mem);
    Frame *f = S->frame;
    int line = f ? frame_lineno(f) : 0;
    buf_adds(&b, f ? STR_DATA(f->code->filename) : "sys");
    char num[24];
    snprintf(num, sizeof num, ":%d: ", line);
    buf_adds(&b, num);
    buf_adds(&b, type_name(category));
    buf_adds(&b, ": ");
    buf_adds(&b, msg);
    buf_addc(&b, '\n');
    const char *text;
    size_t len;
    if (f && source_line(S, f->code->filename, line, &text, &len)) {
        const char *p = text, *q = text + len;
        while (p < q && (*p == ' ' || *p == '\t')) p++;
        buf_adds(&b, "  ");
        buf_add(&b, p, (size_t)(q - p));
        buf_addc(&b, '\n');
    }
    io_flush(S);
    write_str(S, &b);
    buf_free(&b);
}

static size_t count_chars(const char *p, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)p[i] & 0xC0) != 0x80) c++;
    return c;
}

/* The byte offset of character index ci in text (clamped to len). */
static size_t char_to_byte(const char *text, size_t len, size_t ci) {
    size_t b = 0;
    while (ci > 0 && b < len) {
        b++;
        while (b < len && ((unsigned char)text[b] & 0xC0) == 0x80) b++;
        ci--;
    }
    return b;
}

/*
 * CPython 3.11's position markers under a traceback line: `^` under the
 * failing expression, or `~` under the operands and `^` under the operator of
 * a binary operation or the index of a subscript; none when the expression is
 * the whole line.
 */
static void add_markers(rs_State *S, Buf *b, Code *code, int32_t lasti, int line, const char *text, size_t len) {
    if (lasti < 0 || (size_t)lasti >= code->ncode || !code->positions) return;
    int32_t col = code->positions[3 * lasti], end_line = code->positions[3 * lasti + 1], end_col = code->positions[3 * lasti + 2];
    if (end_line <= 0 || code->lines[lasti] != line || col < 0) return;
    size_t k = 0; /* leading whitespace removed when the line is shown */
    while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\f')) k++;
    size_t tail = len;
    while (tail > k && (text[tail - 1] == ' ' || text[tail - 1] == '\t' || text[tail - 1] == '\f' || text[tail - 1] == '\r')) tail--;
    long start = col, end = end_col;
    long left_anchor = -1, right_anchor = -1;
    const char *primary = "^", *secondary = "^";
    if (end_line == line) {
        /* Anchors come from re-parsing the marked segment, as CPython does. */
        size_t sb = char_to_byte(text, len, (size_t)start), eb = char_to_byte(text, len, (size_t)end);
        if (eb > sb) {
            Arena A;
            arena_init(&A, &S->mem);
            SyntaxErr err;
            Node *e = parse_expression(&A, text + sb, eb - sb, &err, 0, 0);
            if (e && e->kind == N_BINOP && e->a->end_line == 1 && e->b) {
                const char *seg = text + sb;
                size_t segn = eb - sb;
                size_t from = char_to_byte(seg, segn, (size_t)e->a->end_col), to = char_to_byte(seg, segn, (size_t)e->b->col);
                for (size_t i = from; i < to; i++) {
                    if (seg[i] == ' ' || seg[i] == '\t' || seg[i] == '\f' || seg[i] == '(' || seg[i] == ')') continue;
                    left_anchor = (long)count_chars(seg, i);
                    right_anchor = left_anchor + 1;
                    if (i + 1 < to && seg[i + 1] != ' ' && seg[i + 1] != '\t' && seg[i + 1] != '\f') right_anchor++;
                    break;
                }
                primary = "~";
                secondary = "^";
            } else if (e && e->kind == N_SUBSCRIPT && e->a->end_line == 1 && e->b && e->b->end_line == 1) {
                left_anchor = e->a->end_col;
                right_anchor = e->b->end_col + 1;
                primary = "~";
                secondary = "^";
            }
            if (left_anchor >= 0) {
                left_anchor += start;
                right_anchor += start;
            }
            arena_free(&A);
            if (S->exc) exc_clear(S);
        }
    } else {
        /* a multi-line expression is marked to the end of its first line */
        end = (long)count_chars(text, tail);
    }
    long stripped = (long)count_chars(text + k, tail - k);
    bool secondary_ranges = left_anchor != -1;
    if (end - start == stripped && !secondary_ranges) return;
    if (end <= start) return;
    long indent_chars = (long)count_chars(text, k);
    buf_adds(b, "    ");
    for (long i = indent_chars; i < start; i++) buf_addc(b, ' ');
    for (long o = start + 1; o <= end; o++)
        buf_adds(b, secondary_ranges && left_anchor < o && o <= right_anchor ? secondary : primary);
    buf_addc(b, '\n');
}

/* The text of the line, stripped, and its position markers, when the source is known. */
static void add_source_line(rs_State *S, Buf *b, Code *code, int32_t lasti, int line) {
    const char *text;
    size_t len;
    if (!source_line(S, code->filename, line, &text, &len)) return;
    const char *p = text, *q = text + len;
    while (p < q && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
    const char *end = q;
    while (end > p && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\t')) end--;
    if (end == p) return;
    buf_adds(b, "    ");
    buf_add(b, p, (size_t)(end - p));
    buf_addc(b, '\n');
    add_markers(S, b, code, lasti, line, text, len);
}

static void print_tb(rs_State *S, Buf *b, Traceback *tb) {
    /* CPython collapses long runs of the same line: "[Previous line repeated N more times]" */
    Str *last_file = NULL, *last_name = NULL;
    int last_line = -1, repeats = 0;
    for (; tb; tb = tb->next) {
        Code *c = tb->frame->code;
        if (last_file && str_eq(last_file, c->filename) && last_line == tb->lineno && str_eq(last_name, c->name)) {
            if (++repeats > 3) continue;
        } else {
            if (repeats > 3) buf_printf(b, "  [Previous line repeated %d more time%s]\n", repeats - 3, repeats - 3 == 1 ? "" : "s");
            repeats = 1;
        }
        last_file = c->filename;
        last_line = tb->lineno;
        last_name = c->name;
        buf_printf(b, "  File \"%s\", line %d, in %s\n", STR_DATA(c->filename), tb->lineno, STR_DATA(c->name));
        add_source_line(S, b, c, tb->lasti, tb->lineno);
    }
    if (repeats > 3) buf_printf(b, "  [Previous line repeated %d more time%s]\n", repeats - 3, repeats - 3 == 1 ? "" : "s");
}

static Obj *dict_attr(rs_State *S, Obj *e, const char *name) {
    Dict **dp = obj_dict_ptr(S, e);
    return dp && *dp ? dict_get_cstr(S, *dp, name) : NULL;
}

static void print_exception_line(rs_State *S, Buf *b, Obj *exc) {
    Type *t = TYPE(exc);
    if (is_instance_of(exc, S->e_SyntaxError)) {
        Obj *fn = dict_attr(S, exc, "filename"), *ln = dict_attr(S, exc, "lineno"), *off = dict_attr(S, exc, "offset");
        Obj *text = dict_attr(S, exc, "text"), *msg = dict_attr(S, exc, "msg");
        if (fn && ln && IS_STR(fn) && IS_INT(ln)) {
            buf_printf(b, "  File \"%s\", line %lld\n", STR_DATA(fn), (long long)((Int *)ln)->small);
            if (text && IS_STR(text)) {
                const char *p = STR_DATA(text), *e = p + ((Str *)text)->nbytes;
                int stripped = 0;
                while (p < e && (*p == ' ' || *p == '\t' || *p == '\f')) {
                    p++;
                    stripped++;
                }
                while (e > p && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ')) e--;
                if (e > p) {
                    buf_adds(b, "    ");
                    buf_add(b, p, (size_t)(e - p));
                    buf_addc(b, '\n');
                    if (off && IS_INT(off)) {
                        long long col = ((Int *)off)->small - stripped;
                        long long width = 0;
                        for (const char *q = p; q < e; q++)
                            if (((unsigned char)*q & 0xC0) != 0x80) width++;
                        if (col < 1) col = 1;
                        if (col > width + 1) col = width + 1;
                        Obj *eoff = dict_attr(S, exc, "end_offset");
                        long long carets = 1;
                        if (eoff && IS_INT(eoff) && ((Int *)eoff)->small - stripped > col) carets = ((Int *)eoff)->small - stripped - col;
                        if (col + carets > width + 1) carets = width + 1 - col > 0 ? width + 1 - col : 1;
                        buf_adds(b, "    ");
                        for (long long i = 1; i < col; i++) buf_addc(b, ' ');
                        for (long long i = 0; i < carets; i++) buf_addc(b, '^');
                        buf_addc(b, '\n');
                    }
                }
            }
        }
        buf_printf(b, "%s: ", type_name(t));
        if (msg && IS_STR(msg)) buf_add(b, STR_DATA(msg), ((Str *)msg)->nbytes);
        buf_addc(b, '\n');
        return;
    }
    Obj *module = NULL;
    if (t->flags & TF_HEAP) {
        module = t->dict ? dict_get_cstr(S, t->dict, "__module__") : NULL;
        if (module && IS_STR(module) && !str_eq_cstr(module, "builtins") && !str_eq_cstr(module, "__main__"))
            buf_printf(b, "%s.", STR_DATA(module));
    }
    buf_adds(b, type_name(t));
    Obj *s = obj_str(S, exc);
    if (!s) {
        exc_clear(S);
        buf_adds(b, ": <exception str() failed>\n");
        return;
    }
    if (((Str *)s)->nbytes) {
        buf_adds(b, ": ");
        buf_add(b, STR_DATA(s), ((Str *)s)->nbytes);
    }
    DECREF(S, s);
    buf_addc(b, '\n');
}

static void print_chain(rs_State *S, Buf *b, Obj *exc, Obj *seen, int depth) {
    Exc *e = (Exc *)exc;
    if (depth > 50) return;
    if (list_append(S, seen, exc) < 0) {
        exc_clear(S);
        return;
    }
    Obj *cause = e->cause, *context = e->context;
    bool shown = false;
    for (size_t i = 0; i < LIST_LEN(seen); i++) {
        if (cause && LIST_ITEMS(seen)[i] == cause) cause = NULL;
        if (context && LIST_ITEMS(seen)[i] == context) context = NULL;
    }
    if (cause && IS_EXC(cause)) {
        print_chain(S, b, cause, seen, depth + 1);
        buf_adds(b, "\nThe above exception was the direct cause of the following exception:\n\n");
        shown = true;
    } else if (context && IS_EXC(context) && !e->suppress_context) {
        print_chain(S, b, context, seen, depth + 1);
        buf_adds(b, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    (void)shown;
    if (e->traceback) {
        buf_adds(b, "Traceback (most recent call last):\n");
        print_tb(S, b, (Traceback *)e->traceback);
    }
    print_exception_line(S, b, exc);
}

/* What is said when there is no memory left to format a report: a line of text the state already holds. */
static void write_line_unformatted(rs_State *S, const char *text) {
    io_write(S, 2, text, strlen(text));
    io_write(S, 2, "\n", 1);
}

void exc_print(rs_State *S, Obj *exc) {
    Obj *saved = exc_fetch(S);
    Buf b;
    buf_init(&b, &S->mem);
    bool printed = true;
    if (!IS_EXC(exc)) {
        buf_adds(&b, "TypeError: print_exception(): Exception expected\n");
    } else {
        Obj *seen = list_new(S, 0);
        if (seen) {
            print_chain(S, &b, exc, seen, 0);
            DECREF(S, seen);
        } else {
            exc_clear(S);
            printed = false;
        }
    }
    if (b.failed || !printed) {
        write_line_unformatted(S, IS_EXC(exc) ? type_name(TYPE(exc)) : "MemoryError");
    } else {
        write_str(S, &b);
    }
    buf_free(&b);
    exc_clear(S);
    S->exc = saved;
}

void exc_write_unraisable(rs_State *S, const char *where, Obj *obj) {
    Obj *exc = exc_fetch(S);
    if (!exc) return;
    Buf b;
    buf_init(&b, &S->mem);
    buf_adds(&b, where ? where : "Exception ignored in");
    if (obj) {
        Obj *r = obj_repr(S, obj);
        if (r) {
            buf_adds(&b, ": ");
            buf_add(&b, STR_DATA(r), ((Str *)r)->nbytes);
            DECREF(S, r);
        } else {
            exc_clear(S);
            buf_adds(&b, ": <object repr() failed>");
        }
    }
    buf_addc(&b, '\n');
    if (((Exc *)exc)->traceback) {
        buf_adds(&b, "Traceback (most recent call last):\n");
        print_tb(S, &b, (Traceback *)((Exc *)exc)->traceback);
    }
    print_exception_line(S, &b, exc);
    if (!b.failed) {
        write_str(S, &b);
    } else {
        write_line_unformatted(S, where ? where : "Exception ignored in");
        write_line_unformatted(S, type_name(TYPE(exc)));
    }
    buf_free(&b);
    DECREF(S, exc);
}

void exc_init_types(rs_State *S) {
#define X_INIT(f, n, b)                        \
    {                                          \
        Type *t = S->e_##f;                    \
        t->dealloc = exc_dealloc;              \
        t->traverse = exc_traverse;            \
        t->clear = exc_clear_slot;             \
        t->str = exc_str;                      \
        t->repr = exc_repr;                    \
        t->getattr = exc_getattr;              \
        t->setattr = exc_setattr;              \
        t->tp_new = exc_tp_new;                \
        t->init = exc_init;                    \
    }
    RS_EXCEPTION_TYPES(X_INIT)
#undef X_INIT
    cfunc_add_methods(S, S->e_BaseException, exc_methods);
    Type *t = S->t_traceback;
    t->dealloc = tb_dealloc;
    t->traverse = tb_traverse;
    t->clear = tb_clear;
    t->getattr = tb_getattr;
}
