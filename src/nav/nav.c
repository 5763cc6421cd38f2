#include "nav/nav.h"

#include <assert.h>

static bool is_city_screen(enum nav_screen sc)
{
	return sc == NAV_PHOTOS || sc == NAV_HISTORY || sc == NAV_GIFTS || sc == NAV_GIFT;
}

/* How many items the section shown on screen sc has: an empty one does not exist. */
static size_t section_count(const struct city *c, enum nav_screen sc)
{
	switch (sc) {
	case NAV_PHOTOS:
		return c->n_photos;
	case NAV_HISTORY:
		return c->n_history;
	case NAV_GIFTS:
	case NAV_GIFT:
		return c->n_gifts;
	default:
		return 0;
	}
}

static bool has_item(enum nav_screen sc)
{
	return sc == NAV_PHOTOS || sc == NAV_GIFT;
}

static bool in_range(int i, size_t n)
{
	return i >= 0 && (size_t)i < n;
}

/* A hall always has its default language, even one built by hand without n_langs. */
static size_t lang_count(const struct hall *h)
{
	return h->n_langs < 1 ? 1 : (size_t)h->n_langs;
}

struct nav_state nav_begin(uint64_t now_ms)
{
	return (struct nav_state){.screen = NAV_ATTRACT,
	                          .city = NAV_NONE,
	                          .item = NAV_NONE,
	                          .lang = 0,
	                          .reach = NAV_REACH_AUTO,
	                          .text = NAV_TEXT_NORMAL,
	                          .last_input_ms = now_ms,
	                          .since_ms = now_ms,
	                          .from = NAV_ATTRACT,
	                          .from_item = NAV_NONE};
}

bool nav_valid(const struct hall *h, const struct nav_state *s)
{
	if (!in_range(s->lang, lang_count(h)))
		return false;
	if (s->screen == NAV_ATTRACT || s->screen == NAV_HOME)
		return s->city == NAV_NONE && s->item == NAV_NONE;
	if (!is_city_screen(s->screen) || !in_range(s->city, h->n_cities))
		return false;
	size_t n = section_count(&h->cities[s->city], s->screen);
	if (n == 0)
		return false;
	return has_item(s->screen) ? in_range(s->item, n) : s->item == NAV_NONE;
}

struct nav_state nav_repair(const struct hall *h, struct nav_state s)
{
	if (!in_range(s.lang, lang_count(h)))
		s.lang = 0;
	size_t n = 0;
	if (is_city_screen(s.screen) && in_range(s.city, h->n_cities))
		n = section_count(&h->cities[s.city], s.screen);
	if (n == 0) {
		if (s.screen != NAV_ATTRACT)
			s.screen = NAV_HOME;
		s.city = NAV_NONE;
		s.item = NAV_NONE;
	} else if (!has_item(s.screen)) {
		s.item = NAV_NONE;
	} else if (!in_range(s.item, n)) {
		s.item = s.item < 0 ? 0 : (int)n - 1;
	}
	return s;
}

bool nav_same(const struct nav_state *a, const struct nav_state *b)
{
	if (a->screen != b->screen || a->lang != b->lang)
		return false;
	if (is_city_screen(a->screen) && a->city != b->city)
		return false;
	return !has_item(a->screen) || a->item == b->item;
}

uint64_t nav_deadline(const struct hall *h, const struct nav_state *s)
{
	if (s->screen == NAV_ATTRACT)
		return UINT64_MAX;
	if (h->idle_timeout_ms > UINT64_MAX - s->last_input_ms)
		return UINT64_MAX;
	return s->last_input_ms + h->idle_timeout_ms;
}

static uint64_t warn_length(const struct hall *h)
{
	uint64_t third = h->idle_timeout_ms / 3;
	return third < NAV_WARN_MS ? third : NAV_WARN_MS;
}

int nav_idle_warning(const struct hall *h, const struct nav_state *s, uint64_t now_ms)
{
	uint64_t d = nav_deadline(h, s);
	if (d == UINT64_MAX || now_ms >= d || d - now_ms > warn_length(h))
		return 0;
	return (int)((d - now_ms + 999) / 1000);
}

uint64_t nav_idle_warning_next(const struct hall *h, const struct nav_state *s, uint64_t now_ms)
{
	uint64_t d = nav_deadline(h, s), w = warn_length(h);
	if (d == UINT64_MAX || now_ms >= d)
		return d;
	if (d - now_ms > w)
		return d - w;
	uint64_t secs =
	    (d - now_ms + 999) / 1000; /* shown now; the next shows at (secs-1) s left */
	return d - (secs - 1) * 1000;
}

