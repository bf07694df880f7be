/*
 * cli.h: the parts of the refscope program: event traces (trace.c) and the
 * stats and comparison reports (report.c). All of it uses refscope.h only.
 */
#ifndef RS_CLI_H
#define RS_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "../include/refscope.h"

/* ---- traces ---- */

typedef enum { TRACE_JSONL, TRACE_CHROME } TraceFormat;

typedef struct Trace {
    FILE *file;
    TraceFormat format;
    uint64_t limit, written, dropped;
    rs_State *S;              /* for the chrome counters of live objects and bytes */
    uint64_t last_counter_clock;
    bool any;
} Trace;

/* Parses "alloc,free,finalize,gc,weakref,file" (or "all") into RS_EV_* bits; 0 when a name is unknown. */
unsigned trace_parse_kinds(const char *list);
bool trace_open(Trace *t, const char *path, TraceFormat format, uint64_t limit);
/* The rs_EventFn that writes one event. */
void trace_event(void *ud, const rs_Event *e);
/* Ends the file; reports dropped events on stderr. */
void trace_close(Trace *t);

/* ---- reports ---- */

/* The readable stats table, one column per run. */
void report_stats_table(FILE *out, const char *const *names, const rs_Stats *stats, int n);

/* What one run under one model produced, for --compare. */
/* An object is known across runs as the nth object of its type made in the run (serials drift apart as soon as
   finalizers run at other times and allocate). */
typedef struct Finalization {
    uint64_t serial, clock;
    uint64_t ordinal;             /* 1: the first object of its type */
    int line;
    char type[48];
} Finalization;

typedef struct RunRecord {
    const char *model;
    char *out, *err;              /* captured output */
    size_t out_len, err_len, out_cap, err_cap;
    int status;
    rs_Stats stats;
    char *stats_json;             /* rs_stats_json's text */
    Finalization *finals;         /* finalizer starts, in order */
    size_t nfinals, finals_cap;
    uint32_t *ordinals;           /* by serial: the object's ordinal among its type's */
    size_t ordinals_cap;
    struct TypeCount { const char *name; uint32_t count; } *type_counts; /* open addressing on the name's address */
    size_t type_counts_cap, ntype_counts;
} RunRecord;

void report_compare(FILE *out, const RunRecord *runs, int n);
void report_compare_json(FILE *out, const RunRecord *runs, int n);

/* Writes s as a JSON string. */
void json_string(FILE *out, const char *s, size_t len);

#endif
