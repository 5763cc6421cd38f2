#include "base/hash.h"

#include <string.h>

uint64_t hash_more(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 1099511628211u;
	}
	return h;
}

/* Mixes v into h (one step of a 64-bit multiply-xorshift). */
static uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9e3779b97f4a7c15u;
	return h ^ (h >> 29);
}

uint64_t hash_wide(const void *p, size_t n)
{
	const unsigned char *b = p;
	/* Fletcher's two running sums in four lanes of 64-bit words: adds
	 * only, which the compiler vectorises, and the second sum catches
	 * words moved or swapped. Mixed at the end. */
	uint64_t a[4] = {1, 2, 3, 4}, s[4] = {0, 0, 0, 0}, w[4];
	size_t i = 0;
	for (; i + sizeof w <= n; i += sizeof w) {
		memcpy(w, b + i, sizeof w);
		for (int k = 0; k < 4; k++) {
			a[k] += w[k];
			s[k] += a[k];
		}
	}
	uint64_t out = hash_more(HASH_SEED, b + i, n - i) ^ (uint64_t)n;
	for (int k = 0; k < 4; k++)
		out = mix(mix(out, a[k]), s[k]);
	return out;
}
