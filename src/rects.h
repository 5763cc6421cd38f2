/* rects: arithmetic on screen rectangles. Pure. */
#ifndef TWINHALL_RECTS_H
#define TWINHALL_RECTS_H

#include "layout.h"

/* Holes at most; the rectangles around them at most: a band between each
 * two hole edges, a gap between each two holes in it. */
enum { RECTS_MAX_HOLES = 2, RECTS_AROUND_MAX = (2 * RECTS_MAX_HOLES + 1) * (RECTS_MAX_HOLES + 1) };

/* The part of area not covered by holes[0..n) (n at most RECTS_MAX_HOLES;
 * holes may overlap each other and stick out of area), as rectangles that
 * do not overlap, written to out (room for RECTS_AROUND_MAX); returns how
 * many. They and the holes cover all of area, and they cover no pixel of a
 * hole. For drawing a backdrop only where the pictures over it leave it
 * seen. */
int rects_around(struct rect area, const struct rect *holes, int n, struct rect *out);

#endif
