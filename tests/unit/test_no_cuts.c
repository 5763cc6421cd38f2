/* No text of the sample content is cut with "…" on any screen: every
 * slide of the loop (every history moment of every pass), home, and every
 * photo, history, gift grid and gift page of every city, at 1920x1080,
 * 1080x1920 and 3840x2160, in both languages, and every screen a visitor
 * can reach again in large text. A cut is counted where the text is
 * wrapped (text_cuts), measured or drawn, seen or scrolled away. A gift's
 * page, whose words are not wrapped into a fixed box, has them end above
 * the buttons, beside or below its picture, never on it. */
#include <SDL.h>
#include <SDL_ttf.h>

#include "test.h"
#include "ui/attract.h"
#include "ui/screen.h"
#include "ui/slide.h"
#include "visit/visit_private.h" /* the visit's ui, to draw slides with */

static int failures_;
static SDL_Surface *target;
static SDL_Renderer *ren;
static int W, H;
static enum nav_text TEXT; /* the text size the visitor chose */

#include "visit_world.h"

static const struct {
	int w, h;
} sizes[] = {{1920, 1080}, {1080, 1920}, {3840, 2160}};

/* Fails, naming the place, when a text was cut since *seen. */
static void check_uncut(struct text *t, unsigned long *seen, const char *place, int lang)
{
	char last[200];
	unsigned long n = text_cuts(t, last, sizeof last);
	if (n != *seen)
		printf("  %dx%d %s lang %d%s: cut: \"%s\"\n", W, H, place, lang,
		       TEXT == NAV_TEXT_LARGE ? " large text" : "", last);
	CHECK(n == *seen);
	*seen = n;
}

/* Place at lang drawn by its screen with the visit's ui, its text
 * measured and rasterised here. The renderer's surface is small: drawing
 * outside it costs nothing, and the layout is the screen's all the same. */
static void visit_place(struct world *w, const char *place, int lang, unsigned long *seen)
{
	struct ui *ui = &w->v->ui;
	struct nav_state s = ui->nav;
	if (nav_parse(&w->c->hall, place, &s) != 0) {
		CHECK(!"a place of the content");
		return;
	}
	s.lang = lang;
	s.text = TEXT;
	ui->nav = s;
	ui->epoch++;
	const struct screen_ops *sc = screen_of(s.screen);
	screen_enter(sc, ui);
	CHECK_INT(ui->l.text, TEXT == NAV_TEXT_LARGE ? LAYOUT_TEXT_LARGE : LAYOUT_TEXT_NORMAL);
	hit_clear(&ui->hits);
	sc->draw(ui);
	check_uncut(w->text, seen, place, lang);
	if (s.screen != NAV_GIFT)
		return;
	struct rect img, text;
	screen_gift_page(ui, (size_t)s.item, screen_gift_top(ui), &img, &text);
	bool below = text.y >= img.y + img.h, beside = text.x >= img.x + img.w;
	int bottom = ui_content_bottom(ui, 2);
	if (text.y + text.h > bottom || !(below || beside))
		printf("  %dx%d %s lang %d%s: the words at %d..%d, the page ends at %d\n", W, H,
		       place, lang, TEXT == NAV_TEXT_LARGE ? " large text" : "", text.y,
		       text.y + text.h, bottom);
	CHECK(text.y + text.h <= bottom);
	CHECK(below || beside);
	CHECK(text.h > 0 && img.w > 0 && img.h > 0);
}

/* Every slide of the loop at lang, as the player draws them (no images). */
static void loop_slides(struct world *w, int lang, unsigned long *seen)
{
	const struct hall *h = &w->c->hall;
	size_t len = attract_cycle_length(h), passes = 1;
	for (size_t i = 0; i < h->n_cities; i++)
		if (h->cities[i].n_history > passes)
			passes = h->cities[i].n_history;
	struct ui ui = w->v->ui;
	ui.nav.lang = lang;
	ui.nav.text = NAV_TEXT_NORMAL; /* as the player's own ui */
	ui_set_layout(&ui, W, H);
	for (uint64_t seq = 0; seq < len * passes; seq++) {
		struct slide_art art = {0};
		slide_draw(&ui, attract_item_at(h, seq), &art);
		char place[32];
		snprintf(place, sizeof place, "attract/%llu", (unsigned long long)seq + 1);
		check_uncut(w->text, seen, place, lang);
	}
}

static void places_of_city(struct world *w, const struct city *c, int lang, unsigned long *seen)
{
	char place[160];
	for (size_t i = 0; i < c->n_photos; i++) {
		snprintf(place, sizeof place, "city/%s/photos/%zu", c->id, i + 1);
		visit_place(w, place, lang, seen);
	}
	if (c->n_history) {
		snprintf(place, sizeof place, "city/%s/history", c->id);
		visit_place(w, place, lang, seen);
	}
	if (c->n_gifts) {
		snprintf(place, sizeof place, "city/%s/gifts", c->id);
		visit_place(w, place, lang, seen);
	}
	for (size_t i = 0; i < c->n_gifts; i++) {
		snprintf(place, sizeof place, "city/%s/gifts/%zu", c->id, i + 1);
		visit_place(w, place, lang, seen);
	}
}

static void test_no_text_is_cut(void)
{
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		W = sizes[k].w;
		H = sizes[k].h;
		CHECK(world_screen_begin());
		if (!ren)
			return;
		struct world w;
		if (world_open(&w, "home")) {
			unsigned long seen = text_cuts(w.text, NULL, 0);
			for (int lang = 0; lang < w.c->hall.n_langs; lang++) {
				TEXT = NAV_TEXT_NORMAL;
				loop_slides(&w, lang, &seen); /* the loop is never large */
				for (int t = 0; t < 2; t++) {
					TEXT = t ? NAV_TEXT_LARGE : NAV_TEXT_NORMAL;
					visit_place(&w, "home", lang, &seen);
					for (size_t i = 0; i < w.c->hall.n_cities; i++)
						places_of_city(&w, &w.c->hall.cities[i], lang,
						               &seen);
				}
			}
			world_close(&w);
		}
		world_screen_end();
	}
}

int main(void)
{
	RUN(test_no_text_is_cut);
	return failures_ != 0;
}
