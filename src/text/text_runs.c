#include "text/text_runs.h"

#include "base/utf8.h"

/* A range of codepoints in one script. */
struct script_range {
	uint32_t lo, hi;
	enum text_script script;
};

/* Sorted and disjoint; what falls between ranges is SCRIPT_OTHER. Combining
 * marks and the like (Unicode's "Inherited") count as COMMON, so they join
 * the run of the letter they follow. */
static const struct script_range script_ranges[] = {
    {0x0000, 0x0040, SCRIPT_COMMON},   {0x0041, 0x005A, SCRIPT_LATIN},
    {0x005B, 0x0060, SCRIPT_COMMON},   {0x0061, 0x007A, SCRIPT_LATIN},
    {0x007B, 0x00A9, SCRIPT_COMMON},   {0x00AA, 0x00AA, SCRIPT_LATIN},
    {0x00AB, 0x00B9, SCRIPT_COMMON},   {0x00BA, 0x00BA, SCRIPT_LATIN},
    {0x00BB, 0x00BF, SCRIPT_COMMON},   {0x00C0, 0x00D6, SCRIPT_LATIN},
    {0x00D7, 0x00D7, SCRIPT_COMMON},   {0x00D8, 0x00F6, SCRIPT_LATIN},
    {0x00F7, 0x00F7, SCRIPT_COMMON},   {0x00F8, 0x02AF, SCRIPT_LATIN},
    {0x02B0, 0x036F, SCRIPT_COMMON},   {0x0370, 0x03FF, SCRIPT_GREEK},
    {0x0400, 0x052F, SCRIPT_CYRILLIC}, {0x1100, 0x11FF, SCRIPT_HANGUL},
    {0x1C80, 0x1C8F, SCRIPT_CYRILLIC}, {0x1E00, 0x1EFF, SCRIPT_LATIN},
    {0x1F00, 0x1FFF, SCRIPT_GREEK},    {0x2000, 0x2BFF, SCRIPT_COMMON},
    {0x2C60, 0x2C7F, SCRIPT_LATIN},    {0x2DE0, 0x2DFF, SCRIPT_CYRILLIC},
    {0x2E00, 0x2E7F, SCRIPT_COMMON},   {0x2E80, 0x2FDF, SCRIPT_HAN},
    {0x2FF0, 0x3004, SCRIPT_COMMON},   {0x3005, 0x3005, SCRIPT_HAN},
    {0x3006, 0x3006, SCRIPT_COMMON},   {0x3007, 0x3007, SCRIPT_HAN},
    {0x3008, 0x3020, SCRIPT_COMMON},   {0x3021, 0x3029, SCRIPT_HAN},
    {0x302A, 0x3037, SCRIPT_COMMON},   {0x3038, 0x303B, SCRIPT_HAN},
    {0x303C, 0x303F, SCRIPT_COMMON},   {0x3041, 0x3098, SCRIPT_HIRAGANA},
    {0x3099, 0x309C, SCRIPT_COMMON},   {0x309D, 0x309F, SCRIPT_HIRAGANA},
    {0x30A0, 0x30A0, SCRIPT_COMMON},   {0x30A1, 0x30FA, SCRIPT_KATAKANA},
    {0x30FB, 0x30FC, SCRIPT_COMMON},   {0x30FD, 0x30FF, SCRIPT_KATAKANA},
    {0x3130, 0x318F, SCRIPT_HANGUL},   {0x3190, 0x319F, SCRIPT_COMMON},
    {0x31C0, 0x31EF, SCRIPT_COMMON},   {0x31F0, 0x31FF, SCRIPT_KATAKANA},
    {0x3200, 0x33FF, SCRIPT_COMMON},   {0x3400, 0x4DBF, SCRIPT_HAN},
    {0x4DC0, 0x4DFF, SCRIPT_COMMON},   {0x4E00, 0x9FFF, SCRIPT_HAN},
    {0xA640, 0xA69F, SCRIPT_CYRILLIC}, {0xA720, 0xA7FF, SCRIPT_LATIN},
    {0xA960, 0xA97F, SCRIPT_HANGUL},   {0xAB30, 0xAB6F, SCRIPT_LATIN},
    {0xAC00, 0xD7FF, SCRIPT_HANGUL},   {0xF900, 0xFAFF, SCRIPT_HAN},
    {0xFB00, 0xFB06, SCRIPT_LATIN},    {0xFE00, 0xFE6F, SCRIPT_COMMON},
    {0xFEFF, 0xFEFF, SCRIPT_COMMON},   {0xFF01, 0xFF20, SCRIPT_COMMON},
    {0xFF21, 0xFF3A, SCRIPT_LATIN},    {0xFF3B, 0xFF40, SCRIPT_COMMON},
    {0xFF41, 0xFF5A, SCRIPT_LATIN},    {0xFF5B, 0xFF65, SCRIPT_COMMON},
    {0xFF66, 0xFF6F, SCRIPT_KATAKANA}, {0xFF70, 0xFF70, SCRIPT_COMMON},
    {0xFF71, 0xFF9D, SCRIPT_KATAKANA}, {0xFF9E, 0xFF9F, SCRIPT_COMMON},
    {0xFFA0, 0xFFDC, SCRIPT_HANGUL},   {0xFFE0, 0xFFEE, SCRIPT_COMMON},
    {0xFFF9, 0xFFFD, SCRIPT_COMMON},   {0x1D400, 0x1D7FF, SCRIPT_COMMON},
    {0x1F000, 0x1FAFF, SCRIPT_COMMON}, {0x20000, 0x2FA1F, SCRIPT_HAN},
    {0x30000, 0x323AF, SCRIPT_HAN},    {0xE0000, 0xE01EF, SCRIPT_COMMON},
};

