/* home_map: the home screen's map of the links. The land of the world
 * (render/land) in the view that shows Perm and every city, great-circle
 * arcs from Perm to each, a dot and a short label for each place. The
 * land is rasterised once per view into a texture the map owns. */
#ifndef TWINHALL_HOME_MAP_H
#define TWINHALL_HOME_MAP_H

#include "base/layout.h"
#include "ui/ui.h"

struct home_map;

/* A map with the installed land outline; without one (a warning in the
 * journal) it draws the sea, the arcs and the places alone. NULL only when
 * out of memory. Free with home_map_free. */
struct home_map *home_map_new(void);

/* Lets go of the map and its texture; accepts NULL. */
void home_map_free(struct home_map *m);

/* Draws the map of ui's cities into r. */
void home_map_draw(struct home_map *m, struct ui *ui, struct rect r);

#endif
