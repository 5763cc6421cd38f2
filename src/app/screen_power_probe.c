#include "base/i18n.h"
#include "app/screen_power_probe.h"

#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/drm_probe.h"

/* 1 when the X server in $DISPLAY can do DPMS; else 0, the reason in why. */
static int x11_can(char *why, size_t size)
{
	const char *name = getenv("DISPLAY");
	if (!name || !name[0]) {
		snprintf(why, size, _("no X display"));
		return 0;
	}
	Display *dpy = XOpenDisplay(NULL);
	if (!dpy) {
		snprintf(why, size, _("the X server %s cannot be reached"), name);
		return 0;
	}
	int ev, err, ok = DPMSQueryExtension(dpy, &ev, &err) && DPMSCapable(dpy);
	if (!ok)
		snprintf(why, size, _("the X server %s has no DPMS"), name);
	XCloseDisplay(dpy);
	return ok;
}

void screen_power_probe(char *buf, size_t size)
{
	char x11[160], drm[512];
	if (x11_can(x11, sizeof x11)) {
		snprintf(buf, size, _("DPMS through the X server %s"), getenv("DISPLAY"));
		return;
	}
	if (drm_probe(NULL, drm, sizeof drm) == DRM_PROBE_OK) {
		snprintf(buf, size,
		         _("DPMS on the DRM connector (%s), when the hall runs on the console"),
		         drm);
		return;
	}
	snprintf(buf, size,
	         _("none found here (%s; %s): outside the opening hours the screen would only be "
	           "drawn black"),
	         x11, drm);
}
