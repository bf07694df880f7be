/*
 * symtable.c: the two passes of scope analysis. Names are kept per scope in
 * first-appearance order (CPython's co_varnames order follows it).
 */
#include "symtable.h"
#include <stdio.h>
#include <string.h>

typedef struct Builder {
    Arena *A;
    SyntaxErr *err;
    bool failed;
    Scope *cur;
} Builder;

static bool fail(Builder *b, Node *n, const char *fmt, const char *name) {
    if (b->failed) return false;
    b->failed = true;
    b->err->cls = "SyntaxError";
    snprintf(b->err->msg, sizeof b->err->msg, fmt, name);
    b->err->line = n ? n->line : 1;
    b->err->col = n ? n->col + 1 : 1;
    b->err->end_col = 0;
    return false;
}

Symbol *scope_find(Scope *s, const char *name) {
    for (int i = 0; i < s->nsyms; i++)
        if (strcmp(s->syms[i].name, name) == 0) return &s->syms[i];
    return NULL;
}

static Symbol *add(Builder *b, Scope *s, const char *name, int flags) {
    Symbol *sym = scope_find(s, name);
    if (sym) {
        sym->flags |= flags;
        return sym;
    }
    if (s->nsyms == s->cap) {
        int ncap = s->cap ? s->cap * 2 : 8;
        Symbol *n = arena_alloc(b->A, sizeof(Symbol) * (size_t)ncap);
        if (!n) {
            b->failed = true;
            b->err->cls = "MemoryError";
            return NULL;
        }
        if (s->nsyms) memcpy(n, s->syms, sizeof(Symbol) * (size_t)s->nsyms);
        s->syms = n;
        s->cap = ncap;
    }
    sym = &s->syms[s->nsyms++];
    sym->name = name;
    sym->flags = flags;
    sym->resolved = 0;
    sym->declared = NULL;
    return sym;
}

static Scope *new_scope(Builder *b, enum ScopeKind kind, Node *node, const char *name) {
    Scope *s = arena_alloc(b->A, sizeof(Scope));
    if (!s) {
        b->failed = true;
        b->err->cls = "MemoryError";
        return NULL;
    }
    s->kind = kind;
    s->node = node;
    s->name = name;
    s->parent = b->cur;
    node->scope = s;
    Scope *p = b->cur;
    if (p) {
        if (p->nchildren == p->capchildren) {
            int ncap = p->capchildren ? p->capchildren * 2 : 4;
            Scope **c = arena_alloc(b->A, sizeof(Scope *) * (size_t)ncap);
            if (!c) {
                b->failed = true;
                return NULL;
            }
            if (p->nchildren) memcpy(c, p->children, sizeof(Scope *) * (size_t)p->nchildren);
            p->children = c;
            p->capchildren = ncap;
        }
        p->children[p->nchildren++] = s;
        /* qualname: parent's, with <locals> after functions */
        const char *pq = p->kind == SC_MODULE ? NULL : p->qualname;
        size_t n = (pq ? strlen(pq) + 10 : 0) + strlen(name) + 2;
        char *q = arena_alloc(b->A, n);
        if (!q) {
            b->failed = true;
            return NULL;
        }
        if (!pq) snprintf(q, n, "%s", name);
        else if (p->kind == SC_CLASS) snprintf(q, n, "%s.%s", pq, name);
        else snprintf(q, n, "%s.<locals>.%s", pq, name);
        s->qualname = q;
    } else {
        s->qualname = name;
    }
    return s;
}

static void visit(Builder *b, Node *n);
static void mark_targets(Builder *b, Node *t);
static void visit_list(Builder *b, NodeList *l) {
    for (int i = 0; i < l->len && !b->failed; i++)
        if (l->items[i]) visit(b, l->items[i]);
}

static void bind(Builder *b, const char *name, Node *n) {
    Symbol *s = scope_find(b->cur, name);
    if (s && (s->flags & SYM_GLOBAL) == 0 && (s->flags & SYM_NONLOCAL) == 0) {
        s->flags |= SYM_ASSIGNED;
        return;
    }
    (void)n;
    add(b, b->cur, name, SYM_ASSIGNED);
}

