/* Every change of place ends on its own frame. The visit is driven as the
 * program's loop drives it - a frame only when visit_update asks for one,
 * time jumping to visit_deadline, at most a frame every 16 ms - and once
 * nothing more is asked for, the last frame drawn must be the place it
 * ended at, as a fresh visit draws it: no ghost of the place left, no fade
 * stopped half way, no caption missing. Software renderer, sample content,
 * no window. */
#include <SDL.h>
#include <SDL_ttf.h>

#include "content/content.h"
#include "nav/nav.h"
#include "test.h"
#include "text/text.h"
#include "visit/visit.h"
#include "visit/visit_private.h" /* the visit's touch targets */

enum { W = 640, H = 360 };

static int failures_;
static SDL_Surface *target;
static SDL_Renderer *ren;

#include "visit_world.h"

static SDL_Surface *screen_copy(void)
{
	return SDL_ConvertSurfaceFormat(target, SDL_PIXELFORMAT_ARGB8888, 0);
}

/* The place s as a fresh visit draws it once everything is in. */
static SDL_Surface *fresh(const struct nav_state *s)
{
	struct world w;
	if (!world_open(&w, "home"))
		return NULL;
	struct nav_state at = *s;
	at.last_input_ms = at.since_ms = w.now;
	visit_goto(w.v, &at);
	world_run(&w, 0);
	world_frame(&w);
	SDL_Surface *out = screen_copy();
	world_close(&w);
	return out;
}

static int differing(SDL_Surface *a, SDL_Surface *b)
{
	int n = 0;
	for (int y = 0; y < H; y++) {
		const Uint32 *pa = (const Uint32 *)((Uint8 *)a->pixels + y * a->pitch);
		const Uint32 *pb = (const Uint32 *)((Uint8 *)b->pixels + y * b->pitch);
		for (int x = 0; x < W; x++)
			n += pa[x] != pb[x];
	}
	return n;
}

/* The last frame drawn is the place the visit is at, drawn afresh. */
static void check_final(struct world *w, const char *what)
{
	SDL_Surface *live = screen_copy(), *want = fresh(visit_state(w->v));
	int n = live && want ? differing(live, want) : -1;
	if (n != 0) {
		printf("  %s: %d pixels of the last frame differ from the place drawn afresh\n",
		       what, n);
		char path[256];
		snprintf(path, sizeof path, "/tmp/final-%s-live.bmp", what);
		SDL_SaveBMP(live, path);
		snprintf(path, sizeof path, "/tmp/final-%s-want.bmp", what);
		SDL_SaveBMP(want, path);
	}
	CHECK_INT(n, 0);
	/* At rest, the visit asks for nothing more: a still screen uses no CPU. */
	uint64_t later = w->now + 1000;
	CHECK(visit_deadline(w->v, later) > later + 1000);
	CHECK(!visit_update(w->v, later));
	SDL_FreeSurface(live);
	SDL_FreeSurface(want);
}

static void finger(struct world *w, enum gesture_input_kind k, float x, float y)
{
	struct gesture_input in = {k, 1, x, y, w->now};
	visit_input(w->v, &in);
}

/* A tap at x, y: down, 60 ms of frames, up. */
static void tap(struct world *w, float x, float y)
{
	finger(w, GESTURE_IN_DOWN, x, y);
	world_run(w, w->now + 60);
	finger(w, GESTURE_IN_UP, x, y);
}

/* A tap at the centre of the touch target id (arg), as drawn last. */
static bool tap_target(struct world *w, int id, int arg)
{
	const struct hit_list *l = &w->v->ui.hits;
	for (int i = 0; i < l->n; i++) {
		const struct hit_target *t = &l->t[i];
		if (t->id == id && t->arg == arg) {
			tap(w, (float)t->r.x + (float)t->r.w / 2,
			    (float)t->r.y + (float)t->r.h / 2);
			return true;
		}
	}
	CHECK(!"no such touch target");
	return false;
}

/* The centre of touch target id (arg) as drawn last; false when there is none. */
static bool target_centre(struct world *w, int id, int arg, float *x, float *y)
{
	const struct hit_list *l = &w->v->ui.hits;
	for (int i = 0; i < l->n; i++) {
		const struct hit_target *t = &l->t[i];
		if (t->id == id && t->arg == arg) {
			*x = (float)t->r.x + (float)t->r.w / 2;
			*y = (float)t->r.y + (float)t->r.h / 2;
			return true;
		}
	}
	CHECK(!"no such touch target");
	return false;
}

/* A finger dragged from (x0, y0) by (dx, dy) over ms, then lifted. */
static void drag(struct world *w, float x0, float y0, float dx, float dy, uint64_t ms)
{
	finger(w, GESTURE_IN_DOWN, x0, y0);
	uint64_t t0 = w->now;
	for (int i = 1; i <= 10; i++) {
		world_run(w, t0 + ms * (uint64_t)i / 10);
		finger(w, GESTURE_IN_MOVE, x0 + dx * (float)i / 10, y0 + dy * (float)i / 10);
	}
	finger(w, GESTURE_IN_UP, x0 + dx, y0 + dy);
}

