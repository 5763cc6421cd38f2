#include "render/texture_cache.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/perf_switch.h"
#include "image/image_loader.h"
#include "base/lru.h"

/* Entries cost bytes only when READY; this bounds the loading and failed
 * ones too. */
enum { TEXTURE_CACHE_MAX_ENTRIES = 4096, TEXTURE_KEY_HEAD = 4 };

/* While paced (a transition on screen), a frame turns at most this many
 * bytes of decoded pixels into textures, making a texture anew counting as
 * its size (it is cleared; one reused costs nothing to make): a 1620x1080
 * photo takes five frames, each a small part of one, where taking it whole
 * cost about half a transition frame (docs/performance.md). */
enum { PACE_BYTES = 2 << 20 };

struct texture_cache {
	SDL_Renderer *renderer;
	struct image_loader *loader;
	struct lru *map;
	unsigned char *key; /* scratch for building keys, grown as needed */
	size_t key_cap;
	uint64_t next_tag;
	/* Decoded results not made into textures yet (paced), oldest first. */
	struct image_result **held;
	size_t n_held, held_cap;
	bool paced;
	size_t pace_left; /* bytes this frame may still upload while paced */
	size_t hits, misses, loading, failed, derived;
	size_t refreshing; /* READY entries with a refresh_tag */
};

struct tex_entry {
	enum texture_state state;
	size_t reserved;      /* LOADING: bytes held for its pixels (see add_entry) */
	uint64_t tag;         /* of the request that will fill this entry */
	uint64_t refresh_tag; /* READY, its file changed: the request for the new
	                       * pixels (counted as loading); 0 when none */
	SDL_Texture *tex;     /* LOADING: made, its rows being uploaded (paced) */
	int w, h;
	int rows;    /* LOADING: rows of tex uploaded so far */
	bool urgent; /* asked for by texture_cache_get: on screen now */
};

/* The longest path an image_result carries; longer ones cannot be matched. */
static const size_t max_path = sizeof(((struct image_result *)0)->path) - 1;

static void count_state(struct texture_cache *c, enum texture_state s, int delta)
{
	if (s == TEXTURE_LOADING)
		c->loading += (size_t)delta;
	else if (s == TEXTURE_FAILED)
		c->failed += (size_t)delta;
}

static void set_state(struct texture_cache *c, struct tex_entry *e, enum texture_state s)
{
	count_state(c, e->state, -1);
	e->state = s;
	count_state(c, s, 1);
}

static void drop_entry(void *ctx, void *value)
{
	struct tex_entry *e = value;
	count_state(ctx, e->state, -1);
	if (e->refresh_tag)
		((struct texture_cache *)ctx)->refreshing--;
	SDL_DestroyTexture(e->tex);
	free(e);
}

struct texture_cache *texture_cache_new(SDL_Renderer *r, const char *content_root,
                                        size_t budget_bytes, Uint32 wake_event)
{
	struct texture_cache *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->renderer = r;
	c->pace_left = PACE_BYTES;
	/* One worker per core but one, at most 4: the render thread keeps a
	 * core of its own, so a decode never stalls a frame. */
	int cores = SDL_GetCPUCount(), workers = cores - 1 < 1 ? 1 : cores - 1 > 4 ? 4 : cores - 1;
	c->loader = image_loader_new(content_root, workers, wake_event);

	if (!c->loader)
		goto fail;
	c->map = lru_new(budget_bytes, TEXTURE_CACHE_MAX_ENTRIES, drop_entry, c);
	if (!c->map)
		goto fail;
	return c;
fail:
	texture_cache_free(c);
	return NULL;
}

void texture_cache_use_derivs(struct texture_cache *c, struct deriv_cache *d)
{
	image_loader_use_derivs(c->loader, d);
}

void texture_cache_warm(struct texture_cache *c, const char *path, int w, int h, enum image_fit fit)
{
	image_loader_warm(c->loader, path, w, h, fit);
}

void texture_cache_free(struct texture_cache *c)
{
	if (!c)
		return;
	/* Threads first: nothing may finish into a cache being torn down. */
	image_loader_free(c->loader);
	for (size_t i = 0; i < c->n_held; i++)
		image_result_free(c->held[i]);
	free(c->held);
	lru_free(c->map);
	free(c->key);
	free(c);
}

/* Builds the key in c->key: fixed-width numbers then the path's bytes.
 * Returns its length, 0 when out of memory. */
