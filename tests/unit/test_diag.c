/* The problem list: order, format, repeats. */
#include <string.h>

#include "content/diag.h"
#include "test.h"
#include "base/utf8.h"

static int failures_;

static void test_sorted_by_file_and_position(void)
{
	struct diag *d = diag_new();
	diag_add(d, DIAG_ERROR, "cities/oxford/city.yaml", 12, 5, "second");
	diag_add(d, DIAG_ERROR, "cities/oxford/city.yaml", 3, 9, "first");
	diag_add(d, DIAG_WARNING, "cities/agrigento/city.yaml", 40, 1, "earlier file");
	CHECK_INT(diag_size(d), 3);
	CHECK_STR(diag_get(d, 0)->message, "earlier file");
	CHECK_STR(diag_get(d, 1)->message, "first");
	CHECK_STR(diag_get(d, 2)->message, "second");
	CHECK_INT(diag_count(d, DIAG_ERROR), 2);
	CHECK_INT(diag_count(d, DIAG_WARNING), 1);
	diag_free(d);
}

static void test_compiler_style_line(void)
{
	struct diag *d = diag_new();
	char buf[512];
	diag_add(d, DIAG_ERROR, "cities/oxford/city.yaml", 12, 5, "unknown field \"%s\"", "x");
	CHECK_STR(diag_format(diag_get(d, 0), "content", buf, sizeof buf),
	          "content/cities/oxford/city.yaml:12:5: error: unknown field \"x\"");
	CHECK_STR(diag_format(diag_get(d, 0), "content/", buf, sizeof buf),
	          "content/cities/oxford/city.yaml:12:5: error: unknown field \"x\"");
	CHECK_STR(diag_format(diag_get(d, 0), NULL, buf, sizeof buf),
	          "cities/oxford/city.yaml:12:5: error: unknown field \"x\"");
	diag_add(d, DIAG_ERROR, "hall.yaml", 0, 0, "the file is larger than 1 MiB");
	CHECK_STR(diag_format(diag_get(d, 1), "content", buf, sizeof buf),
	          "content/hall.yaml:1:1: error: the file is larger than 1 MiB");
	diag_free(d);
}

static void test_repeats_kept_once(void)
{
	struct diag *d = diag_new();
	for (int i = 0; i < 5; i++)
		diag_add(d, DIAG_ERROR, "hall.yaml", 1, 1, "same");
	diag_add(d, DIAG_ERROR, "hall.yaml", 1, 2, "same");
	CHECK_INT(diag_size(d), 2);
	diag_free(d);
	diag_free(NULL);
}

/* Items at one position stay in the order they came, and a repeat added
 * after the list was sorted (read) is still kept once. */
static void test_order_at_one_place_and_repeats_after_sorting(void)
{
	struct diag *d = diag_new();
	const char *words[] = {"c", "a", "d", "b"};
	for (int i = 0; i < 4; i++)
		diag_add(d, DIAG_ERROR, "hall.yaml", 5, 1, "%s", words[i]);
	diag_add(d, DIAG_ERROR, "hall.yaml", 2, 1, "before");
	CHECK_STR(diag_get(d, 0)->message, "before");
	for (int i = 0; i < 4; i++)
		CHECK_STR(diag_get(d, (size_t)i + 1)->message, words[i]);
	diag_add(d, DIAG_ERROR, "hall.yaml", 5, 1, "a");
	diag_add(d, DIAG_ERROR, "hall.yaml", 2, 1, "before");
	CHECK_INT(diag_size(d), 5);
	diag_free(d);
}

/* 200,000 problems, half of them repeats, in reverse order of position:
 * each kept once and sorted (the list scanned every item for each new one
 * and sorted by insertion: minutes for a 1 MiB file of junk). */
static void test_many(void)
{
	struct diag *d = diag_new();
	for (int i = 100000; i > 0; i--) {
		diag_add(d, DIAG_ERROR, "hall.yaml", i, 1, "unknown field \"k%d\"", i);
		diag_add(d, DIAG_ERROR, "hall.yaml", i, 1, "unknown field \"k%d\"", i);
	}
	CHECK_INT(diag_size(d), 100000);
	int ordered = 1;
	for (size_t i = 0; i < diag_size(d); i++)
		ordered &= diag_get(d, i)->line == (int)i + 1;
	CHECK(ordered);
	diag_free(d);
}

/* Found by fuzz_content: a field name with a tab was quoted as it was, and
 * a YAML-escaped newline would split an error in two. Every message is one
 * line of valid UTF-8, whatever it quotes, and a long one is never cut in
 * the middle of a character. */
static void test_one_line_of_utf8(void)
{
	struct diag *d = diag_new();
	diag_add(d, DIAG_ERROR, "a\nb.yaml", 1, 1, "unknown field \"%s\"", "twi\tnned\nx\x01\xff");
	const struct diag_item *it = diag_get(d, 0);
	CHECK_STR(it->message, "unknown field \"twi\\tnned\\nx\\x01\\xFF\"");
	CHECK_STR(it->file, "a\\nb.yaml");
	char longer[2000];
	memset(longer, 'x', 1022);
	strcpy(longer + 1022, "ЖЖЖЖ"); /* crosses the 1024-byte cut at a character's middle */
	diag_add(d, DIAG_ERROR, "f", 2, 1, "%s", longer);
	it = diag_get(d, 1);
	CHECK_INT(strlen(it->message), 1022);
	CHECK(utf8_validate(it->message, strlen(it->message), NULL));
	diag_free(d);
}

int main(void)
{
	RUN(test_sorted_by_file_and_position);
	RUN(test_compiler_style_line);
	RUN(test_repeats_kept_once);
	RUN(test_order_at_one_place_and_repeats_after_sorting);
	RUN(test_many);
	RUN(test_one_line_of_utf8);
	return failures_ != 0;
}
