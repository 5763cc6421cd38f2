/* dpms: the ways to switch the panel's power (internal to screen_power):
 * each a table of operations on a context it makes for the hall's window
 * (DPMS through X11 or DRM), or, for a TV, HDMI-CEC (dpms_cec: its own
 * thread, started by dpms_cec_start). */
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
	/* Panel on or off; 0, or -1 with the reason in why; 1 when this
	 * method found it cannot act and has said why in the journal itself. */
	int (*set)(void *ctx, bool on, char *why, size_t why_size);
	/* Frees ctx (accepts NULL); the panel is left as it is. */
	void (*close)(void *ctx);
	/* Optional: the same without waiting for anything (a method whose calls
	 * may block); NULL: close does not block. */
	void (*drop)(void *ctx);
	/* Optional: what switches the panel now, in buf, for a method that
	 * learns it after open (NULL: the name and open's what, once). */
	void (*describe)(void *ctx, char *buf, size_t size);
};

extern const struct dpms_impl dpms_x11;
extern const struct dpms_impl dpms_drm;
/* Its open is NULL: the context comes from dpms_cec_start. */
extern const struct dpms_impl dpms_cec;

/* HDMI-CEC through libcec (library: its file, NULL for libcec.so.6) on a
 * thread of its own that loads the library and opens the adapter, then
 * does what set asks; never blocks the caller, and says in the journal,
 * once, which adapter it uses or why none. NULL when out of memory or
 * threads. Freed with dpms_cec.close (waits up to 5 s for the thread to
 * switch the TV on again) or dpms_cec.drop (never waits). */
void *dpms_cec_start(const char *library);

#endif
