/*
 * ast.h: the abstract syntax tree. One node shape for every kind, with a
 * fixed set of child slots whose meaning each kind documents below; nodes
 * live in an arena that is freed in one go after compilation.
 */
#ifndef RS_AST_H
#define RS_AST_H

#include <stdbool.h>
#include <stddef.h>
#include "../core/mem.h"

/* X(kind, what a/b/c/list/list2/... hold) */
#define RS_NODE_KINDS(X) \
    X(MODULE, "list: statements") \
    X(EXPR_STMT, "a: the expression") \
    X(ASSIGN, "list: targets; a: value") \
    X(AUGASSIGN, "a: target; b: value; op: OP_*") \
    X(ANNASSIGN, "a: target; b: annotation; c: value or NULL; op: 1 when a simple name") \
    X(DEL, "list: targets") \
    X(PASS, "") X(BREAK, "") X(CONTINUE, "") \
    X(RETURN, "a: value or NULL") \
    X(RAISE, "a: exception or NULL; b: cause or NULL") \
    X(GLOBAL, "list: NAME nodes") \
    X(NONLOCAL, "list: NAME nodes") \
    X(IMPORT, "list: ALIAS nodes") \
    X(IMPORT_FROM, "str: module (may be NULL); op: level; list: ALIAS nodes (str \"*\" for star)") \
    X(ALIAS, "str: dotted name; str2: as-name or NULL") \
    X(ASSERT, "a: test; b: message or NULL") \
    X(IF, "a: test; list: body; list2: orelse") \
    X(WHILE, "a: test; list: body; list2: orelse") \
    X(FOR, "a: target; b: iterable; list: body; list2: orelse") \
    X(TRY, "list: body; list2: HANDLER nodes; list3: orelse; list4: finally") \
    X(HANDLER, "a: type or NULL; str: name or NULL; list: body") \
    X(WITH, "list: WITHITEM nodes; list2: body") \
    X(WITHITEM, "a: context expression; b: target or NULL") \
    X(FUNCDEF, "str: name; a: ARGUMENTS; list: body; list2: decorators") \
    X(CLASSDEF, "str: name; list: bases; list2: KEYWORD nodes; list3: body; list4: decorators") \
    X(ARGUMENTS, "list: positional ARGs; list2: keyword-only ARGs; b: *args ARG; c: **kwargs ARG; op: positional-only count") \
    X(ARG, "str: name; a: default or NULL") \
    X(NAME, "str: identifier") \
    X(CONST, "op: CONST_*; str/str_len: literal text or decoded string") \
    X(FSTRING, "list: CONST string parts and FORMATTED parts") \
    X(FORMATTED, "a: value; op: conversion 0, 's', 'r', 'a'; b: FSTRING spec or NULL") \
    X(BINOP, "a, b; op: OP_*") \
    X(UNARY, "a; op: '-', '+', '~', '!' (not)") \
    X(BOOLOP, "list: operands; op: 0 and, 1 or") \
    X(COMPARE, "a: left; list: CMPITEM nodes") \
    X(CMPITEM, "a: right operand; op: CMP_* or CMPX_*") \
    X(IFEXP, "a: test; b: body; c: orelse") \
    X(LAMBDA, "a: ARGUMENTS; b: body") \
    X(CALL, "a: callee; list: arguments (STARRED for *x); list2: KEYWORD nodes") \
    X(KEYWORD, "str: name, NULL for **x; a: value") \
    X(ATTR, "a: object; str: attribute") \
    X(SUBSCRIPT, "a: object; b: index") \
    X(SLICE, "a, b, c: lower, upper, step (each may be NULL)") \
    X(STARRED, "a: the starred expression") \
    X(TUPLE, "list: elements") \
    X(LIST, "list: elements") \
    X(SET, "list: elements") \
    X(DICT, "list: keys (NULL for **x); list2: values") \
    X(LISTCOMP, "a: element; list: COMPREHENSION nodes") \
    X(SETCOMP, "a: element; list: COMPREHENSION nodes") \
    X(GENEXP, "a: element; list: COMPREHENSION nodes") \
    X(DICTCOMP, "a: key; b: value; list: COMPREHENSION nodes") \
    X(COMPREHENSION, "a: target; b: iterable; list: conditions") \
    X(YIELD, "a: value or NULL") \
    X(YIELD_FROM, "a: iterable") \
    X(NAMEDEXPR, "a: NAME target; b: value")

typedef enum {
#define NODE_ENUM(kind, doc) N_##kind,
    RS_NODE_KINDS(NODE_ENUM)
#undef NODE_ENUM
} NodeKind;

enum { CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS, CONST_INT, CONST_FLOAT, CONST_IMAG, CONST_STR, CONST_BYTES };
enum { CMPX_IS = 10, CMPX_IS_NOT, CMPX_IN, CMPX_NOT_IN };

typedef struct Node Node;
typedef struct NodeList {
    Node **items;
    int len, cap;
} NodeList;

struct Scope;

struct Node {
    NodeKind kind;
    int op;
    int line, col, end_line, end_col;
    Node *a, *b, *c;
    NodeList list, list2, list3, list4;
    const char *str, *str2;
    size_t str_len;
    struct Scope *scope;   /* functions, lambdas, classes, comprehensions, the module */
};

typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t size, used;
} ArenaBlock;

typedef struct Arena {
    Mem *mem;
    ArenaBlock *blocks;
    bool failed;
} Arena;

void arena_init(Arena *A, Mem *mem);
void arena_free(Arena *A);
void *arena_alloc(Arena *A, size_t n);      /* zeroed; NULL on failure */
char *arena_strdup(Arena *A, const char *s, size_t n);
Node *node_new(Arena *A, NodeKind kind, int line, int col);
bool nodelist_push(Arena *A, NodeList *l, Node *n);

#endif
