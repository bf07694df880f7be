/*
 * api.c: the implementation of refscope.h. Builds a state (every built-in
 * type, the singletons, builtins and sys), runs code as __main__, turns an
 * uncaught exception into a printed traceback and a result code, and tears
 * everything down again at rs_close, returning every byte to the embedder.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../compiler/compile.h"
#include "../core/io.h"
#include "../core/buf.h"
#include "../gc/collector.h"
#include "../gc/hostgc.h"
#include "../gc/observe.h"
#include "../gc/weakref.h"
#include "../modules/registry.h"
#include "../objects/abstract.h"
#include "../objects/bytes.h"
#include "../objects/cfunc.h"
#include "../objects/descr.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/fileobj.h"
#include "../objects/float.h"
#include "../objects/frame.h"
#include "../objects/func.h"
#include "../objects/generator.h"
#include "../objects/int.h"
#include "../objects/iter.h"
#include "../objects/list.h"
#include "../objects/module.h"
#include "../objects/names.h"
#include "../objects/set.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/typeobj.h"
#include "../vm/vm.h"
#include "shutdown.h"

void int_init_type(rs_State *S);
void singletons_init_types(rs_State *S);
void builtins_init_super(rs_State *S);
void sys_init_stream_type(rs_State *S);

/* ---- output and input ---- */

/* ---- building a state ---- */

typedef struct TypeDesc {
    struct Type **slot;
    const char *name;
    struct Type **base;
    size_t basicsize;
    uint32_t flags;
    size_t dictoffset;
} TypeDesc;

static Type *alloc_type(rs_State *S) {
    GCHead *g = mem_alloc(&S->mem, sizeof(GCHead) + sizeof(Type));
    if (!g) return NULL;
    memset(g, 0, sizeof(GCHead) + sizeof(Type));
    Type *t = (Type *)FROM_GC(g);
    t->ob.refcnt = 1;
    return t;
}

/* An object dropped while the runtime is still being built (an allocation failed): its type may not be ready to
   take it apart, and the whole state goes back to the embedder in one sweep anyway (rs_open). */
static void dealloc_while_building(rs_State *S, Obj *o) {
    (void)S;
    (void)o;
}

