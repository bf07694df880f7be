/*
 * state.h: rs_State, the one place where a runtime's mutable state lives.
 * Nothing in refscope is global: built-in types, singletons, interned
 * strings, the collector's lists, the current exception and the frame stack
 * all hang off the state, so independent states never interfere.
 */
#ifndef RS_STATE_H
#define RS_STATE_H

#include <stdbool.h>
#include <stdint.h>
#include "../include/refscope.h"
#include "mem.h"
#include "util.h"

struct Obj;
struct Type;
struct Dict;
struct Tuple;
struct Str;
struct Frame;
struct Int;
struct GCHead;

/* Every built-in type: X(field name, Python name). */
#define RS_BUILTIN_TYPES(X) \
    X(object, "object") X(type, "type") X(none, "NoneType") X(notimpl, "NotImplementedType") \
    X(ellipsis, "ellipsis") X(int, "int") X(bool, "bool") X(float, "float") X(str, "str") \
    X(tuple, "tuple") X(list, "list") X(dict, "dict") X(set, "set") X(frozenset, "frozenset") \
    X(range, "range") X(slice, "slice") X(function, "function") X(method, "method") \
    X(builtin, "builtin_function_or_method") X(method_descr, "method_descriptor") \
    X(code, "code") X(frame, "frame") X(cell, "cell") X(module, "module") \
    X(generator, "generator") X(traceback, "traceback") X(property, "property") \
    X(classmethod, "classmethod") X(staticmethod, "staticmethod") X(super, "super") \
    X(list_iter, "list_iterator") X(tuple_iter, "tuple_iterator") X(str_iter, "str_ascii_iterator") \
    X(range_iter, "range_iterator") X(dict_keys, "dict_keys") X(dict_values, "dict_values") \
    X(dict_items, "dict_items") X(dict_iter, "dict_iterator") X(set_iter, "set_iterator") \
    X(seq_iter, "iterator") X(enumerate, "enumerate") X(zip, "zip") X(map, "map") \
    X(filter, "filter") X(reversed, "reversed") X(callable_iter, "callable_iterator") \
    X(file, "TextIOWrapper") X(getset, "getset_descriptor") X(member, "member_descriptor") \
    X(bytes, "bytes") X(bytes_iter, "bytes_iterator") X(weakref, "weakref.ReferenceType") \
    X(weakproxy, "weakref.ProxyType") X(weakcallableproxy, "weakref.CallableProxyType") \
    X(textio, "_io.TextIOWrapper") X(bufreader, "_io.BufferedReader") X(bufwriter, "_io.BufferedWriter")

/* The exception hierarchy: X(field, Python name, base field). Order: bases first. */
#define RS_EXCEPTION_TYPES(X) \
    X(BaseException, "BaseException", object) \
    X(SystemExit, "SystemExit", BaseException) \
    X(KeyboardInterrupt, "KeyboardInterrupt", BaseException) \
    X(GeneratorExit, "GeneratorExit", BaseException) \
    X(Exception, "Exception", BaseException) \
    X(StopIteration, "StopIteration", Exception) \
    X(ArithmeticError, "ArithmeticError", Exception) \
    X(FloatingPointError, "FloatingPointError", ArithmeticError) \
    X(OverflowError, "OverflowError", ArithmeticError) \
    X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError) \
    X(AssertionError, "AssertionError", Exception) \
    X(AttributeError, "AttributeError", Exception) \
    X(BufferError, "BufferError", Exception) \
    X(EOFError, "EOFError", Exception) \
    X(ImportError, "ImportError", Exception) \
    X(ModuleNotFoundError, "ModuleNotFoundError", ImportError) \
    X(LookupError, "LookupError", Exception) \
    X(IndexError, "IndexError", LookupError) \
    X(KeyError, "KeyError", LookupError) \
    X(MemoryError, "MemoryError", Exception) \
    X(NameError, "NameError", Exception) \
    X(UnboundLocalError, "UnboundLocalError", NameError) \
    X(OSError, "OSError", Exception) \
    X(FileNotFoundError, "FileNotFoundError", OSError) \
    X(FileExistsError, "FileExistsError", OSError) \
    X(IsADirectoryError, "IsADirectoryError", OSError) \
    X(PermissionError, "PermissionError", OSError) \
    X(ReferenceError, "ReferenceError", Exception) \
    X(RuntimeError, "RuntimeError", Exception) \
    X(NotImplementedError, "NotImplementedError", RuntimeError) \
    X(RecursionError, "RecursionError", RuntimeError) \
    X(SyntaxError, "SyntaxError", Exception) \
    X(IndentationError, "IndentationError", SyntaxError) \
    X(TabError, "TabError", IndentationError) \
    X(SystemError, "SystemError", Exception) \
    X(TypeError, "TypeError", Exception) \
    X(ValueError, "ValueError", Exception) \
    X(UnicodeError, "UnicodeError", ValueError) \
    X(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError) \
    X(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError) \
    X(Warning, "Warning", Exception) \
    X(UserWarning, "UserWarning", Warning) \
    X(DeprecationWarning, "DeprecationWarning", Warning) \
    X(RuntimeWarning, "RuntimeWarning", Warning) \
    X(ResourceWarning, "ResourceWarning", Warning) \
    X(StopAsyncIteration, "StopAsyncIteration", Exception)

