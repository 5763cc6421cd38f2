/* A city's gifts: a grid of cards, and each gift on its own page that the
 * visitor can swipe through. */
#include <math.h>
#include <stdio.h>

#include "render/draw.h"
#include "ui/hints.h"
#include "ui/screen.h"
#include "render/theme.h"
#include "text/ui_text.h"

static const struct rgb card_bg = {31, 39, 54};

static const struct city *city_of(const struct ui *ui)
{
	return &ui->c->hall.cities[ui->nav.city];
}

static void gift_card(struct ui *ui, size_t i, struct rect r)
{
	const struct layout *l = &ui->l;
	const struct gift *g = &city_of(ui)->gifts[i];
	draw_fill(ui->ren, r, card_bg, 255);
	int pad = layout_px(l, 28);
	struct rect img = {r.x, r.y, r.w, r.w * 3 / 4};
	ui_image(ui, &g->image, img, IMAGE_COVER);
	int y = img.y + img.h + pad, w = r.w - 2 * pad;
	/* Smaller, then on a third line, before it is ever cut. */
	const char *t = ui_tr(ui, &g->title);
	int lines = 2, min = layout_px(l, 30);
	int px = ui_fit_px(ui, FACE_SERIF_BOLD, t, w, lines, layout_px(l, 40), min);
	struct text_style title = {FACE_SERIF_BOLD, px, ui_color(theme.text), 0};
	if (px == min && text_lines_needed(ui->text, &title, t, w) > lines)
		lines = 3;
	y += ui_label(ui, &title, t, r.x + pad, y, w, lines) + layout_px(l, 8);
	char buf[128];
	ui_text(g->year ? UI_GIFT_IN : UI_GIFT, ui_lang(ui), g->year, buf, sizeof buf);
	struct text_style meta = {FACE_SANS_BOLD, l->size_small, ui_color(theme.accent), 0};
	ui_label(ui, &meta, buf, r.x + pad, y, w, 1);
	int reach = ui_reach(ui) ? l->h / 2 : 0; /* reach mode: the card's part within reach */
	if (r.y < reach) {
		r.h -= reach - r.y;
		r.y = reach;
	}
	hit_add(&ui->hits, r, NAV_EV_OPEN_GIFT, (int)i);
}

static void gifts_draw(struct ui *ui)
{
	const struct layout *l = &ui->l;
	const struct city *c = city_of(ui);
	draw_gradient(ui->ren, (struct rect){0, 0, l->w, l->h}, theme.backdrop_top, 255,
	              theme.backdrop_bottom, 255);
	int top = screen_city_top(ui) + layout_px(l, 24);
	int cols = l->portrait ? 2 : 3, gap = layout_px(l, 32);
	int cw = (l->w - 2 * l->margin - (cols - 1) * gap) / cols;
	int ch = cw * 3 / 4 + layout_px(l, 240); /* room for a title of three lines */
	if (ui_reach(ui)) { /* the grid down on the buttons; more than fits runs up */
		int rows = ((int)c->n_gifts + cols - 1) / cols;
		int low = ui_content_bottom(ui, 2) - rows * ch - (rows - 1) * gap;
		top = low > top ? low : top;
	}
	for (size_t i = 0; i < c->n_gifts; i++) {
		struct rect r = {l->margin + (int)(i % (size_t)cols) * (cw + gap),
		                 top + (int)(i / (size_t)cols) * (ch + gap), cw, ch};
		gift_card(ui, i, r);
	}
	screen_city_bar(ui);
}

const struct screen_ops screen_gifts = {
    .name = "gifts",
    .draw = gifts_draw,
};

/* One gift: its picture large, its story beside or below it; swiping goes
 * to the next. The gift screen's own state: */
struct gift_state {
	struct ui_place pager_for;
	struct pager pager;
};
static void gift_enter(struct ui *ui)
{
	struct gift_state *st = screen_state(ui, NAV_GIFT);
	ui_pager_enter(ui, &st->pager, &st->pager_for, (int)city_of(ui)->n_gifts);
}

