/*
 * parser.c: the grammar. Each rule is a function returning a node or NULL
 * (then p->err is filled and every caller returns NULL at once). One token of
 * lookahead, plus a second for the few places Python needs it (keyword
 * arguments, walrus). Invalid assignment targets are checked after an
 * expression is parsed, as CPython's "invalid_*" rules do.
 */
#include "parser.h"
#include <stdio.h>
#include <string.h>
#include "../objects/object.h"

long lexer_decode_escapes(const char *s, size_t n, char *out, char *err, size_t err_cap);

typedef struct Parser {
    Arena *A;
    Lexer L;
    Token tok, next;
    bool has_next;
    SyntaxErr *err;
    bool failed;
    int line_offset, col_offset;
    int func_depth;       /* inside a def or lambda: yield and return are allowed */
    int last_end_line, last_end_col;  /* where the last consumed token ended: expressions end there */
    int loop_depth;
    int bracket_depth;    /* brackets the consumed tokens left open */
    /* The disjunction the last expression began with, in token coordinates: CPython's invalid_expression looks at it. */
    int disj_line, disj_col, disj_end_line, disj_end_col;
    bool disj_single_name, disj_soft_keyword, in_comma_check;
    uintptr_t stack_base; /* where the parse began on the C stack: nesting is bounded by the stack it takes */
    int levels;           /* expression, not_test and factor calls in progress */
    int walk_depth;       /* copy_strings' depth in the tree */
} Parser;

/* Bounds on what a source may nest. The recursive descent stops at a fixed amount of C stack, as CPython's parser
   stops at its 6,000 rule levels (MemoryError, "too complex to parse"); trees deeper than CPython's compiler takes
   (3,000 levels: RecursionError) are refused before anything walks them recursively. */
#define PARSER_STACK_BUDGET (1024 * 1024)
/* In WebAssembly the engine's own call stack (about 1 MB in V8) runs out before the C stack does: there the descent
   also stops after this many nested expressions, unary operators and `not`s. */
#define PARSER_LEVELS_WASM 1500
#define COMPILE_DEPTH_LIMIT 3000

static void advance(Parser *p);

/* Records a syntax error marking columns col .. end_col (0-based, end exclusive; end_col <= col: one caret). */
static Node *vfail(Parser *p, int line, int col, int end_col, const char *fmt, va_list ap) {
    if (p->failed) return NULL;
    p->failed = true;
    vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
    p->err->cls = "SyntaxError";
    p->err->line = line + p->line_offset;
    p->err->col = col + 1 + p->col_offset;
    p->err->end_col = end_col > col ? end_col + 1 + p->col_offset : 0;
    return NULL;
}

