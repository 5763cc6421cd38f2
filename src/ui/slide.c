#include "ui/slide.h"

#include <stdio.h>
#include <string.h>

#include "render/draw.h"
#include "render/theme.h"
#include "text/history_box.h"
#include "ui/ui_text.h"

static SDL_Color color(struct rgb c)
{
	return (SDL_Color){c.r, c.g, c.b, 255};
}

static const char *tr(const struct slide_env *e, const struct i18n *t)
{
	return content_text(t, e->lang);
}

static const char *lang_code(const struct slide_env *e)
{
	return e->c->hall.langs[e->lang];
}

/* Landscape gifts show the image on the left of the stage, text on the right. */
static struct rect gift_image_box(const struct layout *l)
{
	if (l->portrait)
		return l->stage;
	return (struct rect){l->stage.x, l->stage.y, l->stage.w / 2 - l->margin / 2, l->stage.h};
}

static struct rect gift_text_box(const struct layout *l)
{
	int x = l->stage.x + l->stage.w / 2 + l->margin / 2;
	return (struct rect){x, l->stage.y, l->stage.x + l->stage.w - x, l->stage.h};
}

const struct image_ref *slide_image(const struct content *c, const struct layout *l,
                                    struct attract_item it, struct rect *box, enum image_fit *fit)
{
	const struct city *city = &c->hall.cities[it.city];
	if (it.kind == ATTRACT_PHOTO && it.index < city->n_photos) {
		*box = l->photo;
		*fit = IMAGE_COVER;
		return &city->photos[it.index].image;
	}
	if (it.kind == ATTRACT_GIFT && it.index < city->n_gifts) {
		*box = gift_image_box(l);
		*fit = IMAGE_CONTAIN;
		return &city->gifts[it.index].image;
	}
	if (it.kind == ATTRACT_CITY) {
		*box = (struct rect){0, 0, l->stage.w * 2 / 5, l->stage.h * 3 / 4};
		*fit = IMAGE_CONTAIN;
		return &city->flag;
	}
	return NULL;
}

struct rect slide_flag_box(const struct layout *l)
{
	return (struct rect){0, 0, l->flag_h * 4 / 3, l->flag_h};
}

/* Draws art's texture centred in box, or a quiet placeholder. */
static void draw_art(const struct slide_env *e, SDL_Texture *tex, int w, int h, struct rect box)
{
	if (!tex) {
		draw_fill(e->ren, box, theme.placeholder, 255);
		char msg[128];
		struct text_style st = {FACE_SANS, e->l->size_small, color(theme.text_soft), 0};
		ui_text(UI_NO_IMAGE, lang_code(e), 0, msg, sizeof msg);
		int tw = text_width(e->text, st.face, st.px, msg, strlen(msg));
		text_draw_line(e->text, &st, msg, box.x + (box.w - tw) / 2,
		               box.y + box.h / 2 - st.px / 2);
		return;
	}
	struct rect r = {box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
	draw_texture(e->ren, tex, r);
}

/* Darkens the screen below y (at full strength from there down, fading in
 * above it) so text drawn below y is legible over any photo. */
static void draw_scrim(const struct slide_env *e, int y)
{
	const struct layout *l = e->l;
	int full = y < l->panel.y ? y : l->panel.y;
	int top = full - (l->panel.y - l->scrim_top);
	struct rect fade = {0, top, l->w, full - top};
	draw_gradient(e->ren, fade, theme.scrim, 0, theme.scrim, l->scrim_alpha);
	draw_fill(e->ren, (struct rect){0, full, l->w, l->h - full}, theme.scrim, l->scrim_alpha);
}

/* "Amnéville · Франция": the name in the other languages and the country. */
static void city_subline(const struct slide_env *e, const struct city *city, char *buf, size_t size)
{
	size_t n = 0;
	bool native_shown = false;
	buf[0] = '\0';
	for (int i = 0; i < e->c->hall.n_langs; i++) {
		native_shown |= strcmp(content_text(&city->name, i), city->native_name) == 0;
		if (i == e->lang)
			continue;
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s · ",
		                      content_text(&city->name, i));
	}
	if (!native_shown && n < size) /* its own script too: 青岛 */
		n += (size_t)snprintf(buf + n, size - n, "%s · ", city->native_name);
	snprintf(buf + (n < size ? n : size - 1), n < size ? size - n : 1, "%s",
	         tr(e, &city->country));
}

