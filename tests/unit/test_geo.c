/* The map's arithmetic: distances between the hall's cities as the
 * sources put them, great-circle paths, and views that show every place. */
#include <math.h>
#include <stdlib.h>

#include "base/geo.h"
#include "test.h"

static int failures_;

static const struct geo_point perm = {58.014, 56.249}, louisville = {38.256, -85.751},
                              qingdao = {36.067, 120.383}, oxford = {51.752, -1.258};

/* Issue 23 measured Perm-Louisville at 8,742 km. */
static void test_distances(void)
{
	CHECK(fabs(geo_distance_km(perm, louisville) - 8742) < 5);
	CHECK(fabs(geo_distance_km(louisville, perm) - geo_distance_km(perm, louisville)) < 1e-9);
	CHECK(geo_distance_km(perm, perm) < 1e-9);
	/* A quarter of the equator. */
	CHECK(fabs(geo_distance_km((struct geo_point){0, 0}, (struct geo_point){0, 90}) -
	           6371 * 3.14159265358979 / 2) < 0.01);
}

/* The path starts and ends at its places, and its middle is as far from
 * each; Perm to Louisville goes north, over the Arctic side. */
static void test_great_circle(void)
{
	struct geo_point a = geo_along(perm, louisville, 0), b = geo_along(perm, louisville, 1);
	CHECK(fabs(a.lat - perm.lat) < 1e-9 && fabs(a.lon - perm.lon) < 1e-9);
	CHECK(fabs(b.lat - louisville.lat) < 1e-9 && fabs(b.lon - louisville.lon) < 1e-9);
	struct geo_point m = geo_along(perm, louisville, 0.5);
	CHECK(fabs(geo_distance_km(perm, m) - geo_distance_km(m, louisville)) < 1);
	CHECK(m.lat > perm.lat);
}

static bool in(const struct geo_view *v, struct geo_point p)
{
	double x, y;
	geo_project(v, p, &x, &y);
	return x >= v->r.x && y >= v->r.y && x <= v->r.x + v->r.w && y <= v->r.y + v->r.h;
}

/* Every place lies inside the view, in a wide band and a tall box alike;
 * a band too wide for the world is narrowed to 360 degrees, centred. */
static void test_view_fits(void)
{
	struct geo_point pts[] = {perm, louisville, qingdao, oxford};
	struct rect rects[] = {
	    {96, 200, 1728, 380}, {72, 300, 936, 500}, {0, 0, 400, 800}, {96, 200, 1728, 120}};
	for (size_t i = 0; i < sizeof rects / sizeof rects[0]; i++) {
		struct geo_view v = geo_view_fit(pts, 4, 5, rects[i]);
		for (size_t p = 0; p < 4; p++)
			CHECK(in(&v, pts[p]));
		CHECK(v.lon1 - v.lon0 <= 360 + 1e-9);
		CHECK(v.lat0 >= -85 && v.lat1 <= 85);
		CHECK(v.r.y == rects[i].y && v.r.h == rects[i].h);
		CHECK(v.r.x >= rects[i].x && v.r.x + v.r.w <= rects[i].x + rects[i].w);
		CHECK(abs((v.r.x - rects[i].x) - (rects[i].x + rects[i].w - v.r.x - v.r.w)) <= 1);
	}
	struct geo_view thin = geo_view_fit(pts, 4, 5, rects[3]);
	CHECK(fabs(thin.lon1 - thin.lon0 - 360) < 1e-6);
	CHECK(thin.r.w < rects[3].w);
}

/* At its natural height a view shows the places with just their margin. */
static void test_natural_height(void)
{
	struct geo_point pts[] = {perm, louisville, qingdao, oxford};
	int h = geo_natural_height(pts, 4, 5, 1000);
	CHECK(h > 100 && h < 1000);
	struct geo_view v = geo_view_fit(pts, 4, 5, (struct rect){0, 0, 1000, h});
	CHECK(fabs((v.lon1 - v.lon0) - (qingdao.lon - louisville.lon + 10)) < 1);
	CHECK(fabs((v.lat1 - v.lat0) - (perm.lat - qingdao.lat + 10)) < 1);
}

int main(void)
{
	RUN(test_distances);
	RUN(test_great_circle);
	RUN(test_view_fits);
	RUN(test_natural_height);
	return failures_ != 0;
}
