/* hit: forgiving touch targets. */
#include "input/hit.h"

#include <math.h>
#include <stddef.h>

void hit_clear(struct hit_list *l)
{
	l->n = 0;
}

int hit_add(struct hit_list *l, struct rect r, int id, int arg)
{
	if (l->n < 0 || l->n >= HIT_MAX)
		return -1;
	if (r.w < 0)
		r.w = 0;
	if (r.h < 0)
		r.h = 0;
	l->t[l->n++] = (struct hit_target){.r = r, .id = id, .arg = arg};
	return 0;
}

/* How far p lies outside the span [lo, lo + len] along one axis, 0 inside. */
static double gap(double p, double lo, double len)
{
	if (p < lo)
		return lo - p;
	if (p > lo + len)
		return p - (lo + len);
	return 0;
}

/* True when p lies in the span [lo, lo + len] widened to at least min
 * around its centre. */
static bool within(double p, double lo, double len, double min)
{
	double grow = len < min ? (min - len) / 2 : 0;
	return p >= lo - grow && p <= lo + len + grow;
}

const struct hit_target *hit_find(const struct hit_list *l, float x, float y, int min_size)
{
	if (!isfinite(x) || !isfinite(y))
		return NULL;
	const struct hit_target *best = NULL;
	double best_d = 0;
	for (int i = 0; i < l->n && i < HIT_MAX; i++) {
		const struct rect *r = &l->t[i].r;
		if (!within(x, r->x, r->w, min_size) || !within(y, r->y, r->h, min_size))
			continue;
		double d = hypot(gap(x, r->x, r->w), gap(y, r->y, r->h));
		if (!best || d <= best_d) {
			best = &l->t[i];
			best_d = d;
		}
	}
	return best;
}
