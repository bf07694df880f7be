/*
 * report.c: what the refscope program prints about memory: the --stats
 * table (one column per run) and the --compare report (outputs that differ,
 * the stats side by side, and the objects whose finalizers ran at another
 * line or much later), as text and as JSON for the web front end.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* Finalizers this many instructions apart count as "much later". */
#define LATE_INSTRUCTIONS 1000

static void human_bytes(char *buf, size_t size, int64_t b) {
    if (b < 10 * 1024) snprintf(buf, size, "%" PRId64 " B", b);
    else if (b < 10 * 1024 * 1024) snprintf(buf, size, "%.1f KiB", (double)b / 1024);
    else snprintf(buf, size, "%.1f MiB", (double)b / (1024.0 * 1024));
}

typedef enum { ROW_INT, ROW_BYTES, ROW_MS } RowKind;

typedef struct Row {
    const char *label;
    RowKind kind;
    size_t offset; /* of an int64_t, or a double for ROW_MS, in rs_Stats */
} Row;

#define ROW(label, kind, field) {label, kind, offsetof(rs_Stats, field)}
static const Row rows[] = {
    ROW("objects allocated", ROW_INT, objects_allocated),
    ROW("  freed by reference counting", ROW_INT, objects_freed_by_refcount),
    ROW("  freed by a collection", ROW_INT, objects_freed_by_collection),
    ROW("  freed at shutdown", ROW_INT, objects_freed_at_shutdown),
    ROW("  live at the end", ROW_INT, live_objects),
    ROW("  peak live", ROW_INT, peak_live_objects),
    ROW("bytes allocated", ROW_BYTES, bytes_allocated),
    ROW("  live at the end", ROW_BYTES, live_bytes),
    ROW("  peak live", ROW_BYTES, peak_live_bytes),
    ROW("collections, generation 0", ROW_INT, generations[0].collections),
    ROW("collections, generation 1", ROW_INT, generations[1].collections),
    ROW("collections, generation 2", ROW_INT, generations[2].collections),
    ROW("  objects they collected", ROW_INT, generations[0].collected), /* summed below */
    ROW("  uncollectable", ROW_INT, generations[0].uncollectable),     /* summed below */
    ROW("time collecting (ms)", ROW_MS, collection_seconds),
    ROW("  longest pause (ms)", ROW_MS, longest_pause_seconds),
    ROW("finalizers run", ROW_INT, finalizers_run),
    ROW("resurrections", ROW_INT, resurrections),
    ROW("weakref callbacks", ROW_INT, weakref_callbacks),
    ROW("files open at the end", ROW_INT, files_open),
    ROW("  peak open", ROW_INT, peak_files_open),
    ROW("instructions executed", ROW_INT, instructions),
};

static void cell(char *buf, size_t size, const Row *r, const rs_Stats *s) {
    const char *base = (const char *)s;
    if (r->kind == ROW_MS) {
        snprintf(buf, size, "%.3f", *(const double *)(base + r->offset) * 1000);
        return;
    }
    int64_t v = *(const int64_t *)(base + r->offset);
    if (r->offset == offsetof(rs_Stats, generations[0].collected) || r->offset == offsetof(rs_Stats, generations[0].uncollectable)) {
        size_t stride = sizeof(rs_GenerationStats);
        v += *(const int64_t *)(base + r->offset + stride) + *(const int64_t *)(base + r->offset + 2 * stride);
    }
    if (r->kind == ROW_BYTES) human_bytes(buf, size, v);
    else snprintf(buf, size, "%" PRId64, v);
}

void report_stats_table(FILE *out, const char *const *names, const rs_Stats *stats, int n) {
    fprintf(out, "%-32s", "refscope stats");
    for (int j = 0; j < n; j++) fprintf(out, " %14s", names[j]);
    fputc('\n', out);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        fprintf(out, "%-32s", rows[i].label);
        for (int j = 0; j < n; j++) {
            char buf[32];
            cell(buf, sizeof buf, &rows[i], &stats[j]);
            fprintf(out, " %14s", buf);
        }
        fputc('\n', out);
    }
}