static void test_wake_ends_on_home(void)
{
	struct world w;
	if (!world_open(&w, "attract"))
		return;
	world_run(&w, w.now + 2000);
	tap(&w, W / 2.0f, H / 2.0f);
	world_run(&w, 0);
	CHECK_INT(visit_state(w.v)->screen, NAV_HOME);
	check_final(&w, "wake");
	world_close(&w);
}

/* Opening a city and going back, the touches landing at each phase of the
 * 16 ms frame clock: the crossfade's last frame comes whenever it ends. */
static void test_open_city_and_back_end_on_their_place(void)
{
	struct world w;
	if (!world_open(&w, "home"))
		return;
	world_run(&w, 0);
	for (uint64_t phase = 0; phase < WORLD_FRAME_MS; phase += 3) {
		w.now += phase;
		tap_target(&w, NAV_EV_OPEN_CITY, 2);
		world_run(&w, 0);
		CHECK_INT(visit_state(w.v)->screen, NAV_PHOTOS);
		check_final(&w, "open-city");
		w.now += phase;
		tap_target(&w, NAV_EV_BACK, 0);
		world_run(&w, 0);
		CHECK_INT(visit_state(w.v)->screen, NAV_HOME);
		check_final(&w, "back-home");
	}
	world_close(&w);
}

static void test_swipe_ends_on_photo_with_caption(void)
{
	struct world w;
	if (!world_open(&w, "city/oxford/photos/1"))
		return;
	world_run(&w, 0);
	drag(&w, W * 0.8f, H * 0.5f, -W * 0.5f, 0, 200);
	world_run(&w, 0);
	CHECK_INT(visit_state(w.v)->item, 1);
	check_final(&w, "swipe");
	world_close(&w);
}

/* The program's loop on a renderer slower than the motion (4K drawn by the
 * CPU: a frame every step ms), until the visit asks for no frame at once. */
static void slow_run(struct world *w, uint64_t step)
{
	for (int i = 0; i < 200; i++) {
		if (visit_update(w->v, w->now))
			world_frame(w);
		if (visit_deadline(w->v, w->now) > w->now + step / 2)
			return;
		w->now += step;
	}
	CHECK(!"the visit never came to rest");
}

/* On a slow renderer the frame that ends a swipe goes straight to the
 * screen as the swipe's did (drawn into a layer and copied, it was the
 * dearest frame of the motion), and the layer catches up a moment later
 * in a frame of its own with the screen unchanged, before a next touch
 * would start a crossfade from it. */
static void test_slow_swipe_ends_straight_layer_catches_up(void)
{
	struct world w;
	if (!world_open(&w, "city/oxford/photos/1"))
		return;
	world_run(&w, 0);
	finger(&w, GESTURE_IN_DOWN, W * 0.8f, H * 0.5f);
	for (int i = 1; i <= 4; i++) {
		w.now += 150;
		finger(&w, GESTURE_IN_MOVE, W * 0.8f - W * 0.12f * (float)i, H * 0.5f);
		if (visit_update(w.v, w.now))
			world_frame(&w);
	}
	finger(&w, GESTURE_IN_UP, W * 0.32f, H * 0.5f);
	slow_run(&w, 150);
	CHECK_INT(visit_state(w.v)->item, 1);
	CHECK(visit_at_rest(w.v));
	CHECK(w.v->layer_stale); /* the last frame went straight to the screen */
	/* a frame's time (150 ms) for it to show, then the visitor's moment */
	CHECK(visit_deadline(w.v, w.now) == w.v->direct_ms + 150 + LAYER_CATCH_UP_MS);
	SDL_Surface *before = screen_copy();
	world_run(&w, 0); /* (the next photo, prefetched meanwhile, may ask too) */
	CHECK(!w.v->layer_stale);
	SDL_Surface *after = screen_copy();
	CHECK_INT(before && after ? differing(before, after) : -1, 0);
	SDL_FreeSurface(before);
	SDL_FreeSurface(after);
	check_final(&w, "slow-swipe");
	world_close(&w);
}

/* The fixture content loaded again, as a save of any file reloads it. */
static struct content *reload(struct world *w, struct diag **d)
{
	*d = diag_new();
	struct content *c = content_load("tests/fixtures/content", *d);
	CHECK(c && visit_set_content(w->v, c, w->now));
	return c;
}

static void close_reloaded(struct world *w, struct content *c, struct diag *d)
{
	visit_free(w->v); /* before the content it shows */
	w->v = NULL;
	content_free(c);
	diag_free(d);
	world_close(w);
}

/* Staff save a file while a visitor reads a history scrolled down: the
 * visitor stays where they were, on a clean frame. */
