/* EXIF orientation transforms: a 3x2 image with distinct pixels, every
 * value, exact positions. */
#include <stdint.h>

#include "image/exif.h"
#include "image/orient.h"
#include "test.h"

static int failures_;

/* The source, as it is stored:  A B C
 *                               D E F */
enum { A = 0xA, B = 0xB, C = 0xC, D = 0xD, E = 0xE, F = 0xF };
static const uint32_t src[6] = {A, B, C, D, E, F};

/* Expected output for each orientation, rows top to bottom. */
static const struct {
	int w, h;
	uint32_t px[6];
} want[9] = {
    [1] = {3, 2, {A, B, C, D, E, F}}, /* as stored */
    [2] = {3, 2, {C, B, A, F, E, D}}, /* mirrored left-right */
    [3] = {3, 2, {F, E, D, C, B, A}}, /* half turn */
    [4] = {3, 2, {D, E, F, A, B, C}}, /* mirrored top-bottom */
    [5] = {2, 3, {A, D, B, E, C, F}}, /* transposed */
    [6] = {2, 3, {D, A, E, B, F, C}}, /* quarter turn clockwise */
    [7] = {2, 3, {F, C, E, B, D, A}}, /* transversed */
    [8] = {2, 3, {C, F, B, E, A, D}}, /* quarter turn counter-clockwise */
};

static void test_every_orientation(void)
{
	for (int o = 1; o <= 8; o++) {
		uint32_t dst[6] = {0};
		int w, h;
		exif_oriented_size(o, 3, 2, &w, &h);
		CHECK_INT(w, want[o].w);
		CHECK_INT(h, want[o].h);
		CHECK_INT(orient_pixels(src, 3, 2, o, dst), 0);
		for (int i = 0; i < 6; i++) {
			if (dst[i] != want[o].px[i])
				printf("  orientation %d, pixel %d\n", o, i);
			CHECK_INT(dst[i], want[o].px[i]);
		}
	}
}

static void test_six_then_eight_is_identity(void)
{
	uint32_t turned[6], back[6];
	CHECK_INT(orient_pixels(src, 3, 2, 6, turned), 0);
	CHECK_INT(orient_pixels(turned, 2, 3, 8, back), 0);
	CHECK(memcmp(back, src, sizeof src) == 0);
}

static void test_one_pixel_wide(void)
{
	const uint32_t col[3] = {1, 2, 3};
	uint32_t dst[3];
	CHECK_INT(orient_pixels(col, 1, 3, 6, dst), 0); /* column becomes a row */
	CHECK_INT(dst[0], 3);
	CHECK_INT(dst[1], 2);
	CHECK_INT(dst[2], 1);
}

static void test_bad_arguments(void)
{
	uint32_t dst[6] = {7, 7, 7, 7, 7, 7};
	CHECK_INT(orient_pixels(src, 3, 2, 0, dst), -1);
	CHECK_INT(orient_pixels(src, 3, 2, 9, dst), -1);
	CHECK_INT(orient_pixels(src, 0, 2, 1, dst), -1);
	CHECK_INT(orient_pixels(src, 3, -1, 1, dst), -1);
	CHECK_INT(orient_pixels(NULL, 3, 2, 1, dst), -1);
	CHECK_INT(dst[0], 7);
}

int main(void)
{
	RUN(test_every_orientation);
	RUN(test_six_then_eight_is_identity);
	RUN(test_one_pixel_wide);
	RUN(test_bad_arguments);
	return failures_ != 0;
}
