/*
 * fileobj.c: open() and the file objects it returns (text: _io.TextIOWrapper,
 * binary: _io.BufferedReader/_io.BufferedWriter), on the C library's stdio
 * (Emscripten's file system in wasm). A file is closed by close(), by `with`,
 * or when reclaimed: its finalizer closes it, so under reference counting a
 * file goes the moment its last reference does, as in CPython. A state has
 * at most rs_Options.max_open_files open at once; the next open() raises
 * OSError(24, 'Too many open files'), as a process out of descriptors does.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "fileobj.h"
#include "abstract.h"
#include "bytes.h"
#include "cfunc.h"
#include "exception.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "../gc/observe.h"
#include "../core/buf.h"
#include "../gc/weakref.h"


/* Python's errno numbers and messages are Linux's (glibc's): a libc with others (wasm's musl) is translated, for the
   errors files meet. */
static const struct {
    int host, python;
    const char *message;
} errno_table[] = {
    {EPERM, 1, "Operation not permitted"}, {ENOENT, 2, "No such file or directory"}, {EIO, 5, "Input/output error"},
    {EBADF, 9, "Bad file descriptor"},     {EACCES, 13, "Permission denied"},        {EEXIST, 17, "File exists"},
    {ENOTDIR, 20, "Not a directory"},      {EISDIR, 21, "Is a directory"},           {EINVAL, 22, "Invalid argument"},
    {ENFILE, 23, "Too many open files in system"}, {EMFILE, 24, "Too many open files"},
    {ENOSPC, 28, "No space left on device"}, {EROFS, 30, "Read-only file system"}, {ENAMETOOLONG, 36, "File name too long"},
};

static Obj *os_error(rs_State *S, int code, Obj *name) {
    int number = code;
    const char *message = strerror(code);
    for (size_t i = 0; i < sizeof errno_table / sizeof errno_table[0]; i++)
        if (errno_table[i].host == code) {
            number = errno_table[i].python;
            message = errno_table[i].message;
        }
    Obj *args[3];
    args[0] = int_from_i64(S, number);
    args[1] = str_from_cstr(S, message);
    args[2] = name;
    Obj *e = args[0] && args[1] ? exc_new(S, S->e_OSError, args, 3) : NULL;
    XDECREF(S, args[0]);
    XDECREF(S, args[1]);
    if (e) exc_set(S, e);
    return NULL;
}

static int file_close(rs_State *S, FileObj *f) {
    if (!f->fp) return 0;
    int r = fclose(f->fp);
    f->fp = NULL;
    S->files_open--;
    observe_file(S, (Obj *)f, false);
    if (r != 0) {
        os_error(S, errno, f->name);
        return -1;
    }
    return 0;
}

/* tp_finalize: a file reclaimed while open is closed, as CPython's IOBase finalizer does. */
static void file_finalize(rs_State *S, Obj *o) {
    if (file_close(S, (FileObj *)o) < 0) exc_write_unraisable(S, "Exception ignored in", o);
}

static void file_dealloc(rs_State *S, Obj *o) {
    FileObj *f = (FileObj *)o;
    gc_untrack(S, o);
    weakref_clear_all(S, o);
    if (f->fp && !S->closing && obj_finalize_from_dealloc(S, o)) return;
    if (f->fp) {
        fclose(f->fp); /* the runtime's own teardown: no events any more */
        f->fp = NULL;
        S->files_open--;
    }
    XDECREF(S, f->name);
    XDECREF(S, f->mode);
    obj_free(S, o, sizeof(FileObj));
}

static int file_traverse(Obj *o, VisitFn visit, void *arg) {
    FileObj *f = (FileObj *)o;
    return f->name ? visit(f->name, arg) : 0;
}

/* ---- open() ---- */

