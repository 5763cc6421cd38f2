#include "visit.h"

#include <stdlib.h>
#include <string.h>

#include "content_diff.h"
#include "draw.h"
#include "player.h"
#include "screen.h"
#include "theme.h"
#include "ui.h"

enum {
	TRANSITION_MS = 280,    /* crossfade between places */
	PRESS_GROW_MS = 150,    /* the touch ring grows this long */
	TEXT_BUDGET = 16 << 20, /* bytes of cached text textures: a few screens' worth */
	/* A frame whose text the worker is still drawing waits this long
	 * (showing the last frame); then the render thread draws it itself. */
	TEXT_WAIT_MS = 150,
	/* A crossfade's new place is drawn into its layer a band a frame, so no
	 * frame of a transition draws more than a quarter of a screen (the last
	 * frame stays meanwhile: 3 frames, 50 ms at 60 Hz, before the fade).
	 * Drawn again during the fade (a photo came in), it goes in eighths: those
	 * frames also blend the two layers. */
	FADE_BANDS = 4,
	FADE_REDRAW_BANDS = 16,
	/* The frame that ends a motion comes at most this long after the last
	 * one drawn straight to the screen, and goes there too (draw_still). */
	DIRECT_TAIL_MS = 40,

	/* Image cache: three screenfuls (the photo shown and both neighbours fit);
	 * six did not fit in 96 MB beside the screen, its layers and a decode of
	 * a PNG scan (which SDL_image holds whole: 18 MB for 6 MP). */
	IMAGE_SCREENS = 3,
};

struct visit {
	struct ui ui;
	struct gesture_recognizer *gestures;
	struct player *player;
	FILE *trace;
	uint64_t t0;  /* trace times count from here */
	bool swallow; /* the touch that woke the hall does nothing else */
	bool dirty;
	/* Frames are drawn into a layer, then copied to the screen, so the last
	 * frame is always at hand: a crossfade starts from it without drawing
	 * the place left behind again, and each of its frames costs what a
	 * crossfade of two textures costs, whatever the screens draw (the new
	 * place is drawn into the other layer only when it changes). The other
	 * layer is made for the first crossfade and kept (see fade_end). */
	SDL_Texture *layer[2];
	int shown;              /* the layer with the last frame drawn */
	bool layer_stale;       /* frames since went straight to the screen
	                         * (draw_direct): the layer shown is older */
	uint64_t moved_ms;      /* when the last of them drawn while moving was */
	bool dragging;          /* a finger drags the place (a slide, a scroll) */
	int from;               /* during a crossfade: the layer of the place left */
	bool fading;            /* a crossfade is under way */
	bool next_drawn;        /* the other layer shows the new place as it is now */
	int band_rows;          /* rows of it drawn so far, band by band */
	unsigned long drawn;    /* places drawn so far */
	uint64_t transition_ms; /* when the last change of place began */
	/* After a reload: the last frame stays until hold_until, or until the
	 * new place's images are in, then the crossfade begins. */
	bool holding;
	uint64_t hold_until;
	/* The last place drawn lacked text the worker is drawing (since
	 * text_since): the screen shows the frame before it meanwhile. */
	bool text_waiting;
	uint64_t text_since;
	Uint32 wake_event;
	size_t image_budget;
	int start_lang;
	int shift_x, shift_y; /* burn-in care: the picture's offset (see orbit) */
};

static void write_trace(struct visit *v, uint64_t now)
{
	char line[512];
	if (!v->trace ||
	    nav_format_trace(&v->ui.c->hall, &v->ui.nav, now - v->t0, line, sizeof line) < 0)
		return;
	fprintf(v->trace, "%s\n", line);
	fflush(v->trace);
}

static void layers_free(struct visit *v)
{
	for (int i = 0; i < 2; i++) {
		if (v->layer[i])
			SDL_DestroyTexture(v->layer[i]);
		v->layer[i] = NULL;
	}
	v->fading = false;
	v->layer_stale = false;
}

