#include "text/text_check.h"

#include <stdio.h>
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
	struct layout l;
	const struct content *c;
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

static void fits(struct checker *k, const struct fit *f, const char *s, const struct src_loc *loc)
{
	struct text_style st = {f->face, f->px, {255, 255, 255, 255}, 0};
	int need = text_lines_needed(k->t, &st, s, f->width);
	if (need > f->lines)
		diag_add(k->d, DIAG_WARNING, loc->file, loc->line, loc->col,
		         "this %s needs %d lines at %dx%d but the screen has room for %d; it will "
		         "end with \"…\": shorten it",
		         _(f->what), need, TEXT_CHECK_W, TEXT_CHECK_H, f->lines);
}

/* Every language of text t: glyphs, and the fit when f is given. */
static void check_text(struct checker *k, const struct i18n *t, enum text_face face,
                       const struct fit *f)
{
	for (int i = 0; i < k->c->hall.n_langs; i++) {
		if (!t->s[i])
			continue;
		missing_glyphs(k, face, t->s[i], &t->loc[i]);
		if (f)
			fits(k, f, t->s[i], &t->loc[i]);
	}
}

static void check_city(struct checker *k, const struct city *c)
{
	const struct layout *l = &k->l;
	int gift_w = l->stage.w / 2 - l->margin / 2;
	const struct fit caption = {N_("caption"), FACE_SANS, l->size_body, l->text_w, 3};
	struct history_box hb = history_box(k->t, l);
	const struct fit history = {N_("history text"), hb.body.face, hb.body.px, hb.width,
	                            hb.lines};

	const struct fit title = {N_("gift title"), FACE_SERIF_BOLD, l->size_heading, gift_w, 2};
	const struct fit desc = {N_("gift description"), FACE_SANS, l->size_body, gift_w, 5};
	const struct fit giver = {"\"given_by\"", FACE_SANS, l->size_sub, gift_w, 2};
	/* The native name has no position of its own in the model: its file. */
	const struct src_loc native = {c->flag.loc.file, 0, 0};
	missing_glyphs(k, FACE_SANS, c->native_name, &native);
	check_text(k, &c->name, FACE_SERIF_BOLD, NULL); /* its fit: check_home */

	check_text(k, &c->country, FACE_SANS, NULL);
	check_text(k, &c->twinned_what, FACE_SANS, NULL);
	if (c->status != LINK_ACTIVE)
		check_text(k, &c->status_note, FACE_SANS, NULL);
	for (size_t i = 0; i < c->n_photos; i++)
		check_text(k, &c->photos[i].caption, FACE_SANS, &caption);
	for (size_t i = 0; i < c->n_history; i++)
		check_text(k, &c->history[i].text, FACE_SANS, &history);
	for (size_t i = 0; i < c->n_gifts; i++) {
		check_text(k, &c->gifts[i].title, FACE_SERIF_BOLD, &title);
		check_text(k, &c->gifts[i].description, FACE_SANS, &desc);
		check_text(k, &c->gifts[i].given_by, FACE_SANS, &giver);
	}
}

/* The home screen's cards, landscape and portrait, in every language: each
 * city's text fits whole in its card, up to HOME_ROOM cities. */
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
	for (int s = 0; s < 2; s++) {
		struct layout l = layout_compute(sizes[s][0], sizes[s][1]);
		for (int lang = 0; lang < h->n_langs; lang++) {
			int top = home_top_most(k->t, &l);
			struct home_plan p = home_plan(k->t, &l, h, lang, top, top, l.h);
			for (int i = 0; i < n; i++) {
				struct home_card card;
				home_card_plan(k->t, &l, h, i, lang, home_grid_card(&p.grid, i),
				               p.scale, p.detail, &card);
				const struct src_loc *at = &h->cities[i].name.loc[lang];
				if (!card.fits && at->file)
					diag_add(k->d, DIAG_WARNING, at->file, at->line, at->col,
					         "on the home screen at %dx%d, this city's card "
					         "has no room "
					         "for all its words in \"%s\"; some will be cut: "
					         "shorten "
					         "the name or the country",
					         sizes[s][0], sizes[s][1], h->langs[lang]);
			}
		}
	}
}

void text_check_content(struct text *t, const struct content *c, struct diag *d)
{
	struct checker k = {t, d, layout_compute(TEXT_CHECK_W, TEXT_CHECK_H), c};
	check_home(&k);
	check_text(&k, &c->hall.title, FACE_SANS, NULL);
	for (size_t i = 0; i < c->hall.n_cities; i++)
		check_city(&k, &c->hall.cities[i]);
}
