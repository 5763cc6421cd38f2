/* JPEG decoding: test images encoded here with libjpeg, decoded at several
 * sizes (scale, output size, colours in ARGB8888 as SDL reads them), and
 * broken, half-copied, oversized, grey and CMYK files. */
#include <SDL.h>
#include <jpeglib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image/jpeg_decode.h"
#include "jpeg_fixture.h"
#include "test.h"

static int failures_;

enum { QW = 640, QH = 480 };

/* The colour of each quadrant of the test image: top-left, top-right,
 * bottom-left, bottom-right. */
static const unsigned char quad[4][3] = {
    {220, 30, 30}, {30, 200, 40}, {30, 40, 210}, {230, 230, 230}};

struct encoded {
	unsigned char *data; /* malloc'd by jpeg_mem_dest */
	unsigned long len;
};

/* Encodes w x h samples of comps channels (in colour space cs, stored as
 * stored_as) at quality 90. */
static struct encoded encode(const unsigned char *px, int w, int h, int comps, J_COLOR_SPACE cs,
                             J_COLOR_SPACE stored_as)
{
	struct jpeg_fixture f = {
	    .w = w, .h = h, .comps = comps, .in = cs, .store = stored_as, .quality = 90};
	struct encoded e = {NULL, 0};
	e.data = jpeg_fixture_write(px, &f, &e.len);
	return e;
}

/* The 640x480 RGB image of four flat quadrants, encoded. */
static struct encoded quadrants(void)
{
	unsigned char *px = malloc(QW * QH * 3);
	for (int y = 0; y < QH; y++)
		for (int x = 0; x < QW; x++)
			memcpy(px + (y * QW + x) * 3, quad[(y >= QH / 2) * 2 + (x >= QW / 2)], 3);
	struct encoded e = encode(px, QW, QH, 3, JCS_RGB, JCS_YCbCr);
	free(px);
	return e;
}

/* Whether pixel (x, y) reads, through SDL's ARGB8888 format, as opaque
 * rgb within tol. */
static int pixel_is(const uint32_t *px, int w, int x, int y, const unsigned char rgb[3], int tol)
{
	SDL_PixelFormat *f = SDL_AllocFormat(SDL_PIXELFORMAT_ARGB8888);
	Uint8 r, g, b, a;
	SDL_GetRGBA(px[y * w + x], f, &r, &g, &b, &a);
	SDL_FreeFormat(f);
	int ok =
	    a == 255 && abs(r - rgb[0]) <= tol && abs(g - rgb[1]) <= tol && abs(b - rgb[2]) <= tol;
	if (!ok)
		printf("  pixel %d,%d is %d,%d,%d,%d; expected %d,%d,%d\n", x, y, r, g, b, a,
		       rgb[0], rgb[1], rgb[2]);
	return ok;
}

/* A sink that gathers the rows into one buffer, as a caller that wants the
 * whole image would; counts the calls so their order can be checked. */
struct gather {
	uint32_t *px;
	int w, h, rows, begins;
	int rows_before_begin;
	int skip, stop; /* rows to skip first; the row to stop before (0: none) */
	bool one_scan;  /* as begin was told */
	int pauses;     /* calls of the sink's pause */
};

static int gather_begin(void *ctx, int w, int h, bool one_scan)
{
	struct gather *g = ctx;
	g->begins++;
	g->w = w;
	g->h = h;
	g->one_scan = one_scan;
	g->px = calloc((size_t)w * (size_t)h, 4);
	return g->px ? g->skip : -1;
}

static bool gather_row(void *ctx, const uint32_t *row)
{
	struct gather *g = ctx;
	int y = g->skip + g->rows;
	if (!g->px || y >= g->h) {
		g->rows_before_begin++;
		return false;
	}
	memcpy(g->px + (size_t)y * (size_t)g->w, row, (size_t)g->w * 4);
	g->rows++;
	return g->stop == 0 || y + 1 < g->stop;
}

/* jpeg_decode into one buffer: *px (the caller frees it; NULL on failure)
 * of *w x *h. Checks that begin came once, before exactly h rows. */
static enum jpeg_status decode_all(const unsigned char *data, size_t len, int min_w, int min_h,
                                   uint32_t **px, int *w, int *h, char *err, size_t err_size)
{
	struct gather g = {0};
	struct jpeg_sink sink = {gather_begin, gather_row, &g, NULL};
	enum jpeg_status s = jpeg_decode(data, len, min_w, min_h, &sink, err, err_size);
	CHECK_INT(g.rows_before_begin, 0);
	if (s == JPEG_OK) {
		CHECK_INT(g.begins, 1);
		CHECK_INT(g.rows, g.h);
	} else {
		free(g.px);
		g.px = NULL;
	}
	*px = g.px;
	*w = g.px ? g.w : 0;
	*h = g.px ? g.h : 0;
	return s;
}

