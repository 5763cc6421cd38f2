/* app_panel: the staff panel in the program - the corner that opens it,
 * what it shows of how the hall is, and the same summary for systemd's
 * STATUS= and --trace. */
#include "app/app_private.h"

#include "base/i18n.h"
#include "live/snapshot.h"

#include <stdio.h>
#include <unistd.h>

#include "base/layout.h"
#include "base/log.h"
#include "input/gesture.h"

void app_panel_start(struct app *a)
{
	int w, h;
	float dpi = 0;
	enum corner corner = CORNER_BOTTOM_RIGHT;
	SDL_GetRendererOutputSize(a->ren, &w, &h);
	SDL_GetDisplayDPI(0, &dpi, NULL, NULL);
	corner_parse(a->o->staff_corner, &corner);
	struct layout l = layout_compute(w, h);
	struct gesture_config gc = gesture_config_default(dpi);
	corner_hold_init(&a->hold, corner, CORNER_HOLD_MS, (float)layout_px(&l, 150), gc.slop_px);
	panel_free(a->panel); /* made anew after a resize or a reset: its textures too */
	a->panel = panel_new(a->ren, a->text, dpi);
}

/* The corner was held long enough: the panel opens, and the visit sees
 * the finger lift (a long press does nothing there). */
void app_panel_open(struct app *a, uint64_t now)
{
	if (!a->panel || panel_is_open(a->panel))
		return;
	if (a->visit) {
		struct gesture_input up = {GESTURE_IN_UP, a->hold.finger, a->hold.x, a->hold.y,
		                           now};
		visit_input(a->visit, &up);
	}
	panel_open(a->panel, now);
	a->dirty = true;
}

static size_t resident_bytes(void)
{
	unsigned long size = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%lu %lu", &size, &resident) != 2)
			resident = 0;
		fclose(f);
	}
	return (size_t)resident * (size_t)sysconf(_SC_PAGESIZE);
}

/* The git sync's status file, read again at most every 5 s (a few
 * hundred bytes from the page cache, only while the panel is open or
 * systemd's status line is made). */
static const struct sync_status *sync_now(struct app *a, uint64_t now)
{
	char state[1024];
	if (a->sync_read && now - a->sync_read < 5000)
		return &a->sync;
	a->sync_read = now ? now : 1;
	if (snapshot_state_dir(a->o->state_dir, state, sizeof state) == 0)
		sync_status_read(state, &a->sync);
	return &a->sync;
}

/* How the hall is: for the staff panel and systemd's STATUS=. */
static struct panel_info gather(struct app *a, uint64_t now)
{
	struct panel_info in = {.live = live_status(a->live),
	                        .diag = live_diag(a->live),
	                        .content = live_content(a->live),
	                        .uptime_ms = now - a->started,
	                        .rss_bytes = resident_bytes(),
	                        .sync = sync_now(a, now),
	                        .copy = a->state_kind == STATE_DIR_NONE ? PANEL_COPY_NONE
	                                : a->state_kind == STATE_DIR_TEMPORARY
	                                    ? PANEL_COPY_TEMPORARY
	                                    : PANEL_COPY_KEPT};
	unsigned n = a->frames < FRAMES_KEPT ? a->frames : FRAMES_KEPT;
	for (unsigned i = 0; i < n; i++) {
		if (a->frame_at[i] + 1000 > now)
			in.fps++;
		if (a->frame_ms[i] > in.slowest_ms)
			in.slowest_ms = a->frame_ms[i];
	}
	if (a->visit)
		visit_images(a->visit, &in.textures, &in.texture_bytes);
	if (in.content && in.content->hall.hours.set) {
		time_t t = app_wall(a);
		long left = opening_seconds_left(&a->opening, t);
		in.hours = a->opening.closed ? PANEL_HOURS_DARK : PANEL_HOURS_OPEN;
		in.hours_change = left >= 0 ? t + left : (time_t)-1;
		in.screen_power = screen_power_describe(a->power);
	}
	return in;
}

void app_panel_draw(struct app *a, uint64_t now, int w, int h)
{
	struct panel_info in = gather(a, now);
	panel_draw(a->panel, &in, w, h, in.content ? in.content->hall.langs[0] : "ru");
}

/* The one-line summary systemd shows in systemctl status. */
void app_status_line(struct app *a, uint64_t now, char *buf, size_t len)
{
	struct panel_info in = gather(a, now);
	static const char *const shown[] = {
	    [LIVE_SHOWN_NONE] = N_("notice: the content has errors"),
	    [LIVE_SHOWN_CURRENT] = N_("content current"),
	    [LIVE_SHOWN_PART] = N_("content current but cities with errors"),
	    [LIVE_SHOWN_KEPT] = N_("content kept: the last change has errors"),
	    [LIVE_SHOWN_SNAPSHOT] =
	        N_("last good copy: the content folder has errors or is missing"),
	};
	const char *state = _(shown[in.live->shown]);
	snprintf(buf, len, _("%s%s; %d fps; %zu images (%zu MB); RSS %zu MB"),
	         a->opening.closed ? _("closed (opening hours); ") : "", state, in.fps, in.textures,
	         in.texture_bytes >> 20, in.rss_bytes >> 20);
}

/* The panel opened or closed: a journal line, and on --trace a line (with
 * where its buttons are, for tests to press them). */
void app_panel_trace(struct app *a, uint64_t now)
{
	bool open = a->panel && panel_is_open(a->panel);
	if (open == a->panel_shown)
		return;
	a->panel_shown = open;
	if (open)
		log_info("staff panel opened");
	else
		log_info("staff panel closed");
	if (!a->o->trace)
		return;
	if (!open) {
		printf("{\"t\":%llu,\"panel\":\"closed\"}\n",
		       (unsigned long long)(now - a->started));
	} else {
		struct rect r, c;
		panel_buttons(a->panel, &r, &c);
		printf("{\"t\":%llu,\"panel\":\"open\",\"reload\":[%d,%d,%d,%d],"
		       "\"close\":[%d,%d,%d,%d]}\n",
		       (unsigned long long)(now - a->started), r.x, r.y, r.w, r.h, c.x, c.y, c.w,
		       c.h);
	}
	fflush(stdout);
}
