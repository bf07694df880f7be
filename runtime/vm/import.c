/*
 * import.c: the import statement. sys.modules is consulted first; then the
 * built-in modules (modules/registry.h), C ones and the Python ones of
 * runtime/lib; then NAME.py in a directory of sys.path (the main script's
 * first), compiled and run as a new module.
 */
#include <stdio.h>
#include <string.h>
#include "vm.h"
#include "../core/io.h"
#include "../compiler/compile.h"
#include "../modules/registry.h"
#include "../objects/abstract.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/list.h"
#include "../objects/module.h"
#include "../objects/names.h"
#include "../objects/str.h"


/* Compiles src as module name (registered in sys.modules before it runs, as CPython does) and runs it. */
static Obj *exec_module(rs_State *S, Str *name, const char *src, size_t len, const char *filename) {
    Code *code = compile_source(S, src, len, filename, COMPILE_FILE, NULL);
    if (!code) return NULL;
    Obj *fname = str_from_cstr(S, filename);
    Obj *m = module_new(S, STR_DATA(name));
    if (!fname || !m || dict_set(S, ((Module *)m)->dict, (Obj *)NAME(__file__), fname) < 0 ||
        dict_set(S, S->modules, (Obj *)name, m) < 0) {
        XDECREF(S, m);
        XDECREF(S, fname);
        DECREF(S, code);
        return NULL;
    }
    DECREF(S, fname);
    Obj *r = vm_run_code(S, code, ((Module *)m)->dict, (Obj *)((Module *)m)->dict);
    DECREF(S, code);
    if (!r) {
        /* a module that failed to run is not importable: drop it, keeping the error */
        Obj *saved = exc_fetch(S);
        if (dict_del(S, S->modules, (Obj *)name) < 0) exc_clear(S);
        S->exc = saved;
        DECREF(S, m);
        return NULL;
    }
    DECREF(S, r);
    return m;
}

/* NAME.py from a directory of sys.path; NULL without an exception when there is none. */
static Obj *load_source_module(rs_State *S, Str *name) {
    Obj *syspath = S->sys_module ? dict_get_cstr(S, ((Module *)S->sys_module)->dict, "path") : NULL;
    if (!syspath || !IS_LIST(syspath)) return NULL;
    for (size_t i = 0; i < LIST_LEN(syspath); i++) {
        Obj *dir = LIST_ITEMS(syspath)[i];
        if (!IS_STR(dir)) continue;
        char file[4096];
        int n = ((Str *)dir)->nbytes ? snprintf(file, sizeof file, "%s/%s.py", STR_DATA(dir), STR_DATA(name))
                                     : snprintf(file, sizeof file, "%s.py", STR_DATA(name));
        if (n < 0 || (size_t)n >= sizeof file) continue;
        char *src;
        size_t len;
        int r = io_read_file(S, file, &src, &len);
        if (r == IO_NO_MEMORY) return exc_nomemory(S);
        if (r < 0) return exc_raisef(S, S->e_OSError, "could not read %s", file);
        if (r == 0) continue;
        /* kept for the source lines of tracebacks */
        Obj *text = str_new(S, src, len);
        Obj *fname = str_from_cstr(S, file);
        if (text && fname && S->sources) dict_set(S, S->sources, fname, text);
        XDECREF(S, text);
        XDECREF(S, fname);
        Obj *m = S->exc ? NULL : exec_module(S, name, src, len, file);
        mem_free(&S->mem, src, len + 1);
        return m;
    }
    return NULL;
}

Obj *vm_import(rs_State *S, Str *name, Obj *fromlist, int level) {
    (void)fromlist;
    if (level > 0) return exc_raisef(S, S->e_ImportError, "attempted relative import with no known parent package");
    if (name->nbytes == 0) return exc_raisef(S, S->e_ValueError, "Empty module name");
    Obj *m = dict_get(S, S->modules, (Obj *)name);
    if (m) return NEWREF(m);
    if (memchr(STR_DATA(name), '.', name->nbytes))
        return exc_raisef(S, S->e_ModuleNotFoundError, "No module named '%U'", name);
    m = registry_create(S, STR_DATA(name));
    if (m) {
        if (dict_set(S, S->modules, (Obj *)name, m) < 0) {
            DECREF(S, m);
            return NULL;
        }
        return m;
    }
    if (S->exc) return NULL;
    size_t len;
    const char *lib = registry_source(STR_DATA(name), &len);
    if (lib) {
        char filename[128];
        snprintf(filename, sizeof filename, "<frozen %s>", STR_DATA(name));
        return exec_module(S, name, lib, len, filename);
    }
    m = load_source_module(S, name);
    if (m || S->exc) return m;
    return exc_raisef(S, S->e_ModuleNotFoundError, "No module named '%U'", name);
}
