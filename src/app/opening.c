#include "app/opening.h"

#include "content/hours.h"

enum opening_change opening_update(struct opening *o, const struct opening_hours *h, time_t t)
{
	bool due = !o->known || t < o->seen || (o->next != (time_t)-1 && t >= o->next);
	o->seen = t;
	if (!due)
		return OPENING_SAME;
	bool closed = h && !hours_open_at(h, t);
	o->next = h ? hours_next_change(h, t) : (time_t)-1;
	o->known = true;
	if (closed == o->closed)
		return OPENING_SAME;
	o->closed = closed;
	return closed ? OPENING_CLOSES : OPENING_OPENS;
}

void opening_forget(struct opening *o)
{
	o->known = false;
}

long opening_seconds_left(const struct opening *o, time_t t)
{
	if (!o->known || o->next == (time_t)-1)
		return -1;
	return o->next > t ? (long)(o->next - t) : 0;
}
