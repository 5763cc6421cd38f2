/* Line breaking of CJK and mixed text with a fake font: every character is
 * 10 px wide, the ellipsis too. The context, when given, counts the
 * characters measured, to show the work is linear in the text. */
#include <time.h>

#include "test.h"
#include "base/utf8.h"
#include "text/wrap.h"

static int failures_;

static int measure(void *ctx, const char *s, size_t len)
{
	int chars = (int)utf8_length(s, len);
	if (ctx)
		*(long *)ctx += chars;
	return 10 * chars;
}

static void line_is(const char *text, const struct wrap_line *l, const char *want)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%.*s%s", (int)l->len, text + l->start,
	         l->ellipsis ? wrap_ellipsis : "");
	CHECK_STR(buf, want);
}

static bool starts_with(const char *text, const struct wrap_line *l, const char *prefix)
{
	size_t n = strlen(prefix);
	return l->len >= n && memcmp(text + l->start, prefix, n) == 0;
}

static bool ends_with(const char *text, const struct wrap_line *l, const char *suffix)
{
	size_t n = strlen(suffix);
	return l->len >= n && memcmp(text + l->start + l->len - n, suffix, n) == 0;
}

static void test_cjk_breaks_between_characters(void)
{
	const char *t = "青岛是一个美丽的城市我们很喜欢";
	struct wrap_line l[8];
	CHECK_INT(wrap_text(t, 50, 8, measure, NULL, l, 8), 3);
	line_is(t, &l[0], "青岛是一个");
	line_is(t, &l[1], "美丽的城市");
	line_is(t, &l[2], "我们很喜欢");
}

static void test_no_line_starts_with_closing_punctuation(void)
{
	const char *t = "青岛是一个美丽的城市。我们很喜欢";
	struct wrap_line l[8];
	CHECK_INT(wrap_text(t, 100, 8, measure, NULL, l, 8), 2);
	line_is(t, &l[0], "青岛是一个美丽的城");
	line_is(t, &l[1], "市。我们很喜欢");
	const char *c = "我们去过青岛，也去过北京";
	CHECK_INT(wrap_text(c, 60, 8, measure, NULL, l, 8), 3);
	line_is(c, &l[0], "我们去过青");
	line_is(c, &l[1], "岛，也去过北"); /* six fit: "，" may end a line */
	line_is(c, &l[2], "京");
	const char *latin = "青岛青岛.";
	CHECK_INT(wrap_text(latin, 40, 8, measure, NULL, l, 8), 2);
	line_is(latin, &l[0], "青岛青");
	line_is(latin, &l[1], "岛.");
}

static void test_no_line_ends_with_opening_punctuation(void)
{
	const char *t = "我们很喜欢「青岛」这个城市";
	struct wrap_line l[8];
	CHECK_INT(wrap_text(t, 60, 8, measure, NULL, l, 8), 3);
	line_is(t, &l[0], "我们很喜欢");
	line_is(t, &l[1], "「青岛」这个");
	line_is(t, &l[2], "城市");
	for (int w = 20; w <= 140; w += 10) {
		size_t n = wrap_text(t, w, 8, measure, NULL, l, 8);
		for (size_t i = 0; i < n; i++) {
			CHECK(!ends_with(t, &l[i], "「"));
			CHECK(!starts_with(t, &l[i], "」"));
		}
	}
}

static void test_mixed_cyrillic_and_han(void)
{
	const char *t = "Перми и Циндао 青岛青岛青岛";
	struct wrap_line l[8];
	CHECK_INT(wrap_text(t, 100, 8, measure, NULL, l, 8), 3);
	line_is(t, &l[0], "Перми"); /* "и" stays with the word after it */
	line_is(t, &l[1], "и Циндао 青");
	line_is(t, &l[2], "岛青岛青岛");
	CHECK_INT(wrap_text(t, 60, 8, measure, NULL, l, 8), 4);
	line_is(t, &l[0], "Перми");
	line_is(t, &l[1], "и");
	line_is(t, &l[2], "Циндао");
	line_is(t, &l[3], "青岛青岛青岛");
	const char *joined = "Циндао青岛";
	CHECK_INT(wrap_text(joined, 70, 8, measure, NULL, l, 8), 2);
	line_is(joined, &l[0], "Циндао青");
	line_is(joined, &l[1], "岛");
}

static void test_long_latin_word_and_wide_characters(void)
{
	const char *t = "a Supercalifragilistic b";
	struct wrap_line l[8];
	CHECK_INT(wrap_text(t, 50, 8, measure, NULL, l, 8), 6);
	line_is(t, &l[0], "a");
	line_is(t, &l[1], "Super");
	line_is(t, &l[4], "istic");
	line_is(t, &l[5], "b");
	const char *c = "青岛 ab";
	CHECK_INT(wrap_text(c, 5, 8, measure, NULL, l, 8), 4); /* 10 px each: one per line */
	line_is(c, &l[0], "青");
	line_is(c, &l[3], "b");
}

