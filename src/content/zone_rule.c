#include "content/zone_rule.h"

#include <stdlib.h>
#include <time.h>

/* Skips a zone abbreviation: letters ("CET") or quoted ("<+05>"); NULL when
 * there is none. */
static const char *skip_name(const char *s)
{
	if (*s == '<') {
		while (*s && *s != '>')
			s++;
		return *s ? s + 1 : NULL;
	}
	const char *p = s;
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
		p++;
	return p - s >= 3 ? p : NULL;
}

/* [+-]hh[:mm[:ss]] at *s as seconds, moving *s past it; -1 when none. */
static int read_hms(const char **s, int32_t *out)
{
	const char *p = *s;
	int sign = 1;
	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if (*p < '0' || *p > '9')
		return -1;
	char *end;
	long h = strtol(p, &end, 10), m = 0, sec = 0;
	if (*end == ':') {
		m = strtol(end + 1, &end, 10);
		if (*end == ':')
			sec = strtol(end + 1, &end, 10);
	}
	if (h > 167 || m > 59 || sec > 59)
		return -1;
	*out = (int32_t)(sign * (h * 3600 + m * 60 + sec));
	*s = end;
	return 0;
}

/* ",Mm.w.d[/time]" at *s, moving *s past it. */
static int read_change(const char **s, struct zone_change *c)
{
	const char *p = *s;
	char *end;
	if (p[0] != ',' || p[1] != 'M')
		return -1;
	c->month = (int)strtol(p + 2, &end, 10);
	if (*end != '.')
		return -1;
	c->week = (int)strtol(end + 1, &end, 10);
	if (*end != '.')
		return -1;
	c->wday = (int)strtol(end + 1, &end, 10);
	if (c->month < 1 || c->month > 12 || c->week < 1 || c->week > 5 || c->wday < 0 ||
	    c->wday > 6)
		return -1;
	p = end;
	c->secs = 2 * 3600;
	if (*p == '/') {
		p++;
		if (read_hms(&p, &c->secs))
			return -1;
	}
	*s = p;
	return 0;
}

int zone_rule_parse(const char *s, struct zone_rule *out)
{
	*out = (struct zone_rule){0};
	int32_t off;
	if (!(s = skip_name(s)) || read_hms(&s, &off))
		return -1;
	out->std_off = out->dst_off = -off; /* POSIX counts west of UTC */
	if (!*s)
		return 0;
	if (!(s = skip_name(s)))
		return -1;
	out->dst_off = out->std_off + 3600;
	if (*s != ',' && *s) {
		if (read_hms(&s, &off))
			return -1;
		out->dst_off = -off;
	}
	if (read_change(&s, &out->start) || read_change(&s, &out->end) || *s)
		return -1;
	out->has_dst = true;
	return 0;
}

/* The UTC moment of change c in year y, its time read at offset off. */
static int64_t change_at(const struct zone_change *c, int y, int32_t off)
{
	struct tm first = {.tm_year = y - 1900, .tm_mon = c->month - 1, .tm_mday = 1};
	struct tm next = {.tm_year = y - 1900, .tm_mon = c->month, .tm_mday = 1};
	int64_t t1 = (int64_t)timegm(&first);
	int days = (int)(((int64_t)timegm(&next) - t1) / 86400);
	int wday1 = first.tm_wday; /* timegm set it */
	int day = 1 + (c->wday - wday1 + 7) % 7 + (c->week - 1) * 7;
	while (day > days)
		day -= 7;
	return t1 + (int64_t)(day - 1) * 86400 + c->secs - off;
}

int32_t zone_rule_offset(const struct zone_rule *r, int64_t t)
{
	if (!r->has_dst)
		return r->std_off;
	time_t local = (time_t)(t + r->std_off);
	struct tm tm;
	gmtime_r(&local, &tm);
	int y = tm.tm_year + 1900;
	int64_t start = change_at(&r->start, y, r->std_off);
	int64_t end = change_at(&r->end, y, r->dst_off);
	bool summer = start < end ? t >= start && t < end : !(t >= end && t < start);
	return summer ? r->dst_off : r->std_off;
}
