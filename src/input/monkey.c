#include "input/monkey.h"

#include <string.h>

enum {
	GAP_MS = 10,       /* between one gesture's lift and the next touch */
	PAUSE_EVERY = 400, /* gestures, then a pause longer than any idle timeout */
	PAUSE_MS = 2 * 3600 * 1000 / 60,
};

static uint64_t next_random(struct monkey *m)
{
	/* xorshift64* */
	m->rng ^= m->rng >> 12;
	m->rng ^= m->rng << 25;
	m->rng ^= m->rng >> 27;
	return m->rng * 2685821657736338717ULL;
}

static float uniform(struct monkey *m, float lo, float hi)
{
	return lo + (hi - lo) * (float)(next_random(m) >> 40) / (float)(1 << 24);
}

void monkey_init(struct monkey *m, uint64_t seed, uint64_t start_ms, uint64_t interval_ms)
{
	memset(m, 0, sizeof *m);
	m->rng = seed * 0x9e3779b97f4a7c15ULL + 1;
	m->interval_ms = interval_ms ? interval_ms : 1;
	m->next_ms = start_ms;
}

static void push(struct monkey *m, enum gesture_input_kind kind, int64_t finger, float x, float y,
                 uint64_t t)
{
	if (m->n == MONKEY_QUEUE)
		return;
	size_t i = m->n++;
	while (i > 0 && m->queue[i - 1].t_ms > t) { /* keep time order */
		m->queue[i] = m->queue[i - 1];
		i--;
	}
	m->queue[i] = (struct gesture_input){kind, finger, x, y, t};
}

static float clampf(float v, float hi)
{
	return v < 0 ? 0 : v > hi ? hi : v;
}

/* A stroke of one finger from (x0, y0) to (x1, y1) over ms, in steps. */
static void stroke(struct monkey *m, float x0, float y0, float x1, float y1, uint64_t t,
                   uint64_t ms)
{
	int64_t f = ++m->finger;
	push(m, GESTURE_IN_DOWN, f, x0, y0, t);
	for (int k = 1; k <= 4; k++)
		push(m, GESTURE_IN_MOVE, f, x0 + (x1 - x0) * (float)k / 4,
		     y0 + (y1 - y0) * (float)k / 4, t + ms * (uint64_t)k / 4);
	push(m, GESTURE_IN_UP, f, x1, y1, t + ms);
}

/* A stroke kept on a w x h screen, as a real finger is. */
static void stroke_on(struct monkey *m, int w, int h, float x0, float y0, float x1, float y1,
                      uint64_t t, uint64_t ms)
{
	float mw = (float)w - 1, mh = (float)h - 1;
	stroke(m, clampf(x0, mw), clampf(y0, mh), clampf(x1, mw), clampf(y1, mh), t, ms);
}

/* One gesture from t; returns when its last finger lifts. Quick ones, so
 * that about 20 fit in a second one after the other (overlapping ones
 * would only ever make multi-finger touches); a long press now and then. */
static uint64_t start_gesture(struct monkey *m, uint64_t t, int w, int h)
{
	float x = uniform(m, 0, (float)w - 1), y = uniform(m, 0, (float)h - 1);
	uint64_t r = next_random(m) % 40;
	enum monkey_kind kind = r < 16   ? MONKEY_TAP
	                        : r < 28 ? MONKEY_SWIPE
	                        : r < 39 ? MONKEY_PINCH
	                                 : MONKEY_LONG_PRESS;
	m->gestures[kind]++;
	switch (kind) {
	case MONKEY_TAP: {
		int64_t f = ++m->finger;
		push(m, GESTURE_IN_DOWN, f, x, y, t);
		push(m, GESTURE_IN_UP, f, x, y, t + 40);
		return t + 40;
	}
	case MONKEY_SWIPE: {
		float dx = uniform(m, -0.6f, 0.6f) * (float)w,
		      dy = uniform(m, -0.3f, 0.3f) * (float)h;
		stroke_on(m, w, h, x, y, x + dx, y + dy, t, 48);
		return t + 48;
	}
	case MONKEY_PINCH: {
		float d = uniform(m, 40, 200), s = uniform(m, 0.5f, 2.5f);
		stroke_on(m, w, h, x - d, y, x - d * s, y, t, 48);
		stroke_on(m, w, h, x + d, y, x + d * s, y, t + 2, 48);
		return t + 50;
	}
	case MONKEY_LONG_PRESS: {
		int64_t f = ++m->finger;
		push(m, GESTURE_IN_DOWN, f, x, y, t);
		push(m, GESTURE_IN_UP, f, x, y, t + 700);
		return t + 700;
	}
	}
	return t;
}

size_t monkey_take(struct monkey *m, uint64_t now, int w, int h, struct gesture_input *out,
                   size_t cap)
{
	while (m->next_ms <= now && m->n + 12 <= MONKEY_QUEUE) {
		uint64_t end = start_gesture(m, m->next_ms, w, h) + GAP_MS;
		m->next_ms += m->interval_ms;
		if (++m->since_pause == PAUSE_EVERY) { /* the visitor leaves for a while */
			m->since_pause = 0;
			end += PAUSE_MS;
		}
		if (m->next_ms < end)
			m->next_ms = end; /* one gesture at a time */
	}
	size_t k = 0;
	while (k < m->n && k < cap && m->queue[k].t_ms <= now)
		k++;
	memcpy(out, m->queue, k * sizeof *out);
	memmove(m->queue, m->queue + k, (m->n - k) * sizeof *out);
	m->n -= k;
	return k;
}

uint64_t monkey_deadline(const struct monkey *m)
{
	uint64_t d = m->next_ms;
	if (m->n && m->queue[0].t_ms < d)
		d = m->queue[0].t_ms;
	return d;
}
