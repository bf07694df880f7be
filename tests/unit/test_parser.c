/* Unit tests of the parser: the AST's shape, positions, and syntax errors. */
#include <criterion/criterion.h>
#include <string.h>
#include "../../runtime/compiler/parser.h"
#include "../../runtime/objects/object.h"

static Mem mem;
static Arena A;
static SyntaxErr err;

static void setup(void) {
    mem_init(&mem, NULL, NULL, 0);
    arena_init(&A, &mem);
}
static void teardown(void) {
    arena_free(&A);
    mem_finish(&mem);
}
TestSuite(parser, .init = setup, .fini = teardown);

static Node *module(const char *src) { return parse_module(&A, src, strlen(src), &err); }
static Node *expr(const char *src) { return parse_expression(&A, src, strlen(src), &err, 0, 0); }

Test(parser, precedence_of_binary_operators) {
    Node *e = expr("1 + 2 * 3 ** 2");
    cr_assert_not_null(e);
    cr_assert_eq(e->kind, N_BINOP);
    cr_assert_eq(e->op, OP_ADD);
    cr_assert_eq(e->b->kind, N_BINOP);
    cr_assert_eq(e->b->op, OP_MUL);
    cr_assert_eq(e->b->b->op, OP_POW);
}

Test(parser, comparison_chain_and_boolean_operators) {
    Node *e = expr("a < b <= c and not d or e");
    cr_assert_eq(e->kind, N_BOOLOP);
    cr_assert_eq(e->op, 1);
    Node *left = e->list.items[0];
    cr_assert_eq(left->kind, N_BOOLOP);
    cr_assert_eq(left->list.items[0]->kind, N_COMPARE);
    cr_assert_eq(left->list.items[0]->list.len, 2);
    cr_assert_eq(left->list.items[1]->kind, N_UNARY);
}

Test(parser, expression_spans) {
    Node *e = expr("f(x)[1] + y");
    cr_assert_eq(e->kind, N_BINOP);
    cr_assert_eq(e->a->kind, N_SUBSCRIPT);
    cr_assert_eq(e->a->col, 0);
    cr_assert_eq(e->a->end_col, 7);
    cr_assert_eq(e->b->col, 10);
    cr_assert_eq(e->end_col, 11);
}

Test(parser, statements_and_blocks) {
    Node *m = module("def f(a, b=1, *c, d, **e):\n    return a\nclass K(Base, metaclass=M):\n    x = 1\nfor i in r:\n    pass\nelse:\n    pass\n");
    cr_assert_not_null(m, "%s", err.msg);
    cr_assert_eq(m->list.len, 3);
    Node *f = m->list.items[0];
    cr_assert_eq(f->kind, N_FUNCDEF);
    cr_assert_eq(f->a->list.len, 2);
    cr_assert_eq(f->a->list2.len, 1);
    cr_assert_not_null(f->a->b);
    cr_assert_not_null(f->a->c);
    Node *k = m->list.items[1];
    cr_assert_eq(k->kind, N_CLASSDEF);
    cr_assert_eq(k->list.len, 1);
    cr_assert_eq(k->list2.len, 1);
    cr_assert_eq(m->list.items[2]->list2.len, 1, "for ... else");
}

Test(parser, fstring_parts) {
    Node *e = expr("f'a{x!r:>{w}}b'");
    cr_assert_eq(e->kind, N_FSTRING);
    cr_assert_eq(e->list.len, 3);
    cr_assert_eq(e->list.items[1]->kind, N_FORMATTED);
    cr_assert_eq(e->list.items[1]->op, 'r');
    cr_assert_not_null(e->list.items[1]->b);
}

Test(parser, syntax_errors_have_messages_and_positions) {
    cr_assert_null(module("x = (1,\n"));
    cr_assert_str_eq(err.msg, "'(' was never closed");
    cr_assert_eq(err.line, 1);
    cr_assert_eq(err.col, 5);
    cr_assert_null(module("if x = 1:\n    pass\n"));
    cr_assert_str_eq(err.msg, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    cr_assert_null(module("f() = 1\n"));
    cr_assert_str_eq(err.msg, "cannot assign to function call here. Maybe you meant '==' instead of '='?");
    cr_assert_null(module("def f():\nreturn 1\n"));
    cr_assert_str_eq(err.cls, "IndentationError");
}

Test(parser, incomplete_input_is_flagged_for_the_prompt) {
    cr_assert_null(parse_interactive(&A, "if x:\n", 6, &err));
    cr_assert(err.incomplete);
    cr_assert_null(parse_interactive(&A, "s = '''abc\n", 11, &err));
    cr_assert(err.incomplete);
}