struct block {
	int y; /* where the next line goes */
	int dry_run;
};

static int header_height(const struct slide_env *e)
{
	const struct layout *l = e->l;
	int name = text_line_height(e->text, FACE_SERIF_BOLD, l->size_name);
	int sub = text_line_height(e->text, FACE_SANS, l->size_sub);
	return name + sub + layout_px(l, 8) + text_line_height(e->text, FACE_SANS, l->size_sub);
}

/* The status badge after the "twin city since" line. */
static void draw_badge(const struct slide_env *e, const struct city *city, int x, int y)
{
	const struct layout *l = e->l;
	char buf[160];
	enum ui_str id = city->status == LINK_ENDED ? UI_ENDED_IN : UI_SUSPENDED_IN;
	ui_text(id, lang_code(e), city->status_year, buf, sizeof buf);
	struct text_style st = {FACE_SANS_BOLD, l->size_small, {24, 18, 12, 255}, 0};
	int tw = text_width(e->text, st.face, st.px, buf, strlen(buf));
	int lh = text_line_height(e->text, st.face, st.px);
	int pad = layout_px(l, 18);
	draw_pill(e->ren, (struct rect){x, y, tw + 2 * pad, lh + layout_px(l, 6)}, theme.warn, 255);
	text_draw_line(e->text, &st, buf, x + pad, y + layout_px(l, 3));
}

/* Flag, name, other names and country, "twin city since" and status. */
static void draw_header(const struct slide_env *e, const struct city *city,
                        const struct slide_art *art, int x, int y)
{
	const struct layout *l = e->l;
	int name_lh = text_line_height(e->text, FACE_SERIF_BOLD, l->size_name);
	int fw = l->flag_h * 4 / 3;
	struct rect flag = {x, y + (name_lh - l->flag_h) / 2, fw, l->flag_h};
	draw_fill(e->ren, (struct rect){flag.x - 2, flag.y - 2, flag.w + 4, flag.h + 4}, theme.text,
	          60);
	draw_art(e, art->flag, fw, l->flag_h, flag);
	int tx = x + fw + layout_px(l, 32);
	struct text_style name = {FACE_SERIF_BOLD, l->size_name, color(theme.text), 0};
	text_draw_line(e->text, &name, tr(e, &city->name), tx, y);
	y += name_lh;
	char buf[512];
	city_subline(e, city, buf, sizeof buf);
	struct text_style sub = {FACE_SANS, l->size_sub, color(theme.text_soft), 0};
	text_draw_line(e->text, &sub, buf, x, y);
	y += text_line_height(e->text, FACE_SANS, l->size_sub) + layout_px(l, 8);
	ui_text(UI_TWINNED_SINCE, lang_code(e), city->twinned_year, buf, sizeof buf);
	struct text_style acc = {FACE_SANS_BOLD, l->size_sub, color(theme.accent), 0};
	int w = text_draw_line(e->text, &acc, buf, x, y);
	if (city->status != LINK_ACTIVE)
		draw_badge(e, city, x + w + layout_px(l, 24), y);
}

/* The caption under a photo: the text, then its year and credit. */
static int draw_caption(const struct slide_env *e, const struct photo *p, int x, int y, int dry_run)
{
	const struct layout *l = e->l;
	struct text_style body = {FACE_SANS, l->size_body, color(theme.text), 0};
	int h =
	    text_draw_paragraph(e->text, &body, tr(e, &p->caption), x, y, l->text_w, 3, dry_run);
	char meta[400];
	ui_photo_meta(p, meta, sizeof meta);
	if (meta[0]) {
		struct text_style small = {FACE_SANS, l->size_small, color(theme.text_soft), 0};
		h += layout_px(l, 10);
		h += text_draw_paragraph(e->text, &small, meta, x, y + h, l->text_w, 2, dry_run);
	}
	return h;
}

