/* Opening hours in Perm's local time (Asia/Yekaterinburg, UTC+5): a day's
 * hours as staff write them, whether the hall is open at a moment (lunch
 * breaks, midnight, exception dates), and when that next changes; and the
 * same hours kept in the hall's zone on a PC whose zone is another. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "content/zone.h"

#include "content/content_hours.h"
#include "content/hours.h"
#include "app/opening.h"
#include "test.h"

static int failures_;

/* A local time in Perm. */
static time_t at(int y, int mo, int d, int h, int mi)
{
	struct tm tm = {.tm_year = y - 1900,
	                .tm_mon = mo - 1,
	                .tm_mday = d,
	                .tm_hour = h,
	                .tm_min = mi,
	                .tm_isdst = -1};
	return mktime(&tm);
}

static struct hours_day day(const char *s)
{
	struct hours_day d;
	char msg[256];
	CHECK_INT(content_hours_parse_day(s, &d, msg, sizeof msg), 0);
	return d;
}

/* Mon-Thu 09:00-13:00 and 14:00-18:00, Fri 09:00-16:45, weekend closed;
 * 2026-12-31 (a Thursday) closed, 2027-01-09 (a Saturday) 10:00-16:00. */
static struct opening_hours office(void)
{
	static struct hours_exception ex[2];
	struct opening_hours h = {.set = true};
	for (int i = 0; i < 4; i++)
		h.week[i] = day("09:00-13:00, 14:00-18:00");
	h.week[4] = day("09:00-16:45");
	h.week[5] = h.week[6] = day("closed");
	ex[0] = (struct hours_exception){2026, 12, 31, day("closed")};
	ex[1] = (struct hours_exception){2027, 1, 9, day("10:00-16:00")};
	h.exceptions = ex;
	h.n_exceptions = 2;
	return h;
}

static void test_parse_day(void)
{
	struct hours_day d = day(" 9:00 - 13:00,14:00-18:00 ");
	CHECK_INT(d.n, 2);
	CHECK_INT(d.spans[0].open_min, 540);
	CHECK_INT(d.spans[1].close_min, 1080);
	CHECK_INT(day("closed").n, 0);
	CHECK_INT(day("00:00-24:00").spans[0].close_min, 1440);
	CHECK_INT(day("09:00\u201318:00").n, 1); /* an en dash, as word processors write */
	const char *bad[] = {"9-18",
	                     "18:00-09:00",
	                     "09:00-14:00, 13:00-18:00",
	                     "24:30-25:00",
	                     "09:00-18:00,",
	                     "09:00-18:00 daily",
	                     "",
	                     "open",
	                     "09:60-10:00"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct hours_day out;
		char msg[256] = "";
		CHECK_INT(content_hours_parse_day(bad[i], &out, msg, sizeof msg), -1);
		CHECK(msg[0] != '\0');
	}
}

static void test_open_at(void)
{
	struct opening_hours h = office();
	/* 2026-11-23 is a Monday. */
	CHECK(!hours_open_at(&h, at(2026, 11, 23, 8, 59)));
	CHECK(hours_open_at(&h, at(2026, 11, 23, 9, 0)));
	CHECK(hours_open_at(&h, at(2026, 11, 23, 12, 59)));
	CHECK(!hours_open_at(&h, at(2026, 11, 23, 13, 0))); /* lunch */
	CHECK(hours_open_at(&h, at(2026, 11, 23, 14, 0)));
	CHECK(!hours_open_at(&h, at(2026, 11, 23, 18, 0)));
	CHECK(hours_open_at(&h, at(2026, 11, 27, 16, 44))); /* Friday */
	CHECK(!hours_open_at(&h, at(2026, 11, 27, 16, 45)));
	CHECK(!hours_open_at(&h, at(2026, 11, 28, 12, 0))); /* Saturday */
	CHECK(!hours_open_at(&h, at(2026, 12, 31, 10, 0))); /* a closed Thursday */
	CHECK(hours_open_at(&h, at(2026, 12, 30, 10, 0)));
	CHECK(hours_open_at(&h, at(2027, 1, 9, 15, 0))); /* an open Saturday */
	CHECK(!hours_open_at(&h, at(2027, 1, 9, 16, 0)));
	struct opening_hours always = {0};
	CHECK(hours_open_at(&always, at(2026, 11, 28, 3, 0)));
}

