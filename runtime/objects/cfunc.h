/*
 * cfunc.h: functions written in C (built-ins and methods of built-in types).
 * They take arguments as CPython's vectorcall does: a C array of nargs
 * positional values followed by one value per name in kwnames.
 */
#ifndef RS_CFUNC_H
#define RS_CFUNC_H

#include "object.h"

typedef Obj *(*CFn)(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kwnames);

typedef struct CFuncDef {
    const char *name;
    CFn fn;
} CFuncDef;

/* A built-in function, or a method descriptor when self is NULL and objtype set. */
typedef struct CFunc {
    Obj ob;
    const CFuncDef *def;
    Obj *self;       /* bound object or module; may be NULL */
    Type *objtype;   /* for method descriptors: the type they belong to */
    bool packs;      /* CPython's is METH_VARARGS: a call packs the arguments into a tuple (gc.get_count()) */
} CFunc;

Obj *cfunc_new(rs_State *S, const CFuncDef *def, Obj *self);
/* Adds each method of defs (ending with a NULL name) to t's dict as a descriptor. */
int cfunc_add_methods(rs_State *S, Type *t, const CFuncDef *defs);
/* Adds each function of defs to the dict as a built-in bound to self. */
int cfunc_add_functions(rs_State *S, Dict *d, const CFuncDef *defs, Obj *self);
void cfunc_init_types(rs_State *S);

/* ---- argument checking for C functions ---- */

int args_no_kwargs(rs_State *S, const char *fname, Tuple *kwnames);
int args_count(rs_State *S, const char *fname, size_t nargs, size_t min, size_t max);
/*
 * Binds positional and keyword arguments to the nparams names; out[i] is a
 * borrowed reference or NULL when not given. The first nrequired are required.
 * Names after a "*" entry in names are keyword-only.
 */
int args_bind(rs_State *S, const char *fname, Obj *const *args, size_t nargs, Tuple *kwnames,
              const char *const *names, int nparams, int nrequired, Obj **out);

#endif
