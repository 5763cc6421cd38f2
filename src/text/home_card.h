/* home_card: how the home screen lays its cities out. The map of the
 * links above a grid of cards for 1 to HOME_ROOM cities in either
 * orientation, and inside each card the city's first photo (its flag on
 * it), the name, "native name · country", "twinned since", the distance
 * from Perm and the status of a suspended or ended link, at the largest
 * of a few text scales at which all of it fits whole inside the card: no
 * word cut, the status always inside. The map gives up room, then the
 * photos, before the text is cut. The home screen draws the plan; --check
 * warns when even the smallest scale does not fit. Measures with the
 * fonts, draws nothing; the colours are the drawer's to set. */
#ifndef TWINHALL_HOME_CARD_H
#define TWINHALL_HOME_CARD_H

#include <stdbool.h>

#include "base/geo.h"
#include "base/layout.h"
#include "content/content.h"
#include "text/text.h"

/* Cities the home screen has room for; more are shown smaller, and
 * --check says so. */
enum { HOME_ROOM = 12 };

/* Perm, where the hall is and the links start: 58.014 N, 56.249 E
 * (docs/sources.md, "Perm (Пермь), Russia"). */
struct geo_point home_perm(void);

/* What the map must show: Perm, the cities, and points along each arc
 * from Perm (an arc north of both its ends must not leave the map), with
 * HOME_MAP_PAD degrees around them. */
enum { HOME_ARC_FIT = 8, HOME_MAP_POINTS = 1 + HOME_ROOM * HOME_ARC_FIT, HOME_MAP_PAD = 7 };

/* Writes the map's points for h's first HOME_ROOM cities into pts (room
 * for HOME_MAP_POINTS), Perm first, then each city; returns how many. */
size_t home_map_points(const struct hall *h, struct geo_point *pts);

struct home_grid {
	int cols, rows;
	int x, y, w, h; /* the first card; the others a card and a gap apart */
	int gap;
};

/* The lowest the cards can start: below a title and a hint of two lines
 * each, in portrait under the row of buttons (out of reach mode the title
 * does not fit beside them there); the home screen's heading is shorter
 * in most languages. */
int home_top_most(struct text *t, const struct layout *l);

/* The grid of n cards below y = top. */
struct home_grid home_grid(const struct layout *l, int n, int top);

/* The grid of n cards filling area. */
struct home_grid home_grid_in(const struct layout *l, int n, struct rect area);

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
	struct rect photo; /* the city's first photo, covering it; w == 0: none */
	struct rect flag;  /* on the photo's corner when there is one */
	struct home_line name, sub, since, dist; /* dist.s "" when not shown */
	bool has_badge, pill; /* the status line (ui_status_text); pill: unused, false */
	struct rect badge;    /* the status line's box, its dot at the left of its first line */
	struct home_line badge_text;
	/* The words the lines point to. */
	char sub_s[256], since_s[160], dist_s[96], badge_s[160];
};

/* How much a card shows: its photo and the distance from Perm, the
 * distance alone, or neither (many cities on a small screen). */
enum home_detail { HOME_FULL, HOME_NO_PHOTO, HOME_BRIEF, HOME_DETAILS };

/* Plans the card of city (an index of h's cities) in language lang (an
 * index of h's languages) inside r with its texts at scale percent of
 * their full size, showing what detail says (a city without photos has
 * none), measuring with t's fonts; out->fits says whether all
 * of it fits whole. The strings of *out point into h and out itself. */
void home_card_plan(struct text *t, const struct layout *l, const struct hall *h, int city,
                    int lang, struct rect r, int scale, enum home_detail detail,
                    struct home_card *out);

/* The one scale every card of grid g is drawn at in language lang: the
 * largest at which all of them fit, else the smallest there is. */
int home_scale(struct text *t, const struct layout *l, const struct hall *h, int lang,
               const struct home_grid *g, enum home_detail detail);

/* Whether every card fits at scale: when home_scale's answer does not. */
bool home_fits(struct text *t, const struct layout *l, const struct hall *h, int lang,
               const struct home_grid *g, int scale, enum home_detail detail);

/* The home screen below its heading: the map (h == 0: none) and the grid,
 * the cards' scale and what they show. */
struct home_plan {
	struct rect map;
	struct home_grid grid;
	int scale;
	enum home_detail detail;
};

/* Plans the home screen below y = top for h's cities in language lang:
 * the largest map at which every card fits whole with its photo, else
 * without photos, else no map and the cards as large as they fit, with
 * their distances if they fit. In reach mode the cards go in the lower
 * half, down to the row of buttons (layout_reach_bottom), the map above
 * them (it is not touched); else down to the margin. In large text
 * (l->text) the text's scale comes first: the largest scale at which the
 * cards fit, with the largest map and their photos where they still fit. */
struct home_plan home_plan(struct text *t, const struct layout *l, const struct hall *h, int lang,
                           int top, bool reach);

#endif
