#include "content/zone.h"

#include "base/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content/zone_rule.h"

/* TZif files are a few KB; the format allows no more than this many types. */
enum { ZONE_FILE_MAX = 256 * 1024, ZONE_TYPES_MAX = 256, ZONE_NAME_MAX = 64 };

struct zone {
	const char *name;
	size_t n;             /* transitions */
	const int64_t *times; /* UTC moments, ascending */
	const int32_t *offs;  /* the offset from times[i] on */
	int32_t first_off;    /* before the first transition */
	bool has_rule;        /* after the last transition: rule, else offs[n-1] */
	struct zone_rule rule;
};

/* A tzdata name: letters, digits, _ + - in parts separated by /, none of
 * them . or .. (so it stays inside the zoneinfo folder). */
static bool valid_name(const char *s)
{
	size_t len = strlen(s);
	if (len == 0 || len > ZONE_NAME_MAX || s[0] == '/' || s[len - 1] == '/')
		return false;
	if (strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-/") != len)
		return false;
	return strstr(s, "//") == NULL;
}

/* The whole file at path into a malloc'd buffer; NULL when it cannot be read. */
static unsigned char *read_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	unsigned char *buf = malloc(ZONE_FILE_MAX);
	size_t n = 0;
	ssize_t r = 0;
	while (buf && n < ZONE_FILE_MAX &&
	       ((r = read(fd, buf + n, ZONE_FILE_MAX - n)) > 0 || (r < 0 && errno == EINTR)))
		n += r > 0 ? (size_t)r : 0;
	close(fd);
	if (!buf || r < 0 || n == ZONE_FILE_MAX) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

static int64_t be(const unsigned char *p, int bytes)
{
	uint64_t v = 0;
	for (int i = 0; i < bytes; i++)
		v = v << 8 | p[i];
	if (bytes == 4)
		return (int32_t)(uint32_t)v;
	return (int64_t)v;
}

/* The six counts of the header at p: isut, isstd, leap, time, type, char. */
struct tzif_counts {
	int64_t isut, isstd, leap, time, type, chars;
};

static struct tzif_counts counts(const unsigned char *p)
{
	return (struct tzif_counts){be(p + 20, 4), be(p + 24, 4), be(p + 28, 4),
	                            be(p + 32, 4), be(p + 36, 4), be(p + 40, 4)};
}

/* Bytes of the data block after a header with counts c, times of tb bytes. */
static size_t block_size(const struct tzif_counts *c, int tb)
{
	return (size_t)(c->time * tb + c->time + c->type * 6 + c->chars + c->leap * (tb + 4) +
	                c->isstd + c->isut);
}

static bool counts_ok(const struct tzif_counts *c)
{
	return c->isut >= 0 && c->isstd >= 0 && c->leap >= 0 && c->leap < 10000 && c->time >= 0 &&
	       c->time < 100000 && c->type >= 1 && c->type <= ZONE_TYPES_MAX && c->chars >= 0 &&
	       c->chars < 10000;
}

/* Fills z from the data block at p (times of tb bytes); 0, or -1 when the
 * block is malformed. */
static int fill(struct zone *z, struct arena *a, const unsigned char *p,
                const struct tzif_counts *c, int tb)
{
	const unsigned char *idx = p + c->time * tb, *types = idx + c->time;
	int64_t *times = arena_alloc(a, sizeof *times * (size_t)(c->time + 1));
	int32_t *offs = arena_alloc(a, sizeof *offs * (size_t)(c->time + 1));
	if (!times || !offs)
		return -1;
	for (int64_t i = 0; i < c->time; i++) {
		if (idx[i] >= c->type || (i && be(p + i * tb, tb) <= times[i - 1]))
			return -1;
		times[i] = be(p + i * tb, tb);
		offs[i] = (int32_t)be(types + idx[i] * 6, 4);
	}
	/* Before the first transition: the first standard-time type. */
	z->first_off = (int32_t)be(types, 4);
	for (int64_t k = 0; k < c->type; k++)
		if (!types[k * 6 + 4]) {
			z->first_off = (int32_t)be(types + k * 6, 4);
			break;
		}
	z->n = (size_t)c->time;
	z->times = times;
	z->offs = offs;
	return 0;
}

/* Parses a TZif file (version 1, or 2 and later with its 64-bit block and
 * its footer rule) into z; 0, or -1 when it is not one. */
static int parse(struct zone *z, struct arena *a, const unsigned char *b, size_t len)
{
	if (len < 44 || memcmp(b, "TZif", 4) != 0)
		return -1;
	struct tzif_counts c = counts(b);
	if (!counts_ok(&c) || 44 + block_size(&c, 4) > len)
		return -1;
	if (b[4] < '2')
		return fill(z, a, b + 44, &c, 4);
	const unsigned char *h2 = b + 44 + block_size(&c, 4);
	if ((size_t)(h2 - b) + 44 > len || memcmp(h2, "TZif", 4) != 0)
		return -1;
	c = counts(h2);
	size_t end = (size_t)(h2 - b) + 44 + block_size(&c, 8);
	if (!counts_ok(&c) || end > len || fill(z, a, h2 + 44, &c, 8))
		return -1;
	/* The footer: "\n" POSIX-TZ "\n"; empty when the zone has no rule. */
	char footer[128];
	const unsigned char *nl =
	    end + 1 < len && b[end] == '\n' ? memchr(b + end + 1, '\n', len - end - 1) : NULL;
	size_t flen = nl ? (size_t)(nl - (b + end + 1)) : 0;
	if (flen > 0 && flen < sizeof footer) {
		memcpy(footer, b + end + 1, flen);
		footer[flen] = '\0';
		z->has_rule = zone_rule_parse(footer, &z->rule) == 0;
	}
	return 0;
}

const struct zone *zone_load(struct arena *a, const char *name, char *msg, size_t size)
{
	static const char example[] = N_("a tzdata name such as Asia/Yekaterinburg (Perm) or "
	                                 "Europe/Moscow");
	if (!valid_name(name)) {
		snprintf(msg, size, _("\"%.70s\" is not a time zone name: write %s"), name,
		         _(example));
		return NULL;
	}
	const char *dir = getenv("TZDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir && dir[0] ? dir : "/usr/share/zoneinfo", name);
	size_t len = 0;
	unsigned char *b = read_file(path, &len);
	struct zone *z = arena_alloc(a, sizeof *z);
	if (!b || !z || parse(z, a, b, len) != 0) {
		snprintf(msg, size,
		         _("\"%s\" is not a time zone this PC knows (none in %s): write %s; "
		           "timedatectl list-timezones lists them"),
		         name, dir && dir[0] ? dir : "/usr/share/zoneinfo", _(example));
		free(b);
		return NULL;
	}
	free(b);
	z->name = arena_strdup(a, name);
	return z->name ? z : NULL;
}

const char *zone_name(const struct zone *z)
{
	return z && z->name ? z->name : "";
}

long zone_offset(const struct zone *z, time_t t)
{
	if (!z) {
		struct tm tm;
		localtime_r(&t, &tm);
		return tm.tm_gmtoff;
	}
	if (z->n == 0 || t < z->times[0])
		return z->n == 0 && z->has_rule ? zone_rule_offset(&z->rule, t) : z->first_off;
	if (t >= z->times[z->n - 1])
		return z->has_rule ? zone_rule_offset(&z->rule, t) : z->offs[z->n - 1];
	size_t lo = 0, hi = z->n - 1; /* times[lo] <= t < times[hi] */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (z->times[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return z->offs[lo];
}

void zone_local(const struct zone *z, time_t t, struct tm *out)
{
	if (!z) {
		localtime_r(&t, out);
		return;
	}
	long off = zone_offset(z, t);
	time_t local = t + off;
	gmtime_r(&local, out);
	out->tm_isdst = 0;
	out->tm_gmtoff = off;
	out->tm_zone = "";
}

time_t zone_mktime(const struct zone *z, struct tm *tm)
{
	if (!z)
		return mktime(tm);
	struct tm copy = *tm;
	time_t local = timegm(&copy); /* the local time's fields, normalised, as seconds */
	time_t t = local - zone_offset(z, local - zone_offset(z, local));
	zone_local(z, t, tm);
	return t;
}
