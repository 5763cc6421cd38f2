/* Kinetic scrolling on a fake clock: dragging, rubber band, flings, bounces,
 * frame-rate independence, and times across 2^32 ms. */
#include "input/scroll.h"
#include "test.h"

#include <math.h>

static int failures_;

/* The History timeline: 5000 px of content in a 1000 px view. */
#define CONTENT 5000.0f
#define VIEW    1000.0f
#define MAX     4000.0f

/* The first time from t at which s has settled, or UINT64_MAX after limit. */
static uint64_t settle_time(const struct scroll *s, uint64_t t, uint64_t limit)
{
	for (uint64_t u = t; u <= t + limit; u++)
		if (!scroll_moving(s, u))
			return u;
	return UINT64_MAX;
}

/* A scroller resting at offset at, as after a drag that let go still. */
static struct scroll resting_at(float at, uint64_t t)
{
	struct scroll s;
	scroll_init(&s, CONTENT, VIEW);
	scroll_drag_begin(&s, t);
	scroll_drag(&s, -at, t);
	scroll_drag_end(&s, 0, t);
	return s;
}

/* Flings from at with a finger velocity v px/s at time t. */
static struct scroll flung(float at, float v, uint64_t t)
{
	struct scroll s = resting_at(at, t);
	scroll_drag_begin(&s, t);
	scroll_drag(&s, 0, t);
	scroll_drag_end(&s, v, t);
	return s;
}

static void test_drag_inside_follows_one_to_one(void)
{
	struct scroll s;
	scroll_init(&s, CONTENT, VIEW);
	CHECK_INT(scroll_max(&s), 4000);
	scroll_drag_begin(&s, 10);
	scroll_drag(&s, -2000, 20); /* finger up 2000 px: later content */
	CHECK(scroll_offset(&s, 20) == 2000);
	scroll_drag(&s, -2100.5f, 30);
	CHECK(scroll_offset(&s, 30) == 2100.5f);
	scroll_drag(&s, -1900, 40);
	CHECK(scroll_offset(&s, 40) == 1900);
	CHECK(!scroll_moving(&s, 40)); /* the app redraws per drag event */
	scroll_drag_end(&s, 0, 50);
	CHECK(scroll_offset(&s, 5000) == 1900);
	CHECK(!scroll_moving(&s, 50));
	/* A second drag starts where the first left it. */
	scroll_drag_begin(&s, 60);
	scroll_drag(&s, 100, 70);
	CHECK(scroll_offset(&s, 70) == 1800);
}

static void test_drag_past_the_top_resists_and_springs_back(void)
{
	struct scroll s;
	scroll_init(&s, CONTENT, VIEW);
	scroll_drag_begin(&s, 0);
	scroll_drag(&s, 100, 10);
	float a = scroll_offset(&s, 10);
	CHECK(a < 0 && a > -100);
	CHECK(a < -40); /* still follows noticeably at first */
	scroll_drag(&s, 400, 20);
	float b = scroll_offset(&s, 20);
	CHECK(b < a && b > -400);
	CHECK(b - a > -0.55f * 300); /* each further pixel gives less */
	scroll_drag(&s, 4000, 25);
	CHECK(scroll_offset(&s, 25) > -VIEW);
	scroll_drag(&s, 400, 30);
	scroll_drag_end(&s, 2000, 30); /* still pulling down as it lets go */
	CHECK(scroll_moving(&s, 30));
	float prev = scroll_offset(&s, 30);
	for (uint64_t t = 31; t <= 380; t++) {
		float o = scroll_offset(&s, t);
		CHECK(o >= prev && o <= 0);
		prev = o;
	}
	CHECK(scroll_offset(&s, 380) == 0.0f);
	CHECK(settle_time(&s, 30, 1000) <= 30 + 400);
	CHECK(!scroll_moving(&s, 380));
}

static void test_drag_past_the_bottom_resists_and_springs_back(void)
{
	struct scroll s = resting_at(3900, 0);
	scroll_drag_begin(&s, 100);
	scroll_drag(&s, -300, 110);
	float o = scroll_offset(&s, 110);
	CHECK(o > MAX && o < 4200);
	scroll_drag_end(&s, -50, 120);
	CHECK(scroll_offset(&s, 120 + 400) == MAX);
}

