/* The home screen: the map of the links above a card for each city. */
#include <stdio.h>

#include "render/draw.h"
#include "render/theme.h"
#include "text/home_card.h"
#include "text/ui_text.h"
#include "ui/home_map.h"
#include "ui/screen.h"

static const struct rgb card_bg = {31, 39, 54};

/* The home screen's own state: its plan (map, grid, scale, photos) for the
 * place, the content and the heading's height it was made for, and the
 * map with its land texture. */
/* Where home's title goes: beside the buttons at the top, or below them
 * where it would take more than two lines beside them (portrait). */
enum title_place { TITLE_BESIDE, TITLE_BELOW };

struct home_state {
	struct ui_place plan_for;
	const struct content *c;
	enum title_place title; /* measured once for plan_for */
	int top;
	struct home_plan plan;
	struct home_map *map;
};

static void line(struct ui *ui, const struct home_line *ln)
{
	ui_label(ui, &ln->st, ln->s, ln->x, ln->y, ln->w, ln->lines);
}

static void status(struct ui *ui, const struct home_card *k)
{
	int px = k->badge_text.st.px, rad = px * UI_STATUS_DOT / 200;
	int lh = text_line_height(ui->text, FACE_SANS_BOLD, px);
	draw_circle(ui->ren, k->badge.x + rad, k->badge.y + lh / 2, rad, theme.warn, 255);
	line(ui, &k->badge_text);
}

/* The card of city i in r, as home_card plans it; a card whose text does
 * not fit even at the smallest scale (--check warns of it) is clipped to
 * its own box. */
static void card(struct ui *ui, int i, struct rect r, const struct home_plan *p)
{
	struct home_card k;
	home_card_plan(ui->text, &ui->l, &ui->c->hall, i, ui->nav.lang, r, p->scale, p->detail, &k);
	k.name.st.color = ui_color(theme.text);
	k.sub.st.color = k.dist.st.color = ui_color(theme.text_soft);
	k.since.st.color = ui_color(theme.accent);
	k.badge_text.st.color = ui_color(theme.warn);
	const struct city *c = &ui->c->hall.cities[i];
	draw_fill(ui->ren, r, card_bg, 255);
	SDL_Rect box = {r.x, r.y, r.w, r.h}, outer;
	bool clipped = SDL_RenderIsClipEnabled(ui->ren);
	SDL_RenderGetClipRect(ui->ren, &outer);
	if (!k.fits && (!clipped || SDL_IntersectRect(&box, &outer, &box)))
		SDL_RenderSetClipRect(ui->ren, &box);
	if (k.photo.w)
		ui_image(ui, &c->photos[0].image, k.photo, IMAGE_COVER);
	draw_fill(ui->ren, (struct rect){k.flag.x - 1, k.flag.y - 1, k.flag.w + 2, k.flag.h + 2},
	          k.photo.w ? theme.scrim : theme.text, k.photo.w ? 160 : 50);
	ui_image(ui, &c->flag, k.flag, IMAGE_CONTAIN);
	line(ui, &k.name);
	line(ui, &k.sub);
	line(ui, &k.since);
	line(ui, &k.dist);
	if (k.has_badge) /* the status line, as every screen draws it (ui_status) */
		status(ui, &k);
	if (!k.fits)
		SDL_RenderSetClipRect(ui->ren, clipped ? &outer : NULL);
	hit_add(&ui->hits, r, NAV_EV_OPEN_CITY, i);
}

/* Where the title fits, with lang_x the left of the buttons beside it. */
static enum title_place title_place(struct ui *ui, const struct text_style *title, const char *t,
                                    int lang_x)
{
	const struct layout *l = &ui->l;
	return text_lines_needed(ui->text, title, t, lang_x - l->margin - l->gap) > 2
	           ? TITLE_BELOW
	           : TITLE_BESIDE;
}

/* The title and the hint, the language switch and the mode buttons beside
 * them (at the bottom in reach mode; above the title where it is
 * TITLE_BELOW, as in portrait); returns the y below them. A new place
 * (measure) decides anew where the title goes. */
static int heading(struct ui *ui, enum title_place *where, bool measure)
{
	const struct layout *l = &ui->l;
	char buf[256];
	int lang_x = ui_mode_buttons(ui, ui_lang_switch(ui) - layout_px(l, 32), ui_bar_y(ui));
	if (ui_reach(ui))
		lang_x = l->w - l->margin;
	struct text_style title = {FACE_SERIF_BOLD, l->size_heading, ui_color(theme.text), 0};
	const char *t = ui_text(UI_HOME_TITLE, ui_lang(ui), 0, buf, sizeof buf);
	if (measure)
		*where = title_place(ui, &title, t, lang_x);
	int y = layout_px(l, 36), room = lang_x - l->margin - l->gap;
	if (*where == TITLE_BELOW) {
		y = ui_bar_y(ui) + ui_min_target(ui) + layout_px(l, LAYOUT_BAR_ROOM);
		room = l->w - 2 * l->margin;
	}
	y += ui_label(ui, &title, t, l->margin, y, room, 2);
	struct text_style hint = {FACE_SANS, l->size_sub, ui_color(theme.text_soft), 0};
	y += ui_label(ui, &hint, ui_text(UI_HOME_HINT, ui_lang(ui), 0, buf, sizeof buf), l->margin,
	              y, l->w - 2 * l->margin, 2);
	return y + layout_px(l, 36);
}

static void home_draw(struct ui *ui)
{
	const struct layout *l = &ui->l;
	draw_gradient(ui->ren, (struct rect){0, 0, l->w, l->h}, theme.backdrop_top, 255,
	              theme.backdrop_bottom, 255);
	struct home_state *st = screen_state(ui, NAV_HOME);
	struct ui_place here = ui_place_now(ui);
	bool fresh = !ui_place_same(st->plan_for, here) || st->c != ui->c;
	int y = heading(ui, &st->title, fresh);
	if (fresh || st->top != y) {
		st->plan = home_plan(ui->text, l, &ui->c->hall, ui->nav.lang, y, ui_reach(ui));
		st->plan_for = here;
		st->c = ui->c;
		st->top = y;
	}
	if (st->plan.map.h > 0) {
		if (!st->map)
			st->map = home_map_new();
		if (st->map)
			home_map_draw(st->map, ui, st->plan.map);
	}
	for (int i = 0; i < (int)ui->c->hall.n_cities; i++)
		card(ui, i, home_grid_card(&st->plan.grid, i), &st->plan);
}

static void home_free_state(void *state)
{
	struct home_state *st = state;
	home_map_free(st->map);
	st->map = NULL;
}

const struct screen_ops screen_home = {
    .name = "home",
    .state_size = sizeof(struct home_state),
    .draw = home_draw,
    .free_state = home_free_state,
};
