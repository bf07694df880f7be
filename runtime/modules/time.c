/*
 * time.c: the time module: clocks for measuring (time, perf_counter,
 * monotonic, process_time). They read the host's clocks; nothing in the
 * runtime's semantics depends on them.
 */
#include <time.h>
#include "registry.h"
#include "../core/clock.h"
#include "../objects/cfunc.h"
#include "../objects/exception.h"
#include "../objects/float.h"
#include "../objects/int.h"
#include "../objects/module.h"

static Obj *t_time(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "time", kw) < 0 || args_count(S, "time", nargs, 0, 0) < 0) return NULL;
    return float_new(S, clock_seconds(CLOCK_KIND_WALL));
}

static Obj *t_perf_counter(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "perf_counter", kw) < 0 || args_count(S, "perf_counter", nargs, 0, 0) < 0) return NULL;
    return float_new(S, clock_seconds(CLOCK_KIND_MONOTONIC));
}

static Obj *t_process_time(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "process_time", kw) < 0 || args_count(S, "process_time", nargs, 0, 0) < 0) return NULL;
    return float_new(S, clock_seconds(CLOCK_KIND_CPU));
}

static Obj *t_time_ns(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "time_ns", kw) < 0 || args_count(S, "time_ns", nargs, 0, 0) < 0) return NULL;
    return int_from_i64(S, clock_wall_ns());
}

static Obj *t_sleep(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    if (args_no_kwargs(S, "sleep", kw) < 0 || args_count(S, "sleep", nargs, 1, 1) < 0) return NULL;
    double secs;
    if (float_as_double(S, args[0], &secs) < 0) return NULL;
    if (secs != secs) return exc_raisef(S, S->e_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) return exc_raisef(S, S->e_ValueError, "sleep length must be non-negative");
    /* CPython counts time in int64 nanoseconds */
    if (secs >= 9223372036.854775807)
        return exc_raisef(S, S->e_OverflowError, "timestamp out of range for platform time_t");
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION /* a fuzzer must not wait: the step limit does not count sleep */
    struct timespec ts = {(time_t)secs, (long)((secs - (double)(time_t)secs) * 1e9)};
    nanosleep(&ts, NULL);
#endif
    return NEWREF(S->none);
}

static const CFuncDef time_functions[] = {{"time", t_time},       {"perf_counter", t_perf_counter}, {"monotonic", t_perf_counter},
                                           {"process_time", t_process_time}, {"time_ns", t_time_ns}, {"sleep", t_sleep},
                                           {NULL, NULL}};

Obj *time_create(rs_State *S) {
    Obj *m = module_new(S, "time");
    if (!m) return NULL;
    if (cfunc_add_functions(S, ((Module *)m)->dict, time_functions, m) < 0) {
        DECREF(S, m);
        return NULL;
    }
    return m;
}
