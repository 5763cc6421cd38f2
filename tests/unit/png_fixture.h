/* PNGs for tests, written with libpng in memory: any colour type, bit
 * depth and interlacing, with a palette and a tRNS chunk when asked. The
 * samples are a fixed pattern over the whole range of the bit depth. */
#ifndef TWINHALL_PNG_FIXTURE_H
#define TWINHALL_PNG_FIXTURE_H

#include <png.h>
#include <stdlib.h>
#include <string.h>

struct png_fixture {
	int w, h;
	int type;                    /* PNG_COLOR_TYPE_* */
	int depth;                   /* 1, 2, 4, 8 or 16 */
	int interlace;               /* PNG_INTERLACE_NONE or PNG_INTERLACE_ADAM7 */
	int n_trans;                 /* > 0: a tRNS chunk; a palette's first n_trans alphas */
	const unsigned char *alphas; /* those alphas (palette); NULL: all 0 */
	int trans_grey;              /* the transparent grey (type GRAY, n_trans > 0) */
};

struct png_fixture_buf {
	unsigned char *data;
	size_t len, cap;
};

static inline void png_fixture_put(png_structp png, png_bytep p, size_t n)
{
	struct png_fixture_buf *b = png_get_io_ptr(png);
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2;
		b->data = realloc(b->data, b->cap);
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

static inline void png_fixture_flush(png_structp png)
{
	(void)png;
}

/* Sample c of pixel (x, y) for a depth of d bits. */
static inline unsigned png_fixture_sample(int x, int y, int c, int d)
{
	unsigned v = (unsigned)(x * 37 + y * 101 + c * 59 + (x ^ y) * 13) * 2654435761u;
	return (v >> 7) & ((1u << d) - 1);
}

/* The PNG f describes, malloc'd; *len its size; NULL on failure. */
static inline unsigned char *png_fixture_write(const struct png_fixture *f, size_t *len)
{
	static const int channels[7] = {1, 0, 3, 1, 2, 0, 4};
	struct png_fixture_buf buf = {0};
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	size_t rowbytes = ((size_t)f->w * channels[f->type] * f->depth + 7) / 8;
	unsigned char *row = calloc(1, rowbytes);
	if (!info || !row || setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		free(row);
		free(buf.data);
		return NULL;
	}
	png_set_write_fn(png, &buf, png_fixture_put, png_fixture_flush);
	png_set_IHDR(png, info, (png_uint_32)f->w, (png_uint_32)f->h, f->depth, f->type,
	             f->interlace, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	if (f->type == PNG_COLOR_TYPE_PALETTE) {
		png_color pal[256];
		for (int i = 0; i < 256; i++)
			pal[i] =
			    (png_color){(png_byte)(i * 7), (png_byte)(255 - i), (png_byte)(i * 3)};
		png_set_PLTE(png, info, pal, 1 << f->depth);
	}
	if (f->n_trans > 0) {
		unsigned char zero[256] = {0};
		png_color_16 grey = {.gray = (png_uint_16)f->trans_grey};
		png_set_tRNS(png, info, f->alphas ? (png_bytep)f->alphas : zero, f->n_trans, &grey);
	}
	png_write_info(png, info);
	int passes = png_set_interlace_handling(png);
	for (int pass = 0; pass < passes; pass++)
		for (int y = 0; y < f->h; y++) {
			memset(row, 0, rowbytes);
			for (int x = 0; x < f->w; x++)
				for (int c = 0; c < channels[f->type]; c++) {
					unsigned v = png_fixture_sample(x, y, c, f->depth);
					size_t bit = ((size_t)x * channels[f->type] + c) * f->depth;
					if (f->depth == 16) {
						row[bit / 8] = (unsigned char)(v >> 8);
						row[bit / 8 + 1] = (unsigned char)v;
					} else {
						row[bit / 8] |=
						    (unsigned char)(v << (8 - f->depth - bit % 8));
					}
				}
			png_write_row(png, row);
		}
	png_write_end(png, info);
	png_destroy_write_struct(&png, &info);
	free(row);
	*len = buf.len;
	return buf.data;
}

#endif
