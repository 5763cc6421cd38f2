/* Swipe paging on a fake clock: snapping back, turning by distance and by
 * flick, resistance at the ends, the settle animation, frame-rate
 * independence, jumps, resizing, and times across 2^32 ms. */
#include "input/pager.h"
#include "test.h"

#include <math.h>

static int failures_;

#define W 1000.0f /* page width, px */

/* Checks that the position from t0 to t0 + 400 moves monotonically toward
 * the index, ends on it exactly within 350 ms, and stays. */
static void check_settles(const struct pager *p, uint64_t t0)
{
	float start = pager_position(p, t0), end = (float)pager_index(p);
	float prev = start;
	for (uint64_t t = t0; t <= t0 + 400; t++) {
		float pos = pager_position(p, t);
		if (end >= start)
			CHECK(pos >= prev && pos <= end);
		else
			CHECK(pos <= prev && pos >= end);
		prev = pos;
	}
	CHECK(pager_position(p, t0 + 350) == end);
	CHECK(!pager_moving(p, t0 + 350));
	CHECK(pager_position(p, t0 + 99999) == end);
}

/* Drags a pager resting on page index of 5 by dx over 100 ms and releases at
 * vx, returning the page it goes to. */
static int swipe(struct pager *p, int index, float dx, float vx, uint64_t t)
{
	pager_init(p, 5, index, W);
	pager_drag(p, dx / 2, t + 50);
	pager_drag(p, dx, t + 100);
	return pager_release(p, vx, t + 100);
}

static void test_short_slow_drag_snaps_back(void)
{
	struct pager p;
	pager_init(&p, 5, 2, W);
	CHECK(pager_position(&p, 0) == 2);
	pager_drag(&p, -10, 1000);
	CHECK(pager_position(&p, 1000) == 2.01f);
	pager_drag(&p, -200, 1100);
	CHECK(fabsf(pager_position(&p, 1100) - 2.2f) < 1e-5f); /* 1:1 */
	CHECK(pager_index(&p) == 2);
	CHECK(!pager_moving(&p, 1100));
	CHECK_INT(pager_release(&p, -100, 1200), 2);
	CHECK(pager_moving(&p, 1200));
	check_settles(&p, 1200);
	CHECK_INT(swipe(&p, 2, 200, 100, 0), 2);
	CHECK_INT(swipe(&p, 2, -330, 0, 0), 2);
	CHECK_INT(swipe(&p, 2, 330, -399, 0), 2);
}

static void test_drag_past_a_third_turns(void)
{
	struct pager p;
	CHECK_INT(swipe(&p, 2, -340, -50, 0), 3);
	check_settles(&p, 100);
	CHECK_INT(swipe(&p, 2, 340, 50, 0), 1);
	check_settles(&p, 100);
	CHECK_INT(swipe(&p, 2, -900, 0, 0), 3);
	/* Held still at the end of the drag: distance alone decides. */
	CHECK_INT(swipe(&p, 2, -500, 0, 0), 3);
	/* Dragged over more than a page: the nearest page that way. */
	CHECK_INT(swipe(&p, 1, -1400, 0, 0), 3);
	CHECK_INT(swipe(&p, 1, -1200, 0, 0), 2);
}

static void test_quick_flick_turns(void)
{
	struct pager p;
	CHECK_INT(swipe(&p, 2, -60, -800, 0), 3);
	check_settles(&p, 100);
	CHECK_INT(swipe(&p, 2, 60, 800, 0), 1);
	CHECK_INT(swipe(&p, 2, -60, -400, 0), 3);
	/* Never more than a page for a flick. */
	CHECK_INT(swipe(&p, 2, -60, -20000, 0), 3);
	/* A flick back against the drag returns to the page it left. */
	CHECK_INT(swipe(&p, 2, -600, 800, 0), 2);
	CHECK_INT(swipe(&p, 2, 600, -800, 0), 2);
}

static void test_first_page_resists_and_stays(void)
{
	struct pager p;
	pager_init(&p, 5, 0, W);
	pager_drag(&p, 100, 10);
	float a = pager_position(&p, 10);
	CHECK(a < 0 && a > -0.1f);
	pager_drag(&p, 300, 20);
	float b = pager_position(&p, 20);
	CHECK(b < a && b > -0.3f);
	pager_drag(&p, 5000, 30);
	CHECK(pager_position(&p, 30) > -1);
	pager_drag(&p, 300, 40);
	CHECK_INT(pager_release(&p, 3000, 40), 0);
	check_settles(&p, 40);
}

