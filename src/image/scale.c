#include "image/scale.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Weights are fixed point and each output's taps sum to exactly 1 << bits.
 * Horizontally the weights have 8 bits, so two channels of a pixel are
 * summed side by side in the 16-bit halves of one uint32_t; the result, 8
 * bits of fraction per channel, waits in a uint16_t. Vertically they have
 * 14, and the sum (65280 << 14 at most) still fits in 32 bits. */
enum { H_BITS = 8, V_BITS = 14, V_SHIFT = V_BITS + H_BITS };

/* One axis: for each output position, `taps` consecutive source pixels
 * from first[o], weighted by w[o * taps ..]. Every position has the same
 * number of taps (zero-weighted where it needs fewer), so the inner loops
 * run a fixed count; first is moved back where needed to stay inside. */
struct axis {
	int taps;
	int *first;
	uint32_t *w;
};

static void axis_free(struct axis *a)
{
	free(a->first);
	free(a->w);
	a->first = NULL;
	a->w = NULL;
}

/* The real-valued taps of output o: an area average when shrinking, linear
 * between the two nearest when enlarging. Writes at most max weights to wf
 * (NULL: none); returns their count and the first source index in *first. */
static int exact_taps(int n_in, int n_out, int o, int max, double *wf, int *first)
{
	double s = (double)n_in / n_out;
	int count = 0;
	if (s > 1) {
		double a = o * s, b = a + s;
		int i0 = (int)floor(a), i1 = (int)ceil(b);
		if (i1 > n_in)
			i1 = n_in;
		*first = i0;
		for (int i = i0; i < i1 && count < max; i++) {
			double lo = i > a ? i : a, hi = i + 1 < b ? i + 1 : b;
			if (wf)
				wf[count] = (hi - lo) / s;
			count++;
		}
		return count;
	}
	double c = (o + 0.5) * s - 0.5;
	int i0 = (int)floor(c);
	double f = c - i0;
	if (i0 < 0 || n_in == 1) {
		i0 = 0;
		f = 0;
	}
	if (i0 >= n_in - 1) {
		i0 = n_in - 1;
		f = 0;
	}
	*first = i0;
	if (wf) {
		wf[0] = 1 - f;
		wf[1] = f;
	}
	return f > 0 ? 2 : 1;
}

/* Builds the axis for n_out positions over n_in source pixels, weights of
 * the given bits; -1 when out of memory. */
static int axis_make(struct axis *a, int n_in, int n_out, int bits)
{
	int bound = n_in > n_out ? (int)ceil((double)n_in / n_out) + 2 : 2, max = 1, first;
	for (int o = 0; o < n_out; o++) {
		int n = exact_taps(n_in, n_out, o, bound, NULL, &first);
		max = n > max ? n : max;
	}
	double *wf = malloc((size_t)(max > 2 ? max : 2) * sizeof *wf);
	a->taps = max;
	a->first = malloc((size_t)n_out * sizeof *a->first);
	a->w = calloc((size_t)n_out * (size_t)max, sizeof *a->w);
	if (!wf || !a->first || !a->w) {
		free(wf);
		axis_free(a);
		return -1;
	}
	for (int o = 0; o < n_out; o++) {
		int n = exact_taps(n_in, n_out, o, max, wf, &first);
		int start = first + max > n_in ? n_in - max : first;
		uint32_t *w = a->w + (size_t)o * (size_t)max + (first - start);
		long sum = 0;
		int big = 0;
		for (int k = 0; k < n; k++) {
			w[k] = (uint32_t)lround(wf[k] * (1 << bits));
			sum += w[k];
			big = w[k] > w[big] ? k : big;
		}
		w[big] = (uint32_t)((long)w[big] + (1L << bits) - sum); /* flat stays flat */
		a->first[o] = start;
	}
	free(wf);
	return 0;
}

/* The four bytes at p as a little-endian number: byte 0 lowest. */
static inline uint32_t load_le32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	return v;
}

/* The horizontal pass of one source row into out: per pixel, channels 0, 2,
 * 1, 3 (the order the paired sums come in) with 8 bits of fraction. Inlined
 * with taps a constant, so the tap loop unrolls. */
static inline void scale_row_taps(const uint8_t *restrict row, const struct axis *ax, int dw,
                                  uint16_t *restrict out, const int taps)
{
	const uint32_t *w = ax->w;
	for (int x = 0; x < dw; x++, w += taps) {
		const uint8_t *p = row + (size_t)ax->first[x] * 4;
		uint32_t even = 0, odd = 0; /* channels 0 and 2; 1 and 3 */
		for (int k = 0; k < taps; k++) {
			uint32_t v = load_le32(p + k * 4);
			even += (v & 0x00FF00FFu) * w[k];
			odd += (v >> 8 & 0x00FF00FFu) * w[k];
		}
		out[x * 4 + 0] = (uint16_t)even;
		out[x * 4 + 1] = (uint16_t)(even >> 16);
		out[x * 4 + 2] = (uint16_t)odd;
		out[x * 4 + 3] = (uint16_t)(odd >> 16);
	}
}