static void test_next_change(void)
{
	struct opening_hours h = office();
	CHECK_INT(hours_next_change(&h, at(2026, 11, 23, 8, 0)), at(2026, 11, 23, 9, 0));
	CHECK_INT(hours_next_change(&h, at(2026, 11, 23, 9, 0)), at(2026, 11, 23, 13, 0));
	CHECK_INT(hours_next_change(&h, at(2026, 11, 23, 13, 30)), at(2026, 11, 23, 14, 0));
	CHECK_INT(hours_next_change(&h, at(2026, 11, 23, 18, 30)), at(2026, 11, 24, 9, 0));
	/* Friday evening: closed over the weekend until Monday. */
	CHECK_INT(hours_next_change(&h, at(2026, 11, 27, 17, 0)), at(2026, 11, 30, 9, 0));
	/* Over the closed 31st and the weekend to the open Saturday. */
	CHECK_INT(hours_next_change(&h, at(2026, 12, 30, 18, 0)), at(2027, 1, 1, 9, 0));
	CHECK_INT(hours_next_change(&h, at(2027, 1, 8, 17, 0)), at(2027, 1, 9, 10, 0));

	/* Open past midnight into a day that opens at 00:00: one span, not a
	 * change at midnight. */
	struct opening_hours late = {.set = true};
	for (int i = 0; i < 7; i++)
		late.week[i] = day("08:00-24:00");
	late.week[1] = day("00:00-02:00, 08:00-24:00");
	CHECK_INT(hours_next_change(&late, at(2026, 11, 23, 20, 0)), at(2026, 11, 24, 2, 0));

	struct opening_hours open = {.set = true}, shut = {.set = true};
	for (int i = 0; i < 7; i++)
		open.week[i] = day("00:00-24:00");
	CHECK_INT(hours_next_change(&open, at(2026, 11, 23, 20, 0)), (time_t)-1);
	CHECK_INT(hours_next_change(&shut, at(2026, 11, 23, 20, 0)), (time_t)-1);
	struct opening_hours unset = {0};
	CHECK_INT(hours_next_change(&unset, at(2026, 11, 23, 20, 0)), (time_t)-1);
}

/* The loop's state: dark and back at the right moments, nothing between,
 * a clock set back or new content looked at again. */
static void test_opening_state(void)
{
	struct opening_hours h = office();
	struct opening o = {0};
	time_t t = at(2026, 11, 23, 12, 58);
	CHECK_INT(opening_update(&o, &h, t), OPENING_SAME); /* open, as at start */
	CHECK(!o.closed);
	CHECK_INT(opening_seconds_left(&o, t), 120);
	CHECK_INT(opening_update(&o, &h, t + 60), OPENING_SAME);
	CHECK_INT(opening_update(&o, &h, t + 120), OPENING_CLOSES);
	CHECK(o.closed);
	CHECK_INT(opening_update(&o, &h, t + 180), OPENING_SAME);
	CHECK_INT(opening_update(&o, &h, at(2026, 11, 23, 14, 0)), OPENING_OPENS);
	/* The clock set back into the lunch break (NTP, or staff). */
	CHECK_INT(opening_update(&o, &h, at(2026, 11, 23, 13, 30)), OPENING_CLOSES);
	/* New content without hours: open at once. */
	opening_forget(&o);
	CHECK_INT(opening_update(&o, NULL, at(2026, 11, 23, 13, 31)), OPENING_OPENS);
	CHECK_INT(opening_seconds_left(&o, at(2026, 11, 23, 13, 31)), -1);
	/* Starting while closed says so. */
	struct opening night = {0};
	CHECK_INT(opening_update(&night, &h, at(2026, 11, 28, 3, 0)), OPENING_CLOSES);
}

/* A UTC moment. */
static time_t utc(int y, int mo, int d, int h, int mi)
{
	struct tm tm = {
	    .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi};
	return timegm(&tm);
}

/* The hall's hours in Perm (time_zone: Asia/Yekaterinburg) on a PC in New
 * York, whose clocks go back on 2026-11-01: Perm's 09:00 is 04:00 UTC
 * whatever the PC's zone, and the journal's times are Perm's. */
static void test_hall_zone(void)
{
	struct arena *a = arena_new();
	char msg[320], buf[64];
	struct opening_hours h = office();
	h.zone = zone_load(a, "Asia/Yekaterinburg", msg, sizeof msg);
	CHECK(h.zone != NULL);
	setenv("TZ", "America/New_York", 1);
	tzset();
	CHECK(!hours_open_at(&h, utc(2026, 11, 23, 3, 59))); /* Mon 08:59 in Perm */
	CHECK(hours_open_at(&h, utc(2026, 11, 23, 4, 0)));
	CHECK(!hours_open_at(&h, utc(2026, 11, 23, 8, 0)));  /* 13:00: lunch */
	CHECK(!hours_open_at(&h, utc(2026, 11, 27, 20, 0))); /* Sat 01:00 in Perm, Fri in NY */
	CHECK_INT(hours_next_change(&h, utc(2026, 11, 23, 3, 0)), utc(2026, 11, 23, 4, 0));
	CHECK_INT(hours_next_change(&h, utc(2026, 11, 27, 12, 0)), utc(2026, 11, 30, 4, 0));
	/* Over New York's change of clocks, Perm's hours do not move. */
	CHECK_INT(hours_next_change(&h, utc(2026, 10, 30, 13, 0)), utc(2026, 11, 2, 4, 0));
	CHECK_STR(hours_format(&h, utc(2026, 11, 23, 8, 3), buf, sizeof buf),
	          "Mon 2026-11-23 13:03");
	/* Without time_zone, the PC's zone: 09:00 in New York. */
	h.zone = NULL;
	CHECK(!hours_open_at(&h, utc(2026, 11, 23, 4, 0)));
	CHECK(hours_open_at(&h, utc(2026, 11, 23, 14, 0)));
	setenv("TZ", "Asia/Yekaterinburg", 1);
	tzset();
	arena_free(a);
}

int main(void)
{
	setenv("TZ", "Asia/Yekaterinburg", 1);
	tzset();
	RUN(test_parse_day);
	RUN(test_open_at);
	RUN(test_next_change);
	RUN(test_opening_state);
	RUN(test_hall_zone);
	return failures_ != 0;
}