static bool create_types(rs_State *S) {
    size_t obj = sizeof(Obj);
    TypeDesc descs[] = {
        {&S->t_object, "object", NULL, obj, 0, 0},
        {&S->t_type, "type", &S->t_object, sizeof(Type), TF_GC | TF_TYPE_SUBCLASS, 0},
        {&S->t_none, "NoneType", &S->t_object, obj, 0, 0},
        {&S->t_notimpl, "NotImplementedType", &S->t_object, obj, 0, 0},
        {&S->t_ellipsis, "ellipsis", &S->t_object, obj, 0, 0},
        {&S->t_int, "int", &S->t_object, sizeof(Int), TF_INT_SUBCLASS | TF_CALL_WITH_TUPLE, 0},
        {&S->t_bool, "bool", &S->t_int, sizeof(Int), TF_INT_SUBCLASS, 0},
        {&S->t_float, "float", &S->t_object, sizeof(Float), 0, 0},
        {&S->t_str, "str", &S->t_object, sizeof(Str), TF_STR_SUBCLASS | TF_CALL_WITH_TUPLE, 0},
        {&S->t_tuple, "tuple", &S->t_object, sizeof(Tuple), TF_GC | TF_TUPLE_SUBCLASS, 0},
        {&S->t_list, "list", &S->t_object, sizeof(List), TF_GC | TF_LIST_SUBCLASS, 0},
        {&S->t_dict, "dict", &S->t_object, sizeof(Dict), TF_GC | TF_DICT_SUBCLASS, 0},
        {&S->t_set, "set", &S->t_object, sizeof(Set), TF_GC, 0},
        {&S->t_frozenset, "frozenset", &S->t_object, sizeof(Set), TF_GC, 0},
        {&S->t_range, "range", &S->t_object, sizeof(Range), 0, 0},
        {&S->t_slice, "slice", &S->t_object, sizeof(Slice), 0, 0},
        {&S->t_function, "function", &S->t_object, sizeof(Func), TF_GC, 0},
        {&S->t_method, "method", &S->t_object, sizeof(Method), TF_GC, 0},
        {&S->t_builtin, "builtin_function_or_method", &S->t_object, sizeof(CFunc), TF_GC, 0},
        {&S->t_method_descr, "method_descriptor", &S->t_object, sizeof(CFunc), TF_GC, 0},
        {&S->t_code, "code", &S->t_object, sizeof(Code), 0, 0}, /* not a GC object, as in CPython 3.11 */
        {&S->t_frame, "frame", &S->t_object, sizeof(Frame), TF_GC, 0},
        {&S->t_cell, "cell", &S->t_object, sizeof(Cell), TF_GC, 0},
        {&S->t_module, "module", &S->t_object, sizeof(Module), TF_GC, 0},
        {&S->t_generator, "generator", &S->t_object, sizeof(Gen), TF_GC, 0},
        {&S->t_traceback, "traceback", &S->t_object, sizeof(Traceback), TF_GC, 0},
        {&S->t_property, "property", &S->t_object, sizeof(Property), TF_GC, 0},
        {&S->t_classmethod, "classmethod", &S->t_object, sizeof(ClassMethod), TF_GC, 0},
        {&S->t_staticmethod, "staticmethod", &S->t_object, sizeof(ClassMethod), TF_GC, 0},
        {&S->t_super, "super", &S->t_object, 4 * sizeof(void *) + sizeof(Obj), TF_GC, 0},
        {&S->t_list_iter, "list_iterator", &S->t_object, sizeof(SeqIter), TF_GC, 0},
        {&S->t_tuple_iter, "tuple_iterator", &S->t_object, sizeof(SeqIter), TF_GC, 0},
        {&S->t_str_iter, "str_ascii_iterator", &S->t_object, sizeof(SeqIter), TF_GC, 0},
        {&S->t_range_iter, "range_iterator", &S->t_object, 3 * sizeof(int64_t) + sizeof(Obj), 0, 0},
        {&S->t_dict_keys, "dict_keys", &S->t_object, sizeof(Obj) + sizeof(void *), TF_GC, 0},
        {&S->t_dict_values, "dict_values", &S->t_object, sizeof(Obj) + sizeof(void *), TF_GC, 0},
        {&S->t_dict_items, "dict_items", &S->t_object, sizeof(Obj) + sizeof(void *), TF_GC, 0},
        {&S->t_dict_iter, "dict_keyiterator", &S->t_object, 0, TF_GC, 0},
        {&S->t_set_iter, "set_iterator", &S->t_object, 0, TF_GC, 0},
        {&S->t_seq_iter, "iterator", &S->t_object, sizeof(SeqIter), TF_GC, 0},
        {&S->t_enumerate, "enumerate", &S->t_object, 0, TF_GC, 0},
        {&S->t_zip, "zip", &S->t_object, 0, TF_GC | TF_CALL_WITH_TUPLE, 0},
        {&S->t_map, "map", &S->t_object, 0, TF_GC, 0},
        {&S->t_filter, "filter", &S->t_object, 0, TF_GC, 0},
        {&S->t_reversed, "reversed", &S->t_object, 0, TF_GC, 0},
        {&S->t_callable_iter, "callable_iterator", &S->t_object, 0, TF_GC, 0},
        {&S->t_file, "TextIOWrapper", &S->t_object, sizeof(Obj) + sizeof(int) + 4, 0, 0},
        {&S->t_getset, "getset_descriptor", &S->t_object, 0, TF_GC, 0},
        {&S->t_member, "member_descriptor", &S->t_object, 0, 0, 0},
        {&S->t_bytes, "bytes", &S->t_object, sizeof(Bytes), TF_CALL_WITH_TUPLE, 0},
        {&S->t_bytes_iter, "bytes_iterator", &S->t_object, sizeof(SeqIter), TF_GC, 0},
        {&S->t_weakref, "weakref.ReferenceType", &S->t_object, sizeof(Weakref), TF_GC, 0},
        {&S->t_weakproxy, "weakref.ProxyType", &S->t_object, sizeof(Weakref), TF_GC, 0},
        {&S->t_weakcallableproxy, "weakref.CallableProxyType", &S->t_object, sizeof(Weakref), TF_GC, 0},
        {&S->t_textio, "_io.TextIOWrapper", &S->t_object, sizeof(FileObj), TF_GC, 0},
        {&S->t_bufreader, "_io.BufferedReader", &S->t_object, sizeof(FileObj), TF_GC, 0},
        {&S->t_bufwriter, "_io.BufferedWriter", &S->t_object, sizeof(FileObj), TF_GC, 0},
#define e_object t_object
#define X_DESC(f, n, b) {&S->e_##f, n, &S->e_##b, sizeof(Exc), TF_GC | TF_EXC_SUBCLASS, offsetof(Exc, dict)},
        RS_EXCEPTION_TYPES(X_DESC)
#undef X_DESC
#undef e_object
    };
    size_t n = sizeof descs / sizeof descs[0];
    for (size_t i = 0; i < n; i++) {
        Type *t = alloc_type(S);
        if (!t) return false;
        *descs[i].slot = t;
    }
    for (size_t i = 0; i < n; i++) {
        Type *t = *descs[i].slot;
        t->ob.type = S->t_type;
        t->name = descs[i].name;
        t->base = descs[i].base ? *descs[i].base : NULL;
        t->basicsize = descs[i].basicsize;
        t->flags = descs[i].flags | TF_BASETYPE;
        t->dictoffset = descs[i].dictoffset;
        t->dealloc = dealloc_while_building; /* each type's own comes with its initialisation, later */
    }
    return true;
}

