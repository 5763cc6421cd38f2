/* nav: where a visitor is in the hall, and the one pure function that moves
 * them. Plain data over a struct hall; no SDL, no clock of its own (every
 * time is a uint64_t millisecond from the caller's monotonic clock).
 *
 * Screens: ATTRACT (the loop) -> HOME (six city cards) -> a city's PHOTOS
 * (one photo full-screen), HISTORY or GIFTS (a grid) -> GIFT (one gift).
 * A section with no items does not exist: it cannot be opened, parsed or
 * shown, so every state nav produces has its indices in range. */
#ifndef TWINHALL_NAV_H
#define TWINHALL_NAV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/content.h"

enum nav_screen { NAV_ATTRACT, NAV_HOME, NAV_PHOTOS, NAV_HISTORY, NAV_GIFTS, NAV_GIFT };

/* NAV_NONE in city or item: the field has no meaning on this screen. */
enum { NAV_NONE = -1 };

/* Reach mode (every control in the lower part of the screen, for a
 * wheelchair user or a child): as the screen's orientation says (on in
 * portrait, whose top is out of reach), or as the visitor chose. Not part
 * of the place: nav_same, nav_format and the trace leave it out. */
enum nav_reach { NAV_REACH_AUTO, NAV_REACH_ON, NAV_REACH_OFF };

/* The size of the reading texts (captions, history, gifts, the home
 * cards), for a visitor with weak eyes: as designed, or about a third
 * larger. Not part of the place either; the loop brings it back to normal
 * for the next visitor. */
enum nav_text { NAV_TEXT_NORMAL, NAV_TEXT_LARGE };

/* Plain data; copy it freely. city is an index in hall.cities on PHOTOS,
 * HISTORY, GIFTS and GIFT, NAV_NONE on ATTRACT and HOME; item is the photo
 * index on PHOTOS, the gift index on GIFT, NAV_NONE elsewhere. */
struct nav_state {
	enum nav_screen screen;
	int city;
	int item;
	int lang;               /* index in hall.langs; 0 (the default) on ATTRACT */
	enum nav_reach reach;   /* NAV_REACH_AUTO on ATTRACT */
	enum nav_text text;     /* NAV_TEXT_NORMAL on ATTRACT */
	uint64_t last_input_ms; /* the last event other than a tick: idle timer */
	uint64_t since_ms;      /* when screen, city or item last changed */
	enum nav_screen from;   /* screen before that change, for the transition */
	int from_item;          /* item before that change (slide direction) */
};

enum nav_event_kind {
	NAV_EV_TOUCH,        /* any touch began; on ATTRACT it wakes to HOME */
	NAV_EV_OPEN_CITY,    /* arg: city index */
	NAV_EV_OPEN_SECTION, /* arg: NAV_PHOTOS, NAV_HISTORY or NAV_GIFTS */
	NAV_EV_OPEN_PHOTO,   /* arg: photo index in the current city */
	NAV_EV_OPEN_GIFT,    /* arg: gift index in the current city */
	NAV_EV_NEXT,         /* swipe to the next photo or gift */
	NAV_EV_PREV,         /* swipe to the previous photo or gift */
	NAV_EV_BACK,
	NAV_EV_HOME,
	NAV_EV_SET_LANG,  /* arg: language index */
	NAV_EV_SET_REACH, /* arg: 1 reach mode on, 0 off (nav_reach) */
	NAV_EV_SET_TEXT,  /* arg: 1 large text, 0 normal (nav_text) */
	NAV_EV_TICK,      /* time passed; checks the idle timeout */
};

struct nav_event {
	enum nav_event_kind kind;
	int arg; /* see the kind; ignored by the others */
};

/* The hall at rest: ATTRACT, language 0, entered at now_ms. */
struct nav_state nav_begin(uint64_t now_ms);

/* The state after ev at now_ms; pure, s is a copy. Every known event except
 * TICK restarts the idle timer (last_input_ms = now_ms) even when it is
 * refused. Refused (nothing else changes): an argument out of range, an
 * empty section, NEXT/PREV at either end (no wrap), an event that has no
 * meaning on the screen, and on ATTRACT everything but TOUCH and TICK.
 * An unknown kind changes nothing at all. A state that does not fit h (the
 * content was reloaded) is first repaired with nav_repair. */
