/* hours: opening hours as the hall keeps them, in the hall's time zone
 * (hall.yaml time_zone; the PC's when it is not set).
 * Pure: whether the hall is open at a moment, and when that next changes
 * (so a dark screen sleeps until then). */
#ifndef TWINHALL_HOURS_H
#define TWINHALL_HOURS_H

#include <stdbool.h>
#include <time.h>

#include "content/content.h"

/* The hours of the local date y-m-d (m 1..12) whose weekday is wday
 * (0 Monday .. 6 Sunday): an exception for the date, else the week's. */
const struct hours_day *hours_of_date(const struct opening_hours *h, int y, int m, int d, int wday);

/* Whether the hall is open at t (always, when h is not set). */
bool hours_open_at(const struct opening_hours *h, time_t t);

/* The first moment after t at which hours_open_at changes, or (time_t)-1
 * when it does not change in the coming 400 days. */
time_t hours_next_change(const struct opening_hours *h, time_t t);

/* "Mon 2026-11-23 09:00"-style time of t in h's zone (h NULL: the PC's) in
 * buf (for the journal); returns buf. */
char *hours_format(const struct opening_hours *h, time_t t, char *buf, size_t size);

#endif
