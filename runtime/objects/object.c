/*
 * object.c: allocation and deallocation of objects, and the list of tracked
 * GC objects. Every object's memory comes from the state's allocator; a GC
 * object's block starts with its GCHead.
 */
#include "object.h"
#include <string.h>
#include "exception.h"
#include "../gc/collector.h"
#include "../gc/hostgc.h"
#include "../gc/observe.h"
#include "tuple.h"

static Obj *alloc_object(rs_State *S, Type *t, size_t size, bool fresh) {
    bool gc = (t->flags & TF_GC) != 0;
    uintptr_t gc_flags = gc ? gc_on_alloc(S, t, size, fresh) : 0;
    size_t total = size + (gc ? sizeof(GCHead) : 0);
    char *block = mem_alloc(&S->mem, total);
    if (!block) {
        exc_nomemory(S);
        return NULL;
    }
    Obj *o;
    if (gc) {
        GCHead *g = (GCHead *)block;
        g->next = g->prev = NULL;
        g->gc_refs = 0;
        g->gc_flags = gc_flags | (S->ready ? 0 : GCF_RUNTIME);
        o = FROM_GC(g);
    } else {
        o = (Obj *)block;
    }
    /* Zeroed, so the collector can traverse an object that is still being filled in. */
    memset((char *)o + sizeof(Obj), 0, size - sizeof(Obj));
    o->refcnt = 1;
    o->type = t;
    if (t->flags & TF_HEAP) INCREF(t);
    S->live_objects++;
    S->allocations++;
    if (gc) gc_track(S, o);
    observe_alloc(S, o, size);
    return o;
}

Obj *obj_alloc(rs_State *S, Type *t, size_t size) { return alloc_object(S, t, size, false); }
Obj *obj_alloc_fresh(rs_State *S, Type *t, size_t size) { return alloc_object(S, t, size, true); }

Obj *obj_alloc_plain(rs_State *S, Type *t, size_t size) {
    Obj *o = mem_alloc(&S->mem, size);
    if (!o) {
        exc_nomemory(S);
        return NULL;
    }
    o->refcnt = 1;
    o->type = t;
    S->live_objects++;
    S->allocations++;
    observe_alloc(S, o, size);
    return o;
}

void obj_free_plain(rs_State *S, Obj *o, size_t size) {
    observe_free(S, o, size, false);
    S->live_objects--;
    mem_free(&S->mem, o, size);
}

void obj_free(rs_State *S, Obj *o, size_t size) {
    Type *t = o->type;
    bool gc = (t->flags & TF_GC) != 0;
    observe_free(S, o, size, gc);
    S->live_objects--;
    if (gc) {
        if (gc_is_tracked(o)) gc_untrack(S, o);
        gc_on_free(S, o);
        mem_free(&S->mem, AS_GC(o), size + sizeof(GCHead));
    } else {
        mem_free(&S->mem, o, size);
    }
    if (t->flags & TF_HEAP) DECREF(S, t);
}

/* CPython's trashcan: freeing a container frees what only it held, so a chain of a million nested lists would
   recurse a million deep. Past DEALLOC_NESTING levels a container waits on S->trash (linked through its GC header,
   untracked as its dealloc would) and is freed when the outermost dealloc returns. */
enum { DEALLOC_NESTING = 50 };

void obj_dealloc(rs_State *S, Obj *o) {
    if (S->defer_frees) hostgc_release(S, o);
    else if (!(TYPE(o)->flags & TF_GC)) TYPE(o)->dealloc(S, o); /* (numbers and strings hold nothing: no nesting) */
    else obj_destroy(S, o);
}

void obj_destroy(rs_State *S, Obj *o) {
    if (!(TYPE(o)->flags & TF_GC)) {
        TYPE(o)->dealloc(S, o);
        return;
    }
    if (S->dealloc_nesting >= DEALLOC_NESTING) {
        gc_untrack(S, o);
        AS_GC(o)->next = S->trash;
        S->trash = AS_GC(o);
        return;
    }
    S->dealloc_nesting++;
    TYPE(o)->dealloc(S, o);
    if (S->dealloc_nesting == 1) {
        while (S->trash) {
            GCHead *g = S->trash;
            S->trash = g->next;
            g->next = NULL;
            Obj *waiting = FROM_GC(g);
            TYPE(waiting)->dealloc(S, waiting);
        }
    }
    S->dealloc_nesting--;
}

void obj_call_finalizer(rs_State *S, Obj *o, intptr_t held) {
    Type *t = TYPE(o);
    if (!t->finalize) return;
    if (S->host_ended && !(t->flags & TF_RESOURCE)) return; /* a host runs no finalizer after the program */
    if (S->stopped && !(t->flags & TF_RESOURCE)) return;    /* a run stopped at its step limit runs no more Python */
    if (t->flags & TF_GC) {
        if (AS_GC(o)->gc_flags & GCF_FINALIZED) return;
        AS_GC(o)->gc_flags |= GCF_FINALIZED;
    }
    Obj *saved = exc_fetch(S);
    observe_finalizer(S, o, true, false);
    t->finalize(S, o);
    observe_finalizer(S, o, false, held && o->refcnt > held);
    if (S->exc) exc_clear(S);
    S->exc = saved;
}

bool obj_finalize_from_dealloc(rs_State *S, Obj *o) {
    o->refcnt = 1; /* alive again while the finalizer runs */
    bool tracked = (TYPE(o)->flags & TF_GC) && gc_is_tracked(o);
    if ((TYPE(o)->flags & TF_GC) && !tracked) gc_track(S, o);
    obj_call_finalizer(S, o, 1);
    if (--o->refcnt != 0) {
        observe_resurrection(S, 1);
        return true;
    }
    if ((TYPE(o)->flags & TF_GC) && !tracked) gc_untrack(S, o);
    return false;
}

void gc_track(rs_State *S, Obj *o) {
    GCHead *g = AS_GC(o), *head = S->gc_list;
    if (g->gc_flags & GCF_TRACKED) return;
    g->gc_flags |= GCF_TRACKED;
    g->prev = head->prev;
    g->next = head;
    head->prev->next = g;
    head->prev = g;
}

void gc_untrack(rs_State *S, Obj *o) {
    (void)S;
    GCHead *g = AS_GC(o);
    if (!(g->gc_flags & GCF_TRACKED)) return;
    g->gc_flags &= ~(uintptr_t)GCF_TRACKED;
    g->prev->next = g->next;
    g->next->prev = g->prev;
    g->next = g->prev = NULL;
}

bool type_is_subtype(Type *a, Type *b) {
    if (a == b) return true;
    Tuple *mro = a->mro;
    if (mro) {
        for (size_t i = 0; i < mro->len; i++)
            if (mro->items[i] == (Obj *)b) return true;
        return false;
    }
    for (Type *t = a->base; t; t = t->base)
        if (t == b) return true;
    return false;
}
