#include "ui/player.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>

#include "ui/attract.h"
#include "render/draw.h"
#include "base/layout.h"
#include "ui/slide.h"
#include "render/theme.h"

/* A loop item composed once into a screen-sized texture. The images it
 * shows come from the shared texture cache (decoded on its workers). */
struct slot {
	uint64_t seq;
	bool active;   /* holds item seq */
	bool composed; /* tex shows the finished slide */
	SDL_Texture *tex;
};

struct player {
	SDL_Renderer *ren;
	struct text *text;
	struct texture_cache *images;
	const struct content *c;
	int lang;
	struct layout l;
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

/* Asks the cache for what item seq needs (the next item's images are
 * decoded while the current one holds), into slot s. */
static void slot_prepare(struct player *p, struct slot *s, uint64_t seq)
{
	slot_clear(s);
	s->seq = seq;
	s->active = true;
	struct attract_item it = attract_item_at(&p->c->hall, seq);
	struct rect box, fb = slide_flag_box(&p->l);
	enum image_fit fit;
	const struct image_ref *ref = slide_image(p->c, &p->l, it, &box, &fit);
	if (ref)
		texture_cache_prefetch(p->images, ref->file, box.w, box.h, fit);
	texture_cache_prefetch(p->images, p->c->hall.cities[it.city].flag.file, fb.w, fb.h,
	                       IMAGE_CONTAIN);
}

struct player *player_new(SDL_Renderer *ren, struct text *text, struct texture_cache *images,
                          const struct content *c, int lang, int w, int h)
{
	struct player *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	*p = (struct player){.ren = ren, .text = text, .images = images, .c = c, .lang = lang};
	p->l = layout_compute(w, h);
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
	p->l = layout_compute(w, h);
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
	*tex = texture_cache_get(p->images, ref->file, box.w, box.h, fit, w, h, &st);
	return st != TEXTURE_LOADING;
}

/* Draws slot s's item into its own texture once everything it needs is in. */
static void slot_compose(struct player *p, struct slot *s)
{
	if (!s->active || s->composed)
		return;
	struct attract_item it = attract_item_at(&p->c->hall, s->seq);
	struct slide_art art = {0};
	struct rect box, fb = slide_flag_box(&p->l);
	enum image_fit fit;
	const struct image_ref *ref = slide_image(p->c, &p->l, it, &box, &fit);
	/* Both asked for before either is waited on, so the flag's decode is
	 * not queued behind another slide's photo. */
	bool image = !ref || art_ready(p, ref, box, fit, &art.image, &art.image_w, &art.image_h);
	bool flag = art_ready(p, &p->c->hall.cities[it.city].flag, fb, IMAGE_CONTAIN, &art.flag,
	                      &art.flag_w, &art.flag_h);
	if (!image || !flag)
		return;
	if (!s->tex)
		s->tex = draw_layer_new(p->ren, p->l.w, p->l.h);
	if (!s->tex)
		return;
	struct slide_env env = {p->ren, p->text, &p->l, p->c, p->lang};
	SDL_Texture *target = SDL_GetRenderTarget(p->ren);
	SDL_SetRenderTarget(p->ren, s->tex);
	slide_draw(&env, it, &art);
	SDL_SetRenderTarget(p->ren, target);
	s->composed = true;
}

bool player_update(struct player *p, uint64_t now_ms)
{
	const struct hall *h = &p->c->hall;
	bool was_composed = p->cur.composed;
	slot_compose(p, &p->cur);
	/* One slide composed a frame (each costs tens of ms of text), and
	 * never in the middle of a fade. */
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

void player_sleep(struct player *p)
{
	uint64_t seq = p->cur.active ? p->cur.seq : 0;
	slot_clear(&p->cur);
	slot_clear(&p->next);
	p->cur = (struct slot){.seq = seq, .active = true};
	p->next = (struct slot){.seq = seq + 1, .active = true};
	p->started = false; /* the loop starts its hold again when seen */
}
