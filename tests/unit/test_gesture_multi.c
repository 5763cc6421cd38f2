/* The gesture recognizer with several fingers, on recorded input sequences:
 * pinches, palms, lost and unknown fingers, the staff hold, reset, and a
 * long random stream. Positions in pixels at the default 92 DPI. */
#include "gesture_log.h"

static int failures_;

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

/* Found by fuzz_gesture: two fingers landing on one spot began a pinch at
 * scale 0, and spreading them then zoomed by hundreds. */
static void test_pinch_from_one_spot(void)
{
	struct gesture_recognizer *g = make_default();
	down(g, 8, 1232, 300, 1000);
	down(g, 0, 1232, 300, 1000);
	CHECK_STR(kinds(), "PRESS PINCH_BEGIN");
	CHECK(log_[1].scale == 1.0f);
	move(g, 0, 1232 + 72, 300, 1050); /* one finger 72 px away: a few slops */
	CHECK(nlog_ == 3 && log_[2].kind == GESTURE_PINCH);
	CHECK(log_[2].scale > 1.5f && log_[2].scale < 20.0f);
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
	/* Mostly one to three hands' worth of fingers, sometimes a crowd. */
	i->finger = rnd(10) ? (int64_t)rnd(3) : (int64_t)rnd(14) - 2;
	i->x = (float)rnd(1920);
	i->y = (float)rnd(1080);
	i->t_ms = *t;
}

/* Feeds one input with room for cap gestures and checks the bounds; keeps
 * score of the touch sequence in *s and judges it when it ends. Returns 1
 * when a sequence was judged. */
static int random_step(struct gesture_recognizer *g, struct seq *s, const struct gesture_input *i,
                       size_t cap)
{
	struct gesture out[GESTURE_MAX_OUT + 1];
	bool was_idle = gesture_active_fingers(g) == 0;
	out[cap].kind = GESTURE_CANCEL; /* a sentinel that must stay untouched */
	out[cap].t_ms = 12345;
	size_t n = gesture_feed(g, i, out, cap);
	CHECK(n <= cap);
	CHECK(out[cap].t_ms == 12345);
	if (was_idle && gesture_active_fingers(g) > 0)
		*s = (struct seq){0};
	if (cap < GESTURE_MAX_OUT)
		s->press = -100; /* gestures may have been dropped: no verdict */
	observe(s, out, n);
	int f = gesture_active_fingers(g);
	CHECK(f >= 0 && f <= GESTURE_MAX_FINGERS);
	if (f > s->max_fingers)
		s->max_fingers = f;
	n = gesture_tick(g, i->t_ms, out, GESTURE_MAX_OUT);
	CHECK(n < GESTURE_MAX_OUT);
	observe(s, out, n);
	if (f > 0 || was_idle || s->press < 0)
		return 0;
	check_seq(s);
	return 1;
}

static void test_random_stream(void)
{
	struct gesture_recognizer *g = make_default();
	struct seq s = {0};
	int judged = 0;
	uint64_t t = (1ull << 32) - 100000;
	for (int step = 0; step < 50000; step++) {
		struct gesture_input i;
		random_input(&i, &t);
		size_t cap = step % 20 ? GESTURE_MAX_OUT : rnd(GESTURE_MAX_OUT + 1);
		judged += random_step(g, &s, &i, cap);
		if (rnd(40) == 0) { /* everyone lets go: back to idle */
			for (int64_t id = -2; id < 12; id++) {
				i = (struct gesture_input){GESTURE_IN_UP, id, 10, 10, t};
				judged += random_step(g, &s, &i, GESTURE_MAX_OUT);
			}
			CHECK_INT(gesture_active_fingers(g), 0);
			CHECK(gesture_deadline(g) == UINT64_MAX);
		}
	}
	CHECK(judged > 1000); /* the stream really made many whole sequences */
	/* After all that, a plain tap. */
	nlog_ = 0;
	down(g, 1, 100, 100, t + 5000);
	up(g, 1, 100, 100, t + 5050);
	CHECK_STR(kinds(), "PRESS TAP RELEASE");
	gesture_free(g);
}

int main(void)
{
	RUN(test_second_finger_during_swipe_is_pinch_no_tap);
	RUN(test_pinch_scale_and_centroid);
	RUN(test_finger_left_from_pinch_is_spent);
	RUN(test_palm_cancels_once_then_silence);
	RUN(test_ten_fingers_then_a_tap_works);
	RUN(test_cancel_input);
	RUN(test_unknown_and_duplicate_fingers);
	RUN(test_held_for_a_staff_corner);
	RUN(test_pinch_from_one_spot);
	RUN(test_reset);
	RUN(test_random_stream);
	return failures_ != 0;
}
