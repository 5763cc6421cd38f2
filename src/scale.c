#include "scale.h"

#include <math.h>
#include <stdlib.h>

/* One output coordinate's source taps: first index and weights summing to 1. */
struct taps {
	int first, count;
	float *w;
};

static void free_taps(struct taps *t, int n)
{
	if (t)
		free(t[0].w);
	(void)n;
	free(t);
}

/* Builds, for n_out output positions along an axis of n_in pixels, which
 * input pixels contribute and how much. */
static struct taps *make_taps(int n_in, int n_out)
{
	double s = (double)n_in / n_out;
	int max_taps = s > 1 ? (int)ceil(s) + 2 : 2;
	struct taps *t = calloc((size_t)n_out, sizeof *t);
	float *w = calloc((size_t)n_out * (size_t)max_taps, sizeof *w);
	if (!t || !w) {
		free(t);
		free(w);
		return NULL;
	}
	for (int o = 0; o < n_out; o++) {
		t[o].w = w + (size_t)o * (size_t)max_taps;
		if (s > 1) { /* shrink: average the covered interval */
			double a = o * s, b = a + s;
			int i0 = (int)floor(a), i1 = (int)ceil(b);
			if (i1 > n_in)
				i1 = n_in;
			t[o].first = i0;
			for (int i = i0; i < i1 && t[o].count < max_taps; i++) {
				double lo = i > a ? i : a, hi = i + 1 < b ? i + 1 : b;
				t[o].w[t[o].count++] = (float)((hi - lo) / s);
			}
		} else { /* enlarge: linear between the two nearest */
			double c = (o + 0.5) * s - 0.5;
			int i0 = (int)floor(c);
			float f = (float)(c - i0);
			if (i0 < 0) {
				i0 = 0;
				f = 0;
			}
			if (i0 >= n_in - 1) {
				i0 = n_in - 1;
				f = 0;
			}
			t[o].first = i0;
			t[o].count = f > 0 ? 2 : 1;
			t[o].w[0] = 1 - f;
			t[o].w[1] = f;
		}
	}
	return t;
}

static uint8_t clamp8(float v)
{
	return v <= 0 ? 0 : v >= 255 ? 255 : (uint8_t)(v + 0.5f);
}

/* The horizontal pass of source row y into out (dw x 4 floats). */
static void scale_row(const uint8_t *src, int spitch, int y, const struct taps *tx, int dw,
                      float *out)
{
	const uint8_t *row = src + (size_t)y * (size_t)spitch;
	for (int x = 0; x < dw; x++) {
		float acc[4] = {0, 0, 0, 0};
		for (int k = 0; k < tx[x].count; k++) {
			const uint8_t *p = row + (size_t)(tx[x].first + k) * 4;
			for (int c = 0; c < 4; c++)
				acc[c] += p[c] * tx[x].w[k];
		}
		for (int c = 0; c < 4; c++)
			out[x * 4 + c] = acc[c];
	}
}

/* Source rows pass through a small ring: output rows need source rows in
 * increasing order, so only the rows of one output row's taps are kept,
 * not a whole intermediate image. */
struct ring {
	int n;       /* slots */
	int *row;    /* which source row each slot holds, -1 for none */
	float *data; /* n rows of dw x 4 floats */
};

static const float *ring_row(struct ring *r, const uint8_t *src, int spitch, int y,
                             const struct taps *tx, int dw)
{
	int slot = y % r->n;
	float *out = r->data + (size_t)slot * (size_t)dw * 4;
	if (r->row[slot] != y) {
		scale_row(src, spitch, y, tx, dw, out);
		r->row[slot] = y;
	}
	return out;
}

int scale_pixels(const uint8_t *src, int sw, int sh, int spitch, uint8_t *dst, int dw, int dh,
                 int dpitch)
{
	if (sw <= 0 || sh <= 0 || dw <= 0 || dh <= 0)
		return -1;
	int rc = -1;
	struct taps *tx = make_taps(sw, dw), *ty = make_taps(sh, dh);
	struct ring ring = {0};
	size_t n = (size_t)dw * 4;
	float *acc = malloc(n * sizeof *acc);
	if (!tx || !ty || !acc)
		goto done;
	for (int y = 0; y < dh; y++)
		ring.n = ty[y].count + 1 > ring.n ? ty[y].count + 1 : ring.n;
	ring.row = malloc((size_t)ring.n * sizeof *ring.row);
	ring.data = malloc((size_t)ring.n * n * sizeof *ring.data);
	if (!ring.row || !ring.data)
		goto done;
	for (int i = 0; i < ring.n; i++)
		ring.row[i] = -1;
	for (int y = 0; y < dh; y++) {
		for (size_t x = 0; x < n; x++)
			acc[x] = 0;
		for (int k = 0; k < ty[y].count; k++) {
			const float *in = ring_row(&ring, src, spitch, ty[y].first + k, tx, dw);
			float w = ty[y].w[k];
			for (size_t x = 0; x < n; x++)
				acc[x] += in[x] * w;
		}
		uint8_t *out = dst + (size_t)y * (size_t)dpitch;
		for (size_t x = 0; x < n; x++)
			out[x] = clamp8(acc[x]);
	}
	rc = 0;
done:
	free(ring.row);
	free(ring.data);
	free(acc);
	free_taps(tx, dw);
	free_taps(ty, dh);
	return rc;
}
