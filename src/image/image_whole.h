/* image_whole: whether an image file is all there, told from its ends: a
 * JPEG ends with its end marker (zero padding allowed; or, walked to, its
 * image's end marker is followed by a trailer or a video), a PNG with its IEND
 * chunk, a WebP's RIFF length fits the file, a HEIC's chain of boxes ends
 * at its end. The loader asks
 * it of every image, so a photo cut short while copying is a located error
 * for staff, not a placeholder on the wall. Reads a few bytes with pread. */
#ifndef TWINHALL_IMAGE_WHOLE_H
#define TWINHALL_IMAGE_WHOLE_H

#include <stdint.h>

#include "image/image_info.h"

enum image_whole {
	IMAGE_WHOLE,   /* the file holds the whole image */
	IMAGE_CUT,     /* it ends before the image does */
	IMAGE_DAMAGED, /* not a format looked at */
};

/* Looks at the end of the open image file fd of size bytes (a few KB read
 * with pread: cheap for every photo of every reload), whose header said
 * format f. fd's offset is not used or changed. */
enum image_whole image_whole_fd(int fd, enum image_info_format f, uint64_t size);

#endif
