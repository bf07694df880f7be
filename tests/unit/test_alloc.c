/* Unit tests of the allocator layer: the embedder hook, pools, exact accounting, the limit. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include "../../runtime/core/mem.h"
#include "helpers.h"

typedef struct Counting {
    size_t live, calls, fail_after;
} Counting;

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    Counting *c = ud;
    c->calls++;
    if (nsize == 0) {
        c->live -= osize;
        free(ptr);
        return NULL;
    }
    if (c->fail_after && c->calls > c->fail_after) return NULL;
    void *p = realloc(ptr, nsize);
    if (p) c->live = c->live - (ptr ? osize : 0) + nsize;
    return p;
}

Test(alloc, small_blocks_are_reused_and_counted) {
    Counting c = {0};
    Mem m;
    mem_init(&m, counting_alloc, &c, 0);
    void *a = mem_alloc(&m, 24), *b = mem_alloc(&m, 24);
    cr_assert_neq(a, b);
    cr_assert_eq(m.bytes, 48);
    mem_free(&m, a, 24);
    void *d = mem_alloc(&m, 20); /* same size class */
#ifndef RS_MEM_DIRECT
    cr_assert_eq(d, a, "a freed small block is reused");
#endif
    cr_assert_eq(m.bytes, 44);
    mem_free(&m, b, 24);
    mem_free(&m, d, 20);
    cr_assert_eq(m.bytes, 0);
    cr_assert_eq(m.blocks, 0);
    mem_finish(&m);
    cr_assert_eq(c.live, 0, "every arena is returned to the embedder");
}

Test(alloc, large_blocks_go_to_the_embedder) {
    Counting c = {0};
    Mem m;
    mem_init(&m, counting_alloc, &c, 0);
    void *p = mem_alloc(&m, 10000);
    cr_assert_not_null(p);
    cr_assert_geq(c.live, 10000);
    p = mem_realloc(&m, p, 10000, 20000);
    cr_assert_eq(m.bytes, 20000);
    mem_free(&m, p, 20000);
    cr_assert_eq(m.bytes, 0);
    mem_finish(&m);
    cr_assert_eq(c.live, 0);
}

Test(alloc, limit_refuses_growth_beyond_it) {
    Mem m;
    mem_init(&m, NULL, NULL, 1000);
    void *a = mem_alloc(&m, 600);
    cr_assert_not_null(a);
    cr_assert_null(mem_alloc(&m, 600));
    mem_free(&m, a, 600);
    cr_assert_not_null((a = mem_alloc(&m, 600)));
    mem_free(&m, a, 600);
    mem_finish(&m);
}

Test(alloc, a_state_returns_every_byte) {
    Counting c = {0};
    rs_Options o;
    rs_options_init(&o);
    o.alloc = counting_alloc;
    o.alloc_ud = &c;
    rs_State *S = rs_open(&o);
    cr_assert_not_null(S);
    const char *code = "class A:\n    def __init__(s): s.me = s\nx = [A() for i in range(100)]\nd = {i: str(i) * 3 for i in range(500)}\n";
    cr_assert_eq(rs_run_string(S, code, strlen(code), "<t>"), RS_OK);
    cr_assert_gt(rs_live_objects(S), 0);
    rs_close(S);
    cr_assert_eq(c.live, 0, "bytes still held after rs_close: %zu", c.live);
}

Test(alloc, memory_limit_raises_memory_error) {
    Captured cap;
    rs_Options o = options_captured(&cap);
    o.memory_limit = 4 * 1024 * 1024;
    rs_State *S = rs_open(&o);
    cr_assert_not_null(S);
    const char *code = "def grow():\n    x = []\n    while True:\n        x.append('y' * 1000)\ngrow()\n";
    cr_assert_eq(rs_run_string(S, code, strlen(code), "<t>"), RS_ERROR_EXCEPTION);
    cr_assert(strstr(cap.err, "MemoryError") != NULL, "stderr: %s", cap.err);
    /* the state stays usable */
    const char *again = "print('still alive')\n";
    cr_assert_eq(rs_run_string(S, again, strlen(again), "<t>"), RS_OK);
    cr_assert(strstr(cap.out, "still alive") != NULL);
    rs_close(S);
}
