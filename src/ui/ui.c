#include "ui/ui.h"

#include <string.h>

#include "render/draw.h"
#include "render/theme.h"
#include "text/ui_text.h"

/* A button is LAYOUT_BUTTON_H design px tall: at least 9 mm at 1080p on 24". */
int ui_min_target(const struct ui *ui)
{
	return layout_px(&ui->l, LAYOUT_BUTTON_H);
}

int ui_bar_height(const struct ui *ui)
{
	return layout_px(&ui->l, LAYOUT_BAR_EDGE + LAYOUT_BUTTON_H + LAYOUT_BAR_ROOM);
}

const char *ui_lang(const struct ui *ui)
{
	return ui->c->hall.langs[ui->nav.lang];
}

const char *ui_tr(const struct ui *ui, const struct i18n *t)
{
	return content_text(t, ui->nav.lang);
}

SDL_Color ui_color(struct rgb c)
{
	return (SDL_Color){c.r, c.g, c.b, 255};
}

int ui_label(struct ui *ui, const struct text_style *st, const char *s, int x, int y, int max_w,
             int max_lines)
{
	int w = 0, h = 0;
	SDL_Texture *tex = text_cache_get(ui->texts, st, s, max_w, max_lines, &w, &h);
	if (tex)
		draw_texture(ui->ren, tex, (struct rect){x, y, w, h});
	return h;
}

void ui_label_size(struct ui *ui, const struct text_style *st, const char *s, int max_w,
                   int max_lines, int *w, int *h)
{
	text_cache_size(ui->texts, st, s, max_w, max_lines, w, h);
}

int ui_label_lines(struct ui *ui, const struct text_style *st, const char *s, int max_w,
                   int max_lines)
{
	if (!*s)
		return 0;
	int n = max_w > 0 ? text_lines_needed(ui->text, st, s, max_w) : 1;
	return n < max_lines ? n : max_lines;
}

bool ui_label_pending(struct ui *ui, const struct text_style *st, const char *s, int max_w,
                      int max_lines)
{
	return text_cache_pending(ui->texts, st, s, max_w, max_lines);
}

void ui_label_prefetch(struct ui *ui, const struct text_style *st, const char *s, int max_w,
                       int max_lines)
{
	text_cache_prefetch(ui->texts, st, s, max_w, max_lines);
}

void ui_image(struct ui *ui, const struct image_ref *ref, struct rect box, enum image_fit fit)
{
	int w = 0, h = 0;
	enum texture_state state;
	SDL_Texture *tex =
	    texture_cache_get(ui->images, ref->file, box.w, box.h, fit, &w, &h, &state);
	if (tex) {
		draw_texture(ui->ren, tex,
		             (struct rect){box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h});
		return;
	}
	struct rect r = fit == IMAGE_CONTAIN ? layout_contain(ref->width, ref->height, box) : box;
	draw_fill(ui->ren, r, theme.placeholder, 255);
	if (state == TEXTURE_LOADING)
		ui->images_waiting++;
	if (state != TEXTURE_FAILED)
		return;
	char msg[128];
	struct text_style st = {FACE_SANS, ui->l.size_small, ui_color(theme.text_soft), 0};
	ui_text(UI_NO_IMAGE, ui_lang(ui), 0, msg, sizeof msg);
	ui_label_size(ui, &st, msg, 0, 1, &w, &h);
	ui_label(ui, &st, msg, r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, 0, 1);
}

int ui_button_width(struct ui *ui, const char *label)
{
	struct text_style st = {FACE_SANS_BOLD, ui->l.size_button, ui_color(theme.text), 0};
	int w, h;
	ui_label_size(ui, &st, label, 0, 1, &w, &h);
	int min = ui_min_target(ui);
	w += 2 * layout_px(&ui->l, 36);
	return w < min ? min : w;
}

void ui_button(struct ui *ui, struct rect r, const char *label, bool selected, int kind, int arg)
{
	struct rgb fg = selected ? theme.backdrop_bottom : theme.text;
	struct text_style st = {FACE_SANS_BOLD, ui->l.size_button, ui_color(fg), 0};
	if (selected)
		draw_pill(ui->ren, r, theme.text, 255);
	else
		draw_pill(ui->ren, r, theme.text, 38);
	int w, h;
	ui_label_size(ui, &st, label, 0, 1, &w, &h);
	ui_label(ui, &st, label, r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, 0, 1);
	hit_add(&ui->hits, r, kind, arg);
}

