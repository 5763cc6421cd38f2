/* The gesture recognizer with one finger, on recorded input sequences:
 * taps, long presses, drags, swipes, double taps, the 2^32 ms boundary and
 * the configuration. Positions in pixels at the default 92 DPI (slop 7.2). */
#include "gesture_log.h"

static int failures_;

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

static void test_across_the_2_32_ms_boundary(void)
{
	struct gesture_recognizer *g = make_default();
	const uint64_t b = 1ull << 32;
	down(g, 1, 100, 100, b - 60);
	up(g, 1, 100, 100, b + 40); /* 100 ms */
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	CHECK(last(GESTURE_TAP)->t_ms == b + 40);
	/* Long press across it: down 300 ms before, due 300 ms after. */
	nlog_ = 0;
	down(g, 1, 100, 100, b - 300);
	CHECK(gesture_deadline(g) == b + 300);
	CHECK_INT(tick(g, b + 299), 0);
	CHECK_INT(tick(g, b + 300), 1);
	up(g, 1, 100, 100, b + 1000);
	CHECK_STR(kinds(), "PRESS LONG_PRESS RELEASE");
	/* A swipe across it keeps its velocity. */
	nlog_ = 0;
	stroke(g, 1, 100, 100, 20, 10, b - 50);
	up(g, 1, 300, 100, b + 55);
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
	RUN(test_across_the_2_32_ms_boundary);
	RUN(test_clock_stepping_back);
	RUN(test_default_config_from_dpi);
	RUN(test_config_is_honoured);
	RUN(test_small_out_buffer);
	return failures_ != 0;
}
