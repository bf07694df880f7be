/*
 * sys.c: the sys module: reference counts, recursion limit, exc_info,
 * argv/path/modules, exit, and stdout/stderr as writable stream objects.
 */
#include <string.h>
#include "registry.h"
#include "../core/io.h"
#include "../objects/abstract.h"
#include "../objects/cfunc.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/frame.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/module.h"
#include "../objects/str.h"
#include "../objects/tuple.h"


#define FN(name) static Obj *sys_##name(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw)

FN(getrefcount) {
    (void)self;
    if (args_no_kwargs(S, "getrefcount", kw) < 0 || args_count(S, "getrefcount", nargs, 1, 1) < 0) return NULL;
    return int_from_i64(S, (int64_t)args[0]->refcnt);
}

FN(getrecursionlimit) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "getrecursionlimit", kw) < 0 || args_count(S, "getrecursionlimit", nargs, 0, 0) < 0) return NULL;
    return int_from_i64(S, S->recursion_limit);
}

FN(setrecursionlimit) {
    (void)self;
    if (args_no_kwargs(S, "setrecursionlimit", kw) < 0 || args_count(S, "setrecursionlimit", nargs, 1, 1) < 0) return NULL;
    int64_t n;
    if (!IS_INT(args[0])) return exc_raisef(S, S->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(args[0])));
    if (int_as_i64(S, args[0], &n) < 0) return NULL;
    if (n < 1) return exc_raisef(S, S->e_ValueError, "recursion limit must be greater or equal than 1");
    if (n <= S->depth)
        return exc_raisef(S, S->e_RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                          (int)n, S->depth);
    /* The C stack bounds how deep we can really go. */
    S->recursion_limit = n > 20000 ? 20000 : (int)n;
    return NEWREF(S->none);
}

FN(get_int_max_str_digits) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "get_int_max_str_digits", kw) < 0 || args_count(S, "get_int_max_str_digits", nargs, 0, 0) < 0)
        return NULL;
    return int_from_i64(S, S->int_max_str_digits);
}

FN(set_int_max_str_digits) {
    (void)self;
    static const char *const names[] = {"maxdigits"};
    Obj *a[1];
    if (args_bind(S, "set_int_max_str_digits", args, nargs, kw, names, 1, 1, a) < 0) return NULL;
    int64_t n;
    if (!IS_INT(a[0])) return exc_raisef(S, S->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(a[0])));
    if (int_as_i64(S, a[0], &n) < 0) return NULL;
    if (n != 0 && (n < 640 || n > INT32_MAX)) return exc_raisef(S, S->e_ValueError, "maxdigits must be 0 or larger than 640");
    S->int_max_str_digits = (int)n;
    return NEWREF(S->none);
}

FN(exc_info) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "exc_info", kw) < 0 || args_count(S, "exc_info", nargs, 0, 0) < 0) return NULL;
    Obj *e = S->handled;
    if (!e) return tuple_pack(S, 3, NEWREF(S->none), NEWREF(S->none), NEWREF(S->none));
    Obj *tb = ((Exc *)e)->traceback;
    return tuple_pack(S, 3, NEWREF(TYPE(e)), NEWREF(e), NEWREF(tb ? tb : S->none));
}

FN(exception) {
    (void)self;
    (void)args;
    if (args_no_kwargs(S, "exception", kw) < 0 || args_count(S, "exception", nargs, 0, 0) < 0) return NULL;
    return NEWREF(S->handled ? S->handled : S->none);
}

/* sys.excepthook(type, value, traceback): prints the exception as an uncaught one (value's own traceback). */
FN(excepthook) {
    (void)self;
    if (args_no_kwargs(S, "excepthook", kw) < 0 || args_count(S, "excepthook", nargs, 3, 3) < 0) return NULL;
    if (!is_instance_of(args[1], S->e_BaseException)) {
        Obj *msg = str_fromf(S, "TypeError: print_exception(): Exception expected for value, %s found\n", type_name(TYPE(args[1])));
        if (msg) io_write(S, 2, STR_DATA(msg), ((Str *)msg)->nbytes);
        XDECREF(S, msg);
        return msg ? NEWREF(S->none) : NULL;
    }
    exc_print(S, args[1]);
    return NEWREF(S->none);
}

FN(exit) {
    (void)self;
    if (args_no_kwargs(S, "exit", kw) < 0 || args_count(S, "exit", nargs, 0, 1) < 0) return NULL;
    Obj *e = exc_new(S, S->e_SystemExit, args, nargs);
    if (e) exc_set(S, e);
    return NULL;
}

FN(getframe) {
    (void)self;
    if (args_no_kwargs(S, "_getframe", kw) < 0 || args_count(S, "_getframe", nargs, 0, 1) < 0) return NULL;
    int64_t depth = 0;
    if (nargs && int_as_i64(S, args[0], &depth) < 0) return NULL;
    Frame *f = S->frame;
    while (f && depth-- > 0) f = f->back;
    if (!f) return exc_raisef(S, S->e_ValueError, "call stack is not deep enough");
    return NEWREF(frame_materialize(S, f));
}

