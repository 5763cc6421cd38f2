#include "image/image_decode.h"

#include "base/i18n.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

#include "base/bigalloc.h"
#include "image/exif.h"
#include "image/heic_decode.h"
#include "image/image_info.h"
#include "image/jpeg_decode.h"
#include "image/png_chunks.h"
#include "image/png_decode.h"
#include "image/resize.h"

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
	case IMAGE_INFO_HEIC:
		return "HEIC";
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

static int jpeg_begin(void *ctx, int w, int h, bool one_scan)
{
	(void)one_scan;
	return resize_begin(ctx, w, h);
}

static bool jpeg_row(void *ctx, const uint32_t *row)
{
	return resize_row(ctx, row);
}

/* A JPEG through libjpeg-turbo, from data (when not NULL) or else the
 * file open as fd, len bytes: decoded at the smallest DCT scale that still
 * covers the size it is shown at, then turned upright by its EXIF
 * orientation. *incomplete is set for a file without its end (half-copied). */
static int decode_jpeg(const unsigned char *data, int fd, size_t len, struct resize *r,
                       bool *incomplete, char *err, size_t err_size)
{
	struct image_info info;
	int ow, oh, nw, nh;
	enum image_info_err e =
	    data ? image_info_parse(data, len, &info) : image_info_read(fd, &info);
	if (e != IMAGE_INFO_OK) {
		snprintf(err, err_size, _("cannot read the JPEG's header"));
		return -1;
	}
	r->orientation = data ? exif_orientation(data, len) : exif_orientation_fd(fd, len);
	exif_oriented_size(r->orientation, info.width, info.height, &ow, &oh);
	needed_size(ow, oh, r->w, r->h, r->fit, &nw, &nh);
	if (r->orientation >= 5) { /* the stored image is on its side */
		int t = nw;
		nw = nh;
		nh = t;
	}
	struct jpeg_sink sink = {jpeg_begin, jpeg_row, r, NULL};
	enum jpeg_status st = data ? jpeg_decode(data, len, nw, nh, &sink, err, err_size)
	                           : jpeg_decode_fd(fd, len, nw, nh, &sink, err, err_size);
	*incomplete = st == JPEG_INCOMPLETE;
	return st == JPEG_OK ? 0 : -1;
}

/* WebP through SDL_image, which decodes the whole image; its rows are
 * converted to ARGB8888 one at a time on their way to the scaler. */
static int decode_webp(SDL_RWops *rw, struct resize *r, char *err, size_t err_size)
{
	/* That format's own loader: IMG_LoadTyped_RW tries every format's magic
	 * first, so a WebP with "<svg" in its first bytes went to the SVG
	 * parser (found by fuzz_image_info). */
	SDL_Surface *raw = rw ? IMG_LoadWEBP_RW(rw) : NULL;
	if (rw)
		SDL_RWclose(rw);
	if (!raw) {
		snprintf(err, err_size,
		         _("the %s picture is damaged or cut short; open it in a photo editor and "
		           "save it again"),
		         "WebP");
		return -1;
	}
	r->alpha = raw->format->Amask != 0 || SDL_HasColorKey(raw);
	if (SDL_ISPIXELFORMAT_INDEXED(raw->format->format)) { /* no per-row conversion */
		SDL_Surface *argb = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
		SDL_FreeSurface(raw);
		raw = argb;
	}
	uint32_t *row = raw ? malloc((size_t)raw->w * 4) : NULL;
	int first = row ? resize_begin(r, raw->w, raw->h) : -1; /* rows above a crop: none */
	int rc = first >= 0 ? 0 : -1;
	bool more = true;
	for (int y = first; rc == 0 && more && y < raw->h; y++) {
		const Uint8 *src = (const Uint8 *)raw->pixels + (size_t)y * (size_t)raw->pitch;
		rc = SDL_ConvertPixels(raw->w, 1, raw->format->format, src, raw->pitch,
		                       SDL_PIXELFORMAT_ARGB8888, row, raw->w * 4);
		more = rc == 0 && resize_row(r, row);
	}
	if (rc != 0)
		snprintf(err, err_size, _("out of memory decoding the image"));
	free(row);
	SDL_FreeSurface(raw);
	return rc;
}

