#include "ui/slide.h"

#include <stdio.h>
#include <string.h>

#include "render/draw.h"
#include "render/theme.h"
#include "text/history_box.h"
#include "text/ui_text.h"

/* What a walk over a slide does: draw it, ask the text worker for its
 * texts, or count those the worker is still drawing. The walk is one, so
 * the texts asked for ahead are the very texts drawn. */
enum slide_pass { PASS_DRAW, PASS_PREFETCH, PASS_PENDING };

struct slide_env {
	struct ui *ui;
	const struct layout *l;
	const struct content *c;
	const struct slide_art *art;
	enum slide_pass pass;
	size_t pending; /* PASS_PENDING: texts still with the worker */
};

static bool drawing(const struct slide_env *e)
{
	return e->pass == PASS_DRAW;
}

static const char *tr(const struct slide_env *e, const struct i18n *t)
{
	return ui_tr(e->ui, t);
}

/* s as ui_label draws it at x, y, wrapped to max_w in at most max_lines
 * lines (max_w 0: one line); in the other passes only asked for or looked
 * up. */
static void label(struct slide_env *e, const struct text_style *st, const char *s, int x, int y,
                  int max_w, int max_lines)
{
	if (e->pass == PASS_DRAW)
		ui_label(e->ui, st, s, x, y, max_w, max_lines);
	else if (e->pass == PASS_PREFETCH)
		ui_label_prefetch(e->ui, st, s, max_w, max_lines);
	else
		e->pending += ui_label_pending(e->ui, st, s, max_w, max_lines);
}

/* The width of s on one line (0 when not drawing: nothing is measured). */
static int line_width(struct slide_env *e, const struct text_style *st, const char *s)
{
	int w = 0, h = 0;
	if (drawing(e))
		ui_label_size(e->ui, st, s, 0, 1, &w, &h);
	return w;
}

static int line_height(const struct slide_env *e, const struct text_style *st)
{
	return text_line_height(e->ui->text, st->face, st->px);
}

/* The room a paragraph takes: its lines times the line height (0 when not
 * drawing: nothing is measured). */
static int block(struct slide_env *e, const struct text_style *st, const char *s, int max_w,
                 int max_lines)
{
	if (!drawing(e))
		return 0;
	return ui_label_lines(e->ui, st, s, max_w, max_lines) * line_height(e, st);
}

/* A paragraph at x, y unless dry_run; returns the room it takes. */
static int paragraph(struct slide_env *e, const struct text_style *st, const char *s, int x, int y,
                     int max_w, int max_lines, bool dry_run)
{
	if (!dry_run)
		label(e, st, s, x, y, max_w, max_lines);
	return block(e, st, s, max_w, max_lines);
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
static void draw_art(struct slide_env *e, SDL_Texture *tex, int w, int h, struct rect box)
{
	if (!tex) {
		if (drawing(e))
			draw_fill(e->ui->ren, box, theme.placeholder, 255);
		char msg[128];
		struct text_style st = {FACE_SANS, e->l->size_small, ui_color(theme.text_soft), 0};
		ui_text(UI_NO_IMAGE, ui_lang(e->ui), 0, msg, sizeof msg);
		int tw = line_width(e, &st, msg);
		label(e, &st, msg, box.x + (box.w - tw) / 2, box.y + box.h / 2 - st.px / 2, 0, 1);
		return;
	}
	if (drawing(e))
		draw_texture(e->ui->ren, tex,
		             (struct rect){box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h});
}

/* The width the scrim covers from the left edge: in landscape only the
 * text column (the rest of the photo keeps its light: people stand
 * there), in portrait, where the text spans the screen, all of it. */
static int scrim_width(const struct layout *l)
{
	return l->portrait ? l->w : l->margin * 2 + l->text_w;
}

/* Darkens the text column below y (at full strength from there down, fading
 * in above it) so text drawn below y is legible over any photo. */
static void draw_scrim(struct slide_env *e, int y)
{
	const struct layout *l = e->l;
	if (!drawing(e))
		return;
	int full = y < l->panel.y ? y : l->panel.y, w = scrim_width(l);
	draw_soft_box(e->ui->ren, (struct rect){0, full, w, l->h - full}, l->panel.y - l->scrim_top,
	              false, w < l->w, theme.scrim, l->scrim_alpha);
}

/* The same darkening behind a block at the right of the footer (the
 * invitation, the hall's name, the dots), from y down. */
static void draw_footer_scrim(struct slide_env *e, int x, int y)
{
	const struct layout *l = e->l;
	if (!drawing(e) || l->portrait)
		return;
	int pad = layout_px(l, 40);
	x -= pad;
	draw_soft_box(e->ui->ren, (struct rect){x, y - pad, l->w - x, l->h - y + pad},
	              layout_px(l, 160), true, false, theme.scrim, l->scrim_alpha);
}

/* "Amnéville · Франция": the name in the other languages and the country. */
static void city_subline(const struct slide_env *e, const struct city *city, char *buf, size_t size)
{
	size_t n = 0;
	bool native_shown = false;
	int lang = e->ui->nav.lang;
	buf[0] = '\0';
	for (int i = 0; i < e->c->hall.n_langs; i++) {
		native_shown |= strcmp(content_text(&city->name, i), city->native_name) == 0;
		if (i == lang)
			continue;
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s · ",
		                      content_text(&city->name, i));
	}
	if (!native_shown && n < size) /* its own script too: 青岛 */
		n += (size_t)snprintf(buf + n, size - n, "%s · ", city->native_name);
	snprintf(buf + (n < size ? n : size - 1), n < size ? size - n : 1, "%s",
	         tr(e, &city->country));
}

