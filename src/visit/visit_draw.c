/* visit_draw: how a frame of the visit is made. The place is drawn into a
 * layer and copied to the screen, or, while it moves, straight to the
 * screen; a change of place crossfades between the two layers, the new
 * place drawn into its layer a band a frame. */
#include "visit/visit_private.h"

#include <assert.h>

#include "render/draw.h"
#include "visit/frame_plan.h"
#include "ui/hints.h"
#include "ui/screen.h"

enum {
	/* A crossfade's new place is drawn into its layer a band a frame, so no
	 * frame of a transition draws more than a quarter of a screen (the last
	 * frame stays meanwhile: 3 frames at 60 Hz before the fade). Drawn
	 * again during the fade (a photo came in), it goes in sixteenths, as
	 * those frames also blend the two layers: a quarter made them a third
	 * dearer than the bare blend (docs/performance.md). */
	FADE_BANDS = 4,
	FADE_REDRAW_BANDS = 16,
};

enum layer_drawn { LAYER_FAILED, LAYER_LACKS_TEXT, LAYER_PART, LAYER_COMPLETE };

void visit_layers_free(struct visit *v)
{
	for (int i = 0; i < 2; i++) {
		if (v->layer[i])
			SDL_DestroyTexture(v->layer[i]);
		v->layer[i] = NULL;
	}
	fade_end(&v->fade);
	v->layer_stale = false;
}

/* The crossfade is over (or cut short). Both layers are kept: a layer made
 * anew costs its page faults (about 2000 at 1080p) in the frame that first
 * draws into it, and a crossfade needs both at its peak anyway. */
void visit_fade_end(struct visit *v)
{
	fade_end(&v->fade);
}

/* Whether the place moves: dragged by a finger, or easing on by itself. */
static bool place_moving(const struct visit *v)
{
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	return s && (v->dragging || screen_moving(s, &v->ui));
}

/* A crossfade, or the place moving: frames the eye follows, which decodes
 * make way for. */
bool visit_in_transition(const struct visit *v)
{
	return v->fade.stage != FADE_NONE || place_moving(v);
}

