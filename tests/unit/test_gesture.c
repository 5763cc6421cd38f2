/* The gesture recognizer on recorded input sequences: taps, long presses,
 * drags, swipes, pinches, palms, lost fingers, the 2^32 ms boundary, and a
 * long random stream. Positions in pixels, at the default 92 DPI (slop 7.2). */
#include "gesture.h"
#include "test.h"

#include <math.h>

static int failures_;

/* Everything emitted since clear(), in order. */
static struct gesture log_[4096];
static size_t nlog_;

static struct gesture_recognizer *make_default(void)
{
	struct gesture_config c = gesture_config_default(92.0f);
	nlog_ = 0;
	return gesture_new(&c);
}

static void record(const struct gesture *out, size_t n)
{
	for (size_t i = 0; i < n && nlog_ < sizeof log_ / sizeof log_[0]; i++)
		log_[nlog_++] = out[i];
}

static size_t in(struct gesture_recognizer *g, enum gesture_input_kind k, int64_t f, float x,
                 float y, uint64_t t)
{
	struct gesture out[GESTURE_MAX_OUT];
	struct gesture_input i = {k, f, x, y, t};
	size_t n = gesture_feed(g, &i, out, GESTURE_MAX_OUT);
	CHECK(n < GESTURE_MAX_OUT); /* the documented size always leaves room */
	record(out, n);
	return n;
}

static size_t down(struct gesture_recognizer *g, int64_t f, float x, float y, uint64_t t)
{
	return in(g, GESTURE_IN_DOWN, f, x, y, t);
}

static size_t move(struct gesture_recognizer *g, int64_t f, float x, float y, uint64_t t)
{
	return in(g, GESTURE_IN_MOVE, f, x, y, t);
}

static size_t up(struct gesture_recognizer *g, int64_t f, float x, float y, uint64_t t)
{
	return in(g, GESTURE_IN_UP, f, x, y, t);
}

static size_t tick(struct gesture_recognizer *g, uint64_t t)
{
	struct gesture out[GESTURE_MAX_OUT];
	size_t n = gesture_tick(g, t, out, GESTURE_MAX_OUT);
	record(out, n);
	return n;
}

/* The kinds logged, space-separated: "PRESS TAP RELEASE". */
static const char *kinds(void)
{
	static char buf[8192];
	buf[0] = '\0';
	for (size_t i = 0; i < nlog_; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, gesture_kind_name(log_[i].kind));
	}
	return buf;
}

/* The last logged gesture of kind k, or NULL. */
static const struct gesture *last(enum gesture_kind k)
{
	for (size_t i = nlog_; i-- > 0;)
		if (log_[i].kind == k)
			return &log_[i];
	return NULL;
}

static int count(enum gesture_kind k)
{
	int n = 0;
	for (size_t i = 0; i < nlog_; i++)
		n += log_[i].kind == k;
	return n;
}

static bool near(float a, float b, float tol)
{
	return fabsf(a - b) <= tol;
}

/* A fast straight drag from (x,y) by (step_x per 10 ms) for steps moves. */
static void stroke(struct gesture_recognizer *g, int64_t f, float x, float y, float step_x,
                   int steps, uint64_t t)
{
	down(g, f, x, y, t);
	for (int i = 1; i <= steps; i++)
		move(g, f, x + step_x * (float)i, y, t + 10 * (uint64_t)i);
}

static void test_quick_tap(void)
{
	struct gesture_recognizer *g = make_default();
	CHECK_INT(down(g, 1, 100, 200, 1000), 1);
	CHECK_STR(kinds(), "PRESS"); /* feedback at once, not on lift */
	CHECK(near(log_[0].x, 100, 0.01f) && near(log_[0].y, 200, 0.01f));
	CHECK_INT(gesture_active_fingers(g), 1);
	up(g, 1, 100, 200, 1080);
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	const struct gesture *t = last(GESTURE_TAP);
	CHECK(t && near(t->x, 100, 0.01f) && near(t->y, 200, 0.01f) && t->t_ms == 1080);
	CHECK_INT(gesture_active_fingers(g), 0);
	CHECK(gesture_deadline(g) == UINT64_MAX);
	gesture_free(g);
}

