#include "text.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"
#include "wrap.h"

enum { TEXT_MAX_FONTS = 48, TEXT_MAX_LINES = 64 };

struct font_slot {
	enum text_face face;
	int px;
	TTF_Font *font;
};

/* The font for characters the Noto faces lack (Chinese, for 青岛): the
 * Simplified Chinese face of Debian's Noto Sans CJK collection. A string
 * with such a character is drawn wholly in it (it has Latin and Cyrillic
 * too); splitting strings into runs per font is the next step. */
#define FALLBACK_FILE "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
enum { FALLBACK_FACE_INDEX = 2, FACE_FALLBACK = FACE_COUNT };

struct text {
	SDL_Renderer *renderer;
	char path[FACE_COUNT + 1][512];
	struct font_slot fonts[TEXT_MAX_FONTS];
	int n_fonts;
};

static const char *const face_files[FACE_COUNT] = {
    [FACE_SANS] = "NotoSans-Regular.ttf",
    [FACE_SANS_BOLD] = "NotoSans-Bold.ttf",
    [FACE_SERIF_BOLD] = "NotoSerif-Bold.ttf",
};

/* Finds a font file: assets/fonts beside the program, the installed assets,
 * then Debian's fonts-noto-core. */
static int find_font(const char *file, char *out, size_t size)
{
	char *base = SDL_GetBasePath();
	const char *dirs[] = {base ? base : "", TWINHALL_DATADIR "/assets/fonts/",
	                      "/usr/share/fonts/truetype/noto/"};
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		if (i == 0)
			snprintf(out, size, "%s../assets/fonts/%s", dirs[0], file);
		else
			snprintf(out, size, "%s%s", dirs[i], file);
		FILE *f = fopen(out, "rb");
		if (f) {
			fclose(f);
			SDL_free(base);
			return 0;
		}
	}
	SDL_free(base);
	return -1;
}

struct text *text_new(SDL_Renderer *r)
{
	struct text *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->renderer = r;
	for (int i = 0; i < FACE_COUNT; i++) {
		if (find_font(face_files[i], t->path[i], sizeof t->path[i]) != 0) {
			fprintf(stderr,
			        "<3>twinhall: font %s not found (install fonts-noto-core)\n",
			        face_files[i]);
			free(t);
			return NULL;
		}
	}
	FILE *f = fopen(FALLBACK_FILE, "rb");
	if (f) {
		fclose(f);
		snprintf(t->path[FACE_FALLBACK], sizeof t->path[FACE_FALLBACK], "%s",
		         FALLBACK_FILE);
	}
	return t;
}

void text_free(struct text *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->n_fonts; i++)
		TTF_CloseFont(t->fonts[i].font);
	free(t);
}

/* The font for face at px, opened on first use and kept. */
static TTF_Font *font_get(struct text *t, enum text_face face, int px)
{
	for (int i = 0; i < t->n_fonts; i++)
		if (t->fonts[i].face == face && t->fonts[i].px == px)
			return t->fonts[i].font;
	if (!t->path[face][0])
		return NULL;
	if (t->n_fonts == TEXT_MAX_FONTS) { /* rare: sizes changed many times */
		TTF_CloseFont(t->fonts[0].font);
		memmove(&t->fonts[0], &t->fonts[1], sizeof t->fonts[0] * (TEXT_MAX_FONTS - 1));
		t->n_fonts--;
	}
	TTF_Font *f = TTF_OpenFontIndex(t->path[face], px,
	                                (int)face == FACE_FALLBACK ? FALLBACK_FACE_INDEX : 0);
	if (!f) {
		fprintf(stderr, "<3>twinhall: cannot open font %s: %s\n", t->path[face],
		        TTF_GetError());
		return NULL;
	}
	TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
	t->fonts[t->n_fonts++] = (struct font_slot){face, px, f};
	return f;
}

/* The font to draw the first len bytes of s in: face, unless it lacks one of
 * their characters and the fallback has them all. */
static TTF_Font *font_for(struct text *t, enum text_face face, int px, const char *s, size_t len)
{
	TTF_Font *f = font_get(t, face, px);
	if (!f)
		return NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			break;
		i += n;
		if (cp >= 0x20 && !TTF_GlyphIsProvided32(f, cp)) {
			TTF_Font *fb = font_get(t, (enum text_face)FACE_FALLBACK, px);
			return fb && TTF_GlyphIsProvided32(fb, cp) ? fb : f;
		}
	}
	return f;
}

int text_width(struct text *t, enum text_face face, int px, const char *s, size_t len)
{
	TTF_Font *f = font_for(t, face, px, s, len);
	char buf[2048];
	if (!f || len == 0)
		return 0;
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	int w = 0, h = 0;
	TTF_SizeUTF8(f, buf, &w, &h);
	return w;
}

