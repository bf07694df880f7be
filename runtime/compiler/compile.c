/*
 * compile.c: bytecode generation from the resolved AST. One Unit per code
 * object being built (module, class body, function, lambda, comprehension).
 *
 * Exceptions use handler blocks (SETUP_EXCEPT / POP_BLOCK); `finally` bodies
 * are emitted twice, once on the normal path and once in the handler, and a
 * return, break or continue that leaves a try, with or except block emits the
 * cleanup of every block it leaves (unwind_fblocks), so the VM only ever
 * unwinds for exceptions. The stack depth is computed afterwards by a flow
 * analysis over the finished code (max_stack_depth).
 */
#include "compile.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../core/util.h"
#include "../objects/abstract.h"
#include "../objects/bytes.h"
#include "../objects/dict.h"
#include "../objects/exception.h"
#include "../objects/frame.h"
#include "../objects/float.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "opcodes.h"
#include "parser.h"
#include "symtable.h"

enum FBlockKind { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_HANDLER, FB_HANDLER_NAMED, FB_WITH };

typedef struct FBlock {
    enum FBlockKind kind;
    int start;          /* loops: where continue jumps */
    int exit_patch;     /* loops: head of the list of break jumps to patch */
    Node *node;         /* FINALLY_TRY: the try statement; HANDLER_NAMED: the handler */
} FBlock;

typedef struct Unit {
    struct Unit *parent;
    Scope *scope;
    uint32_t *code;
    int32_t *lines;
    int32_t *positions;  /* 3 per instruction: column, end line, end column */
    int n, cap;
    Obj *consts;        /* list */
    Obj *names;         /* list */
    Dict *name_index;   /* str -> int */
    Obj *varnames, *cellvars, *freevars;  /* lists */
    FBlock fblocks[FRAME_MAX_BLOCKS];
    int nfblocks;
    int line;
    int col, end_line, end_col;  /* the span of the node being compiled; end_line 0: unknown */
    int argcount, kwonlyargcount, flags, firstline;
} Unit;

typedef struct Compiler {
    rs_State *S;
    Unit *u;
    const char *filename;
    Arena *A;
    SyntaxErr err;
    bool failed;
    enum CompileMode mode;
} Compiler;

static bool compile_stmt(Compiler *c, Node *n);
static bool compile_expr(Compiler *c, Node *n);
static bool compile_body(Compiler *c, NodeList *l);
static bool compile_store_target(Compiler *c, Node *t);

static bool error_at(Compiler *c, Node *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool error_at(Compiler *c, Node *n, const char *fmt, ...) {
    if (c->failed) return false;
    c->failed = true;
    c->err.cls = "SyntaxError";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err.msg, sizeof c->err.msg, fmt, ap);
    va_end(ap);
    c->err.line = n ? n->line : c->u->line;
    c->err.col = n ? n->col + 1 : 1;
    return false;
}

static bool oom(Compiler *c) {
    if (c->failed) return false; /* (the first error stands) */
    c->failed = true;
    c->err.cls = NULL; /* the exception is already set */
    return false;
}

/* ---- emission ---- */

static int emit(Compiler *c, int op, int arg) {
    Unit *u = c->u;
    if (c->failed) return -1;
    if (arg < 0 || arg >= (1 << 24)) {
        error_at(c, NULL, "too many constants, names or instructions");
        return -1;
    }
    if (u->n == u->cap) {
        /* the three arrays grow together or not at all, so that their one capacity stays true */
        Mem *m = &c->S->mem;
        size_t cap = (size_t)u->cap, ncap = cap ? cap * 2 : 64;
        uint32_t *code = mem_alloc(m, sizeof(uint32_t) * ncap);
        int32_t *lines = mem_alloc(m, sizeof(int32_t) * ncap), *pos = mem_alloc(m, 3 * sizeof(int32_t) * ncap);
        if (!code || !lines || !pos) {
            if (code) mem_free(m, code, sizeof(uint32_t) * ncap);
            if (lines) mem_free(m, lines, sizeof(int32_t) * ncap);
            if (pos) mem_free(m, pos, 3 * sizeof(int32_t) * ncap);
            exc_nomemory(c->S);
            oom(c);
            return -1;
        }
        if (cap) {
            memcpy(code, u->code, sizeof(uint32_t) * cap);
            memcpy(lines, u->lines, sizeof(int32_t) * cap);
            memcpy(pos, u->positions, 3 * sizeof(int32_t) * cap);
            mem_free(m, u->code, sizeof(uint32_t) * cap);
            mem_free(m, u->lines, sizeof(int32_t) * cap);
            mem_free(m, u->positions, 3 * sizeof(int32_t) * cap);
        }
        u->code = code;
        u->lines = lines;
        u->positions = pos;
        u->cap = (int)ncap;
    }
    u->code[u->n] = INSTR(op, arg);
    u->lines[u->n] = u->line;
    u->positions[3 * u->n] = u->col;
    u->positions[3 * u->n + 1] = u->end_line;
    u->positions[3 * u->n + 2] = u->end_col;
    return u->n++;
}

static int here(Compiler *c) { return c->u->n; }
static void patch(Compiler *c, int at, int target) {
    if (at >= 0 && !c->failed) c->u->code[at] = INSTR(INSTR_OP(c->u->code[at]), target);
}
static void patch_here(Compiler *c, int at) { patch(c, at, here(c)); }

/* Adds a constant (stolen reference); dedups strings, ints and singletons. */
static int add_const(Compiler *c, Obj *v) {
    rs_State *S = c->S;
    if (!v) {
        oom(c);
        return -1;
    }
    List *l = (List *)c->u->consts;
    for (size_t i = 0; i < l->len; i++) {
        Obj *x = l->items[i];
        if (x == v || (TYPE(x) == TYPE(v) && ((IS_STR(v) && str_eq((Str *)x, (Str *)v)) ||
                                                 (TYPE(v) == S->t_int && int_compare(x, v) == 0)))) {
            DECREF(S, v);
            return (int)i;
        }
    }
    if (list_append(S, c->u->consts, v) < 0) {
        DECREF(S, v);
        oom(c);
        return -1;
    }
    DECREF(S, v);
    return (int)l->len - 1;
}

static bool load_const(Compiler *c, Obj *v) {
    int k = add_const(c, v);
    return k >= 0 && emit(c, OP_LOAD_CONST, k) >= 0;
}

static bool load_none(Compiler *c) { return load_const(c, NEWREF(c->S->none)); }

static Obj *intern(Compiler *c, const char *s) {
    Obj *o = str_intern_cstr(c->S, s);
    if (!o) oom(c);
    return o;
}

/* Index of a name in the names table (attributes, globals, imports). */
static int name_index(Compiler *c, const char *name) {
    rs_State *S = c->S;
    Obj *s = intern(c, name);
    if (!s) return -1;
    Obj *idx = dict_get(S, c->u->name_index, s);
    if (idx) {
        DECREF(S, s);
        return (int)((Int *)idx)->small;
    }
    int i = (int)LIST_LEN(c->u->names);
    Obj *io = int_from_i64(S, i);
    if (!io || list_append(S, c->u->names, s) < 0 || dict_set(S, c->u->name_index, s, io) < 0) {
        XDECREF(S, io);
        DECREF(S, s);
        oom(c);
        return -1;
    }
    DECREF(S, io);
    DECREF(S, s);
    return i;
}

static int list_find(Obj *list, const char *name) {
    for (size_t i = 0; i < LIST_LEN(list); i++)
        if (strcmp(STR_DATA(LIST_ITEMS(list)[i]), name) == 0) return (int)i;
    return -1;
}

/* ---- units ---- */

static int cmp_sym_names(const void *a, const void *b) {
    return strcmp((*(Symbol *const *)a)->name, (*(Symbol *const *)b)->name);
}

static bool add_names_sorted(Compiler *c, Obj *list, Symbol **syms, int n) {
    qsort(syms, (size_t)n, sizeof(Symbol *), cmp_sym_names);
    for (int i = 0; i < n; i++) {
        Obj *s = intern(c, syms[i]->name);
        if (!s) return false;
        int r = list_append(c->S, list, s);
        DECREF(c->S, s);
        if (r < 0) return oom(c);
    }
    return true;
}

static bool enter_unit(Compiler *c, Scope *scope, int firstline) {
    rs_State *S = c->S;
    Unit *u = mem_alloc(&S->mem, sizeof(Unit));
    if (!u) {
        exc_nomemory(S);
        return oom(c);
    }
    memset(u, 0, sizeof *u);
    u->parent = c->u;
    u->scope = scope;
    u->line = u->firstline = firstline;
    c->u = u;
    u->consts = list_new(S, 0);
    u->names = list_new(S, 0);
    u->name_index = (Dict *)dict_new(S);
    u->varnames = list_new(S, 0);
    u->cellvars = list_new(S, 0);
    u->freevars = list_new(S, 0);
    if (!u->consts || !u->names || !u->name_index || !u->varnames || !u->cellvars || !u->freevars) return oom(c);
    if (scope->kind == SC_FUNCTION || scope->kind == SC_COMPREHENSION) {
        for (int i = 0; i < scope->nsyms; i++) {
            Symbol *sym = &scope->syms[i];
            if (i < scope->nparams || sym->resolved == RES_LOCAL) {
                Obj *s = intern(c, sym->name);
                if (!s) return false;
                int r = list_append(S, u->varnames, s);
                DECREF(S, s);
                if (r < 0) return oom(c);
            }
        }
    }
    Symbol *tmp[256], **cells = tmp;
    int ncells = 0, nfree = 0;
    if (scope->nsyms > 256) {
        cells = arena_alloc(c->A, sizeof(Symbol *) * (size_t)scope->nsyms);
        if (!cells) {
            exc_nomemory(S);
            return oom(c);
        }
    }
    for (int i = 0; i < scope->nsyms; i++)
        if (scope->syms[i].resolved == RES_CELL) cells[ncells++] = &scope->syms[i];
    if (!add_names_sorted(c, u->cellvars, cells, ncells)) return false;
    if (scope->needs_class_cell) {
        Obj *s = intern(c, "__class__");
        if (!s) return oom(c);
        int r = list_append(S, u->cellvars, s);
        DECREF(S, s);
        if (r < 0) return oom(c);
    }
    for (int i = 0; i < scope->nsyms; i++)
        if (scope->syms[i].resolved == RES_FREE || (scope->syms[i].flags & SYM_FREE_CLASS)) cells[nfree++] = &scope->syms[i];
    return add_names_sorted(c, u->freevars, cells, nfree);
}