/* Decodes e for min_w x min_h and checks size and the quadrant centres. */
static void check_decode(struct encoded e, int min_w, int min_h, int want_w, int want_h)
{
	uint32_t *px = NULL;
	int w = -1, h = -1;
	char err[256] = "";
	CHECK_INT(decode_all(e.data, e.len, min_w, min_h, &px, &w, &h, err, sizeof err), JPEG_OK);
	CHECK_INT(w, want_w);
	CHECK_INT(h, want_h);
	if (!px || w != want_w || h != want_h) {
		free(px);
		return;
	}
	for (int q = 0; q < 4; q++)
		CHECK(pixel_is(px, w, (q & 1) ? w * 3 / 4 : w / 4, (q & 2) ? h * 3 / 4 : h / 4,
		               quad[q], 6));
	/* The raw byte order too: 0xAARRGGBB in a uint32_t. */
	CHECK(px[0] >> 24 == 0xFF && (px[0] >> 16 & 0xFF) > 200 && (px[0] & 0xFF) < 50);
	free(px);
}

static void test_scale_for(void)
{
	CHECK_INT(jpeg_scale_for(640, 480, 160, 120), 2);
	CHECK_INT(jpeg_scale_for(640, 480, 161, 121), 3);
	CHECK_INT(jpeg_scale_for(640, 480, 0, 0), 1);
	CHECK_INT(jpeg_scale_for(640, 480, 640, 480), 8);
	CHECK_INT(jpeg_scale_for(640, 480, 641, 1), 8); /* never enlarged */
	CHECK_INT(jpeg_scale_for(6000, 4000, 1620, 1080), 3);
	CHECK_INT(jpeg_scale_for(4000, 6000, 1080, 1620), 3); /* turned by EXIF: swapped */
	CHECK_INT(jpeg_scale_for(6000, 4000, 1920, 1080), 3);
	CHECK_INT(jpeg_scale_for(6000, 4000, 3840, 2160), 6);
	CHECK_INT(jpeg_scale_for(101, 75, 13, 10), 1); /* sides round up */
}

static void test_decode_at_several_sizes(void)
{
	struct encoded e = quadrants();
	check_decode(e, 160, 120, 160, 120); /* 2/8 */
	check_decode(e, 161, 121, 240, 180); /* 3/8 */
	check_decode(e, 1, 1, 80, 60);       /* 1/8 */
	check_decode(e, 320, 1, 320, 240);   /* 4/8 */
	check_decode(e, 1, 300, 400, 300);   /* 5/8 */
	check_decode(e, 640, 480, 640, 480); /* full */
	check_decode(e, 4000, 3000, 640, 480);
	free(e.data);
}

static void test_odd_size_rounds_like_libjpeg(void)
{
	enum { W = 101, H = 75 };
	unsigned char *grey = malloc(W * H);
	memset(grey, 128, W * H);
	struct encoded e = encode(grey, W, H, 1, JCS_GRAYSCALE, JCS_GRAYSCALE);
	for (int n = 1; n <= 8; n++) {
		int sw = (W * n + 7) / 8, sh = (H * n + 7) / 8, w, h;
		uint32_t *px = NULL;
		char err[256];
		CHECK_INT(jpeg_scale_for(W, H, sw, sh), n);
		CHECK_INT(decode_all(e.data, e.len, sw, sh, &px, &w, &h, err, sizeof err), JPEG_OK);
		CHECK_INT(w, sw);
		CHECK_INT(h, sh);
		free(px);
	}
	free(e.data);
	free(grey);
}

static void test_grayscale(void)
{
	unsigned char grey[64 * 48];
	for (int i = 0; i < 64 * 48; i++)
		grey[i] = (i % 64) < 32 ? 40 : 200;
	struct encoded e = encode(grey, 64, 48, 1, JCS_GRAYSCALE, JCS_GRAYSCALE);
	uint32_t *px = NULL;
	int w, h;
	char err[256];
	CHECK_INT(decode_all(e.data, e.len, 64, 48, &px, &w, &h, err, sizeof err), JPEG_OK);
	if (px) {
		static const unsigned char dark[3] = {40, 40, 40}, light[3] = {200, 200, 200};
		CHECK(pixel_is(px, w, 10, 20, dark, 4));
		CHECK(pixel_is(px, w, 50, 20, light, 4));
	}
	free(px);
	free(e.data);
}