#define RS_SMALL_INT_MIN (-5)
#define RS_SMALL_INT_MAX 256
#define RS_OUTBUF_SIZE 8192

typedef struct OutBuf {
    char data[RS_OUTBUF_SIZE];
    size_t len;
} OutBuf;

struct rs_State {
    Mem mem;
    rs_Options opts;
    size_t live_objects;

#define X_FIELD(f, n) struct Type *t_##f;
    RS_BUILTIN_TYPES(X_FIELD)
#undef X_FIELD
#define X_FIELD(f, n, b) struct Type *e_##f;
    RS_EXCEPTION_TYPES(X_FIELD)
#undef X_FIELD

    struct Obj *none, *notimpl, *ellipsis, *true_, *false_;
    struct Tuple *empty_tuple;
    struct Str *empty_str;
    struct Str *chars[128];          /* one-character ASCII strings */
    struct Int *small_ints[RS_SMALL_INT_MAX - RS_SMALL_INT_MIN + 1];
    struct Dict *interned;           /* str -> str: names and identifiers */
    struct Str **names;              /* interned dunder and common names, see names.h */

    /* The cycle collector (gc/collector.c): generation lists, as CPython 3.11's gcstate. */
    struct GCHead *gc_list;          /* = gc_gen[0]: new objects are tracked here */
    struct GCHead *gc_gen[3];        /* sentinels of the three generations */
    struct GCHead *gc_permanent;     /* gc.freeze() moves objects here */
    int gc_threshold[3];
    int gc_count[3];
    /* How many entries CPython's free lists would hold (tuples by length 1..19, lists, dicts): taking from or
       giving to a free list does not change gc.get_count(), so refscope counts as if it kept them. */
    int gc_free_tuples[20], gc_free_lists, gc_free_dicts;
    int64_t gc_long_lived_total, gc_long_lived_pending;
    int64_t gc_collections[3], gc_collected[3], gc_uncollectable[3];
    bool gc_enabled, gc_collecting;
    int gc_stress;                   /* 1: collect generation 0 before every container allocation, 2: a full collection */
    int gc_debug;
    struct Obj *gc_garbage;          /* gc.garbage */
    struct Obj *gc_callbacks;        /* gc.callbacks */
    struct Obj *atexit_callbacks;    /* atexit.register(): (func, args, kwargs) tuples */

    /* The host-GC models (gc/hostgc.c); idle under cpython. */
    int model;                       /* rs_Model */
    bool defer_frees;                /* a count reaching zero frees nothing: the object waits for a collection */
    bool reclaiming;                 /* a collection is freeing its garbage */
    bool host_ended;                 /* the program ended: no finalizer runs any more, resources still close */
    bool finalizing;                 /* the simulated finalizer thread is running a finalizer */
    struct Obj **zombies;            /* objects without a GCHead whose count reached zero */
    size_t nzombies, zombies_cap;
    struct Pending {                 /* the finalizer thread's queue: obj's finalizer, or callback(obj) for a weakref */
        struct Obj *obj, *callback;
    } *pending;
    size_t pending_head, pending_len, pending_cap;
    uint64_t allocations;            /* objects ever allocated */
    uint64_t young_mark, gen1_mark;  /* allocations at the last young and generation-1 collections */
    size_t full_trigger;             /* live objects beyond which the next collection is a full one */
    size_t young_size;               /* in objects */
    int finalizer_slice, finalizer_period, finalizer_ticks;

