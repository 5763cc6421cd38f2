#include <stdlib.h>

#include "test.h"
#include "content/yaml_colon.h"

static int failures_;

/* The copy yaml_colon makes of text, or "" when it makes none; the number
 * of values it quoted in *n and the first one's place in *first. */
static char *quoted(const char *text, size_t *n, struct yaml_colon_fix *first)
{
	size_t len = 0;
	struct yaml_colon_fix *fixes = NULL;
	char *out = yaml_colon_quote(text, strlen(text), &len, &fixes, n);
	if (first && *n)
		*first = fixes[0];
	free(fixes);
	if (out)
		CHECK_INT(strlen(out), len);
	return out ? out : calloc(1, 1);
}

static void expect_copy(const char *text, const char *want, size_t want_n)
{
	size_t n = 0;
	char *out = quoted(text, &n, NULL);
	CHECK_STR(out, want);
	CHECK_INT(n, want_n);
	free(out);
}

static void test_value_with_colon_is_quoted(void)
{
	size_t n = 0;
	struct yaml_colon_fix f = {0, 0};
	char *out = quoted("year: 2012\ncaption: Пермь: вид с реки\nyear: 2013\n", &n, &f);
	CHECK_STR(out, "year: 2012\ncaption: 'Пермь: вид с реки'\nyear: 2013\n");
	CHECK_INT(n, 1);
	CHECK_INT(f.line, 2);
	CHECK_INT(f.col, 10);
	free(out);
	/* After "- ", a comment and a quote mark kept, a colon at the end. */
	expect_copy("  - en: It's: fine   # source: x\n", "  - en: 'It''s: fine'   # source: x\n",
	            1);
	expect_copy("ru: Пермь:\r\nen: Perm\r\n", "ru: 'Пермь:'\r\nen: Perm\r\n", 1);
	expect_copy("a: b: c", "a: 'b: c'", 1);
}

static void test_what_is_left_alone(void)
{
	/* YAML reads these well, or they are not one line's plain value. */
	expect_copy("url: http://example.org\n", "", 0);
	expect_copy("ru: \"Пермь: вид\"\n", "", 0);
	expect_copy("ru: 'Пермь: вид'\n", "", 0);
	expect_copy("ru: [a: b]\n", "", 0);
	expect_copy("ru: |\n  a: b\n", "", 0);
	expect_copy("ru: x # a: b\n", "", 0);
	expect_copy("\tru: a: b\n", "", 0);
	expect_copy("ru:  \n", "", 0);
	/* A value the next line goes on with: which line to quote is unclear. */
	expect_copy("ru: a: b\n  c\n", "", 0);
	expect_copy("ru: a: b\n\n   \n  c\n", "", 0);
	/* A line as deep as the key, or a comment, ends the value. */
	expect_copy("ru: a: b\n  # c\nen: d\n", "ru: 'a: b'\n  # c\nen: d\n", 1);
	expect_copy("  ru: a: b\n  en: d\n", "  ru: 'a: b'\n  en: d\n", 1);
}

static void test_fixed_line_for_the_message(void)
{
	const char *text = "caption:\n  ru: Пермь: вид с реки   # note\n  en: \"say\": \\o/\n"
	                   "  x: a: b\n    c\n";
	char out[64];
	int col = 0;
	CHECK(yaml_colon_fixed_line(text, strlen(text), 2, out, sizeof out, &col));
	CHECK_STR(out, "ru: \"Пермь: вид с реки\"");
	CHECK_INT(col, 7);
	/* A double quote or a backslash in it: single quotes. */
	CHECK(!yaml_colon_fixed_line(text, strlen(text), 3, out, sizeof out, &col));
	CHECK(yaml_colon_fixed_line("en: say \"hi\": \\o/\n", 18, 1, out, sizeof out, &col));
	CHECK_STR(out, "en: 'say \"hi\": \\o/'");
	CHECK(!yaml_colon_fixed_line(text, strlen(text), 1, out, sizeof out, &col));
	CHECK(!yaml_colon_fixed_line(text, strlen(text), 4, out, sizeof out, &col));
	CHECK(!yaml_colon_fixed_line(text, strlen(text), 9, out, sizeof out, &col));
	CHECK(!yaml_colon_fixed_line(text, strlen(text), 2, out, 10, &col));
}

int main(void)
{
	RUN(test_value_with_colon_is_quoted);
	RUN(test_what_is_left_alone);
	RUN(test_fixed_line_for_the_message);
	return failures_ != 0;
}
