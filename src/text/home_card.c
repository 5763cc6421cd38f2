#include "text/home_card.h"

#include <stdio.h>
#include <string.h>

#include "text/ui_text.h"

/* The scales tried, largest first: the smallest keeps a city's name about
 * 30 px tall at 1080p, legible from two metres. */
static const int scales[] = {100, 90, 80, 70, 60};
enum { N_SCALES = sizeof scales / sizeof scales[0] };

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
	return 2 * layout_px(l, 36) + 2 * text_line_height(t, FACE_SERIF_BOLD, l->size_heading) +
	       2 * text_line_height(t, FACE_SANS, l->size_sub);
}

struct home_grid home_grid(const struct layout *l, int n, int top)
{
	struct home_grid g;
	g.cols = columns(l, n);
	g.rows = n < 1 ? 1 : (n + g.cols - 1) / g.cols;
	g.gap = layout_px(l, n > 6 ? 24 : 32);
	g.x = l->margin;
	g.y = top;
	g.w = (l->w - 2 * l->margin - (g.cols - 1) * g.gap) / g.cols;
	g.h = (l->h - top - l->margin - (g.rows - 1) * g.gap) / g.rows;
	return g;
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

static bool plan_at(struct text *t, const struct layout *l, struct rect r, int scale,
                    struct home_card *k)
{
	bool fits = true;
	int pad = scaled(l, 32, scale), x = r.x + pad, y = r.y + pad, w = r.w - 2 * pad;
	k->scale = scale;
	k->name.st.px = scaled(l, 52, scale);
	k->sub.st.px = k->since.st.px = l->size_sub * scale / 100;
	k->badge_text.st.px = l->size_small * scale / 100;
	int fh = scaled(l, k->flag_beside ? 60 : 72, scale), fw = fh * 4 / 3;
	int gap = scaled(l, 24, scale);
	if (k->flag_beside) {
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
	k->has_badge = c->status != LINK_ACTIVE;
	ui_status_text(c, code, k->badge_s, sizeof k->badge_s);
	k->sub.s = k->sub_s;
	k->since.s = k->since_s;
	k->badge_text.s = k->badge_s;
}

void home_card_plan(struct text *t, const struct layout *l, const struct hall *h, int city,
                    int lang, struct rect r, int scale, struct home_card *out)
{
	struct home_card *k = out;
	memset(k, 0, sizeof *k);
	words(h, city, lang, k);
	k->name.st = (struct text_style){FACE_SERIF_BOLD, 0, {0}, 0};
	k->sub.st = (struct text_style){FACE_SANS, 0, {0}, 0};
	k->since.st = (struct text_style){FACE_SANS_BOLD, 0, {0}, 0};
	k->badge_text.st = (struct text_style){FACE_SANS_BOLD, 0, {0}, 0};
	k->flag_beside = r.w > r.h; /* a wide card: the flag beside the name */
	k->fits = plan_at(t, l, r, scale, k);
}

bool home_fits(struct text *t, const struct layout *l, const struct hall *h, int lang,
               const struct home_grid *g, int scale)
{
	for (size_t c = 0; c < h->n_cities; c++) {
		struct home_card k;
		home_card_plan(t, l, h, (int)c, lang, home_grid_card(g, (int)c), scale, &k);
		if (!k.fits)
			return false;
	}
	return true;
}

int home_scale(struct text *t, const struct layout *l, const struct hall *h, int lang,
               const struct home_grid *g)
{
	for (int i = 0; i < N_SCALES; i++)
		if (home_fits(t, l, h, lang, g, scales[i]))
			return scales[i];
	return scales[N_SCALES - 1];
}
