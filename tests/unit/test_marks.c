#include "base/marks.h"
#include "test.h"

static int failures_;

/* A letter and n copies of the UTF-8 character mark after it, then "b". */
static size_t stack(char *buf, size_t size, const char *mark, size_t n)
{
	size_t len = 0, ml = strlen(mark);
	buf[len++] = 'a';
	for (size_t i = 0; i < n && len + ml + 2 < size; i++, len += ml)
		memcpy(buf + len, mark, ml);
	buf[len++] = 'b';
	buf[len] = '\0';
	return len;
}

static void test_which_are_marks(void)
{
	CHECK(marks_is_mark(0x0301));  /* combining acute */
	CHECK(marks_is_mark(0x0483));  /* Cyrillic titlo */
	CHECK(marks_is_mark(0x200D));  /* zero width joiner */
	CHECK(marks_is_mark(0xFE0F));  /* variation selector 16 */
	CHECK(marks_is_mark(0xE0067)); /* tag letter (flag sequences) */
	CHECK(!marks_is_mark('a'));
	CHECK(!marks_is_mark(0x0439)); /* й, precomposed */
	CHECK(!marks_is_mark(0x9752)); /* 青 */
	CHECK(!marks_is_mark(0x1F600));
	CHECK(!marks_is_mark(0x3000)); /* ideographic space */
}

static void test_stack_is_capped(void)
{
	static char buf[20000 * 2 + 8];
	size_t len = stack(buf, sizeof buf, "\xcc\x81", 20000), dropped = 0, longest = 0;
	size_t n = marks_cap(buf, len, MARKS_MAX_PER_CHAR, &dropped, &longest);
	CHECK_INT(n, 1 + 2 * MARKS_MAX_PER_CHAR + 1);
	CHECK_INT(dropped, 20000 - MARKS_MAX_PER_CHAR);
	CHECK_INT(longest, 20000);
	CHECK_INT(strlen(buf), n);
	CHECK_STR(buf, "a\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
	               "b");
}

static void test_real_text_is_kept(void)
{
	/* Vietnamese stacks two, emoji families join with one, keycaps take two. */
	const char *texts[] = {"Pho\xcc\x9b\xcc\x89 Vie\xcc\xa3\xcc\x82t",
	                       "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f"
	                       "\x91\xa7",
	                       "1\xef\xb8\x8f\xe2\x83\xa3", "Пермь 青岛 Amnéville"};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char buf[64];
		snprintf(buf, sizeof buf, "%s", texts[i]);
		size_t dropped = 1;
		CHECK_INT(marks_cap(buf, strlen(buf), MARKS_MAX_PER_CHAR, &dropped, NULL),
		          strlen(texts[i]));
		CHECK_INT(dropped, 0);
		CHECK_STR(buf, texts[i]);
	}
}

static void test_bad_bytes_are_characters(void)
{
	char buf[64];
	size_t len = stack(buf, sizeof buf, "\xcc\x81", 6);
	buf[0] = (char)0xff; /* not UTF-8: a character that takes marks */
	size_t dropped = 0;
	CHECK_INT(marks_cap(buf, len, 2, &dropped, NULL), 1 + 4 + 1);
	CHECK_INT(dropped, 4);
	char cut[] = "a\xcc"; /* a mark cut in half stays as it was */
	CHECK_INT(marks_cap(cut, 2, 0, &dropped, NULL), 2);
	CHECK_INT(dropped, 0);
}

int main(void)
{
	RUN(test_which_are_marks);
	RUN(test_stack_is_capped);
	RUN(test_real_text_is_kept);
	RUN(test_bad_bytes_are_characters);
	return failures_ != 0;
}
