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

/* The horizontal pass of one source row into out (dw x 4 floats). */
static void scale_row(const uint8_t *row, const struct taps *tx, int dw, float *out)
{
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

/* Horizontally scaled source rows wait in a small ring: output rows need
 * source rows in increasing order, so only the rows of one output row's
 * taps are kept. */
struct scaler {
	int sw, sh, dw, dh, dpitch;
	uint8_t *dst;
	struct taps *tx, *ty;
	int pushed;   /* source rows taken so far */
	int next_out; /* the next output row to write */
	int slots;    /* rows in the ring */
	float *ring;  /* slots rows of dw x 4 floats; source row y in slot y % slots */
	float *acc;   /* one output row being summed */
};

void scaler_free(struct scaler *s)
{
	if (!s)
		return;
	free_taps(s->tx, s->dw);
	free_taps(s->ty, s->dh);
	free(s->ring);
	free(s->acc);
	free(s);
}

struct scaler *scaler_new(int sw, int sh, uint8_t *dst, int dw, int dh, int dpitch)
{
	if (sw <= 0 || sh <= 0 || dw <= 0 || dh <= 0)
		return NULL;
	struct scaler *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	*s = (struct scaler){.sw = sw, .sh = sh, .dw = dw, .dh = dh, .dpitch = dpitch, .dst = dst};
	s->tx = make_taps(sw, dw);
	s->ty = make_taps(sh, dh);
	size_t n = (size_t)dw * 4;
	s->acc = malloc(n * sizeof *s->acc);
	if (!s->tx || !s->ty || !s->acc) {
		scaler_free(s);
		return NULL;
	}
	for (int y = 0; y < dh; y++)
		s->slots = s->ty[y].count > s->slots ? s->ty[y].count : s->slots;
	s->ring = malloc((size_t)s->slots * n * sizeof *s->ring);
	if (!s->ring) {
		scaler_free(s);
		return NULL;
	}
	return s;
}

/* Writes output row y from the source rows in the ring. */
static void emit_row(struct scaler *s, int y)
{
	size_t n = (size_t)s->dw * 4;
	const struct taps *t = &s->ty[y];
	for (size_t x = 0; x < n; x++)
		s->acc[x] = 0;
	for (int k = 0; k < t->count; k++) {
		const float *in = s->ring + (size_t)((t->first + k) % s->slots) * n;
		float w = t->w[k];
		for (size_t x = 0; x < n; x++)
			s->acc[x] += in[x] * w;
	}
	uint8_t *out = s->dst + (size_t)y * (size_t)s->dpitch;
	for (size_t x = 0; x < n; x++)
		out[x] = clamp8(s->acc[x]);
}

void scaler_push(struct scaler *s, const uint8_t *row)
{
	if (s->pushed >= s->sh)
		return;
	int y = s->pushed++;
	scale_row(row, s->tx, s->dw, s->ring + (size_t)(y % s->slots) * (size_t)s->dw * 4);
	/* Every output row whose last tap is in can be written: the ring
	 * holds the rows of the widest output row, and taps only move down. */
	while (s->next_out < s->dh) {
		const struct taps *t = &s->ty[s->next_out];
		if (t->first + t->count - 1 > y)
			break;
		emit_row(s, s->next_out++);
	}
}
