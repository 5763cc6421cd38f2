#include "rects.h"

#include <stdlib.h>

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* hole clipped to area; w or h 0 when they do not meet. */
static struct rect clip(struct rect h, struct rect area)
{
	int x0 = h.x > area.x ? h.x : area.x, y0 = h.y > area.y ? h.y : area.y;
	int x1 = h.x + h.w < area.x + area.w ? h.x + h.w : area.x + area.w;
	int y1 = h.y + h.h < area.y + area.h ? h.y + h.h : area.y + area.h;
	return x1 > x0 && y1 > y0 ? (struct rect){x0, y0, x1 - x0, y1 - y0}
	                          : (struct rect){0, 0, 0, 0};
}

/* Appends the gaps between the holes crossing rows y0..y1 of area. */
static int band_gaps(struct rect area, const struct rect *c, int n, int y0, int y1,
                     struct rect *out, int k)
{
	int xs[2 * RECTS_MAX_HOLES], m = 0;
	for (int i = 0; i < n; i++) /* holes spanning the band: their x ranges, by start */
		if (c[i].w && c[i].y <= y0 && c[i].y + c[i].h >= y1)
			xs[m++] = i;
	for (int a = 1; a < m; a++) /* insertion sort of at most a few by x */
		for (int b = a; b > 0 && c[xs[b]].x < c[xs[b - 1]].x; b--) {
			int t = xs[b];
			xs[b] = xs[b - 1];
			xs[b - 1] = t;
		}
	int x = area.x;
	for (int i = 0; i < m; i++) {
		const struct rect *h = &c[xs[i]];
		if (h->x > x)
			out[k++] = (struct rect){x, y0, h->x - x, y1 - y0};
		if (h->x + h->w > x)
			x = h->x + h->w;
	}
	if (x < area.x + area.w)
		out[k++] = (struct rect){x, y0, area.x + area.w - x, y1 - y0};
	return k;
}

int rects_around(struct rect area, const struct rect *holes, int n, struct rect *out)
{
	struct rect c[RECTS_MAX_HOLES];
	int ys[2 * RECTS_MAX_HOLES + 2], m = 0, k = 0;
	if (n > RECTS_MAX_HOLES)
		n = RECTS_MAX_HOLES;
	ys[m++] = area.y;
	ys[m++] = area.y + area.h;
	for (int i = 0; i < n; i++) {
		c[i] = clip(holes[i], area);
		if (c[i].w) {
			ys[m++] = c[i].y;
			ys[m++] = c[i].y + c[i].h;
		}
	}
	qsort(ys, (size_t)m, sizeof ys[0], cmp_int);
	for (int i = 0; i + 1 < m; i++) {
		if (ys[i + 1] == ys[i])
			continue;
		k = band_gaps(area, c, n, ys[i], ys[i + 1], out, k);
	}
	return k;
}
