/* resize: where a decoder's rows go on their way to the picture shown. The
 * part of the image the box shows is resized row by row as the decoder
 * makes the rows, in the file's stored orientation; the small result is
 * turned upright at the end, so the whole decoded image is never held.
 * Runs on worker threads; no renderer. */
#ifndef TWINHALL_RESIZE_H
#define TWINHALL_RESIZE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "image/image_decode.h"
#include "base/layout.h"
#include "image/scale.h"

struct resize {
	/* Set by the caller before resize_begin: */
	int w, h; /* the box */
	enum image_fit fit;
	int orientation; /* EXIF, 1..8 */
	bool alpha;      /* the source has an alpha channel */
	/* Set by resize_begin: */
	struct rect crop;     /* of the decoded rows, stored orientation */
	int y;                /* the decoded row that comes next */
	SDL_Surface *surface; /* the result, upright */
	uint32_t *stored;     /* the resized rows before turning, orientation > 1 */
	uint8_t *out;         /* where the scalers write: stored or the surface */
	int out_w, out_h, pitch;
	struct scaler *scaler;
	int first, end; /* the cropped source rows the scaler takes */
};

/* The decoder's size is w x h: sets up the crop, the result and one scaler
 * for all rows. Returns how many decoded rows come before the first one
 * wanted (those above a crop), or -1 when out of memory. */
int resize_begin(struct resize *r, int w, int h);

/* Takes decoded row r->y (ARGB8888); false once no later row is wanted. */
bool resize_row(struct resize *r, const uint32_t *row);

/* True when the result has all its rows. */
bool resize_complete(const struct resize *r);

/* After the last row: the result, upright, owned by the caller, or NULL
 * (out of memory). */
SDL_Surface *resize_end(struct resize *r);

/* Frees what r still holds. */
void resize_free(struct resize *r);

#endif
