/* PNGs decoded by our own libpng reader, row by row into the resize: the
 * same pixels as SDL_image's decode of the same file (which it replaced)
 * for every colour type, bit depth, palette transparency and interlacing;
 * a file cut short is incomplete, a corrupt one gets words for staff; an
 * interlaced one is held only within its cap; and a 6-megapixel scan is
 * never held whole (the peak resident memory of the decode tells). */
#include <SDL.h>
#include <SDL_image.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image/image_decode.h"
#include "image/png_decode.h"
#include "png_fixture.h"
#include "peak_rss.h"
#include "test.h"

static int failures_;

/* SDL_image's decode of data, as ARGB8888, the way image_decode turned its
 * surfaces into rows before: indexed ones through SDL_ConvertSurfaceFormat
 * (colour key to alpha), others pixel for pixel. */
static SDL_Surface *sdl_decoded(const unsigned char *data, size_t len)
{
	SDL_RWops *rw = SDL_RWFromConstMem(data, (int)len);
	SDL_Surface *raw = IMG_LoadPNG_RW(rw);
	SDL_RWclose(rw);
	if (!raw)
		return NULL;
	SDL_Surface *out;
	if (SDL_ISPIXELFORMAT_INDEXED(raw->format->format)) {
		out = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
	} else {
		out =
		    SDL_CreateRGBSurfaceWithFormat(0, raw->w, raw->h, 32, SDL_PIXELFORMAT_ARGB8888);
		SDL_ConvertPixels(raw->w, raw->h, raw->format->format, raw->pixels, raw->pitch,
		                  SDL_PIXELFORMAT_ARGB8888, out->pixels, out->pitch);
	}
	SDL_FreeSurface(raw);
	return out;
}

/* Pixel (x, y) of s as ARGB8888; an RGB888 surface's is opaque. */
static uint32_t pixel(const SDL_Surface *s, int x, int y)
{
	uint32_t p = ((const uint32_t *)((const Uint8 *)s->pixels + (size_t)y * s->pitch))[x];
	return s->format->format == SDL_PIXELFORMAT_RGB888 ? p | 0xFF000000u : p;
}

/* How many pixels of a and b differ (all of them when the sizes do). */
static long differences(const SDL_Surface *a, const SDL_Surface *b)
{
	if (!a || !b || a->w != b->w || a->h != b->h)
		return -1;
	long n = 0;
	for (int y = 0; y < a->h; y++)
		for (int x = 0; x < a->w; x++)
			if (pixel(a, x, y) != pixel(b, x, y)) {
				if (n == 0)
					printf("  first difference at %d,%d: %08x, %08x\n", x, y,
					       pixel(a, x, y), pixel(b, x, y));
				n++;
			}
	return n;
}

/* data decoded by image_decode into a box of its own size (nothing scaled). */
static SDL_Surface *ours(const unsigned char *data, size_t len, int w, int h, char *err,
                         size_t err_size, bool *incomplete)
{
	return image_decode(data, len, w, h, IMAGE_CONTAIN, incomplete, err, err_size);
}

static const unsigned char some_alphas[6] = {255, 0, 128, 255, 30, 255};
static const unsigned char one_hole[4] = {255, 255, 0, 255}; /* SDL_image: a colour key */