/* Crossfades from the last frame drawn to the new place. */
void visit_fade_from_shown(struct visit *v, uint64_t now, uint64_t hold_until)
{
	if (!v->layer[v->shown]) /* nothing drawn yet */
		return;
	fade_begin(&v->fade, now, hold_until);
	v->from = v->shown;
	v->band_rows = 0;
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
	v->warned_s = nav_idle_warning(&v->ui.c->hall, &v->ui.nav, v->ui.now);
	if (v->warned_s)
		hints_idle_warning(&v->ui, v->warned_s);
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

/* The place as it is now into the layer shown, when frames went straight
 * to the screen since it was drawn: called before the place changes, so a
 * crossfade starts from what is on screen. */
void visit_catch_up(struct visit *v, uint64_t now)
{
	if (v->layer_stale && v->layer[v->shown] && v->fade.stage == FADE_NONE)
		draw_layer(v, v->shown, now, false, NULL);
	v->layer_stale = false;
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

/* The facts the frame planner decides by, as the visit is at now. */
static struct frame_facts facts_now(const struct visit *v, uint64_t now)
{
	const struct screen_ops *s = screen_of(v->ui.nav.screen);
	return (struct frame_facts){
	    .fade = v->fade.stage,
	    .fade_at_end = fade_at_end(&v->fade, now),
	    .screen = s != NULL,
	    .moving = s && screen_moving(s, &v->ui),
	    .dragged = v->dragging,
	    .dirty = v->dirty,
	    .text_waiting = v->text_waiting,
	    .new_whole = v->band_rows == v->ui.l.h,
	    .images_held =
	        texture_cache_holding(v->ui.images) || texture_cache_uploaded(v->ui.images),
	    .motion_tail = v->layer_stale && v->drawn == v->moved_drawn,
	};
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
	v->direct_gap =
	    now - v->direct_ms < LAYER_GAP_MAX_MS ? now - v->direct_ms : LAYER_GAP_MAX_MS;
	v->direct_ms = now;
	if (place_moving(v))
		v->moved_drawn = v->drawn;
}

uint64_t visit_layer_due(const struct visit *v)
{
	if (!v->layer_stale || !visit_at_rest(v) || v->drawn == v->moved_drawn)
		return UINT64_MAX;
	return v->direct_ms + v->direct_gap + LAYER_CATCH_UP_MS;
}

/* The place into the layer not on screen, shown when complete; while it
 * lacks text, the last frame stays (the text is usually there a frame
 * later), unless that frame is no longer in its layer. */
static void draw_at_rest(struct visit *v, uint64_t now)
{
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

/* The two layers of a crossfade: the new place, the old one over it. */
static void blend(struct visit *v, uint64_t now)
{
	Uint8 a = fade_alpha(&v->fade, now);
	if (a < 255)
		show_layer(v, v->from ^ 1, 255);
	show_layer(v, v->from, a);
}

/* No memory for the new place's layer: the crossfade is cut short and the
 * place drawn straight to the screen. */
static void fade_failed(struct visit *v, uint64_t now)
{
	visit_fade_end(v);
	draw_place(v, now);
}

/* The new place is in its layer: it is the one shown from now on. */
static void new_place_ready(struct visit *v, uint64_t now)
{
	v->shown = v->from ^ 1;
	fade_prepared(&v->fade, now);
}

/* Does what the planner said a crossfade's frame does. Until the new place
 * is whole in its layer (and, after a reload, its images in), the old
 * place shows alone at full; then the two blend. */
static void draw_fading(struct visit *v, uint64_t now, enum frame_action a)
{
	int to = v->from ^ 1;
	enum layer_drawn d;
	switch (a) {
	case FRAME_PREPARE_BAND:
		d = draw_next_band(v, to, now, FADE_BANDS);
		if (d == LAYER_FAILED) {
			fade_failed(v, now);
			return;
		}
		if (d == LAYER_COMPLETE)
			new_place_ready(v, now);
		show_layer(v, v->from, 255);
		return;
	case FRAME_PREPARE_WHOLE:
		d = draw_layer(v, to, now, true, NULL);
		if (d == LAYER_FAILED) {
			fade_failed(v, now);
			return;
		}
		if (d != LAYER_LACKS_TEXT) { /* else the crossfade waits for it */
			new_place_ready(v, now);
			v->band_rows = v->ui.l.h;
		}
		show_layer(v, v->from, 255);
		return;
	case FRAME_BLEND_BAND:
		if (draw_next_band(v, to, now, FADE_REDRAW_BANDS) == LAYER_FAILED)
			fade_failed(v, now);
		else
			blend(v, now);
		return;
	case FRAME_BLEND_WHOLE:
		if (draw_layer(v, to, now, false, NULL) == LAYER_FAILED) {
			fade_failed(v, now);
			return;
		}
		v->shown = to;
		v->band_rows = v->ui.l.h;
		blend(v, now);
		return;
	case FRAME_BLEND:
		if (v->dirty) /* a photo going in: drawn again once it is whole */
			v->band_rows = 0;
		blend(v, now);
		return;
	default: /* FRAME_WAIT: nothing new yet */
		show_layer(v, v->from, 255);
		return;
	}
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
	struct frame_facts f = facts_now(v, now);
	enum frame_action a = frame_plan(&f);
	switch (a) {
	case FRAME_FADE_LAST: /* the new place as drawn */
		visit_fade_end(v);
		show_layer(v, v->shown, 255);
		break;
	case FRAME_DIRECT:
		visit_fade_end(v);
		draw_direct(v, now);
		break;
	case FRAME_LAYER:
		visit_fade_end(v);
		draw_at_rest(v, now);
		break;
	default:
		draw_fading(v, now, a);
		break;
	}
	assert(v->fade.stage == FADE_NONE || frame_action_draws(a) || !v->dirty || f.images_held ||
	       a == FRAME_WAIT);           /* a change is never left undrawn */
	if (screen_of(v->ui.nav.screen)) { /* the ring under the finger, moved as the picture is */
		SDL_Rect picture = {v->shift_x, v->shift_y, v->ui.l.w, v->ui.l.h};
		SDL_RenderSetViewport(v->ui.ren, &picture);
		ui_press_feedback(&v->ui);
		SDL_RenderSetViewport(v->ui.ren, NULL);
	}

	text_cache_frame(v->ui.texts);
	texture_cache_frame(v->ui.images);
	v->dirty = false;
	v->last_frame = visit_at_rest(v) ? FRAME_FINAL : FRAME_INTERIM;
}

bool visit_ring_growing(const struct visit *v, uint64_t now)
{
	return v->ui.pressing && now - v->ui.press_ms < PRESS_GROW_MS;
}

bool visit_at_rest(const struct visit *v)
{
	return v->fade.stage == FADE_NONE && !place_moving(v) && !visit_ring_growing(v, v->ui.now);
}
