/* How the visit's frames are made, on a software renderer with the sample
 * content, no window. Burn-in care on the real screens: with a shift, the
 * whole frame is drawn moved by exactly that many pixels, and the edge it
 * leaves is black. A crossfade's frame that takes a photo in only blends;
 * a finger resting mid-drag still lets held photos in. */
#include <SDL.h>
#include <SDL_ttf.h>

#include "content/content.h"
#include "nav/nav.h"
#include "test.h"
#include "text/text.h"
#include "visit/visit.h"
#include "visit/visit_private.h" /* the visit's texture cache */

enum { W = 640, H = 360 };

static int failures_;
static SDL_Surface *target;
static SDL_Renderer *ren;

#include "visit_world.h"

/* Draws frames until nothing is loading, then copies the screen out. */
static SDL_Surface *settled_frame(struct visit *v, Uint32 wake)
{
	for (int i = 0; i < 300; i++) {
		SDL_Event ev;
		while (SDL_PollEvent(&ev))
			if (ev.type == wake)
				visit_take_images(v);
		uint64_t now = SDL_GetTicks64();
		visit_update(v, now);
		visit_draw(v, now);
		if (i > 3 && !visit_loading(v))
			break;
		SDL_Delay(10);
	}
	SDL_RenderPresent(ren);
	return SDL_ConvertSurfaceFormat(target, SDL_PIXELFORMAT_ARGB8888, 0);
}

static Uint32 px(SDL_Surface *s, int x, int y)
{
	return ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
}

/* How many pixels of a show in b moved by (dx, dy), of those that stay on
 * the screen: (W - |dx|) x (H - |dy|) when b is a moved by exactly that. */
static int pixels_moved(SDL_Surface *a, SDL_Surface *b, int dx, int dy)
{
	int n = 0;
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++)
			if (x + dx >= 0 && x + dx < W && y + dy >= 0 && y + dy < H)
				n += px(b, x + dx, y + dy) == px(a, x, y);
	return n;
}

static void test_frame_moves_by_the_shift(void)
{
	struct world w;
	if (!world_open(&w, "home"))
		return;
	struct visit *v = w.v;
	Uint32 wake = w.wake;
	SDL_Surface *a = settled_frame(v, wake);
	visit_set_shift(v, 3, -2);
	SDL_Surface *b = settled_frame(v, wake);
	int black = 0;
	for (int y = 0; y < H; y++)
		for (int x = 0; x < 3; x++)
			black += (px(b, x, y) & 0xffffff) == 0;
	for (int x = 0; x < W; x++)
		black += (px(b, x, H - 1) & 0xffffff) == 0 && (px(b, x, H - 2) & 0xffffff) == 0;
	int cells = (W - 3) * (H - 2);
	/* Every pixel exactly where the shift puts it, and it did move. */
	CHECK_INT(pixels_moved(a, b, 3, -2), cells);
	CHECK(pixels_moved(a, b, 0, 0) < cells * 9 / 10);
	CHECK_INT(black, 3 * H + W);
	SDL_FreeSurface(a);
	SDL_FreeSurface(b);
	world_close(&w);
}

static void finger(struct visit *v, enum gesture_input_kind k, float x, uint64_t t)
{
	struct gesture_input in = {k, 1, x, H / 2.0f, t};
	visit_input(v, &in);
}

static SDL_Surface *frame_at(struct visit *v, uint64_t now)
{
	visit_update(v, now);
	visit_draw(v, now);
	SDL_RenderPresent(ren);
	return SDL_ConvertSurfaceFormat(target, SDL_PIXELFORMAT_ARGB8888, 0);
}

static int pixels_differing(SDL_Surface *a, SDL_Surface *b)
{
	int n = 0;
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++)
			n += px(a, x, y) != px(b, x, y);
	return n;
}

/* Photos sliding under the finger are drawn straight to the screen: they
 * move with the shift too, and a change of place that fades starts from
 * them, not from the frame before the slide. */
static void test_slide_frames_shift_and_start_a_fade(void)
{
	struct world w;
	if (!world_open(&w, "city/oxford/photos/1"))
		return;
	struct visit *v = w.v;
	Uint32 wake = w.wake;
	struct content *c = w.c;
	SDL_Surface *rest = settled_frame(v, wake);
	uint64_t t = SDL_GetTicks64();
	finger(v, GESTURE_IN_DOWN, W * 0.7f, t);
	for (int i = 1; i <= 6; i++) { /* as the loop does: input, then a frame */
		finger(v, GESTURE_IN_MOVE, W * 0.7f - 20.0f * (float)i, t + 20 * (uint64_t)i);
		SDL_FreeSurface(frame_at(v, t + 20 * (uint64_t)i));
	}
	SDL_Surface *slid = frame_at(v, t + 200);
	visit_set_shift(v, 3, 2);
	SDL_Surface *shifted = frame_at(v, t + 200);
	CHECK_INT(pixels_moved(slid, shifted, 3, 2),
	          (W - 3) * (H - 2));                     /* the sliding frame, moved by the shift,
	                                                   * the finger's ring with it */
	CHECK(pixels_differing(rest, slid) > W * H / 10); /* the photo did slide */

	/* A reload fades from the last frame: the slide as it is on screen. */
	CHECK(visit_set_content(v, c, t + 200));
	SDL_Surface *fade = frame_at(v, t + 200);
	CHECK_INT(pixels_differing(shifted, fade), 0);
	finger(v, GESTURE_IN_UP, W * 0.7f - 120.0f, t + 220);
	SDL_FreeSurface(rest);
	SDL_FreeSurface(slid);
	SDL_FreeSurface(shifted);
	SDL_FreeSurface(fade);
	world_close(&w);
}

