/*
 * module.h: module objects (a name and a dict of globals).
 */
#ifndef RS_MODULE_H
#define RS_MODULE_H

#include "object.h"

typedef struct Module {
    Obj ob;
    Dict *dict;
    Str *name;
    struct Weakref *weaklist; /* weak references to this object (gc/weakref.h) */
} Module;

Obj *module_new(rs_State *S, const char *name);
void module_init_type(rs_State *S);

#endif
