/* visit_private: the visit's state, shared by visit.c (places, input,
 * time) and visit_draw.c (how a frame is made of them). Nothing else
 * includes it. */
#ifndef TWINHALL_VISIT_PRIVATE_H
#define TWINHALL_VISIT_PRIVATE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "input/gesture.h"
#include "input/tap_echo.h"
#include "ui/player.h"
#include "ui/ui.h"
#include "visit/fade.h"
#include "visit/visit.h"

enum {
	PRESS_GROW_MS = 150, /* the touch ring grows this long */
	/* A frame whose text the worker is still drawing waits this long
	 * (showing the last frame); then the render thread draws it itself. */
	TEXT_WAIT_MS = 150,
};

/* What the last frame drawn showed. */
enum visit_frame {
	FRAME_INTERIM, /* a step on the way: more frames must follow */
	FRAME_FINAL,   /* the place at rest, complete: nothing more to draw */
};

struct visit {
	struct ui ui;
	struct gesture_recognizer *gestures;
	struct player *player;
	FILE *trace;
	uint64_t t0;  /* trace times count from here */
	bool swallow; /* the touch that woke the hall does nothing else */
	/* The repeats of a tap that woke the hall or opened a place (the
	 * second tap of a double tap) do nothing. */
	struct tap_echo taps;
	int warned_s; /* the idle warning's seconds in the last frame drawn (0: none) */
	bool dirty;
	/* Frames are drawn into a layer, then copied to the screen, so the last
	 * frame is always at hand: a crossfade starts from it without drawing
	 * the place left behind again, and each of its frames costs what a
	 * crossfade of two textures costs, whatever the screens draw (the new
	 * place is drawn into the other layer only when it changes). The other
	 * layer is made for the first crossfade and kept (see visit_fade_end). While
	 * the place moves, frames go straight to the screen (draw_direct). */
	SDL_Texture *layer[2];
	int shown;                 /* the layer with the last frame drawn */
	bool layer_stale;          /* frames since went straight to the screen
	                            * (draw_direct): the layer shown is older */
	uint64_t direct_ms;        /* when the last of them was drawn */
	uint64_t direct_gap;       /* since the one before (at most LAYER_GAP_MAX_MS) */
	unsigned long moved_drawn; /* drawn (below) after the last of them drawn
	                            * while the place moved */
	bool dragging;             /* a finger drags the place (a slide, a scroll) */
	int from;                  /* during a crossfade: the layer of the place left */
	struct fade fade;          /* the crossfade between places, if any */
	int band_rows;             /* rows of the new place drawn so far, band by band */
	unsigned long drawn;       /* places drawn so far */
	/* The last place drawn lacked text the worker is drawing (since
	 * text_since): the screen shows the frame before it meanwhile. */
	bool text_waiting;
	uint64_t text_since;
	/* Whether the last frame drawn is the place as it is to stay: no fade
	 * under way, nothing moving, no text or hold keeping an older frame
	 * up. Until one is, every update asks for a frame, so a fade always
	 * reaches its last frame and a motion its frame at rest (caption in). */
	enum visit_frame last_frame;
	Uint32 wake_event;
	size_t image_budget;
	struct deriv_cache *derivs; /* borrowed; NULL: none */
	int start_lang;
	int shift_x, shift_y; /* burn-in care: the picture's offset (see orbit) */
};

/* Destroys both layers (the size changed, or the hall sleeps); no
 * crossfade is left. */
void visit_layers_free(struct visit *v);

/* The crossfade is over or cut short; the layers are kept. */
void visit_fade_end(struct visit *v);

/* Crossfades from the last frame drawn to the new place; after a reload,
 * the last frame may stay until hold_until while the new place's images
 * decode (0: no hold). */
void visit_fade_from_shown(struct visit *v, uint64_t now, uint64_t hold_until);

/* Before the place changes: the layer shown gets the place as it is now,
 * when frames went straight to the screen since it was drawn. */
void visit_catch_up(struct visit *v, uint64_t now);

/* After a motion, its last frame goes straight to the screen too (at once:
 * the layer's copy would make it the dearest frame of the motion); the
 * layer shown catches up LAYER_CATCH_UP_MS after that frame is on screen
 * (a frame's time, as long as the one before it took, up to
 * LAYER_GAP_MAX_MS), the place at rest, in a frame of its own: before the
 * visitor's next touch (a person takes longer to act on what they see),
 * so the crossfade it starts need not draw it. */
enum { LAYER_CATCH_UP_MS = 100, LAYER_GAP_MAX_MS = 500 };

/* When the layer shown is to catch up with the frames drawn straight to
 * the screen (UINT64_MAX: it need not). */
uint64_t visit_layer_due(const struct visit *v);

/* Whether the ring under a finger is still growing at now. */
bool visit_ring_growing(const struct visit *v, uint64_t now);

/* Whether a frame drawn now would be the last one needed: no crossfade
 * or hold, nothing moving, no touch ring growing. (A frame lacking text
 * is redrawn when the worker's text comes or TEXT_WAIT_MS passes.) */
bool visit_at_rest(const struct visit *v);

/* A crossfade, or the place moving: frames the eye follows. */
bool visit_in_transition(const struct visit *v);

#endif
