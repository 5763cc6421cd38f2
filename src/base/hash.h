/* hash: FNV-1a, 64 bits: a quick, well-spread number of some bytes, for
 * hash tables and for noticing that something changed. Not for secrets. */
#ifndef TWINHALL_HASH_H
#define TWINHALL_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_SEED 14695981039346656037u

/* h carried on over the n bytes at p (start from HASH_SEED). */
uint64_t hash_more(uint64_t h, const void *p, size_t n);

/* A checksum of the n bytes at p that notices bytes changed, lost or
 * moved, at memory speed (hash_more goes a byte at a time): for megabytes
 * of pixels. Not a hash for tables. */
uint64_t hash_wide(const void *p, size_t n);

#endif