static void test_last_page_resists_and_stays(void)
{
	struct pager p;
	pager_init(&p, 5, 4, W);
	pager_drag(&p, -300, 10);
	float a = pager_position(&p, 10);
	CHECK(a > 4 && a < 4.3f);
	CHECK_INT(pager_release(&p, -3000, 10), 4);
	check_settles(&p, 10);
	/* One page only: both ways resist. */
	pager_init(&p, 1, 0, W);
	pager_drag(&p, -400, 0);
	CHECK(pager_position(&p, 0) > 0 && pager_position(&p, 0) < 0.4f);
	CHECK_INT(pager_release(&p, -3000, 0), 0);
	pager_drag(&p, 400, 1000);
	CHECK(pager_position(&p, 1000) < 0 && pager_position(&p, 1000) > -0.4f);
	CHECK_INT(pager_release(&p, 3000, 1000), 0);
	check_settles(&p, 1000);
}

static void test_settle_duration_scales_with_distance(void)
{
	struct pager p;
	swipe(&p, 2, -50, 0, 0); /* back from 0.05 of a page */
	CHECK(!pager_moving(&p, 100 + 256));
	CHECK(pager_moving(&p, 100 + 250));
	swipe(&p, 2, -50, -900, 0); /* on from 0.05: 0.95 to go */
	CHECK(pager_moving(&p, 100 + 340));
	CHECK(!pager_moving(&p, 100 + 346));
	/* It leaves fast and lands gently. */
	float q = pager_position(&p, 100 + 85), h = pager_position(&p, 100 + 300);
	CHECK(q > 2.05f + 0.95f / 2);
	CHECK(3 - h < 0.01f);
}

static void test_same_at_any_frame_rate(void)
{
	struct pager a, b, c;
	swipe(&a, 1, -150, -900, 5000);
	b = a;
	c = a;
	float at_1ms[501];
	for (uint64_t t = 0; t <= 500; t++) {
		at_1ms[t] = pager_position(&a, 5100 + t);
		(void)pager_moving(&a, 5100 + t);
	}
	for (uint64_t t = 0; t <= 500; t += 16)
		CHECK(pager_position(&b, 5100 + t) == at_1ms[t]);
	CHECK(pager_position(&c, 5600) == at_1ms[500]);
	CHECK(memcmp(&a, &c, sizeof a) == 0);
	/* Many drag events or one: the same release. */
	struct pager d, e;
	pager_init(&d, 5, 1, W);
	pager_init(&e, 5, 1, W);
	for (int i = 1; i <= 20; i++)
		pager_drag(&d, -20.0f * i, 16 * i);
	pager_drag(&e, -400, 320);
	CHECK_INT(pager_release(&d, -100, 320), pager_release(&e, -100, 320));
	CHECK(pager_position(&d, 400) == pager_position(&e, 400));
}

static void test_go_eases_and_arrives(void)
{
	struct pager p;
	pager_init(&p, 10, 0, W);
	pager_go(&p, 3, 1000);
	CHECK_INT(pager_index(&p), 3);
	CHECK(pager_position(&p, 1000) == 0);
	CHECK(pager_position(&p, 1000 + 35) < 3 * 0.1f); /* a gentle start */
	check_settles(&p, 1000);
	pager_go(&p, 99, 2000);
	CHECK_INT(pager_index(&p), 9);
	/* Redirected midway: no jump. */
	float mid = pager_position(&p, 2100);
	pager_go(&p, 0, 2100);
	CHECK(pager_position(&p, 2100) == mid);
	check_settles(&p, 2100);
	pager_go(&p, -5, 3000); /* already there */
	CHECK(!pager_moving(&p, 3000));
	CHECK(pager_position(&p, 3000) == 0);
	/* It ends a drag; the next drag starts afresh from where it shows. */
	pager_drag(&p, -300, 4000);
	pager_go(&p, 0, 4010);
	CHECK_INT(pager_release(&p, -3000, 4020), 0);
	check_settles(&p, 4010);
	pager_drag(&p, -100, 5000);
	CHECK(fabsf(pager_position(&p, 5000) - 0.1f) < 1e-5f);
}

