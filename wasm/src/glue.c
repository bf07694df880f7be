/*
 * glue.c: the WebAssembly entry points behind the npm package (wasm/index.js).
 * An embedder like any other: it uses refscope.h, and the CLI's trace writer
 * (runtime/cli/trace.c) so that events come out exactly as `--trace` writes
 * them. One run = one rs_State, opened with the runtime's options and closed
 * at the end, inside the JS runtime's own wasm instance (so its in-memory
 * file system and memory are its own).
 *
 * Output reaches JS through rsw_write_js (an import the package supplies per
 * instance); everything else is read off the RunResult after the run.
 */
#include <emscripten.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../runtime/cli/cli.h"

/* JS side: Module.rsWrite(stream, pointer, length), which copies the bytes out at once. */
EM_JS(void, rsw_write_js, (int stream, const char *data, size_t len), { Module.rsWrite(stream, data, len); });

typedef struct RunResult {
    int exit_code;          /* as the CLI's: 0, 1 after an uncaught exception, SystemExit's status */
    int code;               /* RS_OK or an RS_ERROR_* */
    char *stats_json;       /* rs_stats_json's text */
    char *error;            /* the exception's one-line description, "" when none */
    char *heap_json;        /* rs_heap_json's graph at the end of the program, when asked for */
    uint64_t events_written, events_dropped;
    const char *stdin_text; /* what input() reads, consumed line by line */
    size_t stdin_len, stdin_pos;
} RunResult;

static void write_out(void *ud, int stream, const char *data, size_t len) {
    (void)ud;
    rsw_write_js(stream, data, len);
}

static size_t read_line(void *ud, char *buf, size_t cap) {
    RunResult *r = ud;
    size_t n = 0;
    while (r->stdin_pos < r->stdin_len && n + 1 < cap) {
        char c = r->stdin_text[r->stdin_pos++];
        buf[n++] = c;
        if (c == '\n') break;
    }
    return n;
}

static char *copy_string(const char *s) {
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p) memcpy(p, s, n + 1);
    return p;
}

/* Runs code as the file `filename`; events (the kinds in event_mask) go to events_path as JSON lines, at most
   event_limit of them. Sizes are doubles because JS numbers are. Returns NULL only when out of memory. */
EMSCRIPTEN_KEEPALIVE RunResult *rsw_run(const char *code, size_t len, const char *filename, int model, double memory_limit,
                                        int recursion_limit, int max_open_files, double young_size, int finalizer_slice,
                                        int finalizer_period, double step_limit, const char *events_path,
                                        unsigned event_mask, double event_limit, const char *stdin_text,
                                        int want_heap) {
    RunResult *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->stdin_text = stdin_text ? stdin_text : "";
    r->stdin_len = strlen(r->stdin_text);
    rs_Options o;
    rs_options_init(&o);
    o.write = write_out;
    o.read_line = read_line;
    o.read_ud = r;
    o.model = (rs_Model)model;
    o.memory_limit = (size_t)memory_limit;
    o.recursion_limit = recursion_limit;
    o.max_open_files = max_open_files;
    o.young_size = (size_t)young_size;
    o.finalizer_slice = finalizer_slice;
    o.finalizer_period = finalizer_period;
    o.step_limit = (uint64_t)step_limit;
    const char *argv[] = {filename};
    o.argc = 1;
    o.argv = argv;
    rs_State *S = rs_open(&o);
    if (!S) {
        r->code = RS_ERROR_NOMEM;
        r->exit_code = 1;
        r->error = copy_string("out of memory while starting the runtime");
        return r;
    }
    Trace trace;
    bool tracing = events_path && *events_path && event_mask &&
                   trace_open(&trace, events_path, TRACE_JSONL, (uint64_t)event_limit);
    if (tracing) {
        trace.S = S;
        rs_set_event_hook(S, event_mask, trace_event, &trace);
    }
    r->code = rs_run_string(S, code, len, filename);
    r->exit_code = r->code == RS_OK ? 0 : r->code == RS_ERROR_EXIT ? rs_exit_status(S) : 1;
    /* the CLI ends by SIGINT after an uncaught KeyboardInterrupt, as python3 does: a shell sees 130 */
    if (r->code == RS_ERROR_EXCEPTION && !strncmp(rs_last_error(S), "KeyboardInterrupt", 17)) r->exit_code = 130;
    r->error = copy_string(r->code == RS_OK || r->code == RS_ERROR_EXIT ? "" : rs_last_error(S));
    if (want_heap) {
        size_t size = rs_heap_json(S, NULL, 0);
        if ((r->heap_json = malloc(size + 1))) rs_heap_json(S, r->heap_json, size + 1);
    }
    rs_finish(S);
    if (tracing) {
        rs_set_event_hook(S, 0, NULL, NULL);
        r->events_written = trace.written;
        r->events_dropped = trace.dropped;
        trace_close(&trace);
    }
    size_t need = rs_stats_json(S, NULL, 0);
    if ((r->stats_json = malloc(need + 1))) rs_stats_json(S, r->stats_json, need + 1);
    rs_close(S);
    return r;
}

EMSCRIPTEN_KEEPALIVE int rsw_result_exit_code(const RunResult *r) { return r->exit_code; }
EMSCRIPTEN_KEEPALIVE int rsw_result_code(const RunResult *r) { return r->code; }
EMSCRIPTEN_KEEPALIVE const char *rsw_result_stats(const RunResult *r) { return r->stats_json ? r->stats_json : "null"; }
EMSCRIPTEN_KEEPALIVE const char *rsw_result_error(const RunResult *r) { return r->error ? r->error : ""; }
EMSCRIPTEN_KEEPALIVE const char *rsw_result_heap(const RunResult *r) { return r->heap_json ? r->heap_json : "null"; }
EMSCRIPTEN_KEEPALIVE double rsw_result_events_dropped(const RunResult *r) { return (double)r->events_dropped; }

EMSCRIPTEN_KEEPALIVE void rsw_result_free(RunResult *r) {
    if (!r) return;
    free(r->stats_json);
    free(r->error);
    free(r->heap_json);
    free(r);
}

/* The CLI's stdio buffers, after rs_cli_main (the CLI compiled in, for the package's bin and compare()). */
EMSCRIPTEN_KEEPALIVE void rsw_flush(void) { fflush(NULL); }
