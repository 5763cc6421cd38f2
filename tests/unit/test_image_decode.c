/* Decoding to the size shown: a four-colour JPEG stored in each of the 8
 * EXIF orientations comes out upright, fitted (contain) or cropped (cover)
 * to the box, the same as turning the full image first would give; and a
 * PNG goes the same way through png_decode. */
#include <SDL.h>
#include <SDL_image.h>
#include <jpeglib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image/image_decode.h"
#include "jpeg_fixture.h"
#include "base/layout.h"
#include "image/orient.h"
#include "image/png_chunks.h"
#include "test.h"

static int failures_;

enum { SW = 320, SH = 160 }; /* the stored image */

static const uint32_t quad[4] = {0xFFDC1E1E, 0xFF1EC828, 0xFF1E28D2, 0xFFE6E6E6};

/* The stored image: four flat quadrants, ARGB8888. */
static uint32_t *stored_pixels(void)
{
	uint32_t *px = malloc(SW * SH * 4);
	for (int y = 0; y < SH; y++)
		for (int x = 0; x < SW; x++)
			px[y * SW + x] = quad[(y >= SH / 2) * 2 + (x >= SW / 2)];
	return px;
}

/* px as a JPEG carrying EXIF orientation o (none when 0); malloc'd. */
static unsigned char *encode(const uint32_t *px, int o, unsigned long *len)
{
	unsigned char *rgb = malloc(SW * SH * 3);
	for (int i = 0; i < SW * SH; i++) {
		rgb[i * 3] = (unsigned char)(px[i] >> 16);
		rgb[i * 3 + 1] = (unsigned char)(px[i] >> 8);
		rgb[i * 3 + 2] = (unsigned char)px[i];
	}
	struct jpeg_fixture f = {.w = SW, .h = SH, .quality = 95, .orientation = o};
	unsigned char *data = jpeg_fixture_write(rgb, &f, len);
	free(rgb);
	return data;
}

static int close_to(uint32_t a, uint32_t b)
{
	for (int s = 0; s < 32; s += 8) {
		int d = (int)(a >> s & 0xFF) - (int)(b >> s & 0xFF);
		if (d > 12 || d < -12)
			return 0;
	}
	return 1;
}

/* Checks out (decoded for fit into bw x bh) against the reference upright
 * image ref (uw x uh): at four points well inside the quadrants, the colour
 * of the point of ref that lands there. */
static void check_points(const SDL_Surface *out, const uint32_t *ref, int uw, int uh,
                         enum image_fit fit, int bw, int bh, int o)
{
	struct rect box = {0, 0, bw, bh};
	struct rect crop = {0, 0, uw, uh};
	if (fit == IMAGE_COVER)
		crop = layout_cover(uw, uh, box);
	for (int q = 0; q < 4; q++) {
		double fx = (q & 1) ? 0.8 : 0.2, fy = (q & 2) ? 0.8 : 0.2;
		int ox = (int)(fx * out->w), oy = (int)(fy * out->h);
		int rx = crop.x + (int)(fx * crop.w), ry = crop.y + (int)(fy * crop.h);
		uint32_t got = ((const uint32_t *)out->pixels)[oy * (out->pitch / 4) + ox];
		uint32_t want = ref[ry * uw + rx];
		if (!close_to(got, want))
			printf("  orientation %d fit %d: at %d,%d got %08x, want %08x\n", o,
			       (int)fit, ox, oy, got, want);
		CHECK(close_to(got, want));
	}
}

static int temp_file(const unsigned char *bytes, size_t len);

/* Every orientation, from memory and from the JPEG's file as it is read
 * (image_decode_jpeg_fd, its EXIF block read from the file). */
