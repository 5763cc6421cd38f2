/* opening: whether the screen is dark for the opening hours, as a state
 * the main loop keeps: it looks at the hours again only when the next
 * change is due, the content changed, or the wall clock was set back.
 * Pure (the wall time is passed in). */
#ifndef TWINHALL_OPENING_H
#define TWINHALL_OPENING_H

#include <stdbool.h>
#include <time.h>

#include "content/content.h"

struct opening {
	bool known;  /* the fields below hold for the current content */
	bool closed; /* the screen is dark */
	time_t next; /* when it next changes; (time_t)-1: not ahead */
	time_t seen; /* the wall time last looked at */
};

enum opening_change { OPENING_SAME, OPENING_CLOSES, OPENING_OPENS };

/* Moves o to wall time t for hours h (NULL: no content, open); says when
 * the screen just went dark or came back. */
enum opening_change opening_update(struct opening *o, const struct opening_hours *h, time_t t);

/* The content changed: look at its hours at the next update. */
void opening_forget(struct opening *o);

/* Seconds from t until the next change, or -1 when none is ahead. */
long opening_seconds_left(const struct opening *o, time_t t);

#endif
