#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "image/image_info.h"
#include "test.h"

static int failures_;

static size_t png_head(unsigned char *b, uint32_t w, uint32_t h)
{
	static const unsigned char head[16] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
	                                       0,    0,   0,   13,  'I',  'H',  'D',  'R'};
	memcpy(b, head, 16);
	for (int i = 0; i < 4; i++) {
		b[16 + i] = (unsigned char)(w >> (24 - 8 * i));
		b[20 + i] = (unsigned char)(h >> (24 - 8 * i));
	}
	memset(b + 24, 0, 9); /* depth, colour type... and CRC */
	b[24] = 8;
	b[25] = 6;
	return 33;
}

/* A JPEG head: SOI, an APP0 and an APP1 segment, then SOF marker sof. */
static size_t jpeg_head(unsigned char *b, unsigned char sof, uint32_t w, uint32_t h)
{
	size_t n = 0;
	b[n++] = 0xff;
	b[n++] = 0xd8;
	static const unsigned char app0[] = {0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0,
	                                     1,    1,    0, 0,  1,   0,   1,   0,   0};
	memcpy(b + n, app0, sizeof app0);
	n += sizeof app0;
	b[n++] = 0xff;
	b[n++] = 0xe1;
	b[n++] = 0x01; /* a 300-byte APP1 (EXIF-like) segment */
	b[n++] = 0x2c;
	memset(b + n, 'x', 298);
	n += 298;
	b[n++] = 0xff; /* a fill byte before the marker is allowed */
	const unsigned char sofseg[] = {0xff,
	                                sof,
	                                0,
	                                17,
	                                8,
	                                (unsigned char)(h >> 8),
	                                (unsigned char)h,
	                                (unsigned char)(w >> 8),
	                                (unsigned char)w,
	                                3};
	memcpy(b + n, sofseg, sizeof sofseg);
	n += sizeof sofseg;
	memset(b + n, 0, 9);
	return n + 9;
}

static void check_ok(const unsigned char *b, size_t n, enum image_info_format f, int w, int h)
{
	struct image_info info;
	CHECK_INT(image_info_parse(b, n, &info), IMAGE_INFO_OK);
	CHECK_INT(info.format, f);
	CHECK_INT(info.width, w);
	CHECK_INT(info.height, h);
}

static void test_png(void)
{
	unsigned char b[64];
	size_t n = png_head(b, 640, 480);
	check_ok(b, n, IMAGE_INFO_PNG, 640, 480);
	struct image_info info;
	CHECK_INT(image_info_parse(b, 20, &info), IMAGE_INFO_TRUNCATED);
	n = png_head(b, 100000, 100000);
	CHECK_INT(image_info_parse(b, n, &info), IMAGE_INFO_TOO_LARGE);
	CHECK_INT(info.width, 100000);
	n = png_head(b, 0, 10);
	CHECK_INT(image_info_parse(b, n, &info), IMAGE_INFO_ZERO_SIZE);
	n = png_head(b, 10000, 8000); /* 80 megapixels, sides within limits */
	CHECK_INT(image_info_parse(b, n, &info), IMAGE_INFO_TOO_LARGE);
}

static void test_jpeg_sof0_and_sof2(void)
{
	unsigned char b[512];
	size_t n = jpeg_head(b, 0xc0, 1920, 1080);
	check_ok(b, n, IMAGE_INFO_JPEG, 1920, 1080);
	n = jpeg_head(b, 0xc2, 800, 600);
	check_ok(b, n, IMAGE_INFO_JPEG, 800, 600);
	struct image_info info;
	CHECK_INT(image_info_parse(b, 200, &info), IMAGE_INFO_TRUNCATED);
	n = jpeg_head(b, 0xc0, 20000, 20000);
	CHECK_INT(image_info_parse(b, n, &info), IMAGE_INFO_TOO_LARGE);
	n = jpeg_head(b, 0xda, 10, 10); /* scan data before any frame header */
	CHECK_INT(image_info_parse(b, n, &info), IMAGE_INFO_BAD_HEADER);
	n = jpeg_head(b, 0xc4, 10, 10); /* DHT is not a frame header */
	CHECK(image_info_parse(b, n, &info) != IMAGE_INFO_OK);
}

static size_t riff(unsigned char *b, const char *fourcc)
{
	memcpy(b, "RIFF\x40\0\0\0WEBP", 12);
	memcpy(b + 12, fourcc, 4);
	memcpy(b + 16, "\x20\0\0\0", 4);
	memset(b + 20, 0, 20);
	return 40;
}

