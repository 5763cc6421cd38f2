#include "content/content_hours.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "content/zone.h"

static const char *const day_names[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};

static const struct content_field hours_fields[] = {
    {"monday", 0, NULL},   {"tuesday", 0, NULL},    {"wednesday", 0, NULL},
    {"thursday", 0, NULL}, {"friday", 0, NULL},     {"saturday", 0, NULL},
    {"sunday", 0, NULL},   {"exceptions", 0, NULL}, {NULL, 0, NULL},
};
static const struct content_shape hours_shape = {"\"opening_hours\"", "\"opening_hours\"",
                                                 hours_fields};

static const char example[] = "09:00-18:00, or closed (a lunch break: 09:00-13:00, 14:00-18:00)";

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* "HH:MM" at *s (one or two hour digits), moving *s past it; minutes from
 * midnight, -1 when not a time, -2 when out of 00:00..24:00. */
static int read_time(const char **s)
{
	const char *p = *s;
	int h = 0, m = 0, digits = 0;
	while (*p >= '0' && *p <= '9' && digits < 2)
		h = h * 10 + (*p++ - '0'), digits++;
	if (!digits || *p != ':' || !(p[1] >= '0' && p[1] <= '9') || !(p[2] >= '0' && p[2] <= '9'))
		return -1;
	m = (p[1] - '0') * 10 + (p[2] - '0');
	*s = p + 3;
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return -2;
	return h * 60 + m;
}

int content_hours_parse_day(const char *s, struct hours_day *out, char *msg, size_t size)
{
	*out = (struct hours_day){0};
	s = skip_spaces(s);
	if (strcmp(s, "closed") == 0)
		return 0;
	for (;;) {
		const char *start = s;
		int open = read_time(&s);
		s = skip_spaces(s);
		int close = -1;
		if (open >= 0 && (*s == '-' || strncmp(s, "\u2013", 3) == 0)) {
			s = skip_spaces(s + (*s == '-' ? 1 : 3));
			close = read_time(&s);
		}
		if (open == -2 || close == -2) {
			snprintf(msg, size,
			         _("\"%.40s\" has a time that is not on the clock: hours go "
			           "from 00:00 to 24:00"),
			         start);
			return -1;
		}
		if (open < 0 || close < 0) {
			snprintf(msg, size, _("\"%.40s\" is not opening hours: write them as %s"),
			         start, example);
			return -1;
		}
		if (close <= open) {
			snprintf(msg, size,
			         _("the hall cannot close at %02d:%02d before it opens at "
			           "%02d:%02d; to stay open past midnight, end the day at 24:00"),
			         close / 60, close % 60, open / 60, open % 60);
			return -1;
		}
		if (out->n && open < out->spans[out->n - 1].close_min) {
			snprintf(msg, size,
			         _("the times overlap or are out of order: list them through "
			           "the day, as in 09:00-13:00, 14:00-18:00"));
			return -1;
		}
		if (out->n == HOURS_MAX_SPANS) {
			snprintf(msg, size, _("more than %d opening times in one day"),
			         HOURS_MAX_SPANS);
			return -1;
		}
		out->spans[out->n].open_min = open;
		out->spans[out->n].close_min = close;
		out->n++;
		s = skip_spaces(s);
		if (!*s)
			return 0;
		if (*s != ',') {
			snprintf(msg, size, _("\"%.40s\" is not opening hours: write them as %s"),
			         start, example);
			return -1;
		}
		s = skip_spaces(s + 1);
	}
}