static Node *fail_at(Parser *p, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static Node *fail_at(Parser *p, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfail(p, line, col, col, fmt, ap);
    va_end(ap);
    return NULL;
}

static Node *fail_range(Parser *p, int line, int col, int end_col, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static Node *fail_range(Parser *p, int line, int col, int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfail(p, line, col, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

/* The descent went as deep as the stack budget allows: CPython's parser gives a MemoryError there too. */
static bool too_deep(Parser *p) {
    size_t used = util_stack_distance(p->stack_base, util_stack_position());
#ifdef __EMSCRIPTEN__
    if (used <= PARSER_STACK_BUDGET && p->levels <= PARSER_LEVELS_WASM) return false;
#else
    if (used <= PARSER_STACK_BUDGET) return false;
#endif
    if (!p->failed) {
        p->failed = true;
        p->err->cls = "MemoryError";
        snprintf(p->err->msg, sizeof p->err->msg, "too complex to parse");
    }
    return true;
}

/* Runs a rule that may recurse into itself (an expression, a unary operator, `not`) one level deeper. */
static Node *nested(Parser *p, Node *(*rule)(Parser *p)) {
    if (too_deep(p)) return NULL;
    p->levels++;
    Node *n = rule(p);
    p->levels--;
    return n;
}

static Node *nomem(Parser *p) {
    if (p->failed) return NULL;
    p->failed = true;
    p->err->cls = "MemoryError";
    snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
    return NULL;
}

static Node *lex_fail(Parser *p) {
    if (p->failed) return NULL;
    p->failed = true;
    p->err->cls = p->L.error_class;
    snprintf(p->err->msg, sizeof p->err->msg, "%s", p->L.error);
    p->err->line = p->L.error_line + p->line_offset;
    p->err->col = p->L.error_col + 1 + p->col_offset;
    p->err->end_col = 0;
    p->err->incomplete = p->L.eof_in_string;
    return NULL;
}

static Node *expression(Parser *p);
static Node *or_expr(Parser *p);
static bool tok_is_kw(const Token *t, const char *kw);
static bool tok_is_keyword(const Token *t);

/* Whether t can begin an expression. */
static bool starts_expression(const Token *t) {
    switch (t->kind) {
    case TK_NAME:
        return !tok_is_keyword(t) || tok_is_kw(t, "True") || tok_is_kw(t, "False") || tok_is_kw(t, "None") ||
               tok_is_kw(t, "not") || tok_is_kw(t, "lambda") || tok_is_kw(t, "await");
    case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_STRING: case TK_FSTRING: case TK_BYTES: case TK_LPAR:
    case TK_LSQB: case TK_LBRACE: case TK_MINUS: case TK_PLUS: case TK_TILDE: case TK_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

/* CPython's invalid_expression: inside brackets, an expression right after another one ("[a b]") is a forgotten
   comma; the two are marked. NULL when the rule does not apply (the caller reports plain invalid syntax). */
static Node *forgotten_comma(Parser *p) {
    if (p->in_comma_check || p->bracket_depth == 0 || !starts_expression(&p->tok)) return NULL;
    if (p->disj_end_line != p->last_end_line || p->disj_end_col != p->last_end_col) return NULL;
    if (p->disj_soft_keyword || (p->disj_single_name && (p->tok.kind == TK_STRING || p->tok.kind == TK_FSTRING))) return NULL;
    int line = p->disj_line, col = p->disj_col;
    p->in_comma_check = true;
    Node *b = expression(p);
    p->in_comma_check = false;
    if (!b) {
        p->failed = false; /* b's own error is not the one to report */
        return NULL;
    }
    if (p->last_end_line != line) return fail_at(p, line, col, "invalid syntax. Perhaps you forgot a comma?");
    return fail_range(p, line, col, p->last_end_col, "invalid syntax. Perhaps you forgot a comma?");
}

/* An indented line where none may start: CPython's IndentationError. */
static Node *unexpected_indent(Parser *p) {
    bool first = !p->failed;
    Node *r = fail_at(p, p->tok.line, p->tok.col, "unexpected indent");
    if (first) p->err->cls = "IndentationError";
    return r;
}

static Node *syntax_error(Parser *p) {
    if (p->tok.kind == TK_ERRORTOKEN) return lex_fail(p);
    /* As CPython: a generic syntax error gives way to a tokenizer error later in the source (an unclosed bracket). */
    if (!p->failed && p->tok.kind != TK_EOF && p->tok.kind != TK_INDENT) {
        /* the look ahead is undone afterwards (its decoded strings stay in the pool, which frees them) */
        Lexer saved = p->L;
        Token saved_next = p->next;
        bool saved_has_next = p->has_next;
        Token t = p->has_next ? p->next : lexer_next(&p->L);
        while (t.kind != TK_EOF && t.kind != TK_ERRORTOKEN) t = lexer_next(&p->L);
        /* an unclosed bracket counts only when the error is on a later line than the bracket (CPython's rule) */
        if (t.kind == TK_ERRORTOKEN && (!strstr(p->L.error, "was never closed") || p->tok.line > p->L.error_line))
            return lex_fail(p);
        struct LexStr *pool = p->L.strings;
        p->L = saved;
        p->L.strings = pool;
        p->next = saved_next;
        p->has_next = saved_has_next;
        Token here = p->tok;
        Node *r = forgotten_comma(p);
        if (p->failed) return r;
        p->tok = here; /* b could not be parsed: the first error stands */
    }
    if (p->tok.kind == TK_INDENT) return unexpected_indent(p);
    if (p->tok.kind == TK_EOF || (p->tok.kind == TK_NEWLINE && p->tok.len == 0)) {
        Node *r = fail_at(p, p->tok.line, p->tok.col, "invalid syntax");
        p->err->incomplete = true;
        return r;
    }
    /* the offending token is marked whole */
    if (p->tok.end_line == p->tok.line) return fail_range(p, p->tok.line, p->tok.col, p->tok.end_col, "invalid syntax");
    return fail_at(p, p->tok.line, p->tok.col, "invalid syntax");
}

static void advance(Parser *p) {
    p->last_end_line = p->tok.end_line;
    p->last_end_col = p->tok.end_col;
    TokKind k = p->tok.kind;
    if (k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE) p->bracket_depth++;
    else if ((k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE) && p->bracket_depth > 0) p->bracket_depth--;
    if (p->has_next) {
        p->tok = p->next;
        p->has_next = false;
    } else {
        p->tok = lexer_next(&p->L);
    }
    if (p->tok.kind == TK_ERRORTOKEN) lex_fail(p);
}

static Token *peek2(Parser *p) {
    if (!p->has_next) {
        p->next = lexer_next(&p->L);
        p->has_next = true;
    }
    return &p->next;
}

static bool tok_is_kw(const Token *t, const char *kw) {
    return t->kind == TK_NAME && t->len == strlen(kw) && memcmp(t->start, kw, t->len) == 0;
}
static bool at_kw(Parser *p, const char *kw) { return tok_is_kw(&p->tok, kw); }
static bool at(Parser *p, TokKind k) { return p->tok.kind == k; }

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", NULL};

static bool tok_is_keyword(const Token *t) {
    if (t->kind != TK_NAME) return false;
    for (int i = 0; keywords[i]; i++)
        if (tok_is_kw(t, keywords[i])) return true;
    return false;
}

static bool accept(Parser *p, TokKind k) {
    if (p->tok.kind != k) return false;
    advance(p);
    return true;
}

static bool accept_kw(Parser *p, const char *kw) {
    if (!at_kw(p, kw)) return false;
    advance(p);
    return true;
}

static bool expect(Parser *p, TokKind k) {
    if (p->failed) return false;
    if (accept(p, k)) return true;
    if (k == TK_COLON && p->tok.kind != TK_ERRORTOKEN) {
        fail_at(p, p->tok.line, p->tok.col, "expected ':'");
        return false;
    }
    syntax_error(p);
    return false;
}

/* Records that n ends where the last consumed token ended (positions feed traceback markers). */
static Node *ended(Parser *p, Node *n) {
    if (n) {
        n->end_line = p->last_end_line + p->line_offset;
        n->end_col = p->last_end_col + (p->last_end_line == 1 ? p->col_offset : 0);
    }
    return n;
}

static Node *mk(Parser *p, NodeKind k, const Token *t) {
    Node *n = node_new(p->A, k, t->line + p->line_offset, t->col + (t->line == 1 ? p->col_offset : 0));
    if (!n) nomem(p);
    else n->end_line = 0; /* unknown until ended() */
    return n;
}

static bool push(Parser *p, NodeList *l, Node *n) {
    if (!nodelist_push(p->A, l, n)) {
        nomem(p);
        return false;
    }
    return true;
}

static const char *tok_str(Parser *p, const Token *t) {
    char *s = arena_strdup(p->A, t->start, t->len);
    if (!s) nomem(p);
    return s;
}

/* ---- expressions ---- */

static Node *expression(Parser *p);
static Node *named_expression(Parser *p);
static Node *star_expressions(Parser *p);
static Node *or_expr(Parser *p);
static Node *bitor(Parser *p);
static Node *block(Parser *p, NodeList *out);
static Node *arguments(Parser *p, bool lambda);

static Node *parse_fstring(Parser *p, const Token *t, const char *s, size_t n);
static bool check_target(Parser *p, Node *n, int mode);
static Node *star_named_expression(Parser *p);

static Node *strings(Parser *p) {
    /* Adjacent literals concatenate; an f-string anywhere makes the whole an FSTRING. */
    Token first = p->tok;
    bool any_f = false, any_bytes = false, any_str = false;
    Node *joined = mk(p, N_FSTRING, &first);
    if (!joined) return NULL;
    while (at(p, TK_STRING) || at(p, TK_FSTRING) || at(p, TK_BYTES)) {
        Token t = p->tok;
        if (t.kind == TK_BYTES) any_bytes = true;
        else any_str = true;
        if (t.kind == TK_FSTRING) {
            any_f = true;
            Node *f = parse_fstring(p, &t, t.str, t.str_len);
            if (!f) return NULL;
            for (int i = 0; i < f->list.len; i++)
                if (!push(p, &joined->list, f->list.items[i])) return NULL;
        } else {
            Node *c = mk(p, N_CONST, &t);
            if (!c) return NULL;
            c->op = t.kind == TK_BYTES ? CONST_BYTES : CONST_STR;
            c->str = t.str;
            c->str_len = t.str_len;
            if (!push(p, &joined->list, c)) return NULL;
        }
        advance(p);
    }
    if (any_bytes && any_str) return fail_at(p, first.line, first.col, "cannot mix bytes and nonbytes literals");
    /* Merge neighbouring constant parts. */
    NodeList merged = {0};
    for (int i = 0; i < joined->list.len; i++) {
        Node *part = joined->list.items[i];
        if (part->kind == N_CONST && merged.len > 0 && merged.items[merged.len - 1]->kind == N_CONST) {
            Node *prev = merged.items[merged.len - 1];
            char *s = arena_alloc(p->A, prev->str_len + part->str_len + 1);
            if (!s) return nomem(p);
            memcpy(s, prev->str, prev->str_len);
            memcpy(s + prev->str_len, part->str, part->str_len);
            Node *c = mk(p, N_CONST, &first);
            if (!c) return NULL;
            c->op = prev->op;
            c->str = s;
            c->str_len = prev->str_len + part->str_len;
            merged.items[merged.len - 1] = c;
        } else if (!push(p, &merged, part)) {
            return NULL;
        }
    }
    joined->list = merged;
    if (!any_f) {
        if (merged.len == 0) {
            Node *c = mk(p, N_CONST, &first);
            if (!c) return NULL;
            c->op = CONST_STR;
            c->str = "";
            return c;
        }
        return merged.items[0];
    }
    return joined;
}

/* CPython 3.11 places f-string errors at the last character of the line holding the literal. */
static int fstring_error_col(Parser *p, const Token *t) {
    const char *eol = t->start;
    while (eol < p->L.end && *eol != '\n') eol++;
    const char *sol = t->start;
    while (sol > p->L.src && sol[-1] != '\n') sol--;
    int n = lexer_column(sol, eol);
    return n > 0 ? n - 1 : 0;
}

/* Splits an f-string's raw text into constant and formatted parts. */
static Node *parse_fstring(Parser *p, const Token *t, const char *s, size_t n) {
    Node *f = mk(p, N_FSTRING, t);
    if (!f) return NULL;
    bool raw = false;
    for (const char *q = t->start; q < t->start + t->len && *q != '\'' && *q != '"'; q++)
        if ((*q | 0x20) == 'r') raw = true;
    size_t i = 0;
    char *lit = arena_alloc(p->A, n + 1);
    if (!lit) return nomem(p);
    size_t litn = 0;
    while (i <= n) {
        if (i == n || s[i] == '{' || s[i] == '}') {
            if (i < n && i + 1 < n && s[i + 1] == s[i]) {
                lit[litn++] = s[i];
                i += 2;
                continue;
            }
            if (litn > 0) {
                Node *c = mk(p, N_CONST, t);
                if (!c) return NULL;
                c->op = CONST_STR;
                char *out = arena_alloc(p->A, litn + 1);
                if (!out) return nomem(p);
                if (raw) {
                    memcpy(out, lit, litn);
                    c->str_len = litn;
                } else {
                    char err[160];
                    long len = lexer_decode_escapes(lit, litn, out, err, sizeof err);
                    if (len < 0) return fail_at(p, t->line, t->col, "%s", err);
                    c->str_len = (size_t)len;
                }
                c->str = out;
                if (!push(p, &f->list, c)) return NULL;
                litn = 0;
            }
            if (i == n) break;
            if (s[i] == '}') return fail_at(p, t->line, t->col, "f-string: single '}' is not allowed");
            /* A replacement field: find its end, respecting brackets and strings. */
            size_t start = ++i;
            int depth = 0;
            char quote = 0;
            size_t expr_end = 0, conv_at = 0, spec_at = 0;
            while (i < n) {
                char c = s[i];
                if (quote) {
                    if (c == quote) quote = 0;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                } else if (depth == 0 && c == '!' && i + 1 < n && s[i + 1] != '=' && !conv_at && !spec_at) {
                    if (!expr_end) expr_end = i;
                    conv_at = i + 1;
                } else if (depth == 0 && c == ':' && !spec_at) {
                    if (!expr_end) expr_end = i;
                    spec_at = i + 1;
                    break;
                } else if (depth == 0 && c == '}') {
                    break;
                }
                i++;
            }
            if (!expr_end) expr_end = i;
            if (i >= n && !spec_at) return fail_at(p, t->line, t->col, "f-string: expecting '}'");
            size_t elen = expr_end - start;
            bool self_doc = false;
            /* f"{x=}" prints "x=" then the repr. */
            size_t trimmed = elen;
            while (trimmed > 0 && (s[start + trimmed - 1] == ' ')) trimmed--;
            if (trimmed > 0 && s[start + trimmed - 1] == '=' &&
                !(trimmed > 1 && strchr("=!<>", s[start + trimmed - 2]))) {
                self_doc = true;
                Node *c = mk(p, N_CONST, t);
                if (!c) return NULL;
                c->op = CONST_STR;
                c->str = arena_strdup(p->A, s + start, elen);
                c->str_len = elen;
                if (!c->str || !push(p, &f->list, c)) return nomem(p);
                elen = trimmed - 1;
            }
            bool blank = true;
            for (size_t k = 0; k < elen; k++)
                if (s[start + k] != ' ') blank = false;
            if (blank) return fail_at(p, t->line, fstring_error_col(p, t), "f-string: empty expression not allowed");
            char *src = arena_alloc(p->A, elen + 3);
            if (!src) return nomem(p);
            src[0] = '(';
            memcpy(src + 1, s + start, elen);
            src[elen + 1] = ')';
            SyntaxErr sub;
            memset(&sub, 0, sizeof sub);
            Node *e = parse_expression(p->A, src, elen + 2, &sub, t->line - 1, 0);
            if (!e) {
                p->failed = true;
                *p->err = sub;
                if (strcmp(sub.msg, "invalid syntax") == 0) snprintf(p->err->msg, sizeof p->err->msg, "f-string: invalid syntax");
                return NULL;
            }
            Node *fv = mk(p, N_FORMATTED, t);
            if (!fv) return NULL;
            fv->a = e;
            fv->op = self_doc ? 'r' : 0;
            if (conv_at) {
                char conv = s[conv_at];
                if (conv != 's' && conv != 'r' && conv != 'a')
                    return fail_at(p, t->line, t->col, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
                fv->op = conv;
            }
            if (spec_at) {
                /* The spec runs to the matching '}' and may itself hold fields. */
                size_t spec_start = spec_at;
                int d = 0;
                i = spec_at;
                while (i < n) {
                    if (s[i] == '{') d++;
                    else if (s[i] == '}') {
                        if (d == 0) break;
                        d--;
                    }
                    i++;
                }
                if (i >= n) return fail_at(p, t->line, t->col, "f-string: expecting '}'");
                if (self_doc && !conv_at) fv->op = 0;
                fv->b = parse_fstring(p, t, s + spec_start, i - spec_start);
                if (!fv->b) return NULL;
            }
            if (!push(p, &f->list, fv)) return NULL;
            i++; /* the closing brace */
            continue;
        }
        lit[litn++] = s[i++];
    }
    return f;
}

static Node *comprehension_tail(Parser *p, Node *comp) {
    /* for target in iter [if cond]* ... */
    while (at_kw(p, "for") || at_kw(p, "async")) {
        Token t = p->tok;
        if (at_kw(p, "async")) return syntax_error(p);
        advance(p);
        Node *g = mk(p, N_COMPREHENSION, &t);
        if (!g) return NULL;
        /* The target is a star_targets list. */
        Node *target = NULL;
        {
            Token tt = p->tok;
            Node *first = at(p, TK_STAR) ? star_named_expression(p) : bitor(p);
            if (!first) return NULL;
            if (at(p, TK_COMMA)) {
                Node *tup = mk(p, N_TUPLE, &tt);
                if (!tup || !push(p, &tup->list, first)) return NULL;
                while (accept(p, TK_COMMA)) {
                    if (at_kw(p, "in")) break;
                    Node *e = at(p, TK_STAR) ? star_named_expression(p) : bitor(p);
                    if (!e || !push(p, &tup->list, e)) return NULL;
                }
                target = tup;
            } else {
                target = first;
            }
        }
        g->a = target;
        if (!check_target(p, target, 3)) return NULL;
        if (!accept_kw(p, "in")) return syntax_error(p);
        g->b = or_expr(p);
        if (!g->b) return NULL;
        while (at_kw(p, "if")) {
            advance(p);
            /* A condition is a disjunction: no conditional expression without parentheses. */
            Node *c = NULL;
            Token ct = p->tok;
            if (at_kw(p, "not")) {
                advance(p);
                Node *x = NULL;
                x = or_expr(p);
                (void)ct;
                if (!x) return NULL;
                c = mk(p, N_UNARY, &ct);
                if (!c) return NULL;
                c->op = '!';
                c->a = x;
            } else {
                c = or_expr(p);
            }
            if (!c) return NULL;
            /* allow 'and'/'or' chains */
            while (at_kw(p, "and") || at_kw(p, "or")) {
                Token bt = p->tok;
                int op = at_kw(p, "or");
                advance(p);
                Node *rhs = or_expr(p);
                if (!rhs) return NULL;
                Node *b = mk(p, N_BOOLOP, &bt);
                if (!b || !push(p, &b->list, c) || !push(p, &b->list, rhs)) return NULL;
                b->op = op;
                c = b;
            }
            if (!push(p, &g->list, c)) return NULL;
        }
        if (!push(p, &comp->list, g)) return NULL;
    }
    return comp;
}

static Node *make_comp(Parser *p, NodeKind k, const Token *t, Node *elt) {
    Node *c = mk(p, k, t);
    if (!c) return NULL;
    c->a = elt;
    return comprehension_tail(p, c);
}

static Node *star_named_expression(Parser *p) {
    if (at(p, TK_STAR)) {
        Token t = p->tok;
        advance(p);
        Node *s = mk(p, N_STARRED, &t);
        if (!s) return NULL;
        s->a = bitor(p);
        return s->a ? ended(p, s) : NULL;
    }
    return named_expression(p);
}

/* ( ... ): a parenthesised expression, a tuple, a generator expression or yield. */
static Node *paren(Parser *p) {
    Token t = p->tok;
    advance(p);
    if (accept(p, TK_RPAR)) return mk(p, N_TUPLE, &t);
    if (at_kw(p, "yield")) {
        Node *y = expression(p);
        if (!y || !expect(p, TK_RPAR)) return NULL;
        return y;
    }
    Node *first = star_named_expression(p);
    if (!first) return NULL;
    if (at_kw(p, "for")) {
        Node *g = make_comp(p, N_GENEXP, &t, first);
        if (!g || !expect(p, TK_RPAR)) return NULL;
        return g;
    }
    if (accept(p, TK_RPAR)) {
        if (first->kind == N_STARRED) return fail_at(p, first->line, first->col, "cannot use starred expression here");
        return first;
    }
    if (!at(p, TK_COMMA)) return syntax_error(p);
    Node *tup = mk(p, N_TUPLE, &t);
    if (!tup || !push(p, &tup->list, first)) return NULL;
    while (accept(p, TK_COMMA)) {
        if (at(p, TK_RPAR)) break;
        Node *e = star_named_expression(p);
        if (!e || !push(p, &tup->list, e)) return NULL;
    }
    if (!expect(p, TK_RPAR)) return NULL;
    return tup;
}

static Node *list_display(Parser *p) {
    Token t = p->tok;
    advance(p);
    Node *l = mk(p, N_LIST, &t);
    if (!l) return NULL;
    if (accept(p, TK_RSQB)) return l;
    Node *first = star_named_expression(p);
    if (!first) return NULL;
    if (at_kw(p, "for")) {
        Node *c = make_comp(p, N_LISTCOMP, &t, first);
        if (!c || !expect(p, TK_RSQB)) return NULL;
        return c;
    }
    if (!push(p, &l->list, first)) return NULL;
    while (accept(p, TK_COMMA)) {
        if (at(p, TK_RSQB)) break;
        Node *e = star_named_expression(p);
        if (!e || !push(p, &l->list, e)) return NULL;
    }
    if (!expect(p, TK_RSQB)) return NULL;
    return l;
}

static Node *dict_or_set(Parser *p) {
    Token t = p->tok;
    advance(p);
    if (accept(p, TK_RBRACE)) return mk(p, N_DICT, &t);
    if (at(p, TK_DOUBLESTAR)) {
        Node *d = mk(p, N_DICT, &t);
        if (!d) return NULL;
        for (;;) {
            if (accept(p, TK_DOUBLESTAR)) {
                Node *v = bitor(p);
                if (!v || !push(p, &d->list, NULL) || !push(p, &d->list2, v)) return NULL;
            } else {
                Node *k = expression(p);
                if (!k || !expect(p, TK_COLON)) return NULL;
                Node *v = expression(p);
                if (!v || !push(p, &d->list, k) || !push(p, &d->list2, v)) return NULL;
            }
            if (!accept(p, TK_COMMA) || at(p, TK_RBRACE)) break;
        }
        if (!expect(p, TK_RBRACE)) return NULL;
        return d;
    }
    Node *first = star_named_expression(p);
    if (!first) return NULL;
    if (accept(p, TK_COLON)) {
        Node *v = expression(p);
        if (!v) return NULL;
        if (at_kw(p, "for")) {
            Node *c = mk(p, N_DICTCOMP, &t);
            if (!c) return NULL;
            c->a = first;
            c->b = v;
            if (!comprehension_tail(p, c) || !expect(p, TK_RBRACE)) return NULL;
            return c;
        }
        Node *d = mk(p, N_DICT, &t);
        if (!d || !push(p, &d->list, first) || !push(p, &d->list2, v)) return NULL;
        while (accept(p, TK_COMMA)) {
            if (at(p, TK_RBRACE)) break;
            if (accept(p, TK_DOUBLESTAR)) {
                Node *m = bitor(p);
                if (!m || !push(p, &d->list, NULL) || !push(p, &d->list2, m)) return NULL;
                continue;
            }
            Node *k = expression(p);
            if (!k) return NULL;
            if (!at(p, TK_COLON)) return fail_at(p, k->line, k->col, "':' expected after dictionary key");
            advance(p);
            Node *val = expression(p);
            if (!val || !push(p, &d->list, k) || !push(p, &d->list2, val)) return NULL;
        }
        if (!expect(p, TK_RBRACE)) return NULL;
        return d;
    }
    if (at_kw(p, "for")) {
        Node *c = make_comp(p, N_SETCOMP, &t, first);
        if (!c || !expect(p, TK_RBRACE)) return NULL;
        return c;
    }
    Node *s = mk(p, N_SET, &t);
    if (!s || !push(p, &s->list, first)) return NULL;
    while (accept(p, TK_COMMA)) {
        if (at(p, TK_RBRACE)) break;
        Node *e = star_named_expression(p);
        if (!e || !push(p, &s->list, e)) return NULL;
    }
    if (!expect(p, TK_RBRACE)) return NULL;
    return s;
}

static Node *atom(Parser *p) {
    Token t = p->tok;
    switch (t.kind) {
    case TK_NAME: {
        Node *n;
        if (tok_is_kw(&t, "None") || tok_is_kw(&t, "True") || tok_is_kw(&t, "False")) {
            n = mk(p, N_CONST, &t);
            if (!n) return NULL;
            n->op = t.start[0] == 'N' ? CONST_NONE : t.start[0] == 'T' ? CONST_TRUE : CONST_FALSE;
            advance(p);
            return ended(p, n);
        }
        if (tok_is_keyword(&t)) return syntax_error(p);
        n = mk(p, N_NAME, &t);
        if (!n || !(n->str = tok_str(p, &t))) return NULL;
        advance(p);
        return ended(p, n);
    }
    case TK_INT:
    case TK_FLOAT:
    case TK_IMAG: {
        Node *n = mk(p, N_CONST, &t);
        if (!n) return NULL;
        n->op = t.kind == TK_INT ? CONST_INT : t.kind == TK_FLOAT ? CONST_FLOAT : CONST_IMAG;
        n->str = tok_str(p, &t);
        n->str_len = t.len;
        advance(p);
        return n->str ? ended(p, n) : NULL;
    }
    case TK_STRING:
    case TK_FSTRING:
    case TK_BYTES: return ended(p, strings(p));
    case TK_ELLIPSIS: {
        Node *n = mk(p, N_CONST, &t);
        if (!n) return NULL;
        n->op = CONST_ELLIPSIS;
        advance(p);
        return ended(p, n);
    }
    case TK_LPAR: {
        Node *e = paren(p);
        /* a parenthesised expression keeps its own span, as CPython's AST does */
        if (e && (e->kind == N_TUPLE || e->kind == N_GENEXP) && e->end_line == 0) ended(p, e);
        return e;
    }
    case TK_LSQB: return ended(p, list_display(p));
    case TK_LBRACE: return ended(p, dict_or_set(p));
    default: return syntax_error(p);
    }
}

static Node *slice_item(Parser *p) {
    Token t = p->tok;
    Node *lower = NULL;
    if (!at(p, TK_COLON)) {
        lower = named_expression(p);
        if (!lower) return NULL;
        if (!at(p, TK_COLON)) return lower;
    }
    Node *s = mk(p, N_SLICE, &t);
    if (!s) return NULL;
    s->a = lower;
    advance(p); /* ':' */
    if (!at(p, TK_COLON) && !at(p, TK_RSQB) && !at(p, TK_COMMA)) {
        s->b = expression(p);
        if (!s->b) return NULL;
    }
    if (accept(p, TK_COLON)) {
        if (!at(p, TK_RSQB) && !at(p, TK_COMMA)) {
            s->c = expression(p);
            if (!s->c) return NULL;
        }
    }
    return ended(p, s);
}

static Node *subscript(Parser *p, Node *obj) {
    Token t = p->tok;
    advance(p);
    Node *idx = at(p, TK_STAR) ? star_named_expression(p) : slice_item(p);
    if (!idx) return NULL;
    if (at(p, TK_COMMA)) {
        Node *tup = mk(p, N_TUPLE, &t);
        if (!tup || !push(p, &tup->list, idx)) return NULL;
        while (accept(p, TK_COMMA)) {
            if (at(p, TK_RSQB)) break;
            Node *e = at(p, TK_STAR) ? star_named_expression(p) : slice_item(p);
            if (!e || !push(p, &tup->list, e)) return NULL;
        }
        idx = tup;
    }
    if (!expect(p, TK_RSQB)) return NULL;
    Node *s = mk(p, N_SUBSCRIPT, &t);
    if (!s) return NULL;
    s->line = obj->line;
    s->col = obj->col;
    s->a = obj;
    s->b = idx;
    return s;
}

static Node *call(Parser *p, Node *fn) {
    Token t = p->tok;
    advance(p);
    Node *c = mk(p, N_CALL, &t);
    if (!c) return NULL;
    c->line = fn->line;
    c->col = fn->col;
    c->a = fn;
    bool seen_kw = false, seen_dstar = false;
    while (!at(p, TK_RPAR)) {
        Token at_t = p->tok;
        if (accept(p, TK_STAR)) {
            Node *s = mk(p, N_STARRED, &at_t);
            if (!s || !(s->a = expression(p))) return NULL;
            if (seen_dstar) return fail_at(p, at_t.line, at_t.col, "iterable argument unpacking follows keyword argument unpacking");
            if (!push(p, &c->list, s)) return NULL;
        } else if (accept(p, TK_DOUBLESTAR)) {
            Node *k = mk(p, N_KEYWORD, &at_t);
            if (!k || !(k->a = expression(p))) return NULL;
            seen_dstar = true;
            if (!push(p, &c->list2, k)) return NULL;
        } else if (at(p, TK_NAME) && peek2(p)->kind == TK_EQUAL) {
            Node *k = mk(p, N_KEYWORD, &at_t);
            if (!k || !(k->str = tok_str(p, &at_t))) return NULL;
            if (tok_is_keyword(&at_t)) return fail_at(p, at_t.line, at_t.col, "expression cannot contain assignment, perhaps you meant \"==\"?");
            advance(p);
            advance(p);
            if (!(k->a = expression(p))) return NULL;
            for (int i = 0; i < c->list2.len; i++)
                if (c->list2.items[i]->str && strcmp(c->list2.items[i]->str, k->str) == 0)
                    return fail_range(p, at_t.line, at_t.col, k->a->end_line == at_t.line ? k->a->end_col : at_t.end_col,
                                      "keyword argument repeated: %s", k->str);
            seen_kw = true;
            if (!push(p, &c->list2, k)) return NULL;
        } else {
            Node *e = named_expression(p);
            if (!e) return NULL;
            if (at_kw(p, "for")) {
                Node *g = make_comp(p, N_GENEXP, &at_t, e);
                if (!g) return NULL;
                if (c->list.len > 0 || !at(p, TK_RPAR))
                    if (!at(p, TK_RPAR) || c->list.len > 0)
                        return fail_at(p, at_t.line, at_t.col, "Generator expression must be parenthesized");
                e = g;
            }
            if (at(p, TK_EQUAL))
                return fail_at(p, e->line, e->col, "expression cannot contain assignment, perhaps you meant \"==\"?");
            if (seen_dstar) return fail_at(p, p->tok.line, p->tok.col, "positional argument follows keyword argument unpacking");
            if (seen_kw) return fail_at(p, p->tok.line, p->tok.col, "positional argument follows keyword argument");
            if (!push(p, &c->list, e)) return NULL;
        }
        if (!accept(p, TK_COMMA)) break;
    }
    if (!expect(p, TK_RPAR)) return NULL;
    return c;
}

static Node *primary(Parser *p) {
    Node *e = atom(p);
    while (e) {
        if (at(p, TK_DOT)) {
            advance(p);
            Token t = p->tok;
            if (t.kind != TK_NAME) return syntax_error(p);
            Node *a = mk(p, N_ATTR, &t);
            if (!a || !(a->str = tok_str(p, &t))) return NULL;
            a->line = e->line;
            a->col = e->col;
            a->a = e;
            advance(p);
            e = ended(p, a);
        } else if (at(p, TK_LPAR)) {
            e = ended(p, call(p, e));
        } else if (at(p, TK_LSQB)) {
            e = ended(p, subscript(p, e));
        } else {
            break;
        }
    }
    return e;
}

static Node *factor(Parser *p);

static Node *power(Parser *p) {
    if (at_kw(p, "await")) /* no coroutines here: what CPython says of an await outside one */
        return fail_at(p, p->tok.line, p->tok.col, p->func_depth ? "'await' outside async function" : "'await' outside function");
    Node *e = primary(p);
    if (!e) return NULL;
    if (at(p, TK_DOUBLESTAR)) {
        Token t = p->tok;
        advance(p);
        Node *b = mk(p, N_BINOP, &t);
        if (!b) return NULL;
        b->line = e->line;
        b->col = e->col;
        b->op = OP_POW;
        b->a = e;
        b->b = factor(p);
        return b->b ? ended(p, b) : NULL;
    }
    return e;
}

static Node *factor_in(Parser *p);
static Node *factor(Parser *p) { return nested(p, factor_in); }

static Node *factor_in(Parser *p) {
    Token t = p->tok;
    int op = t.kind == TK_MINUS ? '-' : t.kind == TK_PLUS ? '+' : t.kind == TK_TILDE ? '~' : 0;
    if (op) {
        advance(p);
        Node *u = mk(p, N_UNARY, &t);
        if (!u) return NULL;
        u->op = op;
        u->a = factor(p);
        return u->a ? ended(p, u) : NULL;
    }
    return power(p);
}

typedef Node *(*RuleFn)(Parser *p);

static int binop_of(TokKind k, int level) {
    switch (level) {
    case 0: return k == TK_STAR ? OP_MUL : k == TK_SLASH ? OP_TRUEDIV : k == TK_DOUBLESLASH ? OP_FLOORDIV
                 : k == TK_PERCENT ? OP_MOD : k == TK_AT ? OP_MATMUL : -1;
    case 1: return k == TK_PLUS ? OP_ADD : k == TK_MINUS ? OP_SUB : -1;
    case 2: return k == TK_LEFTSHIFT ? OP_LSHIFT : k == TK_RIGHTSHIFT ? OP_RSHIFT : -1;
    case 3: return k == TK_AMPER ? OP_AND : -1;
    case 4: return k == TK_CIRCUMFLEX ? OP_XOR : -1;
    case 5: return k == TK_VBAR ? OP_OR : -1;
    }
    return -1;
}

static Node *binary_level(Parser *p, int level) {
    Node *e = level == 0 ? factor(p) : binary_level(p, level - 1);
    while (e) {
        int op = binop_of(p->tok.kind, level);
        if (op < 0) break;
        Token t = p->tok;
        advance(p);
        Node *b = mk(p, N_BINOP, &t);
        if (!b) return NULL;
        b->line = e->line;
        b->col = e->col;
        b->op = op;
        b->a = e;
        b->b = level == 0 ? factor(p) : binary_level(p, level - 1);
        if (!b->b) return NULL;
        e = ended(p, b);
    }
    return e;
}

static Node *bitor(Parser *p) { return binary_level(p, 5); }

static int comparison_op(Parser *p) {
    switch (p->tok.kind) {
    case TK_LESS: return CMP_LT;
    case TK_LESSEQUAL: return CMP_LE;
    case TK_EQEQUAL: return CMP_EQ;
    case TK_NOTEQUAL: return CMP_NE;
    case TK_GREATER: return CMP_GT;
    case TK_GREATEREQUAL: return CMP_GE;
    default: break;
    }
    if (at_kw(p, "in")) return CMPX_IN;
    if (at_kw(p, "is")) return CMPX_IS;
    if (at_kw(p, "not") && tok_is_kw(peek2(p), "in")) return CMPX_NOT_IN;
    return -1;
}

static Node *comparison(Parser *p) {
    Node *e = bitor(p);
    if (!e) return NULL;
    int op = comparison_op(p);
    if (op < 0) return e;
    Node *c = mk(p, N_COMPARE, &p->tok);
    if (!c) return NULL;
    c->line = e->line;
    c->col = e->col;
    c->a = e;
    while ((op = comparison_op(p)) >= 0) {
        Token t = p->tok;
        advance(p);
        if (op == CMPX_NOT_IN) advance(p);
        if (op == CMPX_IS && accept_kw(p, "not")) op = CMPX_IS_NOT;
        Node *item = mk(p, N_CMPITEM, &t);
        if (!item) return NULL;
        item->op = op;
        item->a = bitor(p);
        if (!item->a || !push(p, &c->list, item)) return NULL;
    }
    return ended(p, c);
}

static Node *not_test_in(Parser *p);
static Node *not_test(Parser *p) { return nested(p, not_test_in); }

static Node *not_test_in(Parser *p) {
    if (at_kw(p, "not")) {
        Token t = p->tok;
        advance(p);
        Node *u = mk(p, N_UNARY, &t);
        if (!u) return NULL;
        u->op = '!';
        u->a = not_test(p);
        return u->a ? ended(p, u) : NULL;
    }
    return comparison(p);
}

static Node *boolop(Parser *p, int op) {
    Node *e = op ? boolop(p, 0) : not_test(p);
    if (!e || !at_kw(p, op ? "or" : "and")) return e;
    Node *b = mk(p, N_BOOLOP, &p->tok);
    if (!b || !push(p, &b->list, e)) return NULL;
    b->line = e->line;
    b->col = e->col;
    b->op = op;
    while (accept_kw(p, op ? "or" : "and")) {
        Node *x = op ? boolop(p, 0) : not_test(p);
        if (!x || !push(p, &b->list, x)) return NULL;
    }
    return ended(p, b);
}

static Node *or_expr(Parser *p) { return boolop(p, 1); }

static Node *lambda(Parser *p) {
    Token t = p->tok;
    advance(p);
    Node *l = mk(p, N_LAMBDA, &t);
    if (!l) return NULL;
    l->a = arguments(p, true);
    if (!l->a || !expect(p, TK_COLON)) return NULL;
    if (at_kw(p, "yield")) return syntax_error(p);
    p->func_depth++;
    l->b = expression(p);
    p->func_depth--;
    return l->b ? ended(p, l) : NULL;
}

static Node *yield_expr(Parser *p) {
    Token t = p->tok;
    advance(p);
    if (accept_kw(p, "from")) {
        Node *y = mk(p, N_YIELD_FROM, &t);
        if (!y || !(y->a = expression(p))) return NULL;
        return y;
    }
    Node *y = mk(p, N_YIELD, &t);
    if (!y) return NULL;
    if (!at(p, TK_RPAR) && !at(p, TK_NEWLINE) && !at(p, TK_EQUAL) && !at(p, TK_SEMI) && !at(p, TK_RSQB) && !at(p, TK_RBRACE) &&
        !at(p, TK_EOF)) {
        y->a = star_expressions(p);
        if (!y->a) return NULL;
    }
    return y;
}

/* expression: disjunction ['if' disjunction 'else' expression] | lambda | yield */
static Node *expression_in(Parser *p);
static Node *expression(Parser *p) { return nested(p, expression_in); }

static Node *expression_in(Parser *p) {
    if (at_kw(p, "lambda")) return lambda(p);
    if (at_kw(p, "yield")) return yield_expr(p);
    Token start = p->tok;
    Node *e = or_expr(p);
    if (e) {
        /* the disjunction an expression starts with, for forgotten_comma */
        p->disj_line = start.line;
        p->disj_col = start.col;
        p->disj_end_line = p->last_end_line;
        p->disj_end_col = p->last_end_col;
        p->disj_single_name = start.kind == TK_NAME && start.end_line == p->last_end_line && start.end_col == p->last_end_col;
        p->disj_soft_keyword = tok_is_kw(&start, "match") || tok_is_kw(&start, "case") || tok_is_kw(&start, "_");
    }
    if (!e || !at_kw(p, "if")) return e;
    Token t = p->tok;
    advance(p);
    Node *x = mk(p, N_IFEXP, &t);
    if (!x) return NULL;
    x->line = e->line;
    x->col = e->col;
    x->b = e;
    x->a = or_expr(p);
    if (!x->a) return NULL;
    if (!accept_kw(p, "else")) {
        if (p->failed) return NULL;
        return fail_range(p, e->line, e->col, x->a->end_line == e->line ? x->a->end_col : e->end_col,
                          "expected 'else' after 'if' expression");
    }
    x->c = expression(p);
    p->disj_end_line = -1; /* a conditional's else part is no place for a forgotten comma (CPython says invalid syntax) */
    return x->c ? ended(p, x) : NULL;
}

static Node *named_expression(Parser *p) {
    if (at(p, TK_NAME) && peek2(p)->kind != TK_COLONEQUAL && !tok_is_keyword(&p->tok)) {
        /* x.y := 1, x[0] := 1: CPython names what cannot be a target */
        Node *e = expression(p);
        if (!e || !at(p, TK_COLONEQUAL)) return e;
        if (e->kind == N_ATTR || e->kind == N_SUBSCRIPT || e->kind == N_TUPLE)
            return fail_at(p, e->line, e->col, "cannot use assignment expressions with %s",
                           e->kind == N_ATTR ? "attribute" : e->kind == N_SUBSCRIPT ? "subscript" : "tuple");
        return e;
    }
    if (at(p, TK_NAME) && peek2(p)->kind == TK_COLONEQUAL) {
        Token t = p->tok;
        Node *target = atom(p);
        if (!target) return NULL;
        advance(p);
        Node *n = mk(p, N_NAMEDEXPR, &t);
        if (!n) return NULL;
        n->a = target;
        n->b = expression(p);
        return n->b ? ended(p, n) : NULL;
    }
    return expression(p);
}

/* A comma-separated list that becomes a tuple when it has a comma. */
static Node *star_expressions(Parser *p) {
    Token t = p->tok;
    Node *first = star_named_expression(p);
    if (!first || !at(p, TK_COMMA)) return first;
    Node *tup = mk(p, N_TUPLE, &t);
    if (!tup || !push(p, &tup->list, first)) return NULL;
    while (accept(p, TK_COMMA)) {
        if (at(p, TK_NEWLINE) || at(p, TK_EQUAL) || at(p, TK_RPAR) || at(p, TK_SEMI) || at(p, TK_EOF) ||
            at(p, TK_COLON) || (p->tok.kind >= TK_PLUSEQUAL && p->tok.kind <= TK_DOUBLESTAREQUAL) ||
            at(p, TK_DOUBLESLASHEQUAL) || at(p, TK_ATEQUAL))
            break;
        Node *e = star_named_expression(p);
        if (!e || !push(p, &tup->list, e)) return NULL;
    }
    return ended(p, tup);
}

/* ---- assignment targets ---- */

static const char *target_kind_name(Node *n) {
    switch (n->kind) {
    case N_CALL: return "function call";
    case N_CONST: return n->op == CONST_NONE || n->op == CONST_TRUE || n->op == CONST_FALSE ? (n->op == CONST_NONE ? "None" : n->op == CONST_TRUE ? "True" : "False") : n->op == CONST_ELLIPSIS ? "ellipsis" : "literal";
    case N_FSTRING: return "f-string expression";
    case N_BINOP:
    case N_UNARY: return "expression";
    case N_BOOLOP: return "expression";
    case N_COMPARE: return "comparison";
    case N_LAMBDA: return "lambda";
    case N_IFEXP: return "conditional expression";
    case N_DICT: return "dict literal";
    case N_SET: return "set display";
    case N_LISTCOMP: return "list comprehension";
    case N_SETCOMP: return "set comprehension";
    case N_DICTCOMP: return "dict comprehension";
    case N_GENEXP: return "generator expression";
    case N_YIELD:
    case N_YIELD_FROM: return "yield expression";
    case N_NAMEDEXPR: return "named expression";
    default: return "expression";
    }
}

/* CPython's invalid_named_expression: an expression that could be a comparison's operand, other than a tuple, a
   list and True/None/False, standing alone before '=', is probably a mistyped '=='. */
static bool maybe_meant_equals(Node *n) {
    switch (n->kind) {
    case N_CONST: return n->op != CONST_NONE && n->op != CONST_TRUE && n->op != CONST_FALSE;
    case N_CALL:
    case N_COMPARE:
    case N_BINOP:
    case N_NAMEDEXPR:
    case N_DICT:
    case N_SET:
    case N_LISTCOMP:
    case N_SETCOMP:
    case N_DICTCOMP: return true;
    default: return false;
    }
}

static bool check_target(Parser *p, Node *n, int mode) {
    /* mode 0: a whole '=' target; 1: augmented; 2: del; 3: for/with/comprehension, or inside a target */
    switch (n->kind) {
    case N_NAME:
        if (strcmp(n->str, "__debug__") == 0) {
            fail_at(p, n->line, n->col, mode == 2 ? "cannot delete __debug__" : "cannot assign to __debug__");
            return false;
        }
        return true;
    case N_ATTR:
    case N_SUBSCRIPT: return true;
    case N_TUPLE:
    case N_LIST:
        if (mode == 1) {
            fail_range(p, n->line, n->col, n->end_line == n->line ? n->end_col : n->col,
                       "'%s' is an illegal expression for augmented assignment", n->kind == N_TUPLE ? "tuple" : "list");
            return false;
        }
        {
            int stars = 0;
            for (int i = 0; i < n->list.len; i++) {
                Node *e = n->list.items[i];
                if (e->kind == N_STARRED) {
                    if (mode == 2) {
                        fail_at(p, e->line, e->col, "cannot delete starred");
                        return false;
                    }
                    if (++stars > 1) {
                        fail_at(p, e->line, e->col, "multiple starred expressions in assignment");
                        return false;
                    }
                    if (!check_target(p, e->a, mode == 0 ? 3 : mode)) return false;
                } else if (!check_target(p, e, mode == 0 ? 3 : mode)) {
                    return false;
                }
            }
        }
        return true;
    case N_STARRED:
        if (mode == 2) {
            fail_at(p, n->line, n->col, "cannot delete starred");
            return false;
        }
        fail_at(p, n->line, n->col, "starred assignment target must be in a list or tuple");
        return false;
    default: {
        int end = n->end_line == n->line ? n->end_col : n->col;
        if (mode == 1)
            fail_range(p, n->line, n->col, end, "'%s' is an illegal expression for augmented assignment", target_kind_name(n));
        else if (mode == 2)
            fail_range(p, n->line, n->col, end, "cannot delete %s", target_kind_name(n));
        else if (mode == 0 && maybe_meant_equals(n))
            fail_range(p, n->line, n->col, end, "cannot assign to %s here. Maybe you meant '==' instead of '='?", target_kind_name(n));
        else
            fail_range(p, n->line, n->col, end, "cannot assign to %s", target_kind_name(n));
        return false;
    }
    }
}

/* ---- statements ---- */

static Node *statement(Parser *p, NodeList *out);

static Node *simple_stmt(Parser *p) {
    Token t = p->tok;
    if (t.kind == TK_NAME) {
        if (tok_is_kw(&t, "pass") || tok_is_kw(&t, "break") || tok_is_kw(&t, "continue")) {
            advance(p);
            NodeKind k = t.start[0] == 'p' ? N_PASS : t.start[0] == 'b' ? N_BREAK : N_CONTINUE;
            if (k != N_PASS && p->loop_depth == 0)
                return fail_range(p, t.line, t.col, t.end_col, "%s", k == N_BREAK ? "'break' outside loop" : "'continue' not properly in loop");
            return mk(p, k, &t);
        }
        if (tok_is_kw(&t, "return")) {
            advance(p);
            if (p->func_depth == 0) {
                /* CPython marks the whole statement */
                Node *r = mk(p, N_RETURN, &t);
                if (r && !at(p, TK_NEWLINE) && !at(p, TK_SEMI) && !at(p, TK_EOF)) r->a = star_expressions(p);
                if (p->failed) return NULL;
                return fail_range(p, t.line, t.col, r && r->a && r->a->end_line == t.line ? r->a->end_col : t.end_col, "'return' outside function");
            }
            Node *r = mk(p, N_RETURN, &t);
            if (!r) return NULL;
            if (!at(p, TK_NEWLINE) && !at(p, TK_SEMI) && !at(p, TK_EOF)) {
                r->a = star_expressions(p);
                if (!r->a) return NULL;
            }
            return r;
        }
        if (tok_is_kw(&t, "raise")) {
            advance(p);
            Node *r = mk(p, N_RAISE, &t);
            if (!r) return NULL;
            if (!at(p, TK_NEWLINE) && !at(p, TK_SEMI) && !at(p, TK_EOF)) {
                if (!(r->a = expression(p))) return NULL;
                if (accept_kw(p, "from") && !(r->b = expression(p))) return NULL;
            }
            return ended(p, r);
        }
        if (tok_is_kw(&t, "global") || tok_is_kw(&t, "nonlocal")) {
            advance(p);
            Node *g = mk(p, t.start[0] == 'g' ? N_GLOBAL : N_NONLOCAL, &t);
            if (!g) return NULL;
            do {
                if (!at(p, TK_NAME) || tok_is_keyword(&p->tok)) return syntax_error(p);
                Node *n = atom(p);
                if (!n || !push(p, &g->list, n)) return NULL;
            } while (accept(p, TK_COMMA));
            return g;
        }
        if (tok_is_kw(&t, "del")) {
            advance(p);
            Node *d = mk(p, N_DEL, &t);
            if (!d) return NULL;
            do {
                if (at(p, TK_NEWLINE) || at(p, TK_SEMI)) break;
                Node *e = bitor(p);
                if (!e || !check_target(p, e, 2) || !push(p, &d->list, e)) return NULL;
            } while (accept(p, TK_COMMA));
            if (d->list.len == 0) return syntax_error(p);
            return d;
        }
        if (tok_is_kw(&t, "assert")) {
            advance(p);
            Node *a = mk(p, N_ASSERT, &t);
            if (!a || !(a->a = expression(p))) return NULL;
            if (accept(p, TK_COMMA) && !(a->b = expression(p))) return NULL;
            return a;
        }
        if (tok_is_kw(&t, "import")) {
            advance(p);
            Node *im = mk(p, N_IMPORT, &t);
            if (!im) return NULL;
            do {
                Token nt = p->tok;
                if (!at(p, TK_NAME)) return syntax_error(p);
                const char *start = p->tok.start, *end = p->tok.start + p->tok.len;
                advance(p);
                while (at(p, TK_DOT)) {
                    advance(p);
                    if (!at(p, TK_NAME)) return syntax_error(p);
                    end = p->tok.start + p->tok.len;
                    advance(p);
                }
                Node *al = mk(p, N_ALIAS, &nt);
                if (!al || !(al->str = arena_strdup(p->A, start, (size_t)(end - start)))) return nomem(p);
                if (accept_kw(p, "as")) {
                    if (!at(p, TK_NAME)) return syntax_error(p);
                    al->str2 = tok_str(p, &p->tok);
                    advance(p);
                }
                if (!push(p, &im->list, al)) return NULL;
            } while (accept(p, TK_COMMA));
            return im;
        }
        if (tok_is_kw(&t, "from")) {
            advance(p);
            Node *im = mk(p, N_IMPORT_FROM, &t);
            if (!im) return NULL;
            while (at(p, TK_DOT) || at(p, TK_ELLIPSIS)) {
                im->op += at(p, TK_DOT) ? 1 : 3;
                advance(p);
            }
            if (at(p, TK_NAME) && !at_kw(p, "import")) {
                const char *start = p->tok.start, *end = p->tok.start + p->tok.len;
                advance(p);
                while (at(p, TK_DOT)) {
                    advance(p);
                    if (!at(p, TK_NAME)) return syntax_error(p);
                    end = p->tok.start + p->tok.len;
                    advance(p);
                }
                if (!(im->str = arena_strdup(p->A, start, (size_t)(end - start)))) return nomem(p);
            }
            if (!accept_kw(p, "import")) return syntax_error(p);
            if (at(p, TK_STAR)) {
                Node *al = mk(p, N_ALIAS, &p->tok);
                if (!al) return NULL;
                al->str = "*";
                advance(p);
                push(p, &im->list, al);
                return im;
            }
            bool parens = accept(p, TK_LPAR);
            do {
                if (parens && at(p, TK_RPAR)) break;
                if (!at(p, TK_NAME)) return syntax_error(p);
                Node *al = mk(p, N_ALIAS, &p->tok);
                if (!al || !(al->str = tok_str(p, &p->tok))) return NULL;
                advance(p);
                if (accept_kw(p, "as")) {
                    if (!at(p, TK_NAME)) return syntax_error(p);
                    al->str2 = tok_str(p, &p->tok);
                    advance(p);
                }
                if (!push(p, &im->list, al)) return NULL;
            } while (accept(p, TK_COMMA));
            if (parens && !expect(p, TK_RPAR)) return NULL;
            return im;
        }
    }
    /* Expression statements and assignments. */
    Node *e = at_kw(p, "yield") ? yield_expr(p) : star_expressions(p);
    if (!e) return NULL;
    if (at(p, TK_EQUAL)) {
        Node *as = mk(p, N_ASSIGN, &t);
        if (!as) return NULL;
        as->line = e->line;
        as->col = e->col;
        Node *value = e;
        while (accept(p, TK_EQUAL)) {
            if (!check_target(p, value, 0) || !push(p, &as->list, value)) return NULL;
            value = at_kw(p, "yield") ? yield_expr(p) : star_expressions(p);
            if (!value) return NULL;
        }
        as->a = value;
        return as;
    }
    if ((p->tok.kind >= TK_PLUSEQUAL && p->tok.kind <= TK_DOUBLESTAREQUAL) || at(p, TK_DOUBLESLASHEQUAL) || at(p, TK_ATEQUAL)) {
        static const struct { TokKind k; int op; } augs[] = {
            {TK_PLUSEQUAL, OP_ADD}, {TK_MINEQUAL, OP_SUB}, {TK_STAREQUAL, OP_MUL}, {TK_SLASHEQUAL, OP_TRUEDIV},
            {TK_PERCENTEQUAL, OP_MOD}, {TK_AMPEREQUAL, OP_AND}, {TK_VBAREQUAL, OP_OR}, {TK_CIRCUMFLEXEQUAL, OP_XOR},
            {TK_LEFTSHIFTEQUAL, OP_LSHIFT}, {TK_RIGHTSHIFTEQUAL, OP_RSHIFT}, {TK_DOUBLESTAREQUAL, OP_POW},
            {TK_DOUBLESLASHEQUAL, OP_FLOORDIV}, {TK_ATEQUAL, OP_MATMUL}};
        int op = 0;
        for (size_t i = 0; i < sizeof augs / sizeof augs[0]; i++)
            if (augs[i].k == p->tok.kind) op = augs[i].op;
        if (!check_target(p, e, 1)) return NULL;
        advance(p);
        Node *a = mk(p, N_AUGASSIGN, &t);
        if (!a) return NULL;
        a->line = e->line;
        a->col = e->col;
        a->op = op;
        a->a = e;
        a->b = at_kw(p, "yield") ? yield_expr(p) : star_expressions(p);
        return a->b ? a : NULL;
    }
    if (at(p, TK_COLON) && (e->kind == N_NAME || e->kind == N_ATTR || e->kind == N_SUBSCRIPT)) {
        advance(p);
        Node *a = mk(p, N_ANNASSIGN, &t);
        if (!a) return NULL;
        a->a = e;
        a->op = e->kind == N_NAME && p->tok.start > t.start && t.kind != TK_LPAR;
        if (!(a->b = expression(p))) return NULL;
        if (accept(p, TK_EQUAL) && !(a->c = star_expressions(p))) return NULL;
        return a;
    }
    if (e->kind == N_NAME && (!strcmp(e->str, "print") || !strcmp(e->str, "exec")) &&
        (at(p, TK_STRING) || at(p, TK_NAME) || at(p, TK_INT) || at(p, TK_FLOAT) || at(p, TK_FSTRING)))
        return fail_range(p, e->line, e->col, p->tok.end_line == e->line ? p->tok.end_col : e->end_col,
                          "Missing parentheses in call to '%s'. Did you mean %s(...)?", e->str, e->str);
    Node *s = mk(p, N_EXPR_STMT, &t);
    if (!s) return NULL;
    s->a = e;
    return s;
}

static Node *simple_stmts(Parser *p, NodeList *out) {
    for (;;) {
        Node *s = simple_stmt(p);
        if (!s || !push(p, out, s)) return NULL;
        if (!accept(p, TK_SEMI)) break;
        if (at(p, TK_NEWLINE)) break;
    }
    if (!at(p, TK_NEWLINE) && !at(p, TK_EOF)) return syntax_error(p);
    accept(p, TK_NEWLINE);
    return (Node *)out;
}

/* block: NEWLINE INDENT statement+ DEDENT | simple_stmts */
static Node *block(Parser *p, NodeList *out) {
    if (accept(p, TK_NEWLINE)) {
        if (!at(p, TK_INDENT)) {
            if (p->tok.kind == TK_ERRORTOKEN) return lex_fail(p);
            if (at(p, TK_EOF) || at(p, TK_DEDENT)) {
                Node *r = fail_at(p, p->tok.line, p->tok.col, "expected an indented block");
                p->err->cls = "IndentationError";
                p->err->incomplete = at(p, TK_EOF);
                return r;
            }
            Node *r = fail_at(p, p->tok.line, p->tok.col, "expected an indented block");
            p->err->cls = "IndentationError";
            return r;
        }
        advance(p);
        while (!at(p, TK_DEDENT) && !at(p, TK_EOF)) {
            if (!statement(p, out)) return NULL;
        }
        if (at(p, TK_EOF) && p->L.nindents >= 0) {
            /* dedents at EOF arrive before EOF; fine either way */
        }
        accept(p, TK_DEDENT);
        return (Node *)out;
    }
    return simple_stmts(p, out);
}

static Node *block_after_colon(Parser *p, NodeList *out, int line, const char *what) {
    if (!expect(p, TK_COLON)) return NULL;
    if (at(p, TK_NEWLINE) && peek2(p)->kind != TK_INDENT && peek2(p)->kind != TK_ERRORTOKEN) {
        advance(p);
        Node *r = fail_at(p, p->tok.line, p->tok.col, "expected an indented block after %s on line %d", what, line);
        p->err->cls = "IndentationError";
        p->err->incomplete = at(p, TK_EOF);
        return r;
    }
    return block(p, out);
}

static Node *if_stmt(Parser *p, bool elif) {
    Token t = p->tok;
    advance(p);
    Node *n = mk(p, N_IF, &t);
    if (!n || !(n->a = named_expression(p))) return NULL;
    if (at(p, TK_EQUAL)) {
        advance(p);
        Node *v = expression(p);
        if (!v) return NULL;
        return fail_range(p, n->a->line, n->a->col, v->end_line == n->a->line ? v->end_col : n->a->end_col,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    char what[40];
    snprintf(what, sizeof what, "'%s' statement", elif ? "elif" : "if");
    if (!block_after_colon(p, &n->list, t.line, what)) return NULL;
    if (at_kw(p, "elif")) {
        Node *e = if_stmt(p, true);
        if (!e || !push(p, &n->list2, e)) return NULL;
    } else if (at_kw(p, "else")) {
        Token et = p->tok;
        advance(p);
        if (!block_after_colon(p, &n->list2, et.line, "'else' statement")) return NULL;
    }
    return n;
}

static Node *target_list(Parser *p) {
    Token t = p->tok;
    Node *first = at(p, TK_STAR) ? star_named_expression(p) : bitor(p);
    if (!first || !at(p, TK_COMMA)) return first;
    Node *tup = mk(p, N_TUPLE, &t);
    if (!tup || !push(p, &tup->list, first)) return NULL;
    while (accept(p, TK_COMMA)) {
        if (at_kw(p, "in") || at(p, TK_EQUAL)) break;
        Node *e = at(p, TK_STAR) ? star_named_expression(p) : bitor(p);
        if (!e || !push(p, &tup->list, e)) return NULL;
    }
    return tup;
}

static Node *loop_body(Parser *p, NodeList *out, int line, const char *what) {
    p->loop_depth++;
    Node *r = block_after_colon(p, out, line, what);
    p->loop_depth--;
    return r;
}

static Node *while_stmt(Parser *p) {
    Token t = p->tok;
    advance(p);
    Node *n = mk(p, N_WHILE, &t);
    if (!n || !(n->a = named_expression(p))) return NULL;
    if (at(p, TK_EQUAL)) {
        advance(p);
        Node *v = expression(p);
        if (!v) return NULL;
        return fail_range(p, n->a->line, n->a->col, v->end_line == n->a->line ? v->end_col : n->a->end_col,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    if (!loop_body(p, &n->list, t.line, "'while' statement")) return NULL;
    if (at_kw(p, "else")) {
        Token et = p->tok;
        advance(p);
        if (!block_after_colon(p, &n->list2, et.line, "'else' statement")) return NULL;
    }
    return n;
}

static Node *for_stmt(Parser *p) {
    Token t = p->tok;
    advance(p);
    Node *n = mk(p, N_FOR, &t);
    if (!n || !(n->a = target_list(p))) return NULL;
    if (!check_target(p, n->a, 3)) return NULL;
    if (!accept_kw(p, "in")) return syntax_error(p);
    if (!(n->b = star_expressions(p))) return NULL;
    if (!loop_body(p, &n->list, t.line, "'for' statement")) return NULL;
    if (at_kw(p, "else")) {
        Token et = p->tok;
        advance(p);
        if (!block_after_colon(p, &n->list2, et.line, "'else' statement")) return NULL;
    }
    return n;
}

static Node *try_stmt(Parser *p) {
    Token t = p->tok;
    advance(p);
    Node *n = mk(p, N_TRY, &t);
    if (!n || !block_after_colon(p, &n->list, t.line, "'try' statement")) return NULL;
    while (at_kw(p, "except")) {
        Token et = p->tok;
        advance(p);
        Node *h = mk(p, N_HANDLER, &et);
        if (!h) return NULL;
        if (at(p, TK_STAR)) return fail_at(p, p->tok.line, p->tok.col, "except* is not supported");
        if (!at(p, TK_COLON)) {
            if (!(h->a = expression(p))) return NULL;
            if (at(p, TK_COMMA)) {
                return fail_at(p, h->a->line, h->a->col, "multiple exception types must be parenthesized");
            }
            if (accept_kw(p, "as")) {
                if (!at(p, TK_NAME) || tok_is_keyword(&p->tok)) return syntax_error(p);
                h->str = tok_str(p, &p->tok);
                advance(p);
            }
        }
        if (!block_after_colon(p, &h->list, et.line, "'except' statement")) return NULL;
        if (!push(p, &n->list2, h)) return NULL;
    }
    if (at_kw(p, "else")) {
        if (n->list2.len == 0) return fail_at(p, p->tok.line, p->tok.col, "expected 'except' or 'finally' block");
        Token et = p->tok;
        advance(p);
        if (!block_after_colon(p, &n->list3, et.line, "'else' statement")) return NULL;
    }
    if (at_kw(p, "finally")) {
        Token ft = p->tok;
        advance(p);
        if (!block_after_colon(p, &n->list4, ft.line, "'finally' statement")) return NULL;
        if (n->list4.len == 0) return NULL;
    }
    if (n->list2.len == 0 && n->list4.len == 0) {
        if (p->failed) return NULL;
        return fail_at(p, p->tok.line, p->tok.col, "expected 'except' or 'finally' block");
    }
    return n;
}

static Node *with_stmt(Parser *p) {
    Token t = p->tok;
    advance(p);
    Node *n = mk(p, N_WITH, &t);
    if (!n) return NULL;
    bool parens = false;
    if (at(p, TK_LPAR)) {
        /* with (a as b, c as d): only when the parenthesis holds 'as' items; else it is an expression. */
        parens = false;
    }
    (void)parens;
    do {
        Node *item = mk(p, N_WITHITEM, &p->tok);
        if (!item || !(item->a = expression(p))) return NULL;
        if (accept_kw(p, "as")) {
            if (!(item->b = at(p, TK_STAR) ? star_named_expression(p) : bitor(p))) return NULL;
            if (!check_target(p, item->b, 3)) return NULL;
        }
        if (!push(p, &n->list, item)) return NULL;
    } while (accept(p, TK_COMMA));
    if (!block_after_colon(p, &n->list2, t.line, "'with' statement")) return NULL;
    return n;
}

static Node *param(Parser *p) {
    if (!at(p, TK_NAME) || tok_is_keyword(&p->tok)) return syntax_error(p);
    Node *a = mk(p, N_ARG, &p->tok);
    if (!a || !(a->str = tok_str(p, &p->tok))) return NULL;
    advance(p);
    return a;
}

/* Parameters up to ')' (def) or ':' (lambda). */
static Node *arguments(Parser *p, bool is_lambda) {
    Node *args = mk(p, N_ARGUMENTS, &p->tok);
    if (!args) return NULL;
    TokKind end = is_lambda ? TK_COLON : TK_RPAR;
    bool seen_star = false, seen_default = false;
    while (!at(p, end)) {
        Token t = p->tok;
        if (accept(p, TK_DOUBLESTAR)) {
            if (!(args->c = param(p))) return NULL;
            if (!is_lambda && accept(p, TK_COLON) && !expression(p)) return NULL;
            accept(p, TK_COMMA);
            if (!at(p, end)) return fail_at(p, p->tok.line, p->tok.col, "arguments cannot follow var-keyword argument");
            break;
        }
        if (accept(p, TK_STAR)) {
            if (seen_star) return fail_at(p, t.line, t.col, "* argument may appear only once");
            seen_star = true;
            if (at(p, TK_COMMA)) {
                if (peek2(p)->kind == end || peek2(p)->kind == TK_DOUBLESTAR)
                    return fail_at(p, t.line, t.col, "named arguments must follow bare *");
            } else if (at(p, end)) {
                return fail_at(p, t.line, t.col, "named arguments must follow bare *");
            } else {
                if (!(args->b = param(p))) return NULL;
                if (!is_lambda && accept(p, TK_COLON) && !expression(p)) return NULL;
            }
        } else if (accept(p, TK_SLASH)) {
            if (args->op) return fail_at(p, t.line, t.col, "/ may appear only once");
            if (seen_star) return fail_at(p, t.line, t.col, "/ must be ahead of *");
            if (args->list.len == 0) return fail_at(p, t.line, t.col, "at least one argument must precede /");
            args->op = args->list.len;
        } else {
            Node *a = param(p);
            if (!a) return NULL;
            if (!is_lambda && accept(p, TK_COLON) && !expression(p)) return NULL;
            if (accept(p, TK_EQUAL)) {
                if (!(a->a = expression(p))) return NULL;
                if (!seen_star) seen_default = true;
            } else if (seen_default && !seen_star) {
                return fail_at(p, a->line, a->col, "non-default argument follows default argument");
            }
            NodeList *l = seen_star ? &args->list2 : &args->list;
            for (int i = 0; i < args->list.len; i++)
                if (strcmp(args->list.items[i]->str, a->str) == 0)
                    return fail_at(p, a->line, a->col, "duplicate argument '%s' in function definition", a->str);
            for (int i = 0; i < args->list2.len; i++)
                if (strcmp(args->list2.items[i]->str, a->str) == 0)
                    return fail_at(p, a->line, a->col, "duplicate argument '%s' in function definition", a->str);
            if (!push(p, l, a)) return NULL;
        }
        if (!accept(p, TK_COMMA)) break;
    }
    return args;
}

static Node *funcdef(Parser *p, NodeList *decorators) {
    Token t = p->tok;
    advance(p);
    Node *f = mk(p, N_FUNCDEF, &t);
    if (!f) return NULL;
    if (!at(p, TK_NAME) || tok_is_keyword(&p->tok)) return syntax_error(p);
    f->str = tok_str(p, &p->tok);
    advance(p);
    if (!expect(p, TK_LPAR)) return NULL;
    if (!(f->a = arguments(p, false)) || !expect(p, TK_RPAR)) return NULL;
    if (accept(p, TK_RARROW) && !expression(p)) return NULL;
    if (decorators) f->list2 = *decorators;
    int saved_loop = p->loop_depth;
    p->loop_depth = 0;
    p->func_depth++;
    Node *r = block_after_colon(p, &f->list, t.line, "function definition");
    p->func_depth--;
    p->loop_depth = saved_loop;
    return r ? f : NULL;
}

static Node *classdef(Parser *p, NodeList *decorators) {
    Token t = p->tok;
    advance(p);
    Node *c = mk(p, N_CLASSDEF, &t);
    if (!c) return NULL;
    if (!at(p, TK_NAME) || tok_is_keyword(&p->tok)) return syntax_error(p);
    c->str = tok_str(p, &p->tok);
    advance(p);
    if (at(p, TK_LPAR)) {
        Node *fake = mk(p, N_NAME, &t);
        if (!fake) return NULL;
        Node *callnode = call(p, fake);
        if (!callnode) return NULL;
        c->list = callnode->list;
        c->list2 = callnode->list2;
    }
    if (decorators) c->list4 = *decorators;
    int saved_func = p->func_depth, saved_loop = p->loop_depth;
    p->func_depth = 0;
    p->loop_depth = 0;
    Node *r = block_after_colon(p, &c->list3, t.line, "class definition");
    p->func_depth = saved_func;
    p->loop_depth = saved_loop;
    return r ? c : NULL;
}

static Node *statement(Parser *p, NodeList *out) {
    if (p->failed) return NULL;
    if (at(p, TK_INDENT)) return unexpected_indent(p);
    if (p->tok.kind == TK_ERRORTOKEN) return lex_fail(p);
    Node *s = NULL;
    if (at(p, TK_AT)) {
        NodeList decos = {0};
        while (accept(p, TK_AT)) {
            Node *d = named_expression(p);
            if (!d || !push(p, &decos, d)) return NULL;
            if (!expect(p, TK_NEWLINE)) return NULL;
        }
        if (at_kw(p, "def")) s = funcdef(p, &decos);
        else if (at_kw(p, "class")) s = classdef(p, &decos);
        else return syntax_error(p);
    } else if (at_kw(p, "if")) s = if_stmt(p, false);
    else if (at_kw(p, "while")) s = while_stmt(p);
    else if (at_kw(p, "for")) s = for_stmt(p);
    else if (at_kw(p, "try")) s = try_stmt(p);
    else if (at_kw(p, "with")) s = with_stmt(p);
    else if (at_kw(p, "def")) s = funcdef(p, NULL);
    else if (at_kw(p, "class")) s = classdef(p, NULL);
    else if (at_kw(p, "async")) return syntax_error(p);
    else if (at_kw(p, "else") || at_kw(p, "elif") || at_kw(p, "except") || at_kw(p, "finally")) return syntax_error(p);
    else return simple_stmts(p, out);
    if (!s) return NULL;
    return push(p, out, s) ? s : NULL;
}

static void parser_init(Parser *p, Arena *A, const char *src, size_t len, SyntaxErr *err) {
    memset(p, 0, sizeof *p);
    p->stack_base = util_stack_position();
    p->A = A;
    p->err = err;
    memset(err, 0, sizeof *err);
    lexer_init(&p->L, A->mem, src, len);
    advance(p);
}

/* The lexer's decoded strings are copied into the arena before it is freed. */
static void copy_strings(Parser *p, Node *n);

static void copy_list(Parser *p, NodeList *l) {
    for (int i = 0; i < l->len; i++)
        if (l->items[i]) copy_strings(p, l->items[i]);
}

static void copy_strings_in(Parser *p, Node *n);

/* The first walk of the finished tree: deeper than the compiler takes, it stops here (RecursionError, as CPython's). */
static void copy_strings(Parser *p, Node *n) {
    if (!n || p->failed) return;
    if (++p->walk_depth > COMPILE_DEPTH_LIMIT) {
        p->failed = true;
        p->err->cls = "RecursionError";
        snprintf(p->err->msg, sizeof p->err->msg, "maximum recursion depth exceeded during compilation");
    } else {
        copy_strings_in(p, n);
    }
    p->walk_depth--;
}

static void copy_strings_in(Parser *p, Node *n) {
    if (n->kind == N_CONST && (n->op == CONST_STR || n->op == CONST_BYTES) && n->str) {
        char *s = arena_strdup(p->A, n->str, n->str_len);
        if (!s) {
            nomem(p);
            return;
        }
        n->str = s;
    }
    copy_strings(p, n->a);
    copy_strings(p, n->b);
    copy_strings(p, n->c);
    copy_list(p, &n->list);
    copy_list(p, &n->list2);
    copy_list(p, &n->list3);
    copy_list(p, &n->list4);
}

static Node *finish(Parser *p, Node *root) {
    if (root && !p->failed) copy_strings(p, root);
    lexer_free(&p->L);
    if (!p->failed && p->A->failed) nomem(p);
    if (p->failed) return NULL;
    return root;
}

Node *parse_module(Arena *A, const char *src, size_t len, SyntaxErr *err) {
    Parser p;
    parser_init(&p, A, src, len, err);
    Node *m = mk(&p, N_MODULE, &p.tok);
    while (m && !p.failed && !at(&p, TK_EOF)) {
        if (at(&p, TK_NEWLINE)) {
            advance(&p);
            continue;
        }
        if (!statement(&p, &m->list)) break;
    }
    if (m) m->line = 1;
    return finish(&p, m);
}

Node *parse_interactive(Arena *A, const char *src, size_t len, SyntaxErr *err) {
    Parser p;
    parser_init(&p, A, src, len, err);
    p.L.interactive = true;
    Node *m = mk(&p, N_MODULE, &p.tok);
    while (m && !p.failed && !at(&p, TK_EOF)) {
        if (at(&p, TK_NEWLINE)) {
            advance(&p);
            continue;
        }
        if (!statement(&p, &m->list)) break;
    }
    return finish(&p, m);
}

Node *parse_expression(Arena *A, const char *src, size_t len, SyntaxErr *err, int line_offset, int col_offset) {
    Parser p;
    parser_init(&p, A, src, len, err);
    p.line_offset = line_offset;
    p.col_offset = col_offset;
    p.func_depth = 1;
    while (at(&p, TK_NEWLINE) && !p.failed) advance(&p);
    Node *e = p.failed ? NULL : star_expressions(&p);
    while (e && at(&p, TK_NEWLINE)) advance(&p);
    if (e && !at(&p, TK_EOF)) e = syntax_error(&p);
    return finish(&p, e);
}
