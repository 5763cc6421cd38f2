#include "base/geo.h"

#include <math.h>

static const double earth_km = 6371.0;
static const double rad = 3.14159265358979323846 / 180.0;

double geo_distance_km(struct geo_point a, struct geo_point b)
{
	double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
	double s = sin(dlat / 2) * sin(dlat / 2) +
	           cos(a.lat * rad) * cos(b.lat * rad) * sin(dlon / 2) * sin(dlon / 2);
	return 2 * earth_km * asin(sqrt(s < 1 ? s : 1));
}

/* Spherical interpolation between the two points' unit vectors. */
struct geo_point geo_along(struct geo_point a, struct geo_point b, double t)
{
	double ax = cos(a.lat * rad) * cos(a.lon * rad), ay = cos(a.lat * rad) * sin(a.lon * rad),
	       az = sin(a.lat * rad);
	double bx = cos(b.lat * rad) * cos(b.lon * rad), by = cos(b.lat * rad) * sin(b.lon * rad),
	       bz = sin(b.lat * rad);
	double d = geo_distance_km(a, b) / earth_km;
	double wa = 1 - t, wb = t;
	if (d > 1e-9) {
		wa = sin((1 - t) * d) / sin(d);
		wb = sin(t * d) / sin(d);
	}
	double x = wa * ax + wb * bx, y = wa * ay + wb * by, z = wa * az + wb * bz;
	return (struct geo_point){atan2(z, sqrt(x * x + y * y)) / rad, atan2(y, x) / rad};
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

struct geo_view geo_view_fit(const struct geo_point *pts, size_t n, double pad, struct rect r)
{
	struct geo_view v = {pts[0].lon, pts[0].lon, pts[0].lat, pts[0].lat, r};
	for (size_t i = 1; i < n; i++) {
		v.lon0 = fmin(v.lon0, pts[i].lon);
		v.lon1 = fmax(v.lon1, pts[i].lon);
		v.lat0 = fmin(v.lat0, pts[i].lat);
		v.lat1 = fmax(v.lat1, pts[i].lat);
	}
	v.lon0 -= pad;
	v.lon1 += pad;
	v.lat0 = clamp(v.lat0 - pad, -85, 85);
	v.lat1 = clamp(v.lat1 + pad, -85, 85);
	double k = cos((v.lat0 + v.lat1) / 2 * rad);
	double w = (v.lon1 - v.lon0) * k, h = v.lat1 - v.lat0;
	double want = r.h > 0 ? (double)r.w / r.h : 1;
	if (w / h > want) { /* too wide: show more latitude */
		double more = (w / want - h) / 2;
		v.lat0 -= more;
		v.lat1 += more;
		if (v.lat1 > 85) {
			v.lat0 -= v.lat1 - 85;
			v.lat1 = 85;
		}
		v.lat0 = fmax(v.lat0, -85);
	} else { /* too tall: show more longitude, up to the whole world */
		double span = h * want / k;
		if (span > 360) { /* then a narrower rectangle, centred */
			int w_px = (int)(r.w * 360 / span);
			v.r.x += (r.w - w_px) / 2;
			v.r.w = w_px;
			span = 360;
		}
		double more = (span - (v.lon1 - v.lon0)) / 2;
		v.lon0 -= more;
		v.lon1 += more;
	}
	return v;
}

int geo_natural_height(const struct geo_point *pts, size_t n, double pad, int w)
{
	double lon0 = pts[0].lon, lon1 = pts[0].lon, lat0 = pts[0].lat, lat1 = pts[0].lat;
	for (size_t i = 1; i < n; i++) {
		lon0 = fmin(lon0, pts[i].lon);
		lon1 = fmax(lon1, pts[i].lon);
		lat0 = fmin(lat0, pts[i].lat);
		lat1 = fmax(lat1, pts[i].lat);
	}
	lat0 = clamp(lat0 - pad, -85, 85);
	lat1 = clamp(lat1 + pad, -85, 85);
	double k = cos((lat0 + lat1) / 2 * rad);
	return (int)(w * (lat1 - lat0) / ((lon1 - lon0 + 2 * pad) * k));
}

void geo_project(const struct geo_view *v, struct geo_point p, double *x, double *y)
{
	*x = v->r.x + (p.lon - v->lon0) / (v->lon1 - v->lon0) * v->r.w;
	*y = v->r.y + (v->lat1 - p.lat) / (v->lat1 - v->lat0) * v->r.h;
}
