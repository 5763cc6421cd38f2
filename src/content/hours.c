#include "content/hours.h"

#include <stdio.h>

#include "content/zone.h"

enum { MINUTES_A_DAY = 24 * 60, LOOKAHEAD_DAYS = 400 };

const struct hours_day *hours_of_date(const struct opening_hours *h, int y, int m, int d, int wday)
{
	for (size_t i = 0; i < h->n_exceptions; i++) {
		const struct hours_exception *e = &h->exceptions[i];
		if (e->year == y && e->month == m && e->day == d)
			return &e->hours;
	}
	return &h->week[wday];
}

/* The hall's local date of t as a struct tm, and its weekday counted from
 * Monday. */
static int local_day(const struct opening_hours *h, time_t t, struct tm *out)
{
	zone_local(h->zone, t, out);
	return (out->tm_wday + 6) % 7;
}

static const struct hours_day *day_of(const struct opening_hours *h, const struct tm *tm, int wday)
{
	return hours_of_date(h, tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, wday);
}

bool hours_open_at(const struct opening_hours *h, time_t t)
{
	if (!h->set)
		return true;
	struct tm tm;
	int wday = local_day(h, t, &tm);
	const struct hours_day *day = day_of(h, &tm, wday);
	int min = tm.tm_hour * 60 + tm.tm_min;
	for (int i = 0; i < day->n; i++)
		if (min >= day->spans[i].open_min && min < day->spans[i].close_min)
			return true;
	return false;
}

/* The moment minute min (0..1440) of the local date in *day begins. */
static time_t at_minute(const struct opening_hours *h, const struct tm *day, int min)
{
	struct tm tm = *day;
	tm.tm_hour = min / 60;
	tm.tm_min = min % 60;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return zone_mktime(h->zone, &tm); /* 24:00 becomes the next day's midnight */
}

time_t hours_next_change(const struct opening_hours *h, time_t t)
{
	if (!h->set)
		return (time_t)-1;
	bool now = hours_open_at(h, t);
	struct tm day;
	local_day(h, t, &day);
	day.tm_hour = 12; /* the day's noon: safe to step by days */
	day.tm_min = day.tm_sec = 0;
	day.tm_isdst = -1;
	for (int k = 0; k < LOOKAHEAD_DAYS; k++) {
		struct tm d = day;
		d.tm_mday += k;
		zone_mktime(h->zone, &d); /* normalised: the date k days on, with its weekday */
		const struct hours_day *hd = day_of(h, &d, (d.tm_wday + 6) % 7);
		/* The state can only change where a span begins or ends, or at
		 * midnight, where the next day's hours take over. */
		int marks[2 * HOURS_MAX_SPANS + 1], n = 0;
		for (int i = 0; i < hd->n; i++) {
			marks[n++] = hd->spans[i].open_min;
			marks[n++] = hd->spans[i].close_min;
		}
		marks[n++] = MINUTES_A_DAY;
		time_t best = (time_t)-1;
		for (int i = 0; i < n; i++) {
			time_t c = at_minute(h, &d, marks[i]);
			if (c > t && hours_open_at(h, c) != now && (best == (time_t)-1 || c < best))
				best = c;
		}
		if (best != (time_t)-1)
			return best;
	}
	return (time_t)-1;
}

char *hours_format(const struct opening_hours *h, time_t t, char *buf, size_t size)
{
	struct tm tm;
	zone_local(h ? h->zone : NULL, t, &tm);
	if (strftime(buf, size, "%a %Y-%m-%d %H:%M", &tm) == 0 && size)
		buf[0] = '\0';
	return buf;
}