static void free_unit(Compiler *c, Unit *u) {
    rs_State *S = c->S;
    mem_free(&S->mem, u->code, sizeof(uint32_t) * (size_t)u->cap);
    mem_free(&S->mem, u->lines, sizeof(int32_t) * (size_t)u->cap);
    mem_free(&S->mem, u->positions, 3 * sizeof(int32_t) * (size_t)u->cap);
    XDECREF(S, u->consts);
    XDECREF(S, u->names);
    XDECREF(S, u->name_index);
    XDECREF(S, u->varnames);
    XDECREF(S, u->cellvars);
    XDECREF(S, u->freevars);
    c->u = u->parent;
    mem_free(&S->mem, u, sizeof(Unit));
}

/* ---- stack depth ---- */

static const int8_t default_effect[] = {
#define OPCODE_EFFECT(name, effect, doc) effect,
    RS_OPCODES(OPCODE_EFFECT)
#undef OPCODE_EFFECT
};

static int stack_effect(int op, int arg, bool jump) {
    switch (op) {
    case OP_BUILD_TUPLE:
    case OP_BUILD_LIST:
    case OP_BUILD_SET:
    case OP_BUILD_STRING: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_SLICE: return 1 - arg;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case OP_CALL: return -arg;
    case OP_CALL_KW: return -arg - 1;
    case OP_CALL_EX: return arg ? -2 : -1;
    case OP_CALL_METHOD: return -arg - 1;
    case OP_MAKE_FUNCTION: return -((arg & 1) + ((arg & 2) >> 1) + ((arg & 8) >> 3));
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_SETUP_EXCEPT: return jump ? 1 : 0;
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_RAISE: return -arg;
    default: return default_effect[op];
    }
}

static bool is_jump(int op) {
    return op == OP_JUMP || op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE || op == OP_JUMP_IF_FALSE_OR_POP ||
           op == OP_JUMP_IF_TRUE_OR_POP || op == OP_FOR_ITER || op == OP_SETUP_EXCEPT;
}

static bool ends_flow(int op) {
    return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RAISE || op == OP_RERAISE || op == OP_POP_EXCEPT_RERAISE;
}

static int max_stack_depth(Compiler *c, Unit *u) {
    rs_State *S = c->S;
    if (u->n == 0) return 0;
    int *depth = mem_alloc(&S->mem, sizeof(int) * (size_t)u->n);
    int *work = mem_alloc(&S->mem, sizeof(int) * (size_t)u->n * 2 + sizeof(int));
    if (!depth || !work) {
        if (depth) mem_free(&S->mem, depth, sizeof(int) * (size_t)u->n);
        if (work) mem_free(&S->mem, work, sizeof(int) * (size_t)u->n * 2 + sizeof(int));
        exc_nomemory(S);
        oom(c);
        return -1;
    }
    for (int i = 0; i < u->n; i++) depth[i] = -1;
    int nwork = 0, maxd = 0;
    depth[0] = 0;
    work[nwork++] = 0;
    while (nwork > 0) {
        int i = work[--nwork];
        int d = depth[i];
        for (;;) {
            int op = (int)INSTR_OP(u->code[i]), arg = (int)INSTR_ARG(u->code[i]);
            if (is_jump(op)) {
                int target = arg, td = d + stack_effect(op, arg, true);
                if (td > maxd) maxd = td;
                if (target < u->n && depth[target] < td) {
                    depth[target] = td;
                    work[nwork++] = target;
                }
            }
            d += stack_effect(op, arg, false);
            if (d > maxd) maxd = d;
            if (ends_flow(op) || ++i >= u->n) break;
            if (depth[i] >= d) break;
            depth[i] = d;
        }
    }
    mem_free(&S->mem, depth, sizeof(int) * (size_t)u->n);
    mem_free(&S->mem, work, sizeof(int) * (size_t)u->n * 2 + sizeof(int));
    return maxd + 1;
}

static Obj *list_to_tuple_steal(rs_State *S, Obj *list) {
    Obj *t = tuple_from_array(S, LIST_ITEMS(list), LIST_LEN(list));
    return t;
}

/* Finishes the current unit into a code object and leaves it. */
static Code *make_code(Compiler *c, const char *name, const char *qualname) {
    rs_State *S = c->S;
    Unit *u = c->u;
    if (c->failed) return NULL;
    int depth = max_stack_depth(c, u);
    if (depth < 0) return NULL;
    Code *code = (Code *)obj_alloc(S, S->t_code, sizeof(Code));
    if (!code) return (Code *)(void *)(oom(c) ? NULL : NULL);
    memset((char *)code + sizeof(Obj), 0, sizeof(Code) - sizeof(Obj));
    code->code = mem_alloc(&S->mem, sizeof(uint32_t) * (size_t)(u->n ? u->n : 1));
    code->lines = mem_alloc(&S->mem, sizeof(int32_t) * (size_t)(u->n ? u->n : 1));
    code->positions = mem_alloc(&S->mem, 3 * sizeof(int32_t) * (size_t)(u->n ? u->n : 1));
    code->ncode = (size_t)u->n;
    code->consts = (Tuple *)list_to_tuple_steal(S, u->consts);
    code->names = (Tuple *)list_to_tuple_steal(S, u->names);
    code->varnames = (Tuple *)list_to_tuple_steal(S, u->varnames);
    code->cellvars = (Tuple *)list_to_tuple_steal(S, u->cellvars);
    code->freevars = (Tuple *)list_to_tuple_steal(S, u->freevars);
    code->name = (Str *)str_intern_cstr(S, name);
    code->qualname = (Str *)str_from_cstr(S, qualname);
    code->filename = (Str *)str_from_cstr(S, c->filename);
    if (!code->code || !code->lines || !code->positions || !code->consts || !code->names || !code->varnames || !code->cellvars ||
        !code->freevars || !code->name || !code->qualname || !code->filename) {
        DECREF(S, code);
        if (!S->exc) exc_nomemory(S);
        oom(c);
        return NULL;
    }
    if (u->n) {
        memcpy(code->code, u->code, sizeof(uint32_t) * (size_t)u->n);
        memcpy(code->lines, u->lines, sizeof(int32_t) * (size_t)u->n);
        memcpy(code->positions, u->positions, 3 * sizeof(int32_t) * (size_t)u->n);
    }
    code->argcount = u->argcount;
    code->kwonlyargcount = u->kwonlyargcount;
    code->nlocals = (int)TUPLE_LEN(code->varnames);
    code->stacksize = depth;
    code->flags = u->flags;
    code->firstlineno = u->firstline;
    size_t ncells = TUPLE_LEN(code->cellvars);
    if (ncells) {
        bool any = false;
        int32_t map[64];
        for (size_t i = 0; i < ncells && i < 64; i++) {
            map[i] = -1;
            int nargs = u->argcount + u->kwonlyargcount + ((u->flags & CO_VARARGS) ? 1 : 0) + ((u->flags & CO_VARKEYWORDS) ? 1 : 0);
            for (int a = 0; a < nargs; a++)
                if (str_eq((Str *)TUPLE_ITEMS(code->cellvars)[i], (Str *)TUPLE_ITEMS(code->varnames)[a])) {
                    map[i] = a;
                    any = true;
                }
        }
        if (any) {
            code->cell2arg = mem_alloc(&S->mem, sizeof(int32_t) * ncells);
            if (!code->cell2arg) {
                DECREF(S, code);
                exc_nomemory(S);
                oom(c);
                return NULL;
            }
            memcpy(code->cell2arg, map, sizeof(int32_t) * ncells);
        }
    }
    if (TUPLE_LEN(code->freevars)) code->flags |= CO_NESTED;
    free_unit(c, u);
    return code;
}

/* ---- names ---- */

enum Ctx { LOAD, STORE, DEL };

static int cell_index(Unit *u, const char *name) {
    int i = list_find(u->cellvars, name);
    if (i >= 0) return i;
    i = list_find(u->freevars, name);
    return i >= 0 ? (int)LIST_LEN(u->cellvars) + i : -1;
}

