/* pngdiff: compares a rendered PNG with a golden one.
 * Usage: pngdiff GOLDEN ACTUAL [MAX_PERCENT] [DIFF_OUT.png]
 * A pixel differs when any channel differs by more than 32/255; the images
 * match when at most MAX_PERCENT (default 0.5) of the pixels differ. Prints
 * one line of figures; exit 0 on a match, 1 on a mismatch, 2 on a bad file. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

enum { CHANNEL_TOLERANCE = 32 };

static SDL_Surface *load(const char *path)
{
	SDL_Surface *s = IMG_Load(path);
	if (!s) {
		fprintf(stderr, "pngdiff: %s: %s\n", path, IMG_GetError());
		return NULL;
	}
	SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
	SDL_FreeSurface(s);
	return c;
}

static int channel_diff(Uint32 a, Uint32 b)
{
	int max = 0;
	for (int shift = 0; shift < 24; shift += 8) {
		int d = abs((int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF));
		if (d > max)
			max = d;
	}
	return max;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: pngdiff GOLDEN ACTUAL [MAX_PERCENT] [DIFF_OUT.png]\n");
		return 2;
	}
	double max_percent = argc > 3 ? atof(argv[3]) : 0.5;
	SDL_Surface *a = load(argv[1]), *b = load(argv[2]);
	if (!a || !b)
		return 2;
	if (a->w != b->w || a->h != b->h) {
		printf("size differs: golden %dx%d, actual %dx%d\n", a->w, a->h, b->w, b->h);
		return 1;
	}
	long differ = 0;
	int worst = 0;
	for (int y = 0; y < a->h; y++) {
		Uint32 *pa = (Uint32 *)((Uint8 *)a->pixels + y * a->pitch);
		Uint32 *pb = (Uint32 *)((Uint8 *)b->pixels + y * b->pitch);
		for (int x = 0; x < a->w; x++) {
			int d = channel_diff(pa[x], pb[x]);
			worst = d > worst ? d : worst;
			if (d > CHANNEL_TOLERANCE) {
				differ++;
				pa[x] = 0xFFFF00FF; /* mark it in the diff image */
			}
		}
	}
	double percent = 100.0 * differ / ((double)a->w * a->h);
	printf("%ld pixels differ (%.3f%%, allowed %.3f%%), largest channel difference %d\n",
	       differ, percent, max_percent, worst);
	if (argc > 4 && differ)
		IMG_SavePNG(a, argv[4]);
	SDL_FreeSurface(a);
	SDL_FreeSurface(b);
	return percent <= max_percent ? 0 : 1;
}
