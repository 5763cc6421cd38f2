/* A JPEG's structure from its markers (jpeg_walk) and what it costs to
 * decode: the frame of baseline and progressive files, the scans counted
 * up to the limit, the end of the image before a trailer (a motion photo's
 * video), megabytes of metadata before the frame, files cut short, the
 * kinds the decoder cannot show (12-bit, lossless), the coefficient memory
 * of a progressive file; and the decoder itself refusing a progressive
 * file over the memory budget instead of taking hundreds of megabytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image/jpeg_decode.h"
#include "image/jpeg_walk.h"
#include "jpeg_fixture.h"
#include "test.h"

static int failures_;

enum { W = 64, H = 48 };

static unsigned char *make(int progressive, int scans, unsigned long *len)
{
	static unsigned char px[W * H * 3];
	for (int i = 0; i < W * H * 3; i++)
		px[i] = (unsigned char)(i * 7 % 251);
	struct jpeg_fixture f = {
	    .w = W, .h = H, .quality = 90, .progressive = progressive, .scans = scans};
	return jpeg_fixture_write(px, &f, len);
}

static void test_baseline(void)
{
	unsigned long len;
	unsigned char *j = make(0, 0, &len);
	struct jpeg_walk w;
	CHECK_INT(jpeg_walk_buffer(j, len, false, &w), JPEG_WALK_OK);
	CHECK(w.have_frame);
	CHECK_INT(w.frame.sof, 0xc0);
	CHECK_INT(w.frame.width, W);
	CHECK_INT(w.frame.height, H);
	CHECK_INT(w.frame.components, 3);
	CHECK_INT(w.frame.first_scan_components, 3);
	CHECK(!jpeg_walk_buffered(&w.frame));
	CHECK_INT(jpeg_walk_coef_bytes(&w.frame), 0);
	CHECK(jpeg_walk_unsupported(&w.frame) == NULL);
	CHECK_INT(jpeg_walk_buffer(j, len, true, &w), JPEG_WALK_OK);
	CHECK_INT(w.scans, 1);
	CHECK_INT(w.end, len);
	free(j);
}

static void test_progressive(void)
{
	unsigned long len;
	unsigned char *j = make(1, 0, &len);
	struct jpeg_walk w;
	CHECK_INT(jpeg_walk_buffer(j, len, false, &w), JPEG_WALK_OK);
	CHECK_INT(w.frame.sof, 0xc2);
	CHECK(jpeg_walk_buffered(&w.frame));
	/* 4:2:0 in 16x16 MCUs: 4 x 3 of them, 6 blocks each, 128 bytes a block */
	CHECK_INT(jpeg_walk_coef_bytes(&w.frame), 4 * 3 * 6 * 128);
	CHECK_INT(jpeg_walk_buffer(j, len, true, &w), JPEG_WALK_OK);
	CHECK_INT(w.scans, 10);
	CHECK_INT(w.end, len);
	free(j);
}

static void test_scans_counted_to_the_limit(void)
{
	unsigned long len;
	unsigned char *j = make(0, JPEG_WALK_MAX_SCANS, &len);
	struct jpeg_walk w;
	CHECK_INT(jpeg_walk_buffer(j, len, true, &w), JPEG_WALK_OK);
	CHECK_INT(w.scans, JPEG_WALK_MAX_SCANS);
	free(j);
	j = make(0, 499, &len);
	CHECK_INT(jpeg_walk_buffer(j, len, true, &w), JPEG_WALK_SCANS);
	CHECK_INT(w.scans, JPEG_WALK_MAX_SCANS + 1); /* it stops there */
	free(j);
}

/* A JPEG followed by more: the image ends at its own end marker. */
static void test_trailer_after_the_image(void)
{
	unsigned long len;
	unsigned char *j = make(0, 0, &len);
	static const char video[] = "\0\0\0\x18"
	                            "ftypmp42 a motion photo's video \xff\xd8\xff";
	unsigned char *t = malloc(len + sizeof video);
	memcpy(t, j, len);
	memcpy(t + len, video, sizeof video);
	struct jpeg_walk w;
	CHECK_INT(jpeg_walk_buffer(t, len + sizeof video, true, &w), JPEG_WALK_OK);
	CHECK_INT(w.end, len);
	/* cut anywhere in the scan, it has no end */
	CHECK_INT(jpeg_walk_buffer(j, len - 10, true, &w), JPEG_WALK_CUT);
	CHECK_INT(jpeg_walk_buffer(j, len / 2, true, &w), JPEG_WALK_CUT);
	free(t);
	free(j);
}

