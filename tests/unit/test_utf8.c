#include "test.h"
#include "base/utf8.h"

static int failures_;

static void test_valid_text(void)
{
	const char *s = "Пермь 青岛 Amnéville 😀\n";
	CHECK(utf8_validate(s, strlen(s), NULL));
	CHECK_INT(utf8_length("Пермь", strlen("Пермь")), 5);
}

static void test_bad_byte_position(void)
{
	const char s[] = "ab\nПе\xff";
	struct utf8_pos pos = {0, 0, 0};
	CHECK(!utf8_validate(s, sizeof s - 1, &pos));
	CHECK_INT(pos.line, 2);
	CHECK_INT(pos.col, 3);
	CHECK_INT(pos.offset, 7);
}

static void test_rejects_overlong_surrogate_truncated(void)
{
	uint32_t cp = 0;
	CHECK_INT(utf8_decode("\xc0\xaf", 2, &cp), 0);         /* overlong '/' */
	CHECK_INT(utf8_decode("\xe0\x80\xaf", 3, &cp), 0);     /* overlong */
	CHECK_INT(utf8_decode("\xed\xa0\x80", 3, &cp), 0);     /* surrogate */
	CHECK_INT(utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0); /* past U+10FFFF */
	CHECK_INT(utf8_decode("\xd0", 1, &cp), 0);             /* truncated */
	CHECK_INT(utf8_decode("\xd0\x41", 2, &cp), 0);         /* bad continuation */
}

static void test_decode(void)
{
	uint32_t cp = 0;
	CHECK_INT(utf8_decode("\xe9\x9d\x92", 3, &cp), 3);
	CHECK_INT(cp, 0x9752);
	CHECK_INT(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	CHECK_INT(cp, 0x1f600);
	CHECK_INT(utf8_decode("A", 1, &cp), 1);
	CHECK_INT(cp, 'A');
}

static void test_position(void)
{
	const char *s = "a\nяя b";
	struct utf8_pos pos = utf8_position(s, 7); /* the 'b' */
	CHECK_INT(pos.line, 2);
	CHECK_INT(pos.col, 4);
}

int main(void)
{
	RUN(test_valid_text);
	RUN(test_bad_byte_position);
	RUN(test_rejects_overlong_surrogate_truncated);
	RUN(test_decode);
	RUN(test_position);
	return failures_ != 0;
}
