/* The home screen: a card for each city. */
#include <stdio.h>

#include "render/draw.h"
#include "ui/screen.h"
#include "render/theme.h"
#include "ui/ui_text.h"

static const struct rgb card_bg = {31, 39, 54};

/* The status badge of a city whose link was suspended or ended: a pill when
 * it fits on one line, a box of two lines when it does not. */
static void badge(struct ui *ui, const struct city *c, int x, int y, int max_w)
{
	char buf[160];
	enum ui_str id = c->status == LINK_ENDED ? UI_ENDED_IN : UI_SUSPENDED_IN;
	ui_text(id, ui_lang(ui), c->status_year, buf, sizeof buf);
	struct text_style st = {FACE_SANS_BOLD, ui->l.size_small, {24, 18, 12, 255}, 0};
	int w, h, pad = layout_px(&ui->l, 16), inner = max_w - 2 * pad;
	ui_label_size(ui, &st, buf, 0, 1, &w, &h);
	if (w <= inner) {
		draw_pill(ui->ren, (struct rect){x, y, w + 2 * pad, h + layout_px(&ui->l, 4)},
		          theme.warn, 255);
		ui_label(ui, &st, buf, x + pad, y + layout_px(&ui->l, 2), 0, 1);
		return;
	}
	ui_label_size(ui, &st, buf, inner, 2, &w, &h);
	draw_fill(ui->ren, (struct rect){x, y, w + 2 * pad, h + 2 * layout_px(&ui->l, 6)},
	          theme.warn, 255);
	ui_label(ui, &st, buf, x + pad, y + layout_px(&ui->l, 6), inner, 2);
}

static void card(struct ui *ui, int i, struct rect r)
{
	const struct layout *l = &ui->l;
	const struct city *c = &ui->c->hall.cities[i];
	int pad = layout_px(l, 32), x = r.x + pad, y = r.y + pad, w = r.w - 2 * pad;
	draw_fill(ui->ren, r, card_bg, 255);
	struct text_style name = {FACE_SERIF_BOLD, layout_px(l, 52), ui_color(theme.text), 0};
	int fh = layout_px(l, l->portrait ? 72 : 60), fw = fh * 4 / 3, gap = layout_px(l, 24);
	int nw, nh, beside = !l->portrait; /* narrow portrait cards: the flag above */
	int name_x = beside ? x + fw + gap : x, name_w = beside ? w - fw - gap : w;
	ui_label_size(ui, &name, ui_tr(ui, &c->name), name_w, 1, &nw, &nh);
	struct rect flag = {x, beside ? y + (nh - fh) / 2 : y, fw, fh};
	draw_fill(ui->ren, (struct rect){flag.x - 1, flag.y - 1, flag.w + 2, flag.h + 2},
	          theme.text, 50);
	ui_image(ui, &c->flag, flag, IMAGE_CONTAIN);
	if (!beside)
		y += fh + layout_px(l, 16);
	y += ui_label(ui, &name, ui_tr(ui, &c->name), name_x, y, name_w, 1) + layout_px(l, 12);
	char buf[256];
	snprintf(buf, sizeof buf, "%s · %s", c->native_name, ui_tr(ui, &c->country));
	struct text_style sub = {FACE_SANS, l->size_sub, ui_color(theme.text_soft), 0};
	y += ui_label(ui, &sub, buf, x, y, w, 1) + layout_px(l, 10);
	ui_text(UI_TWINNED_SINCE, ui_lang(ui), c->twinned_year, buf, sizeof buf);
	struct text_style acc = {FACE_SANS_BOLD, l->size_sub, ui_color(theme.accent), 0};
	y += ui_label(ui, &acc, buf, x, y, w, 2) + layout_px(l, 10);
	if (c->status != LINK_ACTIVE)
		badge(ui, c, x, y, w);
	hit_add(&ui->hits, r, NAV_EV_OPEN_CITY, i);
}

static void home_draw(struct ui *ui)
{
	const struct layout *l = &ui->l;
	char buf[256];
	draw_gradient(ui->ren, (struct rect){0, 0, l->w, l->h}, theme.backdrop_top, 255,
	              theme.backdrop_bottom, 255);
	int lang_x = ui_lang_switch(ui);
	struct text_style title = {FACE_SERIF_BOLD, l->size_heading, ui_color(theme.text), 0};
	int y = layout_px(l, 36);
	y += ui_label(ui, &title, ui_text(UI_HOME_TITLE, ui_lang(ui), 0, buf, sizeof buf),
	              l->margin, y, lang_x - l->margin - l->gap, 2);

	struct text_style hint = {FACE_SANS, l->size_sub, ui_color(theme.text_soft), 0};
	y += ui_label(ui, &hint, ui_text(UI_HOME_HINT, ui_lang(ui), 0, buf, sizeof buf), l->margin,
	              y, l->w - 2 * l->margin, 2);
	y += layout_px(l, 36);
	int n = (int)ui->c->hall.n_cities, cols = l->portrait ? 2 : 3;
	int rows = (n + cols - 1) / cols, gap = layout_px(l, 32);
	int cw = (l->w - 2 * l->margin - (cols - 1) * gap) / cols;
	int ch = (l->h - y - l->margin - (rows - 1) * gap) / (rows ? rows : 1);
	for (int i = 0; i < n; i++) {
		struct rect r = {l->margin + (i % cols) * (cw + gap), y + (i / cols) * (ch + gap),
		                 cw, ch};
		card(ui, i, r);
	}
}

const struct screen_ops screen_home = {
    .name = "home",
    .draw = home_draw,
};
