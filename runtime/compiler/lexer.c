/*
 * lexer.c: the tokenizer. Indentation is tracked with a stack of column
 * widths (tabs to the next multiple of 8, as CPython); errors produce a
 * TK_ERRORTOKEN carrying CPython's message and position.
 */
#include "lexer.h"
#include <stdio.h>
#include <string.h>
#include "../core/util.h"

static const char *const token_texts[] = {
#define TOK_TEXT(name, text) text,
    RS_TOKENS(TOK_TEXT)
#undef TOK_TEXT
};

const char *token_kind_text(TokKind k) { return token_texts[k]; }

void lexer_init(Lexer *L, Mem *mem, const char *src, size_t len) {
    memset(L, 0, sizeof *L);
    L->mem = mem;
    L->src = L->p = L->line_start = src;
    L->end = src + len;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) L->p = L->line_start = src + 3;
    L->line = 1;
    L->at_line_start = true;
}

void lexer_free(Lexer *L) {
    struct LexStr *s = L->strings;
    while (s) {
        struct LexStr *next = s->next;
        mem_free(L->mem, s, s->size);
        s = next;
    }
    L->strings = NULL;
}

int lexer_column(const char *line_start, const char *p) {
    int col = 0;
    for (const char *q = line_start; q < p; q++)
        if (((unsigned char)*q & 0xC0) != 0x80) col++;
    return col;
}

/* lexer_column, counted on from the last position asked for on this line. */
static int token_column(Lexer *L, const char *p) {
    if (L->column_line != L->line_start || p < L->column_pos) {
        L->column_line = L->column_pos = L->line_start;
        L->column = 0;
    }
    for (const char *q = L->column_pos; q < p; q++)
        if (((unsigned char)*q & 0xC0) != 0x80) L->column++;
    L->column_pos = p;
    return L->column;
}

static Token make(Lexer *L, TokKind kind, const char *start) {
    Token t;
    memset(&t, 0, sizeof t);
    t.kind = kind;
    t.start = start;
    t.len = (size_t)(L->p - start);
    t.line = L->line;
    t.col = token_column(L, start);
    t.end_line = L->line;
    t.end_col = token_column(L, L->p);
    return t;
}

static Token error_at(Lexer *L, const char *cls, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static Token error_at(Lexer *L, const char *cls, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->error_buf, sizeof L->error_buf, fmt, ap);
    va_end(ap);
    L->error = L->error_buf;
    L->error_class = cls;
    L->error_line = line;
    L->error_col = col;
    Token t;
    memset(&t, 0, sizeof t);
    t.kind = TK_ERRORTOKEN;
    t.line = line;
    t.col = col;
    t.start = L->p;
    return t;
}

/* Keeps a decoded string alive until the lexer is freed. */
static char *pool_alloc(Lexer *L, size_t n) {
    size_t size = sizeof(struct LexStr) + n + 1;
    struct LexStr *s = mem_alloc(L->mem, size);
    if (!s) return NULL;
    s->size = size;
    s->next = L->strings;
    L->strings = s;
    return (char *)(s + 1);
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/*
 * Decodes escapes of a non-raw literal body into out (which has room for n
 * bytes: decoding never grows the text). Returns the length, or -1 with a
 * CPython's message in err for a malformed \x, \u or \U.
 */
static long decode_escapes(const char *s, size_t n, char *out, bool is_bytes, char *err, size_t err_cap) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != '\\' || i + 1 >= n) {
            out[o++] = c;
            continue;
        }
        char e = s[++i];
        switch (e) {
        case '\n': break;
        case '\\': out[o++] = '\\'; break;
        case '\'': out[o++] = '\''; break;
        case '"': out[o++] = '"'; break;
        case 'a': out[o++] = '\a'; break;
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case 'v': out[o++] = '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(e - '0');
            for (int k = 0; k < 2 && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7'; k++) v = v * 8 + (unsigned)(s[++i] - '0');
            if (is_bytes) out[o++] = (char)v;
            else o += util_utf8_encode(v, out + o);
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (is_bytes && e != 'x') {
                out[o++] = '\\';
                out[o++] = e;
                break;
            }
            unsigned v = 0;
            size_t escape = i - 1;
            for (int k = 0; k < digits; k++) {
                int h = i + 1 < n ? hexval(s[i + 1]) : -1;
                if (h < 0) {
                    /* CPython's messages: the codec's for str, the bytes parser's for bytes */
                    if (is_bytes) snprintf(err, err_cap, "(value error) invalid \\x escape at position %zu", escape);
                    else
                        snprintf(err, err_cap,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: truncated "
                                 "\\%s escape",
                                 escape, i, e == 'x' ? "xXX" : e == 'u' ? "uXXXX" : "UXXXXXXXX");
                    return -1;
                }
                v = v * 16 + (unsigned)h;
                i++;
            }
            if (v > 0x10FFFF) {
                snprintf(err, err_cap,
                         "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: illegal Unicode "
                         "character",
                         escape, i);
                return -1;
            }
            if (is_bytes) out[o++] = (char)v;
            else o += util_utf8_encode(v, out + o);
            break;
        }
        default:
            out[o++] = '\\';
            out[o++] = e;
        }
    }
    return (long)o;
}

