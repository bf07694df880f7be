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
    setvbuf(t->file, NULL, _IOFBF, 1 << 20);
    t->format = format;
    t->limit = limit;
    if (format == TRACE_CHROME)
        fputs("{\"displayTimeUnit\": \"ns\", \"otherData\": {\"clock\": \"bytecode instructions\"}, \"traceEvents\": [\n", t->file);
    return true;
}

/* A JSON line is built in memory and written at once: a trace has millions of them. */
typedef struct Line {
    char buf[1024];
    size_t len;
} Line;

static void put(Line *l, const char *s, size_t n) {
    if (l->len >= sizeof l->buf) return;
    if (n > sizeof l->buf - l->len) n = sizeof l->buf - l->len;
    memcpy(l->buf + l->len, s, n);
    l->len += n;
}

static void put_s(Line *l, const char *s) { put(l, s, strlen(s)); }

static void put_u(Line *l, unsigned long long v) {
    char digits[24];
    size_t n = 0;
    do digits[sizeof digits - ++n] = (char)('0' + v % 10);
    while ((v /= 10) && n < sizeof digits);
    put(l, digits + sizeof digits - n, n);
}

static void put_i(Line *l, long long v) {
    if (v < 0) {
        put(l, "-", 1);
        put_u(l, 0ULL - (unsigned long long)v);
    } else {
        put_u(l, (unsigned long long)v);
    }
}

static void put_json(Line *l, const char *s) {
    put(l, "\"", 1);
    for (const char *c = s; *c && l->len < sizeof l->buf - 8; c++) {
        size_t plain = strcspn(c, "\"\\\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f");
        if (plain) {
            /* a run that needs no escaping, at once */
            put(l, c, plain);
            c += plain - 1;
            continue;
        }
        unsigned char ch = (unsigned char)*c;
        if (ch == '"' || ch == '\\') {
            char esc[2] = {'\\', (char)ch};
            put(l, esc, 2);
        } else if (ch < 0x20) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", ch);
            put_s(l, esc);
        } else {
            put(l, (const char *)c, 1);
        }
    }
    put(l, "\"", 1);
}

static void write_jsonl(Trace *t, const rs_Event *e) {
    Line l;
    l.len = 0;
    put_s(&l, "{\"kind\": \"");
    put_s(&l, kind_name(e->kind));
    put_s(&l, "\", \"clock\": ");
    put_u(&l, e->clock);
    put_s(&l, ", \"file\": ");
    put_json(&l, e->file);
    put_s(&l, ", \"line\": ");
    put_i(&l, e->line);
    switch (e->kind) {
    case RS_EV_GC_START:
        put_s(&l, ", \"generation\": ");
        put_i(&l, e->generation);
        put_s(&l, ", \"counts\": [");
        for (int i = 0; i < 3; i++) {
            if (i) put_s(&l, ", ");
            put_i(&l, e->counts[i]);
        }
        put_s(&l, "]");
        break;
    case RS_EV_GC_STOP: {
        char pause[40];
        snprintf(pause, sizeof pause, "%.6f", e->pause_seconds);
        put_s(&l, ", \"generation\": ");
        put_i(&l, e->generation);
        put_s(&l, ", \"collected\": ");
        put_i(&l, e->collected);
        put_s(&l, ", \"pause_seconds\": ");
        put_s(&l, pause);
        break;
    }
    default:
        put_s(&l, ", \"type\": ");
        put_json(&l, e->type_name);
        put_s(&l, ", \"serial\": ");
        put_u(&l, e->serial);
        if (e->kind == RS_EV_ALLOC || e->kind == RS_EV_FREE) {
            put_s(&l, ", \"size\": ");
            put_u(&l, e->size);
        }
        if (e->kind == RS_EV_FREE) {
            put_s(&l, ", \"cause\": \"");
            put_s(&l, cause_name(e->cause));
            put_s(&l, "\"");
        }
        if (e->kind == RS_EV_FINALIZE_END) put_s(&l, e->resurrected ? ", \"resurrected\": true" : ", \"resurrected\": false");
    }
    put_s(&l, "}\n");
    fwrite(l.buf, 1, l.len, t->file);
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
