/*
 * trace.c: --trace FILE. Events as JSON lines (one object per line, the
 * fields of rs_Event), or in the Chrome Trace Event format (collections and
 * finalizers as duration events, live objects and bytes as counters) that
 * Perfetto and chrome://tracing open. Timestamps are the logical clock
 * (instructions executed), so two runs give the same file.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const struct {
    const char *name;
    unsigned bits;
} kind_names[] = {
    {"alloc", RS_EV_ALLOC},
    {"free", RS_EV_FREE},
    {"finalize", RS_EV_FINALIZE_START | RS_EV_FINALIZE_END},
    {"gc", RS_EV_GC_START | RS_EV_GC_STOP},
    {"weakref", RS_EV_WEAKREF_CALLBACK},
    {"file", RS_EV_FILE_OPEN | RS_EV_FILE_CLOSE},
    {"all", RS_EV_ALL},
};

unsigned trace_parse_kinds(const char *list) {
    unsigned mask = 0;
    while (*list) {
        size_t n = strcspn(list, ",");
        unsigned bits = 0;
        for (size_t i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
            if (strlen(kind_names[i].name) == n && !strncmp(kind_names[i].name, list, n)) bits = kind_names[i].bits;
        if (!bits) return 0;
        mask |= bits;
        list += n;
        if (*list == ',') list++;
    }
    return mask;
}

static const char *kind_name(rs_EventKind k) {
    switch (k) {
    case RS_EV_ALLOC: return "alloc";
    case RS_EV_FREE: return "free";
    case RS_EV_FINALIZE_START: return "finalize_start";
    case RS_EV_FINALIZE_END: return "finalize_end";
    case RS_EV_GC_START: return "gc_start";
    case RS_EV_GC_STOP: return "gc_stop";
    case RS_EV_WEAKREF_CALLBACK: return "weakref_callback";
    case RS_EV_FILE_OPEN: return "file_open";
    case RS_EV_FILE_CLOSE: return "file_close";
    default: return "unknown";
    }
}

static const char *cause_name(rs_Cause c) {
    return c == RS_CAUSE_COLLECTION ? "collection" : c == RS_CAUSE_SHUTDOWN ? "shutdown" : "refcount";
}

void json_string(FILE *out, const char *s, size_t len) {
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c == '\n') fputs("\\n", out);
        else if (c == '\t') fputs("\\t", out);
        else if (c < 0x20) fprintf(out, "\\u%04x", c);
        else fputc(c, out);
    }
    fputc('"', out);
}

bool trace_open(Trace *t, const char *path, TraceFormat format, uint64_t limit) {
    memset(t, 0, sizeof *t);
    t->file = fopen(path, "w");
    if (!t->file) return false;
    t->format = format;
    t->limit = limit;
    if (format == TRACE_CHROME)
        fputs("{\"displayTimeUnit\": \"ns\", \"otherData\": {\"clock\": \"bytecode instructions\"}, \"traceEvents\": [\n", t->file);
    return true;
}

static void write_jsonl(Trace *t, const rs_Event *e) {
    FILE *f = t->file;
    fprintf(f, "{\"kind\": \"%s\", \"clock\": %llu, \"file\": ", kind_name(e->kind), (unsigned long long)e->clock);
    json_string(f, e->file, strlen(e->file));
    fprintf(f, ", \"line\": %d", e->line);
    switch (e->kind) {
    case RS_EV_GC_START:
        fprintf(f, ", \"generation\": %d, \"counts\": [%d, %d, %d]", e->generation, e->counts[0], e->counts[1], e->counts[2]);
        break;
    case RS_EV_GC_STOP:
        fprintf(f, ", \"generation\": %d, \"collected\": %lld, \"pause_seconds\": %.6f", e->generation, (long long)e->collected,
                e->pause_seconds);
        break;
    default:
        fprintf(f, ", \"type\": ");
        json_string(f, e->type_name, strlen(e->type_name));
        fprintf(f, ", \"serial\": %llu", (unsigned long long)e->serial);
        if (e->kind == RS_EV_ALLOC || e->kind == RS_EV_FREE) fprintf(f, ", \"size\": %zu", e->size);
        if (e->kind == RS_EV_FREE) fprintf(f, ", \"cause\": \"%s\"", cause_name(e->cause));
        if (e->kind == RS_EV_FINALIZE_END) fprintf(f, ", \"resurrected\": %s", e->resurrected ? "true" : "false");
    }
    fputs("}\n", f);
}

static void chrome_event(Trace *t, const char *ph, const char *name, uint64_t ts, const char *args_fmt, ...) {
    FILE *f = t->file;
    fprintf(f, "%s{\"ph\": \"%s\", \"pid\": 1, \"tid\": 1, \"ts\": %llu, \"name\": ", t->any ? ",\n" : "", ph,
            (unsigned long long)ts);
    json_string(f, name, strlen(name));
    if (args_fmt) {
        va_list ap;
        va_start(ap, args_fmt);
        fputs(", \"args\": ", f);
        vfprintf(f, args_fmt, ap);
        va_end(ap);
    }
    fputc('}', f);
    t->any = true;
}

static void write_chrome(Trace *t, const rs_Event *e) {
    char name[160];
    switch (e->kind) {
    case RS_EV_GC_START:
        snprintf(name, sizeof name, "collect generation %d", e->generation);
        chrome_event(t, "B", name, e->clock, "{\"counts\": [%d, %d, %d]}", e->counts[0], e->counts[1], e->counts[2]);
        break;
    case RS_EV_GC_STOP:
        snprintf(name, sizeof name, "collect generation %d", e->generation);
        chrome_event(t, "E", name, e->clock, "{\"collected\": %lld}", (long long)e->collected);
        break;
    case RS_EV_FINALIZE_START:
    case RS_EV_FINALIZE_END:
        snprintf(name, sizeof name, "finalize %s #%llu", e->type_name, (unsigned long long)e->serial);
        chrome_event(t, e->kind == RS_EV_FINALIZE_START ? "B" : "E", name, e->clock, "{\"line\": %d}", e->line);
        break;
    case RS_EV_WEAKREF_CALLBACK:
    case RS_EV_FILE_OPEN:
    case RS_EV_FILE_CLOSE:
        snprintf(name, sizeof name, "%s %s #%llu", kind_name(e->kind), e->type_name, (unsigned long long)e->serial);
        chrome_event(t, "i", name, e->clock, "{\"line\": %d}", e->line);
        break;
    default:
        break;
    }
    /* live objects and bytes, once per clock tick at most */
    if ((e->kind == RS_EV_ALLOC || e->kind == RS_EV_FREE || e->kind == RS_EV_GC_STOP) && t->S &&
        (e->clock != t->last_counter_clock || !t->any)) {
        rs_Stats st;
        rs_get_stats(t->S, &st);
        chrome_event(t, "C", "live", e->clock, "{\"objects\": %lld, \"bytes\": %lld}", (long long)st.live_objects,
                     (long long)st.live_bytes);
        t->last_counter_clock = e->clock;
    }
}

void trace_event(void *ud, const rs_Event *e) {
    Trace *t = ud;
    if (t->written >= t->limit) {
        t->dropped++;
        return;
    }
    t->written++;
    if (t->format == TRACE_CHROME) write_chrome(t, e);
    else write_jsonl(t, e);
}

void trace_close(Trace *t) {
    if (!t->file) return;
    if (t->format == TRACE_CHROME) {
        if (t->dropped) chrome_event(t, "M", "dropped events", 0, "{\"count\": %llu}", (unsigned long long)t->dropped);
        fputs("\n]}\n", t->file);
    } else if (t->dropped) {
        fprintf(t->file, "{\"kind\": \"dropped\", \"count\": %llu}\n", (unsigned long long)t->dropped);
    }
    fclose(t->file);
    t->file = NULL;
    if (t->dropped)
        fprintf(stderr, "refscope: trace: %llu events after the first %llu were dropped (--trace-limit)\n",
                (unsigned long long)t->dropped, (unsigned long long)t->limit);
}
