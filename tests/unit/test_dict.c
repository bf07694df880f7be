/* Unit tests of dict: insertion order, deletion, growth, lookups by equal keys. */
#include <criterion/criterion.h>
#include "../../runtime/objects/dict.h"
#include "../../runtime/objects/exception.h"
#include "../../runtime/objects/list.h"
#include "../../runtime/objects/int.h"
#include "../../runtime/objects/str.h"
#include "helpers.h"

static rs_State *S;
static Captured cap;
static void setup(void) { S = open_captured(&cap); }
static void teardown(void) { rs_close(S); }
TestSuite(dict, .init = setup, .fini = teardown);

Test(dict, keeps_insertion_order_through_growth_and_deletes) {
    Dict *d = (Dict *)dict_new(S);
    for (int i = 0; i < 1000; i++) {
        Obj *k = int_from_i64(S, i * 7919 % 1000), *v = int_from_i64(S, i);
        cr_assert_eq(dict_set(S, d, k, v), 0);
        DECREF(S, k);
        DECREF(S, v);
    }
    cr_assert_eq(d->used, 1000);
    for (int i = 0; i < 1000; i += 2) {
        Obj *k = int_from_i64(S, i * 7919 % 1000);
        cr_assert_eq(dict_del(S, d, k), 0);
        DECREF(S, k);
    }
    cr_assert_eq(d->used, 500);
    size_t pos = 0;
    Obj *k, *v;
    int64_t expect = 1;
    while (dict_next(d, &pos, &k, &v)) {
        cr_assert_eq(((Int *)v)->small, expect);
        expect += 2;
    }
    cr_assert_eq(expect, 1001);
    DECREF(S, d);
}

Test(dict, equal_strings_find_the_same_entry) {
    Dict *d = (Dict *)dict_new(S);
    Obj *a = str_from_cstr(S, "a key that is not interned"), *b = str_from_cstr(S, "a key that is not interned");
    cr_assert_neq(a, b);
    cr_assert_eq(dict_set(S, d, a, S->true_), 0);
    cr_assert_eq(dict_get(S, d, b), S->true_);
    DECREF(S, a);
    DECREF(S, b);
    DECREF(S, d);
}

Test(dict, missing_key_raises_key_error) {
    Dict *d = (Dict *)dict_new(S);
    Obj *k = int_from_i64(S, 5);
    cr_assert_eq(dict_del(S, d, k), -1);
    cr_assert(exc_matches(S, S->e_KeyError));
    exc_clear(S);
    DECREF(S, k);
    DECREF(S, d);
}

Test(dict, unhashable_key_raises_type_error) {
    Dict *d = (Dict *)dict_new(S);
    Obj *l = list_new(S, 0);
    cr_assert_eq(dict_set(S, d, l, l), -1);
    cr_assert(exc_matches(S, S->e_TypeError));
    exc_clear(S);
    DECREF(S, l);
    DECREF(S, d);
}
