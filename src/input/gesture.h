/* gesture: touch gesture recognition. A stream of pointer inputs in (fingers
 * going down, moving, lifting), gestures out (press feedback, tap, double
 * tap, long press, drag, swipe, pinch, cancel). Pure C over plain data: the
 * app converts SDL touch and mouse events to struct gesture_input (a mouse is
 * one finger) and calls gesture_tick when gesture_deadline says so.
 *
 * One touch sequence runs from the first finger down to the last finger up.
 * Within it:
 *   - PRESS comes at once when the first finger lands, and exactly one of
 *     RELEASE (last finger up) or CANCEL ends the sequence's feedback.
 *   - One still finger: TAP on lift (never delayed), or LONG_PRESS once held
 *     still past long_press_ms (from gesture_tick, or on lift when the press
 *     outlasted tap_max_ms), never both, never nothing.
 *   - One finger beyond the slop radius: DRAG_BEGIN, DRAG..., DRAG_END on
 *     lift, then SWIPE when the release was fast and far enough. A finger
 *     held into a LONG_PRESS that then moves beyond the slop also drags.
 *   - A second finger: any drag ends (DRAG_END with zero velocity, no SWIPE)
 *     and PINCH_BEGIN, PINCH..., PINCH_END when one of the two lifts. The
 *     finger that stays is spent: it produces nothing more (no TAP, no drag)
 *     until it lifts (RELEASE), unless a second finger lands again, which
 *     starts a new pinch. Once two fingers were down, no TAP in the sequence.
 *   - Three or more fingers (a palm, many hands), or a CANCEL input for a
 *     tracked finger: one CANCEL, then nothing at all until every finger is
 *     up (not even RELEASE).
 * Times are uint64_t monotonic milliseconds (take them from a 64-bit clock
 * such as SDL_GetTicks64 when the event is read, not from 32-bit event
 * timestamps); positions are screen pixels (scale SDL's 0..1 touch
 * coordinates; skip mouse events synthesized from touch). */
#ifndef TWINHALL_GESTURE_H
#define TWINHALL_GESTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Fingers tracked at once; a finger landing when all are taken is ignored
 * (its MOVE and UP too). The sequence is cancelled long before that. */
#define GESTURE_MAX_FINGERS 10

/* Gestures one gesture_feed or gesture_tick call can emit at most: an out
 * buffer this big never drops any. */
#define GESTURE_MAX_OUT 8

enum gesture_input_kind {
	GESTURE_IN_DOWN,   /* a finger touched; DOWN for a finger already down moves it */
	GESTURE_IN_MOVE,   /* a finger moved; unknown fingers are ignored */
	GESTURE_IN_UP,     /* a finger lifted; unknown fingers are ignored */
	GESTURE_IN_CANCEL, /* a finger was lost without lifting (the system took it) */
};

struct gesture_input {
	enum gesture_input_kind kind;
	int64_t finger; /* any id, stable from DOWN to UP; the mouse is one finger */
	float x, y;     /* screen pixels; non-finite inputs are ignored */
	uint64_t t_ms;  /* monotonic milliseconds; a step back counts as no time */
};

struct gesture_config {
	float slop_px;               /* a tap may wander this far from where it landed */
	uint64_t tap_max_ms;         /* longer still presses are long presses, not taps */
	uint64_t double_tap_ms;      /* from the first tap's lift to the second's landing */
	float double_tap_px;         /* between the two taps' landing points */
	uint64_t long_press_ms;      /* held still this long: LONG_PRESS (>= tap_max_ms) */
	float swipe_min_velocity;    /* px/s at release for a SWIPE */
	float swipe_min_distance;    /* px from the drag's start for a SWIPE */
	uint64_t velocity_window_ms; /* release velocity is measured over this last stretch */
};

/* Defaults for a display of dpi dots per inch (dpi <= 0 or not finite: 92,
 * a 24" 1920x1080 screen): slop 2 mm but at least 6 px (7.2 px at 92 DPI,
 * 12.6 px at 160), taps up to 500 ms, double taps within 300 ms and 4 slops,
 * long press at 600 ms, swipes from 83 mm/s (300 px/s at 92 DPI) over 8 mm,
 * velocity over the last 80 ms. */