static Type *const *all_types(rs_State *S, size_t *n) {
    /* The type pointers sit contiguously in the state, in X-macro order. */
    *n = (size_t)(&S->e_StopAsyncIteration - &S->t_object) + 1;
    return &S->t_object;
}

static bool init_runtime(rs_State *S) {
    if (!gc_init(S)) return false;
    if (!create_types(S)) return false;
    S->interned = (Dict *)dict_new(S);
    if (!S->interned) return false;
    size_t ntypes;
    Type *const *types = all_types(S, &ntypes);
    for (size_t i = 0; i < ntypes; i++)
        if (!(types[i]->dict = (Dict *)dict_new(S))) return false;
    /* Singletons first: type initialisation creates objects that use them. */
    S->none = obj_alloc(S, S->t_none, sizeof(Obj));
    S->notimpl = obj_alloc(S, S->t_notimpl, sizeof(Obj));
    S->ellipsis = obj_alloc(S, S->t_ellipsis, sizeof(Obj));
    if (!S->none || !S->notimpl || !S->ellipsis) return false;
    for (int v = RS_SMALL_INT_MIN; v <= RS_SMALL_INT_MAX; v++) {
        Int *i = (Int *)obj_alloc(S, S->t_int, sizeof(Int));
        if (!i) return false;
        i->small = v;
        i->size = 0;
        S->small_ints[v - RS_SMALL_INT_MIN] = i;
    }
    Int *t = (Int *)obj_alloc(S, S->t_bool, sizeof(Int)), *f = (Int *)obj_alloc(S, S->t_bool, sizeof(Int));
    if (!t || !f) return false;
    t->small = 1;
    t->size = 0;
    f->small = 0;
    f->size = 0;
    S->true_ = (Obj *)t;
    S->false_ = (Obj *)f;
    S->empty_tuple = (Tuple *)obj_alloc(S, S->t_tuple, sizeof(Tuple));
    if (!S->empty_tuple) return false;
    S->empty_tuple->len = 0;
    gc_untrack(S, (Obj *)S->empty_tuple);
    S->empty_str = (Str *)str_new(S, "", 0);
    if (!S->empty_str) return false;
    for (int c = 0; c < 128; c++) {
        char ch = (char)c;
        Str *s = (Str *)obj_alloc(S, S->t_str, sizeof(Str) + 2);
        if (!s) return false;
        s->hash = -1;
        s->nbytes = s->len = 1;
        s->ascii = true;
        s->interned = false;
        s->data[0] = ch;
        s->data[1] = 0;
        S->chars[c] = s;
    }
    S->names = mem_alloc(&S->mem, sizeof(Str *) * NAME_COUNT_);
    if (!S->names) return false;
    static const char *const name_texts[] = {
#define NAME_TEXT(n) #n,
        RS_NAMES(NAME_TEXT)
#undef NAME_TEXT
    };
    for (int i = 0; i < NAME_COUNT_; i++) {
        S->names[i] = (Str *)str_intern_cstr(S, name_texts[i]);
        if (!S->names[i]) return false;
    }
    S->gc_garbage = list_new(S, 0);
    S->gc_callbacks = list_new(S, 0);
    S->atexit_callbacks = list_new(S, 0);
    if (!S->gc_garbage || !S->gc_callbacks || !S->atexit_callbacks) return false;
    S->repr_stack = list_new(S, 0);
    S->sources = (Dict *)dict_new(S);
    S->modules = (Dict *)dict_new(S);
    if (!S->repr_stack || !S->sources || !S->modules) return false;
    /* Slots and methods of every built-in type. */
    cfunc_init_types(S);
    str_init_type(S);
    int_init_type(S);
    tuple_init_type(S);
    list_init_type(S);
    dict_init_type(S);
    exc_init_types(S);
    descr_init_types(S);
    type_init_types(S);
    singletons_init_types(S);
    float_init_type(S);
    set_init_type(S);
    func_init_types(S);
    frame_init_type(S);
    module_init_type(S);
    gen_init_type(S);
    iter_init_types(S);
    bytes_init_type(S);
    builtins_init_super(S);
    sys_init_stream_type(S);
    weakref_init_types(S);
    file_init_types(S);
    for (size_t i = 0; i < ntypes; i++) {
        if (types[i]->dealloc == dealloc_while_building) types[i]->dealloc = NULL; /* inherited from its base now */
        if (type_ready(S, types[i]) < 0) return false;
    }
    /* An exception class's dict is at its __dict__ offset; subclasses of it keep it. */
    Obj *msg = str_from_cstr(S, "out of memory");
    if (!msg) return false;
    S->memory_error = exc_new(S, S->e_MemoryError, NULL, 0);
    DECREF(S, msg);
    if (!S->memory_error) return false;
    S->quiet_attr_error = exc_new(S, S->e_AttributeError, NULL, 0);
    if (!S->quiet_attr_error) return false;
    /* builtins and sys */
    Obj *bm = builtins_create(S);
    if (!bm) return false;
    S->builtins = (Dict *)NEWREF(((Module *)bm)->dict);
    dict_set_cstr(S, S->modules, "builtins", bm);
    DECREF(S, bm);
    S->sys_module = sys_create(S);
    if (!S->sys_module || dict_set_cstr(S, S->modules, "sys", S->sys_module) < 0) return false;
    S->main_module = module_new(S, "__main__");
    if (!S->main_module || dict_set_cstr(S, S->modules, "__main__", S->main_module) < 0) return false;
    Obj *annotations = dict_new(S);
    if (!annotations || dict_set_cstr(S, ((Module *)S->main_module)->dict, "__annotations__", annotations) < 0) {
        XDECREF(S, annotations);
        return false;
    }
    DECREF(S, annotations);
    if (dict_set_cstr(S, ((Module *)S->main_module)->dict, "__builtins__", bm) < 0) return false;
    type_modified(S);
    gc_assume_cpython_startup(S);
    observe_ready(S);
    /* The built-in types' set-up does not report each failed allocation; any refused one means a broken runtime. */
    return !S->exc && hostgc_start(S) && S->mem.refusals == 0;
}

