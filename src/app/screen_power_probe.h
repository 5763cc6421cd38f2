/* screen_power_probe: for --check, without a window, which way this PC
 * could switch its panel off outside the opening hours. */
#ifndef TWINHALL_SCREEN_POWER_PROBE_H
#define TWINHALL_SCREEN_POWER_PROBE_H

#include <stddef.h>

/* One line for staff in buf: the method that would work (DPMS through the
 * X server in $DISPLAY, or on the DRM connector), or why none would. */
void screen_power_probe(char *buf, size_t size);

/* The same for HDMI-CEC (display_power: cec): whether library (NULL:
 * libcec.so.6) loads and finds an adapter, which it leaves closed, so a
 * running hall keeps it. May take a second: not on a render thread. */
void screen_power_probe_cec(const char *library, char *buf, size_t size);

#endif