/* A CMYK (or YCCK) JPEG as Photoshop writes it: an Adobe marker and inverted
 * values, left half pure magenta+yellow (red), right half no ink (white). */
static void check_cmyk(J_COLOR_SPACE stored_as)
{
	enum { W = 64, H = 32 };
	unsigned char *cmyk = malloc(W * H * 4);
	for (int i = 0; i < W * H; i++) {
		int red = (i % W) < W / 2;
		unsigned char ink[4] = {0, red ? 255 : 0, red ? 255 : 0, 0};
		for (int c = 0; c < 4; c++)
			cmyk[i * 4 + c] = (unsigned char)(255 - ink[c]);
	}
	struct encoded e = encode(cmyk, W, H, 4, JCS_CMYK, stored_as);
	uint32_t *px = NULL;
	int w, h;
	char err[256];
	CHECK_INT(decode_all(e.data, e.len, W, H, &px, &w, &h, err, sizeof err), JPEG_OK);
	if (px) {
		static const unsigned char red[3] = {255, 0, 0}, white[3] = {255, 255, 255};
		CHECK(pixel_is(px, w, 10, 16, red, 8));
		CHECK(pixel_is(px, w, 50, 16, white, 8));
	}
	free(px);
	free(e.data);
	free(cmyk);
}

static void test_cmyk_and_ycck_converted(void)
{
	check_cmyk(JCS_CMYK);
	check_cmyk(JCS_YCCK);
}

/* jpeg_decode_fd of data[0..len) written to a file, as decode_all. */
static enum jpeg_status decode_file(const unsigned char *data, size_t len, uint32_t **px, int *w,
                                    int *h, char *err, size_t err_size)
{
	char path[] = "/tmp/twinhall-jpeg-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return JPEG_NO_MEMORY;
	unlink(path);
	CHECK(len == 0 || write(fd, data, len) == (ssize_t)len);
	struct gather g = {0};
	struct jpeg_sink sink = {gather_begin, gather_row, &g, NULL};
	enum jpeg_status s = jpeg_decode_fd(fd, len, 100, 100, &sink, err, err_size);
	close(fd);
	if (s != JPEG_OK) {
		free(g.px);
		g.px = NULL;
	}
	*px = g.px;
	*w = g.px ? g.w : 0;
	*h = g.px ? g.h : 0;
	return s;
}

/* Decodes a copy of data[0..len) in its own heap block (so ASan sees any
 * overread), then the same bytes from a file (jpeg_decode_fd), which must
 * come out the same; returns the status and checks the contract on pixels. */
static enum jpeg_status decode_copy(const unsigned char *data, size_t len)
{
	unsigned char *copy = malloc(len ? len : 1);
	memcpy(copy, data, len);
	uint32_t *px = (uint32_t *)copy; /* must be reset */
	int w = 5, h = 5;
	char err[256] = "", file_err[256] = "";
	enum jpeg_status s = decode_all(copy, len, 100, 100, &px, &w, &h, err, sizeof err);
	CHECK(s == JPEG_OK ? px != NULL && w > 0 && h > 0 : px == NULL && err[0] != '\0');
	uint32_t *fpx = NULL;
	int fw = 0, fh = 0;
	CHECK_INT(decode_file(copy, len, &fpx, &fw, &fh, file_err, sizeof file_err), s);
	CHECK_STR(file_err, err);
	CHECK(fw == w && fh == h);
	CHECK((px == NULL) == (fpx == NULL));
	if (px && fpx && fw == w && fh == h)
		CHECK(memcmp(px, fpx, (size_t)w * (size_t)h * 4) == 0);
	free(fpx);
	free(px);
	free(copy);
	return s;
}

static void test_half_copied_is_incomplete(void)
{
	struct encoded e = quadrants();
	CHECK_INT(decode_copy(e.data, e.len / 2), JPEG_INCOMPLETE);
	CHECK_INT(decode_copy(e.data, e.len - 1), JPEG_INCOMPLETE);
	CHECK_INT(decode_copy(e.data, 2), JPEG_INCOMPLETE);
	CHECK_INT(decode_copy(e.data, 0), JPEG_INCOMPLETE);
	/* A copier that sized the file first: the tail is still zeros. */
	unsigned char *pre = calloc(e.len, 1);
	memcpy(pre, e.data, e.len / 2);
	CHECK_INT(decode_copy(pre, e.len), JPEG_INCOMPLETE);
	/* Whole, with zero padding after the end marker: fine. */
	unsigned char *padded = calloc(e.len + 300, 1);
	memcpy(padded, e.data, e.len);
	CHECK_INT(decode_copy(padded, e.len + 300), JPEG_OK);
	/* Whole, with a phone's trailer after the end marker: fine too. */
	unsigned char *trailer = malloc(e.len + 5000);
	memcpy(trailer, e.data, e.len);
	memset(trailer + e.len, 0x5A, 5000);
	CHECK_INT(decode_copy(trailer, e.len + 5000), JPEG_OK);
	CHECK_INT(decode_copy(trailer, e.len + 4999), JPEG_OK);
	free(trailer);
	free(padded);
	free(pre);
	free(e.data);
}

