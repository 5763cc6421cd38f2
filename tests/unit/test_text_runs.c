/* Runs of one font and script, with a fake chain: font 0 has ASCII, Latin-1,
 * Latin Extended-A, combining accents and Cyrillic; font 1 has CJK, its
 * punctuation, fullwidth forms and ASCII punctuation (no letters, no digits);
 * nothing has U+1F600 or "—". */
#include <time.h>

#include "test.h"
#include "text/text_runs.h"

static int failures_;

static bool ascii_punct(uint32_t cp)
{
	return (cp >= 0x20 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) ||
	       (cp >= 0x5B && cp <= 0x60) || (cp >= 0x7B && cp <= 0x7E);
}

static bool covers(void *ctx, int font, uint32_t cp)
{
	if (ctx)
		(*(long *)ctx)++;
	if (font == 0)
		return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0x17F) ||
		       (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x400 && cp <= 0x4FF);
	if (font == 1)
		return ascii_punct(cp) || (cp >= 0x3000 && cp <= 0x303F) ||
		       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
	return false;
}

static void run_is(const struct text_run *r, size_t start, size_t len, int font,
                   enum text_script script)
{
	CHECK_INT(r->start, start);
	CHECK_INT(r->len, len);
	CHECK_INT(r->font, font);
	CHECK_STR(text_script_tag(r->script), text_script_tag(script));
}

static size_t split(const char *s, struct text_run *out, size_t cap)
{
	return text_runs_split(s, strlen(s), 2, covers, NULL, out, cap);
}

static void test_scripts_and_tags(void)
{
	CHECK_INT(text_script_of('A'), SCRIPT_LATIN);
	CHECK_INT(text_script_of(0xE9), SCRIPT_LATIN);   /* é */
	CHECK_INT(text_script_of(0x17E), SCRIPT_LATIN);  /* ž, Extended-A */
	CHECK_INT(text_script_of(0x1EA1), SCRIPT_LATIN); /* ạ, Extended Additional */
	CHECK_INT(text_script_of(0x41F), SCRIPT_CYRILLIC);
	CHECK_INT(text_script_of(0x52F), SCRIPT_CYRILLIC);
	CHECK_INT(text_script_of(0x3B8), SCRIPT_GREEK);
	CHECK_INT(text_script_of(0x9752), SCRIPT_HAN); /* 青 */
	CHECK_INT(text_script_of(0x3400), SCRIPT_HAN); /* Extension A */
	CHECK_INT(text_script_of(0xF900), SCRIPT_HAN); /* Compatibility */
	CHECK_INT(text_script_of(0x3042), SCRIPT_HIRAGANA);
	CHECK_INT(text_script_of(0x30AB), SCRIPT_KATAKANA);
	CHECK_INT(text_script_of(0xD55C), SCRIPT_HANGUL); /* 한 */
	const uint32_t common[] = {' ',  '7',    ',',    0xB7,   0xAB,
	                           0xBB, 0x2014, 0x3002, 0xFF0C, 0x1F600};
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
		CHECK_INT(text_script_of(common[i]), SCRIPT_COMMON);
	CHECK_INT(text_script_of(0x5D0), SCRIPT_OTHER); /* Hebrew */
	CHECK_STR(text_script_tag(SCRIPT_LATIN), "Latn");
	CHECK_STR(text_script_tag(SCRIPT_CYRILLIC), "Cyrl");
	CHECK_STR(text_script_tag(SCRIPT_GREEK), "Grek");
	CHECK_STR(text_script_tag(SCRIPT_HAN), "Hani");
	CHECK_STR(text_script_tag(SCRIPT_HIRAGANA), "Hira");
	CHECK_STR(text_script_tag(SCRIPT_KATAKANA), "Kana");
	CHECK_STR(text_script_tag(SCRIPT_HANGUL), "Hang");
	CHECK_STR(text_script_tag(SCRIPT_COMMON), "Zyyy");
	CHECK_STR(text_script_tag(SCRIPT_OTHER), "Zzzz");
}

