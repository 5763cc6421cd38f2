#include "image/jpeg_walk.h"

#include "base/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

enum { WINDOW = 64 * 1024 };

/* A window of the file, refilled as the walk moves on. */
struct reader {
	jpeg_walk_read read;
	void *ctx;
	uint64_t size;
	unsigned char buf[WINDOW];
	uint64_t at; /* the file offset of buf[0] */
	size_t len;  /* bytes in buf */
};

/* n (<= WINDOW) bytes at offset pos, or NULL when the file ends first. */
static const unsigned char *bytes_at(struct reader *r, uint64_t pos, size_t n)
{
	if (pos + n > r->size)
		return NULL;
	if (pos >= r->at && pos + n <= r->at + r->len)
		return r->buf + (pos - r->at);
	size_t want = r->size - pos < WINDOW ? (size_t)(r->size - pos) : WINDOW;
	r->at = pos;
	r->len = r->read(r->ctx, r->buf, want, pos);
	return r->len >= n ? r->buf : NULL;
}

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
static bool is_sof(unsigned char m)
{
	return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

static enum jpeg_walk_err read_frame(struct reader *r, uint64_t pos, unsigned len, unsigned char m,
                                     struct jpeg_walk *out)
{
	if (out->have_frame)
		return JPEG_WALK_BAD; /* one frame in a JPEG we show */
	const unsigned char *p = bytes_at(r, pos, len < 8 ? 8 : len);
	if (len < 8)
		return JPEG_WALK_BAD;
	if (!p)
		return JPEG_WALK_CUT;
	struct jpeg_frame *f = &out->frame;
	f->sof = m;
	f->precision = p[2];
	f->height = (int)be16(p + 3);
	f->width = (int)be16(p + 5);
	f->components = p[7];
	if (f->components < 1 || f->components > JPEG_WALK_MAX_COMPONENTS ||
	    len < 8 + 3u * (unsigned)f->components)
		return JPEG_WALK_BAD;
	for (int c = 0; c < f->components; c++) {
		f->h[c] = p[9 + 3 * c] >> 4;
		f->v[c] = p[9 + 3 * c] & 15;
		if (f->h[c] < 1 || f->h[c] > 4 || f->v[c] < 1 || f->v[c] > 4)
			return JPEG_WALK_BAD;
	}
	out->have_frame = true;
	return JPEG_WALK_OK;
}

/* From pos in entropy-coded data, the offset of the next marker (an 0xFF
 * followed by neither 0x00, a stuffed byte, nor a restart marker); 0 when
 * the file ends first. */
static uint64_t next_marker(struct reader *r, uint64_t pos)
{
	while (pos + 1 < r->size) {
		size_t n = r->size - pos < WINDOW ? (size_t)(r->size - pos) : WINDOW;
		const unsigned char *p = bytes_at(r, pos, n);
		if (!p)
			return 0;
		size_t i = 0;
		while (i + 1 < n) {
			const unsigned char *ff = memchr(p + i, 0xff, n - 1 - i);
			if (!ff) {
				i = n - 1;
				break;
			}
			i = (size_t)(ff - p);
			unsigned char m = p[i + 1];
			if (m != 0x00 && m != 0xff && !(m >= 0xd0 && m <= 0xd7))
				return pos + i;
			i++;
		}
		pos += i; /* the window's last byte is looked at again, with the next */
	}
	return 0;
}

static enum jpeg_walk_err walk(struct reader *r, bool through, struct jpeg_walk *out)
{
	const unsigned char *p = bytes_at(r, 0, 2);
	if (!p)
		return JPEG_WALK_CUT;
	if (p[0] != 0xff || p[1] != 0xd8)
		return JPEG_WALK_BAD;
	uint64_t pos = 2;
	for (;;) {
		if (!(p = bytes_at(r, pos, 2)))
			return JPEG_WALK_CUT;
		if (p[0] != 0xff)
			return JPEG_WALK_BAD;
		unsigned char m = p[1];
		if (m == 0xff) { /* fill byte */
			pos++;
			continue;
		}
		pos += 2;
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7))
			continue; /* markers without a length */
		if (m == 0xd9) {
			if (!out->scans)
				return JPEG_WALK_BAD; /* an end before any image data */
			out->end = pos;
			return JPEG_WALK_OK;
		}
		if (m == 0xd8 || m == 0x00)
			return JPEG_WALK_BAD;
		if (!(p = bytes_at(r, pos, 2)))
			return JPEG_WALK_CUT;
		unsigned len = be16(p);
		if (len < 2)
			return JPEG_WALK_BAD;
		if (is_sof(m)) {
			enum jpeg_walk_err e = read_frame(r, pos, len, m, out);
			if (e != JPEG_WALK_OK)
				return e;
		}
		if (m == 0xda) {
			if (!out->have_frame || len < 3)
				return JPEG_WALK_BAD; /* image data before any frame header */
			if (!(p = bytes_at(r, pos, 3)))
				return JPEG_WALK_CUT;
			if (++out->scans == 1)
				out->frame.first_scan_components = p[2];
			if (!through)
				return JPEG_WALK_OK;
			if (out->scans > JPEG_WALK_MAX_SCANS)
				return JPEG_WALK_SCANS;
			if (!(pos = next_marker(r, pos + len)))
				return JPEG_WALK_CUT;
			continue;
		}
		pos += len;
	}
}

