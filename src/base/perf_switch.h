/* perf_switch: the performance machinery, each piece switchable off so
 * `make bench-audit` can measure what it buys under each renderer
 * (docs/performance.md, "Does each piece pay?"). Every piece is on unless
 * perf_switch_off named it; only the benchmarks call that, from their
 * TWINHALL_PERF_OFF variable: the program never does. */
#ifndef TWINHALL_PERF_SWITCH_H
#define TWINHALL_PERF_SWITCH_H

#include <stdbool.h>

enum perf_piece {
	PERF_BIGALLOC, /* image-sized buffers as mappings kept for reuse (bigalloc) */
	PERF_PACE,     /* in a transition, textures uploaded 2 MB a frame (texture_cache) */
	PERF_PIECES
};

/* Whether piece p is on. */
bool perf_on(enum perf_piece p);

/* Turns off the pieces named in spec, comma-separated ("bigalloc,pace");
 * "" or NULL: none. Returns -1 (and turns nothing off) for a name it does
 * not know. Call before anything starts. */
int perf_switch_off(const char *spec);

/* The piece's name as perf_switch_off takes it. */
const char *perf_piece_name(enum perf_piece p);

#endif
