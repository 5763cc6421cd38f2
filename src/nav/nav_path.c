/* The text form of a nav state ("city/duisburg/photos/2") and its JSON trace
 * line. Declared in nav.h. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "nav/nav.h"

/* A place split into the parts its text is made of: head id tail [/n]. */
struct place_parts {
	const char *head; /* "attract", "home" or "city/" */
	const char *id;   /* the city id, or NULL */
	const char *tail; /* "/photos/", "/history", "/gifts", "/gifts/", or NULL */
	int n;            /* the 1-based item, 0 for none */
};

static int place_parts(const struct hall *h, const struct nav_state *s, struct place_parts *p)
{
	static const char *const tails[] = {
	    [NAV_PHOTOS] = "/photos/",
	    [NAV_HISTORY] = "/history",
	    [NAV_GIFTS] = "/gifts",
	    [NAV_GIFT] = "/gifts/",
	};
	if (!h || !s || !nav_valid(h, s))
		return -1;
	*p = (struct place_parts){0};
	if (s->screen == NAV_ATTRACT || s->screen == NAV_HOME) {
		p->head = s->screen == NAV_ATTRACT ? "attract" : "home";
		return 0;
	}
	p->head = "city/";
	p->id = h->cities[s->city].id;
	p->tail = tails[s->screen];
	p->n = s->item == NAV_NONE ? 0 : s->item + 1;
	return 0;
}

/* Output into a caller's buffer that counts what it could not hold, as snprintf. */
struct out {
	char *buf;
	size_t size, len;
};

static void out_char(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void out_str(struct out *o, const char *str)
{
	for (; str && *str; str++)
		out_char(o, *str);
}

/* str as the inside of a JSON string: quote, backslash and controls escaped. */
static void out_json(struct out *o, const char *str)
{
	static const char hex[] = "0123456789abcdef";
	for (; str && *str; str++) {
		unsigned char c = (unsigned char)*str;
		if (c == '"' || c == '\\') {
			out_char(o, '\\');
			out_char(o, (char)c);
		} else if (c < 0x20 || c == 0x7f) {
			out_str(o, "\\u00");
			out_char(o, hex[c >> 4]);
			out_char(o, hex[c & 15]);
		} else {
			out_char(o, (char)c);
		}
	}
}

static void out_u64(struct out *o, uint64_t v)
{
	char digits[24];
	snprintf(digits, sizeof digits, "%" PRIu64, v);
	out_str(o, digits);
}

/* The place's text; put writes the city id (plain, or escaped for JSON). */
static void out_place(struct out *o, const struct place_parts *p,
                      void (*put)(struct out *, const char *))
{
	out_str(o, p->head);
	put(o, p->id);
	out_str(o, p->tail);
	if (p->n > 0)
		out_u64(o, (uint64_t)p->n);
}

/* Terminates the output; the return value of nav_format and friends. */
static int out_end(struct out *o)
{
	if (o->size > 0)
		o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
	return o->len > INT32_MAX ? -1 : (int)o->len;
}

static int out_fail(char *buf, size_t size)
{
	if (buf && size > 0)
		buf[0] = '\0';
	return -1;
}

int nav_format(const struct hall *h, const struct nav_state *s, char *buf, size_t size)
{
	struct place_parts p;
	if (place_parts(h, s, &p) != 0)
		return out_fail(buf, size);
	struct out o = {buf, buf ? size : 0, 0};
	out_place(&o, &p, out_str);
	return out_end(&o);
}

int nav_format_trace(const struct hall *h, const struct nav_state *s, uint64_t t_ms, char *buf,
                     size_t size)
{
	struct place_parts p;
	if (place_parts(h, s, &p) != 0)
		return out_fail(buf, size);
	struct out o = {buf, buf ? size : 0, 0};
	out_str(&o, "{\"t\":");
	out_u64(&o, t_ms);
	out_str(&o, ",\"state\":\"");
	out_place(&o, &p, out_json);
	out_str(&o, "\",\"lang\":\"");
	out_json(&o, h->langs[s->lang]);
	out_str(&o, "\"}");
	return out_end(&o);
}

/* Reads a 1-based item number that is the whole of text: plain decimal, no
 * sign or leading zero, 1..count. Stores the 0-based index. */
static int parse_item(const char *text, size_t count, int *item)
{
	size_t len = strlen(text);
	if (len == 0 || len > 9 || text[0] == '0' || strspn(text, "0123456789") != len)
		return -1;
	long n = 0;
	for (size_t i = 0; i < len; i++)
		n = n * 10 + (text[i] - '0');
	if ((size_t)n > count)
		return -1;
	*item = (int)n - 1;
	return 0;
}

/* The index of the city whose id is the first len bytes of text, or -1. */
static int find_city(const struct hall *h, const char *text, size_t len)
{
	for (size_t i = 0; i < h->n_cities && i < INT32_MAX; i++) {
		const char *id = h->cities[i].id;
		if (len > 0 && id && strlen(id) == len && memcmp(id, text, len) == 0)
			return (int)i;
	}
	return -1;
}

/* The place after "city/<id>/" in rest, for city c; -1 on anything else. */
static int parse_section(const struct city *c, const char *rest, struct nav_state *to)
{
	if (strcmp(rest, "history") == 0 && c->n_history > 0) {
		to->screen = NAV_HISTORY;
		return 0;
	}
	if (strcmp(rest, "gifts") == 0 && c->n_gifts > 0) {
		to->screen = NAV_GIFTS;
		return 0;
	}
	if (strncmp(rest, "photos/", 7) == 0) {
		to->screen = NAV_PHOTOS;
		return parse_item(rest + 7, c->n_photos, &to->item);
	}
	if (strncmp(rest, "gifts/", 6) == 0) {
		to->screen = NAV_GIFT;
		return parse_item(rest + 6, c->n_gifts, &to->item);
	}
	return -1;
}

/* The place named by "city/..." text; -1 when it names none. */
static int parse_city(const struct hall *h, const char *text, struct nav_state *to)
{
	const char *rest = text + strlen("city/");
	size_t len = strcspn(rest, "/");
	int city = find_city(h, rest, len);
	if (city < 0)
		return -1;
	if (rest[len] == '\0') {
		struct nav_state home = *to;
		home.screen = NAV_HOME;
		home.city = home.item = NAV_NONE;
		struct nav_event ev = {NAV_EV_OPEN_CITY, city};
		*to = nav_step(h, home, ev, to->last_input_ms);
		return to->screen == NAV_HOME ? -1 : 0;
	}
	to->city = city;
	return parse_section(&h->cities[city], rest + len + 1, to);
}

int nav_parse(const struct hall *h, const char *text, struct nav_state *s)
{
	if (!h || !text || !s)
		return -1;
	struct nav_state to = *s;
	to.city = to.item = NAV_NONE;
	if (strcmp(text, "attract") == 0)
		to.screen = NAV_ATTRACT;
	else if (strcmp(text, "home") == 0)
		to.screen = NAV_HOME;
	else if (strncmp(text, "city/", 5) != 0 || parse_city(h, text, &to) != 0)
		return -1;
	to.lang = s->lang;
	to.last_input_ms = s->last_input_ms;
	to.since_ms = s->since_ms;
	to.from = to.screen;
	to.from_item = to.item;
	*s = to;
	return 0;
}
