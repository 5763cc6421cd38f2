#include "image/resize.h"

#include "base/bigalloc.h"
#include "image/orient.h"

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
	r->scaler = scaler_new(r->crop.w, r->crop.h, r->out, ow, oh, r->pitch);
	if (!r->scaler)
		return -1;
	scaler_rows_needed(r->scaler, &r->first, &r->end);
	r->y = r->crop.y + r->first;
	return r->y;
}

bool resize_row(struct resize *r, const uint32_t *row)
{
	int sy = r->y++ - r->crop.y;
	if (sy >= r->first && sy < r->end)
		scaler_push(r->scaler, (const uint8_t *)(row + r->crop.x));
	return sy + 1 < r->end;
}

bool resize_complete(const struct resize *r)
{
	return r->scaler && scaler_done(r->scaler);
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
	scaler_free(r->scaler);
	r->scaler = NULL;
	big_free(r->stored);
	r->stored = NULL;
	SDL_FreeSurface(r->surface);
	r->surface = NULL;
}
