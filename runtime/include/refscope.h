/*
 * refscope.h: the whole public embedding API of refscope, a runtime for a
 * subset of Python 3 whose memory management is CPython's.
 *
 * An embedder creates a state with rs_open(), runs code in it, and closes it
 * with rs_close(). Every byte the runtime uses comes from the allocator the
 * embedder passes in rs_Options; the runtime never calls malloc or free, never
 * exits and never aborts on bad input: errors come back as codes plus a
 * message. States are independent: several may live in one process.
 */
#ifndef REFSCOPE_H
#define REFSCOPE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RS_VERSION "0.1.0"
#define RS_PYTHON_VERSION "3.11"

typedef struct rs_State rs_State;

/*
 * The allocator contract (as Lua's lua_Alloc):
 *   ptr == NULL, nsize > 0: allocate nsize bytes; return NULL on failure.
 *   ptr != NULL, nsize == 0: free ptr, whose size was osize; return NULL.
 *   ptr != NULL, nsize > 0: resize the block of osize bytes to nsize bytes,
 *                           keeping min(osize, nsize) bytes; NULL on failure
 *                           (then ptr is left untouched).
 * osize is always the exact size the runtime asked for earlier, so an
 * allocator can keep no size headers of its own. Blocks must be aligned for
 * any C object (as malloc's). The runtime handles every NULL it is given.
 */
typedef void *(*rs_Alloc)(void *ud, void *ptr, size_t osize, size_t nsize);

/* Where the script's output goes: stream 1 is stdout, 2 is stderr. */
typedef void (*rs_WriteFn)(void *ud, int stream, const char *data, size_t len);

/*
 * Reads one line of standard input for input() into buf (at most cap bytes,
 * newline included when present); returns the byte count, 0 at end of input.
 */
typedef size_t (*rs_ReadLineFn)(void *ud, char *buf, size_t cap);

typedef struct rs_Options {
    rs_Alloc alloc;          /* NULL: the C library's realloc/free */
    void *alloc_ud;
    rs_WriteFn write;        /* NULL: output is discarded */
    void *write_ud;
    rs_ReadLineFn read_line; /* NULL: input() raises EOFError */
    void *read_ud;
    size_t memory_limit;     /* bytes; 0: no limit (MemoryError beyond it) */
    int recursion_limit;     /* 0: 1000, as CPython's default */
    int gc_stress;           /* 1: collect generation 0 before every container allocation, 2: a full collection (finds GC bugs) */
    int argc;                /* sys.argv */
    const char *const *argv;
} rs_Options;

/* Result codes. */
enum {
    RS_OK = 0,
    RS_ERROR_EXCEPTION = 1, /* the script raised; the traceback went to stderr */
    RS_ERROR_EXIT = 2,      /* SystemExit: rs_exit_status() gives the status */
    RS_ERROR_NOMEM = 3,     /* the allocator failed where no MemoryError could be raised */
    RS_ERROR_MISUSE = 4     /* bad arguments to the API */
};

/* Fills opts with the defaults. */
void rs_options_init(rs_Options *opts);

/* Creates a state; NULL only when its first allocation fails. */
rs_State *rs_open(const rs_Options *opts);

/* Releases everything the state holds, running pending finalizers first. */
void rs_close(rs_State *S);

/*
 * Runs source code as the __main__ module (a file's text; filename is used in
 * tracebacks and to find sibling modules to import). Returns an RS_ code; an
 * uncaught exception is printed to stream 2 as CPython prints it.
 */
int rs_run_string(rs_State *S, const char *source, size_t len, const char *filename);

/* Reads and runs a file from disk. */
int rs_run_file(rs_State *S, const char *path);

/*
 * Runs one interactive-prompt entry (a statement or expression; an
 * expression's repr is written as the prompt does). *incomplete is set when
 * the text is the start of a compound statement that needs more lines.
 */
int rs_run_interactive(rs_State *S, const char *source, size_t len, int *incomplete);

/* The exit status a SystemExit asked for (after RS_ERROR_EXIT). */
int rs_exit_status(const rs_State *S);

/* The message of the last error returned by the API, "" when none. */
const char *rs_last_error(const rs_State *S);

/* Live objects and bytes the runtime holds right now. */
size_t rs_live_objects(const rs_State *S);
size_t rs_live_bytes(const rs_State *S);

#ifdef __cplusplus
}
#endif
#endif
