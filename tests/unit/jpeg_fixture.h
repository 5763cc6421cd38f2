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
	int progressive;         /* 1: libjpeg's progressive script (10 scans) */
	int scans;               /* > 1: progressive in this many scans (to 568) */
};

/* A progressive script of up to max scans for 3 components: the DC, then
 * each component's AC coefficients a band of one at a time, refined bit by
 * bit, as a hostile encoder could. Returns how many. */
static inline int jpeg_fixture_scans(jpeg_scan_info *s, int max)
{
	int n = 0;
	s[n++] = (jpeg_scan_info){3, {0, 1, 2, 0}, 0, 0, 0, 1};
	for (int pass = 0; pass < 3 && n < max; pass++)
		for (int c = 0; c < 3; c++)
			for (int k = 1; k <= 63 && n < max; k++)
				s[n++] = (jpeg_scan_info){1, {c, 0, 0, 0},        k,
				                          k, pass ? 3 - pass : 0, 2 - pass};
	if (n < max)
		s[n++] = (jpeg_scan_info){3, {0, 1, 2, 0}, 0, 0, 1, 0};
	return n;
}

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
	static _Thread_local jpeg_scan_info script[600];
	if (f->progressive)
		jpeg_simple_progression(&c);
	if (f->scans > 1) {
		c.scan_info = script;
		c.num_scans = jpeg_fixture_scans(script, f->scans > 568 ? 568 : f->scans);
	}
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
