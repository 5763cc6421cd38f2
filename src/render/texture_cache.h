/* texture_cache: decoded images kept as textures, keyed by (path, w, h,
 * fit). Decoding runs on the cache's own image_loader threads, never on the
 * caller's; the main thread turns finished pixels into textures when woken.
 * Least recently used textures go when over a byte budget; a failure is
 * remembered so a broken file is not read again on every frame. Main thread
 * only (apart from the loader's workers inside). */
#ifndef TWINHALL_TEXTURE_CACHE_H
#define TWINHALL_TEXTURE_CACHE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "image/image_decode.h"

struct texture_cache;

enum texture_state {
	TEXTURE_LOADING, /* asked for, being read or decoded */
	TEXTURE_READY,
	TEXTURE_FAILED, /* unreadable or undecodable; not retried before clear or
	                 * texture_cache_retry_failed */
};

struct texture_cache_stats {
	size_t textures, bytes; /* held now (4 bytes a pixel) */
	size_t loading, failed; /* entries in those states now (loading: with
	                         * the new decodes of changed files) */
	size_t hits, misses;    /* misses: how many images were asked to be decoded */
	size_t evictions;
	size_t derived; /* images made textures from the derivative cache */
};

struct deriv_cache;

/* A cache drawing with r (borrowed: it must outlive the cache) of images
 * below content_root, holding about budget_bytes of textures; wake_event is
 * pushed when decoded pixels wait for texture_cache_take. NULL on failure. */
struct texture_cache *texture_cache_new(SDL_Renderer *r, const char *content_root,
                                        size_t budget_bytes, Uint32 wake_event);

/* Reads images from d when it has them at the size asked for, and keeps
 * decoded ones there (image_loader_use_derivs). d is borrowed: it must
 * outlive the cache. Call before the first image is asked for. */
void texture_cache_use_derivs(struct texture_cache *c, struct deriv_cache *d);

/* Asks for the picture at path for fit into w x h to be kept in the
 * derivative cache, in the background, when it is not there yet
 * (image_loader_warm); nothing when the cache uses none. */
void texture_cache_warm(struct texture_cache *c, const char *path, int w, int h,
                        enum image_fit fit);

/* Stops the decoding threads, destroys every texture, frees the cache.
 * Accepts NULL. */
void texture_cache_free(struct texture_cache *c);

/* The image at path (relative to the content root) decoded for fit into
 * w x h, its size in *tw, *th and what became of it in *state. READY: the
 * texture, owned by the cache and valid until the end of the next frame (see
 * texture_cache_frame) or texture_cache_clear. LOADING: NULL; the decode is
 * asked for once, on the first call. FAILED: NULL, until texture_cache_clear. */
SDL_Texture *texture_cache_get(struct texture_cache *c, const char *path, int w, int h,
                               enum image_fit fit, int *tw, int *th, enum texture_state *state);

/* Asks for the image as texture_cache_get would, without using it (the
 * neighbours of what is on screen); does nothing when it is already known. */
void texture_cache_prefetch(struct texture_cache *c, const char *path, int w, int h,
                            enum image_fit fit);

/* Call on the wake event: turns decoded pixels into textures. True when an
 * entry became READY or FAILED (so the screen should redraw). Results for
 * entries evicted or cleared meanwhile are dropped. While paced, a frame
 * (up to texture_cache_frame) makes only about 2 MB of them textures; the
 * rest is held for the next frames, its entries still LOADING. */
bool texture_cache_take(struct texture_cache *c);

/* Paced (true) while the screen shows a transition, so no frame of it
 * pays for a whole texture; not paced, everything is taken at once. */
void texture_cache_pace(struct texture_cache *c, bool paced);

/* True when decoded pixels are held for later frames (paced). */
bool texture_cache_holding(const struct texture_cache *c);

/* True when, paced, this frame (since texture_cache_frame) already made a
 * texture or put rows in one: the frame has paid for an image. */
bool texture_cache_uploaded(const struct texture_cache *c);

/* Marks the end of a drawn frame (call once per frame); textures not used
 * in this frame or the one before may then be evicted, oldest first, until
 * the cache is within its budget. */
void texture_cache_frame(struct texture_cache *c);

/* Forgets every entry, failures included, and the decodes not yet started
 * (after the content or the renderer changed); texture pointers from
 * texture_cache_get are invalid after it. */
void texture_cache_clear(struct texture_cache *c);

/* The file at path changed: its entries, at every size, are decoded again.
 * Until the new pixels are in, the old picture is still given (READY), and
 * it stays when the new file cannot be shown (still being copied, broken);
 * entries not READY are forgotten and asked for again when next used.
 * These decodes count as loading. Returns how many entries it touched. */
size_t texture_cache_refresh(struct texture_cache *c, const char *path);

/* Forgets the entries that FAILED, so they are read again when next asked
 * for (after a reload: the file may be whole now). Returns how many. */
size_t texture_cache_retry_failed(struct texture_cache *c);

/* The counts at this moment, into *out. */
void texture_cache_stats(const struct texture_cache *c, struct texture_cache_stats *out);

#endif