static void test_fling_distance_grows_with_velocity_and_settles(void)
{
	float prev_end = 1000;
	const float v[] = {-100, -500, -1000, -2000, -4000};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		struct scroll s = flung(1000, v[i], 1000);
		CHECK(scroll_moving(&s, 1001));
		uint64_t done = settle_time(&s, 1000, 10000);
		CHECK(done <= 1000 + 3000);
		float end = scroll_offset(&s, done);
		CHECK(end > prev_end);
		/* Friction with a 325 ms time constant: it coasts v * 0.325 s. */
		CHECK(fabsf(end - (1000 - v[i] * 0.325f)) < 1);
		CHECK(scroll_offset(&s, done + 100000) == end);
		prev_end = end;
	}
	/* Slower than 60 px/s: no fling at all. */
	struct scroll s = flung(1000, -40, 0);
	CHECK(!scroll_moving(&s, 0));
	CHECK(scroll_offset(&s, 500) == 1000);
	/* The other way, and the fastest fling still ends in bounded time. */
	s = flung(3000, 1e9f, 0);
	uint64_t done = settle_time(&s, 0, 10000);
	CHECK(done <= 3000);
	CHECK(scroll_offset(&s, done) == 3000 - 8000 * 0.325f);
}

static void test_fling_decelerates_smoothly(void)
{
	struct scroll s = flung(500, -3000, 0);
	float prev = scroll_offset(&s, 0), step = 1e9f;
	for (uint64_t t = 16; t <= 2400; t += 16) {
		float o = scroll_offset(&s, t);
		CHECK(o >= prev);
		CHECK(o - prev <= step + 0.01f);
		step = o - prev;
		prev = o;
	}
	/* Leaves at the finger's speed: about 48 px in the first 16 ms. */
	CHECK(fabsf(scroll_offset(&s, 16) - 500 - 3.0f * 16 * expf(-8 / 325.0f)) < 1.5f);
}

static void test_same_at_any_frame_rate(void)
{
	const uint64_t t0 = 7777;
	struct scroll a = flung(2500, -6000, t0);
	struct scroll b = a, c = a, orig = a;
	float at_1ms[4001];
	for (uint64_t t = 0; t <= 4000; t++) {
		at_1ms[t] = scroll_offset(&a, t0 + t);
		(void)scroll_moving(&a, t0 + t);
	}
	for (uint64_t t = 0; t <= 4000; t += 16)
		CHECK(scroll_offset(&b, t0 + t) == at_1ms[t]);
	CHECK(scroll_offset(&c, t0 + 4000) == at_1ms[4000]);
	CHECK(memcmp(&a, &orig, sizeof a) == 0); /* sampling changes nothing */
	/* A drag and release sampled at 60 Hz or not at all ends the same. */
	struct scroll d = resting_at(2000, 0), e = d;
	scroll_drag_begin(&d, 100);
	scroll_drag_begin(&e, 100);
	for (int i = 1; i <= 10; i++) {
		scroll_drag(&d, -10.0f * i, 100 + 16 * i);
		(void)scroll_offset(&d, 100 + 16 * i);
	}
	scroll_drag(&e, -100, 260);
	scroll_drag_end(&d, -1500, 260);
	scroll_drag_end(&e, -1500, 260);
	CHECK(scroll_offset(&d, 3000) == scroll_offset(&e, 3000));
	CHECK(scroll_offset(&d, 1000) == scroll_offset(&e, 1000));
}

/* Flings from at toward the end bound at velocity v: it passes the end by
 * a little at most, and settles exactly on it. */
static void check_fling_to_end(float at, float v, float bound)
{
	struct scroll s = flung(at, v, 50);
	uint64_t done = settle_time(&s, 50, 10000);
	CHECK(done <= 50 + 3400);
	float worst = 0;
	for (uint64_t t = 50; t <= done + 50; t++) {
		float o = scroll_offset(&s, t);
		float past = bound > 0 ? o - bound : bound - o;
		worst = past > worst ? past : worst;
		if (t >= done)
			CHECK(o == bound);
	}
	CHECK(worst <= VIEW * 0.1f + 0.01f);
	CHECK(scroll_offset(&s, done + 60000) == bound);
}