static void test_webp(void)
{
	unsigned char b[64];
	size_t n = riff(b, "VP8 ");
	memcpy(b + 23, "\x9d\x01\x2a", 3);
	b[26] = 0x20; /* 800 = 0x320 */
	b[27] = 0x03;
	b[28] = 0x58; /* 600 = 0x258 */
	b[29] = 0x02;
	check_ok(b, n, IMAGE_INFO_WEBP, 800, 600);
	n = riff(b, "VP8L");
	b[20] = 0x2f;
	uint32_t bits = (1024 - 1) | (uint32_t)(768 - 1) << 14;
	for (int i = 0; i < 4; i++)
		b[21 + i] = (unsigned char)(bits >> (8 * i));
	check_ok(b, n, IMAGE_INFO_WEBP, 1024, 768);
	n = riff(b, "VP8X");
	b[24] = 0x9f; /* 4000 - 1 = 0xf9f, 24-bit little-endian */
	b[25] = 0x0f;
	b[27] = 0xb7; /* 3000 - 1 = 0xbb7 */
	b[28] = 0x0b;
	check_ok(b, n, IMAGE_INFO_WEBP, 4000, 3000);
	struct image_info info;
	CHECK_INT(image_info_parse(b, 26, &info), IMAGE_INFO_TRUNCATED);
	b[20] = 0x02; /* the animation flag: SDL_image shows no animated WebP */
	CHECK_INT(image_info_parse(b, n, &info), IMAGE_INFO_UNSUPPORTED);
	CHECK_INT(info.format, IMAGE_INFO_WEBP);
	CHECK_STR(info.other, "an animated WebP");
	b[20] = 0x10; /* alpha alone is fine */
	check_ok(b, n, IMAGE_INFO_WEBP, 4000, 3000);
}

/* Kinds of JPEG libjpeg-turbo (8-bit) cannot decode: refused by their
 * frame header, as the screen would show only a placeholder. */
static void test_jpeg_kinds_not_shown(void)
{
	unsigned char b[512];
	struct image_info info;
	size_t n = jpeg_head(b, 0xc3, 800, 600);
	CHECK_INT(image_info_parse(b, n, &info), IMAGE_INFO_UNSUPPORTED);
	CHECK_INT(info.format, IMAGE_INFO_JPEG);
	CHECK_STR(info.other, "a lossless JPEG");
	n = jpeg_head(b, 0xc1, 800, 600);
	b[n - 9 - 10 + 4] = 12; /* the precision byte of the frame header */
	CHECK_INT(image_info_parse(b, n, &info), IMAGE_INFO_UNSUPPORTED);
	CHECK_STR(info.other, "a 12-bit JPEG");
	n = jpeg_head(b, 0xc9, 800, 600); /* arithmetic coding: decoded */
	check_ok(b, n, IMAGE_INFO_JPEG, 800, 600);
}

static void test_not_images(void)
{
	struct image_info info;
	const char *text = "title:\n  en: Hall\n";
	CHECK_INT(image_info_parse((const unsigned char *)text, strlen(text), &info),
	          IMAGE_INFO_UNKNOWN);
	CHECK_INT(image_info_parse((const unsigned char *)"", 0, &info), IMAGE_INFO_UNKNOWN);
	CHECK_INT(image_info_parse((const unsigned char *)"GIF89a\1\0\1\0", 10, &info),
	          IMAGE_INFO_UNSUPPORTED);
	CHECK_STR(info.other, "GIF");
	CHECK_INT(image_info_parse((const unsigned char *)"\xff\xd8", 2, &info),
	          IMAGE_INFO_UNKNOWN);
}

static void test_read_from_fd(void)
{
	char path[] = "/tmp/twinhall-ii-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	/* A JPEG whose frame header lies past the first 64 KiB, and past the
	 * 1 MiB that was all that was looked at before (a phone's depth map). */
	size_t size = 1200 * 1024;
	unsigned char *b = calloc(1, size);
	CHECK(b != NULL);
	size_t n = 2;
	b[0] = 0xff;
	b[1] = 0xd8;
	for (int seg = 0; seg < 18; seg++) {
		b[n] = 0xff;
		b[n + 1] = 0xe2;
		b[n + 2] = 0xff;
		b[n + 3] = 0xff;
		n += 2 + 0xffff;
	}
	unsigned char sof[] = {0xff, 0xc0, 0, 17, 8,    0x02, 0x58, 0x03, 0x20, 3,
	                       1,    0x22, 0, 2,  0x11, 1,    3,    0x11, 1};
	memcpy(b + n, sof, sizeof sof);
	CHECK(write(fd, b, size) == (ssize_t)size);
	struct image_info info;
	CHECK_INT(image_info_read(fd, &info), IMAGE_INFO_OK);
	CHECK_INT(info.width, 800);
	CHECK_INT(info.height, 600);
	free(b);
	close(fd);
	unlink(path);
}

int main(void)
{
	RUN(test_png);
	RUN(test_jpeg_sof0_and_sof2);
	RUN(test_webp);
	RUN(test_jpeg_kinds_not_shown);
	RUN(test_not_images);
	RUN(test_read_from_fd);
	return failures_ != 0;
}
