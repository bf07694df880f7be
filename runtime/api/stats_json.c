/*
 * stats_json.c: rs_stats_json, the stats as the JSON object that
 * docs/stats.schema.json describes (the CLI's --stats=json, the wasm
 * package and the compare report use it).
 */
#include <stdarg.h>
#include <stdio.h>
#include "../include/refscope.h"

typedef struct Out {
    char *buf;
    size_t size, len;
} Out;

static void put(Out *o, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    size_t room = o->len < o->size ? o->size - o->len : 0;
    int n = vsnprintf(room ? o->buf + o->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n > 0) o->len += (size_t)n;
}

size_t rs_stats_json(const rs_State *S, char *buf, size_t size) {
    rs_Stats st;
    rs_get_stats(S, &st);
    Out o = {buf, size, 0};
    if (size) buf[0] = 0;
    put(&o, "{\"generations\": [");
    for (int i = 0; i < 3; i++)
        put(&o, "%s{\"collections\": %lld, \"collected\": %lld, \"uncollectable\": %lld}", i ? ", " : "",
            (long long)st.generations[i].collections, (long long)st.generations[i].collected,
            (long long)st.generations[i].uncollectable);
    put(&o, "], \"objects\": {\"allocated\": %lld, \"freed_by_refcount\": %lld, \"freed_by_collection\": %lld, "
            "\"freed_at_shutdown\": %lld, \"live\": %lld, \"peak_live\": %lld}",
        (long long)st.objects_allocated, (long long)st.objects_freed_by_refcount,
        (long long)st.objects_freed_by_collection, (long long)st.objects_freed_at_shutdown, (long long)st.live_objects,
        (long long)st.peak_live_objects);
    put(&o, ", \"bytes\": {\"allocated\": %lld, \"live\": %lld, \"peak_live\": %lld}", (long long)st.bytes_allocated,
        (long long)st.live_bytes, (long long)st.peak_live_bytes);
    put(&o, ", \"finalizers_run\": %lld, \"resurrections\": %lld, \"weakref_callbacks\": %lld",
        (long long)st.finalizers_run, (long long)st.resurrections, (long long)st.weakref_callbacks);
    put(&o, ", \"collection_seconds\": %.6f, \"longest_pause_seconds\": %.6f", st.collection_seconds,
        st.longest_pause_seconds);
    put(&o, ", \"files\": {\"open\": %lld, \"peak_open\": %lld}", (long long)st.files_open, (long long)st.peak_files_open);
    put(&o, ", \"instructions\": %llu}", (unsigned long long)st.instructions);
    return o.len;
}
