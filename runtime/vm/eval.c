/*
 * eval.c: the bytecode interpreter loop. One C call runs one frame; calls
 * between Python functions recurse through obj_call. Errors jump to `error`
 * (which records a traceback entry for this frame) and then unwind the
 * frame's handler blocks; re-raises skip the traceback entry, as CPython's
 * RERAISE does. Operands stay on the value stack until an instruction is
 * done with them, so the frame always owns what it points at.
 */
#include "vm.h"
#include "../core/io.h"
#include <string.h>
#include "../gc/collector.h"
#include "../gc/hostgc.h"
#include "../gc/observe.h"
#include "../compiler/opcodes.h"
#include "../objects/abstract.h"
#include "../objects/cfunc.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/float.h"
#include "../objects/generator.h"
#include "../objects/int.h"
#include "../objects/iter.h"
#include "../objects/list.h"
#include "../objects/names.h"
#include "../objects/set.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/typeobj.h"


static Obj *name_error(rs_State *S, Obj *name) { return exc_raisef(S, S->e_NameError, "name '%U' is not defined", (Str *)name); }

static Obj *unbound_local(rs_State *S, Code *co, int i) {
    return exc_raisef(S, S->e_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                      (Str *)TUPLE_ITEMS(co->varnames)[i]);
}

static Obj *unbound_deref(rs_State *S, Code *co, int i) {
    size_t ncells = TUPLE_LEN(co->cellvars);
    if ((size_t)i < ncells)
        return exc_raisef(S, S->e_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                          (Str *)TUPLE_ITEMS(co->cellvars)[i]);
    return exc_raisef(S, S->e_NameError, "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                      (Str *)TUPLE_ITEMS(co->freevars)[(size_t)i - ncells]);
}

/* Looks a special method up on the type and binds it (as CPython's _PyObject_LookupSpecial). */
static Obj *lookup_special(rs_State *S, Obj *o, Str *name) {
    Obj *f = type_lookup(S, TYPE(o), name);
    if (!f) return NULL;
    if (TYPE(f)->descr_get) return TYPE(f)->descr_get(S, f, o, (Obj *)TYPE(o));
    return NEWREF(f);
}

/* Whether attribute lookup on t is the default one, so LOAD_METHOD may skip the bound method. */
#ifdef RS_CHECK_INVARIANTS
#include <stdio.h>
#include <stdlib.h>
/* Debug builds only: a broken invariant is a bug in refscope, stopped where it shows. */
static void vm_invariant_failed(rs_State *S, Frame *f, int32_t ip, const char *what) {
    (void)S;
    fprintf(stderr, "refscope: internal invariant broken at instruction %d of %s: %s\n", (int)ip, STR_DATA(f->code->name), what);
    abort();
}
#endif

/* x cmp y for the eval loop's fast paths (CMP_*); C's comparisons of NaN are Python's. */
#define COMPARE_SCALARS(x, y, cmp) \
    ((cmp) == CMP_LT ? (x) < (y) : (cmp) == CMP_LE ? (x) <= (y) : (cmp) == CMP_EQ ? (x) == (y) \
     : (cmp) == CMP_NE ? (x) != (y) : (cmp) == CMP_GT ? (x) > (y) : (x) >= (y))
static inline bool compare_i64(int64_t x, int64_t y, int cmp) { return COMPARE_SCALARS(x, y, cmp); }
static inline bool compare_double(double x, double y, int cmp) { return COMPARE_SCALARS(x, y, cmp); }

/* Unpacks seq into out: before items, then (star) a list of the middle, then after items. As CPython's
   unpack_iterable: items are taken one by one from an iterator (an endless generator is not drained), and
   only the starred part becomes a list. */
static int unpack(rs_State *S, Obj *seq, int before, int after, bool star, Obj **out) {
    int want = before + after;
    if ((TYPE(seq) == S->t_tuple || TYPE(seq) == S->t_list) && !star) {
        Obj *const *items = IS_TUPLE(seq) ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq);
        size_t n = IS_TUPLE(seq) ? TUPLE_LEN(seq) : LIST_LEN(seq);
        if (n == (size_t)want) {
            for (int i = 0; i < want; i++) out[i] = NEWREF(items[i]);
            return 0;
        }
        if (n < (size_t)want) exc_raisef(S, S->e_ValueError, "not enough values to unpack (expected %d, got %zu)", want, n);
        else exc_raisef(S, S->e_ValueError, "too many values to unpack (expected %d)", want);
        return -1;
    }
    Obj *it = obj_iter(S, seq);
    if (!it) {
        if (exc_matches(S, S->e_TypeError) && !TYPE(seq)->iter) {
            exc_clear(S);
            exc_raisef(S, S->e_TypeError, "cannot unpack non-iterable %s object", type_name(TYPE(seq)));
        }
        return -1;
    }
    int got = 0;
    int first = star ? before : want;
    for (; got < first; got++) {
        Obj *v = obj_next(S, it);
        if (!v) {
            if (!S->exc) {
                if (star) exc_raisef(S, S->e_ValueError, "not enough values to unpack (expected at least %d, got %d)", want, got);
                else exc_raisef(S, S->e_ValueError, "not enough values to unpack (expected %d, got %d)", want, got);
            }
            goto fail;
        }
        out[got] = v;
    }
    if (!star) {
        Obj *extra = obj_next(S, it);
        if (extra || S->exc) {
            if (extra) {
                DECREF(S, extra);
                exc_raisef(S, S->e_ValueError, "too many values to unpack (expected %d)", want);
            }
            goto fail;
        }
        DECREF(S, it);
        return 0;
    }
    Obj *rest = list_from_iterable(S, it);
    if (!rest) goto fail;
    size_t n = LIST_LEN(rest);
    if (n < (size_t)after) {
        exc_raisef(S, S->e_ValueError, "not enough values to unpack (expected at least %d, got %zu)", want, (size_t)before + n);
        DECREF(S, rest);
        goto fail;
    }
    /* the last `after` items move out of the list, which keeps the middle */
    for (int i = 0; i < after; i++) out[before + 1 + i] = LIST_ITEMS(rest)[n - (size_t)after + (size_t)i];
    ((List *)rest)->len = n - (size_t)after;
    out[before] = rest;
    DECREF(S, it);
    return 0;
fail:
    for (int i = 0; i < got; i++) DECREF(S, out[i]);
    DECREF(S, it);
    return -1;
}

