/* scroll: kinetic scrolling as a few analytic legs from a start time. */
#include "input/scroll.h"

#include <assert.h>
#include <math.h>

#define FLING_TAU_MS    325.0  /* velocity decays by 1/e in this time (as iOS) */
#define FLING_MIN_SPEED 60.0   /* px/s: slower releases just stop */
#define FLING_MAX_SPEED 8000.0 /* px/s: faster releases count as this */
#define FLING_REST_PX   0.5    /* a fling ends when less than this is left to go */
#define SPRING_MS       350    /* an overshoot released by the finger returns in this */
#define BOUNCE_OUT_MS   100.0  /* a fling meeting an end runs on past it about this long */
#define BOUNCE_MIN_MS   30.0
#define BOUNCE_MAX_MS   150.0
#define BOUNCE_BACK_MS  300 /* and returns in this */
#define BOUNCE_MAX_VIEW 0.1 /* at most this share of the view past the end */
#define TO_MIN_MS       300.0
#define TO_MAX_MS       600.0

static float finite_or_0(float v)
{
	return isfinite(v) && v > 0 ? v : 0;
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The offset shown for an unbounded one: past an end, rubber-banded. */
static double bounded(const struct scroll *s, double raw)
{
	if (s->max <= 0)
		return 0;
	if (raw < 0)
		return -ease_rubber(-raw, s->view);
	if (raw > s->max)
		return s->max + ease_rubber(raw - s->max, s->view);
	return raw;
}

/* The unbounded offset that bounded() shows as shown. */
static double unbounded(const struct scroll *s, double shown)
{
	if (shown < 0)
		return -ease_rubber_inverse(-shown, s->view);
	if (shown > s->max)
		return s->max + ease_rubber_inverse(shown - s->max, s->view);
	return shown;
}

static double leg_at(const struct scroll_leg *g, uint64_t t)
{
	double u = ease_progress(t, g->dur_ms);
	double f = g->kind == SCROLL_LEG_DECAY ? ease_decay(u, g->dur_ms / FLING_TAU_MS)
	                                       : ease_at(g->curve, u);
	if (u >= 1)
		return g->to;
	return g->from + ((double)g->to - g->from) * f;
}

static void rest(struct scroll *s, double at)
{
	s->mode = SCROLL_REST;
	s->at = (float)at;
	s->n_legs = 0;
}

static void anim_begin(struct scroll *s, uint64_t now)
{
	s->mode = SCROLL_ANIM;
	s->t0 = now;
	s->n_legs = 0;
}

static void push_ease(struct scroll *s, enum ease_curve c, double from, double to, double ms)
{
	uint32_t d = (uint32_t)clamp(ceil(ms), 1, 60000);
	s->legs[s->n_legs++] = (struct scroll_leg){.kind = SCROLL_LEG_EASE,
	                                           .curve = c,
	                                           .from = (float)from,
	                                           .to = (float)to,
	                                           .dur_ms = d,
	                                           .len_ms = d};
}

void scroll_init(struct scroll *s, float content, float view)
{
	*s = (struct scroll){0};
	s->content = finite_or_0(content);
	s->view = finite_or_0(view);
	s->max = s->content > s->view ? s->content - s->view : 0;
	rest(s, 0);
}

float scroll_max(const struct scroll *s)
{
	return s->max;
}

float scroll_offset(const struct scroll *s, uint64_t now)
{
	assert(s->max >= 0 && s->n_legs >= 0 && s->n_legs <= SCROLL_MAX_LEGS);
	assert(s->mode != SCROLL_REST || (s->at >= 0 && s->at <= s->max)); /* at rest, in range */
	if (s->mode == SCROLL_REST)
		return s->at;
	if (s->mode == SCROLL_DRAG)
		return (float)bounded(s, (double)s->drag_from - s->drag_delta);
	uint64_t e = ease_elapsed(s->t0, now);
	for (int i = 0; i < s->n_legs; i++) {
		if (e < s->legs[i].len_ms)
			return (float)leg_at(&s->legs[i], e);
		e -= s->legs[i].len_ms;
	}
	return s->n_legs > 0 ? s->legs[s->n_legs - 1].to : s->at;
}

bool scroll_moving(const struct scroll *s, uint64_t now)
{
	if (s->mode != SCROLL_ANIM)
		return false;
	uint64_t total = 0;
	for (int i = 0; i < s->n_legs; i++)
		total += s->legs[i].len_ms;
	return ease_elapsed(s->t0, now) < total;
}

/* Returns an overshoot at offset p to the nearest end from now. */
static void spring_back(struct scroll *s, double p, uint64_t now)
{
	anim_begin(s, now);
	push_ease(s, EASE_OUT_CUBIC, p, p < 0 ? 0 : s->max, SPRING_MS);
}

/* Stops at p now: there if within range, otherwise springing back. */
static void halt(struct scroll *s, double p, uint64_t now)
{
	if (p < 0 || p > s->max)
		spring_back(s, p, now);
	else
		rest(s, p);
}

void scroll_resize(struct scroll *s, float content, float view, uint64_t now)
{
	double p = scroll_offset(s, now);
	enum scroll_mode was = s->mode;
	float delta = s->drag_delta;
	scroll_init(s, content, view);
	p = clamp(p, 0, s->max);
	rest(s, p);
	if (was == SCROLL_DRAG) {
		s->mode = SCROLL_DRAG;
		s->drag_from = (float)(p + delta);
		s->drag_delta = delta;
	}
}

void scroll_drag_begin(struct scroll *s, uint64_t now)
{
	double p = scroll_offset(s, now);
	s->mode = SCROLL_DRAG;
	s->drag_from = (float)unbounded(s, p);
	s->drag_delta = 0;
	s->n_legs = 0;
}

void scroll_drag(struct scroll *s, float total_delta, uint64_t now)
{
	(void)now;
	if (s->mode == SCROLL_DRAG && isfinite(total_delta))
		s->drag_delta = total_delta;
}

/* After a fling met end b at offset x with speed v px/ms: runs on past it
 * decelerating to a stop (the speed kept, the distance capped), then eases
 * back to rest on it. */
static void bounce(struct scroll *s, double x, double b, double v)
{
	double dir = v > 0 ? 1 : -1;
	double over = fmin(fabs(v) * BOUNCE_OUT_MS / 2, s->view * BOUNCE_MAX_VIEW);
	double peak = b + dir * over;
	double out_ms = fabs(v) > 0 ? 2 * fabs(peak - x) / fabs(v) : BOUNCE_MAX_MS;
	push_ease(s, EASE_OUT_QUAD, x, peak, clamp(out_ms, BOUNCE_MIN_MS, BOUNCE_MAX_MS));
	push_ease(s, EASE_IN_OUT_CUBIC, peak, b, BOUNCE_BACK_MS);
}

/* A fling from offset p (within range) at v px/s of offset. */
static void fling(struct scroll *s, double p, double v, uint64_t now)
{
	double amp = clamp(v, -FLING_MAX_SPEED, FLING_MAX_SPEED) / 1000 * FLING_TAU_MS;
	if (fabs(v) < FLING_MIN_SPEED || fabs(amp) <= FLING_REST_PX || s->max <= 0) {
		rest(s, p);
		return;
	}
	uint32_t dur = (uint32_t)ceil(FLING_TAU_MS * log(fabs(amp) / FLING_REST_PX));
	struct scroll_leg g = {.kind = SCROLL_LEG_DECAY,
	                       .from = (float)p,
	                       .to = (float)(p + amp),
	                       .dur_ms = dur,
	                       .len_ms = dur};
	anim_begin(s, now);
	if (g.to >= 0 && g.to <= s->max) {
		s->legs[s->n_legs++] = g;
		return;
	}
	/* When the decay reaches the end b: solve from + amp * decay(t) = b. */
	double b = amp > 0 ? s->max : 0, k = dur / FLING_TAU_MS;
	double q = (b - p) / amp;
	double hit_ms = -FLING_TAU_MS * log(1 - q * (1 - exp(-k)));
	g.len_ms = (uint32_t)clamp(floor(hit_ms), 0, dur);
	s->legs[s->n_legs++] = g;
	double x = leg_at(&g, g.len_ms);
	double speed = amp * exp(-(double)g.len_ms / FLING_TAU_MS) / (FLING_TAU_MS * (1 - exp(-k)));
	bounce(s, x, b, speed);
}

void scroll_drag_end(struct scroll *s, float velocity, uint64_t now)
{
	if (s->mode != SCROLL_DRAG)
		return;
	double p = scroll_offset(s, now);
	if (p < 0 || p > s->max)
		spring_back(s, p, now);
	else
		fling(s, p, isfinite(velocity) ? -(double)velocity : 0, now);
}

void scroll_to(struct scroll *s, float offset, uint64_t now)
{
	if (!isfinite(offset))
		return;
	double p = scroll_offset(s, now);
	double to = clamp(offset, 0, s->max);
	if (fabs(to - p) < 0.01) {
		rest(s, to);
		return;
	}
	double share = s->view > 0 ? fmin(1, fabs(to - p) / (2 * s->view)) : 1;
	anim_begin(s, now);
	push_ease(s, EASE_IN_OUT_CUBIC, p, to, TO_MIN_MS + (TO_MAX_MS - TO_MIN_MS) * share);
}

void scroll_stop(struct scroll *s, uint64_t now)
{
	if (s->mode == SCROLL_REST)
		return;
	halt(s, scroll_offset(s, now), now);
}