static void test_one_script_one_run(void)
{
	struct text_run r[8];
	CHECK_INT(split("Пермь", r, 8), 1);
	run_is(&r[0], 0, 10, 0, SCRIPT_CYRILLIC);
	CHECK_INT(split("青岛", r, 8), 1);
	run_is(&r[0], 0, 6, 1, SCRIPT_HAN);
	CHECK_INT(split("Amnéville", r, 8), 1);
	run_is(&r[0], 0, 10, 0, SCRIPT_LATIN);
	CHECK_INT(split("Amne\xCC\x81ville", r, 8), 1); /* a combining acute stays */
	run_is(&r[0], 0, 11, 0, SCRIPT_LATIN);
}

/* Common characters join the run before them as far as its font has them,
 * the rest joins the run after: "·" is not in font 1, so it goes on. */
static void test_common_between_scripts(void)
{
	struct text_run r[8];
	CHECK_INT(split("Qingdao · 青岛 · Китай", r, 8), 3);
	run_is(&r[0], 0, 11, 0, SCRIPT_LATIN); /* "Qingdao · " */
	/* After a fallback run, common characters go with the next run when
	 * its font has them: " · " is drawn in the primary font. */
	run_is(&r[1], 11, 6, 1, SCRIPT_HAN);       /* "青岛" */
	run_is(&r[2], 17, 14, 0, SCRIPT_CYRILLIC); /* " · Китай" */

	CHECK_INT(split("Пермь, 青岛。Perm", r, 8), 3);
	run_is(&r[0], 0, 12, 0, SCRIPT_CYRILLIC); /* "Пермь, " */
	run_is(&r[1], 12, 9, 1, SCRIPT_HAN);      /* "青岛。" */
	run_is(&r[2], 21, 4, 0, SCRIPT_LATIN);
}

static void test_leading_common_joins_next_run(void)
{
	struct text_run r[8];
	CHECK_INT(split("«Пермь»", r, 8), 1);
	run_is(&r[0], 0, 14, 0, SCRIPT_CYRILLIC);
	CHECK_INT(split("1992 год", r, 8), 1);
	run_is(&r[0], 0, 11, 0, SCRIPT_CYRILLIC);
	CHECK_INT(split("「青岛」", r, 8), 1);
	run_is(&r[0], 0, 12, 1, SCRIPT_HAN);
	CHECK_INT(split("2024", r, 8), 1); /* nothing to join: own font, Zyyy */
	run_is(&r[0], 0, 4, 0, SCRIPT_COMMON);
	/* No font has "—": it stays alone; the space after it joins "Пермь". */
	CHECK_INT(split("— Пермь", r, 8), 2);
	run_is(&r[0], 0, 3, -1, SCRIPT_COMMON);
	run_is(&r[1], 3, 11, 0, SCRIPT_CYRILLIC);
}

static void test_uncovered_emoji(void)
{
	const char *s = "Hi \xF0\x9F\x98\x80 there \xF0\x9F\x98\x80!";
	struct text_run r[8];
	CHECK_INT(split(s, r, 8), 5);
	run_is(&r[0], 0, 3, 0, SCRIPT_LATIN);    /* "Hi " */
	run_is(&r[1], 3, 4, -1, SCRIPT_COMMON);  /* 😀 */
	run_is(&r[2], 7, 7, 0, SCRIPT_LATIN);    /* " there " */
	run_is(&r[3], 14, 4, -1, SCRIPT_COMMON); /* 😀 */
	run_is(&r[4], 18, 1, 0, SCRIPT_COMMON);  /* "!" joins nothing */
	uint32_t cps[4];
	size_t offs[4];
	CHECK_INT(text_runs_missing(s, strlen(s), 2, covers, NULL, cps, offs, 4), 1);
	CHECK_INT(cps[0], 0x1F600);
	CHECK_INT(offs[0], 3);
	CHECK_INT(text_runs_missing("Perm 青岛", 11, 2, covers, NULL, cps, offs, 4), 0);
}

