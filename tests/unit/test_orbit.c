/* Burn-in care: the picture's offset stays within the radius, moves at most
 * one pixel a step, visits every position of the square, and comes round
 * to where it began. */
#include <stdlib.h>

#include "render/orbit.h"
#include "test.h"

static int failures_;

static void test_steps_are_one_pixel(void)
{
	for (int r = 1; r <= 4; r++) {
		int side = 2 * r + 1, seen[9][9] = {{0}}, px, py, bad = 0;
		uint64_t round = (uint64_t)(2 * side * side - 2);
		orbit_offset(0, r, &px, &py);
		for (uint64_t s = 1; s <= 2 * round; s++) {
			int x, y;
			orbit_offset(s, r, &x, &y);
			if (abs(x) > r || abs(y) > r || abs(x - px) + abs(y - py) != 1)
				bad++;
			seen[y + r][x + r] = 1;
			px = x;
			py = y;
		}
		CHECK_INT(bad, 0);
		int all = 0;
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++)
				all += seen[y][x];
		CHECK_INT(all, side * side);
		int x0, y0, x1, y1;
		orbit_offset(0, r, &x0, &y0);
		orbit_offset(round, r, &x1, &y1);
		CHECK(x0 == x1 && y0 == y1);
	}
}

static void test_hours_per_round(void)
{
	/* Radius 4: 81 positions there and back, a pixel every 6 minutes. */
	double hours = (2.0 * 81 - 2) * ORBIT_STEP_MS / 3600000.0;
	CHECK(hours > 8 && hours < 24);
	int x, y;
	orbit_offset(12345, 0, &x, &y);
	CHECK(x == 0 && y == 0);
	for (int r = 1; r <= 4; r++) { /* a fresh start shows the picture in place */
		orbit_offset(0, r, &x, &y);
		CHECK(x == 0 && y == 0);
	}
}

int main(void)
{
	RUN(test_steps_are_one_pixel);
	RUN(test_hours_per_round);
	return failures_ != 0;
}
