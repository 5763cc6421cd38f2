#include "text/text_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/layout.h"
#include "base/i18n.h"
#include "text/home_card.h"
#include "base/utf8.h"
#include "text/history_box.h"

enum { MISSING_MAX = 16 };

/* How a text is drawn: its face and size, and the box the screens give it
 * at the reference size (mirrors slide.c, screen_home.c, screen_gifts.c). */
struct fit {
	const char *what; /* for the message: "caption", "title" */
	enum text_face face;
	int px, width, lines;
};

struct checker {
	struct text *t;
	struct diag *d;
	struct layout l, large; /* the reference screen, in normal and in large text */
	const struct content *c;
};

/* The boxes of a city's texts at a layout; history NULL where the text has
 * none to fit (the loop's slide, which large text never reaches). */
struct city_fits {
	struct fit caption, history, title, desc, giver;
	bool has_history;
};

static void missing_glyphs(struct checker *k, enum text_face face, const char *s,
                           const struct src_loc *loc)
{
	uint32_t cps[MISSING_MAX];
	size_t offs[MISSING_MAX];
	size_t n = text_missing(k->t, face, s, cps, offs, MISSING_MAX);
	for (size_t i = 0; i < n; i++) {
		char ch[8] = "";
		size_t len = utf8_decode(s + offs[i], strlen(s + offs[i]), &cps[i]);
		memcpy(ch, s + offs[i], len < sizeof ch - 1 ? len : sizeof ch - 1);
		int col = loc->line ? loc->col + (int)utf8_length(s, offs[i]) : 0;

		diag_add(k->d, DIAG_ERROR, loc->file, loc->line, col,
		         "no font has U+%04X '%s'; the screen would show a box instead: remove it "
		         "or use another character",
		         (unsigned)cps[i], cps[i] >= 0x20 ? ch : "?");
	}
}

/* The lines s needs beyond f's room: 0 when it fits. */
static int lines_needed(struct checker *k, const struct fit *f, const char *s)
{
	struct text_style st = {f->face, f->px, {255, 255, 255, 255}, 0};
	int need = text_lines_needed(k->t, &st, s, f->width);
	return need > f->lines ? need : 0;
}

/* Warns when s does not fit f, or else when it does not fit large (the
 * same box in large text; NULL: none): one warning a text. */
static void fits(struct checker *k, const struct fit *f, const struct fit *large, const char *s,
                 const struct src_loc *loc)
{
	int need = lines_needed(k, f, s);
	if (need)
		diag_add(k->d, DIAG_WARNING, loc->file, loc->line, loc->col,
		         "this %s needs %d lines at %dx%d but the screen has room for %d; it will "
		         "end with \"…\": shorten it",
		         _(f->what), need, TEXT_CHECK_W, TEXT_CHECK_H, f->lines);
	else if (large && (need = lines_needed(k, large, s)))
		diag_add(k->d, DIAG_WARNING, loc->file, loc->line, loc->col,
		         "this %s needs %d lines at %dx%d in large text (the visitors' \"Aa\" "
		         "button) but the screen has room for %d; it will end with \"…\" "
		         "there: shorten it",
		         _(f->what), need, TEXT_CHECK_W, TEXT_CHECK_H, large->lines);
}

/* Every language of text t: glyphs, and the fit when f is given (and in
 * large text when large is). */
static void check_text(struct checker *k, const struct i18n *t, enum text_face face,
                       const struct fit *f, const struct fit *large)
{
	for (int i = 0; i < k->c->hall.n_langs; i++) {
		if (!t->s[i])
			continue;
		missing_glyphs(k, face, t->s[i], &t->loc[i]);
		if (f)
			fits(k, f, large, t->s[i], &t->loc[i]);
	}
}

/* The boxes the screens give a city's texts at layout l: in normal text
 * the loop's slides (slide.c, history_box), the tighter; in large text,
 * which only the visitor's screens show, the photo's caption
 * (screen_photos.c) and the gift's page (screen_gifts.c). */
static struct city_fits city_fits(struct text *t, const struct layout *l)
{
	struct city_fits f;
	f.caption =
	    (struct fit){N_("caption"), FACE_SANS, l->size_body, l->text_w, l->caption_lines};
	f.has_history = l->text == LAYOUT_TEXT_NORMAL;
	if (f.has_history) {
		int gift_w = l->stage.w / 2 - l->margin / 2;
		struct history_box hb = history_box(t, l);
		f.history =
		    (struct fit){N_("history text"), hb.body.face, hb.body.px, hb.width, hb.lines};
		f.title =
		    (struct fit){N_("gift title"), FACE_SERIF_BOLD, l->size_heading, gift_w, 2};
		f.desc = (struct fit){N_("gift description"), FACE_SANS, l->size_body, gift_w, 5};
		f.giver = (struct fit){"\"given_by\"", FACE_SANS, l->size_sub, gift_w, 2};
		return f;
	}
	int half =
	    (l->w - 2 * l->margin - l->gap * 2) / 2; /* the gift's page, beside its picture */
	f.title = (struct fit){N_("gift title"), FACE_SERIF_BOLD, l->size_heading, half, 3};
	f.desc = (struct fit){N_("gift description"), FACE_SANS, layout_text_px(l, 38), half, 10};
	f.giver = (struct fit){"\"given_by\"", FACE_SANS, l->size_sub, half, 3};
	return f;
}

