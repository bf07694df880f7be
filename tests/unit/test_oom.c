/* Out of memory: the embedder's allocator refuses the Nth request, for every N a piece of work makes. The work ends
   with a clean error (NULL, MemoryError) and no block stays behind. The unit tests link the sanitizer build, which
   sends every block to the embedder, so every allocation point is one N. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include "failing_alloc.h"
#include "helpers.h"

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

/* A program that meets out-of-memory at each of its allocations, k = 1, 2, ..., in its run or in the interpreter's
   exit (atexit, the last collection, module teardown): each run ends with an error code (a MemoryError traceback,
   or the message of a failure the run could not even report); after a failure in the run, the state still runs
   code; and the state closes with every block returned. Returns how many failures reported a MemoryError. */
static size_t fail_every_allocation(const char *name, const char *script, size_t min_points) {
    Failing f = {0, 0, 0};
    Captured out;
    rs_Options o = options_captured(&out);
    o.alloc = failing_alloc;
    o.alloc_ud = &f;
    rs_State *S = rs_open(&o);
    cr_assert_not_null(S);
    size_t opened = f.requests;
    cr_assert_eq(rs_run_string(S, script, strlen(script), name), RS_OK, "%s: %s", name, out.err);
    size_t in_run = f.requests - opened;
    char *expected = strdup(out.out);
    rs_finish(S);
    size_t points = f.requests - opened;
    rs_close(S);
    cr_assert_eq(f.blocks, 0);
    cr_assert_gt(points, min_points, "%s makes %zu allocations", name, points);
    size_t memory_errors = 0;
    for (size_t k = 1; k <= points; k++) {
        Failing g = {0, 0, 0};
        memset(&out, 0, sizeof out);
        o.alloc_ud = &g;
        S = rs_open(&o);
        cr_assert_not_null(S);
        g.fail_at = g.requests + k;
        int status = rs_run_string(S, script, strlen(script), name);
        cr_assert(status == RS_OK || status == RS_ERROR_EXCEPTION || status == RS_ERROR_NOMEM,
                  "%s, allocation %zu: status %d", name, k, status);
        if (k <= in_run) {
            /* a failure is never silent: absorbed on the way (a cache left unfilled), it changes nothing; else
               a MemoryError is reported (a finalizer's or a callback's, "Exception ignored in") */
            if (status == RS_OK && !strstr(out.err, "MemoryError"))
                cr_assert_str_eq(out.out, expected, "%s: allocation %zu failed unnoticed:\n%s\n%s", name, k, out.out, out.err);
            g.fail_at = 0;
            size_t before = out.out_len;
            cr_assert_eq(rs_run_string(S, "print('still running')", 22, "<after>"), RS_OK,
                         "%s: after allocation %zu failed, the state no longer runs code: %s", name, k, out.err);
            cr_assert(strstr(out.out + before, "still running"), "%s, allocation %zu", name, k);
        }
        rs_finish(S);
        if (strstr(out.err, "MemoryError")) memory_errors++;
        rs_close(S);
        cr_assert_eq(g.blocks, 0, "%s: allocation %zu failing left %zu blocks", name, k, g.blocks);
    }
    free(expected);
    return memory_errors;
}

static const char *const objects_script =
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
    size_t errors = fail_every_allocation("objects", objects_script, 300);
    cr_assert_gt(errors, 200, "%zu failures reported a MemoryError", errors);
}

static const char *const control_script =
    "def gen(n):\n"
    "    for i in range(n):\n"
    "        yield i * i\n"
    "def outer():\n"
    "    total = 0\n"
    "    def add(v):\n"
    "        nonlocal total\n"
    "        total += v\n"
    "    for v in gen(5):\n"
    "        add(v)\n"
    "    return total\n"
    "class Closing:\n"
    "    def __enter__(self): return self\n"
    "    def __exit__(self, *exc): return False\n"
    "try:\n"
    "    with Closing():\n"
    "        raise KeyError('k') from ValueError('v')\n"
    "except KeyError as e:\n"
    "    note = f'{e!r} {outer()} {e.__cause__}'\n"
    "finally:\n"
    "    done = True\n"
    "print(note, done, {k: v for k, v in zip('abc', range(3))}, sorted({3, 1, 2}, key=lambda x: -x))\n"
    "print('%s-%d' % ('x', 2 ** 70), 'a,b'.split(','), [*range(3)], (1, 2) + (3,))\n"
    "class Base:\n"
    "    def hello(self): return 'base'\n"
    "class Child(Base):\n"
    "    def hello(self): return 'child>' + super().hello()\n" /* a __class__ cell (fuzz_oom found it leaking) */
    "print(Child().hello())\n";

Test(oom, control_flow_fails_cleanly_at_every_allocation) {
    size_t errors = fail_every_allocation("control", control_script, 300);
    cr_assert_gt(errors, 150, "%zu failures reported a MemoryError", errors);
}

static const char *const collector_script =
    "import gc, weakref, atexit\n"
    "class Res:\n"
    "    def __init__(self, name): self.name, self.me = name, self\n"
    "    def __del__(self): print('del', self.name)\n"
    "class Key: pass\n"
    "k = Key()\n"
    "seen = []\n"
    "w = weakref.ref(k, lambda r: seen.append('cb'))\n"
    "d = weakref.WeakValueDictionary()\n"
    "d['k'] = k\n"
    "a = Res('a')\n"
    "del a, k\n"
    "print(gc.collect() >= 1, seen, len(d))\n"
    "atexit.register(print, 'at exit')\n"
    "last = Res('last')\n";

Test(oom, the_collector_and_the_exit_fail_cleanly_at_every_allocation) {
    size_t errors = fail_every_allocation("collector", collector_script, 300);
    cr_assert_gt(errors, 100, "%zu failures reported a MemoryError", errors);
}