FN(intern) {
    (void)self;
    if (args_no_kwargs(S, "intern", kw) < 0 || args_count(S, "intern", nargs, 1, 1) < 0) return NULL;
    if (TYPE(args[0]) != S->t_str) return exc_raisef(S, S->e_TypeError, "intern() argument must be str, not %s", type_name(TYPE(args[0])));
    return str_intern(S, NEWREF(args[0]));
}

static const CFuncDef sys_functions[] = {
    {"getrefcount", sys_getrefcount}, {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit}, {"exc_info", sys_exc_info}, {"exception", sys_exception},
    {"exit", sys_exit}, {"excepthook", sys_excepthook}, {"_getframe", sys_getframe}, {"intern", sys_intern},
    {"get_int_max_str_digits", sys_get_int_max_str_digits}, {"set_int_max_str_digits", sys_set_int_max_str_digits},
    {NULL, NULL}};

/* ---- stdout / stderr ---- */

typedef struct Stream {
    Obj ob;
    int fd;
} Stream;

static void stream_dealloc(rs_State *S, Obj *o) { obj_free(S, o, sizeof(Stream)); }

static Obj *stream_write(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    if (args_no_kwargs(S, "write", kw) < 0 || args_count(S, "write", nargs, 1, 1) < 0) return NULL;
    if (!IS_STR(args[0])) return exc_raisef(S, S->e_TypeError, "write() argument must be str, not %s", type_name(TYPE(args[0])));
    io_write(S, ((Stream *)self)->fd, STR_DATA(args[0]), ((Str *)args[0])->nbytes);
    return int_from_i64(S, (int64_t)((Str *)args[0])->len);
}

static Obj *stream_flush(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw) {
    (void)self;
    (void)args;
    (void)nargs;
    (void)kw;
    io_flush(S);
    return NEWREF(S->none);
}

static Obj *stream_repr(rs_State *S, Obj *o) {
    return str_fromf(S, "<_io.TextIOWrapper name='<%s>' mode='w' encoding='utf-8'>", ((Stream *)o)->fd == 1 ? "stdout" : "stderr");
}

static const CFuncDef stream_methods[] = {{"write", stream_write}, {"flush", stream_flush}, {NULL, NULL}};

void sys_init_stream_type(rs_State *S);
void sys_init_stream_type(rs_State *S) {
    Type *t = S->t_file;
    t->dealloc = stream_dealloc;
    t->repr = stream_repr;
    cfunc_add_methods(S, t, stream_methods);
}

static Obj *stream_new(rs_State *S, int fd) {
    Stream *s = (Stream *)obj_alloc(S, S->t_file, sizeof(Stream));
    if (!s) return NULL;
    s->fd = fd;
    return (Obj *)s;
}

static int set(rs_State *S, Dict *d, const char *name, Obj *v) {
    if (!v) return -1;
    int r = dict_set_cstr(S, d, name, v);
    DECREF(S, v);
    return r;
}

Obj *sys_create(rs_State *S) {
    Obj *m = module_new(S, "sys");
    if (!m) return NULL;
    Dict *d = ((Module *)m)->dict;
    if (cfunc_add_functions(S, d, sys_functions, m) < 0) goto fail;
    Obj *argv = list_new(S, 0);
    if (!argv) goto fail;
    for (int i = 0; i < S->opts.argc; i++) {
        Obj *a = str_from_cstr(S, S->opts.argv[i]);
        if (!a || list_append(S, argv, a) < 0) {
            XDECREF(S, a);
            DECREF(S, argv);
            goto fail;
        }
        DECREF(S, a);
    }
    if (S->opts.argc == 0) {
        Obj *a = str_from_cstr(S, "");
        if (!a || list_append(S, argv, a) < 0) {
            XDECREF(S, a);
            DECREF(S, argv);
            goto fail;
        }
        DECREF(S, a);
    }
    if (set(S, d, "argv", argv) < 0) goto fail;
    if (set(S, d, "path", list_new(S, 0)) < 0) goto fail;
    if (dict_set_cstr(S, d, "modules", (Obj *)S->modules) < 0) goto fail;
    if (set(S, d, "version", str_from_cstr(S, "3.11.0 (refscope " RS_VERSION ")")) < 0) goto fail;
    if (set(S, d, "version_info", tuple_pack(S, 5, int_from_i64(S, 3), int_from_i64(S, 11), int_from_i64(S, 0),
                                              str_from_cstr(S, "final"), int_from_i64(S, 0))) < 0)
        goto fail;
    if (set(S, d, "maxsize", int_from_i64(S, INT64_MAX)) < 0) goto fail;
    if (set(S, d, "platform", str_from_cstr(S, "refscope")) < 0) goto fail;
    if (set(S, d, "byteorder", str_from_cstr(S, "little")) < 0) goto fail;
    if (set(S, d, "stdout", stream_new(S, 1)) < 0) goto fail;
    if (set(S, d, "stderr", stream_new(S, 2)) < 0) goto fail;
    Obj *out = dict_get_cstr(S, d, "stdout"), *err = dict_get_cstr(S, d, "stderr");
    if (!out || !err || dict_set_cstr(S, d, "__stdout__", out) < 0 || dict_set_cstr(S, d, "__stderr__", err) < 0) goto fail;
    return m;
fail:
    DECREF(S, m);
    return NULL;
}
