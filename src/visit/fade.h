/* fade: where a crossfade between two places is, as one explicit state and
 * the few facts each state needs. The visit draws the new place into a
 * second layer (PREPARE); after a reload the last frame may then stay a
 * little while its photos decode (HOLD); then the layers blend for
 * FADE_MS (BLEND), and the fade is over once a frame at its end is drawn.
 * Pure: time comes in as milliseconds. */
#ifndef TWINHALL_FADE_H
#define TWINHALL_FADE_H

#include <stdbool.h>
#include <stdint.h>

enum { FADE_MS = 280 }; /* the blend between places */

enum fade_stage {
	FADE_NONE,    /* no crossfade */
	FADE_PREPARE, /* the new place goes into its layer; the last frame stays */
	FADE_HOLD,    /* after a reload, the new place is ready: the last frame
	               * stays until its images are in, at most until hold_until */
	FADE_BLEND,   /* the new place shows through the old, by time since since_ms */
};

struct fade {
	enum fade_stage stage;
	uint64_t since_ms;   /* PREPARE, HOLD: when last asked; BLEND: its start */
	uint64_t hold_until; /* a reload's hold ends then at the latest; 0: no hold */
};

/* A crossfade begins at now: a reload's (hold_until, after now) waits for
 * the new place's images, another's (hold_until 0) does not. */
void fade_begin(struct fade *f, uint64_t now, uint64_t hold_until);

/* The new place is whole in its layer: PREPARE goes on to HOLD (a reload,
 * before hold_until) or straight to BLEND from now. Other stages stay. */
void fade_prepared(struct fade *f, uint64_t now);

/* Time passes: a hold ends (to BLEND from now) once the images are in or
 * hold_until has come; PREPARE and HOLD keep the blend from starting (their
 * since_ms follows now). A reload's hold that passed while PREPARE still
 * draws is dropped, so BLEND follows PREPARE at once. */
void fade_tick(struct fade *f, uint64_t now, bool images_waiting);

/* The old layer's opacity in a frame at now: 255 before the blend, then
 * falling to 0 at FADE_MS. */
uint8_t fade_alpha(const struct fade *f, uint64_t now);

/* Whether a frame at now is the blend's last: the old place is gone. */
bool fade_at_end(const struct fade *f, uint64_t now);

/* Whether the screen still shows the old place alone, waiting. */
bool fade_waiting(const struct fade *f);

/* No crossfade any more (it ended, or was cut short). */
void fade_end(struct fade *f);

#endif
