#include "wrap.h"

#include <string.h>

const char wrap_ellipsis[] = "\xE2\x80\xA6"; /* U+2026 */

static size_t utf8_next(const char *s, size_t i, size_t n)
{
	i++;
	while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* The end of the longest prefix of [start, end) no wider than max_w, at a
 * character boundary; at least one character. */
static size_t fit_chars(const char *s, size_t start, size_t end, int max_w, wrap_measure_fn measure,
                        void *ctx)
{
	size_t i = utf8_next(s, start, end);
	while (i < end) {
		size_t j = utf8_next(s, i, end);
		if (measure(ctx, s + start, j - start) > max_w)
			break;
		i = j;
	}
	return i;
}

/* Finds the end of the next line starting at start; *next is where the line
 * after it begins. */
static size_t next_break(const char *s, size_t start, size_t n, int max_w, wrap_measure_fn measure,
                         void *ctx, size_t *next)
{
	const char *nl = memchr(s + start, '\n', n - start);
	size_t para_end = nl ? (size_t)(nl - s) : n;
	size_t best = start, i = start;
	while (i <= para_end) {
		size_t word_end = i;
		while (word_end < para_end && s[word_end] != ' ')
			word_end++;
		if (measure(ctx, s + start, word_end - start) > max_w)
			break;
		best = word_end;
		if (word_end >= para_end) {
			*next = para_end < n ? para_end + 1 : n;
			return best;
		}
		i = word_end + 1;
	}
	if (best == start) /* a single word wider than the line */
		best = fit_chars(s, start, para_end, max_w, measure, ctx);
	*next = best;
	while (*next < n && s[*next] == ' ')
		(*next)++;
	return best;
}

/* Shortens line l until it and an ellipsis fit in max_w. */
static void add_ellipsis(const char *s, struct wrap_line *l, int max_w, wrap_measure_fn measure,
                         void *ctx)
{
	int ew = measure(ctx, wrap_ellipsis, strlen(wrap_ellipsis));
	while (l->len > 0 && measure(ctx, s + l->start, l->len) + ew > max_w) {
		size_t k = l->len - 1;
		while (k > 0 && ((unsigned char)s[l->start + k] & 0xC0) == 0x80)
			k--;
		l->len = k;
	}
	while (l->len > 0 && s[l->start + l->len - 1] == ' ')
		l->len--;
	l->ellipsis = true;
}

size_t wrap_text(const char *text, int max_w, size_t max_lines, wrap_measure_fn measure, void *ctx,
                 struct wrap_line *lines, size_t cap)
{
	size_t n = strlen(text), pos = 0, count = 0;
	if (max_lines > cap)
		max_lines = cap;
	while (pos < n && text[pos] == ' ')
		pos++;
	while (pos < n && count < max_lines) {
		size_t next;
		size_t end = next_break(text, pos, n, max_w, measure, ctx, &next);
		size_t len = end - pos;
		while (len > 0 && text[pos + len - 1] == ' ')
			len--;
		lines[count++] = (struct wrap_line){pos, len, false};
		pos = next;
	}
	if (pos < n && count > 0) {
		/* Text remains: the last line takes what fits of it plus "…". */
		struct wrap_line *last = &lines[count - 1];
		last->len = n - last->start;
		const char *nl = memchr(text + last->start, '\n', last->len);
		if (nl)
			last->len = (size_t)(nl - (text + last->start));
		add_ellipsis(text, last, max_w, measure, ctx);
	}
	return count;
}