Obj *file_open(rs_State *S, Obj *name, const char *mode) {
    int primary = 0;
    bool plus = false, binary = false, text = false;
    char c_mode[8] = {0};
    for (const char *m = mode; *m; m++) {
        if (strchr("rwxa", *m)) primary++;
        else if (*m == '+') plus = true;
        else if (*m == 'b') binary = true;
        else if (*m == 't') text = true;
        else return exc_raisef(S, S->e_ValueError, "invalid mode: '%s'", mode);
        if (strchr(m + 1, *m)) return exc_raisef(S, S->e_ValueError, "invalid mode: '%s'", mode);
    }
    if (binary && text) return exc_raisef(S, S->e_ValueError, "can't have text and binary mode at once");
    if (primary != 1) return exc_raisef(S, S->e_ValueError, "must have exactly one of create/read/write/append mode");
    char primary_c = *strpbrk(mode, "rwxa");
    snprintf(c_mode, sizeof c_mode, "%s%s", primary_c == 'x' ? "w" : (char[]){primary_c, 0}, plus ? "+" : "");
    if (primary_c == 'x') strcat(c_mode, "x");
    if (!IS_STR(name))
        return exc_raisef(S, S->e_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(TYPE(name)));
    if (S->files_open >= S->max_open_files) return os_error(S, EMFILE, name);
    FILE *fp = fopen(STR_DATA(name), c_mode);
    if (!fp) return os_error(S, errno, name);
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp); /* stdio opens a directory for reading; CPython refuses it */
        return os_error(S, EISDIR, name);
    }
    Type *t = !binary ? S->t_textio : primary_c == 'r' && !plus ? S->t_bufreader : S->t_bufwriter;
    FileObj *f = (FileObj *)obj_alloc(S, t, sizeof(FileObj));
    if (!f) {
        fclose(fp);
        return NULL;
    }
    f->fp = fp;
    f->name = NEWREF(name);
    f->mode = (Str *)str_from_cstr(S, mode);
    f->readable = primary_c == 'r' || plus;
    f->writable = primary_c != 'r' || plus;
    f->binary = binary;
    S->files_open++;
    observe_file(S, (Obj *)f, true);
    if (!f->mode) {
        DECREF(S, f);
        return NULL;
    }
    return (Obj *)f;
}

/* ---- methods ---- */

#define FN(name) static Obj *m_##name(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw)

static FileObj *usable(rs_State *S, Obj *self, int need) {
    FileObj *f = (FileObj *)self;
    if (!f->fp) {
        exc_raisef(S, S->e_ValueError, "I/O operation on closed file.");
        return NULL;
    }
    if (need == 'r' && !f->readable) {
        exc_raisef(S, S->e_OSError, "not readable");
        return NULL;
    }
    if (need == 'w' && !f->writable) {
        exc_raisef(S, S->e_OSError, "not writable");
        return NULL;
    }
    return f;
}

static Obj *wrap(rs_State *S, FileObj *f, const char *data, size_t len) {
    return f->binary ? bytes_new(S, data, len) : str_new(S, data, len);
}

