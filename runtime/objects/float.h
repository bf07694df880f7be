/*
 * float.h: IEEE doubles, with CPython's repr (the shortest string that
 * round-trips, 'r' format) and its hash.
 */
#ifndef RS_FLOAT_H
#define RS_FLOAT_H

#include "object.h"

typedef struct Float {
    Obj ob;
    double value;
} Float;

#define IS_FLOAT(o) (TYPE(o) == S->t_float)
#define FLOAT_VAL(o) (((Float *)(o))->value)

Obj *float_new(rs_State *S, double v);
/* Writes repr(v) into out (32 bytes suffice); returns its length. */
size_t float_repr_buf(double v, char *out);
int64_t float_hash(double v);
Obj *float_from_string(rs_State *S, const char *s, size_t n);
/* Converts an int or float to double; 0 ok, -1 with an exception (TypeError when neither). */
int float_as_double(rs_State *S, Obj *o, double *out);
Obj *float_binary(rs_State *S, double a, double b, int op);
void float_init_type(rs_State *S);

#endif