/* The status line of a suspended or ended link under the "twin city
 * since" line, as every screen shows it (ui_status): its style and words. */
static const char *status_words(const struct slide_env *e, const struct city *city,
                                struct text_style *st, char *buf, size_t size)
{
	*st = (struct text_style){FACE_SANS_BOLD, e->l->size_sub, ui_color(theme.warn), 0};
	return ui_status_text(city, ui_lang(e->ui), buf, size);
}

static int status_height(struct slide_env *e, const struct city *city)
{
	struct text_style st;
	char buf[200];
	if (!*status_words(e, city, &st, buf, sizeof buf))
		return 0;
	int indent = st.px * UI_STATUS_INDENT / 100;
	return layout_px(e->l, 8) + block(e, &st, buf, e->l->text_w - indent, 2);
}

static int header_height(struct slide_env *e, const struct city *city)
{
	const struct layout *l = e->l;
	int name = text_line_height(e->ui->text, FACE_SERIF_BOLD, l->size_name);
	int sub = text_line_height(e->ui->text, FACE_SANS, l->size_sub);
	return name + sub + layout_px(l, 8) + sub + status_height(e, city);
}

/* The status line below the "twin city since" line at y. */
static void draw_status(struct slide_env *e, const struct city *city, int x, int y)
{
	struct text_style st;
	char buf[200];
	if (!*status_words(e, city, &st, buf, sizeof buf))
		return;
	y += layout_px(e->l, 8);
	int indent = st.px * UI_STATUS_INDENT / 100, r = st.px * UI_STATUS_DOT / 200;
	if (drawing(e))
		draw_circle(e->ui->ren, x + r, y + line_height(e, &st) / 2, r, theme.warn, 255);
	label(e, &st, buf, x + indent, y, e->l->text_w - indent, 2);
}

/* Flag, name, other names and country, "twin city since" and status. */
static void draw_header(struct slide_env *e, const struct city *city, int x, int y)
{
	const struct layout *l = e->l;
	struct text_style name = {FACE_SERIF_BOLD, l->size_name, ui_color(theme.text), 0};
	int name_lh = line_height(e, &name);
	int fw = l->flag_h * 4 / 3;
	struct rect flag = {x, y + (name_lh - l->flag_h) / 2, fw, l->flag_h};
	if (drawing(e))
		draw_fill(e->ui->ren, (struct rect){flag.x - 2, flag.y - 2, flag.w + 4, flag.h + 4},
		          theme.text, 60);
	draw_art(e, e->art->flag, fw, l->flag_h, flag);
	label(e, &name, tr(e, &city->name), x + fw + layout_px(l, 32), y, 0, 1);
	y += name_lh;
	char buf[512];
	city_subline(e, city, buf, sizeof buf);
	struct text_style sub = {FACE_SANS, l->size_sub, ui_color(theme.text_soft), 0};
	label(e, &sub, buf, x, y, 0, 1);
	y += line_height(e, &sub) + layout_px(l, 8);
	ui_text(UI_TWINNED_SINCE, ui_lang(e->ui), city->twinned_year, buf, sizeof buf);
	struct text_style acc = {FACE_SANS_BOLD, l->size_sub, ui_color(theme.accent), 0};
	label(e, &acc, buf, x, y, 0, 1);
	draw_status(e, city, x, y + line_height(e, &acc));
}

/* The caption under a photo: the text, then its year and credit. */
static int draw_caption(struct slide_env *e, const struct photo *p, int x, int y, bool dry_run)
{
	const struct layout *l = e->l;
	struct text_style body = {FACE_SANS, l->size_body, ui_color(theme.text), 0};
	int h = paragraph(e, &body, tr(e, &p->caption), x, y, l->text_w, 3, dry_run);
	char meta[400];
	ui_photo_meta(p, e->ui->nav.lang, meta, sizeof meta);
	if (meta[0]) {
		struct text_style small = {FACE_SANS, l->size_small, ui_color(theme.text_soft), 0};
		h += layout_px(l, 10);
		h += paragraph(e, &small, meta, x, y + h, l->text_w, 2, dry_run);
	}
	return h;
}

