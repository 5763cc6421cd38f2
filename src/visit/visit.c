#include "visit/visit_private.h"

#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "visit/budget.h"
#include "content/content_diff.h"
#include "ui/screen.h"
#include "ui/slide.h"

static void write_trace(struct visit *v, uint64_t now)
{
	char line[512];
	if (!v->trace ||
	    nav_format_trace(&v->ui.c->hall, &v->ui.nav, now - v->t0, line, sizeof line) < 0)
		return;
	fprintf(v->trace, "%s\n", line);
	fflush(v->trace);
}

struct visit *visit_new(SDL_Renderer *ren, struct text *text, const struct content *c, int lang,
                        int w, int h, float dpi, Uint32 wake_event, FILE *trace)
{
	struct visit *v = calloc(1, sizeof *v);
	if (!v)
		return NULL;
	struct gesture_config gc = gesture_config_default(dpi);
	struct budget b = budget_for(w, h);
	v->ui = (struct ui){.ren = ren, .text = text, .c = c};
	v->ui.texts = text_cache_new(ren, text, b.texts);
	if (v->ui.texts)
		text_cache_start_worker(v->ui.texts, wake_event);
	v->wake_event = wake_event;
	v->image_budget = b.images;
	v->ui.images = texture_cache_new(ren, c->image_root, v->image_budget, wake_event);
	v->gestures = gesture_new(&gc);
	v->taps = tap_echo_make(gc.double_tap_ms * 3 / 2, gc.double_tap_px);
	v->player =
	    v->ui.images ? player_new(ren, text, v->ui.texts, v->ui.images, c, 0, w, h) : NULL;

	v->trace = trace;
	v->t0 = SDL_GetTicks64();
	v->ui.nav = nav_begin(v->t0);
	v->ui.nav.lang = lang;
	v->start_lang = lang;
	if (!v->ui.texts || !v->ui.images || !v->gestures || !v->player ||
	    !screen_states_new(&v->ui)) {
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
	visit_layers_free(v);
	tint_free(&v->ui.scrim);
	screen_states_free(&v->ui);
	player_free(v->player);
	gesture_free(v->gestures);
	texture_cache_free(v->ui.images);
	text_cache_free(v->ui.texts);
	free(v);
}

void visit_resize(struct visit *v, int w, int h)
{
	ui_set_layout(&v->ui, w, h);
	v->ui.epoch++; /* every screen sets its motion up afresh */
	visit_layers_free(v);
	tint_free(&v->ui.scrim);
	text_cache_clear(v->ui.texts);
	texture_cache_clear(v->ui.images);
	player_resize(v->player, w, h);
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	if (s)
		screen_enter(s, &v->ui);
	v->dirty = true;
}

void visit_take_images(struct visit *v)
{
	/* In a transition, decoded photos become textures a part a frame. */
	texture_cache_pace(v->ui.images, visit_in_transition(v));
	if (texture_cache_take(v->ui.images))
		v->dirty = true;
	if (text_cache_take(v->ui.texts))
		v->dirty = true;
}

/* Items of one screen slide; other changes of place crossfade. */
static bool crossfades(const struct nav_state *a, const struct nav_state *b)
{
	return a->screen != b->screen || a->city != b->city;
}

static void moved(struct visit *v, const struct nav_state *old, uint64_t now)
{
	if (crossfades(old, &v->ui.nav)) {
		visit_fade_from_shown(v, now, 0);
		v->ui.epoch++; /* another screen or city: its motion starts afresh */
	}
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	if (s)
		screen_enter(s, &v->ui);
	else if (ui_set_layout(&v->ui, v->ui.l.w, v->ui.l.h)) /* the loop: texts as designed */
		v->ui.epoch++;

	if (v->ui.nav.screen == NAV_ATTRACT) {
		v->ui.pressing = false;
		log_info("back to the slideshow after %llu s without a touch",
		         (unsigned long long)((now - old->last_input_ms) / 1000));
	}
	if (old->screen == NAV_ATTRACT && v->ui.nav.screen != NAV_ATTRACT) {
		player_sleep(v->player); /* its slides go; the transition keeps its last frame */
		log_info("a visitor woke the screen");
	}

	write_trace(v, now);
	v->dirty = true;
}

/* Moves the visitor by ev; true when it took them to another screen or city. */
static bool step(struct visit *v, struct nav_event ev, uint64_t now)
{
	struct nav_state old = v->ui.nav, next = nav_step(&v->ui.c->hall, old, ev, now);
	if (nav_same(&old, &next) && (old.reach != next.reach || old.text != next.text)) {
		/* the controls move, or the texts change size */
		visit_catch_up(v, now);
		v->ui.nav = next;
		visit_fade_from_shown(v, now, 0);
		v->ui.epoch++; /* the screens lay themselves out afresh */
		const struct screen_ops *s = screen_of(next.screen);
		if (s)
			screen_enter(s, &v->ui);
		v->dirty = true;
		return true;
	}
	if (nav_same(&old, &next))
		return false;
	bool far = crossfades(&old, &next);
	if (far)
		visit_catch_up(v, now);
	v->ui.nav = next;
	moved(v, &old, now);
	return far;
}

/* Asks for every photo and gift picture of the content to be kept in the
 * derivative cache at the sizes the photo screen and the loop show them
 * (the gifts' cards and pages are kept when first decoded). Photos first:
 * a visitor meets them most. Only content read through the store (a
 * kept hall.yaml) is keyed by its bytes. */
static void warm(struct visit *v)
{
	const struct content *c = v->ui.c;
	const struct layout *l = &v->ui.l;
	if (!v->derivs || !c->hall_yaml)
		return;
	for (size_t i = 0; i < c->hall.n_cities; i++) {
		const struct city *city = &c->hall.cities[i];
		for (size_t k = 0; k < city->n_photos; k++)
			texture_cache_warm(v->ui.images, city->photos[k].image.file, l->w, l->h,
			                   IMAGE_CONTAIN);
	}
	for (size_t i = 0; i < c->hall.n_cities; i++) {
		const struct city *city = &c->hall.cities[i];
		size_t n = city->n_photos > city->n_gifts ? city->n_photos : city->n_gifts;
		for (size_t k = 0; k < n; k++)
			for (int kind = 0; kind < 2; kind++) {
				struct attract_item it = {kind ? ATTRACT_GIFT : ATTRACT_PHOTO, i, k,
				                          0};
				struct rect box;
				enum image_fit fit;
				const struct image_ref *ref = slide_image(c, l, it, &box, &fit);
				if (ref)
					texture_cache_warm(v->ui.images, ref->file, box.w, box.h,
					                   fit);
			}
	}
}

void visit_use_derivs(struct visit *v, struct deriv_cache *d)
{
	v->derivs = d;
	if (v->ui.c->hall_yaml)
		texture_cache_use_derivs(v->ui.images, d);
	warm(v);
}

size_t visit_images_derived(const struct visit *v)
{
	struct texture_cache_stats st;
	texture_cache_stats(v->ui.images, &st);
	return st.derived;
}

static void refresh_image(void *ctx, const char *path)
{
	texture_cache_refresh(ctx, path);
}

bool visit_set_content(struct visit *v, const struct content *c, uint64_t now)
{
	visit_catch_up(v, now);
	const struct content *old = v->ui.c;
	struct texture_cache *images = v->ui.images;
	if (strcmp(old->image_root, c->image_root) != 0) { /* to or from the store */
		images =
		    texture_cache_new(v->ui.ren, c->image_root, v->image_budget, v->wake_event);
		if (images && c->hall_yaml)
			texture_cache_use_derivs(images, v->derivs);
	}
	struct player *player = images ? player_new(v->ui.ren, v->ui.text, v->ui.texts, images, c,
	                                            0, v->ui.l.w, v->ui.l.h)
	                               : NULL;
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
	} else {
		texture_cache_retry_failed(images); /* a reload gives every image another go */
	}
	struct nav_state before = v->ui.nav;
	v->ui.nav = nav_carry(&old->hall, &c->hall, before);
	v->ui.c = c;
	v->ui.now = now;
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	if (nav_same(&before, &v->ui.nav)) {
		if (s) /* the visitor stays where they were, scrolled as they were */
			screen_reload(s, &v->ui);
	} else {
		v->ui.epoch++; /* another place: its motion starts afresh */
		if (s)
			screen_enter(s, &v->ui);
	}
	if (v->fade.stage == FADE_NONE)
		visit_fade_from_shown(v, now, now + VISIT_HOLD_MS);
	if (!nav_same(&before, &v->ui.nav))
		write_trace(v, now);
	warm(v);
	v->dirty = true;
	return true;
}

