/* orient: turns and mirrors 32-bit pixels as an EXIF orientation asks, so a
 * photo taken on its side is shown upright. Pure; runs on worker threads. */
#ifndef TWINHALL_ORIENT_H
#define TWINHALL_ORIENT_H

#include <stdint.h>

/* Writes the w x h pixels at src (tightly packed) to dst transformed for
 * EXIF orientation 1..8: 1 as is, 2 mirrored left-right, 3 turned 180°,
 * 4 mirrored top-bottom, 5 transposed, 6 turned 90° clockwise, 7 transversed,
 * 8 turned 90° counter-clockwise. dst, owned by the caller, must not overlap
 * src and holds the exif_oriented_size() of w x h (h x w for 5..8), packed.
 * Returns 0, or -1 (dst untouched) for a bad orientation or size. */
int orient_pixels(const uint32_t *src, int w, int h, int orientation, uint32_t *dst);

#endif
