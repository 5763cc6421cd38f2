/* image_info: the format and pixel size of an image, from its first bytes
 * (magic bytes, never the file name). JPEG, PNG, WebP and HEIC (the HEIF
 * photos of phones) are accepted. */
#ifndef TWINHALL_IMAGE_INFO_H
#define TWINHALL_IMAGE_INFO_H

#include <stddef.h>

enum {
	IMAGE_INFO_HEAD = 64 * 1024,      /* bytes read first */
	IMAGE_INFO_MAX_SIDE = 16384,      /* pixels on a side */
	IMAGE_INFO_MAX_PIXELS = 64 << 20, /* width * height (64 megapixels) */
};

enum image_info_format {
	IMAGE_INFO_NONE,
	IMAGE_INFO_JPEG,
	IMAGE_INFO_PNG,
	IMAGE_INFO_WEBP,
	IMAGE_INFO_HEIC, /* HEVC-coded HEIF */
};

enum image_info_err {
	IMAGE_INFO_OK,
	IMAGE_INFO_UNKNOWN,     /* not an image we know */
	IMAGE_INFO_UNSUPPORTED, /* an image, but not one we show (see other) */
	IMAGE_INFO_TRUNCATED,   /* the file ends inside the header */
	IMAGE_INFO_BAD_HEADER,  /* the header does not make sense */
	IMAGE_INFO_ZERO_SIZE,   /* width or height is 0 */
	IMAGE_INFO_TOO_LARGE,   /* over IMAGE_INFO_MAX_SIDE or IMAGE_INFO_MAX_PIXELS */
	IMAGE_INFO_IO,          /* the file could not be read */
};

struct image_info {
	enum image_info_format format;
	int width, height; /* also set with IMAGE_INFO_TOO_LARGE */
	/* With IMAGE_INFO_UNSUPPORTED: "GIF", "BMP"..., or a kind of a format
	 * we show that cannot be shown, with its article: "a 12-bit JPEG",
	 * "an animated WebP"; static */
	const char *other;
};

/* Reads format and size from the first len bytes of a file. Pure; fills
 * *info (zeroed first) and returns IMAGE_INFO_OK or why not. */
enum image_info_err image_info_parse(const unsigned char *buf, size_t len, struct image_info *info);

/* The same for the open file fd: reads its first IMAGE_INFO_HEAD bytes (and
 * walks a JPEG's markers further when its frame header lies beyond them,
 * behind metadata of any size). fd's offset is not used or changed. */
enum image_info_err image_info_read(int fd, struct image_info *info);

/* Plain words for staff about err, e.g. "is not a JPEG, PNG or WebP image".
 * Static storage. */
const char *image_info_describe(enum image_info_err err);

/* "JPEG", "PNG", "WebP", "HEIC" or "unknown". Static storage. */
const char *image_info_format_name(enum image_info_format f);

#endif
