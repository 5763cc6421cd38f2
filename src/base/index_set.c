#include "base/index_set.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"

struct slot {
	uint64_t hash;
	size_t index_plus_1; /* 0: empty */
};

struct index_set {
	struct slot *slots;
	size_t cap, n; /* cap is a power of two, at least twice n */
};

struct index_set *index_set_new(void)
{
	return calloc(1, sizeof(struct index_set));
}

void index_set_free(struct index_set *s)
{
	if (!s)
		return;
	free(s->slots);
	free(s);
}

long index_set_find(const struct index_set *s, uint64_t h, index_set_equal_fn equal, void *ctx)
{
	if (!s || !s->cap)
		return -1;
	for (size_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
		const struct slot *sl = &s->slots[i];
		if (!sl->index_plus_1)
			return -1;
		if (sl->hash == h && equal(ctx, sl->index_plus_1 - 1))
			return (long)(sl->index_plus_1 - 1);
	}
}

static void put(struct slot *slots, size_t cap, uint64_t h, size_t index_plus_1)
{
	size_t i = h & (cap - 1);
	while (slots[i].index_plus_1)
		i = (i + 1) & (cap - 1);
	slots[i] = (struct slot){h, index_plus_1};
}

int index_set_add(struct index_set *s, uint64_t h, size_t index)
{
	if (!s)
		return -1;
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		struct slot *slots = calloc(cap, sizeof *slots);
		if (!slots)
			return -1;
		for (size_t i = 0; i < s->cap; i++)
			if (s->slots[i].index_plus_1)
				put(slots, cap, s->slots[i].hash, s->slots[i].index_plus_1);
		free(s->slots);
		s->slots = slots;
		s->cap = cap;
	}
	put(s->slots, s->cap, h, index + 1);
	s->n++;
	assert(s->n * 2 <= s->cap); /* at most half full: every probe ends */
	return 0;
}

uint64_t index_set_hash_str(const char *s)
{
	return hash_more(HASH_SEED, s, strlen(s));
}
