/* A city's gifts: a grid of cards the visitor drags up and down, with
 * inertia, as the history's timeline; and each gift on its own page that
 * the visitor can swipe through. */
#include <math.h>
#include <stdio.h>

#include "input/scroll.h"
#include "render/draw.h"
#include "ui/hints.h"
#include "ui/screen.h"
#include "render/theme.h"
#include "text/ui_text.h"

static const struct rgb card_bg = {31, 39, 54};

enum { GRID_PAD = 24 }; /* design px above the first row */

static const struct city *city_of(const struct ui *ui)
{
	return &ui->c->hall.cities[ui->nav.city];
}

/* A card's shape: its picture above its words, or, where a card that tall
 * would not show whole in its band (reach mode in landscape: the lower
 * half), beside them. */
enum card_shape { CARD_TALL, CARD_WIDE };

/* The grid's geometry: columns of cards of one size and shape, scrolled in
 * the band from below the city's header to the bottom of the screen. */
struct grid {
	int top, bottom; /* the band the cards scroll in */
	enum card_shape shape;
	int cols, cw, ch, gap;
	size_t rows;
};

/* The picture's box in card r: the card's width at 4:3, or its height at
 * 4:3 at its left, at most two fifths of it. */
static struct rect card_picture(const struct grid *g, struct rect r)
{
	if (g->shape == CARD_TALL)
		return (struct rect){r.x, r.y, r.w, r.w * 3 / 4};
	int w = r.h * 4 / 3 < r.w * 2 / 5 ? r.h * 4 / 3 : r.w * 2 / 5;
	return (struct rect){r.x, r.y, w, r.h};
}

/* Gift i's card at r, touchable where it shows between top and bottom. */
static void gift_card(struct ui *ui, const struct grid *gr, size_t i, struct rect r, int top,
                      int bottom)
{
	const struct layout *l = &ui->l;
	const struct gift *g = &city_of(ui)->gifts[i];
	draw_fill(ui->ren, r, card_bg, 255);
	int pad = layout_px(l, 28);
	struct rect img = card_picture(gr, r);
	ui_image(ui, &g->image, img, IMAGE_COVER);
	int x = r.x + pad, y = img.y + img.h + pad, w = r.w - 2 * pad;
	if (gr->shape == CARD_WIDE) {
		x = img.x + img.w + pad;
		y = r.y + pad;
		w = r.x + r.w - pad - x;
	}
	/* Smaller, then on a third line, before it is ever cut. */
	const char *t = ui_tr(ui, &g->title);
	int lines = 2, min = layout_text_px(l, 30);
	int px = ui_fit_px(ui, FACE_SERIF_BOLD, t, w, lines, layout_text_px(l, 40), min);
	struct text_style title = {FACE_SERIF_BOLD, px, ui_color(theme.text), 0};
	if (px == min && text_lines_needed(ui->text, &title, t, w) > lines)
		lines = 3;
	y += ui_label(ui, &title, t, x, y, w, lines) + layout_px(l, 8);
	char buf[128];
	ui_text(g->year ? UI_GIFT_IN : UI_GIFT, ui_lang(ui), g->year, buf, sizeof buf);
	struct text_style meta = {FACE_SANS_BOLD, l->size_small, ui_color(theme.accent), 0};
	ui_label(ui, &meta, buf, x, y, w, 1);
	struct rect hit = r;
	if (hit.y < top) {
		hit.h -= top - hit.y;
		hit.y = top;
	}
	if (hit.y + hit.h > bottom)
		hit.h = bottom - hit.y;
	if (hit.h > 0)
		hit_add(&ui->hits, hit, NAV_EV_OPEN_GIFT, (int)i);
}

static float grid_height(const struct ui *ui, const struct grid *g);

static struct grid grid_of(struct ui *ui)
{
	const struct layout *l = &ui->l;
	struct grid g;
	g.top = screen_city_top(ui);
	g.bottom = l->h;
	if (ui_reach(ui)) { /* reach mode: the cards scroll in the lower half, above the buttons */
		g.top = g.top > l->h / 2 ? g.top : l->h / 2;
		g.bottom = ui_content_bottom(ui, 2);
	}
	g.shape = CARD_TALL;
	g.cols = l->portrait ? 2 : 3;
	g.gap = layout_px(l, 32);
	g.cw = (l->w - 2 * l->margin - (g.cols - 1) * g.gap) / g.cols;
	g.ch = g.cw * 3 / 4 + layout_text_px(l, 240); /* room for a title of three lines */
	int band = g.bottom - g.top - layout_px(l, GRID_PAD);
	if (g.ch > band) { /* a row of wide cards, as tall as the band */
		g.shape = CARD_WIDE;
		g.cols = l->portrait ? 1 : 2;
		g.cw = (l->w - 2 * l->margin - (g.cols - 1) * g.gap) / g.cols;
		g.ch = band;
	}
	g.rows = (city_of(ui)->n_gifts + (size_t)g.cols - 1) / (size_t)g.cols;
	if (ui_reach(ui)) { /* a grid shorter than its band sits down on the buttons */
		int h = (int)grid_height(ui, &g);
		if (g.bottom - h > g.top)
			g.top = g.bottom - h;
	}
	return g;
}

