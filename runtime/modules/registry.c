/*
 * registry.c: maps built-in module names to their create functions.
 */
#include "registry.h"
#include <string.h>

typedef struct Entry {
    const char *name;
    Obj *(*create)(rs_State *S);
} Entry;

static const Entry entries[] = {{"math", math_create}, {"time", time_create}, {"gc", gc_module_create}};

Obj *registry_create(rs_State *S, const char *name) {
    for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
        if (strcmp(entries[i].name, name) == 0) return entries[i].create(S);
    return NULL;
}
