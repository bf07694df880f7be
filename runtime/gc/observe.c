/*
 * observe.c: the stats counters and the event stream. Counters are always
 * kept (a few increments); events are built only when a hook wants them.
 * An object's serial is its allocation ordinal, kept in a map from address
 * to serial while events are on, so a free or a finalizer can name the
 * object the allocation event introduced.
 */
#include "observe.h"
#include <string.h>
#include "../objects/abstract.h"
#include "../objects/frame.h"
#include "../objects/func.h"
#include "../objects/str.h"
#include "collector.h"

#define TOMBSTONE ((Obj *)1)

/* ---- serials ---- */

static size_t slot_of(const Obj *o, size_t cap) {
    uintptr_t h = (uintptr_t)o;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(h >> 7) & (cap - 1);
}

static void serials_free(rs_State *S) {
    struct SerialMap *m = &S->serials;
    if (m->keys) mem_free_overhead(&S->mem, m->keys, m->cap * sizeof(Obj *));
    if (m->serials) mem_free_overhead(&S->mem, m->serials, m->cap * sizeof(uint64_t));
    memset(m, 0, sizeof *m);
}

static bool serials_grow(rs_State *S) {
    struct SerialMap *m = &S->serials, old = *m;
    size_t cap = old.cap ? old.cap * 2 : 1024;
    if (old.used * 2 < old.cap) cap = old.cap; /* mostly tombstones: rebuild at the same size */
    Obj **keys = mem_alloc_overhead(&S->mem, cap * sizeof(Obj *));
    uint64_t *serials = mem_alloc_overhead(&S->mem, cap * sizeof(uint64_t));
    if (!keys || !serials) {
        if (keys) mem_free_overhead(&S->mem, keys, cap * sizeof(Obj *));
        if (serials) mem_free_overhead(&S->mem, serials, cap * sizeof(uint64_t));
        return false;
    }
    memset(keys, 0, cap * sizeof(Obj *));
    m->keys = keys;
    m->serials = serials;
    m->cap = cap;
    m->used = m->tombstones = 0;
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.keys[i] || old.keys[i] == TOMBSTONE) continue;
        size_t j = slot_of(old.keys[i], cap);
        while (keys[j]) j = (j + 1) & (cap - 1);
        keys[j] = old.keys[i];
        serials[j] = old.serials[i];
        m->used++;
    }
    if (old.keys) mem_free_overhead(&S->mem, old.keys, old.cap * sizeof(Obj *));
    if (old.serials) mem_free_overhead(&S->mem, old.serials, old.cap * sizeof(uint64_t));
    return true;
}

static void serials_put(rs_State *S, Obj *o, uint64_t serial) {
    struct SerialMap *m = &S->serials;
    if ((m->used + m->tombstones + 1) * 10 > m->cap * 7 && !serials_grow(S)) return;
    size_t j = slot_of(o, m->cap);
    while (m->keys[j] && m->keys[j] != TOMBSTONE) j = (j + 1) & (m->cap - 1);
    if (m->keys[j] == TOMBSTONE) m->tombstones--;
    m->keys[j] = o;
    m->serials[j] = serial;
    m->used++;
}

/* The serial of o (0 when unknown); take removes it (o is being freed). */
static uint64_t serials_get(rs_State *S, const Obj *o, bool take) {
    struct SerialMap *m = &S->serials;
    if (!m->cap) return 0;
    for (size_t j = slot_of(o, m->cap); m->keys[j]; j = (j + 1) & (m->cap - 1)) {
        if (m->keys[j] != o) continue;
        uint64_t serial = m->serials[j];
        if (take) {
            m->keys[j] = TOMBSTONE;
            m->used--;
            m->tombstones++;
        }
        return serial;
    }
    return 0;
}

/* ---- events ---- */

uint64_t observe_clock(const rs_State *S) {
    const Frame *f = S->frame;
    return S->clock + (f ? (uint64_t)(f->lasti + 1 - f->clock_mark) : 0);
}

static void event_init(rs_State *S, rs_Event *e, rs_EventKind kind) {
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->clock = observe_clock(S);
    e->file = "";
    Frame *f = S->frame;
    if (f) {
        e->file = STR_DATA(f->code->filename);
        e->line = frame_lineno(f);
    }
}