static void test_tap_with_jitter_within_slop(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 1, 500, 500, 0);
	move(g, 1, 504, 497, 16);
	move(g, 1, 497, 504, 32);
	move(g, 1, 505, 504, 48); /* 6.4 px away: inside the 7.2 px slop */
	up(g, 1, 503, 502, 64);
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	const struct gesture *t = last(GESTURE_TAP);
	CHECK(t && near(t->x, 500, 0.01f)); /* where it landed */
	gesture_free(g);
}

static void test_slow_tap_is_still_a_tap(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 1, 300, 300, 10000);
	for (uint64_t t = 10016; t < 10450; t += 16) {
		tick(g, t);
		move(g, 1, 301, 299, t);
	}
	up(g, 1, 301, 299, 10450);
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	gesture_free(g);
}

static void test_press_past_tap_max_is_a_long_press(void)
{
	struct gesture_recognizer *g = make_default();
	/* Between tap max (500) and long press (600), nobody ticked: on lift. */
	down(g, 1, 300, 300, 0);
	up(g, 1, 300, 300, 550);
	CHECK_STR(kinds(), "PRESS LONG_PRESS RELEASE");
	CHECK_INT(count(GESTURE_TAP), 0);
	/* Held for 2 s and the app never ticked: one LONG_PRESS, no tap. */
	nlog_ = 0;
	down(g, 1, 300, 300, 5000);
	up(g, 1, 300, 300, 7000);
	CHECK_STR(kinds(), "PRESS LONG_PRESS RELEASE");
	gesture_free(g);
}

static void test_long_press_from_tick_and_deadline(void)
{
	struct gesture_recognizer *g = make_default();
	CHECK(gesture_deadline(g) == UINT64_MAX);
	down(g, 1, 40, 50, 1000);
	CHECK_INT(gesture_deadline(g), 1600);
	CHECK_INT(tick(g, 1599), 0);
	CHECK_INT(tick(g, 1600), 1);
	CHECK_STR(kinds(), "PRESS LONG_PRESS");
	const struct gesture *lp = last(GESTURE_LONG_PRESS);
	CHECK(lp && near(lp->x, 40, 0.01f) && near(lp->y, 50, 0.01f) && lp->t_ms == 1600);
	CHECK(gesture_deadline(g) == UINT64_MAX);
	CHECK_INT(tick(g, 5000), 0); /* once only */
	up(g, 1, 40, 50, 5000);
	CHECK_STR(kinds(), "PRESS LONG_PRESS RELEASE");
	gesture_free(g);
}

static void test_long_press_then_move_drags(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 1, 100, 100, 0);
	tick(g, 700);
	move(g, 1, 150, 100, 800);
	up(g, 1, 150, 100, 1200);
	CHECK_STR(kinds(), "PRESS LONG_PRESS DRAG_BEGIN DRAG_END RELEASE");
	gesture_free(g);
}

static void test_drag_past_slop_is_no_tap(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 1, 100, 100, 0);
	CHECK_INT(move(g, 1, 106, 100, 16), 0);
	move(g, 1, 120, 100, 32);
	CHECK_STR(kinds(), "PRESS DRAG_BEGIN");
	const struct gesture *b = last(GESTURE_DRAG_BEGIN);
	CHECK(b && near(b->x, 100, 0.01f) && near(b->dx, 20, 0.01f) && near(b->dy, 0, 0.01f));
	move(g, 1, 130, 90, 48);
	const struct gesture *d = last(GESTURE_DRAG);
	CHECK(d && near(d->x, 130, 0.01f) && near(d->dx, 30, 0.01f) && near(d->dy, -10, 0.01f));
	/* Back within the slop of the start: still a drag, never a tap. */
	move(g, 1, 101, 100, 300);
	up(g, 1, 101, 100, 400);
	CHECK_STR(kinds(), "PRESS DRAG_BEGIN DRAG DRAG DRAG_END RELEASE");
	gesture_free(g);
}

static void test_swipe_left_and_right(void)
{
	struct gesture_recognizer *g = make_default();
	/* Right: 20 px per 10 ms = 2000 px/s. */
	stroke(g, 1, 200, 500, 20, 15, 0);
	up(g, 1, 500, 500, 155);
	CHECK(nlog_ >= 3 && log_[nlog_ - 3].kind == GESTURE_DRAG_END &&
	      log_[nlog_ - 2].kind == GESTURE_SWIPE && log_[nlog_ - 1].kind == GESTURE_RELEASE);
	const struct gesture *s = last(GESTURE_SWIPE);
	CHECK(s && s->vx > 1800 && s->vx < 2200 && fabsf(s->vy) < 1);
	CHECK(s && near(s->dx, 300, 0.01f));
	CHECK_INT(count(GESTURE_TAP), 0);
	/* Left, 1500 px/s. */
	nlog_ = 0;
	stroke(g, 2, 1500, 400, -15, 12, 1000);
	up(g, 2, 1500 - 180, 400, 1125);
	s = last(GESTURE_SWIPE);
	CHECK(s && s->vx < -1350 && s->vx > -1650);
	CHECK(s && fabsf(s->vx) > fabsf(s->vy));
	gesture_free(g);
}

