#include "base/i18n.h"
#include "app/screenshot.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "image/image_loader.h"
#include "nav/nav.h"
#include "ui/keypad.h"
#include "ui/notice.h"
#include "live/snapshot.h"
#include "live/sync_status.h"
#include "ui/panel.h"
#include "visit/visit.h"
#include "ui/slide.h"

int screenshot_parse_at(const char *at, unsigned long long *seq)
{
	*seq = 0;
	if (strcmp(at, "attract") == 0)
		return 0;
	if (strncmp(at, "attract/", 8) != 0 || at[8] < '1' || at[8] > '9')
		return -1; /* from 1, as photos/N: no 0, no sign, no leading zero */
	char *end;
	errno = 0;
	unsigned long long n = strtoull(at + 8, &end, 10);
	if (*end != '\0' || errno == ERANGE)
		return -1;
	*seq = n - 1;
	return 0;
}

/* Decodes ref for box on this thread and makes it a texture; NULL (drawn as
 * a placeholder) when it cannot be shown. */
static SDL_Texture *load_texture(SDL_Renderer *ren, const struct content *c,
                                 const struct image_ref *ref, struct rect box, enum image_fit fit,
                                 int *w, int *h)
{
	struct image_result *r = image_load_now(c->image_root, ref->file, box.w, box.h, fit);
	SDL_Texture *tex = NULL;
	if (r && r->surface) {
		tex = SDL_CreateTextureFromSurface(ren, r->surface);
		*w = r->surface->w;
		*h = r->surface->h;
	} else if (r) {
		log_warning("%s: %s", ref->path, r->error);
	}
	image_result_free(r);
	return tex;
}

/* Room for one slide's text textures, so none is drawn twice. */
enum { SLIDE_TEXT_BYTES = 64 << 20 };

static int render(SDL_Renderer *ren, const struct content *c, int lang, struct layout *l,
                  struct attract_item it)
{
	struct text *text = text_new_for(ren, c);
	struct text_cache *texts = text ? text_cache_new(ren, text, SLIDE_TEXT_BYTES) : NULL;
	if (!texts) {
		text_free(text);
		return -1;
	}
	struct slide_art art = {0};
	struct rect box;
	enum image_fit fit;
	const struct image_ref *img = slide_image(c, l, it, &box, &fit);
	if (img)
		art.image = load_texture(ren, c, img, box, fit, &art.image_w, &art.image_h);
	const struct city *city = &c->hall.cities[it.city];
	art.flag = load_texture(ren, c, &city->flag, slide_flag_box(l), IMAGE_CONTAIN, &art.flag_w,
	                        &art.flag_h);
	/* The slide's toolkit as the player's, its text drawn here (no worker). */
	struct ui ui = {.ren = ren, .text = text, .texts = texts, .c = c, .l = *l};
	ui.nav.lang = lang;
	slide_draw(&ui, it, &art);
	SDL_RenderPresent(ren);
	SDL_DestroyTexture(art.image);
	SDL_DestroyTexture(art.flag);
	text_cache_free(texts);
	text_free(text);
	return 0;
}