static void emit_object_event(rs_State *S, rs_EventKind kind, Obj *o, size_t size, bool take) {
    uint64_t serial = serials_get(S, o, take);
    if (!(S->event_mask & kind)) return;
    rs_Event e;
    event_init(S, &e, kind);
    e.type_name = type_name(TYPE(o));
    e.serial = serial;
    e.size = size;
    e.cause = (rs_Cause)S->free_cause;
    S->event_fn(S->event_ud, &e);
}

void observe_alloc_slow(rs_State *S, Obj *o, size_t size) {
    if (!S->ready) return; /* the shutdown's own objects */
    serials_put(S, o, ++S->next_serial);
    if (S->event_mask & RS_EV_ALLOC) emit_object_event(S, RS_EV_ALLOC, o, size, false);
}

void observe_free_slow(rs_State *S, Obj *o, size_t size) { emit_object_event(S, RS_EV_FREE, o, size, true); }

void observe_finalizer(rs_State *S, Obj *o, bool start, bool resurrected) {
    if (start) S->stats.finalizers_run++;
    rs_EventKind kind = start ? RS_EV_FINALIZE_START : RS_EV_FINALIZE_END;
    if (!(S->event_mask & kind)) return;
    rs_Event e;
    event_init(S, &e, kind);
    e.type_name = type_name(TYPE(o));
    e.serial = serials_get(S, o, false);
    e.resurrected = resurrected;
    S->event_fn(S->event_ud, &e);
}

void observe_resurrection(rs_State *S, int64_t n) { S->stats.resurrections += n; }

void observe_weakref_callback(rs_State *S, Obj *weakref) {
    S->stats.weakref_callbacks++;
    if (!(S->event_mask & RS_EV_WEAKREF_CALLBACK)) return;
    rs_Event e;
    event_init(S, &e, RS_EV_WEAKREF_CALLBACK);
    e.type_name = type_name(TYPE(weakref));
    e.serial = serials_get(S, weakref, false);
    S->event_fn(S->event_ud, &e);
}

void observe_file(rs_State *S, Obj *file, bool open) {
    if (open && S->files_open > S->peak_files_open) S->peak_files_open = S->files_open;
    rs_EventKind kind = open ? RS_EV_FILE_OPEN : RS_EV_FILE_CLOSE;
    if (!(S->event_mask & kind)) return;
    rs_Event e;
    event_init(S, &e, kind);
    e.type_name = type_name(TYPE(file));
    e.serial = serials_get(S, file, false);
    S->event_fn(S->event_ud, &e);
}

void observe_collection_start(rs_State *S, int gen) {
    if (!(S->event_mask & RS_EV_GC_START)) return;
    rs_Event e;
    event_init(S, &e, RS_EV_GC_START);
    e.generation = gen;
    for (int i = 0; i < 3; i++) e.counts[i] = S->gc_count[i];
    S->event_fn(S->event_ud, &e);
}

void observe_collection_stop(rs_State *S, int gen, int64_t collected, double seconds) {
    S->stats.collection_seconds += seconds;
    if (seconds > S->stats.longest_pause_seconds) S->stats.longest_pause_seconds = seconds;
    if (!(S->event_mask & RS_EV_GC_STOP)) return;
    rs_Event e;
    event_init(S, &e, RS_EV_GC_STOP);
    e.generation = gen;
    e.collected = collected;
    e.pause_seconds = seconds;
    S->event_fn(S->event_ud, &e);
}

/* ---- the embedder's side ---- */

void observe_ready(rs_State *S) {
    rs_Stats zero;
    memset(&zero, 0, sizeof zero);
    S->stats = zero;
    memset(S->freed_by_cause, 0, sizeof S->freed_by_cause);
    S->next_serial = 0;
    S->base_objects = S->live_objects;
    S->base_bytes = S->mem.bytes;
    S->peak_live_objects = S->live_objects;
    S->mem.peak_bytes = S->mem.bytes;
    S->mem.total_bytes = 0;
    S->clock = 0;
    S->peak_files_open = S->files_open;
    S->ready = true;
}

