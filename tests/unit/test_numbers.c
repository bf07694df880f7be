/* Unit tests of int (arbitrary precision) and float repr, through the object API. */
#include <criterion/criterion.h>
#include <string.h>
#include "../../runtime/objects/abstract.h"
#include "../../runtime/objects/exception.h"
#include "../../runtime/objects/float.h"
#include "../../runtime/objects/int.h"
#include "../../runtime/objects/str.h"
#include "helpers.h"

static rs_State *S;
static Captured cap;

static void setup(void) { S = open_captured(&cap); }
static void teardown(void) {
    rs_close(S);
}

TestSuite(numbers, .init = setup, .fini = teardown);

static Obj *parse(const char *s) {
    Obj *o = int_from_string(S, s, strlen(s), 10);
    cr_assert_not_null(o);
    return o;
}

static void expect_repr(Obj *o, const char *want) {
    Obj *r = obj_repr(S, o);
    cr_assert_not_null(r);
    cr_assert_str_eq(STR_DATA(r), want);
    DECREF(S, r);
}

static void check_op(const char *a, const char *b, int op, const char *want) {
    Obj *x = parse(a), *y = parse(b);
    Obj *r = int_binary(S, x, y, op);
    cr_assert_not_null(r, "%s op %s", a, b);
    expect_repr(r, want);
    DECREF(S, r);
    DECREF(S, x);
    DECREF(S, y);
}

Test(numbers, bigint_arithmetic) {
    check_op("18446744073709551616", "1", OP_SUB, "18446744073709551615");
    check_op("9223372036854775807", "1", OP_ADD, "9223372036854775808");
    check_op("-9223372036854775808", "-1", OP_MUL, "9223372036854775808");
    check_op("12345678901234567890", "98765432109876543210", OP_MUL, "1219326311370217952237463801111263526900");
    check_op("100000000000000000000000000000", "7", OP_FLOORDIV, "14285714285714285714285714285");
    check_op("-100000000000000000000000000000", "7", OP_FLOORDIV, "-14285714285714285714285714286");
    check_op("-100000000000000000000000000000", "7", OP_MOD, "2");
    check_op("2", "100", OP_POW, "1267650600228229401496703205376");
    check_op("1", "70", OP_LSHIFT, "1180591620717411303424");
    check_op("-1180591620717411303424", "65", OP_RSHIFT, "-32");
    check_op("-1180591620717411303425", "65535", OP_AND, "65535");
}

Test(numbers, big_division_matches_multiplication) {
    /* (a * b + c) // b == a and % b == c for a multi-digit divisor */
    Obj *a = parse("987654321987654321987654321"), *b = parse("123456789123456789123"), *c = parse("42");
    Obj *ab = int_binary(S, a, b, OP_MUL), *n = int_binary(S, ab, c, OP_ADD);
    Obj *q = int_binary(S, n, b, OP_FLOORDIV), *r = int_binary(S, n, b, OP_MOD);
    cr_assert_eq(int_compare(q, a), 0);
    cr_assert_eq(int_compare(r, c), 0);
    Obj *objs[] = {a, b, c, ab, n, q, r};
    for (int i = 0; i < 7; i++) DECREF(S, objs[i]);
}

Test(numbers, hash_matches_cpython) {
    Obj *x = parse("1152921504606846976"); /* 2**60 */
    cr_assert_eq(int_hash(x), 1152921504606846976LL);
    Obj *y = parse("2305843009213693951"); /* 2**61 - 1 hashes to 0 */
    cr_assert_eq(int_hash(y), 0);
    Obj *z = parse("-1");
    cr_assert_eq(int_hash(z), -2);
    DECREF(S, x);
    DECREF(S, y);
    DECREF(S, z);
    cr_assert_eq(float_hash(1.5), 1152921504606846977LL);
}

Test(numbers, invalid_literal_raises_value_error) {
    Obj *o = int_from_string(S, "12a", 3, 10);
    cr_assert_null(o);
    cr_assert(exc_matches(S, S->e_ValueError));
    exc_clear(S);
}

Test(numbers, float_repr_is_shortest_round_trip) {
    struct {
        double v;
        const char *want;
    } cases[] = {{0.1, "0.1"}, {0.1 + 0.2, "0.30000000000000004"}, {1e16, "1e+16"}, {1e15, "1000000000000000.0"},
                 {1.5e-5, "1.5e-05"}, {0.0001, "0.0001"}, {-0.0, "-0.0"}, {1.0 / 3, "0.3333333333333333"},
                 {5e-324, "5e-324"}, {123456789.0, "123456789.0"}, {1.7976931348623157e308, "1.7976931348623157e+308"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[40];
        float_repr_buf(cases[i].v, buf);
        cr_assert_str_eq(buf, cases[i].want);
    }
}
