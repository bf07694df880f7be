/*
 * ast.c: the arena that holds a parse's nodes and strings.
 */
#include "ast.h"
#include <string.h>

#define ARENA_BLOCK 16384

void arena_init(Arena *A, Mem *mem) {
    A->mem = mem;
    A->blocks = NULL;
    A->failed = false;
}

void arena_free(Arena *A) {
    ArenaBlock *b = A->blocks;
    while (b) {
        ArenaBlock *next = b->next;
        mem_free(A->mem, b, b->size);
        b = next;
    }
    A->blocks = NULL;
}

void *arena_alloc(Arena *A, size_t n) {
    n = (n + 15) & ~(size_t)15;
    ArenaBlock *b = A->blocks;
    if (!b || b->used + n > b->size) {
        size_t size = sizeof(ArenaBlock) + (n > ARENA_BLOCK ? n : ARENA_BLOCK);
        size = (size + 15) & ~(size_t)15;
        b = mem_alloc(A->mem, size);
        if (!b) {
            A->failed = true;
            return NULL;
        }
        b->size = size;
        b->used = (sizeof(ArenaBlock) + 15) & ~(size_t)15;
        b->next = A->blocks;
        A->blocks = b;
    }
    void *p = (char *)b + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *arena_strdup(Arena *A, const char *s, size_t n) {
    char *d = arena_alloc(A, n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

Node *node_new(Arena *A, NodeKind kind, int line, int col) {
    Node *n = arena_alloc(A, sizeof(Node));
    if (!n) return NULL;
    n->kind = kind;
    n->line = n->end_line = line;
    n->col = n->end_col = col;
    return n;
}

bool nodelist_push(Arena *A, NodeList *l, Node *n) {
    if (l->len == l->cap) {
        int ncap = l->cap ? l->cap * 2 : 4;
        Node **items = arena_alloc(A, sizeof(Node *) * (size_t)ncap);
        if (!items) return false;
        if (l->len) memcpy(items, l->items, sizeof(Node *) * (size_t)l->len);
        l->items = items;
        l->cap = ncap;
    }
    l->items[l->len++] = n;
    return true;
}