static int depth(enum nav_screen sc)
{
	return sc == NAV_HOME ? 1 : sc == NAV_GIFT ? 3 : is_city_screen(sc) ? 2 : 0;
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

int nav_direction(const struct nav_state *s)
{
	if (s->screen == NAV_ATTRACT || s->from == NAV_ATTRACT)
		return 0;
	if (s->screen == s->from && has_item(s->screen))
		return sign(s->item - s->from_item);
	return sign(depth(s->screen) - depth(s->from));
}

/* s moved to a place; a move to where it already is changes nothing, so
 * since_ms and from keep describing the last real change. */
static struct nav_state go(struct nav_state s, enum nav_screen sc, int city, int item,
                           uint64_t now_ms)
{
	struct nav_state to = s;
	to.screen = sc;
	to.city = city;
	to.item = item;
	if (nav_same(&s, &to))
		return s;
	to.from = s.screen;
	to.from_item = s.item;
	to.since_ms = now_ms;
	return to;
}

/* A city opens on its photos, else its history, else its gifts. */
static struct nav_state open_city(const struct hall *h, struct nav_state s, int city,
                                  uint64_t now_ms)
{
	if (!in_range(city, h->n_cities))
		return s;
	const struct city *c = &h->cities[city];
	if (c->n_photos)
		return go(s, NAV_PHOTOS, city, 0, now_ms);
	if (c->n_history)
		return go(s, NAV_HISTORY, city, NAV_NONE, now_ms);
	if (c->n_gifts)
		return go(s, NAV_GIFTS, city, NAV_NONE, now_ms);
	return s;
}

/* Section sc of the current city, at item (NAV_NONE for a whole section). */
static struct nav_state open_in_city(const struct hall *h, struct nav_state s, enum nav_screen sc,
                                     int item, uint64_t now_ms)
{
	if (!is_city_screen(s.screen))
		return s;
	size_t n = section_count(&h->cities[s.city], sc);
	if (n == 0 || (has_item(sc) ? !in_range(item, n) : item != NAV_NONE))
		return s;
	return go(s, sc, s.city, item, now_ms);
}

static struct nav_state open_section(const struct hall *h, struct nav_state s, int arg,
                                     uint64_t now_ms)
{
	if (arg == NAV_PHOTOS)
		return open_in_city(h, s, NAV_PHOTOS, 0, now_ms);
	if (arg == NAV_HISTORY || arg == NAV_GIFTS)
		return open_in_city(h, s, (enum nav_screen)arg, NAV_NONE, now_ms);
	return s;
}

static struct nav_state swipe(const struct hall *h, struct nav_state s, int d, uint64_t now_ms)
{
	if (!has_item(s.screen))
		return s;
	return open_in_city(h, s, s.screen, s.item + d, now_ms);
}

static struct nav_state back(struct nav_state s, uint64_t now_ms)
{
	if (s.screen == NAV_GIFT)
		return go(s, NAV_GIFTS, s.city, NAV_NONE, now_ms);
	return go(s, NAV_HOME, NAV_NONE, NAV_NONE, now_ms);
}

static struct nav_state set_lang(const struct hall *h, struct nav_state s, int lang)
{
	if (in_range(lang, lang_count(h)))
		s.lang = lang;
	return s;
}

bool nav_reach_on(const struct nav_state *s, bool portrait)
{
	return s->reach == NAV_REACH_AUTO ? portrait : s->reach == NAV_REACH_ON;
}

static struct nav_state idle(const struct hall *h, struct nav_state s, uint64_t now_ms)
{
	if (s.screen == NAV_ATTRACT || now_ms < nav_deadline(h, &s))
		return s;
	s = go(s, NAV_ATTRACT, NAV_NONE, NAV_NONE, now_ms);
	s.lang = 0;
	s.reach = NAV_REACH_AUTO;
	s.text = NAV_TEXT_NORMAL; /* the next visitor starts as designed */
	return s;
}

/* An event on an awake screen (not ATTRACT), with the timer already reset. */
static struct nav_state awake_step(const struct hall *h, struct nav_state s, struct nav_event ev,
                                   uint64_t now_ms)
{
	switch (ev.kind) {
	case NAV_EV_OPEN_CITY:
		return open_city(h, s, ev.arg, now_ms);
	case NAV_EV_OPEN_SECTION:
		return open_section(h, s, ev.arg, now_ms);
	case NAV_EV_OPEN_PHOTO:
		return open_in_city(h, s, NAV_PHOTOS, ev.arg, now_ms);
	case NAV_EV_OPEN_GIFT:
		return open_in_city(h, s, NAV_GIFT, ev.arg, now_ms);
	case NAV_EV_NEXT:
		return swipe(h, s, +1, now_ms);
	case NAV_EV_PREV:
		return swipe(h, s, -1, now_ms);
	case NAV_EV_BACK:
		return back(s, now_ms);
	case NAV_EV_HOME:
		return go(s, NAV_HOME, NAV_NONE, NAV_NONE, now_ms);
	case NAV_EV_SET_LANG:
		return set_lang(h, s, ev.arg);
	case NAV_EV_SET_REACH:
		if (ev.arg == 0 || ev.arg == 1)
			s.reach = ev.arg ? NAV_REACH_ON : NAV_REACH_OFF;
		return s;
	case NAV_EV_SET_TEXT:
		if (ev.arg == 0 || ev.arg == 1)
			s.text = ev.arg ? NAV_TEXT_LARGE : NAV_TEXT_NORMAL;
		return s;
	default:
		return s; /* TOUCH: only the timer */
	}
}

struct nav_state nav_step(const struct hall *h, struct nav_state s, struct nav_event ev,
                          uint64_t now_ms)
{
	if ((unsigned)ev.kind > NAV_EV_TICK)
		return s;
	s = nav_repair(h, s);
	assert(nav_valid(h, &s)); /* every step starts from a place that exists */
	if (ev.kind == NAV_EV_TICK)
		return idle(h, s, now_ms);
	s.last_input_ms = now_ms;
	if (s.screen != NAV_ATTRACT)
		return awake_step(h, s, ev, now_ms);
	if (ev.kind == NAV_EV_TOUCH)
		return go(s, NAV_HOME, NAV_NONE, NAV_NONE, now_ms);
	return s;
}

size_t nav_neighbours(size_t item, size_t count, size_t out[2])
{
	size_t n = 0;
	if (item + 1 < count)
		out[n++] = item + 1;
	if (item > 0 && item - 1 < count)
		out[n++] = item - 1;
	return n;
}
