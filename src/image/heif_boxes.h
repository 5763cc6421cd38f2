/* heif_boxes: what the boxes of a HEIF file (the HEIC photos of iPhones and
 * other phones) say before any decoding: whether its brand is one we
 * decode (HEVC-coded HEIF, not AVIF), the size of its largest image (ispe)
 * and how it is turned to be shown (irot and imir), read from its first
 * bytes; and, from the file's box headers, whether it is all there. Pure
 * and bounds-checked, like exif: files are hostile. */
#ifndef TWINHALL_HEIF_BOXES_H
#define TWINHALL_HEIF_BOXES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum heif_boxes_brand {
	HEIF_BOXES_NONE, /* no ftyp box: not an ISO media file */
	HEIF_BOXES_HEIC, /* HEVC-coded: heic, heix, heim, heis, or mif1 that lists one */
	HEIF_BOXES_AVIF, /* AV1-coded: named, not shown */
	HEIF_BOXES_OTHER,
};

/* The brand of the file starting with b[0..len). */
enum heif_boxes_brand heif_boxes_brand(const unsigned char *b, size_t len);

struct heif_boxes {
	int width, height; /* the largest ispe: the stored image, before turning */
	int orientation;   /* as EXIF's (1..8) from irot and imir; 0: neither is there */
};

/* Reads the meta box in b[0..len) (the file's first bytes): false when it
 * is not there whole or has no image size. */
bool heif_boxes_parse(const unsigned char *b, size_t len, struct heif_boxes *out);

/* Reads a box header at off of a file of size bytes through read (which
 * reads n bytes at an offset, returning how many): the whole file is a
 * chain of top-level boxes, so it is all there when the chain ends exactly
 * at its end. */
bool heif_boxes_whole(uint64_t size, size_t (*read)(void *ctx, void *buf, size_t n, uint64_t at),
                      void *ctx);

#endif
