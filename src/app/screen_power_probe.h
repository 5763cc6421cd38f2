/* screen_power_probe: for --check, without a window, which way this PC
 * could switch its panel off outside the opening hours. */
#ifndef TWINHALL_SCREEN_POWER_PROBE_H
#define TWINHALL_SCREEN_POWER_PROBE_H

#include <stddef.h>

/* One line for staff in buf: the method that would work (DPMS through the
 * X server in $DISPLAY, or on the DRM connector), or why none would. */
void screen_power_probe(char *buf, size_t size);

#endif
