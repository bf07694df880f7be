/*
 * util.h: locale-independent character classes and small helpers shared by
 * the lexer and the object layer.
 */
#ifndef RS_UTIL_H
#define RS_UTIL_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