void rs_options_init(rs_Options *opts) { memset(opts, 0, sizeof *opts); }

static const char *const model_names[RS_MODEL_COUNT] = {"cpython", "jvm", "clr", "boehm"};

int rs_model_from_name(const char *name) {
    for (size_t i = 0; name && i < sizeof model_names / sizeof model_names[0]; i++)
        if (!strcmp(model_names[i], name)) return (int)i;
    return -1;
}

const char *rs_model_name(rs_Model model) {
    return (size_t)model < sizeof model_names / sizeof model_names[0] ? model_names[model] : "unknown";
}

rs_State *rs_open(const rs_Options *opts) {
    rs_Options o;
    if (opts) o = *opts;
    else rs_options_init(&o);
    if ((unsigned)o.model >= RS_MODEL_COUNT) return NULL;
    rs_Alloc alloc = o.alloc ? o.alloc : mem_libc_alloc;
    rs_State *S = alloc(o.alloc_ud, NULL, 0, sizeof(rs_State));
    if (!S) return NULL;
    memset(S, 0, sizeof *S);
    S->opts = o;
    mem_init(&S->mem, alloc, o.alloc_ud, 0);
    S->recursion_limit = o.recursion_limit > 0 ? o.recursion_limit : 1000;
    S->step_deadline = UINT64_MAX;
    vm_arm_clock(S);
    S->max_open_files = o.max_open_files > 0 ? o.max_open_files : 1024;
    S->stack_limit = o.stack_limit > 0 ? o.stack_limit : (size_t)2 << 20;
    S->int_max_str_digits = 4300; /* CPython 3.11's default: decimal conversion is quadratic */
    S->stack_base = util_stack_position();
    if (!init_runtime(S)) {
        /* Out of memory while building the runtime: no program ran, nothing has a finalizer to run, so every
           block goes back at once (the allocator layer knows them all) instead of object by object. */
        mem_finish(&S->mem);
        alloc(o.alloc_ud, S, sizeof(rs_State), 0);
        return NULL;
    }
    S->mem.limit = o.memory_limit;
    S->gc_stress = o.gc_stress;
    return S;
}

