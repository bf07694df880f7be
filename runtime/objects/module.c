/*
 * module.c: module objects; attribute access goes to the module's dict.
 */
#include "module.h"
#include "../gc/weakref.h"
#include <string.h>
#include "abstract.h"
#include "dict.h"
#include "exception.h"
#include "names.h"
#include "str.h"

Obj *module_new(rs_State *S, const char *name) {
    Module *m = (Module *)obj_alloc(S, S->t_module, sizeof(Module));
    if (!m) return NULL;
    m->dict = (Dict *)dict_new(S);
    m->name = (Str *)str_from_cstr(S, name);
    if (!m->dict || !m->name || dict_set(S, m->dict, (Obj *)NAME(__name__), (Obj *)m->name) < 0 ||
        dict_set(S, m->dict, (Obj *)NAME(__doc__), S->none) < 0) {
        DECREF(S, m);
        return NULL;
    }
    /* the import-system attributes every CPython module has; refscope has no loaders or specs */
    static const char *const unset[] = {"__package__", "__loader__", "__spec__"};
    for (size_t i = 0; i < sizeof unset / sizeof unset[0]; i++)
        if (dict_set_cstr(S, m->dict, unset[i], S->none) < 0) {
            DECREF(S, m);
            return NULL;
        }
    return (Obj *)m;
}

static void module_dealloc(rs_State *S, Obj *o) {
    Module *m = (Module *)o;
    gc_untrack(S, o);
    weakref_clear_all(S, o);
    XDECREF(S, m->dict);
    XDECREF(S, m->name);
    obj_free(S, o, sizeof(Module));
}

static int module_traverse(Obj *o, VisitFn visit, void *arg) {
    Module *m = (Module *)o;
    return m->dict ? visit((Obj *)m->dict, arg) : 0;
}

static void module_clear(rs_State *S, Obj *o) {
    Module *m = (Module *)o;
    if (m->dict) dict_clear_all(S, m->dict);
}

static Obj *module_getattr(rs_State *S, Obj *o, Str *name) {
    Module *m = (Module *)o;
    if (name == NAME(__dict__)) return NEWREF(m->dict);
    Obj *v = m->dict ? dict_get_str(S, m->dict, name) : NULL;
    if (v) return NEWREF(v);
    Obj *r = obj_generic_getattr(S, o, name);
    if (r || !exc_matches(S, S->e_AttributeError)) return r;
    exc_clear(S);
    return exc_raisef(S, S->e_AttributeError, "module '%U' has no attribute '%U'", m->name, name);
}

static int module_setattr(rs_State *S, Obj *o, Str *name, Obj *v) {
    Module *m = (Module *)o;
    if (!v) {
        if (dict_del(S, m->dict, (Obj *)name) < 0) {
            exc_clear(S);
            exc_raisef(S, S->e_AttributeError, "module '%U' has no attribute '%U'", m->name, name);
            return -1;
        }
        return 0;
    }
    return dict_set(S, m->dict, (Obj *)name, v);
}

static Obj *module_repr(rs_State *S, Obj *o) {
    Module *m = (Module *)o;
    Obj *file = dict_get_str(S, m->dict, NAME(__file__));
    if (file && IS_STR(file)) return str_fromf(S, "<module '%U' from '%U'>", m->name, (Str *)file);
    return str_fromf(S, "<module '%U' (built-in)>", m->name);
}

void module_init_type(rs_State *S) {
    Type *t = S->t_module;
    t->weaklistoffset = offsetof(Module, weaklist);
    t->dealloc = module_dealloc;
    t->traverse = module_traverse;
    t->clear = module_clear;
    t->getattr = module_getattr;
    t->setattr = module_setattr;
    t->repr = module_repr;
}
