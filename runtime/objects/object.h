/*
 * object.h: the object model. Every value is an Obj*: a reference count and
 * a type. Objects that can hold references to others (containers) are "GC
 * objects": a GCHead sits in front of them, linking them into the
 * collector's lists, as in CPython. Types describe behaviour through slots;
 * user classes fill their slots with functions that call dunder methods.
 *
 * Reference discipline (as CPython): a function returning Obj* returns a new
 * reference unless its comment says "borrowed"; NULL means an exception is
 * set in the state. Functions returning int use -1 for an exception.
 */
#ifndef RS_OBJECT_H
#define RS_OBJECT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../core/state.h"

typedef struct Type Type;

typedef struct Obj {
    intptr_t refcnt;
    Type *type;
} Obj;

/* In front of every GC object. */
typedef struct GCHead {
    struct GCHead *next, *prev;
    intptr_t gc_refs;     /* scratch for the collector */
    uintptr_t gc_flags;   /* GCF_* */
} GCHead;

/* GCF_MANAGED: an instance's attribute dict, traversed through its owner and never tracked itself. */
/* GCF_UNCOUNTED: not in gc.get_count() (CPython has no separate object for it); GCF_FROM_FREELIST: its allocation
   stood for the reuse of a CPython free-list entry (gc/collector.c). */
enum {
    GCF_TRACKED = 1, GCF_FINALIZED = 2, GCF_COLLECTING = 4, GCF_UNREACHABLE = 8, GCF_MANAGED = 16,
    GCF_UNCOUNTED = 32, GCF_FROM_FREELIST = 64,
    GCF_RUNTIME = 128, /* made before the state was ready: the runtime's, not the script's (stats) */
    GCF_SURVIVOR = 256 /* jvm model: survived a young collection once (in the survivor space, generation 1) */
};

#define AS_GC(o) ((GCHead *)(o) - 1)
#define FROM_GC(g) ((Obj *)((GCHead *)(g) + 1))

typedef int (*VisitFn)(Obj *o, void *arg);

/* Operators, shared by the compiler, the VM and the binop slots. */
enum {
    OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_POW,
    OP_LSHIFT, OP_RSHIFT, OP_AND, OP_OR, OP_XOR, OP_MATMUL,
    OP_NBINARY,
    OP_INPLACE = 16 /* added to an operator: the augmented form (+=) */
};
enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };

typedef struct Str Str;
typedef struct Tuple Tuple;
typedef struct Dict Dict;

typedef Obj *(*CallFn)(rs_State *S, Obj *callable, Obj *const *args, size_t nargs, Tuple *kwnames);

enum {
    TF_GC = 1,        /* instances carry a GCHead */
    TF_HEAP = 2,      /* a class made by a class statement or type() */
    TF_BASETYPE = 4,  /* may be subclassed */
    TF_INT_SUBCLASS = 16, TF_STR_SUBCLASS = 32, TF_TUPLE_SUBCLASS = 64,
    TF_LIST_SUBCLASS = 128, TF_DICT_SUBCLASS = 256, TF_EXC_SUBCLASS = 512,
    TF_TYPE_SUBCLASS = 1024,
    TF_ABSTRACT_ITER = 2048, /* iter(x) returns x */
    TF_UNCOUNTED = 4096,     /* instances start GCF_UNCOUNTED: frames, which CPython 3.11 makes objects only on demand */
    TF_CALL_WITH_TUPLE = 8192, /* CPython 3.11 calls the type through tp_call, packing the arguments (gc.get_count()) */
    TF_RESOURCE = 16384        /* its finalizer releases an OS resource (a file): it still runs after a host-GC model ended */
};

struct Type {
    Obj ob;
    const char *name;     /* tp_name of built-in types */
    Str *heap_name;       /* __name__ of heap types */
    Str *qualname;
    Type *base;
    Tuple *bases;
    Tuple *mro;
    Dict *dict;
    size_t basicsize;
    size_t itemsize;
    size_t dictoffset;    /* 0: instances have no __dict__ */
    size_t weaklistoffset; /* 0: instances cannot be weakly referenced */
    size_t slotsoffset, nslots; /* a class's own __slots__ values: nslots pointers at slotsoffset */
    Dict *subclasses;     /* id -> weak reference, for __subclasses__(); NULL until the first subclass */
    uint32_t flags;
    /* What a heap class defines that changes attribute access and construction (__getattribute__, __init__, ...:
       TH_* in typeobj.c), found again when hooks_version differs from the state's type_version. */
    uint32_t hooks;
    uint64_t hooks_version;

    void (*dealloc)(rs_State *S, Obj *o);
    int (*traverse)(Obj *o, VisitFn visit, void *arg);
    void (*clear)(rs_State *S, Obj *o);