static void test_every_orientation_upright(void)
{
	uint32_t *px = stored_pixels();
	for (int o = 1; o <= 8; o++) {
		int uw = o >= 5 ? SH : SW, uh = o >= 5 ? SW : SH;
		uint32_t *ref = malloc(SW * SH * 4);
		CHECK_INT(orient_pixels(px, SW, SH, o, ref), 0);
		unsigned long len = 0;
		unsigned char *jpeg = encode(px, o, &len);
		char err[256] = "";
		bool incomplete = true;
		/* Contain, at half size: the whole upright image. */
		SDL_Surface *out = image_decode(jpeg, len, uw / 2, uh / 2, IMAGE_CONTAIN,
		                                &incomplete, err, sizeof err);
		CHECK(out != NULL);
		CHECK(!incomplete);
		if (out) {
			CHECK_INT(out->w, uw / 2);
			CHECK_INT(out->h, uh / 2);
			check_points(out, ref, uw, uh, IMAGE_CONTAIN, uw / 2, uh / 2, o);
			SDL_FreeSurface(out);
		}
		/* Cover, a square: the middle of the upright image. */
		out = image_decode(jpeg, len, 90, 90, IMAGE_COVER, &incomplete, err, sizeof err);
		CHECK(out != NULL);
		if (out) {
			CHECK_INT(out->w, 90);
			CHECK_INT(out->h, 90);
			check_points(out, ref, uw, uh, IMAGE_COVER, 90, 90, o);
			SDL_FreeSurface(out);
		}
		int fd = temp_file(jpeg, len);
		CHECK(fd >= 0);
		out = image_decode_jpeg_fd(fd, len, uw / 2, uh / 2, IMAGE_CONTAIN, &incomplete, err,
		                           sizeof err);
		CHECK(out != NULL);
		if (out) {
			CHECK_INT(out->w, uw / 2);
			CHECK_INT(out->h, uh / 2);
			check_points(out, ref, uw, uh, IMAGE_CONTAIN, uw / 2, uh / 2, o);
			SDL_FreeSurface(out);
		}
		close(fd);
		free(jpeg);
		free(ref);
	}
	free(px);
}