static void on_press(struct visit *v, const struct gesture *g)
{
	bool asleep = v->ui.nav.screen == NAV_ATTRACT;
	step(v, (struct nav_event){NAV_EV_TOUCH, 0}, g->t_ms);
	v->swallow = asleep; /* the touch that wakes the hall only wakes it */
	if (!asleep)
		tap_echo_press(&v->taps, g->t_ms, g->x, g->y);
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
		if (g->kind == GESTURE_TAP)
			tap_echo_arm(&v->taps, g->t_ms, g->x,
			             g->y); /* a double tap wakes, no more */
		if (g->kind == GESTURE_RELEASE || g->kind == GESTURE_CANCEL)
			v->swallow = false;
		return;
	}
	bool tap = g->kind == GESTURE_TAP || g->kind == GESTURE_DOUBLE_TAP ||
	           g->kind == GESTURE_LONG_PRESS;
	if (tap && tap_echo_tap(&v->taps, g->t_ms))
		return; /* the second tap of a double tap that opened this place */
	if (g->kind == GESTURE_DRAG || g->kind == GESTURE_DRAG_BEGIN)
		v->ui.press_x = g->x, v->ui.press_y = g->y;
	v->dragging = g->kind == GESTURE_DRAG || g->kind == GESTURE_DRAG_BEGIN;
	const struct hit_target *t = NULL;
	if (g->kind == GESTURE_TAP)
		t = hit_find(&v->ui.hits, g->x, g->y, ui_min_target(&v->ui));
	if (t) {
		if (step(v, (struct nav_event){(enum nav_event_kind)t->id, t->arg}, g->t_ms))
			tap_echo_arm(&v->taps, g->t_ms, g->x, g->y);
		return;
	}
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	struct nav_event ev;
	if (s && screen_gesture(s, &v->ui, g, &ev))
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
	if (v->fade.stage != FADE_NONE)
		return true;
	if (visit_ring_growing(v, now))
		return true;
	return s && screen_moving(s, &v->ui);
}

