/*
 * heap_json.c: rs_heap_json, the live heap as a graph, for the playground's
 * object-graph view. Nodes are the objects the main module's globals reach,
 * and the tracked objects nothing reaches any more: garbage no collection has
 * found yet (cycles under cpython; anything dropped under a host-GC model).
 * Edges are labelled with the attribute, key or index where one exists.
 * Modules, classes, code and functions' globals stay out of the walk: they
 * would drown the program's own objects.
 *
 * Finding the garbage uses the collector's counting (gc_refs = refcount less
 * the references from other tracked objects) without moving any object
 * between lists, and the snapshot's memory is observer overhead (see
 * mem_alloc_overhead): taking one changes nothing that happens later.
 */
#include <stdio.h>
#include <string.h>
#include "../gc/reachability.h"
#include "../objects/abstract.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/func.h"
#include "../objects/list.h"
#include "../objects/module.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/typeobj.h"

#define HEAP_MAX_NODES 400
#define HEAP_MAX_EDGES 1600
#define HEAP_MAX_ITEMS 60 /* edges shown per container */

typedef struct Graph {
    rs_State *S;
    Obj **nodes;          /* by id */
    const char **names;   /* a root's global name, or NULL */
    unsigned char *garbage;
    size_t n, cap;
    Obj **keys;           /* open addressing: object -> id + 1 */
    size_t *ids, keys_cap;
    struct Edge { size_t from, to; char label[40]; } *edges;
    size_t nedges, edges_cap;
    bool truncated, failed;
} Graph;

static void *zalloc(rs_State *S, size_t size) {
    void *p = mem_alloc_overhead(&S->mem, size);
    if (p) memset(p, 0, size);
    return p;
}

static void release(rs_State *S, void *p, size_t size) {
    if (p) mem_free_overhead(&S->mem, p, size);
}