/* ---- running ---- */

static void set_error(rs_State *S, const char *msg) { snprintf(S->last_error, sizeof S->last_error, "%s", msg); }

/* Handles the exception that ended a run: SystemExit gives the status, others print a traceback. */
static int finish_with_exception(rs_State *S, bool interactive) {
    Obj *exc = exc_fetch(S);
    if (!exc) return RS_OK;
    if (S->stopped) {
        DECREF(S, exc);
        snprintf(S->last_error, sizeof S->last_error, "stopped at the step limit of %llu instructions",
                 (unsigned long long)S->opts.step_limit);
        io_flush(S);
        io_write(S, 2, "refscope: ", 10);
        io_write(S, 2, S->last_error, strlen(S->last_error));
        io_write(S, 2, "\n", 1);
        return RS_ERROR_LIMIT;
    }
    if (is_instance_of(exc, S->e_SystemExit)) {
        Obj *code = ((Exc *)exc)->value;
        int status = 0;
        if (!code || code == S->none) status = 0;
        else if (IS_INT(code)) {
            int64_t v = 0;
            if (int_as_i64(S, code, &v) < 0) exc_clear(S);
            status = (int)(v & 0xFF);
        } else {
            Obj *s = obj_str(S, code);
            if (s) {
                io_write(S, 2, STR_DATA(s), ((Str *)s)->nbytes);
                io_write(S, 2, "\n", 1);
                DECREF(S, s);
            } else {
                exc_clear(S);
            }
            status = 1;
        }
        DECREF(S, exc);
        S->exit_status = status;
        set_error(S, "SystemExit");
        return RS_ERROR_EXIT;
    }
    exc_print(S, exc);
    Obj *s = obj_str(S, exc);
    if (s) {
        snprintf(S->last_error, sizeof S->last_error, "%s: %s", type_name(TYPE(exc)), STR_DATA(s));
        DECREF(S, s);
    } else {
        exc_clear(S);
        set_error(S, type_name(TYPE(exc)));
    }
    if (interactive) {
        /* The interactive prompt keeps the last traceback, as CPython's sys.last_* do. */
        Dict *sysd = ((Module *)S->sys_module)->dict;
        dict_set_cstr(S, sysd, "last_type", (Obj *)TYPE(exc));
        dict_set_cstr(S, sysd, "last_value", exc);
        dict_set_cstr(S, sysd, "last_traceback", ((Exc *)exc)->traceback ? ((Exc *)exc)->traceback : S->none);
    }
    exc_clear(S);
    if (exc == S->memory_error) {
        /* the preallocated instance must not keep the failed run's frames alive */
        CLEAR(S, ((Exc *)exc)->traceback);
        CLEAR(S, ((Exc *)exc)->context);
    }
    DECREF(S, exc);
    return RS_ERROR_EXCEPTION;
}

