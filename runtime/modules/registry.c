/*
 * registry.c: maps built-in module names to their create functions, and
 * the names of runtime/lib's Python modules to their sources (compiled into
 * the library by tools/embed_lib.py).
 */
#include "registry.h"
#include <string.h>

typedef struct Entry {
    const char *name;
    Obj *(*create)(rs_State *S);
} Entry;

static const Entry entries[] = {{"math", math_create},          {"time", time_create},
                                {"gc", gc_module_create},       {"_weakref", weakref_module_create},
                                {"atexit", atexit_module_create}};

Obj *registry_create(rs_State *S, const char *name) {
    for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
        if (strcmp(entries[i].name, name) == 0) return entries[i].create(S);
    return NULL;
}

typedef struct LibSource {
    const char *name;
    const char *text;
    size_t len;
} LibSource;

extern const LibSource rs_lib_sources[];

const char *registry_source(const char *name, size_t *len) {
    for (const LibSource *l = rs_lib_sources; l->name; l++)
        if (strcmp(l->name, name) == 0) {
            *len = l->len;
            return l->text;
        }
    return NULL;
}