static void test_velocity_is_from_the_last_stretch(void)
{
	struct gesture_recognizer *g = make_default();
	/* Slow for a second (100 px/s), then a 100 ms flick at 2000 px/s. */
	down(g, 1, 0, 0, 0);
	for (int i = 1; i <= 100; i++)
		move(g, 1, (float)i, 0, 10 * (uint64_t)i);
	for (int i = 1; i <= 20; i++)
		move(g, 1, 100 + 10 * (float)i, 0, 1000 + 5 * (uint64_t)i);
	up(g, 1, 300, 0, 1100);
	const struct gesture *e = last(GESTURE_DRAG_END);
	CHECK(e && e->vx > 1800 && e->vx < 2200); /* not the 270 px/s average */
	CHECK_INT(count(GESTURE_SWIPE), 1);
	gesture_free(g);
}

static void test_drag_that_stops_gives_no_swipe(void)
{
	struct gesture_recognizer *g = make_default();
	stroke(g, 1, 100, 100, 20, 15, 0); /* fast, to x = 400 by t = 150 */
	up(g, 1, 400, 100, 400);           /* held still 250 ms, then lifted */
	const struct gesture *e = last(GESTURE_DRAG_END);
	CHECK(e && fabsf(e->vx) < 1 && fabsf(e->vy) < 1);
	CHECK_INT(count(GESTURE_SWIPE), 0);
	/* A screen that repeats MOVE at the same place while the finger rests. */
	nlog_ = 0;
	stroke(g, 1, 100, 100, 20, 15, 1000);
	for (uint64_t t = 1160; t <= 1300; t += 10)
		move(g, 1, 400, 100, t);
	up(g, 1, 400, 100, 1305);
	e = last(GESTURE_DRAG_END);
	CHECK(e && fabsf(e->vx) < 1);
	CHECK_INT(count(GESTURE_SWIPE), 0);
	/* A slow drag (100 px/s) all the way: no swipe either. */
	nlog_ = 0;
	stroke(g, 1, 100, 100, 1, 100, 2000);
	up(g, 1, 200, 100, 3005);
	CHECK_INT(count(GESTURE_DRAG_END), 1);
	CHECK_INT(count(GESTURE_SWIPE), 0);
	gesture_free(g);
}

static void test_short_fast_flick_is_no_swipe(void)
{
	struct gesture_recognizer *g = make_default();
	/* 2000 px/s but only 20 px: below the 8 mm (29 px) minimum. */
	stroke(g, 1, 100, 100, 10, 2, 0);
	up(g, 1, 120, 100, 20);
	CHECK_INT(count(GESTURE_DRAG_END), 1);
	CHECK_INT(count(GESTURE_SWIPE), 0);
	gesture_free(g);
}

static void test_double_tap(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 1, 100, 100, 1000);
	up(g, 1, 100, 100, 1070);
	down(g, 1, 110, 95, 1250); /* 180 ms later, 11 px away */
	up(g, 1, 110, 95, 1320);
	CHECK_STR(kinds(), "PRESS TAP RELEASE PRESS TAP DOUBLE_TAP RELEASE");
	const struct gesture *d = last(GESTURE_DOUBLE_TAP);
	CHECK(d && near(d->x, 110, 0.01f));
	/* Too late: two taps. */
	nlog_ = 0;
	down(g, 1, 100, 100, 5000);
	up(g, 1, 100, 100, 5070);
	down(g, 1, 100, 100, 5400);
	up(g, 1, 100, 100, 5450);
	CHECK_INT(count(GESTURE_TAP), 2);
	CHECK_INT(count(GESTURE_DOUBLE_TAP), 0);
	/* Too far apart (100 px > 4 slops): two taps. */
	nlog_ = 0;
	down(g, 1, 100, 100, 9000);
	up(g, 1, 100, 100, 9050);
	down(g, 1, 200, 100, 9100);
	up(g, 1, 200, 100, 9150);
	CHECK_INT(count(GESTURE_DOUBLE_TAP), 0);
	/* A drag in between breaks the pair. */
	nlog_ = 0;
	down(g, 1, 100, 100, 20000);
	up(g, 1, 100, 100, 20050);
	stroke(g, 1, 100, 100, 10, 3, 20100);
	up(g, 1, 130, 100, 20140);
	down(g, 1, 100, 100, 20200);
	up(g, 1, 100, 100, 20250);
	CHECK_INT(count(GESTURE_DOUBLE_TAP), 0);
	gesture_free(g);
}