static Obj *format_value(rs_State *S, Obj *v, int conv, Obj *spec) {
    Obj *conv_v;
    switch (conv) {
    case 1: conv_v = obj_str(S, v); break;
    case 2:
    case 3: conv_v = obj_repr(S, v); break;
    default: conv_v = NEWREF(v);
    }
    if (!conv_v) return NULL;
    if (!spec && TYPE(conv_v) == S->t_str) return conv_v;
    Obj *r;
    if (!spec) {
        if (IS_INT(conv_v) && !(TYPE(conv_v)->flags & TF_HEAP) && TYPE(conv_v) != S->t_bool) r = TYPE(conv_v)->repr(S, conv_v);
        else r = obj_format(S, conv_v, (Obj *)S->empty_str);
    } else {
        r = obj_format(S, conv_v, spec);
    }
    DECREF(S, conv_v);
    return r;
}

/* The positional arguments of f(*v) as a tuple (CPython's PySequence_Tuple: a list is copied, another
   iterable collected; refscope's collecting list is scratch, unseen by gc.get_count()). */
static Obj *star_args_tuple(rs_State *S, Obj *func, Obj *v);

/* Raises TypeError "f() <msg>" naming func as CPython does; takes msg (a new reference or NULL). */
static void call_error(rs_State *S, Obj *func, Obj *msg) {
    Obj *name = msg ? obj_function_str(S, func) : NULL;
    if (name) exc_raisef(S, S->e_TypeError, "%U %U", (Str *)name, (Str *)msg);
    XDECREF(S, msg);
    XDECREF(S, name);
}

static Obj *star_args_tuple(rs_State *S, Obj *func, Obj *v) {
    if (TYPE(v) == S->t_list) return tuple_from_array(S, LIST_ITEMS(v), LIST_LEN(v));
    if (!TYPE(v)->iter && !TYPE(v)->getitem) {
        call_error(S, func, str_fromf(S, "argument after * must be an iterable, not %s", type_name(TYPE(v))));
        return NULL;
    }
    Obj *l = list_from_iterable(S, v);
    if (!l) return NULL;
    gc_uncount(S, l);
    Obj *t = tuple_from_array(S, LIST_ITEMS(l), LIST_LEN(l));
    DECREF(S, l);
    return t;
}

/* DICT_MERGE for f(**other): into dict, refusing a keyword given twice. */
static int dict_merge_call(rs_State *S, Obj *dict, Obj *other, Obj *func) {
    Obj *keys = NULL;
    if (!IS_DICT(other)) {
        Obj *keys_method = obj_lookup_attr(S, other, NAME(keys));
        if (!keys_method) {
            if (!S->exc) call_error(S, func, str_fromf(S, "argument after ** must be a mapping, not %s", type_name(TYPE(other))));
            return -1;
        }
        Obj *k = obj_call0(S, keys_method);
        DECREF(S, keys_method);
        keys = k ? list_from_iterable(S, k) : NULL;
        XDECREF(S, k);
        if (!keys) return -1;
    }
    size_t n = keys ? LIST_LEN(keys) : ((Dict *)other)->nentries;
    for (size_t i = 0; i < n; i++) {
        Obj *k, *v;
        if (keys) {
            k = NEWREF(LIST_ITEMS(keys)[i]);
            v = obj_getitem(S, other, k);
            if (!v) {
                DECREF(S, k);
                goto fail;
            }
        } else {
            DictEntry *e = &((Dict *)other)->entries[i];
            if (!e->key) continue;
            k = NEWREF(e->key);
            v = NEWREF(e->value);
        }
        int r = dict_get(S, (Dict *)dict, k) ? 1 : S->exc ? -1 : 0;
        if (r == 1) {
            if (IS_STR(k)) call_error(S, func, str_fromf(S, "got multiple values for keyword argument '%S'", k));
            else exc_raisef(S, S->e_TypeError, "keywords must be strings");
        }
        if (r == 0) r = dict_set(S, (Dict *)dict, k, v);
        DECREF(S, k);
        DECREF(S, v);
        if (r) goto fail;
    }
    XDECREF(S, keys);
    return 0;
fail:
    XDECREF(S, keys);
    return -1;
}

static int import_star(rs_State *S, Frame *f, Obj *module) {
    Obj *dict = obj_getattr(S, module, NAME(__dict__));
    if (!dict) return -1;
    Obj *all = dict_get_str(S, (Dict *)dict, NAME(__all__));
    int r = 0;
    if (all) {
        Obj *it = obj_iter(S, all);
        Obj *name;
        while (it && (name = obj_next(S, it))) {
            Obj *v = obj_getattr(S, module, (Str *)name);
            r = v ? obj_setitem(S, f->locals, name, v) : -1;
            XDECREF(S, v);
            DECREF(S, name);
            if (r < 0) break;
        }
        XDECREF(S, it);
        if (!it || S->exc) r = -1;
    } else {
        size_t pos = 0;
        Obj *k, *v;
        while (dict_next((Dict *)dict, &pos, &k, &v)) {
            if (IS_STR(k) && STR_DATA(k)[0] == '_') continue;
            if ((r = obj_setitem(S, f->locals, k, v)) < 0) break;
        }
    }
    DECREF(S, dict);
    return r;
}

/* The run reached its step limit: an exception that unwinds every frame past its handlers (S->stopped) ends it,
   and the embedder gets RS_ERROR_LIMIT. Returns true: an exception is set. */
static bool vm_stop_at_step_limit(rs_State *S) {
    S->stopped = true;
    if (!S->exc) exc_raisef(S, S->e_BaseException, "step limit reached");
    return true;
}

/*
 * A frame runs in turns: at a loop's back-edge, every TURN_LENGTH instructions, eval_turn returns TURN_ENDED as a
 * generator's frame returns at a yield (f->ip and f->sp saved), and vm_eval enters it again at once. This is for
 * WebAssembly: V8 first runs a function on baseline code and uses the optimised code only from its next entry, so an
 * eval loop that never returned would run a whole program (a module's loop) unoptimised. The turns are the same
 * everywhere, so the native build exercises them too; a turn's end costs about as much as a call.
 */
#define TURN_LENGTH (1u << 16)
#define TURN_ENDED ((Obj *)(uintptr_t)1)

static Obj *eval_turn(rs_State *S, Frame *f, bool throwing);

Obj *vm_eval(rs_State *S, Frame *f, bool throwing) {
    Obj *r;
    while ((r = eval_turn(S, f, throwing)) == TURN_ENDED) throwing = false;
    return r;
}

void vm_arm_clock(rs_State *S) {
    uint64_t turn_end = S->clock + TURN_LENGTH;
    S->clock_alarm = turn_end < S->step_deadline ? turn_end : S->step_deadline;
}