/* A software renderer drawing into a new surface of the asked size. */
static SDL_Renderer *surface_renderer(const struct options *o, SDL_Surface **surf)
{
	*surf =
	    SDL_CreateRGBSurfaceWithFormat(0, o->size_w, o->size_h, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *ren = *surf ? SDL_CreateSoftwareRenderer(*surf) : NULL;
	if (!ren)
		fprintf(stderr, _("twinhall: cannot render %dx%d: %s\n"), o->size_w, o->size_h,
		        SDL_GetError());
	return ren;
}

static int save(const struct options *o, SDL_Surface *surf)
{
	if (IMG_SavePNG(surf, o->screenshot) == 0)
		return 0;
	fprintf(stderr, _("twinhall: cannot write %s: %s\n"), o->screenshot, IMG_GetError());
	return 1;
}

enum { SCREENSHOT_WAIT_MS = 15000 };

/* Draws place s through the visit, waiting for its images to be decoded. */
static int render_place(SDL_Renderer *ren, const struct options *o, const struct content *c,
                        int lang, const struct nav_state *s)
{
	Uint32 wake = SDL_RegisterEvents(1);
	struct text *text = text_new_for(ren, c);
	struct visit *v =
	    text ? visit_new(ren, text, c, lang, o->size_w, o->size_h, 0, wake, NULL) : NULL;
	if (!v) {
		text_free(text);
		return -1;
	}
	struct nav_state place = *s;
	place.lang = lang;
	if (place.screen != NAV_ATTRACT && o->large_text) /* the loop is always as designed */
		place.text = NAV_TEXT_LARGE;
	visit_goto(v, &place);
	uint64_t until = SDL_GetTicks64() + SCREENSHOT_WAIT_MS;
	visit_draw(v, SDL_GetTicks64());
	while (visit_loading(v) && SDL_GetTicks64() < until) {
		SDL_Event ev;
		if (SDL_WaitEventTimeout(&ev, 100) && ev.type == wake)
			visit_take_images(v);
		visit_draw(v, SDL_GetTicks64()); /* asks for what the last frame found missing */
	}
	visit_take_images(v);
	visit_draw(v, SDL_GetTicks64());
	SDL_RenderPresent(ren);
	visit_free(v);
	text_free(text);
	return 0;
}

/* The staff PIN's keypad (--at keypad) with three digits typed, over a
 * blank frame. */
static int render_keypad(SDL_Renderer *ren, const struct options *o, const struct content *c)
{
	struct text *text = text_new_for(ren, c);
	struct keypad *k = text ? keypad_new(ren, text, 0) : NULL;
	if (!k) {
		text_free(text);
		return -1;
	}
	struct pin_pad pad;
	pin_pad_init(&pad);
	pin_pad_open(&pad, "0000", 0);
	for (int d = 1; d <= 3; d++)
		pin_pad_key(&pad, PIN_KEY_DIGIT, d, "0000", 0);
	keypad_draw(k, &pad, o->size_w, o->size_h, 0);
	SDL_RenderPresent(ren);
	keypad_free(k);
	text_free(text);
	return 0;
}

int screenshot_run(const struct options *o, const struct content *c, int lang)
{
	unsigned long long seq;
	struct nav_state place = nav_begin(0);
	int attract = screenshot_parse_at(o->at, &seq) == 0;
	int keypad = strcmp(o->at, "keypad") == 0;
	if (!attract && !keypad && nav_parse(&c->hall, o->at, &place) != 0) {
		fprintf(stderr,
		        _("twinhall: --at '%s' is not a place in this content (try attract, home, "
		          "city/%s/photos/1)\n"),
		        o->at, c->hall.n_cities ? c->hall.cities[0].id : "ID");
		return 2;
	}
	if (SDL_InitSubSystem(SDL_INIT_EVENTS) != 0) {
		fprintf(stderr, _("twinhall: cannot start SDL events: %s\n"), SDL_GetError());
		return 1;
	}
	int rc = 1;
	SDL_Surface *surf = NULL;
	SDL_Renderer *ren = surface_renderer(o, &surf);
	struct layout l = layout_compute(o->size_w, o->size_h);
	if (ren && keypad && render_keypad(ren, o, c) == 0)
		rc = save(o, surf);
	else if (ren && attract && render(ren, c, lang, &l, attract_item_at(&c->hall, seq)) == 0)
		rc = save(o, surf);
	else if (ren && !attract && render_place(ren, o, c, lang, &place) == 0)
		rc = save(o, surf);
	if (ren)
		SDL_DestroyRenderer(ren);
	SDL_FreeSurface(surf);
	SDL_QuitSubSystem(SDL_INIT_EVENTS);
	return rc;
}

int screenshot_notice(const struct options *o, struct diag *d)
{
	int rc = 1;
	SDL_Surface *surf = NULL;
	SDL_Renderer *ren = surface_renderer(o, &surf);
	struct text *text = ren ? text_new(ren) : NULL;
	struct notice *n = text ? notice_new(ren, text) : NULL;
	if (n) {
		notice_draw(n, o->size_w, o->size_h, d);
		SDL_RenderPresent(ren);
		rc = save(o, surf);
	}
	notice_free(n);
	text_free(text);
	if (ren)
		SDL_DestroyRenderer(ren);
	SDL_FreeSurface(surf);
	return rc;
}

int screenshot_panel(const struct options *o, const char *dir, const struct content *c,
                     struct diag *d)
{
	/* A hall one day and three hours up, its content read at a fixed time,
	 * so the picture is the same on every run (the clock shown is the
	 * hall's zone, or TZ). */
	const time_t read_at = 1764583200; /* 2025-12-01 10:00 UTC */
	struct live_status st = {.dir = dir,
	                         .shown_dir = dir,
	                         .shown = c ? LIVE_SHOWN_CURRENT : LIVE_SHOWN_NONE,
	                         .loaded = read_at,
	                         .reloads = 1,
	                         .last_rejected = !c,
	                         .last_load = read_at,
	                         .watch = WATCH_INOTIFY};
	struct sync_status sync = {0};
	char state[1024];
	if (snapshot_state_dir(o->state_dir, state, sizeof state) == 0)
		sync_status_read(state, &sync);
	struct panel_info in = {.live = &st,
	                        .sync = &sync,
	                        .diag = d,
	                        .content = c,
	                        .uptime_ms = (24 + 3) * 3600 * 1000ull,
	                        .fps = 0,
	                        .slowest_ms = 4.2,
	                        .rss_bytes = 80u << 20};
	int rc = 1;
	SDL_Surface *surf = NULL;
	SDL_Renderer *ren = surface_renderer(o, &surf);
	struct text *text = ren ? text_new(ren) : NULL;
	struct panel *p = text ? panel_new(ren, text, 0) : NULL;
	if (p) {
		panel_open(p, 0, true); /* as opened with the staff PIN: everything shown */
		panel_draw(p, &in, o->size_w, o->size_h, NULL);
		SDL_RenderPresent(ren);
		rc = save(o, surf);
	}
	panel_free(p);
	text_free(text);
	if (ren)
		SDL_DestroyRenderer(ren);
	SDL_FreeSurface(surf);
	return rc;
}