static void test_triple_tap(void)
{
	struct gesture_recognizer *g = make_default();
	for (int i = 0; i < 4; i++) {
		down(g, 1, 100, 100, 1000 + 150 * (uint64_t)i);
		up(g, 1, 100, 100, 1060 + 150 * (uint64_t)i);
	}
	/* The third is a plain TAP; the fourth pairs with it. */
	CHECK_STR(kinds(), "PRESS TAP RELEASE PRESS TAP DOUBLE_TAP RELEASE "
	                   "PRESS TAP RELEASE PRESS TAP DOUBLE_TAP RELEASE");
	gesture_free(g);
}

static void test_second_finger_during_swipe_is_pinch_no_tap(void)
{
	struct gesture_recognizer *g = make_default();
	stroke(g, 1, 100, 300, 20, 5, 0);
	down(g, 2, 600, 300, 55);
	CHECK_STR(kinds(), "PRESS DRAG_BEGIN DRAG DRAG DRAG DRAG DRAG_END PINCH_BEGIN");
	const struct gesture *e = last(GESTURE_DRAG_END);
	CHECK(e && e->vx == 0 && e->vy == 0); /* so no fling either */
	up(g, 2, 600, 300, 80);
	up(g, 1, 200, 300, 90);
	CHECK_INT(count(GESTURE_SWIPE), 0);
	CHECK_INT(count(GESTURE_TAP), 0);
	CHECK_INT(count(GESTURE_RELEASE), 1);
	/* Two quick still fingers: no tap either. */
	nlog_ = 0;
	down(g, 1, 100, 100, 1000);
	down(g, 2, 300, 100, 1020);
	up(g, 1, 100, 100, 1060);
	up(g, 2, 300, 100, 1070);
	CHECK_STR(kinds(), "PRESS PINCH_BEGIN PINCH_END RELEASE");
	gesture_free(g);
}

static void test_pinch_scale_and_centroid(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 1, 100, 100, 0);
	down(g, 2, 200, 100, 10);
	const struct gesture *b = last(GESTURE_PINCH_BEGIN);
	CHECK(b && near(b->x, 150, 0.01f) && near(b->scale, 1, 0.001f) && b->fingers == 2);
	move(g, 2, 300, 100, 30);
	const struct gesture *p = last(GESTURE_PINCH);
	CHECK(p && near(p->scale, 2.0f, 0.001f));
	CHECK(p && near(p->x, 200, 0.01f) && near(p->dx, 50, 0.01f) && near(p->dy, 0, 0.01f));
	/* Both move down 40 px: a pan at the same scale. */
	move(g, 1, 100, 140, 40);
	move(g, 2, 300, 140, 41);
	p = last(GESTURE_PINCH);
	CHECK(p && near(p->scale, 2.0f, 0.001f) && near(p->dy, 40, 0.01f));
	move(g, 2, 150, 140, 50);
	p = last(GESTURE_PINCH);
	CHECK(p && near(p->scale, 0.5f, 0.001f));
	gesture_free(g);
}

