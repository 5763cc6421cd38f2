#include "base/i18n.h"
#include "app/screen_power.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"

struct screen_power {
	const struct dpms_impl *impl; /* NULL: no method works here */
	void *ctx;
	enum screen_power_state state;
	char describe[320];
};

struct screen_power *screen_power_new(const struct dpms_impl *const *impls, size_t n, SDL_Window *w)
{
	struct screen_power *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	char why[512] = "", one[160], what[128];
	for (size_t i = 0; i < n && !p->impl; i++) {
		what[0] = one[0] = '\0';
		p->ctx = impls[i]->open(w, what, sizeof what, one, sizeof one);
		if (p->ctx) {
			p->impl = impls[i];
			snprintf(p->describe, sizeof p->describe, "%s %s", _(impls[i]->name), what);
		} else {
			size_t len = strlen(why);
			snprintf(why + len, sizeof why - len, "%s%s", len ? "; " : "", one);
		}
	}
	if (!p->impl)
		snprintf(p->describe, sizeof p->describe,
		         _("none (%.200s): when the hall is closed the screen is only drawn black"),
		         why);
	return p;
}

struct screen_power *screen_power_open(SDL_Window *w)
{
	static const struct dpms_impl *const impls[] = {&dpms_x11, &dpms_drm};
	return screen_power_new(impls, sizeof impls / sizeof *impls, w);
}

struct screen_power *screen_power_open_cec(const char *library)
{
	struct screen_power *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->ctx = dpms_cec_start(library);
	if (p->ctx)
		p->impl = &dpms_cec;
	else
		snprintf(p->describe, sizeof p->describe,
		         _("none (HDMI-CEC cannot start: out of memory): when the hall is closed "
		           "the screen is only drawn black"));
	return p;
}

void screen_power_want(struct screen_power *p, bool on, bool allowed)
{
	enum screen_power_state next = on || !allowed ? SCREEN_POWER_ON : SCREEN_POWER_OFF;
	if (!p || !p->impl || p->state == SCREEN_POWER_BROKEN || p->state == next)
		return;
	char why[256] = "";
	int rc = p->impl->set(p->ctx, next == SCREEN_POWER_ON, why, sizeof why);
	if (rc > 0) { /* the method has said in the journal why it cannot */
		p->state = SCREEN_POWER_BROKEN;
		return;
	}
	if (rc != 0) {
		log_warning("screen power: %s failed (%s): the screen is only drawn black from "
		            "now on",
		            _(p->impl->name), why);
		if (next == SCREEN_POWER_OFF) /* best effort: lit and black, never dark and stuck */
			p->impl->set(p->ctx, true, why, sizeof why);
		p->state = SCREEN_POWER_BROKEN;
		return;
	}
	p->state = next;
	if (next == SCREEN_POWER_ON)
		log_info("screen power: the panel is on (%s)", screen_power_describe(p));
	else
		log_info("screen power: the panel is off (%s)", screen_power_describe(p));
}

enum screen_power_state screen_power_state(const struct screen_power *p)
{
	return p ? p->state : SCREEN_POWER_ON;
}

const char *screen_power_describe(struct screen_power *p)
{
	if (!p)
		return "none";
	if (p->impl && p->impl->describe)
		p->impl->describe(p->ctx, p->describe, sizeof p->describe);
	return p->describe;
}

/* Lights the panel if it is off and frees p, waiting for the method or
 * not. */
static void release(struct screen_power *p, bool wait)
{
	if (!p)
		return;
	if (p->impl && p->state == SCREEN_POWER_OFF) {
		char why[256];
		p->impl->set(p->ctx, true, why, sizeof why);
	}
	if (p->impl && !wait && p->impl->drop)
		p->impl->drop(p->ctx);
	else if (p->impl)
		p->impl->close(p->ctx);
	free(p);
}

void screen_power_free(struct screen_power *p)
{
	release(p, true);
}

void screen_power_drop(struct screen_power *p)
{
	release(p, false);
}
