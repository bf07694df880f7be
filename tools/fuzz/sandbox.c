/*
 * sandbox.c: the harnesses' shared set-up. The runtime is compiled for fuzzing with -Dfopen=sandbox_fopen, so every
 * file it opens (open(), imports of sibling modules) comes here first: a relative path that stays inside is opened
 * in a scratch directory, anything else fails with EACCES (open() raises PermissionError). libFuzzer's own files
 * (corpus, crash inputs) are not touched. The directory is made
 * once (LLVMFuzzerInitialize) and handed to the workers libFuzzer forks through the environment. The process's
 * own working directory stays where libFuzzer expects it.
 */
#include "sandbox.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCRATCH_VARIABLE "REFSCOPE_FUZZ_SCRATCH"

FILE *sandbox_fopen(const char *path, const char *mode);
int LLVMFuzzerInitialize(int *argc, char ***argv);

FILE *sandbox_fopen(const char *path, const char *mode) {
    const char *scratch = getenv(SCRATCH_VARIABLE);
    char inside[PATH_MAX];
    if (!scratch || path[0] == '/' || strstr(path, "..") ||
        snprintf(inside, sizeof inside, "%s/%s", scratch, path) >= (int)sizeof inside) {
        errno = EACCES;
        return NULL;
    }
    return fopen(inside, mode);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    if (getenv(SCRATCH_VARIABLE)) return 0;
    char dir[] = "/tmp/refscope-fuzz-XXXXXX";
    if (!mkdtemp(dir) || setenv(SCRATCH_VARIABLE, dir, 1) != 0) {
        perror("refscope fuzz: scratch directory");
        exit(1);
    }
    return 0;
}

static void discard(void *ud, int stream, const char *data, size_t len) {
    (void)ud;
    (void)stream;
    (void)data;
    (void)len;
}

rs_Options fuzz_options(rs_Model model) {
    rs_Options o;
    rs_options_init(&o);
    o.write = discard;
    o.model = model;
    o.memory_limit = FUZZ_MEMORY_LIMIT;
    o.step_limit = FUZZ_STEP_LIMIT;
    o.max_open_files = FUZZ_OPEN_FILES;
    return o;
}

uint64_t fuzz_hash(const uint8_t *data, size_t size) {
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < size; i++) h = (h ^ data[i]) * 1099511628211u;
    return h;
}
