/* bench_text: the time to lay out and rasterise all of the content's text as
 * the screens draw it at 1920x1080, cold (empty cache) and warm (the same
 * again, which must rasterise nothing), with the software renderer; and
 * the render thread's part of a slide change: composing a slide whose text
 * is rasterised there, and one whose text the worker drew ahead.
 * Usage: bench_text [CONTENT_DIR]; prints a table of figures. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "base/layout.h"
#include "base/marks.h"
#include "text/text.h"
#include "text/text_cache.h"
#include "ui/attract.h"
#include "ui/slide.h"

struct job {
	const char *s;
	struct text_style st;
	int w, lines;
};

enum { MAX_JOBS = 4096 };

static struct job jobs[MAX_JOBS];
static size_t n_jobs;

static void add(const char *s, enum text_face face, int px, int w, int lines)
{
	if (s && n_jobs < MAX_JOBS)
		jobs[n_jobs++] = (struct job){s, {face, px, {255, 255, 255, 255}, 0}, w, lines};
}

/* Every text of every language, in the styles the screens use. */
static void collect(const struct content *c, const struct layout *l)
{
	for (int lang = 0; lang < c->hall.n_langs; lang++) {
		for (size_t i = 0; i < c->hall.n_cities; i++) {
			const struct city *y = &c->hall.cities[i];
			add(y->name.s[lang], FACE_SERIF_BOLD, l->size_name, 0, 1);
			add(y->country.s[lang], FACE_SANS, l->size_sub, 0, 1);
			for (size_t k = 0; k < y->n_photos; k++)
				add(y->photos[k].caption.s[lang], FACE_SANS, l->size_body,
				    l->text_w, 3);
			for (size_t k = 0; k < y->n_history; k++)
				add(y->history[k].text.s[lang], FACE_SANS, layout_px(l, 38), 1100,
				    12);
			for (size_t k = 0; k < y->n_gifts; k++) {
				add(y->gifts[k].title.s[lang], FACE_SERIF_BOLD, l->size_heading,
				    800, 3);
				add(y->gifts[k].description.s[lang], FACE_SANS, l->size_body, 800,
				    10);
			}
		}
	}
}

static double pass(struct text_cache *tc, size_t *raster)
{
	struct text_cache_stats before, after;
	text_cache_stats(tc, &before);
	uint64_t t0 = SDL_GetPerformanceCounter();
	for (size_t i = 0; i < n_jobs; i++) {
		int w, h;
		text_cache_get(tc, &jobs[i].st, jobs[i].s, jobs[i].w, jobs[i].lines, &w, &h);
	}
	text_cache_frame(tc);
	double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
	            (double)SDL_GetPerformanceFrequency();
	text_cache_stats(tc, &after);
	*raster = after.misses - before.misses;
	return ms;
}

