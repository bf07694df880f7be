/*
 * func.h: code objects (compiled bytecode), functions (code + globals +
 * defaults + closure), cells (closed-over variables) and bound methods.
 */
#ifndef RS_FUNC_H
#define RS_FUNC_H

#include "object.h"

enum {
    CO_VARARGS = 1, CO_VARKEYWORDS = 2, CO_GENERATOR = 4, CO_NESTED = 8,
    CO_NEWLOCALS = 16, CO_HAS_CLASSCELL = 32
};

typedef struct Code {
    Obj ob;
    uint32_t *code;        /* instructions: opcode in the low 8 bits, argument above */
    int32_t *lines;        /* source line of each instruction */
    int32_t *positions;    /* per instruction: column, end line, end column (0 end line: unknown) */
    size_t ncode;
    Tuple *consts;
    Tuple *names;          /* global and attribute names */
    Tuple *varnames;       /* locals, arguments first */
    Tuple *cellvars;       /* locals captured by inner functions */
    Tuple *freevars;       /* variables captured from outer functions */
    int32_t *cell2arg;     /* for each cell: the argument it starts as, or -1; NULL when none */
    int argcount, kwonlyargcount, nlocals, stacksize, flags, firstlineno;
    Str *name, *qualname, *filename;
    struct Weakref *weaklist; /* weak references to this object (gc/weakref.h) */
} Code;

typedef struct Func {
    Obj ob;
    Code *code;
    Dict *globals;
    Dict *builtins;
    Tuple *defaults;       /* NULL when none */
    Dict *kwdefaults;      /* NULL when none */
    Tuple *closure;        /* cells, NULL when none */
    Str *name, *qualname;
    Dict *dict;            /* function attributes, created on demand */
    Obj *doc;
    Obj *module;
    struct Weakref *weaklist; /* weak references to this object (gc/weakref.h) */
} Func;

typedef struct Cell {
    Obj ob;
    Obj *ref;              /* NULL: empty */
} Cell;

typedef struct Method {
    Obj ob;
    Obj *func;
    Obj *self;
    struct Weakref *weaklist; /* weak references to this object (gc/weakref.h) */
} Method;

Obj *func_new(rs_State *S, Code *code, Dict *globals, Str *qualname);
Obj *cell_new(rs_State *S, Obj *ref);
Obj *method_new(rs_State *S, Obj *func, Obj *self);
void func_init_types(rs_State *S);

#endif