struct gesture_config gesture_config_default(float dpi);

enum gesture_kind {
	GESTURE_PRESS,      /* the first finger landed at x,y: show feedback there */
	GESTURE_RELEASE,    /* the last finger lifted at x,y: feedback ends */
	GESTURE_TAP,        /* a tap at x,y (where it landed), on lift */
	GESTURE_DOUBLE_TAP, /* right after the TAP that completes a pair, at x,y */
	GESTURE_LONG_PRESS, /* held still at x,y for long_press_ms (or lifted past tap_max_ms) */
	GESTURE_DRAG_BEGIN, /* one finger left the slop: x,y its start, dx,dy so far */
	GESTURE_DRAG,       /* it moved: x,y now, dx,dy total from the start */
	GESTURE_DRAG_END,   /* it lifted (or a second finger came): vx,vy release velocity */
	GESTURE_SWIPE,      /* right after a fast, far DRAG_END: same fields, vx,vy the direction */
	GESTURE_PINCH_BEGIN, /* two fingers: x,y their centroid, scale 1 */
	GESTURE_PINCH,       /* x,y the centroid, dx,dy its travel, scale the spread */
	GESTURE_PINCH_END,   /* one of the two lifted: the last PINCH's values */
	GESTURE_CANCEL,      /* the sequence was abandoned: undo what is in progress */
};

struct gesture {
	enum gesture_kind kind;
	float x, y;   /* where: the finger, or the centroid for a pinch */
	float dx, dy; /* drag: total from its start; pinch: centroid travel */
	float vx, vy; /* px/s: release velocity for DRAG_END and SWIPE, otherwise 0 */
	float scale;  /* pinch: finger spread relative to PINCH_BEGIN; otherwise 1 */
	int fingers;  /* fingers it involves: 2 for a pinch, those down for CANCEL, else 1 */
	uint64_t t_ms;
};

struct gesture_recognizer;

/* A new idle recognizer with a copy of *c; NULL when out of memory. The
 * caller owns it and frees it with gesture_free. */
struct gesture_recognizer *gesture_new(const struct gesture_config *c);

/* Frees g and everything it holds; NULL is fine. */
void gesture_free(struct gesture_recognizer *g);

/* Takes one input (read, not kept) and writes the gestures it completes to
 * out[0..cap), returning how many; time-based gestures due by in->t_ms come
 * first, as if gesture_tick(g, in->t_ms) had run. Past cap they are lost:
 * pass GESTURE_MAX_OUT. */
size_t gesture_feed(struct gesture_recognizer *g, const struct gesture_input *in,
                    struct gesture *out, size_t cap);

/* Writes the time-based gestures due by now_ms (LONG_PRESS) to out[0..cap)
 * and returns how many; call it by gesture_deadline. */
size_t gesture_tick(struct gesture_recognizer *g, uint64_t now_ms, struct gesture *out, size_t cap);

/* When gesture_tick next has something to do, UINT64_MAX when nothing: the
 * main loop may sleep until then (or until the next input). */
uint64_t gesture_deadline(const struct gesture_recognizer *g);

/* Forgets every finger and any pending double tap, emitting nothing (the app
 * ends its own feedback); fingers still down are then unknown and ignored. */
void gesture_reset(struct gesture_recognizer *g);

/* Fingers tracked as down now (at most GESTURE_MAX_FINGERS). */
int gesture_active_fingers(const struct gesture_recognizer *g);

/* True when exactly one finger is down and it has not left the slop radius
 * since landing, whatever was emitted (for a staff hold in a corner); then
 * *x,*y is where it landed and *held_ms how long it has been down by now_ms.
 * Any out pointer may be NULL; they are untouched when false. */
bool gesture_held(const struct gesture_recognizer *g, uint64_t now_ms, float *x, float *y,
                  uint64_t *held_ms);

/* The kind's name without the prefix ("TAP"), for logs and tests; a static
 * string. */
const char *gesture_kind_name(enum gesture_kind k);

#endif
