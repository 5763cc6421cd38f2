#include "ui/player.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/layout.h"
#include "render/draw.h"
#include "render/theme.h"
#include "ui/attract.h"
#include "ui/slide.h"
#include "ui/ui.h"

/* A loop item composed once into a screen-sized texture. The images it
 * shows come from the shared texture cache (decoded on its workers), its
 * text from the shared text cache (rasterised by its worker). */
struct slot {
	uint64_t seq;
	bool active;   /* holds item seq */
	bool composed; /* tex shows the finished slide */
	SDL_Texture *tex;
};

struct player {
	/* The ui toolkit the slides are drawn with: the renderer, the fonts,
	 * both caches, the content, the layout and the language. */
	struct ui ui;
	struct slot cur, next;
	struct attract_state loop;
	bool started;
	bool defer; /* next is to be composed in the next frame, not this one */
};

static void slot_clear(struct slot *s)
{
	if (s->tex)
		SDL_DestroyTexture(s->tex);
	*s = (struct slot){0};
}

/* Asks the caches for what item seq needs (the next item's images are
 * decoded and its text rasterised while the current one holds), into slot
 * s. */
static void slot_prepare(struct player *p, struct slot *s, uint64_t seq)
{
	slot_clear(s);
	s->seq = seq;
	s->active = true;
	const struct content *c = p->ui.c;
	struct attract_item it = attract_item_at(&c->hall, seq);
	struct rect box, fb = slide_flag_box(&p->ui.l);
	enum image_fit fit;
	const struct image_ref *ref = slide_image(c, &p->ui.l, it, &box, &fit);
	if (ref)
		texture_cache_prefetch(p->ui.images, ref->file, box.w, box.h, fit);
	texture_cache_prefetch(p->ui.images, c->hall.cities[it.city].flag.file, fb.w, fb.h,
	                       IMAGE_CONTAIN);
	slide_prefetch(&p->ui, it);
}

struct player *player_new(SDL_Renderer *ren, struct text *text, struct text_cache *texts,
                          struct texture_cache *images, const struct content *c, int lang, int w,
                          int h)
{
	struct player *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->ui = (struct ui){.ren = ren, .text = text, .texts = texts, .images = images, .c = c};
	p->ui.nav.lang = lang;
	p->ui.l = layout_compute(w, h);
	/* Asleep: nothing is decoded for the loop before it is seen (after a
	 * reload, the visitor is usually elsewhere). */
	player_sleep(p);
	return p;
}

void player_free(struct player *p)
{
	if (!p)
		return;
	slot_clear(&p->cur);
	slot_clear(&p->next);
	free(p);
}

void player_resize(struct player *p, int w, int h)
{
	p->ui.l = layout_compute(w, h);
	uint64_t seq = p->cur.active ? p->cur.seq : 0;
	slot_prepare(p, &p->cur, seq);
	slot_prepare(p, &p->next, seq + 1);
	if (p->started)
		p->loop = attract_begin(SDL_GetTicks64());
}

/* The texture for ref at box, or false while it is still being decoded (a
 * failed image gives true with NULL: the slide shows a placeholder). */
static bool art_ready(struct player *p, const struct image_ref *ref, struct rect box,
                      enum image_fit fit, SDL_Texture **tex, int *w, int *h)
{
	enum texture_state st;
	*tex = texture_cache_get(p->ui.images, ref->file, box.w, box.h, fit, w, h, &st);
	return st != TEXTURE_LOADING;
}

/* Draws slot s's item into its own texture once everything it needs is in:
 * its images decoded, its text rasterised by the worker (so the render
 * thread only copies textures). */
static void slot_compose(struct player *p, struct slot *s)
{
	if (!s->active || s->composed)
		return;
	const struct content *c = p->ui.c;
	struct attract_item it = attract_item_at(&c->hall, s->seq);
	struct slide_art art = {0};
	struct rect box, fb = slide_flag_box(&p->ui.l);
	enum image_fit fit;
	const struct image_ref *ref = slide_image(c, &p->ui.l, it, &box, &fit);
	/* Both asked for before either is waited on, so the flag's decode is
	 * not queued behind another slide's photo; the text with them (the
	 * slide first shown was not prepared). */
	bool image = !ref || art_ready(p, ref, box, fit, &art.image, &art.image_w, &art.image_h);
	bool flag = art_ready(p, &c->hall.cities[it.city].flag, fb, IMAGE_CONTAIN, &art.flag,
	                      &art.flag_w, &art.flag_h);
	slide_prefetch(&p->ui, it);
	if (!image || !flag || slide_pending(&p->ui, it, &art) > 0)
		return;
	if (!s->tex)
		s->tex = draw_layer_new(p->ui.ren, p->ui.l.w, p->ui.l.h);
	if (!s->tex)
		return;
	SDL_Texture *target = SDL_GetRenderTarget(p->ui.ren);
	SDL_SetRenderTarget(p->ui.ren, s->tex);
	slide_draw(&p->ui, it, &art);
	SDL_SetRenderTarget(p->ui.ren, target);
	s->composed = true;
}

bool player_update(struct player *p, uint64_t now_ms)
{
	const struct hall *h = &p->ui.c->hall;
	bool was_composed = p->cur.composed;
	slot_compose(p, &p->cur);
	/* One slide composed a frame (each draws a whole screen), and never
	 * in the middle of a fade. */
	p->defer = false;
	if (p->loop.phase == ATTRACT_HOLD && !p->next.composed) {
		if (!was_composed) /* the slide on screen first: its images, then it */
			p->defer = p->cur.composed;
		else
			slot_compose(p, &p->next);
	}
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
	if (p->defer)
		return now_ms;
	if (!p->started || !p->next.composed)
		return p->loop.phase == ATTRACT_FADE ? now_ms : UINT64_MAX;
	return attract_deadline(&p->loop, now_ms, p->ui.c->hall.photo_hold_ms);
}

void player_draw(struct player *p, uint64_t now_ms)
{
	SDL_SetRenderDrawColor(p->ui.ren, theme.backdrop_bottom.r, theme.backdrop_bottom.g,
	                       theme.backdrop_bottom.b, 255);
	SDL_RenderClear(p->ui.ren);
	if (!p->cur.composed)
		return;
	SDL_SetTextureBlendMode(p->cur.tex, SDL_BLENDMODE_NONE);
	SDL_RenderCopy(p->ui.ren, p->cur.tex, NULL, NULL);
	int k = attract_fade_permille(&p->loop, now_ms, p->ui.c->hall.crossfade_ms);
	if (k > 0 && p->next.composed) {
		SDL_SetTextureBlendMode(p->next.tex, SDL_BLENDMODE_BLEND);
		SDL_SetTextureAlphaMod(p->next.tex, (Uint8)(k * 255 / 1000));
		SDL_RenderCopy(p->ui.ren, p->next.tex, NULL, NULL);
	}
}

void player_sleep(struct player *p)
{
	uint64_t seq = p->cur.active ? p->cur.seq : 0;
	slot_clear(&p->cur);
	slot_clear(&p->next);
	p->cur = (struct slot){.seq = seq, .active = true};
	p->next = (struct slot){.seq = seq + 1, .active = true};
	p->started = false; /* the loop starts its hold again when seen */
}
