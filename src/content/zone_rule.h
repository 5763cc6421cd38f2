/* zone_rule: a POSIX TZ rule such as "CET-1CEST,M3.5.0,M10.5.0/3", the
 * footer of a TZif file, which says the zone's offset after its last listed
 * transition. Pure. */
#ifndef TWINHALL_ZONE_RULE_H
#define TWINHALL_ZONE_RULE_H

#include <stdbool.h>
#include <stdint.h>

/* A change of offset on "month m, week w (5: the last), weekday d (0 Sunday)",
 * secs seconds after that day's local midnight (may be negative or > 24 h). */
struct zone_change {
	int month, week, wday;
	int32_t secs;
};

struct zone_rule {
	int32_t std_off, dst_off; /* seconds east of UTC */
	bool has_dst;
	struct zone_change start, end; /* into and out of summer time */
};

/* Parses a POSIX TZ string into *out; 0, or -1 when it is not one or uses
 * a form tzdata does not (Julian days). */
int zone_rule_parse(const char *s, struct zone_rule *out);

/* The offset east of UTC in seconds at UTC time t under rule r. */
int32_t zone_rule_offset(const struct zone_rule *r, int64_t t);

#endif
