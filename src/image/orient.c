#include "image/orient.h"

#include <stddef.h>

/* Where source pixel (x, y) lands, as a step from dst's first pixel: the
 * start offset plus x times step_x plus y times step_y. */
struct orient_map {
	ptrdiff_t start, step_x, step_y;
};

/* The map for orientation o of a w x h source (dst is ow wide). */
static struct orient_map orient_map_for(int o, ptrdiff_t w, ptrdiff_t h)
{
	ptrdiff_t ow = o >= 5 ? h : w;
	switch (o) {
	case 2: /* mirror: (w-1-x, y) */
		return (struct orient_map){w - 1, -1, ow};
	case 3: /* half turn: (w-1-x, h-1-y) */
		return (struct orient_map){(h - 1) * ow + w - 1, -1, -ow};
	case 4: /* flip: (x, h-1-y) */
		return (struct orient_map){(h - 1) * ow, 1, -ow};
	case 5: /* transpose: (y, x) */
		return (struct orient_map){0, ow, 1};
	case 6: /* quarter turn clockwise: (h-1-y, x) */
		return (struct orient_map){h - 1, ow, -1};
	case 7: /* transverse: (h-1-y, w-1-x) */
		return (struct orient_map){(w - 1) * ow + h - 1, -ow, -1};
	case 8: /* quarter turn counter-clockwise: (y, w-1-x) */
		return (struct orient_map){(w - 1) * ow, -ow, 1};
	default: /* 1: as is */
		return (struct orient_map){0, 1, ow};
	}
}

int orient_pixels(const uint32_t *src, int w, int h, int orientation, uint32_t *dst)
{
	if (!src || !dst || w <= 0 || h <= 0 || orientation < 1 || orientation > 8)
		return -1;
	struct orient_map m = orient_map_for(orientation, w, h);
	for (ptrdiff_t y = 0; y < h; y++) {
		const uint32_t *row = src + y * (ptrdiff_t)w;
		uint32_t *out = dst + m.start + y * m.step_y;
		for (ptrdiff_t x = 0; x < w; x++)
			out[x * m.step_x] = row[x];
	}
	return 0;
}
