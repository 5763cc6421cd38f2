#include "image/image_info.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "image/heif_boxes.h"
#include "image/jpeg_walk.h"

static uint32_t be16(const unsigned char *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le16(const unsigned char *p)
{
	return (uint32_t)p[1] << 8 | p[0];
}

static uint32_t le24(const unsigned char *p)
{
	return (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static uint32_t le32(const unsigned char *p)
{
	return le24(p) | (uint32_t)p[3] << 24;
}

/* Records the size and checks the limits. */
static enum image_info_err set_size(struct image_info *info, uint32_t w, uint32_t h)
{
	info->width = w > INT32_MAX ? INT32_MAX : (int)w;
	info->height = h > INT32_MAX ? INT32_MAX : (int)h;
	if (w == 0 || h == 0)
		return IMAGE_INFO_ZERO_SIZE;
	if (w > IMAGE_INFO_MAX_SIDE || h > IMAGE_INFO_MAX_SIDE ||
	    (uint64_t)w * h > IMAGE_INFO_MAX_PIXELS)
		return IMAGE_INFO_TOO_LARGE;
	return IMAGE_INFO_OK;
}

static enum image_info_err parse_png(const unsigned char *b, size_t len, struct image_info *info)
{
	info->format = IMAGE_INFO_PNG;
	if (len < 24)
		return IMAGE_INFO_TRUNCATED;
	if (be32(b + 8) != 13 || memcmp(b + 12, "IHDR", 4) != 0)
		return IMAGE_INFO_BAD_HEADER;
	return set_size(info, be32(b + 16), be32(b + 20));
}

/* SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
static int is_sof(unsigned char m)
{
	return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

/* A JPEG's frame: its size within the limits, and of a kind the decoder
 * shows (8 bits a sample; not lossless or hierarchical). */
static enum image_info_err jpeg_frame_info(struct image_info *info, unsigned char sof,
                                           int precision, uint32_t w, uint32_t h)
{
	enum image_info_err e = set_size(info, w, h);
	struct jpeg_frame f = {.sof = sof, .precision = precision};
	const char *kind = jpeg_walk_unsupported(&f);
	if (e == IMAGE_INFO_OK && kind) {
		info->other = kind;
		return IMAGE_INFO_UNSUPPORTED;
	}
	return e;
}

static enum image_info_err parse_jpeg(const unsigned char *b, size_t len, struct image_info *info)
{
	info->format = IMAGE_INFO_JPEG;
	size_t i = 2;
	for (;;) {
		if (i + 1 >= len)
			return IMAGE_INFO_TRUNCATED;
		if (b[i] != 0xff)
			return IMAGE_INFO_BAD_HEADER;
		unsigned char m = b[i + 1];
		if (m == 0xff) { /* fill byte */
			i++;
			continue;
		}
		i += 2;
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7))
			continue; /* markers without a length */
		if (m == 0xd8 || m == 0xd9 || m == 0xda || m == 0x00)
			return IMAGE_INFO_BAD_HEADER; /* image data before any frame header */
		if (i + 2 > len)
			return IMAGE_INFO_TRUNCATED;
		uint32_t seg = be16(b + i);
		if (seg < 2)
			return IMAGE_INFO_BAD_HEADER;
		if (is_sof(m)) {
			if (seg < 7)
				return IMAGE_INFO_BAD_HEADER;
			if (i + 7 > len)
				return IMAGE_INFO_TRUNCATED;
			return jpeg_frame_info(info, m, b[i + 2], be16(b + i + 5), be16(b + i + 3));
		}
		i += seg;
	}
}

static enum image_info_err parse_webp(const unsigned char *b, size_t len, struct image_info *info)
{
	info->format = IMAGE_INFO_WEBP;
	if (len < 16)
		return IMAGE_INFO_TRUNCATED;
	const unsigned char *c = b + 12, *d = b + 20;
	if (memcmp(c, "VP8 ", 4) == 0) {
		if (len < 30)
			return IMAGE_INFO_TRUNCATED;
		if (d[3] != 0x9d || d[4] != 0x01 || d[5] != 0x2a)
			return IMAGE_INFO_BAD_HEADER;
		return set_size(info, le16(d + 6) & 0x3fff, le16(d + 8) & 0x3fff);
	}
	if (memcmp(c, "VP8L", 4) == 0) {
		if (len < 25)
			return IMAGE_INFO_TRUNCATED;
		if (d[0] != 0x2f)
			return IMAGE_INFO_BAD_HEADER;
		uint32_t bits = le32(d + 1);
		return set_size(info, (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
	}
	if (memcmp(c, "VP8X", 4) == 0) {
		if (len < 30)
			return IMAGE_INFO_TRUNCATED;
		enum image_info_err e = set_size(info, le24(d + 4) + 1, le24(d + 7) + 1);
		if (e == IMAGE_INFO_OK && (d[0] & 0x02)) { /* the animation flag */
			info->other = N_("an animated WebP");
			return IMAGE_INFO_UNSUPPORTED;
		}
		return e;
	}
	return IMAGE_INFO_BAD_HEADER;
}

/* The size of a HEIC's largest image, from the meta box at its start. */
static enum image_info_err parse_heic(const unsigned char *b, size_t len, struct image_info *info)
{
	struct heif_boxes x;
	info->format = IMAGE_INFO_HEIC;
	if (!heif_boxes_parse(b, len, &x))
		return len >= IMAGE_INFO_HEAD ? IMAGE_INFO_BAD_HEADER : IMAGE_INFO_TRUNCATED;
	return set_size(info, (uint32_t)x.width, (uint32_t)x.height);
}

struct magic {
	const char *bytes;
	size_t len, at;
	const char *name;
};

/* Image formats we can name but not show. */
static const struct magic others[] = {
    {"GIF8", 4, 0, "GIF"},   {"BM", 2, 0, "BMP"},   {"II*\0", 4, 0, "TIFF"},
    {"MM\0*", 4, 0, "TIFF"}, {"<svg", 4, 0, "SVG"}, {"%PDF", 4, 0, "PDF"},
};

static enum image_info_err identify_other(const unsigned char *b, size_t len,
                                          struct image_info *info)
{
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		const struct magic *m = &others[i];
		if (len >= m->at + m->len && memcmp(b + m->at, m->bytes, m->len) == 0) {
			info->other = m->name;
			return IMAGE_INFO_UNSUPPORTED;
		}
	}
	return IMAGE_INFO_UNKNOWN;
}

enum image_info_err image_info_parse(const unsigned char *b, size_t len, struct image_info *info)
{
	static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	memset(info, 0, sizeof *info);
	if (len >= 8 && memcmp(b, png_sig, 8) == 0)
		return parse_png(b, len, info);
	if (len >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
		return parse_jpeg(b, len, info);
	if (len >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0)
		return parse_webp(b, len, info);
	switch (heif_boxes_brand(b, len)) {
	case HEIF_BOXES_HEIC:
		return parse_heic(b, len, info);
	case HEIF_BOXES_AVIF:
		info->other = "AVIF";
		return IMAGE_INFO_UNSUPPORTED;
	case HEIF_BOXES_OTHER:
		info->other = "HEIF";
		return IMAGE_INFO_UNSUPPORTED;
	case HEIF_BOXES_NONE:
		break;
	}
	return identify_other(b, len, info);
}

/* Reads up to size bytes from the start of fd into buf; -1 on error. */
static ssize_t read_head(int fd, unsigned char *buf, size_t size)
{
	size_t n = 0;
	while (n < size) {
		ssize_t r = pread(fd, buf + n, size - n, (off_t)n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		n += (size_t)r;
	}
	return (ssize_t)n;
}

/* A JPEG whose frame header lies beyond the first bytes read (megabytes
 * of metadata before it): its markers walked to the frame, a window at a
 * time. */
static enum image_info_err jpeg_far_frame(int fd, struct image_info *info)
{
	struct stat st;
	struct jpeg_walk w;
	if (fstat(fd, &st) != 0)
		return IMAGE_INFO_IO;
	enum jpeg_walk_err e = jpeg_walk_fd(fd, (uint64_t)st.st_size, false, &w);
	if (w.have_frame) /* what follows the frame header is judged elsewhere */
		return jpeg_frame_info(info, w.frame.sof, w.frame.precision,
		                       (uint32_t)w.frame.width, (uint32_t)w.frame.height);
	switch (e) {
	case JPEG_WALK_OK:
	case JPEG_WALK_CUT:
		return IMAGE_INFO_TRUNCATED;
	case JPEG_WALK_IO:
		return IMAGE_INFO_IO;
	case JPEG_WALK_BAD:
	case JPEG_WALK_SCANS:
		break;
	}
	return IMAGE_INFO_BAD_HEADER;
}

enum image_info_err image_info_read(int fd, struct image_info *info)
{
	enum image_info_err e = IMAGE_INFO_IO;
	memset(info, 0, sizeof *info);
	unsigned char *buf = malloc(IMAGE_INFO_HEAD);
	if (!buf)
		return IMAGE_INFO_IO;
	ssize_t n = read_head(fd, buf, IMAGE_INFO_HEAD);
	if (n >= 0)
		e = image_info_parse(buf, (size_t)n, info);
	/* A JPEG may carry large metadata (EXIF, colour profiles, a phone's
	 * depth maps) before its frame header: walk to it then. */
	if (e == IMAGE_INFO_TRUNCATED && info->format == IMAGE_INFO_JPEG && n == IMAGE_INFO_HEAD)
		e = jpeg_far_frame(fd, info);
	free(buf);
	return e;
}

const char *image_info_describe(enum image_info_err err)
{
	switch (err) {
	case IMAGE_INFO_OK:
		return _("is a good image");
	case IMAGE_INFO_UNKNOWN:
		return _("is not a JPEG, PNG, WebP or HEIC image");
	case IMAGE_INFO_UNSUPPORTED:
		return _("is an image in a format that cannot be shown; save it as JPEG");
	case IMAGE_INFO_TRUNCATED:
		return _("is cut short (the file is incomplete); copy it again");
	case IMAGE_INFO_BAD_HEADER:
		return _(
		    "is damaged: its header makes no sense; save it again from an image editor");
	case IMAGE_INFO_ZERO_SIZE:
		return _("says it is 0 pixels wide or high; save it again from an image editor");
	case IMAGE_INFO_TOO_LARGE:
		return _("is too large: at most 16384 pixels on a side and 64 megapixels; "
		         "make it smaller");
	case IMAGE_INFO_IO:
		break;
	}
	return _("cannot be read");
}

const char *image_info_format_name(enum image_info_format f)
{
	switch (f) {
	case IMAGE_INFO_JPEG:
		return "JPEG";
	case IMAGE_INFO_PNG:
		return "PNG";
	case IMAGE_INFO_WEBP:
		return "WebP";
	case IMAGE_INFO_HEIC:
		return "HEIC";
	case IMAGE_INFO_NONE:
		break;
	}
	return "unknown";
}
