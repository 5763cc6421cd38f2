/* text_cache: rendered text kept as textures, so a screen that redraws at
 * 60 fps rasterises a string only on the frame it first appears. Keyed by
 * (string, face, px, colour, line height, wrap width, max lines); least
 * recently used textures go when over a byte budget. Main thread only. */
#ifndef TWINHALL_TEXT_CACHE_H
#define TWINHALL_TEXT_CACHE_H

#include <SDL.h>
#include <stddef.h>

#include "text.h"

struct text_cache;

struct text_cache_stats {
	size_t textures, bytes; /* held now (4 bytes a pixel) */
	size_t hits, misses;    /* misses: how many times text was rasterised */
	size_t evictions;
};

/* A cache drawing with r and the fonts of t (both borrowed: they must
 * outlive the cache), holding about budget_bytes of textures. NULL on
 * failure. */
struct text_cache *text_cache_new(SDL_Renderer *r, struct text *t, size_t budget_bytes);

/* Destroys every texture and frees the cache. Accepts NULL. */
void text_cache_free(struct text_cache *c);

/* s in style st as one texture, wrapped to max_w in at most max_lines lines
 * with an ellipsis beyond (max_w <= 0: one line, no wrapping); its size in
 * *w, *h. NULL with 0 x 0 when s is empty or cannot be drawn. The texture
 * belongs to the cache and stays valid until the end of the next frame
 * (see text_cache_frame) or text_cache_clear, whichever comes first. */
SDL_Texture *text_cache_get(struct text_cache *c, const struct text_style *st, const char *s,
                            int max_w, int max_lines, int *w, int *h);

/* Marks the end of a drawn frame (call once per frame); textures not used
 * in this frame or the one before may then be evicted, oldest first, until
 * the cache is within its budget. */
void text_cache_frame(struct text_cache *c);

/* Destroys every texture, used this frame or not (after the renderer lost
 * its textures, say); pointers from text_cache_get are invalid after it. */
void text_cache_clear(struct text_cache *c);

/* The counts at this moment, into *out. */
void text_cache_stats(const struct text_cache *c, struct text_cache_stats *out);

#endif
