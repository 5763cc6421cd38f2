#include "image_decode.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

#include "exif.h"
#include "image_info.h"
#include "jpeg_decode.h"
#include "orient.h"

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

/* The smallest upright size that still fills box for fit, for an upright
 * image of ow x oh: never larger than the image itself. */
static void needed_size(int ow, int oh, int w, int h, enum image_fit fit, int *nw, int *nh)
{
	double sx = (double)w / ow, sy = (double)h / oh;
	double s = fit == IMAGE_COVER ? (sx > sy ? sx : sy) : (sx < sy ? sx : sy);
	if (s > 1)
		s = 1;
	*nw = (int)(ow * s + 0.999);
	*nh = (int)(oh * s + 0.999);
}

/* Decoded pixels, ARGB8888, owned either by a malloc'd buffer or a surface. */
struct pixels {
	Uint8 *data;
	int w, h, pitch;
	void *buffer;         /* free()d when done, or NULL */
	SDL_Surface *surface; /* freed when done, or NULL */
};

static void pixels_free(struct pixels *p)
{
	free(p->buffer);
	SDL_FreeSurface(p->surface);
	*p = (struct pixels){0};
}

/* A JPEG through libjpeg-turbo: decoded at the smallest DCT scale that still
 * covers the size it is shown at, then turned upright by its EXIF
 * orientation. *incomplete is set for a file without its end (half-copied). */
static int decode_jpeg(const unsigned char *data, size_t len, int w, int h, enum image_fit fit,
                       struct pixels *out, bool *incomplete, char *err, size_t err_size)
{
	struct image_info info;
	int orientation = exif_orientation(data, len), ow, oh, nw, nh, dw, dh;
	if (image_info_parse(data, len, &info) != IMAGE_INFO_OK) {
		snprintf(err, err_size, "cannot read the JPEG's header");
		return -1;
	}
	exif_oriented_size(orientation, info.width, info.height, &ow, &oh);
	needed_size(ow, oh, w, h, fit, &nw, &nh);
	if (orientation >= 5) { /* the stored image is on its side */
		int t = nw;
		nw = nh;
		nh = t;
	}
	uint32_t *px = NULL;
	enum jpeg_status st = jpeg_decode(data, len, nw, nh, &px, &dw, &dh, err, err_size);
	*incomplete = st == JPEG_INCOMPLETE;
	if (st != JPEG_OK)
		return -1;
	exif_oriented_size(orientation, dw, dh, &ow, &oh);
	if (orientation > 1) {
		uint32_t *up = malloc((size_t)ow * (size_t)oh * 4);
		if (!up) {
			free(px);
			snprintf(err, err_size, "out of memory for a %dx%d image", ow, oh);
			return -1;
		}
		orient_pixels(px, dw, dh, orientation, up);
		free(px);
		px = up;
	}
	*out = (struct pixels){(Uint8 *)px, ow, oh, ow * 4, px, NULL};
	return 0;
}

static int decode_raw(const void *data, size_t len, int w, int h, enum image_fit fit,
                      struct pixels *out, bool *incomplete, char *err, size_t err_size)
{
	const char *type = sniff_type(data, len);
	if (!type) {
		snprintf(err, err_size, "not a JPEG, PNG or WebP image");
		return -1;
	}
	if (strcmp(type, "JPG") == 0)
		return decode_jpeg(data, len, w, h, fit, out, incomplete, err, err_size);
	SDL_RWops *rw = SDL_RWFromConstMem(data, (int)len);
	SDL_Surface *raw = rw ? IMG_LoadTyped_RW(rw, 1, type) : NULL;
	if (!raw) {
		snprintf(err, err_size, "cannot decode the image: %s", IMG_GetError());
		return -1;
	}
	SDL_Surface *argb = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
	SDL_FreeSurface(raw);
	if (!argb) {
		snprintf(err, err_size, "out of memory converting the image");
		return -1;
	}
	*out = (struct pixels){argb->pixels, argb->w, argb->h, argb->pitch, NULL, argb};
	return 0;
}

SDL_Surface *image_decode(const void *data, size_t len, int w, int h, enum image_fit fit,
                          bool *incomplete, char *err, size_t err_size)
{
	*incomplete = false;
	if (len > INT32_MAX) {
		snprintf(err, err_size, "the file is too large");
		return NULL;
	}
	struct pixels src;
	if (decode_raw(data, len, w, h, fit, &src, incomplete, err, err_size) != 0)
		return NULL;
	struct rect box = {0, 0, w, h};
	struct rect crop = {0, 0, src.w, src.h};
	int dw = w, dh = h;
	if (fit == IMAGE_COVER) {
		crop = layout_cover(src.w, src.h, box);
	} else {
		struct rect r = layout_contain(src.w, src.h, box);
		dw = r.w > 0 ? r.w : 1;
		dh = r.h > 0 ? r.h : 1;
	}
	SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, dw, dh, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!dst) {
		snprintf(err, err_size, "out of memory for a %dx%d image", dw, dh);
		pixels_free(&src);
		return NULL;
	}
	const Uint8 *origin = src.data + (size_t)crop.y * (size_t)src.pitch + (size_t)crop.x * 4;
	if (scale_pixels(origin, crop.w, crop.h, src.pitch, dst->pixels, dw, dh, dst->pitch) != 0) {
		snprintf(err, err_size, "out of memory resizing the image");
		SDL_FreeSurface(dst);
		dst = NULL;
	}
	pixels_free(&src);
	return dst;
}
