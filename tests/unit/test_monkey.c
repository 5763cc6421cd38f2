/* The soak's monkey: a seed gives the same touches every time, inputs come
 * in time order and never before they are due, every finger that goes down
 * comes up, all four kinds of gesture occur, and touches stay on screen. */
#include "input/monkey.h"
#include "test.h"

static int failures_;

static size_t run(uint64_t seed, struct gesture_input *all, size_t cap, struct monkey *m)
{
	monkey_init(m, seed, 1000, 50);
	size_t n = 0;
	for (uint64_t now = 1000; now <= 11000; now += 16) {
		size_t k = monkey_take(m, now, 1280, 720, all + n, cap - n);
		for (size_t i = n; i < n + k; i++)
			CHECK(all[i].t_ms <= now);
		n += k;
		CHECK(monkey_deadline(m) > now);
	}
	return n;
}

static void test_monkey(void)
{
	static struct gesture_input a[20000], b[20000];
	struct monkey ma, mb;
	size_t na = run(42, a, 20000, &ma), nb = run(42, b, 20000, &mb);
	CHECK(na > 600); /* 4-11 inputs a gesture */
	CHECK_INT(na, nb);
	CHECK(memcmp(a, b, na * sizeof a[0]) == 0);
	int downs = 0, ups = 0, off = 0, order = 0;
	for (size_t i = 0; i < na; i++) {
		downs += a[i].kind == GESTURE_IN_DOWN;
		ups += a[i].kind == GESTURE_IN_UP;
		off += a[i].x < 0 || a[i].x > 1279 || a[i].y < 0 || a[i].y > 719;
		order += i && a[i].t_ms < a[i - 1].t_ms;
	}
	CHECK_INT(order, 0);
	CHECK_INT(off, 0);
	CHECK(downs - ups <= 2); /* only the gesture under way at the end */
	unsigned long total = 0;
	for (int k = 0; k < 4; k++) {
		CHECK(ma.gestures[k] > 0);
		total += ma.gestures[k];
	}
	CHECK(total > 120);     /* 12-20 a second over 10 s, one at a time */
	int down = 0, most = 0; /* fingers down at once: one gesture at a time */
	for (size_t i = 0; i < na; i++) {
		down += a[i].kind == GESTURE_IN_DOWN ? 1 : a[i].kind == GESTURE_IN_UP ? -1 : 0;
		most = down > most ? down : most;
	}
	CHECK_INT(most, 2); /* a pinch's two */
	struct monkey mc;
	static struct gesture_input c[20000];
	size_t nc = run(43, c, 20000, &mc);
	CHECK(nc != na || memcmp(a, c, na * sizeof a[0]) != 0); /* another seed, other touches */
}

int main(void)
{
	RUN(test_monkey);
	return failures_ != 0;
}