static bool compile_name(Compiler *c, const char *name, enum Ctx ctx) {
    Unit *u = c->u;
    Scope *sc = u->scope;
    Symbol *sym = scope_find(sc, name);
    int res = sym ? sym->resolved : RES_GLOBAL_IMPLICIT;
    bool fast = sc->kind == SC_FUNCTION || sc->kind == SC_COMPREHENSION;
    if (sc->kind == SC_CLASS && sym && (sym->flags & SYM_FREE_CLASS)) res = RES_LOCAL;
    switch (res) {
    case RES_FREE:
    case RES_CELL: {
        int i = cell_index(u, name);
        if (i < 0) return error_at(c, NULL, "internal error: no cell for '%s'", name);
        if (ctx == LOAD && sc->kind == SC_CLASS) return emit(c, OP_LOAD_CLASSDEREF, i) >= 0;
        return emit(c, ctx == LOAD ? OP_LOAD_DEREF : ctx == STORE ? OP_STORE_DEREF : OP_DELETE_DEREF, i) >= 0;
    }
    case RES_LOCAL:
        if (fast) {
            int i = list_find(u->varnames, name);
            if (i < 0) return error_at(c, NULL, "internal error: no local '%s'", name);
            return emit(c, ctx == LOAD ? OP_LOAD_FAST : ctx == STORE ? OP_STORE_FAST : OP_DELETE_FAST, i) >= 0;
        }
        break;
    case RES_GLOBAL_EXPLICIT: {
        int i = name_index(c, name);
        return i >= 0 && emit(c, ctx == LOAD ? OP_LOAD_GLOBAL : ctx == STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, i) >= 0;
    }
    case RES_GLOBAL_IMPLICIT:
        if (fast) {
            int i = name_index(c, name);
            return i >= 0 && emit(c, ctx == LOAD ? OP_LOAD_GLOBAL : ctx == STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, i) >= 0;
        }
        break;
    }
    int i = name_index(c, name);
    return i >= 0 && emit(c, ctx == LOAD ? OP_LOAD_NAME : ctx == STORE ? OP_STORE_NAME : OP_DELETE_NAME, i) >= 0;
}

typedef struct Loc {
    int line, col, end_line, end_col;
} Loc;

/* Instructions emitted for node n carry its span (CPython's positions, used by traceback markers). */
static Loc enter_node(Compiler *c, Node *n) {
    Unit *u = c->u;
    Loc saved = {u->line, u->col, u->end_line, u->end_col};
    u->line = n->line;
    u->col = n->col;
    u->end_line = n->end_line;
    u->end_col = n->end_col;
    return saved;
}

static void leave_node(Compiler *c, Loc saved) {
    Unit *u = c->u;
    u->line = saved.line;
    u->col = saved.col;
    u->end_line = saved.end_line;
    u->end_col = saved.end_col;
}

/* ---- expressions ---- */

static Obj *const_value(Compiler *c, Node *n) {
    rs_State *S = c->S;
    switch (n->op) {
    case CONST_NONE: return NEWREF(S->none);
    case CONST_TRUE: return NEWREF(S->true_);
    case CONST_FALSE: return NEWREF(S->false_);
    case CONST_ELLIPSIS: return NEWREF(S->ellipsis);
    case CONST_INT: {
        Obj *v = int_from_string(S, n->str, n->str_len, 0);
        if (!v && exc_matches(S, S->e_ValueError)) {
            /* a decimal literal past sys.get_int_max_str_digits(): CPython's SyntaxError, at the literal */
            Obj *e = exc_fetch(S);
            Obj *msg = e ? obj_str(S, e) : NULL;
            XDECREF(S, e);
            if (msg) error_at(c, n, "%s - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", STR_DATA(msg));
            XDECREF(S, msg);
            if (S->exc) exc_clear(S);
        }
        return v;
    }
    case CONST_FLOAT: return float_from_string(S, n->str, n->str_len);
    case CONST_STR: {
        Obj *s = str_new(S, n->str, n->str_len);
        /* Identifier-like constants are interned, as CPython does. */
        bool ident = n->str_len > 0 && n->str_len < 40;
        for (size_t i = 0; i < n->str_len && ident; i++) {
            char ch = n->str[i];
            ident = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
        }
        return s && ident ? str_intern(S, s) : s;
    }
    case CONST_BYTES: return bytes_new(S, n->str, n->str_len);
    case CONST_IMAG: return exc_raisef(S, S->e_NotImplementedError, "complex numbers are not supported");
    }
    return NULL;
}

static bool has_starred(NodeList *l) {
    for (int i = 0; i < l->len; i++)
        if (l->items[i] && l->items[i]->kind == N_STARRED) return true;
    return false;
}

/* Builds a list from elements that may contain *x; leaves the list on the stack. */
static bool build_list_with_stars(Compiler *c, NodeList *l) {
    int pending = 0;
    bool built = false;
    for (int i = 0; i < l->len; i++) {
        Node *e = l->items[i];
        if (e->kind == N_STARRED) {
            if (!built) {
                if (emit(c, OP_BUILD_LIST, pending) < 0) return false;
                built = true;
            } else if (pending) {
                /* never: pending items are appended one by one once built */
            }
            pending = 0;
            if (!compile_expr(c, e->a) || emit(c, OP_LIST_EXTEND, 1) < 0) return false;
        } else {
            if (!compile_expr(c, e)) return false;
            if (built) {
                if (emit(c, OP_LIST_APPEND, 1) < 0) return false;
            } else {
                pending++;
            }
        }
    }
    if (!built) return emit(c, OP_BUILD_LIST, pending) >= 0;
    return true;
}

static bool compile_sequence(Compiler *c, Node *n) {
    NodeList *l = &n->list;
    if (n->kind == N_TUPLE && !has_starred(l)) {
        /* All-constant tuples are folded into one constant. */
        bool all_const = l->len > 0;
        for (int i = 0; i < l->len; i++)
            if (l->items[i]->kind != N_CONST || l->items[i]->op == CONST_IMAG) all_const = false;
        if (all_const) {
            Tuple *t = tuple_new(c->S, (size_t)l->len);
            if (!t) return oom(c);
            for (int i = 0; i < l->len; i++) {
                Obj *v = const_value(c, l->items[i]);
                if (!v) {
                    DECREF(c->S, t);
                    return oom(c);
                }
                t->items[i] = v;
            }
            return load_const(c, (Obj *)t);
        }
        for (int i = 0; i < l->len; i++)
            if (!compile_expr(c, l->items[i])) return false;
        return emit(c, OP_BUILD_TUPLE, l->len) >= 0;
    }
    if (n->kind == N_SET) {
        if (!has_starred(l)) {
            for (int i = 0; i < l->len; i++)
                if (!compile_expr(c, l->items[i])) return false;
            return emit(c, OP_BUILD_SET, l->len) >= 0;
        }
        if (emit(c, OP_BUILD_SET, 0) < 0) return false;
        for (int i = 0; i < l->len; i++) {
            Node *e = l->items[i];
            if (e->kind == N_STARRED) {
                if (!compile_expr(c, e->a) || emit(c, OP_SET_UPDATE, 1) < 0) return false;
            } else if (!compile_expr(c, e) || emit(c, OP_SET_ADD, 1) < 0) {
                return false;
            }
        }
        return true;
    }
    if (!has_starred(l)) {
        for (int i = 0; i < l->len; i++)
            if (!compile_expr(c, l->items[i])) return false;
        return emit(c, OP_BUILD_LIST, l->len) >= 0;
    }
    if (!build_list_with_stars(c, l)) return false;
    if (n->kind == N_TUPLE) return emit(c, OP_LIST_TO_TUPLE, 0) >= 0;
    return true;
}

static bool compile_dict(Compiler *c, Node *n) {
    int pending = 0;
    bool built = false;
    for (int i = 0; i < n->list.len; i++) {
        Node *k = n->list.items[i], *v = n->list2.items[i];
        if (!k) {
            if (!built) {
                if (emit(c, OP_BUILD_MAP, pending) < 0) return false;
                built = true;
            }
            pending = 0;
            if (!compile_expr(c, v) || emit(c, OP_DICT_UPDATE, 1) < 0) return false;
        } else {
            if (!compile_expr(c, k) || !compile_expr(c, v)) return false;
            if (built) {
                if (emit(c, OP_MAP_ADD, 1) < 0) return false;
            } else {
                pending++;
            }
        }
    }
    if (!built) return emit(c, OP_BUILD_MAP, pending) >= 0;
    return true;
}

static bool compile_compare(Compiler *c, Node *n) {
    if (!compile_expr(c, n->a)) return false;
    int nitems = n->list.len;
    int cleanup_jumps[64], ncj = 0;
    if (nitems > 64) return error_at(c, n, "too many comparisons");
    for (int i = 0; i < nitems; i++) {
        Node *item = n->list.items[i];
        if (!compile_expr(c, item->a)) return false;
        c->u->line = n->line;
        bool last = i == nitems - 1;
        if (!last) {
            if (emit(c, OP_DUP_TOP, 0) < 0 || emit(c, OP_ROT_THREE, 0) < 0) return false;
        }
        int op = item->op;
        int r;
        if (op == CMPX_IS || op == CMPX_IS_NOT) r = emit(c, OP_IS_OP, op == CMPX_IS_NOT);
        else if (op == CMPX_IN || op == CMPX_NOT_IN) r = emit(c, OP_CONTAINS_OP, op == CMPX_NOT_IN);
        else r = emit(c, OP_COMPARE_OP, op);
        if (r < 0) return false;
        if (!last) cleanup_jumps[ncj++] = emit(c, OP_JUMP_IF_FALSE_OR_POP, 0);
    }
    if (ncj) {
        int end = emit(c, OP_JUMP, 0);
        for (int i = 0; i < ncj; i++) patch_here(c, cleanup_jumps[i]);
        if (emit(c, OP_ROT_TWO, 0) < 0 || emit(c, OP_POP_TOP, 0) < 0) return false;
        patch_here(c, end);
    }
    return !c->failed;
}

