#include "image/exif.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	EXIF_TAG_ORIENTATION = 0x0112,
	EXIF_TYPE_SHORT = 3,
	EXIF_TYPE_LONG = 4,
	EXIF_ENTRY_SIZE = 12,
};

/* The TIFF block inside the APP1 segment, with its byte order. */
struct tiff {
	const unsigned char *p;
	size_t len;
	int big_endian;
};

/* Reads a 16-bit value at off into *v; 0, or -1 when it lies outside. */
static int tiff_u16(const struct tiff *t, size_t off, unsigned *v)
{
	if (off > t->len || t->len - off < 2)
		return -1;
	const unsigned char *b = t->p + off;
	*v = t->big_endian ? (unsigned)(b[0] << 8 | b[1]) : (unsigned)(b[1] << 8 | b[0]);
	return 0;
}

/* Reads a 32-bit value at off into *v; 0, or -1 when it lies outside. */
static int tiff_u32(const struct tiff *t, size_t off, uint32_t *v)
{
	unsigned a, b;
	if (tiff_u16(t, off, &a) != 0 || tiff_u16(t, off + 2, &b) != 0)
		return -1;
	*v = t->big_endian ? (uint32_t)a << 16 | b : (uint32_t)b << 16 | a;
	return 0;
}

/* The value of one IFD entry at off if it is the orientation tag, else 0.
 * Only IFD0 is read and its next-IFD link never followed, so offset loops
 * cannot trap us. */
static int entry_orientation(const struct tiff *t, size_t off)
{
	unsigned tag, type, v16;
	uint32_t count, v32;
	if (tiff_u16(t, off, &tag) != 0 || tag != EXIF_TAG_ORIENTATION)
		return 0;
	if (tiff_u16(t, off + 2, &type) != 0 || tiff_u32(t, off + 4, &count) != 0 || count != 1)
		return 0;
	if (type == EXIF_TYPE_SHORT && tiff_u16(t, off + 8, &v16) == 0)
		return v16 >= 1 && v16 <= 8 ? (int)v16 : 0;
	if (type == EXIF_TYPE_LONG && tiff_u32(t, off + 8, &v32) == 0)
		return v32 >= 1 && v32 <= 8 ? (int)v32 : 0;
	return 0;
}

int exif_tiff_orientation(const unsigned char *p, size_t len)
{
	struct tiff t = {p, len, 0};
	if (len < 8)
		return 1;
	if (memcmp(p, "MM\0*", 4) == 0)
		t.big_endian = 1;
	else if (memcmp(p, "II*\0", 4) != 0)
		return 1;
	uint32_t ifd;
	unsigned n;
	if (tiff_u32(&t, 4, &ifd) != 0 || tiff_u16(&t, ifd, &n) != 0)
		return 1;
	for (unsigned i = 0; i < n; i++) {
		size_t off = (size_t)ifd + 2 + (size_t)i * EXIF_ENTRY_SIZE;
		if (off + EXIF_ENTRY_SIZE > len)
			return 1;
		int o = entry_orientation(&t, off);
		if (o)
			return o;
	}
	return 1;
}

/* Where a JPEG's bytes are: in memory (bytes), else in the file fd. */
struct jpeg_src {
	const unsigned char *bytes;
	int fd;
};

/* n bytes at pos, within the JPEG's length (checked by the caller). */
static bool read_at(const struct jpeg_src *s, size_t pos, unsigned char *out, size_t n)
{
	if (s->bytes) {
		memcpy(out, s->bytes + pos, n);
		return true;
	}
	return pread(s->fd, out, n, (off_t)pos) == (ssize_t)n;
}

/* The orientation in the APP1 segment of body_len bytes at pos; 0 when it
 * is not an EXIF block, 1 when that is unreadable. */
static int app1_orientation(const struct jpeg_src *s, size_t pos, size_t body_len)
{
	if (body_len < 6)
		return 0;
	if (s->bytes) {
		const unsigned char *body = s->bytes + pos;
		return memcmp(body, "Exif\0\0", 6) != 0
		           ? 0
		           : exif_tiff_orientation(body + 6, body_len - 6);
	}
	unsigned char *body = malloc(body_len);
	if (!body)
		return 1;
	int o = !read_at(s, pos, body, body_len)   ? 1
	        : memcmp(body, "Exif\0\0", 6) != 0 ? 0
	                                           : exif_tiff_orientation(body + 6, body_len - 6);
	free(body);
	return o;
}

/* The walk of the marker segments before the image data (SOS), a
 * segment's header at a time, to the first EXIF block. */
static int walk(const struct jpeg_src *s, size_t len)
{
	unsigned char b[4];
	if (len < 4 || !read_at(s, 0, b, 2) || b[0] != 0xFF || b[1] != 0xD8)
		return 1;
	size_t pos = 2;
	while (pos + 4 <= len) {
		if (!read_at(s, pos, b, 4) || b[0] != 0xFF)
			return 1;
		unsigned marker = b[1];
		if (marker == 0xFF) { /* fill byte */
			pos++;
			continue;
		}
		if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { /* no length */
			pos += 2;
			continue;
		}
		if (marker == 0xDA || marker == 0xD9)
			return 1;
		size_t seg = (size_t)b[2] << 8 | b[3];
		if (seg < 2 || seg > len - pos - 2)
			return 1;
		if (marker == 0xE1) {
			int o = app1_orientation(s, pos + 4, seg - 2);
			if (o)
				return o;
		}
		pos += 2 + seg;
	}
	return 1;
}

int exif_orientation(const unsigned char *jpeg, size_t len)
{
	return jpeg ? walk(&(struct jpeg_src){jpeg, -1}, len) : 1;
}

int exif_orientation_fd(int fd, size_t len)
{
	return walk(&(struct jpeg_src){NULL, fd}, len);
}

void exif_oriented_size(int orientation, int w, int h, int *ow, int *oh)
{
	int turned = orientation >= 5 && orientation <= 8;
	*ow = turned ? h : w;
	*oh = turned ? w : h;
}
