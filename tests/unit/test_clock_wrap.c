/* Every timer of the hall keeps working when the millisecond clock passes
 * 2^32 (49.7 days after boot), where a 32-bit tick counter wraps to zero:
 * each one is driven with an injected clock that crosses that moment while
 * it runs. A timer kept in 32 bits would see time run backwards there and
 * never fire, or fire at once. */
#include <stdint.h>

#include "ui/attract.h"
#include "input/corner_hold.h"
#include "input/gesture.h"
#include "nav/nav.h"
#include "live/settle.h"
#include "test.h"

static int failures_;

static const uint64_t WRAP = (uint64_t)1 << 32;

static void test_idle_timeout_across_the_wrap(void)
{
	static struct city city = {.id = "perm"};
	struct hall h = {.n_langs = 1, .idle_timeout_ms = 60000, .cities = &city, .n_cities = 1};
	uint64_t t = WRAP - 30000; /* touched 30 s before the wrap */
	struct nav_state s =
	    nav_step(&h, nav_begin(t - 1000), (struct nav_event){NAV_EV_TOUCH, 0}, t);
	CHECK_INT(s.screen, NAV_HOME);
	CHECK(nav_deadline(&h, &s) == t + 60000); /* past the wrap, not wrapped */
	s = nav_step(&h, s, (struct nav_event){NAV_EV_TICK, 0}, WRAP + 29999);
	CHECK_INT(s.screen, NAV_HOME); /* 59.999 s idle: still here */
	s = nav_step(&h, s, (struct nav_event){NAV_EV_TICK, 0}, WRAP + 30000);
	CHECK_INT(s.screen, NAV_ATTRACT); /* 60 s idle: the attract loop */
	/* Touched again after the wrap: the idle time counts from there. */
	s = nav_step(&h, s, (struct nav_event){NAV_EV_TOUCH, 0}, WRAP + 40000);
	CHECK(nav_deadline(&h, &s) == WRAP + 100000);
	s = nav_step(&h, s, (struct nav_event){NAV_EV_TICK, 0}, WRAP + 99999);
	CHECK_INT(s.screen, NAV_HOME);
}

static void test_attract_hold_and_fade_across_the_wrap(void)
{
	struct attract_state a = attract_begin(WRAP - 5000);
	CHECK(attract_deadline(&a, WRAP - 5000, 8000) == WRAP + 3000);
	CHECK(!attract_step(&a, WRAP + 2999, 8000, 1000, true)); /* still holding */
	CHECK_INT(a.seq, 0);
	attract_step(&a, WRAP + 3000, 8000, 1000, true); /* the hold ends: fading */
	int half = attract_fade_permille(&a, WRAP + 3500, 1000);
	CHECK(half > 0 && half < 1000);
	attract_step(&a, WRAP + 4000, 8000, 1000, true); /* the fade ends */
	CHECK_INT(a.seq, 1);
	/* The next hold began after the wrap. */
	CHECK(!attract_step(&a, WRAP + 11999, 8000, 1000, true));
	CHECK_INT(attract_fade_permille(&a, WRAP + 11999, 1000), 0);
	attract_step(&a, WRAP + 12000, 8000, 1000, true);
	attract_step(&a, WRAP + 13000, 8000, 1000, true);
	CHECK_INT(a.seq, 2);
}

static size_t count(const struct gesture *out, size_t n, enum gesture_kind kind)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += out[i].kind == kind;
	return k;
}

