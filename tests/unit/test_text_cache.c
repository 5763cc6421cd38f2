/* The text cache on a software renderer (no window, no display): a string
 * is rasterised once and then reused, entries differ by every part of the
 * key, the byte budget holds across frames, and what a frame uses stays. */
#include <SDL.h>
#include <SDL_ttf.h>

#include "test.h"
#include "text/text.h"
#include "text/text_cache.h"

static int failures_;
static SDL_Surface *target;
static SDL_Renderer *ren;
static struct text *fonts;

static const struct text_style body = {FACE_SANS, 24, {255, 255, 255, 255}, 0};

static struct text_cache_stats stats(const struct text_cache *c)
{
	struct text_cache_stats s;
	text_cache_stats(c, &s);
	return s;
}

static SDL_Texture *get(struct text_cache *c, const struct text_style *st, const char *s, int max_w)
{
	int w, h;
	return text_cache_get(c, st, s, max_w, 3, &w, &h);
}

static void test_same_request_is_one_raster(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 20);
	int w1, h1, w2, h2;
	SDL_Texture *a = text_cache_get(c, &body, "Пермь", 0, 1, &w1, &h1);
	SDL_Texture *b = text_cache_get(c, &body, "Пермь", 0, 1, &w2, &h2);
	CHECK(a != NULL);
	CHECK(a == b);
	CHECK(w1 > 0 && h1 > 0);
	CHECK_INT(w1, w2);
	CHECK_INT(h1, h2);
	CHECK_INT(stats(c).misses, 1);
	CHECK_INT(stats(c).hits, 1);
	CHECK_INT(stats(c).textures, 1);
	CHECK_INT(stats(c).bytes, (size_t)w1 * h1 * 4);
	text_cache_free(c);
}

static void test_every_key_part_counts(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 22);
	struct text_style red = body, big = body, bold = body, spaced = body;
	red.color.g = 0;
	big.px = 32;
	bold.face = FACE_SANS_BOLD;
	spaced.line_height = 60;
	const char *para = "Пермь и Оксфорд: города-побратимы с 1995 года";
	SDL_Texture *t[8] = {
	    get(c, &body, para, 0),   get(c, &red, para, 0),      get(c, &big, para, 0),
	    get(c, &bold, para, 0),   get(c, &body, para, 200),   get(c, &body, para, 300),
	    get(c, &body, "Perm", 0), get(c, &spaced, para, 200),
	};
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < i; j++)
			CHECK(t[i] && t[i] != t[j]);
	CHECK_INT(stats(c).misses, 8);
	CHECK_INT(stats(c).textures, 8);
	int w, h;
	CHECK(text_cache_get(c, &body, para, 200, 1, &w, &h) != t[4]); /* max_lines */
	CHECK_INT(stats(c).misses, 9);
	text_cache_free(c);
}

static void test_unchanged_frame_rasterises_nothing(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 8 << 20);
	char s[20][48];
	for (int i = 0; i < 20; i++)
		snprintf(s[i], sizeof s[i], "Строка номер %d", i);
	for (int frame = 0; frame < 3; frame++) {
		for (int i = 0; i < 20; i++)
			CHECK(get(c, &body, s[i], i % 2 ? 150 : 0) != NULL);
		text_cache_frame(c);
	}
	CHECK_INT(stats(c).misses, 20);
	CHECK_INT(stats(c).hits, 40);
	CHECK_INT(stats(c).evictions, 0);
	text_cache_free(c);
}

static void test_budget_holds_across_frames(void)
{
	enum { BUDGET = 64 * 1024 };
	struct text_cache *c = text_cache_new(ren, fonts, BUDGET);
	size_t pinned[2] = {0, 0}; /* bytes got in the previous and this frame */
	for (int frame = 0; frame < 30; frame++) {
		for (int i = 0; i < 4; i++) {
			char s[64];
			int w, h;
			snprintf(s, sizeof s, "Кадр %d, подпись %d", frame, i);
			CHECK(text_cache_get(c, &body, s, 0, 1, &w, &h) != NULL);
			pinned[1] += (size_t)w * h * 4;
			CHECK(stats(c).bytes <= BUDGET + pinned[0] + pinned[1]);
		}
		text_cache_frame(c);
		CHECK(stats(c).bytes <= BUDGET + pinned[1]);
		pinned[0] = pinned[1];
		pinned[1] = 0;
	}
	CHECK(stats(c).evictions > 0);
	CHECK_INT(stats(c).misses, 120);
	CHECK(stats(c).textures < 60);
	text_cache_free(c);
}

static void test_used_entries_survive_over_budget(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1);
	SDL_Texture *t[10];
	char s[10][32];
	for (int i = 0; i < 10; i++) {
		snprintf(s[i], sizeof s[i], "Метка %d", i);
		t[i] = get(c, &body, s[i], 0);
	}
	CHECK_INT(stats(c).textures, 10);
	CHECK_INT(stats(c).evictions, 0);
	text_cache_frame(c); /* this frame's textures live through the next */
	CHECK_INT(stats(c).textures, 10);
	CHECK(get(c, &body, s[3], 0) == t[3]); /* used again: kept */
	CHECK(get(c, &body, "Новая", 0) != NULL);
	CHECK_INT(stats(c).textures, 11);
	text_cache_frame(c);
	CHECK_INT(stats(c).textures, 2); /* s[3] and "Новая" stay pinned */
	CHECK_INT(stats(c).evictions, 9);
	CHECK(get(c, &body, s[3], 0) == t[3]);
	CHECK_INT(stats(c).misses, 11);
	text_cache_frame(c);
	text_cache_frame(c);
	CHECK_INT(stats(c).textures, 0);
	text_cache_free(c);
}

