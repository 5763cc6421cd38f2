#include "ui/panel.h"

#include "base/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/zone.h"
#include "render/draw.h"
#include "input/hit.h"
#include "render/theme.h"
#include "ui/ui.h"

enum {
	TEXT_BUDGET = 4 << 20,
	HIT_RELOAD = 1,
	HIT_CLOSE = 2,
};

/* The panel's own words: English, Russian. */
enum panel_str {
	P_TITLE,
	P_HINT,
	P_CONTENT,
	P_CURRENT,
	P_SNAPSHOT,
	P_NOTHING,
	P_LOADED,
	P_COUNTS,
	P_CHECK,
	P_NO_CHECK,
	P_CHECK_OK,
	P_CHECK_WARN,
	P_CHECK_BAD,
	P_WATCH,
	P_POLL,
	P_COPY_TEMPORARY,
	P_COPY_NONE,
	P_LOADED_WHEN,
	P_WHERE_ONLY,
	P_GONE,
	P_STOPPED,
	P_PART,
	P_KEPT,
	P_SYNC,
	P_SYNC_OK,
	P_SYNC_REJECTED,
	P_SYNC_FAILED,
	P_SYNC_NEVER,
	P_SYSTEM,
	P_UPTIME,
	P_FRAMES,
	P_STILL,
	P_MEMORY,
	P_DARK,
	P_OPEN_UNTIL,
	P_DARK_ALWAYS,
	P_POWER,
	P_MORE,
	P_RELOAD,
	P_CLOSE,
	P_COUNT
};

/* The panel's words, in English; translated where they are used (po/ru.po). */
static const char *const words[P_COUNT] = {
    [P_TITLE] = N_("Staff panel"),
    [P_HINT] = N_("Closes by itself after a minute without a touch"),
    [P_CONTENT] = N_("Content"),
    [P_CURRENT] = N_("Showing the current content"),
    [P_SNAPSHOT] = N_("The content folder has errors in hall.yaml or is missing: showing the last "
                      "good copy, saved %s"),
    [P_NOTHING] =
        N_("The content folder cannot be shown and there is no good copy: visitors see a notice"),
    [P_PART] = N_("Showing the current content, but for cities with errors: %zu as they last were "
                  "good, %zu left out"),
    [P_KEPT] = N_("The last change cannot be shown: visitors see the content as it was"),
    [P_LOADED] = N_("Read %s from %s"),
    [P_COUNTS] = N_("Cities: %zu · Photos: %zu · History entries: %zu · Gifts: %zu"),
    [P_CHECK] = N_("Last check"),
    [P_NO_CHECK] = N_("No change since the start"),
    [P_CHECK_OK] = N_("%s: no errors"),
    [P_CHECK_WARN] = N_("%s: no errors; warnings: %zu, listed below"),
    [P_CHECK_BAD] = N_("%s: %zu errors"),
    [P_WATCH] = N_("Changes are picked up within a second of saving"),
    [P_POLL] = N_("Network folder: changes are looked for every few seconds"),
    [P_COPY_TEMPORARY] = N_("The last good copy is kept in a temporary folder and is lost at "
                            "reboot: set STATE_DIRECTORY for the hall's service"),
    [P_COPY_NONE] = N_("No last good copy is kept (neither STATE_DIRECTORY nor HOME is set): "
                       "broken content at start will show a notice"),
    [P_LOADED_WHEN] = N_("Read %s"),
    [P_WHERE_ONLY] = N_("Folders and the problems' texts are shown only with a staff PIN "
                        "(staff_pin in hall.yaml); twinhall --check lists them"),
    [P_GONE] = N_("The content folder is not there: it is read as soon as it is back"),
    [P_STOPPED] = N_("Changes are no longer picked up: restart the hall"),
    [P_SYNC] = N_("Content sync (git)"),
    [P_SYNC_OK] = N_("Git sync (branch %s): up to date, %s"),
    [P_SYNC_REJECTED] = N_("Git sync %s: the newest commit has errors, the folder keeps the "
                           "last good one (synced %s)"),
    [P_SYNC_FAILED] = N_("Git sync %s failed; the last good one: %s"),
    [P_SYNC_NEVER] = N_("never"),
    [P_SYSTEM] = N_("System"),
    [P_UPTIME] = N_("Running for %s"),
    [P_FRAMES] = N_("Frames: %d per second now, slowest of late %.1f ms"),
    [P_STILL] = N_("The screen is still, so nothing is drawn now; slowest frame of late "
                   "%.1f ms"),
    [P_MEMORY] = N_("Memory: %zu MB · Images in memory: %zu (%zu MB)"),
    [P_MORE] = N_("… and %zu more (twinhall --check lists them all)"),
    [P_DARK] = N_("Dark outside the opening hours until %s: visitors' touches do nothing"),
    [P_OPEN_UNTIL] = N_("Opening hours: the screen goes dark at %s"),
    [P_DARK_ALWAYS] = N_("Dark: the opening hours never open the hall (see hall.yaml)"),
    [P_POWER] = N_("Screen power: %s"),
    [P_RELOAD] = N_("Read the content again"),
    [P_CLOSE] = N_("Close"),
};