bool ui_reach(const struct ui *ui)
{
	return nav_reach_on(&ui->nav, ui->l.portrait);
}

int ui_bar_y(const struct ui *ui)
{
	int edge = layout_px(&ui->l, LAYOUT_BAR_EDGE);
	return ui_reach(ui) ? ui->l.h - edge - ui_min_target(ui) : edge;
}

int ui_content_bottom(const struct ui *ui, int rows)
{
	if (!ui_reach(ui))
		return ui->l.h;
	int row = ui_min_target(ui) + layout_px(&ui->l, 20);
	return layout_reach_bottom(&ui->l) - (rows - 1) * row;
}

static struct rect bar_button(const struct ui *ui, int x, int w)
{
	return (struct rect){x, ui_bar_y(ui), w, ui_min_target(ui)};
}

int ui_reach_width(struct ui *ui)
{
	char label[64];
	return ui_button_width(ui, ui_text(UI_REACH, ui_lang(ui), 0, label, sizeof label));
}

int ui_reach_button(struct ui *ui, int right, int y)
{
	char label[64];
	ui_text(UI_REACH, ui_lang(ui), 0, label, sizeof label);
	int w = ui_button_width(ui, label);
	bool on = ui_reach(ui);
	ui_button(ui, (struct rect){right - w, y, w, ui_min_target(ui)}, label, on,
	          NAV_EV_SET_REACH, !on);
	return right - w;
}

bool ui_large_text(const struct ui *ui)
{
	return ui->nav.text == NAV_TEXT_LARGE;
}

bool ui_set_layout(struct ui *ui, int w, int h)
{
	enum layout_text t = ui_large_text(ui) ? LAYOUT_TEXT_LARGE : LAYOUT_TEXT_NORMAL;
	if (w < 16 || h < 16 || (ui->l.w == w && ui->l.h == h && ui->l.text == t))
		return false;
	ui->l = layout_compute_text(w, h, t);
	return true;
}

int ui_text_width(const struct ui *ui)
{
	return ui_min_target(ui) + layout_px(&ui->l, 24); /* as a language's button */
}

int ui_text_button(struct ui *ui, int right, int y)
{
	int w = ui_text_width(ui);
	bool on = ui_large_text(ui);
	struct rect r = {right - w, y, w, ui_min_target(ui)};
	draw_pill(ui->ren, r, theme.text, on ? 255 : 38);
	/* "Aa" in the serif, larger than the other buttons' words: the sign of
	 * a text's size in every language. */
	struct rgb fg = on ? theme.backdrop_bottom : theme.text;
	struct text_style st = {FACE_SERIF_BOLD, layout_px(&ui->l, 44), ui_color(fg), 0};
	int tw, th;
	ui_label_size(ui, &st, "Aa", 0, 1, &tw, &th);
	ui_label(ui, &st, "Aa", r.x + (r.w - tw) / 2, r.y + (r.h - th) / 2, 0, 1);
	hit_add(&ui->hits, r, NAV_EV_SET_TEXT, !on);
	return r.x;
}

enum { MODE_GAP = 16 }; /* design px between the two mode buttons: one group */

int ui_mode_buttons(struct ui *ui, int right, int y)
{
	int x = ui_reach_button(ui, right, y);
	return ui_text_button(ui, x - layout_px(&ui->l, MODE_GAP), y);
}

int ui_mode_width(struct ui *ui)
{
	return ui_reach_width(ui) + layout_px(&ui->l, MODE_GAP) + ui_text_width(ui);
}

int ui_lang_switch(struct ui *ui)
{
	const struct hall *h = &ui->c->hall;
	int right = ui->l.w - ui->l.margin, gap = layout_px(&ui->l, 12);
	int w = ui_min_target(ui) + layout_px(&ui->l, 24);
	int x = right - h->n_langs * w - (h->n_langs - 1) * gap;
	for (int i = 0; i < h->n_langs; i++) {
		char code[CONTENT_LANG_CODE];
		size_t n = strlen(h->langs[i]);
		for (size_t k = 0; k <= n; k++)
			code[k] = (char)(h->langs[i][k] >= 'a' && h->langs[i][k] <= 'z'
			                     ? h->langs[i][k] - 'a' + 'A'
			                     : h->langs[i][k]);
		ui_button(ui, bar_button(ui, x + i * (w + gap), w), code, i == ui->nav.lang,
		          NAV_EV_SET_LANG, i);
	}
	return x;
}

