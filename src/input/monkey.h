/* monkey: random touches for the soak test (--monkey SEED): taps, swipes,
 * two-finger pinches and long presses, one after the other, a gesture
 * started every interval_ms (or when the last one ends, if later), as
 * pointer input with times; after every 400, a pause of two minutes (the
 * hall goes back to its slideshow, and the next touch wakes it). Pure: a seeded generator, so a
 * soak that finds a fault can be replayed. */
#ifndef TWINHALL_MONKEY_H
#define TWINHALL_MONKEY_H

#include <stddef.h>
#include <stdint.h>

#include "input/gesture.h"

enum { MONKEY_QUEUE = 64 };

struct monkey {
	uint64_t rng;
	uint64_t interval_ms, next_ms; /* when the next gesture starts */
	int64_t finger;                /* ids handed out so far */
	struct gesture_input queue[MONKEY_QUEUE];
	size_t n;                  /* queued inputs, in time order */
	unsigned long gestures[4]; /* started so far: taps, swipes, pinches, long presses */
	unsigned since_pause;      /* gestures since the last pause */
};

enum monkey_kind { MONKEY_TAP, MONKEY_SWIPE, MONKEY_PINCH, MONKEY_LONG_PRESS };

/* A monkey with seed starting at start_ms, one gesture every interval_ms. */
void monkey_init(struct monkey *m, uint64_t seed, uint64_t start_ms, uint64_t interval_ms);

/* The inputs due by now_ms on a w x h screen, at most cap, into out;
 * returns how many. */
size_t monkey_take(struct monkey *m, uint64_t now_ms, int w, int h, struct gesture_input *out,
                   size_t cap);

/* When the next input is due. */
uint64_t monkey_deadline(const struct monkey *m);

#endif
