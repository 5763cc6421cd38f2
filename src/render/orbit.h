/* orbit: burn-in care for a screen that shows the same buttons and headers
 * for months. The whole picture moves by a pixel every few minutes along a
 * path through a small square (radius r), never jumping, so still edges do
 * not stay on the same pixels; a full round takes hours. Pure. */
#ifndef TWINHALL_ORBIT_H
#define TWINHALL_ORBIT_H

#include <stdint.h>

enum { ORBIT_STEP_MS = 6 * 60 * 1000 }; /* one pixel every six minutes */

/* The offset (*dx, *dy), each in -r..r, for step number step (r >= 0);
 * step 0 is (0, 0). */
void orbit_offset(uint64_t step, int r, int *dx, int *dy);

#endif