struct nav_state nav_step(const struct hall *h, struct nav_state s, struct nav_event ev,
                          uint64_t now_ms);

/* s, made for hall from, carried over to hall to (the content was
 * reloaded): the same city (by id), language (by code), section and item
 * (the photo or gift with the same image, else the same number, else the
 * last) where they still exist; a section that went becomes the city's
 * first one left, a city that went becomes HOME. Always valid for to. */
struct nav_state nav_carry(const struct hall *from, const struct hall *to, struct nav_state s);

/* Whether reach mode is on in s on a screen of that orientation. */
bool nav_reach_on(const struct nav_state *s, bool portrait);

/* True when a and b show the same place in the same language (screen, and
 * the city and item where they have meaning); times and from are ignored.
 * After nav_step, "same" means nothing to redraw or log; after a NEXT/PREV
 * it means the end was reached (show the rubber band). */
bool nav_same(const struct nav_state *a, const struct nav_state *b);

/* When the idle timeout fires: last_input_ms + hall.idle_timeout_ms
 * (saturating), UINT64_MAX on ATTRACT. A TICK at or after it goes to
 * ATTRACT. */
uint64_t nav_deadline(const struct hall *h, const struct nav_state *s);

/* The idle warning before the hall goes back to the loop: it shows for
 * the last NAV_WARN_MS of the idle timeout, or its last third when the
 * timeout is short. The whole seconds left (rounded up, at least 1) when
 * now_ms is within it, 0 otherwise and on ATTRACT. */
enum { NAV_WARN_MS = 10000 };
int nav_idle_warning(const struct hall *h, const struct nav_state *s, uint64_t now_ms);

/* When nav_idle_warning next changes after now_ms (the warning begins, or
 * its count goes down a second); UINT64_MAX on ATTRACT. */
uint64_t nav_idle_warning_next(const struct hall *h, const struct nav_state *s, uint64_t now_ms);

/* True when every field of s is in range for h for its screen. */
bool nav_valid(const struct hall *h, const struct nav_state *s);

/* s when it is valid for h; otherwise the nearest valid state: an item
 * past the end becomes the last item, a city or section that is gone
 * becomes HOME, an unknown language becomes 0. Times are kept. */
struct nav_state nav_repair(const struct hall *h, struct nav_state s);

/* +1 when the last change went deeper or forward (HOME -> a city, GIFTS ->
 * GIFT, the next photo), -1 when it went back, 0 when it has no direction
 * (waking, going to sleep, between sections, no change). */
int nav_direction(const struct nav_state *s);

/* The items of a pager of count items worth decoding before they are
 * needed when item is shown, most likely first: the next (visitors swipe
 * forward far more than back), then the previous. Written to out; returns
 * how many (0..2). */
size_t nav_neighbours(size_t item, size_t count, size_t out[2]);

/* The place as text, NUL-terminated in buf (truncated to size): "attract",
 * "home", "city/<id>/photos/<n>", "city/<id>/history", "city/<id>/gifts",
 * "city/<id>/gifts/<n>", with n 1-based ("photos/2" is the second photo).
 * Returns the length of the whole text (as snprintf: >= size means
 * truncated), or -1 (buf "") when s is not valid for h. */
int nav_format(const struct hall *h, const struct nav_state *s, char *buf, size_t size);

/* Parses exactly the forms nav_format writes, plus "city/<id>": its first
 * photo, or its history when it has no photos, or its gifts when it has
 * neither (as NAV_EV_OPEN_CITY). n is 1..count in plain decimal (no sign,
 * no leading zero). On success sets screen, city and item, sets from and
 * from_item to the same (arrived, no transition), keeps lang and the times,
 * and returns 0; otherwise returns -1 and s is untouched. */
int nav_parse(const struct hall *h, const char *text, struct nav_state *s);

/* One JSON line without the newline, e.g.
 * {"t":1234,"state":"city/duisburg/photos/2","lang":"en"}, strings escaped.
 * Returns as nav_format: the length, or -1 (buf "") when s is not valid. */
int nav_format_trace(const struct hall *h, const struct nav_state *s, uint64_t t_ms, char *buf,
                     size_t size);

#endif