static void test_reload_keeps_scrolled_history(void)
{
	struct world w;
	if (!world_open(&w, "city/oxford/history"))
		return;
	world_run(&w, 0);
	SDL_Surface *top = screen_copy();
	drag(&w, W * 0.5f, H * 0.8f, 0, -H * 0.5f, 150);
	world_run(&w, 0);
	SDL_Surface *scrolled = screen_copy();
	CHECK(differing(top, scrolled) > W * H / 20); /* it did scroll */

	struct diag *d;
	struct content *c = reload(&w, &d);
	world_run(&w, 0);
	SDL_Surface *after = screen_copy();
	int n = differing(scrolled, after);
	if (n)
		SDL_SaveBMP(after, "/tmp/final-reload-kept.bmp");
	CHECK_INT(n, 0);
	uint64_t later = w.now + 1000;
	CHECK(visit_deadline(w.v, later) > later + 1000);
	SDL_FreeSurface(top);
	SDL_FreeSurface(scrolled);
	SDL_FreeSurface(after);
	close_reloaded(&w, c, d);
}

/* The same with the save coming while the timeline still coasts: it
 * coasts on to where it would have stopped without the reload. */
static void test_reload_while_coasting_keeps_its_course(void)
{
	struct world calm, w;
	if (!world_open(&calm, "city/oxford/history"))
		return;
	world_run(&calm, 0);
	drag(&calm, W * 0.5f, H * 0.8f, 0, -H * 0.5f, 150);
	world_run(&calm, 0);
	SDL_Surface *want = screen_copy();
	world_close(&calm);

	if (!world_open(&w, "city/oxford/history"))
		return;
	world_run(&w, 0);
	drag(&w, W * 0.5f, H * 0.8f, 0, -H * 0.5f, 150);
	world_run(&w, w.now + 100); /* still coasting */
	struct diag *d;
	struct content *c = reload(&w, &d);
	world_run(&w, 0);
	SDL_Surface *live = screen_copy();
	int n = differing(want, live);
	if (n)
		SDL_SaveBMP(live, "/tmp/final-reload-coast.bmp");
	CHECK_INT(n, 0);
	SDL_FreeSurface(want);
	SDL_FreeSurface(live);
	close_reloaded(&w, c, d);
}

/* A visitor used to phones double-taps (and triple-taps) a city card: the
 * city opens on its first photo, unzoomed, with its caption, as if they
 * had tapped once. */
static void test_double_tap_on_a_card_opens_the_city_unzoomed(void)
{
	for (int taps = 2; taps <= 3; taps++) {
		struct world w;
		float x, y;
		if (!world_open(&w, "home"))
			return;
		world_run(&w, 0);
		if (!target_centre(&w, NAV_EV_OPEN_CITY, 2, &x, &y)) {
			world_close(&w);
			return;
		}
		for (int i = 0; i < taps; i++) {
			tap(&w, x, y);
			world_run(&w,
			          w.now + 150); /* lift to the next landing: a brisk double tap */
		}
		world_run(&w, 0);
		CHECK_INT(visit_state(w.v)->screen, NAV_PHOTOS);
		CHECK_INT(visit_state(w.v)->item, 0);
		check_final(&w, taps == 2 ? "double-tap" : "triple-tap");
		world_close(&w);
	}
}

/* A tap on the right edge (its arrow) shows the next photo, on the left
 * edge the previous one; tapping the arrow twice quickly turns twice and
 * never zooms. */
static void test_edge_taps_turn_the_photos(void)
{
	struct world w;
	if (!world_open(&w, "city/oxford/photos/1"))
		return;
	world_run(&w, 0);
	tap(&w, W - 10, H / 2.0f);
	world_run(&w, 0);
	CHECK_INT(visit_state(w.v)->item, 1);
	check_final(&w, "edge-next");
	tap(&w, 10, H / 2.0f);
	world_run(&w, 0);
	CHECK_INT(visit_state(w.v)->item, 0);
	tap(&w, W - 10, H / 2.0f);
	world_run(&w, w.now + 150);
	tap(&w, W - 10, H / 2.0f);
	world_run(&w, 0);
	CHECK_INT(visit_state(w.v)->item, 2);
	check_final(&w, "edge-twice");
	world_close(&w);
}

int main(void)
{
	if (!world_screen_begin())
		return 1;
	RUN(test_wake_ends_on_home);
	RUN(test_open_city_and_back_end_on_their_place);
	RUN(test_swipe_ends_on_photo_with_caption);
	RUN(test_slow_swipe_ends_straight_layer_catches_up);
	RUN(test_double_tap_on_a_card_opens_the_city_unzoomed);
	RUN(test_edge_taps_turn_the_photos);
	RUN(test_reload_keeps_scrolled_history);
	RUN(test_reload_while_coasting_keeps_its_course);
	world_screen_end();
	return failures_ != 0;
}