int text_line_height(struct text *t, enum text_face face, int px)
{
	TTF_Font *f = font_get(t, face, px);
	return f ? TTF_FontLineSkip(f) : px;
}

int text_draw_line(struct text *t, const struct text_style *st, const char *s, int x, int y)
{
	TTF_Font *f = font_for(t, st->face, st->px, s, strlen(s));
	if (!f || !*s)
		return 0;
	SDL_Surface *surf = TTF_RenderUTF8_Blended(f, s, st->color);
	if (!surf)
		return 0;
	SDL_Texture *tex = SDL_CreateTextureFromSurface(t->renderer, surf);
	int w = surf->w;
	if (tex) {
		SDL_Rect dst = {x, y, surf->w, surf->h};
		SDL_RenderCopy(t->renderer, tex, NULL, &dst);
		SDL_DestroyTexture(tex);
	}
	SDL_FreeSurface(surf);
	return w;
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
	return wrap_text(s, max_w, (size_t)max_lines, measure, &m, lines, TEXT_MAX_LINES);
}

/* Copies line l of s into buf (size > 4), with the ellipsis when cut short. */
static void line_text(const char *s, const struct wrap_line *l, char *buf, size_t size)
{
	size_t len = l->len < size - 4 ? l->len : size - 4;
	memcpy(buf, s + l->start, len);
	buf[len] = '\0';
	if (l->ellipsis)
		strcat(buf, wrap_ellipsis);
}

static int style_line_height(struct text *t, const struct text_style *st)
{
	return st->line_height ? st->line_height : text_line_height(t, st->face, st->px);
}

int text_draw_paragraph(struct text *t, const struct text_style *st, const char *s, int x, int y,
                        int max_w, int max_lines, int dry_run)
{
	struct wrap_line lines[TEXT_MAX_LINES];
	size_t n = wrap_lines(t, st, s, max_w, max_lines, lines);
	int lh = style_line_height(t, st);
	for (size_t i = 0; i < n && !dry_run; i++) {
		char buf[2048];
		line_text(s, &lines[i], buf, sizeof buf);
		text_draw_line(t, st, buf, x, y + (int)i * lh);
	}
	return (int)n * lh;
}

/* Renders each line (NULL for an empty one) and finds the size of the whole. */
static void render_lines(TTF_Font *f, const struct text_style *st, const char *s,
                         const struct wrap_line *lines, size_t n, int lh, SDL_Surface **out, int *w,
                         int *h)
{
	*w = *h = 0;
	for (size_t i = 0; i < n; i++) {
		char buf[2048];
		line_text(s, &lines[i], buf, sizeof buf);
		out[i] = buf[0] ? TTF_RenderUTF8_Blended(f, buf, st->color) : NULL;
		if (!out[i])
			continue;
		if (out[i]->w > *w)
			*w = out[i]->w;
		if ((int)i * lh + out[i]->h > *h)
			*h = (int)i * lh + out[i]->h;
	}
}

/* Blends the lines onto one surface that starts as the text's colour at
 * zero alpha, so anti-aliased edges keep their colour (blending onto
 * transparent black would darken them). */
static SDL_Surface *compose_lines(const struct text_style *st, SDL_Surface **lines, size_t n,
                                  int lh, int w, int h)
{
	SDL_Surface *all = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!all)
		return NULL;
	SDL_FillRect(all, NULL, SDL_MapRGBA(all->format, st->color.r, st->color.g, st->color.b, 0));
	for (size_t i = 0; i < n; i++) {
		if (!lines[i])
			continue;
		SDL_Rect dst = {0, (int)i * lh, lines[i]->w, lines[i]->h};
		SDL_SetSurfaceBlendMode(lines[i], SDL_BLENDMODE_BLEND);
		SDL_BlitSurface(lines[i], NULL, all, &dst);
	}
	return all;
}

SDL_Surface *text_render_paragraph(struct text *t, const struct text_style *st, const char *s,
                                   int max_w, int max_lines)
{
	TTF_Font *f = font_for(t, st->face, st->px, s, strlen(s));
	if (!f || !*s)
		return NULL;
	struct wrap_line lines[TEXT_MAX_LINES] = {{0, strlen(s), false}};
	size_t n = max_w > 0 ? wrap_lines(t, st, s, max_w, max_lines, lines) : 1;
	int lh = style_line_height(t, st), w, h;
	SDL_Surface *surf[TEXT_MAX_LINES];
	render_lines(f, st, s, lines, n, lh, surf, &w, &h);
	if (max_w > 0 && w > max_w)
		w = max_w;
	SDL_Surface *all = w > 0 && h > 0 ? compose_lines(st, surf, n, lh, w, h) : NULL;
	for (size_t i = 0; i < n; i++)
		SDL_FreeSurface(surf[i]);
	return all;
}
