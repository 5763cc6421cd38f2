/* Line breaking with a fake font: every byte is 10 px wide, the ellipsis too. */
#include "test.h"
#include "text/wrap.h"

static int failures_;

static int measure(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	int w = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80) /* one per character */
			w += 10;
	return w;
}

static void line_is(const char *text, const struct wrap_line *l, const char *want)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%.*s%s", (int)l->len, text + l->start,
	         l->ellipsis ? wrap_ellipsis : "");
	CHECK_STR(buf, want);
}

static void test_breaks_at_spaces(void)
{
	const char *t = "the quick brown fox jumps";
	struct wrap_line l[8];
	size_t n = wrap_text(t, 100, 8, measure, NULL, l, 8); /* 10 chars per line */
	CHECK_INT(n, 3);
	line_is(t, &l[0], "the quick");
	line_is(t, &l[1], "brown fox");
	line_is(t, &l[2], "jumps");
	for (size_t i = 0; i < n; i++)
		CHECK(measure(NULL, t + l[i].start, l[i].len) <= 100);
}

static void test_cyrillic_counts_characters_not_bytes(void)
{
	const char *t = "Город-побратим с 1992 года";
	struct wrap_line l[8];
	size_t n = wrap_text(t, 160, 8, measure, NULL, l, 8);
	CHECK_INT(n, 2);
	line_is(t, &l[0], "Город-побратим"); /* "с", the year and "года" stay together */
	line_is(t, &l[1], "с 1992 года");
}

/* Russian rules: a one- or two-letter preposition, conjunction or particle
 * never ends a line, in any case, after opening punctuation too; a number
 * stays with the word after it; a longer word may end a line. */
static void test_short_words_stay_with_the_next(void)
{
	struct wrap_line l[8];
	const char *t = "делегация приехала в Пермь";
	CHECK_INT(wrap_text(t, 200, 8, measure, NULL, l, 8), 2);
	line_is(t, &l[0], "делегация приехала");
	line_is(t, &l[1], "в Пермь");
	t = "культура И искусство";
	CHECK_INT(wrap_text(t, 110, 8, measure, NULL, l, 8), 2);
	line_is(t, &l[0], "культура");
	line_is(t, &l[1], "И искусство");
	t = "мэры (на встрече)";
	CHECK_INT(wrap_text(t, 120, 8, measure, NULL, l, 8), 2);
	line_is(t, &l[0], "мэры");
	line_is(t, &l[1], "(на встрече)");
	t = "подписано 22 декабря";
	CHECK_INT(wrap_text(t, 120, 8, measure, NULL, l, 8), 2);
	line_is(t, &l[0], "подписано");
	line_is(t, &l[1], "22 декабря");
	t = "signed in a hall"; /* one letter in English too */
	CHECK_INT(wrap_text(t, 110, 8, measure, NULL, l, 8), 2);
	line_is(t, &l[0], "signed in");
	line_is(t, &l[1], "a hall");
	t = "город для всех"; /* "для" is not held */
	CHECK_INT(wrap_text(t, 90, 8, measure, NULL, l, 8), 2);
	line_is(t, &l[0], "город для");
	line_is(t, &l[1], "всех");
}

/* Words held together that are wider than the line break at their spaces
 * after all, never inside a word. */
static void test_glue_gives_way_when_too_wide(void)
{
	struct wrap_line l[8];
	const char *t = "в Екатеринбург";
	CHECK_INT(wrap_text(t, 120, 8, measure, NULL, l, 8), 2);
	line_is(t, &l[0], "в");
	line_is(t, &l[1], "Екатеринбург");
}

static void test_long_word_is_broken_between_characters(void)
{
	const char *t = "Ааааааааааааааа";
	struct wrap_line l[8];
	size_t n = wrap_text(t, 50, 8, measure, NULL, l, 8);
	CHECK_INT(n, 3);
	line_is(t, &l[0], "Ааааа");
	line_is(t, &l[1], "ааааа");
	line_is(t, &l[2], "ааааа");
}

static void test_ellipsis_when_too_many_lines(void)
{
	const char *t = "one two three four five six seven";
	struct wrap_line l[8];
	size_t n = wrap_text(t, 100, 2, measure, NULL, l, 8);
	CHECK_INT(n, 2);
	line_is(t, &l[0], "one two");
	CHECK(l[1].ellipsis);
	CHECK(measure(NULL, t + l[1].start, l[1].len) + 10 <= 100);
	line_is(t, &l[1], "three fou\xE2\x80\xA6");
}

static void test_newline_forces_break_and_empty_text(void)
{
	const char *t = "a\nb";
	struct wrap_line l[8];
	CHECK_INT(wrap_text(t, 1000, 8, measure, NULL, l, 8), 2);
	line_is(t, &l[1], "b");
	CHECK_INT(wrap_text("", 100, 8, measure, NULL, l, 8), 0);
	CHECK_INT(wrap_text("    ", 100, 8, measure, NULL, l, 8), 0);
}

int main(void)
{
	RUN(test_breaks_at_spaces);
	RUN(test_cyrillic_counts_characters_not_bytes);
	RUN(test_long_word_is_broken_between_characters);
	RUN(test_short_words_stay_with_the_next);
	RUN(test_glue_gives_way_when_too_wide);
	RUN(test_ellipsis_when_too_many_lines);
	RUN(test_newline_forces_break_and_empty_text);
	return failures_ != 0;
}
