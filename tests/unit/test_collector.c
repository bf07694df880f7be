/* The cycle collector's phases on object graphs built through internal APIs. */
#include <criterion/criterion.h>
#include "../../runtime/gc/collector.h"
#include "../../runtime/objects/dict.h"
#include "../../runtime/objects/list.h"
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
    cr_assert_eq(S->gc_count[0], c0);
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
