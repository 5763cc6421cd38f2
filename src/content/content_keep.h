/* content_keep: per-city isolation (internal to the content loader). After
 * a load in which some cities had errors, each of those becomes the last
 * good version of the same city, copied into the new model, or is left
 * out when there is none. */
#ifndef TWINHALL_CONTENT_KEEP_H
#define TWINHALL_CONTENT_KEEP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "content/content.h"
#include "content/diag.h"

/* Copies city from into *to, every string and list of it into a (from may
 * live in another model's arena). 0, or -1 when out of memory. */
int content_keep_copy_city(struct arena *a, const struct city *from, struct city *to);

/* Each city i of hall with broken[i] set (it has errors) becomes good's
 * city of the same id (CITY_KEPT) when good has one and the same
 * languages; else it stays when it is CITY_TRIMMED (its only errors were
 * in photos and gifts, left out), or is taken out of the list; each with a
 * warning in d. The others stay, in their order. Returns how many cities
 * are left, or -1 when out of memory. good may be NULL. */
long content_keep_cities(struct arena *a, struct hall *hall, const bool *broken,
                         const struct content *good, struct diag *d);

#endif
