/*
 * registry.h: the built-in modules a script can import, each made fresh per
 * state by its create function.
 */
#ifndef RS_REGISTRY_H
#define RS_REGISTRY_H

#include "../objects/object.h"

/* A new module object for a built-in module name; NULL (no exception) when there is none. */
Obj *registry_create(rs_State *S, const char *name);

Obj *builtins_create(rs_State *S);
Obj *sys_create(rs_State *S);
Obj *math_create(rs_State *S);
Obj *time_create(rs_State *S);
Obj *gc_module_create(rs_State *S);
Obj *weakref_module_create(rs_State *S);
Obj *atexit_module_create(rs_State *S);
/* Runs and forgets the atexit callbacks, last registered first. */
void atexit_run_callbacks(rs_State *S);
/* The Python source of a module of runtime/lib (built into the library), NULL when there is none. */
const char *registry_source(const char *name, size_t *len);

#endif