/* A frame of a crossfade as the program's loop makes it, at now; whether
 * it took (a part of) a photo in, and whether it drew the place. */
static void fade_frame(struct visit *v, uint64_t now, bool *took, bool *drew)
{
	unsigned long drawn = visit_places_drawn(v);
	visit_take_images(v);
	visit_update(v, now);
	*took = texture_cache_uploaded(v->ui.images);
	visit_draw(v, now);
	SDL_RenderPresent(ren);
	*drew = visit_places_drawn(v) != drawn;
}

/* A photo decoded during a crossfade: the frame that makes it a texture
 * only blends the two layers; the new place is drawn again with it in the
 * frames after, a band a frame. */
static void test_fade_frame_taking_a_photo_only_blends(void)
{
	struct world w;
	if (!world_open(&w, "home"))
		return;
	struct visit *v = w.v;
	SDL_FreeSurface(settled_frame(v, w.wake));
	const struct hit_target *card = NULL; /* the first city's, as drawn */
	for (int i = 0; i < v->ui.hits.n; i++)
		if (v->ui.hits.t[i].id == NAV_EV_OPEN_CITY && v->ui.hits.t[i].arg == 0)
			card = &v->ui.hits.t[i];
	CHECK(card != NULL);
	if (!card) {
		world_close(&w);
		return;
	}
	float x = (float)card->r.x + (float)card->r.w / 2,
	      y = (float)card->r.y + (float)card->r.h / 2;
	uint64_t t = SDL_GetTicks64();
	struct gesture_input down = {GESTURE_IN_DOWN, 1, x, y, t},
	                     up = {GESTURE_IN_UP, 1, x, y, t + 50};
	visit_input(v, &down);
	visit_input(v, &up);
	t += 60;
	/* The new place goes into its layer a band a frame; meanwhile every
	 * decode waits (a transition's frame is being drawn), so the photo
	 * cannot come in before the fade itself. */
	for (int i = 0; i < 300 && !(v->fade.stage == FADE_BLEND); i++) {
		SDL_Delay(5); /* the text worker draws the caption meanwhile */
		visit_take_images(v);
		visit_update(v, t);
		visit_draw(v, t);
	}
	CHECK(visit_loading(v));
	CHECK(v->fade.stage == FADE_BLEND);
	/* Frames as things come in (the caption's text, the photo), until the
	 * photo does: that frame only blends. */
	bool took = false, drew = false, fading = false;
	for (int i = 0; i < 100 && !took; i++) {
		SDL_Event ev;
		SDL_WaitEventTimeout(&ev, 50);
		fading = v->fade.stage != FADE_NONE;
		fade_frame(v, ++t, &took, &drew);
	}
	CHECK(took);   /* the photo became a texture in this frame, */
	CHECK(fading); /* during the fade, */
	CHECK(!drew);  /* and the frame only blended */
	fade_frame(v, ++t, &took, &drew);
	CHECK(!took);
	CHECK(drew); /* the place again, with the photo */
	world_close(&w);
}

/* A finger resting mid-drag while decoded photos are held back (a
 * transition takes them in a part a frame): the visit still asks for
 * frames, as the program's loop draws only when asked, until every part is
 * in. */
static void test_resting_finger_lets_held_photos_in(void)
{
	struct world w;
	if (!world_open(&w, "city/oxford/photos/1"))
		return;
	struct visit *v = w.v;
	SDL_FreeSurface(settled_frame(v, w.wake));
	/* Every image forgotten and decoded again, at twice the size: 3.7 MB
	 * each, more than a frame of a transition takes. */
	visit_resize(v, 2 * W, 2 * H);
	uint64_t t = SDL_GetTicks64();
	finger(v, GESTURE_IN_DOWN, W * 0.7f, t);
	finger(v, GESTURE_IN_MOVE, W * 0.6f, t + 20);
	visit_update(v, t + 20);
	visit_draw(v, t + 20); /* asks for the photo and its neighbours */
	SDL_Delay(1500);       /* all decoded meanwhile; none taken yet */
	int frames = 0;
	bool held = false;
	t += 1000; /* the press's ring has grown: nothing on screen moves */
	for (int i = 0; i < 30 && (i == 0 || texture_cache_holding(v->ui.images)); i++) {
		t += 16; /* the finger rests: as the program's loop, a frame only when asked */
		visit_take_images(v);
		held |= texture_cache_holding(v->ui.images);
		if (visit_update(v, t)) {
			visit_draw(v, t);
			frames++;
		}
	}
	CHECK(held); /* more came in than a frame takes */
	CHECK(!texture_cache_holding(v->ui.images));
	CHECK(frames >= 2);
	finger(v, GESTURE_IN_UP, W * 0.6f, t);
	world_close(&w);
}

int main(void)
{
	if (!world_screen_begin())
		return 1;
	RUN(test_frame_moves_by_the_shift);
	RUN(test_slide_frames_shift_and_start_a_fade);
	RUN(test_fade_frame_taking_a_photo_only_blends);
	RUN(test_resting_finger_lets_held_photos_in);
	world_screen_end();
	return failures_ != 0;
}
