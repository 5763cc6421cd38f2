/* home_card: how the home screen lays its cities out. The grid of cards
 * for 1 to HOME_ROOM cities in either orientation, and inside each card
 * the flag, the name, "native name · country", "twinned since" and the
 * badge of a suspended or ended link, at the largest of a few text scales
 * at which all of it fits whole inside the card: no word cut, the badge
 * always inside. The home screen draws the plan; --check warns when even
 * the smallest scale does not fit. Measures with the fonts, draws nothing;
 * the colours are the drawer's to set. */
#ifndef TWINHALL_HOME_CARD_H
#define TWINHALL_HOME_CARD_H

#include <stdbool.h>

#include "base/layout.h"
#include "content/content.h"
#include "text/text.h"

/* Cities the home screen has room for; more are shown smaller, and
 * --check says so. */
enum { HOME_ROOM = 12 };

struct home_grid {
	int cols, rows;
	int x, y, w, h; /* the first card; the others a card and a gap apart */
	int gap;
};

/* The lowest the cards can start: below a title and a hint of two lines
 * each (the home screen's heading is shorter in most languages). */
int home_top_most(struct text *t, const struct layout *l);

/* The grid of n cards below y = top. */
struct home_grid home_grid(const struct layout *l, int n, int top);

/* Card i of the grid. */
struct rect home_grid_card(const struct home_grid *g, int i);

/* One text of a card: its style, where it starts, its wrap width and the
 * lines it may take. */
struct home_line {
	struct text_style st;
	const char *s;
	int x, y, w, lines;
};

struct home_card {
	bool fits; /* every text whole inside the card */
	int scale; /* percent of the full size the texts are drawn at */
	bool flag_beside;
	struct rect flag;
	struct home_line name, sub, since;
	bool has_badge, pill; /* the status line (ui_status_text); pill: unused, false */
	struct rect badge;    /* the status line's box, its dot at the left of its first line */
	struct home_line badge_text;
	/* The words the lines point to. */
	char sub_s[256], since_s[160], badge_s[160];
};

/* Plans the card of city (an index of h's cities) in language lang (an
 * index of h's languages) inside r with its texts at scale percent of
 * their full size, measuring with t's fonts; out->fits says whether all
 * of it fits whole. The strings of *out point into h and out itself. */
void home_card_plan(struct text *t, const struct layout *l, const struct hall *h, int city,
                    int lang, struct rect r, int scale, struct home_card *out);

/* The one scale every card of grid g is drawn at in language lang: the
 * largest at which all of them fit, else the smallest there is. */
int home_scale(struct text *t, const struct layout *l, const struct hall *h, int lang,
               const struct home_grid *g);

/* Whether every card fits at scale: when home_scale's answer does not. */
bool home_fits(struct text *t, const struct layout *l, const struct hall *h, int lang,
               const struct home_grid *g, int scale);

#endif
