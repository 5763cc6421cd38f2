/* EXIF orientation: every value in both byte orders, and hostile blocks that
 * must come back as 1 without reading outside the buffer. */
#include <stdint.h>
#include <stdlib.h>

#include "image/exif.h"
#include "test.h"

static int failures_;

enum { TIFF_AT = 12 }; /* SOI, APP1 marker and length, "Exif\0\0" */

struct buf {
	unsigned char b[256];
	size_t n;
	int big; /* byte order of the TIFF block */
};

static void put8(struct buf *s, unsigned v)
{
	s->b[s->n++] = (unsigned char)v;
}

static void put16(struct buf *s, unsigned v)
{
	put8(s, s->big ? v >> 8 : v & 0xFF);
	put8(s, s->big ? v & 0xFF : v >> 8);
}

static void put32(struct buf *s, uint32_t v)
{
	put16(s, s->big ? v >> 16 : v & 0xFFFF);
	put16(s, s->big ? v & 0xFFFF : v >> 16);
}

/* Patches a big-endian JPEG segment length at off. */
static void set_len(struct buf *s, size_t off, size_t len)
{
	s->b[off] = (unsigned char)(len >> 8);
	s->b[off + 1] = (unsigned char)len;
}

/* A JPEG head: SOI, APP1 Exif with IFD0 at ifd holding Make (0x010F) then
 * orientation as type type, next-IFD link next; then SOS. */
static void make_jpeg(struct buf *s, int big, uint32_t ifd, unsigned type, unsigned orientation,
                      uint32_t next)
{
	s->n = 0;
	s->big = 0;
	put8(s, 0xFF), put8(s, 0xD8), put8(s, 0xFF), put8(s, 0xE1), put16(s, 0);
	memcpy(s->b + s->n, "Exif\0\0", 6);
	s->n += 6;
	s->big = big;
	put8(s, big ? 'M' : 'I'), put8(s, big ? 'M' : 'I'), put16(s, 42), put32(s, ifd);
	while (s->n < TIFF_AT + 8) /* pad up to the IFD when it lies inside */
		put8(s, 0);
	put16(s, 2);
	put16(s, 0x010F), put16(s, 2), put32(s, 4), put32(s, 0x41424300);
	put16(s, 0x0112), put16(s, type), put32(s, 1);
	if (type == 4)
		put32(s, orientation);
	else
		put16(s, orientation), put16(s, 0);
	put32(s, next);
	set_len(s, 4, s->n - 4);
	put8(s, 0xFF), put8(s, 0xDA), put16(s, 8);
}

static void test_all_values_both_orders(void)
{
	struct buf s;
	for (int big = 0; big <= 1; big++) {
		for (unsigned o = 1; o <= 8; o++) {
			make_jpeg(&s, big, 8, 3, o, 0);
			CHECK_INT(exif_orientation(s.b, s.n), o);
		}
	}
}

static void test_long_type_accepted(void)
{
	struct buf s;
	make_jpeg(&s, 1, 8, 4, 6, 0);
	CHECK_INT(exif_orientation(s.b, s.n), 6);
	make_jpeg(&s, 0, 8, 4, 8, 0);
	CHECK_INT(exif_orientation(s.b, s.n), 8);
}

static void test_out_of_range_values_are_1(void)
{
	struct buf s;
	make_jpeg(&s, 0, 8, 3, 0, 0);
	CHECK_INT(exif_orientation(s.b, s.n), 1);
	make_jpeg(&s, 1, 8, 3, 9, 0);
	CHECK_INT(exif_orientation(s.b, s.n), 1);
	make_jpeg(&s, 0, 8, 7, 6, 0); /* UNDEFINED type */
	CHECK_INT(exif_orientation(s.b, s.n), 1);
}

static void test_absent(void)
{
	const unsigned char plain[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 'J', 'F',
	                               0xFF, 0xDA, 0x00, 0x08, 1,    2,    3,   4};
	CHECK_INT(exif_orientation(plain, sizeof plain), 1);
	CHECK_INT(exif_orientation(NULL, 0), 1);
	CHECK_INT(exif_orientation(plain, 0), 1);
	const unsigned char png[] = {0x89, 'P', 'N', 'G', 13, 10, 26, 10};
	CHECK_INT(exif_orientation(png, sizeof png), 1);
}