/* The grid's whole height: its rows, a gap above and, out of reach mode,
 * a margin below (in it, the row of buttons is below). */
static float grid_height(const struct ui *ui, const struct grid *g)
{
	float rows = (float)g->rows, below = ui_reach(ui) ? 0.0f : (float)ui->l.margin;
	return (float)layout_px(&ui->l, GRID_PAD) + rows * (float)(g->ch + g->gap) - (float)g->gap +
	       below;
}

void screen_gift_grid(struct ui *ui, struct rect *band, struct rect *first)
{
	struct grid g = grid_of(ui);
	*band = (struct rect){0, g.top, ui->l.w, g.bottom - g.top};
	*first = (struct rect){ui->l.margin, g.top + layout_px(&ui->l, GRID_PAD), g.cw, g.ch};
}

/* The gifts screen's own state: the grid's scroll, and where it was set
 * up. */
struct gifts_state {
	struct ui_place scroll_for;
	struct scroll scroll;
};

static void gifts_enter(struct ui *ui)
{
	struct gifts_state *st = screen_state(ui, NAV_GIFTS);
	struct ui_place here = ui_place_now(ui);
	if (ui_place_same(st->scroll_for, here))
		return;
	struct grid g = grid_of(ui);
	scroll_init(&st->scroll, grid_height(ui, &g), (float)(g.bottom - g.top));
	st->scroll_for = here;
}

/* More or fewer gifts: the grid keeps its offset within the new length. */
static void gifts_reload(struct ui *ui)
{
	struct gifts_state *st = screen_state(ui, NAV_GIFTS);
	struct grid g = grid_of(ui);
	float content = grid_height(ui, &g), view = (float)(g.bottom - g.top);
	if (content != st->scroll.content || view != st->scroll.view)
		scroll_resize(&st->scroll, content, view, ui->now);
}

static bool gifts_gesture(struct ui *ui, const struct gesture *g, struct nav_event *ev)
{
	(void)ev;
	struct gifts_state *st = screen_state(ui, NAV_GIFTS);
	ui_scroll_gesture(ui, &st->scroll, g);
	return false;
}

static bool gifts_moving(const struct ui *ui)
{
	const struct gifts_state *st = screen_state_const(ui, NAV_GIFTS);
	return scroll_moving(&st->scroll, ui->now);
}

static struct rect card_rect(const struct ui *ui, const struct grid *g, size_t i, int y0)
{
	return (struct rect){ui->l.margin + (int)(i % (size_t)g->cols) * (g->cw + g->gap),
	                     y0 + (int)(i / (size_t)g->cols) * (g->ch + g->gap), g->cw, g->ch};
}

/* The rows a band from y (grid coordinates, scrolled) of height h touches,
 * first and one past the last, within the grid. */
static void rows_in(const struct grid *g, int y, int h, size_t *first, size_t *end)
{
	int step = g->ch + g->gap;
	long a = y < 0 ? 0 : y / step, b = (long)(y + h + step - 1) / step;
	*first = (size_t)a < g->rows ? (size_t)a : g->rows;
	*end = b < 0 ? 0 : (size_t)b < g->rows ? (size_t)b : g->rows;
}

/* Only the cards in the band are drawn (and so decoded); the rows just
 * above and below it are asked for ahead, not urgent, so a scroll finds
 * them ready. Nothing else is touched, however many gifts there are. */
static void draw_cards(struct ui *ui, const struct grid *g)
{
	const struct gifts_state *st = screen_state(ui, NAV_GIFTS);
	const struct city *c = city_of(ui);
	int off = (int)scroll_offset(&st->scroll, ui->now), pad = layout_px(&ui->l, GRID_PAD);
	int y0 = g->top + pad - off, view = g->bottom - g->top;
	size_t first, end, pre_first, pre_end;
	rows_in(g, off - pad, view, &first, &end);
	rows_in(g, off - pad - (g->ch + g->gap), view + 2 * (g->ch + g->gap), &pre_first, &pre_end);
	for (size_t i = first * (size_t)g->cols; i < end * (size_t)g->cols && i < c->n_gifts; i++)
		gift_card(ui, g, i, card_rect(ui, g, i, y0), g->top, g->bottom);
	for (size_t i = pre_first * (size_t)g->cols;
	     i < pre_end * (size_t)g->cols && i < c->n_gifts; i++) {
		if (i >= first * (size_t)g->cols && i < end * (size_t)g->cols)
			continue;
		struct rect r = card_picture(g, card_rect(ui, g, i, y0));
		texture_cache_prefetch(ui->images, c->gifts[i].image.path, r.w, r.h, IMAGE_COVER);
	}
}

