/*
 * fuzz_oom.c: arbitrary bytes run as a program whose allocator refuses one request. A first run counts the
 * requests the program makes; a second fails the k-th of them (k from the input's hash) and must end cleanly,
 * with every block given back. It extends tests/unit/test_oom.c's exhaustive loop to programs nobody wrote.
 */
#include <stdint.h>
#include <stdlib.h>
#include "../../tests/unit/failing_alloc.h"
#include "sandbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Runs the program once; returns the requests its run and exit made (rs_open's not counted). */
static size_t run_once(const uint8_t *data, size_t size, Failing *f, size_t fail_in_run) {
    rs_Options o = fuzz_options(RS_MODEL_CPYTHON);
    o.alloc = failing_alloc;
    o.alloc_ud = f;
    rs_State *S = rs_open(&o);
    if (!S) abort(); /* nothing refused yet: rs_open must succeed */
    size_t opened = f->requests;
    if (fail_in_run) f->fail_at = opened + fail_in_run;
    rs_run_string(S, (const char *)data, size, "fuzz.py");
    rs_finish(S);
    size_t made = f->requests - opened;
    rs_close(S);
    if (f->blocks != 0) abort(); /* a block outlived its state */
    return made;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Failing counting = {0, 0, 0};
    size_t points = run_once(data, size, &counting, 0);
    if (points == 0) return 0;
    Failing failing = {0, 0, 0};
    run_once(data, size, &failing, 1 + fuzz_hash(data, size) % points);
    return 0;
}