static void test_set_and_catching(void)
{
	struct pager p;
	pager_init(&p, 5, 7, W);
	CHECK_INT(pager_index(&p), 4);
	pager_set(&p, 1);
	CHECK(pager_position(&p, 0) == 1);
	CHECK(!pager_moving(&p, 0));
	pager_set(&p, -3);
	CHECK_INT(pager_index(&p), 0);
	/* Caught mid-settle: the drag starts where it shows. */
	pager_init(&p, 5, 1, W);
	pager_go(&p, 2, 0);
	float at = pager_position(&p, 250);
	CHECK(at > 1.8f && at < 2);
	pager_drag(&p, 0, 250);
	CHECK(pager_position(&p, 250) == at);
	CHECK(!pager_moving(&p, 250));
	pager_drag(&p, 50, 266);
	CHECK(fabsf(pager_position(&p, 266) - (at - 0.05f)) < 1e-5f);
	CHECK_INT(pager_release(&p, 0, 266), 2); /* most of the way: on to 2 */
	check_settles(&p, 266);
	/* Caught early on, pulled back: back to where it came from. */
	pager_go(&p, 3, 1000);
	pager_drag(&p, 50, 1100);
	CHECK_INT(pager_release(&p, 0, 1100), 2);
	check_settles(&p, 1100);
	/* Without a drag a release changes nothing. */
	CHECK_INT(pager_release(&p, -5000, 1600), 2);
	CHECK(!pager_moving(&p, 1600));
	pager_drag(&p, NAN, 2000);
	CHECK(pager_position(&p, 2000) == 2);
}

static void test_resize_keeps_the_page(void)
{
	struct pager p;
	pager_init(&p, 5, 3, W);
	pager_resize(&p, 540);
	CHECK(pager_position(&p, 0) == 3);
	pager_resize(&p, 0);
	pager_resize(&p, NAN);
	CHECK(p.width == 540);
	/* Mid-drag: no jump, and later travel counts in the new width. */
	pager_drag(&p, -108, 10);
	float at = pager_position(&p, 10);
	CHECK(fabsf(at - 3.2f) < 1e-5f);
	pager_resize(&p, 1080);
	CHECK(fabsf(pager_position(&p, 20) - at) < 1e-5f);
	pager_drag(&p, -216, 30);
	CHECK(fabsf(pager_position(&p, 30) - 3.3f) < 1e-5f);
	/* Mid-settle: it arrives on the same page. */
	pager_release(&p, -1000, 40);
	pager_resize(&p, 300);
	CHECK_INT(pager_index(&p), 4);
	check_settles(&p, 40);
	pager_init(&p, 0, 0, -5);
	CHECK_INT(p.count, 1);
	CHECK(p.width == 1);
}

static void test_times_across_2_to_the_32(void)
{
	const uint64_t b = 1ull << 32;
	struct pager lo, hi;
	swipe(&lo, 2, -100, -1000, 1000);
	swipe(&hi, 2, -100, -1000, b - 250);
	for (uint64_t t = 0; t <= 400; t++)
		CHECK(pager_position(&lo, 1100 + t) == pager_position(&hi, b - 150 + t));
	CHECK(pager_moving(&hi, b + 100));
	CHECK(!pager_moving(&hi, b + 300));
	CHECK(pager_position(&hi, b + 300) == 3);
	CHECK(pager_position(&hi, 7) == pager_position(&hi, b - 150)); /* clock stepped back */
}

/* Edge taps: the outer bands turn the page, the middle does not, and a
 * band wider than a third of the page is held to a third. */
static void test_edge_taps(void)
{
	CHECK_INT(pager_edge(0, W, 150), -1);
	CHECK_INT(pager_edge(149, W, 150), -1);
	CHECK_INT(pager_edge(150, W, 150), 0);
	CHECK_INT(pager_edge(500, W, 150), 0);
	CHECK_INT(pager_edge(849, W, 150), 0);
	CHECK_INT(pager_edge(850, W, 150), +1);
	CHECK_INT(pager_edge(999, W, 150), +1);
	CHECK_INT(pager_edge(300, W, 900), -1);
	CHECK_INT(pager_edge(500, W, 900), 0);
	CHECK_INT(pager_edge(700, W, 900), +1);
}

int main(void)
{
	RUN(test_edge_taps);
	RUN(test_short_slow_drag_snaps_back);
	RUN(test_drag_past_a_third_turns);
	RUN(test_quick_flick_turns);
	RUN(test_first_page_resists_and_stays);
	RUN(test_last_page_resists_and_stays);
	RUN(test_settle_duration_scales_with_distance);
	RUN(test_same_at_any_frame_rate);
	RUN(test_go_eases_and_arrives);
	RUN(test_set_and_catching);
	RUN(test_resize_keeps_the_page);
	RUN(test_times_across_2_to_the_32);
	return failures_ != 0;
}
