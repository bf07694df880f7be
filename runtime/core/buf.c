/*
 * buf.c: the growable byte buffer.
 */
#include "buf.h"
#include <stdio.h>
#include <string.h>

void buf_init(Buf *b, Mem *mem) {
    b->mem = mem;
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

void buf_free(Buf *b) {
    if (b->data) mem_free(b->mem, b->data, b->cap);
    b->data = NULL;
    b->len = b->cap = 0;
}

bool buf_reserve(Buf *b, size_t extra) {
    if (b->failed) return false;
    if (b->len + extra + 1 <= b->cap) return true;
    size_t ncap = b->cap ? b->cap : 32;
    while (ncap < b->len + extra + 1) ncap *= 2;
    char *d = mem_realloc(b->mem, b->data, b->cap, ncap);
    if (!d) {
        b->failed = true;
        return false;
    }
    b->data = d;
    b->cap = ncap;
    return true;
}

void buf_add(Buf *b, const char *s, size_t n) {
    if (!buf_reserve(b, n)) return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void buf_adds(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }
void buf_addc(Buf *b, char c) { buf_add(b, &c, 1); }

void buf_printf(Buf *b, const char *fmt, ...) {
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        buf_add(b, tmp, (size_t)n);
        return;
    }
    if (!buf_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}