/* Every kind of PNG SDL_image decoded sensibly comes out the same. */
static void test_same_pixels_as_sdl_image(void)
{
	const struct png_fixture cases[] = {
	    {61, 37, PNG_COLOR_TYPE_PALETTE, 8, PNG_INTERLACE_NONE, 6, some_alphas, 0},
	    {61, 37, PNG_COLOR_TYPE_PALETTE, 8, PNG_INTERLACE_NONE, 4, one_hole, 0},
	    {61, 37, PNG_COLOR_TYPE_PALETTE, 2, PNG_INTERLACE_NONE, 0, NULL, 0},
	    {61, 37, PNG_COLOR_TYPE_PALETTE, 4, PNG_INTERLACE_ADAM7, 6, some_alphas, 0},
	    {61, 37, PNG_COLOR_TYPE_GRAY, 16, PNG_INTERLACE_NONE, 0, NULL, 0},
	    {61, 37, PNG_COLOR_TYPE_GRAY, 1, PNG_INTERLACE_NONE, 0, NULL, 0},
	    {61, 37, PNG_COLOR_TYPE_GRAY, 4, PNG_INTERLACE_ADAM7, 0, NULL, 0},
	    {61, 37, PNG_COLOR_TYPE_GRAY_ALPHA, 16, PNG_INTERLACE_NONE, 0, NULL, 0},
	    {61, 37, PNG_COLOR_TYPE_GRAY_ALPHA, 8, PNG_INTERLACE_NONE, 0, NULL, 0},
	    {61, 37, PNG_COLOR_TYPE_RGB, 16, PNG_INTERLACE_NONE, 0, NULL, 0},
	    {61, 37, PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_ADAM7, 0, NULL, 0},
	    {61, 37, PNG_COLOR_TYPE_RGB_ALPHA, 16, PNG_INTERLACE_ADAM7, 0, NULL, 0},
	    {61, 37, PNG_COLOR_TYPE_RGB_ALPHA, 8, PNG_INTERLACE_NONE, 0, NULL, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct png_fixture *f = &cases[i];
		size_t len = 0;
		unsigned char *png = png_fixture_write(f, &len);
		char err[256] = "";
		bool incomplete = true;
		SDL_Surface *want = sdl_decoded(png, len);
		SDL_Surface *got = ours(png, len, f->w, f->h, err, sizeof err, &incomplete);
		long d = differences(got, want);
		if (d != 0)
			printf("  case %zu (type %d, %d bits, interlace %d): %ld differ; %s\n", i,
			       f->type, f->depth, f->interlace, d, err);
		CHECK(d == 0);
		CHECK(!incomplete);
		SDL_FreeSurface(want);
		SDL_FreeSurface(got);
		free(png);
	}
}

/* Grey with a transparent grey: that grey is see-through, the rest opaque
 * grey (SDL_image read the two bytes of grey and alpha as RGB565: noise). */
static void test_grey_with_a_transparent_grey(void)
{
	struct png_fixture f = {40, 30, PNG_COLOR_TYPE_GRAY, 8, PNG_INTERLACE_NONE, 1, NULL, 0};
	f.trans_grey = (int)png_fixture_sample(0, 0, 0, 8);
	size_t len = 0;
	unsigned char *png = png_fixture_write(&f, &len);
	char err[256] = "";
	bool incomplete = true;
	SDL_Surface *got = ours(png, len, f.w, f.h, err, sizeof err, &incomplete);
	CHECK(got != NULL);
	long wrong = 0, holes = 0;
	for (int y = 0; got && y < f.h; y++)
		for (int x = 0; x < f.w; x++) {
			unsigned g = png_fixture_sample(x, y, 0, 8);
			uint32_t want =
			    (g == (unsigned)f.trans_grey ? 0u : 0xFF000000u) | g * 0x010101u;
			holes += g == (unsigned)f.trans_grey;
			wrong += pixel(got, x, y) != want;
		}
	CHECK(holes > 0);
	CHECK_INT(wrong, 0);
	SDL_FreeSurface(got);
	free(png);
}

/* The standard CRC-32 of PNG chunks. */
static uint32_t crc32_of(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
	}
	return ~c;
}

/* The offset of the first IDAT chunk's data in png; its length in *n. */
static size_t idat_of(const unsigned char *png, size_t len, size_t *n)
{
	for (size_t pos = 8; pos + 12 <= len;) {
		size_t k = (size_t)png[pos] << 24 | (size_t)png[pos + 1] << 16 |
		           (size_t)png[pos + 2] << 8 | png[pos + 3];
		if (memcmp(png + pos + 4, "IDAT", 4) == 0) {
			*n = k;
			return pos + 8;
		}
		pos += 12 + k;
	}
	return 0;
}

/* A file cut inside its pixels is incomplete (the reader never reads past
 * the end, whoever checked the chunks); pixels that do not inflate, with a
 * right CRC, are damage in plain words, not libpng's, and no exit. */
