/* Fuzz target: the gesture recogniser over streams of touches. Each 6 bytes
 * of input are one step: what happened (down, move, up, cancel, or the main
 * loop's tick at the recogniser's deadline), which finger, where (sometimes
 * not a number), and how long after the last step. Every touch sequence, from
 * the first finger down to the last finger up, is judged against gesture.h's
 * promises when it ends. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "input/gesture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What one touch sequence did so far. */
struct seq {
	int press, ends, cancels, taps, longs, drags, swipes, after_end, max_fingers;
	int dragging, pinching; /* a DRAG_BEGIN / PINCH_BEGIN not yet ended */
	enum gesture_kind last;
	uint64_t last_t;
};

static void observe_one(struct seq *s, const struct gesture *g, uint64_t now)
{
	fuzz_assert(isfinite(g->x) && isfinite(g->y) && isfinite(g->dx) && isfinite(g->dy) &&
	                isfinite(g->vx) && isfinite(g->vy) && isfinite(g->scale),
	            "a gesture with a coordinate that is not a number");
	fuzz_assert(g->t_ms <= now, "a gesture from the future");
	fuzz_assert(g->fingers >= 1 && g->fingers <= GESTURE_MAX_FINGERS, "a gesture of no finger");
	s->after_end += s->ends > 0;
	switch (g->kind) {
	case GESTURE_PRESS:
		s->press++;
		break;
	case GESTURE_RELEASE:
		fuzz_assert(!s->dragging && !s->pinching, "RELEASE with a drag or pinch left open");
		s->ends++;
		break;
	case GESTURE_CANCEL:
		s->ends++, s->cancels++;
		s->dragging = s->pinching = 0;
		break;
	case GESTURE_TAP:
		s->taps++;
		break;
	case GESTURE_DOUBLE_TAP:
		fuzz_assert(s->last == GESTURE_TAP, "DOUBLE_TAP not right after a TAP");
		break;
	case GESTURE_LONG_PRESS:
		s->longs++;
		break;
	case GESTURE_DRAG_BEGIN:
		fuzz_assert(!s->dragging && !s->pinching, "DRAG_BEGIN during a drag or pinch");
		s->dragging = 1, s->drags++;
		break;
	case GESTURE_DRAG:
		fuzz_assert(s->dragging, "DRAG outside a drag");
		break;
	case GESTURE_DRAG_END:
		fuzz_assert(s->dragging, "DRAG_END outside a drag");
		s->dragging = 0;
		break;
	case GESTURE_SWIPE:
		fuzz_assert(s->last == GESTURE_DRAG_END, "SWIPE not right after DRAG_END");
		s->swipes++;
		break;
	case GESTURE_PINCH_BEGIN:
		fuzz_assert(!s->dragging && !s->pinching, "PINCH_BEGIN during a drag or pinch");
		fuzz_assert(g->scale == 1.0f, "a pinch not starting at scale 1");
		s->pinching = 1;
		break;
	case GESTURE_PINCH:
	case GESTURE_PINCH_END:
		fuzz_assert(s->pinching, "PINCH outside a pinch");
		fuzz_assert(g->scale >= 0.0f, "a pinch of negative size");
		s->pinching = g->kind == GESTURE_PINCH;
		break;
	}
	s->last = g->kind;
}

/* Judges a sequence that has just ended (every finger up). */
static void judge(const struct seq *s)
{
	fuzz_assert(s->press == 1, "a touch sequence without exactly one PRESS");
	fuzz_assert(s->ends == 1, "a touch sequence without exactly one RELEASE or CANCEL");
	fuzz_assert(s->after_end == 0, "gestures after the sequence's RELEASE or CANCEL");
	if (s->max_fingers >= 2)
		fuzz_assert(s->taps == 0, "a TAP in a sequence that had two fingers down");
	if (s->max_fingers == 1 && !s->cancels) {
		fuzz_assert(s->taps + s->longs <= 1, "both a TAP and a LONG_PRESS for one finger");
		fuzz_assert(s->taps + s->longs + s->drags >= 1, "a lone finger that did nothing");
	}
}

/* Reads one step of 6 bytes into *in; returns 1 for a tick instead. */
static int read_step(const uint8_t *b, uint64_t *t, struct gesture_input *in)
{
	static const float odd[] = {NAN, INFINITY, -INFINITY, -5000.0f, 1e30f};
	int what = b[0] & 7;
	uint32_t dt = b[5];
	*t += (b[0] & 0x80) ? dt * 40u : dt; /* sometimes long enough for a long press */
	uint16_t x = (uint16_t)(b[1] | b[2] << 8), y = (uint16_t)(b[3] | b[4] << 8);
	in->kind = what <= 2 ? GESTURE_IN_DOWN + what : what == 3 ? GESTURE_IN_UP : GESTURE_IN_MOVE;
	if (what == 4 && (b[0] & 0x40))
		in->kind = GESTURE_IN_CANCEL;
	in->finger = (b[0] >> 3) & 3;
	if ((b[0] & 0x60) == 0x60)
		in->finger = (int64_t)((b[0] >> 3) & 0xF) - 6; /* negative ids, crowds */
	in->x = x >= 0xFFF0 ? odd[(x - 0xFFF0) % 5] : (float)(x % 4000) - 1000.0f;
	in->y = (float)(y % 3000) - 1000.0f;
	in->t_ms = *t;
	return what == 7;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gesture_config c = gesture_config_default(size ? (float)data[0] : 92.0f);
	struct gesture_recognizer *g = gesture_new(&c);
	fuzz_assert(g != NULL, "out of memory");
	struct seq s = {0};
	uint64_t t = (1ull << 32) - 3000; /* crosses the 32-bit boundary */
	for (size_t i = 1; i + 6 <= size; i += 6) {
		struct gesture_input in;
		struct gesture out[GESTURE_MAX_OUT + 1];
		int was_idle = gesture_active_fingers(g) == 0;
		size_t n;
		if (read_step(data + i, &t, &in)) {
			uint64_t due = gesture_deadline(g);
			if (due != UINT64_MAX && due > t)
				t = due;
			n = gesture_tick(g, t, out, GESTURE_MAX_OUT + 1);
		} else {
			n = gesture_feed(g, &in, out, GESTURE_MAX_OUT + 1);
		}
		fuzz_assert(n < GESTURE_MAX_OUT,
		            "more gestures at once than GESTURE_MAX_OUT allows");
		if (was_idle && gesture_active_fingers(g) > 0)
			s = (struct seq){0};
		for (size_t k = 0; k < n; k++)
			observe_one(&s, &out[k], t);
		int f = gesture_active_fingers(g);
		fuzz_assert(f >= 0 && f <= GESTURE_MAX_FINGERS, "more fingers than can be tracked");
		if (f > s.max_fingers)
			s.max_fingers = f;
		if (f == 0 && !was_idle)
			judge(&s);
		if (f == 0)
			fuzz_assert(gesture_deadline(g) == UINT64_MAX || gesture_deadline(g) > t,
			            "a deadline already past with no finger down");
	}
	gesture_free(g);
	return 0;
}
