#include "text/home_card.h"

#include <stdio.h>
#include <string.h>

#include "base/geo.h"
#include "text/ui_text.h"

/* The scales tried, largest first: the smallest keeps a city's name about
 * 30 px tall at 1080p, legible from two metres. Large text goes on down to
 * the size normal text's smallest scale draws (46% of 130%: 60%), so a
 * crowded screen (portrait, the cards in its lower half) still fits. */
static const int scales[] = {100, 90, 80, 70, 60, 55, 50, 46};
enum { N_SCALES = 5, N_SCALES_LARGE = sizeof scales / sizeof scales[0] };

static int scale_count(const struct layout *l)
{
	return l->text == LAYOUT_TEXT_LARGE ? N_SCALES_LARGE : N_SCALES;
}

/* Columns for n cards: rows of at most 3 (landscape) or 2 (portrait) up
 * to 6 cards, then 4 or 3 abreast; never more rows than needed. */
static int columns(const struct layout *l, int n)
{
	if (l->portrait)
		return n <= 3 ? 1 : n <= 8 ? 2 : 3;
	if (n <= 3)
		return n < 1 ? 1 : n;
	if (n == 4)
		return 2;
	if (n <= 6 || n == 9)
		return 3;
	return n <= 12 ? 4 : 5;
}

int home_top_most(struct text *t, const struct layout *l)
{
	int bar = !l->portrait ? layout_px(l, 36)
	                       : layout_px(l, LAYOUT_BAR_EDGE) + layout_px(l, LAYOUT_BUTTON_H) +
	                             layout_px(l, LAYOUT_BAR_ROOM);
	return bar + layout_px(l, 36) + 2 * text_line_height(t, FACE_SERIF_BOLD, l->size_heading) +
	       2 * text_line_height(t, FACE_SANS, l->size_sub);
}

struct geo_point home_perm(void)
{
	return (struct geo_point){58.014, 56.249}; /* docs/sources.md, "Perm (Пермь), Russia" */
}

/* The grid of n cards in cols columns filling area. */
static struct home_grid grid_of(const struct layout *l, int n, int cols, struct rect area)
{
	struct home_grid g;
	g.cols = cols;
	g.rows = n < 1 ? 1 : (n + g.cols - 1) / g.cols;
	g.gap = layout_px(l, n > 6 ? 24 : 32);
	g.x = area.x;
	g.y = area.y;
	g.w = (area.w - (g.cols - 1) * g.gap) / g.cols;
	g.h = (area.h - (g.rows - 1) * g.gap) / g.rows;
	return g;
}

size_t home_map_points(const struct hall *h, struct geo_point *pts)
{
	int n = h->n_cities < HOME_ROOM ? (int)h->n_cities : HOME_ROOM;
	size_t k = (size_t)n + 1;
	pts[0] = home_perm();
	for (int i = 0; i < n; i++) {
		pts[i + 1] = (struct geo_point){h->cities[i].lat, h->cities[i].lon};
		for (int a = 1; a < HOME_ARC_FIT; a++)
			pts[k++] = geo_along(pts[0], pts[i + 1], (double)a / HOME_ARC_FIT);
	}
	return k;
}

struct home_grid home_grid_in(const struct layout *l, int n, struct rect area)
{
	return grid_of(l, n, columns(l, n), area);
}

struct home_grid home_grid(const struct layout *l, int n, int top)
{
	return home_grid_in(
	    l, n, (struct rect){l->margin, top, l->w - 2 * l->margin, l->h - top - l->margin});
}

struct rect home_grid_card(const struct home_grid *g, int i)
{
	return (struct rect){g->x + (i % g->cols) * (g->w + g->gap),
	                     g->y + (i / g->cols) * (g->h + g->gap), g->w, g->h};
}

static int scaled(const struct layout *l, int px, int scale)
{
	return layout_px(l, px * scale / 100.0);
}

