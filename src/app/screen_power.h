/* screen_power: the panel really off outside the opening hours, by DPMS
 * through the X server when the hall runs under X, or on the DRM connector
 * when it owns the screen through KMS, or, for a TV (hall.yaml
 * display_power: cec), by HDMI-CEC standby; where none works, or hall.yaml
 * says display_power: black, the screen is only drawn black. The method is
 * chosen when opened; the panel's power is one explicit state. */
#ifndef TWINHALL_SCREEN_POWER_H
#define TWINHALL_SCREEN_POWER_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "app/dpms.h"

enum screen_power_state {
	SCREEN_POWER_ON,     /* the panel is on (or no method: always) */
	SCREEN_POWER_OFF,    /* switched off by the method */
	SCREEN_POWER_BROKEN, /* the method failed once: black only from now on */
};

struct screen_power;

/* Tries the methods impls[0..n) in turn for window w and keeps the first
 * that can switch its screen; NULL only when out of memory. Owned by the
 * caller, freed with screen_power_free. */
struct screen_power *screen_power_new(const struct dpms_impl *const *impls, size_t n,
                                      SDL_Window *w);

/* The same with the real methods: X11, then DRM. */
struct screen_power *screen_power_open(SDL_Window *w);

/* The TV switched by HDMI-CEC through libcec (library: its file, NULL for
 * libcec.so.6), found and driven on a thread of its own: returns at once.
 * NULL only when out of memory. Freed with screen_power_free. */
struct screen_power *screen_power_open_cec(const char *library);

/* The panel on or off (off only when allowed: display_power is not
 * black); acts and logs one line only when the state changes, and one
 * warning when the method fails, after which the panel stays on. */
void screen_power_want(struct screen_power *p, bool on, bool allowed);

enum screen_power_state screen_power_state(const struct screen_power *p);

/* What switches the panel now, for the journal and the panel, as one line:
 * "DPMS through the X server on :0", "HDMI-CEC through the adapter
 * /dev/ttyACM0", or "none (not under X; ...): the screen is only drawn
 * black". Lives until the next call or screen_power_free. */
const char *screen_power_describe(struct screen_power *p);

/* Switches the panel on again if it is off, and frees p; may wait a few
 * seconds for HDMI-CEC to switch the TV on (at exit). Accepts NULL. */
void screen_power_free(struct screen_power *p);

/* The same, but never waits: for a change of method while the hall runs
 * (the HDMI-CEC thread finishes on its own). Accepts NULL. */
void screen_power_drop(struct screen_power *p);

#endif
