/* A city's photos, full screen: swipe between them, double-tap or pinch to
 * zoom, drag to look around a zoomed photo. */
#include <math.h>
#include <stdio.h>

#include "render/draw.h"
#include "ui/hints.h"
#include "ui/screen.h"
#include "render/theme.h"
#include "text/ui_text.h"

enum { ZOOM_MAX = 4, ZOOM_DOUBLE_TAP = 2 };

/* The photos screen's own state. */
struct photos_state {
	struct ui_place pager_for; /* where the pager was set up */
	struct pager pager;
	float zoom;           /* 1 = fitted */
	float zoom_x, zoom_y; /* the photo point at the screen centre when zoomed, 0..1 */
	float zoom_start;     /* zoom when the pinch began */
	float pan_x, pan_y;   /* zoom_x, zoom_y when the drag began */
	struct rect zoom_out; /* the pill that ends the zoom, as last drawn */
};

static struct photos_state *state(struct ui *ui)
{
	return screen_state(ui, NAV_PHOTOS);
}

static const struct city *city_of(const struct ui *ui)
{
	return &ui->c->hall.cities[ui->nav.city];
}

static void photos_enter(struct ui *ui)
{
	struct photos_state *st = state(ui);
	ui_pager_enter(ui, &st->pager, &st->pager_for, (int)city_of(ui)->n_photos);
	st->zoom = 1;
	st->zoom_x = st->zoom_y = 0.5f;
}

static void photos_reload(struct ui *ui)
{
	struct photos_state *st = state(ui); /* a zoom stays */
	ui_pager_enter(ui, &st->pager, &st->pager_for, (int)city_of(ui)->n_photos);
}

