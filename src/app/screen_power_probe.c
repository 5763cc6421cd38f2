#include "base/i18n.h"
#include "app/screen_power_probe.h"

#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/cec_link.h"
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

void screen_power_probe_cec(const char *library, char *buf, size_t size)
{
	char what[256] = "", why[512] = "";
	struct cec_link *l = cec_link_open(library, false, what, sizeof what, why, sizeof why);
	if (l)
		snprintf(buf, size, _("HDMI-CEC through the adapter %s"), what);
	else
		snprintf(buf, size,
		         _("none found here (HDMI-CEC: %s): outside the opening hours the screen "
		           "would only be drawn black"),
		         why);
	cec_link_close(l);
}