/* Kept out of line: vm_eval's loop must enter it again (see above). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static Obj *eval_turn(rs_State *S, Frame *f, bool throwing) {
    Code *co = f->code;
    const uint32_t *code = co->code;
    Obj **stack = f->slots + f->nslots;
    Obj **sp = stack + f->sp;
    Obj *const *consts = co->consts->items;
    Obj *const *names = co->names->items;
    int32_t ip = f->ip;
    Obj *result = NULL;
    Frame *prev_frame = S->frame;
    bool is_gen = (co->flags & CO_GENERATOR) != 0;
    Obj *outer_handled = NULL;
    if (is_gen) {
        outer_handled = S->handled;
        S->handled = f->gen_handled;
        f->gen_handled = NULL;
    }
    CLOCK_ENTER(S, prev_frame, f);
    S->frame = f;
    f->running = true;
    if (S->clock >= S->step_deadline && !throwing) throwing = vm_stop_at_step_limit(S);

/* f->sp follows sp: a value popped is no longer the frame's, so the collector must not count it. */
#define PUSH(v) (*sp++ = (v), f->sp++)
#define POP() (f->sp--, *--sp)
#define SYNC() (f->sp = (int32_t)(sp - stack))
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define ARG ((int)INSTR_ARG(w))

/* Dispatch. Where the compiler has labels as values (gcc, clang; not Emscripten, where a switch is one br_table
   anyway), every instruction ends with its own fetch and indirect jump to the next one's code: no bounds check, no
   jump back to a shared switch, and the processor predicts each jump from the instruction it ends. Elsewhere
   DISPATCH() leaves the switch for the loop's next round. */
#ifdef RS_CHECK_INVARIANTS
/* every instruction keeps f->sp in step with sp (PUSH, POP, SYNC), so the release build stores nothing per instruction */
#define CHECK_STACK_DEPTH() \
    if (f->sp != (int32_t)(sp - stack)) vm_invariant_failed(S, f, ip, "the frame's stack depth lags the value stack")
#else
#define CHECK_STACK_DEPTH() ((void)0)
#endif
#if defined(__GNUC__) && !defined(__EMSCRIPTEN__) && !defined(RS_SWITCH_DISPATCH)
#define LABEL_ADDRESS(name, effect, doc) &&TARGET_##name,
    /* Indexed by the whole opcode byte, so no bounds check: only the compiler makes code, and its opcodes are known
       ones (the switch's default is still there for the portable build). */
    _Static_assert(OP_COUNT_ < 256, "an opcode is one byte");
    static const void *const instruction_code[256] = {RS_OPCODES(LABEL_ADDRESS) && TARGET_default};
#undef LABEL_ADDRESS
#define TARGET(name) case OP_##name: TARGET_##name:
#define TARGET_DEFAULT default: TARGET_default:
#define DISPATCH()                                                                                                  \
    do {                                                                                                           \
        f->lasti = ip;                                                                                             \
        CHECK_STACK_DEPTH();                                                                                       \
        w = code[ip++];                                                                                            \
        goto *instruction_code[INSTR_OP(w)];                                                                       \
    } while (0)
