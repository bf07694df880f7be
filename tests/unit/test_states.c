/* Two states in one process are independent; errors leave a state usable. */
#include <criterion/criterion.h>
#include "helpers.h"

Test(states, two_states_do_not_interfere) {
    Captured a, b;
    rs_State *S1 = open_captured(&a), *S2 = open_captured(&b);
    cr_assert_eq(run_code(S1, "x = 1\nclass C: pass\nC.tag = 'one'\nprint(x, C.tag)\n"), RS_OK);
    cr_assert_eq(run_code(S2, "print(globals().get('x'), 'C' in globals())\n"), RS_OK);
    cr_assert_eq(run_code(S1, "x += 1\nprint(x)\n"), RS_OK);
    cr_assert_eq(run_code(S2, "import sys\nsys.setrecursionlimit(50)\nprint(sys.getrecursionlimit())\n"), RS_OK);
    cr_assert_eq(run_code(S1, "import sys\nprint(sys.getrecursionlimit())\n"), RS_OK);
    cr_assert_str_eq(a.out, "1 one\n2\n1000\n");
    cr_assert_str_eq(b.out, "None False\n50\n");
    rs_close(S1);
    rs_close(S2);
}

Test(states, errors_leave_the_state_usable) {
    Captured c;
    rs_State *S = open_captured(&c);
    cr_assert_eq(run_code(S, "x = (\n"), RS_ERROR_EXCEPTION);
    cr_assert(strstr(c.err, "SyntaxError") != NULL);
    cr_assert_eq(run_code(S, "1/0\n"), RS_ERROR_EXCEPTION);
    cr_assert(strstr(c.err, "ZeroDivisionError: division by zero") != NULL);
    cr_assert_eq(run_code(S, "def f(): return f()\nf()\n"), RS_ERROR_EXCEPTION);
    cr_assert(strstr(c.err, "RecursionError") != NULL);
    cr_assert_eq(run_code(S, "print('ok')\n"), RS_OK);
    cr_assert_str_eq(c.out, "ok\n");
    rs_close(S);
}

Test(states, system_exit_gives_the_status) {
    Captured c;
    rs_State *S = open_captured(&c);
    cr_assert_eq(run_code(S, "import sys\nsys.exit(3)\n"), RS_ERROR_EXIT);
    cr_assert_eq(rs_exit_status(S), 3);
    rs_close(S);
}

Test(states, misuse_is_refused) {
    cr_assert_eq(rs_run_string(NULL, "x", 1, "t"), RS_ERROR_MISUSE);
    Captured c;
    rs_State *S = open_captured(&c);
    cr_assert_eq(rs_run_string(S, NULL, 0, "t"), RS_ERROR_MISUSE);
    rs_close(S);
    rs_close(NULL);
}
