#include "player.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>

#include "attract.h"
#include "image_loader.h"
#include "layout.h"
#include "slide.h"
#include "theme.h"

/* Tags tell loader results apart: flags carry the city index with this bit. */
#define TAG_FLAG (1ull << 62)

struct flag {
	SDL_Texture *tex;
	int w, h;
	bool ready; /* decoded, or failed (tex NULL: placeholder) */
};

struct slot {
	uint64_t seq;
	bool active;   /* holds item seq */
	bool composed; /* tex shows the finished slide */
	bool image_ready;
	SDL_Texture *image; /* decoded main image, until composed */
	int image_w, image_h;
	SDL_Texture *tex;
};

struct player {
	SDL_Renderer *ren;
	struct text *text;
	const struct content *c;
	int lang;
	struct layout l;
	struct image_loader *loader;
	struct flag *flags; /* one per city */
	struct slot cur, next;
	struct attract_state loop;
	bool started;
};

static void slot_clear(struct slot *s)
{
	SDL_DestroyTexture(s->image);
	SDL_DestroyTexture(s->tex);
	*s = (struct slot){0};
}

static void flags_clear(struct player *p)
{
	for (size_t i = 0; i < p->c->hall.n_cities; i++) {
		SDL_DestroyTexture(p->flags[i].tex);
		p->flags[i] = (struct flag){0};
	}
}

/* Starts loading what item seq needs, into slot s. */
static void slot_prepare(struct player *p, struct slot *s, uint64_t seq)
{
	slot_clear(s);
	s->seq = seq;
	s->active = true;
	struct attract_item it = attract_item_at(&p->c->hall, seq);
	struct rect box;
	enum image_fit fit;
	const struct image_ref *ref = slide_image(p->c, &p->l, it, &box, &fit);
	if (ref)
		image_loader_request(p->loader, ref->path, box.w, box.h, fit, seq);
	else
		s->image_ready = true;
	if (!p->flags[it.city].ready) {
		struct rect fb = slide_flag_box(&p->l);
		image_loader_request(p->loader, p->c->hall.cities[it.city].flag.path, fb.w, fb.h,
		                     IMAGE_CONTAIN, TAG_FLAG | it.city);
	}
}

struct player *player_new(SDL_Renderer *ren, struct text *text, const struct content *c, int lang,
                          int w, int h, Uint32 wake_event)
{
	struct player *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->ren = ren;
	p->text = text;
	p->c = c;
	p->lang = lang;
	p->flags = calloc(c->hall.n_cities ? c->hall.n_cities : 1, sizeof *p->flags);
	int cores = SDL_GetCPUCount();
	p->loader = image_loader_new(c->root, cores > 4 ? 4 : cores, wake_event);
	if (!p->flags || !p->loader) {
		fprintf(stderr, "<3>twinhall: cannot start the image loader\n");
		player_free(p);
		return NULL;
	}
	player_resize(p, w, h);
	return p;
}

void player_free(struct player *p)
{
	if (!p)
		return;
	image_loader_free(p->loader);
	slot_clear(&p->cur);
	slot_clear(&p->next);
	if (p->flags)
		flags_clear(p);
	free(p->flags);
	free(p);
}

void player_resize(struct player *p, int w, int h)
{
	p->l = layout_compute(w, h);
	image_loader_cancel(p->loader);
	flags_clear(p);
	uint64_t seq = p->cur.active ? p->cur.seq : 0;
	slot_prepare(p, &p->cur, seq);
	slot_prepare(p, &p->next, seq + 1);
	if (p->started)
		p->loop = attract_begin(SDL_GetTicks64());
}

/* Whether r was decoded for slot s at the current screen size. */
static bool result_fits(const struct player *p, const struct slot *s, const struct image_result *r)
{
	struct rect box;
	enum image_fit fit;
	struct attract_item it = attract_item_at(&p->c->hall, s->seq);
	const struct image_ref *ref = slide_image(p->c, &p->l, it, &box, &fit);
	return ref && r->w == box.w && r->h == box.h && r->fit == fit;
}

