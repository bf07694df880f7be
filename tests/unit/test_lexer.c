/* Unit tests of the lexer: tokens, indentation, literals, errors. */
#include <criterion/criterion.h>
#include <string.h>
#include "../../runtime/compiler/lexer.h"

static Mem mem;

static void setup(void) { mem_init(&mem, NULL, NULL, 0); }
static void teardown(void) { mem_finish(&mem); }

TestSuite(lexer, .init = setup, .fini = teardown);

static int kinds(const char *src, TokKind *out, int max) {
    Lexer L;
    lexer_init(&L, &mem, src, strlen(src));
    int n = 0;
    for (;;) {
        Token t = lexer_next(&L);
        if (n < max) out[n] = t.kind;
        n++;
        if (t.kind == TK_EOF || t.kind == TK_ERRORTOKEN) break;
    }
    lexer_free(&L);
    return n;
}

Test(lexer, indentation_produces_indent_and_dedent) {
    TokKind k[32];
    int n = kinds("if x:\n    y\nz\n", k, 32);
    TokKind want[] = {TK_NAME, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME, TK_NEWLINE, TK_DEDENT, TK_NAME, TK_NEWLINE, TK_EOF};
    cr_assert_eq(n, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < n; i++) cr_assert_eq(k[i], want[i], "token %d", i);
}

Test(lexer, brackets_join_lines) {
    TokKind k[32];
    int n = kinds("f(1,\n  2)\n", k, 32);
    TokKind want[] = {TK_NAME, TK_LPAR, TK_INT, TK_COMMA, TK_INT, TK_RPAR, TK_NEWLINE, TK_EOF};
    cr_assert_eq(n, 8);
    for (int i = 0; i < n; i++) cr_assert_eq(k[i], want[i]);
}

Test(lexer, operators_longest_match) {
    TokKind k[16];
    kinds("a **= b // c", k, 16);
    cr_assert_eq(k[1], TK_DOUBLESTAREQUAL);
    cr_assert_eq(k[3], TK_DOUBLESLASH);
}

Test(lexer, string_escapes_are_decoded) {
    Lexer L;
    const char *src = "'a\\tb\\x41\\u00e9'";
    lexer_init(&L, &mem, src, strlen(src));
    Token t = lexer_next(&L);
    cr_assert_eq(t.kind, TK_STRING);
    cr_assert_eq(t.str_len, 6);
    cr_assert(memcmp(t.str, "a\tbA\xc3\xa9", 6) == 0);
    lexer_free(&L);
}

Test(lexer, raw_and_triple_quoted) {
    Lexer L;
    const char *src = "r'\\n' '''x\ny'''";
    lexer_init(&L, &mem, src, strlen(src));
    Token a = lexer_next(&L), b = lexer_next(&L);
    cr_assert_eq(a.str_len, 2);
    cr_assert_eq(b.str_len, 3);
    cr_assert(memcmp(b.str, "x\ny", 3) == 0);
    lexer_free(&L);
}

Test(lexer, numbers) {
    TokKind k[8];
    kinds("0x_ff 1_000 1.5e-3 .5 3j", k, 8);
    cr_assert_eq(k[0], TK_INT);
    cr_assert_eq(k[1], TK_INT);
    cr_assert_eq(k[2], TK_FLOAT);
    cr_assert_eq(k[3], TK_FLOAT);
    cr_assert_eq(k[4], TK_IMAG);
}

Test(lexer, unterminated_string_is_an_error) {
    Lexer L;
    const char *src = "x = 'abc\n";
    lexer_init(&L, &mem, src, strlen(src));
    Token t;
    do t = lexer_next(&L);
    while (t.kind != TK_ERRORTOKEN && t.kind != TK_EOF);
    cr_assert_eq(t.kind, TK_ERRORTOKEN);
    cr_assert(strstr(L.error, "unterminated string literal") != NULL);
    lexer_free(&L);
}

Test(lexer, bad_dedent_is_an_indentation_error) {
    Lexer L;
    const char *src = "if x:\n    a\n  b\n";
    lexer_init(&L, &mem, src, strlen(src));
    Token t;
    do t = lexer_next(&L);
    while (t.kind != TK_ERRORTOKEN && t.kind != TK_EOF);
    cr_assert_eq(t.kind, TK_ERRORTOKEN);
    cr_assert_str_eq(L.error_class, "IndentationError");
    lexer_free(&L);
}

Test(lexer, leading_zeros_rejected) {
    TokKind k[4];
    kinds("0123", k, 4);
    cr_assert_eq(k[0], TK_ERRORTOKEN);
}