static void test_finger_left_from_pinch_is_spent(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 1, 100, 100, 0);
	down(g, 2, 200, 100, 10);
	move(g, 2, 300, 100, 30);
	up(g, 2, 300, 100, 40);
	CHECK_STR(kinds(), "PRESS PINCH_BEGIN PINCH PINCH_END");
	const struct gesture *e = last(GESTURE_PINCH_END);
	CHECK(e && near(e->scale, 2.0f, 0.001f));
	/* The finger left over moves far and fast, then lifts: no drag, no tap. */
	for (int i = 1; i <= 10; i++)
		move(g, 1, 100 + 30 * (float)i, 100, 40 + 10 * (uint64_t)i);
	up(g, 1, 400, 100, 150);
	CHECK_STR(kinds(), "PRESS PINCH_BEGIN PINCH PINCH_END RELEASE");
	/* A second finger landing again starts a new pinch. */
	nlog_ = 0;
	down(g, 1, 100, 100, 1000);
	down(g, 2, 200, 100, 1010);
	up(g, 2, 200, 100, 1020);
	down(g, 3, 100, 300, 1030);
	up(g, 3, 100, 300, 1040);
	up(g, 1, 100, 100, 1050);
	CHECK_STR(kinds(), "PRESS PINCH_BEGIN PINCH_END PINCH_BEGIN PINCH_END RELEASE");
	gesture_free(g);
}

static void test_palm_cancels_once_then_silence(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 1, 100, 100, 0);
	down(g, 2, 130, 110, 5);
	down(g, 3, 150, 130, 8);
	down(g, 4, 170, 150, 9);
	down(g, 5, 190, 170, 12);
	CHECK_STR(kinds(), "PRESS PINCH_BEGIN CANCEL");
	CHECK_INT(last(GESTURE_CANCEL)->fingers, 3);
	CHECK_INT(gesture_active_fingers(g), 5);
	size_t n = 0;
	for (int f = 1; f <= 5; f++)
		n += move(g, f, 300, 300, 100);
	n += tick(g, 2000); /* no long press for a palm resting there */
	for (int f = 1; f <= 4; f++)
		n += up(g, f, 300, 300, 2100);
	CHECK_INT(n, 0);
	CHECK_INT(gesture_active_fingers(g), 1);
	/* Down to one finger, still nothing: it is part of the palm. */
	n = move(g, 5, 800, 300, 2200);
	n += up(g, 5, 800, 300, 2210);
	CHECK_INT(n, 0);
	CHECK_INT(gesture_active_fingers(g), 0);
	CHECK_INT(count(GESTURE_CANCEL), 1);
	CHECK_INT(count(GESTURE_RELEASE), 0);
	gesture_free(g);
}

static void test_ten_fingers_then_a_tap_works(void)
{
	struct gesture_recognizer *g = make_default();
	for (int f = 0; f < 12; f++)
		down(g, 100 + f, 50 * (float)f, 500, 1000 + (uint64_t)f);
	CHECK_INT(gesture_active_fingers(g), GESTURE_MAX_FINGERS); /* the rest ignored */
	CHECK_INT(count(GESTURE_CANCEL), 1);
	for (int f = 0; f < 12; f++)
		up(g, 100 + f, 50 * (float)f, 500, 1100);
	CHECK_INT(gesture_active_fingers(g), 0);
	CHECK(gesture_deadline(g) == UINT64_MAX);
	CHECK_STR(kinds(), "PRESS PINCH_BEGIN CANCEL");
	nlog_ = 0;
	down(g, 7, 400, 400, 2000);
	up(g, 7, 400, 400, 2050);
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	gesture_free(g);
}

static void test_cancel_input(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 1, 100, 100, 0);
	in(g, GESTURE_IN_CANCEL, 1, 100, 100, 50);
	CHECK_STR(kinds(), "PRESS CANCEL");
	CHECK_INT(gesture_active_fingers(g), 0);
	CHECK_INT(up(g, 1, 100, 100, 60), 0); /* the lost finger is forgotten */
	/* Lost mid-drag. */
	nlog_ = 0;
	stroke(g, 1, 100, 100, 20, 3, 1000);
	in(g, GESTURE_IN_CANCEL, 1, 160, 100, 1040);
	CHECK_STR(kinds(), "PRESS DRAG_BEGIN DRAG DRAG CANCEL");
	/* Lost mid-pinch: the other finger then lifts silently. */
	nlog_ = 0;
	down(g, 1, 100, 100, 2000);
	down(g, 2, 200, 100, 2010);
	in(g, GESTURE_IN_CANCEL, 2, 200, 100, 2020);
	CHECK_INT(move(g, 1, 300, 100, 2030), 0);
	CHECK_INT(up(g, 1, 300, 100, 2040), 0);
	CHECK_STR(kinds(), "PRESS PINCH_BEGIN CANCEL");
	CHECK_INT(gesture_active_fingers(g), 0);
	gesture_free(g);
}

