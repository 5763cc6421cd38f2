#include <stdlib.h>
#include <time.h>

#include "test.h"
#include "content/yaml_doc.h"

static int failures_;

/* Parses text and returns the root; *d receives the problems. */
static const struct yaml_doc_node *parse_n(struct arena *a, struct diag *d, const char *s,
                                           size_t len)
{
	return yaml_doc_parse("t.yaml", s, len, a, d);
}

static const struct yaml_doc_node *parse(struct arena *a, struct diag *d, const char *s)
{
	return parse_n(a, d, s, strlen(s));
}

/* Asserts exactly one error at line:col whose message contains part. */
#define CHECK_ERR(d, l, c, part)                                                                   \
	do {                                                                                       \
		const struct diag_item *it_ = diag_get(d, 0);                                      \
		CHECK_INT(diag_count(d, DIAG_ERROR), 1);                                           \
		CHECK(it_ != NULL);                                                                \
		if (it_) {                                                                         \
			CHECK_INT(it_->line, l);                                                   \
			CHECK_INT(it_->col, c);                                                    \
			CHECK(strstr(it_->message, part) != NULL);                                 \
			if (!strstr(it_->message, part))                                           \
				printf("  message: %s\n", it_->message);                           \
		}                                                                                  \
	} while (0)

static void test_tree_and_positions(void)
{
	struct arena *a = arena_new();
	struct diag *d = diag_new();
	const struct yaml_doc_node *r =
	    parse(a, d, "title:\n  ru: Зал\n  en: 'Hall'\nlangs: [ru, en]\nn: 90\n");
	CHECK(r != NULL);
	CHECK_INT(diag_size(d), 0);
	if (r) {
		CHECK_INT(r->kind, YAML_DOC_MAPPING);
		CHECK_INT(r->n, 3);
		const struct yaml_doc_node *t = yaml_doc_get(r, "title");
		CHECK(t && t->kind == YAML_DOC_MAPPING && t->n == 2);
		const struct yaml_doc_node *en = yaml_doc_get(t, "en");
		CHECK(en && en->line == 3 && en->col == 7 && !en->plain);
		CHECK_STR(en ? en->str : NULL, "Hall");
		const struct yaml_doc_node *l = yaml_doc_get(r, "langs");
		CHECK(l && l->kind == YAML_DOC_SEQUENCE && l->n == 2);
		CHECK_STR(l && l->n == 2 ? l->items[1]->str : NULL, "en");
		CHECK_INT(l && l->n == 2 ? l->items[1]->col : 0, 13);
		const struct yaml_doc_node *n = yaml_doc_get(r, "n");
		CHECK(n && n->plain && n->line == 5);
		CHECK(r->pairs[0].key->line == 1 && r->pairs[0].key->col == 1);
		CHECK(yaml_doc_get(r, "missing") == NULL);
	}
	diag_free(d);
	arena_free(a);
}

static void expect_error(const char *text, size_t len, int line, int col, const char *part)
{
	struct arena *a = arena_new();
	struct diag *d = diag_new();
	CHECK(parse_n(a, d, text, len) == NULL);
	CHECK_ERR(d, line, col, part);
	diag_free(d);
	arena_free(a);
}

static void test_nul_byte(void)
{
	const char s[] = "a: 1\nbé: x\0y\n";
	expect_error(s, sizeof s - 1, 2, 6, "zero byte");
}

static void test_bad_utf8(void)
{
	expect_error("a: 1\nb: \xc3\x28\n", 11, 2, 4, "not UTF-8");
}

static void test_anchor_and_alias(void)
{
	expect_error("a: &x 1\nb: 2\n", 12, 1, 4, "write each value out in full");
	expect_error("a: 1\nb: *x\n", 11, 2, 4, "write the value out in full");
}

static void test_tag(void)
{
	expect_error("a: 1\nb: !foo bar\n", 17, 2, 4, "\"!foo\"");
}

static void test_two_documents(void)
{
	expect_error("a: 1\n---\nb: 2\n", 14, 2, 1, "one document");
}

static void test_empty_file(void)
{
	expect_error("", 0, 1, 1, "empty");
	expect_error("# only a comment\n", 17, 1, 1, "empty");
}

static void test_too_large(void)
{
	size_t n = YAML_DOC_MAX_BYTES + 1;
	char *big = malloc(n);
	CHECK(big != NULL);
	if (!big)
		return;
	memset(big, ' ', n);
	expect_error(big, n, 0, 0, "larger than 1 MiB");
	free(big);
}

static void test_tab_indent_hint(void)
{
	expect_error("a:\n\tb: 1\n", 9, 2, 1, "tab");
}

static void test_not_name_value_hint(void)
{
	expect_error("a: 1\nb\nc: 2\n", 12, 2, 1, "name: value");
}

/* Every problem libyaml stops at is said in the staff's words: the file
 * and place, a cause and a fix, never the library's own text. */
