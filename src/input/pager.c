/* pager: swipe paging with a 1:1 drag and an eased settle. */
#include "input/pager.h"

#include <assert.h>
#include <math.h>

#define FLICK_SPEED   400.0     /* px/s toward a page at release: go there */
#define TURN_SHARE    (1 / 3.0) /* of a page dragged toward a page: go there */
#define SETTLE_MIN_MS 250.0     /* to settle from a whole page away takes */
#define SETTLE_MAX_MS 350.0     /* up to this; closer, down to the minimum */

static int clamp_index(const struct pager *p, int i)
{
	return i < 0 ? 0 : i >= p->count ? p->count - 1 : i;
}

static float valid_width(float w)
{
	return isfinite(w) && w > 0 ? w : 1;
}

/* The position shown for an unbounded one: past an end, rubber-banded. */
static double bounded(const struct pager *p, double raw)
{
	double last = p->count - 1;
	if (raw < 0)
		return -ease_rubber(-raw, 1);
	if (raw > last)
		return last + ease_rubber(raw - last, 1);
	return raw;
}

/* The unbounded position that bounded() shows as shown. */
static double unbounded(const struct pager *p, double shown)
{
	double last = p->count - 1;
	if (shown < 0)
		return -ease_rubber_inverse(-shown, 1);
	if (shown > last)
		return last + ease_rubber_inverse(shown - last, 1);
	return shown;
}

void pager_init(struct pager *p, int count, int index, float page_width)
{
	*p = (struct pager){0};
	p->count = count < 1 ? 1 : count;
	p->width = valid_width(page_width);
	pager_set(p, index);
}

void pager_set(struct pager *p, int index)
{
	p->index = clamp_index(p, index);
	p->mode = PAGER_REST;
}

float pager_position(const struct pager *p, uint64_t now)
{
	if (p->mode == PAGER_DRAG)
		return (float)bounded(p, (double)p->drag_from - (double)p->drag_dx / p->width);
	if (p->mode == PAGER_REST)
		return (float)p->index;
	double u = ease_progress(ease_elapsed(p->t0, now), p->dur_ms);
	if (u >= 1)
		return (float)p->index;
	return (float)(p->from + (p->index - (double)p->from) * ease_at(p->curve, u));
}

int pager_index(const struct pager *p)
{
	assert(p->count >= 1 && p->index >= 0 && p->index < p->count && p->width > 0);
	return p->index;
}

bool pager_moving(const struct pager *p, uint64_t now)
{
	return p->mode == PAGER_ANIM && ease_elapsed(p->t0, now) < p->dur_ms;
}

/* Eases from position pos to page index along curve c, from now. */
static void settle(struct pager *p, double pos, int index, enum ease_curve c, uint64_t now)
{
	p->index = clamp_index(p, index);
	double dist = fabs(p->index - pos);
	if (dist < 1e-4) {
		p->mode = PAGER_REST;
		return;
	}
	p->mode = PAGER_ANIM;
	p->from = (float)pos;
	p->t0 = now;
	p->curve = c;
	p->dur_ms = (uint32_t)(SETTLE_MIN_MS + (SETTLE_MAX_MS - SETTLE_MIN_MS) * fmin(dist, 1));
}

void pager_drag(struct pager *p, float dx, uint64_t now)
{
	if (!isfinite(dx))
		return;
	if (p->mode != PAGER_DRAG) {
		p->drag_from = (float)unbounded(p, pager_position(p, now));
		p->mode = PAGER_DRAG;
	}
	p->drag_dx = dx;
}

/* The page a drag released at pos with velocity vx goes to (unclamped): a
 * flick wins; otherwise a third of a page in the drag's direction turns. */
static int target(const struct pager *p, double pos, double vx)
{
	if (vx <= -FLICK_SPEED)
		return (int)floor(pos) + 1;
	if (vx >= FLICK_SPEED)
		return (int)ceil(pos) - 1;
	if (p->drag_dx < 0)
		return (int)floor(pos) + (pos - floor(pos) >= TURN_SHARE);
	if (p->drag_dx > 0)
		return (int)ceil(pos) - (ceil(pos) - pos >= TURN_SHARE);
	return (int)lround(pos);
}

int pager_release(struct pager *p, float vx, uint64_t now)
{
	if (p->mode != PAGER_DRAG)
		return p->index;
	double pos = pager_position(p, now);
	settle(p, pos, target(p, pos, isfinite(vx) ? vx : 0), EASE_OUT_CUBIC, now);
	return p->index;
}

void pager_go(struct pager *p, int index, uint64_t now)
{
	/* From rest it starts gently; in motion it carries on decelerating. */
	enum ease_curve c = p->mode == PAGER_REST ? EASE_IN_OUT_CUBIC : EASE_OUT_CUBIC;
	settle(p, pager_position(p, now), index, c, now);
}

void pager_resize(struct pager *p, float page_width)
{
	if (!isfinite(page_width) || page_width <= 0)
		return;
	if (p->mode == PAGER_DRAG)
		p->drag_from += p->drag_dx / page_width - p->drag_dx / p->width;
	p->width = page_width;
}

int pager_edge(float x, float width, float band)
{
	if (!(band <= width / 3))
		band = width / 3;
	if (x < band)
		return -1;
	return x >= width - band ? +1 : 0;
}