static void scale_row(const uint8_t *row, const struct axis *ax, int dw, uint16_t *out)
{
	switch (ax->taps) { /* a shrink by up to 3x needs at most 4 */
	case 1:
		scale_row_taps(row, ax, dw, out, 1);
		break;
	case 2:
		scale_row_taps(row, ax, dw, out, 2);
		break;
	case 3:
		scale_row_taps(row, ax, dw, out, 3);
		break;
	case 4:
		scale_row_taps(row, ax, dw, out, 4);
		break;
	default:
		scale_row_taps(row, ax, dw, out, ax->taps);
		break;
	}
}

/* Horizontally scaled source rows wait in a small ring: output rows need
 * source rows in increasing order, so only the rows of one output row's
 * taps are kept. */
struct scaler {
	int sw, sh, dw, dh, dpitch;
	uint8_t *dst;
	struct axis ax, ay;
	int y0, y1;     /* the output rows this scaler writes */
	int src0;       /* the source row pushed first */
	int pushed;     /* source rows taken so far */
	int next_out;   /* the next output row to write */
	uint16_t *ring; /* ay.taps rows of dw x 4; source row y in slot y % taps */
	uint32_t *acc;  /* one output row being summed */
};

void scaler_free(struct scaler *s)
{
	if (!s)
		return;
	axis_free(&s->ax);
	axis_free(&s->ay);
	free(s->ring);
	free(s->acc);
	free(s);
}

struct scaler *scaler_new_band(int sw, int sh, uint8_t *dst, int dw, int dh, int dpitch, int y0,
                               int y1)
{
	if (sw <= 0 || sh <= 0 || dw <= 0 || dh <= 0 || y0 < 0 || y1 > dh || y0 >= y1)
		return NULL;
	struct scaler *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	*s = (struct scaler){.sw = sw,
	                     .sh = sh,
	                     .dw = dw,
	                     .dh = dh,
	                     .dpitch = dpitch,
	                     .dst = dst,
	                     .y0 = y0,
	                     .y1 = y1};
	size_t n = (size_t)dw * 4;
	if (axis_make(&s->ax, sw, dw, H_BITS) != 0 || axis_make(&s->ay, sh, dh, V_BITS) != 0 ||
	    !(s->acc = malloc(n * sizeof *s->acc)) ||
	    !(s->ring = malloc((size_t)s->ay.taps * n * sizeof *s->ring))) {
		scaler_free(s);
		return NULL;
	}
	s->src0 = s->ay.first[y0];
	s->next_out = y0;
	return s;
}

struct scaler *scaler_new(int sw, int sh, uint8_t *dst, int dw, int dh, int dpitch)
{
	return scaler_new_band(sw, sh, dst, dw, dh, dpitch, 0, dh);
}

void scaler_rows_needed(const struct scaler *s, int *first, int *end)
{
	*first = s->src0;
	*end = s->ay.first[s->y1 - 1] + s->ay.taps;
}

/* Writes output row y from the source rows in the ring. */
static void emit_row(struct scaler *s, int y)
{
	size_t n = (size_t)s->dw * 4;
	int taps = s->ay.taps;
	const uint32_t *w = s->ay.w + (size_t)y * (size_t)taps;
	uint32_t *restrict acc = s->acc;
	for (size_t x = 0; x < n; x++)
		acc[x] = 1u << (V_SHIFT - 1);
	for (int k = 0; k < taps; k++) {
		if (w[k] == 0)
			continue;
		const uint16_t *restrict in = s->ring + (size_t)((s->ay.first[y] + k) % taps) * n;
		uint32_t wk = w[k];
		for (size_t x = 0; x < n; x++)
			acc[x] += in[x] * wk;
	}
	uint8_t *restrict out = s->dst + (size_t)y * (size_t)s->dpitch;
	for (size_t x = 0; x < n; x += 4) { /* back to channels 0, 1, 2, 3 */
		out[x + 0] = (uint8_t)(acc[x + 0] >> V_SHIFT);
		out[x + 1] = (uint8_t)(acc[x + 2] >> V_SHIFT);
		out[x + 2] = (uint8_t)(acc[x + 1] >> V_SHIFT);
		out[x + 3] = (uint8_t)(acc[x + 3] >> V_SHIFT);
	}
}

void scaler_push(struct scaler *s, const uint8_t *row)
{
	int y = s->src0 + s->pushed;
	if (y >= s->sh || s->next_out >= s->y1)
		return;
	s->pushed++;
	int taps = s->ay.taps;
	scale_row(row, &s->ax, s->dw, s->ring + (size_t)(y % taps) * (size_t)s->dw * 4);
	/* Every output row whose last tap is in can be written: the ring
	 * holds one output row's taps, and taps only move down. */
	while (s->next_out < s->y1 && s->ay.first[s->next_out] + taps - 1 <= y)
		emit_row(s, s->next_out++);
}

bool scaler_done(const struct scaler *s)
{
	return s->next_out >= s->y1;
}
