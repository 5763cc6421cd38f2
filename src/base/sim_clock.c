#include "base/sim_clock.h"

#include <stdio.h>

struct sim_clock sim_clock_start(uint64_t real_ms, time_t real_wall, uint64_t speed,
                                 time_t start_wall)
{
	return (struct sim_clock){.speed = speed ? speed : 1,
	                          .real0 = real_ms,
	                          .wall0 = start_wall != (time_t)-1 ? start_wall : real_wall,
	                          .wall_given = start_wall != (time_t)-1};
}

uint64_t sim_clock_ms(const struct sim_clock *c, uint64_t real_ms)
{
	if (c->speed == 1)
		return real_ms;
	return c->real0 + (real_ms - c->real0) * c->speed;
}

uint64_t sim_clock_real_wait(const struct sim_clock *c, uint64_t real_ms, uint64_t ms)
{
	uint64_t now = sim_clock_ms(c, real_ms);
	if (ms <= now)
		return 0;
	return (ms - now + c->speed - 1) / c->speed;
}

time_t sim_clock_wall(const struct sim_clock *c, uint64_t real_ms, time_t real_wall)
{
	if (c->speed == 1 && !c->wall_given)
		return real_wall; /* it follows the system's clock, set by NTP */
	return c->wall0 + (time_t)((real_ms - c->real0) * c->speed / 1000);
}

time_t sim_clock_parse_local(const char *s)
{
	struct tm tm = {0};
	int n = 0, m = 0;
	char sep;
	if (sscanf(s, "%4d-%2d-%2d%c%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &sep,
	           &tm.tm_hour, &tm.tm_min, &n) != 6 ||
	    (sep != ' ' && sep != 'T'))
		return (time_t)-1;
	if (s[n] == ':' && sscanf(s + n, ":%2d%n", &tm.tm_sec, &m) == 1)
		n += m;
	if (s[n] != '\0' || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
	    tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 59)
		return (time_t)-1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	return mktime(&tm);
}
