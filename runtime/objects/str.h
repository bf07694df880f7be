/*
 * str.h: immutable Unicode strings, stored as UTF-8 with the code point count
 * beside it. ASCII strings (the common case) index in O(1). Identifiers are
 * interned per state so that name lookups compare pointers first.
 */
#ifndef RS_STR_H
#define RS_STR_H

#include "object.h"

struct Str {
    Obj ob;
    int64_t hash;      /* -1: not computed yet */
    size_t len;        /* code points */
    size_t nbytes;
    bool ascii;
    bool interned;
    char data[];       /* NUL-terminated */
};

#define IS_STR(o) (TYPE(o) == S->t_str || (TYPE(o)->flags & TF_STR_SUBCLASS))
#define STR_DATA(o) (((Str *)(o))->data)

/* Takes valid UTF-8; code points are counted here. */
Obj *str_new(rs_State *S, const char *utf8, size_t nbytes);
Obj *str_from_cstr(rs_State *S, const char *s);
/* Returns the interned string equal to s; steals the reference to s. */
Obj *str_intern(rs_State *S, Obj *s);
Obj *str_intern_cstr(rs_State *S, const char *s);
/* printf-like: %s C string, %d int, %ld long, %zd/%zu size, %U a Str, %R repr(obj), %S str(obj), %T type name of obj, %c char, %% */
Obj *str_fromf(rs_State *S, const char *fmt, ...);
Obj *str_fromv(rs_State *S, const char *fmt, va_list ap);
bool str_eq(Str *a, Str *b);
bool str_eq_cstr(Obj *a, const char *s);
int64_t str_hash(Str *s);
Obj *str_concat(rs_State *S, Obj *a, Obj *b);
Obj *str_repr(rs_State *S, Obj *o);
/* The byte offset of code point i. */
size_t str_offset(Str *s, size_t i);
Obj *str_substr(rs_State *S, Str *s, size_t start, size_t stop);
Obj *str_from_codepoint(rs_State *S, unsigned cp);
Obj *str_join(rs_State *S, Obj *sep, Obj *iterable);
Obj *str_mod(rs_State *S, Obj *fmt, Obj *args);           /* fmt % args */
Obj *str_format_spec(rs_State *S, Obj *value, Obj *spec);  /* format(value, spec) for built-ins */
void str_init_type(rs_State *S);

#endif