    Obj *(*repr)(rs_State *S, Obj *o);
    Obj *(*str)(rs_State *S, Obj *o);
    int64_t (*hash)(rs_State *S, Obj *o);            /* -1: error */
    Obj *(*richcmp)(rs_State *S, Obj *a, Obj *b, int op);
    Obj *(*getattr)(rs_State *S, Obj *o, Str *name);
    int (*setattr)(rs_State *S, Obj *o, Str *name, Obj *v); /* v NULL: delete */
    CallFn call;
    Obj *(*iter)(rs_State *S, Obj *o);
    Obj *(*next)(rs_State *S, Obj *o);               /* NULL, no error: exhausted */
    /* self is a; reflected: compute other OP self with other = b. */
    Obj *(*binop)(rs_State *S, Obj *self, Obj *other, int op, bool reflected);
    Obj *(*neg)(rs_State *S, Obj *o);
    Obj *(*pos)(rs_State *S, Obj *o);
    Obj *(*invert)(rs_State *S, Obj *o);
    Obj *(*absolute)(rs_State *S, Obj *o);
    int (*truth)(rs_State *S, Obj *o);               /* -1 error */
    Obj *(*to_int)(rs_State *S, Obj *o);             /* __index__ */
    int64_t (*len)(rs_State *S, Obj *o);             /* -1 error */
    Obj *(*getitem)(rs_State *S, Obj *o, Obj *key);
    int (*setitem)(rs_State *S, Obj *o, Obj *key, Obj *v); /* v NULL: delete */
    int (*contains)(rs_State *S, Obj *o, Obj *v);    /* -1 error */
    Obj *(*descr_get)(rs_State *S, Obj *descr, Obj *obj, Obj *type);
    int (*descr_set)(rs_State *S, Obj *descr, Obj *obj, Obj *v);
    Obj *(*tp_new)(rs_State *S, Type *t, Obj *const *args, size_t nargs, Tuple *kwnames);
    int (*init)(rs_State *S, Obj *o, Obj *const *args, size_t nargs, Tuple *kwnames);
    void (*finalize)(rs_State *S, Obj *o);           /* __del__, a generator's close; reports its errors */
    struct Weakref *weaklist; /* weak references to this object (gc/weakref.h) */
};

/* ---- reference counting ---- */

/* Frees o, whose count reached zero; under a host-GC model it waits for a collection instead (gc/hostgc.c). */
void obj_dealloc(rs_State *S, Obj *o);
/* Frees o now, whatever the model (its type's dealloc, through the trashcan that bounds nested frees). */
void obj_destroy(rs_State *S, Obj *o);

static inline void incref(Obj *o) { o->refcnt++; }
static inline void xincref(Obj *o) { if (o) o->refcnt++; }
static inline void decref(rs_State *S, Obj *o) {
    if (--o->refcnt == 0) obj_dealloc(S, o);
}
static inline void xdecref(rs_State *S, Obj *o) { if (o) decref(S, o); }
#define INCREF(o) incref((Obj *)(o))
#define XINCREF(o) xincref((Obj *)(o))
#define DECREF(S, o) decref((S), (Obj *)(o))
#define XDECREF(S, o) xdecref((S), (Obj *)(o))
/* Replaces *slot with v (a new reference), releasing the old value last. */
#define SETREF(S, slot, v) do { Obj *old_ = (Obj *)(slot); (slot) = (v); XDECREF(S, old_); } while (0)
#define CLEAR(S, slot) do { Obj *old_ = (Obj *)(slot); if (old_) { (slot) = NULL; DECREF(S, old_); } } while (0)
static inline Obj *newref(Obj *o) {
    o->refcnt++;
    return o;
}
#define NEWREF(o) newref((Obj *)(o))

/* ---- allocation ---- */

/* A new object of type t with size bytes (GCHead excluded), refcount 1; tracked if GC. */
Obj *obj_alloc(rs_State *S, Type *t, size_t size);
/* The same, for a list or dict that CPython makes with tp_alloc (list(), dict()), not from its free list. */
Obj *obj_alloc_fresh(rs_State *S, Type *t, size_t size);
/* Frees the memory of o, allocated with size bytes (after its dealloc released its references). */
void obj_free(rs_State *S, Obj *o, size_t size);
/* The hot pair for a built-in type outside the collector (float, int): the block is not zeroed, the caller sets
   every field past the header; counted and observed as obj_alloc's. */
Obj *obj_alloc_plain(rs_State *S, Type *t, size_t size);
void obj_free_plain(rs_State *S, Obj *o, size_t size);

/* PEP 442: runs o's finalizer unless it already ran (CPython's PyObject_CallFinalizer). held: the references
   the caller knows of, so more afterwards mean a resurrection (0: the caller cannot tell). */
void obj_call_finalizer(rs_State *S, Obj *o, intptr_t held);
/* From a dealloc, with o's count at zero: runs the finalizer; true when it resurrected o. */
bool obj_finalize_from_dealloc(rs_State *S, Obj *o);

void gc_track(rs_State *S, Obj *o);
void gc_untrack(rs_State *S, Obj *o);
static inline bool gc_is_tracked(Obj *o) { return (AS_GC(o)->gc_flags & GCF_TRACKED) != 0; }

/* ---- type checks ---- */

#define TYPE(o) (((Obj *)(o))->type)
bool type_is_subtype(Type *a, Type *b);
static inline bool is_instance_of(Obj *o, Type *t) { return o->type == t || type_is_subtype(o->type, t); }

#endif