enum text_script text_script_of(uint32_t cp)
{
	size_t lo = 0, hi = sizeof script_ranges / sizeof script_ranges[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < script_ranges[mid].lo)
			hi = mid;
		else if (cp > script_ranges[mid].hi)
			lo = mid + 1;
		else
			return script_ranges[mid].script;
	}
	return SCRIPT_OTHER;
}

const char *text_script_tag(enum text_script s)
{
	static const char *const tags[] = {
	    [SCRIPT_COMMON] = "Zyyy",   [SCRIPT_LATIN] = "Latn",  [SCRIPT_CYRILLIC] = "Cyrl",
	    [SCRIPT_GREEK] = "Grek",    [SCRIPT_HAN] = "Hani",    [SCRIPT_HIRAGANA] = "Hira",
	    [SCRIPT_KATAKANA] = "Kana", [SCRIPT_HANGUL] = "Hang", [SCRIPT_OTHER] = "Zzzz",
	};
	if ((unsigned)s >= sizeof tags / sizeof tags[0])
		return "Zzzz";
	return tags[s];
}

/* Controls and default-ignorable characters: no font needs a glyph for them
 * (the shaper hides them), so they never make a run of their own. */
static bool is_ignorable(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD || cp == 0x34F ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF ||
	       (cp >= 0xE0000 && cp <= 0xE0FFF);
}

struct chain {
	int n_fonts;
	text_runs_covers_fn covers;
	void *ctx;
};

/* Whether font (possibly -1 or past the chain: no) has a glyph for cp. */
static bool chain_covers(const struct chain *c, int font, uint32_t cp)
{
	if (font < 0 || font >= c->n_fonts)
		return false;
	return is_ignorable(cp) || c->covers(c->ctx, font, cp);
}

/* The first font of the chain that covers cp, or -1. */
static int chain_first(const struct chain *c, uint32_t cp)
{
	for (int f = 0; f < c->n_fonts; f++)
		if (chain_covers(c, f, cp))
			return f;
	return -1;
}

/* One character: an invalid byte is a character of length 1, not valid. */
struct character {
	size_t len;
	uint32_t cp;
	bool valid;
};

static struct character char_at(const char *s, size_t len, size_t i)
{
	uint32_t cp = 0;
	size_t n = utf8_decode(s + i, len - i, &cp);
	if (n == 0)
		return (struct character){1, 0xFFFD, false};
	return (struct character){n, cp, true};
}

static enum text_script script_for(uint32_t cp)
{
	return is_ignorable(cp) ? SCRIPT_COMMON : text_script_of(cp);
}

struct splitter {
	const char *s;
	size_t len;
	struct chain chain;
	struct text_run *out;
	size_t cap, count;
	bool pending; /* COMMON characters from pending_start wait for the next run */
	size_t pending_start;
};

/* Adds the bytes [start, start + len) in (font, script) to the runs: to the
 * last run when it has the same font and script, or when out is full. */