/* The crossfade is over (or cut short). Both layers are kept: a layer made
 * anew costs its page faults (2000 of them, 5-10 ms on a virtual machine)
 * in the frame that first draws into it, and a crossfade needs both at its
 * peak anyway. */
static void fade_end(struct visit *v)
{
	v->fading = false;
}

struct visit *visit_new(SDL_Renderer *ren, struct text *text, const struct content *c, int lang,
                        int w, int h, float dpi, Uint32 wake_event, FILE *trace)
{
	struct visit *v = calloc(1, sizeof *v);
	if (!v)
		return NULL;
	struct gesture_config gc = gesture_config_default(dpi);
	size_t screen_bytes = (size_t)w * (size_t)h * 4;
	v->ui = (struct ui){.ren = ren, .text = text, .c = c, .zoom = 1, .motion_for = -1};
	v->ui.texts = text_cache_new(ren, text, TEXT_BUDGET);
	if (v->ui.texts)
		text_cache_start_worker(v->ui.texts, wake_event);
	v->wake_event = wake_event;
	v->image_budget = IMAGE_SCREENS * screen_bytes;
	v->ui.images = texture_cache_new(ren, c->root, v->image_budget, wake_event);
	v->gestures = gesture_new(&gc);
	v->player = v->ui.images ? player_new(ren, text, v->ui.images, c, 0, w, h) : NULL;

	v->trace = trace;
	v->t0 = SDL_GetTicks64();
	v->ui.nav = nav_begin(v->t0);
	v->ui.nav.lang = lang;
	v->start_lang = lang;
	if (!v->ui.texts || !v->ui.images || !v->gestures || !v->player) {
		visit_free(v);
		return NULL;
	}
	visit_resize(v, w, h);
	write_trace(v, v->t0);
	return v;
}

void visit_free(struct visit *v)
{
	if (!v)
		return;
	layers_free(v);
	tint_free(&v->ui.scrim);
	player_free(v->player);
	gesture_free(v->gestures);
	texture_cache_free(v->ui.images);
	text_cache_free(v->ui.texts);
	free(v);
}

void visit_resize(struct visit *v, int w, int h)
{
	v->ui.l = layout_compute(w, h);
	v->ui.motion_for = -1;
	layers_free(v);
	tint_free(&v->ui.scrim);
	text_cache_clear(v->ui.texts);
	texture_cache_clear(v->ui.images);
	player_resize(v->player, w, h);
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	if (s)
		s->enter(&v->ui);
	v->dirty = true;
}

/* Whether the place moves: dragged by a finger, or easing on by itself. */
static bool place_moving(const struct visit *v)
{
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	return s && (v->dragging || s->moving(&v->ui));
}

/* A crossfade, or the place moving: frames the eye follows, which decodes
 * make way for. */
static bool in_transition(const struct visit *v)
{
	return v->fading || place_moving(v);
}

void visit_take_images(struct visit *v)
{
	/* In a transition, decoded photos become textures a part a frame. */
	texture_cache_pace(v->ui.images, in_transition(v));
	if (texture_cache_take(v->ui.images))
		v->dirty = true;
	if (text_cache_take(v->ui.texts))
		v->dirty = true;
}

enum layer_drawn { LAYER_FAILED, LAYER_LACKS_TEXT, LAYER_PART, LAYER_COMPLETE };
static enum layer_drawn draw_layer(struct visit *v, int i, uint64_t now, bool may_wait,
                                   const SDL_Rect *clip);

/* The place as it is now into the layer shown, when frames went straight
 * to the screen since it was drawn: called before the place changes, so a
 * crossfade starts from what is on screen. */
static void catch_up(struct visit *v, uint64_t now)
{
	if (v->layer_stale && v->layer[v->shown] && !v->fading)
		draw_layer(v, v->shown, now, false, NULL);
	v->layer_stale = false;
}

