/* The host-GC models' collector on object graphs built through internal APIs and through the embedding API. */
#include <criterion/criterion.h>
#include <stdio.h>
#include "../../runtime/gc/collector.h"
#include "../../runtime/gc/hostgc.h"
#include "../../runtime/objects/list.h"
#include "helpers.h"

static rs_State *open_model(Captured *c, rs_Model model) {
    memset(c, 0, sizeof *c);
    rs_Options o;
    rs_options_init(&o);
    o.write = capture_write;
    o.write_ud = c;
    o.model = model;
    return rs_open(&o);
}

static rs_State *S;
static Captured cap;
static void setup(void) {
    S = open_model(&cap, RS_MODEL_JVM);
    cr_assert(S);
    gc_collect(S, 2, "test");
}
static void teardown(void) { rs_close(S); }
TestSuite(hostgc, .init = setup, .fini = teardown);

Test(hostgc, a_count_reaching_zero_frees_nothing_until_a_collection) {
    size_t before = rs_live_objects(S);
    Obj *a = list_new(S, 0);
    DECREF(S, a);
    cr_assert_eq(rs_live_objects(S), before + 1, "the list waits, unreachable");
    cr_assert_eq(hostgc_collect(S, 0), 1);
    cr_assert_eq(rs_live_objects(S), before);
}

Test(hostgc, one_collection_reclaims_a_whole_dead_subgraph) {
    size_t before = rs_live_objects(S);
    Obj *root = list_new(S, 0), *node = root;
    for (int i = 0; i < 100; i++) {
        Obj *next = list_new(S, 0);
        list_append(S, node, next);
        DECREF(S, next);
        node = next;
    }
    DECREF(S, root);
    cr_assert_eq(rs_live_objects(S), before + 101, "only the root's count reached zero; the rest is held by it");
    cr_assert_eq(hostgc_collect(S, 2), 101);
    cr_assert_eq(rs_live_objects(S), before);
}

Test(hostgc, what_c_still_holds_survives) {
    Obj *kept = list_new(S, 0), *child = list_new(S, 0);
    list_append(S, kept, child);
    DECREF(S, child);
    cr_assert_eq(hostgc_collect(S, 2), 0);
    cr_assert_eq(LIST_LEN(kept), 1);
    DECREF(S, kept);
    cr_assert_eq(hostgc_collect(S, 2), 2);
}

Test(hostgc, dead_numbers_and_strings_wait_too) {
    cr_assert_eq(run_code(S, "x = [str(i) * 3 for i in range(100)]\ny = None\n"), RS_OK);
    size_t before = rs_live_objects(S);
    cr_assert_eq(run_code(S, "x = None\n"), RS_OK);
    cr_assert_geq(rs_live_objects(S), before, "nothing freed by the rebinding");
    cr_assert_eq(run_code(S, "import gc\ngc.collect()\n"), RS_OK);
    cr_assert_lt(rs_live_objects(S), before - 100, "the list and its strings went at the collection");
}

Test(hostgc, two_models_in_one_process_do_not_interfere) {
    Captured c2;
    rs_State *cpython = open_model(&c2, RS_MODEL_CPYTHON);
    const char *code = "import weakref\nclass A: pass\na = A()\nr = weakref.ref(a)\ndel a\nprint(r() is None)\n";
    cr_assert_eq(run_code(cpython, code), RS_OK);
    cr_assert_eq(run_code(S, code), RS_OK);
    cr_assert_str_eq(c2.out, "True\n");
    cr_assert_str_eq(cap.out, "False\n");
    rs_close(cpython);
}

Test(hostgc, the_end_runs_no_pending_finalizer_and_frees_everything) {
    cr_assert_eq(run_code(S, "import gc\nclass D:\n    def __del__(self): print('late')\nD()\ngc.collect()\n"), RS_OK);
    rs_finish(S);
    cr_assert_str_eq(cap.out, "", "a finalizer still queued when the program ends never runs under jvm");
}
