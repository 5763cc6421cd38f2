/* JPEGs for tests, written with libjpeg in memory: the pixels, then how
 * they are stored (colour space, quality, luma sampling, restart markers,
 * an EXIF orientation). Zero fields keep libjpeg's defaults (RGB in). */
#ifndef TWINHALL_JPEG_FIXTURE_H
#define TWINHALL_JPEG_FIXTURE_H

#include <jpeglib.h>
#include <stddef.h>

struct jpeg_fixture {
	int w, h, comps;         /* comps channels a pixel in px, rows packed */
	J_COLOR_SPACE in, store; /* px's colour space (0: RGB); stored as (0: default) */
	int quality;             /* 0: libjpeg's */
	int h_samp, v_samp;      /* luma sampling factors; 0: 2x2 */
	int restart_rows;        /* a restart marker every so many MCU rows; 0: none */
	int orientation;         /* EXIF orientation; 0: no EXIF */
};

/* The JPEG of px as f says, malloc'd, its size in *len. */
static inline unsigned char *jpeg_fixture_write(const unsigned char *px,
                                                const struct jpeg_fixture *f, unsigned long *len)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr jerr;
	unsigned char *data = NULL;
	c.err = jpeg_std_error(&jerr);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &data, len);
	c.image_width = (JDIMENSION)f->w;
	c.image_height = (JDIMENSION)f->h;
	c.input_components = f->comps ? f->comps : 3;
	c.in_color_space = f->in ? f->in : JCS_RGB;
	jpeg_set_defaults(&c);
	if (f->store)
		jpeg_set_colorspace(&c, f->store);
	if (f->quality)
		jpeg_set_quality(&c, f->quality, TRUE);
	if (f->h_samp) {
		c.comp_info[0].h_samp_factor = f->h_samp;
		c.comp_info[0].v_samp_factor = f->v_samp;
	}
	c.restart_in_rows = f->restart_rows;
	jpeg_start_compress(&c, TRUE);
	if (f->orientation) { /* "Exif\0\0", little-endian TIFF, IFD0 with one entry */
		const unsigned char exif[] = {'E', 'x',  'i',  'f', 0,
		                              0,   'I',  'I',  42,  0,
		                              8,   0,    0,    0,   1,
		                              0,   0x12, 0x01, 3,   0,
		                              1,   0,    0,    0,   (unsigned char)f->orientation,
		                              0,   0,    0,    0,   0,
		                              0,   0};
		jpeg_write_marker(&c, JPEG_APP0 + 1, exif, sizeof exif);
	}
	while (c.next_scanline < c.image_height) {
		JSAMPROW row = (JSAMPROW)(px + (size_t)c.next_scanline * (size_t)f->w *
		                                   (size_t)c.input_components);
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	return data;
}

#endif
