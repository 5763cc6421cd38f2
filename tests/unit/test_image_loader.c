/* The decoding queue: with one worker, images are decoded in the order they
 * were asked for, so the neighbour asked first (the next photo) is ready
 * first, except that one on screen goes before them all; every result
 * comes back once, decoded for the size asked. A JPEG is read as it is
 * decoded, never held whole. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "image/image_loader.h"
#include "jpeg_fixture.h"
#include "peak_rss.h"
#include "test.h"

static int failures_;

enum { N = 6 };

static void test_decoded_in_the_order_asked(void)
{
	char dir[] = "/tmp/twinhall-loader-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 64, 48, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_FillRect(s, NULL, 0xFF336699);
	char path[N][16], file[128];
	for (int i = 0; i < N; i++) {
		snprintf(path[i], sizeof path[i], "%d.png", (i * 5) % N); /* not in name order */
		snprintf(file, sizeof file, "%s/%s", dir, path[i]);
		CHECK_INT(IMG_SavePNG(s, file), 0);
	}
	SDL_FreeSurface(s);
	Uint32 wake = SDL_RegisterEvents(1);
	struct image_loader *l = image_loader_new(dir, 1, wake);
	CHECK(l != NULL);
	for (int i = 0; i < N; i++)
		image_loader_request(l, path[i], 32, 24, IMAGE_CONTAIN, (uint64_t)i + 1, false);
	int got = 0;
	for (int waited = 0; got < N && waited < 10000; waited += 5) {
		struct image_result *r;
		while ((r = image_loader_poll(l))) {
			CHECK(got < N);
			if (got < N) {
				CHECK_STR(r->path, path[got]);
				CHECK_INT((int)r->tag, got + 1);
			}
			CHECK(r->surface != NULL && r->surface->w == 32 && r->surface->h == 24);
			image_result_free(r);
			got++;
		}
		SDL_Delay(5);
	}
	CHECK_INT(got, N);
	image_loader_free(l);
	for (int i = 0; i < N; i++) {
		snprintf(file, sizeof file, "%s/%s", dir, path[i]);
		unlink(file);
	}
	rmdir(dir);
}

/* Saves a w x h PNG of noise (slow to decode) or of one colour. */
static void save_png(const char *dir, const char *name, int w, int h, bool noise)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	Uint32 *px = s->pixels, seed = 1;
	for (int i = 0; i < w * h; i++) {
		seed = seed * 1103515245u + 12345u;
		px[i] = noise ? seed | 0xFF000000u : 0xFF336699u;
	}
	char file[256];
	snprintf(file, sizeof file, "%s/%s", dir, name);
	CHECK_INT(IMG_SavePNG(s, file), 0);
	SDL_FreeSurface(s);
}

/* The paths of the next n results, in order, into got. */
static void collect(struct image_loader *l, int n, char got[][PATH_MAX])
{
	int k = 0;
	for (int waited = 0; k < n && waited < 10000; waited += 5) {
		struct image_result *r;
		while ((r = image_loader_poll(l))) {
			if (k < n)
				snprintf(got[k], sizeof got[k], "%s", r->path);
			k++;
			image_result_free(r);
		}
		SDL_Delay(5);
	}
	CHECK_INT(k, n);
}

/* A photo put on screen goes before the neighbours waiting to be
 * prefetched, asked for anew or already waiting. */
static void test_on_screen_goes_first(void)
{
	char dir[] = "/tmp/twinhall-loader-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	save_png(dir, "busy.png", 2000, 2000, true); /* keeps the worker busy a while */
	const char *small[] = {"a.png", "b.png", "c.png", "d.png"};
	for (int i = 0; i < 4; i++)
		save_png(dir, small[i], 64, 48, false);
	struct image_loader *l = image_loader_new(dir, 1, SDL_RegisterEvents(1));
	image_loader_request(l, "busy.png", 32, 24, IMAGE_CONTAIN, 1, false);
	/* The worker has taken it (its decode takes about 100 ms, and goes on
	 * however slowly a loaded machine runs it). */
	for (int i = 0; i < 5000 && image_loader_waiting(l) > 0; i++)
		SDL_Delay(1);
	CHECK_INT(image_loader_waiting(l), 0);
	image_loader_request(l, "a.png", 32, 24, IMAGE_CONTAIN, 2, false);
	image_loader_request(l, "b.png", 32, 24, IMAGE_CONTAIN, 3, false);
	image_loader_request(l, "c.png", 32, 24, IMAGE_CONTAIN, 4, true); /* new, on screen */
	image_loader_request(l, "b.png", 32, 24, IMAGE_CONTAIN, 3, true); /* now on screen */
	image_loader_request(l, "d.png", 32, 24, IMAGE_CONTAIN, 5, false);
	static char got[5][PATH_MAX];
	collect(l, 5, got);
	CHECK_STR(got[0], "busy.png");
	CHECK_STR(got[1], "c.png");
	CHECK_STR(got[2], "b.png");
	CHECK_STR(got[3], "a.png");
	CHECK_STR(got[4], "d.png");
	image_loader_free(l);
	char file[256];
	for (int i = 0; i < 4; i++) {
		snprintf(file, sizeof file, "%s/%s", dir, small[i]);
		unlink(file);
	}
	snprintf(file, sizeof file, "%s/busy.png", dir);
	unlink(file);
	rmdir(dir);
}

/* A 12-megapixel JPEG of noise (a file of several MB) decoded for a small
 * box raises the peak resident memory by far less than the file's size:
 * read whole first, as it was, it was all held during the decode. */
static void test_jpeg_never_held_whole(void)
{
	enum { W = 4000, H = 3000 };
	unsigned char *px = malloc((size_t)W * H * 3);
	CHECK(px != NULL);
	if (!px)
		return;
	unsigned seed = 7;
	for (size_t i = 0; i < (size_t)W * H * 3; i++) {
		seed = seed * 1103515245u + 12345u;
		px[i] = (unsigned char)(seed >> 24);
	}
	struct jpeg_fixture f = {.w = W, .h = H, .quality = 95};
	unsigned long len = 0;
	unsigned char *jpeg = jpeg_fixture_write(px, &f, &len);
	free(px);
	char dir[] = "/tmp/twinhall-loader-XXXXXX", file[128];
	CHECK(mkdtemp(dir) != NULL && jpeg != NULL);
	snprintf(file, sizeof file, "%s/noise.jpg", dir);
	FILE *out = fopen(file, "wb");
	CHECK(out && jpeg && fwrite(jpeg, 1, len, out) == len);
	if (out)
		fclose(out);
	free(jpeg);
	CHECK_INT(reset_peak(), 0);
	long before = peak_kb();
	struct image_result *r = image_load_now(dir, "noise.jpg", 300, 200, IMAGE_CONTAIN);
	long rise = peak_kb() - before;
	CHECK(r && r->surface && r->surface->h == 200);
	if (r && r->surface)
		CHECK(r->surface->w == 266 || r->surface->w == 267);
	printf("  peak rose %ld kB for a %lu kB file\n", rise, len >> 10);
	CHECK(len > 4 << 20);
	CHECK(rise >= 0 && rise < (long)(len >> 10) / 2);
	image_result_free(r);
	unlink(file);
	rmdir(dir);
}

int main(void)
{
	if (SDL_Init(SDL_INIT_EVENTS) != 0)
		return 1;
	RUN(test_jpeg_never_held_whole); /* first: nothing freed yet stays resident */
	RUN(test_decoded_in_the_order_asked);
	RUN(test_on_screen_goes_first);
	SDL_Quit();
	return failures_ != 0;
}
