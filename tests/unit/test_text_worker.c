/* Text rasterised off the render thread: with the cache deferring, a text
 * it lacks comes back empty and counted, the worker's result arrives with
 * the wake event and is then the very text the render thread would have
 * drawn; a prefetched text is pending until it arrives, then a hit without
 * a raster on this thread; texts asked for ahead of prefetches go first;
 * without deferring (or without a worker) nothing changes; both threads
 * rasterise at once with the same fonts; results for a cleared cache are
 * dropped. */
#include <SDL.h>
#include <SDL_ttf.h>

#include "test.h"
#include "text/text.h"
#include "text/text_cache.h"
#include "text/text_worker.h"

static int failures_;
static SDL_Surface *target;
static SDL_Renderer *ren;
static struct text *fonts;
static Uint32 wake;

static const struct text_style body = {FACE_SANS, 28, {255, 255, 255, 255}, 0};
static const char *caption = "Делегация Оксфорда в Перми, 1995 год: подписание соглашения о "
                             "побратимстве между городами";

static struct text_cache_stats stats(const struct text_cache *c)
{
	struct text_cache_stats s;
	text_cache_stats(c, &s);
	return s;
}

/* Waits (up to 10 s) for the worker's wake event and takes what arrived;
 * returns how many asked-for texts came. */
static size_t wait_take(struct text_cache *c)
{
	size_t n = 0;
	for (int i = 0; i < 200 && n == 0; i++) {
		SDL_Event ev;
		if (SDL_WaitEventTimeout(&ev, 50) && ev.type != wake)
			continue;
		n += text_cache_take(c);
	}
	return n;
}

/* The pixels of a texture of the software renderer, copied out. */
static SDL_Surface *pixels(SDL_Texture *t, int w, int h)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_SetRenderTarget(ren, NULL);
	SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
	SDL_RenderClear(ren);
	SDL_RenderCopy(ren, t, NULL, &(SDL_Rect){0, 0, w, h});
	SDL_RenderReadPixels(ren, &(SDL_Rect){0, 0, w, h}, SDL_PIXELFORMAT_ARGB8888, s->pixels,
	                     s->pitch);
	return s;
}

static bool same_pixels(SDL_Surface *a, SDL_Surface *b)
{
	if (a->w != b->w || a->h != b->h)
		return false;
	for (int y = 0; y < a->h; y++)
		if (memcmp((Uint8 *)a->pixels + y * a->pitch, (Uint8 *)b->pixels + y * b->pitch,
		           (size_t)a->w * 4) != 0)
			return false;
	return true;
}

static void test_deferred_text_arrives_as_drawn_here(void)
{
	struct text_cache *here = text_cache_new(ren, fonts, 1 << 22);
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 22);
	CHECK(text_cache_start_worker(c, wake));
	int w, h, w0, h0;
	text_cache_defer(c, true);
	CHECK(text_cache_get(c, &body, caption, 600, 3, &w, &h) == NULL);
	CHECK_INT(w, 0);
	CHECK_INT(text_cache_deferred(c), 1);
	CHECK(text_cache_get(c, &body, caption, 600, 3, &w, &h) == NULL); /* asked once */
	CHECK_INT(text_cache_deferred(c), 2);
	CHECK_INT(stats(c).misses, 0); /* nothing rasterised on this thread */
	text_cache_frame(c);           /* the worker starts at the frame's end */
	CHECK_INT(wait_take(c), 1);

	text_cache_defer(c, true);
	SDL_Texture *t = text_cache_get(c, &body, caption, 600, 3, &w, &h);
	CHECK(t != NULL);
	CHECK_INT(text_cache_deferred(c), 0);
	CHECK_INT(stats(c).misses, 0);
	CHECK_INT(stats(c).hits, 1);
	SDL_Texture *t0 = text_cache_get(here, &body, caption, 600, 3, &w0, &h0);
	CHECK(t0 != NULL);
	CHECK_INT(w, w0);
	CHECK_INT(h, h0);
	CHECK(h > 2 * text_line_height(fonts, FACE_SANS, 28) - 1); /* wrapped */
	if (t && t0) {
		SDL_Surface *a = pixels(t, w, h), *b = pixels(t0, w0, h0);
		CHECK(a && b && same_pixels(a, b));
		SDL_FreeSurface(a);
		SDL_FreeSurface(b);
	}
	text_cache_free(c);
	text_cache_free(here);
}

static void test_prefetched_text_is_a_hit(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 22);
	CHECK(text_cache_start_worker(c, wake));
	CHECK(!text_cache_pending(c, &body, "Агридженто", 0, 1));
	text_cache_prefetch(c, &body, "Агридженто", 0, 1);
	text_cache_prefetch(c, &body, "Агридженто", 0, 1); /* asked once */
	CHECK(text_cache_pending(c, &body, "Агридженто", 0, 1));
	int mw, mh; /* measured meanwhile, the worker's size */
	text_cache_size(c, &body, "Агридженто", 0, 1, &mw, &mh);
	text_cache_frame(c);
	CHECK_INT(wait_take(c), 1);
	CHECK(!text_cache_pending(c, &body, "Агридженто", 0, 1));
	int w, h;
	CHECK(text_cache_get(c, &body, "Агридженто", 0, 1, &w, &h) != NULL);
	CHECK(w > 0 && h > 0);
	CHECK_INT(mw, w);
	CHECK_INT(mh, h);
	CHECK_INT(stats(c).misses, 0);
	CHECK_INT(stats(c).hits, 1);
	text_cache_free(c);
}