struct panel {
	struct ui ui;
	struct rect reload, close; /* the buttons as last drawn */
	struct gesture_recognizer *gestures;
	bool open, full;
	uint64_t last_input, next_tick;
};

static const char *w(enum panel_str s)
{
	const char *text = words[s] ? _(words[s]) : NULL;
	return text ? text : "";
}

struct panel *panel_new(SDL_Renderer *ren, struct text *text, float dpi)
{
	struct panel *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	struct gesture_config gc = gesture_config_default(dpi);
	p->ui = (struct ui){.ren = ren, .text = text};
	p->ui.texts = text_cache_new(ren, text, TEXT_BUDGET);
	p->gestures = gesture_new(&gc);
	if (!p->ui.texts || !p->gestures) {
		panel_free(p);
		return NULL;
	}
	return p;
}

void panel_free(struct panel *p)
{
	if (!p)
		return;
	gesture_free(p->gestures);
	text_cache_free(p->ui.texts);
	free(p);
}

void panel_open(struct panel *p, uint64_t now, bool full)
{
	p->open = true;
	p->full = full;
	p->last_input = now;
	p->next_tick = now;
}

bool panel_is_open(const struct panel *p)
{
	return p->open;
}

bool panel_is_full(const struct panel *p)
{
	return p->open && p->full;
}

void panel_buttons(const struct panel *p, struct rect *reload, struct rect *close)
{
	*reload = p->reload;
	*close = p->close;
}

enum panel_action panel_input(struct panel *p, const struct gesture_input *in)
{
	struct gesture out[GESTURE_MAX_OUT];
	size_t n = gesture_feed(p->gestures, in, out, GESTURE_MAX_OUT);
	p->last_input = in->t_ms;
	for (size_t i = 0; i < n; i++) {
		if (out[i].kind != GESTURE_TAP)
			continue;
		const struct hit_target *t =
		    hit_find(&p->ui.hits, out[i].x, out[i].y, ui_min_target(&p->ui));
		if (t && t->id == HIT_RELOAD)
			return PANEL_RELOAD;
		if (t && t->id == HIT_CLOSE) {
			p->open = false;
			return PANEL_CLOSE;
		}
	}
	return PANEL_NONE;
}

bool panel_update(struct panel *p, uint64_t now)
{
	if (!p->open)
		return false;
	if (now >= p->last_input + PANEL_IDLE_MS) {
		p->open = false;
		return true;
	}
	if (now < p->next_tick)
		return false;
	p->next_tick = now + 1000; /* uptime and frames move on */
	return true;
}

uint64_t panel_deadline(const struct panel *p)
{
	if (!p->open)
		return UINT64_MAX;
	uint64_t idle = p->last_input + PANEL_IDLE_MS;
	return idle < p->next_tick ? idle : p->next_tick;
}

static void when(time_t t, char *buf, size_t size)
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, size, "%d.%m.%Y %H:%M:%S", &tm);
}