static void declare_params(Builder *b, Node *args) {
    for (int i = 0; i < args->list.len; i++) add(b, b->cur, args->list.items[i]->str, SYM_PARAM | SYM_ASSIGNED);
    for (int i = 0; i < args->list2.len; i++) add(b, b->cur, args->list2.items[i]->str, SYM_PARAM | SYM_ASSIGNED);
    if (args->b) add(b, b->cur, args->b->str, SYM_PARAM | SYM_ASSIGNED);
    if (args->c) add(b, b->cur, args->c->str, SYM_PARAM | SYM_ASSIGNED);
    b->cur->nparams = b->cur->nsyms;
}

static void visit_defaults(Builder *b, Node *args) {
    for (int i = 0; i < args->list.len; i++)
        if (args->list.items[i]->a) visit(b, args->list.items[i]->a);
    for (int i = 0; i < args->list2.len; i++)
        if (args->list2.items[i]->a) visit(b, args->list2.items[i]->a);
}

static void visit_comprehension(Builder *b, Node *n, const char *name) {
    Node *first = n->list.items[0];
    visit(b, first->b); /* the outermost iterable belongs to the enclosing scope */
    Scope *s = new_scope(b, SC_COMPREHENSION, n, name);
    if (!s) return;
    Scope *saved = b->cur;
    b->cur = s;
    add(b, s, ".0", SYM_PARAM | SYM_ASSIGNED);
    s->nparams = 1;
    if (n->kind == N_GENEXP) s->is_generator = true;
    for (int i = 0; i < n->list.len && !b->failed; i++) {
        Node *g = n->list.items[i];
        if (i > 0) visit(b, g->b);
        visit(b, g->a);
        mark_targets(b, g->a);
        visit_list(b, &g->list);
    }
    if (n->a) visit(b, n->a);
    if (n->b) visit(b, n->b);
    b->cur = saved;
}

static void visit_target_names(Builder *b, Node *n) { visit(b, n); }