int ui_back(struct ui *ui, int kind)
{
	char word[64], label[80];
	snprintf(label, sizeof label, "‹  %s", ui_text(UI_BACK, ui_lang(ui), 0, word, sizeof word));
	int w = ui_button_width(ui, label);
	ui_button(ui, bar_button(ui, ui->l.margin, w), label, false, kind, 0);
	return ui->l.margin + w;
}

void ui_press_feedback(struct ui *ui)
{
	if (!ui->pressing)
		return;
	uint64_t t = ui->now - ui->press_ms;
	int grow = t > 150 ? 150 : (int)t;
	int r = layout_px(&ui->l, 28 + grow * 16 / 150);
	draw_circle(ui->ren, (int)ui->press_x, (int)ui->press_y, r, theme.text, 70);
}

struct ui_place ui_place_now(const struct ui *ui)
{
	return (struct ui_place){ui->nav.screen, ui->nav.city, ui->nav.lang, ui->epoch};
}

bool ui_place_same(struct ui_place a, struct ui_place b)
{
	return a.screen == b.screen && a.city == b.city && a.lang == b.lang && a.epoch == b.epoch;
}

void ui_pager_enter(struct ui *ui, struct pager *p, struct ui_place *set_for, int count)
{
	struct ui_place here = ui_place_now(ui);
	here.lang = 0; /* photos and gifts page alike in every language */
	if (ui_place_same(*set_for, here) && pager_index(p) == ui->nav.item &&
	    p->count == (count < 1 ? 1 : count))
		return;
	pager_init(p, count, ui->nav.item, (float)ui->l.w);
	*set_for = here;
}

bool ui_page_gesture(struct ui *ui, struct pager *p, const struct gesture *g,
                     enum nav_event_kind open, struct nav_event *ev)
{
	if (g->kind == GESTURE_DRAG_BEGIN || g->kind == GESTURE_DRAG) {
		pager_drag(p, g->dx, ui->now);
	} else if (g->kind == GESTURE_CANCEL) {
		pager_go(p, pager_index(p), ui->now);
	} else if (g->kind == GESTURE_DRAG_END) {
		int to = pager_release(p, g->vx, ui->now);
		if (to != ui->nav.item) {
			*ev = (struct nav_event){open, to};
			return true;
		}
	}
	return false;
}

int ui_status(struct ui *ui, const struct city *c, int x, int y, int w, int px, int lines,
              bool draw)
{
	char buf[200];
	ui_status_text(c, ui_lang(ui), buf, sizeof buf);
	if (!buf[0])
		return 0;
	struct text_style st = {FACE_SANS_BOLD, px, ui_color(theme.warn), 0};
	int indent = px * UI_STATUS_INDENT / 100, tw, th;
	ui_label_size(ui, &st, buf, w - indent, lines, &tw, &th);
	if (!draw)
		return th;
	int lh = text_line_height(ui->text, st.face, px), r = px * UI_STATUS_DOT / 200;
	draw_circle(ui->ren, x + r, y + lh / 2, r, theme.warn, 255);
	ui_label(ui, &st, buf, x + indent, y, w - indent, lines);
	return th;
}

int ui_fit_px(struct ui *ui, enum text_face face, const char *s, int max_w, int lines, int px,
              int min_px)
{
	int step = px / 10 > 0 ? px / 10 : 1;
	for (; px > min_px; px -= step) {
		struct text_style st = {face, px, {0}, 0};
		if (text_lines_needed(ui->text, &st, s, max_w) <= lines)
			return px;
	}
	return min_px;
}

void ui_scroll_gesture(struct ui *ui, struct scroll *s, const struct gesture *g)
{
	switch (g->kind) {
	case GESTURE_PRESS:
		scroll_stop(s, ui->now);
		break;
	case GESTURE_DRAG_BEGIN:
		scroll_drag_begin(s, ui->now);
		scroll_drag(s, g->dy, ui->now);
		break;
	case GESTURE_DRAG:
		scroll_drag(s, g->dy, ui->now);
		break;
	case GESTURE_DRAG_END:
		scroll_drag_end(s, g->vy, ui->now);
		break;
	case GESTURE_CANCEL:
		scroll_drag_end(s, 0, ui->now);
		break;
	default:
		break;
	}
}
