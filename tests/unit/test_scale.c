/* Resizing pixels: averages when shrinking, exact on flat colour, sizes kept. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scale.h"
#include "test.h"

static int failures_;

/* The whole sw x sh image at src (pitch spitch) resized to dw x dh at dst,
 * its rows pushed as a decoder would; -1 when the scaler refuses. */
static int scale_pixels(const uint8_t *src, int sw, int sh, int spitch, uint8_t *dst, int dw,
                        int dh, int dpitch)
{
	struct scaler *s = scaler_new(sw, sh, dst, dw, dh, dpitch);
	if (!s)
		return -1;
	for (int y = 0; y < sh; y++)
		scaler_push(s, src + (size_t)y * (size_t)spitch);
	scaler_free(s);
	return 0;
}

static void test_flat_colour_stays_exact(void)
{
	uint8_t src[8 * 6 * 4], dst[3 * 2 * 4];
	for (size_t i = 0; i < sizeof src; i += 4) {
		src[i] = 10;
		src[i + 1] = 200;
		src[i + 2] = 77;
		src[i + 3] = 255;
	}
	CHECK_INT(scale_pixels(src, 8, 6, 8 * 4, dst, 3, 2, 3 * 4), 0);
	for (size_t i = 0; i < sizeof dst; i += 4) {
		CHECK_INT(dst[i], 10);
		CHECK_INT(dst[i + 1], 200);
		CHECK_INT(dst[i + 2], 77);
		CHECK_INT(dst[i + 3], 255);
	}
}

static void test_shrink_averages_fine_detail(void)
{
	/* A one-pixel checkerboard halved must become even grey, not keep one
	 * phase of the pattern (which nearest-neighbour would). */
	enum { W = 16, H = 16 };
	uint8_t *src = malloc(W * H * 4), dst[8 * 8 * 4];
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++)
			for (int c = 0; c < 4; c++)
				src[(y * W + x) * 4 + c] = ((x + y) & 1) ? 255 : 0;
	CHECK_INT(scale_pixels(src, W, H, W * 4, dst, 8, 8, 8 * 4), 0);
	for (size_t i = 0; i < sizeof dst; i++)
		CHECK(dst[i] >= 126 && dst[i] <= 129);
	free(src);
}

static void test_enlarge_interpolates(void)
{
	uint8_t src[2 * 1 * 4] = {0, 0, 0, 255, 200, 200, 200, 255}, dst[4 * 1 * 4];
	CHECK_INT(scale_pixels(src, 2, 1, 8, dst, 4, 1, 16), 0);
	CHECK_INT(dst[0], 0); /* ends keep their colour */
	CHECK_INT(dst[12], 200);
	CHECK(dst[4] > 0 && dst[4] < dst[8] && dst[8] < 200); /* in between: a ramp */
}

static void test_bad_sizes_refused(void)
{
	uint8_t px[4] = {1, 2, 3, 4}, out[4] = {9, 9, 9, 9};
	CHECK_INT(scale_pixels(px, 1, 1, 4, out, 0, 1, 4), -1);
	CHECK_INT(scale_pixels(px, 0, 1, 4, out, 1, 1, 4), -1);
	CHECK_INT(out[0], 9);
}

/* Rows are written as soon as their source rows are in: a decoder can feed
 * the scaler row by row without the whole image being kept anywhere. */
static void test_rows_written_as_they_come(void)
{
	enum { SW = 4, SH = 8, DW = 2, DH = 2 };
	uint8_t row[SW * 4], dst[DW * DH * 4];
	memset(dst, 7, sizeof dst);
	struct scaler *s = scaler_new(SW, SH, dst, DW, DH, DW * 4);
	CHECK(s != NULL);
	if (!s)
		return;
	for (int y = 0; y < SH; y++) {
		memset(row, y < SH / 2 ? 40 : 200, sizeof row);
		scaler_push(s, row);
		if (y == SH / 2 - 1) { /* the top half is in: the first row only */
			CHECK_INT(dst[0], 40);
			CHECK_INT(dst[DW * 4], 7);
		}
	}
	CHECK_INT(dst[DW * 4], 200);
	scaler_push(s, row); /* one too many: ignored */
	CHECK_INT(dst[0], 40);
	scaler_free(s);
}

int main(void)
{
	RUN(test_rows_written_as_they_come);
	RUN(test_flat_colour_stays_exact);
	RUN(test_shrink_averages_fine_detail);
	RUN(test_enlarge_interpolates);
	RUN(test_bad_sizes_refused);
	return failures_ != 0;
}
