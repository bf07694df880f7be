/*
 * clock.c: reads the host's clocks (POSIX clock_gettime, which Emscripten
 * provides too).
 */
#include "clock.h"
#include <time.h>

static struct timespec read_clock(ClockKind kind) {
    static const clockid_t ids[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID};
    struct timespec ts = {0, 0};
    clock_gettime(ids[kind], &ts);
    return ts;
}

double clock_seconds(ClockKind kind) {
    struct timespec ts = read_clock(kind);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int64_t clock_wall_ns(void) {
    struct timespec ts = read_clock(CLOCK_KIND_WALL);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
