/* The embedding API refuses misuse with an error code and a message, and the state stays usable: NULL arguments,
   bad options, a finished state, and callbacks that call back into the state that is running them. */
#include <criterion/criterion.h>
#include <stdio.h>
#include "helpers.h"

Test(misuse, null_arguments_are_refused_or_harmless) {
    cr_assert_eq(rs_run_string(NULL, "x", 1, "t"), RS_ERROR_MISUSE);
    cr_assert_eq(rs_run_file(NULL, "t.py"), RS_ERROR_MISUSE);
    int incomplete = 0;
    cr_assert_eq(rs_run_interactive(NULL, "x", 1, &incomplete), RS_ERROR_MISUSE);
    rs_finish(NULL);
    rs_close(NULL);
    rs_set_event_hook(NULL, RS_EV_ALL, NULL, NULL);
    cr_assert_eq(rs_live_objects(NULL), 0);
    cr_assert_eq(rs_exit_status(NULL), 0);
    cr_assert_str_not_empty(rs_last_error(NULL));
    rs_Stats st;
    memset(&st, 0xAB, sizeof st);
    rs_get_stats(NULL, &st);
    cr_assert_eq(st.objects_allocated, 0, "stats of no state are zeros");
    char json[4096];
    size_t n = rs_stats_json(NULL, json, sizeof json);
    cr_assert(n > 0 && n < sizeof json && strstr(json, "\"allocated\": 0"), "%s", json);
    cr_assert_eq(rs_heap_json(NULL, json, sizeof json), 4);
    cr_assert_str_eq(json, "null");

    Captured c;
    rs_State *S = open_captured(&c);
    cr_assert_eq(rs_run_string(S, NULL, 0, "t"), RS_ERROR_MISUSE);
    cr_assert_eq(rs_run_file(S, NULL), RS_ERROR_MISUSE);
    cr_assert_eq(rs_run_file(S, "/no/such/dir/script.py"), RS_ERROR_MISUSE);
    cr_assert(strstr(rs_last_error(S), "No such file or directory"), "%s", rs_last_error(S));
    cr_assert_eq(rs_run_string(S, "print('a')", 10, NULL), RS_OK, "a NULL file name is <string>");
    cr_assert_eq(rs_run_interactive(S, "1 +", 3, NULL), RS_ERROR_EXCEPTION, "no incomplete flag asked for: an error");
    cr_assert_eq(run_code(S, "print('usable')"), RS_OK);
    cr_assert_str_eq(c.out, "a\nusable\n");
    rs_get_stats(S, NULL);
    cr_assert_eq(rs_stats_json(S, NULL, 0) > 0, true, "the length needed, as snprintf");
    rs_close(S);
}

Test(misuse, bad_options_are_refused_or_defaulted) {
    rs_Options o;
    rs_options_init(&o);
    o.model = (rs_Model)7;
    cr_assert_null(rs_open(&o), "no such model");
    o.model = (rs_Model)-1;
    cr_assert_null(rs_open(&o));
    Captured c;
    o = options_captured(&c);
    o.recursion_limit = -5;
    o.max_open_files = -1;
    o.finalizer_period = -3;
    rs_State *S = rs_open(&o);
    cr_assert_not_null(S);
    cr_assert_eq(run_code(S, "import sys\nprint(sys.getrecursionlimit())"), RS_OK);
    cr_assert_str_eq(c.out, "1000\n");
    rs_close(S);
    cr_assert_not_null((S = rs_open(NULL)), "no options: the defaults");
    cr_assert_eq(rs_run_string(S, "x = 1", 5, "t"), RS_OK);
    rs_close(S);
    o = options_captured(&c);
    o.memory_limit = 1000;
    S = rs_open(&o);
    cr_assert_not_null(S, "a limit below what the runtime itself takes applies to what runs");
    cr_assert_eq(run_code(S, "x = [0] * 100000"), RS_ERROR_EXCEPTION);
    cr_assert(strstr(c.err, "MemoryError"), "%s", c.err);
    rs_close(S);
}

Test(misuse, a_finished_state_runs_nothing_more) {
    Captured c;
    rs_State *S = open_captured(&c);
    cr_assert_eq(run_code(S, "import atexit\natexit.register(print, 'bye')"), RS_OK);
    rs_finish(S);
    rs_finish(S);
    cr_assert_str_eq(c.out, "bye\n", "atexit ran once");
    cr_assert_eq(run_code(S, "print('again')"), RS_ERROR_MISUSE);
    cr_assert(strstr(rs_last_error(S), "after rs_finish"), "%s", rs_last_error(S));
    rs_close(S);
}