static void test_garbage_is_broken(void)
{
	/* SOI, random bytes, EOI: libjpeg errors must come back, never exit. */
	enum { N = 4096 };
	unsigned char *g = malloc(N);
	uint32_t seed = 12345;
	int broken = 0;
	for (int round = 0; round < 200; round++) {
		for (int i = 0; i < N; i++) {
			seed = seed * 1664525u + 1013904223u;
			g[i] = (unsigned char)(seed >> 24);
		}
		g[0] = 0xFF, g[1] = 0xD8, g[N - 2] = 0xFF, g[N - 1] = 0xD9;
		broken += decode_copy(g, N) == JPEG_BROKEN;
	}
	CHECK_INT(broken, 200);
	const unsigned char png[] = {0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0xFF, 0xD9};
	CHECK_INT(decode_copy(png, sizeof png), JPEG_BROKEN);
	free(g);
}

/* libjpeg's own words ("Unsupported marker type 0x..") never reach the
 * staff: a damaged JPEG is said plainly, with what to do. */
static void test_broken_said_plainly(void)
{
	unsigned char g[512];
	for (size_t i = 0; i < sizeof g; i++)
		g[i] = (unsigned char)(i * 37 + 11);
	g[0] = 0xFF, g[1] = 0xD8, g[2] = 0xFF, g[3] = 0x01; /* TEM: not in a JPEG */
	g[sizeof g - 2] = 0xFF, g[sizeof g - 1] = 0xD9;
	uint32_t *px = NULL;
	int w = 0, h = 0;
	char err[256] = "";
	CHECK_INT(decode_all(g, sizeof g, 100, 100, &px, &w, &h, err, sizeof err), JPEG_BROKEN);
	CHECK(strstr(err, "save it again as JPEG") != NULL);
	CHECK(strstr(err, "marker") == NULL && strstr(err, "(") == NULL);
	if (!strstr(err, "save it again as JPEG"))
		printf("  err: %s\n", err);
	free(px);
}

static void test_damaged_data_is_safe(void)
{
	/* Spoilt bytes all through a real file: any verdict, no crash. */
	struct encoded e = quadrants();
	unsigned char *d = malloc(e.len);
	for (size_t at = 2; at + 2 < e.len; at += e.len / 97) {
		memcpy(d, e.data, e.len);
		for (size_t i = at; i < at + 8 && i + 2 < e.len; i++)
			d[i] ^= 0x5A;
		decode_copy(d, e.len);
	}
	free(d);
	free(e.data);
}

/* Patches the frame header (SOF0) of e to claim w x h. */
static void set_frame_size(struct encoded e, unsigned w, unsigned h)
{
	for (unsigned long i = 2; i + 9 < e.len; i++) {
		if (e.data[i] == 0xFF && e.data[i + 1] == 0xC0) {
			e.data[i + 5] = (unsigned char)(h >> 8), e.data[i + 6] = (unsigned char)h;
			e.data[i + 7] = (unsigned char)(w >> 8), e.data[i + 8] = (unsigned char)w;
			return;
		}
	}
	CHECK(!"no SOF0 marker");
}

static void test_oversized_header_refused(void)
{
	struct encoded e = quadrants();
	set_frame_size(e, 20000, 20000);
	CHECK_INT(decode_copy(e.data, e.len), JPEG_TOO_LARGE);
	set_frame_size(e, 16000, 5000); /* sides allowed, 80 megapixels not */
	CHECK_INT(decode_copy(e.data, e.len), JPEG_TOO_LARGE);
	free(e.data);
}

/* w x h of smooth noise (so the entropy-coded data is not trivial), RGB,
 * encoded with luma sampled hs x vs and a restart marker every restart
 * MCU rows (0: none). */