static void gifts_draw(struct ui *ui)
{
	const struct layout *l = &ui->l;
	struct grid g = grid_of(ui);
	draw_gradient(ui->ren, (struct rect){0, 0, l->w, l->h}, theme.backdrop_top, 255,
	              theme.backdrop_bottom, 255);
	/* The cards scroll under the bar: clipped to their band, within any
	 * clip the frame already has (a band of a place drawn in parts). */
	SDL_Rect clip = {0, g.top, l->w, g.bottom - g.top}, outer;
	bool clipped = SDL_RenderIsClipEnabled(ui->ren);
	SDL_RenderGetClipRect(ui->ren, &outer);
	if (!clipped || SDL_IntersectRect(&clip, &outer, &clip)) {
		SDL_RenderSetClipRect(ui->ren, &clip);
		draw_cards(ui, &g);
		SDL_RenderSetClipRect(ui->ren, clipped ? &outer : NULL);
	}
	screen_city_bar(ui);
}

const struct screen_ops screen_gifts = {
    .name = "gifts",
    .state_size = sizeof(struct gifts_state),
    .enter = gifts_enter,
    .reload = gifts_reload,
    .gesture = gifts_gesture,
    .moving = gifts_moving,
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

/* One text of the gift's page: a line as ui_label takes it. */
static int page_line(struct ui *ui, const struct text_style *st, const char *s, struct rect box,
                     int y, int lines, bool draw)
{
	int w, h;
	if (draw)
		return ui_label(ui, st, s, box.x, y, box.w, lines);
	ui_label_size(ui, st, s, box.w, lines, &w, &h);
	return h;
}

/* The gift's words from the top of box, box.w wide: drawn, or (draw
 * false) only measured; returns their height. */
static int gift_text(struct ui *ui, const struct gift *g, struct rect box, bool draw)
{
	const struct layout *l = &ui->l;
	char buf[256], line[640];
	int y = box.y;
	ui_text(g->year ? UI_GIFT_IN : UI_GIFT, ui_lang(ui), g->year, buf, sizeof buf);
	struct text_style eyebrow = {FACE_SANS_BOLD, l->size_sub, ui_color(theme.accent), 0};
	y += page_line(ui, &eyebrow, buf, box, y, 1, draw) + layout_px(l, 8);
	struct text_style title = {FACE_SERIF_BOLD, l->size_heading, ui_color(theme.text), 0};
	y += page_line(ui, &title, ui_tr(ui, &g->title), box, y, 3, draw) + layout_px(l, 20);
	struct text_style body = {FACE_SANS, layout_text_px(l, 38), ui_color(theme.text), 0};
	y += page_line(ui, &body, ui_tr(ui, &g->description), box, y, 10, draw) + layout_px(l, 20);
	ui_text(UI_GIVEN_BY, ui_lang(ui), 0, buf, sizeof buf);
	snprintf(line, sizeof line, "%s: %s", buf, ui_tr(ui, &g->given_by));
	struct text_style soft = {FACE_SANS, l->size_sub, ui_color(theme.text_soft), 0};
	y += page_line(ui, &soft, line, box, y, 3, draw);
	return y - box.y;
}

/* The picture's share of the page, largest first: it gives way to the
 * words (long ones, or large text) before they would run off the page. */
static const int picture_shares[] = {50, 42, 34, 26};
enum { N_PICTURE_SHARES = sizeof picture_shares / sizeof picture_shares[0] };

void screen_gift_page(struct ui *ui, size_t i, int top, struct rect *img, struct rect *text)
{
	const struct layout *l = &ui->l;
	const struct gift *g = &city_of(ui)->gifts[i];
	int bottom = ui_content_bottom(ui, 2) - l->margin, h = bottom - top;
	int room = l->w - 2 * l->margin;
	for (int k = 0; k < N_PICTURE_SHARES; k++) {
		int share = picture_shares[k];
		if (l->portrait) { /* the picture above, the words below it */
			*img = (struct rect){l->margin, top, room, h * (share - 5) / 100};
			*text = (struct rect){l->margin, img->y + img->h + l->gap * 2, room, 0};
			text->h = gift_text(ui, g, *text, false);
		} else { /* the picture at the left, the words beside it, a sixth down */
			int pw = (room - l->gap * 2) * share / 100;
			*img = (struct rect){l->margin, top, pw, h};
			*text = (struct rect){l->margin + pw + l->gap * 2, top,
			                      room - pw - l->gap * 2, 0};
			text->h = gift_text(ui, g, *text, false);
			int down = h - text->h < h / 6 ? h - text->h : h / 6;
			text->y += down > 0 ? down : 0;
		}
		if (text->y + text->h <= bottom)
			return;
	}
}

static void gift_page(struct ui *ui, size_t i, int dx, int top)
{
	const struct gift *g = &city_of(ui)->gifts[i];
	struct rect img, text;
	screen_gift_page(ui, i, top, &img, &text);
	img.x += dx;
	text.x += dx;
	ui_image(ui, &g->image, img, IMAGE_CONTAIN);
	gift_text(ui, g, text, true);
}

int screen_gift_top(struct ui *ui)
{
	return screen_city_top(ui) + layout_px(&ui->l, 24);
}

static void gift_draw(struct ui *ui)
{
	const struct layout *l = &ui->l;
	const struct city *c = city_of(ui);
	draw_gradient(ui->ren, (struct rect){0, 0, l->w, l->h}, theme.backdrop_top, 255,
	              theme.backdrop_bottom, 255);
	int top = screen_gift_top(ui);
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
