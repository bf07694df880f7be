/*
 * helpers.h: a state whose output is captured in memory, for unit tests.
 */
#ifndef RS_TEST_HELPERS_H
#define RS_TEST_HELPERS_H

#include <stdlib.h>
#include <string.h>
#include "../../runtime/include/refscope.h"

typedef struct Captured {
    char out[65536];
    size_t out_len;
    char err[65536];
    size_t err_len;
} Captured;

static inline void capture_write(void *ud, int stream, const char *data, size_t len) {
    Captured *c = ud;
    char *buf = stream == 2 ? c->err : c->out;
    size_t *n = stream == 2 ? &c->err_len : &c->out_len;
    if (*n + len >= sizeof c->out) len = sizeof c->out - *n - 1;
    memcpy(buf + *n, data, len);
    *n += len;
    buf[*n] = 0;
}

/* Default options, the output going to c (emptied). */
static inline rs_Options options_captured(Captured *c) {
    memset(c, 0, sizeof *c);
    rs_Options o;
    rs_options_init(&o);
    o.write = capture_write;
    o.write_ud = c;
    return o;
}

static inline rs_State *open_captured(Captured *c) {
    rs_Options o = options_captured(c);
    return rs_open(&o);
}

static inline int run_code(rs_State *S, const char *code) { return rs_run_string(S, code, strlen(code), "<test>"); }

#endif