static int run_source(rs_State *S, const char *source, size_t len, const char *filename, enum CompileMode mode, int *incomplete) {
    S->last_error[0] = 0;
    S->stack_base = util_stack_position();
    /* the step limit counts this run's instructions */
    S->stopped = false;
    S->step_deadline = S->opts.step_limit ? S->clock + S->opts.step_limit : UINT64_MAX;
    vm_arm_clock(S);
    Dict *g = ((Module *)S->main_module)->dict;
    Obj *fname = str_from_cstr(S, filename ? filename : "<string>");
    Obj *text = str_new(S, source, len);
    /* source lines for tracebacks come from files, as CPython's: not from -c, standard input or the prompt */
    if (fname && text && filename && filename[0] != '<') dict_set(S, S->sources, fname, text);
    if (fname && mode == COMPILE_FILE) {
        dict_set_cstr(S, g, "__file__", fname);
        if (!dict_get_cstr(S, g, "__cached__")) dict_set_cstr(S, g, "__cached__", S->none);
    }
    XDECREF(S, fname);
    XDECREF(S, text);
    bool inc = false;
    Code *code = compile_source(S, source, len, filename ? filename : "<string>", mode, &inc);
    if (incomplete) *incomplete = inc;
    if (!code) {
        if (inc && incomplete) {
            exc_clear(S);
            return RS_OK;
        }
        int r = finish_with_exception(S, mode == COMPILE_INTERACTIVE);
        io_flush(S);
        return r;
    }
    Obj *r = vm_run_code(S, code, g, (Obj *)g);
    DECREF(S, code);
    int status = RS_OK;
    if (r) DECREF(S, r);
    else status = finish_with_exception(S, mode == COMPILE_INTERACTIVE);
    io_flush(S);
    return status;
}

/* Every entry that runs code marks the state busy: a callback (output, input, events) that calls back into
   rs_run_*, rs_finish or rs_close is refused instead of corrupting the run it interrupts. */
static bool refuse_reentry(rs_State *S, const char *what) {
    if (!S->in_call && !S->frame) return false;
    snprintf(S->last_error, sizeof S->last_error, "%s called while code is running (from a callback)", what);
    return true;
}

static int run(rs_State *S, const char *source, size_t len, const char *filename, enum CompileMode mode, int *incomplete) {
    if (!S || !source) return RS_ERROR_MISUSE;
    if (refuse_reentry(S, "rs_run")) return RS_ERROR_MISUSE;
    if (S->finished) {
        set_error(S, "rs_run called after rs_finish");
        return RS_ERROR_MISUSE;
    }
    S->in_call = true;
    int status = run_source(S, source, len, filename, mode, incomplete);
    S->in_call = false;
    return status;
}

