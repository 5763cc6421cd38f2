/* samples: the benchmarks' clock and their lists of timings. Header-only
 * (static functions), one copy per benchmark program. */
#ifndef TWINHALL_BENCH_SAMPLES_H
#define TWINHALL_BENCH_SAMPLES_H

#include <stdlib.h>
#include <time.h>

enum { MAX_SAMPLES = 16384 };

struct samples {
	double v[MAX_SAMPLES];
	size_t n;
};

static double ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void add(struct samples *s, double v)
{
	if (s->n < MAX_SAMPLES)
		s->v[s->n++] = v;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of s, nearest rank; -1 when empty. Sorts s. */
static double quantile(struct samples *s, double q)
{
	if (s->n == 0)
		return -1;
	qsort(s->v, s->n, sizeof s->v[0], cmp_double);
	size_t i = (size_t)(q * (double)(s->n - 1) + 0.5);
	return s->v[i];
}

#endif
