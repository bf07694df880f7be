/*
 * buf.h: a growable byte buffer on the state's allocator, for building
 * strings (repr, formatting, joins). A failed allocation sets `failed` and
 * later appends do nothing, so callers check once at the end.
 */
#ifndef RS_BUF_H
#define RS_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include "mem.h"

typedef struct Buf {
    Mem *mem;
    char *data;
    size_t len, cap;
    bool failed;
} Buf;

void buf_init(Buf *b, Mem *mem);
void buf_free(Buf *b);
bool buf_reserve(Buf *b, size_t extra);
void buf_add(Buf *b, const char *s, size_t n);
void buf_adds(Buf *b, const char *s);
void buf_addc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
