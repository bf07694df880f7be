/*
 * exception.h: exception objects, raising, and printing tracebacks in
 * CPython's format. The exception being raised lives in S->exc; functions
 * signal it by returning NULL or -1.
 */
#ifndef RS_EXCEPTION_H
#define RS_EXCEPTION_H

#include "object.h"

typedef struct Exc {
    Obj ob;
    Dict *dict;
    Tuple *args;
    Obj *traceback;     /* NULL or a Traceback */
    Obj *context;
    Obj *cause;
    Obj *value;         /* StopIteration.value, SystemExit.code */
    bool suppress_context;
} Exc;

typedef struct Traceback {
    Obj ob;
    struct Traceback *next;
    struct Frame *frame;
    int32_t lasti;
    int32_t lineno;
} Traceback;

#define IS_EXC(o) (TYPE(o)->flags & TF_EXC_SUBCLASS)
#define IS_EXC_TYPE(t) (((Type *)(t))->flags & TF_EXC_SUBCLASS)

/* Raises a new exception of type t with a formatted message (str_fromf's format); returns NULL. */
Obj *exc_raisef(rs_State *S, Type *t, const char *fmt, ...);
/* Raises an exception instance or class (instantiated with no arguments); returns NULL. */
Obj *exc_raise(rs_State *S, Obj *exc);
/* Raises with the given args tuple contents: t(value). */
Obj *exc_raise_value(rs_State *S, Type *t, Obj *value);
Obj *exc_nomemory(rs_State *S);
/* Sets the exception being raised (steals exc), chaining __context__ to the one being handled. */
void exc_set(rs_State *S, Obj *exc);
/* Takes the exception being raised (new reference; NULL when none). */
Obj *exc_fetch(rs_State *S);
bool exc_matches(rs_State *S, Type *t);
void exc_clear(rs_State *S);
/* isinstance(exc, spec) where spec is a class or a tuple of classes. -1: TypeError. */
int exc_given_matches(rs_State *S, Obj *exc, Obj *spec);
Obj *exc_new(rs_State *S, Type *t, Obj *const *args, size_t nargs);
/* Adds a traceback entry for frame f at its current instruction. */
int exc_add_traceback(rs_State *S, Obj *exc, struct Frame *f);
/* Writes "Traceback (most recent call last): ..." for exc to stream 2, with its chain. */
void exc_print(rs_State *S, Obj *exc);
/* "Exception ignored in: ..." as CPython's PyErr_WriteUnraisable. */
void exc_write_unraisable(rs_State *S, const char *where, Obj *obj);
/* Writes a warning to stderr as the warnings module's default display does: "file:line: Category: msg" and the
   source line of the running frame. */
void exc_warn(rs_State *S, Type *category, const char *msg);
void exc_init_types(rs_State *S);

#endif