static bool compile_call_args(Compiler *c, Node *n, int already) {
    NodeList *args = &n->list, *kws = &n->list2;
    bool star = has_starred(args);
    bool dstar = false;
    for (int i = 0; i < kws->len; i++)
        if (!kws->items[i]->str) dstar = true;
    if (!star && !dstar) {
        for (int i = 0; i < args->len; i++)
            if (!compile_expr(c, args->items[i])) return false;
        if (kws->len == 0) return emit(c, OP_CALL, args->len + already) >= 0;
        Tuple *names = tuple_new(c->S, (size_t)kws->len);
        if (!names) return oom(c);
        for (int i = 0; i < kws->len; i++) {
            Obj *s = str_intern_cstr(c->S, kws->items[i]->str);
            if (!s) {
                DECREF(c->S, names);
                return oom(c);
            }
            names->items[i] = s;
            if (!compile_expr(c, kws->items[i]->a)) {
                DECREF(c->S, names);
                return false;
            }
        }
        if (!load_const(c, (Obj *)names)) return false;
        c->u->line = n->line;
        return emit(c, OP_CALL_KW, args->len + kws->len + already) >= 0;
    }
    /* General case: a positional tuple and a keyword dict. */
    if (already) return error_at(c, n, "internal error: method call with unpacking");
    if (args->len == 0) {
        if (!load_const(c, NEWREF(c->S->empty_tuple))) return false;
    } else if (args->len == 1 && args->items[0]->kind == N_STARRED) {
        /* f(*x): x itself, which the call makes a tuple of (as CPython 3.11's CALL_FUNCTION_EX) */
        if (!compile_expr(c, args->items[0]->a)) return false;
    } else if (!build_list_with_stars(c, args) || emit(c, OP_LIST_TO_TUPLE, 0) < 0) {
        return false;
    }
    if (kws->len) {
        if (emit(c, OP_BUILD_MAP, 0) < 0) return false;
        for (int i = 0; i < kws->len; i++) {
            Node *k = kws->items[i];
            if (k->str) {
                Obj *s = str_intern_cstr(c->S, k->str);
                if (!load_const(c, s) || !compile_expr(c, k->a) || emit(c, OP_MAP_ADD, 1) < 0) return false;
            } else if (!compile_expr(c, k->a) || emit(c, OP_DICT_MERGE, 1) < 0) {
                return false;
            }
        }
    }
    c->u->line = n->line;
    return emit(c, OP_CALL_EX, kws->len ? 1 : 0) >= 0;
}

static bool compile_call(Compiler *c, Node *n) {
    Node *fn = n->a;
    bool simple = !has_starred(&n->list) && n->list2.len == 0;
    if (fn->kind == N_ATTR && simple) {
        if (!compile_expr(c, fn->a)) return false;
        int i = name_index(c, fn->str);
        Loc saved = enter_node(c, fn);
        int at = i < 0 ? -1 : emit(c, OP_LOAD_METHOD, i);
        leave_node(c, saved);
        if (at < 0) return false;
        for (int k = 0; k < n->list.len; k++)
            if (!compile_expr(c, n->list.items[k])) return false;
        c->u->line = n->line;
        return emit(c, OP_CALL_METHOD, n->list.len) >= 0;
    }
    if (!compile_expr(c, fn)) return false;
    c->u->line = n->line;
    return compile_call_args(c, n, 0);
}

static Code *compile_function_body(Compiler *c, Node *n, Scope *scope, const char *name);

/* Pushes the closure tuple for scope's code; returns the MAKE_FUNCTION flag. */
static int load_closure(Compiler *c, Code *code) {
    size_t nfree = TUPLE_LEN(code->freevars);
    if (nfree == 0) return 0;
    for (size_t i = 0; i < nfree; i++) {
        const char *name = STR_DATA(TUPLE_ITEMS(code->freevars)[i]);
        int idx = cell_index(c->u, name);
        if (idx < 0) {
            error_at(c, NULL, "internal error: cannot close over '%s'", name);
            return -1;
        }
        if (emit(c, OP_LOAD_CLOSURE, idx) < 0) return -1;
    }
    if (emit(c, OP_BUILD_TUPLE, (int)nfree) < 0) return -1;
    return 8;
}

static bool make_function(Compiler *c, Code *code, int flags) {
    int cl = load_closure(c, code);
    if (cl < 0) {
        DECREF(c->S, code);
        return false;
    }
    return load_const(c, (Obj *)code) && emit(c, OP_MAKE_FUNCTION, flags | cl) >= 0;
}

/* Pushes defaults and keyword defaults; returns the MAKE_FUNCTION flags or -1. */
static int compile_defaults(Compiler *c, Node *args) {
    int flags = 0, ndefaults = 0;
    for (int i = 0; i < args->list.len; i++)
        if (args->list.items[i]->a) {
            if (!compile_expr(c, args->list.items[i]->a)) return -1;
            ndefaults++;
        }
    if (ndefaults) {
        if (emit(c, OP_BUILD_TUPLE, ndefaults) < 0) return -1;
        flags |= 1;
    }
    int nkw = 0;
    for (int i = 0; i < args->list2.len; i++) {
        Node *a = args->list2.items[i];
        if (!a->a) continue;
        Obj *s = str_intern_cstr(c->S, a->str);
        if (!load_const(c, s) || !compile_expr(c, a->a)) return -1;
        nkw++;
    }
    if (nkw) {
        if (emit(c, OP_BUILD_MAP, nkw) < 0) return -1;
        flags |= 2;
    }
    return flags;
}

static bool compile_lambda(Compiler *c, Node *n) {
    int flags = compile_defaults(c, n->a);
    if (flags < 0) return false;
    Code *code = compile_function_body(c, n, n->scope, "<lambda>");
    return code && make_function(c, code, flags);
}

static bool compile_comprehension(Compiler *c, Node *n) {
    rs_State *S = c->S;
    Scope *scope = n->scope;
    const char *name = scope->name;
    if (!enter_unit(c, scope, n->line)) return false;
    c->u->argcount = 1;
    c->u->flags = CO_NEWLOCALS | (n->kind == N_GENEXP ? CO_GENERATOR : 0);
    if (n->kind == N_LISTCOMP) emit(c, OP_BUILD_LIST, 0);
    else if (n->kind == N_SETCOMP) emit(c, OP_BUILD_SET, 0);
    else if (n->kind == N_DICTCOMP) emit(c, OP_BUILD_MAP, 0);
    int ngen = n->list.len;
    int starts[32], exits[32];
    if (ngen > 32) return error_at(c, n, "too many nested comprehensions");
    for (int i = 0; i < ngen; i++) {
        Node *g = n->list.items[i];
        if (i == 0) emit(c, OP_LOAD_FAST, 0);
        else {
            if (!compile_expr(c, g->b)) return false;
            emit(c, OP_GET_ITER, 0);
        }
        starts[i] = here(c);
        exits[i] = emit(c, OP_FOR_ITER, 0);
        if (!compile_store_target(c, g->a)) return false;
        for (int k = 0; k < g->list.len; k++) {
            if (!compile_expr(c, g->list.items[k])) return false;
            emit(c, OP_POP_JUMP_IF_FALSE, starts[i]);
        }
    }
    int depth = ngen + 1;
    if (n->kind == N_GENEXP) {
        if (!compile_expr(c, n->a)) return false;
        emit(c, OP_YIELD_VALUE, 0);
        emit(c, OP_POP_TOP, 0);
    } else if (n->kind == N_DICTCOMP) {
        if (!compile_expr(c, n->a) || !compile_expr(c, n->b)) return false;
        emit(c, OP_MAP_ADD, depth);
    } else {
        if (!compile_expr(c, n->a)) return false;
        emit(c, n->kind == N_LISTCOMP ? OP_LIST_APPEND : OP_SET_ADD, depth);
    }
    for (int i = ngen - 1; i >= 0; i--) {
        emit(c, OP_JUMP, starts[i]);
        patch_here(c, exits[i]);
    }
    if (n->kind == N_GENEXP) load_none(c);
    emit(c, OP_RETURN_VALUE, 0);
    Code *code = make_code(c, name, scope->qualname);
    if (!code) return false;
    if (!make_function(c, code, 0)) return false;
    if (!compile_expr(c, n->list.items[0]->b)) return false;
    (void)S;
    return emit(c, OP_GET_ITER, 0) >= 0 && emit(c, OP_CALL, 1) >= 0;
}

static bool compile_fstring(Compiler *c, Node *n) {
    int count = 0;
    for (int i = 0; i < n->list.len; i++) {
        Node *part = n->list.items[i];
        if (part->kind == N_CONST) {
            if (!compile_expr(c, part)) return false;
        } else {
            if (!compile_expr(c, part->a)) return false;
            int flags = part->op == 's' ? 1 : part->op == 'r' ? 2 : part->op == 'a' ? 3 : 0;
            if (part->b) {
                if (!compile_fstring(c, part->b)) return false;
                flags |= 4;
            }
            if (emit(c, OP_FORMAT_VALUE, flags) < 0) return false;
        }
        count++;
    }
    if (count == 1 && n->list.items[0]->kind != N_CONST) return true;
    if (count == 0) return load_const(c, NEWREF(c->S->empty_str));
    return emit(c, OP_BUILD_STRING, count) >= 0;
}