/* Crossfades from the last frame drawn to the new place. */
static void fade_from_shown(struct visit *v, uint64_t now)
{
	if (!v->layer[v->shown]) /* nothing drawn yet */
		return;
	v->fading = true;
	v->from = v->shown;
	v->next_drawn = false;
	v->band_rows = 0;
	v->transition_ms = now;
}

/* Items of one screen slide; other changes of place crossfade. */
static bool crossfades(const struct nav_state *a, const struct nav_state *b)
{
	return a->screen != b->screen || a->city != b->city;
}

static void moved(struct visit *v, const struct nav_state *old, uint64_t now)
{
	if (crossfades(old, &v->ui.nav))
		fade_from_shown(v, now);
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	if (s)
		s->enter(&v->ui);

	if (v->ui.nav.screen == NAV_ATTRACT) {
		v->ui.pressing = false;
		fprintf(stderr, "<6>twinhall: back to the slideshow after %llu s without a touch\n",
		        (unsigned long long)((now - old->last_input_ms) / 1000));
	}
	if (old->screen == NAV_ATTRACT && v->ui.nav.screen != NAV_ATTRACT) {
		player_sleep(v->player); /* its slides go; the transition keeps its last frame */
		fprintf(stderr, "<6>twinhall: a visitor woke the screen\n");
	}

	write_trace(v, now);
	v->dirty = true;
}

static void step(struct visit *v, struct nav_event ev, uint64_t now)
{
	struct nav_state old = v->ui.nav, next = nav_step(&v->ui.c->hall, old, ev, now);
	if (nav_same(&old, &next))
		return;
	if (crossfades(&old, &next))
		catch_up(v, now);
	v->ui.nav = next;
	moved(v, &old, now);
}

static void refresh_image(void *ctx, const char *path)
{
	texture_cache_refresh(ctx, path);
}

bool visit_set_content(struct visit *v, const struct content *c, uint64_t now)
{
	catch_up(v, now);
	const struct content *old = v->ui.c;
	struct texture_cache *images = v->ui.images;
	if (strcmp(old->root, c->root) != 0) /* to or from the snapshot */
		images = texture_cache_new(v->ui.ren, c->root, v->image_budget, v->wake_event);
	struct player *player =
	    images ? player_new(v->ui.ren, v->ui.text, images, c, 0, v->ui.l.w, v->ui.l.h) : NULL;
	if (!player) {
		if (images != v->ui.images)
			texture_cache_free(images);
		return false;
	}
	player_free(v->player);
	v->player = player;
	if (images != v->ui.images) {
		texture_cache_free(v->ui.images);
		v->ui.images = images;
	} else if (content_changed_images(old, c, refresh_image, images) < 0) {
		texture_cache_clear(images);
	}
	struct nav_state before = v->ui.nav;
	v->ui.nav = nav_carry(&old->hall, &c->hall, before);
	v->ui.c = c;
	v->ui.motion_for = -1;
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	if (s)
		s->enter(&v->ui);
	if (v->layer[v->shown] && !v->fading) {
		fade_from_shown(v, now);
		v->holding = true;
		v->hold_until = now + VISIT_HOLD_MS;
	}
	if (!nav_same(&before, &v->ui.nav))
		write_trace(v, now);
	v->dirty = true;
	return true;
}

static void on_press(struct visit *v, const struct gesture *g)
{
	bool asleep = v->ui.nav.screen == NAV_ATTRACT;
	step(v, (struct nav_event){NAV_EV_TOUCH, 0}, g->t_ms);
	v->swallow = asleep; /* the touch that wakes the hall only wakes it */
	v->ui.pressing = !asleep;
	v->ui.press_x = g->x;
	v->ui.press_y = g->y;
	v->ui.press_ms = g->t_ms;
}

