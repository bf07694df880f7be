/*
 * fuzz_run.c: arbitrary bytes run as a program under the sandbox's limits, then the interpreter's exit (atexit,
 * the last collection, module teardown). The model comes from the input's hash, so one corpus exercises the
 * cpython model and the three host-GC models alike.
 */
#include <stdint.h>
#include "sandbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    rs_Options o = fuzz_options((rs_Model)(fuzz_hash(data, size) % RS_MODEL_COUNT));
    rs_State *S = rs_open(&o);
    if (!S) return 0;
    rs_run_string(S, (const char *)data, size, "fuzz.py");
    rs_finish(S);
    rs_close(S);
    return 0;
}
