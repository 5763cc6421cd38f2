#include "base/i18n.h"
#include "app/dpms.h"

#include <SDL_syswm.h>
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
#include <stdio.h>
#include <stdlib.h>

struct x11_ctx {
	Display *dpy; /* SDL's connection: SDL owns it */
};

static void *x11_open(SDL_Window *w, char *what, size_t what_size, char *why, size_t why_size)
{
	SDL_SysWMinfo info;
	SDL_VERSION(&info.version);
	if (!SDL_GetWindowWMInfo(w, &info) || info.subsystem != SDL_SYSWM_X11) {
		snprintf(why, why_size, _("not under X"));
		return NULL;
	}
	int ev, err;
	Display *dpy = info.info.x11.display;
	if (!DPMSQueryExtension(dpy, &ev, &err)) {
		snprintf(why, why_size, _("the X server %s has no DPMS extension"),
		         DisplayString(dpy));
		return NULL;
	}
	if (!DPMSCapable(dpy)) {
		snprintf(why, why_size, _("the X server %s says its screen cannot do DPMS"),
		         DisplayString(dpy));
		return NULL;
	}
	struct x11_ctx *c = malloc(sizeof *c);
	if (!c) {
		snprintf(why, why_size, _("out of memory"));
		return NULL;
	}
	c->dpy = dpy;
	snprintf(what, what_size, "%s", DisplayString(dpy));
	return c;
}

static int x11_set(void *ctx, bool on, char *why, size_t why_size)
{
	struct x11_ctx *c = ctx;
	/* Forcing a level needs DPMS enabled; while open, the X server's own
	 * idle timeouts are turned off so it does not blank the open hall. */
	if (!on && !DPMSEnable(c->dpy)) {
		snprintf(why, why_size, _("the X server refused to enable DPMS"));
		return -1;
	}
	if (!DPMSForceLevel(c->dpy, on ? DPMSModeOn : DPMSModeOff)) {
		snprintf(why, why_size, _("the X server refused the DPMS level"));
		return -1;
	}
	if (on)
		DPMSDisable(c->dpy);
	XFlush(c->dpy);
	/* SDL resets the X screen saver every 30 s while it is disabled, which
	 * would light the panel again: let it be while the panel is off. */
	if (on)
		SDL_DisableScreenSaver();
	else
		SDL_EnableScreenSaver();
	return 0;
}

static void x11_close(void *ctx)
{
	free(ctx);
}

const struct dpms_impl dpms_x11 = {
    .name = N_("DPMS through the X server"),
    .open = x11_open,
    .set = x11_set,
    .close = x11_close,
};
