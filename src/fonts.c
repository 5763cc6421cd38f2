#include "fonts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FONTS_MAX_OPEN = 64 };

struct font_file {
	const char *name; /* file name to look for */
	int index;        /* face in a collection (.ttc) */
};

/* Per face: its own font, then the CJK face of the same weight: index 2 of
 * Debian's Noto CJK collections is Simplified Chinese (青岛). */
static const struct font_file chains[FACE_COUNT][FONTS_CHAIN_MAX] = {
    [FACE_SANS] = {{"NotoSans-Regular.ttf", 0}, {"NotoSansCJK-Regular.ttc", 2}},
    [FACE_SANS_BOLD] = {{"NotoSans-Bold.ttf", 0}, {"NotoSansCJK-Bold.ttc", 2}},
    [FACE_SERIF_BOLD] = {{"NotoSerif-Bold.ttf", 0}, {"NotoSerifCJK-Bold.ttc", 2}},
};

struct open_font {
	int face, slot, px;
	TTF_Font *font;
};

struct fonts {
	char path[FACE_COUNT][FONTS_CHAIN_MAX][512];
	int length[FACE_COUNT];
	struct open_font open[FONTS_MAX_OPEN];
	int n_open;
};

static bool readable(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f)
		fclose(f);
	return f != NULL;
}

/* Looks for file in dirs, then the usual places; writes the path found. */
static bool find(const char *file, const char *const *dirs, size_t n, char *out, size_t size)
{
	for (size_t i = 0; i < n; i++) {
		snprintf(out, size, "%s/%s", dirs[i], file);
		if (readable(out))
			return true;
	}
	char *base = SDL_GetBasePath();
	snprintf(out, size, "%s../assets/fonts/%s", base ? base : "", file);
	SDL_free(base);
	if (readable(out))
		return true;
	const char *system[] = {TWINHALL_DATADIR "/assets/fonts", "/usr/share/fonts/truetype/noto",
	                        "/usr/share/fonts/opentype/noto"};
	for (size_t i = 0; i < sizeof system / sizeof system[0]; i++) {
		snprintf(out, size, "%s/%s", system[i], file);
		if (readable(out))
			return true;
	}
	return false;
}

struct fonts *fonts_new(const char *const *dirs, size_t n)
{
	struct fonts *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	for (int face = 0; face < FACE_COUNT; face++) {
		for (int s = 0; s < FONTS_CHAIN_MAX && chains[face][s].name; s++) {
			char *out = f->path[face][f->length[face]];
			if (find(chains[face][s].name, dirs, n, out, sizeof f->path[0][0]))
				f->length[face]++;
			else if (s == 0)
				goto missing;
		}
	}
	return f;
missing:
	fprintf(stderr, "<3>twinhall: no font file found for the text (install fonts-noto-core)\n");
	free(f);
	return NULL;
}

void fonts_free(struct fonts *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->n_open; i++)
		TTF_CloseFont(f->open[i].font);
	free(f);
}

int fonts_chain_length(const struct fonts *f, enum text_face face)
{
	return f->length[face];
}

const char *fonts_path(const struct fonts *f, enum text_face face, int slot)
{
	return slot >= 0 && slot < f->length[face] ? f->path[face][slot] : "";
}

/* The collection index of the file in slot (slots skip missing files). */
static int face_index(const struct fonts *f, enum text_face face, int slot)
{
	const char *path = f->path[face][slot];
	for (int s = 0; s < FONTS_CHAIN_MAX && chains[face][s].name; s++) {
		size_t pl = strlen(path), nl = strlen(chains[face][s].name);
		if (pl >= nl && strcmp(path + pl - nl, chains[face][s].name) == 0)
			return chains[face][s].index;
	}
	return 0;
}

TTF_Font *fonts_get(struct fonts *f, enum text_face face, int slot, int px)
{
	if (slot < 0 || slot >= f->length[face])
		return NULL;
	for (int i = 0; i < f->n_open; i++)
		if (f->open[i].face == (int)face && f->open[i].slot == slot && f->open[i].px == px)
			return f->open[i].font;
	if (f->n_open == FONTS_MAX_OPEN) { /* rare: sizes changed many times */
		TTF_CloseFont(f->open[0].font);
		memmove(&f->open[0], &f->open[1], sizeof f->open[0] * (FONTS_MAX_OPEN - 1));
		f->n_open--;
	}
	TTF_Font *font = TTF_OpenFontIndex(f->path[face][slot], px, face_index(f, face, slot));
	if (!font) {
		fprintf(stderr, "<3>twinhall: cannot open font %s: %s\n", f->path[face][slot],
		        TTF_GetError());
		return NULL;
	}
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	f->open[f->n_open++] = (struct open_font){(int)face, slot, px, font};
	return font;
}

bool fonts_covers(struct fonts *f, enum text_face face, int slot, uint32_t cp)
{
	/* Coverage does not depend on the size: ask the font at a fixed one. */
	TTF_Font *font = fonts_get(f, face, slot, 24);
	return font && TTF_GlyphIsProvided32(font, cp);
}
