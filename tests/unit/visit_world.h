/* A visit of the fixture content on a test's renderer, for the tests of
 * how the visit's frames are made (test_visit_frames, test_visit_final).
 * The including file defines W, H (the screen), target and ren (the
 * surface and its renderer), and includes test.h first. */
#ifndef TWINHALL_TEST_VISIT_WORLD_H
#define TWINHALL_TEST_VISIT_WORLD_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>

#include "content/content.h"
#include "nav/nav.h"
#include "text/text.h"
#include "visit/visit.h"

struct world {
	struct diag *d;
	struct content *c;
	struct text *text;
	Uint32 wake;
	struct visit *v;
	/* The test's clock, for tests that drive the visit as the program's
	 * loop does: now, when the last frame was drawn, frames drawn. */
	uint64_t now, last_frame;
	int frames;
};

static inline void world_close(struct world *w)
{
	visit_free(w->v);
	text_free(w->text);
	content_free(w->c);
	diag_free(w->d);
}

/* The visit of the content in dir at place (as nav_parse reads it),
 * entered now; false (with nothing left to close) when it cannot be made. */
static inline bool world_open_dir(struct world *w, const char *dir, const char *place)
{
	*w = (struct world){.d = diag_new(), .now = SDL_GetTicks64()};
	w->c = content_load(dir, w->d);
	w->text = text_new(ren);
	w->wake = SDL_RegisterEvents(1);
	w->v = w->c && w->text ? visit_new(ren, w->text, w->c, 0, W, H, 0, w->wake, NULL) : NULL;
	CHECK(w->v != NULL);
	if (!w->v) {
		world_close(w);
		return false;
	}
	struct nav_state s = *visit_state(w->v); /* what the place does not say */
	CHECK(nav_parse(&w->c->hall, place, &s) == 0);
	s.last_input_ms = s.since_ms = w->now;
	visit_goto(w->v, &s);
	return true;
}

/* The same of the fixture content. */
static inline bool world_open(struct world *w, const char *place)
{
	return world_open_dir(w, "tests/fixtures/content", place);
}

/* The test's screen: a software renderer drawing into target, an RGB888
 * surface as a window's on X11. False (said as a FAIL) when SDL cannot
 * start or make them. */
static inline bool world_screen_begin(void)
{
	if (SDL_Init(SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
		printf("FAIL cannot start SDL: %s\n", SDL_GetError());
		return false;
	}
	target = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
	ren = target ? SDL_CreateSoftwareRenderer(target) : NULL;
	if (!ren)
		printf("FAIL cannot make a software renderer: %s\n", SDL_GetError());
	return ren != NULL;
}

static inline void world_screen_end(void)
{
	SDL_DestroyRenderer(ren);
	SDL_FreeSurface(target);
	TTF_Quit();
	SDL_Quit();
}

#endif