static void test_paragraph_wraps_within_width(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 22);
	const char *para = "Пермь и Оксфорд стали городами-побратимами в 1995 году, и с тех "
	                   "пор школьники и музыканты ездят друг к другу каждый год.";
	int lw, lh, pw, ph, cw, ch;
	CHECK(text_cache_get(c, &body, para, 0, 1, &lw, &lh) != NULL);
	CHECK(text_cache_get(c, &body, para, 300, 10, &pw, &ph) != NULL);
	CHECK(text_cache_get(c, &body, para, 300, 2, &cw, &ch) != NULL);
	CHECK(lw > 300);
	CHECK(pw <= 300 && pw > 150);
	CHECK(ph >= 3 * lh);
	CHECK(cw <= 300);
	CHECK(ch < ph && ch > lh); /* two lines, the rest an ellipsis */
	text_cache_free(c);
}

static void test_text_is_drawn_in_its_colour(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 20);
	struct text_style red = {FACE_SANS_BOLD, 40, {255, 0, 0, 255}, 0};
	int w, h, reddest = 0, other = 0;
	SDL_Texture *t = text_cache_get(c, &red, "ПЕРМЬ", 0, 1, &w, &h);
	SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
	SDL_RenderClear(ren);
	SDL_RenderCopy(ren, t, NULL, &(SDL_Rect){0, 0, w, h});
	SDL_RenderPresent(ren);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			Uint8 r, g, b;
			Uint32 px = ((Uint32 *)target->pixels)[y * target->pitch / 4 + x];
			SDL_GetRGB(px, target->format, &r, &g, &b);
			reddest = r > reddest ? r : reddest;
			other = g + b > other ? g + b : other;
		}
	CHECK_INT(reddest, 255);
	CHECK_INT(other, 0);
	text_cache_free(c);
}

/* Measuring rasterises nothing, gives the size the texture will have, and
 * is kept: the texture drawn later is one raster, as without measuring. */
static void test_size_is_measured_without_raster(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 22);
	const char *para = "Пермь и Оксфорд стали городами-побратимами в 1995 году, и с тех "
	                   "пор школьники и музыканты ездят друг к другу каждый год.";
	int mw, mh, w, h;
	text_cache_size(c, &body, para, 300, 3, &mw, &mh);
	CHECK_INT(stats(c).misses, 0);
	CHECK_INT(stats(c).bytes, 0);
	CHECK(mw > 150 && mw <= 300 && mh > 2 * body.px);
	CHECK(text_cache_get(c, &body, para, 300, 3, &w, &h) != NULL);
	CHECK_INT(w, mw);
	CHECK_INT(h, mh);
	CHECK_INT(stats(c).misses, 1);
	CHECK_INT(stats(c).textures, 1);
	text_cache_size(c, &body, para, 300, 3, &mw, &mh);
	CHECK_INT(mw, w);
	CHECK_INT(mh, h);
	CHECK_INT(stats(c).misses, 1);
	text_cache_size(c, &body, "", 300, 3, &mw, &mh);
	CHECK_INT(mw, 0);
	CHECK_INT(mh, 0);
	text_cache_free(c);
}

static void test_empty_string(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 20);
	int w = 7, h = 7;
	CHECK(text_cache_get(c, &body, "", 300, 2, &w, &h) == NULL);
	CHECK_INT(w, 0);
	CHECK_INT(h, 0);
	CHECK_INT(stats(c).misses, 0);
	CHECK_INT(stats(c).textures, 0);
	text_cache_free(c);
}

static void test_clear_drops_everything(void)
{
	struct text_cache *c = text_cache_new(ren, fonts, 1 << 20);
	CHECK(get(c, &body, "Один", 0) != NULL);
	CHECK(get(c, &body, "Два", 0) != NULL);
	text_cache_clear(c);
	CHECK_INT(stats(c).textures, 0);
	CHECK_INT(stats(c).bytes, 0);
	CHECK(get(c, &body, "Один", 0) != NULL);
	CHECK_INT(stats(c).misses, 3);
	text_cache_free(c);
	text_cache_free(NULL);
}

int main(void)
{
	if (SDL_Init(0) != 0 || TTF_Init() != 0) {
		printf("FAIL cannot start SDL: %s\n", SDL_GetError());
		return 1;
	}
	target = SDL_CreateRGBSurfaceWithFormat(0, 1024, 256, 32, SDL_PIXELFORMAT_ARGB8888);
	ren = target ? SDL_CreateSoftwareRenderer(target) : NULL;
	fonts = ren ? text_new(ren) : NULL;
	if (!fonts) {
		printf("FAIL cannot make a software renderer with fonts: %s\n", SDL_GetError());
		return 1;
	}
	RUN(test_same_request_is_one_raster);
	RUN(test_every_key_part_counts);
	RUN(test_unchanged_frame_rasterises_nothing);
	RUN(test_budget_holds_across_frames);
	RUN(test_used_entries_survive_over_budget);
	RUN(test_paragraph_wraps_within_width);
	RUN(test_text_is_drawn_in_its_colour);
	RUN(test_size_is_measured_without_raster);
	RUN(test_empty_string);
	RUN(test_clear_drops_everything);
	text_free(fonts);
	SDL_DestroyRenderer(ren);
	SDL_FreeSurface(target);
	TTF_Quit();
	SDL_Quit();
	return failures_ != 0;
}