/* Milliseconds to wrap and rasterise s as a photo caption. */
static double caption_ms(struct text *t, const struct layout *l, const char *s)
{
	struct text_style st = {FACE_SANS, l->size_body, {255, 255, 255, 255}, 0};
	uint64_t t0 = SDL_GetPerformanceCounter();
	SDL_FreeSurface(text_render_paragraph(t, &st, s, l->text_w, 3));
	return (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
	       (double)SDL_GetPerformanceFrequency();
}

/* A caption of one letter and n combining acute accents (issue 25's 47 kB
 * file): drawn as the loader keeps it (capped) and, for scale, as written. */
static void marks_rows(struct text *t, const struct layout *l, size_t n)
{
	char *s = malloc(2 * n + 8);
	if (!s)
		return;
	size_t len = 0;
	s[len++] = 'a';
	for (size_t i = 0; i < n; i++, len += 2)
		memcpy(s + len, "\xcc\x81", 2);
	s[len] = '\0';
	double raw = caption_ms(t, l, s);
	marks_cap(s, len, MARKS_MAX_PER_CHAR, NULL, NULL);
	double capped = caption_ms(t, l, s);
	printf("%-46s %7.1f ms\n", "caption of 1 letter + 20000 accents, as loaded", capped);
	printf("%-46s %7.1f ms\n", "the same as written, before the cap", raw);
	free(s);
}

static double ms_since(uint64_t t0)
{
	return (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
	       (double)SDL_GetPerformanceFrequency();
}

/* Milliseconds to compose item it into layer, as the player does. */
static double compose_ms(struct ui *ui, SDL_Texture *layer, struct attract_item it,
                         const struct slide_art *art)
{
	uint64_t t0 = SDL_GetPerformanceCounter();
	SDL_SetRenderTarget(ui->ren, layer);
	slide_draw(ui, it, art);
	SDL_SetRenderTarget(ui->ren, NULL);
	text_cache_frame(ui->texts);
	return ms_since(t0);
}

/* Waits until the worker drew every text of it (asked for ahead). */
static void wait_for_worker(struct ui *ui, struct attract_item it, const struct slide_art *art)
{
	slide_prefetch(ui, it);
	text_cache_frame(ui->texts); /* the worker starts at a frame's end */
	for (int i = 0; i < 10000 && slide_pending(ui, it, art) > 0; i++) {
		SDL_Delay(1);
		text_cache_take(ui->texts);
	}
}

/* Each slide of one pass of the loop composed at 1920x1080: its text
 * rasterised on this thread (as the slides were drawn before the text
 * worker drew them), then asked of the worker ahead, as the player does.
 * The images are stand-ins: only the text differs between the rows. */
static void slide_rows(SDL_Renderer *ren, struct text *t, const struct content *c,
                       const struct layout *l)
{
	SDL_Texture *layer =
	    SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, l->w, l->h);
	SDL_Texture *img =
	    SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, 64, 64);
	struct ui here = {.ren = ren, .text = t, .c = c, .l = *l}, ahead = here;
	here.texts = text_cache_new(ren, t, (size_t)256 << 20);
	ahead.texts = text_cache_new(ren, t, (size_t)256 << 20);
	if (!layer || !img || !here.texts || !ahead.texts ||
	    !text_cache_start_worker(ahead.texts, 0))
		goto out;
	size_t n = attract_cycle_length(&c->hall);
	double sum[2] = {0}, max[2] = {0};
	for (size_t seq = 0; seq < n; seq++) {
		struct attract_item it = attract_item_at(&c->hall, seq);
		struct rect box;
		enum image_fit fit;
		struct slide_art art = {img, 64, 64, img, l->flag_h * 4 / 3, l->flag_h};
		if (slide_image(c, l, it, &box, &fit)) {
			art.image_w = box.w;
			art.image_h = box.h;
		}
		double ms[2];
		ms[0] = compose_ms(&here, layer, it, &art);
		wait_for_worker(&ahead, it, &art);
		ms[1] = compose_ms(&ahead, layer, it, &art);
		for (int k = 0; k < 2; k++) {
			sum[k] += ms[k];
			max[k] = ms[k] > max[k] ? ms[k] : max[k];
		}
	}
	struct text_cache_stats st;
	text_cache_stats(ahead.texts, &st);
	printf("%-46s %7s %10s\n", "slide composed (render thread, 1920x1080)", "mean", "max");
	printf("%-46s %7.1f ms %7.1f ms\n", "text rasterised here (before)", sum[0] / (double)n,
	       max[0]);
	printf("%-46s %7.1f ms %7.1f ms  (%zu slides, %zu rasterised here)\n",
	       "text drawn ahead by the worker (now)", sum[1] / (double)n, max[1], n, st.misses);
out:
	text_cache_free(here.texts);
	text_cache_free(ahead.texts);
	if (img)
		SDL_DestroyTexture(img);
	if (layer)
		SDL_DestroyTexture(layer);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "content";
	struct diag *d = diag_new();
	struct content *c = content_load(dir, d);
	if (!c || TTF_Init() != 0) {
		diag_print(d, stderr, dir);
		return 1;
	}
	SDL_Surface *surf =
	    SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
	struct text *t = text_new_for(ren, c);
	struct text_cache *tc = t ? text_cache_new(ren, t, (size_t)256 << 20) : NULL;
	if (!tc)
		return 1;
	struct layout l = layout_compute(1920, 1080);
	collect(c, &l);
	size_t cold_n, warm_n;
	double cold = pass(tc, &cold_n), warm = pass(tc, &warm_n);
	struct text_cache_stats st;
	text_cache_stats(tc, &st);
	printf("%-46s %10s %14s\n", "text (1920x1080, software renderer)", "time", "rasterised");
	printf("%-46s %7.1f ms %8zu texts\n", "cold: every text of the content, empty cache", cold,
	       cold_n);
	printf("%-46s %7.1f ms %8zu texts\n", "warm: the same again", warm, warm_n);
	printf("%-46s %7zu    %8.1f MB\n", "cache after: live textures, bytes", st.textures,
	       (double)st.bytes / (1 << 20));
	marks_rows(t, &l, 20000);
	slide_rows(ren, t, c, &l);
	text_cache_free(tc);
	text_free(t);
	SDL_DestroyRenderer(ren);
	SDL_FreeSurface(surf);
	content_free(c);
	diag_free(d);
	TTF_Quit();
	return warm_n == 0 ? 0 : 1;
}