/* A state whose callbacks call back into it. */
typedef struct Reentrant {
    rs_State *S;
    int run_status, interactive_status, calls;
    char error[256];
    Captured out;
} Reentrant;

static void reenter(Reentrant *r) {
    if (!r->S || r->calls++) return;
    r->run_status = rs_run_string(r->S, "print('inner')", 14, "<inner>");
    snprintf(r->error, sizeof r->error, "%s", rs_last_error(r->S));
    r->interactive_status = rs_run_interactive(r->S, "1", 1, NULL);
    rs_finish(r->S);
    rs_close(r->S); /* refused: the state is running this callback */
}

static void reentrant_write(void *ud, int stream, const char *data, size_t len) {
    Reentrant *r = ud;
    capture_write(&r->out, stream, data, len);
    reenter(r);
}

static void reentrant_event(void *ud, const rs_Event *event) {
    (void)event;
    reenter(ud);
}

static size_t reentrant_read(void *ud, char *buf, size_t cap) {
    reenter(ud);
    const char *line = "typed\n";
    size_t n = strlen(line) < cap ? strlen(line) : cap;
    memcpy(buf, line, n);
    return n;
}

static void assert_refused_and_usable(Reentrant *r) {
    cr_assert_eq(r->calls > 0, true, "the callback ran");
    cr_assert_eq(r->run_status, RS_ERROR_MISUSE);
    cr_assert_eq(r->interactive_status, RS_ERROR_MISUSE);
    cr_assert(strstr(r->error, "while code is running"), "%s", r->error);
    cr_assert_null(strstr(r->out.out, "inner"), "the inner run did not run");
    memset(&r->out, 0, sizeof r->out);
    cr_assert_eq(rs_run_string(r->S, "print('after')", 14, "t"), RS_OK, "the state survived: %s", r->out.err);
    cr_assert(strstr(r->out.out, "after"), "%s", r->out.out);
    rs_close(r->S);
}

/* A state whose output goes through reentrant_write. */
static void open_reentrant(Reentrant *r) {
    memset(r, 0, sizeof *r);
    rs_Options o;
    rs_options_init(&o);
    o.write = reentrant_write;
    o.write_ud = r;
    r->S = rs_open(&o);
    cr_assert_not_null(r->S);
}

Test(misuse, an_output_callback_cannot_reenter) {
    Reentrant r;
    open_reentrant(&r);
    cr_assert_eq(rs_run_string(r.S, "print('outer')", 14, "t"), RS_OK);
    cr_assert(strstr(r.out.out, "outer"), "%s", r.out.out);
    assert_refused_and_usable(&r);
}

Test(misuse, an_event_hook_cannot_reenter) {
    Reentrant r;
    open_reentrant(&r);
    rs_set_event_hook(r.S, RS_EV_GC_START, reentrant_event, &r);
    cr_assert_eq(rs_run_string(r.S, "import gc\ngc.collect()\n", 22, "t"), RS_OK);
    rs_set_event_hook(r.S, 0, NULL, NULL);
    assert_refused_and_usable(&r);
}

Test(misuse, an_input_callback_cannot_reenter) {
    Reentrant r;
    memset(&r, 0, sizeof r);
    rs_Options o;
    rs_options_init(&o);
    o.read_line = reentrant_read;
    o.read_ud = &r;
    o.write = capture_write;
    o.write_ud = &r.out;
    r.S = rs_open(&o);
    cr_assert_eq(rs_run_string(r.S, "print(input())", 14, "t"), RS_OK);
    cr_assert_str_eq(r.out.out, "typed\n");
    assert_refused_and_usable(&r);
}

Test(misuse, a_step_limit_or_an_error_leaves_the_state_usable) {
    Captured c;
    rs_Options o = options_captured(&c);
    o.step_limit = 10000;
    rs_State *S = rs_open(&o);
    cr_assert_eq(run_code(S, "while True: pass"), RS_ERROR_LIMIT);
    cr_assert(strstr(rs_last_error(S), "step limit"), "%s", rs_last_error(S));
    cr_assert_eq(run_code(S, "x = [1, 2, 3]\nprint(sum(x))"), RS_OK);
    cr_assert_eq(run_code(S, "raise KeyError('k')"), RS_ERROR_EXCEPTION);
    cr_assert_eq(run_code(S, "print(x)"), RS_OK);
    cr_assert_str_eq(c.out, "6\n[1, 2, 3]\n");
    rs_close(S);
}
