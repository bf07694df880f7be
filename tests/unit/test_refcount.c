/* Reference counting: objects die the moment their last reference goes, in CPython's order. */
#include <criterion/criterion.h>
#include "helpers.h"

static const char *prelude =
    "class D:\n"
    "    def __init__(self, n): self.n = n\n"
    "    def __del__(self): print('del', self.n)\n";

static void expect(const char *code, const char *want) {
    Captured c;
    rs_State *S = open_captured(&c);
    cr_assert_eq(run_code(S, prelude), RS_OK);
    cr_assert_eq(run_code(S, code), RS_OK, "stderr: %s", c.err);
    cr_assert_str_eq(c.out, want);
    rs_close(S);
}

Test(refcount, rebinding_frees_the_old_object_at_once) {
    expect("x = D(1)\nx = D(2)\nprint('after')\n", "del 1\nafter\n");
}

Test(refcount, list_items_released_last_first) {
    expect("l = [D(1), D(2), D(3)]\ndel l\n", "del 3\ndel 2\ndel 1\n");
}

Test(refcount, dict_items_released_in_insertion_order) {
    expect("d = {'a': D(1), 'b': D(2)}\nd = None\n", "del 1\ndel 2\n");
}

Test(refcount, locals_released_at_return) {
    expect("def f():\n    a = D(1)\n    b = D(2)\n    print('ret')\nf()\nprint('out')\n", "ret\ndel 1\ndel 2\nout\n");
}

Test(refcount, temporaries_die_at_end_of_expression) {
    expect("D(7).n\nprint('next')\n", "del 7\nnext\n");
}

Test(refcount, argument_owned_by_callee) {
    expect("def f(o):\n    del o\n    print('in f')\nf(D(1))\n", "del 1\nin f\n");
}

Test(refcount, resurrection_in_del_keeps_the_object) {
    expect("keep = []\nclass R:\n    def __del__(self):\n        print('finalize')\n        keep.append(self)\nr = R()\ndel r\nprint(len(keep))\nkeep.clear()\nprint('end')\n",
           "finalize\n1\nend\n");
}
