#include "text/text.h"

#include <SDL_ttf.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "content/content.h"
#include "text/fonts.h"
#include "text/text_runs.h"
#include "text/wrap.h"

enum { TEXT_MAX_LINES = 64, TEXT_MAX_RUNS = 64, TEXT_LINE_BYTES = 2048 };

/* The render thread and the text worker share one struct text (a second
 * set of fonts cost 9 MB): every public function holds its lock, which is
 * recursive because some call others. Only the render thread draws. */
struct text {
	SDL_Renderer *renderer;
	struct fonts *fonts;
	pthread_mutex_t lock;
	unsigned long cuts; /* texts wrapped with an ellipsis so far */
	char last_cut[200]; /* the start of the last of them */
};

static void lock(struct text *t)
{
	pthread_mutex_lock(&t->lock);
}

static void unlock(struct text *t)
{
	pthread_mutex_unlock(&t->lock);
}

struct text *text_new_dirs(SDL_Renderer *r, const char *const *dirs, size_t n)
{
	struct text *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->renderer = r;
	t->fonts = fonts_new(dirs, n);
	if (!t->fonts) {
		free(t);
		return NULL;
	}
	pthread_mutexattr_t attr;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&t->lock, &attr);
	pthread_mutexattr_destroy(&attr);
	return t;
}

struct text *text_new(SDL_Renderer *r)
{
	return text_new_dirs(r, NULL, 0);
}

void text_free(struct text *t)
{
	if (!t)
		return;
	fonts_free(t->fonts);
	pthread_mutex_destroy(&t->lock);
	free(t);
}

struct covers_ctx {
	struct text *t;
	enum text_face face;
};

static bool covers(void *ctx, int slot, uint32_t cp)
{
	struct covers_ctx *c = ctx;
	return fonts_covers(c->t->fonts, c->face, slot, cp);
}

/* Splits the len bytes at s into runs of one font of face's chain. */
static size_t split(struct text *t, enum text_face face, const char *s, size_t len,
                    struct text_run *runs)
{
	struct covers_ctx c = {t, face};
	return text_runs_split(s, len, fonts_chain_length(t->fonts, face), covers, &c, runs,
	                       TEXT_MAX_RUNS);
}

/* The font for a run at px, with HarfBuzz told the run's script; a run no
 * font covers is drawn with the face's own font (it shows a missing-glyph
 * box, and --check reports it). */
static TTF_Font *run_font(struct text *t, enum text_face face, int px, const struct text_run *r)
{
	TTF_Font *f = fonts_get(t->fonts, face, r->font >= 0 ? r->font : 0, px);
	if (f)
		TTF_SetFontScriptName(f, text_script_tag(r->script));
	return f;
}

/* Copies len bytes of s into buf as a C string (truncating to its size). */
static const char *cstr(const char *s, size_t len, char *buf, size_t size)
{
	if (len >= size)
		len = size - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}

int text_width(struct text *t, enum text_face face, int px, const char *s, size_t len)
{
	struct text_run runs[TEXT_MAX_RUNS];
	lock(t);
	size_t n = split(t, face, s, len, runs);
	int total = 0;
	for (size_t i = 0; i < n; i++) {
		TTF_Font *f = run_font(t, face, px, &runs[i]);
		char buf[TEXT_LINE_BYTES];
		int w = 0, h = 0;
		if (f && TTF_SizeUTF8(f, cstr(s + runs[i].start, runs[i].len, buf, sizeof buf), &w,
		                      &h) == 0)
			total += w;
	}
	unlock(t);
	return total;
}

int text_line_height(struct text *t, enum text_face face, int px)
{
	lock(t);
	TTF_Font *f = fonts_get(t->fonts, face, 0, px);
	int h = f ? TTF_FontLineSkip(f) : px;
	unlock(t);
	return h;
}

/* The baseline of every line of face at px, from the line's top: the
 * largest ascent in the chain, so mixed-script lines line up. */
static int chain_ascent(struct text *t, enum text_face face, int px, int *descent)
{
	int asc = 0;
	*descent = 0;
	for (int i = 0; i < fonts_chain_length(t->fonts, face); i++) {
		TTF_Font *f = fonts_get(t->fonts, face, i, px);
		if (!f)
			continue;
		asc = TTF_FontAscent(f) > asc ? TTF_FontAscent(f) : asc;
		*descent = -TTF_FontDescent(f) > *descent ? -TTF_FontDescent(f) : *descent;
	}
	return asc;
}