static struct encoded noise_jpeg(int w, int h, int hs, int vs, int restart)
{
	unsigned char *px = malloc((size_t)w * (size_t)h * 3);
	unsigned seed = 12345;
	for (int i = 0; i < w * h * 3; i++) {
		seed = seed * 1103515245u + 12345u;
		px[i] = (unsigned char)((i / 3 % w + i / 3 / w) / 2 + (seed >> 28));
	}
	struct jpeg_fixture f = {
	    .w = w, .h = h, .h_samp = hs, .v_samp = vs, .restart_rows = restart};
	struct encoded e = {NULL, 0};
	e.data = jpeg_fixture_write(px, &f, &e.len);
	free(px);
	return e;
}

static void count_pause(void *ctx)
{
	((struct gather *)ctx)->pauses++;
}

/* Rows after a skip are exactly the rows a whole decode gives, whatever the
 * sampling, restart markers and where the skip ends (the lower part of a
 * photo is decoded this way by a second thread), and a sink that stops
 * early ends the decode successfully. */
static void check_skip(struct encoded e, int min_w, int min_h, int skip, int stop)
{
	uint32_t *whole;
	int w, h;
	char err[200];
	CHECK_INT(decode_all(e.data, e.len, min_w, min_h, &whole, &w, &h, err, sizeof err),
	          JPEG_OK);
	struct gather g = {.skip = skip, .stop = stop};
	struct jpeg_sink sink = {gather_begin, gather_row, &g, count_pause};
	CHECK_INT(jpeg_decode(e.data, e.len, min_w, min_h, &sink, err, sizeof err), JPEG_OK);
	CHECK(g.one_scan);
	int end = stop ? stop : h;
	CHECK_INT(g.rows, end - skip);
	for (int y = skip; whole && g.px && y < end; y++)
		if (memcmp(whole + (size_t)y * (size_t)w, g.px + (size_t)y * (size_t)w,
		           (size_t)w * 4) != 0) {
			printf("  row %d differs after skipping %d\n", y, skip);
			CHECK(0);
			break;
		}
	if (skip > 100) /* skipped in steps, with pauses between */
		CHECK(g.pauses > 0);
	free(whole);
	free(g.px);
}

static void test_skipped_rows_then_the_same_rows(void)
{
	static const int samp[][3] = {{2, 2, 0}, {2, 1, 0}, {1, 1, 0}, {2, 2, 1}};
	for (size_t i = 0; i < sizeof samp / sizeof samp[0]; i++) {
		struct encoded e = noise_jpeg(300, 400, samp[i][0], samp[i][1], samp[i][2]);
		check_skip(e, 300, 400, 1, 0);
		check_skip(e, 300, 400, 7, 0);
		check_skip(e, 300, 400, 301, 0);
		check_skip(e, 300, 400, 399, 0);
		check_skip(e, 113, 150, 37, 0); /* at 3/8 */
		check_skip(e, 300, 400, 0, 123);
		check_skip(e, 300, 400, 50, 51);
		free(e.data);
	}
}

static void test_progressive_is_not_one_scan(void)
{
	struct encoded e = quadrants();
	struct jpeg_decompress_struct d;
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr je, jc;
	d.err = jpeg_std_error(&je);
	c.err = jpeg_std_error(&jc);
	jpeg_create_decompress(&d);
	jpeg_create_compress(&c);
	jpeg_mem_src(&d, e.data, e.len);
	jvirt_barray_ptr *coefs = (jpeg_read_header(&d, TRUE), jpeg_read_coefficients(&d));
	struct encoded p = {NULL, 0};
	jpeg_mem_dest(&c, &p.data, &p.len);
	jpeg_copy_critical_parameters(&d, &c);
	jpeg_simple_progression(&c);
	jpeg_write_coefficients(&c, coefs);
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	jpeg_destroy_decompress(&d);
	struct gather g = {0};
	struct jpeg_sink sink = {gather_begin, gather_row, &g, NULL};
	char err[200];
	CHECK_INT(jpeg_decode(p.data, p.len, QW, QH, &sink, err, sizeof err), JPEG_OK);
	CHECK(!g.one_scan);
	CHECK_INT(g.rows, QH);
	free(g.px);
	free(p.data);
	free(e.data);
}

int main(void)
{
	RUN(test_skipped_rows_then_the_same_rows);
	RUN(test_progressive_is_not_one_scan);
	RUN(test_scale_for);
	RUN(test_decode_at_several_sizes);
	RUN(test_odd_size_rounds_like_libjpeg);
	RUN(test_grayscale);
	RUN(test_cmyk_and_ycck_converted);
	RUN(test_half_copied_is_incomplete);
	RUN(test_garbage_is_broken);
	RUN(test_broken_said_plainly);
	RUN(test_damaged_data_is_safe);
	RUN(test_oversized_header_refused);
	return failures_ != 0;
}
