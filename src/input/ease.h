/* ease: the curves motion is drawn along, shared by scroll and pager. Pure
 * functions of plain numbers. */
#ifndef TWINHALL_EASE_H
#define TWINHALL_EASE_H

#include <stdint.h>

/* Fraction 0..1 of the way after elapsed of dur_ms, clamped; 1 when dur_ms
 * is 0. Milliseconds are whole, so a curve does not depend on frame rate. */
double ease_progress(uint64_t elapsed, uint64_t dur_ms);

/* Milliseconds from since to now; 0 when the clock stepped back. */
uint64_t ease_elapsed(uint64_t since, uint64_t now);

/* The named curves, for motion that stores which one it runs along. */
enum ease_curve {
	EASE_OUT_CUBIC,    /* ease_out_cubic */
	EASE_IN_OUT_CUBIC, /* ease_in_out_cubic */
	EASE_OUT_QUAD,     /* ease_out_quad */
};

/* Curve c at u in 0..1 (0 at 0, 1 at 1). */
double ease_at(enum ease_curve c, double u);

/* Decelerating: fast start, gentle landing (1 - (1 - u)^3), for u in 0..1. */
double ease_out_cubic(double u);

/* Gentle start and landing, for motion that begins at rest, u in 0..1. */
double ease_in_out_cubic(double u);

/* Decelerating to a stop for u in 0..1: a quadratic, whose speed at the
 * start is twice the average, for a bounce that leaves with given speed. */
double ease_out_quad(double u);

/* Exponential decay (a fling under friction) at u in 0..1 of a run lasting
 * k time constants, scaled to reach exactly 1 at u = 1 (k > 0). */
double ease_decay(double u, double k);

/* How far content shows when pulled over past its end by over (>= 0): the
 * further, the stiffer, never more than dim (the viewport's length). */
double ease_rubber(double over, double dim);

/* The pull that ease_rubber turns into shown (0 <= shown < dim). */
double ease_rubber_inverse(double shown, double dim);

#endif