static void test_missing_in_order_and_capped(void)
{
	const char *s = "\xE2\x80\x94 a \xF0\x9F\x98\x80\xE2\x80\x94 \xCE\xB1"; /* — a 😀— α */
	uint32_t cps[4];
	size_t offs[4];
	CHECK_INT(text_runs_missing(s, strlen(s), 2, covers, NULL, cps, offs, 4), 3);
	CHECK_INT(cps[0], 0x2014);
	CHECK_INT(offs[0], 0);
	CHECK_INT(cps[1], 0x1F600);
	CHECK_INT(offs[1], 6);
	CHECK_INT(cps[2], 0x3B1);
	CHECK_INT(offs[2], 14);
	CHECK_INT(text_runs_missing(s, strlen(s), 2, covers, NULL, cps, NULL, 1), 1);
	CHECK_INT(cps[0], 0x2014);
	CHECK_INT(text_runs_missing("a\nb\t", 4, 2, covers, NULL, cps, offs, 4), 0); /* controls */
}

static void test_invalid_utf8(void)
{
	struct text_run r[8];
	CHECK_INT(split("ab\xFF"
	                "cd",
	                r, 8),
	          3);
	run_is(&r[0], 0, 2, 0, SCRIPT_LATIN);
	run_is(&r[1], 2, 1, -1, SCRIPT_OTHER);
	run_is(&r[2], 3, 2, 0, SCRIPT_LATIN);
	CHECK_INT(split("ab\xE9\x9D", r, 8), 2); /* 青 cut short: two bad bytes */
	run_is(&r[1], 2, 2, -1, SCRIPT_OTHER);
	uint32_t cps[4];
	CHECK_INT(text_runs_missing("ab\xFF", 3, 2, covers, NULL, cps, NULL, 4), 0);
}

static void test_cap_and_empty(void)
{
	struct text_run r[8];
	CHECK_INT(split("Qingdao · 青岛 · Китай", r, 2), 2);
	run_is(&r[0], 0, 11, 0, SCRIPT_LATIN);
	run_is(&r[1], 11, 20, 1, SCRIPT_HAN); /* the rest, in its first font */
	CHECK_INT(split("Qingdao · 青岛 · Китай", r, 1), 1);
	run_is(&r[0], 0, 31, 0, SCRIPT_LATIN);
	r[0].len = 99;
	CHECK_INT(split("Qingdao", r, 0), 0);
	CHECK_INT(r[0].len, 99); /* untouched */
	CHECK_INT(split("", r, 8), 0);
	CHECK_INT(text_runs_split("Perm", 4, 0, covers, NULL, r, 8), 1); /* no fonts */
	run_is(&r[0], 0, 4, -1, SCRIPT_LATIN);
}

/* Each unit is three runs: "Пермь и " (Cyrl), "青岛 " (Hani), "· Amnéville. "
 * (Latn). Covers is asked a bounded number of times per byte. */
static void test_long_paragraph_is_linear(void)
{
	static const char unit[] = "Пермь и 青岛 · Amnéville. ";
	enum { UNIT = sizeof unit - 1, COPIES = 10240 / UNIT + 1 };
	static char s[UNIT * COPIES + 1];
	static struct text_run r[3 * COPIES + 1];
	for (size_t k = 0; k < COPIES; k++)
		memcpy(s + k * UNIT, unit, UNIT);
	long calls = 0;
	clock_t t0 = clock();
	size_t n = text_runs_split(s, UNIT * COPIES, 2, covers, &calls, r, 3 * COPIES + 1);
	double ms = (double)(clock() - t0) * 1000 / CLOCKS_PER_SEC;
	CHECK(UNIT * COPIES >= 10240);
	CHECK_INT(n, 3 * COPIES);
	CHECK(calls <= 4 * UNIT * COPIES);
	CHECK(ms < 50);
	const size_t at[] = {0, 1, COPIES / 2, COPIES - 1};
	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
		size_t k = at[i], base = k * UNIT;
		run_is(&r[3 * k], base, 14, 0, SCRIPT_CYRILLIC);
		run_is(&r[3 * k + 1], base + 14, 6, 1, SCRIPT_HAN);
		run_is(&r[3 * k + 2], base + 20, UNIT - 20, 0, SCRIPT_LATIN);
	}
}

int main(void)
{
	RUN(test_scripts_and_tags);
	RUN(test_one_script_one_run);
	RUN(test_common_between_scripts);
	RUN(test_leading_common_joins_next_run);
	RUN(test_uncovered_emoji);
	RUN(test_missing_in_order_and_capped);
	RUN(test_invalid_utf8);
	RUN(test_cap_and_empty);
	RUN(test_long_paragraph_is_linear);
	return failures_ != 0;
}