static void duration(uint64_t ms, char *buf, size_t size)
{
	uint64_t s = ms / 1000, d = s / 86400;
	if (d)
		/* TRANSLATORS: days, then hours:minutes:seconds */
		snprintf(buf, size, _("%llu d %02llu:%02llu:%02llu"), (unsigned long long)d,
		         (unsigned long long)(s / 3600 % 24), (unsigned long long)(s / 60 % 60),
		         (unsigned long long)(s % 60));
	else
		snprintf(buf, size, "%02llu:%02llu:%02llu", (unsigned long long)(s / 3600),
		         (unsigned long long)(s / 60 % 60), (unsigned long long)(s % 60));
}

/* A column being filled from the top. */
struct column {
	int x, y, w, bottom;
};

/* Draws s at the column's next line when it fits above its bottom. */
static void line(struct panel *p, struct column *col, const struct text_style *st, const char *s,
                 int max_lines)
{
	int tw, th;
	ui_label_size(&p->ui, st, s, col->w, max_lines, &tw, &th);
	if (col->y + th > col->bottom) {
		col->y = col->bottom; /* full: nothing below it either */
		return;
	}
	col->y += ui_label(&p->ui, st, s, col->x, col->y, col->w, max_lines);
}

static void heading(struct panel *p, struct column *col, const char *s)
{
	struct text_style st = {FACE_SANS_BOLD, p->ui.l.size_sub, ui_color(theme.accent), 0};
	col->y += p->ui.l.gap;
	line(p, col, &st, s, 1);
	col->y += p->ui.l.gap / 3;
}

/* The git sync's last run, when the PC syncs (tools/twinhall-sync): one
 * line, and what went wrong below it. */
static void sync_part(struct panel *p, struct column *col, const struct sync_status *sy)
{
	if (!sy || sy->result == SYNC_NONE)
		return;
	heading(p, col, w(P_SYNC));
	struct text_style st = {FACE_SANS, p->ui.l.size_small, ui_color(theme.text_soft), 0};
	char buf[1024], t[64], ok[64];
	when(sy->time, t, sizeof t);
	if (sy->result == SYNC_OK) {
		snprintf(buf, sizeof buf, w(P_SYNC_OK), sy->branch, t);
		line(p, col, &st, buf, 2);
		return;
	}
	st.color = ui_color(theme.warn);
	if (sy->ok_time)
		when(sy->ok_time, ok, sizeof ok);
	else
		snprintf(ok, sizeof ok, "%s", w(P_SYNC_NEVER));
	snprintf(buf, sizeof buf, w(sy->result == SYNC_REJECTED ? P_SYNC_REJECTED : P_SYNC_FAILED),
	         t, ok);
	line(p, col, &st, buf, 3);
	st.color = ui_color(theme.text_soft);
	line(p, col, &st, sy->detail, 3);
}

static void content_part(struct panel *p, struct column *col, const struct panel_info *in)
{
	struct text_style body = {FACE_SANS, p->ui.l.size_body, ui_color(theme.text), 0};
	struct text_style soft = {FACE_SANS, p->ui.l.size_small, ui_color(theme.text_soft), 0};
	struct text_style small = {FACE_SANS, p->ui.l.size_small, ui_color(theme.text), 0};
	char buf[8192], t[64];
	const struct live_status *st = in->live;
	heading(p, col, w(P_CONTENT));
	static const enum panel_str watch[] = {[WATCH_INOTIFY] = P_WATCH,
	                                       [WATCH_POLLING] = P_POLL,
	                                       [WATCH_GONE] = P_GONE,
	                                       [WATCH_STOPPED] = P_STOPPED};
	if (in->copy != PANEL_COPY_KEPT) {
		body.color = ui_color(theme.warn);
		line(p, col, &body, w(in->copy == PANEL_COPY_NONE ? P_COPY_NONE : P_COPY_TEMPORARY),
		     3);
		body.color = ui_color(theme.text);
	}
	if (!in->content) {
		line(p, col, &body, w(P_NOTHING), 3);
		line(p, col, &soft, w(watch[st->watch]), 2);
		return;
	}
	if (st->shown != LIVE_SHOWN_CURRENT)
		body.color = ui_color(theme.warn);
	if (st->shown == LIVE_SHOWN_SNAPSHOT) {
		when(st->snapshot_saved, t, sizeof t);
		snprintf(buf, sizeof buf, w(P_SNAPSHOT), t);
	} else if (st->shown == LIVE_SHOWN_PART) {
		snprintf(buf, sizeof buf, w(P_PART), st->kept, st->left_out);
	} else {
		snprintf(buf, sizeof buf, "%s",
		         w(st->shown == LIVE_SHOWN_KEPT ? P_KEPT : P_CURRENT));
	}
	line(p, col, &body, buf, 3);
	size_t cities, photos, history, gifts;
	content_counts(in->content, &cities, &photos, &history, &gifts);
	snprintf(buf, sizeof buf, w(P_COUNTS), cities, photos, history, gifts);
	line(p, col, &small, buf, 2);
	when(st->loaded, t, sizeof t);
	if (p->full)
		snprintf(buf, sizeof buf, w(P_LOADED), t, st->shown_dir);
	else
		snprintf(buf, sizeof buf, w(P_LOADED_WHEN), t);
	line(p, col, &soft, buf, 3);
	if (st->watch != WATCH_INOTIFY)
		soft.color = ui_color(theme.warn);
	line(p, col, &soft, w(watch[st->watch]), 2);
}

