/* The staff handshake: one finger held still in the chosen corner for the
 * whole time opens the panel once; a finger elsewhere, one that moves,
 * lifts early or has company does not. */
#include "input/corner_hold.h"
#include "test.h"

static int failures_;

enum { W = 1920, H = 1080, HOLD = 5000 };

static void in(struct corner_hold *h, enum gesture_input_kind k, int64_t f, float x, float y,
               uint64_t t)
{
	struct gesture_input g = {k, f, x, y, t};
	corner_hold_input(h, &g, W, H);
}

static struct corner_hold fresh(enum corner c)
{
	struct corner_hold h;
	corner_hold_init(&h, c, HOLD, 120, 20);
	return h;
}

static void test_held_in_the_corner_fires_once(void)
{
	struct corner_hold h = fresh(CORNER_BOTTOM_RIGHT);
	CHECK(corner_hold_deadline(&h) == UINT64_MAX);
	in(&h, GESTURE_IN_DOWN, 1, W - 30, H - 30, 1000);
	CHECK(corner_hold_deadline(&h) == 1000 + HOLD);
	in(&h, GESTURE_IN_MOVE, 1, W - 40, H - 25, 3000); /* a tremble */
	CHECK(!corner_hold_tick(&h, 1000 + HOLD - 1));
	CHECK(corner_hold_tick(&h, 1000 + HOLD));
	CHECK(!corner_hold_tick(&h, 1000 + HOLD + 500)); /* once */
	CHECK(corner_hold_deadline(&h) == UINT64_MAX);
	in(&h, GESTURE_IN_UP, 1, W - 40, H - 25, 7000);
	in(&h, GESTURE_IN_DOWN, 1, W - 10, H - 10, 8000); /* again */
	CHECK(corner_hold_tick(&h, 8000 + HOLD));
}

static void test_what_does_not_open_it(void)
{
	struct corner_hold h = fresh(CORNER_BOTTOM_RIGHT);
	in(&h, GESTURE_IN_DOWN, 1, W - 200, H - 30, 0); /* outside the square */
	CHECK(!corner_hold_tick(&h, HOLD * 2));
	in(&h, GESTURE_IN_UP, 1, W - 200, H - 30, HOLD * 2);

	in(&h, GESTURE_IN_DOWN, 1, 30, 30, 20000); /* another corner */
	CHECK(!corner_hold_tick(&h, 20000 + HOLD));
	in(&h, GESTURE_IN_UP, 1, 30, 30, 26000);

	in(&h, GESTURE_IN_DOWN, 1, W - 30, H - 30, 30000); /* lifted early */
	in(&h, GESTURE_IN_UP, 1, W - 30, H - 30, 30000 + HOLD - 1);
	CHECK(!corner_hold_tick(&h, 30000 + HOLD));

	in(&h, GESTURE_IN_DOWN, 1, W - 30, H - 30, 40000); /* slid away */
	in(&h, GESTURE_IN_MOVE, 1, W - 30, H - 60, 41000);
	CHECK(!corner_hold_tick(&h, 40000 + HOLD));
	in(&h, GESTURE_IN_UP, 1, W - 30, H - 60, 46000);

	in(&h, GESTURE_IN_DOWN, 1, W - 30, H - 30, 50000); /* a second finger */
	in(&h, GESTURE_IN_DOWN, 2, 500, 500, 51000);
	CHECK(!corner_hold_tick(&h, 50000 + HOLD));
	in(&h, GESTURE_IN_UP, 2, 500, 500, 52000);
	CHECK(!corner_hold_tick(&h, 50000 + HOLD * 2));
	in(&h, GESTURE_IN_CANCEL, 1, W - 30, H - 30, 60000);
	CHECK_INT(h.fingers, 0);
}

static void test_each_corner_and_names(void)
{
	const char *names[] = {"top-left", "top-right", "bottom-left", "bottom-right"};
	float xs[] = {10, W - 10, 10, W - 10}, ys[] = {10, 10, H - 10, H - 10};
	for (int c = 0; c < 4; c++) {
		enum corner parsed;
		CHECK_INT(corner_parse(names[c], &parsed), 0);
		CHECK_INT(parsed, c);
		for (int at = 0; at < 4; at++) {
			struct corner_hold h = fresh((enum corner)c);
			in(&h, GESTURE_IN_DOWN, 7, xs[at], ys[at], 0);
			CHECK(corner_hold_tick(&h, HOLD) == (at == c));
		}
	}
	enum corner parsed;
	CHECK_INT(corner_parse("middle", &parsed), -1);
}

int main(void)
{
	RUN(test_held_in_the_corner_fires_once);
	RUN(test_what_does_not_open_it);
	RUN(test_each_corner_and_names);
	return failures_ ? 1 : 0;
}
