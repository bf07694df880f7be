/*
 * generator.h: generator objects: a suspended frame resumed by next(),
 * send(), throw() and close().
 */
#ifndef RS_GENERATOR_H
#define RS_GENERATOR_H

#include "object.h"
#include "frame.h"

typedef struct Gen {
    Obj ob;
    Frame *frame;     /* NULL once finished */
    Str *name, *qualname;
    bool running;
    Obj *yieldfrom;   /* the iterator a yield from is delegating to (borrowed from the stack) */
    struct Weakref *weaklist; /* weak references to this object (gc/weakref.h) */
} Gen;

Obj *gen_new(rs_State *S, Frame *f);
/* Resumes with value sent (or exc thrown when exc non-NULL); *done set when it returned. */
Obj *gen_send(rs_State *S, Gen *g, Obj *value, bool *done);
void gen_init_type(rs_State *S);

#endif
