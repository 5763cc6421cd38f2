#include "text/wrap.h"

#include <stdint.h>
#include <string.h>

#include "base/utf8.h"

const char wrap_ellipsis[] = "\xE2\x80\xA6"; /* U+2026 */

/* A stretch this long (bytes) without a break opportunity is measured
 * before the walk goes on, so a huge word costs no more than its lines. */
enum { WRAP_PROBE_BYTES = 64 };

/* The paragraph being wrapped and how to measure it. */
struct wrapper {
	const char *s;
	size_t n;
	int max_w;
	wrap_measure_fn measure;
	void *ctx;
	bool glue; /* keep short words and numbers with the next word (see glued) */
};

/* Characters that must not begin a line (closing punctuation, in CJK and in
 * Latin text), and characters that must not end one (opening punctuation). */
static const uint32_t closing[] = {
    ',',    '.',    ';',    ':',    '!',    '?',    ')',    ']',    '}',    0x00BB, 0x203A,
    0x2019, 0x201D, 0x2025, 0x2026, 0x3001, 0x3002, 0x3005, 0x3009, 0x300B, 0x300D, 0x300F,
    0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x30FC, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A,
    0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF60, 0xFF61, 0xFF63, 0xFF64,
};
static const uint32_t opening[] = {
    '(',    '[',    '{',    0x00AB, 0x2018, 0x201C, 0x2039, 0x3008, 0x300A, 0x300C, 0x300E,
    0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,
};

static bool in_set(const uint32_t *set, size_t count, uint32_t cp)
{
	for (size_t i = 0; i < count; i++)
		if (set[i] == cp)
			return true;
	return false;
}

static bool is_closing(uint32_t cp)
{
	return in_set(closing, sizeof closing / sizeof closing[0], cp);
}

static bool is_opening(uint32_t cp)
{
	return in_set(opening, sizeof opening / sizeof opening[0], cp);
}

/* Ideographs, kana, CJK punctuation and fullwidth forms: text written
 * without spaces, which may break before and after each of them. */
static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3000 && cp <= 0x30FF) ||
	       (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF9F) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3134F);
}

/* Whether a line may end between the non-space characters a and b. */
static bool may_break_between(uint32_t a, uint32_t b)
{
	return (is_cjk(a) || is_cjk(b)) && !is_closing(b) && !is_opening(a);
}

/* The character at i: its length, and its codepoint in *cp (U+FFFD for an
 * invalid byte, which counts as one character; 0 at the end). */
static size_t char_at(const struct wrapper *w, size_t i, uint32_t *cp)
{
	*cp = 0;
	if (i >= w->n)
		return 0;
	size_t len = utf8_decode(w->s + i, w->n - i, cp);
	if (len == 0) {
		*cp = 0xFFFD;
		len = 1;
	}
	return len;
}

/* Russian typesetting keeps these with the word after them: one- and
 * two-letter prepositions, conjunctions and particles ("в Пермь", "и
 * Оксфорд", "не был"), lower case. */
static const char *const short_words[] = {
    "в",  "во", "на", "к", "ко", "с",  "со", "у",  "о",  "об", "от", "до",
    "из", "за", "по", "и", "а",  "но", "да", "не", "ни", "же", "ли",
};

static uint32_t lower(uint32_t cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	return cp == 0x401 ? 0x451 : cp;
}

static bool is_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x400 && cp <= 0x4FF);
}

/* Writes cp (below U+10000) as UTF-8 at out; returns its length. */
static size_t put_utf8(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | ((cp >> 12) & 0x0F));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Whether the word s[a, b) (leading opening punctuation skipped) is a
 * short word to keep with the next: one letter of any script, or one of
 * short_words; *number tells whether it is all digits. */
static bool short_word(const char *s, size_t a, size_t b, bool *number)
{
	char low[16];
	size_t n = 0, letters = 0, digits = 0, others = 0;
	for (size_t i = a; i < b;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, b - i, &cp);
		if (!len)
			return *number = false;
		i += len;
		if (n == 0 && letters + digits == 0 && (is_opening(cp) || cp == '"'))
			continue;
		letters += is_letter(cp);
		digits += cp >= '0' && cp <= '9';
		others += !is_letter(cp) && !(cp >= '0' && cp <= '9');
		if (n + 4 < sizeof low && lower(cp) < 0x10000)
			n += put_utf8(lower(cp), low + n);
	}
	low[n] = '\0';
	*number = digits > 0 && letters == 0 && others == 0;
	if (others || digits || letters == 0)
		return false;
	if (letters == 1)
		return true;
	for (size_t i = 0; i < sizeof short_words / sizeof short_words[0]; i++)
		if (strcmp(low, short_words[i]) == 0)
			return true;
	return false;
}

/* Whether the spaces s[i, j) hold the words around them together: after a
 * short word (short_word), or between a number and a word ("1992 года",
 * "22 декабря"). */
static bool glued(const struct wrapper *w, size_t i, size_t j)
{
	size_t a = i;
	while (a > 0 && w->s[a - 1] != ' ' && w->s[a - 1] != '\n')
		a--;
	bool number;
	if (a == i)
		return false;
	if (short_word(w->s, a, i, &number))
		return true;
	uint32_t after;
	utf8_decode(w->s + j, w->n - j, &after);
	return number && is_letter(after);
}

