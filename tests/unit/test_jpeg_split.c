/* A photo on screen decoded by two threads: the lower part by a helper
 * through the offer board gives exactly the pixels one thread gives, in
 * every orientation and fit; without a helper the poster takes its part
 * back; and a decode nobody waits for helps with such parts between its
 * rows. */
#include <SDL.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/bigalloc.h"
#include "image/image_decode.h"
#include "jpeg_fixture.h"
#include "image/offer_board.h"
#include "test.h"

static int failures_;

/* Large enough to be split (2 megapixels decoded and more). */
enum { PW = 2000, PH = 1200 };

/* A PW x PH gradient with noise, as a JPEG with EXIF orientation o (none
 * when 0); malloc'd. */
static unsigned char *photo(int o, unsigned long *len)
{
	unsigned char *rgb = malloc(PW * PH * 3);
	unsigned seed = 7;
	for (int i = 0; i < PW * PH * 3; i++) {
		seed = seed * 1103515245u + 12345u;
		rgb[i] = (unsigned char)((i / 3 % PW + i / 3 / PW) / 13 + (seed >> 27));
	}
	struct jpeg_fixture f = {.w = PW, .h = PH, .orientation = o};
	unsigned char *data = jpeg_fixture_write(rgb, &f, len);
	free(rgb);
	return data;
}

/* image_decode_take of a copy of data. */
static SDL_Surface *decode(const unsigned char *data, unsigned long len, int w, int h,
                           enum image_fit fit, struct offer_board *board, bool urgent)
{
	void *copy = big_malloc(len);
	memcpy(copy, data, len);
	bool incomplete;
	char err[256];
	SDL_Surface *s =
	    image_decode_take(copy, len, w, h, fit, board, urgent, &incomplete, err, sizeof err);
	if (!s)
		printf("  decode failed: %s\n", err);
	return s;
}

static bool same_pixels(const SDL_Surface *a, const SDL_Surface *b)
{
	if (!a || !b || a->w != b->w || a->h != b->h || a->format->format != b->format->format)
		return false;
	for (int y = 0; y < a->h; y++)
		if (memcmp((const Uint8 *)a->pixels + (size_t)y * (size_t)a->pitch,
		           (const Uint8 *)b->pixels + (size_t)y * (size_t)b->pitch,
		           (size_t)a->w * 4) != 0)
			return false;
	return true;
}

struct helper {
	struct offer_board *board;
	SDL_atomic_t stop;
	int helped;
};

static int help_loop(void *arg)
{
	struct helper *h = arg;
	while (!SDL_AtomicGet(&h->stop))
		if (offer_board_help(h->board))
			h->helped++;
		else
			SDL_Delay(0);
	return 0;
}

static void test_helped_decode_is_the_same(void)
{
	static const struct {
		int o, w, h;
		enum image_fit fit;
	} cases[] = {{0, PW, PH, IMAGE_CONTAIN},
	             {0, 1900, 1000, IMAGE_COVER},
	             {6, PH, PW, IMAGE_CONTAIN},
	             {3, PW, PH, IMAGE_CONTAIN},
	             {8, 1300, 1900, IMAGE_COVER}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		unsigned long len;
		unsigned char *data = photo(cases[i].o, &len);
		SDL_Surface *alone =
		    decode(data, len, cases[i].w, cases[i].h, cases[i].fit, NULL, true);
		/* On a busy machine the helper may not get a core before the
		 * poster takes its part back: then try again (a few times). */
		struct helper h = {0};
		SDL_Surface *helped = NULL;
		for (int attempt = 0; attempt < 5 && h.helped == 0; attempt++) {
			SDL_FreeSurface(helped);
			offer_board_free(h.board);
			h = (struct helper){.board = offer_board_new(NULL, NULL)};
			SDL_Thread *t = SDL_CreateThread(help_loop, "helper", &h);
			helped =
			    decode(data, len, cases[i].w, cases[i].h, cases[i].fit, h.board, true);
			SDL_AtomicSet(&h.stop, 1);
			SDL_WaitThread(t, NULL);
		}
		CHECK_INT(h.helped, 1);
		CHECK(same_pixels(alone, helped));
		CHECK(!offer_board_waiting(h.board));
		offer_board_free(h.board);
		SDL_FreeSurface(alone);
		SDL_FreeSurface(helped);
		free(data);
	}
}

/* No helper: the offer is taken back and the poster decodes it all. */
static void test_nobody_helps(void)
{
	unsigned long len;
	unsigned char *data = photo(0, &len);
	struct offer_board *b = offer_board_new(NULL, NULL);
	SDL_Surface *alone = decode(data, len, PW, PH, IMAGE_CONTAIN, NULL, true);
	SDL_Surface *offered = decode(data, len, PW, PH, IMAGE_CONTAIN, b, true);
	CHECK(same_pixels(alone, offered));
	CHECK(!offer_board_waiting(b));
	offer_board_free(b);
	SDL_FreeSurface(alone);
	SDL_FreeSurface(offered);
	free(data);
}

struct other {
	const unsigned char *data;
	unsigned long len;
	struct offer_board *board;
	SDL_Surface *out;
	SDL_threadID tid;
};

/* A decode nobody waits for, on another thread. */
static int decode_other(void *arg)
{
	struct other *o = arg;
	o->tid = SDL_ThreadID();
	o->out = decode(o->data, o->len, PW, PH, IMAGE_CONTAIN, o->board, false);
	return 0;
}

struct marker {
	SDL_threadID ran_on;
};

static void mark(void *ctx)
{
	((struct marker *)ctx)->ran_on = SDL_ThreadID();
}

/* A prefetch decode takes up a part put up meanwhile, between its rows. */
static void test_background_decode_helps(void)
{
	unsigned long len;
	unsigned char *data = photo(0, &len);
	struct other o = {data, len, offer_board_new(NULL, NULL), NULL, 0};
	struct marker m = {0};
	struct offer part = {.run = mark, .ctx = &m};
	offer_board_post(o.board, &part);
	SDL_Thread *t = SDL_CreateThread(decode_other, "prefetch", &o);
	SDL_WaitThread(t, NULL);
	CHECK(!offer_board_take_back(o.board, &part));
	offer_board_wait(o.board, &part);
	CHECK(m.ran_on == o.tid);
	CHECK(o.out != NULL);
	SDL_FreeSurface(o.out);
	offer_board_free(o.board);
	free(data);
}

int main(void)
{
	RUN(test_helped_decode_is_the_same);
	RUN(test_nobody_helps);
	RUN(test_background_decode_helps);
	return failures_ != 0;
}
