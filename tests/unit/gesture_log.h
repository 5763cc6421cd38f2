/* Helpers for the gesture tests: feed recorded inputs, log what comes out,
 * and look at the log. Included by test_gesture*.c after test.h. */
#ifndef TWINHALL_GESTURE_LOG_H
#define TWINHALL_GESTURE_LOG_H

#include <math.h>
#include <stdbool.h>

#include "input/gesture.h"
#include "test.h"

/* Everything emitted since nlog_ was last zeroed (make_default does), in order. */
static struct gesture log_[4096];
static size_t nlog_;

static inline struct gesture_recognizer *make_default(void)
{
	struct gesture_config c = gesture_config_default(92.0f);
	nlog_ = 0;
	return gesture_new(&c);
}

static inline void record(const struct gesture *out, size_t n)
{
	for (size_t i = 0; i < n && nlog_ < sizeof log_ / sizeof log_[0]; i++)
		log_[nlog_++] = out[i];
}

static inline size_t in(struct gesture_recognizer *g, enum gesture_input_kind k, int64_t f, float x,
                        float y, uint64_t t)
{
	struct gesture out[GESTURE_MAX_OUT];
	struct gesture_input i = {k, f, x, y, t};
	size_t n = gesture_feed(g, &i, out, GESTURE_MAX_OUT);
	CHECK(n < GESTURE_MAX_OUT); /* the documented size always leaves room */
	record(out, n);
	return n;
}

static inline size_t down(struct gesture_recognizer *g, int64_t f, float x, float y, uint64_t t)
{
	return in(g, GESTURE_IN_DOWN, f, x, y, t);
}

static inline size_t move(struct gesture_recognizer *g, int64_t f, float x, float y, uint64_t t)
{
	return in(g, GESTURE_IN_MOVE, f, x, y, t);
}

static inline size_t up(struct gesture_recognizer *g, int64_t f, float x, float y, uint64_t t)
{
	return in(g, GESTURE_IN_UP, f, x, y, t);
}

static inline size_t tick(struct gesture_recognizer *g, uint64_t t)
{
	struct gesture out[GESTURE_MAX_OUT];
	size_t n = gesture_tick(g, t, out, GESTURE_MAX_OUT);
	record(out, n);
	return n;
}

/* The kinds logged, space-separated: "PRESS TAP RELEASE". */
static inline const char *kinds(void)
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
static inline const struct gesture *last(enum gesture_kind k)
{
	for (size_t i = nlog_; i-- > 0;)
		if (log_[i].kind == k)
			return &log_[i];
	return NULL;
}

static inline int count(enum gesture_kind k)
{
	int n = 0;
	for (size_t i = 0; i < nlog_; i++)
		n += log_[i].kind == k;
	return n;
}

static inline bool near(float a, float b, float tol)
{
	return fabsf(a - b) <= tol;
}

/* A fast straight drag from (x,y) by (step_x per 10 ms) for steps moves. */
static inline void stroke(struct gesture_recognizer *g, int64_t f, float x, float y, float step_x,
                          int steps, uint64_t t)
{
	down(g, f, x, y, t);
	for (int i = 1; i <= steps; i++)
		move(g, f, x + step_x * (float)i, y, t + 10 * (uint64_t)i);
}

#endif