/* The gift's words: "Gift · 2018", its title, description and giver. */
static int draw_gift_text(struct slide_env *e, const struct gift *g, struct rect box, bool dry_run)
{
	const struct layout *l = e->l;
	char buf[256];
	int y = box.y;
	ui_text(g->year ? UI_GIFT_IN : UI_GIFT, ui_lang(e->ui), g->year, buf, sizeof buf);
	struct text_style eyebrow = {FACE_SANS_BOLD, l->size_small, ui_color(theme.accent), 0};
	if (!dry_run)
		label(e, &eyebrow, buf, box.x, y, 0, 1);
	y += line_height(e, &eyebrow) + layout_px(l, 4);
	struct text_style title = {FACE_SERIF_BOLD, l->size_heading, ui_color(theme.text), 0};
	y += paragraph(e, &title, tr(e, &g->title), box.x, y, box.w, 2, dry_run);
	y += layout_px(l, 12);
	struct text_style body = {FACE_SANS, l->size_body, ui_color(theme.text), 0};
	y += paragraph(e, &body, tr(e, &g->description), box.x, y, box.w, l->portrait ? 3 : 5,
	               dry_run);
	y += layout_px(l, 12);
	ui_text(UI_GIVEN_BY, ui_lang(e->ui), 0, buf, sizeof buf);
	char line[512];
	snprintf(line, sizeof line, "%s: %s", buf, tr(e, &g->given_by));
	struct text_style small = {FACE_SANS, l->size_sub, ui_color(theme.text_soft), 0};
	y += paragraph(e, &small, line, box.x, y, box.w, 3, dry_run);
	return y - box.y;
}

/* One moment of history, centred in the stage: the year large, then the text. */
static void draw_history(struct slide_env *e, const struct history_entry *h)
{
	const struct layout *l = e->l;
	struct history_box b = history_box(e->ui->text, l);
	b.year.color = ui_color(theme.accent);
	b.body.color = ui_color(theme.text);
	const char *text = tr(e, &h->text);
	int text_h = block(e, &b.body, text, b.width, b.lines);
	int y = l->stage.y + (l->stage.h - b.year_h - text_h) / 2;
	char buf[16];
	snprintf(buf, sizeof buf, "%d", h->year);
	label(e, &b.year, buf, l->stage.x, y, 0, 1);
	label(e, &b.body, text, l->stage.x, y + b.year_h, b.width, b.lines);
}

/* The hall's name and where in the loop we are, one dot per city. */
static void draw_footer(struct slide_env *e, struct attract_item it)
{
	const struct layout *l = e->l;
	int n = (int)e->c->hall.n_cities;
	int d = layout_px(l, 14), gap = layout_px(l, 16);
	int right = l->w - l->margin;
	int bottom = l->portrait ? l->h - layout_px(l, 56) : l->panel.y + l->panel.h;
	int cy = bottom - d / 2;
	for (int i = 0; i < n && drawing(e); i++) {
		int cx = right - (n - 1 - i) * (d + gap) - d / 2;
		Uint8 a = (size_t)i == it.city ? 255 : 90;
		draw_circle(e->ui->ren, cx, cy, (size_t)i == it.city ? d / 2 : d / 3, theme.text,
		            a);
	}
	struct text_style st = {FACE_SANS, l->size_small, ui_color(theme.text_soft), 0};
	const char *title = tr(e, &e->c->hall.title);
	int lh = line_height(e, &st);
	if (l->portrait)
		label(e, &st, title, l->margin, cy - lh / 2, 0, 1);
	else
		label(e, &st, title, right - line_width(e, &st, title), cy - d - gap - lh, 0, 1);
}

/* The lower third: the header, then the item's text below it in the panel.
 * Returns where the block starts: in landscape it stands on the panel's
 * bottom edge and grows upwards with long captions. */
static int panel_top(struct slide_env *e, struct attract_item it, const struct city *city)
{
	const struct layout *l = e->l;
	if (l->portrait)
		return l->panel.y;
	int body_h = 0;
	if (it.kind == ATTRACT_PHOTO)
		body_h = draw_caption(e, &city->photos[it.index], 0, 0, true) + l->gap;
	return l->panel.y + l->panel.h - header_height(e, city) - body_h;
}

