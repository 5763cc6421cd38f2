/* rects_around: the backdrop's rectangles around the pictures cover every
 * pixel of the area outside them exactly once and none inside them, for
 * pictures side by side (a swipe), overlapping, sticking out, missing. */
#include <string.h>

#include "rects.h"
#include "test.h"

static int failures_;

enum { AW = 64, AH = 40 };

/* Paints the output and the holes into a grid and checks it. */
static void check_cover(struct rect area, const struct rect *holes, int n)
{
	struct rect out[RECTS_AROUND_MAX];
	int k = rects_around(area, holes, n, out);
	CHECK(k >= 0 && k <= RECTS_AROUND_MAX);
	static unsigned char fill[AH][AW], hole[AH][AW];
	memset(fill, 0, sizeof fill);
	memset(hole, 0, sizeof hole);
	for (int i = 0; i < n; i++)
		for (int y = holes[i].y; y < holes[i].y + holes[i].h; y++)
			for (int x = holes[i].x; x < holes[i].x + holes[i].w; x++)
				if (x >= 0 && x < AW && y >= 0 && y < AH)
					hole[y][x] = 1;
	for (int i = 0; i < k; i++) {
		CHECK(out[i].w > 0 && out[i].h > 0);
		for (int y = out[i].y; y < out[i].y + out[i].h; y++)
			for (int x = out[i].x; x < out[i].x + out[i].w; x++) {
				CHECK(x >= area.x && x < area.x + area.w && y >= area.y &&
				      y < area.y + area.h);
				if (x >= 0 && x < AW && y >= 0 && y < AH)
					fill[y][x]++;
			}
	}
	int bad = 0;
	for (int y = area.y; y < area.y + area.h; y++)
		for (int x = area.x; x < area.x + area.w; x++)
			bad += fill[y][x] != (hole[y][x] ? 0 : 1);
	CHECK_INT(bad, 0);
}

static void test_around(void)
{
	struct rect area = {0, 0, AW, AH};
	check_cover(area, NULL, 0);
	struct rect one[] = {{8, 0, 48, 40}}; /* a letterboxed photo */
	check_cover(area, one, 1);
	struct rect swipe[] = {{-20, 5, 50, 30}, {36, 0, 44, 40}}; /* two, sliding */
	check_cover(area, swipe, 2);
	struct rect overlap[] = {{10, 10, 30, 20}, {20, 5, 30, 10}};
	check_cover(area, overlap, 2);
	struct rect outside[] = {{100, 100, 5, 5}, {0, 0, AW, AH}};
	check_cover(area, outside, 2);
	struct rect inner = {4, 3, 50, 30};
	check_cover(inner, swipe, 2);
	struct rect out[RECTS_AROUND_MAX];
	CHECK_INT(rects_around(area, one, 1, out), 2); /* the bars either side */
}

int main(void)
{
	RUN(test_around);
	return failures_ != 0;
}