static void test_fling_toward_an_end_stops_there(void)
{
	check_fling_to_end(3800, -5000, MAX);
	check_fling_to_end(200, 5000, 0);
	check_fling_to_end(3999, -300, MAX);
	check_fling_to_end(MAX, -8000, MAX); /* already at the end */
	check_fling_to_end(0, 100, 0);
	/* A fast fling does bounce visibly past the end. */
	struct scroll s = flung(3900, -6000, 0);
	float peak = 0;
	for (uint64_t t = 0; t < 1000; t++)
		peak = fmaxf(peak, scroll_offset(&s, t));
	CHECK(peak > MAX + 20);
}

static void test_stop_freezes(void)
{
	struct scroll s = flung(1000, -3000, 0);
	float o = scroll_offset(&s, 200);
	CHECK(o > 1000);
	scroll_stop(&s, 200);
	CHECK(!scroll_moving(&s, 200));
	CHECK(scroll_offset(&s, 200) == o);
	CHECK(scroll_offset(&s, 5000) == o);
	scroll_stop(&s, 6000); /* at rest: nothing to do */
	CHECK(scroll_offset(&s, 6000) == o);
	/* Stopped while bouncing past the end: it returns to the end. */
	s = flung(3900, -6000, 0);
	uint64_t t = 0;
	while (scroll_offset(&s, t) <= MAX + 5)
		t++;
	scroll_stop(&s, t);
	CHECK(scroll_moving(&s, t));
	CHECK(scroll_offset(&s, t + 400) == MAX);
	CHECK(!scroll_moving(&s, t + 400));
}

static void test_catching_a_fling_or_bounce_does_not_jump(void)
{
	struct scroll s = flung(1000, -3000, 0);
	float o = scroll_offset(&s, 300);
	scroll_drag_begin(&s, 300);
	CHECK(scroll_offset(&s, 300) == o);
	scroll_drag(&s, -50, 316);
	CHECK(fabsf(scroll_offset(&s, 316) - (o + 50)) < 0.01f);
	/* Past the end the rubber band picks up where the bounce was. */
	s = flung(3900, -6000, 0);
	uint64_t t = 0;
	while (scroll_offset(&s, t) <= MAX + 10)
		t++;
	o = scroll_offset(&s, t);
	scroll_drag_begin(&s, t);
	CHECK(fabsf(scroll_offset(&s, t) - o) < 0.01f);
	scroll_drag(&s, 1, t + 8);
	float o2 = scroll_offset(&s, t + 8);
	CHECK(o2 < o && o2 > o - 1);
	scroll_drag_end(&s, 0, t + 8);
	CHECK(scroll_offset(&s, t + 500) == MAX);
}

static void test_short_content_never_scrolls(void)
{
	struct scroll s;
	scroll_init(&s, 600, VIEW);
	CHECK(scroll_max(&s) == 0);
	scroll_drag_begin(&s, 0);
	scroll_drag(&s, -300, 10);
	CHECK(scroll_offset(&s, 10) == 0);
	scroll_drag(&s, 300, 20);
	CHECK(scroll_offset(&s, 20) == 0);
	scroll_drag_end(&s, 5000, 20);
	CHECK(!scroll_moving(&s, 21));
	CHECK(scroll_offset(&s, 500) == 0);
	scroll_to(&s, 300, 600);
	CHECK(scroll_offset(&s, 2000) == 0);
	scroll_init(&s, VIEW, VIEW);
	CHECK(scroll_max(&s) == 0);
	scroll_init(&s, NAN, -5);
	CHECK(scroll_max(&s) == 0);
}

static void test_resize_clamps(void)
{
	struct scroll s = resting_at(3500, 0);
	scroll_resize(&s, 3000, VIEW, 10);
	CHECK(scroll_max(&s) == 2000);
	CHECK(scroll_offset(&s, 10) == 2000);
	scroll_resize(&s, 8000, VIEW, 20); /* growing keeps the offset */
	CHECK(scroll_offset(&s, 20) == 2000);
	/* Mid-fling: it stops within the new range. */
	s = flung(1000, -5000, 100);
	scroll_resize(&s, 2000, VIEW, 300);
	CHECK(scroll_offset(&s, 300) == 1000);
	CHECK(!scroll_moving(&s, 300));
	/* Mid-drag: the drag goes on within the new range. */
	s = resting_at(3000, 0);
	scroll_drag_begin(&s, 10);
	scroll_drag(&s, -200, 20);
	scroll_resize(&s, 4000, VIEW, 30);
	CHECK(scroll_offset(&s, 30) == 3000);
	scroll_drag(&s, 0, 40);
	CHECK(scroll_offset(&s, 40) == 2800);
	scroll_resize(&s, 500, VIEW, 50);
	CHECK(scroll_offset(&s, 50) == 0);
}