static size_t build_key(struct texture_cache *c, const char *path, int w, int h, enum image_fit fit)
{
	size_t len = strlen(path), need = TEXTURE_KEY_HEAD * sizeof(int32_t) + len;
	if (need > c->key_cap) {
		unsigned char *k = realloc(c->key, need);
		if (!k)
			return 0;
		c->key = k;
		c->key_cap = need;
	}
	int32_t head[TEXTURE_KEY_HEAD] = {w, h, (int32_t)fit, (int32_t)len};
	memcpy(c->key, head, sizeof head);
	memcpy(c->key + sizeof head, path, len);
	return need;
}

/* A new entry for the key in c->key, its decode asked for; NULL when out of
 * memory. */
static struct tex_entry *add_entry(struct texture_cache *c, size_t key_len, const char *path, int w,
                                   int h, enum image_fit fit, bool urgent)
{
	struct tex_entry *e = calloc(1, sizeof *e);
	if (!e)
		return NULL;
	e->state = strlen(path) > max_path ? TEXTURE_FAILED : TEXTURE_LOADING;
	e->tag = ++c->next_tag;
	e->urgent = urgent;
	/* A decode holds its room in the budget from the start: what the
	 * budget lets go for it goes now, before its pixels and its texture's
	 * memory are made, not after, so the photos held, the one decoded
	 * and its texture are never all there at once. */
	if (e->state == TEXTURE_LOADING && w > 0 && h > 0)
		e->reserved = (size_t)w * (size_t)h * 4;
	if (!lru_insert(c->map, c->key, key_len, e, e->reserved)) {
		free(e);
		return NULL;
	}
	count_state(c, e->state, 1);
	c->misses++;
	if (e->state == TEXTURE_LOADING)
		image_loader_request(c->loader, path, w, h, fit, e->tag, urgent);
	return e;
}

SDL_Texture *texture_cache_get(struct texture_cache *c, const char *path, int w, int h,
                               enum image_fit fit, int *tw, int *th, enum texture_state *state)
{
	*tw = *th = 0;
	*state = TEXTURE_FAILED;
	size_t len = build_key(c, path, w, h, fit);
	if (len == 0)
		return NULL;
	struct lru_entry *le = lru_find(c->map, c->key, len);
	struct tex_entry *e = le ? lru_value(le) : NULL;
	if (e)
		c->hits++;
	else if (!(e = add_entry(c, len, path, w, h, fit, true)))
		return NULL;
	if (e->state == TEXTURE_LOADING && !e->urgent) { /* prefetched, now on screen */
		e->urgent = true;
		image_loader_request(c->loader, path, w, h, fit, e->tag, true);
	}
	*state = e->state;
	if (e->state != TEXTURE_READY)
		return NULL;
	*tw = e->w;
	*th = e->h;
	return e->tex;
}

void texture_cache_prefetch(struct texture_cache *c, const char *path, int w, int h,
                            enum image_fit fit)
{
	size_t len = build_key(c, path, w, h, fit);
	if (len > 0 && !lru_peek(c->map, c->key, len))
		add_entry(c, len, path, w, h, fit, false);
}

/* Entry e FAILED: result r holds no pixels, or they cannot be made a
 * texture (a texture begun for them goes). */
static void fail(struct texture_cache *c, struct lru_entry *le, const struct image_result *r)
{
	struct tex_entry *e = lru_value(le);
	log_warning("cannot show %s: %s", r->path, r->surface ? SDL_GetError() : r->error);
	SDL_DestroyTexture(e->tex);
	e->tex = NULL;
	set_state(c, e, TEXTURE_FAILED);
	e->reserved = 0;
	lru_set_bytes(c->map, le, 0);
}

/* The shape of texture an entry needs: see reuse_texture. */
struct shape {
	int w, h;
	Uint32 format;
};

static bool same_shape(void *ctx, const void *value)
{
	const struct shape *want = ctx;
	const struct tex_entry *e = value;
	Uint32 format;
	int w, h;
	return e->state == TEXTURE_READY && e->tex &&
	       SDL_QueryTexture(e->tex, &format, NULL, &w, &h) == 0 && w == want->w &&
	       h == want->h && format == want->format;
}

/* For s's pixels (reserved bytes of them already held in the budget since
 * they were asked for), the texture of the entry the budget would evict
 * first to make room for the rest, when it has their size and format: that
 * entry goes now and its texture is written over. A texture made anew is
 * cleared first, and one destroyed is unmapped: both cost time in the
 * frame. NULL when there is none (the room was made when asked: the usual
 * case; only pinned entries over the budget then leave one to take). */
