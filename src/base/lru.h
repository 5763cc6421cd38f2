/* lru: a bounded map from byte-string keys to values that cost bytes, with
 * the least recently used out first when over budget. Use is counted in
 * frames: an entry used in the current or the previous frame is pinned and
 * never evicted, so a pointer taken this frame stays good until the next
 * frame ends. Plain C: the caches of text and images build on it. */
#ifndef TWINHALL_LRU_H
#define TWINHALL_LRU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lru;
struct lru_entry;

/* Called with ctx when an entry leaves the map (evicted, cleared, freed). */
typedef void (*lru_drop_fn)(void *ctx, void *value);

struct lru_stats {
	size_t entries, bytes, evictions;
};

/* A map holding at most budget_bytes (not counting pinned entries) and at
 * most max_entries entries (0: no limit). drop frees a value; NULL on
 * failure. */
struct lru *lru_new(size_t budget_bytes, size_t max_entries, lru_drop_fn drop, void *ctx);

/* Drops every value and frees the map. Accepts NULL. */
void lru_free(struct lru *m);

/* The entry with key (len bytes), marked used this frame, or NULL. The
 * pointer lives until the entry is evicted, i.e. at least to the end of the
 * next frame. */
struct lru_entry *lru_find(struct lru *m, const void *key, size_t len);

/* Like lru_find, but does not count as a use (nothing becomes pinned). */
struct lru_entry *lru_peek(struct lru *m, const void *key, size_t len);

/* Adds value under a copy of key (which must not be present yet), costing
 * bytes and used this frame, then evicts others if over budget. The map owns
 * value from then on. NULL when out of memory: the caller keeps value. */
struct lru_entry *lru_insert(struct lru *m, const void *key, size_t len, void *value, size_t bytes);

/* The value of e, owned by the map. */
void *lru_value(const struct lru_entry *e);

/* Changes what e costs (its value got pixels, say) and counts as a use of
 * e, then evicts others if over budget. */
void lru_set_bytes(struct lru *m, struct lru_entry *e, size_t bytes);

/* Removes e now, pinned or not, dropping its value. */
void lru_remove(struct lru *m, struct lru_entry *e);

/* The entry trimming to the budget would evict first were bytes more
 * added now, of those for which fn(ctx, value) is true: oldest first, never
 * a pinned one. NULL when no such entry would go. */
struct lru_entry *lru_next_out(const struct lru *m, size_t bytes,
                               bool (*fn)(void *ctx, const void *value), void *ctx);

/* Evicts e now, as trimming does (counted among the evictions), dropping
 * its value. */
void lru_evict(struct lru *m, struct lru_entry *e);

/* Ends a frame: what was used in the frame before the one ending loses its
 * pin, and least recently used entries go until the map is within budget. */
void lru_frame(struct lru *m);

/* Calls fn for every entry with its key and value; the entries for which
 * it returns true are removed (pinned or not). Returns how many went. */
size_t lru_filter(struct lru *m, bool (*fn)(void *ctx, const void *key, size_t len, void *value),
                  void *ctx);

/* Drops every entry, pinned or not. */
void lru_clear(struct lru *m);

/* Counts at this moment into *out. */
void lru_stats(const struct lru *m, struct lru_stats *out);

/* FNV-1a, 64 bits, of len bytes at p (for building keys and tests). */
uint64_t lru_hash(const void *p, size_t len);

#endif
