#include "render/orbit.h"

/* The positions of the square, (2r+1)^2 of them, are walked row by row,
 * every other row backwards, and then the same way back, so each step moves
 * one pixel and the round ends where it began. */
void orbit_offset(uint64_t step, int r, int *dx, int *dy)
{
	uint64_t side = (uint64_t)(2 * r + 1), cells = side * side;
	if (r <= 0) {
		*dx = *dy = 0;
		return;
	}
	/* Step 0 is the centre (row r, column r either way); there and back,
	 * the ends not repeated. */
	uint64_t k = (step + (uint64_t)r * side + (uint64_t)r) % (2 * cells - 2);
	if (k >= cells)
		k = 2 * cells - 2 - k;
	uint64_t row = k / side, col = k % side;
	if (row % 2)
		col = side - 1 - col;
	*dx = (int)col - r;
	*dy = (int)row - r;
}