static SDL_Texture *reuse_texture(struct texture_cache *c, const SDL_Surface *s, size_t reserved)
{
	struct shape want = {s->w, s->h, s->format->format};
	size_t bytes = (size_t)s->w * (size_t)s->h * 4;
	struct lru_entry *le =
	    lru_next_out(c->map, bytes > reserved ? bytes - reserved : 0, same_shape, &want);
	if (!le)
		return NULL;
	struct tex_entry *old = lru_value(le);
	SDL_Texture *t = old->tex;
	old->tex = NULL;
	lru_evict(c->map, le);
	return t;
}

/* Makes entry le's texture from r's pixels, or its next rows while paced
 * (see PACE_BYTES); true when the entry is then READY or FAILED, false
 * when rows are left for a later frame. */
static bool fill(struct texture_cache *c, struct lru_entry *le, const struct image_result *r)
{
	struct tex_entry *e = lru_value(le);
	SDL_Surface *s = r->surface;
	if (!s) {
		fail(c, le, r);
		return true;
	}
	size_t row_bytes = (size_t)s->w * 4, left = c->paced ? c->pace_left : SIZE_MAX;
	if (!e->tex) {
		if (left == 0)
			return false;
		e->tex = reuse_texture(c, s, e->reserved);
		bool made_anew = !e->tex;
		if (made_anew)
			e->tex = SDL_CreateTexture(c->renderer, s->format->format,
			                           SDL_TEXTUREACCESS_STATIC, s->w, s->h);
		SDL_BlendMode mode = SDL_BLENDMODE_NONE;
		SDL_GetSurfaceBlendMode(s, &mode);
		if (!e->tex || SDL_SetTextureBlendMode(e->tex, mode) != 0) {
			fail(c, le, r);
			return true;
		}
		e->rows = 0;
		size_t made = made_anew ? row_bytes * (size_t)s->h : 0; /* cleared as it is made */
		left = left > made ? left - made : 0;
	}
	int n = s->h - e->rows;
	if (c->paced && (size_t)n * row_bytes > left)
		n = (int)(left / row_bytes);
	SDL_Rect band = {0, e->rows, s->w, n};
	if (n > 0 &&
	    SDL_UpdateTexture(e->tex, &band,
	                      (const Uint8 *)s->pixels + (size_t)e->rows * (size_t)s->pitch,
	                      s->pitch) != 0) {
		fail(c, le, r);
		return true;
	}
	e->rows += n;
	if (c->paced)
		c->pace_left = left - (size_t)n * row_bytes;
	if (e->rows < s->h)
		return false;
	e->w = s->w;
	e->h = s->h;
	e->reserved = 0;
	set_state(c, e, TEXTURE_READY);
	c->derived += r->derived;
	lru_set_bytes(c->map, le, (size_t)e->w * (size_t)e->h * 4);
	return true;
}

/* Hands result r to its entry; true when the entry changed. A result for an
 * entry that is gone is dropped. One for a newer entry of the same key (the
 * old one was cleared or evicted) is dropped too, as the file may have
 * changed, and the newer entry's decode is asked for again in case the
 * loader merged it into the old one's. */
/* The new pixels of a changed file replace the old ones; when the file
 * cannot be shown (still being copied, broken) the old picture stays. */
static bool refresh(struct texture_cache *c, struct lru_entry *le, const struct image_result *r)
{
	struct tex_entry *e = lru_value(le);
	e->refresh_tag = 0;
	c->refreshing--;
	SDL_Texture *t = r->surface ? SDL_CreateTextureFromSurface(c->renderer, r->surface) : NULL;
	if (!t) {
		log_warning("%s changed but cannot be shown (%s); showing it as before", r->path,
		            r->incomplete ? "still being copied"
		            : r->surface  ? SDL_GetError()
		                          : r->error);
		return false;
	}
	SDL_DestroyTexture(e->tex);
	e->tex = t;
	e->w = r->surface->w;
	e->h = r->surface->h;
	lru_set_bytes(c->map, le, (size_t)e->w * (size_t)e->h * 4);
	return true;
}

/* What take_one did with a result. */
enum taken {
	TAKEN_DROPPED, /* nothing changed; the result is done with */
	TAKEN_CHANGED, /* its entry changed; the result is done with */
	TAKEN_LATER,   /* paced: kept for a later frame */
};

static enum taken take_one(struct texture_cache *c, const struct image_result *r)
{
	size_t len = build_key(c, r->path, r->w, r->h, r->fit);
	struct lru_entry *le = len ? lru_peek(c->map, c->key, len) : NULL;
	struct tex_entry *e = le ? lru_value(le) : NULL;
	if (e && e->refresh_tag)
		return e->refresh_tag == r->tag && refresh(c, le, r) ? TAKEN_CHANGED
		                                                     : TAKEN_DROPPED;
	if (!e || e->state != TEXTURE_LOADING)
		return TAKEN_DROPPED;
	if (e->tag != r->tag) {
		image_loader_request(c->loader, r->path, r->w, r->h, r->fit, e->tag, e->urgent);
		return TAKEN_DROPPED;
	}
	if (r->incomplete) { /* still being copied: forget it, ask again when next drawn */
		lru_remove(c->map, le);
		return TAKEN_CHANGED;
	}
	return fill(c, le, r) ? TAKEN_CHANGED : TAKEN_LATER;
}

