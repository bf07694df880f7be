/*
 * weakref.c: the _weakref module, the C half of `weakref` (ref, proxy and the
 * counting functions over gc/weakref.h). The rest of `weakref` (WeakMethod,
 * the weak containers, finalize) is Python, in runtime/lib/weakref.py, as in
 * CPython, so its objects are made and freed exactly when CPython's are.
 */
#include "registry.h"
#include "../gc/weakref.h"
#include "../objects/cfunc.h"
#include "../objects/dict.h"
#include "../objects/int.h"
#include "../objects/module.h"

#define FN(name) static Obj *wr_##name(rs_State *S, Obj *self, Obj *const *args, size_t nargs, Tuple *kw)

FN(getweakrefcount) {
    (void)self;
    if (args_no_kwargs(S, "getweakrefcount", kw) < 0 || args_count(S, "getweakrefcount", nargs, 1, 1) < 0) return NULL;
    return int_from_i64(S, weakref_count(args[0]));
}

FN(getweakrefs) {
    (void)self;
    if (args_no_kwargs(S, "getweakrefs", kw) < 0 || args_count(S, "getweakrefs", nargs, 1, 1) < 0) return NULL;
    return weakref_list_of(S, args[0]);
}

FN(proxy) {
    (void)self;
    if (args_no_kwargs(S, "proxy", kw) < 0 || args_count(S, "proxy", nargs, 1, 2) < 0) return NULL;
    return weakref_proxy_new(S, args[0], nargs > 1 ? args[1] : NULL);
}

static const CFuncDef weakref_functions[] = {
    {"getweakrefcount", wr_getweakrefcount}, {"getweakrefs", wr_getweakrefs}, {"proxy", wr_proxy}, {NULL, NULL}};

Obj *weakref_module_create(rs_State *S) {
    Obj *m = module_new(S, "_weakref");
    if (!m) return NULL;
    Dict *d = ((Module *)m)->dict;
    if (cfunc_add_functions(S, d, weakref_functions, m) < 0 || dict_set_cstr(S, d, "ref", (Obj *)S->t_weakref) < 0 ||
        dict_set_cstr(S, d, "ReferenceType", (Obj *)S->t_weakref) < 0 ||
        dict_set_cstr(S, d, "ProxyType", (Obj *)S->t_weakproxy) < 0 ||
        dict_set_cstr(S, d, "CallableProxyType", (Obj *)S->t_weakcallableproxy) < 0) {
        DECREF(S, m);
        return NULL;
    }
    return m;
}