static void test_cut_and_corrupt(void)
{
	struct png_fixture f = {200, 100, PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_NONE, 0, NULL, 0};
	size_t len = 0, n = 0;
	unsigned char *png = png_fixture_write(&f, &len);
	char err[256] = "";
	size_t idat = idat_of(png, len, &n);
	CHECK(idat > 0 && n > 100);

	struct resize r = {.w = 50, .h = 50, .fit = IMAGE_CONTAIN, .orientation = 1};
	CHECK_INT(png_decode_mem(png, idat + n / 2, &r, err, sizeof err), PNG_DECODE_INCOMPLETE);
	CHECK(strstr(err, "ends early") != NULL);
	resize_free(&r);

	memset(png + idat + 2, 0xFF, 40); /* past the zlib header: a broken stream */
	uint32_t crc = crc32_of(png + idat - 4, n + 4);
	unsigned char be[4] = {(unsigned char)(crc >> 24), (unsigned char)(crc >> 16),
	                       (unsigned char)(crc >> 8), (unsigned char)crc};
	memcpy(png + idat + n, be, 4);
	r = (struct resize){.w = 50, .h = 50, .fit = IMAGE_CONTAIN, .orientation = 1};
	CHECK_INT(png_decode_mem(png, len, &r, err, sizeof err), PNG_DECODE_BROKEN);
	resize_free(&r);
	bool incomplete = true;
	SDL_Surface *out =
	    image_decode(png, len, 50, 50, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	CHECK(out == NULL && !incomplete);
	CHECK(strstr(err, "damaged") != NULL);
	CHECK(strstr(err, "IDAT") == NULL && strstr(err, "inflate") == NULL);
	SDL_FreeSurface(out);
	free(png);
}

/* An interlaced PNG is held until its last pass: only the rows a crop
 * keeps, and never past the cap, which is said in words for staff. */
static void test_interlaced_cap(void)
{
	/* 4 bytes a pixel: 3700 x 3700 is 55 MB held, over the cap. */
	struct png_fixture f = {3700, 3700, PNG_COLOR_TYPE_RGB_ALPHA, 8, PNG_INTERLACE_ADAM7, 0,
	                        NULL, 0};
	size_t len = 0;
	unsigned char *png = png_fixture_write(&f, &len);
	CHECK(png != NULL);
	char err[256] = "";
	bool incomplete = true;
	SDL_Surface *out =
	    image_decode(png, len, 400, 400, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	CHECK(out == NULL && !incomplete);
	CHECK(strstr(err, "interlac") != NULL);
	SDL_FreeSurface(out);
	/* A wide strip of it keeps a tenth of the rows: within the cap. */
	out = image_decode(png, len, 1000, 100, IMAGE_COVER, &incomplete, err, sizeof err);
	CHECK(out != NULL);
	if (out) {
		CHECK_INT(out->w, 1000);
		CHECK_INT(out->h, 100);
	}
	SDL_FreeSurface(out);
	free(png);
}

/* A 6-megapixel RGB scan (18 MB decoded) read from its file into a small
 * box raises the peak resident memory by far less than its decoded size:
 * SDL_image held all of it. */
static void test_never_held_whole(void)
{
	struct png_fixture f = {3000, 2000, PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_NONE, 0, NULL, 0};
	size_t len = 0;
	unsigned char *png = png_fixture_write(&f, &len);
	char path[] = "/tmp/twinhall-png-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0 && png != NULL);
	if (fd < 0 || !png)
		return;
	unlink(path);
	CHECK(write(fd, png, len) == (ssize_t)len);
	free(png);
	char err[256] = "";
	bool incomplete = true;
	CHECK_INT(reset_peak(), 0);
	long before = peak_kb();
	SDL_Surface *out =
	    image_decode_png_fd(fd, len, 300, 200, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	long rise = peak_kb() - before;
	CHECK(out != NULL);
	printf("  peak rose %ld kB for a %d kB image\n", rise, f.w * f.h * 3 / 1024);
	CHECK(rise >= 0 && rise < 6 * 1024);
	SDL_FreeSurface(out);
	close(fd);
}

int main(void)
{
	RUN(test_never_held_whole); /* first: nothing freed yet stays resident */
	RUN(test_same_pixels_as_sdl_image);
	RUN(test_grey_with_a_transparent_grey);
	RUN(test_cut_and_corrupt);
	RUN(test_interlaced_cap);
	return failures_ != 0;
}