static void on_gesture(struct visit *v, const struct gesture *g)
{
	v->ui.now = g->t_ms;
	v->dirty = true;
	if (g->kind == GESTURE_PRESS)
		on_press(v, g);
	if (g->kind == GESTURE_RELEASE || g->kind == GESTURE_CANCEL)
		v->ui.pressing = false;
	if (v->swallow) {
		if (g->kind == GESTURE_RELEASE || g->kind == GESTURE_CANCEL)
			v->swallow = false;
		return;
	}
	if (g->kind == GESTURE_DRAG || g->kind == GESTURE_DRAG_BEGIN)
		v->ui.press_x = g->x, v->ui.press_y = g->y;
	v->dragging = g->kind == GESTURE_DRAG || g->kind == GESTURE_DRAG_BEGIN;
	const struct hit_target *t = NULL;
	if (g->kind == GESTURE_TAP)
		t = hit_find(&v->ui.hits, g->x, g->y, ui_min_target(&v->ui));
	if (t) {
		step(v, (struct nav_event){(enum nav_event_kind)t->id, t->arg}, g->t_ms);
		return;
	}
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	struct nav_event ev;
	if (s && s->gesture(&v->ui, g, &ev))
		step(v, ev, g->t_ms);
}

void visit_input(struct visit *v, const struct gesture_input *in)
{
	struct gesture out[GESTURE_MAX_OUT];
	struct gesture_input moved = *in; /* to the picture's own pixels */
	moved.x -= (float)v->shift_x;
	moved.y -= (float)v->shift_y;
	size_t n = gesture_feed(v->gestures, &moved, out, GESTURE_MAX_OUT);
	for (size_t i = 0; i < n; i++)
		on_gesture(v, &out[i]);
}

static bool interactive_moving(const struct visit *v, uint64_t now)
{
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	if (now - v->transition_ms < TRANSITION_MS)
		return true;
	if (v->ui.pressing && now - v->ui.press_ms < PRESS_GROW_MS)
		return true;
	return s && s->moving(&v->ui);
}

/* Whether the place last drawn lacks images still being decoded (on the
 * attract loop: whether any image is being decoded). */
static bool images_waiting(const struct visit *v)
{
	return screen_of(v->ui.nav.screen) ? v->ui.images_waiting > 0 : visit_loading(v);
}

/* While holding the last frame after a reload, the crossfade waits at its
 * start; it begins once the new place was drawn with its text and images
 * in (draw_fade sets next_drawn only when its text was). */
static void hold(struct visit *v, uint64_t now)
{
	if (!v->holding)
		return;
	if (!v->fading || now >= v->hold_until || (v->next_drawn && !images_waiting(v)))
		v->holding = false;
	v->transition_ms = now;
}

bool visit_update(struct visit *v, uint64_t now)
{
	struct gesture out[GESTURE_MAX_OUT];
	v->ui.now = now;
	if (texture_cache_holding(v->ui.images)) /* the rest of what a transition held back */
		visit_take_images(v);
	hold(v, now);
	if (v->text_waiting && now - v->text_since >= TEXT_WAIT_MS)
		v->dirty = true; /* the worker is late: draw the text here */
	size_t n = gesture_tick(v->gestures, now, out, GESTURE_MAX_OUT);
	for (size_t i = 0; i < n; i++)
		on_gesture(v, &out[i]);
	if (now >= nav_deadline(&v->ui.c->hall, &v->ui.nav))
		step(v, (struct nav_event){NAV_EV_TICK, 0}, now);
	bool redraw = v->dirty || interactive_moving(v, now);
	if (v->ui.nav.screen == NAV_ATTRACT && player_update(v->player, now))
		redraw = true; /* the loop only runs while it is seen */
	return redraw;
}

uint64_t visit_deadline(const struct visit *v, uint64_t now)
{
	if (v->dirty || interactive_moving(v, now) || texture_cache_holding(v->ui.images))
		return now;
	uint64_t d = nav_deadline(&v->ui.c->hall, &v->ui.nav);
	if (v->text_waiting && v->text_since + TEXT_WAIT_MS < d)
		d = v->text_since + TEXT_WAIT_MS;
	uint64_t g = gesture_deadline(v->gestures);
	d = g < d ? g : d;
	if (v->ui.nav.screen == NAV_ATTRACT || now - v->transition_ms < TRANSITION_MS) {
		uint64_t p = player_deadline(v->player, now);
		d = p < d ? p : d;
	}
	return d;
}

