/* dpms: the ways to switch the panel's power (internal to screen_power):
 * each a table of operations on a context it makes for the hall's window. */
#ifndef TWINHALL_DPMS_H
#define TWINHALL_DPMS_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

struct dpms_impl {
	/* The method in the journal's words ("DPMS through the X server"). */
	const char *name;
	/* A context for window w's screen, or NULL with the reason in why when
	 * this method cannot switch it; what names the screen (":0", "HDMI-A-1"). */
	void *(*open)(SDL_Window *w, char *what, size_t what_size, char *why, size_t why_size);
	/* Panel on or off; 0, or -1 with the reason in why. */
	int (*set)(void *ctx, bool on, char *why, size_t why_size);
	/* Frees ctx (accepts NULL); the panel is left as it is. */
	void (*close)(void *ctx);
};

extern const struct dpms_impl dpms_x11;
extern const struct dpms_impl dpms_drm;

#endif
