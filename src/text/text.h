/* text: fonts, and text lines and wrapped paragraphs measured and
 * rasterised to surfaces with SDL_ttf (text_cache makes them textures). A
 * struct text may be used from several threads: each call holds its lock. */
#ifndef TWINHALL_TEXT_H
#define TWINHALL_TEXT_H

#include <SDL.h>
#include <stddef.h>
#include <stdint.h>

enum text_face { FACE_SANS, FACE_SANS_BOLD, FACE_SERIF_BOLD, FACE_COUNT };

struct text;

/* Finds the font files (from assets/fonts or the system's Noto fonts) for
 * drawing with renderer r (NULL to only measure). NULL with a message on
 * stderr when a face's own font is missing. */
struct text *text_new(SDL_Renderer *r);

/* The same, looking first in the n directories dirs (hall.yaml font_dirs). */
struct text *text_new_dirs(SDL_Renderer *r, const char *const *dirs, size_t n);

struct content;
/* text_new_dirs with the font folders of content c. */
struct text *text_new_for(SDL_Renderer *r, const struct content *c);

/* Closes the fonts. Accepts NULL. */
void text_free(struct text *t);

/* Width in pixels of the len bytes of UTF-8 at s in face at size px. */
int text_width(struct text *t, enum text_face face, int px, const char *s, size_t len);

/* Distance between baselines of two lines of face at size px. */
int text_line_height(struct text *t, enum text_face face, int px);

struct text_style {
	enum text_face face;
	int px;
	SDL_Color color;
	int line_height; /* 0: the font's own */
};

/* s as one ARGB8888 surface with alpha, wrapped to max_w in at most
 * max_lines lines, the last cut with an ellipsis when it needs more
 * (max_w <= 0: one line, no wrapping); lines are st's line height apart.
 * A new surface the caller frees, or NULL when s is empty or cannot be
 * drawn. */
SDL_Surface *text_render_paragraph(struct text *t, const struct text_style *st, const char *s,
                                   int max_w, int max_lines);

/* The size text_render_paragraph's surface for the same arguments has (0 x 0
 * when it would be NULL), from the fonts' metrics: nothing is rasterised.
 * Waits for at most one line the text worker is drawing. */
void text_measure(struct text *t, const struct text_style *st, const char *s, int max_w,
                  int max_lines, int *w, int *h);

/* How many lines s needs at width max_w (to warn where text will be cut,
 * and for the room a paragraph takes), from the fonts' metrics. */
int text_lines_needed(struct text *t, const struct text_style *st, const char *s, int max_w);

/* How many texts were cut with an ellipsis so far (measured or drawn;
 * wrap_lines is called with the lock held), and the start of the last
 * one in last (when not NULL). */
unsigned long text_cuts(struct text *t, char *last, size_t size);

/* The characters of s that no font of face's chain has (each once, with its
 * byte offset), at most cap; returns how many. */
size_t text_missing(struct text *t, enum text_face face, const char *s, uint32_t *cps,
                    size_t *offsets, size_t cap);

#endif
