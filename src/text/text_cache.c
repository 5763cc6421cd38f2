#include "text/text_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/lru.h"
#include "text/text_worker.h"

/* Many tiny labels could exhaust memory in entry overhead long before the
 * byte budget; this bounds the count as well. */
enum { TEXT_CACHE_MAX_ENTRIES = 4096, TEXT_KEY_HEAD = 7 };

struct text_cache {
	SDL_Renderer *renderer;
	struct text *text;
	struct lru *map;
	unsigned char *key; /* scratch for building keys, grown as needed */
	size_t key_cap;
	size_t hits, misses;
	struct text_worker *worker; /* NULL: every text is rasterised here */
	bool defer;                 /* misses go to the worker (text_cache_defer) */
	size_t deferred;            /* texts asked for but not ready since then */
};

/* An entry is pending while the worker draws it; it is drawn once it has
 * its texture (or none, when the text cannot be drawn). One only measured
 * (text_cache_size) is neither, and knows its size. */
struct text_entry {
	SDL_Texture *tex;
	int w, h;
	bool pending, drawn, sized;
};

static void drop_entry(void *ctx, void *value)
{
	(void)ctx;
	struct text_entry *e = value;
	SDL_DestroyTexture(e->tex);
	free(e);
}

struct text_cache *text_cache_new(SDL_Renderer *r, struct text *t, size_t budget_bytes)
{
	struct text_cache *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->renderer = r;
	c->text = t;
	c->map = lru_new(budget_bytes, TEXT_CACHE_MAX_ENTRIES, drop_entry, NULL);
	if (!c->map)
		goto fail;
	return c;
fail:
	text_cache_free(c);
	return NULL;
}

void text_cache_free(struct text_cache *c)
{
	if (!c)
		return;
	lru_free(c->map);
	text_worker_free(c->worker);
	free(c->key);
	free(c);
}

/* Builds the key in c->key: fixed-width numbers (no struct padding, which
 * would be garbage) then the string's bytes. Returns its length, 0 when out
 * of memory. */
static size_t build_key(struct text_cache *c, const struct text_style *st, const char *s, int max_w,
                        int max_lines)
{
	size_t len = strlen(s), need = TEXT_KEY_HEAD * sizeof(int32_t) + len;
	if (need > c->key_cap) {
		unsigned char *k = realloc(c->key, need);
		if (!k)
			return 0;
		c->key = k;
		c->key_cap = need;
	}
	if (max_w <= 0) /* one line: the limits make no difference */
		max_w = max_lines = 0;
	int32_t head[TEXT_KEY_HEAD] = {
	    (int32_t)st->face,
	    st->px,
	    (int32_t)((Uint32)st->color.r << 24 | (Uint32)st->color.g << 16 |
	              (Uint32)st->color.b << 8 | st->color.a),
	    st->line_height,
	    max_w,
	    max_lines,
	    (int32_t)len,
	};
	memcpy(c->key, head, sizeof head);
	memcpy(c->key + sizeof head, s, len);
	return need;
}

/* Gives e the texture of surf (taking surf; NULL: nothing to draw). */
static void fill(struct text_cache *c, struct text_entry *e, SDL_Surface *surf)
{
	e->pending = false;
	e->drawn = e->sized = true;
	e->w = e->h = 0;
	if (!surf)
		return;
	e->tex = SDL_CreateTextureFromSurface(c->renderer, surf);
	if (e->tex) {
		SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
		e->w = surf->w;
		e->h = surf->h;
	}
	SDL_FreeSurface(surf);
}

static size_t entry_bytes(const struct text_entry *e)
{
	return (size_t)e->w * (size_t)e->h * 4;
}

/* The entry for the key in c->key (len bytes), made empty when missing;
 * NULL when out of memory. */
static struct lru_entry *entry_for(struct text_cache *c, size_t len, struct lru_entry *le)
{
	if (le)
		return le;
	struct text_entry *e = calloc(1, sizeof *e);
	if (!e)
		return NULL;
	le = lru_insert(c->map, c->key, len, e, 0);
	if (!le)
		free(e);
	return le;
}

/* Asks the worker for the text whose key is in c->key (len bytes), its entry
 * le (NULL: made here) pending meanwhile; false when it cannot be asked. */
static bool request(struct text_cache *c, size_t len, struct lru_entry *le,
                    const struct text_style *st, const char *s, int max_w, int max_lines,
                    bool urgent)
{
	bool made = le == NULL;
	le = entry_for(c, len, le);
	if (!le)
		return false;
	if (text_worker_request(c->worker, c->key, len, st, s, max_w, max_lines, urgent)) {
		((struct text_entry *)lru_value(le))->pending = true;
		return true;
	}
	if (made)
		lru_remove(c->map, le);
	return false;
}