static void visit(Builder *b, Node *n) {
    if (!n || b->failed) return;
    switch (n->kind) {
    case N_MODULE: visit_list(b, &n->list); break;
    case N_NAME: {
        /* Context is decided by the parent; here a bare visit is a use. */
        Symbol *s = add(b, b->cur, n->str, SYM_USED);
        (void)s;
        if (b->cur->kind != SC_CLASS && strcmp(n->str, "super") == 0) add(b, b->cur, "__class__", SYM_USED);
        break;
    }
    case N_FUNCDEF: {
        visit_list(b, &n->list2);
        visit_defaults(b, n->a);
        bind(b, n->str, n);
        Scope *s = new_scope(b, SC_FUNCTION, n, n->str);
        if (!s) return;
        Scope *saved = b->cur;
        b->cur = s;
        declare_params(b, n->a);
        visit_list(b, &n->list);
        b->cur = saved;
        break;
    }
    case N_LAMBDA: {
        visit_defaults(b, n->a);
        Scope *s = new_scope(b, SC_FUNCTION, n, "<lambda>");
        if (!s) return;
        Scope *saved = b->cur;
        b->cur = s;
        declare_params(b, n->a);
        visit(b, n->b);
        b->cur = saved;
        break;
    }
    case N_CLASSDEF: {
        visit_list(b, &n->list4);
        visit_list(b, &n->list);
        for (int i = 0; i < n->list2.len; i++) visit(b, n->list2.items[i]->a);
        bind(b, n->str, n);
        Scope *s = new_scope(b, SC_CLASS, n, n->str);
        if (!s) return;
        Scope *saved = b->cur;
        b->cur = s;
        visit_list(b, &n->list3);
        b->cur = saved;
        break;
    }
    case N_LISTCOMP: visit_comprehension(b, n, "<listcomp>"); break;
    case N_SETCOMP: visit_comprehension(b, n, "<setcomp>"); break;
    case N_DICTCOMP: visit_comprehension(b, n, "<dictcomp>"); break;
    case N_GENEXP: visit_comprehension(b, n, "<genexpr>"); break;
    case N_YIELD:
    case N_YIELD_FROM:
        if (b->cur->kind == SC_FUNCTION) b->cur->is_generator = true;
        else if (b->cur->kind == SC_COMPREHENSION)
            fail(b, n, "'yield' inside %s", b->cur->name[1] == 'g' ? "generator expression" : b->cur->name[1] == 'l' ? "list comprehension" : b->cur->name[1] == 's' ? "set comprehension" : "dict comprehension");
        else fail(b, n, "'yield' outside function%s", "");
        visit(b, n->a);
        break;
    case N_GLOBAL:
    case N_NONLOCAL:
        for (int i = 0; i < n->list.len; i++) {
            Node *name = n->list.items[i];
            Symbol *s = scope_find(b->cur, name->str);
            if (n->kind == N_NONLOCAL && b->cur->kind == SC_MODULE) {
                fail(b, n, "nonlocal declaration not allowed at module level%s", "");
                Node *last = n->list.items[n->list.len - 1];
                if (last->end_line == n->line) b->err->end_col = last->end_col + 1; /* CPython marks the statement */
                return;
            }
            if (s && (s->flags & SYM_PARAM)) {
                fail(b, n, n->kind == N_GLOBAL ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal", name->str);
                return;
            }
            if (s && (s->flags & (SYM_ASSIGNED | SYM_USED))) {
                char msg[120];
                snprintf(msg, sizeof msg, "name '%%s' is %s %s declaration",
                         (s->flags & SYM_ASSIGNED) ? "assigned to before" : "used prior to", n->kind == N_GLOBAL ? "global" : "nonlocal");
                fail(b, n, msg, name->str);
                return;
            }
            Symbol *declared = add(b, b->cur, name->str, n->kind == N_GLOBAL ? SYM_GLOBAL : SYM_NONLOCAL);
            if (declared) declared->declared = n;
        }
        break;
    case N_ASSIGN:
        visit(b, n->a);
        for (int i = 0; i < n->list.len; i++) visit_target_names(b, n->list.items[i]);
        break;
    case N_AUGASSIGN:
    case N_ANNASSIGN:
        visit(b, n->b);
        if (n->kind == N_ANNASSIGN) visit(b, n->c);
        visit_target_names(b, n->a);
        break;
    case N_FOR:
        visit(b, n->b);
        visit_target_names(b, n->a);
        visit_list(b, &n->list);
        visit_list(b, &n->list2);
        break;
    case N_HANDLER:
        visit(b, n->a);
        if (n->str) bind(b, n->str, n);
        visit_list(b, &n->list);
        break;
    case N_IMPORT:
        for (int i = 0; i < n->list.len; i++) {
            Node *al = n->list.items[i];
            if (al->str2) bind(b, al->str2, al);
            else {
                const char *dot = strchr(al->str, '.');
                bind(b, dot ? arena_strdup(b->A, al->str, (size_t)(dot - al->str)) : al->str, al);
            }
        }
        break;
    case N_IMPORT_FROM:
        for (int i = 0; i < n->list.len; i++) {
            Node *al = n->list.items[i];
            if (strcmp(al->str, "*") == 0) {
                if (b->cur->kind != SC_MODULE) fail(b, n, "import * only allowed at module level%s", "");
                continue;
            }
            bind(b, al->str2 ? al->str2 : al->str, al);
        }
        break;
    case N_NAMEDEXPR: {
        visit(b, n->b);
        Scope *target = b->cur;
        while (target->kind == SC_COMPREHENSION) target = target->parent;
        if (target != b->cur) {
            Scope *saved = b->cur;
            b->cur = target;
            bind(b, n->a->str, n);
            b->cur = saved;
            for (Scope *s = saved; s != target; s = s->parent)
                add(b, s, n->a->str, target->kind == SC_MODULE ? SYM_GLOBAL : SYM_NONLOCAL);
        } else {
            bind(b, n->a->str, n);
        }
        break;
    }
    default:
        visit(b, n->a);
        visit(b, n->b);
        visit(b, n->c);
        visit_list(b, &n->list);
        visit_list(b, &n->list2);
        visit_list(b, &n->list3);
        visit_list(b, &n->list4);
    }
    /* Stores: names in target positions were visited as uses above; mark the binding here. */
    if (b->failed) return;
    switch (n->kind) {
    case N_ASSIGN:
        for (int i = 0; i < n->list.len; i++) {
            mark_targets(b, n->list.items[i]);
        }
        break;
    case N_AUGASSIGN:
    case N_ANNASSIGN:
    case N_FOR:
    case N_COMPREHENSION: {
        mark_targets(b, n->a);
        break;
    }
    case N_WITHITEM:
        if (n->b) {
            mark_targets(b, n->b);
        }
        break;
    case N_DEL: {
        for (int i = 0; i < n->list.len; i++) mark_targets(b, n->list.items[i]);
        break;
    }
    default: break;
    }
}

static void mark_targets(Builder *b, Node *t) {
    switch (t->kind) {
    case N_NAME: {
        Symbol *s = scope_find(b->cur, t->str);
        /* A name only stored to (never loaded) should not count as used. */
        if (s && !(s->flags & (SYM_GLOBAL | SYM_NONLOCAL))) s->flags |= SYM_ASSIGNED;
        break;
    }
    case N_TUPLE:
    case N_LIST:
        for (int i = 0; i < t->list.len; i++) mark_targets(b, t->list.items[i]);
        break;
    case N_STARRED: mark_targets(b, t->a); break;
    default: break;
    }
}

static bool is_function_like(Scope *s) { return s->kind == SC_FUNCTION || s->kind == SC_COMPREHENSION; }

/* Finds name bound as a local in an enclosing function scope (class scopes are skipped). */
static Scope *find_binding(Scope *s, const char *name) {
    for (Scope *p = s->parent; p; p = p->parent) {
        if (p->kind == SC_CLASS) {
            if (strcmp(name, "__class__") == 0) return p;
            continue;
        }
        if (p->kind == SC_MODULE) return NULL;
        Symbol *sym = scope_find(p, name);
        if (sym && (sym->flags & SYM_GLOBAL)) return NULL;
        if (sym && ((sym->flags & SYM_ASSIGNED) || (sym->flags & SYM_NONLOCAL))) return p;
    }
    return NULL;
}

static bool resolve(Builder *b, Scope *s) {
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (sym->flags & SYM_GLOBAL) sym->resolved = RES_GLOBAL_EXPLICIT;
        else if (sym->flags & SYM_NONLOCAL) {
            if (!find_binding(s, sym->name))
                return fail(b, sym->declared ? sym->declared : s->node, "no binding for nonlocal '%s' found", sym->name);
            sym->resolved = RES_FREE;
        } else if (sym->flags & SYM_ASSIGNED) sym->resolved = RES_LOCAL;
        else if (s->kind != SC_MODULE && find_binding(s, sym->name)) sym->resolved = RES_FREE;
        else sym->resolved = RES_GLOBAL_IMPLICIT;
    }
    for (int i = 0; i < s->nchildren; i++)
        if (!resolve(b, s->children[i])) return false;
    /* Free names of children: make ours cells, or pass them through. */
    for (int i = 0; i < s->nchildren; i++) {
        Scope *c = s->children[i];
        for (int j = 0; j < c->nsyms; j++) {
            Symbol *cs = &c->syms[j];
            if (cs->resolved != RES_FREE) continue;
            Symbol *mine = scope_find(s, cs->name);
            if (s->kind == SC_CLASS && strcmp(cs->name, "__class__") == 0) {
                s->needs_class_cell = true;
                continue;
            }
            if (mine && mine->resolved == RES_LOCAL && is_function_like(s)) {
                mine->resolved = RES_CELL;
            } else if (mine && (mine->resolved == RES_CELL || mine->resolved == RES_FREE)) {
                if (s->kind == SC_CLASS && mine->resolved != RES_FREE) {
                    /* a class-local name shadowing: the method still sees the outer one */
                }
            } else if (s->kind != SC_MODULE) {
                if (!mine) {
                    mine = add(b, s, cs->name, 0);
                    if (!mine) return false;
                    mine->resolved = RES_FREE;
                } else if (s->kind == SC_CLASS) {
                    /* Bound in the class and also free for a method: the class keeps it local and passes the cell on. */
                    mine->flags |= SYM_FREE_CLASS;
                } else {
                    mine->resolved = RES_FREE;
                }
            }
        }
    }
    return true;
}

bool symtable_build(Arena *A, Node *module, SyntaxErr *err) {
    Builder b = {A, err, false, NULL};
    Scope *top = new_scope(&b, SC_MODULE, module, "<module>");
    if (!top) return false;
    b.cur = top;
    visit(&b, module);
    if (b.failed) return false;
    return resolve(&b, top);
}
