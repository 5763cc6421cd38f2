/* frame_plan: what one frame of the visit does, decided from plain facts
 * about the visit, so every way a frame can be made is in one function
 * that tests can walk whole. Frames are drawn into a layer and copied to
 * the screen (the last frame is always at hand); a change of place
 * crossfades between two layers, the new place drawn into its layer a band
 * a frame; a place that moves goes straight to the screen. Pure. */
#ifndef TWINHALL_FRAME_PLAN_H
#define TWINHALL_FRAME_PLAN_H

#include <stdbool.h>

#include "visit/fade.h"

enum frame_action {
	/* Crossfade, the new place not ready: the old layer alone, at full. */
	FRAME_WAIT,          /* nothing drawn (the new place awaits its text) */
	FRAME_PREPARE_BAND,  /* the next band of the new place into its layer */
	FRAME_PREPARE_WHOLE, /* the whole new place into its layer (it moves, or
	                      * is the attract loop, which bands cannot follow) */
	/* Crossfade under way: the new layer, the old one over it fading. */
	FRAME_BLEND,       /* the two layers as they are */
	FRAME_BLEND_BAND,  /* first a band of the new place again (it changed) */
	FRAME_BLEND_WHOLE, /* first the whole new place again (it moves, or is
	                    * the attract loop) */
	FRAME_FADE_LAST,   /* the fade's end: the new layer alone, as drawn */
	/* No crossfade. */
	FRAME_DIRECT, /* the place straight to the screen: it moves */
	FRAME_LAYER,  /* the place into the other layer, shown when whole */
};

struct frame_facts {
	enum fade_stage fade;
	bool fade_at_end;  /* the blend's time is up */
	bool screen;       /* an interactive screen (not the attract loop) */
	bool moving;       /* the screen says its place moves (it eases, or
	                    * follows a finger) */
	bool dragged;      /* a finger drags the place */
	bool dirty;        /* something changed since the last frame */
	bool text_waiting; /* the place drawn last lacked text the worker draws */
	bool new_whole;    /* the new place is whole in its layer, as it is now */
	bool images_held;  /* a photo goes in a part a frame, or went in this one */
	bool motion_tail;  /* the frame that ends a motion: the first place
	                    * drawn since the last moving one, drawn straight
	                    * as they were, however long a frame takes */
};

/* What the frame with these facts does. */
enum frame_action frame_plan(const struct frame_facts *f);

/* Whether an action draws any of a place (not only layers shown again). */
bool frame_action_draws(enum frame_action a);

/* A name for traces and test messages: "wait", "prepare-band", ... */
const char *frame_action_name(enum frame_action a);

#endif
