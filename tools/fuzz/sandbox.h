/*
 * sandbox.h: what every fuzzing harness shares: a state's options for untrusted input (output discarded, memory,
 * steps and open files limited) and, in sandbox.c, a scratch working directory plus an fopen that refuses any
 * path outside it, so that a generated open("/etc/...", "w") cannot touch the machine.
 */
#ifndef RS_FUZZ_SANDBOX_H
#define RS_FUZZ_SANDBOX_H

#include <stddef.h>
#include <stdint.h>
#include "../../runtime/include/refscope.h"

/* The limits a generated program runs under: enough for every test script, small enough for many runs a second. */
enum { FUZZ_MEMORY_LIMIT = 64 << 20, FUZZ_STEP_LIMIT = 200000, FUZZ_OPEN_FILES = 16 };

/* Options for one run of untrusted input: the model, the limits above, output thrown away. */
rs_Options fuzz_options(rs_Model model);

/* FNV-1a of the input: how a harness derives its choices (a model, a failing allocation) from the bytes alone, so
   that a crash file replays exactly. */
uint64_t fuzz_hash(const uint8_t *data, size_t size);

#endif
