#include "text.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>

#include "wrap.h"

enum { TEXT_MAX_FONTS = 48, TEXT_MAX_LINES = 64 };

struct font_slot {
	enum text_face face;
	int px;
	TTF_Font *font;
};

struct text {
	SDL_Renderer *renderer;
	char path[FACE_COUNT][512];
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
	if (t->n_fonts == TEXT_MAX_FONTS) { /* rare: sizes changed many times */
		TTF_CloseFont(t->fonts[0].font);
		memmove(&t->fonts[0], &t->fonts[1], sizeof t->fonts[0] * (TEXT_MAX_FONTS - 1));
		t->n_fonts--;
	}
	TTF_Font *f = TTF_OpenFont(t->path[face], px);
	if (!f) {
		fprintf(stderr, "<3>twinhall: cannot open font %s: %s\n", t->path[face],
		        TTF_GetError());
		return NULL;
	}
	TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
	t->fonts[t->n_fonts++] = (struct font_slot){face, px, f};
	return f;
}

int text_width(struct text *t, enum text_face face, int px, const char *s, size_t len)
{
	TTF_Font *f = font_get(t, face, px);
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
	TTF_Font *f = font_get(t, st->face, st->px);
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

int text_draw_paragraph(struct text *t, const struct text_style *st, const char *s, int x, int y,
                        int max_w, int max_lines, int dry_run)
{
	struct wrap_line lines[TEXT_MAX_LINES];
	struct measure_ctx m = {t, st};
	if (max_lines > TEXT_MAX_LINES)
		max_lines = TEXT_MAX_LINES;
	size_t n = wrap_text(s, max_w, (size_t)max_lines, measure, &m, lines, TEXT_MAX_LINES);
	int lh = st->line_height ? st->line_height : text_line_height(t, st->face, st->px);
	for (size_t i = 0; i < n && !dry_run; i++) {
		char buf[2048];
		size_t len = lines[i].len < sizeof buf - 4 ? lines[i].len : sizeof buf - 4;
		memcpy(buf, s + lines[i].start, len);
		buf[len] = '\0';
		if (lines[i].ellipsis)
			strcat(buf, wrap_ellipsis);
		text_draw_line(t, st, buf, x, y + (int)i * lh);
	}
	return (int)n * lh;
}
