/* The cycle collector's phases on object graphs built through internal APIs. */
#include <criterion/criterion.h>
#include <stdio.h>
#include "../../runtime/gc/collector.h"
#include "../../runtime/objects/dict.h"
#include "../../runtime/objects/list.h"
#include "../../runtime/objects/set.h"
#include "helpers.h"

static rs_State *S;
static Captured cap;
static void setup(void) {
    S = open_captured(&cap);
    gc_collect(S, 2, "test");
}
static void teardown(void) { rs_close(S); }
TestSuite(collector, .init = setup, .fini = teardown);

Test(collector, frees_a_two_list_cycle) {
    size_t before = rs_live_objects(S);
    Obj *a = list_new(S, 0), *b = list_new(S, 0);
    list_append(S, a, b);
    list_append(S, b, a);
    DECREF(S, a);
    DECREF(S, b);
    cr_assert_eq(rs_live_objects(S), before + 2, "refcounting alone cannot free a cycle");
    cr_assert_eq(gc_collect(S, 2, "test"), 2);
    cr_assert_eq(rs_live_objects(S), before);
}

Test(collector, keeps_what_is_reachable_from_outside) {
    Obj *root = list_new(S, 0), *inner = list_new(S, 0);
    list_append(S, root, inner);
    list_append(S, inner, root);
    DECREF(S, inner);
    cr_assert_eq(gc_collect(S, 2, "test"), 0, "root is still referenced from C");
    cr_assert_eq(LIST_LEN(root), 1);
    DECREF(S, root);
    cr_assert_eq(gc_collect(S, 2, "test"), 2);
}

Test(collector, survivors_move_to_older_generations) {
    Obj *l = list_new(S, 0);
    cr_assert(gc_is_tracked(l));
    gc_collect(S, 0, "test");
    cr_assert_eq(gc_generation_size(S, 0), 0);
    cr_assert_geq(gc_generation_size(S, 1), 1);
    gc_collect(S, 1, "test");
    cr_assert_eq(gc_generation_size(S, 1), 0);
    DECREF(S, l);
}

Test(collector, counts_and_thresholds) {
    cr_assert_eq(S->gc_threshold[0], 700);
    cr_assert_eq(S->gc_threshold[1], 10);
    cr_assert_eq(S->gc_threshold[2], 10);
    int c0 = S->gc_count[0];
    Obj *l = list_new(S, 0);
    cr_assert_eq(S->gc_count[0], c0 + 1);
    DECREF(S, l);
    cr_assert_eq(S->gc_count[0], c0 + 1, "a freed list goes to CPython's free list: still counted");
    l = list_new(S, 0);
    cr_assert_eq(S->gc_count[0], c0 + 1, "and the next list comes from it: not counted again");
    DECREF(S, l);
    Obj *s = set_new(S, S->t_set, NULL);
    cr_assert_eq(S->gc_count[0], c0 + 2);
    DECREF(S, s);
    cr_assert_eq(S->gc_count[0], c0 + 1, "sets have no free list");
    gc_collect(S, 2, "test");
    l = list_new(S, 0);
    cr_assert_eq(S->gc_count[0], 1, "a full collection empties the free lists");
    DECREF(S, l);
}

Test(collector, dicts_are_tracked_only_when_needed) {
    Dict *d = (Dict *)dict_new(S);
    cr_assert(!gc_is_tracked((Obj *)d));
    dict_set_cstr(S, d, "n", S->none);
    cr_assert(!gc_is_tracked((Obj *)d), "atomic values need no tracking");
    Obj *l = list_new(S, 0);
    dict_set_cstr(S, d, "l", l);
    cr_assert(gc_is_tracked((Obj *)d));
    DECREF(S, l);
    DECREF(S, d);
}

Test(collector, finalizers_run_once_and_may_resurrect) {
    const char *code =
        "import gc\n"
        "class R:\n"
        "    def __del__(self):\n"
        "        global saved\n"
        "        saved = self\n"
        "        print('del')\n"
        "r = R(); r.me = r; del r\n"
        "print(gc.collect(), gc.is_finalized(saved))\n"
        "saved = None\n"
        "print(gc.collect())\n";
    cr_assert_eq(run_code(S, code), RS_OK, "%s", cap.err);
    cr_assert_str_eq(cap.out, "del\n0 True\n1\n");
}

/* DEBUG_STATS prints CPython 3.11's lines (gcmodule.c); the generation sizes are refscope's own
   (CPython's heap holds thousands of startup objects), so a golden script cannot compare them. */
Test(collector, debug_stats_lines_have_cpythons_shape) {
    const char *code =
        "import gc\n"
        "gc.freeze()\n"
        "a = []; a.append(a); del a\n"
        "gc.set_debug(gc.DEBUG_STATS)\n"
        "gc.collect(1)\n"
        "gc.set_debug(0)\n";
    cr_assert_eq(run_code(S, code), RS_OK, "%s", cap.err);
    size_t g0, g1, g2, perm, unreachable, uncollectable;
    double elapsed;
    int n = sscanf(cap.err,
                   "gc: collecting generation 1...\n"
                   "gc: objects in each generation: %zu %zu %zu\n"
                   "gc: objects in permanent generation: %zu\n"
                   "gc: done, %zu unreachable, %zu uncollectable, %lfs elapsed\n",
                   &g0, &g1, &g2, &perm, &unreachable, &uncollectable, &elapsed);
    cr_assert_eq(n, 7, "unexpected output: %s", cap.err);
    cr_assert(perm > 0, "gc.freeze() moved the heap to the permanent generation");
    cr_assert_eq(unreachable, 1);
    cr_assert_eq(uncollectable, 0);
    cr_assert(elapsed >= 0 && elapsed < 10);
    const char *done = strstr(cap.err, "s elapsed\n");
    cr_assert(done && done[10] == 0, "one collection, nothing after it: %s", cap.err);
}