static void set_path0(rs_State *S, const char *filename) {
    Obj *path = dict_get_cstr(S, ((Module *)S->sys_module)->dict, "path");
    if (!path || !IS_LIST(path)) return;
    const char *slash = filename ? strrchr(filename, '/') : NULL;
    Obj *dir = slash ? str_new(S, filename, (size_t)(slash - filename)) : str_from_cstr(S, "");
    if (!dir) {
        exc_clear(S);
        return;
    }
    if (LIST_LEN(path) == 0) list_append(S, path, dir);
    else SETREF(S, LIST_ITEMS(path)[0], NEWREF(dir));
    DECREF(S, dir);
}

int rs_run_string(rs_State *S, const char *source, size_t len, const char *filename) {
    if (!S) return RS_ERROR_MISUSE;
    set_path0(S, filename && filename[0] != '<' ? filename : NULL);
    return run(S, source, len, filename, COMPILE_FILE, NULL);
}

int rs_run_interactive(rs_State *S, const char *source, size_t len, int *incomplete) {
    if (!S) return RS_ERROR_MISUSE;
    return run(S, source, len, "<stdin>", COMPILE_INTERACTIVE, incomplete);
}

int rs_run_file(rs_State *S, const char *path) {
    if (!S || !path) return RS_ERROR_MISUSE;
    char *src;
    size_t len;
    int r = io_read_file(S, path, &src, &len);
    if (r == IO_NO_MEMORY) {
        set_error(S, "out of memory reading the script");
        return RS_ERROR_NOMEM;
    }
    if (r <= 0) {
        snprintf(S->last_error, sizeof S->last_error, "can't open file '%s': [Errno %d] %s", path, r == 0 ? 2 : 5,
                 r == 0 ? "No such file or directory" : "Input/output error");
        return RS_ERROR_MISUSE;
    }
    int status = rs_run_string(S, src, len, path);
    mem_free(&S->mem, src, len + 1);
    return status;
}

int rs_exit_status(const rs_State *S) { return S ? S->exit_status : 0; }
const char *rs_last_error(const rs_State *S) { return S ? S->last_error : "no state"; }
size_t rs_live_objects(const rs_State *S) { return S ? S->live_objects : 0; }
size_t rs_live_bytes(const rs_State *S) { return S ? S->mem.bytes : 0; }

/* ---- closing ---- */

/* Breaks every remaining reference cycle by clearing tracked containers until none is left. */
static void clear_all_tracked(rs_State *S) {
    for (int round = 0; round < 100; round++) {
        GCHead *heads[4] = {S->gc_gen[0], S->gc_gen[1], S->gc_gen[2], S->gc_permanent};
        bool any = false;
        for (int h = 0; h < 4; h++) any |= heads[h]->next != heads[h];
        if (!any) return;
        /* Take a strong reference to each, clear it, release it. */
        Obj *batch = list_new(S, 0);
        if (!batch) {
            exc_clear(S);
            return;
        }
        for (int h = 0; h < 4; h++)
            for (GCHead *g = heads[h]->next; g != heads[h]; g = g->next)
                if (FROM_GC(g) != batch && list_append(S, batch, FROM_GC(g)) < 0) {
                    exc_clear(S);
                    break;
                }
        for (size_t i = 0; i < LIST_LEN(batch); i++) {
            Obj *o = LIST_ITEMS(batch)[i];
            if (TYPE(o)->clear) TYPE(o)->clear(S, o);
            if (S->exc) exc_clear(S);
        }
        DECREF(S, batch);
    }
}

void rs_finish(rs_State *S) {
    if (!S || S->finished || refuse_reentry(S, "rs_finish")) return;
    S->in_call = true;
    S->stack_base = util_stack_position();
    io_flush(S);
    exc_clear(S);
    CLEAR(S, S->handled);
    observe_run_ended(S);
    S->finished = true;
    S->free_cause = RS_CAUSE_SHUTDOWN;
    shutdown_finalize(S);
    io_flush(S);
    S->in_call = false;
}