/* Hands a decoded result to whatever waits for it; stale results are dropped. */
static void take_result(struct player *p, struct image_result *r)
{
	if (!r->surface)
		fprintf(stderr, "<4>twinhall: cannot show %s: %s\n", r->path, r->error);
	SDL_Texture *tex = r->surface ? SDL_CreateTextureFromSurface(p->ren, r->surface) : NULL;
	int w = r->surface ? r->surface->w : 0, h = r->surface ? r->surface->h : 0;
	struct slot *s = r->tag == p->cur.seq && p->cur.active     ? &p->cur
	                 : r->tag == p->next.seq && p->next.active ? &p->next
	                                                           : NULL;
	if (r->tag & TAG_FLAG) {
		size_t city = (size_t)(r->tag & ~TAG_FLAG);
		struct rect fb = slide_flag_box(&p->l);
		if (city < p->c->hall.n_cities && r->w == fb.w && r->h == fb.h) {
			SDL_DestroyTexture(p->flags[city].tex);
			p->flags[city] = (struct flag){tex, w, h, true};
			tex = NULL;
		}
	} else if (s && !s->image_ready && result_fits(p, s, r)) {
		s->image = tex;
		s->image_w = w;
		s->image_h = h;
		s->image_ready = true;
		tex = NULL;
	}
	SDL_DestroyTexture(tex);
}

void player_take_images(struct player *p)
{
	struct image_result *r;
	while ((r = image_loader_poll(p->loader))) {
		take_result(p, r);
		image_result_free(r);
	}
}

/* Draws slot s's item into its own texture once everything it needs is in. */
static void slot_compose(struct player *p, struct slot *s)
{
	if (!s->active || s->composed || !s->image_ready)
		return;
	struct attract_item it = attract_item_at(&p->c->hall, s->seq);
	struct flag *f = &p->flags[it.city];
	if (!f->ready)
		return;
	if (!s->tex)
		s->tex = SDL_CreateTexture(p->ren, SDL_PIXELFORMAT_ARGB8888,
		                           SDL_TEXTUREACCESS_TARGET, p->l.w, p->l.h);
	if (!s->tex)
		return;
	struct slide_art art = {s->image, s->image_w, s->image_h, f->tex, f->w, f->h};
	struct slide_env env = {p->ren, p->text, &p->l, p->c, p->lang};
	SDL_Texture *target = SDL_GetRenderTarget(p->ren);
	SDL_SetRenderTarget(p->ren, s->tex);
	slide_draw(&env, it, &art);
	SDL_SetRenderTarget(p->ren, target);
	SDL_DestroyTexture(s->image);
	s->image = NULL;
	s->composed = true;
}

bool player_update(struct player *p, uint64_t now_ms)
{
	const struct hall *h = &p->c->hall;
	bool was_composed = p->cur.composed;
	slot_compose(p, &p->cur);
	if (p->loop.phase == ATTRACT_HOLD)
		slot_compose(p, &p->next); /* never in the middle of a fade */
	if (!p->cur.composed)
		return false;
	if (!p->started) {
		p->started = true;
		p->loop = attract_begin(now_ms);
		return true;
	}
	uint64_t seq = p->loop.seq;
	bool moved =
	    attract_step(&p->loop, now_ms, h->photo_hold_ms, h->crossfade_ms, p->next.composed);
	if (p->loop.seq != seq) {
		struct slot done = p->cur;
		p->cur = p->next;
		p->next = done;
		slot_prepare(p, &p->next, p->loop.seq + 1);
	}
	return moved || !was_composed;
}

uint64_t player_deadline(const struct player *p, uint64_t now_ms)
{
	if (!p->started || !p->next.composed)
		return p->loop.phase == ATTRACT_FADE ? now_ms : UINT64_MAX;
	return attract_deadline(&p->loop, now_ms, p->c->hall.photo_hold_ms);
}

void player_draw(struct player *p, uint64_t now_ms)
{
	SDL_SetRenderDrawColor(p->ren, theme.backdrop_bottom.r, theme.backdrop_bottom.g,
	                       theme.backdrop_bottom.b, 255);
	SDL_RenderClear(p->ren);
	if (!p->cur.composed)
		return;
	SDL_SetTextureBlendMode(p->cur.tex, SDL_BLENDMODE_NONE);
	SDL_RenderCopy(p->ren, p->cur.tex, NULL, NULL);
	int k = attract_fade_permille(&p->loop, now_ms, p->c->hall.crossfade_ms);
	if (k > 0 && p->next.composed) {
		SDL_SetTextureBlendMode(p->next.tex, SDL_BLENDMODE_BLEND);
		SDL_SetTextureAlphaMod(p->next.tex, (Uint8)(k * 255 / 1000));
		SDL_RenderCopy(p->ren, p->next.tex, NULL, NULL);
	}
}