/* One of the runtime's own objects went (the main module at shutdown, say): it leaves the baseline. */
void observe_free_runtime(rs_State *S, size_t size) {
    if (S->base_objects) S->base_objects--;
    S->base_bytes = S->base_bytes > size ? S->base_bytes - size : 0;
}

void observe_run_ended(rs_State *S) {
    rs_Stats now;
    observe_stats(S, &now);
    S->allocated_at_end = now.objects_allocated;
    S->peak_at_end = now.peak_live_objects;
    S->ready = false; /* what shutdown makes for itself is the runtime's */
    S->live_at_end = (int64_t)S->live_objects - (int64_t)S->base_objects;
    S->live_bytes_at_end = (int64_t)S->mem.bytes - (int64_t)S->base_bytes;
    if (S->live_at_end < 0) S->live_at_end = 0;
    if (S->live_bytes_at_end < 0) S->live_bytes_at_end = 0;
}

void observe_stats(const rs_State *S, rs_Stats *out) {
    if (S->observe_off) {
        *out = S->frozen;
        return;
    }
    *out = S->stats;
    for (int i = 0; i < 3; i++) {
        out->generations[i].collections = S->gc_collections[i];
        out->generations[i].collected = S->gc_collected[i];
        out->generations[i].uncollectable = S->gc_uncollectable[i];
    }
    out->objects_freed_by_refcount = S->freed_by_cause[RS_CAUSE_REFCOUNT];
    out->objects_freed_by_collection = S->freed_by_cause[RS_CAUSE_COLLECTION];
    out->objects_freed_at_shutdown = S->freed_by_cause[RS_CAUSE_SHUTDOWN];
    int64_t freed = out->objects_freed_by_refcount + out->objects_freed_by_collection;
    out->bytes_allocated = (int64_t)S->mem.total_bytes;
    out->peak_live_objects = (int64_t)S->peak_live_objects - (int64_t)S->base_objects;
    out->peak_live_bytes = (int64_t)S->mem.peak_bytes - (int64_t)S->base_bytes;
    if (S->finished) {
        /* after the run: allocations stopped counting at its end (shutdown makes objects of its own), and
           shutdown's frees are the script's only up to what it had left */
        out->objects_allocated = S->allocated_at_end;
        if (out->objects_freed_at_shutdown > S->live_at_end) out->objects_freed_at_shutdown = S->live_at_end;
        out->live_objects = S->live_at_end - out->objects_freed_at_shutdown;
        int64_t bytes_now = (int64_t)S->mem.bytes - (int64_t)S->base_bytes;
        out->live_bytes = bytes_now < 0 ? 0 : bytes_now < S->live_bytes_at_end ? bytes_now : S->live_bytes_at_end;
        out->peak_live_objects = S->peak_at_end;
    } else {
        out->live_objects = (int64_t)S->live_objects - (int64_t)S->base_objects;
        if (out->live_objects < 0) out->live_objects = 0;
        out->objects_allocated = out->live_objects + freed;
        out->live_bytes = (int64_t)S->mem.bytes - (int64_t)S->base_bytes;
        if (out->live_bytes < 0) out->live_bytes = 0;
    }
    if (out->peak_live_objects < out->live_objects) out->peak_live_objects = out->live_objects;
    out->files_open = S->files_open;
    out->peak_files_open = S->peak_files_open;
    out->instructions = observe_clock(S);
}

void observe_set_hook(rs_State *S, unsigned mask, rs_EventFn fn, void *ud) {
    S->event_mask = fn ? mask & RS_EV_ALL : 0;
    S->tracking_objects = (S->event_mask & (RS_EV_ALLOC | RS_EV_FREE | RS_EV_FINALIZE_START | RS_EV_FINALIZE_END |
                                            RS_EV_WEAKREF_CALLBACK)) != 0;
    S->event_fn = fn;
    S->event_ud = ud;
    if (!S->event_mask) serials_free(S);
}

void observe_finish(rs_State *S) {
    if (!S->observe_off) observe_stats(S, &S->frozen);
    S->observe_off = true;
    S->event_mask = 0;
    S->tracking_objects = false;
    serials_free(S);
}