/* A surface of w x h filled with colour c at zero alpha, so text blended on
 * it keeps the colour of its anti-aliased edges. */
static SDL_Surface *clear_surface(int w, int h, SDL_Color c)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (s)
		SDL_FillRect(s, NULL, SDL_MapRGBA(s->format, c.r, c.g, c.b, 0));
	return s;
}

/* Renders the len bytes at s as one line, run by run on one baseline.
 * NULL for an empty line or on failure. */
static SDL_Surface *render_line(struct text *t, const struct text_style *st, const char *s,
                                size_t len)
{
	struct text_run runs[TEXT_MAX_RUNS];
	SDL_Surface *parts[TEXT_MAX_RUNS] = {0};
	int asc[TEXT_MAX_RUNS] = {0}, w = 0, descent;
	size_t n = split(t, st->face, s, len, runs);
	for (size_t i = 0; i < n; i++) {
		TTF_Font *f = run_font(t, st->face, st->px, &runs[i]);
		char buf[TEXT_LINE_BYTES];
		parts[i] =
		    f ? TTF_RenderUTF8_Blended(
		            f, cstr(s + runs[i].start, runs[i].len, buf, sizeof buf), st->color)
		      : NULL;
		asc[i] = f ? TTF_FontAscent(f) : 0;
		w += parts[i] ? parts[i]->w : 0;
	}
	int base = chain_ascent(t, st->face, st->px, &descent);
	SDL_Surface *line = w > 0 ? clear_surface(w, base + descent, st->color) : NULL;
	for (int i = 0, x = 0; (size_t)i < n; i++) {
		if (!parts[i])
			continue;
		SDL_Rect dst = {x, base - asc[i], parts[i]->w, parts[i]->h};
		SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_BLEND);
		if (line)
			SDL_BlitSurface(parts[i], NULL, line, &dst);
		x += parts[i]->w;
		SDL_FreeSurface(parts[i]);
	}
	return line;
}

struct measure_ctx {
	struct text *t;
	const struct text_style *st;
};

static int measure(void *ctx, const char *s, size_t len)
{
	struct measure_ctx *m = ctx;
	return text_width(m->t, m->st->face, m->st->px, s, len);
}

/* Wraps s into at most max_lines lines of max_w; returns how many. */
static size_t wrap_lines(struct text *t, const struct text_style *st, const char *s, int max_w,
                         int max_lines, struct wrap_line *lines)
{
	struct measure_ctx m = {t, st};
	if (max_lines > TEXT_MAX_LINES)
		max_lines = TEXT_MAX_LINES;
	size_t n = wrap_text(s, max_w, (size_t)max_lines, measure, &m, lines, TEXT_MAX_LINES);
	if (n && lines[n - 1].ellipsis) { /* counted, for the test that none is cut */
		t->cuts++;
		snprintf(t->last_cut, sizeof t->last_cut, "%s", s);
	}
	return n;
}

unsigned long text_cuts(struct text *t, char *last, size_t size)
{
	lock(t);
	unsigned long n = t->cuts;
	if (last && size)
		snprintf(last, size, "%s", t->last_cut);
	unlock(t);
	return n;
}

/* Line l of s as a C string in buf (size > 4), with the ellipsis when cut. */
static size_t line_text(const char *s, const struct wrap_line *l, char *buf, size_t size)
{
	size_t len = l->len < size - 4 ? l->len : size - 4;
	memcpy(buf, s + l->start, len);
	buf[len] = '\0';
	if (l->ellipsis)
		strcat(buf, wrap_ellipsis);
	return strlen(buf);
}

static int style_line_height(struct text *t, const struct text_style *st)
{
	return st->line_height ? st->line_height : text_line_height(t, st->face, st->px);
}

int text_lines_needed(struct text *t, const struct text_style *st, const char *s, int max_w)
{
	struct wrap_line lines[TEXT_MAX_LINES];
	lock(t);
	int n = (int)wrap_lines(t, st, s, max_w, TEXT_MAX_LINES, lines);
	unlock(t);
	return n;
}

