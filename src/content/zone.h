/* zone: a time zone of tzdata (hall.yaml time_zone, such as
 * Asia/Yekaterinburg), read from its TZif file, and the local time in it,
 * without touching the process's TZ: the hall keeps its own hours whatever
 * the PC's zone. Lookups are pure and safe from any thread. */
#ifndef TWINHALL_ZONE_H
#define TWINHALL_ZONE_H

#include <stddef.h>
#include <time.h>

#include "base/arena.h"

struct zone;

/* Reads zone name (a tzdata name) from /usr/share/zoneinfo, or $TZDIR when
 * set, into memory of arena a (it lives as long as a); NULL with a message
 * for staff in msg when the name is not a zone this PC knows. */
const struct zone *zone_load(struct arena *a, const char *name, char *msg, size_t size);

/* The zone's name as given to zone_load; "" for NULL. */
const char *zone_name(const struct zone *z);

/* The broken-down local time of t in zone z (NULL: the PC's zone), with
 * tm_wday and tm_yday set, as localtime_r. */
void zone_local(const struct zone *z, time_t t, struct tm *out);

/* The moment the local time *tm names in zone z (NULL: the PC's zone), its
 * fields normalised as mktime does (a day 32 is the next month's first);
 * in a gap or a repeated hour one of the nearby moments. */
time_t zone_mktime(const struct zone *z, struct tm *tm);

/* The offset of zone z from UTC at t, in seconds east. */
long zone_offset(const struct zone *z, time_t t);

#endif