static void test_library_problems_in_plain_words(void)
{
	static const struct {
		const char *text, *part;
	} cases[] = {
	    {"a: |0\n  x\n", "after | or >"},
	    {"a: \"\\q\"\n", "backslash must be doubled"},
	    {"a: \"\\xZZ\"\n", "backslash must be doubled"},
	    {"a: &\n", "cannot start with & or *"},
	    {"a: !<x\n", "cannot start with ! or %"},
	    {"%FOO bar\na: 1\n", "cannot start with ! or %"},
	    {"a: 1\n...\nb: 2\n", "--- or ..."},
	    {"a: \"x\" ? b\n", "a ? cannot stand here"},
	    {"a: [1, 2\n", "not closed with ]"},
	    {"a:\n - 1\n- 2\n", "indentation"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct arena *a = arena_new();
		struct diag *d = diag_new();
		CHECK(parse(a, d, cases[i].text) == NULL);
		const struct diag_item *it = diag_get(d, 0);
		CHECK(it != NULL);
		if (it) {
			CHECK(strstr(it->message, cases[i].part) != NULL);
			CHECK(strstr(it->message, "YAML") == NULL);
			CHECK(strstr(it->message, "found ") == NULL);
			CHECK(strstr(it->message, "did not find") == NULL);
			if (!strstr(it->message, cases[i].part))
				printf("  %zu: %s\n", i, it->message);
		}
		diag_free(d);
		arena_free(a);
	}
}

static void test_unclosed_quote(void)
{
	expect_error("a: \"abc\n", 8, 1, 4,
	             "never closed: add the closing \" at the end of the text on line 1");
	expect_error("a: 'abc\nb: 1\n", 13, 1, 4, "add the closing ' at");
}

static void expect_error_s(const char *text, int line, int col, const char *part)
{
	expect_error(text, strlen(text), line, col, part);
}

/* A quote not closed on its line is closed by the next quote mark, lines
 * below (the next value's, or one in a comment): libyaml stops there, but
 * the fix goes where the quote opened. */
static void test_quote_closed_lines_below(void)
{
	expect_error_s("t:\n  ru: \"Пермь\n  en: \"Perm\"\nn: 1\n", 2, 7,
	               "not closed on its line, so it runs on to line 3: add the closing \" at the "
	               "end of the text on line 2");
	expect_error_s("photos:\n  - caption:\n      ru: \"Пермь\n      en: Perm\n"
	               "    year: 2001\n  - caption:  # the \"source\" comment: x\n",
	               3, 11, "runs on to line 6");
	expect_error_s("a: 'Пермь\nb: 'c'\n", 1, 4,
	               "add the closing ' at the end of the text on line 1");
	/* A text in quotes may go on over lines; a real error after it is its own. */
	expect_error_s("a: \"one\n  two\"\nb:\n\tc: 1\n", 4, 1, "tab");
}

/* The text of value key of the root map of text, which must parse. */
static void expect_value(const char *text, const char *key, const char *want, int line, int col)
{
	struct arena *a = arena_new();
	struct diag *d = diag_new();
	const struct yaml_doc_node *r = parse(a, d, text);
	const struct yaml_doc_node *v = yaml_doc_get(r, key);
	CHECK_INT(diag_size(d), 0);
	if (diag_size(d))
		printf("  message: %s\n", diag_get(d, 0)->message);
	CHECK_STR(v ? v->str : NULL, want);
	CHECK(v && v->line == line && v->col == col);
	CHECK(v && v->plain == (want[strlen(want) - 1] != '\n')); /* a | text is not plain */
	diag_free(d);
	arena_free(a);
}

/* `caption: Пермь: вид с реки` is the text after "caption: ". */
static void test_plain_value_with_colon(void)
{
	expect_value("caption: Пермь: вид с реки\nyear: 2012\n", "caption", "Пермь: вид с реки", 1,
	             10);
	expect_value("caption: Пермь: вид с реки\nyear: 2012\n", "year", "2012", 2, 7);
	expect_value("a: x\nru: It's: ok   # source: y\nb: z: w\n", "ru", "It's: ok", 2, 5);
	expect_value("a: x\nru: It's: ok   # source: y\nb: z: w\n", "b", "z: w", 3, 4);
	expect_value("ru: Пермь:\n", "ru", "Пермь:", 1, 5);
	/* In a | text such a line is the text's own, quotes and all. */
	expect_value("t: |\n  x: y: z\n", "t", "x: y: z\n", 1, 4);
}

static void test_colon_that_is_not_mended(void)
{
	/* Going on below: which line to quote is unclear. */
	expect_error_s("ru: a: b\n  c\n", 1, 6, "put the value in quotes or check the indentation");
	/* Mended, a later mistake is what is reported. */
	expect_error_s("ru: a: b\nen:\n\tc: 1\n", 3, 1, "tab");
	/* A | text with such a line and a plain one: the exact line to write. */
	expect_error_s("t: |\n  x: y: z\nc: Пермь: вид\n", 3, 4,
	               "needs quotes here: write this line as c: \"Пермь: вид\"");
	/* No "name: value" line: the indentation. */
	expect_error_s("a: b\n  c: d\n", 2, 4, "check the indentation");
}

static void test_deep_nesting_stops_fast(void)
{
	/* 33 levels is refused at the 33rd bracket. */
	char s[64];
	memset(s, '[', 33);
	s[33] = '\0';
	expect_error(s, 33, 1, 33, "32 levels");
	/* A million brackets must be refused quickly, not parsed. */
	size_t n = 1000000;
	char *deep = malloc(n);
	CHECK(deep != NULL);
	if (!deep)
		return;
	memset(deep, '[', n);
	clock_t t0 = clock();
	expect_error(deep, n, 1, 33, "32 levels");
	CHECK((clock() - t0) / (double)CLOCKS_PER_SEC < 0.5);
	free(deep);
	memset(s, '[', 32);
	memset(s + 32, ']', 32);
	struct arena *a = arena_new();
	struct diag *d = diag_new();
	CHECK(parse_n(a, d, s, 64) != NULL);
	CHECK_INT(diag_size(d), 0);
	diag_free(d);
	arena_free(a);
}

static void test_escaped_nul_in_value(void)
{
	expect_error("a: \"x\\0y\"\n", 10, 1, 4, "zero character");
}

/* Windows Notepad saves UTF-8 with a byte order mark and CRLF line ends:
 * the same values and positions as without them, no '\r' in any value,
 * and errors placed on the same line and column. */
static void test_bom_and_crlf(void)
{
	struct arena *a = arena_new();
	struct diag *d = diag_new();
	const char *s = "\xEF\xBB\xBFtitle:\r\n  ru: Зал\r\n  en: 'Hall'\r\nabout: |\r\n  one\r\n"
	                "  two\r\nfolded: >\r\n  a\r\n  b\r\nq: \"x\r\n  y\"\r\n";
	const struct yaml_doc_node *r = parse(a, d, s);
	CHECK(r != NULL);
	CHECK_INT(diag_size(d), 0);
	if (r) {
		CHECK(r->pairs[0].key->line == 1 && r->pairs[0].key->col == 1);
		const struct yaml_doc_node *t = yaml_doc_get(r, "title");
		const struct yaml_doc_node *ru = t ? yaml_doc_get(t, "ru") : NULL;
		CHECK_STR(ru ? ru->str : NULL, "Зал");
		CHECK(ru && ru->line == 2 && ru->col == 7);
		const struct yaml_doc_node *en = t ? yaml_doc_get(t, "en") : NULL;
		CHECK_STR(en ? en->str : NULL, "Hall");
		const struct yaml_doc_node *ab = yaml_doc_get(r, "about");
		CHECK_STR(ab ? ab->str : NULL, "one\ntwo\n");
		const struct yaml_doc_node *fo = yaml_doc_get(r, "folded");
		CHECK_STR(fo ? fo->str : NULL, "a b\n");
		const struct yaml_doc_node *q = yaml_doc_get(r, "q");
		CHECK_STR(q ? q->str : NULL, "x y");
	}
	diag_free(d);
	arena_free(a);
	/* Errors where they are, the first line too. */
	const char *anchor = "\xEF\xBB\xBF"
	                     "a: &x 1\r\n";
	expect_error(anchor, strlen(anchor), 1, 4, "write each value out in full");
	const char *tab = "\xEF\xBB\xBF"
	                  "a: 1\r\nb:\r\n\tc: x\r\n";
	expect_error(tab, strlen(tab), 3, 1, "tab");
	/* A plain text with ": " is mended the same way. */
	a = arena_new();
	d = diag_new();
	r = parse(a, d, "\xEF\xBB\xBFru: Пермь: вид\r\nen: Perm\r\n");
	const struct yaml_doc_node *ru2 = r ? yaml_doc_get(r, "ru") : NULL;
	CHECK_STR(ru2 ? ru2->str : NULL, "Пермь: вид");
	CHECK(ru2 && ru2->line == 1 && ru2->col == 5);
	diag_free(d);
	arena_free(a);
}

int main(void)
{
	RUN(test_tree_and_positions);
	RUN(test_nul_byte);
	RUN(test_bad_utf8);
	RUN(test_anchor_and_alias);
	RUN(test_tag);
	RUN(test_two_documents);
	RUN(test_empty_file);
	RUN(test_too_large);
	RUN(test_tab_indent_hint);
	RUN(test_not_name_value_hint);
	RUN(test_unclosed_quote);
	RUN(test_library_problems_in_plain_words);
	RUN(test_quote_closed_lines_below);
	RUN(test_plain_value_with_colon);
	RUN(test_colon_that_is_not_mended);
	RUN(test_deep_nesting_stops_fast);
	RUN(test_escaped_nul_in_value);
	RUN(test_bom_and_crlf);
	return failures_ != 0;
}
