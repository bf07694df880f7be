/* rs_heap_json: the heap's graph, and that taking it changes nothing the collector does later. */
#include <criterion/criterion.h>
#include <stdio.h>
#include "../../runtime/gc/collector.h"
#include "helpers.h"

static rs_State *S;
static Captured cap;
static void setup(void) { S = open_captured(&cap); }
static void teardown(void) { rs_close(S); }
TestSuite(heap, .init = setup, .fini = teardown);

static char *heap_json(void) {
    size_t need = rs_heap_json(S, NULL, 0);
    char *buf = malloc(need + 1);
    cr_assert(buf);
    cr_assert_eq(rs_heap_json(S, buf, need + 1), need);
    return buf;
}

Test(heap, names_globals_and_labels_attributes) {
    cr_assert_eq(run_code(S, "class Node: pass\na = Node()\na.child = Node()\nitems = [a]\n"), RS_OK);
    char *json = heap_json();
    cr_assert(strstr(json, "\"name\": \"a\""), "%s", json);
    cr_assert(strstr(json, "\"name\": \"items\""));
    cr_assert(strstr(json, "\"label\": \"child\""), "the attribute names the edge");
    cr_assert(strstr(json, "\"label\": \"[0]\""), "the index names the edge");
    cr_assert_null(strstr(json, "\"garbage\": true"));
    free(json);
}

Test(heap, finds_an_uncollected_cycle_without_disturbing_the_collector) {
    cr_assert_eq(run_code(S, "import gc\ngc.disable()\nclass Node: pass\nc = Node()\nc.me = c\ndel c\n"), RS_OK);
    size_t sizes[3];
    for (int i = 0; i < 3; i++) sizes[i] = gc_generation_size(S, i);
    char *json = heap_json();
    cr_assert(strstr(json, "\"garbage\": true"), "%s", json);
    free(json);
    for (int i = 0; i < 3; i++) cr_assert_eq(gc_generation_size(S, i), sizes[i], "no object moved between generations");
    cr_assert_eq(run_code(S, "print(gc.collect())\n"), RS_OK);
    cr_assert_str_eq(cap.out, "1\n", "the collector still finds the cycle");
}