/* True when some pixel of s (ARGB8888) is not fully opaque. */
static bool translucent(const SDL_Surface *s)
{
	for (int y = 0; y < s->h; y++) {
		const uint32_t *row =
		    (const uint32_t *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
		for (int x = 0; x < s->w; x++)
			if (row[x] < 0xff000000u)
				return true;
	}
	return false;
}

static SDL_Surface *finish(struct resize *r, int rc, char *err, size_t err_size);

/* The words for staff when a PNG's chunks are not whole. */
static void png_chunks_error(enum png_chunks_status png, bool *incomplete, char *err,
                             size_t err_size)
{
	*incomplete = png == PNG_CHUNKS_CUT;
	snprintf(err, err_size, "%s",
	         *incomplete ? _("the PNG file ends early (still being copied?)")
	                     : _("the PNG file is damaged"));
}

/* 0 for a PNG decoded whole, else -1, *incomplete set when it was cut. */
static int png_result(enum png_decode_status st, bool *incomplete)
{
	*incomplete = st == PNG_DECODE_INCOMPLETE;
	return st == PNG_DECODE_OK ? 0 : -1;
}

/* image_decode; owned, when not NULL, is data, freed when no longer needed. */
static SDL_Surface *decode(const void *data, size_t len, void *owned, int w, int h,
                           enum image_fit fit, bool *incomplete, char *err, size_t err_size)
{
	*incomplete = false;
	const char *type = len > INT32_MAX ? NULL : sniff_type(data, len);
	if (!type) {
		snprintf(err, err_size, "%s",
		         len > INT32_MAX ? _("the file is too large")
		                         : _("not a JPEG, PNG, WebP or HEIC image"));
		big_free(owned);
		return NULL;
	}
	enum png_chunks_status png =
	    strcmp(type, "PNG") == 0 ? png_chunks_check(data, len) : PNG_CHUNKS_OK;
	if (png != PNG_CHUNKS_OK) { /* never let libpng read past the end */
		png_chunks_error(png, incomplete, err, err_size);
		big_free(owned);
		return NULL;
	}
	struct resize r = {.w = w, .h = h, .fit = fit, .orientation = 1};
	int rc;
	if (strcmp(type, "JPG") == 0)
		rc = decode_jpeg(data, -1, len, &r, incomplete, err, err_size);
	else if (strcmp(type, "HEIC") == 0)
		rc = heic_decode(data, len, &r, err, err_size);
	else if (strcmp(type, "PNG") == 0)
		rc = png_result(png_decode_mem(data, len, &r, err, err_size), incomplete);
	else
		rc = decode_webp(SDL_RWFromConstMem(data, (int)len), &r, err, err_size);
	big_free(owned);
	return finish(&r, rc, err, err_size);
}

/* The result of a decode into r that returned rc. */
static SDL_Surface *finish(struct resize *r, int rc, char *err, size_t err_size)
{
	SDL_Surface *out = NULL;
	bool alpha = r->alpha;
	if (rc == 0 && !resize_complete(r))
		snprintf(err, err_size, _("the image ends before all its rows"));
	else if (rc == 0 && !(out = resize_end(r)))
		snprintf(err, err_size, _("out of memory turning the image upright"));
	resize_free(r);
	if (out && !(alpha && translucent(out)))
		SDL_SetSurfaceBlendMode(out, SDL_BLENDMODE_NONE);
	return out;
}

SDL_Surface *image_decode(const void *data, size_t len, int w, int h, enum image_fit fit,
                          bool *incomplete, char *err, size_t err_size)
{
	return decode(data, len, NULL, w, h, fit, incomplete, err, err_size);
}

SDL_Surface *image_decode_take(void *data, size_t len, int w, int h, enum image_fit fit,
                               bool *incomplete, char *err, size_t err_size)
{
	return decode(data, len, data, w, h, fit, incomplete, err, err_size);
}

SDL_Surface *image_decode_png_fd(int fd, size_t len, int w, int h, enum image_fit fit,
                                 bool *incomplete, char *err, size_t err_size)
{
	*incomplete = false;
	enum png_chunks_status png = png_chunks_check_fd(fd, len);
	if (png != PNG_CHUNKS_OK) {
		png_chunks_error(png, incomplete, err, err_size);
		return NULL;
	}
	struct resize r = {.w = w, .h = h, .fit = fit, .orientation = 1};
	int rc = png_result(png_decode_fd(fd, len, &r, err, err_size), incomplete);
	return finish(&r, rc, err, err_size);
}

SDL_Surface *image_decode_jpeg_fd(int fd, size_t len, int w, int h, enum image_fit fit,
                                  bool *incomplete, char *err, size_t err_size)
{
	*incomplete = false;
	struct resize r = {.w = w, .h = h, .fit = fit, .orientation = 1};
	int rc = decode_jpeg(NULL, fd, len, &r, incomplete, err, err_size);
	return finish(&r, rc, err, err_size);
}
