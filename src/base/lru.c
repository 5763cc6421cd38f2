#include "base/lru.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"

enum { LRU_FIRST_BUCKETS = 64 };

struct lru_entry {
	struct lru_entry *chain;         /* next in the same bucket */
	struct lru_entry *newer, *older; /* the use order */
	uint64_t hash, used;             /* used: the frame of the last use */
	size_t bytes, len;
	void *value;
	unsigned char key[];
};

struct lru {
	struct lru_entry **buckets;
	size_t n_buckets; /* a power of two */
	struct lru_entry *newest, *oldest;
	size_t budget, max_entries, entries, bytes, evictions;
	uint64_t frame;
	lru_drop_fn drop;
	void *ctx;
};

uint64_t lru_hash(const void *p, size_t len)
{
	return hash_more(HASH_SEED, p, len);
}

struct lru *lru_new(size_t budget_bytes, size_t max_entries, lru_drop_fn drop, void *ctx)
{
	struct lru *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->buckets = calloc(LRU_FIRST_BUCKETS, sizeof *m->buckets);
	if (!m->buckets) {
		free(m);
		return NULL;
	}
	m->n_buckets = LRU_FIRST_BUCKETS;
	m->budget = budget_bytes;
	m->max_entries = max_entries;
	m->drop = drop;
	m->ctx = ctx;
	return m;
}

void lru_free(struct lru *m)
{
	if (!m)
		return;
	lru_clear(m);
	free(m->buckets);
	free(m);
}

static void unlink_order(struct lru *m, struct lru_entry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		m->newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		m->oldest = e->newer;
	e->newer = e->older = NULL;
}

static void push_newest(struct lru *m, struct lru_entry *e)
{
	e->older = m->newest;
	e->newer = NULL;
	if (m->newest)
		m->newest->newer = e;
	else
		m->oldest = e;
	m->newest = e;
}

static void touch(struct lru *m, struct lru_entry *e)
{
	e->used = m->frame;
	if (m->newest != e) {
		unlink_order(m, e);
		push_newest(m, e);
	}
}

static int pinned(const struct lru *m, const struct lru_entry *e)
{
	return e->used + 1 >= m->frame;
}

static struct lru_entry *lookup(const struct lru *m, const void *key, size_t len)
{
	uint64_t h = lru_hash(key, len);
	for (struct lru_entry *e = m->buckets[h & (m->n_buckets - 1)]; e; e = e->chain)
		if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0)
			return e;
	return NULL;
}

struct lru_entry *lru_find(struct lru *m, const void *key, size_t len)
{
	struct lru_entry *e = lookup(m, key, len);
	if (e)
		touch(m, e);
	return e;
}

struct lru_entry *lru_peek(struct lru *m, const void *key, size_t len)
{
	return lookup(m, key, len);
}

void *lru_value(const struct lru_entry *e)
{
	return e->value;
}

void lru_remove(struct lru *m, struct lru_entry *e)
{
	struct lru_entry **p = &m->buckets[e->hash & (m->n_buckets - 1)];
	while (*p != e)
		p = &(*p)->chain;
	*p = e->chain;
	unlink_order(m, e);
	assert(m->entries > 0 && m->bytes >= e->bytes); /* the sums count every entry */
	m->entries--;
	m->bytes -= e->bytes;
	if (m->drop)
		m->drop(m->ctx, e->value);
	free(e);
}

static int over_limits(const struct lru *m)
{
	return m->bytes > m->budget || (m->max_entries && m->entries > m->max_entries);
}

void lru_evict(struct lru *m, struct lru_entry *e)
{
	lru_remove(m, e);
	m->evictions++;
}

/* Evicts from the oldest end while over a limit; the oldest pinned entry
 * means all newer ones are pinned too, so it stops there. */
static void trim(struct lru *m)
{
	while (over_limits(m) && m->oldest && !pinned(m, m->oldest))
		lru_evict(m, m->oldest);
}

struct lru_entry *lru_next_out(const struct lru *m, size_t bytes,
                               bool (*fn)(void *ctx, const void *value), void *ctx)
{
	size_t held = m->bytes + bytes, entries = m->entries + 1;
	for (struct lru_entry *e = m->oldest; e && !pinned(m, e); e = e->newer) {
		if (held <= m->budget && (!m->max_entries || entries <= m->max_entries))
			return NULL; /* trimming would stop before e */
		if (fn(ctx, e->value))
			return e;
		held -= e->bytes;
		entries--;
	}
	return NULL;
}

/* Doubles the buckets when chains grow long; on failure keeps the old ones. */
static void grow(struct lru *m)
{
	size_t n = m->n_buckets * 2;
	struct lru_entry **b = calloc(n, sizeof *b);
	if (!b)
		return;
	for (size_t i = 0; i < m->n_buckets; i++) {
		struct lru_entry *e = m->buckets[i];
		while (e) {
			struct lru_entry *next = e->chain;
			e->chain = b[e->hash & (n - 1)];
			b[e->hash & (n - 1)] = e;
			e = next;
		}
	}
	free(m->buckets);
	m->buckets = b;
	m->n_buckets = n;
}

struct lru_entry *lru_insert(struct lru *m, const void *key, size_t len, void *value, size_t bytes)
{
	struct lru_entry *e = malloc(sizeof *e + len);
	if (!e)
		return NULL;
	*e = (struct lru_entry){
	    .hash = lru_hash(key, len), .bytes = bytes, .len = len, .value = value};
	memcpy(e->key, key, len);
	if (m->entries >= m->n_buckets)
		grow(m);
	struct lru_entry **head = &m->buckets[e->hash & (m->n_buckets - 1)];
	e->chain = *head;
	*head = e;
	e->used = m->frame;
	push_newest(m, e);
	m->entries++;
	m->bytes += bytes;
	trim(m);
	return e;
}

void lru_set_bytes(struct lru *m, struct lru_entry *e, size_t bytes)
{
	m->bytes = m->bytes - e->bytes + bytes;
	e->bytes = bytes;
	touch(m, e);
	trim(m);
}

void lru_frame(struct lru *m)
{
	m->frame++;
	trim(m);
}

size_t lru_filter(struct lru *m, bool (*fn)(void *ctx, const void *key, size_t len, void *value),
                  void *ctx)
{
	size_t n = 0;
	for (struct lru_entry *e = m->oldest, *next; e; e = next) {
		next = e->newer;
		if (fn(ctx, e->key, e->len, e->value)) {
			lru_remove(m, e);
			n++;
		}
	}
	return n;
}

void lru_clear(struct lru *m)
{
	while (m->oldest)
		lru_remove(m, m->oldest);
}

void lru_stats(const struct lru *m, struct lru_stats *out)
{
	*out = (struct lru_stats){m->entries, m->bytes, m->evictions};
}
