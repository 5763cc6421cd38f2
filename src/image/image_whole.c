#include "image/image_whole.h"

#include <string.h>
#include <unistd.h>

#include "image/heif_boxes.h"
#include "image/jpeg_walk.h"

enum { TAIL = 4096 }; /* the end looked at, for what may follow the image */

/* Reads the last bytes of the file (at most TAIL) into tail; how many. */
static size_t read_tail(int fd, uint64_t size, unsigned char *tail)
{
	size_t n = size < TAIL ? (size_t)size : TAIL;
	return pread(fd, tail, n, (off_t)(size - n)) == (ssize_t)n ? n : 0;
}

/* The end-of-image marker, then at most zero padding (as some cameras
 * write): the usual file, told from its last bytes. Otherwise the markers
 * are walked to the image's own end marker, which may be followed by
 * more: a phone's trailer (Samsung's), a motion photo's video. */
static enum image_whole jpeg_whole(int fd, uint64_t size)
{
	unsigned char tail[TAIL];
	size_t n = read_tail(fd, size, tail);
	while (n > 0 && tail[n - 1] == 0x00)
		n--;
	if (n >= 4 && tail[n - 2] == 0xFF && tail[n - 1] == 0xD9)
		return IMAGE_WHOLE;
	struct jpeg_walk w;
	switch (jpeg_walk_fd(fd, size, true, &w)) {
	case JPEG_WALK_OK:
		return IMAGE_WHOLE;
	case JPEG_WALK_CUT:
	case JPEG_WALK_IO:
		return IMAGE_CUT;
	case JPEG_WALK_BAD:
	case JPEG_WALK_SCANS:
		break;
	}
	return IMAGE_DAMAGED;
}

/* The IEND chunk near the end: a PNG cut short has none. Its other chunks
 * are walked before decoding (png_chunks); this is the loader's quick look. */
static enum image_whole png_whole(int fd, uint64_t size)
{
	static const unsigned char iend[12] = {0,   0,   0,    0,    'I',  'E',
	                                       'N', 'D', 0xae, 0x42, 0x60, 0x82};
	unsigned char tail[TAIL];
	size_t n = read_tail(fd, size, tail);
	return n >= sizeof iend && memmem(tail, n, iend, sizeof iend) ? IMAGE_WHOLE : IMAGE_CUT;
}

static enum image_whole webp_whole(int fd, uint64_t size)
{
	unsigned char b[4];
	if (pread(fd, b, 4, 4) != 4)
		return IMAGE_CUT;
	uint64_t riff =
	    (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24;
	return size >= 8 + riff ? IMAGE_WHOLE : IMAGE_CUT;
}

static size_t read_at(void *ctx, void *buf, size_t n, uint64_t at)
{
	ssize_t r = pread(*(int *)ctx, buf, n, (off_t)at);
	return r < 0 ? 0 : (size_t)r;
}

/* A HEIC is a chain of boxes (ftyp, meta, mdat...) that ends at its end. */
static enum image_whole heic_whole(int fd, uint64_t size)
{
	return heif_boxes_whole(size, read_at, &fd) ? IMAGE_WHOLE : IMAGE_CUT;
}

enum image_whole image_whole_fd(int fd, enum image_info_format f, uint64_t size)
{
	switch (f) {
	case IMAGE_INFO_JPEG:
		return jpeg_whole(fd, size);
	case IMAGE_INFO_WEBP:
		return webp_whole(fd, size);
	case IMAGE_INFO_PNG:
		return png_whole(fd, size);
	case IMAGE_INFO_HEIC:
		return heic_whole(fd, size);
	case IMAGE_INFO_NONE:
		break;
	}
	return IMAGE_DAMAGED;
}
