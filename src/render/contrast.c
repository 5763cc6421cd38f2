#include "render/contrast.h"

#include <math.h>

static double channel(uint8_t v)
{
	double c = v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double contrast_luminance(struct rgb c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(struct rgb a, struct rgb b)
{
	double la = contrast_luminance(a), lb = contrast_luminance(b);
	double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
	return (hi + 0.05) / (lo + 0.05);
}

static uint8_t mix(uint8_t over, uint8_t alpha, uint8_t under)
{
	/* SDL blends in sRGB space with this formula: dst = src*a + dst*(1-a). */
	return (uint8_t)((over * alpha + under * (255 - alpha) + 127) / 255);
}

struct rgb contrast_blend(struct rgb over, uint8_t alpha, struct rgb under)
{
	return (struct rgb){mix(over.r, alpha, under.r), mix(over.g, alpha, under.g),
	                    mix(over.b, alpha, under.b)};
}

double contrast_worst_over_scrim(struct rgb text, struct rgb scrim, uint8_t alpha)
{
	struct rgb on_white = contrast_blend(scrim, alpha, (struct rgb){255, 255, 255});
	struct rgb on_black = contrast_blend(scrim, alpha, (struct rgb){0, 0, 0});
	double a = contrast_ratio(text, on_white), b = contrast_ratio(text, on_black);
	return a < b ? a : b;
}