SDL_Texture *text_cache_get(struct text_cache *c, const struct text_style *st, const char *s,
                            int max_w, int max_lines, int *w, int *h)
{
	*w = *h = 0;
	if (!s || !*s)
		return NULL;
	size_t len = build_key(c, st, s, max_w, max_lines);
	if (len == 0)
		return NULL;
	struct lru_entry *le = lru_find(c->map, c->key, len);
	struct text_entry *e = le ? lru_value(le) : NULL;
	if (e && e->drawn) {
		c->hits++;
	} else if (c->defer && c->worker &&
	           ((e && e->pending) || request(c, len, le, st, s, max_w, max_lines, true))) {
		c->deferred++;
		return NULL;
	} else {
		c->misses++;
		le = entry_for(c, len, le);
		if (!le)
			return NULL;
		e = lru_value(le);
		fill(c, e, text_render_paragraph(c->text, st, s, max_w, max_lines));
		lru_set_bytes(c->map, le, entry_bytes(e));
	}
	*w = e->w;
	*h = e->h;
	return e->tex;
}

void text_cache_prefetch(struct text_cache *c, const struct text_style *st, const char *s,
                         int max_w, int max_lines)
{
	if (!c->worker || !s || !*s)
		return;
	size_t len = build_key(c, st, s, max_w, max_lines);
	struct lru_entry *le = len ? lru_peek(c->map, c->key, len) : NULL;
	struct text_entry *e = le ? lru_value(le) : NULL;
	if (len && !(e && (e->drawn || e->pending)))
		request(c, len, le, st, s, max_w, max_lines, false);
}

void text_cache_size(struct text_cache *c, const struct text_style *st, const char *s, int max_w,
                     int max_lines, int *w, int *h)
{
	*w = *h = 0;
	if (!s || !*s)
		return;
	size_t len = build_key(c, st, s, max_w, max_lines);
	struct lru_entry *le = len ? lru_find(c->map, c->key, len) : NULL;
	struct text_entry *e = le ? lru_value(le) : NULL;
	if (!e || !e->sized) {
		text_measure(c->text, st, s, max_w, max_lines, w, h);
		le = len ? entry_for(c, len, le) : NULL;
		e = le ? lru_value(le) : NULL;
		if (!e)
			return;
		e->w = *w;
		e->h = *h;
		e->sized = true;
	}
	*w = e->w;
	*h = e->h;
}

bool text_cache_pending(struct text_cache *c, const struct text_style *st, const char *s, int max_w,
                        int max_lines)
{
	if (!s || !*s)
		return false;
	size_t len = build_key(c, st, s, max_w, max_lines);
	struct lru_entry *le = len ? lru_peek(c->map, c->key, len) : NULL;
	return le && ((struct text_entry *)lru_value(le))->pending;
}

bool text_cache_start_worker(struct text_cache *c, Uint32 wake_event)
{
	if (!c->worker)
		c->worker = text_worker_new(c->text, wake_event);
	return c->worker != NULL;
}

void text_cache_defer(struct text_cache *c, bool on)
{
	c->defer = on;
	c->deferred = 0;
}

size_t text_cache_deferred(const struct text_cache *c)
{
	return c->deferred;
}

size_t text_cache_take(struct text_cache *c)
{
	size_t n = 0;
	struct text_result *r;
	while (c->worker && (r = text_worker_poll(c->worker))) {
		struct lru_entry *le = lru_peek(c->map, r->key, r->key_len);
		struct text_entry *e = le ? lru_value(le) : NULL;
		if (e && e->pending) { /* not drawn here meanwhile, nor evicted */
			fill(c, e, r->surface);
			r->surface = NULL;
			lru_set_bytes(c->map, le, entry_bytes(e));
			n++;
		}
		text_result_free(r);
	}
	return n;
}

void text_cache_frame(struct text_cache *c)
{
	if (c->worker)
		text_worker_start(c->worker);
	lru_frame(c->map);
}

void text_cache_clear(struct text_cache *c)
{
	lru_clear(c->map);
}

void text_cache_stats(const struct text_cache *c, struct text_cache_stats *out)
{
	struct lru_stats ls;
	lru_stats(c->map, &ls);
	*out = (struct text_cache_stats){.textures = ls.entries,
	                                 .bytes = ls.bytes,
	                                 .hits = c->hits,
	                                 .misses = c->misses,
	                                 .evictions = ls.evictions};
}