/* Whether the place last drawn lacks images still being decoded (on the
 * attract loop: whether any image is being decoded). */
static bool images_waiting(const struct visit *v)
{
	return screen_of(v->ui.nav.screen) ? v->ui.images_waiting > 0 : visit_loading(v);
}

bool visit_update(struct visit *v, uint64_t now)
{
	struct gesture out[GESTURE_MAX_OUT];
	v->ui.now = now;
	if (texture_cache_holding(v->ui.images)) { /* the rest of what a transition held back */
		visit_take_images(v);
		/* Still some: a frame, whose end lets the next part in, even when
		 * nothing moves (a finger resting mid-drag). */
		if (texture_cache_holding(v->ui.images))
			v->dirty = true;
	}
	fade_tick(&v->fade, now, images_waiting(v));
	if (v->text_waiting && now - v->text_since >= TEXT_WAIT_MS)
		v->dirty = true; /* the worker is late: draw the text here */
	size_t n = gesture_tick(v->gestures, now, out, GESTURE_MAX_OUT);
	for (size_t i = 0; i < n; i++)
		on_gesture(v, &out[i]);
	if (now >= nav_deadline(&v->ui.c->hall, &v->ui.nav))
		step(v, (struct nav_event){NAV_EV_TICK, 0}, now);
	if (nav_idle_warning(&v->ui.c->hall, &v->ui.nav, now) != v->warned_s)
		v->dirty = true; /* the count-down shows, goes on a second, or goes */
	if (now >= visit_layer_due(v))
		v->dirty = true; /* the layer catches up with the place at rest */
	bool redraw = v->dirty || v->last_frame == FRAME_INTERIM || interactive_moving(v, now);
	if (v->ui.nav.screen == NAV_ATTRACT && player_update(v->player, now))
		redraw = true; /* the loop only runs while it is seen */
	return redraw;
}

uint64_t visit_deadline(const struct visit *v, uint64_t now)
{
	if (v->dirty || v->last_frame == FRAME_INTERIM || interactive_moving(v, now) ||
	    texture_cache_holding(v->ui.images))
		return now;
	uint64_t d = nav_idle_warning_next(&v->ui.c->hall, &v->ui.nav, now);
	if (v->text_waiting && v->text_since + TEXT_WAIT_MS < d)
		d = v->text_since + TEXT_WAIT_MS;
	uint64_t g = gesture_deadline(v->gestures), l = visit_layer_due(v);
	d = g < d ? g : d;
	d = l < d ? l : d;
	if (v->ui.nav.screen == NAV_ATTRACT || v->fade.stage != FADE_NONE) {
		uint64_t p = player_deadline(v->player, now);
		d = p < d ? p : d;
	}
	return d;
}

void visit_sleep(struct visit *v, uint64_t now)
{
	struct nav_state s = nav_begin(now);
	s.lang = v->start_lang;
	visit_goto(v, &s);
	player_sleep(v->player);
	visit_layers_free(v);
	v->text_waiting = false;
	text_cache_clear(v->ui.texts);
	texture_cache_clear(v->ui.images);
}

void visit_goto(struct visit *v, const struct nav_state *s)
{
	v->ui.nav = *s;
	visit_fade_end(v);
	const struct screen_ops *sc = screen_of(s->screen);
	if (sc)
		screen_enter(sc, &v->ui);
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

void visit_texts(const struct visit *v, size_t *textures, size_t *bytes)
{
	struct text_cache_stats st;
	text_cache_stats(v->ui.texts, &st);
	*textures = st.textures;
	*bytes = st.bytes;
}

bool visit_holding(const struct visit *v)
{
	return v->text_waiting || fade_waiting(&v->fade);
}

const struct nav_state *visit_state(const struct visit *v)
{
	return &v->ui.nav;
}