static bool compile_expr(Compiler *c, Node *n) {
    if (c->failed) return false;
    Loc saved_loc = enter_node(c, n);
    bool ok = true;
    switch (n->kind) {
    case N_NAME: ok = compile_name(c, n->str, LOAD); break;
    case N_CONST: {
        Obj *v = const_value(c, n);
        if (!v) return oom(c);
        ok = load_const(c, v);
        break;
    }
    case N_FSTRING: ok = compile_fstring(c, n); break;
    case N_BINOP:
        ok = compile_expr(c, n->a) && compile_expr(c, n->b);
        c->u->line = n->line;
        ok = ok && emit(c, OP_BINARY_OP, n->op) >= 0;
        break;
    case N_UNARY:
        if (n->op == '-' && n->a->kind == N_CONST && (n->a->op == CONST_INT || n->a->op == CONST_FLOAT)) {
            /* Fold negative literals, so -5 is the cached small int. */
            Obj *v = const_value(c, n->a);
            Obj *neg = v ? obj_unary(c->S, v, '-') : NULL;
            XDECREF(c->S, v);
            if (!neg) return oom(c);
            ok = load_const(c, neg);
            break;
        }
        ok = compile_expr(c, n->a) &&
             emit(c, n->op == '-' ? OP_UNARY_NEG : n->op == '+' ? OP_UNARY_POS : n->op == '~' ? OP_UNARY_INVERT : OP_UNARY_NOT, 0) >= 0;
        break;
    case N_BOOLOP: {
        int jumps[256], nj = 0;
        if (n->list.len > 256) return error_at(c, n, "too many operands");
        for (int i = 0; i < n->list.len; i++) {
            if (!compile_expr(c, n->list.items[i])) return false;
            if (i < n->list.len - 1) jumps[nj++] = emit(c, n->op ? OP_JUMP_IF_TRUE_OR_POP : OP_JUMP_IF_FALSE_OR_POP, 0);
        }
        for (int i = 0; i < nj; i++) patch_here(c, jumps[i]);
        break;
    }
    case N_COMPARE: ok = compile_compare(c, n); break;
    case N_IFEXP: {
        if (!compile_expr(c, n->a)) return false;
        int jf = emit(c, OP_POP_JUMP_IF_FALSE, 0);
        if (!compile_expr(c, n->b)) return false;
        int end = emit(c, OP_JUMP, 0);
        patch_here(c, jf);
        if (!compile_expr(c, n->c)) return false;
        patch_here(c, end);
        break;
    }
    case N_LAMBDA: ok = compile_lambda(c, n); break;
    case N_CALL: ok = compile_call(c, n); break;
    case N_ATTR: {
        if (!compile_expr(c, n->a)) return false;
        int i = name_index(c, n->str);
        c->u->line = n->line;
        ok = i >= 0 && emit(c, OP_LOAD_ATTR, i) >= 0;
        break;
    }
    case N_SUBSCRIPT:
        ok = compile_expr(c, n->a) && compile_expr(c, n->b);
        c->u->line = n->line;
        ok = ok && emit(c, OP_BINARY_SUBSCR, 0) >= 0;
        break;
    case N_SLICE: {
        int parts = n->c ? 3 : 2;
        if (n->a) ok = compile_expr(c, n->a);
        else ok = load_none(c);
        if (ok) ok = n->b ? compile_expr(c, n->b) : load_none(c);
        if (ok && n->c) ok = compile_expr(c, n->c);
        ok = ok && emit(c, OP_BUILD_SLICE, parts) >= 0;
        break;
    }
    case N_STARRED: return error_at(c, n, "can't use starred expression here");
    case N_TUPLE:
    case N_LIST:
    case N_SET: ok = compile_sequence(c, n); break;
    case N_DICT: ok = compile_dict(c, n); break;
    case N_LISTCOMP:
    case N_SETCOMP:
    case N_DICTCOMP:
    case N_GENEXP: ok = compile_comprehension(c, n); break;
    case N_YIELD:
        if (c->u->scope->kind != SC_FUNCTION) return error_at(c, n, "'yield' outside function");
        ok = n->a ? compile_expr(c, n->a) : load_none(c);
        ok = ok && emit(c, OP_YIELD_VALUE, 0) >= 0;
        break;
    case N_YIELD_FROM:
        if (c->u->scope->kind != SC_FUNCTION) return error_at(c, n, "'yield' outside function");
        ok = compile_expr(c, n->a) && emit(c, OP_GET_YIELD_FROM_ITER, 0) >= 0 && load_none(c) && emit(c, OP_YIELD_FROM, 0) >= 0;
        break;
    case N_NAMEDEXPR:
        ok = compile_expr(c, n->b) && emit(c, OP_DUP_TOP, 0) >= 0 && compile_name(c, n->a->str, STORE);
        break;
    default: return error_at(c, n, "invalid syntax");
    }
    leave_node(c, saved_loc);
    return ok && !c->failed;
}

/* ---- assignment ---- */

static bool compile_unpack(Compiler *c, Node *t) {
    int star = -1;
    for (int i = 0; i < t->list.len; i++)
        if (t->list.items[i]->kind == N_STARRED) star = i;
    if (star < 0) {
        if (emit(c, OP_UNPACK_SEQUENCE, t->list.len) < 0) return false;
    } else {
        int after = t->list.len - star - 1;
        if (star > 255 || after > 255) return error_at(c, t, "too many expressions in star-unpacking assignment");
        if (emit(c, OP_UNPACK_EX, star | (after << 8)) < 0) return false;
    }
    for (int i = 0; i < t->list.len; i++) {
        Node *e = t->list.items[i];
        if (!compile_store_target(c, e->kind == N_STARRED ? e->a : e)) return false;
    }
    return true;
}

static bool compile_store_target(Compiler *c, Node *t) {
    Loc saved = enter_node(c, t);
    bool ok;
    switch (t->kind) {
    case N_NAME: ok = compile_name(c, t->str, STORE); break;
    case N_ATTR: {
        ok = compile_expr(c, t->a);
        int i = name_index(c, t->str);
        c->u->line = t->line;
        ok = ok && i >= 0 && emit(c, OP_STORE_ATTR, i) >= 0;
        break;
    }
    case N_SUBSCRIPT:
        ok = compile_expr(c, t->a) && compile_expr(c, t->b);
        c->u->line = t->line;
        ok = ok && emit(c, OP_STORE_SUBSCR, 0) >= 0;
        break;
    case N_TUPLE:
    case N_LIST: ok = compile_unpack(c, t); break;
    default: return error_at(c, t, "cannot assign to expression");
    }
    leave_node(c, saved);
    return ok;
}

/* a, b = x, y (and three of each): CPython 3.11 builds no tuple, its peephole turning BUILD_TUPLE and UNPACK_SEQUENCE
   into SWAP; neither does refscope, so that the allocations (and gc.get_count()) are the same. */
static bool is_parallel_assignment(Node *target, Node *value) {
    if ((target->kind != N_TUPLE && target->kind != N_LIST) || value->kind != N_TUPLE) return false;
    int k = value->list.len;
    if ((k != 2 && k != 3) || target->list.len != k || has_starred(&target->list) || has_starred(&value->list)) return false;
    for (int i = 0; i < k; i++)
        if (value->list.items[i]->kind != N_CONST || value->list.items[i]->op == CONST_IMAG) return true;
    return false; /* all constants: one constant tuple, unpacked (as CPython does) */
}

static bool compile_parallel_assignment(Compiler *c, Node *target, Node *value) {
    int k = value->list.len;
    for (int i = 0; i < k; i++)
        if (!compile_expr(c, value->list.items[i])) return false;
    /* the first value to the top: x y -> y x; x y z -> z y x */
    if (k == 3 && emit(c, OP_ROT_THREE, 0) < 0) return false;
    if (emit(c, OP_ROT_TWO, 0) < 0) return false;
    for (int i = 0; i < k; i++)
        if (!compile_store_target(c, target->list.items[i])) return false;
    return true;
}

static bool compile_delete(Compiler *c, Node *t) {
    switch (t->kind) {
    case N_NAME: return compile_name(c, t->str, DEL);
    case N_ATTR: {
        if (!compile_expr(c, t->a)) return false;
        int i = name_index(c, t->str);
        return i >= 0 && emit(c, OP_DELETE_ATTR, i) >= 0;
    }
    case N_SUBSCRIPT: return compile_expr(c, t->a) && compile_expr(c, t->b) && emit(c, OP_DELETE_SUBSCR, 0) >= 0;
    case N_TUPLE:
    case N_LIST:
        for (int i = 0; i < t->list.len; i++)
            if (!compile_delete(c, t->list.items[i])) return false;
        return true;
    default: return error_at(c, t, "cannot delete expression");
    }
}

static bool compile_augassign(Compiler *c, Node *n) {
    Node *t = n->a;
    int op = n->op | OP_INPLACE;
    switch (t->kind) {
    case N_NAME:
        return compile_name(c, t->str, LOAD) && compile_expr(c, n->b) && emit(c, OP_BINARY_OP, op) >= 0 &&
               compile_name(c, t->str, STORE);
    case N_ATTR: {
        int i = name_index(c, t->str);
        return i >= 0 && compile_expr(c, t->a) && emit(c, OP_DUP_TOP, 0) >= 0 && emit(c, OP_LOAD_ATTR, i) >= 0 &&
               compile_expr(c, n->b) && emit(c, OP_BINARY_OP, op) >= 0 && emit(c, OP_ROT_TWO, 0) >= 0 &&
               emit(c, OP_STORE_ATTR, i) >= 0;
    }
    case N_SUBSCRIPT:
        return compile_expr(c, t->a) && compile_expr(c, t->b) && emit(c, OP_DUP_TOP_TWO, 0) >= 0 &&
               emit(c, OP_BINARY_SUBSCR, 0) >= 0 && compile_expr(c, n->b) && emit(c, OP_BINARY_OP, op) >= 0 &&
               emit(c, OP_ROT_THREE, 0) >= 0 && emit(c, OP_STORE_SUBSCR, 0) >= 0;
    default: return error_at(c, t, "illegal expression for augmented assignment");
    }
}

/* ---- blocks and unwinding ---- */

static bool push_fblock(Compiler *c, enum FBlockKind kind, int start, Node *node) {
    Unit *u = c->u;
    if (u->nfblocks >= FRAME_MAX_BLOCKS) return error_at(c, node, "too many statically nested blocks");
    FBlock *b = &u->fblocks[u->nfblocks++];
    b->kind = kind;
    b->start = start;
    b->exit_patch = -1;
    b->node = node;
    return true;
}