/* ---- comparison ---- */

static int by_type_and_ordinal(const void *a, const void *b) {
    const Finalization *x = *(const Finalization *const *)a, *y = *(const Finalization *const *)b;
    int c = strcmp(x->type, y->type);
    return c ? c : (x->ordinal > y->ordinal) - (x->ordinal < y->ordinal);
}

/* The finalizations of r sorted by type and ordinal, to find an object's (NULL when out of memory). */
static const Finalization **index_finals(const RunRecord *r) {
    const Finalization **index = malloc((r->nfinals + 1) * sizeof *index);
    if (!index) return NULL;
    for (size_t i = 0; i < r->nfinals; i++) index[i] = &r->finals[i];
    qsort(index, r->nfinals, sizeof *index, by_type_and_ordinal);
    return index;
}

static const Finalization *find_final(const Finalization **index, size_t n, const Finalization *key) {
    const Finalization *const *found = bsearch(&key, index, n, sizeof *index, by_type_and_ordinal);
    return found ? *found : NULL;
}

static bool same_output(const RunRecord *a, const RunRecord *b) {
    return a->out_len == b->out_len && (a->out_len == 0 || !memcmp(a->out, b->out, a->out_len));
}

/* Calls fn for each finalization of runs[0] that another run did elsewhere, later or never. */
typedef void (*DiffFn)(void *ud, const RunRecord *other, const Finalization *base, const Finalization *there);

static int each_finalizer_difference(const RunRecord *runs, int n, DiffFn fn, void *ud) {
    int count = 0;
    for (int j = 1; j < n; j++) {
        const Finalization **index = index_finals(&runs[j]);
        if (!index) continue;
        for (size_t i = 0; i < runs[0].nfinals; i++) {
            const Finalization *b = &runs[0].finals[i], *o = find_final(index, runs[j].nfinals, b);
            if (o && o->line == b->line && o->clock < b->clock + LATE_INSTRUCTIONS) continue;
            fn(ud, &runs[j], b, o);
            count++;
        }
        free(index);
    }
    return count;
}

/* The text report shows this many finalizer differences per model, then counts the rest. */
#define SHOWN_DIFFERENCES 5

typedef struct TextDiffs {
    FILE *out;
    const RunRecord *model;       /* the model being reported */
    int64_t shown, never, moved;  /* for that model */
} TextDiffs;

static void text_difference(void *ud, const RunRecord *other, const Finalization *b, const Finalization *o) {
    TextDiffs *d = ud;
    if (other != d->model) return;
    if (o) d->moved++;
    else d->never++;
    if (d->shown++ >= SHOWN_DIFFERENCES) return;
    if (!o)
        fprintf(d->out, "  %s #%" PRIu64 ": finalized at line %d under cpython, never under %s\n", b->type, b->ordinal, b->line,
                other->model);
    else
        fprintf(d->out, "  %s #%" PRIu64 ": finalized at line %d under cpython, at line %d under %s (%" PRIu64 " instructions later)\n",
                b->type, b->ordinal, b->line, o->line, other->model, o->clock > b->clock ? o->clock - b->clock : 0);
}

static int compare_row(FILE *out, const char *what, int64_t base, const char *base_model, int64_t v, const char *model) {
    if (v == base) return 0;
    fprintf(out, "  %s: %" PRId64 " under %s, %" PRId64 " under %s\n", what, base, base_model, v, model);
    return 1;
}