/* 2 MB of metadata (APP1 segments) before the frame header. */
static void test_big_metadata(void)
{
	unsigned long len;
	unsigned char *j = make(0, 0, &len);
	enum { SEGS = 33, SEG = 65000 };
	size_t big = len + (size_t)SEGS * (SEG + 2);
	unsigned char *b = malloc(big), *p = b;
	memcpy(p, j, 2);
	p += 2;
	for (int s = 0; s < SEGS; s++) {
		*p++ = 0xff;
		*p++ = 0xe1;
		*p++ = SEG >> 8;
		*p++ = SEG & 0xff;
		memset(p, 'x', SEG - 2);
		p += SEG - 2;
	}
	memcpy(p, j + 2, len - 2);
	struct jpeg_walk w;
	CHECK_INT(jpeg_walk_buffer(b, big, false, &w), JPEG_WALK_OK);
	CHECK_INT(w.frame.width, W);
	CHECK_INT(jpeg_walk_buffer(b, big, true, &w), JPEG_WALK_OK);
	CHECK_INT(w.end, big);
	free(b);
	free(j);
}

/* The SOF's marker and sample size as the decoder would meet them. */
static void test_kinds_not_shown(void)
{
	unsigned long len;
	unsigned char *j = make(0, 0, &len);
	unsigned char *sof = NULL;
	for (unsigned long i = 2; i + 1 < len && !sof; i++)
		if (j[i] == 0xff && j[i + 1] == 0xc0)
			sof = j + i;
	CHECK(sof != NULL);
	if (!sof)
		return;
	struct jpeg_walk w;
	sof[4] = 12; /* the precision */
	sof[1] = 0xc1;
	CHECK_INT(jpeg_walk_buffer(j, len, false, &w), JPEG_WALK_OK);
	CHECK_STR(jpeg_walk_unsupported(&w.frame), "a 12-bit JPEG");
	sof[4] = 8;
	sof[1] = 0xc3;
	CHECK_INT(jpeg_walk_buffer(j, len, false, &w), JPEG_WALK_OK);
	CHECK_STR(jpeg_walk_unsupported(&w.frame), "a lossless JPEG");
	sof[1] = 0xc5;
	jpeg_walk_buffer(j, len, false, &w);
	CHECK_STR(jpeg_walk_unsupported(&w.frame), "a hierarchical JPEG");
	sof[1] = 0xc9; /* arithmetic coding: libjpeg-turbo decodes it */
	jpeg_walk_buffer(j, len, false, &w);
	CHECK(jpeg_walk_unsupported(&w.frame) == NULL);
	free(j);
}

static void test_nonsense(void)
{
	static const unsigned char not_jpeg[] = "GIF89a";
	static const unsigned char scan_first[] = {0xff, 0xd8, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0};
	static const unsigned char end_first[] = {0xff, 0xd8, 0xff, 0xd9};
	struct jpeg_walk w;
	CHECK_INT(jpeg_walk_buffer(not_jpeg, 6, false, &w), JPEG_WALK_BAD);
	CHECK_INT(jpeg_walk_buffer(scan_first, sizeof scan_first, true, &w), JPEG_WALK_BAD);
	CHECK_INT(jpeg_walk_buffer(end_first, sizeof end_first, true, &w), JPEG_WALK_BAD);
	CHECK_INT(jpeg_walk_buffer(end_first, 1, true, &w), JPEG_WALK_CUT);
}

static int sink_begin(void *ctx, int w, int h, bool one_scan)
{
	(void)ctx, (void)w, (void)h, (void)one_scan;
	return 0;
}

static bool sink_row(void *ctx, const uint32_t *row)
{
	(void)ctx, (void)row;
	return true;
}

/* A progressive photo of 8000 x 8000 holds 192 MB of coefficients: the
 * decoder refuses it at once instead (a small file's frame header made to
 * say 8000 x 8000; the arrays are made before any scan is read). */
static void test_decoder_keeps_the_budget(void)
{
	enum { S = 8000 };
	unsigned long len;
	unsigned char *j = make(1, 0, &len);
	for (unsigned long i = 2; i + 9 < len; i++) {
		if (j[i] == 0xff && j[i + 1] == 0xc2) {
			j[i + 5] = j[i + 7] = S >> 8;
			j[i + 6] = j[i + 8] = S & 0xff;
			break;
		}
	}
	struct jpeg_walk w;
	CHECK_INT(jpeg_walk_buffer(j, len, false, &w), JPEG_WALK_OK);
	CHECK_INT(w.frame.width, S);
	CHECK(jpeg_walk_coef_bytes(&w.frame) > JPEG_WALK_COEF_BUDGET);
	char err[256] = "";
	struct jpeg_sink sink = {sink_begin, sink_row, NULL, NULL};
	CHECK_INT(jpeg_decode(j, len, 960, 540, &sink, err, sizeof err), JPEG_TOO_LARGE);
	CHECK(strstr(err, "MB to decode") != NULL);
	free(j);
}

int main(void)
{
	RUN(test_baseline);
	RUN(test_progressive);
	RUN(test_scans_counted_to_the_limit);
	RUN(test_trailer_after_the_image);
	RUN(test_big_metadata);
	RUN(test_kinds_not_shown);
	RUN(test_nonsense);
	RUN(test_decoder_keeps_the_budget);
	return failures_ ? 1 : 0;
}
