#include "image/resize.h"

#include "base/bigalloc.h"
#include "image/orient.h"

/* Makes band b's scaler for output rows y0..y1-1; -1 when out of memory. */
static int make_band(struct resize *r, int b, int y0, int y1)
{
	r->band[b] =
	    scaler_new_band(r->crop.w, r->crop.h, r->out, r->out_w, r->out_h, r->pitch, y0, y1);
	if (!r->band[b])
		return -1;
	scaler_rows_needed(r->band[b], &r->first[b], &r->end[b]);
	return 0;
}

/* The first decoded row any band wants. */
static int first_wanted(const struct resize *r)
{
	int first = r->band[0] ? r->first[0] : r->first[1];
	return r->crop.y + first;
}

/* Central crops commute with turning and mirroring, so the box is only
 * swapped for images stored on their side. */
int resize_begin(struct resize *r, int w, int h)
{
	bool side = r->orientation >= 5;
	struct rect box = {0, 0, side ? r->h : r->w, side ? r->w : r->h};
	int ow = box.w, oh = box.h;
	r->crop = (struct rect){0, 0, w, h};
	if (r->fit == IMAGE_COVER) {
		r->crop = layout_cover(w, h, box);
	} else {
		struct rect fit = layout_contain(w, h, box);
		ow = fit.w > 0 ? fit.w : 1;
		oh = fit.h > 0 ? fit.h : 1;
	}
	/* Without an alpha channel, the same bytes in a format that says so: a
	 * copy into the screen's layers is then a plain copy of rows. */
	r->surface = SDL_CreateRGBSurfaceWithFormat(0, side ? oh : ow, side ? ow : oh, 32,
	                                            r->alpha ? SDL_PIXELFORMAT_ARGB8888
	                                                     : SDL_PIXELFORMAT_RGB888);
	if (!r->surface)
		return -1;
	r->out = r->surface->pixels;
	r->pitch = r->surface->pitch;
	if (r->orientation > 1) {
		r->stored = big_malloc((size_t)ow * (size_t)oh * 4);
		if (!r->stored)
			return -1;
		r->out = (uint8_t *)r->stored;
		r->pitch = ow * 4;
	}
	r->out_w = ow;
	r->out_h = oh;
	r->split = oh;
	if (make_band(r, 0, 0, oh) != 0)
		return -1;
	r->y = first_wanted(r);
	return r->y;
}

int resize_split(struct resize *r, int y)
{
	if (y <= 0 || y >= r->out_h || r->band[1])
		return -1;
	struct scaler *whole = r->band[0];
	if (make_band(r, 0, 0, y) != 0 || make_band(r, 1, y, r->out_h) != 0) {
		scaler_free(r->band[0]);
		r->band[0] = whole;
		scaler_rows_needed(whole, &r->first[0], &r->end[0]);
		return -1;
	}
	scaler_free(whole);
	r->split = y;
	return 0;
}

void resize_drop_band(struct resize *r)
{
	scaler_free(r->band[1]);
	r->band[1] = NULL;
}

int resize_begin_band(struct resize *part, const struct resize *whole, int y)
{
	*part = *whole;
	part->surface = NULL;
	part->stored = NULL;
	part->band[0] = part->band[1] = NULL;
	part->split = y;
	if (make_band(part, 1, y, whole->out_h) != 0)
		return -1;
	part->y = first_wanted(part);
	return part->y;
}

bool resize_row(struct resize *r, const uint32_t *row)
{
	int sy = r->y++ - r->crop.y;
	bool more = false;
	for (int b = 0; b < 2; b++) {
		if (!r->band[b])
			continue;
		if (sy >= r->first[b] && sy < r->end[b])
			scaler_push(r->band[b], (const uint8_t *)(row + r->crop.x));
		more = more || sy + 1 < r->end[b];
	}
	return more;
}

bool resize_complete(const struct resize *r)
{
	for (int b = 0; b < 2; b++)
		if (r->band[b] && !scaler_done(r->band[b]))
			return false;
	return true;
}

SDL_Surface *resize_end(struct resize *r)
{
	SDL_Surface *out = r->surface;
	if (r->stored &&
	    orient_pixels(r->stored, r->out_w, r->out_h, r->orientation, out->pixels) != 0) {
		SDL_FreeSurface(out);
		out = NULL;
	}
	r->surface = NULL;
	return out;
}

void resize_free(struct resize *r)
{
	scaler_free(r->band[0]);
	scaler_free(r->band[1]);
	r->band[0] = r->band[1] = NULL;
	big_free(r->stored);
	r->stored = NULL;
	SDL_FreeSurface(r->surface);
	r->surface = NULL;
}