static void draw_panel(struct slide_env *e, struct attract_item it, const struct city *city, int y)
{
	const struct layout *l = e->l;
	draw_header(e, city, l->panel.x, y);
	y += header_height(e, city) + l->gap;
	if (it.kind == ATTRACT_PHOTO)
		draw_caption(e, &city->photos[it.index], l->panel.x, y, false);
	else if (it.kind == ATTRACT_GIFT && l->portrait)
		draw_gift_text(e, &city->gifts[it.index],
		               (struct rect){l->panel.x, y, l->text_w, 0}, false);
}

static void draw_stage(struct slide_env *e, struct attract_item it, const struct city *city)
{
	const struct layout *l = e->l;
	const struct slide_art *art = e->art;
	if (it.kind == ATTRACT_PHOTO) {
		draw_art(e, art->image, art->image_w, art->image_h, l->photo);
	} else if (it.kind == ATTRACT_GIFT) {
		draw_art(e, art->image, art->image_w, art->image_h, gift_image_box(l));
		if (!l->portrait) {
			const struct gift *g = &city->gifts[it.index];
			struct rect box = gift_text_box(l);
			int h = draw_gift_text(e, g, box, true);
			box.y += h < box.h ? (box.h - h) / 2 : 0;
			draw_gift_text(e, g, box, false);
		}
	} else if (it.kind == ATTRACT_HISTORY) {
		draw_history(e, &city->history[it.index]);
	} else {
		draw_art(e, art->image, art->image_w, art->image_h, l->stage);
	}
}

/* The invitation to touch, in the footer over the scrim: right-aligned above
 * the hall's name in landscape, above the footer row in portrait. Every
 * other slide says it in the next language, so a visitor who reads only
 * that one learns the hall speaks it. */
static void draw_touch_hint(struct slide_env *e, struct attract_item it)
{
	const struct layout *l = e->l;
	const struct hall *h = &e->c->hall;
	char buf[160];
	int lang = e->ui->nav.lang;
	if (h->n_langs > 1 && it.seq % 2)
		lang = (lang + 1) % h->n_langs;
	ui_text(UI_TOUCH_HINT, h->langs[lang], 0, buf, sizeof buf);
	struct text_style st = {FACE_SANS_BOLD, l->size_sub, ui_color(theme.text), 0};
	int lh = line_height(e, &st);
	int d = layout_px(l, 14), gap = layout_px(l, 16);
	struct text_style small = {FACE_SANS, l->size_small, ui_color(theme.text_soft), 0};
	int slh = line_height(e, &small);
	if (l->portrait) {
		label(e, &st, buf, l->margin, l->h - layout_px(l, 56) - d / 2 - slh / 2 - gap - lh,
		      0, 1);
		return;
	}
	/* Beside the caption, never over it: wrapped to the room right of the
	 * text column, standing on the hall's name. */
	int bottom = l->panel.y + l->panel.h, room = l->panel.w - l->text_w - l->gap * 2;
	int bw = 0, bh = 0;
	if (drawing(e))
		ui_label_size(e->ui, &st, buf, room, 2, &bw, &bh);
	int y = bottom - d - gap - slh - bh - gap / 2;
	draw_footer_scrim(e, l->w - l->margin - (bw > room / 2 ? bw : room / 2), y);
	label(e, &st, buf, l->w - l->margin - bw, y, room, 2);
}

/* The walk over item it's slide, in the order it is drawn. */
static void walk(struct slide_env *e, struct attract_item it)
{
	const struct layout *l = e->l;
	const struct city *city = &e->c->hall.cities[it.city];
	if (drawing(e))
		draw_gradient(e->ui->ren, (struct rect){0, 0, l->w, l->h}, theme.backdrop_top, 255,
		              theme.backdrop_bottom, 255);
	int top = panel_top(e, it, city);
	if (it.kind == ATTRACT_PHOTO) {
		draw_stage(e, it, city);
		draw_scrim(e, top - l->gap);
	} else {
		draw_scrim(e, top - l->gap);
		draw_stage(e, it, city);
	}
	draw_panel(e, it, city, top);
	draw_touch_hint(e, it); /* first: its scrim goes under the footer too */
	draw_footer(e, it);
}

static struct slide_env env(struct ui *ui, const struct slide_art *art, enum slide_pass pass)
{
	return (struct slide_env){ui, &ui->l, ui->c, art, pass, 0};
}

void slide_draw(struct ui *ui, struct attract_item it, const struct slide_art *art)
{
	struct slide_env e = env(ui, art, PASS_DRAW);
	walk(&e, it);
}

void slide_prefetch(struct ui *ui, struct attract_item it)
{
	struct slide_env e = env(ui, &(struct slide_art){0}, PASS_PREFETCH);
	walk(&e, it);
}

size_t slide_pending(struct ui *ui, struct attract_item it, const struct slide_art *art)
{
	struct slide_env e = env(ui, art, PASS_PENDING);
	walk(&e, it);
	return e.pending;
}
