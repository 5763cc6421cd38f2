/* Text measured from the fonts' metrics (text_measure) has the very size of
 * the surface text_render_paragraph rasterises for the same arguments: the
 * same wrap, the same number of lines, the same height, in every script,
 * for words longer than a line, forced breaks and ellipses; and measuring
 * rasterises nothing. */
#include <SDL.h>
#include <SDL_ttf.h>

#include "test.h"
#include "text/text.h"

static int failures_;
static struct text *fonts;

static const char *const strings[] = {
    "Пермь",
    "Oxford",
    "青岛",
    "Амневиль · Amnéville · Франция",
    "Делегация Оксфорда в Перми, 1995 год: подписание соглашения о побратимстве между "
    "городами, концерт хора и выставка фотографий в Доме дружбы",
    "The delegation from Oxford in Perm, 1995: the twinning agreement signed, a choir's "
    "concert and a photographic exhibition at the House of Friendship",
    "1993年，青岛市与彼尔姆市正式缔结友好城市关系。此后，两市在教育、文化、体育和经贸等领域开展了"
    "广泛的交流与合作。",
    "Пермь и 青岛 (Циндао): «город у моря», 海边的城市, a city by the sea.",
    "Достопримечательностиипредставительстваинтернационализации", /* one long word */
    "Supercalifragilisticexpialidociouslyantidisestablishmentarianism",
    "Первая строка\nВторая строка\n\nЧетвёртая, после пустой",
    "\n\nafter two breaks",
    "   leading and trailing spaces   ",
    "A", /* one letter */
    "…",
    "a\xcc\x81\xcc\x81\xcc\x81 combining marks",
};

struct shape {
	int max_w, max_lines;
};

/* One line; a wide column; a narrow one (long words break); an ellipsis
 * after one, two and three lines; a column narrower than a letter. */
static const struct shape shapes[] = {
    {0, 1}, {900, 12}, {260, 12}, {260, 1}, {300, 2}, {500, 3}, {120, 6}, {8, 4},
};

static const struct text_style styles[] = {
    {FACE_SANS, 28, {255, 255, 255, 255}, 0},
    {FACE_SERIF_BOLD, 48, {240, 200, 120, 255}, 0},
    {FACE_SANS_BOLD, 19, {255, 255, 255, 255}, 0},
    {FACE_SANS, 32, {255, 255, 255, 255}, 50}, /* a line height of its own */
};

/* Checks one case; prints it when the sizes differ. */
static void check_case(const struct text_style *st, const char *s, struct shape sh)
{
	int mw = -1, mh = -1;
	text_measure(fonts, st, s, sh.max_w, sh.max_lines, &mw, &mh);
	SDL_Surface *surf = text_render_paragraph(fonts, st, s, sh.max_w, sh.max_lines);
	int rw = surf ? surf->w : 0, rh = surf ? surf->h : 0;
	SDL_FreeSurface(surf);
	if (mw == rw && mh == rh)
		return;
	printf("  \"%s\" face %d px %d in %d x %d lines: measured %d x %d, drawn %d x %d\n", s,
	       st->face, st->px, sh.max_w, sh.max_lines, mw, mh, rw, rh);
	test_failed_ = 1;
}

static void test_measured_size_is_the_drawn_size(void)
{
	for (size_t k = 0; k < sizeof styles / sizeof styles[0]; k++)
		for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
			for (size_t j = 0; j < sizeof shapes / sizeof shapes[0]; j++)
				check_case(&styles[k], strings[i], shapes[j]);
}

/* The cases above are not all one line: they wrap, and the ellipsis ones
 * are cut, so the comparison covers several lines. */
static void test_cases_do_wrap_and_cut(void)
{
	const struct text_style *st = &styles[0];
	int w1, h1, w3, h3, wn, hn;
	text_measure(fonts, st, strings[4], 0, 1, &w1, &h1);
	text_measure(fonts, st, strings[4], 500, 3, &w3, &h3);
	text_measure(fonts, st, strings[4], 260, 12, &wn, &hn);
	int lh = text_line_height(fonts, st->face, st->px);
	CHECK(w1 > 900);
	CHECK(w3 <= 500 && w3 > 400);
	CHECK_INT((h3 - h1) / lh, 2); /* three lines, cut */
	CHECK((hn - h1) / lh > 3);
	CHECK(wn <= 260);
	CHECK(text_lines_needed(fonts, st, strings[4], 500) > 3); /* so it was cut */
	int w = 7, h = 7;
	text_measure(fonts, st, "", 300, 2, &w, &h);
	CHECK_INT(w, 0);
	CHECK_INT(h, 0);
}

int main(void)
{
	if (SDL_Init(0) != 0 || TTF_Init() != 0) {
		printf("FAIL cannot start SDL: %s\n", SDL_GetError());
		return 1;
	}
	fonts = text_new(NULL);
	if (!fonts) {
		printf("FAIL cannot find the fonts\n");
		return 1;
	}
	RUN(test_measured_size_is_the_drawn_size);
	RUN(test_cases_do_wrap_and_cut);
	text_free(fonts);
	TTF_Quit();
	SDL_Quit();
	return failures_ ? 1 : 0;
}
