/* A city's history as a timeline the visitor drags, with inertia. */
#include <stdio.h>

#include "render/draw.h"
#include "ui/hints.h"
#include "ui/screen.h"
#include "input/scroll.h"
#include "render/theme.h"
#include "text/ui_text.h"

/* The most lines an entry and the status note take: the timeline scrolls,
 * so only a runaway text meets them, in large text on a narrow screen too. */
enum { ENTRY_LINES = 24, NOTE_LINES = 12 };

/* The history screen's own state: the timeline's scroll, and where it was
 * set up. */
struct history_state {
	struct ui_place scroll_for;
	struct scroll scroll;
	struct rect more; /* the "more below" pill as last drawn; w 0: none */
};

struct timeline {
	int top, bottom; /* the visible band */
	int year_x, line_x, text_x, text_w;
};

static const struct city *city_of(const struct ui *ui)
{
	return &ui->c->hall.cities[ui->nav.city];
}

static struct timeline timeline_of(struct ui *ui)
{
	const struct layout *l = &ui->l;
	struct timeline t;
	t.top = screen_city_top(ui);
	t.bottom = ui_content_bottom(ui, 2);
	t.year_x = l->margin;
	t.line_x = l->margin + layout_text_px(l, l->portrait ? 170 : 210); /* the years' column */
	t.text_x = t.line_x + layout_px(l, 48);
	t.text_w = l->w - t.text_x - l->margin;
	if (t.text_w > layout_px(l, 1100))
		t.text_w = layout_px(l, 1100);
	return t;
}

static struct text_style year_style(const struct ui *ui)
{
	return (struct text_style){FACE_SERIF_BOLD, layout_text_px(&ui->l, 56),
	                           ui_color(theme.accent), 0};
}

static struct text_style body_style(const struct ui *ui)
{
	return (struct text_style){FACE_SANS, layout_text_px(&ui->l, 38), ui_color(theme.text), 0};
}

/* Height of entry i on the timeline, gap below included. */
static int entry_height(struct ui *ui, const struct timeline *t, size_t i)
{
	struct text_style body = body_style(ui);
	int w, h;
	ui_label_size(ui, &body, ui_tr(ui, &city_of(ui)->history[i].text), t->text_w, ENTRY_LINES,
	              &w, &h);
	int yh = layout_text_px(&ui->l, 76);
	return (h > yh ? h : yh) + layout_px(&ui->l, 56);
}

/* The content's note on a suspended or ended link, in a labelled box above
 * the timeline (the status line itself is in the bar, as on every city
 * screen). No box when the last entry of the history is of the status's
 * year: it tells the same story, and the box would repeat it. */
static const char *status_note(struct ui *ui)
{
	const struct city *c = city_of(ui);
	if (c->status == LINK_ACTIVE ||
	    (c->n_history && c->history[c->n_history - 1].year == c->status_year))
		return "";
	return ui_tr(ui, &c->status_note);
}

struct status_box {
	int pad, x, w; /* padding, and where its text goes */
	struct text_style label, note;
	char label_s[64];
};

static void status_box_of(struct ui *ui, const struct timeline *t, struct status_box *b)
{
	const struct layout *l = &ui->l;
	b->pad = layout_px(l, 24);
	b->x = t->year_x + layout_px(l, 6) + b->pad;
	b->w = t->text_x + t->text_w - b->pad - b->x;
	b->label = (struct text_style){FACE_SANS_BOLD, l->size_small, ui_color(theme.warn), 0};
	b->note = (struct text_style){FACE_SANS, l->size_sub, ui_color(theme.text), 0};
	ui_text(UI_LINK_NOTE, ui_lang(ui), 0, b->label_s, sizeof b->label_s);
}

/* The box's height, the room below it included; 0 when there is none. */
static int status_height(struct ui *ui, const struct timeline *t)
{
	if (!*status_note(ui))
		return 0;
	struct status_box b;
	status_box_of(ui, t, &b);
	int w, lh, nh;
	ui_label_size(ui, &b.label, b.label_s, b.w, 2, &w, &lh);
	ui_label_size(ui, &b.note, status_note(ui), b.w, NOTE_LINES, &w, &nh);
	return lh + layout_px(&ui->l, 8) + nh + 2 * b.pad + layout_px(&ui->l, 40);
}

static void draw_status(struct ui *ui, const struct timeline *t, int y)
{
	if (!*status_note(ui))
		return;
	struct status_box b;
	status_box_of(ui, t, &b);
	struct rect box = {t->year_x, y, t->text_x + t->text_w - t->year_x,
	                   status_height(ui, t) - layout_px(&ui->l, 40)};
	draw_fill(ui->ren, box, theme.warn, 30);
	draw_fill(ui->ren, (struct rect){box.x, box.y, layout_px(&ui->l, 6), box.h}, theme.warn,
	          255);
	y += b.pad + ui_label(ui, &b.label, b.label_s, b.x, y + b.pad, b.w, 2);
	ui_label(ui, &b.note, status_note(ui), b.x, y + layout_px(&ui->l, 8), b.w, NOTE_LINES);
}

