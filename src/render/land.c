#include "render/land.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct land {
	struct geo_point *pts; /* every ring's points, one after another */
	int *start;            /* ring i is pts[start[i]] .. pts[start[i + 1] - 1] */
	int n_rings, n_pts;
};

enum { SUB = 4 }; /* samples a pixel down */

void land_free(struct land *land)
{
	if (!land)
		return;
	free(land->pts);
	free(land->start);
	free(land);
}

int land_rings(const struct land *land)
{
	return land ? land->n_rings : 0;
}

/* Appends the points of one line to land; false when out of memory. */
static bool add_ring(struct land *land, const char *s, int *cap_pts, int *cap_rings)
{
	int first = land->n_pts;
	double lon, lat;
	int used;
	while (sscanf(s, " %lf,%lf%n", &lon, &lat, &used) == 2) {
		s += used;
		if (land->n_pts == *cap_pts) {
			*cap_pts = *cap_pts ? 2 * *cap_pts : 4096;
			void *p = realloc(land->pts, (size_t)*cap_pts * sizeof *land->pts);
			if (!p)
				return false;
			land->pts = p;
		}
		land->pts[land->n_pts++] = (struct geo_point){lat, lon};
	}
	if (land->n_pts - first < 3) {
		land->n_pts = first;
		return true;
	}
	if (land->n_rings + 2 > *cap_rings) {
		*cap_rings = *cap_rings ? 2 * *cap_rings : 256;
		void *p = realloc(land->start, (size_t)*cap_rings * sizeof *land->start);
		if (!p)
			return false;
		land->start = p;
	}
	land->start[land->n_rings++] = first;
	land->start[land->n_rings] = land->n_pts;
	return true;
}

struct land *land_load(const char *path)
{
	FILE *f = fopen(path, "r");
	struct land *land = calloc(1, sizeof *land);
	char *line = NULL;
	size_t cap = 0;
	int cap_pts = 0, cap_rings = 0;
	if (!f || !land)
		goto fail;
	while (getline(&line, &cap, f) > 0)
		if (line[0] != '#' && !add_ring(land, line, &cap_pts, &cap_rings))
			goto fail;
	if (!land->n_rings)
		goto fail;
	free(line);
	fclose(f);
	return land;
fail:
	free(line);
	if (f)
		fclose(f);
	land_free(land);
	return NULL;
}

struct land *land_load_default(void)
{
	char path[4096];
	char *base = SDL_GetBasePath();
	snprintf(path, sizeof path, "%s../assets/map/land.txt", base ? base : "");
	SDL_free(base);
	struct land *land = land_load(path);
	return land ? land : land_load(TWINHALL_DATADIR "/assets/map/land.txt");
}

static int by_x(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Adds the span x0..x1 of one sample row to cov (in 1/256ths of a sample). */
static void span(int *cov, int w, double x0, double x1)
{
	if (x0 < 0)
		x0 = 0;
	if (x1 > w)
		x1 = w;
	if (x1 <= x0)
		return;
	int a = (int)x0, b = (int)x1;
	if (a == b) {
		cov[a] += (int)((x1 - x0) * 256);
		return;
	}
	cov[a] += (int)((a + 1 - x0) * 256);
	for (int i = a + 1; i < b; i++)
		cov[i] += 256;
	if (b < w)
		cov[b] += (int)((x1 - b) * 256);
}

/* The crossings of the sample row at y with every edge, sorted; their count. */
static int crossings(const double *ex, const double *ey, int n_edges, double y, double *xs)
{
	int n = 0;
	for (int e = 0; e < n_edges; e++) {
		double y0 = ey[2 * e], y1 = ey[2 * e + 1];
		if ((y0 <= y) != (y1 <= y)) {
			double x0 = ex[2 * e], x1 = ex[2 * e + 1];
			xs[n++] = x0 + (y - y0) / (y1 - y0) * (x1 - x0);
		}
	}
	qsort(xs, (size_t)n, sizeof *xs, by_x);
	return n;
}

void land_mask(const struct land *land, const struct geo_view *view, uint8_t *mask)
{
	struct geo_view v = *view;
	int w = v.r.w, h = v.r.h;
	v.r.x = v.r.y = 0;
	memset(mask, 0, (size_t)w * (size_t)h);
	size_t copies = 3 * (size_t)land->n_pts; /* each ring, and 360 degrees east and west */
	double *ex = malloc(copies * 2 * sizeof *ex);
	double *ey = malloc(copies * 2 * sizeof *ey);
	double *xs = malloc(copies * sizeof *xs);
	int *cov = malloc((size_t)w * sizeof *cov);
	if (!ex || !ey || !xs || !cov)
		goto end;
	int n = 0; /* the edges of every ring, projected, those across the view kept */
	for (int shift = -360; shift <= 360; shift += 360)
		for (int r = 0; r < land->n_rings; r++)
			for (int i = land->start[r]; i < land->start[r + 1]; i++) {
				int j = i + 1 < land->start[r + 1] ? i + 1 : land->start[r];
				struct geo_point a = land->pts[i], b = land->pts[j];
				a.lon += shift;
				b.lon += shift;
				geo_project(&v, a, &ex[2 * n], &ey[2 * n]);
				geo_project(&v, b, &ex[2 * n + 1], &ey[2 * n + 1]);
				bool above = ey[2 * n] < 0 && ey[2 * n + 1] < 0;
				bool below = ey[2 * n] > h && ey[2 * n + 1] > h;
				if (!above && !below) /* never crosses a row: left out */
					n++;
			}
	for (int y = 0; y < h; y++) {
		memset(cov, 0, (size_t)w * sizeof *cov);
		for (int s = 0; s < SUB; s++) {
			int k = crossings(ex, ey, n, y + (s + 0.5) / SUB, xs);
			for (int i = 0; i + 1 < k; i += 2)
				span(cov, w, xs[i], xs[i + 1]);
		}
		for (int x = 0; x < w; x++) {
			int c = cov[x] / SUB;
			mask[(size_t)y * (size_t)w + (size_t)x] = (uint8_t)(c > 255 ? 255 : c);
		}
	}
end:
	free(ex);
	free(ey);
	free(xs);
	free(cov);
}
