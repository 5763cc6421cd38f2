/* tap_echo: the taps that repeat a tap which already took the visitor
 * somewhere. A visitor used to phones double-taps a city card; the first
 * tap opens the city, and the second must not land on the screen it
 * opened (where a double tap zooms the photo). Pure, over plain data:
 * times are uint64_t monotonic milliseconds. */
#ifndef TWINHALL_TAP_ECHO_H
#define TWINHALL_TAP_ECHO_H

#include <stdbool.h>
#include <stdint.h>

struct tap_echo {
	uint64_t window_ms; /* a finger landing this soon after is an echo, */
	float radius_px;    /* and this near: a tap elsewhere is meant */
	uint64_t armed_ms;  /* when the last tap that moved the visitor lifted */
	float x, y;         /* and where it was */
	bool armed;
	bool echo; /* the touch sequence going on now is an echo */
};

/* An echo filter for repeats landing within window_ms and radius_px of
 * the tap they repeat. */
struct tap_echo tap_echo_make(uint64_t window_ms, float radius_px);

/* A tap at x, y lifted at t_ms took the visitor to another place: a finger
 * landing within the window after it, near it, is its echo. */
void tap_echo_arm(struct tap_echo *e, uint64_t t_ms, float x, float y);

/* A first finger landed at x, y at t_ms: true (and remembered for the
 * sequence) when it is an echo. An echo's own taps arm the filter again,
 * so a triple tap is one tap too (see tap_echo_tap). */
bool tap_echo_press(struct tap_echo *e, uint64_t t_ms, float x, float y);

/* A tap (or double tap) of the current sequence lifted at t_ms: true when
 * it is an echo and must do nothing; the filter is then armed from it. */
bool tap_echo_tap(struct tap_echo *e, uint64_t t_ms);

#endif