static void test_unknown_and_duplicate_fingers(void)
{
	struct gesture_recognizer *g = make_default();
	CHECK_INT(move(g, 42, 1, 1, 0), 0);
	CHECK_INT(up(g, 42, 1, 1, 0), 0);
	CHECK_INT(in(g, GESTURE_IN_CANCEL, 42, 1, 1, 0), 0);
	CHECK_INT(gesture_active_fingers(g), 0);
	/* Strangers during a tap change nothing. */
	down(g, 1, 100, 100, 100);
	move(g, 9, 900, 900, 110);
	up(g, 9, 900, 900, 120);
	/* A repeated DOWN is the same finger, not a second one. */
	down(g, 1, 102, 101, 130);
	CHECK_INT(gesture_active_fingers(g), 1);
	up(g, 1, 102, 101, 150);
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	/* A repeated DOWN far away moves it: a drag. */
	nlog_ = 0;
	down(g, 1, 100, 100, 1000);
	down(g, 1, 200, 100, 1100);
	CHECK_STR(kinds(), "PRESS DRAG_BEGIN");
	/* Non-finite coordinates are ignored. */
	CHECK_INT(move(g, 1, NAN, 100, 1110), 0);
	CHECK_INT(move(g, 1, INFINITY, 100, 1110), 0);
	CHECK_INT(gesture_feed(g, NULL, NULL, 0), 0);
	gesture_free(g);
}

static void test_across_the_2_32_ms_boundary(void)
{
	struct gesture_recognizer *g = make_default();
	const uint64_t b = 1ull << 32;
	down(g, 1, 100, 100, b - 60);
	up(g, 1, 100, 100, b + 40); /* 100 ms */
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	CHECK(last(GESTURE_TAP)->t_ms == b + 40);
	/* Long press across it. */
	nlog_ = 0;
	down(g, 1, 100, 100, b + 5000 - 300);
	CHECK(gesture_deadline(g) == b + 5000 + 300);
	CHECK_INT(tick(g, b + 5000 + 299), 0);
	CHECK_INT(tick(g, b + 5000 + 300), 1);
	up(g, 1, 100, 100, b + 6000);
	CHECK_STR(kinds(), "PRESS LONG_PRESS RELEASE");
	/* A swipe across it keeps its velocity. */
	nlog_ = 0;
	stroke(g, 1, 100, 100, 20, 10, b + 10000 - 50);
	up(g, 1, 300, 100, b + 10000 + 55);
	const struct gesture *s = last(GESTURE_SWIPE);
	CHECK(s && s->vx > 1800 && s->vx < 2200);
	/* And at the far end of uint64_t nothing overflows. */
	nlog_ = 0;
	down(g, 1, 100, 100, UINT64_MAX - 100);
	CHECK(gesture_deadline(g) >= UINT64_MAX - 100);
	up(g, 1, 100, 100, UINT64_MAX - 50);
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	gesture_free(g);
}

static void test_clock_stepping_back(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 1, 100, 100, 5000);
	up(g, 1, 100, 100, 4000); /* counts as no time */
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	gesture_free(g);
}

static void test_default_config_from_dpi(void)
{
	struct gesture_config c = gesture_config_default(92.0f);
	CHECK(near(c.slop_px, 2.0f * 92.0f / 25.4f, 0.01f)); /* 7.24 */
	CHECK(near(c.double_tap_px, 4 * c.slop_px, 0.01f));
	CHECK(near(c.swipe_min_distance, 8.0f * 92.0f / 25.4f, 0.01f));
	CHECK(near(c.swipe_min_velocity, 300, 0.5f));
	CHECK_INT(c.tap_max_ms, 500);
	CHECK_INT(c.long_press_ms, 600);
	CHECK_INT(c.double_tap_ms, 300);
	CHECK(c.long_press_ms >= c.tap_max_ms);
	c = gesture_config_default(160.0f);
	CHECK(near(c.slop_px, 12.6f, 0.05f));
	CHECK(near(c.swipe_min_distance, 50.4f, 0.05f));
	/* Unknown DPI: a 24" 1080p screen. */
	struct gesture_config d = gesture_config_default(0.0f);
	CHECK(near(d.slop_px, 7.24f, 0.01f));
	CHECK(near(gesture_config_default(-3.0f).slop_px, 7.24f, 0.01f));
	CHECK(near(gesture_config_default(NAN).slop_px, 7.24f, 0.01f));
	/* A coarse screen still forgives 6 px. */
	CHECK(near(gesture_config_default(40.0f).slop_px, 6.0f, 0.001f));
}