static void check_city(struct checker *k, const struct city *c)
{
	const struct city_fits f = city_fits(k->t, &k->l), g = city_fits(k->t, &k->large);
	/* The native name has no position of its own in the model: its file. */
	const struct src_loc native = {c->flag.loc.file, 0, 0};
	missing_glyphs(k, FACE_SANS, c->native_name, &native);
	check_text(k, &c->name, FACE_SERIF_BOLD, NULL, NULL); /* its fit: check_home */

	check_text(k, &c->country, FACE_SANS, NULL, NULL);
	check_text(k, &c->twinned_what, FACE_SANS, NULL, NULL);
	if (c->status != LINK_ACTIVE)
		check_text(k, &c->status_note, FACE_SANS, NULL, NULL);
	for (size_t i = 0; i < c->n_photos; i++)
		check_text(k, &c->photos[i].caption, FACE_SANS, &f.caption, &g.caption);
	for (size_t i = 0; i < c->n_history; i++) /* the history screen scrolls */
		check_text(k, &c->history[i].text, FACE_SANS, &f.history,
		           g.has_history ? &g.history : NULL);
	for (size_t i = 0; i < c->n_gifts; i++) {
		check_text(k, &c->gifts[i].title, FACE_SERIF_BOLD, &f.title, &g.title);
		check_text(k, &c->gifts[i].description, FACE_SANS, &f.desc, &g.desc);
		check_text(k, &c->gifts[i].given_by, FACE_SANS, &f.giver, &g.giver);
	}
}

/* The home screen's cards at w x h in language lang, in normal or large
 * text (portrait holds the cards in its lower half there, reach mode
 * being on by itself); warns of each city whose card its words do not
 * fit, in large text only of those not warned of in normal text (cut:
 * a flag a city, marked in normal text; NULL: none). */
static void check_home_cards(struct checker *k, int w, int h, int lang, bool large, bool *cut)
{
	const struct hall *hall = &k->c->hall;
	int n = (int)hall->n_cities;
	struct layout l = layout_compute_text(w, h, large ? LAYOUT_TEXT_LARGE : LAYOUT_TEXT_NORMAL);
	int top = home_top_most(k->t, &l);
	struct home_plan p = home_plan(k->t, &l, hall, lang, top, l.portrait);
	for (int i = 0; i < n; i++) {
		struct home_card card;
		home_card_plan(k->t, &l, hall, i, lang, home_grid_card(&p.grid, i), p.scale,
		               p.detail, &card);
		const struct src_loc *at = &hall->cities[i].name.loc[lang];
		if (card.fits || !at->file || (large && cut && cut[i]))
			continue;
		if (cut && !large)
			cut[i] = true;
		if (large)
			diag_add(k->d, DIAG_WARNING, at->file, at->line, at->col,
			         "on the home screen at %dx%d in large text (the visitors' \"Aa\" "
			         "button), this city's card has no room for all its words in "
			         "\"%s\"; some will be cut: shorten the name or the country",
			         w, h, hall->langs[lang]);
		else
			diag_add(
			    k->d, DIAG_WARNING, at->file, at->line, at->col,
			    "on the home screen at %dx%d, this city's card has no room for all "
			    "its words in \"%s\"; some will be cut: shorten the name or the "
			    "country",
			    w, h, hall->langs[lang]);
	}
}

/* The home screen's cards, landscape and portrait, in every language, in
 * normal and large text: each city's text fits whole in its card, up to
 * HOME_ROOM cities. */
static void check_home(struct checker *k)
{
	const struct hall *h = &k->c->hall;
	int n = (int)h->n_cities;
	if (n > HOME_ROOM)
		diag_add(
		    k->d, DIAG_WARNING, h->title.loc[0].file, 0, 0,
		    "the home screen has room for %d cities and there are %d: their cards will "
		    "be small and their text may be cut",
		    HOME_ROOM, n);
	static const int sizes[][2] = {{TEXT_CHECK_W, TEXT_CHECK_H}, {TEXT_CHECK_H, TEXT_CHECK_W}};
	for (int lang = 0; lang < h->n_langs; lang++) {
		bool *cut =
		    calloc(h->n_cities ? h->n_cities : 1, sizeof *cut); /* NULL: no memory */
		for (int large = 0; large < 2; large++)
			for (int s = 0; s < 2; s++)
				check_home_cards(k, sizes[s][0], sizes[s][1], lang, large, cut);
		free(cut);
	}
}

void text_check_content(struct text *t, const struct content *c, struct diag *d)
{
	struct checker k = {t, d, layout_compute(TEXT_CHECK_W, TEXT_CHECK_H),
	                    layout_compute_text(TEXT_CHECK_W, TEXT_CHECK_H, LAYOUT_TEXT_LARGE), c};
	check_home(&k);
	check_text(&k, &c->hall.title, FACE_SANS, NULL, NULL);
	for (size_t i = 0; i < c->hall.n_cities; i++)
		check_city(&k, &c->hall.cities[i]);
}
