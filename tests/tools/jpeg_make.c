/* jpeg_make: writes test JPEGs that no file in the repository should hold
 * (they are large, or hostile): jpeg_make OUT WIDTH HEIGHT [KIND] [444]
 * KIND: baseline (the default), progressive (libjpeg's usual 10 scans), or
 * scans:N (a progressive file of N scans, 2..568: bands of one coefficient
 * refined bit by bit, as a hostile encoder could). 444: no chroma
 * subsampling (the default is 4:2:0). The picture is a smooth pattern with
 * some noise, so it compresses as a photo would. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

/* Every scan of a progressive 3-component file, coarse to fine: the DC
 * first, then for each successive-approximation pass each component's AC
 * coefficients one band (of one coefficient) at a time. */
static int scan_script(jpeg_scan_info *s, int max)
{
	int n = 0;
	s[n++] = (jpeg_scan_info){3, {0, 1, 2, 0}, 0, 0, 0, 1};
	for (int pass = 0; pass < 3 && n < max; pass++) {
		int ah = pass == 0 ? 0 : 3 - pass, al = 2 - pass;
		for (int c = 0; c < 3; c++)
			for (int k = 1; k <= 63 && n < max; k++)
				s[n++] = (jpeg_scan_info){1, {c, 0, 0, 0}, k, k, ah, al};
	}
	if (n < max)
		s[n++] = (jpeg_scan_info){3, {0, 1, 2, 0}, 0, 0, 1, 0};
	return n;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr,
		        "usage: jpeg_make OUT WIDTH HEIGHT [baseline|progressive|scans:N] [444]\n");
		return 2;
	}
	int w = atoi(argv[2]), h = atoi(argv[3]);
	const char *kind = argc > 4 ? argv[4] : "baseline";
	int full_chroma = argc > 5 && strcmp(argv[5], "444") == 0;
	FILE *f = fopen(argv[1], "wb");
	if (!f || w <= 0 || h <= 0) {
		perror(argv[1]);
		return 1;
	}
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, f);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 85, TRUE);
	if (full_chroma)
		c.comp_info[0].h_samp_factor = c.comp_info[0].v_samp_factor = 1;
	static jpeg_scan_info script[600];
	if (strcmp(kind, "progressive") == 0) {
		jpeg_simple_progression(&c);
	} else if (strncmp(kind, "scans:", 6) == 0) {
		int n = atoi(kind + 6);
		c.scan_info = script;
		c.num_scans = scan_script(script, n < 2 ? 2 : n > 568 ? 568 : n);
	}
	jpeg_start_compress(&c, TRUE);
	unsigned char *row = malloc((size_t)w * 3);
	unsigned seed = 1;
	while (row && c.next_scanline < c.image_height) {
		int y = (int)c.next_scanline;
		for (int x = 0; x < w; x++) {
			seed = seed * 1103515245u + 12345u;
			int noise = (int)(seed >> 28) - 8;
			row[3 * x] = (unsigned char)((x * 255 / w + noise) & 0xff);
			row[3 * x + 1] = (unsigned char)((y * 255 / h + noise) & 0xff);
			row[3 * x + 2] =
			    (unsigned char)(((x + y) * 127 / (w + h) + 64 + noise) & 0xff);
		}
		JSAMPROW r[1] = {row};
		jpeg_write_scanlines(&c, r, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
	return fclose(f) == 0 ? 0 : 1;
}
