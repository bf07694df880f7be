/* Out of memory: the embedder's allocator refuses the Nth request, for every N a piece of work makes. The work ends
   with a clean error (NULL, MemoryError) and no block stays behind. The unit tests link the sanitizer build, which
   sends every block to the embedder, so every allocation point is one N. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include "helpers.h"

typedef struct Failing {
    size_t requests, fail_at, blocks;
} Failing;

static void *failing_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    (void)osize;
    Failing *f = ud;
    if (nsize == 0) {
        if (ptr) f->blocks--;
        free(ptr);
        return NULL;
    }
    if (++f->requests == f->fail_at) return NULL;
    void *p = realloc(ptr, nsize);
    if (p && !ptr) f->blocks++;
    return p;
}

static rs_State *open_failing(Failing *f) {
    rs_Options o;
    rs_options_init(&o);
    o.alloc = failing_alloc;
    o.alloc_ud = f;
    return rs_open(&o);
}

Test(oom, open_fails_cleanly_at_every_allocation) {
    Failing all = {0, 0, 0};
    rs_State *S = open_failing(&all);
    cr_assert_not_null(S);
    size_t points = all.requests;
    rs_close(S);
    cr_assert_gt(points, 1000, "rs_open makes %zu allocations", points);
    for (size_t n = 1; n <= points; n++) {
        Failing f = {0, n, 0};
        S = open_failing(&f);
        cr_assert_null(S, "rs_open succeeded without its allocation %zu of %zu", n, points);
        cr_assert_eq(f.blocks, 0, "rs_open failing at allocation %zu left %zu blocks", n, f.blocks);
    }
}

/* A run that meets out-of-memory at each of its allocations, k = 1, 2, ...: it ends with an error code (a
   MemoryError traceback, or the message of a failure the run could not even report), and the state still closes
   with every block returned. */
static const char *const oom_script =
    "class Node:\n"
    "    def __init__(self, n):\n"
    "        self.n = n\n"
    "        self.peer = self\n"
    "def make(k):\n"
    "    return [Node(i) for i in range(k)]\n"
    "try:\n"
    "    nodes = make(20)\n"
    "    text = ','.join(str(n.n) for n in nodes)\n"
    "except ValueError:\n"
    "    pass\n"
    "del nodes\n"
    "import gc\n"
    "gc.collect()\n";

Test(oom, a_run_fails_cleanly_at_every_allocation) {
    Failing f = {0, 0, 0};
    Captured out;
    rs_Options o = options_captured(&out);
    o.alloc = failing_alloc;
    o.alloc_ud = &f;
    rs_State *S = rs_open(&o);
    cr_assert_not_null(S);
    size_t opened = f.requests;
    cr_assert_eq(rs_run_string(S, oom_script, strlen(oom_script), "<oom>"), RS_OK, "%s", out.err);
    size_t points = f.requests - opened;
    rs_close(S);
    cr_assert_eq(f.blocks, 0);
    cr_assert_gt(points, 300, "the run makes %zu allocations", points);
    size_t memory_errors = 0;
    for (size_t k = 1; k <= points; k++) {
        Failing g = {0, 0, 0};
        memset(&out, 0, sizeof out);
        o.alloc_ud = &g;
        S = rs_open(&o);
        cr_assert_not_null(S);
        g.fail_at = g.requests + k;
        int status = rs_run_string(S, oom_script, strlen(oom_script), "<oom>");
        cr_assert(status == RS_OK || status == RS_ERROR_EXCEPTION || status == RS_ERROR_NOMEM,
                  "allocation %zu of the run: status %d", k, status);
        if (strstr(out.err, "MemoryError")) memory_errors++;
        rs_close(S);
        cr_assert_eq(g.blocks, 0, "allocation %zu of the run failing left %zu blocks", k, g.blocks);
    }
    cr_assert_gt(memory_errors, points / 2, "%zu of %zu failures reported a MemoryError", memory_errors, points);
}
