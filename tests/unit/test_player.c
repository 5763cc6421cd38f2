/* The attract loop's player on a software renderer, no window, with the
 * sample content: the slide it shows first is not kept waiting by the
 * slide after it. */
#include <SDL.h>
#include <SDL_ttf.h>

#include "ui/attract.h"
#include "content/content.h"
#include "ui/player.h"
#include "test.h"
#include "text/text.h"
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
	struct texture_cache *images =
	    c ? texture_cache_new(ren, "tests/fixtures/content", 64 << 20, wake) : NULL;
	struct player *p = text && images ? player_new(ren, text, images, c, 0, W, H) : NULL;
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
	SDL_DestroyRenderer(ren);
	SDL_FreeSurface(target);
	TTF_Quit();
	SDL_Quit();
	return failures_ != 0;
}