#else
#define TARGET(name) case OP_##name:
#define TARGET_DEFAULT default:
#define DISPATCH() break
#endif

    if (throwing) goto error;

    uint32_t w;
    for (;;) {
        f->lasti = ip;
        CHECK_STACK_DEPTH();
        w = code[ip++];
        switch ((Opcode)INSTR_OP(w)) {
        TARGET(NOP) DISPATCH();
        TARGET(POP_TOP) {
            Obj *v = POP();
            XDECREF(S, v);
            DISPATCH();
        }
        TARGET(DUP_TOP) {
            Obj *v = TOP();
            INCREF(v);
            PUSH(v);
            DISPATCH();
        }
        TARGET(DUP_TOP_TWO) {
            Obj *a = PEEK(2), *b = PEEK(1);
            INCREF(a);
            INCREF(b);
            PUSH(a);
            PUSH(b);
            DISPATCH();
        }
        TARGET(ROT_TWO) {
            Obj *t = sp[-1];
            sp[-1] = sp[-2];
            sp[-2] = t;
            DISPATCH();
        }
        TARGET(ROT_THREE) {
            Obj *t = sp[-1];
            sp[-1] = sp[-2];
            sp[-2] = sp[-3];
            sp[-3] = t;
            DISPATCH();
        }
        TARGET(ROT_FOUR) {
            Obj *t = sp[-1];
            sp[-1] = sp[-2];
            sp[-2] = sp[-3];
            sp[-3] = sp[-4];
            sp[-4] = t;
            DISPATCH();
        }
        TARGET(LOAD_CONST) {
            Obj *v = consts[ARG];
            INCREF(v);
            PUSH(v);
            DISPATCH();
        }
        TARGET(LOAD_FAST) {
            Obj *v = f->slots[ARG];
            if (!v) {
                unbound_local(S, co, ARG);
                goto error;
            }
            INCREF(v);
            PUSH(v);
            DISPATCH();
        }
        TARGET(STORE_FAST) {
            Obj *v = POP();
            Obj *old = f->slots[ARG];
            f->slots[ARG] = v;
            XDECREF(S, old);
            DISPATCH();
        }
        TARGET(DELETE_FAST) {
            Obj *old = f->slots[ARG];
            if (!old) {
                unbound_local(S, co, ARG);
                goto error;
            }
            f->slots[ARG] = NULL;
            DECREF(S, old);
            DISPATCH();
        }
        TARGET(LOAD_DEREF) {
            Cell *c = (Cell *)f->slots[co->nlocals + ARG];
            if (!c->ref) {
                unbound_deref(S, co, ARG);
                goto error;
            }
            INCREF(c->ref);
            PUSH(c->ref);
            DISPATCH();
        }
        TARGET(STORE_DEREF) {
            Cell *c = (Cell *)f->slots[co->nlocals + ARG];
            Obj *v = POP();
            Obj *old = c->ref;
            c->ref = v;
            XDECREF(S, old);
            DISPATCH();
        }
        TARGET(DELETE_DEREF) {
            Cell *c = (Cell *)f->slots[co->nlocals + ARG];
            if (!c->ref) {
                unbound_deref(S, co, ARG);
                goto error;
            }
            CLEAR(S, c->ref);
            DISPATCH();
        }
        TARGET(LOAD_CLOSURE) {
            Obj *c = f->slots[co->nlocals + ARG];
            INCREF(c);
            PUSH(c);
            DISPATCH();
        }
        TARGET(LOAD_CLASSDEREF) {
            size_t ncells = TUPLE_LEN(co->cellvars);
            Obj *name = (size_t)ARG < ncells ? TUPLE_ITEMS(co->cellvars)[ARG] : TUPLE_ITEMS(co->freevars)[(size_t)ARG - ncells];
            Obj *v = IS_DICT(f->locals) ? dict_get(S, (Dict *)f->locals, name) : NULL;
            if (v) {
                INCREF(v);
                PUSH(v);
                DISPATCH();
            }
            Cell *c = (Cell *)f->slots[co->nlocals + ARG];
            if (!c->ref) {
                unbound_deref(S, co, ARG);
                goto error;
            }
            INCREF(c->ref);
            PUSH(c->ref);
            DISPATCH();
        }
        TARGET(LOAD_NAME) {
            Obj *name = names[ARG], *v = NULL;
            if (f->locals) {
                if (IS_DICT(f->locals)) {
                    v = dict_get_str(S, (Dict *)f->locals, (Str *)name);
                    XINCREF(v);
                } else {
                    v = obj_getitem(S, f->locals, name);
                    if (!v) {
                        if (!exc_matches(S, S->e_KeyError)) goto error;
                        exc_clear(S);
                    }
                }
            }
            if (!v) {
                v = dict_get_str(S, f->globals, (Str *)name);
                if (!v) v = dict_get_str(S, f->builtins, (Str *)name);
                if (!v) {
                    name_error(S, name);
                    goto error;
                }
                INCREF(v);
            }
            PUSH(v);
            DISPATCH();
        }
        TARGET(STORE_NAME) {
            Obj *v = TOP();
            int r = IS_DICT(f->locals) ? dict_set(S, (Dict *)f->locals, names[ARG], v) : obj_setitem(S, f->locals, names[ARG], v);
            if (r < 0) goto error;
            sp--;
            SYNC();
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(DELETE_NAME) {
            Obj *name = names[ARG];
            if (obj_delitem(S, f->locals, name) < 0) {
                if (exc_matches(S, S->e_KeyError)) {
                    exc_clear(S);
                    name_error(S, name);
                }
                goto error;
            }
            DISPATCH();
        }
        TARGET(LOAD_GLOBAL) {
            Obj *name = names[ARG];
            Obj *v = dict_get_str(S, f->globals, (Str *)name);
            if (!v) v = dict_get_str(S, f->builtins, (Str *)name);
            if (!v) {
                name_error(S, name);
                goto error;
            }
            INCREF(v);
            PUSH(v);
            DISPATCH();
        }
        TARGET(STORE_GLOBAL) {
            Obj *v = TOP();
            if (dict_set(S, f->globals, names[ARG], v) < 0) goto error;
            sp--;
            SYNC();
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(DELETE_GLOBAL) {
            Obj *name = names[ARG];
            if (dict_del(S, f->globals, name) < 0) {
                exc_clear(S);
                name_error(S, name);
                goto error;
            }
            DISPATCH();
        }
        TARGET(LOAD_ATTR) {
            Obj *o = TOP();
            Str *name = (Str *)names[ARG];
            Obj *v = type_generic_getattr(S, TYPE(o)) ? obj_generic_getattr(S, o, name) : obj_getattr(S, o, name);
            if (!v) goto error;
            sp[-1] = v;
            DECREF(S, o);
            DISPATCH();
        }
        TARGET(STORE_ATTR) {
            Obj *o = PEEK(1), *v = PEEK(2);
            Str *name = (Str *)names[ARG];
            if ((type_generic_setattr(S, TYPE(o)) ? obj_generic_setattr(S, o, name, v) : obj_setattr(S, o, name, v)) < 0) goto error;
            sp -= 2;
            SYNC();
            DECREF(S, o);
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(DELETE_ATTR) {
            Obj *o = TOP();
            if (obj_setattr(S, o, (Str *)names[ARG], NULL) < 0) goto error;
            sp--;
            SYNC();
            DECREF(S, o);
            DISPATCH();
        }
        TARGET(LOAD_METHOD) {
            Obj *o = TOP();
            Str *name = (Str *)names[ARG];
            Type *t = TYPE(o);
            if (type_generic_getattr(S, t)) {
                Obj *descr = type_lookup(S, t, name);
                if (descr && (TYPE(descr) == S->t_function || TYPE(descr) == S->t_method_descr)) {
                    Dict **dp = obj_dict_ptr(S, o);
                    if (!dp || !*dp || !dict_get_str(S, *dp, name)) {
                        INCREF(descr);
                        sp[-1] = descr;
                        PUSH(o);
                        DISPATCH();
                    }
                }
            }
            Obj *v = obj_getattr(S, o, name);
            if (!v) goto error;
            sp[-1] = v;
            DECREF(S, o);
            PUSH(NULL);
            DISPATCH();
        }
        TARGET(CALL_METHOD) {
            int n = ARG;
            Obj *meth = PEEK(n + 2), *self = PEEK(n + 1);
            if (TYPE(meth) == S->t_function) {
                int count = self ? n + 1 : n;
                /* the arguments move to the callee: they leave this frame's stack first */
                sp -= count;
                SYNC();
                f->sp = (int32_t)(sp - stack);
                Obj *r = vm_call_owned(S, (Func *)meth, sp, (size_t)count);
                if (!self) sp--;
                SYNC();
                sp--;
                SYNC();
                DECREF(S, meth);
                if (!r) goto error;
                PUSH(r);
                DISPATCH();
            }
            Obj *r = self ? obj_call(S, meth, sp - n - 1, (size_t)n + 1, NULL) : obj_call(S, meth, sp - n, (size_t)n, NULL);
            while (sp > stack && n-- >= 0) {
                Obj *a = POP();
                XDECREF(S, a);
            }
            sp--;
            SYNC();
            DECREF(S, meth);
            if (!r) goto error;
            PUSH(r);
            DISPATCH();
        }
        TARGET(BINARY_SUBSCR) {
            Obj *o = PEEK(2), *key = PEEK(1), *v;
            if (TYPE(o) == S->t_list && TYPE(key) == S->t_int && INT_IS_SMALL(key)) {
                int64_t i = ((Int *)key)->small;
                if (i < 0) i += (int64_t)LIST_LEN(o);
                if (i >= 0 && i < (int64_t)LIST_LEN(o)) {
                    v = NEWREF(LIST_ITEMS(o)[i]);
                    goto subscr_done;
                }
            }
            v = obj_getitem(S, o, key);
            if (!v) goto error;
        subscr_done:
            sp -= 2;
            SYNC();
            DECREF(S, o);
            DECREF(S, key);
            PUSH(v);
            DISPATCH();
        }
        TARGET(STORE_SUBSCR) {
            Obj *key = PEEK(1), *o = PEEK(2), *v = PEEK(3);
            if (obj_setitem(S, o, key, v) < 0) goto error;
            sp -= 3;
            SYNC();
            DECREF(S, key);
            DECREF(S, o);
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(DELETE_SUBSCR) {
            Obj *key = PEEK(1), *o = PEEK(2);
            if (obj_delitem(S, o, key) < 0) goto error;
            sp -= 2;
            SYNC();
            DECREF(S, key);
            DECREF(S, o);
            DISPATCH();
        }
        TARGET(BINARY_OP) {
            Obj *a = PEEK(2), *b = PEEK(1), *r;
            int op = ARG;
            if (TYPE(a) == S->t_int && TYPE(b) == S->t_int) r = int_binary(S, a, b, op);
            else if (TYPE(a) == S->t_float && TYPE(b) == S->t_float) r = float_binary(S, FLOAT_VAL(a), FLOAT_VAL(b), op);
            /* float with a small int: Python converts the int (int's own method declines) */
            else if (TYPE(a) == S->t_float && TYPE(b) == S->t_int && INT_IS_SMALL(b))
                r = float_binary(S, FLOAT_VAL(a), (double)((Int *)b)->small, op);
            else if (TYPE(a) == S->t_int && TYPE(b) == S->t_float && INT_IS_SMALL(a))
                r = float_binary(S, (double)((Int *)a)->small, FLOAT_VAL(b), op);
            else r = obj_binop(S, a, b, op);
            if (r == S->notimpl) { /* float has no such operator (&, <<): the full protocol raises the TypeError */
                DECREF(S, r);
                r = obj_binop(S, a, b, op);
            }
            if (!r) goto error;
            sp -= 2;
            SYNC();
            DECREF(S, a);
            DECREF(S, b);
            PUSH(r);
            DISPATCH();
        }
        TARGET(UNARY_NEG)
        TARGET(UNARY_POS)
        TARGET(UNARY_INVERT) {
            Obj *o = TOP();
            int which = INSTR_OP(w) == OP_UNARY_NEG ? '-' : INSTR_OP(w) == OP_UNARY_POS ? '+' : '~';
            Obj *r = obj_unary(S, o, which);
            if (!r) goto error;
            sp[-1] = r;
            DECREF(S, o);
            DISPATCH();
        }
        TARGET(UNARY_NOT) {
            Obj *o = TOP();
            int t = obj_truth(S, o);
            if (t < 0) goto error;
            sp[-1] = NEWREF(t ? S->false_ : S->true_);
            DECREF(S, o);
            DISPATCH();
        }
        TARGET(COMPARE_OP) {
            Obj *a = PEEK(2), *b = PEEK(1), *r;
            if (TYPE(a) == S->t_int && TYPE(b) == S->t_int && INT_IS_SMALL(a) && INT_IS_SMALL(b)) {
                r = NEWREF(compare_i64(((Int *)a)->small, ((Int *)b)->small, ARG) ? S->true_ : S->false_);
            } else if (TYPE(a) == S->t_float && TYPE(b) == S->t_float) {
                r = NEWREF(compare_double(FLOAT_VAL(a), FLOAT_VAL(b), ARG) ? S->true_ : S->false_);
            } else {
                r = obj_richcmp(S, a, b, ARG);
                if (!r) goto error;
            }
            sp -= 2;
            SYNC();
            DECREF(S, a);
            DECREF(S, b);
            PUSH(r);
            DISPATCH();
        }
        TARGET(IS_OP) {
            Obj *a = PEEK(2), *b = PEEK(1);
            bool r = (a == b) != (ARG == 1);
            sp -= 2;
            SYNC();
            DECREF(S, a);
            DECREF(S, b);
            PUSH(NEWREF(r ? S->true_ : S->false_));
            DISPATCH();
        }
        TARGET(CONTAINS_OP) {
            Obj *a = PEEK(2), *b = PEEK(1);
            int r = obj_contains(S, b, a);
            if (r < 0) goto error;
            sp -= 2;
            SYNC();
            DECREF(S, a);
            DECREF(S, b);
            PUSH(NEWREF((r == 1) != (ARG == 1) ? S->true_ : S->false_));
            DISPATCH();
        }
        TARGET(JUMP)
            if (S->pending_len) hostgc_safe_point(S); /* a loop went round: the host's finalizer thread may run */
            CLOCK_JUMP(S, f, ip, ARG);
            if (S->clock >= S->clock_alarm) {
                if (S->clock >= S->step_deadline && vm_stop_at_step_limit(S)) goto error;
                vm_arm_clock(S);
                result = TURN_ENDED;
                goto exit_yield;
            }
            DISPATCH();
        TARGET(POP_JUMP_IF_FALSE)
        TARGET(POP_JUMP_IF_TRUE) {
            Obj *v = TOP();
            int t = v == S->true_ ? 1 : v == S->false_ ? 0 : obj_truth(S, v);
            if (t < 0) goto error;
            sp--;
            SYNC();
            DECREF(S, v);
            if (t == (INSTR_OP(w) == OP_POP_JUMP_IF_TRUE)) CLOCK_JUMP(S, f, ip, ARG);
            DISPATCH();
        }
        TARGET(JUMP_IF_FALSE_OR_POP)
        TARGET(JUMP_IF_TRUE_OR_POP) {
            Obj *v = TOP();
            int t = obj_truth(S, v);
            if (t < 0) goto error;
            if (t == (INSTR_OP(w) == OP_JUMP_IF_TRUE_OR_POP)) {
                CLOCK_JUMP(S, f, ip, ARG);
            } else {
                sp--;
                SYNC();
                DECREF(S, v);
            }
            DISPATCH();
        }
        TARGET(GET_ITER) {
            Obj *o = TOP();
            Obj *it = obj_iter(S, o);
            if (!it) goto error;
            sp[-1] = it;
            DECREF(S, o);
            DISPATCH();
        }
        TARGET(FOR_ITER) {
            Obj *it = TOP();
            Obj *v = TYPE(it)->next(S, it);
            if (v) {
                PUSH(v);
                DISPATCH();
            }
            if (S->exc) {
                if (!exc_matches(S, S->e_StopIteration)) goto error;
                exc_clear(S);
            }
            sp--;
            SYNC();
            DECREF(S, it);
            CLOCK_JUMP(S, f, ip, ARG);
            DISPATCH();
        }
        TARGET(BUILD_TUPLE) {
            int n = ARG;
            Tuple *t = tuple_new(S, (size_t)n);
            if (!t) goto error;
            for (int i = n - 1; i >= 0; i--) t->items[i] = POP();
            PUSH((Obj *)t);
            DISPATCH();
        }
        TARGET(BUILD_LIST) {
            int n = ARG;
            Obj *l = list_new(S, (size_t)n);
            if (!l) goto error;
            for (int i = n - 1; i >= 0; i--) LIST_ITEMS(l)[i] = POP();
            PUSH(l);
            DISPATCH();
        }
        TARGET(BUILD_SET) {
            int n = ARG;
            Obj *s = set_new(S, S->t_set, NULL);
            if (!s) goto error;
            for (int i = n; i > 0; i--)
                if (set_add(S, s, PEEK(i)) < 0) {
                    DECREF(S, s);
                    goto error;
                }
            for (int i = 0; i < n; i++) {
                Obj *v = POP();
                DECREF(S, v);
            }
            PUSH(s);
            DISPATCH();
        }
        TARGET(BUILD_MAP) {
            int n = ARG;
            Obj *d = dict_new(S);
            if (!d) goto error;
            for (int i = n; i > 0; i--)
                if (dict_set(S, (Dict *)d, PEEK(2 * i), PEEK(2 * i - 1)) < 0) {
                    DECREF(S, d);
                    goto error;
                }
            for (int i = 0; i < 2 * n; i++) {
                Obj *v = POP();
                DECREF(S, v);
            }
            PUSH(d);
            DISPATCH();
        }
        TARGET(BUILD_SLICE) {
            Obj *step = ARG == 3 ? POP() : NULL;
            Obj *stop = POP(), *start = POP();
            Obj *s = slice_new(S, start, stop, step);
            DECREF(S, start);
            DECREF(S, stop);
            XDECREF(S, step);
            if (!s) goto error;
            PUSH(s);
            DISPATCH();
        }
        TARGET(BUILD_STRING) {
            int n = ARG;
            size_t total = 0;
            for (int i = n; i > 0; i--) total += ((Str *)PEEK(i))->nbytes;
            char small[256], *buf = total < sizeof small ? small : mem_alloc(&S->mem, total + 1);
            if (!buf) {
                exc_nomemory(S);
                goto error;
            }
            size_t off = 0;
            for (int i = n; i > 0; i--) {
                Str *s = (Str *)PEEK(i);
                memcpy(buf + off, s->data, s->nbytes);
                off += s->nbytes;
            }
            Obj *r = str_new(S, buf, total);
            if (buf != small) mem_free(&S->mem, buf, total + 1);
            if (!r) goto error;
            for (int i = 0; i < n; i++) {
                Obj *v = POP();
                DECREF(S, v);
            }
            PUSH(r);
            DISPATCH();
        }
        TARGET(LIST_APPEND) {
            Obj *v = TOP();
            if (list_append(S, PEEK(ARG + 1), v) < 0) goto error;
            sp--;
            SYNC();
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(SET_ADD) {
            Obj *v = TOP();
            if (set_add(S, PEEK(ARG + 1), v) < 0) goto error;
            sp--;
            SYNC();
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(MAP_ADD) {
            Obj *v = PEEK(1), *k = PEEK(2);
            if (dict_set(S, (Dict *)PEEK(ARG + 2), k, v) < 0) goto error;
            sp -= 2;
            SYNC();
            DECREF(S, k);
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(LIST_EXTEND) {
            Obj *v = TOP();
            if (list_extend(S, PEEK(ARG + 1), v) < 0) {
                if (exc_matches(S, S->e_TypeError) && !TYPE(v)->iter && !TYPE(v)->getitem) {
                    exc_clear(S);
                    exc_raisef(S, S->e_TypeError, "Value after * must be an iterable, not %s", type_name(TYPE(v)));
                }
                goto error;
            }
            sp--;
            SYNC();
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(SET_UPDATE) {
            Obj *v = TOP();
            Obj *it = obj_iter(S, v), *x;
            if (!it) goto error;
            while ((x = obj_next(S, it))) {
                int r = set_add(S, PEEK(ARG + 1), x);
                DECREF(S, x);
                if (r < 0) break;
            }
            DECREF(S, it);
            if (S->exc) goto error;
            sp--;
            SYNC();
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(DICT_UPDATE) {
            Obj *v = TOP();
            if (dict_update(S, (Dict *)PEEK(ARG + 1), v) < 0) {
                if (exc_matches(S, S->e_TypeError) || exc_matches(S, S->e_ValueError)) {
                    exc_clear(S);
                    exc_raisef(S, S->e_TypeError, "'%s' object is not a mapping", type_name(TYPE(v)));
                }
                goto error;
            }
            sp--;
            SYNC();
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(DICT_MERGE) {
            Obj *v = TOP();
            /* the callable is below the positional tuple and the dict */
            if (dict_merge_call(S, PEEK(ARG + 1), v, PEEK(ARG + 3)) < 0) goto error;
            sp--;
            SYNC();
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(LIST_TO_TUPLE) {
            Obj *l = TOP();
            Obj *t = tuple_from_array(S, LIST_ITEMS(l), LIST_LEN(l));
            if (!t) goto error;
            sp[-1] = t;
            DECREF(S, l);
            DISPATCH();
        }
        TARGET(UNPACK_SEQUENCE)
        TARGET(UNPACK_EX) {
            bool star = INSTR_OP(w) == OP_UNPACK_EX;
            int before = star ? ARG & 0xFF : ARG, after = star ? ARG >> 8 : 0;
            int total = before + after + (star ? 1 : 0);
            Obj *seq = TOP();
            Obj *small[16], **out = small;
            if (total > 16) {
                out = mem_alloc(&S->mem, (size_t)total * sizeof(Obj *));
                if (!out) {
                    exc_nomemory(S);
                    goto error;
                }
            }
            int r = unpack(S, seq, before, after, star, out);
            if (r == 0) {
                sp--;
                SYNC();
                DECREF(S, seq);
                for (int i = total - 1; i >= 0; i--) PUSH(out[i]);
            }
            if (out != small) mem_free(&S->mem, out, (size_t)total * sizeof(Obj *));
            if (r < 0) goto error;
            DISPATCH();
        }
        TARGET(CALL) {
            int n = ARG;
            Obj *fn = PEEK(n + 1);
            if (TYPE(fn) == S->t_function) {
                sp -= n;
                SYNC();
                f->sp = (int32_t)(sp - stack);
                Obj *r = vm_call_owned(S, (Func *)fn, sp, (size_t)n);
                sp--;
                SYNC();
                DECREF(S, fn);
                if (!r) goto error;
                PUSH(r);
                DISPATCH();
            }
            Obj *r = obj_call(S, fn, sp - n, (size_t)n, NULL);
            for (int i = 0; i <= n; i++) {
                Obj *v = POP();
                DECREF(S, v);
            }
            if (!r) goto error;
            PUSH(r);
            DISPATCH();
        }
        TARGET(CALL_KW) {
            int n = ARG;
            Tuple *kwnames = (Tuple *)PEEK(1);
            Obj *fn = PEEK(n + 2);
            Obj *r = obj_call(S, fn, sp - 1 - n, (size_t)n - kwnames->len, kwnames);
            for (int i = 0; i <= n + 1; i++) {
                Obj *v = POP();
                DECREF(S, v);
            }
            if (!r) goto error;
            PUSH(r);
            DISPATCH();
        }
        TARGET(CALL_EX) {
            Obj *kwargs = ARG ? PEEK(1) : NULL;
            Obj **args_slot = &PEEK(ARG ? 2 : 1);
            Obj *fn = PEEK(ARG ? 3 : 2);
            if (TYPE(*args_slot) != S->t_tuple) {
                Obj *t = star_args_tuple(S, fn, *args_slot);
                if (!t) goto error;
                SETREF(S, *args_slot, t);
            }
            Obj *r = obj_call_ex(S, fn, *args_slot, kwargs);
            for (int i = 0; i < (ARG ? 3 : 2); i++) {
                Obj *v = POP();
                DECREF(S, v);
            }
            if (!r) goto error;
            PUSH(r);
            DISPATCH();
        }
        TARGET(MAKE_FUNCTION) {
            int flags = ARG;
            Code *c = (Code *)POP();
            Obj *closure = flags & 8 ? POP() : NULL;
            Obj *kwdefaults = flags & 2 ? POP() : NULL;
            Obj *defaults = flags & 1 ? POP() : NULL;
            Func *fn = (Func *)func_new(S, c, f->globals, c->qualname);
            DECREF(S, c);
            if (!fn) {
                XDECREF(S, closure);
                XDECREF(S, kwdefaults);
                XDECREF(S, defaults);
                goto error;
            }
            fn->closure = (Tuple *)closure;
            fn->kwdefaults = (Dict *)kwdefaults;
            fn->defaults = (Tuple *)defaults;
            PUSH((Obj *)fn);
            DISPATCH();
        }
        TARGET(RETURN_VALUE)
            result = POP();
            f->finished = true;
            goto exit;
        TARGET(YIELD_VALUE)
            result = POP();
            goto exit_yield;
        TARGET(GET_YIELD_FROM_ITER) {
            Obj *o = TOP();
            if (TYPE(o) != S->t_generator) {
                Obj *it = obj_iter(S, o);
                if (!it) goto error;
                sp[-1] = it;
                DECREF(S, o);
            }
            DISPATCH();
        }
        TARGET(YIELD_FROM) {
            Obj *v = PEEK(1), *it = PEEK(2), *r;
            bool done = false;
            if (TYPE(it) == S->t_generator) {
                r = gen_send(S, (Gen *)it, v, &done);
            } else if (v == S->none) {
                r = obj_next(S, it);
                if (!r) {
                    if (S->exc && !exc_matches(S, S->e_StopIteration)) goto error;
                    done = true;
                    Obj *e = exc_fetch(S);
                    r = e ? NEWREF(((Exc *)e)->value ? ((Exc *)e)->value : S->none) : NEWREF(S->none);
                    XDECREF(S, e);
                }
            } else {
                r = obj_call_method(S, it, NAME(send), &v, 1);
                if (!r) {
                    if (!exc_matches(S, S->e_StopIteration)) goto error;
                    done = true;
                    Obj *e = exc_fetch(S);
                    r = NEWREF(((Exc *)e)->value ? ((Exc *)e)->value : S->none);
                    DECREF(S, e);
                }
            }
            if (!r) goto error;
            sp--;
            SYNC();
            DECREF(S, v);
            if (done) {
                sp--;
                SYNC();
                DECREF(S, it);
                PUSH(r);
                DISPATCH();
            }
            /* yield what the sub-iterator yielded; resume at this instruction (which counts again then) */
            CLOCK_JUMP(S, f, ip, ip - 1);
            result = r;
            goto exit_yield;
        }
        TARGET(RAISE) {
            if (ARG == 0) {
                if (!S->handled) {
                    exc_raisef(S, S->e_RuntimeError, "No active exception to reraise");
                    goto error;
                }
                Obj *old = S->exc;
                S->exc = NEWREF(S->handled);
                XDECREF(S, old);
                goto exception_unwind;
            }
            Obj *cause = ARG == 2 ? POP() : NULL;
            Obj *exc = POP();
            exc_raise(S, exc);
            DECREF(S, exc);
            if (cause && S->exc && IS_EXC(S->exc)) {
                Obj *c = NULL;
                if (cause == S->none) c = NULL;
                else if (TYPE(cause) == S->t_type && IS_EXC_TYPE(cause)) {
                    Obj *e = exc_fetch(S);
                    c = obj_call0(S, cause);
                    if (!c) {
                        DECREF(S, e);
                        DECREF(S, cause);
                        goto error;
                    }
                    S->exc = e;
                } else if (IS_EXC(cause)) c = NEWREF(cause);
                else {
                    DECREF(S, cause);
                    exc_clear(S);
                    exc_raisef(S, S->e_TypeError, "exception causes must derive from BaseException");
                    goto error;
                }
                Exc *e = (Exc *)S->exc;
                SETREF(S, e->cause, c);
                e->suppress_context = true;
            }
            XDECREF(S, cause);
            goto error;
        }
        TARGET(SETUP_EXCEPT) {
            if (f->nblocks >= FRAME_MAX_BLOCKS) {
                exc_raisef(S, S->e_SystemError, "too many nested blocks");
                goto error;
            }
            Block *b = &f->blocks[f->nblocks++];
            b->handler = ARG;
            b->level = (int32_t)(sp - stack);
            DISPATCH();
        }
        TARGET(POP_BLOCK) f->nblocks--; DISPATCH();
        TARGET(PUSH_EXC_INFO) {
            Obj *exc = TOP();
            sp[-1] = S->handled ? S->handled : NEWREF(S->none);
            S->handled = exc;
            DISPATCH();
        }
        TARGET(POP_EXCEPT) {
            Obj *prev = POP();
            Obj *old = S->handled;
            S->handled = prev == S->none ? NULL : prev;
            if (prev == S->none) DECREF(S, prev);
            XDECREF(S, old);
            DISPATCH();
        }
        TARGET(LOAD_HANDLED) {
            Obj *h = S->handled ? S->handled : S->none;
            INCREF(h);
            PUSH(h);
            DISPATCH();
        }
        TARGET(CHECK_EXC_MATCH) {
            Obj *spec = PEEK(1), *exc = PEEK(2);
            int r = exc_given_matches(S, exc, spec);
            if (r < 0) goto error;
            sp -= 2;
            SYNC();
            DECREF(S, spec);
            DECREF(S, exc);
            PUSH(NEWREF(r ? S->true_ : S->false_));
            DISPATCH();
        }
        TARGET(RERAISE) {
            Obj *exc = POP();
            Obj *old = S->exc;
            S->exc = exc;
            XDECREF(S, old);
            goto exception_unwind;
        }
        TARGET(POP_EXCEPT_RERAISE) {
            Obj *exc = POP();
            Obj *prev = POP();
            Obj *old = S->handled;
            S->handled = prev == S->none ? NULL : prev;
            if (prev == S->none) DECREF(S, prev);
            XDECREF(S, old);
            old = S->exc;
            S->exc = exc;
            XDECREF(S, old);
            goto exception_unwind;
        }
        TARGET(BEFORE_WITH) {
            Obj *mgr = TOP();
            Obj *enter = lookup_special(S, mgr, NAME(__enter__));
            if (!enter) {
                if (!S->exc)
                    exc_raisef(S, S->e_TypeError, "'%s' object does not support the context manager protocol", type_name(TYPE(mgr)));
                goto error;
            }
            Obj *exit = lookup_special(S, mgr, NAME(__exit__));
            if (!exit) {
                DECREF(S, enter);
                if (!S->exc)
                    exc_raisef(S, S->e_TypeError, "'%s' object does not support the context manager protocol (missed __exit__ method)",
                               type_name(TYPE(mgr)));
                goto error;
            }
            sp[-1] = exit;
            DECREF(S, mgr);
            Obj *r = obj_call0(S, enter);
            DECREF(S, enter);
            if (!r) goto error;
            PUSH(r);
            DISPATCH();
        }
        TARGET(WITH_EXIT) {
            Obj *exit = TOP();
            Obj *args[3] = {S->none, S->none, S->none};
            Obj *r = obj_call(S, exit, args, 3, NULL);
            if (!r) goto error;
            sp--;
            SYNC();
            DECREF(S, exit);
            DECREF(S, r);
            DISPATCH();
        }
        TARGET(WITH_EXCEPT_START) {
            Obj *exit = PEEK(2);
            Obj *exc = S->handled;
            Obj *tb = ((Exc *)exc)->traceback;
            Obj *args[3] = {(Obj *)TYPE(exc), exc, tb ? tb : S->none};
            Obj *r = obj_call(S, exit, args, 3, NULL);
            if (!r) goto error;
            PUSH(r);
            DISPATCH();
        }
        TARGET(FORMAT_VALUE) {
            Obj *spec = ARG & 4 ? PEEK(1) : NULL;
            Obj *v = PEEK(ARG & 4 ? 2 : 1);
            Obj *r = format_value(S, v, ARG & 3, spec);
            if (!r) goto error;
            if (spec) {
                sp--;
                SYNC();
                DECREF(S, spec);
            }
            sp[-1] = r;
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(IMPORT_NAME) {
            Obj *fromlist = PEEK(1), *level = PEEK(2);
            Obj *m = vm_import(S, (Str *)names[ARG], fromlist, (int)((Int *)level)->small);
            if (!m) goto error;
            sp -= 2;
            SYNC();
            DECREF(S, fromlist);
            DECREF(S, level);
            PUSH(m);
            DISPATCH();
        }
        TARGET(IMPORT_FROM) {
            Obj *m = TOP();
            Obj *v = obj_getattr(S, m, (Str *)names[ARG]);
            if (!v) {
                if (exc_matches(S, S->e_AttributeError)) {
                    exc_clear(S);
                    Obj *mname = obj_lookup_attr(S, m, NAME(__name__));
                    Obj *file = obj_lookup_attr(S, m, NAME(__file__));
                    if (file)
                        exc_raisef(S, S->e_ImportError, "cannot import name '%U' from '%S' (%S)", (Str *)names[ARG], mname ? mname : S->none, file);
                    else
                        exc_raisef(S, S->e_ImportError, "cannot import name '%U' from '%S' (unknown location)", (Str *)names[ARG],
                                   mname ? mname : S->none);
                    XDECREF(S, mname);
                    XDECREF(S, file);
                }
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }
        TARGET(IMPORT_STAR) {
            Obj *m = TOP();
            if (import_star(S, f, m) < 0) goto error;
            sp--;
            SYNC();
            DECREF(S, m);
            DISPATCH();
        }
        TARGET(LOAD_BUILD_CLASS) {
            Obj *bc = dict_get_cstr(S, f->builtins, "__build_class__");
            if (!bc) {
                exc_raisef(S, S->e_NameError, "__build_class__ not found");
                goto error;
            }
            INCREF(bc);
            PUSH(bc);
            DISPATCH();
        }
        TARGET(LOAD_LOCALS) {
            if (!f->locals) {
                exc_raisef(S, S->e_SystemError, "no locals found");
                goto error;
            }
            INCREF(f->locals);
            PUSH(f->locals);
            DISPATCH();
        }
        TARGET(LOAD_ASSERTION_ERROR) PUSH(NEWREF(S->e_AssertionError)); DISPATCH();
        TARGET(PRINT_EXPR) {
            Obj *v = TOP();
            if (v != S->none) {
                if (dict_set_cstr(S, S->builtins, "_", S->none) < 0) goto error;
                Obj *r = obj_repr(S, v);
                if (!r) goto error;
                io_write(S, 1, STR_DATA(r), ((Str *)r)->nbytes);
                io_write(S, 1, "\n", 1);
                DECREF(S, r);
                if (dict_set_cstr(S, S->builtins, "_", v) < 0) goto error;
            }
            sp--;
            SYNC();
            DECREF(S, v);
            DISPATCH();
        }
        TARGET(SETUP_ANNOTATIONS) DISPATCH();
        TARGET_DEFAULT
            exc_raisef(S, S->e_SystemError, "unknown opcode %d", (int)INSTR_OP(w));
            goto error;
        }
        continue;

    error:
        if (!S->exc) exc_raisef(S, S->e_SystemError, "error return without exception set");
        if (S->exc && IS_EXC(S->exc) && exc_add_traceback(S, S->exc, f) < 0) {
            /* out of memory while recording the traceback: keep unwinding with what we have */
        }
    exception_unwind:
        if (f->nblocks > 0 && !S->stopped) {
            Block b = f->blocks[--f->nblocks];
            while (sp > stack + b.level) {
                Obj *v = POP();
                XDECREF(S, v);
            }
            PUSH(exc_fetch(S));
            CLOCK_JUMP(S, f, ip, b.handler);
            continue;
        }
        while (sp > stack) {
            Obj *v = POP();
            XDECREF(S, v);
        }
        result = NULL;
        f->finished = true;
        goto exit;
    }

exit_yield:
    CLOCK_SETTLE(S, f, ip);
    f->ip = ip;
    f->sp = (int32_t)(sp - stack);
    f->running = false;
    S->frame = prev_frame;
    if (is_gen) {
        f->gen_handled = S->handled;
        S->handled = outer_handled;
    }
    return result;

exit:
    while (sp > stack) {
        Obj *v = POP();
        XDECREF(S, v);
    }
    CLOCK_SETTLE(S, f, ip);
    f->ip = ip;
    f->sp = 0;
    f->running = false;
    f->nblocks = 0;
    S->frame = prev_frame;
    if (is_gen) {
        XDECREF(S, S->handled);
        S->handled = outer_handled;
    }
    return result;
#undef PUSH
#undef POP
#undef SYNC
#undef TOP
#undef PEEK
#undef ARG
}