/* Reads up to size bytes (size < 0: to the end), stopping after a newline when line is set. */
static Obj *read_some(rs_State *S, FileObj *f, int64_t size, bool line) {
    Buf b;
    buf_init(&b, &S->mem);
    int c;
    while ((size < 0 || (int64_t)b.len < size) && (c = fgetc(f->fp)) != EOF) {
        buf_addc(&b, (char)c);
        if (line && c == '\n') break;
    }
    if (ferror(f->fp)) {
        clearerr(f->fp);
        buf_free(&b);
        return os_error(S, errno, f->name);
    }
    Obj *r = wrap(S, f, b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

static int size_arg(rs_State *S, const char *fname, Obj *const *args, size_t nargs, Tuple *kw, int64_t *size) {
    *size = -1;
    if (args_no_kwargs(S, fname, kw) < 0 || args_count(S, fname, nargs, 0, 1) < 0) return -1;
    if (nargs && args[0] != S->none && obj_index_i64(S, args[0], size, "size") < 0) return -1;
    return 0;
}

FN(read) {
    int64_t size;
    FileObj *f = size_arg(S, "read", args, nargs, kw, &size) < 0 ? NULL : usable(S, self, 'r');
    return f ? read_some(S, f, size, false) : NULL;
}

FN(readline) {
    int64_t size;
    FileObj *f = size_arg(S, "readline", args, nargs, kw, &size) < 0 ? NULL : usable(S, self, 'r');
    return f ? read_some(S, f, size, true) : NULL;
}

FN(readlines) {
    (void)args;
    if (args_no_kwargs(S, "readlines", kw) < 0 || args_count(S, "readlines", nargs, 0, 1) < 0) return NULL;
    FileObj *f = usable(S, self, 'r');
    Obj *l = f ? list_new(S, 0) : NULL;
    while (l) {
        Obj *line = read_some(S, f, -1, true);
        if (!line || obj_len(S, line) == 0) {
            if (!line) CLEAR(S, l);
            XDECREF(S, line);
            break;
        }
        if (list_append(S, l, line) < 0) CLEAR(S, l);
        DECREF(S, line);
    }
    return l;
}

FN(write) {
    if (args_no_kwargs(S, "write", kw) < 0 || args_count(S, "write", nargs, 1, 1) < 0) return NULL;
    FileObj *f = usable(S, self, 'w');
    if (!f) return NULL;
    if (f->binary && !(TYPE(args[0]) == S->t_bytes))
        return exc_raisef(S, S->e_TypeError, "a bytes-like object is required, not '%s'", type_name(TYPE(args[0])));
    if (!f->binary && !IS_STR(args[0]))
        return exc_raisef(S, S->e_TypeError, "write() argument must be str, not %s", type_name(TYPE(args[0])));
    const char *data = f->binary ? ((Bytes *)args[0])->data : STR_DATA(args[0]);
    size_t len = f->binary ? ((Bytes *)args[0])->len : ((Str *)args[0])->nbytes;
    if (fwrite(data, 1, len, f->fp) != len) return os_error(S, errno, f->name);
    return int_from_i64(S, f->binary ? (int64_t)len : (int64_t)((Str *)args[0])->len);
}

FN(writelines) {
    if (args_no_kwargs(S, "writelines", kw) < 0 || args_count(S, "writelines", nargs, 1, 1) < 0) return NULL;
    Obj *it = obj_iter(S, args[0]), *line;
    if (!it) return NULL;
    while ((line = obj_next(S, it))) {
        Obj *r = m_write(S, self, &line, 1, NULL);
        DECREF(S, line);
        if (!r) break;
        DECREF(S, r);
    }
    DECREF(S, it);
    return S->exc ? NULL : NEWREF(S->none);
}

FN(close) {
    (void)args;
    if (args_no_kwargs(S, "close", kw) < 0 || args_count(S, "close", nargs, 0, 0) < 0) return NULL;
    return file_close(S, (FileObj *)self) < 0 ? NULL : NEWREF(S->none);
}

FN(flush) {
    (void)args;
    if (args_no_kwargs(S, "flush", kw) < 0 || args_count(S, "flush", nargs, 0, 0) < 0) return NULL;
    FileObj *f = usable(S, self, 0);
    if (!f) return NULL;
    if (fflush(f->fp) != 0) return os_error(S, errno, f->name);
    return NEWREF(S->none);
}

FN(seek) {
    if (args_no_kwargs(S, "seek", kw) < 0 || args_count(S, "seek", nargs, 1, 2) < 0) return NULL;
    int64_t offset, whence = 0;
    FileObj *f = usable(S, self, 0);
    if (!f || obj_index_i64(S, args[0], &offset, "offset") < 0 || (nargs > 1 && obj_index_i64(S, args[1], &whence, "whence") < 0))
        return NULL;
    if (fseek(f->fp, (long)offset, whence == 1 ? SEEK_CUR : whence == 2 ? SEEK_END : SEEK_SET) != 0) return os_error(S, errno, f->name);
    return int_from_i64(S, ftell(f->fp));
}

FN(tell) {
    (void)args;
    if (args_no_kwargs(S, "tell", kw) < 0 || args_count(S, "tell", nargs, 0, 0) < 0) return NULL;
    FileObj *f = usable(S, self, 0);
    return f ? int_from_i64(S, ftell(f->fp)) : NULL;
}

FN(enter) {
    (void)args;
    if (args_no_kwargs(S, "__enter__", kw) < 0 || args_count(S, "__enter__", nargs, 0, 0) < 0) return NULL;
    return usable(S, self, 0) ? NEWREF(self) : NULL;
}

FN(exit) {
    (void)args;
    (void)nargs;
    (void)kw;
    return file_close(S, (FileObj *)self) < 0 ? NULL : NEWREF(S->none);
}

FN(readable) {
    (void)args, (void)nargs, (void)kw;
    FileObj *f = usable(S, self, 0);
    return f ? NEWREF(f->readable ? S->true_ : S->false_) : NULL;
}

FN(writable) {
    (void)args, (void)nargs, (void)kw;
    FileObj *f = usable(S, self, 0);
    return f ? NEWREF(f->writable ? S->true_ : S->false_) : NULL;
}

static const CFuncDef file_methods[] = {
    {"read", m_read},       {"readline", m_readline}, {"readlines", m_readlines}, {"write", m_write},
    {"writelines", m_writelines}, {"close", m_close}, {"flush", m_flush},           {"seek", m_seek},
    {"tell", m_tell},       {"__enter__", m_enter},   {"__exit__", m_exit},         {"readable", m_readable},
    {"writable", m_writable}, {NULL, NULL}};

static Obj *file_iter(rs_State *S, Obj *o) { return usable(S, o, 0) ? NEWREF(o) : NULL; }

static Obj *file_next(rs_State *S, Obj *o) {
    FileObj *f = usable(S, o, 'r');
    Obj *line = f ? read_some(S, f, -1, true) : NULL;
    if (line && obj_len(S, line) == 0) CLEAR(S, line); /* the end: no exception */
    return line;
}

static Obj *file_getattr(rs_State *S, Obj *o, Str *name) {
    FileObj *f = (FileObj *)o;
    if (str_eq_cstr((Obj *)name, "closed")) return NEWREF(f->fp ? S->false_ : S->true_);
    if (str_eq_cstr((Obj *)name, "name")) return NEWREF(f->name);
    if (str_eq_cstr((Obj *)name, "mode")) return NEWREF(f->mode);
    if (!f->binary && str_eq_cstr((Obj *)name, "encoding")) return str_from_cstr(S, "UTF-8");
    return obj_generic_getattr(S, o, name);
}

static Obj *file_repr(rs_State *S, Obj *o) {
    FileObj *f = (FileObj *)o;
    if (f->binary) return str_fromf(S, "<%s name=%R>", type_name(TYPE(o)), f->name);
    return str_fromf(S, "<_io.TextIOWrapper name=%R mode=%R encoding='UTF-8'>", f->name, (Obj *)f->mode);
}

void file_init_types(rs_State *S) {
    Type *types[] = {S->t_textio, S->t_bufreader, S->t_bufwriter};
    for (int i = 0; i < 3; i++) {
        Type *t = types[i];
        t->flags = (t->flags | TF_GC | TF_ABSTRACT_ITER | TF_RESOURCE) & ~(uint32_t)TF_BASETYPE;
        t->weaklistoffset = offsetof(FileObj, weaklist);
        t->dealloc = file_dealloc;
        t->traverse = file_traverse;
        t->finalize = file_finalize;
        t->iter = file_iter;
        t->next = file_next;
        t->getattr = file_getattr;
        t->repr = file_repr;
        cfunc_add_methods(S, t, file_methods);
    }
}