static void draw_place(struct visit *v, uint64_t now)
{
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	if (!s) {
		player_draw(v->player, now);
		return;
	}
	hit_clear(&v->ui.hits);
	v->ui.images_waiting = 0;
	s->draw(&v->ui);
}

/* Draws the place into layer i (made when missing), within clip when not
 * NULL. When may_wait (a frame before it can stay on screen meanwhile),
 * text not rasterised yet is left to the text worker, and the layer then
 * lacks it, unless the worker has been waited for long enough.
 * LAYER_FAILED when out of memory. */
static enum layer_drawn draw_layer(struct visit *v, int i, uint64_t now, bool may_wait,
                                   const SDL_Rect *clip)
{
	if (!v->layer[i])
		v->layer[i] = draw_layer_new(v->ui.ren, v->ui.l.w, v->ui.l.h);
	if (!v->layer[i])
		return LAYER_FAILED;
	bool late = v->text_waiting && now - v->text_since >= TEXT_WAIT_MS;
	text_cache_defer(v->ui.texts, may_wait && !late);
	SDL_Texture *target = SDL_GetRenderTarget(v->ui.ren);
	SDL_SetRenderTarget(v->ui.ren, v->layer[i]);
	SDL_RenderSetClipRect(v->ui.ren, clip);
	draw_place(v, now);
	SDL_RenderSetClipRect(v->ui.ren, NULL);
	SDL_SetRenderTarget(v->ui.ren, target);
	size_t lacking = text_cache_deferred(v->ui.texts);
	text_cache_defer(v->ui.texts, false);
	v->drawn++;
	if (!lacking) {
		v->text_waiting = false;
		return LAYER_COMPLETE;
	}
	if (!v->text_waiting)
		v->text_since = now;
	v->text_waiting = true;
	return LAYER_LACKS_TEXT;
}

unsigned long visit_places_drawn(const struct visit *v)
{
	return v->drawn;
}