static float clampf(float v, float lo, float hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Keeps the zoomed view inside the photo. */
static void clamp_zoom(struct photos_state *st)
{
	float half = 0.5f / st->zoom;
	st->zoom = clampf(st->zoom, 1, ZOOM_MAX);
	st->zoom_x = clampf(st->zoom_x, half, 1 - half);
	st->zoom_y = clampf(st->zoom_y, half, 1 - half);
}

static bool zoom_gesture(struct ui *ui, const struct gesture *g)
{
	struct photos_state *st = state(ui);
	switch (g->kind) {
	case GESTURE_DOUBLE_TAP:
		if (st->zoom > 1.01f) {
			st->zoom = 1;
		} else {
			st->zoom = ZOOM_DOUBLE_TAP;
			st->zoom_x = g->x / (float)ui->l.w;
			st->zoom_y = g->y / (float)ui->l.h;
		}
		break;
	case GESTURE_PINCH_BEGIN:
		st->zoom_start = st->zoom;
		break;
	case GESTURE_PINCH:
		st->zoom = st->zoom_start * g->scale;
		break;
	case GESTURE_DRAG_BEGIN:
		st->pan_x = st->zoom_x;
		st->pan_y = st->zoom_y;
		/* fall through */
	case GESTURE_DRAG:
		st->zoom_x = st->pan_x - g->dx / ((float)ui->l.w * st->zoom);
		st->zoom_y = st->pan_y - g->dy / ((float)ui->l.h * st->zoom);
		break;
	default:
		return false;
	}
	clamp_zoom(st);
	return true;
}

static bool inside(struct rect r, float x, float y)
{
	return x >= (float)r.x && x < (float)(r.x + r.w) && y >= (float)r.y &&
	       y < (float)(r.y + r.h);
}

/* A tap or double tap in an edge band turns the photo (the arrows are
 * there), so tapping an arrow twice never zooms. */
static int edge_of(struct ui *ui, const struct gesture *g)
{
	return pager_edge(g->x, (float)ui->l.w, (float)hints_edge_band(ui));
}

static bool turn(struct ui *ui, struct photos_state *st, int d, struct nav_event *ev)
{
	int to = pager_index(&st->pager) + d;
	if (to < 0 || to >= (int)city_of(ui)->n_photos)
		return false;
	pager_go(&st->pager, to, ui->now);
	*ev = (struct nav_event){NAV_EV_OPEN_PHOTO, to};
	return true;
}

static bool photos_gesture(struct ui *ui, const struct gesture *g, struct nav_event *ev)
{
	struct photos_state *st = state(ui);
	bool zoomed = st->zoom > 1.01f;
	if (zoomed && g->kind == GESTURE_TAP && inside(st->zoom_out, g->x, g->y)) {
		st->zoom = 1;
		return false;
	}
	bool tap = g->kind == GESTURE_TAP || g->kind == GESTURE_DOUBLE_TAP;
	if (!zoomed && tap && edge_of(ui, g) != 0)
		return g->kind == GESTURE_TAP && turn(ui, st, edge_of(ui, g), ev);
	if (g->kind == GESTURE_DOUBLE_TAP || g->kind == GESTURE_PINCH_BEGIN ||
	    g->kind == GESTURE_PINCH || zoomed) {
		zoom_gesture(ui, g);
		return false;
	}
	return ui_page_gesture(ui, &st->pager, g, NAV_EV_OPEN_PHOTO, ev);
}

static bool photos_moving(const struct ui *ui)
{
	const struct photos_state *st = screen_state_const(ui, NAV_PHOTOS);
	return pager_moving(&st->pager, ui->now);
}

/* Photo i drawn whole (fitted, never cropped: these are archive photos)
 * across the screen shifted by dx, zoomed when it is the settled current one. */
static void draw_photo(struct ui *ui, int i, int dx)
{
	const struct photos_state *st = state(ui);
	const struct photo *p = &city_of(ui)->photos[i];
	struct rect box = {dx, 0, ui->l.w, ui->l.h};
	if (st->zoom <= 1.01f || dx != 0) {
		ui_image(ui, &p->image, box, IMAGE_CONTAIN);
		return;
	}
	int w, h;
	enum texture_state ts;
	SDL_Texture *tex =
	    texture_cache_get(ui->images, p->image.file, box.w, box.h, IMAGE_CONTAIN, &w, &h, &ts);
	if (!tex) {
		ui_image(ui, &p->image, box, IMAGE_CONTAIN);
		return;
	}
	float sw = (float)w / st->zoom, sh = (float)h / st->zoom;
	SDL_Rect src = {(int)(st->zoom_x * (float)w - sw / 2),
	                (int)(st->zoom_y * (float)h - sh / 2), (int)sw, (int)sh};
	SDL_Rect dst = {box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
	SDL_RenderCopy(ui->ren, tex, &src, &dst);
}

/* The texts under photo index of count, in their styles. */
struct caption_texts {
	struct text_style body, small;
	const char *caption;
	char meta[400], counter[32];
	int w;      /* wrap width of the caption */
	int meta_w; /* of the line under it: never under the counter */
};

static void caption_texts(struct ui *ui, int index, int count, struct caption_texts *out)
{
	const struct layout *l = &ui->l;
	const struct photo *p = &city_of(ui)->photos[index];
	out->body = (struct text_style){FACE_SANS, l->size_body, ui_color(theme.text), 0};
	out->small = (struct text_style){FACE_SANS, l->size_small, ui_color(theme.text_soft), 0};
	out->caption = ui_tr(ui, &p->caption);
	ui_photo_meta(p, ui->nav.lang, out->meta, sizeof out->meta);
	snprintf(out->counter, sizeof out->counter, "%d / %d", index + 1, count);
	out->w = l->portrait ? l->w - 2 * l->margin : l->text_w;
	int cw, ch;
	ui_label_size(ui, &out->small, out->counter, 0, 1, &cw, &ch);
	int room = l->w - 2 * l->margin - cw - 2 * l->gap;
	out->meta_w = out->w < room ? out->w : room;
}

/* A neighbour's texts are rasterised off the render thread before a swipe
 * shows them, as its photo is decoded. */
static void prefetch_caption(struct ui *ui, int index, int count)
{
	struct caption_texts t;
	caption_texts(ui, index, count, &t);
	ui_label_prefetch(ui, &t.body, t.caption, t.w, ui->l.caption_lines);
	ui_label_prefetch(ui, &t.small, t.meta, t.meta_w, ui->l.credit_lines);
	ui_label_prefetch(ui, &t.small, t.counter, 0, 1);
}

static void caption(struct ui *ui, int index, int count)
{
	const struct layout *l = &ui->l;
	struct caption_texts t;
	caption_texts(ui, index, count, &t);
	struct text_style *body = &t.body, *small = &t.small;
	const char *meta = t.meta, *counter = t.counter;
	int w = t.w, cw, chh, bw, bh, mh = 0, mw;
	ui_label_size(ui, body, t.caption, w, l->caption_lines, &bw, &bh);
	if (meta[0])
		ui_label_size(ui, small, meta, t.meta_w, l->credit_lines, &mw, &mh);
	int gap = layout_px(l, 10), total = bh + (mh ? gap + mh : 0);
	/* The caption's foot: above the buttons in reach mode. */
	int foot = ui_reach(ui) ? ui_content_bottom(ui, 2) : l->h - layout_px(l, 64);
	int y = foot - total;
	/* The scrim only behind the text (in landscape the caption's column
	 * and the counter's corner): the rest of the photo keeps its light,
	 * people stand there. */
	ui_label_size(ui, small, counter, 0, 1, &cw, &chh);
	int sw = l->portrait ? l->w : l->margin * 2 + (bw > mw ? bw : mw);
	int soft = layout_px(l, 160);
	draw_soft_box(ui->ren, (struct rect){0, y - l->gap, sw, l->h - y + l->gap}, soft, false,
	              !l->portrait, theme.scrim, l->scrim_alpha);
	if (!l->portrait) { /* the counter's corner */
		int cx = l->w - l->margin - cw - l->gap, cy = foot - chh - l->gap;
		draw_soft_box(ui->ren, (struct rect){cx, cy, l->w - cx, l->h - cy}, soft / 2, true,
		              false, theme.scrim, l->scrim_alpha);
	}
	y += ui_label(ui, body, t.caption, l->margin, y, w, l->caption_lines);
	if (meta[0])
		ui_label(ui, small, meta, l->margin, y + gap, t.meta_w, l->credit_lines);
	ui_label(ui, small, counter, l->w - l->margin - cw, foot - chh, 0, 1);
}

static void photos_draw(struct ui *ui)
{
	struct photos_state *st = state(ui);
	const struct city *c = city_of(ui);
	float pos = pager_position(&st->pager, ui->now);
	int i0 = (int)floorf(pos);
	float frac = pos - (float)i0;
	int dx = (int)lroundf(-frac * (float)ui->l.w);
	/* The whole backdrop, then the photos over it: the software renderer
	 * fills a row at a time at about the same cost whatever its width, so
	 * filling only the bars beside the photos (twice the rows) cost more. */
	draw_fill(ui->ren, (struct rect){0, 0, ui->l.w, ui->l.h}, theme.backdrop_bottom, 255);
	if (i0 >= 0 && (size_t)i0 < c->n_photos)
		draw_photo(ui, i0, dx);
	if (frac > 0 && (size_t)(i0 + 1) < c->n_photos)
		draw_photo(ui, i0 + 1, dx + ui->l.w);
	size_t next[2], n = nav_neighbours((size_t)ui->nav.item, c->n_photos, next);
	for (size_t k = 0; k < n; k++) { /* decoded in this order, before they are needed */
		texture_cache_prefetch(ui->images, c->photos[next[k]].image.file, ui->l.w, ui->l.h,
		                       IMAGE_CONTAIN);
		prefetch_caption(ui, (int)next[k], (int)c->n_photos);
	}
	/* The caption and its scrim belong to the photo at rest: hidden while
	 * photos slide (as while zoomed), so a slide is the photos moving under
	 * the bar and nothing else, and no caption shows over the wrong photo. */
	if (st->zoom <= 1.01f && frac == 0.0f)
		caption(ui, ui->nav.item, (int)c->n_photos);
	if (st->zoom <= 1.01f)
		hints_page_arrows(ui, pager_index(&st->pager), (int)c->n_photos,
		                  ui_reach(ui) ? ui->l.h * 5 / 8 : ui->l.h / 2);
	else
		st->zoom_out = hints_zoom_out(ui);
	screen_city_bar(ui);
}

const struct screen_ops screen_photos = {
    .name = "photos",
    .state_size = sizeof(struct photos_state),
    .enter = photos_enter,
    .reload = photos_reload,
    .gesture = photos_gesture,
    .moving = photos_moving,
    .draw = photos_draw,
};
