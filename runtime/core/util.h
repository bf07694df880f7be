/*
 * util.h: locale-independent character classes and small helpers shared by
 * the lexer and the object layer.
 */
#ifndef RS_UTIL_H
#define RS_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where the C stack is now: the frame's address (a local's may live elsewhere under a sanitizer). Depth on the C
   stack is measured from a position taken on the way in. */
static inline uintptr_t util_stack_position(void) {
#if defined(__GNUC__)
    return (uintptr_t)__builtin_frame_address(0);
#else
    char here;
    return (uintptr_t)&here;
#endif
}

/* Bytes of C stack between two positions, whichever way the stack grows. */
static inline size_t util_stack_distance(uintptr_t from, uintptr_t to) { return from > to ? from - to : to - from; }

static inline bool util_isspace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static inline bool util_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline bool util_isalpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline bool util_isalnum(int c) { return util_isalpha(c) || util_isdigit(c); }
static inline bool util_isident_start(int c) { return util_isalpha(c) || c == '_' || c >= 0x80; }
static inline bool util_isident(int c) { return util_isalnum(c) || c == '_' || c >= 0x80; }

/* Decodes one UTF-8 sequence at p (n bytes left); returns its length, 0 when invalid. */
size_t util_utf8_decode(const unsigned char *p, size_t n, unsigned *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t util_utf8_encode(unsigned cp, char *out);
/* What str.isprintable() refuses beyond ASCII, as far as source text and repr() meet it: C1 controls, spaces other
   than ' ', format characters, separators, surrogates, private use (what repr() escapes). */
bool util_nonprintable(unsigned cp);

#endif