static void test_tap_and_long_press_across_the_wrap(void)
{
	struct gesture_config gc = gesture_config_default(96);
	struct gesture_recognizer *g = gesture_new(&gc);
	struct gesture out[GESTURE_MAX_OUT];
	CHECK(g != NULL);
	if (!g)
		return;
	/* A quick tap whose finger lands before the wrap and lifts after it. */
	gesture_feed(g, &(struct gesture_input){GESTURE_IN_DOWN, 1, 100, 100, WRAP - 40}, out,
	             GESTURE_MAX_OUT);
	size_t n = gesture_feed(g, &(struct gesture_input){GESTURE_IN_UP, 1, 100, 100, WRAP + 40},
	                        out, GESTURE_MAX_OUT);
	n += gesture_tick(g, WRAP + 40 + gc.double_tap_ms + 1, out + n, GESTURE_MAX_OUT - n);
	CHECK_INT(count(out, n, GESTURE_TAP), 1);
	CHECK_INT(count(out, n, GESTURE_LONG_PRESS), 0);
	/* A finger held still from before the wrap: a long press after it. */
	uint64_t down = WRAP - 100;
	gesture_feed(g, &(struct gesture_input){GESTURE_IN_DOWN, 2, 300, 300, down}, out,
	             GESTURE_MAX_OUT);
	CHECK(gesture_deadline(g) == down + gc.long_press_ms);
	n = gesture_tick(g, down + gc.long_press_ms - 1, out, GESTURE_MAX_OUT);
	CHECK_INT(count(out, n, GESTURE_LONG_PRESS), 0);
	n = gesture_tick(g, down + gc.long_press_ms, out, GESTURE_MAX_OUT);
	CHECK_INT(count(out, n, GESTURE_LONG_PRESS), 1);
	gesture_feed(g, &(struct gesture_input){GESTURE_IN_UP, 2, 300, 300, WRAP + 2000}, out,
	             GESTURE_MAX_OUT);
	/* A press that lands after the wrap is a tap when short. */
	gesture_feed(g, &(struct gesture_input){GESTURE_IN_DOWN, 3, 500, 500, WRAP + 9000}, out,
	             GESTURE_MAX_OUT);
	CHECK(gesture_deadline(g) == WRAP + 9000 + gc.long_press_ms);
	n = gesture_tick(g, WRAP + 9050, out, GESTURE_MAX_OUT);
	n += gesture_feed(g, &(struct gesture_input){GESTURE_IN_UP, 3, 500, 500, WRAP + 9080},
	                  out + n, GESTURE_MAX_OUT - n);
	n += gesture_tick(g, WRAP + 9080 + gc.double_tap_ms + 1, out + n, GESTURE_MAX_OUT - n);
	CHECK_INT(count(out, n, GESTURE_TAP), 1);
	CHECK_INT(count(out, n, GESTURE_LONG_PRESS), 0);
	gesture_free(g);
}

static void test_staff_corner_across_the_wrap(void)
{
	struct corner_hold h;
	corner_hold_init(&h, CORNER_BOTTOM_RIGHT, CORNER_HOLD_MS, 100, 20);
	corner_hold_input(&h, &(struct gesture_input){GESTURE_IN_DOWN, 1, 1900, 1060, WRAP - 2000},
	                  1920, 1080);
	CHECK(corner_hold_deadline(&h) == WRAP + 3000);
	CHECK(!corner_hold_tick(&h, WRAP + 2999));
	CHECK(corner_hold_tick(&h, WRAP + 3000));
	corner_hold_input(&h, &(struct gesture_input){GESTURE_IN_UP, 1, 1900, 1060, WRAP + 3100},
	                  1920, 1080);
	/* Held again after the wrap: the time stored is past 2^32. */
	corner_hold_input(&h, &(struct gesture_input){GESTURE_IN_DOWN, 1, 1900, 1060, WRAP + 9000},
	                  1920, 1080);
	CHECK(!corner_hold_tick(&h, WRAP + 13999));
	CHECK(corner_hold_tick(&h, WRAP + 14000));
}

static void test_reload_settling_across_the_wrap(void)
{
	struct settle s;
	settle_init(&s, 1000, 1);
	settle_changed(&s, WRAP - 500); /* saved half a second before the wrap */
	CHECK(settle_due(&s) == WRAP + 500 - SETTLE_LOOK_MS);
	CHECK(!settle_look(&s, WRAP + 500 - SETTLE_LOOK_MS, 2)); /* the first look */
	CHECK(!settle_look(&s, WRAP + 499, 2));                  /* not quiet long enough */
	CHECK(settle_look(&s, WRAP + 500, 2));                   /* quiet and the same: read */
	settle_changed(&s, WRAP + 7000);                         /* saved again, after the wrap */
	CHECK(settle_due(&s) == WRAP + 8000 - SETTLE_LOOK_MS);
	CHECK(!settle_look(&s, WRAP + 8000 - SETTLE_LOOK_MS, 3));
	CHECK(!settle_look(&s, WRAP + 7999, 3));
	CHECK(settle_look(&s, WRAP + 8000, 3));
}

int main(void)
{
	RUN(test_idle_timeout_across_the_wrap);
	RUN(test_attract_hold_and_fade_across_the_wrap);
	RUN(test_tap_and_long_press_across_the_wrap);
	RUN(test_staff_corner_across_the_wrap);
	RUN(test_reload_settling_across_the_wrap);
	return failures_ ? 1 : 0;
}
