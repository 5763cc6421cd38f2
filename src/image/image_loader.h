/* image_loader: worker threads that read and decode images off the render
 * thread. The main thread asks for an image at a size, goes on drawing, and
 * picks the finished pixels up later (woken by an SDL event). */
#ifndef TWINHALL_IMAGE_LOADER_H
#define TWINHALL_IMAGE_LOADER_H

#include <SDL.h>
#include <limits.h>
#include <stdint.h>

#include "image/image_decode.h"

struct image_loader;

struct image_result {
	uint64_t tag;        /* what the request was for, as given */
	char path[PATH_MAX]; /* relative to the content directory: any path it accepts */
	int w, h;            /* the requested box */
	enum image_fit fit;
	SDL_Surface *surface; /* NULL when the image could not be shown */
	bool incomplete;      /* a JPEG still being copied: not ready, not failed */
	bool derived;         /* read from the derivative cache, not decoded */
	bool wants_deriv;     /* decoded for the screen now: its derivative is
	                       * written later, by a warm-up job */
	char error[256];      /* why, for the log */
};

struct deriv_cache;

/* Starts workers (1..4) threads reading images below the directory root.
 * wake_event is pushed whenever a result is ready. NULL on failure. */
struct image_loader *image_loader_new(const char *root, int workers, Uint32 wake_event);

/* Stops the workers (waiting for a decode in progress, which no longer
 * waits for a file still being copied) and frees all pending requests and
 * results. Accepts NULL. */
void image_loader_free(struct image_loader *l);

/* Asks for path decoded for fit into w x h. An urgent request (the image
 * is on screen now) goes before the others. A request equal to one still
 * waiting or being decoded is dropped; if it is urgent, the waiting one
 * becomes urgent and moves up. */
void image_loader_request(struct image_loader *l, const char *path, int w, int h,
                          enum image_fit fit, uint64_t tag, bool urgent);

/* From now on, reads an image from d when it has the picture asked for
 * (keyed by a store name, see deriv_cache_keyed) instead of decoding it,
 * and keeps what it decodes there: a neighbour's at once, one on screen
 * later (the first view waits for no write). d is borrowed: it must
 * outlive the loader. Call before the first request. */
void image_loader_use_derivs(struct image_loader *l, struct deriv_cache *d);

/* Asks for the derivative of path for fit into w x h to be made, when the
 * loader uses derivatives and it is not there: decoded and written by a
 * thread of its own, once the loader's other work has been done for a
 * while (WARM_QUIET_MS), never handed back. */
void image_loader_warm(struct image_loader *l, const char *path, int w, int h, enum image_fit fit);

/* Forgets requests not yet started (a new screen size makes them stale). */
void image_loader_cancel(struct image_loader *l);

/* How many requests wait for a worker (not those being decoded). */
size_t image_loader_waiting(struct image_loader *l);

/* Takes one finished result, or NULL when none is ready; the caller frees
 * it with image_result_free. */
struct image_result *image_loader_poll(struct image_loader *l);

/* Frees a result and its surface. Accepts NULL. */
void image_result_free(struct image_result *r);

/* Reads and decodes path below root on the calling thread (screenshots,
 * tools). Never returns NULL: a failure gives a result with no surface. */
struct image_result *image_load_now(const char *root, const char *path, int w, int h,
                                    enum image_fit fit);

#endif
