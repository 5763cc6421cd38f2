/* scroll: kinetic scrolling along one axis (the History timeline). Content
 * of length content in a viewport of length view; the offset runs from 0 to
 * max(0, content - view). The finger drags it 1:1 with rubber-band
 * resistance past either end, a release flings it on under friction (time
 * constant 325 ms), and overshoots spring back. Pure C over plain data: the
 * offset is a function of the state and the time, never integrated per
 * frame, so it is the same at any frame rate. Times are uint64_t monotonic
 * milliseconds; a time earlier than the last one counts as no time.
 *
 * Sign: a finger moving toward +x/+y (right, down) reveals earlier content,
 * so it decreases the offset; pass gesture dx/dy and vx/vy unchanged. When
 * the content fits the view nothing moves: the offset stays 0. */
#ifndef TWINHALL_SCROLL_H
#define TWINHALL_SCROLL_H

#include <stdbool.h>
#include <stdint.h>

#include "input/ease.h"

enum scroll_mode {
	SCROLL_REST, /* still at rest */
	SCROLL_DRAG, /* following a finger */
	SCROLL_ANIM, /* running legs: fling, bounce, spring back or scroll_to */
};

enum scroll_leg_kind {
	SCROLL_LEG_DECAY, /* a fling under friction */
	SCROLL_LEG_EASE,  /* an eased move along curve */
};

/* One stretch of an animation: from offset from toward to over dur_ms,
 * handing over to the next leg after len_ms (<= dur_ms: a fling cut short
 * where it meets an end). */
struct scroll_leg {
	enum scroll_leg_kind kind;
	enum ease_curve curve;
	float from, to;
	uint32_t dur_ms, len_ms;
};

#define SCROLL_MAX_LEGS 3

struct scroll {
	float content, view, max; /* max: the largest offset at rest */
	enum scroll_mode mode;
	float at;         /* REST: the offset */
	float drag_from;  /* DRAG: the offset where the drag began, unbounded */
	float drag_delta; /* DRAG: the finger's travel since then, px */
	uint64_t t0;      /* ANIM: when the first leg began */
	int n_legs;       /* ANIM: legs, run one after another from t0 */
	struct scroll_leg legs[SCROLL_MAX_LEGS];
};

/* A scroller at rest at offset 0 (negative or non-finite sizes count as 0). */
void scroll_init(struct scroll *s, float content, float view);

/* New sizes: any animation stops where it is now, the offset clamped to the
 * new range; a drag in progress goes on within the new range. */
void scroll_resize(struct scroll *s, float content, float view, uint64_t now);

/* A finger took hold: whatever ran stops where it is now (an overshoot
 * too), and the content follows scroll_drag from there. */
void scroll_drag_begin(struct scroll *s, uint64_t now);

/* The finger has moved total_delta px since scroll_drag_begin: the content
 * follows 1:1 within range and ever more stiffly past the ends. Ignored
 * outside a drag or when not finite. */
void scroll_drag(struct scroll *s, float total_delta, uint64_t now);

/* The finger lifted with velocity px/s (the gesture's vx or vy): an
 * overshoot springs back to the end in 350 ms; otherwise a fling from 60
 * px/s up (capped at 8000) coasts to a stop, and one that meets an end
 * bounces a little past it and settles on it. Ignored outside a drag. */
void scroll_drag_end(struct scroll *s, float velocity, uint64_t now);

/* Moves to offset (clamped to the range) along an eased curve taking 300 to
 * 600 ms, longer for longer trips, ending a drag or a fling. */
void scroll_to(struct scroll *s, float offset, uint64_t now);

/* A touch landed: a fling stops where it is now; past an end the content
 * springs back to it instead, so it never rests out of range. */
void scroll_stop(struct scroll *s, uint64_t now);

/* The offset to draw at now, px; past the range only while dragging or
 * bouncing. Exactly the rest value once an animation has ended. */
float scroll_offset(const struct scroll *s, uint64_t now);

/* True while an animation runs at now (draw again soon); false at rest and
 * while dragging (redraw on each scroll_drag instead). */
bool scroll_moving(const struct scroll *s, uint64_t now);

/* The largest offset at rest: max(0, content - view). */
float scroll_max(const struct scroll *s);

#endif
