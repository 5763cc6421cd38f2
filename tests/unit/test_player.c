/* The attract loop's player on a software renderer, no window, with the
 * sample content: the slide it shows first is not kept waiting by the
 * slide after it, and with a text worker no slide's text is rasterised on
 * the render thread. */
#include <SDL.h>
#include <SDL_ttf.h>

#include "ui/attract.h"
#include "content/content.h"
#include "ui/player.h"
#include "test.h"
#include "text/text.h"
#include "text/text_cache.h"
#include "render/texture_cache.h"

enum { W = 640, H = 360 };

static int failures_;
static SDL_Renderer *ren;

/* Until the first slide is on screen, the loop asks only for what that
 * slide shows (its photo and its city's flag); the second slide's photo is
 * asked for once it is. Before, the second photo was asked for first and
 * decoded before the flag, and the loop started a photo's decode later. */
static void test_first_slide_waits_for_its_own_images_only(void)
{
	struct diag *d = diag_new();
	struct content *c = content_load("tests/fixtures/content", d);
	Uint32 wake = SDL_RegisterEvents(1);
	struct text *text = text_new(ren);
	struct text_cache *texts = text ? text_cache_new(ren, text, 16 << 20) : NULL;
	struct texture_cache *images =
	    c ? texture_cache_new(ren, "tests/fixtures/content", 64 << 20, wake) : NULL;
	struct player *p =
	    texts && images ? player_new(ren, text, texts, images, c, 0, W, H) : NULL;
	CHECK(p != NULL);
	if (!p)
		goto out;
	struct attract_item first = attract_item_at(&c->hall, 0),
	                    second = attract_item_at(&c->hall, 1);
	CHECK_INT(first.kind, ATTRACT_PHOTO);
	CHECK_INT(second.kind, ATTRACT_PHOTO);
	CHECK_INT(second.city, first.city); /* one flag for both */
	bool shown = false;
	for (int i = 0; i < 200 && !shown; i++) {
		SDL_Event ev;
		if (SDL_WaitEventTimeout(&ev, 20) && ev.type == wake)
			texture_cache_take(images);
		shown = player_update(p, SDL_GetTicks64());
	}
	CHECK(shown);
	struct texture_cache_stats s;
	texture_cache_stats(images, &s);
	CHECK_INT(s.misses, 2); /* the first photo and the flag */
	CHECK_INT(s.textures, 2);
	player_update(p, SDL_GetTicks64());
	texture_cache_stats(images, &s);
	CHECK_INT(s.misses, 3); /* then the second photo */
	CHECK_INT(s.loading, 1);
out:
	player_free(p);
	texture_cache_free(images);
	text_cache_free(texts);
	text_free(text);
	content_free(c);
	diag_free(d);
}

/* Takes in what the workers finished, moves the player on to now, and ends
 * a frame (which sets the text worker going); true when the player's next
 * slide is composed (it then waits for the end of the hold). */
static bool tick(struct player *p, struct texture_cache *images, struct text_cache *texts,
                 Uint32 wake, uint64_t now)
{
	SDL_Event ev;
	if (SDL_WaitEventTimeout(&ev, 20) && ev.type == wake) {
		texture_cache_take(images);
		text_cache_take(texts);
	}
	player_update(p, now);
	text_cache_frame(texts);
	uint64_t d = player_deadline(p, now);
	return d != UINT64_MAX && d > now;
}

/* With a text worker, the slides' text is rasterised on it: the first
 * slide's, and the next slide's while the current one holds, so neither
 * composing a slide nor a slide change rasterises text on this thread. */
static void test_slides_text_is_rasterised_off_this_thread(void)
{
	struct diag *d = diag_new();
	struct content *c = content_load("tests/fixtures/content", d);
	Uint32 wake = SDL_RegisterEvents(1);
	struct text *text = text_new(ren);
	struct text_cache *texts = text ? text_cache_new(ren, text, 16 << 20) : NULL;
	struct texture_cache *images =
	    c ? texture_cache_new(ren, "tests/fixtures/content", 64 << 20, wake) : NULL;
	struct player *p =
	    texts && images ? player_new(ren, text, texts, images, c, 0, W, H) : NULL;
	CHECK(p != NULL);
	if (!p || !text_cache_start_worker(texts, wake))
		goto out;
	uint64_t now = 1000000, hold = c->hall.photo_hold_ms, fade = c->hall.crossfade_ms;
	bool ready = false;
	for (int i = 0; i < 500 && !ready; i++)
		ready = tick(p, images, texts, wake, now);
	CHECK(ready);
	struct text_cache_stats s;
	text_cache_stats(texts, &s);
	CHECK(s.hits >= 10); /* both slides' texts, from the worker */
	CHECK_INT(s.misses, 0);
	/* The change to the second slide, and the third prepared meanwhile. */
	player_update(p, now + hold);
	CHECK(player_update(p, now + hold + fade + 1));
	now += hold + fade + 1;
	ready = false;
	for (int i = 0; i < 500 && !ready; i++)
		ready = tick(p, images, texts, wake, now);
	CHECK(ready);
	size_t hits = s.hits;
	text_cache_stats(texts, &s);
	CHECK(s.hits > hits);
	CHECK_INT(s.misses, 0);
out:
	player_free(p);
	texture_cache_free(images);
	text_cache_free(texts);
	text_free(text);
	content_free(c);
	diag_free(d);
}

int main(void)
{
	if (SDL_Init(SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
		printf("FAIL cannot start SDL: %s\n", SDL_GetError());
		return 1;
	}
	SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
	ren = target ? SDL_CreateSoftwareRenderer(target) : NULL;
	if (!ren) {
		printf("FAIL cannot make a software renderer: %s\n", SDL_GetError());
		return 1;
	}
	RUN(test_first_slide_waits_for_its_own_images_only);
	RUN(test_slides_text_is_rasterised_off_this_thread);
	SDL_DestroyRenderer(ren);
	SDL_FreeSurface(target);
	TTF_Quit();
	SDL_Quit();
	return failures_ != 0;
}