long lexer_decode_escapes(const char *s, size_t n, char *out, char *err, size_t err_cap) {
    return decode_escapes(s, n, out, false, err, err_cap);
}

static Token lex_string(Lexer *L, const char *start, const char *q, bool raw, bool is_bytes, bool is_f) {
    char quote = *q;
    bool triple = L->end - q >= 3 && q[1] == quote && q[2] == quote;
    const char *body = q + (triple ? 3 : 1), *p = body;
    int start_line = L->line;
    const char *start_line_start = L->line_start;
    int start_col = lexer_column(L->line_start, start);
    for (;;) {
        if (p >= L->end) {
            L->eof_in_string = triple;
            L->line_start = start_line_start;
            /* CPython counts the line the last character is on, not the one after a final newline */
            int detected = L->line - (L->end > L->src && L->end[-1] == '\n' ? 1 : 0);
            if (detected < start_line) detected = start_line;
            L->line = start_line;
            if (triple)
                return error_at(L, "SyntaxError", start_line, start_col,
                                "unterminated triple-quoted string literal (detected at line %d)", detected);
            return error_at(L, "SyntaxError", start_line, start_col, "unterminated string literal (detected at line %d)", detected);
        }
        char c = *p;
        if (c == '\\' && p + 1 < L->end) {
            if (p[1] == '\n') {
                L->line++;
                L->line_start = p + 2;
            }
            p += 2;
            continue;
        }
        if (c == '\n') {
            if (!triple) {
                int line = L->line;
                return error_at(L, "SyntaxError", line, start_col, "unterminated string literal (detected at line %d)", line);
            }
            L->line++;
            L->line_start = p + 1;
        }
        if (c == quote && (!triple || (L->end - p >= 3 && p[1] == quote && p[2] == quote))) break;
        p++;
    }
    const char *body_end = p;
    L->p = p + (triple ? 3 : 1);
    Token t = make(L, is_f ? TK_FSTRING : is_bytes ? TK_BYTES : TK_STRING, start);
    t.line = start_line;
    t.col = start_col;
    size_t n = (size_t)(body_end - body);
    char *out = pool_alloc(L, n);
    if (!out) return error_at(L, "MemoryError", start_line, start_col, "out of memory");
    if (raw || is_f) {
        memcpy(out, body, n);
        t.str_len = n;
    } else {
        char err[160];
        long len = decode_escapes(body, n, out, is_bytes, err, sizeof err);
        if (len < 0) return error_at(L, "SyntaxError", start_line, start_col, "%s", err);
        t.str_len = (size_t)len;
    }
    out[t.str_len] = 0;
    t.str = out;
    if (is_bytes) {
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)body[i] >= 0x80)
                return error_at(L, "SyntaxError", start_line, start_col, "bytes can only contain ASCII literal characters");
    }
    return t;
}