/* The gift's words: "Gift · 2018", its title, description and giver. */
static int draw_gift_text(const struct slide_env *e, const struct gift *g, struct rect box,
                          int dry_run)
{
	const struct layout *l = e->l;
	char buf[256];
	int y = box.y;
	ui_text(g->year ? UI_GIFT_IN : UI_GIFT, lang_code(e), g->year, buf, sizeof buf);
	struct text_style eyebrow = {FACE_SANS_BOLD, l->size_small, color(theme.accent), 0};
	if (!dry_run)
		text_draw_line(e->text, &eyebrow, buf, box.x, y);
	y += text_line_height(e->text, eyebrow.face, eyebrow.px) + layout_px(l, 4);
	struct text_style title = {FACE_SERIF_BOLD, l->size_heading, color(theme.text), 0};
	y += text_draw_paragraph(e->text, &title, tr(e, &g->title), box.x, y, box.w, 2, dry_run);
	y += layout_px(l, 12);
	struct text_style body = {FACE_SANS, l->size_body, color(theme.text), 0};
	y += text_draw_paragraph(e->text, &body, tr(e, &g->description), box.x, y, box.w,
	                         l->portrait ? 3 : 5, dry_run);
	y += layout_px(l, 12);
	ui_text(UI_GIVEN_BY, lang_code(e), 0, buf, sizeof buf);
	char line[512];
	snprintf(line, sizeof line, "%s: %s", buf, tr(e, &g->given_by));
	struct text_style small = {FACE_SANS, l->size_sub, color(theme.text_soft), 0};
	y += text_draw_paragraph(e->text, &small, line, box.x, y, box.w, 2, dry_run);
	return y - box.y;
}

/* One moment of history, centred in the stage: the year large, then the text. */
static void draw_history(const struct slide_env *e, const struct history_entry *h)
{
	const struct layout *l = e->l;
	struct history_box b = history_box(e->text, l);
	b.year.color = color(theme.accent);
	b.body.color = color(theme.text);
	int text_h =
	    text_draw_paragraph(e->text, &b.body, tr(e, &h->text), 0, 0, b.width, b.lines, 1);
	int y = l->stage.y + (l->stage.h - b.year_h - text_h) / 2;
	char buf[16];
	snprintf(buf, sizeof buf, "%d", h->year);
	text_draw_line(e->text, &b.year, buf, l->stage.x, y);
	text_draw_paragraph(e->text, &b.body, tr(e, &h->text), l->stage.x, y + b.year_h, b.width,
	                    b.lines, 0);
}

/* The hall's name and where in the loop we are, one dot per city. */
static void draw_footer(const struct slide_env *e, struct attract_item it)
{
	const struct layout *l = e->l;
	int n = (int)e->c->hall.n_cities;
	int d = layout_px(l, 14), gap = layout_px(l, 16);
	int right = l->w - l->margin;
	int bottom = l->portrait ? l->h - layout_px(l, 56) : l->panel.y + l->panel.h;
	int cy = bottom - d / 2;
	for (int i = 0; i < n; i++) {
		int cx = right - (n - 1 - i) * (d + gap) - d / 2;
		Uint8 a = (size_t)i == it.city ? 255 : 90;
		draw_circle(e->ren, cx, cy, (size_t)i == it.city ? d / 2 : d / 3, theme.text, a);
	}
	struct text_style st = {FACE_SANS, l->size_small, color(theme.text_soft), 0};
	const char *title = tr(e, &e->c->hall.title);
	int tw = text_width(e->text, st.face, st.px, title, strlen(title));
	int lh = text_line_height(e->text, st.face, st.px);
	if (l->portrait)
		text_draw_line(e->text, &st, title, l->margin, cy - lh / 2);
	else
		text_draw_line(e->text, &st, title, right - tw, cy - d - gap - lh);
}

