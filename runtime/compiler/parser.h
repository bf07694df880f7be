/*
 * parser.h: a recursive-descent parser from tokens to the AST, one function
 * per grammar rule of Python 3.11's subset, with CPython's SyntaxError
 * messages for the mistakes people make most.
 */
#ifndef RS_PARSER_H
#define RS_PARSER_H

#include "ast.h"
#include "lexer.h"

typedef struct SyntaxErr {
    const char *cls;      /* "SyntaxError", "IndentationError", ... */
    char msg[320]; /* (the longest, the integer-literal limit's, is 205 bytes) */
    int line, col;        /* 1-based line; 1-based column of the caret */
    int end_col;          /* 1-based, past the last marked column; 0: a single caret */
    bool incomplete;      /* the input ended inside a statement: more lines may complete it */
} SyntaxErr;

/* Parses a module; NULL with err filled on a syntax error or when memory runs out. */
Node *parse_module(Arena *A, const char *src, size_t len, SyntaxErr *err);
/* Parses one interactive entry (a statement, compound ones included). */
Node *parse_interactive(Arena *A, const char *src, size_t len, SyntaxErr *err);
/* Parses a single expression (eval() input, f-string fields); line_offset shifts reported lines. */
Node *parse_expression(Arena *A, const char *src, size_t len, SyntaxErr *err, int line_offset, int col_offset);

#endif
