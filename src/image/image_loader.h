/* image_loader: worker threads that read and decode images off the render
 * thread. The main thread asks for an image at a size, goes on drawing, and
 * picks the finished pixels up later (woken by an SDL event). */
#ifndef TWINHALL_IMAGE_LOADER_H
#define TWINHALL_IMAGE_LOADER_H

#include <SDL.h>
#include <limits.h>
#include <stdint.h>

#include "image/image_decode.h"
#include "image/offer_board.h"

struct image_loader;

struct image_result {
	uint64_t tag;        /* what the request was for, as given */
	char path[PATH_MAX]; /* relative to the content directory: any path it accepts */
	int w, h;            /* the requested box */
	enum image_fit fit;
	SDL_Surface *surface; /* NULL when the image could not be shown */
	bool incomplete;      /* a JPEG still being copied: not ready, not failed */
	char error[256];      /* why, for the log */
};

/* Starts workers (1..4) threads reading images below the directory root,
 * and helpers more (up to 4 in all) that only take parts of urgent decodes
 * (see jpeg_split), for a core kept for drawing. wake_event is pushed
 * whenever a result is ready. NULL on failure. */
struct image_loader *image_loader_new(const char *root, int workers, int helpers,
                                      Uint32 wake_event);

/* Stops the workers (waiting for a decode in progress, which no longer
 * waits for a file still being copied) and frees all pending requests and
 * results. Accepts NULL. */
void image_loader_free(struct image_loader *l);

/* Asks for path decoded for fit into w x h. An urgent request (the image
 * is on screen now) goes before the others, and a big JPEG's decode is then
 * shared with another worker (see jpeg_split). A request equal to one still
 * waiting or being decoded is dropped; if it is urgent, the waiting one
 * becomes urgent and moves up. */
void image_loader_request(struct image_loader *l, const char *path, int w, int h,
                          enum image_fit fit, uint64_t tag, bool urgent);

/* Forgets requests not yet started (a new screen size makes them stale). */
void image_loader_cancel(struct image_loader *l);

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