/* Without deferring, a text still with the worker is drawn here at once:
 * a frame that cannot wait never goes without it. */
static void test_not_deferring_draws_at_once(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 22);
	CHECK(text_cache_start_worker(c, wake));
	text_cache_prefetch(c, &body, "Дуйсбург", 0, 1);
	int w, h;
	CHECK(text_cache_get(c, &body, "Дуйсбург", 0, 1, &w, &h) != NULL);
	CHECK_INT(stats(c).misses, 1);
	text_cache_frame(c);
	SDL_Delay(300);
	CHECK_INT(text_cache_take(c), 0); /* the late result is not taken again */
	CHECK(text_cache_get(c, &body, "Дуйсбург", 0, 1, &w, &h) != NULL);
	text_cache_free(c);

	struct text_cache *alone = text_cache_new(ren, fonts, 1 << 22); /* no worker */
	text_cache_defer(alone, true);
	CHECK(text_cache_get(alone, &body, "Луисвилл", 0, 1, &w, &h) != NULL);
	CHECK_INT(text_cache_deferred(alone), 0);
	text_cache_prefetch(alone, &body, "Амневиль", 0, 1); /* nothing to do */
	CHECK_INT(stats(alone).textures, 1);
	text_cache_free(alone);
}

/* Texts a frame waits for go before prefetches asked earlier. */
static void test_urgent_goes_first(void)
{
	struct text_worker *w = text_worker_new(fonts, wake);
	CHECK(w != NULL);
	if (!w)
		return;
	const char *names[] = {"Пермь", "Оксфорд", "Циндао", "Агридженто"};
	for (int i = 0; i < 4; i++)
		CHECK(text_worker_request(w, names[i], strlen(names[i]), &body, names[i], 0, 1,
		                          false));
	CHECK(text_worker_request(w, "urgent", 6, &body, "Дуйсбург", 0, 1, true));
	text_worker_start(w);
	struct text_result *r = NULL;
	for (int i = 0; i < 1000 && !r; i++) {
		r = text_worker_poll(w);
		if (!r)
			SDL_Delay(10);
	}
	CHECK(r && r->key_len == 6 && memcmp(r->key, "urgent", 6) == 0);
	CHECK(r && r->surface && r->surface->w > 0);
	text_result_free(r);
	text_worker_free(w); /* with requests still waiting: freed, no leak */
}

/* Both threads rasterise at once with the same fonts (each call holds
 * their lock); every text comes back whole. */
static void test_two_threads_at_once(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 24);
	CHECK(text_cache_start_worker(c, wake));
	char s[64];
	for (int i = 0; i < 40; i++) {
		snprintf(s, sizeof s, "Подарок %d 青岛 %d", i, i * 7);
		struct text_style st = body;
		st.px = 20 + i % 9; /* sizes change under both threads */
		text_cache_prefetch(c, &st, s, 0, 1);
	}
	text_cache_frame(c);
	struct text_cache *here = text_cache_new(ren, fonts, 1 << 24);
	int w, h;
	for (int i = 0; i < 40; i++) {
		snprintf(s, sizeof s, "Duisburg %d 青岛", i);
		CHECK(text_cache_get(here, &body, s, 0, 1, &w, &h) != NULL);
	}
	size_t got = 0;
	for (int i = 0; i < 500 && got < 40; i++) {
		got += text_cache_take(c);
		if (got < 40)
			SDL_Delay(10);
	}
	CHECK_INT(got, 40);
	for (int i = 0; i < 40; i++) {
		snprintf(s, sizeof s, "Подарок %d 青岛 %d", i, i * 7);
		struct text_style st = body;
		st.px = 20 + i % 9;
		int w1, h1;
		SDL_Texture *t = text_cache_get(c, &st, s, 0, 1, &w1, &h1);
		SDL_Texture *t0 = text_cache_get(here, &st, s, 0, 1, &w, &h);
		CHECK(t && t0 && w1 == w && h1 == h);
	}
	CHECK_INT(stats(c).misses, 0);
	text_cache_free(here);
	text_cache_free(c);
}

static void test_cleared_cache_drops_late_results(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 22);
	CHECK(text_cache_start_worker(c, wake));
	text_cache_prefetch(c, &body, "Oxford", 0, 1);
	text_cache_frame(c);
	text_cache_clear(c);
	SDL_Delay(300);
	CHECK_INT(text_cache_take(c), 0);
	CHECK_INT(stats(c).textures, 0);
	text_cache_free(c);
}

int main(void)
{
	if (SDL_Init(SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
		printf("FAIL cannot start SDL: %s\n", SDL_GetError());
		return 1;
	}
	wake = SDL_RegisterEvents(1);
	target = SDL_CreateRGBSurfaceWithFormat(0, 1024, 512, 32, SDL_PIXELFORMAT_ARGB8888);
	ren = target ? SDL_CreateSoftwareRenderer(target) : NULL;
	fonts = ren ? text_new(ren) : NULL;
	if (!fonts) {
		printf("FAIL cannot make a software renderer with fonts: %s\n", SDL_GetError());
		return 1;
	}
	RUN(test_deferred_text_arrives_as_drawn_here);
	RUN(test_prefetched_text_is_a_hit);
	RUN(test_not_deferring_draws_at_once);
	RUN(test_urgent_goes_first);
	RUN(test_two_threads_at_once);
	RUN(test_cleared_cache_drops_late_results);
	text_free(fonts);
	SDL_DestroyRenderer(ren);
	SDL_FreeSurface(target);
	TTF_Quit();
	SDL_Quit();
	return failures_ != 0;
}