void rs_get_stats(const rs_State *S, rs_Stats *out) {
    if (!out) return;
    if (S) observe_stats(S, out);
    else memset(out, 0, sizeof *out);
}

void rs_set_event_hook(rs_State *S, unsigned mask, rs_EventFn fn, void *ud) {
    if (S) observe_set_hook(S, mask, fn, ud);
}

void rs_close(rs_State *S) {
    if (!S || refuse_reentry(S, "rs_close")) return;
    rs_finish(S);
    S->in_call = true; /* (for good: the state is going) */
    hostgc_end(S);
    observe_finish(S);
    /* What is left was kept alive past the end by cycles among modules: CPython never frees it;
       refscope frees it without running finalizers. */
    S->closing = true;
    if (S->modules) dict_clear_all(S, S->modules);
    CLEAR(S, S->main_module);
    CLEAR(S, S->sys_module);
    CLEAR(S, S->builtins);
    CLEAR(S, S->memory_error);
    CLEAR(S, S->quiet_attr_error);
    io_flush(S);
    clear_all_tracked(S);
    io_flush(S);
    CLEAR(S, S->modules);
    CLEAR(S, S->sources);
    CLEAR(S, S->repr_stack);
    CLEAR(S, S->gc_garbage);
    CLEAR(S, S->gc_callbacks);
    CLEAR(S, S->atexit_callbacks);
    if (S->kw_parsers) mem_free(&S->mem, S->kw_parsers, S->kw_parsers_cap * sizeof(void *));
    exc_clear(S);
    /* Types hold dicts of methods; empty them before the singletons go. */
    size_t ntypes = 0;
    Type *const *types = S->t_object ? all_types(S, &ntypes) : NULL;
    type_modified(S);
    for (size_t i = 0; i < ntypes; i++) {
        Type *t = types[i];
        if (!t) continue;
        if (t->dict) dict_clear_all(S, t->dict);
        CLEAR(S, t->subclasses);
        CLEAR(S, t->mro);
        CLEAR(S, t->bases);
    }
    if (S->names) {
        for (int i = 0; i < NAME_COUNT_; i++) XDECREF(S, S->names[i]);
        mem_free(&S->mem, S->names, sizeof(Str *) * NAME_COUNT_);
    }
    if (S->interned) {
        /* interned strings are owned by the table */
        dict_clear_all(S, S->interned);
        CLEAR(S, S->interned);
    }
    for (int c = 0; c < 128; c++) CLEAR(S, S->chars[c]);
    CLEAR(S, S->empty_str);
    if (S->empty_tuple) {
        Obj *e = (Obj *)S->empty_tuple;
        S->empty_tuple = NULL;
        DECREF(S, e);
    }
    for (int i = 0; i < RS_SMALL_INT_MAX - RS_SMALL_INT_MIN + 1; i++) CLEAR(S, S->small_ints[i]);
    CLEAR(S, S->true_);
    CLEAR(S, S->false_);
    CLEAR(S, S->none);
    CLEAR(S, S->notimpl);
    CLEAR(S, S->ellipsis);
    for (size_t i = 0; i < ntypes; i++) {
        Type *t = types[i];
        if (!t) continue;
        CLEAR(S, t->dict);
    }
    for (size_t i = 0; i < ntypes; i++) {
        Type *t = types[i];
        if (t) mem_free(&S->mem, AS_GC(t), sizeof(GCHead) + sizeof(Type));
    }
    hostgc_finish(S);
    gc_finish(S);
#ifdef RS_CHECK_LEAKS
    if (S->mem.bytes || S->live_objects) {
        fprintf(stderr, "refscope: leak at close: %zu bytes in %zu blocks, %zu objects\n", S->mem.bytes, S->mem.blocks,
                S->live_objects);
        abort(); /* a test (or the fuzzer) fails right here, with the program that leaked */
    }
#endif
    mem_finish(&S->mem);
    rs_Alloc alloc = S->mem.alloc;
    void *ud = S->mem.ud;
    alloc(ud, S, sizeof(rs_State), 0);
}