static void test_config_is_honoured(void)
{
	struct gesture_config c = gesture_config_default(92.0f);
	c.slop_px = 30;
	c.long_press_ms = 2000;
	c.tap_max_ms = 1500;
	struct gesture_recognizer *g = gesture_new(&c);
	nlog_ = 0;
	down(g, 1, 100, 100, 0);
	move(g, 1, 125, 100, 100);
	up(g, 1, 125, 100, 1200);
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	CHECK(gesture_new(NULL) == NULL);
	gesture_free(g);
	gesture_free(NULL);
}

static void test_held_for_a_staff_corner(void)
{
	struct gesture_recognizer *g = make_default();
	float x = 0, y = 0;
	uint64_t ms = 0;
	CHECK(!gesture_held(g, 0, &x, &y, &ms));
	down(g, 1, 5, 1070, 1000);
	tick(g, 1700); /* the long press came and went */
	move(g, 1, 8, 1068, 3000);
	CHECK(gesture_held(g, 6000, &x, &y, &ms));
	CHECK(near(x, 5, 0.01f) && near(y, 1070, 0.01f));
	CHECK_INT(ms, 5000);
	CHECK(gesture_held(g, 6000, NULL, NULL, NULL));
	down(g, 2, 900, 500, 6100); /* a second finger: not a lone hold */
	CHECK(!gesture_held(g, 6200, &x, &y, &ms));
	up(g, 2, 900, 500, 6300);
	CHECK(gesture_held(g, 6400, NULL, NULL, &ms));
	CHECK_INT(ms, 5400);
	move(g, 1, 60, 1000, 6500); /* wandered off */
	CHECK(!gesture_held(g, 6600, NULL, NULL, NULL));
	gesture_free(g);
}

static void test_reset(void)
{
	struct gesture_recognizer *g = make_default();
	stroke(g, 1, 100, 100, 20, 3, 0);
	down(g, 2, 500, 500, 40);
	gesture_reset(g);
	CHECK_INT(gesture_active_fingers(g), 0);
	CHECK(gesture_deadline(g) == UINT64_MAX);
	nlog_ = 0;
	CHECK_INT(move(g, 1, 300, 100, 50), 0);
	CHECK_INT(up(g, 2, 500, 500, 60), 0);
	down(g, 3, 10, 10, 100);
	up(g, 3, 10, 10, 150);
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	gesture_reset(NULL);
	gesture_free(g);
}

static void test_small_out_buffer(void)
{
	struct gesture_recognizer *g = make_default();
	struct gesture out[2];
	struct gesture_input i = {GESTURE_IN_DOWN, 1, 100, 100, 0};
	CHECK_INT(gesture_feed(g, &i, NULL, 0), 0); /* PRESS dropped, state moves on */
	CHECK_INT(gesture_active_fingers(g), 1);
	i = (struct gesture_input){GESTURE_IN_UP, 1, 100, 100, 50};
	CHECK_INT(gesture_feed(g, &i, out, 1), 1);
	CHECK_INT(out[0].kind, GESTURE_TAP);
	CHECK_INT(gesture_active_fingers(g), 0);
	gesture_free(g);
}

/* Deterministic pseudo-random numbers (xorshift). */
static uint32_t rng_ = 2463534242u;

static uint32_t rnd(uint32_t n)
{
	rng_ ^= rng_ << 13;
	rng_ ^= rng_ >> 17;
	rng_ ^= rng_ << 5;
	return rng_ % n;
}

/* What one random touch sequence did, checked when it ends. */
struct seq {
	int press, ends, taps, after_end, max_fingers;
};

static void check_seq(const struct seq *s)
{
	CHECK_INT(s->press, 1);
	CHECK_INT(s->ends, 1); /* exactly one RELEASE or CANCEL */
	CHECK_INT(s->after_end, 0);
	if (s->max_fingers >= 2)
		CHECK_INT(s->taps, 0);
}

static void observe(struct seq *s, const struct gesture *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		s->after_end += s->ends > 0;
		s->press += out[i].kind == GESTURE_PRESS;
		s->taps += out[i].kind == GESTURE_TAP;
		s->ends += out[i].kind == GESTURE_RELEASE || out[i].kind == GESTURE_CANCEL;
	}
}

