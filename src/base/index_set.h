/* index_set: a hash table of indices into the caller's own array, so that
 * "is this one already there?" costs O(1) instead of a scan of everything
 * before it (a 1 MiB file of 100,000 field names took 30 s to judge with
 * the scans). The caller keeps the entries; the set knows each one's hash
 * and asks the caller whether two are equal. Pure. */
#ifndef TWINHALL_INDEX_SET_H
#define TWINHALL_INDEX_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct index_set;

/* Whether the caller's entry number index equals what is looked for. */
typedef bool (*index_set_equal_fn)(void *ctx, size_t index);

/* A new empty set, or NULL when out of memory. */
struct index_set *index_set_new(void);

/* Frees s. Accepts NULL. */
void index_set_free(struct index_set *s);

/* The first index added with hash h that equal says is the one looked for
 * (equal is called only for indices of that hash), or -1 when there is
 * none. s may be NULL (then -1). */
long index_set_find(const struct index_set *s, uint64_t h, index_set_equal_fn equal, void *ctx);

/* Adds index with hash h; 0, or -1 when out of memory or s is NULL (s is
 * unchanged). */
int index_set_add(struct index_set *s, uint64_t h, size_t index);

/* The hash of the string s, for callers keyed by strings. */
uint64_t index_set_hash_str(const char *s);

#endif
