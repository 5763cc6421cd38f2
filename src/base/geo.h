/* geo: the Earth as the home screen's map needs it. Great-circle
 * distances and paths between two places, and an equirectangular view:
 * the box of longitudes and latitudes that shows a set of places with
 * room around them, fitted to a screen rectangle, and the projection of
 * a place into it. Pure arithmetic on degrees. */
#ifndef TWINHALL_GEO_H
#define TWINHALL_GEO_H

#include <stddef.h>

#include "base/layout.h"

struct geo_point {
	double lat, lon; /* degrees, north and east positive */
};

/* The great-circle distance between a and b in kilometres, on a sphere
 * of the Earth's mean radius (6371 km). */
double geo_distance_km(struct geo_point a, struct geo_point b);

/* The point a share t (0..1) of the way from a to b along the great
 * circle; longitudes in -180..180. */
struct geo_point geo_along(struct geo_point a, struct geo_point b, double t);

/* An equirectangular view: lon0..lon1 by lat0..lat1 (lat0 the south edge)
 * onto the screen rectangle r, x scaled by the cosine of the middle
 * latitude so shapes there keep their proportions. */
struct geo_view {
	double lon0, lon1, lat0, lat1;
	struct rect r;
};

/* The view of r that shows all n points (at least one) with a margin of
 * pad degrees around them, widened in one direction to r's proportions
 * (never beyond the poles' 85 degrees, nor beyond 360 degrees of
 * longitude: a rectangle wider than that is narrowed to the view's r,
 * centred in r; longitudes are not wrapped, so a set of places across the
 * 180th meridian is shown the long way). */
struct geo_view geo_view_fit(const struct geo_point *pts, size_t n, double pad, struct rect r);

/* The height of a rectangle w wide whose view of the n points, with pad
 * degrees around them, needs no widening: the map's natural height. */
int geo_natural_height(const struct geo_point *pts, size_t n, double pad, int w);

/* Where p falls in v's rectangle, in pixels (may be outside it). */
void geo_project(const struct geo_view *v, struct geo_point p, double *x, double *y);

#endif