static void pop_fblock(Compiler *c) { c->u->nfblocks--; }

static bool clear_handler_name(Compiler *c, const char *name) {
    return load_none(c) && compile_name(c, name, STORE) && compile_name(c, name, DEL);
}

/* Emits the exit code of one block that a return/break/continue leaves. */
static bool unwind_fblock(Compiler *c, FBlock *b, bool preserve_tos) {
    switch (b->kind) {
    case FB_WHILE: return true;
    case FB_FOR:
        if (preserve_tos && emit(c, OP_ROT_TWO, 0) < 0) return false;
        return emit(c, OP_POP_TOP, 0) >= 0;
    case FB_TRY_EXCEPT: return emit(c, OP_POP_BLOCK, 0) >= 0;
    case FB_FINALLY_TRY: {
        if (emit(c, OP_POP_BLOCK, 0) < 0) return false;
        /* The finally body runs with this block gone, so its own exits unwind further out. */
        FBlock saved = *b;
        Unit *u = c->u;
        int idx = (int)(b - u->fblocks);
        int saved_n = u->nfblocks;
        u->nfblocks = idx;
        bool ok = compile_body(c, &saved.node->list4);
        u->nfblocks = saved_n;
        u->fblocks[idx] = saved;
        return ok;
    }
    case FB_FINALLY_END:
    case FB_HANDLER:
        if (emit(c, OP_POP_BLOCK, 0) < 0) return false;
        if (preserve_tos && emit(c, OP_ROT_TWO, 0) < 0) return false;
        return emit(c, OP_POP_EXCEPT, 0) >= 0;
    case FB_HANDLER_NAMED:
        return emit(c, OP_POP_BLOCK, 0) >= 0 && clear_handler_name(c, b->node->str);
    case FB_WITH:
        if (emit(c, OP_POP_BLOCK, 0) < 0) return false;
        if (preserve_tos && emit(c, OP_ROT_TWO, 0) < 0) return false;
        return emit(c, OP_WITH_EXIT, 0) >= 0;
    }
    return true;
}

/* Unwinds every block down to (not including) the innermost loop, or all when loop_out is NULL. */
static bool unwind_to_loop(Compiler *c, bool preserve_tos, FBlock **loop_out) {
    Unit *u = c->u;
    for (int i = u->nfblocks - 1; i >= 0; i--) {
        FBlock *b = &u->fblocks[i];
        if (loop_out && (b->kind == FB_WHILE || b->kind == FB_FOR)) {
            *loop_out = b;
            return true;
        }
        if (!unwind_fblock(c, b, preserve_tos)) return false;
    }
    return loop_out == NULL;
}

static bool compile_return(Compiler *c, Node *n) {
    if (c->u->scope->kind != SC_FUNCTION) return error_at(c, n, "'return' outside function");
    bool value = n->a != NULL;
    if (value) {
        if (!compile_expr(c, n->a)) return false;
    }
    bool any_unwind = false;
    for (int i = 0; i < c->u->nfblocks; i++)
        if (c->u->fblocks[i].kind != FB_WHILE) any_unwind = true;
    if (!value) {
        if (!load_none(c)) return false;
    }
    if (any_unwind) {
        c->u->line = n->line;
        if (!unwind_to_loop(c, true, NULL)) return false;
    }
    c->u->line = n->line;
    return emit(c, OP_RETURN_VALUE, 0) >= 0;
}

static bool compile_break_continue(Compiler *c, Node *n) {
    FBlock *loop = NULL;
    if (!unwind_to_loop(c, false, &loop) || !loop) {
        if (c->failed) return false;
        return error_at(c, n, n->kind == N_BREAK ? "'break' outside loop" : "'continue' not properly in loop");
    }
    if (n->kind == N_CONTINUE) return emit(c, OP_JUMP, loop->start) >= 0;
    if (loop->kind == FB_FOR && emit(c, OP_POP_TOP, 0) < 0) return false;
    /* Chain the break jumps through their argument, patched when the loop ends. */
    int j = emit(c, OP_JUMP, loop->exit_patch < 0 ? 0 : loop->exit_patch + 1);
    if (j < 0) return false;
    loop->exit_patch = j;
    return true;
}

static void patch_breaks(Compiler *c, FBlock *b, int target) {
    int at = b->exit_patch;
    while (at >= 0 && !c->failed) {
        int next = (int)INSTR_ARG(c->u->code[at]) - 1;
        patch(c, at, target);
        at = next;
    }
}

/* ---- statements ---- */

static bool compile_body(Compiler *c, NodeList *l) {
    for (int i = 0; i < l->len; i++)
        if (!compile_stmt(c, l->items[i])) return false;
    return true;
}

static bool compile_if(Compiler *c, Node *n) {
    if (!compile_expr(c, n->a)) return false;
    int jf = emit(c, OP_POP_JUMP_IF_FALSE, 0);
    if (!compile_body(c, &n->list)) return false;
    if (n->list2.len) {
        int end = emit(c, OP_JUMP, 0);
        patch_here(c, jf);
        if (!compile_body(c, &n->list2)) return false;
        patch_here(c, end);
    } else {
        patch_here(c, jf);
    }
    return !c->failed;
}

static bool compile_while(Compiler *c, Node *n) {
    int start = here(c);
    if (!compile_expr(c, n->a)) return false;
    int jf = emit(c, OP_POP_JUMP_IF_FALSE, 0);
    if (!push_fblock(c, FB_WHILE, start, n)) return false;
    if (!compile_body(c, &n->list)) return false;
    emit(c, OP_JUMP, start);
    FBlock b = c->u->fblocks[c->u->nfblocks - 1];
    pop_fblock(c);
    patch_here(c, jf);
    if (!compile_body(c, &n->list2)) return false;
    patch_breaks(c, &b, here(c));
    return !c->failed;
}

static bool compile_for(Compiler *c, Node *n) {
    if (!compile_expr(c, n->b)) return false;
    c->u->line = n->line;
    emit(c, OP_GET_ITER, 0);
    int start = here(c);
    int exit = emit(c, OP_FOR_ITER, 0);
    if (!push_fblock(c, FB_FOR, start, n)) return false;
    if (!compile_store_target(c, n->a) || !compile_body(c, &n->list)) return false;
    c->u->line = n->line;
    emit(c, OP_JUMP, start);
    FBlock b = c->u->fblocks[c->u->nfblocks - 1];
    pop_fblock(c);
    patch_here(c, exit);
    if (!compile_body(c, &n->list2)) return false;
    patch_breaks(c, &b, here(c));
    return !c->failed;
}

static bool compile_try_except(Compiler *c, Node *n) {
    int setup = emit(c, OP_SETUP_EXCEPT, 0);
    if (!push_fblock(c, FB_TRY_EXCEPT, 0, n) || !compile_body(c, &n->list)) return false;
    pop_fblock(c);
    emit(c, OP_POP_BLOCK, 0);
    if (!compile_body(c, &n->list3)) return false;
    int end_jumps[128], nend = 0;
    end_jumps[nend++] = emit(c, OP_JUMP, 0);
    /* The handler: stack [exc]. */
    patch_here(c, setup);
    c->u->line = n->list2.len ? n->list2.items[0]->line : n->line;
    emit(c, OP_PUSH_EXC_INFO, 0);
    int cleanup = emit(c, OP_SETUP_EXCEPT, 0);
    if (!push_fblock(c, FB_HANDLER, 0, n)) return false;
    if (n->list2.len > 120) return error_at(c, n, "too many except clauses");
    for (int i = 0; i < n->list2.len; i++) {
        Node *h = n->list2.items[i];
        c->u->line = h->line;
        if (!h->a && i != n->list2.len - 1) return error_at(c, h, "default 'except:' must be last");
        int next = -1;
        if (h->a) {
            if (emit(c, OP_LOAD_HANDLED, 0) < 0 || !compile_expr(c, h->a)) return false;
            c->u->line = h->line;
            emit(c, OP_CHECK_EXC_MATCH, 0);
            next = emit(c, OP_POP_JUMP_IF_FALSE, 0);
        }
        if (h->str) {
            emit(c, OP_LOAD_HANDLED, 0);
            if (!compile_name(c, h->str, STORE)) return false;
            int named_cleanup = emit(c, OP_SETUP_EXCEPT, 0);
            if (!push_fblock(c, FB_HANDLER_NAMED, 0, h) || !compile_body(c, &h->list)) return false;
            pop_fblock(c);
            emit(c, OP_POP_BLOCK, 0);
            if (!clear_handler_name(c, h->str)) return false;
            emit(c, OP_POP_BLOCK, 0);
            emit(c, OP_POP_EXCEPT, 0);
            end_jumps[nend++] = emit(c, OP_JUMP, 0);
            /* An exception inside a named handler: clear the name, then re-raise to the outer cleanup. */
            patch_here(c, named_cleanup);
            if (!clear_handler_name(c, h->str)) return false;
            emit(c, OP_RERAISE, 0);
        } else {
            if (!compile_body(c, &h->list)) return false;
            emit(c, OP_POP_BLOCK, 0);
            emit(c, OP_POP_EXCEPT, 0);
            end_jumps[nend++] = emit(c, OP_JUMP, 0);
        }
        if (next >= 0) patch_here(c, next);
    }
    pop_fblock(c);
    /* No clause matched: re-raise through the cleanup block. */
    emit(c, OP_LOAD_HANDLED, 0);
    emit(c, OP_RERAISE, 0);
    patch_here(c, cleanup);
    emit(c, OP_POP_EXCEPT_RERAISE, 0);
    for (int i = 0; i < nend; i++) patch_here(c, end_jumps[i]);
    return !c->failed;
}

