/* hit: touch targets. A screen registers its touchable areas while drawing
 * and a tap is then mapped to the target under the finger, forgivingly:
 * small targets are found as if they were at least a fingertip wide. Pure C
 * over plain data, no allocation. */
#ifndef TWINHALL_HIT_H
#define TWINHALL_HIT_H

#include "base/layout.h"

/* Targets one list holds; hit_add refuses more. */
#define HIT_MAX 128

struct hit_target {
	struct rect r; /* the area as drawn, screen pixels */
	int id;        /* what it is, the screen's own numbering */
	int arg;       /* which one (an item index), or anything the screen likes */
};

/* Targets in the order they were added: later ones are drawn on top. */
struct hit_list {
	int n;
	struct hit_target t[HIT_MAX];
};

/* Empties l (a zeroed list is empty too); call it before drawing a frame. */
void hit_clear(struct hit_list *l);

/* Appends a target with area r (a negative size counts as 0), returning 0,
 * or -1 with l unchanged when l already holds HIT_MAX targets. */
int hit_add(struct hit_list *l, struct rect r, int id, int arg);

/* The target for a touch at x,y, or NULL when none: each target counts as at
 * least min_size x min_size px around its centre; among those covering the
 * point, the one whose drawn area is nearest to it (0 inside) wins, ties to
 * the later added. The pointer lives until l changes. */
const struct hit_target *hit_find(const struct hit_list *l, float x, float y, int min_size);

#endif