/* Places line *ln at y with room for up to lines lines of width w (0: one
 * line, unwrapped); returns
 * the height it takes, and clears *fits when it needs more lines. */
static int place(struct text *t, struct home_line *ln, int x, int y, int w, int lines, bool *fits)
{
	int need = !*ln->s ? 0 : w <= 0 ? 1 : text_lines_needed(t, &ln->st, ln->s, w);
	if (need > lines)
		*fits = false;
	ln->x = x;
	ln->y = y;
	ln->w = w;
	ln->lines = lines;
	int n = need < lines ? need : lines;
	return n * text_line_height(t, ln->st.face, ln->st.px);
}

/* The status line below y: its dot, then its words wrapped in up to three
 * lines beside it; returns its height. */
static int place_badge(struct text *t, struct home_card *k, int x, int y, int w, bool *fits)
{
	struct home_line *b = &k->badge_text;
	int indent = b->st.px * UI_STATUS_INDENT / 100;
	k->pill = false;
	int h = place(t, b, x + indent, y, w - indent, 3, fits);
	k->badge = (struct rect){x, y, w, h};
	return h;
}

/* The photo's box in card r, flush with its edges: at the left of a wide
 * card, at the top of a tall one; the text's box is what is left. */
static struct rect place_photo(struct rect r, struct rect *text)
{
	struct rect p = r;
	*text = r;
	if (r.w > r.h * 3 / 2) {
		p.w = r.h * 4 / 3 < r.w * 2 / 5 ? r.h * 4 / 3 : r.w * 2 / 5;
		text->x += p.w;
		text->w -= p.w;
	} else {
		p.h = r.w * 9 / 16 < r.h * 2 / 5 ? r.w * 9 / 16 : r.h * 2 / 5;
		text->y += p.h;
		text->h -= p.h;
	}
	return p;
}

static bool plan_at(struct text *t, const struct layout *l, struct rect r, int scale,
                    struct home_card *k)
{
	bool fits = true;
	int pad = scaled(l, 32, scale);
	k->scale = scale;
	k->name.st.px = layout_text_px(l, 52 * scale / 100.0);
	k->sub.st.px = k->since.st.px = k->dist.st.px = l->size_sub * scale / 100;
	k->badge_text.st.px = l->size_small * scale / 100;
	int fh = scaled(l, k->flag_beside ? 60 : 72, scale), fw = fh * 4 / 3;
	int gap = scaled(l, 24, scale);
	if (k->photo.w) { /* the flag on the photo's corner, the texts beside or below */
		fh = scaled(l, 48, scale);
		fw = fh * 4 / 3;
		k->flag = (struct rect){k->photo.x + pad / 2, k->photo.y + pad / 2, fw, fh};
		k->flag_beside = false;
	}
	int x = r.x + pad, y = r.y + pad, w = r.w - 2 * pad;
	if (k->photo.w) {
		y += place(t, &k->name, x, y, w, 2, &fits) + scaled(l, 12, scale);
	} else if (k->flag_beside) {
		int lh = text_line_height(t, k->name.st.face, k->name.st.px);
		int nh = place(t, &k->name, x + fw + gap, y, w - fw - gap, 2, &fits);
		k->flag = (struct rect){x, y + (lh - fh) / 2, fw, fh};
		y += (nh > fh ? nh : fh) + scaled(l, 12, scale);
	} else {
		k->flag = (struct rect){x, y, fw, fh};
		y += fh + scaled(l, 16, scale);
		y += place(t, &k->name, x, y, w, 2, &fits) + scaled(l, 12, scale);
	}
	y += place(t, &k->sub, x, y, w, 2, &fits) + scaled(l, 10, scale);
	y += place(t, &k->since, x, y, w, 2, &fits);
	if (*k->dist.s)
		y += scaled(l, 6, scale) +
		     place(t, &k->dist, x, y + scaled(l, 6, scale), w, 1, &fits);
	else
		place(t, &k->dist, x, y, w, 1, &fits);
	if (k->has_badge)
		y +=
		    scaled(l, 14, scale) + place_badge(t, k, x, y + scaled(l, 14, scale), w, &fits);
	return fits && y + pad <= r.y + r.h;
}

