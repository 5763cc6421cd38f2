/* heic_decode: a HEIC photo (HEVC-coded HEIF, as phones save them) through
 * libheif, its rows handed to a resize as they are converted, then turned
 * upright: by the file's irot and imir, or by its EXIF orientation when it
 * has neither (heif-enc keeps a JPEG's EXIF). Worker threads. */
#ifndef TWINHALL_HEIC_DECODE_H
#define TWINHALL_HEIC_DECODE_H

#include <stddef.h>

#include "image/resize.h"

/* Decodes data[0..len) into r (its box and fit set; its orientation is set
 * here); 0, or -1 with words for staff in err. */
int heic_decode(const unsigned char *data, size_t len, struct resize *r, char *err,
                size_t err_size);

#endif
