/*
 * iter.h: iterator objects of the built-in sequences and the lazy built-ins
 * (enumerate, zip, map, filter, reversed), range and slice.
 */
#ifndef RS_ITER_H
#define RS_ITER_H

#include "object.h"

typedef struct SeqIter {
    Obj ob;
    Obj *seq;       /* NULL once exhausted */
    size_t index;
} SeqIter;

typedef struct Range {
    Obj ob;
    int64_t start, stop, step, len;
} Range;

typedef struct Slice {
    Obj ob;
    Obj *start, *stop, *step;
} Slice;

Obj *seqiter_new(rs_State *S, Type *t, Obj *seq);
Obj *range_new(rs_State *S, int64_t start, int64_t stop, int64_t step);
Obj *slice_new(rs_State *S, Obj *start, Obj *stop, Obj *step);
void iter_init_types(rs_State *S);

#endif