static void words(const struct hall *h, int city, int lang, struct home_card *k)
{
	const struct city *c = &h->cities[city];
	const char *code = h->langs[lang];
	k->name.s = content_text(&c->name, lang);
	snprintf(k->sub_s, sizeof k->sub_s, "%s · %s", c->native_name,
	         content_text(&c->country, lang));
	ui_text(UI_TWINNED_SINCE, code, c->twinned_year, k->since_s, sizeof k->since_s);
	ui_distance_text(geo_distance_km(home_perm(), (struct geo_point){c->lat, c->lon}), code,
	                 k->dist_s, sizeof k->dist_s);
	k->dist.s = k->dist_s;
	k->has_badge = c->status != LINK_ACTIVE;
	ui_status_text(c, code, k->badge_s, sizeof k->badge_s);
	k->sub.s = k->sub_s;
	k->since.s = k->since_s;
	k->badge_text.s = k->badge_s;
}

void home_card_plan(struct text *t, const struct layout *l, const struct hall *h, int city,
                    int lang, struct rect r, int scale, enum home_detail detail,
                    struct home_card *out)
{
	struct home_card *k = out;
	memset(k, 0, sizeof *k);
	words(h, city, lang, k);
	k->name.st = (struct text_style){FACE_SERIF_BOLD, 0, {0}, 0};
	k->sub.st = (struct text_style){FACE_SANS, 0, {0}, 0};
	k->since.st = (struct text_style){FACE_SANS_BOLD, 0, {0}, 0};
	k->dist.st = (struct text_style){FACE_SANS, 0, {0}, 0};
	k->badge_text.st = (struct text_style){FACE_SANS_BOLD, 0, {0}, 0};
	struct rect text = r;
	if (detail == HOME_BRIEF)
		k->dist_s[0] = '\0';
	if (detail == HOME_FULL && h->cities[city].n_photos)
		k->photo = place_photo(r, &text);
	k->flag_beside = text.w > text.h; /* a wide card: the flag beside the name */
	k->fits = plan_at(t, l, text, scale, k);
}

bool home_fits(struct text *t, const struct layout *l, const struct hall *h, int lang,
               const struct home_grid *g, int scale, enum home_detail detail)
{
	for (size_t c = 0; c < h->n_cities; c++) {
		struct home_card k;
		home_card_plan(t, l, h, (int)c, lang, home_grid_card(g, (int)c), scale, detail, &k);
		if (!k.fits)
			return false;
	}
	return true;
}

int home_scale(struct text *t, const struct layout *l, const struct hall *h, int lang,
               const struct home_grid *g, enum home_detail detail)
{
	int n = scale_count(l);
	for (int i = 0; i < n; i++)
		if (home_fits(t, l, h, lang, g, scales[i], detail))
			return scales[i];
	return scales[n - 1];
}

/* The map's share of the height below the heading, largest first: the
 * links span more longitude than latitude, so a wide band shows them. */
static const int map_shares[] = {44, 38, 32, 26, 20};
enum { N_SHARES = sizeof map_shares / sizeof map_shares[0] };

/* Where the plan's parts go: below top, the cards below cards_from and
 * above bottom. */
struct span {
	int top, cards_from, bottom;
};

/* The plan with the map taking share percent of the room below the top,
 * or less when that is all it needs (natural: its height at full width),
 * and the cards in cols columns below it. With the cards held low (reach
 * mode), the map takes what is above them, up to its natural height. */
