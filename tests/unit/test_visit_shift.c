/* Burn-in care on the real screens: with a shift, the whole frame is drawn
 * moved by exactly that many pixels, and the edge it leaves is black. On a
 * software renderer with the sample content, no window. */
#include <SDL.h>
#include <SDL_ttf.h>

#include "content.h"
#include "nav.h"
#include "test.h"
#include "text.h"
#include "visit.h"

enum { W = 640, H = 360 };

static int failures_;
static SDL_Surface *target;
static SDL_Renderer *ren;

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

/* The sample content, text and a visit at place, on the test's renderer. */
struct world {
	struct diag *d;
	struct content *c;
	struct text *text;
	Uint32 wake;
	struct visit *v;
};

static bool world_open(struct world *w, const char *place)
{
	*w = (struct world){.d = diag_new()};
	w->c = content_load("content", w->d);
	w->text = text_new(ren);
	w->wake = SDL_RegisterEvents(1);
	w->v = w->c && w->text ? visit_new(ren, w->text, w->c, 0, W, H, 0, w->wake, NULL) : NULL;
	CHECK(w->v != NULL);
	if (!w->v)
		return false;
	struct nav_state s = *visit_state(w->v); /* what the place does not say */
	CHECK(nav_parse(&w->c->hall, place, &s) == 0);
	visit_goto(w->v, &s);
	return true;
}

static void world_close(struct world *w)
{
	visit_free(w->v);
	text_free(w->text);
	content_free(w->c);
	diag_free(w->d);
}

static void test_frame_moves_by_the_shift(void)
{
	struct world w;
	if (!world_open(&w, "home")) {
		world_close(&w);
		return;
	}
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
	if (!world_open(&w, "city/oxford/photos/1")) {
		world_close(&w);
		return;
	}
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

int main(void)
{
	if (SDL_Init(SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
		printf("FAIL cannot start SDL: %s\n", SDL_GetError());
		return 1;
	}
	/* The format of a window's surface on X11: frames drawn straight to it
	 * and frames copied from a layer then blend text alike. */
	target = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
	ren = target ? SDL_CreateSoftwareRenderer(target) : NULL;
	if (!ren) {
		printf("FAIL cannot make a software renderer: %s\n", SDL_GetError());
		return 1;
	}
	RUN(test_frame_moves_by_the_shift);
	RUN(test_slide_frames_shift_and_start_a_fade);
	SDL_DestroyRenderer(ren);
	SDL_FreeSurface(target);
	TTF_Quit();
	SDL_Quit();
	return failures_ != 0;
}
