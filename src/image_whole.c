#include "image_whole.h"

#include <unistd.h>

#include "png_chunks.h"

enum { TAIL = 4096 }; /* the JPEG tail looked at, for padding after the marker */

static enum image_whole jpeg_whole(int fd, uint64_t size)
{
	unsigned char tail[TAIL];
	size_t n = size < TAIL ? (size_t)size : TAIL;
	if (n < 4 || pread(fd, tail, n, (off_t)(size - n)) != (ssize_t)n)
		return IMAGE_CUT;
	while (n > 0 && tail[n - 1] == 0x00)
		n--;
	return n >= 2 && tail[n - 2] == 0xFF && tail[n - 1] == 0xD9 ? IMAGE_WHOLE : IMAGE_CUT;
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

enum image_whole image_whole_fd(int fd, enum image_info_format f, uint64_t size)
{
	switch (f) {
	case IMAGE_INFO_JPEG:
		return jpeg_whole(fd, size);
	case IMAGE_INFO_WEBP:
		return webp_whole(fd, size);
	case IMAGE_INFO_PNG:
		switch (png_chunks_check_fd(fd, size)) {
		case PNG_CHUNKS_OK:
			return IMAGE_WHOLE;
		case PNG_CHUNKS_CUT:
			return IMAGE_CUT;
		case PNG_CHUNKS_BROKEN:
			return IMAGE_DAMAGED;
		}
		break;
	case IMAGE_INFO_NONE:
		break;
	}
	return IMAGE_DAMAGED;
}
