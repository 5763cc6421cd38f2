/* Time zones read from tzdata's files: the local time and its inverse
 * agree with the C library's for zones with and without summer time, in
 * both hemispheres, with odd offsets and changed rules, from 1990 to 2060;
 * the rule after a file's last transition is the one glibc follows; names
 * that are not zones are refused. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "content/zone.h"
#include "content/zone_rule.h"
#include "test.h"

static int failures_;

static const char *const zones[] = {
    "Asia/Yekaterinburg", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
    "America/Sao_Paulo",  "Europe/Moscow", "Pacific/Chatham",  "Europe/Dublin",    "UTC",
};

static void use_tz(const char *name)
{
	setenv("TZ", name, 1);
	tzset();
}

static bool same_fields(const struct tm *a, const struct tm *b)
{
	return a->tm_year == b->tm_year && a->tm_mon == b->tm_mon && a->tm_mday == b->tm_mday &&
	       a->tm_hour == b->tm_hour && a->tm_min == b->tm_min && a->tm_sec == b->tm_sec &&
	       a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday;
}

/* Every 7 h 17 min from 1990 to 2060: the same local time as glibc's. */
static void test_local_matches_libc(void)
{
	struct arena *a = arena_new();
	char msg[320];
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
		const struct zone *z = zone_load(a, zones[i], msg, sizeof msg);
		CHECK(z != NULL);
		if (!z)
			continue;
		use_tz(zones[i]);
		int bad = 0;
		for (time_t t = 631152000; t < 2871763200 && bad < 3; t += 7 * 3600 + 17 * 60) {
			struct tm ours, libc;
			zone_local(z, t, &ours);
			localtime_r(&t, &libc);
			if (!same_fields(&ours, &libc) || zone_offset(z, t) != libc.tm_gmtoff) {
				printf("  %s at %lld: %02d:%02d, libc %02d:%02d\n", zones[i],
				       (long long)t, ours.tm_hour, ours.tm_min, libc.tm_hour,
				       libc.tm_min);
				bad++;
			}
		}
		CHECK_INT(bad, 0);
	}
	arena_free(a);
}

/* Noon of every 5th day, and the 32nd of a month: the same moment as
 * mktime's, with the fields normalised the same way. */
static void test_mktime_matches_libc(void)
{
	struct arena *a = arena_new();
	char msg[320];
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
		const struct zone *z = zone_load(a, zones[i], msg, sizeof msg);
		if (!z)
			continue;
		use_tz(zones[i]);
		int bad = 0;
		for (int day = 0; day < 366 * 40 && bad < 3; day += 5) {
			struct tm base = {.tm_year = 95,
			                  .tm_mon = 0,
			                  .tm_mday = 1 + day,
			                  .tm_hour = 12,
			                  .tm_isdst = -1};
			struct tm ours = base, libc = base;
			time_t t1 = zone_mktime(z, &ours), t2 = mktime(&libc);
			if (t1 != t2 || !same_fields(&ours, &libc))
				bad++;
		}
		CHECK_INT(bad, 0);
	}
	arena_free(a);
}

/* Past the last transition of the file, the footer rule decides: summer
 * time in 2100 as glibc reckons it. */
static void test_rule(void)
{
	struct zone_rule r;
	CHECK_INT(zone_rule_parse("CET-1CEST,M3.5.0,M10.5.0/3", &r), 0);
	CHECK_INT(r.std_off, 3600);
	CHECK_INT(r.dst_off, 7200);
	CHECK_INT(zone_rule_parse("<+05>-5", &r), 0);
	CHECK_INT(r.std_off, 5 * 3600);
	CHECK(!r.has_dst);
	CHECK_INT(zone_rule_parse("<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45", &r), 0);
	CHECK_INT(r.dst_off, 13 * 3600 + 45 * 60);
	CHECK(zone_rule_parse("CET-1CEST,J60,J300", &r) != 0);
	CHECK(zone_rule_parse("", &r) != 0);

	const char *rules[][2] = {{"Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"},
	                          {"Australia/Sydney", "AEST-10AEDT,M10.1.0,M4.1.0/3"},
	                          {"America/New_York", "EST5EDT,M3.2.0,M11.1.0"}};
	for (size_t i = 0; i < 3; i++) {
		CHECK_INT(zone_rule_parse(rules[i][1], &r), 0);
		use_tz(rules[i][0]);
		int bad = 0;
		for (time_t t = 4102444800; t < 4417977600; t += 3 * 3600 + 7 * 60) {
			struct tm libc;
			localtime_r(&t, &libc);
			bad += zone_rule_offset(&r, t) != libc.tm_gmtoff;
		}
		CHECK_INT(bad, 0);
	}
}

static void test_names(void)
{
	struct arena *a = arena_new();
	char msg[320] = "";
	const struct zone *z = zone_load(a, "Asia/Yekaterinburg", msg, sizeof msg);
	CHECK_STR(zone_name(z), "Asia/Yekaterinburg");
	CHECK_STR(zone_name(NULL), "");
	CHECK(zone_load(a, "Asia/Ekaterinburg", msg, sizeof msg) == NULL);
	CHECK(strstr(msg, "\"Asia/Ekaterinburg\" is not a time zone this PC knows") != NULL);
	CHECK(strstr(msg, "Asia/Yekaterinburg") != NULL);
	const char *bad[] = {"../../etc/passwd", "/etc/localtime", "Asia//Tokyo", "", "Asia/",
	                     "Europe/Moscow; rm"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		msg[0] = '\0';
		CHECK(zone_load(a, bad[i], msg, sizeof msg) == NULL);
		CHECK(msg[0] != '\0');
	}
	/* A file that is there but not a zone (tzdata's own list). */
	CHECK(zone_load(a, "zone1970.tab", msg, sizeof msg) == NULL);
	arena_free(a);
}

int main(void)
{
	RUN(test_local_matches_libc);
	RUN(test_mktime_matches_libc);
	RUN(test_rule);
	RUN(test_names);
	return failures_ != 0;
}
