/*
 * fuzz_compile.c: the lexer, parser, scope analysis and compiler on arbitrary bytes, as a file and as a prompt
 * entry; a SyntaxError is printed as a traceback would print it (its caret line included). Nothing runs, so one
 * state serves every input of the process (opening and closing one would take nine tenths of the time).
 */
#include <stdint.h>
#include "sandbox.h"
#include "../../runtime/compiler/compile.h"
#include "../../runtime/objects/exception.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void compile_and_report(rs_State *S, const uint8_t *data, size_t size, enum CompileMode mode) {
    bool incomplete = false;
    Code *code = compile_source(S, (const char *)data, size, "<fuzz>", mode, &incomplete);
    if (code) {
        DECREF(S, code);
        return;
    }
    Obj *exc = exc_fetch(S);
    if (exc) {
        exc_print(S, exc);
        DECREF(S, exc);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static rs_State *S;
    if (!S) {
        rs_Options o = fuzz_options(RS_MODEL_CPYTHON);
        if (!(S = rs_open(&o))) return 0;
    }
    compile_and_report(S, data, size, COMPILE_FILE);
    compile_and_report(S, data, size, COMPILE_INTERACTIVE);
    return 0;
}