static bool compile_try(Compiler *c, Node *n) {
    if (n->list4.len == 0) return compile_try_except(c, n);
    int setup = emit(c, OP_SETUP_EXCEPT, 0);
    if (!push_fblock(c, FB_FINALLY_TRY, 0, n)) return false;
    bool ok = n->list2.len ? compile_try_except(c, n) : compile_body(c, &n->list);
    if (!ok) return false;
    pop_fblock(c);
    emit(c, OP_POP_BLOCK, 0);
    if (!compile_body(c, &n->list4)) return false;
    int end = emit(c, OP_JUMP, 0);
    /* The exceptional path: the same finally body, then re-raise. */
    patch_here(c, setup);
    emit(c, OP_PUSH_EXC_INFO, 0);
    int cleanup = emit(c, OP_SETUP_EXCEPT, 0);
    if (!push_fblock(c, FB_FINALLY_END, 0, n) || !compile_body(c, &n->list4)) return false;
    pop_fblock(c);
    emit(c, OP_LOAD_HANDLED, 0);
    emit(c, OP_RERAISE, 0);
    patch_here(c, cleanup);
    emit(c, OP_POP_EXCEPT_RERAISE, 0);
    patch_here(c, end);
    return !c->failed;
}

static bool compile_with_items(Compiler *c, Node *n, int index) {
    Node *item = n->list.items[index];
    c->u->line = item->line;
    if (!compile_expr(c, item->a)) return false;
    c->u->line = n->line;
    emit(c, OP_BEFORE_WITH, 0);
    if (item->b) {
        if (!compile_store_target(c, item->b)) return false;
    } else {
        emit(c, OP_POP_TOP, 0);
    }
    int setup = emit(c, OP_SETUP_EXCEPT, 0);
    if (!push_fblock(c, FB_WITH, 0, n)) return false;
    bool ok = index + 1 < n->list.len ? compile_with_items(c, n, index + 1) : compile_body(c, &n->list2);
    if (!ok) return false;
    pop_fblock(c);
    c->u->line = n->line;
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_WITH_EXIT, 0);
    int end = emit(c, OP_JUMP, 0);
    /* Exceptional exit: stack [exit, exc]. */
    patch_here(c, setup);
    emit(c, OP_PUSH_EXC_INFO, 0);
    int cleanup = emit(c, OP_SETUP_EXCEPT, 0);
    emit(c, OP_WITH_EXCEPT_START, 0);
    int suppress = emit(c, OP_POP_JUMP_IF_TRUE, 0);
    emit(c, OP_LOAD_HANDLED, 0);
    emit(c, OP_RERAISE, 0);
    patch_here(c, suppress);
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_POP_TOP, 0);
    int end2 = emit(c, OP_JUMP, 0);
    patch_here(c, cleanup);
    emit(c, OP_POP_EXCEPT_RERAISE, 0);
    patch_here(c, end);
    patch_here(c, end2);
    return !c->failed;
}

static bool is_docstring(Node *s) {
    return s && s->kind == N_EXPR_STMT && s->a->kind == N_CONST && s->a->op == CONST_STR;
}

static bool set_args(Compiler *c, Node *args) {
    Unit *u = c->u;
    u->argcount = args->list.len;
    u->kwonlyargcount = args->list2.len;
    if (args->b) u->flags |= CO_VARARGS;
    if (args->c) u->flags |= CO_VARKEYWORDS;
    return true;
}

static Code *compile_function_body(Compiler *c, Node *n, Scope *scope, const char *name) {
    if (!enter_unit(c, scope, n->line)) return NULL;
    Unit *u = c->u;
    u->flags = CO_NEWLOCALS | (scope->is_generator ? CO_GENERATOR : 0);
    set_args(c, n->a);
    if (n->kind == N_LAMBDA) {
        /* The docstring slot: lambdas have none. */
        if (!add_const(c, NEWREF(c->S->none)) && c->failed) return NULL;
        if (!compile_expr(c, n->b)) return NULL;
        if (scope->is_generator) {
            emit(c, OP_POP_TOP, 0);
            load_none(c);
        }
        emit(c, OP_RETURN_VALUE, 0);
    } else {
        int start = 0;
        if (is_docstring(n->list.len ? n->list.items[0] : NULL)) {
            Obj *doc = const_value(c, n->list.items[0]->a);
            if (add_const(c, doc) < 0) return NULL;
            start = 1;
        } else if (add_const(c, NEWREF(c->S->none)) < 0) {
            return NULL;
        }
        for (int i = start; i < n->list.len; i++)
            if (!compile_stmt(c, n->list.items[i])) return NULL;
        load_none(c);
        emit(c, OP_RETURN_VALUE, 0);
    }
    return make_code(c, name, scope->qualname);
}

static bool compile_decorators(Compiler *c, NodeList *l) {
    for (int i = 0; i < l->len; i++)
        if (!compile_expr(c, l->items[i])) return false;
    return true;
}

static bool apply_decorators(Compiler *c, NodeList *l) {
    for (int i = 0; i < l->len; i++)
        if (emit(c, OP_CALL, 1) < 0) return false;
    return true;
}

static bool compile_funcdef(Compiler *c, Node *n) {
    if (!compile_decorators(c, &n->list2)) return false;
    c->u->line = n->line;
    int flags = compile_defaults(c, n->a);
    if (flags < 0) return false;
    Code *code = compile_function_body(c, n, n->scope, n->str);
    if (!code || !make_function(c, code, flags)) return false;
    return apply_decorators(c, &n->list2) && compile_name(c, n->str, STORE);
}

static bool compile_classdef(Compiler *c, Node *n) {
    rs_State *S = c->S;
    if (!compile_decorators(c, &n->list4)) return false;
    c->u->line = n->line;
    emit(c, OP_LOAD_BUILD_CLASS, 0);
    Scope *scope = n->scope;
    if (!enter_unit(c, scope, n->line)) return false;
    if (!compile_name(c, "__name__", LOAD) || !compile_name(c, "__module__", STORE)) return false;
    if (!load_const(c, str_from_cstr(S, scope->qualname)) || !compile_name(c, "__qualname__", STORE)) return false;
    int start = 0;
    if (is_docstring(n->list3.len ? n->list3.items[0] : NULL)) {
        if (!compile_expr(c, n->list3.items[0]->a) || !compile_name(c, "__doc__", STORE)) return false;
        start = 1;
    }
    for (int i = start; i < n->list3.len; i++)
        if (!compile_stmt(c, n->list3.items[i])) return false;
    if (scope->needs_class_cell) {
        int i = cell_index(c->u, "__class__");
        emit(c, OP_LOAD_CLOSURE, i);
        emit(c, OP_DUP_TOP, 0);
        if (!compile_name(c, "__classcell__", STORE)) return false;
    } else {
        load_none(c);
    }
    emit(c, OP_RETURN_VALUE, 0);
    Code *code = make_code(c, n->str, scope->qualname);
    if (!code || !make_function(c, code, 0)) return false;
    if (!load_const(c, str_from_cstr(S, n->str))) return false;
    Node call;
    memset(&call, 0, sizeof call);
    call.kind = N_CALL;
    call.line = n->line;
    call.list = n->list;
    call.list2 = n->list2;
    /* __build_class__(func, name, *bases, **keywords) */
    if (has_starred(&n->list) || n->list2.len) {
        for (int i = 0; i < n->list2.len; i++)
            if (!n->list2.items[i]->str) return error_at(c, n, "class keyword unpacking is not supported");
        if (has_starred(&n->list)) return error_at(c, n, "class base unpacking is not supported");
    }
    for (int i = 0; i < n->list.len; i++)
        if (!compile_expr(c, n->list.items[i])) return false;
    if (n->list2.len) {
        Tuple *names = tuple_new(S, (size_t)n->list2.len);
        if (!names) return oom(c);
        for (int i = 0; i < n->list2.len; i++) {
            names->items[i] = str_intern_cstr(S, n->list2.items[i]->str);
            if (!names->items[i] || !compile_expr(c, n->list2.items[i]->a)) {
                DECREF(S, names);
                return oom(c);
            }
        }
        if (!load_const(c, (Obj *)names)) return false;
        emit(c, OP_CALL_KW, 2 + n->list.len + n->list2.len);
    } else {
        emit(c, OP_CALL, 2 + n->list.len);
    }
    return apply_decorators(c, &n->list4) && compile_name(c, n->str, STORE);
}

static bool compile_import(Compiler *c, Node *n) {
    rs_State *S = c->S;
    for (int i = 0; i < n->list.len; i++) {
        Node *al = n->list.items[i];
        int idx = name_index(c, al->str);
        if (idx < 0 || !load_const(c, int_from_i64(S, 0)) || !load_none(c) || emit(c, OP_IMPORT_NAME, idx) < 0) return false;
        const char *store = al->str2;
        char buf[256];
        if (!store) {
            const char *dot = strchr(al->str, '.');
            size_t len = dot ? (size_t)(dot - al->str) : strlen(al->str);
            if (len >= sizeof buf) len = sizeof buf - 1;
            memcpy(buf, al->str, len);
            buf[len] = 0;
            store = buf;
        }
        if (!compile_name(c, store, STORE)) return false;
    }
    return true;
}

