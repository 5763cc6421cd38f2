/* deriv_cache: pictures as this screen shows them (a photo at the screen's
 * size, upright), kept in the cache directory, so a start or a photo gone
 * from the texture cache reads screen-size pixels instead of decoding the
 * original again. A file is named by the content bytes' name in the store
 * (their hash and size), the box and fit it was made for and the format's
 * version: a photo whose bytes changed never finds its old derivative. It
 * holds raw pixels behind a header with checksums, so a file cut short,
 * damaged, of another version or made for another box is ignored and
 * deleted (to be written again), never shown. The files stay within a
 * byte budget, least recently used out first; a file's last use is its
 * modification time, so the order outlives a restart. A cache that cannot
 * be written is no cache, said once in the journal. Thread-safe: the
 * loader's workers share one. */
#ifndef TWINHALL_DERIV_CACHE_H
#define TWINHALL_DERIV_CACHE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "image/image_decode.h"

/* The version of the file format, part of every file's name and header. */
#define DERIV_CACHE_VERSION 1

struct deriv_cache;

/* The folder of the derivatives into out: "pictures" in $CACHE_DIRECTORY
 * (systemd's CacheDirectory=; the first when it names several, and shared
 * with Mesa's shader cache), else in $XDG_CACHE_HOME/twinhall, else in
 * ~/.cache/twinhall. -1 when there is none (no HOME) or it does not fit. */
int deriv_cache_dir(char *out, size_t size);

/* The cache in dir (made when missing), holding at most about budget bytes
 * of files. NULL, said once in the journal, when it cannot be used. */
struct deriv_cache *deriv_cache_open(const char *dir, size_t budget);

/* Accepts NULL. No read or write of d may be running. */
void deriv_cache_free(struct deriv_cache *d);

/* Whether file, a name relative to the content's image root, can have
 * derivatives: only a name of the store (hash and size), whose bytes never
 * change; never a path in the content folder. */
bool deriv_cache_keyed(const char *file);

/* The derivative of file for fit into w x h as a new surface the caller
 * frees (as image_decode makes it: RGB888 or ARGB8888, its blend mode
 * set), and marked used; NULL when there is none or it is not whole (then
 * it is deleted). d may be NULL. */
SDL_Surface *deriv_cache_read(struct deriv_cache *d, const char *file, int w, int h,
                              enum image_fit fit);

/* Whether a derivative of file for fit into w x h is there (not read, not
 * checked). d may be NULL. */
bool deriv_cache_has(struct deriv_cache *d, const char *file, int w, int h, enum image_fit fit);

/* Keeps s (32 bits a pixel) as the derivative of file for fit into w x h,
 * deleting the least recently used files the budget has no room for. A
 * warm-up write (warm) deletes no file used since the cache was opened: it
 * is skipped instead, so warming more than fits does not go round in
 * circles. True when written. d may be NULL. */
bool deriv_cache_write(struct deriv_cache *d, const char *file, int w, int h, enum image_fit fit,
                       const SDL_Surface *s, bool warm);

struct deriv_cache_stats {
	size_t files, bytes;     /* held now */
	size_t hits, misses;     /* reads that gave pixels, or none */
	size_t rejected;         /* files found not whole, deleted */
	size_t written, evicted; /* since open */
	bool broken;             /* a write failed: no more are tried */
};

/* The counts at this moment, into *out (zeros for a NULL d). */
void deriv_cache_stats(struct deriv_cache *d, struct deriv_cache_stats *out);

#endif