static struct home_plan split(const struct layout *l, int n, struct span sp, int share, int natural,
                              int cols)
{
	struct rect area = {l->margin, sp.top, l->w - 2 * l->margin, sp.bottom - sp.top};
	int gap = layout_px(l, 32);
	int map_h = area.h * share / 100;
	if (sp.cards_from > sp.top && share)
		map_h = sp.cards_from - gap - sp.top;
	map_h = map_h < natural ? map_h : natural;
	struct home_plan p = {{area.x, area.y, area.w, map_h > 0 ? map_h : 0}, {0}, 0, HOME_FULL};
	int cards = p.map.h ? area.y + p.map.h + gap : area.y;
	cards = cards > sp.cards_from ? cards : sp.cards_from;
	area.h -= cards - area.y;
	area.y = cards;
	p.grid = grid_of(l, n, cols, area);
	return p;
}

/* The column counts tried below a map: the usual grid, and in landscape
 * one row of tall cards for up to six cities (the map takes the height a
 * second row would). Returns how many. */
static int column_choices(const struct layout *l, int n, int cols[2])
{
	cols[0] = columns(l, n);
	if (l->portrait || n > 6 || n <= cols[0])
		return 1;
	cols[1] = n;
	return 2;
}

/* The largest scale at which every card of p fits, or 0. */
static int fitting_scale(struct text *t, const struct layout *l, const struct hall *h, int lang,
                         const struct home_plan *p)
{
	int s = home_scale(t, l, h, lang, &p->grid, p->detail);
	return home_fits(t, l, h, lang, &p->grid, s, p->detail) ? s : 0;
}

/* Large text: the largest scale first, the map and then the photos giving
 * way to it (the visitor asked for text they can read); 0 when not even
 * the smallest scale fits anywhere. */
static struct home_plan text_first(struct text *t, const struct layout *l, const struct hall *h,
                                   int lang, struct span sp, int natural)
{
	int n = (int)h->n_cities, cols[2], n_cols = column_choices(l, n, cols);
	for (int s = 0; s < scale_count(l); s++)
		for (int d = HOME_FULL; d <= HOME_BRIEF; d++)
			for (int i = 0; i <= N_SHARES; i++)
				for (int c = 0; c < n_cols; c++) {
					int share = i < N_SHARES ? map_shares[i] : 0;
					struct home_plan p =
					    split(l, n, sp, share, share ? natural : 0, cols[c]);
					p.detail = (enum home_detail)d;
					if (home_fits(t, l, h, lang, &p.grid, scales[s],
					              p.detail)) {
						p.scale = scales[s];
						return p;
					}
				}
	return (struct home_plan){.scale = 0};
}

struct home_plan home_plan(struct text *t, const struct layout *l, const struct hall *h, int lang,
                           int top, bool reach)
{
	struct span sp = {top, top, l->h - l->margin};
	if (reach) {
		sp.cards_from = l->h / 2 > top ? l->h / 2 : top;
		sp.bottom = layout_reach_bottom(l);
	}
	int n = (int)h->n_cities, cols[2], n_cols = column_choices(l, n, cols);
	struct geo_point pts[HOME_MAP_POINTS];
	size_t n_pts = home_map_points(h, pts);
	int natural = geo_natural_height(pts, n_pts, HOME_MAP_PAD, l->w - 2 * l->margin);
	if (l->text == LAYOUT_TEXT_LARGE) {
		struct home_plan p = text_first(t, l, h, lang, sp, natural);
		if (p.scale)
			return p;
	}
	for (int d = HOME_FULL; d <= HOME_NO_PHOTO; d++)
		for (int i = 0; i < N_SHARES; i++)
			for (int c = 0; c < n_cols; c++) {
				struct home_plan p =
				    split(l, n, sp, map_shares[i], natural, cols[c]);
				p.detail = (enum home_detail)d;
				if ((p.scale = fitting_scale(t, l, h, lang, &p)))
					return p;
			}
	struct home_plan p = split(l, n, sp, 0, 0, columns(l, n));
	p.detail = HOME_NO_PHOTO;
	if ((p.scale = fitting_scale(t, l, h, lang, &p)))
		return p;
	p.detail = HOME_BRIEF;
	p.scale = home_scale(t, l, h, lang, &p.grid, p.detail);
	return p;
}