static bool compile_import_from(Compiler *c, Node *n) {
    rs_State *S = c->S;
    Tuple *names = tuple_new(S, (size_t)n->list.len);
    if (!names) return oom(c);
    for (int i = 0; i < n->list.len; i++) {
        names->items[i] = str_intern_cstr(S, n->list.items[i]->str);
        if (!names->items[i]) {
            DECREF(S, names);
            return oom(c);
        }
    }
    int idx = name_index(c, n->str ? n->str : "");
    if (idx < 0 || !load_const(c, int_from_i64(S, n->op))) {
        DECREF(S, names); /* (load_const owns what it is given, even when it fails) */
        return false;
    }
    if (!load_const(c, (Obj *)names) || emit(c, OP_IMPORT_NAME, idx) < 0) return false;
    if (n->list.len == 1 && strcmp(n->list.items[0]->str, "*") == 0) return emit(c, OP_IMPORT_STAR, 0) >= 0;
    for (int i = 0; i < n->list.len; i++) {
        Node *al = n->list.items[i];
        int k = name_index(c, al->str);
        if (k < 0 || emit(c, OP_IMPORT_FROM, k) < 0 || !compile_name(c, al->str2 ? al->str2 : al->str, STORE)) return false;
    }
    return emit(c, OP_POP_TOP, 0) >= 0;
}

static bool compile_stmt(Compiler *c, Node *n) {
    if (c->failed) return false;
    c->u->line = n->line;
    c->u->end_line = 0; /* statement spans are not recorded: no markers for them */
    switch (n->kind) {
    case N_EXPR_STMT:
        if (c->mode == COMPILE_INTERACTIVE && c->u->parent == NULL) {
            return compile_expr(c, n->a) && emit(c, OP_PRINT_EXPR, 0) >= 0;
        }
        if (n->a->kind == N_CONST && n->a->op != CONST_IMAG) return true;
        return compile_expr(c, n->a) && emit(c, OP_POP_TOP, 0) >= 0;
    case N_ASSIGN:
        if (n->list.len == 1 && is_parallel_assignment(n->list.items[0], n->a)) return compile_parallel_assignment(c, n->list.items[0], n->a);
        if (!compile_expr(c, n->a)) return false;
        for (int i = 0; i < n->list.len; i++) {
            if (i < n->list.len - 1 && emit(c, OP_DUP_TOP, 0) < 0) return false;
            if (!compile_store_target(c, n->list.items[i])) return false;
        }
        return true;
    case N_AUGASSIGN: return compile_augassign(c, n);
    case N_ANNASSIGN:
        if (!n->c) {
            if (n->a->kind == N_NAME) return true;
            return compile_expr(c, n->a->a) && emit(c, OP_POP_TOP, 0) >= 0;
        }
        return compile_expr(c, n->c) && compile_store_target(c, n->a);
    case N_DEL:
        for (int i = 0; i < n->list.len; i++)
            if (!compile_delete(c, n->list.items[i])) return false;
        return true;
    case N_PASS: return true;
    case N_BREAK:
    case N_CONTINUE: return compile_break_continue(c, n);
    case N_RETURN: return compile_return(c, n);
    case N_RAISE: {
        int k = 0;
        if (n->a) {
            if (!compile_expr(c, n->a)) return false;
            k = 1;
            if (n->b) {
                if (!compile_expr(c, n->b)) return false;
                k = 2;
            }
        }
        /* the raise itself carries the statement's span, as CPython's RAISE_VARARGS (traceback markers) */
        Loc saved = enter_node(c, n);
        bool ok = emit(c, OP_RAISE, k) >= 0;
        leave_node(c, saved);
        return ok;
    }
    case N_GLOBAL:
    case N_NONLOCAL: return true;
    case N_IMPORT: return compile_import(c, n);
    case N_IMPORT_FROM: return compile_import_from(c, n);
    case N_ASSERT: {
        if (!compile_expr(c, n->a)) return false;
        int ok = emit(c, OP_POP_JUMP_IF_TRUE, 0);
        c->u->line = n->line;
        emit(c, OP_LOAD_ASSERTION_ERROR, 0);
        if (n->b) {
            if (!compile_expr(c, n->b)) return false;
            emit(c, OP_CALL, 1);
        }
        emit(c, OP_RAISE, 1);
        patch_here(c, ok);
        return !c->failed;
    }
    case N_IF: return compile_if(c, n);
    case N_WHILE: return compile_while(c, n);
    case N_FOR: return compile_for(c, n);
    case N_TRY: return compile_try(c, n);
    case N_WITH: return compile_with_items(c, n, 0);
    case N_FUNCDEF: return compile_funcdef(c, n);
    case N_CLASSDEF: return compile_classdef(c, n);
    default: return error_at(c, n, "invalid syntax");
    }
}

/* ---- entry ---- */

Obj *exc_syntax_error(rs_State *S, Type *t, const char *msg, const char *filename, int line, int col, int end_col,
                      const char *text, size_t textlen);

static void raise_syntax_error(rs_State *S, const SyntaxErr *err, const char *filename, const char *src, size_t len) {
    if (!err->cls) {
        if (!S->exc) exc_nomemory(S);
        return;
    }
    if (strcmp(err->cls, "MemoryError") == 0) {
        exc_nomemory(S);
        return;
    }
    if (strcmp(err->cls, "RecursionError") == 0) {
        exc_raisef(S, S->e_RecursionError, "%s", err->msg);
        return;
    }
    Type *t = strcmp(err->cls, "IndentationError") == 0 ? S->e_IndentationError
              : strcmp(err->cls, "TabError") == 0     ? S->e_TabError
                                                      : S->e_SyntaxError;
    /* The text of the offending line. */
    const char *p = src, *end = src + len;
    for (int line = 1; line < err->line && p < end; p++)
        if (*p == '\n') line++;
    const char *q = p;
    while (q < end && *q != '\n') q++;
    exc_syntax_error(S, t, err->msg, filename, err->line, err->col, err->end_col, p < end || err->line >= 1 ? p : NULL,
                     (size_t)(q - p));
}

/* Source text must be UTF-8 (no coding declarations here) without NUL bytes: as CPython's reader, reject it whole,
   with the first bad byte's line, before any token is read (a NUL in a comment included, as 3.12 does). Returns
   false with the SyntaxError set. */
static bool check_source_bytes(rs_State *S, const char *src, size_t len, const char *filename) {
    const unsigned char *p = (const unsigned char *)src, *end = p + len, *line_start = p;
    int line = 1;
    while (p < end) {
        unsigned cp;
        size_t n = *p < 0x80 ? 1 : util_utf8_decode(p, (size_t)(end - p), &cp);
        if (n == 0) {
            /* (exc_raisef's formats are Python's: the byte goes through snprintf first) */
            char byte[8];
            snprintf(byte, sizeof byte, "\\x%02x", *p);
            exc_raisef(S, S->e_SyntaxError,
                       "Non-UTF-8 code starting with '%s' in file %s on line %d, but no encoding declared; see "
                       "https://peps.python.org/pep-0263/ for details",
                       byte, filename, line);
            return false;
        }
        if (*p == 0) {
            int col = lexer_column((const char *)line_start, (const char *)p) + 1;
            exc_syntax_error(S, S->e_SyntaxError, "source code cannot contain null bytes", filename, line, col, 0,
                             (const char *)line_start, (size_t)(p - line_start));
            return false;
        }
        if (*p == '\n') {
            line++;
            line_start = p + 1;
        }
        p += n;
    }
    return true;
}

Code *compile_source(rs_State *S, const char *src, size_t len, const char *filename, enum CompileMode mode, bool *incomplete) {
    if (incomplete) *incomplete = false;
    if (!check_source_bytes(S, src, len, filename)) return NULL;
    Arena A;
    arena_init(&A, &S->mem);
    Compiler c;
    memset(&c, 0, sizeof c);
    c.S = S;
    c.filename = filename;
    c.A = &A;
    c.mode = mode;
    if (incomplete) *incomplete = false;
    Node *root;
    if (mode == COMPILE_EVAL) {
        Node *e = parse_expression(&A, src, len, &c.err, 0, 0);
        root = NULL;
        if (e) {
            root = node_new(&A, N_MODULE, 1, 0);
            Node *ret = node_new(&A, N_RETURN, e->line, e->col);
            if (root && ret) {
                ret->a = e;
                nodelist_push(&A, &root->list, ret);
            }
        }
    } else if (mode == COMPILE_INTERACTIVE) {
        root = parse_interactive(&A, src, len, &c.err);
    } else {
        root = parse_module(&A, src, len, &c.err);
    }
    Code *code = NULL;
    if (root && symtable_build(&A, root, &c.err)) {
        Scope *top = root->scope;
        if (enter_unit(&c, top, 1)) {
            if (mode == COMPILE_EVAL) {
                /* The module scope compiles a bare expression and returns it. */
                c.u->line = root->list.items[0]->line;
                if (compile_expr(&c, root->list.items[0]->a)) emit(&c, OP_RETURN_VALUE, 0);
            } else {
                int start = 0;
                if (mode == COMPILE_FILE && is_docstring(root->list.len ? root->list.items[0] : NULL)) {
                    if (compile_expr(&c, root->list.items[0]->a)) compile_name(&c, "__doc__", STORE);
                    start = 1;
                }
                for (int i = start; i < root->list.len && !c.failed; i++) compile_stmt(&c, root->list.items[i]);
                if (!c.failed) {
                    load_none(&c);
                    emit(&c, OP_RETURN_VALUE, 0);
                }
            }
            code = make_code(&c, "<module>", "<module>");
        }
        while (c.u) free_unit(&c, c.u);
    } else {
        c.failed = true;
        if (!root && A.failed) c.err.cls = "MemoryError";
    }
    if (!code && !S->exc) {
        if (incomplete) *incomplete = c.err.incomplete;
        raise_syntax_error(S, &c.err, filename, src, len);
    }
    arena_free(&A);
    return code;
}
