/* drm_probe: whether this PC's screen can be owned through DRM/KMS, and if
 * not, the plain reason: no DRM device, no permission, no connected
 * monitor, or another program holds the display. Used when SDL's kmsdrm
 * driver fails (its own message is the same for all four) and by --check. */
#ifndef TWINHALL_DRM_PROBE_H
#define TWINHALL_DRM_PROBE_H

#include <stddef.h>

enum drm_probe_result {
	DRM_PROBE_OK,            /* a card with a connected monitor, ours to drive */
	DRM_PROBE_NO_DEVICE,     /* no /dev/dri/card* at all */
	DRM_PROBE_NO_PERMISSION, /* cards there, none may be opened */
	DRM_PROBE_NO_MONITOR,    /* no card has a connected monitor */
	DRM_PROBE_BUSY,          /* another program is the display's master */
};

/* Looks at /dev/dri/card0..7 (dir, for tests: another folder); the
 * result, and one line for staff in msg naming the card and connector or
 * what to do. */
enum drm_probe_result drm_probe(const char *dir, char *msg, size_t size);

#endif
