/*
 * lexer.h: turns UTF-8 source into tokens, Python's way: INDENT and DEDENT
 * from leading whitespace, NEWLINE only outside brackets, implicit line
 * joining inside them, backslash continuations. String literals are decoded
 * here (escapes, raw, bytes refused); f-strings keep their raw text for the
 * parser to split.
 */
#ifndef RS_LEXER_H
#define RS_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include "../core/buf.h"

#define RS_TOKENS(T) \
    T(EOF, "end of input") T(NEWLINE, "newline") T(INDENT, "indent") T(DEDENT, "dedent") \
    T(NAME, "name") T(INT, "int") T(FLOAT, "float") T(IMAG, "imaginary") T(STRING, "string") \
    T(FSTRING, "f-string") T(BYTES, "bytes") \
    T(LPAR, "(") T(RPAR, ")") T(LSQB, "[") T(RSQB, "]") T(LBRACE, "{") T(RBRACE, "}") \
    T(COLON, ":") T(COMMA, ",") T(SEMI, ";") T(PLUS, "+") T(MINUS, "-") T(STAR, "*") T(SLASH, "/") \
    T(VBAR, "|") T(AMPER, "&") T(LESS, "<") T(GREATER, ">") T(EQUAL, "=") T(DOT, ".") T(PERCENT, "%") \
    T(EQEQUAL, "==") T(NOTEQUAL, "!=") T(LESSEQUAL, "<=") T(GREATEREQUAL, ">=") T(TILDE, "~") \
    T(CIRCUMFLEX, "^") T(LEFTSHIFT, "<<") T(RIGHTSHIFT, ">>") T(DOUBLESTAR, "**") \
    T(PLUSEQUAL, "+=") T(MINEQUAL, "-=") T(STAREQUAL, "*=") T(SLASHEQUAL, "/=") T(PERCENTEQUAL, "%=") \
    T(AMPEREQUAL, "&=") T(VBAREQUAL, "|=") T(CIRCUMFLEXEQUAL, "^=") T(LEFTSHIFTEQUAL, "<<=") \
    T(RIGHTSHIFTEQUAL, ">>=") T(DOUBLESTAREQUAL, "**=") T(DOUBLESLASH, "//") T(DOUBLESLASHEQUAL, "//=") \
    T(AT, "@") T(ATEQUAL, "@=") T(RARROW, "->") T(ELLIPSIS, "...") T(COLONEQUAL, ":=") T(BANG, "!") \
    T(ERRORTOKEN, "error")

typedef enum {
#define TOK_ENUM(name, text) TK_##name,
    RS_TOKENS(TOK_ENUM)
#undef TOK_ENUM
} TokKind;

typedef struct Token {
    TokKind kind;
    const char *start;   /* in the source */
    size_t len;
    int line, col;       /* 1-based line, 0-based column in code points */
    int end_line, end_col;
    /* STRING / FSTRING / BYTES: the decoded value (f-strings: raw text) in the lexer's string pool */
    const char *str;
    size_t str_len;
} Token;

typedef struct Lexer {
    Mem *mem;
    const char *src, *end, *p;
    const char *line_start;
    int line;
    int indents[100];
    int alt_indents[100]; /* the same columns counting a tab as 1, to find tabs and spaces mixed (TabError) */
    int nindents;
    int pending_dedents;
    int paren_depth;
    char paren_stack[200];
    int paren_lines[200];
    int paren_cols[200];
    bool at_line_start;
    bool sent_final_newline;
    bool interactive;
    /* Decoded string values, freed with the lexer. */
    struct LexStr { struct LexStr *next; size_t size; } *strings;
    /* The error, when a token is TK_ERRORTOKEN: message, position, and the class (SyntaxError, IndentationError, TabError). */
    const char *error;
    const char *error_class;
    int error_line, error_col;
    char error_buf[160];
    bool eof_in_string;   /* error came from an unterminated triple-quoted string or bracket: more input may fix it */
    /* The last column counted (token_column): tokens come in order, so a long line is counted once. */
    const char *column_line, *column_pos;
    int column;
} Lexer;

void lexer_init(Lexer *L, Mem *mem, const char *src, size_t len);
void lexer_free(Lexer *L);
Token lexer_next(Lexer *L);
const char *token_kind_text(TokKind k);
/* Column in code points of position p on the line starting at line_start. */
int lexer_column(const char *line_start, const char *p);

#endif