    /* A cache of type attribute lookups (type, name) -> value, as CPython's type cache. Entries are
       valid while type_version is unchanged: any change to a class's dict bumps it. */
    struct TypeCacheEntry {
        struct Type *type;
        struct Str *name;
        struct Obj *value;   /* borrowed; NULL: the name is not there */
        uint64_t version;
    } type_cache[4096];
    uint64_t type_version;

    /* Observation (gc/observe.c): the stats counters, counted from when the state is ready, and the event hook. */
    rs_Stats stats;                   /* the counters kept as they are; the rest derive (observe_stats) */
    int64_t freed_by_cause[3];        /* by rs_Cause */
    rs_Stats frozen;                  /* the stats when the runtime began to take itself apart */
    bool tracking_objects;            /* events that need serials are on */
    size_t base_objects, base_bytes;  /* the runtime's own, at ready */
    size_t peak_live_objects;
    int free_cause;                   /* rs_Cause of the frees happening now */
    uint64_t clock;                   /* instructions executed */
    uint64_t step_deadline;           /* the clock at which the run stops (UINT64_MAX: no step limit) */
    uint64_t clock_alarm;             /* the clock at which a loop's back-edge looks at the step limit and ends the
                                         frame's turn (vm/eval.c): the earlier of step_deadline and the next turn's end */
    bool stopped;                     /* the step limit was reached: the run unwinds without handlers */
    unsigned event_mask;
    rs_EventFn event_fn;
    void *event_ud;
    struct SerialMap {                /* object -> serial, kept only while events are on */
        struct Obj **keys;
        uint64_t *serials;
        size_t cap, used, tombstones;
    } serials;
    int64_t live_at_end, live_bytes_at_end, allocated_at_end, peak_at_end; /* when the script ended */
    uint64_t next_serial;
    bool ready;                       /* observe_ready ran: objects are the script's from now on */
    bool observe_off;                 /* the runtime's own teardown: not counted */
    bool finished;                    /* rs_finish ran */

    /* Exceptions. */
    struct Obj *exc;                 /* being raised, NULL when none */
    struct Obj *handled;             /* being handled (sys.exc_info()), NULL when none */
    struct Obj *memory_error;        /* preallocated, raised when allocation fails */
    /* While > 0 (inside obj_lookup_attr, and no Python frame since), an AttributeError is raised as this
       preallocated instance: CPython 3.11 never makes the exception object a C caller clears at once. */
    int attr_quiet;
    struct Obj *quiet_attr_error;

    /* Execution. */
    struct Frame *frame;             /* innermost running frame */
    int depth, recursion_limit;
    int int_max_str_digits;          /* sys.set_int_max_str_digits: decimal conversions longer are refused (0: none) */
    int dealloc_nesting;             /* containers being freed inside one another (obj_dealloc's trashcan) */
    struct GCHead *trash;            /* containers waiting to be freed at the outermost dealloc */
    uintptr_t stack_base;            /* the C stack where the outermost run began (0: none running) */
    size_t stack_limit;              /* bytes of C stack from there a run may use (rs_Options.stack_limit) */
    int repr_depth;
    bool repr_used;                  /* repr_enter ran once (CPython then has made its Py_Repr list) */
    /* The keyword parsers (args_bind's name lists) used with keywords so far: CPython 3.11 makes each one's
       keyword tuple on that first use. */
    const void **kw_parsers;
    size_t nkw_parsers, kw_parsers_cap;
    struct Dict *builtins;           /* the builtins module's dict */
    struct Dict *modules;            /* sys.modules */
    struct Obj *sys_module;
    struct Obj *main_module;
    struct Obj *repr_stack;          /* list of containers being repr'd */
    struct Dict *sources;            /* filename -> source text, for tracebacks */
    int exit_status;
    int files_open, peak_files_open, max_open_files; /* open() files (objects/fileobj.c) */
    bool exiting;                    /* SystemExit propagating to the top */
    bool closing;
    bool in_call;                    /* inside rs_run_*, rs_finish or rs_close: a callback may not re-enter them */
    char last_error[256];
    OutBuf out, err;
};

/* The run has used the C stack it may (rs_Options.stack_limit): what recurses in C raises RecursionError rather
   than let the thread's stack overflow. */
static inline bool state_stack_exhausted(const rs_State *S) {
    return util_stack_distance(S->stack_base, util_stack_position()) > S->stack_limit;
}

#endif
