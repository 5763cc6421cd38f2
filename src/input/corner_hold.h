/* corner_hold: the staff's secret handshake - one finger held still in a
 * corner of the screen for several seconds opens the staff panel.
 * Visitors never hold a corner that long; staff can, without tools. Pure
 * logic over pointer input and a clock. */
#ifndef TWINHALL_CORNER_HOLD_H
#define TWINHALL_CORNER_HOLD_H

#include <stdbool.h>
#include <stdint.h>

#include "input/gesture.h"

enum corner { CORNER_TOP_LEFT, CORNER_TOP_RIGHT, CORNER_BOTTOM_LEFT, CORNER_BOTTOM_RIGHT };

enum { CORNER_HOLD_MS = 5000 };

struct corner_hold {
	enum corner corner;
	uint64_t hold_ms; /* how long the finger must stay */
	float zone;       /* the corner's square, px a side */
	float slop;       /* how far the finger may wander, px */
	int fingers;      /* down now */
	bool armed;       /* one finger landed in the zone and stayed */
	int64_t finger;
	float x, y;
	uint64_t since;
};

/* A detector for corner, needing hold_ms, in a square of zone px, allowing
 * slop px of wander. */
void corner_hold_init(struct corner_hold *h, enum corner corner, uint64_t hold_ms, float zone,
                      float slop);

/* Feeds one input on a w x h screen. */
void corner_hold_input(struct corner_hold *h, const struct gesture_input *in, int w, int hgt);

/* True once, at or after the moment the finger has been held long enough. */
bool corner_hold_tick(struct corner_hold *h, uint64_t now_ms);

/* When corner_hold_tick may next say true; UINT64_MAX when nothing is held. */
uint64_t corner_hold_deadline(const struct corner_hold *h);

/* How far the hold is at now: 0..1 while a finger is held in the corner,
 * -1 when none is. */
double corner_hold_progress(const struct corner_hold *h, uint64_t now_ms);

/* Parses "top-left", "top-right", "bottom-left" or "bottom-right"; -1 when
 * it is none of them. */
int corner_parse(const char *s, enum corner *out);

#endif