static bool is_para_end(const struct wrapper *w, size_t i)
{
	return i >= w->n || w->s[i] == '\n';
}

static size_t skip_spaces(const struct wrapper *w, size_t i)
{
	while (i < w->n && w->s[i] == ' ')
		i++;
	return i;
}

static bool too_wide(const struct wrapper *w, size_t start, size_t end)
{
	return w->measure(w->ctx, w->s + start, end - start) > w->max_w;
}

/* The end of the longest prefix from start that fits, stopping at the end of
 * the paragraph: at least one character unless the paragraph is empty. */
static size_t fit_chars(const struct wrapper *w, size_t start)
{
	uint32_t cp;
	if (is_para_end(w, start))
		return start;
	size_t i = start + char_at(w, start, &cp);
	while (!is_para_end(w, i)) {
		size_t j = i + char_at(w, i, &cp);
		if (too_wide(w, start, j))
			break;
		i = j;
	}
	return i;
}

/* A place to end the line: it ends at end (spaces before it excluded) and
 * the next begins at next. PROBE is no break, only a point to measure. */
enum brk_kind { BRK_SOFT, BRK_HARD, BRK_PROBE };
struct brk {
	size_t end, next;
	enum brk_kind kind;
};

/* Where the walk along a line is: byte i, after the character prev. */
struct cursor {
	size_t i;
	uint32_t prev;
};

/* A run of spaces at c->i: a break unless the end of the paragraph follows,
 * or kinsoku forbids it; *found tells whether it is a break. */
static struct brk space_break(const struct wrapper *w, struct cursor *c, bool *found)
{
	size_t i = c->i, j = skip_spaces(w, i);
	uint32_t before = c->prev, after;
	char_at(w, j, &after);
	c->i = j;
	c->prev = ' ';
	*found = true;
	if (is_para_end(w, j))
		return (struct brk){i, j < w->n ? j + 1 : j, BRK_HARD};
	*found = !is_closing(after) && !is_opening(before) && !(w->glue && glued(w, i, j));
	return (struct brk){i, j, BRK_SOFT};
}

/* Moves c to the next break opportunity, or to probe if that comes first,
 * and returns it. */
static struct brk next_opportunity(const struct wrapper *w, struct cursor *c, size_t probe)
{
	for (;;) {
		size_t i = c->i;
		if (is_para_end(w, i))
			return (struct brk){i, i < w->n ? i + 1 : i, BRK_HARD};
		if (i >= probe)
			return (struct brk){i, i, BRK_PROBE};
		bool found;
		if (w->s[i] == ' ') {
			struct brk b = space_break(w, c, &found);
			if (found)
				return b;
			continue;
		}
		uint32_t cur;
		c->i += char_at(w, i, &cur);
		found = c->prev != ' ' && may_break_between(c->prev, cur);
		c->prev = cur;
		if (found)
			return (struct brk){i, i, BRK_SOFT};
	}
}

/* Finds the end of the line starting at start, the last break opportunity
 * that fits (or what fits of a word wider than the line); *next is where the
 * line after it begins. Measures only from start, and stops once past the
 * width. */
static size_t next_break(const struct wrapper *w, size_t start, size_t *next)
{
	if (w->s[start] == '\n') {
		*next = start + 1;
		return start;
	}
	struct cursor c = {start, 0};
	c.i += char_at(w, start, &c.prev);
	size_t best = start, probe = start + WRAP_PROBE_BYTES;
	*next = start;
	for (;;) {
		struct brk b = next_opportunity(w, &c, probe);
		if (too_wide(w, start, b.end))
			break;
		if (b.end - start > (probe - start) / 2)
			probe = start + 2 * (b.end - start);
		if (b.kind == BRK_PROBE)
			continue;
		best = b.end;
		*next = b.next;
		if (b.kind == BRK_HARD)
			return best;
	}
	if (best == start && w->glue) { /* words held together wider than the line */
		struct wrapper loose = *w;
		loose.glue = false;
		return next_break(&loose, start, next);
	}
	if (best == start) { /* a single word wider than the line */
		best = fit_chars(w, start);
		*next = skip_spaces(w, best);
	}
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
	struct wrapper w = {text, strlen(text), max_w, measure, ctx, true};
	size_t pos = skip_spaces(&w, 0), count = 0;
	if (max_lines > cap)
		max_lines = cap;
	while (pos < w.n && count < max_lines) {
		size_t next;
		size_t end = next_break(&w, pos, &next);
		size_t len = end - pos;
		while (len > 0 && text[pos + len - 1] == ' ')
			len--;
		lines[count++] = (struct wrap_line){pos, len, false};
		pos = next;
	}
	if (pos < w.n && count > 0) {
		/* Text remains: the last line takes what fits of its paragraph,
		 * then gives back characters until "…" fits too. */
		struct wrap_line *last = &lines[count - 1];
		last->len = fit_chars(&w, last->start) - last->start;
		add_ellipsis(text, last, max_w, measure, ctx);
	}
	return count;
}
