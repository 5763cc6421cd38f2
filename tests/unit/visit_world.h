/* A visit of the fixture content on a test's renderer, for the tests of
 * how the visit's frames are made (test_visit_frames, test_visit_final)
 * and of what the screens draw (test_gift_grid, test_reach, test_no_cuts).
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

/* The frames world_run draws when the visit asks for one at once; how
 * long with nothing asked for means the visit is at rest. */
enum { WORLD_FRAME_MS = 16, WORLD_QUIET_MS = 3000 };

/* A frame of the visit at the test's clock, presented. */
static inline void world_frame(struct world *w)
{
	visit_draw(w->v, w->now);
	SDL_RenderPresent(ren);
	w->last_frame = w->now;
	w->frames++;
}

/* The program's loop on the test's clock: decodes taken in as the workers
 * wake it, a frame whenever the visit asks, until nothing more is asked
 * for (or until the time until, when not 0). */
static inline void world_run(struct world *w, uint64_t until)
{
	for (int i = 0; i < 20000; i++) {
		SDL_Event ev;
		while (SDL_PollEvent(&ev))
			if (ev.type == w->wake)
				visit_take_images(w->v);
		if (visit_update(w->v, w->now))
			world_frame(w);
		uint64_t d = visit_deadline(w->v, w->now);
		if (d <= w->now)
			d = w->last_frame + WORLD_FRAME_MS;
		if (until && d > until)
			d = until;
		if (until && w->now >= until)
			return;
		if (d > w->now + WORLD_QUIET_MS) {
			if (!visit_loading(w->v))
				return;
			SDL_Delay(2);
			d = w->now + 2; /* asleep until a worker's wake event */
		}
		w->now = d > w->now ? d : w->now + 1;
	}
	CHECK(!"the visit never came to rest");
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
