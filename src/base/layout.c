#include "base/layout.h"

#include <math.h>

int layout_px(const struct layout *l, double d)
{
	int px = (int)lround(d * l->u);
	return px < 1 ? 1 : px;
}

int layout_reach_bottom(const struct layout *l)
{
	return l->h - layout_px(l, LAYOUT_BAR_EDGE) - layout_px(l, LAYOUT_BUTTON_H) -
	       layout_px(l, LAYOUT_BAR_ROOM);
}

int layout_text_px(const struct layout *l, double d)
{
	return layout_px(l, d * l->text_pct / 100.0);
}

static void layout_fonts(struct layout *l)
{
	l->size_hall = layout_px(l, 28);
	l->size_name = layout_text_px(l, l->portrait ? 84 : 76);
	l->size_sub = layout_text_px(l, 34);
	l->size_body = layout_text_px(l, 36); /* at least 28 px at 1080p: body text */
	l->size_small = layout_text_px(l, 28);
	l->size_year = layout_text_px(l, l->portrait ? 150 : 168);
	l->size_heading = layout_text_px(l, 56);
	l->size_button = layout_px(l, 34);
	l->caption_lines = l->text == LAYOUT_TEXT_LARGE ? 5 : 3;
	l->credit_lines = l->text == LAYOUT_TEXT_LARGE ? 3 : 2;
	l->gap = layout_px(l, 24);
	l->flag_h = layout_px(l, 72);
}

static void layout_landscape(struct layout *l)
{
	l->photo = (struct rect){0, 0, l->w, l->h};
	int panel_h = layout_px(l, 430);
	if (panel_h > l->h / 2)
		panel_h = l->h / 2;
	l->panel = (struct rect){l->margin, l->h - panel_h, l->w - 2 * l->margin,
	                         panel_h - layout_px(l, 64)};
	l->scrim_top = l->panel.y - layout_px(l, 260);
	l->text_w = l->panel.w * 62 / 100;
	int top = l->topbar.y + l->topbar.h + layout_px(l, 24);
	l->stage = (struct rect){l->margin, top, l->w - 2 * l->margin, l->panel.y - top};
}

static void layout_portrait(struct layout *l)
{
	int photo_h = l->h * 56 / 100;
	l->photo = (struct rect){0, 0, l->w, photo_h};
	int pad = layout_px(l, 56);
	l->panel = (struct rect){l->margin, photo_h + pad, l->w - 2 * l->margin,
	                         l->h - photo_h - pad - layout_px(l, 96)};
	l->scrim_top = photo_h - layout_px(l, 220);
	l->text_w = l->panel.w;
	int top = l->topbar.y + l->topbar.h + layout_px(l, 24);
	l->stage = (struct rect){l->margin, top, l->w - 2 * l->margin, photo_h - top - pad};
}

struct layout layout_compute(int w, int h)
{
	return layout_compute_text(w, h, LAYOUT_TEXT_NORMAL);
}

struct layout layout_compute_text(int w, int h, enum layout_text text)
{
	struct layout l = {0};
	l.w = w;
	l.h = h;
	l.portrait = h > w;
	l.u = (l.portrait ? w : h) / 1080.0;
	l.text = text;
	l.text_pct = text == LAYOUT_TEXT_LARGE ? LAYOUT_LARGE_PCT : 100;
	l.margin = layout_px(&l, l.portrait ? 72 : 96);
	layout_fonts(&l);
	l.topbar = (struct rect){l.margin, layout_px(&l, 48), w - 2 * l.margin, layout_px(&l, 40)};
	/* Black at 200/255 behind text keeps white text above 4.5:1 (WCAG
	 * AA) even over a pure white photo; tests/unit/test_layout.c checks. */
	l.scrim_alpha = 200;
	if (l.portrait)
		layout_portrait(&l);
	else
		layout_landscape(&l);
	return l;
}

struct rect layout_cover(int src_w, int src_h, struct rect dst)
{
	struct rect r = {0, 0, src_w, src_h};
	if (src_w <= 0 || src_h <= 0 || dst.w <= 0 || dst.h <= 0)
		return r;
	/* Compare aspect ratios in 64-bit integers: src_w/src_h vs dst.w/dst.h. */
	long long lhs = (long long)src_w * dst.h, rhs = (long long)dst.w * src_h;
	if (lhs > rhs) { /* image wider: crop the sides */
		r.w = (int)(rhs / dst.h);
		if (r.w < 1)
			r.w = 1;
		r.x = (src_w - r.w) / 2;
	} else if (lhs < rhs) { /* image taller: crop top and bottom */
		r.h = (int)((long long)src_w * dst.h / dst.w);
		if (r.h < 1)
			r.h = 1;
		r.y = (src_h - r.h) / 2;
	}
	return r;
}

struct rect layout_contain(int src_w, int src_h, struct rect dst)
{
	if (src_w <= 0 || src_h <= 0)
		return (struct rect){dst.x, dst.y, 0, 0};
	struct rect r = dst;
	long long lhs = (long long)src_w * dst.h, rhs = (long long)dst.w * src_h;
	if (lhs > rhs) /* image wider than the box: full width */
		r.h = (int)((long long)dst.w * src_h / src_w);
	else
		r.w = (int)((long long)dst.h * src_w / src_h);
	r.x = dst.x + (dst.w - r.w) / 2;
	r.y = dst.y + (dst.h - r.h) / 2;
	return r;
}