static bool gift_gesture(struct ui *ui, const struct gesture *g, struct nav_event *ev)
{
	struct gift_state *st = screen_state(ui, NAV_GIFT);
	if (g->kind == GESTURE_TAP) { /* an edge tap (on an arrow) turns the page */
		int to = pager_index(&st->pager) +
		         pager_edge(g->x, (float)ui->l.w, (float)hints_edge_band(ui));
		if (to == pager_index(&st->pager) || to < 0 || to >= (int)city_of(ui)->n_gifts)
			return false;
		pager_go(&st->pager, to, ui->now);
		*ev = (struct nav_event){NAV_EV_OPEN_GIFT, to};
		return true;
	}
	return ui_page_gesture(ui, &st->pager, g, NAV_EV_OPEN_GIFT, ev);
}

static bool gift_moving(const struct ui *ui)
{
	const struct gift_state *st = screen_state_const(ui, NAV_GIFT);
	return pager_moving(&st->pager, ui->now);
}

static void gift_text(struct ui *ui, const struct gift *g, struct rect box)
{
	const struct layout *l = &ui->l;
	char buf[256], line[640];
	int y = box.y;
	ui_text(g->year ? UI_GIFT_IN : UI_GIFT, ui_lang(ui), g->year, buf, sizeof buf);
	struct text_style eyebrow = {FACE_SANS_BOLD, l->size_sub, ui_color(theme.accent), 0};
	y += ui_label(ui, &eyebrow, buf, box.x, y, box.w, 1) + layout_px(l, 8);
	struct text_style title = {FACE_SERIF_BOLD, l->size_heading, ui_color(theme.text), 0};
	y += ui_label(ui, &title, ui_tr(ui, &g->title), box.x, y, box.w, 3) + layout_px(l, 20);
	struct text_style body = {FACE_SANS, layout_px(l, 38), ui_color(theme.text), 0};
	y +=
	    ui_label(ui, &body, ui_tr(ui, &g->description), box.x, y, box.w, 10) + layout_px(l, 20);
	ui_text(UI_GIVEN_BY, ui_lang(ui), 0, buf, sizeof buf);
	snprintf(line, sizeof line, "%s: %s", buf, ui_tr(ui, &g->given_by));
	struct text_style soft = {FACE_SANS, l->size_sub, ui_color(theme.text_soft), 0};
	ui_label(ui, &soft, line, box.x, y, box.w, 3);
}

static void gift_page(struct ui *ui, size_t i, int dx, int top)
{
	const struct layout *l = &ui->l;
	const struct gift *g = &city_of(ui)->gifts[i];
	int h = ui_content_bottom(ui, 2) - top - l->margin;
	if (l->portrait) {
		struct rect img = {l->margin + dx, top, l->w - 2 * l->margin, h * 45 / 100};
		ui_image(ui, &g->image, img, IMAGE_CONTAIN);
		gift_text(ui, g, (struct rect){img.x, img.y + img.h + l->gap * 2, img.w, 0});
		return;
	}
	int half = (l->w - 2 * l->margin - l->gap * 2) / 2;
	ui_image(ui, &g->image, (struct rect){l->margin + dx, top, half, h}, IMAGE_CONTAIN);
	gift_text(ui, g, (struct rect){l->margin + half + l->gap * 2 + dx, top + h / 6, half, 0});
}

static void gift_draw(struct ui *ui)
{
	const struct layout *l = &ui->l;
	const struct city *c = city_of(ui);
	draw_gradient(ui->ren, (struct rect){0, 0, l->w, l->h}, theme.backdrop_top, 255,
	              theme.backdrop_bottom, 255);
	int top = screen_city_top(ui) + layout_px(l, 24);
	const struct gift_state *st = screen_state(ui, NAV_GIFT);
	float pos = pager_position(&st->pager, ui->now);
	int i0 = (int)floorf(pos), dx = (int)lroundf(-(pos - (float)i0) * (float)l->w);
	if (i0 >= 0 && (size_t)i0 < c->n_gifts)
		gift_page(ui, (size_t)i0, dx, top);
	if (dx != 0 && (size_t)(i0 + 1) < c->n_gifts)
		gift_page(ui, (size_t)i0 + 1, dx + l->w, top);
	hints_page_arrows(ui, pager_index(&st->pager), (int)c->n_gifts,
	                  ui_reach(ui) ? l->h * 5 / 8 : top + (l->h - top) / 2);
	screen_city_bar(ui);
}

const struct screen_ops screen_gift = {
    .name = "gift",
    .state_size = sizeof(struct gift_state),
    .enter = gift_enter,
    .reload = gift_enter,
    .gesture = gift_gesture,
    .moving = gift_moving,
    .draw = gift_draw,
};