static void test_scroll_to_eases_and_arrives(void)
{
	struct scroll s;
	scroll_init(&s, CONTENT, VIEW);
	scroll_to(&s, 1234.5f, 1000);
	CHECK(scroll_moving(&s, 1000));
	uint64_t done = settle_time(&s, 1000, 5000);
	CHECK(done >= 1000 + 300 && done <= 1000 + 600);
	uint64_t dur = done - 1000;
	float quarter = scroll_offset(&s, 1000 + dur / 4);
	CHECK(quarter > 0 && quarter < 1234.5f / 4); /* a gentle start */
	float three = scroll_offset(&s, 1000 + dur * 3 / 4);
	CHECK(three > 1234.5f * 3 / 4); /* and a gentle landing */
	float prev = 0;
	for (uint64_t t = 1000; t <= done; t++) {
		float o = scroll_offset(&s, t);
		CHECK(o >= prev);
		prev = o;
	}
	CHECK(scroll_offset(&s, done) == 1234.5f);
	CHECK(scroll_offset(&s, done + 99999) == 1234.5f);
	/* Out of range targets are clamped; a short trip is quicker. */
	scroll_to(&s, 1e9f, 5000);
	CHECK(scroll_offset(&s, 9000) == MAX);
	scroll_to(&s, -7, 10000);
	CHECK(scroll_offset(&s, 11000) == 0);
	scroll_to(&s, 50, 20000);
	CHECK(settle_time(&s, 20000, 5000) <= 20000 + 320);
	scroll_to(&s, NAN, 21000);
	CHECK(scroll_offset(&s, 21000) == 50);
	/* It takes over from a fling and from a drag. */
	s = flung(1000, -3000, 0);
	scroll_to(&s, 100, 200);
	CHECK(scroll_offset(&s, 2000) == 100);
	scroll_drag_begin(&s, 3000);
	scroll_drag(&s, -500, 3010);
	scroll_to(&s, 0, 3020);
	scroll_drag(&s, -900, 3030); /* the old drag no longer moves it */
	scroll_drag_end(&s, -3000, 3040);
	CHECK(scroll_offset(&s, 5000) == 0);
}

static void test_times_across_2_to_the_32(void)
{
	const uint64_t b = 1ull << 32;
	struct scroll lo = flung(3000, -5000, 1000), hi = flung(3000, -5000, b - 300);
	for (uint64_t t = 0; t <= 4000; t += 7)
		CHECK(scroll_offset(&lo, 1000 + t) == scroll_offset(&hi, b - 300 + t));
	CHECK(scroll_moving(&hi, b + 100));
	CHECK(!scroll_moving(&hi, b + 4000));
	CHECK(scroll_offset(&hi, b + 4000) == MAX);
	/* A pull past the top released just before the boundary. */
	struct scroll s;
	scroll_init(&s, CONTENT, VIEW);
	scroll_drag_begin(&s, b - 20);
	scroll_drag(&s, 200, b - 10);
	scroll_drag_end(&s, 0, b - 5);
	CHECK(scroll_offset(&s, b + 100) < 0);
	CHECK(scroll_moving(&s, b + 100));
	CHECK(scroll_offset(&s, b + 400) == 0);
	/* A clock that steps back counts as no time. */
	CHECK(scroll_offset(&hi, 5) == 3000);
}

int main(void)
{
	RUN(test_drag_inside_follows_one_to_one);
	RUN(test_drag_past_the_top_resists_and_springs_back);
	RUN(test_drag_past_the_bottom_resists_and_springs_back);
	RUN(test_fling_distance_grows_with_velocity_and_settles);
	RUN(test_fling_decelerates_smoothly);
	RUN(test_same_at_any_frame_rate);
	RUN(test_fling_toward_an_end_stops_there);
	RUN(test_stop_freezes);
	RUN(test_catching_a_fling_or_bounce_does_not_jump);
	RUN(test_short_content_never_scrolls);
	RUN(test_resize_clamps);
	RUN(test_scroll_to_eases_and_arrives);
	RUN(test_times_across_2_to_the_32);
	return failures_ != 0;
}
