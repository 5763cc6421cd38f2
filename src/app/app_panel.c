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
#include "render/draw.h"
#include "render/theme.h"

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
	keypad_free(a->keypad);
	a->keypad = keypad_new(a->ren, a->text, dpi);
}

/* The corner was held long enough: the panel opens, and the visit sees
 * the finger lift (a long press does nothing there). */
/* The staff PIN of the content shown; "" when none is set (or no content
 * is shown: a hall showing the notice has no hall.yaml of its own). */
static const char *staff_pin(const struct app *a)
{
	const struct content *c = app_content(a);
	return c ? c->hall.staff_pin : "";
}

void app_panel_open(struct app *a, uint64_t now)
{
	if (!a->panel || !a->keypad || panel_is_open(a->panel) || pin_pad_shown(&a->pad))
		return;
	if (a->visit) {
		struct gesture_input up = {GESTURE_IN_UP, a->hold.finger, a->hold.x, a->hold.y,
		                           now};
		visit_input(a->visit, &up);
	}
	if (pin_pad_open(&a->pad, staff_pin(a), now) == PIN_PAD_ACCEPTED) {
		pin_pad_close(&a->pad);
		panel_open(a->panel, now, false); /* no PIN set: no folders shown */
	} else {
		keypad_reset(a->keypad); /* the finger that held the corner is not a key */
	}
	a->dirty = true;
}

void app_panel_keypad_input(struct app *a, const struct gesture_input *in)
{
	static const enum pin_pad_key of[KEYPAD_KEYS - 10] = {PIN_KEY_ERASE, PIN_KEY_OK,
	                                                      PIN_KEY_CANCEL};
	int key;
	if (!keypad_input(a->keypad, in, &key))
		return;
	enum pin_pad_key k = key < 10 ? PIN_KEY_DIGIT : of[key - 10];
	if (pin_pad_key(&a->pad, k, key, staff_pin(a), in->t_ms) == PIN_PAD_ACCEPTED) {
		pin_pad_close(&a->pad);
		panel_open(a->panel, in->t_ms, true);
	}
	a->dirty = true;
}

enum {
	RING_FROM_MS = 300, /* a touch shorter than this shows no ring */
	RING_FRAME_MS = 33, /* the ring grows at 30 frames a second */
	LOCK_TICK_MS = 1000 /* the lock's countdown, each second */
};

/* When the ring or the lock's countdown next want a frame; UINT64_MAX
 * when neither is on screen. */
static uint64_t next_frame(const struct app *a)
{
	bool panel = a->panel && panel_is_open(a->panel);
	if (a->hold.armed && !panel && !pin_pad_shown(&a->pad)) {
		uint64_t from = a->hold.since + RING_FROM_MS, next = a->last_frame + RING_FRAME_MS;
		return next > from ? next : from;
	}
	if (a->pad.state == PIN_PAD_LOCKED)
		return a->last_frame + LOCK_TICK_MS;
	return UINT64_MAX;
}

bool app_panel_update(struct app *a, uint64_t now)
{
	enum pin_pad_state was = a->pad.state;
	pin_pad_tick(&a->pad, now);
	return a->pad.state != was || now >= next_frame(a);
}

uint64_t app_panel_deadline(struct app *a)
{
	uint64_t t = corner_hold_deadline(&a->hold), f = next_frame(a);
	uint64_t p = a->panel ? panel_deadline(a->panel) : UINT64_MAX;
	uint64_t k = pin_pad_deadline(&a->pad);
	t = f < t ? f : t;
	t = p < t ? p : t;
	return k < t ? k : t;
}

/* The ring that grows round the finger holding the corner, so staff see
 * the hold counts and how long is left. */
static void draw_ring_of_hold(struct app *a, uint64_t now, int w, int h)
{
	double f = corner_hold_progress(&a->hold, now);
	if (f < 0 || now < a->hold.since + RING_FROM_MS)
		return;
	struct layout l = layout_compute(w, h);
	int r = layout_px(&l, 90), t = layout_px(&l, 12);
	/* round the finger, kept whole on screen when the finger is at its edge */
	int m = r + t, x = (int)a->hold.x, y = (int)a->hold.y;
	x = x < m ? m : x > w - m ? w - m : x;
	y = y < m ? m : y > h - m ? h - m : y;
	draw_ring(a->ren, x, y, r, t, 1.0, theme.scrim);
	draw_ring(a->ren, x, y, r, t, f, theme.accent);
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
	struct panel_info in = {.live = app_live_status(a),
	                        .diag = app_diag(a),
	                        .content = app_content(a),
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
	const struct content *c = app_content(a);
	const char *lang = c ? c->hall.langs[0] : "ru";
	if (a->panel && panel_is_open(a->panel)) {
		struct panel_info in = gather(a, now);
		panel_draw(a->panel, &in, w, h, lang);
	} else if (a->keypad && pin_pad_shown(&a->pad)) {
		keypad_draw(a->keypad, &a->pad, w, h, now);
	} else {
		draw_ring_of_hold(a, now, w, h);
	}
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
/* The keypad's state changed: a journal line for what staff or the log
 * reader must know, and on --trace a line (with where its keys are). */
static void trace_keypad(struct app *a, uint64_t now)
{
	enum pin_pad_state s = a->pad.state;
	if (s == a->pad_told)
		return;
	static const char *const names[] = {"closed", "entering", "wrong", "locked", "accepted"};
	if (s == PIN_PAD_WRONG)
		log_warning("a wrong staff PIN was typed");
	else if (s == PIN_PAD_LOCKED && a->pad_told != PIN_PAD_CLOSED)
		log_warning("the staff keypad is locked for %d s after %d wrong PINs",
		            PIN_PAD_LOCK_MS / 1000, PIN_PAD_TRIES);
	a->pad_told = s;
	if (!a->o->trace)
		return;
	printf("{\"t\":%llu,\"keypad\":\"%s\"", (unsigned long long)(now - a->started), names[s]);
	if (s == PIN_PAD_ENTERING) {
		printf(",\"keys\":[");
		for (int k = 0; k < KEYPAD_KEYS; k++) {
			struct rect r = keypad_key_rect(a->keypad, k);
			printf("%s[%d,%d,%d,%d]", k ? "," : "", r.x, r.y, r.w, r.h);
		}
		printf("]");
	}
	printf("}\n");
	fflush(stdout);
}

void app_panel_trace(struct app *a, uint64_t now)
{
	bool open = a->panel && panel_is_open(a->panel);
	trace_keypad(a, now);
	if (open == a->panel_shown)
		return;
	a->panel_shown = open;
	if (!open)
		log_info("staff panel closed");
	else if (panel_is_full(a->panel))
		log_info("staff panel opened");
	else
		log_info("staff panel opened (no staff PIN is set: no folders are shown)");
	if (!a->o->trace)
		return;
	if (!open) {
		printf("{\"t\":%llu,\"panel\":\"closed\"}\n",
		       (unsigned long long)(now - a->started));
	} else {
		struct rect r, c;
		panel_buttons(a->panel, &r, &c);
		printf("{\"t\":%llu,\"panel\":\"open\",\"full\":%s,\"reload\":[%d,%d,%d,%d],"
		       "\"close\":[%d,%d,%d,%d]}\n",
		       (unsigned long long)(now - a->started),
		       panel_is_full(a->panel) ? "true" : "false", r.x, r.y, r.w, r.h, c.x, c.y,
		       c.w, c.h);
	}
	fflush(stdout);
}