/* Keeps r for a later frame, after those held already; false when out of
 * memory. */
static bool hold(struct texture_cache *c, struct image_result *r)
{
	if (c->n_held == c->held_cap) {
		size_t cap = c->held_cap ? 2 * c->held_cap : 8;
		struct image_result **h = realloc(c->held, cap * sizeof *h);
		if (!h)
			return false;
		c->held = h;
		c->held_cap = cap;
	}
	c->held[c->n_held++] = r;
	return true;
}

bool texture_cache_take(struct texture_cache *c)
{
	bool changed = false;
	struct image_result *r;
	while ((r = image_loader_poll(c->loader)))
		if (!hold(c, r)) { /* no room to keep it: taken now, whole */
			bool paced = c->paced;
			c->paced = false;
			changed |= take_one(c, r) == TAKEN_CHANGED;
			c->paced = paced && perf_on(PERF_PACE);
			image_result_free(r);
		}
	size_t done = 0;
	while (done < c->n_held) {
		enum taken t = take_one(c, c->held[done]);
		if (t == TAKEN_LATER)
			break;
		changed |= t == TAKEN_CHANGED;
		image_result_free(c->held[done++]);
	}
	if (done > 0) {
		c->n_held -= done;
		memmove(c->held, c->held + done, c->n_held * sizeof *c->held);
	}
	return changed;
}

void texture_cache_pace(struct texture_cache *c, bool paced)
{
	c->paced = paced && perf_on(PERF_PACE);
}

bool texture_cache_holding(const struct texture_cache *c)
{
	return c->n_held > 0;
}

bool texture_cache_uploaded(const struct texture_cache *c)
{
	return c->paced && c->pace_left < PACE_BYTES;
}

void texture_cache_frame(struct texture_cache *c)
{
	c->pace_left = PACE_BYTES;
	lru_frame(c->map);
}

void texture_cache_clear(struct texture_cache *c)
{
	image_loader_cancel(c->loader);
	for (size_t i = 0; i < c->n_held; i++)
		image_result_free(c->held[i]);
	c->n_held = 0;
	lru_clear(c->map);
}

struct refresh_ctx {
	struct texture_cache *c;
	const char *path;
	size_t n;
};

/* An entry of the changed file: a READY one is decoded again in the
 * background, the others go (true). */
static bool refresh_entry(void *ctx, const void *key, size_t len, void *value)
{
	struct refresh_ctx *x = ctx;
	size_t head = TEXTURE_KEY_HEAD * sizeof(int32_t), n = strlen(x->path);
	struct tex_entry *e = value;
	if (len != head + n || memcmp((const char *)key + head, x->path, n) != 0)
		return false;
	x->n++;
	if (e->state != TEXTURE_READY)
		return true;
	int32_t k[TEXTURE_KEY_HEAD];
	memcpy(k, key, sizeof k);
	if (!e->refresh_tag)
		x->c->refreshing++;
	e->refresh_tag = ++x->c->next_tag;
	image_loader_request(x->c->loader, x->path, k[0], k[1], (enum image_fit)k[2],
	                     e->refresh_tag, false);
	return false;
}

size_t texture_cache_refresh(struct texture_cache *c, const char *path)
{
	struct refresh_ctx x = {c, path, 0};
	lru_filter(c->map, refresh_entry, &x);
	return x.n;
}

static bool failed_entry(void *ctx, const void *key, size_t len, void *value)
{
	(void)ctx;
	(void)key;
	(void)len;
	return ((const struct tex_entry *)value)->state == TEXTURE_FAILED;
}

size_t texture_cache_retry_failed(struct texture_cache *c)
{
	return lru_filter(c->map, failed_entry, NULL);
}

void texture_cache_stats(const struct texture_cache *c, struct texture_cache_stats *out)
{
	struct lru_stats ls;
	lru_stats(c->map, &ls);
	*out = (struct texture_cache_stats){.textures = ls.entries - c->loading - c->failed,
	                                    .bytes = ls.bytes,
	                                    .loading = c->loading + c->refreshing,
	                                    .failed = c->failed,
	                                    .hits = c->hits,
	                                    .misses = c->misses,
	                                    .evictions = ls.evictions,
	                                    .derived = c->derived};
}
