/*
 * int.h: arbitrary-precision integers (and bool, their subtype). A value that
 * fits in int64 is stored in `small` (size 0), so common arithmetic never
 * touches digit arrays; larger ones keep a magnitude in base-2^32 digits,
 * least significant first, with the sign in size (as CPython's ob_size).
 */
#ifndef RS_INT_H
#define RS_INT_H

#include "object.h"

typedef struct Int {
    Obj ob;
    int64_t small;     /* the value when size == 0 */
    int32_t size;      /* 0: small; else +-number of digits */
    uint32_t digits[];
} Int;

#define IS_INT(o) (TYPE(o) == S->t_int || TYPE(o) == S->t_bool || (TYPE(o)->flags & TF_INT_SUBCLASS))
#define INT_IS_SMALL(o) (((Int *)(o))->size == 0)

Obj *int_from_i64(rs_State *S, int64_t v);
Obj *int_from_u64(rs_State *S, uint64_t v);
Obj *int_from_double(rs_State *S, double d);   /* truncates; raises on inf/nan */
/* Parses text (underscores allowed, as Python source and int() accept); base 0: by prefix. NULL + ValueError when invalid. */
Obj *int_from_string(rs_State *S, const char *text, size_t len, int base);
/* 0 and *out set when o fits in int64; -1 with OverflowError otherwise. */
int int_as_i64(rs_State *S, Obj *o, int64_t *out);
double int_as_double(rs_State *S, Obj *o, bool *overflow);
int int_sign(Obj *o);
Obj *int_to_base_string(rs_State *S, Obj *o, int base, bool prefix);
int int_compare(Obj *a, Obj *b);               /* -1, 0, 1 */
int64_t int_hash(Obj *o);
Obj *int_binary(rs_State *S, Obj *a, Obj *b, int op);  /* both ints */
Obj *int_pow_mod(rs_State *S, Obj *a, Obj *b, Obj *m);
size_t int_bit_length(Obj *o);

#endif
