/* Resizing pixels: averages when shrinking, exact on flat colour, sizes kept. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "image/scale.h"
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

/* A pseudo-random w x h image (4 bytes a pixel), the same for a seed. */
static uint8_t *noise(int w, int h, unsigned seed)
{
	uint8_t *p = malloc((size_t)w * (size_t)h * 4);
	for (size_t i = 0; p && i < (size_t)w * (size_t)h * 4; i++) {
		seed = seed * 1103515245u + 12345u;
		p[i] = (uint8_t)(seed >> 16);
	}
	return p;
}

/* Output row y, channel c of an area average computed in doubles. */
static double reference(const uint8_t *src, int sw, int sh, int dw, int dh, int x, int y, int c)
{
	double sx = (double)sw / dw, sy = (double)sh / dh, sum = 0;
	for (int j = (int)(y * sy); j < sh && j < (y + 1) * sy; j++) {
		double wy = fmin(j + 1, (y + 1) * sy) - fmax(j, y * sy);
		for (int i = (int)(x * sx); i < sw && i < (x + 1) * sx; i++) {
			double wx = fmin(i + 1, (x + 1) * sx) - fmax(i, x * sx);
			sum += src[((size_t)j * (size_t)sw + (size_t)i) * 4 + (size_t)c] * wx * wy;
		}
	}
	return sum / (sx * sy);
}

/* Fixed-point weights stay within one level of the exact area average. */
static void test_shrink_matches_exact_average(void)
{
	enum { SW = 97, SH = 61, DW = 40, DH = 27 };
	uint8_t *src = noise(SW, SH, 7), dst[DW * DH * 4];
	CHECK_INT(scale_pixels(src, SW, SH, SW * 4, dst, DW, DH, DW * 4), 0);
	double worst = 0;
	for (int y = 0; y < DH; y++)
		for (int x = 0; x < DW; x++)
			for (int c = 0; c < 4; c++)
				worst = fmax(worst, fabs(dst[(y * DW + x) * 4 + c] -
				                         reference(src, SW, SH, DW, DH, x, y, c)));
	CHECK(worst <= 1.0);
	free(src);
}

/* Two bands, each fed only the source rows it asks for, make exactly the
 * image one scaler makes: the split decode of a photo relies on it. */
static void check_bands(int sw, int sh, int dw, int dh, int split)
{
	uint8_t *src = noise(sw, sh, (unsigned)(sw * 31 + dh));
	uint8_t *whole = calloc((size_t)dw * (size_t)dh, 4),
	        *parts = calloc((size_t)dw * (size_t)dh, 4);
	CHECK_INT(scale_pixels(src, sw, sh, sw * 4, whole, dw, dh, dw * 4), 0);
	int ys[3] = {0, split, dh};
	for (int b = 0; b < 2; b++) {
		struct scaler *s = scaler_new_band(sw, sh, parts, dw, dh, dw * 4, ys[b], ys[b + 1]);
		CHECK(s != NULL);
		if (!s)
			continue;
		int first, end;
		scaler_rows_needed(s, &first, &end);
		CHECK(first >= 0 && first < end && end <= sh);
		CHECK(b == 1 || first == 0);
		CHECK(b == 0 || end == sh);
		for (int y = first; y < end; y++)
			scaler_push(s, src + (size_t)y * (size_t)sw * 4);
		scaler_free(s);
	}
	CHECK(memcmp(whole, parts, (size_t)dw * (size_t)dh * 4) == 0);
	free(src);
	free(whole);
	free(parts);
}

static void test_bands_make_the_whole(void)
{
	check_bands(300, 200, 113, 75, 50);       /* shrink */
	check_bands(300, 200, 113, 75, 1);        /* a band of one row */
	check_bands(40, 30, 97, 71, 35);          /* enlarge */
	check_bands(2250, 1500, 1620, 1080, 734); /* a photo to the screen */
}

/* A band refuses rows outside the image and empty ranges. */
static void test_bad_bands_refused(void)
{
	uint8_t out[16];
	CHECK(scaler_new_band(4, 4, out, 2, 2, 8, 1, 1) == NULL);
	CHECK(scaler_new_band(4, 4, out, 2, 2, 8, -1, 1) == NULL);
	CHECK(scaler_new_band(4, 4, out, 2, 2, 8, 0, 3) == NULL);
}

int main(void)
{
	RUN(test_shrink_matches_exact_average);
	RUN(test_bands_make_the_whole);
	RUN(test_bad_bands_refused);
	RUN(test_rows_written_as_they_come);
	RUN(test_flat_colour_stays_exact);
	RUN(test_shrink_averages_fine_detail);
	RUN(test_enlarge_interpolates);
	RUN(test_bad_sizes_refused);
	return failures_ != 0;
}
