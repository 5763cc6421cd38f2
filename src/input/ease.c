/* ease: easing curves and rubber-band resistance. */
#include "input/ease.h"

#include <math.h>

/* The rubber band's stiffness: at a small overshoot the content moves this
 * fraction of the finger's travel (the constant iOS uses). */
#define RUBBER_C 0.55

double ease_progress(uint64_t elapsed, uint64_t dur_ms)
{
	if (elapsed >= dur_ms)
		return 1;
	return (double)elapsed / (double)dur_ms;
}

uint64_t ease_elapsed(uint64_t since, uint64_t now)
{
	return now > since ? now - since : 0;
}

double ease_out_cubic(double u)
{
	double v = 1 - u;
	return 1 - v * v * v;
}

double ease_in_out_cubic(double u)
{
	if (u < 0.5)
		return 4 * u * u * u;
	double v = 2 - 2 * u;
	return 1 - v * v * v / 2;
}

double ease_out_quad(double u)
{
	double v = 1 - u;
	return 1 - v * v;
}

double ease_at(enum ease_curve c, double u)
{
	switch (c) {
	case EASE_IN_OUT_CUBIC:
		return ease_in_out_cubic(u);
	case EASE_OUT_QUAD:
		return ease_out_quad(u);
	case EASE_OUT_CUBIC:
		break;
	}
	return ease_out_cubic(u);
}

double ease_decay(double u, double k)
{
	if (k <= 0)
		return u;
	return (1 - exp(-k * u)) / (1 - exp(-k));
}

double ease_rubber(double over, double dim)
{
	if (over <= 0 || dim <= 0)
		return 0;
	return over * RUBBER_C * dim / (over * RUBBER_C + dim);
}

double ease_rubber_inverse(double shown, double dim)
{
	if (shown <= 0 || dim <= 0)
		return 0;
	if (shown >= dim * 0.999)
		shown = dim * 0.999;
	return shown * dim / (RUBBER_C * (dim - shown));
}