static void emit(struct splitter *sp, size_t start, size_t len, int font, enum text_script script)
{
	if (len == 0)
		return;
	if (sp->count > 0) {
		struct text_run *last = &sp->out[sp->count - 1];
		if ((last->font == font && last->script == script) || sp->count == sp->cap) {
			last->len = start + len - last->start;
			return;
		}
	}
	if (sp->count < sp->cap)
		sp->out[sp->count++] = (struct text_run){start, len, font, script};
}

/* Places the pending COMMON characters, which end at end, before a run in
 * (font, script) (font -1 at the end of the string): its longest tail that
 * font covers joins that run, the rest goes to each character's own font. */
static void flush_pending(struct splitter *sp, size_t end, int font, enum text_script script)
{
	size_t tail = sp->pending_start;
	for (size_t i = sp->pending_start; i < end;) {
		struct character c = char_at(sp->s, end, i);
		i += c.len;
		if (!chain_covers(&sp->chain, font, c.cp))
			tail = i;
	}
	for (size_t i = sp->pending_start; i < tail;) {
		struct character c = char_at(sp->s, tail, i);
		const struct text_run *last = sp->count > 0 ? &sp->out[sp->count - 1] : NULL;
		if (last &&
		    chain_covers(&sp->chain, last->font, c.cp)) /* "青岛。" stays together */

			emit(sp, i, c.len, last->font, last->script);
		else
			emit(sp, i, c.len, chain_first(&sp->chain, c.cp), SCRIPT_COMMON);
		i += c.len;
	}

	emit(sp, tail, end - tail, font, script);
	sp->pending = false;
}

/* A COMMON character at i joins the run before it when nothing is pending
 * and that run is in the primary font, which covers it; after a fallback
 * run it waits for the next run, so "青岛 · Китай" draws " · " in the primary
 * font while "青岛，上海" keeps "，" in the CJK one. */
static void take_common(struct splitter *sp, size_t i, struct character c)
{
	if (!sp->pending && sp->count > 0) {
		const struct text_run *last = &sp->out[sp->count - 1];
		if (last->font == 0 && chain_covers(&sp->chain, last->font, c.cp)) {

			emit(sp, i, c.len, last->font, last->script);
			return;
		}
	}
	if (!sp->pending) {
		sp->pending = true;
		sp->pending_start = i;
	}
}

/* A character of a script (or an invalid byte) at i starts or extends a run
 * in its first covering font, after placing the pending COMMON ones. */
static void take_letter(struct splitter *sp, size_t i, struct character c)
{
	int font = c.valid ? chain_first(&sp->chain, c.cp) : -1;
	enum text_script script = c.valid ? script_for(c.cp) : SCRIPT_OTHER;
	if (sp->pending)
		flush_pending(sp, i, font, script);
	emit(sp, i, c.len, font, script);
}

size_t text_runs_split(const char *s, size_t len, int n_fonts, text_runs_covers_fn covers,
                       void *ctx, struct text_run *out, size_t cap)
{
	struct splitter sp = {
	    .s = s, .len = len, .chain = {n_fonts, covers, ctx}, .out = out, .cap = cap};
	for (size_t i = 0; i < len;) {
		struct character c = char_at(s, len, i);
		if (c.valid && script_for(c.cp) == SCRIPT_COMMON)
			take_common(&sp, i, c);
		else
			take_letter(&sp, i, c);
		i += c.len;
	}
	if (sp.pending)
		flush_pending(&sp, len, -1, SCRIPT_COMMON);
	return sp.count;
}

static bool listed(const uint32_t *cps, size_t n, uint32_t cp)
{
	for (size_t i = 0; i < n; i++)
		if (cps[i] == cp)
			return true;
	return false;
}

size_t text_runs_missing(const char *s, size_t len, int n_fonts, text_runs_covers_fn covers,
                         void *ctx, uint32_t *cps, size_t *offsets, size_t cap)
{
	struct chain chain = {n_fonts, covers, ctx};
	size_t count = 0;
	for (size_t i = 0; i < len && count < cap;) {
		struct character c = char_at(s, len, i);
		if (c.valid && !is_ignorable(c.cp) && chain_first(&chain, c.cp) < 0 &&
		    !listed(cps, count, c.cp)) {
			cps[count] = c.cp;
			if (offsets)
				offsets[count] = i;
			count++;
		}
		i += c.len;
	}
	return count;
}