static size_t slot(Obj *o, size_t cap) { return ((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull & (cap - 1); }

/* The node id of o, adding it when new; SIZE_MAX when the graph is full. */
static size_t node_of(Graph *g, Obj *o) {
    size_t i = slot(o, g->keys_cap);
    while (g->keys[i] && g->keys[i] != o) i = (i + 1) & (g->keys_cap - 1);
    if (g->keys[i]) return g->ids[i];
    if (g->n == HEAP_MAX_NODES) {
        g->truncated = true;
        return SIZE_MAX;
    }
    g->keys[i] = o;
    g->ids[i] = g->n;
    g->nodes[g->n] = o;
    g->names[g->n] = NULL;
    g->garbage[g->n] = 0;
    return g->n++;
}

static bool known(Graph *g, Obj *o) {
    size_t i = slot(o, g->keys_cap);
    while (g->keys[i] && g->keys[i] != o) i = (i + 1) & (g->keys_cap - 1);
    return g->keys[i] != NULL;
}

/* Whether the walk shows o at all: not the machinery of modules, classes and code. */
static bool shown(rs_State *S, Obj *o) {
    Type *t = TYPE(o);
    if (t == S->t_module || t == S->t_type || (t->flags & TF_TYPE_SUBCLASS) || t == S->t_code || t == S->t_builtin ||
        t == S->t_method_descr || t == S->t_getset || t == S->t_member)
        return false;
    if (IS_DICT(o) && (o == (Obj *)S->builtins || o == (Obj *)((Module *)S->main_module)->dict)) return false;
    return true;
}

static void add_edge(Graph *g, size_t from, Obj *to, const char *label) {
    if (!shown(g->S, to)) return;
    size_t id = node_of(g, to);
    if (id == SIZE_MAX) return;
    if (g->nedges == HEAP_MAX_EDGES) {
        g->truncated = true;
        return;
    }
    struct Edge *e = &g->edges[g->nedges++];
    e->from = from;
    e->to = id;
    snprintf(e->label, sizeof e->label, "%s", label ? label : "");
}

typedef struct Visit {
    Graph *g;
    size_t from;
    int count;
} Visit;

static int visit_edge(Obj *o, void *arg) {
    Visit *v = arg;
    if (v->count++ < HEAP_MAX_ITEMS) add_edge(v->g, v->from, o, NULL);
    return 0;
}

static void label_of_key(rs_State *S, Obj *key, char *buf, size_t size) {
    if (IS_STR(key)) snprintf(buf, size, "%s", STR_DATA(key));
    else if (TYPE(key) == S->t_int || TYPE(key) == S->t_float || TYPE(key) == S->t_bool) {
        Obj *r = obj_repr(S, key);
        snprintf(buf, size, "[%s]", r ? STR_DATA(r) : "?");
        if (r) DECREF(S, r);
        else exc_clear(S);
    } else snprintf(buf, size, "[%s]", type_name(TYPE(key)));
}

static void dict_edges(Graph *g, size_t from, Dict *d) {
    char label[40];
    int shown_items = 0;
    for (size_t i = 0; i < d->nentries && shown_items < HEAP_MAX_ITEMS; i++) {
        DictEntry *e = &d->entries[i];
        if (!e->key) continue;
        label_of_key(g->S, e->key, label, sizeof label);
        add_edge(g, from, e->value, label);
        shown_items++;
    }
}

/* The edges out of node id. */
static void expand(Graph *g, size_t id) {
    rs_State *S = g->S;
    Obj *o = g->nodes[id];
    Type *t = TYPE(o);
    char label[24];
    if (t == S->t_function) return; /* its code, globals and defaults are the program's text, not its data */
    if (IS_LIST(o) || IS_TUPLE(o)) {
        size_t n = IS_LIST(o) ? LIST_LEN(o) : TUPLE_LEN(o);
        Obj **items = IS_LIST(o) ? LIST_ITEMS(o) : TUPLE_ITEMS(o);
        for (size_t i = 0; i < n && i < HEAP_MAX_ITEMS; i++) {
            snprintf(label, sizeof label, "[%zu]", i);
            if (items[i]) add_edge(g, id, items[i], label);
        }
        return;
    }
    if (IS_DICT(o)) {
        dict_edges(g, id, (Dict *)o);
        return;
    }
    if (t->flags & TF_HEAP) {
        /* an instance of a class: its attributes by name, then its __slots__ */
        Dict **dp = obj_dict_ptr(S, o);
        if (dp && *dp) dict_edges(g, id, *dp);
        for (Type *c = t; c && (c->flags & TF_HEAP); c = c->base)
            for (size_t i = 0; i < c->nslots; i++) {
                Obj *x = ((Obj **)((char *)o + c->slotsoffset))[i];
                if (x) add_edge(g, id, x, "slot");
            }
        return;
    }
    if (!(t->flags & TF_GC) || !t->traverse) return;
    Visit v = {g, id, 0};
    t->traverse(o, visit_edge, &v); /* frames, tracebacks, cells, methods, generators... (classes filtered out) */
}

/* ---- the garbage: tracked objects nothing outside the tracked set refers to, and nothing reachable reaches ---- */

static void scratch_counts(rs_State *S) {
    GCHead *lists[4] = {S->gc_gen[0], S->gc_gen[1], S->gc_gen[2], S->gc_permanent};
    for (int i = 0; i < 4; i++) update_refs(lists[i]);
    for (int i = 0; i < 4; i++) subtract_refs(lists[i]);
}

typedef struct Marker {
    rs_State *S;
    Obj **stack;
    size_t n, cap;
    bool failed;
} Marker;

static int visit_mark(Obj *o, void *arg) {
    Marker *m = arg;
    if (!gc_is_gc_tracked(o)) return 0;
    GCHead *h = AS_GC(o);
    if (!(h->gc_flags & GCF_COLLECTING) || h->gc_refs < 0) return 0;
    h->gc_refs = -1;
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        Obj **s = mem_alloc_overhead(&m->S->mem, cap * sizeof *s);
        if (!s) {
            m->failed = true;
            return 0;
        }
        if (m->n) memcpy(s, m->stack, m->n * sizeof *s);
        release(m->S, m->stack, m->cap * sizeof *s);
        m->stack = s;
        m->cap = cap;
    }
    m->stack[m->n++] = o;
    return 0;
}

/* Marks (gc_refs -1) everything reachable from outside the tracked set; what stays >= 0 is garbage. */
static bool mark_reachable(rs_State *S) {
    Marker m = {S, NULL, 0, 0, false};
    GCHead *lists[4] = {S->gc_gen[0], S->gc_gen[1], S->gc_gen[2], S->gc_permanent};
    for (int i = 0; i < 4; i++)
        for (GCHead *h = lists[i]->next; h != lists[i]; h = h->next)
            if (h->gc_refs > 0) visit_mark(FROM_GC(h), &m);
    while (m.n > 0 && !m.failed) {
        Obj *o = m.stack[--m.n];
        if (TYPE(o)->traverse) TYPE(o)->traverse(o, visit_mark, &m);
    }
    release(S, m.stack, m.cap * sizeof *m.stack);
    return !m.failed;
}

static void add_garbage(Graph *g) {
    rs_State *S = g->S;
    scratch_counts(S);
    bool ok = mark_reachable(S);
    GCHead *lists[4] = {S->gc_gen[0], S->gc_gen[1], S->gc_gen[2], S->gc_permanent};
    for (int i = 0; i < 4; i++)
        for (GCHead *h = lists[i]->next; h != lists[i]; h = h->next) {
            if (ok && h->gc_refs >= 0 && !(h->gc_flags & GCF_RUNTIME) && shown(S, FROM_GC(h)) && !known(g, FROM_GC(h))) {
                size_t id = node_of(g, FROM_GC(h));
                if (id != SIZE_MAX) g->garbage[id] = 1;
            }
        }
    for (int i = 0; i < 4; i++)
        for (GCHead *h = lists[i]->next; h != lists[i]; h = h->next) {
            h->gc_flags &= ~(uintptr_t)GCF_COLLECTING;
            h->gc_refs = 0;
        }
}

/* ---- output ---- */

typedef struct Out {
    char *buf;
    size_t size, len;
} Out;

static void put(Out *o, const char *s, size_t n) {
    if (o->len + n < o->size) memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void put_str(Out *o, const char *s) { put(o, s, strlen(s)); }

static void put_json_string(Out *o, const char *s, size_t max) {
    put(o, "\"", 1);
    for (size_t i = 0; s[i] && i < max; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            put(o, esc, 2);
        } else if (c < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            put(o, esc, 6);
        } else {
            put(o, (const char *)&c, 1);
        }
    }
    put(o, "\"", 1);
}

/* A short description: the value of a number or string, the size of a container, the name of a function. */
static void node_label(rs_State *S, Obj *o, char *buf, size_t size) {
    Type *t = TYPE(o);
    if (IS_STR(o) || TYPE(o) == S->t_int || TYPE(o) == S->t_float || TYPE(o) == S->t_bool || o == S->none) {
        Obj *r = obj_repr(S, o);
        snprintf(buf, size, "%s", r ? STR_DATA(r) : t->name);
        if (r) DECREF(S, r);
        else exc_clear(S);
    } else if (t == S->t_function) {
        snprintf(buf, size, "function %s", STR_DATA(((Func *)o)->qualname));
    } else if (IS_LIST(o)) {
        snprintf(buf, size, "list [%zu]", LIST_LEN(o));
    } else if (IS_TUPLE(o)) {
        snprintf(buf, size, "tuple (%zu)", TUPLE_LEN(o));
    } else if (IS_DICT(o)) {
        snprintf(buf, size, "dict {%zu}", ((Dict *)o)->used);
    } else {
        snprintf(buf, size, "%s", type_name(t));
    }
}

size_t rs_heap_json(rs_State *S, char *buf, size_t size) {
    Out out = {buf, size, 0};
    if (size) buf[0] = 0;
    if (!S || !S->main_module || !S->gc_gen[0] || S->finished) {
        put_str(&out, "null");
        if (size) buf[out.len < size ? out.len : size - 1] = 0;
        return out.len;
    }
    Graph g = {.S = S, .keys_cap = 2048};
    g.nodes = zalloc(S, HEAP_MAX_NODES * sizeof *g.nodes);
    g.names = zalloc(S, HEAP_MAX_NODES * sizeof *g.names);
    g.garbage = zalloc(S, HEAP_MAX_NODES);
    g.keys = zalloc(S, g.keys_cap * sizeof *g.keys);
    g.ids = zalloc(S, g.keys_cap * sizeof *g.ids);
    g.edges = zalloc(S, HEAP_MAX_EDGES * sizeof *g.edges);
    if (!g.nodes || !g.names || !g.garbage || !g.keys || !g.ids || !g.edges) {
        put_str(&out, "null");
    } else {
        Obj *saved = exc_fetch(S);
        Dict *globals = ((Module *)S->main_module)->dict;
        for (size_t i = 0; i < globals->nentries; i++) {
            DictEntry *e = &globals->entries[i];
            if (!e->key || !IS_STR(e->key) || !strncmp(STR_DATA(e->key), "__", 2) || !shown(S, e->value)) continue;
            size_t id = node_of(&g, e->value);
            if (id != SIZE_MAX && !g.names[id]) g.names[id] = STR_DATA(e->key);
        }
        for (size_t id = 0; id < g.n; id++) expand(&g, id);
        size_t reached = g.n;
        add_garbage(&g);
        for (size_t id = reached; id < g.n; id++) expand(&g, id);
        put_str(&out, "{\"nodes\": [");
        for (size_t id = 0; id < g.n; id++) {
            Obj *o = g.nodes[id];
            char label[72], head[160];
            node_label(S, o, label, sizeof label);
            snprintf(head, sizeof head, "%s{\"id\": %zu, \"refcount\": %lld, \"garbage\": %s, \"finalizer\": %s, \"type\": ",
                     id ? ", " : "", id, (long long)o->refcnt, g.garbage[id] ? "true" : "false",
                     TYPE(o)->finalize && (TYPE(o)->flags & TF_HEAP) ? "true" : "false");
            put_str(&out, head);
            put_json_string(&out, type_name(TYPE(o)), 64);
            put_str(&out, ", \"label\": ");
            put_json_string(&out, label, 64);
            if (g.names[id]) {
                put_str(&out, ", \"name\": ");
                put_json_string(&out, g.names[id], 64);
            }
            put_str(&out, "}");
        }
        put_str(&out, "], \"edges\": [");
        for (size_t i = 0; i < g.nedges; i++) {
            char head[64];
            snprintf(head, sizeof head, "%s{\"from\": %zu, \"to\": %zu, \"label\": ", i ? ", " : "", g.edges[i].from, g.edges[i].to);
            put_str(&out, head);
            put_json_string(&out, g.edges[i].label, 40);
            put_str(&out, "}");
        }
        put_str(&out, g.truncated ? "], \"truncated\": true}" : "], \"truncated\": false}");
        if (S->exc) exc_clear(S);
        S->exc = saved;
    }
    release(S, g.nodes, HEAP_MAX_NODES * sizeof *g.nodes);
    release(S, g.names, HEAP_MAX_NODES * sizeof *g.names);
    release(S, g.garbage, HEAP_MAX_NODES);
    release(S, g.keys, g.keys_cap * sizeof *g.keys);
    release(S, g.ids, g.keys_cap * sizeof *g.ids);
    release(S, g.edges, HEAP_MAX_EDGES * sizeof *g.edges);
    if (size) buf[out.len < size ? out.len : size - 1] = 0;
    return out.len;
}
