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
#include "ui/player.h"
#include "ui/ui.h"
#include "visit/visit.h"

enum {
	TRANSITION_MS = 280, /* crossfade between places */
	/* A frame whose text the worker is still drawing waits this long
	 * (showing the last frame); then the render thread draws it itself. */
	TEXT_WAIT_MS = 150,
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
	 * layer is made for the first crossfade and kept (see visit_fade_end). While
	 * the place moves, frames go straight to the screen (draw_direct). */
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

/* Destroys both layers (the size changed, or the hall sleeps); no
 * crossfade is left. */
void visit_layers_free(struct visit *v);

/* The crossfade is over or cut short; the layers are kept. */
void visit_fade_end(struct visit *v);

/* Crossfades from the last frame drawn to the new place. */
void visit_fade_from_shown(struct visit *v, uint64_t now);

/* Before the place changes: the layer shown gets the place as it is now,
 * when frames went straight to the screen since it was drawn. */
void visit_catch_up(struct visit *v, uint64_t now);

/* A crossfade, or the place moving: frames the eye follows. */
bool visit_in_transition(const struct visit *v);

#endif