static void test_found_after_other_segments(void)
{
	/* An APP0 and an XMP APP1 (not Exif) before the Exif one, with fill
	 * bytes between segments. */
	struct buf e, s = {{0}, 0, 0};
	make_jpeg(&e, 1, 8, 3, 3, 0);
	const unsigned char head[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 'J', 'F', 0xFF,
	                              0xFF, 0xE1, 0x00, 0x07, 'h',  't',  't', 'p', 0};
	memcpy(s.b, head, sizeof head);
	memcpy(s.b + sizeof head, e.b + 2, e.n - 2);
	CHECK_INT(exif_orientation(s.b, sizeof head + e.n - 2), 3);
}

static void test_every_truncation_is_safe(void)
{
	/* Each prefix in its own heap block, so ASan catches any overread. */
	struct buf s;
	for (int big = 0; big <= 1; big++) {
		make_jpeg(&s, big, 8, 3, 6, 0);
		for (size_t n = 0; n < s.n; n++) {
			unsigned char *p = malloc(n ? n : 1);
			memcpy(p, s.b, n);
			int o = exif_orientation(p, n);
			CHECK(o == 1 || o == 6);
			free(p);
		}
	}
}

static void test_segment_longer_than_file(void)
{
	struct buf s;
	make_jpeg(&s, 0, 8, 3, 6, 0);
	set_len(&s, 4, 0xFFFF);
	CHECK_INT(exif_orientation(s.b, s.n), 1);
	set_len(&s, 4, 1); /* shorter than its own length field */
	CHECK_INT(exif_orientation(s.b, s.n), 1);
}

static void test_offsets_outside(void)
{
	struct buf s;
	make_jpeg(&s, 1, 0xFFFFFFF0u, 3, 6, 0);
	CHECK_INT(exif_orientation(s.b, s.n), 1);
	make_jpeg(&s, 0, 0xFFFFFFFFu, 3, 6, 0);
	CHECK_INT(exif_orientation(s.b, s.n), 1);
	/* An entry count far beyond the block, with the tag not in reach. */
	make_jpeg(&s, 0, 8, 3, 6, 0);
	s.b[TIFF_AT + 8] = 0xFF, s.b[TIFF_AT + 9] = 0xFF;
	s.b[TIFF_AT + 10 + 12] = 0x11; /* spoil the orientation tag */
	CHECK_INT(exif_orientation(s.b, s.n), 1);
	/* Not a TIFF header. */
	make_jpeg(&s, 0, 8, 3, 6, 0);
	s.b[TIFF_AT] = 'X';
	CHECK_INT(exif_orientation(s.b, s.n), 1);
}

static void test_ifd_loop_is_safe(void)
{
	/* IFD0 links to itself, and an IFD at offset 0 overlaps the header:
	 * both end, with 1 when the tag is not found. */
	struct buf s;
	make_jpeg(&s, 0, 8, 3, 0, 8);
	CHECK_INT(exif_orientation(s.b, s.n), 1);
	make_jpeg(&s, 1, 0, 3, 5, 0);
	CHECK_INT(exif_orientation(s.b, s.n), 1);
}

static void test_oriented_size(void)
{
	int w, h;
	for (int o = 0; o <= 9; o++) {
		exif_oriented_size(o, 6000, 4000, &w, &h);
		int turned = o >= 5 && o <= 8;
		CHECK_INT(w, turned ? 4000 : 6000);
		CHECK_INT(h, turned ? 6000 : 4000);
	}
}

int main(void)
{
	RUN(test_all_values_both_orders);
	RUN(test_long_type_accepted);
	RUN(test_out_of_range_values_are_1);
	RUN(test_absent);
	RUN(test_found_after_other_segments);
	RUN(test_every_truncation_is_safe);
	RUN(test_segment_longer_than_file);
	RUN(test_offsets_outside);
	RUN(test_ifd_loop_is_safe);
	RUN(test_oriented_size);
	return failures_ != 0;
}