/* One day's value, as a located error when wrong; 1 when stored. */
static int read_day(struct content_fields_ctx *x, const struct yaml_doc_node *v, const char *what,
                    struct hours_day *out)
{
	char msg[256];
	if (v->kind != YAML_DOC_SCALAR) {
		content_fields_error(x, v, "%s must be one line such as %s, not %s", what, example,
		                     content_fields_kind(v));
		return 0;
	}
	if (content_hours_parse_day(v->str, out, msg, sizeof msg) != 0) {
		content_fields_error(x, v, "%s: %s", what, msg);
		return 0;
	}
	return 1;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* "YYYY-MM-DD" naming a real date. */
static int read_date(const char *s, int *y, int *m, int *d)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	char end;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", y, m, d, &end) != 3 || s[4] != '-' ||
	    s[7] != '-')
		return -1;
	if (*y < 2000 || *y > 2200 || *m < 1 || *m > 12 || *d < 1)
		return -1;
	int most = days[*m - 1] + (*m == 2 && leap(*y));
	return *d <= most ? 0 : -1;
}

static void read_exceptions(struct content_fields_ctx *x, const struct yaml_doc_node *v,
                            struct opening_hours *out)
{
	if (v->kind != YAML_DOC_MAPPING) {
		content_fields_error(x, v,
		                     "\"exceptions\" must be dates with their hours, such as "
		                     "2027-01-01: closed, not %s",
		                     content_fields_kind(v));
		return;
	}
	struct hours_exception *ex = arena_alloc(x->a, sizeof *ex * HOURS_MAX_EXCEPTIONS);
	if (!ex)
		return;
	for (size_t i = 0; i < v->n; i++) {
		const struct yaml_doc_node *k = v->pairs[i].key;
		struct hours_exception e;
		char what[64];
		if (k->kind != YAML_DOC_SCALAR || read_date(k->str, &e.year, &e.month, &e.day)) {
			content_fields_error(x, k,
			                     "\"%s\" is not a date: write dates as 2027-01-01 "
			                     "(year-month-day)",
			                     k->kind == YAML_DOC_SCALAR ? k->str : "this");
			continue;
		}
		snprintf(what, sizeof what, "the hours of %s", k->str);
		if (!read_day(x, v->pairs[i].value, what, &e.hours))
			continue;
		if (out->n_exceptions == HOURS_MAX_EXCEPTIONS) {
			content_fields_error(x, k, "more than %d exception dates; remove past ones",
			                     HOURS_MAX_EXCEPTIONS);
			break;
		}
		ex[out->n_exceptions++] = e;
	}
	out->exceptions = ex;
}

/* time_zone: the tzdata zone the hours are in, whatever the PC's zone. */
static void read_zone(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                      struct opening_hours *out)
{
	const struct yaml_doc_node *v = yaml_doc_get(root, "time_zone");
	if (!v)
		return;
	char msg[320];
	if (v->kind != YAML_DOC_SCALAR)
		content_fields_error(x, v,
		                     "\"time_zone\" must be one name such as Asia/Yekaterinburg, "
		                     "not %s",
		                     content_fields_kind(v));
	else if (!(out->zone = zone_load(x->a, v->str, msg, sizeof msg)))
		content_fields_error(x, v, "%s", msg);
}

void content_hours_read(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                        struct opening_hours *out)
{
	read_zone(x, root, out);
	const struct yaml_doc_node *v = yaml_doc_get(root, "opening_hours");
	if (!v || !content_fields_check(x, v, &hours_shape, "\"opening_hours\""))
		return;
	if (!yaml_doc_get(root, "time_zone"))
		content_fields_warning(x, v,
		                       "\"opening_hours\" without \"time_zone\": the hours follow "
		                       "this PC's clock zone, which may not be the hall's; add "
		                       "time_zone: Asia/Yekaterinburg (Perm)");
	out->set = true;
	for (int d = 0; d < 7; d++) {
		const struct yaml_doc_node *day = yaml_doc_get(v, day_names[d]);
		char what[32];
		snprintf(what, sizeof what, "\"%s\"", day_names[d]);
		if (day)
			read_day(x, day, what, &out->week[d]);
		else
			content_fields_warning(
			    x, v,
			    "\"opening_hours\" does not list %s: the screen stays "
			    "dark all %s (write \"%s: closed\" to say so)",
			    day_names[d], day_names[d], day_names[d]);
	}
	const struct yaml_doc_node *ex = yaml_doc_get(v, "exceptions");
	if (ex)
		read_exceptions(x, ex, out);
}
