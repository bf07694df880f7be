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
#include <stdbool.h>
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

/* How memory is reclaimed. The host-GC models free nothing when a count reaches zero: a tracing collection
   finds the unreachable objects, and finalizers run later from a queue (README: "The models"). */
typedef enum rs_Model {
    RS_MODEL_CPYTHON = 0, /* reference counting and CPython 3.11's cycle collector */
    RS_MODEL_JVM = 1,     /* Jython's world: young and old generations, a lagging finalizer thread */
    RS_MODEL_CLR = 2,     /* IronPython's world: generations 0-2 with budgets, the f-reachable queue */
    RS_MODEL_BOEHM = 3    /* a mark-sweep heap, finalizers in topological order */
} rs_Model;
#define RS_MODEL_COUNT 4

/* The model called name ("cpython", "jvm", "clr", "boehm"), or -1. */
int rs_model_from_name(const char *name);
const char *rs_model_name(rs_Model model);

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
    rs_Model model;          /* RS_MODEL_CPYTHON by default */
    int max_open_files;      /* files open() may hold at once; 0: 1024, a typical `ulimit -n` (OSError 24 beyond) */
    /* The host-GC models' knobs; 0: the model's default. */
    size_t young_size;       /* objects allocated between young collections (jvm eden, clr gen-0 budget, boehm minimum);
                                counted in objects so that a run gives the same events natively and in wasm */
    int finalizer_slice;     /* finalizers the finalizer thread runs per turn; -1: all that are pending */
    int finalizer_period;    /* safe points (loop iterations, container allocations) between its turns */
    uint64_t step_limit;     /* bytecode instructions a run may execute; 0: no limit. The run then stops where it is,
                                without running except/finally blocks or finalizers, and returns RS_ERROR_LIMIT */
    size_t stack_limit;      /* bytes of the caller's C stack a run may use below the API call; 0: 2 MiB. Deeper
                                recursion (Python calls, comparisons, hashing, str/repr) raises RecursionError
                                before the thread's stack could overflow: set it under the stack you run on */
} rs_Options;

/* Result codes. */
enum {
    RS_OK = 0,
    RS_ERROR_EXCEPTION = 1, /* the script raised; the traceback went to stderr */
    RS_ERROR_EXIT = 2,      /* SystemExit: rs_exit_status() gives the status */
    RS_ERROR_NOMEM = 3,     /* the allocator failed where no MemoryError could be raised */
    RS_ERROR_MISUSE = 4,    /* bad arguments to the API */
    RS_ERROR_LIMIT = 5      /* the run was stopped at its step limit; rs_last_error() says so */
};

/* Fills opts with the defaults. */
void rs_options_init(rs_Options *opts);

/* Creates a state; NULL when the allocator fails (every block it gave is returned first) or opts names no model. */
rs_State *rs_open(const rs_Options *opts);

/* Releases everything the state holds, running pending finalizers first. Called from one of the state's own
   callbacks while it runs code, it does nothing (rs_last_error says so): close it once the run has returned. */
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

/*
 * Ends the run as the interpreter's exit does: atexit callbacks, a last
 * collection, module globals released (their finalizers run). The stats
 * then include what shutdown freed. rs_close does it when not done yet;
 * nothing can run after it.
 */
void rs_finish(rs_State *S);

/* ---- Statistics: what the memory manager did (JSON form: docs/stats.schema.json) ---- */

typedef struct rs_GenerationStats {
    int64_t collections, collected, uncollectable; /* as gc.get_stats() */
} rs_GenerationStats;

/*
 * Counts start when the state is ready: the runtime's own objects (types,
 * built-in modules) are not in them, neither in allocated nor in live.
 */
typedef struct rs_Stats {
    rs_GenerationStats generations[3];
    int64_t objects_allocated, bytes_allocated;
    int64_t objects_freed_by_refcount, objects_freed_by_collection, objects_freed_at_shutdown;
    int64_t live_objects, peak_live_objects;
    int64_t live_bytes, peak_live_bytes;
    int64_t finalizers_run;     /* __del__ and generator closes */
    int64_t resurrections;      /* objects a finalizer made reachable again */
    int64_t weakref_callbacks;
    double collection_seconds;  /* wall time inside the collector */
    double longest_pause_seconds;
    int64_t files_open, peak_files_open;
    uint64_t instructions;      /* bytecode instructions executed: the logical clock */
} rs_Stats;

/*
 * The live heap as a graph, JSON: {"nodes": [{id, type, label, refcount, garbage, finalizer, name?}],
 * "edges": [{from, to, label}], "truncated"}: what the main module's globals reach (labelled by attribute, key
 * or index) and the garbage no collection has found yet (at most 400 nodes). Call it before rs_finish. Writes at
 * most size bytes (NUL-terminated) and returns the full length, as rs_stats_json.
 */
size_t rs_heap_json(rs_State *S, char *buf, size_t size);

void rs_get_stats(const rs_State *S, rs_Stats *out);

/* ---- Events: each thing the memory manager does, as it happens ---- */

typedef enum rs_EventKind {
    RS_EV_ALLOC = 1 << 0,           /* an object was made */
    RS_EV_FREE = 1 << 1,            /* an object was reclaimed (see cause) */
    RS_EV_FINALIZE_START = 1 << 2,  /* its __del__ (or a generator's close) begins */
    RS_EV_FINALIZE_END = 1 << 3,
    RS_EV_GC_START = 1 << 4,        /* a collection of `generation` begins */
    RS_EV_GC_STOP = 1 << 5,
    RS_EV_WEAKREF_CALLBACK = 1 << 6, /* a weak reference's callback is called */
    RS_EV_FILE_OPEN = 1 << 7,
    RS_EV_FILE_CLOSE = 1 << 8,
    RS_EV_ALL = (1 << 9) - 1
} rs_EventKind;

typedef enum rs_Cause {
    RS_CAUSE_REFCOUNT = 0,   /* its last reference went */
    RS_CAUSE_COLLECTION = 1, /* a collection found it unreachable */
    RS_CAUSE_SHUTDOWN = 2    /* the run ended (rs_finish) */
} rs_Cause;

typedef struct rs_Event {
    rs_EventKind kind;
    uint64_t clock;          /* bytecode instructions executed so far */
    const char *file;        /* where the program is: file and line ("" and 0 outside Python code) */
    int line;
    const char *type_name;   /* the object's type; for a weakref callback, the weak reference's */
    uint64_t serial;         /* the object's allocation ordinal in this run (1, 2, ...); 0: made before the run */
    size_t size;             /* ALLOC, FREE: the object's bytes */
    rs_Cause cause;          /* FREE */
    bool resurrected;        /* FINALIZE_END: the finalizer kept the object alive */
    int generation;          /* GC_START, GC_STOP */
    int counts[3];           /* GC_START: gc.get_count() when it began */
    int64_t collected;       /* GC_STOP: unreachable objects found */
    double pause_seconds;    /* GC_STOP: wall time it took (not deterministic, unlike the rest) */
} rs_Event;

typedef void (*rs_EventFn)(void *ud, const rs_Event *event);

/*
 * Calls fn for every event whose kind is in mask (RS_EV_* bits; 0 or a NULL
 * fn turns events off). Set it before running code: serials count from the
 * first allocation after it. The event and its strings live until fn returns.
 */
void rs_set_event_hook(rs_State *S, unsigned mask, rs_EventFn fn, void *ud);

/*
 * The stats as one JSON object (docs/stats.schema.json), written into buf
 * (NUL-terminated when size > 0). Returns the length the whole text needs,
 * as snprintf does.
 */
size_t rs_stats_json(const rs_State *S, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
