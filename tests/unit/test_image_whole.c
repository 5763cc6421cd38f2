/* Whether an image file is all there, from its end: a JPEG's end marker
 * (zero padding allowed), a PNG's IEND chunk, a WebP's RIFF length; on real
 * files read with pread. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image/image_whole.h"
#include "test.h"

static int failures_;

/* Writes n bytes to a new temporary file and returns it open; its size in *size. */
static int file_of(const unsigned char *b, size_t n, uint64_t *size)
{
	char path[] = "/tmp/twinhall-whole-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	unlink(path);
	CHECK(write(fd, b, n) == (ssize_t)n);
	lseek(fd, 0, SEEK_SET);
	*size = n;
	return fd;
}

static enum image_whole whole(const unsigned char *b, size_t n, enum image_info_format f)
{
	uint64_t size;
	int fd = file_of(b, n, &size);
	enum image_whole w = image_whole_fd(fd, f, size);
	CHECK(lseek(fd, 0, SEEK_CUR) == 0); /* the offset is left alone */
	close(fd);
	return w;
}

static void test_jpeg(void)
{
	FILE *f = fopen("tests/fixtures/rotated-6.jpg", "rb");
	CHECK(f != NULL);
	if (!f)
		return;
	unsigned char b[8192];
	size_t n = fread(b, 1, sizeof b - 16, f);
	fclose(f);
	CHECK_INT(whole(b, n, IMAGE_INFO_JPEG), IMAGE_WHOLE);
	memset(b + n, 0, 16); /* zero padding after the marker, as some cameras write */
	CHECK_INT(whole(b, n + 16, IMAGE_INFO_JPEG), IMAGE_WHOLE);
	CHECK_INT(whole(b, n / 2, IMAGE_INFO_JPEG), IMAGE_CUT);
	CHECK_INT(whole(b, n - 1, IMAGE_INFO_JPEG), IMAGE_CUT);
	CHECK_INT(whole(b, 2, IMAGE_INFO_JPEG), IMAGE_CUT);
}

static const unsigned char png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0,   0,   0,    13,   'I',  'H', 'D',
    'R',  0,   0,   0,   1,    0,    0,    0,    1,   8,   2,    0,    0,    0,   1,
    2,    3,   4,   0,   0,    0,    2,    'I',  'D', 'A', 'T',  0x78, 0x9c, 1,   2,
    3,    4,   0,   0,   0,    0,    'I',  'E',  'N', 'D', 0xae, 0x42, 0x60, 0x82};

static void test_png(void)
{
	CHECK_INT(whole(png, sizeof png, IMAGE_INFO_PNG), IMAGE_WHOLE);
	CHECK_INT(whole(png, sizeof png - 1, IMAGE_INFO_PNG), IMAGE_CUT);
	CHECK_INT(whole(png, 40, IMAGE_INFO_PNG), IMAGE_CUT);
	unsigned char b[sizeof png + 20];
	memcpy(b, png, sizeof png);
	memset(b + sizeof png, 0x55, 20); /* something after IEND, which libpng allows */
	CHECK_INT(whole(b, sizeof b, IMAGE_INFO_PNG), IMAGE_WHOLE);
	CHECK_INT(whole(b, sizeof png - 12, IMAGE_INFO_PNG), IMAGE_CUT); /* all but IEND */
}

static void test_webp(void)
{
	unsigned char b[30] = "RIFF\x16\x00\x00\x00WEBPVP8X";
	CHECK_INT(whole(b, sizeof b, IMAGE_INFO_WEBP), IMAGE_WHOLE);
	CHECK_INT(whole(b, 29, IMAGE_INFO_WEBP), IMAGE_CUT);
	CHECK_INT(whole(b, 6, IMAGE_INFO_WEBP), IMAGE_CUT);
	CHECK_INT(whole(b, sizeof b, IMAGE_INFO_NONE), IMAGE_DAMAGED);
}

int main(void)
{
	RUN(test_jpeg);
	RUN(test_png);
	RUN(test_webp);
	return failures_ != 0;
}