void report_compare(FILE *out, const RunRecord *runs, int n) {
    bool outputs_differ = false;
    for (int j = 1; j < n; j++) outputs_differ |= !same_output(&runs[0], &runs[j]);
    if (outputs_differ) {
        for (int j = 0; j < n; j++) {
            fprintf(out, "== stdout under %s (exit status %d)\n", runs[j].model, runs[j].status);
            fwrite(runs[j].out, 1, runs[j].out_len, out);
        }
    } else {
        fprintf(out, "== stdout (the same under %s", runs[0].model);
        for (int j = 1; j < n; j++) fprintf(out, ", %s", runs[j].model);
        fprintf(out, "; exit status %d)\n", runs[0].status);
        fwrite(runs[0].out, 1, runs[0].out_len, out);
    }
    fputs("== stats\n", out);
    const char *names[8];
    rs_Stats stats[8];
    for (int j = 0; j < n && j < 8; j++) {
        names[j] = runs[j].model;
        stats[j] = runs[j].stats;
    }
    report_stats_table(out, names, stats, n < 8 ? n : 8);
    fputs("== differences\n", out);
    int count = 0;
    for (int j = 1; j < n; j++) {
        TextDiffs d = {out, &runs[j], 0, 0, 0};
        each_finalizer_difference(runs, n, text_difference, &d);
        if (d.shown > SHOWN_DIFFERENCES)
            fprintf(out, "  ... %" PRId64 " finalizers in all differ under %s: %" PRId64 " never ran, %" PRId64 " ran elsewhere or later\n",
                    d.shown, runs[j].model, d.never, d.moved);
        const rs_Stats *a = &runs[0].stats, *b = &runs[j].stats;
        const char *m0 = runs[0].model, *m = runs[j].model;
        count += (int)(d.shown > 0);
        count += compare_row(out, "finalizers run", a->finalizers_run, m0, b->finalizers_run, m);
        count += compare_row(out, "peak live objects", a->peak_live_objects, m0, b->peak_live_objects, m);
        count += compare_row(out, "peak live bytes", a->peak_live_bytes, m0, b->peak_live_bytes, m);
        count += compare_row(out, "peak open files", a->peak_files_open, m0, b->peak_files_open, m);
        count += compare_row(out, "files still open at the end", a->files_open, m0, b->files_open, m);
        count += compare_row(out, "exit status", runs[0].status, m0, runs[j].status, m);
    }
    if (!count) fputs("  none\n", out);
}

typedef struct JsonDiffs {
    FILE *out;
    bool any;
} JsonDiffs;

static void json_difference(void *ud, const RunRecord *other, const Finalization *b, const Finalization *o) {
    JsonDiffs *d = ud;
    fprintf(d->out, "%s{\"serial\": %" PRIu64 ", \"ordinal\": %" PRIu64 ", \"type\": ", d->any ? ", " : "", b->serial, b->ordinal);
    json_string(d->out, b->type, strlen(b->type));
    fprintf(d->out, ", \"model\": \"%s\", \"line\": %d, \"clock\": %" PRIu64, other->model, b->line, b->clock);
    if (o) fprintf(d->out, ", \"other_line\": %d, \"other_clock\": %" PRIu64 "}", o->line, o->clock);
    else fputs(", \"other_line\": null, \"other_clock\": null}", d->out);
    d->any = true;
}

void report_compare_json(FILE *out, const RunRecord *runs, int n) {
    fputs("{\"runs\": [", out);
    for (int j = 0; j < n; j++) {
        fprintf(out, "%s{\"model\": \"%s\", \"exit_status\": %d, \"stdout\": ", j ? ", " : "", runs[j].model, runs[j].status);
        json_string(out, runs[j].out, runs[j].out_len);
        fputs(", \"stderr\": ", out);
        json_string(out, runs[j].err, runs[j].err_len);
        fprintf(out, ", \"stats\": %s}", runs[j].stats_json ? runs[j].stats_json : "null");
    }
    fputs("], \"finalizer_differences\": [", out);
    JsonDiffs d = {out, false};
    each_finalizer_difference(runs, n, json_difference, &d);
    fputs("]}\n", out);
}