static void test_empty_and_spaces(void)
{
	struct wrap_line l[4];
	CHECK_INT(wrap_text("", 100, 4, measure, NULL, l, 4), 0);
	CHECK_INT(wrap_text("     ", 100, 4, measure, NULL, l, 4), 0);
	CHECK_INT(wrap_text(" ", 5, 4, measure, NULL, l, 4), 0);
}

static void test_ellipsis_on_cjk(void)
{
	const char *t = "青岛是一个美丽的城市我们很喜欢";
	struct wrap_line l[8];
	CHECK_INT(wrap_text(t, 50, 2, measure, NULL, l, 8), 2);
	line_is(t, &l[0], "青岛是一个");
	line_is(t, &l[1], "美丽的城\xE2\x80\xA6");
}

/* Checks that the lines fit in w, follow each other, and lose nothing but
 * the spaces and newlines at breaks. */
static void check_lines(const char *t, const struct wrap_line *l, size_t n, int w)
{
	size_t pos = 0;
	for (size_t i = 0; i < n; i++) {
		CHECK(measure(NULL, t + l[i].start, l[i].len) <= w);
		CHECK(l[i].start >= pos);
		for (size_t k = pos; k < l[i].start; k++)
			CHECK(t[k] == ' ' || t[k] == '\n');
		pos = l[i].start + l[i].len;
	}
	for (size_t k = pos; t[k]; k++)
		CHECK(t[k] == ' ' || t[k] == '\n');
}

static const char mixed_unit[] = "Пермь и Циндао — города-побратимы с 2024 года. "
                                 "青岛是一个美丽的城市，我们很喜欢「青岛」。"
                                 "Amnéville (Moselle), Supercalifragilistic! ";

static void test_every_width_fits(void)
{
	static struct wrap_line l[256];
	for (int w = 20; w <= 400; w++) {
		size_t n = wrap_text(mixed_unit, w, 256, measure, NULL, l, 256);
		CHECK(n > 0 && n < 256);
		check_lines(mixed_unit, l, n, w);
		for (size_t i = 0; w >= 100 && i < n; i++) {
			CHECK(!starts_with(mixed_unit, &l[i], "。"));
			CHECK(!starts_with(mixed_unit, &l[i], "，"));
			CHECK(!starts_with(mixed_unit, &l[i], ","));
			CHECK(!ends_with(mixed_unit, &l[i], "「"));
			CHECK(!ends_with(mixed_unit, &l[i], "("));
		}
		size_t all = n;
		n = wrap_text(mixed_unit, w, 3, measure, NULL, l, 256);
		CHECK_INT(n, all < 3 ? all : 3);
		CHECK(l[n - 1].ellipsis == (all > 3));
		CHECK(measure(NULL, mixed_unit + l[n - 1].start, l[n - 1].len) + 10 <= w);
	}
}

/* 10 KB of text, and 10 KB without a space: the characters measured grow
 * with the text, not with its square. */
static void test_long_paragraph_is_linear(void)
{
	enum { UNIT = sizeof mixed_unit - 1, COPIES = 10240 / UNIT + 1 };
	static char t[UNIT * COPIES + 1];
	static struct wrap_line l[2048];
	for (size_t k = 0; k < COPIES; k++)
		memcpy(t + k * UNIT, mixed_unit, UNIT);
	long chars = 0, text_chars = (long)utf8_length(t, strlen(t));
	clock_t t0 = clock();
	size_t n = wrap_text(t, 300, 2048, measure, &chars, l, 2048);
	double ms = (double)(clock() - t0) * 1000 / CLOCKS_PER_SEC;
	CHECK(n > 100 && n < 2048);
	check_lines(t, l, n, 300);
	CHECK(chars < 40 * text_chars); /* about a line's length per character */
	CHECK(ms < 20);
	memset(t, 'a', sizeof t - 1);
	chars = 0;
	n = wrap_text(t, 300, 2048, measure, &chars, l, 2048);
	CHECK_INT(n, (sizeof t - 1 + 29) / 30);
	check_lines(t, l, n, 300);
	CHECK(chars < 40 * (long)(sizeof t - 1));
}

int main(void)
{
	RUN(test_cjk_breaks_between_characters);
	RUN(test_no_line_starts_with_closing_punctuation);
	RUN(test_no_line_ends_with_opening_punctuation);
	RUN(test_mixed_cyrillic_and_han);
	RUN(test_long_latin_word_and_wide_characters);
	RUN(test_empty_and_spaces);
	RUN(test_ellipsis_on_cjk);
	RUN(test_every_width_fits);
	RUN(test_long_paragraph_is_linear);
	return failures_ != 0;
}