enum jpeg_walk_err jpeg_walk(jpeg_walk_read read, void *ctx, uint64_t size, bool through,
                             struct jpeg_walk *out)
{
	memset(out, 0, sizeof *out);
	struct reader *r = malloc(sizeof *r); /* its window is too big for a stack */
	if (!r)
		return JPEG_WALK_IO;
	*r = (struct reader){.read = read, .ctx = ctx, .size = size};
	enum jpeg_walk_err e = walk(r, through, out);
	free(r);
	return e;
}

static size_t read_fd(void *ctx, void *buf, size_t n, uint64_t at)
{
	size_t got = 0;
	while (got < n) {
		ssize_t k = pread(*(const int *)ctx, (char *)buf + got, n - got, (off_t)(at + got));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	return got;
}

enum jpeg_walk_err jpeg_walk_fd(int fd, uint64_t size, bool through, struct jpeg_walk *out)
{
	return jpeg_walk(read_fd, &fd, size, through, out);
}

struct memory {
	const unsigned char *buf;
	size_t len;
};

static size_t read_memory(void *ctx, void *buf, size_t n, uint64_t at)
{
	const struct memory *m = ctx;
	if (at >= m->len)
		return 0;
	size_t k = m->len - (size_t)at < n ? m->len - (size_t)at : n;
	memcpy(buf, m->buf + at, k);
	return k;
}

enum jpeg_walk_err jpeg_walk_buffer(const unsigned char *buf, size_t len, bool through,
                                    struct jpeg_walk *out)
{
	struct memory m = {buf, len};
	return jpeg_walk(read_memory, &m, len, through, out);
}

bool jpeg_walk_buffered(const struct jpeg_frame *f)
{
	bool progressive = f->sof == 0xc2 || f->sof == 0xca;
	return progressive ||
	       (f->first_scan_components > 0 && f->first_scan_components < f->components);
}

uint64_t jpeg_walk_coef_bytes(const struct jpeg_frame *f)
{
	if (!jpeg_walk_buffered(f))
		return 0;
	int hmax = 1, vmax = 1;
	for (int c = 0; c < f->components; c++) {
		hmax = f->h[c] > hmax ? f->h[c] : hmax;
		vmax = f->v[c] > vmax ? f->v[c] : vmax;
	}
	/* MCUs across and down, each holding h x v blocks of a component */
	uint64_t mcu_x = ((uint64_t)f->width + 8 * (uint64_t)hmax - 1) / (8 * (uint64_t)hmax);
	uint64_t mcu_y = ((uint64_t)f->height + 8 * (uint64_t)vmax - 1) / (8 * (uint64_t)vmax);
	uint64_t blocks = 0;
	for (int c = 0; c < f->components; c++)
		blocks += mcu_x * (uint64_t)f->h[c] * mcu_y * (uint64_t)f->v[c];
	return blocks * 64 * 2;
}

const char *jpeg_walk_unsupported(const struct jpeg_frame *f)
{
	unsigned char m = f->sof;
	if (m == 0xc3 || m == 0xcb)
		return N_("a lossless JPEG");
	if ((m >= 0xc5 && m <= 0xc7) || (m >= 0xcd && m <= 0xcf))
		return N_("a hierarchical JPEG");
	if (f->precision != 8)
		return f->precision == 12 ? N_("a 12-bit JPEG")
		                          : N_("a JPEG of an unusual sample size");
	return NULL;
}
