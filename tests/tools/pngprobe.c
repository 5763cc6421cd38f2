/* pngprobe: figures about a region of a PNG, for render tests.
 * Usage: pngprobe FILE X Y W H
 * Prints: "median-luminance L contrast-vs-white C stddev S" where L is the
 * WCAG relative luminance of the region's median pixel (the background
 * under text, since text covers a minority), C the contrast ratio of white
 * text on it, S the standard deviation of the grey level (0 = flat), and
 * then "mean-rgb R G B", the mean colour of the region. */
#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double lin(int v)
{
	double c = v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: pngprobe FILE X Y W H\n");
		return 2;
	}
	SDL_Surface *raw = IMG_Load(argv[1]);
	SDL_Surface *s = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
	if (!s) {
		fprintf(stderr, "pngprobe: %s: %s\n", argv[1], IMG_GetError());
		return 2;
	}
	int x0 = atoi(argv[2]), y0 = atoi(argv[3]), w = atoi(argv[4]), h = atoi(argv[5]);
	if (x0 < 0 || y0 < 0 || w <= 0 || h <= 0 || x0 + w > s->w || y0 + h > s->h) {
		fprintf(stderr, "pngprobe: region outside the %dx%d image\n", s->w, s->h);
		return 2;
	}
	double *lum = malloc(sizeof *lum * (size_t)w * (size_t)h);
	double sum = 0, sum2 = 0, rgb[3] = {0, 0, 0};

	size_t n = 0;
	for (int y = y0; y < y0 + h; y++) {
		Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
		for (int x = x0; x < x0 + w; x++) {
			int r = (row[x] >> 16) & 0xFF, g = (row[x] >> 8) & 0xFF, b = row[x] & 0xFF;
			lum[n++] = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
			rgb[0] += r;
			rgb[1] += g;
			rgb[2] += b;
			double grey = (r + g + b) / 3.0;

			sum += grey;
			sum2 += grey * grey;
		}
	}
	qsort(lum, n, sizeof *lum, cmp_double);
	double median = lum[n / 2], mean = sum / (double)n;
	printf("median-luminance %.4f contrast-vs-white %.2f stddev %.2f mean-rgb %.0f %.0f %.0f\n",
	       median, 1.05 / (median + 0.05), sqrt(sum2 / (double)n - mean * mean),
	       rgb[0] / (double)n, rgb[1] / (double)n, rgb[2] / (double)n);

	free(lum);
	SDL_FreeSurface(s);
	SDL_FreeSurface(raw);
	return 0;
}
