/* Reach mode puts every touch target in the lower half of the screen: on
 * home and on every screen of every city of the fixture, at 1920x1080
 * (chosen by a visitor), 1080x1920 (on by itself) and 3840x2160, in both
 * languages. Out of reach mode, landscape keeps its bar at the top, and a
 * portrait screen a visitor switched back does too. In normal and in large
 * text, on every one of those screens, the large text button is there
 * once, as large as a touch target must be, showing its state, and no two
 * touch targets overlap; no text is cut with "…"; and the first row of a gift grid shows whole
 * (reach mode in landscape leaves it half a screen: wide cards). */
#include <SDL.h>
#include <SDL_ttf.h>

#include "test.h"
#include "ui/screen.h"
#include "visit/visit_private.h" /* the visit's ui, to draw places with */

static int failures_;
static SDL_Surface *target;
static SDL_Renderer *ren;
static int W, H;
static enum nav_text TEXT;
static unsigned long cuts_seen; /* the world's text cuts counted so far */

#include "visit_world.h"

static const struct {
	int w, h;
} sizes[] = {{1920, 1080}, {1080, 1920}, {3840, 2160}};

/* Draws place at lang in reach mode `reach` as its screen does; returns
 * the topmost touch target's y (H when there is none). */
static int top_target(struct world *w, const char *place, int lang, enum nav_reach reach)
{
	struct ui *ui = &w->v->ui;
	struct nav_state s = ui->nav;
	CHECK(nav_parse(&w->c->hall, place, &s) == 0);
	s.lang = lang;
	s.reach = reach;
	s.text = TEXT;
	ui->nav = s;
	ui->epoch++;
	const struct screen_ops *sc = screen_of(s.screen);
	screen_enter(sc, ui);
	hit_clear(&ui->hits);
	sc->draw(ui);
	char cut[200];
	unsigned long cuts = text_cuts(ui->text, cut, sizeof cut);
	if (cuts != cuts_seen)
		printf("  %dx%d %s lang %d reach %d: cut: \"%s\"\n", W, H, place, lang, reach, cut);
	CHECK(cuts == cuts_seen);
	cuts_seen = cuts;
	int top = H, text_buttons = 0;
	CHECK(ui->hits.n > 0);
	for (int i = 0; i < ui->hits.n; i++) {
		struct rect r = ui->hits.t[i].r;
		CHECK(r.y + r.h <= H); /* on the screen */
		if (r.y < top)
			top = r.y;
		for (int j = 0; j < i; j++) {
			struct rect q = ui->hits.t[j].r;
			bool apart = r.x + r.w <= q.x || q.x + q.w <= r.x || r.y + r.h <= q.y ||
			             q.y + q.h <= r.y;
			if (!apart)
				printf("  %dx%d %s lang %d: targets %d and %d overlap\n", W, H,
				       place, lang, i, j);
			CHECK(apart);
		}
		if (ui->hits.t[i].id != NAV_EV_SET_TEXT)
			continue;
		text_buttons++;
		CHECK(r.w >= ui_min_target(ui) && r.h >= ui_min_target(ui));
		CHECK_INT(ui->hits.t[i].arg, TEXT == NAV_TEXT_LARGE ? 0 : 1); /* a tap toggles */
	}
	CHECK_INT(text_buttons, 1);
	return top;
}

/* Every place of the fixture: home, and each city's sections and items. */
static void each_place(struct world *w, int lang, enum nav_reach reach, bool low)
{
	char place[160];
	int top = top_target(w, "home", lang, reach);
	if (low != (top >= H / 2))
		printf("  %dx%d home lang %d: a target at y %d\n", W, H, lang, top);
	CHECK(low == (top >= H / 2));
	for (size_t i = 0; i < w->c->hall.n_cities; i++) {
		const struct city *c = &w->c->hall.cities[i];
		const char *forms[] = {"photos/1", "history", "gifts", "gifts/1"};
		for (size_t f = 0; f < 4; f++) {
			if ((f == 0 && !c->n_photos) || (f == 1 && !c->n_history) ||
			    (f >= 2 && !c->n_gifts))
				continue;
			snprintf(place, sizeof place, "city/%s/%s", c->id, forms[f]);
			top = top_target(w, place, lang, reach);
			if (f == 2) { /* the first row of gifts shows whole, its words too */
				struct rect band, r;
				screen_gift_grid(&w->v->ui, &band, &r);
				bool whole = r.y >= band.y && r.y + r.h <= band.y + band.h;
				if (!whole)
					printf("  %dx%d %s lang %d: the first card %d-%d, its band "
					       "%d-%d\n",
					       W, H, place, lang, r.y, r.y + r.h, band.y,
					       band.y + band.h);
				CHECK(whole);
			}
			if (low != (top >= H / 2))
				printf("  %dx%d %s lang %d: a target at y %d\n", W, H, place, lang,
				       top);
			CHECK(low == (top >= H / 2));
		}
	}
}

static void test_reach_mode_targets_low(void)
{
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		W = sizes[k].w;
		H = sizes[k].h;
		CHECK(world_screen_begin());
		if (!ren)
			return;
		struct world w;
		if (world_open(&w, "home")) {
			bool portrait = H > W;
			cuts_seen = text_cuts(w.v->ui.text, NULL, 0);
			for (int lang = 0; lang < w.c->hall.n_langs; lang++)
				for (int t = 0; t < 2; t++) {
					TEXT = t ? NAV_TEXT_LARGE : NAV_TEXT_NORMAL;
					each_place(&w, lang, NAV_REACH_ON, true);
					each_place(&w, lang, NAV_REACH_AUTO, portrait);
					each_place(&w, lang, NAV_REACH_OFF, false);
				}
			world_close(&w);
		}
		world_screen_end();
	}
}

int main(void)
{
	RUN(test_reach_mode_targets_low);
	return failures_ != 0;
}
