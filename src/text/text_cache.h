/* text_cache: rendered text kept as textures, so a screen that redraws at
 * 60 fps rasterises a string only on the frame it first appears. Keyed by
 * (string, face, px, colour, line height, wrap width, max lines); least
 * recently used textures go when over a byte budget. Main thread only.
 *
 * With a worker (text_cache_start_worker), text can be rasterised off the
 * render thread: asked for ahead (text_cache_prefetch), or, while drawing
 * with text_cache_defer on, asked for by the draw itself, which then knows
 * that its frame lacks text (text_cache_deferred) and can be shown later. */
#ifndef TWINHALL_TEXT_CACHE_H
#define TWINHALL_TEXT_CACHE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "text/text.h"

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

/* The size text_cache_get gives for the same arguments, without
 * rasterising: the texture's when it is drawn, else measured from the
 * fonts' metrics (text_measure) and kept with the key. */
void text_cache_size(struct text_cache *c, const struct text_style *st, const char *s, int max_w,
                     int max_lines, int *w, int *h);

/* Whether the worker is drawing s (asked for and not taken in yet): a
 * text_cache_get now would have to draw it here or wait. */
bool text_cache_pending(struct text_cache *c, const struct text_style *st, const char *s, int max_w,
                        int max_lines);

/* Starts a worker thread rasterising text with the cache's fonts (their
 * lock lets both threads use them); wake_event is pushed when it has text
 * ready (call text_cache_take then). False when it cannot start: all text
 * is then rasterised by text_cache_get, as without a worker. */
bool text_cache_start_worker(struct text_cache *c, Uint32 wake_event);

/* Asks the worker for a text a coming frame will want (the next photo's
 * caption, say), when it is neither cached nor asked for yet. Does nothing
 * without a worker. */
void text_cache_prefetch(struct text_cache *c, const struct text_style *st, const char *s,
                         int max_w, int max_lines);

/* While on (and with a worker), text_cache_get does not rasterise a text it
 * lacks: it asks the worker for it, ahead of prefetches, and returns NULL
 * with 0 x 0. Turning it on or off restarts the count below. */
void text_cache_defer(struct text_cache *c, bool on);

/* How many texts text_cache_get lacked since text_cache_defer last changed:
 * 0 means everything drawn since then was complete. */
size_t text_cache_deferred(const struct text_cache *c);

/* Takes in the text the worker finished; returns how many asked-for texts
 * arrived (a frame lacking them can be drawn again). */
size_t text_cache_take(struct text_cache *c);

/* Marks the end of a drawn frame (call once per frame); textures not used
 * in this frame or the one before may then be evicted, oldest first, until
 * the cache is within its budget. The worker starts on the texts asked for
 * in the frame only now, so it does not slow the frame's drawing. */
void text_cache_frame(struct text_cache *c);

/* Destroys every texture, used this frame or not (after the renderer lost
 * its textures, say); pointers from text_cache_get are invalid after it. */
void text_cache_clear(struct text_cache *c);

/* The counts at this moment, into *out. */
void text_cache_stats(const struct text_cache *c, struct text_cache_stats *out);

#endif