static void random_input(struct gesture_input *i, uint64_t *t)
{
	static const enum gesture_input_kind k[] = {
	    GESTURE_IN_DOWN, GESTURE_IN_DOWN, GESTURE_IN_MOVE, GESTURE_IN_MOVE,
	    GESTURE_IN_MOVE, GESTURE_IN_UP,   GESTURE_IN_UP,   GESTURE_IN_CANCEL};
	*t += rnd(4) ? rnd(40) : rnd(1500);
	i->kind = k[rnd(8)];
	i->finger = (int64_t)rnd(14) - 2; /* some negative ids too */
	i->x = (float)rnd(1920);
	i->y = (float)rnd(1080);
	i->t_ms = *t;
}

static void test_random_stream(void)
{
	struct gesture_recognizer *g = make_default();
	struct gesture out[GESTURE_MAX_OUT + 1];
	struct seq s = {0};
	uint64_t t = (1ull << 32) - 100000;
	for (int step = 0; step < 50000; step++) {
		struct gesture_input i;
		random_input(&i, &t);
		bool was_idle = gesture_active_fingers(g) == 0;
		size_t cap = step % 3 ? GESTURE_MAX_OUT : rnd(GESTURE_MAX_OUT + 1);
		out[cap].kind = (enum gesture_kind) - 1; /* must stay untouched */
		size_t n = gesture_feed(g, &i, out, cap);
		CHECK(n <= cap);
		CHECK(out[cap].kind == (enum gesture_kind) - 1);
		if (was_idle && gesture_active_fingers(g) > 0)
			s = (struct seq){0};
		if (cap == GESTURE_MAX_OUT)
			observe(&s, out, n);
		else
			s.press = -100; /* outputs may be lost: do not judge it */
		int f = gesture_active_fingers(g);
		CHECK(f >= 0 && f <= GESTURE_MAX_FINGERS);
		if (f > s.max_fingers)
			s.max_fingers = f;
		n = gesture_tick(g, t, out, cap);
		CHECK(n <= cap);
		if (cap == GESTURE_MAX_OUT)
			observe(&s, out, n);
		if (f == 0 && !was_idle && s.press >= 0)
			check_seq(&s);
		if (step % 997 == 0) { /* everyone lets go: back to idle */
			for (int64_t id = -2; id < 12; id++) {
				i = (struct gesture_input){GESTURE_IN_UP, id, 10, 10, t};
				CHECK(gesture_feed(g, &i, out, GESTURE_MAX_OUT) < GESTURE_MAX_OUT);
			}
			CHECK_INT(gesture_active_fingers(g), 0);
			CHECK(gesture_deadline(g) == UINT64_MAX);
		}
	}
	/* After all that, a plain tap. */
	for (int64_t id = -2; id < 12; id++)
		up(g, id, 0, 0, t);
	nlog_ = 0;
	down(g, 1, 100, 100, t + 5000);
	up(g, 1, 100, 100, t + 5050);
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	gesture_free(g);
}

int main(void)
{
	RUN(test_quick_tap);
	RUN(test_tap_with_jitter_within_slop);
	RUN(test_slow_tap_is_still_a_tap);
	RUN(test_press_past_tap_max_is_a_long_press);
	RUN(test_long_press_from_tick_and_deadline);
	RUN(test_long_press_then_move_drags);
	RUN(test_drag_past_slop_is_no_tap);
	RUN(test_swipe_left_and_right);
	RUN(test_velocity_is_from_the_last_stretch);
	RUN(test_drag_that_stops_gives_no_swipe);
	RUN(test_short_fast_flick_is_no_swipe);
	RUN(test_double_tap);
	RUN(test_triple_tap);
	RUN(test_second_finger_during_swipe_is_pinch_no_tap);
	RUN(test_pinch_scale_and_centroid);
	RUN(test_finger_left_from_pinch_is_spent);
	RUN(test_palm_cancels_once_then_silence);
	RUN(test_ten_fingers_then_a_tap_works);
	RUN(test_cancel_input);
	RUN(test_unknown_and_duplicate_fingers);
	RUN(test_across_the_2_32_ms_boundary);
	RUN(test_clock_stepping_back);
	RUN(test_default_config_from_dpi);
	RUN(test_config_is_honoured);
	RUN(test_held_for_a_staff_corner);
	RUN(test_reset);
	RUN(test_small_out_buffer);
	RUN(test_random_stream);
	return failures_ != 0;
}
