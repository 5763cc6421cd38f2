/* The decoding queue: with one worker, images are decoded in the order they
 * were asked for, so the neighbour asked first (the next photo) is ready
 * first; every result comes back once, decoded for the size asked. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "image_loader.h"
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
		image_loader_request(l, path[i], 32, 24, IMAGE_CONTAIN, (uint64_t)i + 1);
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

int main(void)
{
	if (SDL_Init(SDL_INIT_EVENTS) != 0)
		return 1;
	RUN(test_decoded_in_the_order_asked);
	SDL_Quit();
	return failures_ != 0;
}