static void system_part(struct panel *p, struct column *col, const struct panel_info *in)
{
	struct text_style body = {FACE_SANS, p->ui.l.size_small, ui_color(theme.text), 0};
	char buf[512], d[64];
	heading(p, col, w(P_SYSTEM));
	duration(in->uptime_ms, d, sizeof d);
	snprintf(buf, sizeof buf, w(P_UPTIME), d);
	line(p, col, &body, buf, 1);
	/* A still screen draws nothing: "0 frames a second" read as broken. */
	if (in->fps > 0)
		snprintf(buf, sizeof buf, w(P_FRAMES), in->fps, in->slowest_ms);
	else
		snprintf(buf, sizeof buf, w(P_STILL), in->slowest_ms);
	line(p, col, &body, buf, 2);
	snprintf(buf, sizeof buf, w(P_MEMORY), in->rss_bytes >> 20, in->textures,
	         in->texture_bytes >> 20);
	line(p, col, &body, buf, 2);
	if (in->hours == PANEL_HOURS_NONE)
		return;
	if (in->screen_power) { /* how the panel goes off, in the journal's words */
		snprintf(buf, sizeof buf, w(P_POWER), in->screen_power);
		line(p, col, &body, buf, 2);
	}
	if (in->hours_change == (time_t)-1) {
		if (in->hours == PANEL_HOURS_DARK)
			line(p, col, &body, w(P_DARK_ALWAYS), 2);
		return;
	}
	struct tm tm; /* in the hall's time zone, as the hours are */
	zone_local(in->content ? in->content->hall.hours.zone : NULL, in->hours_change, &tm);
	strftime(d, sizeof d, "%H:%M, %d.%m.%Y", &tm);
	snprintf(buf, sizeof buf, w(in->hours == PANEL_HOURS_DARK ? P_DARK : P_OPEN_UNTIL), d);
	line(p, col, &body, buf, 2);
}

/* A problem as --check gives it (full), or only where it is and how bad:
 * its text may quote the content or name a folder. */
static void where_or_whole(const struct panel *p, const struct diag_item *it, char *buf,
                           size_t size)
{
	if (p->full) {
		diag_format(it, NULL, buf, size);
		return;
	}
	const char *level = it->level == DIAG_ERROR     ? _("error")
	                    : it->level == DIAG_WARNING ? _("warning")
	                                                : _("note");
	if (it->file && it->line)
		snprintf(buf, size, "%s:%d: %s", it->file, it->line, level);
	else
		snprintf(buf, size, "%s: %s", it->file ? it->file : "twinhall", level);
}