static Token invalid_character(Lexer *L, const char *at, size_t n, unsigned cp) {
    int col = lexer_column(L->line_start, at);
    if (util_nonprintable(cp)) return error_at(L, "SyntaxError", L->line, col, "invalid non-printable character U+%04X", cp);
    return error_at(L, "SyntaxError", L->line, col, "invalid character '%.*s' (U+%04X)", (int)n, at, cp);
}

/* Digits of one base with single underscores between them (CPython's tok_decimal_tail and friends): returns the
   end, or NULL at an underscore not followed by a digit, with *at there. */
static const char *digits_end(Lexer *L, const char *p, int (*is_digit)(int), const char **at) {
    while (p < L->end) {
        if (is_digit((unsigned char)*p)) {
            p++;
        } else if (*p == '_' && p + 1 < L->end && is_digit((unsigned char)p[1])) {
            p += 2;
        } else {
            break;
        }
    }
    *at = p;
    return p < L->end && *p == '_' ? NULL : p;
}

static int is_decimal(int c) { return c >= '0' && c <= '9'; }
static int is_hex(int c) { return is_decimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int is_octal(int c) { return c >= '0' && c <= '7'; }
static int is_binary(int c) { return c == '0' || c == '1'; }

/* A number must not run into a name ("1abc"), but may touch a keyword that can follow it ("1if x else 2"). */
static bool runs_into_name(Lexer *L, const char *p) {
    if (p >= L->end || !util_isident_start((unsigned char)*p)) return false;
    static const char *const keywords[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        size_t n = strlen(keywords[i]);
        if ((size_t)(L->end - p) >= n && memcmp(p, keywords[i], n) == 0) return false;
    }
    return true;
}

static Token number_error(Lexer *L, const char *at, const char *msg, char digit) {
    int col = token_column(L, at);
    if (digit) return error_at(L, "SyntaxError", L->line, col, "invalid digit '%c' in %s literal", digit, msg);
    return error_at(L, "SyntaxError", L->line, col, "invalid %s literal", msg);
}

static Token lex_number(Lexer *L, const char *start) {
    const char *p = start, *at;
    if (*p == '0' && p + 1 < L->end && p[1] && strchr("xXoObB", p[1])) {
        char kind = (char)(p[1] | 0x20);
        const char *name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
        int (*is_digit)(int) = kind == 'x' ? is_hex : kind == 'o' ? is_octal : is_binary;
        p += 2;
        if (p < L->end && *p == '_') p++; /* 0x_ff */
        if (p >= L->end || !is_digit((unsigned char)*p)) {
            if (kind != 'x' && p < L->end && is_decimal((unsigned char)*p)) return number_error(L, p, name, *p);
            return number_error(L, p < L->end ? p : p - 1, name, 0);
        }
        if (!(p = digits_end(L, p, is_digit, &at))) return number_error(L, at, name, 0);
        if (kind != 'x' && p < L->end && is_decimal((unsigned char)*p)) return number_error(L, p, name, *p);
        if (runs_into_name(L, p)) return number_error(L, p, name, 0);
        L->p = p;
        return make(L, TK_INT, start);
    }
    bool is_float = false;
    if (is_decimal((unsigned char)*p) && !(p = digits_end(L, p, is_decimal, &at))) return number_error(L, at, "decimal", 0);
    const char *int_end = p;
    if (p < L->end && *p == '.') {
        is_float = true;
        p++;
        if (p < L->end && is_decimal((unsigned char)*p) && !(p = digits_end(L, p, is_decimal, &at)))
            return number_error(L, at, "decimal", 0);
    }
    if (p < L->end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < L->end && (*q == '+' || *q == '-')) q++;
        if (q < L->end && is_decimal((unsigned char)*q)) {
            is_float = true;
            if (!(p = digits_end(L, q, is_decimal, &at))) return number_error(L, at, "decimal", 0);
        } else if (runs_into_name(L, p)) {
            return number_error(L, p, "decimal", 0);
        }
    }
    if (p < L->end && (*p == 'j' || *p == 'J')) {
        p++;
        if (runs_into_name(L, p) || (p < L->end && is_decimal((unsigned char)*p))) return number_error(L, p, "imaginary", 0);
        L->p = p;
        return make(L, TK_IMAG, start);
    }
    if (!is_float && start[0] == '0') {
        for (const char *q = start; q < int_end; q++) {
            if (*q != '0' && *q != '_')
                return error_at(L, "SyntaxError", L->line, token_column(L, start),
                                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        }
    }
    if (runs_into_name(L, p)) return number_error(L, p, "decimal", 0);
    L->p = p;
    return make(L, is_float ? TK_FLOAT : TK_INT, start);
}

/* Measures the indentation of the line at L->p (tabs to multiples of 8; in *alt_col, a tab as 1 column, as CPython
   does to tell tabs and spaces mixed); returns -1 at a blank or comment-only line. */
static int measure_indent(Lexer *L, int *alt_col) {
    int col = 0;
    const char *p = L->p;
    *alt_col = 0;
    while (p < L->end) {
        if (*p == ' ') { col++; ++*alt_col; }
        else if (*p == '\t') { col = (col / 8 + 1) * 8; ++*alt_col; }
        else if (*p == '\f') col = *alt_col = 0;
        else break;
        p++;
    }
    L->p = p;
    if (p >= L->end || *p == '#' || *p == '\n' || (*p == '\r' && p + 1 < L->end && p[1] == '\n')) return -1;
    if (*p == '\\' && p + 1 < L->end && p[1] == '\n') return -1;
    return col;
}

static const struct { const char *text; TokKind kind; } operators[] = {
    {"**=", TK_DOUBLESTAREQUAL}, {"//=", TK_DOUBLESLASHEQUAL}, {">>=", TK_RIGHTSHIFTEQUAL},
    {"<<=", TK_LEFTSHIFTEQUAL}, {"...", TK_ELLIPSIS}, {"==", TK_EQEQUAL}, {"!=", TK_NOTEQUAL},
    {"<=", TK_LESSEQUAL}, {">=", TK_GREATEREQUAL}, {"<<", TK_LEFTSHIFT}, {">>", TK_RIGHTSHIFT},
    {"**", TK_DOUBLESTAR}, {"+=", TK_PLUSEQUAL}, {"-=", TK_MINEQUAL}, {"*=", TK_STAREQUAL},
    {"/=", TK_SLASHEQUAL}, {"%=", TK_PERCENTEQUAL}, {"&=", TK_AMPEREQUAL}, {"|=", TK_VBAREQUAL},
    {"^=", TK_CIRCUMFLEXEQUAL}, {"//", TK_DOUBLESLASH}, {"@=", TK_ATEQUAL}, {"->", TK_RARROW},
    {":=", TK_COLONEQUAL}, {"(", TK_LPAR}, {")", TK_RPAR}, {"[", TK_LSQB}, {"]", TK_RSQB},
    {"{", TK_LBRACE}, {"}", TK_RBRACE}, {":", TK_COLON}, {",", TK_COMMA}, {";", TK_SEMI},
    {"+", TK_PLUS}, {"-", TK_MINUS}, {"*", TK_STAR}, {"/", TK_SLASH}, {"|", TK_VBAR},
    {"&", TK_AMPER}, {"<", TK_LESS}, {">", TK_GREATER}, {"=", TK_EQUAL}, {".", TK_DOT},
    {"%", TK_PERCENT}, {"~", TK_TILDE}, {"^", TK_CIRCUMFLEX}, {"@", TK_AT}, {"!", TK_BANG},
};

static Token tab_error(Lexer *L) {
    return error_at(L, "TabError", L->line, 0, "inconsistent use of tabs and spaces in indentation");
}

Token lexer_next(Lexer *L) {
    if (L->error) return error_at(L, L->error_class, L->error_line, L->error_col, "%s", L->error_buf);
    if (L->pending_dedents > 0) {
        L->pending_dedents--;
        return make(L, TK_DEDENT, L->p);
    }
    if (L->at_line_start && L->paren_depth == 0) {
        for (;;) {
            int alt_col;
            int col = measure_indent(L, &alt_col);
            if (col < 0) {
                /* Blank or comment line: skip it entirely. */
                while (L->p < L->end && *L->p != '\n') L->p++;
                if (L->p >= L->end) break;
                L->p++;
                L->line++;
                L->line_start = L->p;
                continue;
            }
            L->at_line_start = false;
            int cur = L->indents[L->nindents], alt_cur = L->alt_indents[L->nindents];
            if (col == cur && alt_col != alt_cur) return tab_error(L);
            if (col > cur) {
                if (L->nindents + 1 >= (int)(sizeof L->indents / sizeof L->indents[0]))
                    return error_at(L, "IndentationError", L->line, col, "too many levels of indentation");
                if (alt_col <= alt_cur) return tab_error(L);
                L->nindents++;
                L->indents[L->nindents] = col;
                L->alt_indents[L->nindents] = alt_col;
                return make(L, TK_INDENT, L->p);
            }
            if (col < cur) {
                int n = 0;
                while (L->nindents > 0 && L->indents[L->nindents] > col) {
                    L->nindents--;
                    n++;
                }
                if (L->indents[L->nindents] != col)
                {
                    /* CPython's tokenizer reports this past the end of the line */
                    const char *eol = L->p;
                    while (eol < L->end && *eol != '\n') eol++;
                    return error_at(L, "IndentationError", L->line, lexer_column(L->line_start, eol),
                                    "unindent does not match any outer indentation level");
                }
                if (L->alt_indents[L->nindents] != alt_col) return tab_error(L);
                L->pending_dedents = n - 1;
                return make(L, TK_DEDENT, L->p);
            }
            break;
        }
        if (L->p < L->end) L->at_line_start = false;
    }
    /* Skip spaces, comments and continuation lines. */
    for (;;) {
        while (L->p < L->end && (*L->p == ' ' || *L->p == '\t' || *L->p == '\f' || *L->p == '\r')) L->p++;
        if (L->p < L->end && *L->p == '#') {
            while (L->p < L->end && *L->p != '\n') L->p++;
        }
        if (L->p + 1 < L->end && *L->p == '\\' && (L->p[1] == '\n' || (L->p[1] == '\r' && L->p + 2 < L->end && L->p[2] == '\n'))) {
            L->p += L->p[1] == '\n' ? 2 : 3;
            L->line++;
            L->line_start = L->p;
            if (L->p >= L->end) return error_at(L, "SyntaxError", L->line, 0, "unexpected EOF while parsing");
            continue;
        }
        if (L->p + 1 == L->end && *L->p == '\\')
            return error_at(L, "SyntaxError", L->line, lexer_column(L->line_start, L->p) + 1, "unexpected EOF while parsing");
        if (L->p < L->end && *L->p == '\\')
            return error_at(L, "SyntaxError", L->line, lexer_column(L->line_start, L->p),
                            "unexpected character after line continuation character");
        break;
    }
    const char *start = L->p;
    if (L->p >= L->end) {
        if (L->paren_depth > 0) {
            int i = L->paren_depth - 1;
            L->eof_in_string = true;
            return error_at(L, "SyntaxError", L->paren_lines[i], L->paren_cols[i], "'%c' was never closed", L->paren_stack[i]);
        }
        /* A final NEWLINE when the last line had none, then DEDENTs, then EOF. */
        if (!L->sent_final_newline) {
            L->sent_final_newline = true;
            bool need = !L->at_line_start;
            L->at_line_start = true;
            if (need) return make(L, TK_NEWLINE, start);
        }
        if (L->nindents > 0) {
            L->nindents--;
            return make(L, TK_DEDENT, start);
        }
        return make(L, TK_EOF, start);
    }
    char c = *L->p;
    if (c == '\n') {
        L->p++;
        if (L->paren_depth > 0) {
            L->line++;
            L->line_start = L->p;
            return lexer_next(L);
        }
        Token t = make(L, TK_NEWLINE, start);
        L->line++;
        L->line_start = L->p;
        L->at_line_start = true;
        return t;
    }
    if (util_isident_start((unsigned char)c)) {
        /* String prefixes. */
        const char *p = L->p;
        bool raw = false, is_bytes = false, is_f = false, is_u = false;
        int k = 0;
        while (k < 2 && p < L->end && strchr("rRbBfFuU", *p) && *p) {
            char lc = (char)(*p | 0x20);
            if (lc == 'r') raw = true;
            else if (lc == 'b') is_bytes = true;
            else if (lc == 'f') is_f = true;
            else is_u = true;
            p++;
            k++;
        }
        if (k > 0 && p < L->end && (*p == '\'' || *p == '"') && !(is_u && (raw || is_bytes || is_f)) && !(is_bytes && is_f))
            return lex_string(L, start, p, raw, is_bytes, is_f);
        while (L->p < L->end && util_isident((unsigned char)*L->p)) {
            unsigned char b = (unsigned char)*L->p;
            if (b >= 0x80) {
                unsigned cp;
                size_t n = util_utf8_decode((const unsigned char *)L->p, (size_t)(L->end - L->p), &cp);
                if (n == 0) return error_at(L, "SyntaxError", L->line, 0, "(unicode error) 'utf-8' codec can't decode byte 0x%02x", b);
                bool letter = cp > 0xA0 && cp != 0xAD && !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
                              cp != 0xFEFF && !util_nonprintable(cp);
                if (!letter) return invalid_character(L, L->p, n, cp);
                L->p += n;
            } else {
                L->p++;
            }
        }
        return make(L, TK_NAME, start);
    }
    if (util_isdigit((unsigned char)c) || (c == '.' && L->p + 1 < L->end && util_isdigit((unsigned char)L->p[1])))
        return lex_number(L, start);
    if (c == '\'' || c == '"') return lex_string(L, start, L->p, false, false, false);
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
        size_t n = strlen(operators[i].text);
        if ((size_t)(L->end - L->p) >= n && memcmp(L->p, operators[i].text, n) == 0) {
            TokKind k = operators[i].kind;
            if (k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE) {
                if (L->paren_depth >= (int)sizeof L->paren_stack)
                    return error_at(L, "SyntaxError", L->line, lexer_column(L->line_start, L->p), "too many nested parentheses");
                L->paren_lines[L->paren_depth] = L->line;
                L->paren_cols[L->paren_depth] = lexer_column(L->line_start, L->p);
                L->paren_stack[L->paren_depth++] = c;
            } else if (k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE) {
                if (L->paren_depth == 0)
                    return error_at(L, "SyntaxError", L->line, lexer_column(L->line_start, L->p), "unmatched '%c'", c);
                char open = L->paren_stack[L->paren_depth - 1];
                char want = open == '(' ? ')' : open == '[' ? ']' : '}';
                if (c != want) {
                    if (L->paren_lines[L->paren_depth - 1] != L->line)
                        return error_at(L, "SyntaxError", L->line, lexer_column(L->line_start, L->p),
                                        "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open,
                                        L->paren_lines[L->paren_depth - 1]);
                    return error_at(L, "SyntaxError", L->line, lexer_column(L->line_start, L->p),
                                    "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
                }
                L->paren_depth--;
            }
            L->p += n;
            return make(L, k, start);
        }
    }
    unsigned cp = (unsigned char)c;
    size_t n = util_utf8_decode((const unsigned char *)L->p, (size_t)(L->end - L->p), &cp);
    if (n == 0) return error_at(L, "SyntaxError", L->line, 0, "(unicode error) 'utf-8' codec can't decode byte 0x%02x", (unsigned char)c);
    if (cp == 0) return error_at(L, "SyntaxError", L->line, lexer_column(L->line_start, L->p), "source code cannot contain null bytes");
    if (c == '$' || c == '?' || c == '`')
        return error_at(L, "SyntaxError", L->line, lexer_column(L->line_start, L->p), "invalid syntax");
    return invalid_character(L, L->p, n, cp);
}
