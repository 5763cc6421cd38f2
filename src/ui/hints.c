#include "ui/hints.h"

#include "render/draw.h"
#include "render/theme.h"
#include "text/ui_text.h"

int hints_edge_band(const struct ui *ui)
{
	int band = ui->l.w * 15 / 100, min = ui_min_target(ui) * 3 / 2;
	return band < min ? min : band;
}

static void arrow(struct ui *ui, int cx, int cy, enum draw_dir dir)
{
	const struct layout *l = &ui->l;
	draw_circle(ui->ren, cx, cy, layout_px(l, 46), theme.scrim, 170);
	draw_circle(ui->ren, cx, cy, layout_px(l, 46), theme.text, 45); /* as a button */
	draw_chevron(ui->ren, cx + (dir == DRAW_RIGHT ? 1 : -1) * layout_px(l, 4), cy,
	             layout_px(l, 30), layout_px(l, 6), dir, theme.text, 235);
}

void hints_page_arrows(struct ui *ui, int item, int count, int centre_y)
{
	int inset = layout_px(&ui->l, 24) + layout_px(&ui->l, 46);
	if (item > 0)
		arrow(ui, inset, centre_y, DRAW_LEFT);
	if (item + 1 < count)
		arrow(ui, ui->l.w - inset, centre_y, DRAW_RIGHT);
}

/* A calm pill with text st, centred on cx with its top at y; its rectangle. */
static struct rect pill(struct ui *ui, const struct text_style *st, const char *s, int cx, int y,
                        int lead, Uint8 alpha)
{
	const struct layout *l = &ui->l;
	int w, h, pad = layout_px(l, 32);
	ui_label_size(ui, st, s, 0, 1, &w, &h);
	int ph = h + 2 * layout_px(l, 16);
	int min = ui_min_target(ui);
	if (ph < min)
		ph = min;
	struct rect r = {cx - (w + lead + 2 * pad) / 2, y, w + lead + 2 * pad, ph};
	draw_pill(ui->ren, r, theme.scrim, alpha);
	draw_pill(ui->ren, r, theme.text, 40); /* lit like a button: it can be touched */
	ui_label(ui, st, s, r.x + pad + lead, r.y + (ph - h) / 2, 0, 1);
	return r;
}

struct rect hints_more_below(struct ui *ui, int bottom)
{
	const struct layout *l = &ui->l;
	/* The text fades out above the pill and is gone behind it. */
	int solid = layout_px(l, 24) * 2 + ui_min_target(ui), fade = layout_px(l, 160);
	draw_gradient(ui->ren, (struct rect){0, bottom - solid - fade, l->w, fade},
	              theme.backdrop_bottom, 0, theme.backdrop_bottom, 255);
	draw_fill(ui->ren, (struct rect){0, bottom - solid, l->w, solid}, theme.backdrop_bottom,
	          255);
	char buf[64];
	ui_text(UI_SCROLL_MORE, ui_lang(ui), 0, buf, sizeof buf);
	struct text_style st = {FACE_SANS_BOLD, l->size_small, ui_color(theme.text), 0};
	int lead = layout_px(l, 44);
	struct rect r =
	    pill(ui, &st, buf, l->w / 2, bottom - layout_px(l, 24) - ui_min_target(ui), lead, 200);
	draw_chevron(ui->ren, r.x + layout_px(l, 32) + layout_px(l, 12), r.y + r.h / 2,
	             layout_px(l, 16), layout_px(l, 4), DRAW_DOWN, theme.text, 255);
	return r;
}

struct rect hints_zoom_out(struct ui *ui)
{
	const struct layout *l = &ui->l;
	char buf[64];
	ui_text(UI_ZOOM_OUT, ui_lang(ui), 0, buf, sizeof buf);
	struct text_style st = {FACE_SANS_BOLD, l->size_sub, ui_color(theme.text), 0};
	int foot = ui_reach(ui) ? ui_content_bottom(ui, 2) : l->h - layout_px(l, 64);
	return pill(ui, &st, buf, l->w / 2, foot - ui_min_target(ui), 0, 215);
}

void hints_idle_warning(struct ui *ui, int secs)
{
	const struct layout *l = &ui->l;
	char buf[160];
	ui_text(UI_IDLE_WARNING, ui_lang(ui), secs, buf, sizeof buf);
	struct text_style st = {FACE_SANS_BOLD, l->size_sub, ui_color(theme.text), 0};
	int w, h;
	ui_label_size(ui, &st, buf, l->w - 2 * l->margin, 2, &w, &h);
	int pad = layout_px(l, 40);
	struct rect r = {(l->w - w) / 2 - pad, (l->h - h) / 2 - pad, w + 2 * pad, h + 2 * pad};
	draw_fill(ui->ren, (struct rect){0, 0, l->w, l->h}, theme.scrim, 90);
	draw_fill(ui->ren, r, theme.scrim, 235);
	draw_fill(ui->ren, (struct rect){r.x, r.y + r.h - layout_px(l, 6), r.w, layout_px(l, 6)},
	          theme.accent, 255);
	ui_label(ui, &st, buf, r.x + pad, r.y + pad, l->w - 2 * l->margin, 2);
}
