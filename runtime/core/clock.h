/*
 * clock.h: the host's clocks, for measuring only (time.perf_counter, the
 * collector's pauses). Nothing in a run's semantics may depend on them.
 */
#ifndef RS_CLOCK_H
#define RS_CLOCK_H

#include <stdint.h>

typedef enum { CLOCK_KIND_WALL, CLOCK_KIND_MONOTONIC, CLOCK_KIND_CPU } ClockKind;

double clock_seconds(ClockKind kind);
int64_t clock_wall_ns(void);

#endif
