/* scale: good-quality resizing of 32-bit pixels (any channel order): an area
 * average when shrinking, so fine detail does not shimmer, and bilinear
 * when enlarging. Pure; runs on worker threads. */
#ifndef TWINHALL_SCALE_H
#define TWINHALL_SCALE_H

#include <stdint.h>

/* Resizes the sw x sh image at src (pitch spitch bytes) to dw x dh at dst
 * (pitch dpitch). Returns 0, or -1 when out of memory or sizes are not
 * positive (dst is then untouched). */
int scale_pixels(const uint8_t *src, int sw, int sh, int spitch, uint8_t *dst, int dw, int dh,
                 int dpitch);

#endif