/* The lines of s wrapped as text_render_paragraph draws them (max_w <= 0:
 * one line, no wrapping), and the distance between them in *lh. Holds the
 * lock only while it measures. */
static size_t paragraph_lines(struct text *t, const struct text_style *st, const char *s, int max_w,
                              int max_lines, struct wrap_line *lines, int *lh)
{
	lines[0] = (struct wrap_line){0, strlen(s), false};
	lock(t);
	size_t n = max_w > 0 ? wrap_lines(t, st, s, max_w, max_lines, lines) : 1;
	*lh = style_line_height(t, st);
	unlock(t);
	return n;
}

void text_measure(struct text *t, const struct text_style *st, const char *s, int max_w,
                  int max_lines, int *w, int *h)
{
	*w = *h = 0;
	if (!*s)
		return;
	struct wrap_line lines[TEXT_MAX_LINES];
	int lh, descent;
	size_t n = paragraph_lines(t, st, s, max_w, max_lines, lines, &lh);
	lock(t);
	int line_h = chain_ascent(t, st->face, st->px, &descent) + descent;
	for (size_t i = 0; i < n; i++) {
		char buf[TEXT_LINE_BYTES];
		size_t len = line_text(s, &lines[i], buf, sizeof buf);
		/* render_line's width: the runs' widths, as TTF sizes their surfaces */
		int lw = len ? text_width(t, st->face, st->px, buf, len) : 0;
		if (lw <= 0)
			continue;
		*w = lw > *w ? lw : *w;
		*h = (int)i * lh + line_h > *h ? (int)i * lh + line_h : *h;
	}
	unlock(t);
	if (max_w > 0 && *w > max_w)
		*w = max_w;
	if (*w == 0 || *h == 0)
		*w = *h = 0;
}

SDL_Surface *text_render_paragraph(struct text *t, const struct text_style *st, const char *s,
                                   int max_w, int max_lines)
{
	if (!*s)
		return NULL;
	struct wrap_line lines[TEXT_MAX_LINES];
	int lh, w = 0, h = 0;
	size_t n = paragraph_lines(t, st, s, max_w, max_lines, lines, &lh);
	SDL_Surface *surf[TEXT_MAX_LINES] = {0};
	for (size_t i = 0; i < n; i++) {
		char buf[TEXT_LINE_BYTES];
		size_t len = line_text(s, &lines[i], buf, sizeof buf);
		/* The lock a line at a time: the render thread, measuring, waits
		 * for one line at most, never for a whole paragraph. */
		lock(t);
		surf[i] = len ? render_line(t, st, buf, len) : NULL;
		unlock(t);
		if (surf[i] && surf[i]->w > w)
			w = surf[i]->w;
		if (surf[i] && (int)i * lh + surf[i]->h > h)
			h = (int)i * lh + surf[i]->h;
	}
	if (max_w > 0 && w > max_w)
		w = max_w;
	SDL_Surface *all = w > 0 && h > 0 ? clear_surface(w, h, st->color) : NULL;
	for (size_t i = 0; i < n; i++) {
		if (all && surf[i]) {
			SDL_Rect dst = {0, (int)i * lh, surf[i]->w, surf[i]->h};
			SDL_SetSurfaceBlendMode(surf[i], SDL_BLENDMODE_BLEND);
			SDL_BlitSurface(surf[i], NULL, all, &dst);
		}
		SDL_FreeSurface(surf[i]);
	}
	return all;
}

size_t text_missing(struct text *t, enum text_face face, const char *s, uint32_t *cps,
                    size_t *offsets, size_t cap)
{
	struct covers_ctx c = {t, face};
	lock(t);
	size_t n = text_runs_missing(s, strlen(s), fonts_chain_length(t->fonts, face), covers, &c,
	                             cps, offsets, cap);
	unlock(t);
	return n;
}

struct text *text_new_for(SDL_Renderer *r, const struct content *c)
{
	const char *dirs[CONTENT_MAX_FONT_DIRS];
	char buf[CONTENT_MAX_FONT_DIRS][512];
	size_t n = content_font_dirs(c, dirs, buf, CONTENT_MAX_FONT_DIRS);
	return text_new_dirs(r, dirs, n);
}
