/*
 * symtable.h: scope analysis. A first walk over the AST records, for each
 * scope (module, class, function, lambda, comprehension), which names it
 * binds, uses and declares global or nonlocal; a second resolves every name
 * to local, global, free (from an enclosing function) or cell (captured by
 * an inner function), as CPython's symtable.c does.
 */
#ifndef RS_SYMTABLE_H
#define RS_SYMTABLE_H

#include "ast.h"
#include "parser.h"

enum ScopeKind { SC_MODULE, SC_CLASS, SC_FUNCTION, SC_COMPREHENSION };

/* What the first walk saw. */
enum { SYM_ASSIGNED = 1, SYM_PARAM = 2, SYM_USED = 4, SYM_GLOBAL = 8, SYM_NONLOCAL = 16, SYM_FREE_CLASS = 32 };
/* How a name resolves. */
enum { RES_LOCAL = 1, RES_GLOBAL_EXPLICIT, RES_GLOBAL_IMPLICIT, RES_FREE, RES_CELL };

typedef struct Symbol {
    const char *name;
    int flags;
    int resolved;
    Node *declared; /* its global or nonlocal statement, where errors about it point */
} Symbol;

typedef struct Scope {
    enum ScopeKind kind;
    struct Scope *parent;
    Node *node;
    const char *name;
    const char *qualname;
    Symbol *syms;
    int nsyms, cap;
    bool is_generator;
    bool needs_class_cell;   /* a class whose methods use super() or __class__ */
    int nparams;             /* names of parameters come first in syms */
    struct Scope **children;
    int nchildren, capchildren;
} Scope;

/* Builds and resolves the scopes of a module; node->scope is set on every scope-making node. */
bool symtable_build(Arena *A, Node *module, SyntaxErr *err);
Symbol *scope_find(Scope *s, const char *name);

#endif