/* The last check and every problem it found, as many as fit. */
static void check_part(struct panel *p, struct column *col, const struct panel_info *in)
{
	struct text_style body = {FACE_SANS, p->ui.l.size_body, ui_color(theme.text), 0};
	struct text_style err = {FACE_SANS, p->ui.l.size_small, ui_color(theme.text_soft), 0};
	const struct live_status *st = in->live;
	char buf[2048], t[64];
	heading(p, col, w(P_CHECK));
	size_t errors = in->diag ? diag_count(in->diag, DIAG_ERROR) : 0;
	size_t warnings = in->diag ? diag_count(in->diag, DIAG_WARNING) : 0;
	if (st->last_load == 0 && !st->last_rejected) {
		line(p, col, &body, w(P_NO_CHECK), 1);
	} else {
		when(st->last_load ? st->last_load : st->loaded, t, sizeof t);
		if (errors)
			snprintf(buf, sizeof buf, w(P_CHECK_BAD), t, errors);
		else if (warnings)
			snprintf(buf, sizeof buf, w(P_CHECK_WARN), t, warnings);
		else
			snprintf(buf, sizeof buf, w(P_CHECK_OK), t);
		if (errors)
			body.color = ui_color(theme.warn);
		line(p, col, &body, buf, 3);
	}
	size_t n = in->diag ? diag_size(in->diag) : 0;
	int more_h = p->ui.l.size_small * 2;
	if (n && !p->full)
		line(p, col, &err, w(P_WHERE_ONLY), 3);
	for (size_t i = 0; i < n; i++) {
		int tw, h;
		where_or_whole(p, diag_get(in->diag, i), buf, sizeof buf);
		ui_label_size(&p->ui, &err, buf, col->w, 4, &tw, &h);
		if (col->y + p->ui.l.gap / 2 + h > col->bottom - more_h && i + 1 < n) {
			snprintf(buf, sizeof buf, w(P_MORE), n - i);
			line(p, col, &err, buf, 2);
			return;
		}
		col->y += p->ui.l.gap / 2;
		line(p, col, &err, buf, 4);
	}
}

void panel_draw(struct panel *p, const struct panel_info *in, int sw, int sh, const char *lang)
{
	struct ui *ui = &p->ui;
	if (ui->l.w != sw || ui->l.h != sh) {
		ui->l = layout_compute(sw, sh);
		text_cache_clear(ui->texts);
	}
	(void)lang; /* the staff's language is the process's (base/i18n.h) */
	hit_clear(&ui->hits);
	const struct layout *l = &ui->l;
	draw_fill(ui->ren, (struct rect){0, 0, sw, sh}, theme.scrim, 235);
	int m = l->margin / 2, pad = layout_px(l, 40);
	struct rect card = {m, m, sw - 2 * m, sh - 2 * m};
	draw_fill(ui->ren, card, theme.backdrop_top, 255);

	int x = card.x + pad, top = card.y + pad, inner = card.w - 2 * pad;
	struct text_style title = {FACE_SERIF_BOLD, l->size_name, ui_color(theme.text), 0};
	struct text_style hint = {FACE_SANS, l->size_small, ui_color(theme.text_soft), 0};
	top += ui_label(ui, &title, w(P_TITLE), x, top, inner, 1);
	top += ui_label(ui, &hint, w(P_HINT), x, top, inner, 2);

	int bh = ui_min_target(ui), by = card.y + card.h - pad - bh;
	int bottom = by - l->gap;
	struct column left = {x, top, inner, bottom}, right = left;
	if (!l->portrait) { /* two columns: the state on the left, the problems on the right */
		int gap = layout_px(l, 56);
		left.w = (inner - gap) / 2;
		right.x = x + left.w + gap;
		right.w = inner - left.w - gap;
	}
	content_part(p, &left, in);
	system_part(p, &left, in);
	if (l->portrait)
		right.y = left.y;
	sync_part(p, &right, in->sync); /* above the problems, which may be many */
	check_part(p, &right, in);

	const char *reload = w(P_RELOAD), *close = w(P_CLOSE);
	int rw = ui_button_width(ui, reload), cw = ui_button_width(ui, close);
	p->reload = (struct rect){x, by, rw, bh};
	p->close = (struct rect){x + rw + layout_px(l, 16), by, cw, bh};
	ui_button(ui, p->reload, reload, true, HIT_RELOAD, 0);
	ui_button(ui, p->close, close, false, HIT_CLOSE, 0);
	text_cache_frame(ui->texts);
}