static int content_height(struct ui *ui, const struct timeline *t)
{
	int h = layout_px(&ui->l, 48) + status_height(ui, t);

	for (size_t i = 0; i < city_of(ui)->n_history; i++)
		h += entry_height(ui, t, i);
	return h;
}

static void history_enter(struct ui *ui)
{
	struct history_state *st = screen_state(ui, NAV_HISTORY);
	struct ui_place here = ui_place_now(ui); /* texts differ in length by language */
	if (ui_place_same(st->scroll_for, here))
		return;
	struct timeline t = timeline_of(ui);
	scroll_init(&st->scroll, (float)content_height(ui, &t), (float)(t.bottom - t.top));
	st->scroll_for = here;
}

/* New texts may be longer or shorter: the timeline keeps its offset (and a
 * fling its course when the length is the same), within the new length. */
static void history_reload(struct ui *ui)
{
	struct history_state *st = screen_state(ui, NAV_HISTORY);
	struct timeline t = timeline_of(ui);
	float content = (float)content_height(ui, &t), view = (float)(t.bottom - t.top);
	if (content != st->scroll.content || view != st->scroll.view)
		scroll_resize(&st->scroll, content, view, ui->now);
}

static bool history_gesture(struct ui *ui, const struct gesture *g, struct nav_event *ev)
{
	(void)ev;
	struct history_state *st = screen_state(ui, NAV_HISTORY);
	struct rect m = st->more;
	/* a tap on "more below" scrolls on by most of a screen */
	if (g->kind == GESTURE_TAP && m.w && g->x >= (float)m.x && g->x < (float)(m.x + m.w) &&
	    g->y >= (float)m.y && g->y < (float)(m.y + m.h))
		scroll_to(&st->scroll, scroll_offset(&st->scroll, ui->now) + st->scroll.view * 0.7f,
		          ui->now);
	ui_scroll_gesture(ui, &st->scroll, g);
	return false;
}

static bool history_moving(const struct ui *ui)
{
	const struct history_state *st = screen_state_const(ui, NAV_HISTORY);
	return scroll_moving(&st->scroll, ui->now);
}

/* The timeline from its top at y (scrolled), clipped to its room. */
static void draw_timeline(struct ui *ui, const struct timeline *t)
{
	const struct history_state *st = screen_state(ui, NAV_HISTORY);
	const struct layout *l = &ui->l;
	const struct city *c = city_of(ui);
	int y = t->top + layout_px(l, 48) - (int)scroll_offset(&st->scroll, ui->now);
	draw_status(ui, t, y);
	y += status_height(ui, t);

	/* The line runs beside the entries only, never through the status box. */
	int line_w = layout_px(l, 3) > 1 ? layout_px(l, 3) : 2;
	int line_top = y > t->top ? y : t->top;
	draw_fill(ui->ren,
	          (struct rect){t->line_x - line_w / 2, line_top, line_w, t->bottom - line_top},
	          theme.text_soft, 60);
	struct text_style body = body_style(ui), year_st = year_style(ui);
	for (size_t i = 0; i < c->n_history; i++) {
		int h = entry_height(ui, t, i);
		if (y + h >= t->top && y <= t->bottom) {
			char year[16];
			snprintf(year, sizeof year, "%d", c->history[i].year);
			ui_label(ui, &year_st, year, t->year_x, y - layout_text_px(l, 10), 0, 1);
			draw_circle(ui->ren, t->line_x, y + layout_text_px(l, 26), layout_px(l, 10),
			            theme.accent, 255);
			ui_label(ui, &body, ui_tr(ui, &c->history[i].text), t->text_x, y, t->text_w,
			         ENTRY_LINES);
		}
		y += h;
	}
}

static void history_draw(struct ui *ui)
{
	const struct layout *l = &ui->l;
	struct timeline t = timeline_of(ui);
	draw_gradient(ui->ren, (struct rect){0, 0, l->w, l->h}, theme.backdrop_top, 255,
	              theme.backdrop_bottom, 255);
	/* The timeline scrolls under the bar: clipped to its room, within any
	 * clip the frame already has (a band of a place drawn in parts). */
	SDL_Rect clip = {0, t.top, l->w, t.bottom - t.top}, outer;
	bool clipped = SDL_RenderIsClipEnabled(ui->ren);
	SDL_RenderGetClipRect(ui->ren, &outer);
	if (!clipped || SDL_IntersectRect(&clip, &outer, &clip)) {
		SDL_RenderSetClipRect(ui->ren, &clip);
		draw_timeline(ui, &t);
		SDL_RenderSetClipRect(ui->ren, clipped ? &outer : NULL);
	}
	struct history_state *st = screen_state(ui, NAV_HISTORY);
	st->more = (struct rect){0, 0, 0, 0};
	if (scroll_offset(&st->scroll, ui->now) < scroll_max(&st->scroll) - 1)
		st->more = hints_more_below(ui, t.bottom);
	screen_city_bar(ui);
}

const struct screen_ops screen_history = {
    .name = "history",
    .state_size = sizeof(struct history_state),
    .enter = history_enter,
    .reload = history_reload,
    .gesture = history_gesture,
    .moving = history_moving,
    .draw = history_draw,
};
