/* land: the world's land outline the home screen's map is drawn from
 * (assets/map/land.txt, made by assets/map/make-map.mjs), and its
 * rasterising into a coverage mask for a view. Plain C: the mask is an
 * array of bytes the drawer turns into a texture. */
#ifndef TWINHALL_LAND_H
#define TWINHALL_LAND_H

#include <stdint.h>

#include "base/geo.h"

struct land;

/* Reads the rings of the file at path ("lon,lat lon,lat ..." a line, '#'
 * lines ignored); NULL when it cannot be read or holds no ring. Free with
 * land_free. */
struct land *land_load(const char *path);

/* The land file beside the program (../assets/map/land.txt from its
 * folder) or among the installed assets; NULL when neither reads. */
struct land *land_load_default(void);

void land_free(struct land *land);

/* Rings and points held, for tests and the journal. */
int land_rings(const struct land *land);

/* Fills mask (v->r.w x v->r.h bytes, row by row) with how much of each
 * pixel of v's rectangle is land, 0..255, by the even-odd rule, four
 * samples a pixel down and exact coverage across; every ring is drawn
 * again 360 degrees east and west. v->r's x and y are ignored: the mask's
 * top left is the rectangle's. */
void land_mask(const struct land *land, const struct geo_view *v, uint8_t *mask);

#endif