static void show_layer(struct visit *v, int i, Uint8 alpha)
{
	SDL_SetTextureBlendMode(v->layer[i],
	                        alpha < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
	SDL_SetTextureAlphaMod(v->layer[i], alpha);
	SDL_Rect dst = {v->shift_x, v->shift_y, v->ui.l.w, v->ui.l.h};
	SDL_RenderCopy(v->ui.ren, v->layer[i], NULL, &dst);
}

/* The next of n bands of the new place into the layer `to` (before a
 * crossfade of screens, the last frame staying on screen; or during one,
 * when the place changed). LAYER_PART until the whole place is in with its
 * text, then LAYER_COMPLETE; a place that changed meanwhile (an image came
 * in) is drawn again from its top, and so is one whose text the worker is
 * still drawing. */
static enum layer_drawn draw_next_band(struct visit *v, int to, uint64_t now, int n)
{
	int h = v->ui.l.h;
	if (v->dirty)
		v->band_rows = 0;
	int top = v->band_rows, bottom = top + (h + n - 1) / n;
	SDL_Rect band = {0, top, v->ui.l.w, (bottom < h ? bottom : h) - top};
	enum layer_drawn d = draw_layer(v, to, now, true, &band);
	if (d == LAYER_FAILED)
		return d;
	v->band_rows = d == LAYER_LACKS_TEXT ? 0 : top + band.h;
	return v->band_rows == h ? LAYER_COMPLETE : LAYER_PART;
}

/* A frame of the crossfade: the new place (drawn into the other layer when
 * it changed), the old one over it fading out. Until the new place is
 * drawn whole, the old one shows alone, and the fade waits: no frame both
 * draws much of a screen and blends one. */
static void draw_fade(struct visit *v, uint64_t now)
{
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	int to = v->from ^ 1;
	bool first = !v->next_drawn;
	if (first && v->text_waiting && !v->dirty) { /* nothing new yet */
		v->transition_ms = now;
		show_layer(v, v->from, 255);
		return;
	}
	if (first && s && !s->moving(&v->ui)) {
		enum layer_drawn d = draw_next_band(v, to, now, FADE_BANDS);
		if (d == LAYER_FAILED) { /* no memory for a second layer */
			fade_end(v);
			draw_place(v, now);
			return;
		}
		v->transition_ms = now;
		if (d != LAYER_COMPLETE) {
			show_layer(v, v->from, 255);
			return;
		}
		v->shown = to;
		v->next_drawn = true;
	} else if (s && !s->moving(&v->ui) && (v->dirty || v->band_rows < v->ui.l.h)) {
		/* Something came in during the fade (a photo decoded): the new
		 * place is drawn again a band a frame while the fade goes on. */
		if (draw_next_band(v, to, now, FADE_REDRAW_BANDS) == LAYER_FAILED) {
			fade_end(v);
			draw_place(v, now);
			return;
		}
	} else if (first || v->dirty || !s || s->moving(&v->ui)) { /* !s: the attract loop */
		enum layer_drawn d = draw_layer(v, to, now, first, NULL);
		if (d == LAYER_FAILED) {
			fade_end(v);
			draw_place(v, now);
			return;
		}
		if (d == LAYER_LACKS_TEXT && first) { /* the crossfade waits for it */
			v->transition_ms = now;
			show_layer(v, v->from, 255);
			return;
		}
		v->shown = to;
		v->next_drawn = true;
		v->band_rows = v->ui.l.h; /* drawn whole */
	}
	uint64_t t = now - v->transition_ms;
	Uint8 a = first ? 255 : (Uint8)(255 - t * 255 / TRANSITION_MS);
	if (a < 255)
		show_layer(v, to, 255);
	show_layer(v, v->from, a);
}

/* A frame of a place moving under the finger (a slide, a scroll) goes
 * straight to the screen, at the picture's offset: the copy from a layer
 * was a third of such a frame's cost. Its text is drawn here if the worker
 * has not drawn it yet, which is rare: the place was drawn whole before it
 * began to move. The layer then no longer holds the last frame
 * (layer_stale) until catch_up or a frame at rest. */
static void draw_direct(struct visit *v, uint64_t now)
{
	SDL_Rect picture = {v->shift_x, v->shift_y, v->ui.l.w, v->ui.l.h};
	text_cache_defer(v->ui.texts, false);
	SDL_RenderSetViewport(v->ui.ren, &picture);
	draw_place(v, now);
	SDL_RenderSetViewport(v->ui.ren, NULL);
	v->drawn++;
	v->text_waiting = false;
	v->layer_stale = true;
}

/* Whether the crossfade just over leaves the new place whole in the layer
 * shown, as it is now: drawn with its text, nothing changed since, and not
 * moving. */
static bool fade_left_whole(const struct visit *v)
{
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	return s && v->next_drawn && v->band_rows == v->ui.l.h && !v->dirty && !v->text_waiting &&
	       !s->moving(&v->ui);
}

/* A frame outside crossfades: the place is drawn into the layer not on
 * screen, and shown when complete; while it lacks text, the last frame
 * stays (the text is usually there a frame later), unless that frame is
 * no longer in its layer. A moving place, and the frame that ends its
 * motion, are drawn straight to the screen once the last frame was
 * complete; the first frame after a pause is drawn into a layer again. */
static void draw_still(struct visit *v, uint64_t now)
{
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	bool moving = place_moving(v);
	bool tail = v->layer_stale && now - v->moved_ms <= DIRECT_TAIL_MS;
	if (s && (moving || tail) && !v->text_waiting) {
		draw_direct(v, now);
		if (moving)
			v->moved_ms = now;
		return;
	}
	int back = v->layer[v->shown] ? v->shown ^ 1 : v->shown;
	bool may_wait = back != v->shown && !v->layer_stale;
	enum layer_drawn d = draw_layer(v, back, now, may_wait, NULL);
	if (d == LAYER_FAILED && back != v->shown) { /* no memory for two layers */
		back = v->shown;
		d = draw_layer(v, back, now, false, NULL);
	}
	if (d == LAYER_FAILED) { /* out of memory: straight to the screen */
		draw_place(v, now);
		return;
	}
	if (d == LAYER_LACKS_TEXT && may_wait) {
		show_layer(v, v->shown, 255);
		return;
	}
	v->shown = back;
	v->layer_stale = false;
	show_layer(v, back, 255);
}

void visit_set_shift(struct visit *v, int dx, int dy)
{
	if (dx == v->shift_x && dy == v->shift_y)
		return;
	v->shift_x = dx;
	v->shift_y = dy;
	v->dirty = true;
}

/* Black where the shifted picture leaves the screen's edges bare. */
static void fill_edges(struct visit *v)
{
	const struct layout *l = &v->ui.l;
	int dx = v->shift_x, dy = v->shift_y;
	SDL_SetRenderDrawColor(v->ui.ren, 0, 0, 0, 255);
	SDL_Rect r[2] = {{dx > 0 ? 0 : l->w + dx, 0, dx > 0 ? dx : -dx, l->h},
	                 {0, dy > 0 ? 0 : l->h + dy, l->w, dy > 0 ? dy : -dy}};
	for (int i = 0; i < 2; i++)
		if (r[i].w > 0 && r[i].h > 0)
			SDL_RenderFillRect(v->ui.ren, &r[i]);
}

void visit_draw(struct visit *v, uint64_t now)
{
	v->ui.now = now;
	fill_edges(v);
	if (v->fading && now - v->transition_ms < TRANSITION_MS) {
		draw_fade(v, now);
	} else if (v->fading && fade_left_whole(v)) { /* its last frame: the new place as drawn */
		fade_end(v);
		show_layer(v, v->shown, 255);
	} else {
		fade_end(v);
		draw_still(v, now);
	}
	if (screen_of(v->ui.nav.screen)) { /* the ring under the finger, moved as the picture is */
		SDL_Rect picture = {v->shift_x, v->shift_y, v->ui.l.w, v->ui.l.h};
		SDL_RenderSetViewport(v->ui.ren, &picture);
		ui_press_feedback(&v->ui);
		SDL_RenderSetViewport(v->ui.ren, NULL);
	}

	text_cache_frame(v->ui.texts);
	texture_cache_frame(v->ui.images);
	v->dirty = false;
}

void visit_drawing(struct visit *v, bool drawing)
{
	texture_cache_drawing(v->ui.images, drawing, in_transition(v));
}

void visit_sleep(struct visit *v, uint64_t now)
{
	struct nav_state s = nav_begin(now);
	s.lang = v->start_lang;
	visit_goto(v, &s);
	player_sleep(v->player);
	layers_free(v);
	v->holding = v->text_waiting = false;
	text_cache_clear(v->ui.texts);
	texture_cache_clear(v->ui.images);
}

void visit_goto(struct visit *v, const struct nav_state *s)
{
	v->ui.nav = *s;
	v->transition_ms = 0;
	fade_end(v);
	const struct screen_ops *sc = screen_of(s->screen);
	if (sc)
		sc->enter(&v->ui);
	write_trace(v, SDL_GetTicks64());
	v->dirty = true;
}

bool visit_loading(const struct visit *v)
{
	struct texture_cache_stats st;
	texture_cache_stats(v->ui.images, &st);
	return st.loading > 0 || v->text_waiting;
}

void visit_images(const struct visit *v, size_t *textures, size_t *bytes)
{
	struct texture_cache_stats st;
	texture_cache_stats(v->ui.images, &st);
	*textures = st.textures;
	*bytes = st.bytes;
}

bool visit_holding(const struct visit *v)
{
	return v->text_waiting || (v->fading && (v->holding || !v->next_drawn));
}

const struct nav_state *visit_state(const struct visit *v)
{
	return &v->ui.nav;
}
