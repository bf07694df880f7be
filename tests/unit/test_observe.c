/* The stats and event API of refscope.h, as an embedder uses it. */
#include <criterion/criterion.h>
#include "helpers.h"

typedef struct Seen {
    int allocs, frees, finals, gcs;
    uint64_t first_serial, freed_serial, last_clock;
    bool clock_went_back;
    int free_line;
    rs_Cause free_cause;
} Seen;

static void on_event(void *ud, const rs_Event *e) {
    Seen *s = ud;
    if (e->clock < s->last_clock) s->clock_went_back = true;
    s->last_clock = e->clock;
    if (!e->type_name || strcmp(e->type_name, "Probe") != 0) {
        if (e->kind == RS_EV_GC_START) s->gcs++;
        return;
    }
    switch (e->kind) {
    case RS_EV_ALLOC:
        if (!s->allocs++) s->first_serial = e->serial;
        break;
    case RS_EV_FREE:
        s->frees++;
        s->freed_serial = e->serial;
        s->free_line = e->line;
        s->free_cause = e->cause;
        break;
    case RS_EV_FINALIZE_START: s->finals++; break;
    default: break;
    }
}

Test(observe, the_hook_sees_an_object_from_allocation_to_reclamation) {
    Captured cap;
    rs_State *S = open_captured(&cap);
    Seen seen = {0};
    rs_set_event_hook(S, RS_EV_ALL, on_event, &seen);
    const char *code = "class Probe:\n    def __del__(self): pass\np = Probe()\ndel p\nimport gc\ngc.collect()\n";
    cr_assert_eq(run_code(S, code), RS_OK, "%s", cap.err);
    cr_assert_eq(seen.allocs, 1);
    cr_assert_eq(seen.frees, 1);
    cr_assert_eq(seen.finals, 1);
    cr_assert(seen.first_serial > 0 && seen.freed_serial == seen.first_serial, "the same serial: %lu %lu",
              (unsigned long)seen.first_serial, (unsigned long)seen.freed_serial);
    cr_assert_eq(seen.free_line, 4);
    cr_assert_eq(seen.free_cause, RS_CAUSE_REFCOUNT);
    cr_assert_eq(seen.gcs, 1);
    cr_assert(!seen.clock_went_back);
    rs_close(S);
}

Test(observe, stats_add_up_and_the_mask_filters) {
    Captured cap;
    rs_State *S = open_captured(&cap);
    Seen seen = {0};
    rs_set_event_hook(S, RS_EV_GC_START, on_event, &seen);
    const char *code = "class Probe:\n    pass\nfor i in range(1000):\n    p = Probe()\n    p.me = p\n";
    cr_assert_eq(run_code(S, code), RS_OK, "%s", cap.err);
    cr_assert_eq(seen.allocs, 0, "only collections were asked for");
    cr_assert(seen.gcs >= 1, "1000 cycles pass the threshold of 700");
    rs_finish(S);
    rs_Stats st;
    rs_get_stats(S, &st);
    cr_assert_eq(st.objects_allocated,
                 st.objects_freed_by_refcount + st.objects_freed_by_collection + st.objects_freed_at_shutdown + st.live_objects);
    cr_assert(st.objects_freed_by_collection >= 700);
    cr_assert(st.instructions > 1000 * 5);
    char json[4096];
    size_t n = rs_stats_json(S, json, sizeof json);
    cr_assert(n > 100 && n < sizeof json && json[0] == '{' && json[n - 1] == '}');
    cr_assert_eq(rs_stats_json(S, NULL, 0), n, "the length needed, as snprintf");
    cr_assert_eq(run_code(S, "1"), RS_ERROR_MISUSE, "nothing runs after rs_finish");
    rs_close(S);
}

Test(observe, two_states_count_separately) {
    Captured c1, c2;
    rs_State *a = open_captured(&c1), *b = open_captured(&c2);
    run_code(a, "x = [[] for i in range(100)]\n");
    rs_Stats sa, sb;
    rs_get_stats(a, &sa);
    rs_get_stats(b, &sb);
    cr_assert(sa.objects_allocated >= 101);
    cr_assert_eq(sb.objects_allocated, 0);
    cr_assert_eq(sb.instructions, 0);
    rs_close(a);
    rs_close(b);
}