/* px (SW x SH, ARGB) as a PNG file's bytes, decoded for fit into w x h. */
static SDL_Surface *png_decoded(uint32_t *px, int w, int h)
{
	SDL_Surface *s =
	    SDL_CreateRGBSurfaceWithFormatFrom(px, SW, SH, 32, SW * 4, SDL_PIXELFORMAT_ARGB8888);
	char *buf = malloc(1 << 20);
	SDL_RWops *rw = SDL_RWFromMem(buf, 1 << 20);
	CHECK_INT(IMG_SavePNG_RW(s, rw, 0), 0);
	size_t len = (size_t)SDL_RWtell(rw);
	SDL_RWclose(rw);
	char err[256] = "";
	bool incomplete = true;
	SDL_Surface *out =
	    image_decode(buf, len, w, h, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	SDL_FreeSurface(s);
	free(buf);
	return out;
}

static void test_png_fitted(void)
{
	uint32_t *px = stored_pixels();
	SDL_Surface *out = png_decoded(px, 100, 100);
	CHECK(out != NULL);
	if (out) {
		CHECK_INT(out->w, 100);
		CHECK_INT(out->h, 50);
		check_points(out, px, SW, SH, IMAGE_CONTAIN, 100, 100, 1);
		SDL_FreeSurface(out);
	}
	free(px);
}

static SDL_BlendMode blend_of(const SDL_Surface *s)
{
	SDL_BlendMode m = SDL_BLENDMODE_INVALID;
	SDL_GetSurfaceBlendMode((SDL_Surface *)s, &m);
	return m;
}

/* A PNG of the quadrants, the first pixel's alpha set to a; decoded. */
static SDL_Surface *png_with_alpha(Uint8 a)
{
	uint32_t *px = stored_pixels();
	px[0] = (px[0] & 0xffffff) | (uint32_t)a << 24;
	SDL_Surface *out = png_decoded(px, SW, SH);
	free(px);
	return out;
}

/* Opaque images are drawn as copies (no blending, several times faster in
 * the software renderer); an image with see-through pixels still blends. */
static void test_opaque_images_copy(void)
{
	uint32_t *px = stored_pixels();
	unsigned long len = 0;
	unsigned char *jpeg = encode(px, 1, &len);
	char err[256] = "";
	bool incomplete = true;
	SDL_Surface *out =
	    image_decode(jpeg, len, 50, 50, IMAGE_COVER, &incomplete, err, sizeof err);
	CHECK(out != NULL);
	if (out) {
		CHECK_INT(blend_of(out), SDL_BLENDMODE_NONE);
		CHECK_INT(out->format->format, SDL_PIXELFORMAT_RGB888); /* no alpha to keep */
	}
	SDL_FreeSurface(out);
	free(jpeg);
	free(px);

	out = png_with_alpha(255); /* an alpha channel, every pixel opaque */
	CHECK(out != NULL);
	if (out)
		CHECK_INT(blend_of(out), SDL_BLENDMODE_NONE);
	SDL_FreeSurface(out);

	out = png_with_alpha(128); /* one see-through pixel */
	CHECK(out != NULL);
	if (out)
		CHECK_INT(blend_of(out), SDL_BLENDMODE_BLEND);
	SDL_FreeSurface(out);
}

/* A whole PNG of the quadrants, in a buffer the caller frees; *len its size. */
static unsigned char *png_bytes(size_t *len)
{
	uint32_t *px = stored_pixels();
	SDL_Surface *s =
	    SDL_CreateRGBSurfaceWithFormatFrom(px, SW, SH, 32, SW * 4, SDL_PIXELFORMAT_ARGB8888);
	unsigned char *buf = malloc(1 << 20);
	SDL_RWops *rw = SDL_RWFromMem(buf, 1 << 20);
	CHECK_INT(IMG_SavePNG_RW(s, rw, 0), 0);
	*len = (size_t)SDL_RWtell(rw);
	SDL_RWclose(rw);
	SDL_FreeSurface(s);
	free(px);
	return buf;
}

/* PNGs whose chunks run past the end never reach libpng (SDL_image ignores
 * short reads, so libpng read stale memory for as long as a chunk claimed:
 * found by fuzz_image_info); they are "still being copied", like a JPEG
 * without its end. A chunk that makes no sense is damage, not a copy. */
static void test_png_cut_or_damaged(void)
{
	size_t len = 0;
	unsigned char *png = png_bytes(&len);
	CHECK_INT(png_chunks_check(png, len), PNG_CHUNKS_OK);
	char err[256] = "";
	bool incomplete = false;

	/* The last chunk (IEND) claims 0x93939393 bytes: a hang before. */
	static const unsigned char huge[8] = {0x73, 0x93, 0x93, 0x93, 't', 'E', 'X', 't'};
	memcpy(png + len - 12, huge, sizeof huge);
	CHECK_INT(png_chunks_check(png, len), PNG_CHUNKS_CUT);
	SDL_Surface *out =
	    image_decode(png, len, 50, 50, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	CHECK(out == NULL && incomplete);
	CHECK(strstr(err, "ends early") != NULL);
	SDL_FreeSurface(out);

	/* Half a file: still being copied. */
	CHECK_INT(png_chunks_check(png, len / 2), PNG_CHUNKS_CUT);
	out = image_decode(png, len / 2, 50, 50, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	CHECK(out == NULL && incomplete);
	CHECK_INT(png_chunks_check(png, 5), PNG_CHUNKS_CUT);

	/* A chunk type that is not four letters, and a first chunk not IHDR. */
	unsigned char *bad = png_bytes(&len);
	bad[8 + 4 + 2] = '#';
	CHECK_INT(png_chunks_check(bad, len), PNG_CHUNKS_BROKEN);
	out = image_decode(bad, len, 50, 50, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	CHECK(out == NULL && !incomplete);
	CHECK(strstr(err, "damaged") != NULL);
	bad[8 + 4 + 2] = 'D';
	memcpy(bad + 8 + 4, "IDAT", 4);
	CHECK_INT(png_chunks_check(bad, len), PNG_CHUNKS_BROKEN);
	free(bad);
	free(png);
}

/* bytes[0..len) written to a new temporary file, open for reading; -1 on
 * failure. */
static int temp_file(const unsigned char *bytes, size_t len)
{
	char path[] = "/tmp/twinhall-png-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	unlink(path);
	if (write(fd, bytes, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return fd;
}

/* A PNG decoded from its file as it is read (so a scan's file is never held
 * whole beside its pixels) gives the same pixels as from memory; its chunks
 * are walked from the file first, with the same answers for a cut or
 * damaged file. */
static void test_png_from_its_file(void)
{
	size_t len = 0;
	unsigned char *png = png_bytes(&len);
	char err[256] = "";
	bool incomplete = true;
	int fd = temp_file(png, len);
	CHECK(fd >= 0);
	CHECK_INT(png_chunks_check_fd(fd, len), PNG_CHUNKS_OK);
	SDL_Surface *mem =
	    image_decode(png, len, 50, 50, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	SDL_Surface *file =
	    image_decode_png_fd(fd, len, 50, 50, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	CHECK(mem && file && !incomplete);
	if (mem && file) {
		CHECK_INT(file->w, mem->w);
		CHECK_INT(file->h, mem->h);
		for (int y = 0; y < mem->h && y < file->h; y++)
			CHECK(memcmp((Uint8 *)mem->pixels + y * mem->pitch,
			             (Uint8 *)file->pixels + y * file->pitch,
			             (size_t)mem->w * 4) == 0);
	}
	SDL_FreeSurface(mem);
	SDL_FreeSurface(file);
	close(fd);

	fd = temp_file(png, len / 2); /* still being copied */
	CHECK_INT(png_chunks_check_fd(fd, len / 2), PNG_CHUNKS_CUT);
	file =
	    image_decode_png_fd(fd, len / 2, 50, 50, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	CHECK(file == NULL && incomplete);
	CHECK_INT(png_chunks_check_fd(fd, len), PNG_CHUNKS_CUT); /* shorter than said */
	close(fd);

	png[8 + 4 + 2] = '#'; /* a chunk type that is not four letters */
	fd = temp_file(png, len);
	file = image_decode_png_fd(fd, len, 50, 50, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	CHECK(file == NULL && !incomplete);
	CHECK(strstr(err, "damaged") != NULL);
	close(fd);
	free(png);
}

/* A file whose first bytes say WebP goes to the WebP decoder and no other:
 * SDL_image's IMG_LoadTyped_RW tried every format's magic first and sent
 * this one, a WebP header with "<svg" after it, to its SVG parser (found by
 * fuzz_image_info, through a leak there). It is a broken WebP, not a
 * picture. */
static void test_webp_is_decoded_as_webp(void)
{
	static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' width='16' height='8'>"
	                          "<rect width='16' height='8' fill='red'/></svg>";
	/* A lossy WebP header (257 x 257) whose RIFF size reads "<svg", as the
	 * fuzzer made it, and no zero byte before the SVG (SDL_image and its
	 * SVG parser stop at one). */
	static const unsigned char head[] = "RIFF<svgWEBPVP8 \x18\x01\x01\x01\x30\x01\x01\x9d\x01"
	                                    "\x2a\x01\x01\x01\x01";
	unsigned char buf[512] = {0};
	size_t len = sizeof head - 1;
	memcpy(buf, head, len);
	memcpy(buf + len, svg, sizeof svg - 1);
	len += sizeof svg - 1;
	char err[256] = "";
	bool incomplete = false;
	SDL_Surface *out =
	    image_decode(buf, len, 16, 8, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	CHECK(out == NULL);
	CHECK(err[0] != '\0');
	SDL_FreeSurface(out);
}

int main(void)
{
	RUN(test_every_orientation_upright);
	RUN(test_png_from_its_file);
	RUN(test_png_fitted);
	RUN(test_opaque_images_copy);
	RUN(test_png_cut_or_damaged);
	RUN(test_webp_is_decoded_as_webp);
	return failures_ != 0;
}
