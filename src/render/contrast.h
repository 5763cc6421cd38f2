/* contrast: WCAG 2 relative luminance and contrast ratio, for keeping text
 * legible over any photo. */
#ifndef TWINHALL_CONTRAST_H
#define TWINHALL_CONTRAST_H

#include <stdint.h>

struct rgb {
	uint8_t r, g, b;
};

/* WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
double contrast_luminance(struct rgb c);

/* WCAG contrast ratio between two colours, 1 to 21. */
double contrast_ratio(struct rgb a, struct rgb b);

/* The colour that results from drawing over at alpha (0..255) on top of under. */
struct rgb contrast_blend(struct rgb over, uint8_t alpha, struct rgb under);

/* The lowest contrast of text over a scrim at alpha over any photo pixel
 * (the extremes are black and white). */
double contrast_worst_over_scrim(struct rgb text, struct rgb scrim, uint8_t alpha);

#endif