/* The lower third: the header, then the item's text below it in the panel.
 * Returns where the block starts: in landscape it stands on the panel's
 * bottom edge and grows upwards with long captions. */
static int panel_top(const struct slide_env *e, struct attract_item it, const struct city *city)
{
	const struct layout *l = e->l;
	if (l->portrait)
		return l->panel.y;
	int body_h = 0;
	if (it.kind == ATTRACT_PHOTO)
		body_h = draw_caption(e, &city->photos[it.index], 0, 0, 1) + l->gap;
	return l->panel.y + l->panel.h - header_height(e) - body_h;
}

static void draw_panel(const struct slide_env *e, struct attract_item it, const struct city *city,
                       const struct slide_art *art, int y)
{
	const struct layout *l = e->l;
	draw_header(e, city, art, l->panel.x, y);
	y += header_height(e) + l->gap;
	if (it.kind == ATTRACT_PHOTO)
		draw_caption(e, &city->photos[it.index], l->panel.x, y, 0);
	else if (it.kind == ATTRACT_GIFT && l->portrait)
		draw_gift_text(e, &city->gifts[it.index],
		               (struct rect){l->panel.x, y, l->text_w, 0}, 0);
}

static void draw_stage(const struct slide_env *e, struct attract_item it, const struct city *city,
                       const struct slide_art *art)
{
	const struct layout *l = e->l;
	if (it.kind == ATTRACT_PHOTO) {
		draw_art(e, art->image, art->image_w, art->image_h, l->photo);
	} else if (it.kind == ATTRACT_GIFT) {
		draw_art(e, art->image, art->image_w, art->image_h, gift_image_box(l));
		if (!l->portrait) {
			const struct gift *g = &city->gifts[it.index];
			struct rect box = gift_text_box(l);
			int h = draw_gift_text(e, g, box, 1);
			box.y += h < box.h ? (box.h - h) / 2 : 0;
			draw_gift_text(e, g, box, 0);
		}
	} else if (it.kind == ATTRACT_HISTORY) {
		draw_history(e, &city->history[it.index]);
	} else {
		draw_art(e, art->image, art->image_w, art->image_h, l->stage);
	}
}

/* The invitation to touch, in the footer over the scrim: right-aligned above
 * the hall's name in landscape, above the footer row in portrait. */
static void draw_touch_hint(const struct slide_env *e)
{
	const struct layout *l = e->l;
	char buf[160];
	ui_text(UI_TOUCH_HINT, lang_code(e), 0, buf, sizeof buf);
	struct text_style st = {FACE_SANS_BOLD, l->size_small, color(theme.text), 0};
	int tw = text_width(e->text, st.face, st.px, buf, strlen(buf));
	int lh = text_line_height(e->text, st.face, st.px);
	int d = layout_px(l, 14), gap = layout_px(l, 16);
	if (l->portrait) {
		int y = l->h - layout_px(l, 56) - d / 2 - lh / 2 - gap - lh;
		text_draw_line(e->text, &st, buf, l->margin, y);
		return;
	}
	int bottom = l->panel.y + l->panel.h;
	text_draw_line(e->text, &st, buf, l->w - l->margin - tw,
	               bottom - d - gap - 2 * lh - gap / 2);
}

void slide_draw(const struct slide_env *e, struct attract_item it, const struct slide_art *art)
{

	const struct layout *l = e->l;
	const struct city *city = &e->c->hall.cities[it.city];
	draw_gradient(e->ren, (struct rect){0, 0, l->w, l->h}, theme.backdrop_top, 255,
	              theme.backdrop_bottom, 255);
	int top = panel_top(e, it, city);
	if (it.kind == ATTRACT_PHOTO) {
		draw_stage(e, it, city, art);
		draw_scrim(e, top - l->gap);
	} else {
		draw_scrim(e, top - l->gap);
		draw_stage(e, it, city, art);
	}
	draw_panel(e, it, city, art, top);
	draw_footer(e, it);
	draw_touch_hint(e);
}
