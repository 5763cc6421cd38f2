#include "image_decode.h"

#include <SDL_image.h>
#include <string.h>

#include "image_info.h"
#include "layout.h"
#include "scale.h"

/* The SDL_image type name for data, from its magic bytes; NULL if none. */
static const char *sniff_type(const unsigned char *p, size_t len)
{
	struct image_info info;
	image_info_parse(p, len, &info);
	switch (info.format) {
	case IMAGE_INFO_JPEG:
		return "JPG";
	case IMAGE_INFO_PNG:
		return "PNG";
	case IMAGE_INFO_WEBP:
		return "WEBP";
	case IMAGE_INFO_NONE:
		break;
	}
	return NULL;
}

static SDL_Surface *decode_raw(const void *data, size_t len, char *err, size_t err_size)
{
	const char *type = sniff_type(data, len);
	if (!type) {
		snprintf(err, err_size, "not a JPEG, PNG or WebP image");
		return NULL;
	}
	SDL_RWops *rw = SDL_RWFromConstMem(data, (int)len);
	SDL_Surface *raw = rw ? IMG_LoadTyped_RW(rw, 1, type) : NULL;
	if (!raw) {
		snprintf(err, err_size, "cannot decode the image: %s", IMG_GetError());
		return NULL;
	}
	SDL_Surface *argb = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
	SDL_FreeSurface(raw);
	if (!argb)
		snprintf(err, err_size, "out of memory converting the image");
	return argb;
}

SDL_Surface *image_decode(const void *data, size_t len, int w, int h, enum image_fit fit, char *err,
                          size_t err_size)
{
	if (len > INT32_MAX) {
		snprintf(err, err_size, "the file is too large");
		return NULL;
	}
	SDL_Surface *src = decode_raw(data, len, err, err_size);
	if (!src)
		return NULL;
	struct rect box = {0, 0, w, h};
	struct rect crop = {0, 0, src->w, src->h};
	int dw = w, dh = h;
	if (fit == IMAGE_COVER) {
		crop = layout_cover(src->w, src->h, box);
	} else {
		struct rect r = layout_contain(src->w, src->h, box);
		dw = r.w > 0 ? r.w : 1;
		dh = r.h > 0 ? r.h : 1;
	}
	SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, dw, dh, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!dst) {
		snprintf(err, err_size, "out of memory for a %dx%d image", dw, dh);
		SDL_FreeSurface(src);
		return NULL;
	}
	const Uint8 *origin =
	    (const Uint8 *)src->pixels + (size_t)crop.y * (size_t)src->pitch + (size_t)crop.x * 4;
	if (scale_pixels(origin, crop.w, crop.h, src->pitch, dst->pixels, dw, dh, dst->pitch) !=
	    0) {
		snprintf(err, err_size, "out of memory resizing the image");
		SDL_FreeSurface(dst);
		dst = NULL;
	}
	SDL_FreeSurface(src);
	return dst;
}
