/*
 * descr.h: descriptors: property, classmethod, staticmethod, and the getset
 * descriptors through which built-in types expose attributes.
 */
#ifndef RS_DESCR_H
#define RS_DESCR_H

#include "object.h"

typedef Obj *(*GetterFn)(rs_State *S, Obj *o);
typedef int (*SetterFn)(rs_State *S, Obj *o, Obj *v);

typedef struct GetSetDef {
    const char *name;
    GetterFn get;
    SetterFn set;     /* NULL: read-only */
} GetSetDef;

typedef struct GetSet {
    Obj ob;
    const GetSetDef *def;
    Type *objtype;
} GetSet;

typedef struct Property {
    Obj ob;
    Obj *fget, *fset, *fdel, *doc;
} Property;

typedef struct ClassMethod {  /* classmethod and staticmethod */
    Obj ob;
    Obj *func;
    Dict *dict;
} ClassMethod;

int descr_add_getsets(rs_State *S, Type *t, const GetSetDef *defs);
void descr_init_types(rs_State *S);

#endif
