/*
 * bytes.h: immutable byte strings (the basics of the bytes type).
 */
#ifndef RS_BYTES_H
#define RS_BYTES_H

#include "object.h"

typedef struct Bytes {
    Obj ob;
    size_t len;
    int64_t hash;   /* -1: not computed */
    char data[];    /* NUL-terminated */
} Bytes;

Obj *bytes_new(rs_State *S, const char *data, size_t n);
/* s.encode(encoding): utf-8, ascii or latin-1. */
Obj *str_encode(rs_State *S, Obj *s, const char *encoding);
void bytes_init_type(rs_State *S);

#endif
