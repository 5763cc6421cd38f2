/* The navigation state machine and its text form, on a hand-built hall. */
#include <stdint.h>
#include <string.h>

#include "nav/nav.h"
#include "test.h"

static int failures_;

static struct photo photos[3];
static struct history_entry history[2];
static struct gift gifts[3];
static struct city cities[5];
static struct hall hall;

enum { DUISBURG, OXFORD, AGRIGENTO, EMPTY, GIFTONLY, IDLE = 60000 };

static void build(void)
{
	/* Every shape of city: all sections, no photos and no gifts, no
	 * history, nothing at all, gifts only. */
	cities[DUISBURG] = (struct city){.id = "duisburg",
	                                 .photos = photos,
	                                 .n_photos = 3,
	                                 .history = history,
	                                 .n_history = 2,
	                                 .gifts = gifts,
	                                 .n_gifts = 2};
	cities[OXFORD] = (struct city){.id = "oxford", .history = history, .n_history = 1};
	cities[AGRIGENTO] = (struct city){
	    .id = "agrigento", .photos = photos, .n_photos = 1, .gifts = gifts, .n_gifts = 3};
	cities[EMPTY] = (struct city){.id = "empty"};
	cities[GIFTONLY] = (struct city){.id = "gift-only", .gifts = gifts, .n_gifts = 1};
	hall =
	    (struct hall){.n_langs = 2, .idle_timeout_ms = IDLE, .cities = cities, .n_cities = 5};
	memcpy(hall.langs[0], "ru", 3);
	memcpy(hall.langs[1], "en", 3);
}

static struct nav_state step(struct nav_state s, enum nav_event_kind kind, int arg, uint64_t now)
{
	return nav_step(&hall, s, (struct nav_event){kind, arg}, now);
}

/* The place as text, for short checks; "(invalid)" when nav_format refuses. */
static const char *text(struct nav_state s)
{
	static char buf[128];
	if (nav_format(&hall, &s, buf, sizeof buf) < 0)
		return "(invalid)";
	return buf;
}

/* Awake on HOME at t = 1000, as after the first touch. */
static struct nav_state home(void)
{
	build();
	return step(nav_begin(0), NAV_EV_TOUCH, 0, 1000);
}

static void test_begin_is_attract_in_the_default_language(void)
{
	build();
	struct nav_state s = nav_begin(777);
	CHECK_INT(s.screen, NAV_ATTRACT);
	CHECK_INT(s.lang, 0);
	CHECK_INT(s.since_ms, 777);
	CHECK(nav_valid(&hall, &s));
	CHECK_STR(text(s), "attract");
}

static void test_wake_from_attract_only_goes_home(void)
{
	build();
	struct nav_state s0 = nav_begin(0);
	struct nav_state s = step(s0, NAV_EV_TOUCH, 0, 500);
	CHECK_STR(text(s), "home");
	CHECK_INT(s.from, NAV_ATTRACT);
	CHECK_INT(s.since_ms, 500);
	CHECK_INT(s.last_input_ms, 500);
	/* Nothing but a touch wakes the hall, and nothing opens past HOME. */
	const enum nav_event_kind others[] = {
	    NAV_EV_OPEN_CITY, NAV_EV_OPEN_SECTION, NAV_EV_OPEN_PHOTO, NAV_EV_OPEN_GIFT,
	    NAV_EV_NEXT,      NAV_EV_PREV,         NAV_EV_BACK,       NAV_EV_HOME,
	    NAV_EV_SET_LANG,  NAV_EV_SET_TEXT};
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		struct nav_state t = step(s0, others[i], 1, 600);
		CHECK_STR(text(t), "attract");
		CHECK(nav_same(&t, &s0));
		CHECK_INT(t.since_ms, 0);
		CHECK_INT(t.text, NAV_TEXT_NORMAL); /* the loop is always as designed */
	}
	/* A touch on HOME stays on HOME. */
	struct nav_state t = step(s, NAV_EV_TOUCH, 0, 900);
	CHECK_STR(text(t), "home");
	CHECK_INT(t.since_ms, 500);
}

static void test_photos_swipe_and_clamp_at_both_ends(void)
{
	struct nav_state s = step(home(), NAV_EV_OPEN_CITY, DUISBURG, 2000);
	CHECK_STR(text(s), "city/duisburg/photos/1");
	CHECK_INT(s.item, 0);
	CHECK_INT(nav_direction(&s), 1);
	struct nav_state p = step(s, NAV_EV_PREV, 0, 2100);
	CHECK(nav_same(&p, &s)); /* first photo: rubber band */
	CHECK_INT(p.since_ms, 2000);
	CHECK_INT(p.last_input_ms, 2100);
	s = step(s, NAV_EV_NEXT, 0, 2200);
	CHECK_STR(text(s), "city/duisburg/photos/2");
	CHECK_INT(nav_direction(&s), 1);
	CHECK_INT(s.since_ms, 2200);
	s = step(s, NAV_EV_NEXT, 0, 2300);
	CHECK_STR(text(s), "city/duisburg/photos/3");
	struct nav_state n = step(s, NAV_EV_NEXT, 0, 2400);
	CHECK(nav_same(&n, &s)); /* last photo: no wrap */
	CHECK_INT(n.item, 2);
	s = step(s, NAV_EV_PREV, 0, 2500);
	CHECK_STR(text(s), "city/duisburg/photos/2");
	CHECK_INT(nav_direction(&s), -1);
	s = step(s, NAV_EV_OPEN_PHOTO, 0, 2600);
	CHECK_STR(text(s), "city/duisburg/photos/1");
	s = step(s, NAV_EV_BACK, 0, 2700);
	CHECK_STR(text(s), "home");
	CHECK_INT(nav_direction(&s), -1);
}

static void test_history_section(void)
{
	struct nav_state s = step(home(), NAV_EV_OPEN_CITY, DUISBURG, 2000);
	s = step(s, NAV_EV_OPEN_SECTION, NAV_HISTORY, 2100);
	CHECK_STR(text(s), "city/duisburg/history");
	CHECK_INT(s.item, NAV_NONE);
	CHECK_INT(s.from, NAV_PHOTOS);
	CHECK_INT(nav_direction(&s), 0); /* between sections */
	struct nav_state t = step(s, NAV_EV_NEXT, 0, 2200);
	CHECK(nav_same(&t, &s)); /* history scrolls in the app, not here */
	s = step(s, NAV_EV_OPEN_SECTION, NAV_PHOTOS, 2300);
	CHECK_STR(text(s), "city/duisburg/photos/1");
	s = step(s, NAV_EV_OPEN_SECTION, NAV_HISTORY, 2400);
	CHECK_STR(text(step(s, NAV_EV_BACK, 0, 2500)), "home");
}

static void test_gifts_gift_swipe_and_back(void)
{
	struct nav_state s = step(home(), NAV_EV_OPEN_CITY, AGRIGENTO, 2000);
	s = step(s, NAV_EV_OPEN_SECTION, NAV_GIFTS, 2100);
	CHECK_STR(text(s), "city/agrigento/gifts");
	s = step(s, NAV_EV_OPEN_GIFT, 1, 2200);
	CHECK_STR(text(s), "city/agrigento/gifts/2");
	CHECK_INT(nav_direction(&s), 1);
	s = step(s, NAV_EV_NEXT, 0, 2300);
	CHECK_STR(text(s), "city/agrigento/gifts/3");
	struct nav_state t = step(s, NAV_EV_NEXT, 0, 2400);
	CHECK(nav_same(&t, &s));
	s = step(s, NAV_EV_PREV, 0, 2500);
	s = step(s, NAV_EV_PREV, 0, 2600);
	CHECK_STR(text(s), "city/agrigento/gifts/1");
	t = step(s, NAV_EV_PREV, 0, 2700);
	CHECK(nav_same(&t, &s));
	s = step(s, NAV_EV_BACK, 0, 2800);
	CHECK_STR(text(s), "city/agrigento/gifts");
	CHECK_INT(s.from, NAV_GIFT);
	CHECK_INT(s.from_item, 0); /* the grid can scroll to the gift just seen */
	CHECK_INT(nav_direction(&s), -1);
	s = step(s, NAV_EV_BACK, 0, 2900);
	CHECK_STR(text(s), "home");
}

static void test_back_and_home_on_home_stay_home(void)
{
	struct nav_state s = home();
	struct nav_state t = step(s, NAV_EV_BACK, 0, 5000);
	CHECK_STR(text(t), "home");
	CHECK_INT(t.since_ms, 1000); /* no change, no transition */
	CHECK_INT(t.last_input_ms, 5000);
	t = step(s, NAV_EV_HOME, 0, 5000);
	CHECK_STR(text(t), "home");
	CHECK_INT(t.since_ms, 1000);
	s = step(s, NAV_EV_OPEN_CITY, DUISBURG, 6000);
	s = step(s, NAV_EV_OPEN_GIFT, 1, 6100);
	CHECK_STR(text(step(s, NAV_EV_HOME, 0, 6200)), "home");
}

static void test_language_switch_keeps_the_screen(void)
{
	struct nav_state s = step(home(), NAV_EV_OPEN_CITY, DUISBURG, 2000);
	s = step(s, NAV_EV_NEXT, 0, 2100);
	struct nav_state t = step(s, NAV_EV_SET_LANG, 1, 2200);
	CHECK_INT(t.lang, 1);
	CHECK_STR(text(t), "city/duisburg/photos/2");
	CHECK(!nav_same(&t, &s));    /* redraw */
	CHECK_INT(t.since_ms, 2100); /* but no slide */
	CHECK_INT(t.from, s.from);
	t = step(t, NAV_EV_OPEN_SECTION, NAV_GIFTS, 2300);
	CHECK_INT(t.lang, 1); /* the language stays while exploring */
	t = step(t, NAV_EV_SET_LANG, 0, 2400);
	CHECK_INT(t.lang, 0);
}

/* Reach mode follows the orientation until a visitor chooses, stays while
 * they explore, and is automatic again for the next visitor. */
static void test_reach_mode(void)
{
	struct nav_state s = home();
	CHECK_INT(s.reach, NAV_REACH_AUTO);
	CHECK(nav_reach_on(&s, true) && !nav_reach_on(&s, false));
	struct nav_state t = step(s, NAV_EV_SET_REACH, 1, 2000);
	CHECK(nav_reach_on(&t, false) && nav_reach_on(&t, true));
	CHECK(nav_same(&t, &s)); /* the same place: the visit redraws for the mode */
	t = step(t, NAV_EV_OPEN_CITY, DUISBURG, 2100);
	CHECK_INT(t.reach, NAV_REACH_ON);
	t = step(t, NAV_EV_SET_REACH, 0, 2200);
	CHECK(!nav_reach_on(&t, true));
	CHECK_INT(step(t, NAV_EV_SET_REACH, 7, 2300).reach, NAV_REACH_OFF); /* refused */
	t = step(t, NAV_EV_TICK, 0, 2200 + IDLE);
	CHECK_STR(text(t), "attract");
	CHECK_INT(t.reach, NAV_REACH_AUTO);
}

/* Large text: off at the start, toggled by a visitor, kept from place to
 * place and through a change of language, not part of the place, and
 * normal again for the next visitor once the hall returns to the loop. */
static void test_large_text(void)
{
	struct nav_state s = home();
	CHECK_INT(s.text, NAV_TEXT_NORMAL);
	struct nav_state t = step(s, NAV_EV_SET_TEXT, 1, 2000);
	CHECK_INT(t.text, NAV_TEXT_LARGE);
	CHECK(nav_same(&t, &s)); /* the same place: the visit redraws for the size */
	CHECK_INT(t.last_input_ms, 2000);
	t = step(t, NAV_EV_OPEN_CITY, DUISBURG, 2100);
	t = step(t, NAV_EV_OPEN_SECTION, NAV_HISTORY, 2150);
	t = step(t, NAV_EV_SET_LANG, 1, 2180);
	CHECK_STR(text(t), "city/duisburg/history");
	CHECK_INT(t.text, NAV_TEXT_LARGE);
	t = step(t, NAV_EV_BACK, 0, 2190);
	t = step(t, NAV_EV_HOME, 0, 2195);
	CHECK_INT(t.text, NAV_TEXT_LARGE);
	CHECK_INT(step(t, NAV_EV_SET_TEXT, 7, 2200).text, NAV_TEXT_LARGE); /* refused */
	CHECK_INT(step(t, NAV_EV_SET_TEXT, -1, 2200).text, NAV_TEXT_LARGE);
	CHECK_INT(step(t, NAV_EV_SET_TEXT, 0, 2200).text, NAV_TEXT_NORMAL);
	CHECK_INT(step(t, NAV_EV_SET_REACH, 1, 2200).text, NAV_TEXT_LARGE); /* its own field */
	CHECK_INT(nav_carry(&hall, &hall, t).text, NAV_TEXT_LARGE);         /* through a reload */
	struct nav_state u = step(t, NAV_EV_TICK, 0, 2195 + IDLE - 1);
	CHECK_INT(u.text, NAV_TEXT_LARGE);
	u = step(t, NAV_EV_TICK, 0, 2195 + IDLE);
	CHECK_STR(text(u), "attract");
	CHECK_INT(u.text, NAV_TEXT_NORMAL);
	u = step(u, NAV_EV_TOUCH, 0, 3 * IDLE); /* the next visitor */
	CHECK_STR(text(u), "home");
	CHECK_INT(u.text, NAV_TEXT_NORMAL);
}

static void test_idle_returns_to_attract_exactly_at_the_timeout(void)
{
	struct nav_state s = step(home(), NAV_EV_OPEN_CITY, DUISBURG, 2000);
	s = step(s, NAV_EV_SET_LANG, 1, 3000);
	struct nav_state t = step(s, NAV_EV_TICK, 0, 3000 + IDLE - 1);
	CHECK(nav_same(&t, &s));
	CHECK_INT(t.last_input_ms, 3000); /* a tick is not input */
	t = step(s, NAV_EV_TICK, 0, 3000 + IDLE);
	CHECK_STR(text(t), "attract");
	CHECK_INT(t.lang, 0);
	CHECK_INT(t.from, NAV_PHOTOS);
	CHECK_INT(t.since_ms, 3000 + IDLE);
	CHECK_INT(nav_direction(&t), 0);
	/* Asleep, ticks change nothing. */
	struct nav_state u = step(t, NAV_EV_TICK, 0, 10 * IDLE);
	CHECK(nav_same(&u, &t));
	CHECK_INT(u.since_ms, t.since_ms);
	/* A late tick (the app was busy) still goes to sleep. */
	CHECK_STR(text(step(s, NAV_EV_TICK, 0, 50 * IDLE)), "attract");
}

static void test_every_event_resets_the_idle_timer(void)
{
	const enum nav_event_kind kinds[] = {
	    NAV_EV_TOUCH,     NAV_EV_OPEN_CITY, NAV_EV_OPEN_SECTION, NAV_EV_OPEN_PHOTO,
	    NAV_EV_OPEN_GIFT, NAV_EV_NEXT,      NAV_EV_PREV,         NAV_EV_BACK,
	    NAV_EV_HOME,      NAV_EV_SET_LANG};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		struct nav_state s = step(home(), NAV_EV_OPEN_CITY, DUISBURG, 2000);
		/* Even a refused argument is a visitor's touch. */
		s = step(s, kinds[i], 99, 2000 + IDLE - 1);
		CHECK_INT(s.last_input_ms, 2000 + IDLE - 1);
		struct nav_state t = step(s, NAV_EV_TICK, 0, 2000 + IDLE);
		CHECK(t.screen != NAV_ATTRACT);
		t = step(s, NAV_EV_TICK, 0, 2000 + 2 * IDLE - 1);
		CHECK_INT(t.screen, NAV_ATTRACT);
	}
}

static void test_deadline(void)
{
	build();
	struct nav_state s = nav_begin(0);
	CHECK(nav_deadline(&hall, &s) == UINT64_MAX);
	s = step(s, NAV_EV_TOUCH, 0, 1234);
	CHECK_INT(nav_deadline(&hall, &s), 1234 + IDLE);
	s = step(s, NAV_EV_OPEN_CITY, OXFORD, 5000);
	CHECK_INT(nav_deadline(&hall, &s), 5000 + IDLE);
	s = step(s, NAV_EV_TICK, 0, 6000);
	CHECK_INT(nav_deadline(&hall, &s), 5000 + IDLE); /* a tick does not move it */
	s = step(s, NAV_EV_TICK, 0, nav_deadline(&hall, &s));
	CHECK(nav_deadline(&hall, &s) == UINT64_MAX);
	/* Saturates instead of wrapping near the end of time. */
	s = step(home(), NAV_EV_TOUCH, 0, UINT64_MAX - 10);
	CHECK(nav_deadline(&hall, &s) == UINT64_MAX);
	CHECK_INT(step(s, NAV_EV_TICK, 0, UINT64_MAX - 1).screen, NAV_HOME);
}

/* The warning counts the last seconds down, whole seconds rounded up, and
 * a touch takes it away; a short timeout warns for its last third only. */
static void test_idle_warning_counts_down(void)
{
	build();
	struct nav_state s = nav_begin(0);
	CHECK_INT(nav_idle_warning(&hall, &s, 5000), 0); /* the loop never warns */
	CHECK(nav_idle_warning_next(&hall, &s, 5000) == UINT64_MAX);
	s = step(s, NAV_EV_TOUCH, 0, 1000);
	uint64_t d = 1000 + IDLE;
	CHECK_INT(nav_idle_warning(&hall, &s, d - NAV_WARN_MS - 1), 0);
	CHECK_INT(nav_idle_warning_next(&hall, &s, 2000), d - NAV_WARN_MS);
	CHECK_INT(nav_idle_warning(&hall, &s, d - NAV_WARN_MS), NAV_WARN_MS / 1000);
	CHECK_INT(nav_idle_warning(&hall, &s, d - 9001), 10);
	CHECK_INT(nav_idle_warning(&hall, &s, d - 9000), 9);
	CHECK_INT(nav_idle_warning_next(&hall, &s, d - 9500), d - 9000);
	CHECK_INT(nav_idle_warning(&hall, &s, d - 1), 1);
	CHECK_INT(nav_idle_warning_next(&hall, &s, d - 1), d);
	CHECK_INT(nav_idle_warning(&hall, &s, d), 0);
	/* Every second of the count is reached by following _next. */
	int seen = 0;
	for (uint64_t t = d - NAV_WARN_MS; t < d; t = nav_idle_warning_next(&hall, &s, t))
		seen++;
	CHECK_INT(seen, NAV_WARN_MS / 1000);
	s = step(s, NAV_EV_TOUCH, 0, d - 500);
	CHECK_INT(nav_idle_warning(&hall, &s, d - 400), 0);
	struct hall short_hall = hall;
	short_hall.idle_timeout_ms = 9000;
	s = step(home(), NAV_EV_TOUCH, 0, 0);
	CHECK_INT(nav_idle_warning(&short_hall, &s, 5999), 0);
	CHECK_INT(nav_idle_warning(&short_hall, &s, 6000), 3);
}

static void test_idle_past_32_bits(void)
{
	/* 2^32 ms is 49.7 days of uptime; the timer must not wrap there. */
	uint64_t t0 = (1ull << 32) - 1000;
	struct nav_state s = step(home(), NAV_EV_OPEN_CITY, DUISBURG, t0);
	CHECK(nav_deadline(&hall, &s) == t0 + IDLE);
	CHECK(nav_deadline(&hall, &s) > (1ull << 32));
	CHECK_INT(step(s, NAV_EV_TICK, 0, (1ull << 32) + 5).screen, NAV_PHOTOS);
	CHECK_INT(step(s, NAV_EV_TICK, 0, t0 + IDLE - 1).screen, NAV_PHOTOS);
	CHECK_INT(step(s, NAV_EV_TICK, 0, t0 + IDLE).screen, NAV_ATTRACT);
	/* A touch just past 2^32 counts from then. */
	s = step(s, NAV_EV_TOUCH, 0, (1ull << 32) + 7);
	CHECK(s.last_input_ms == (1ull << 32) + 7);
	CHECK_INT(step(s, NAV_EV_TICK, 0, t0 + IDLE).screen, NAV_PHOTOS);
}

/* Each event refused: same place and language, same transition, timer reset. */
static void check_refused(struct nav_state s, enum nav_event_kind kind, int arg)
{
	struct nav_state t = step(s, kind, arg, s.last_input_ms + 10);
	if (!nav_same(&t, &s) || t.since_ms != s.since_ms || t.from != s.from ||
	    t.from_item != s.from_item || t.last_input_ms != s.last_input_ms + 10)
		printf("  refused event %d (%d) on %s changed it to %s\n", (int)kind, arg, text(s),
		       text(t));
	CHECK(nav_same(&t, &s));
	CHECK(nav_valid(&hall, &t));
	CHECK(t.since_ms == s.since_ms);
	CHECK(t.last_input_ms == s.last_input_ms + 10);
}

static void test_invalid_arguments_change_nothing(void)
{
	struct nav_state h = home();
	check_refused(h, NAV_EV_OPEN_CITY, -1);
	check_refused(h, NAV_EV_OPEN_CITY, 5);
	check_refused(h, NAV_EV_OPEN_CITY, INT32_MAX);
	check_refused(h, NAV_EV_OPEN_SECTION, NAV_PHOTOS); /* no current city */
	check_refused(h, NAV_EV_OPEN_PHOTO, 0);
	check_refused(h, NAV_EV_OPEN_GIFT, 0);
	check_refused(h, NAV_EV_NEXT, 0);
	check_refused(h, NAV_EV_SET_LANG, 2);
	check_refused(h, NAV_EV_SET_LANG, -1);
	struct nav_state p = step(h, NAV_EV_OPEN_CITY, DUISBURG, 2000);
	check_refused(p, NAV_EV_OPEN_SECTION, NAV_HOME);
	check_refused(p, NAV_EV_OPEN_SECTION, NAV_GIFT); /* a gift is opened by index */
	check_refused(p, NAV_EV_OPEN_SECTION, NAV_ATTRACT);
	check_refused(p, NAV_EV_OPEN_SECTION, 42);
	check_refused(p, NAV_EV_OPEN_PHOTO, 3);
	check_refused(p, NAV_EV_OPEN_PHOTO, -1);
	check_refused(p, NAV_EV_OPEN_GIFT, 2);
	check_refused(p, NAV_EV_OPEN_GIFT, INT32_MIN);
	check_refused(p, NAV_EV_OPEN_PHOTO, 0); /* already there */
	/* An unknown event kind is not even input. */
	struct nav_state t = step(p, (enum nav_event_kind)99, 0, 9000);
	CHECK(nav_same(&t, &p));
	CHECK_INT(t.last_input_ms, 2000);
}

static void test_empty_sections_cannot_be_opened(void)
{
	struct nav_state h = home();
	/* Oxford has history only: it opens there, photos and gifts refused. */
	struct nav_state o = step(h, NAV_EV_OPEN_CITY, OXFORD, 2000);
	CHECK_STR(text(o), "city/oxford/history");
	check_refused(o, NAV_EV_OPEN_SECTION, NAV_GIFTS);
	check_refused(o, NAV_EV_OPEN_SECTION, NAV_PHOTOS);
	check_refused(o, NAV_EV_OPEN_GIFT, 0);
	/* Agrigento has no history. */
	struct nav_state a = step(h, NAV_EV_OPEN_CITY, AGRIGENTO, 2000);
	check_refused(a, NAV_EV_OPEN_SECTION, NAV_HISTORY);
	/* A city with gifts only opens on its gifts; one with nothing, not at all. */
	CHECK_STR(text(step(h, NAV_EV_OPEN_CITY, GIFTONLY, 2000)), "city/gift-only/gifts");
	check_refused(h, NAV_EV_OPEN_CITY, EMPTY);
}

static void test_open_city_from_a_city_screen(void)
{
	struct nav_state s = step(home(), NAV_EV_OPEN_CITY, DUISBURG, 2000);
	s = step(s, NAV_EV_OPEN_GIFT, 1, 2100);
	s = step(s, NAV_EV_OPEN_CITY, OXFORD, 2200);
	CHECK_STR(text(s), "city/oxford/history");
	s = step(s, NAV_EV_OPEN_CITY, AGRIGENTO, 2300);
	CHECK_STR(text(s), "city/agrigento/photos/1");
}

static void test_repair_after_a_reload(void)
{
	struct nav_state s = step(home(), NAV_EV_OPEN_CITY, DUISBURG, 2000);
	s = step(s, NAV_EV_NEXT, 0, 2100);
	s = step(s, NAV_EV_NEXT, 0, 2200);
	s = step(s, NAV_EV_SET_LANG, 1, 2300);
	cities[DUISBURG].n_photos = 2; /* a photo was removed */
	CHECK(!nav_valid(&hall, &s));
	struct nav_state r = nav_repair(&hall, s);
	CHECK_STR(text(r), "city/duisburg/photos/2");
	CHECK_INT(r.lang, 1);
	hall.n_cities = 1;
	hall.n_langs = 1;
	s = step(s, NAV_EV_OPEN_CITY, AGRIGENTO, 2400); /* that city is gone */
	CHECK_STR(text(s), "city/duisburg/photos/2");
	CHECK_INT(s.lang, 0);
	s.city = 3;
	s = step(s, NAV_EV_TOUCH, 0, 2500);
	CHECK_STR(text(s), "home");
	struct nav_state junk = {.screen = (enum nav_screen)77, .city = 5, .item = -9, .lang = 9};
	r = nav_repair(&hall, junk);
	CHECK(nav_valid(&hall, &r));
	CHECK_STR(text(r), "home");
}

/* A reload reorders cities, drops a photo before the one on screen,
 * swaps the languages, removes a section and a city: the visitor stays
 * with the same city and picture, or goes to the nearest place left. */
static void test_carry_across_a_reload(void)
{
	struct nav_state s = step(home(), NAV_EV_OPEN_CITY, DUISBURG, 2000);
	s = step(s, NAV_EV_NEXT, 0, 2100); /* photos/2 */
	s = step(s, NAV_EV_SET_LANG, 1, 2200);
	photos[0].image.path = "a.jpg";
	photos[1].image.path = "b.jpg";
	photos[2].image.path = "c.jpg";
	static struct photo fewer[2];
	static struct city moved[3];
	fewer[0] = photos[1]; /* a.jpg went: b.jpg is now the first */
	fewer[1] = photos[2];
	moved[0] = cities[OXFORD];
	moved[1] = cities[DUISBURG];
	moved[1].photos = fewer;
	moved[1].n_photos = 2;
	moved[2] = cities[AGRIGENTO];
	struct hall to = {.n_langs = 2, .idle_timeout_ms = IDLE, .cities = moved, .n_cities = 3};
	memcpy(to.langs[0], "en", 3);
	memcpy(to.langs[1], "ru", 3);

	struct nav_state c = nav_carry(&hall, &to, s);
	CHECK(nav_valid(&to, &c));
	CHECK_INT(c.screen, NAV_PHOTOS);
	CHECK_INT(c.city, 1);
	CHECK_INT(c.item, 0); /* the same picture, b.jpg */
	CHECK_INT(c.lang, 0); /* still English */
	CHECK_INT(c.last_input_ms, s.last_input_ms);

	moved[1].n_photos = 0; /* the photos went: its history is next */
	c = nav_carry(&hall, &to, s);
	CHECK_INT(c.screen, NAV_HISTORY);
	CHECK_INT(c.city, 1);
	CHECK_INT(c.item, NAV_NONE);

	to.n_cities = 1; /* Duisburg went: home */
	c = nav_carry(&hall, &to, s);
	CHECK_INT(c.screen, NAV_HOME);
	CHECK_INT(c.city, NAV_NONE);

	s = step(home(), NAV_EV_OPEN_CITY, AGRIGENTO, 3000); /* photos/1 */
	to.n_cities = 3;
	moved[2].n_photos = 0; /* the gifts are left */
	c = nav_carry(&hall, &to, s);
	CHECK_INT(c.screen, NAV_GIFTS);
	CHECK_INT(c.city, 2);
	struct nav_state attract = nav_begin(0);
	c = nav_carry(&hall, &to, attract);
	CHECK_INT(c.screen, NAV_ATTRACT);
	CHECK_INT(c.lang, 0);
}

static void check_format(struct nav_state s, const char *want)
{
	char buf[64];
	CHECK_INT(nav_format(&hall, &s, buf, sizeof buf), (long long)strlen(want));
	CHECK_STR(buf, want);
}

static void test_format_each_form(void)
{
	build();
	struct nav_state s = nav_begin(0);
	check_format(s, "attract");
	s.screen = NAV_HOME;
	check_format(s, "home");
	s = (struct nav_state){.screen = NAV_PHOTOS, .city = DUISBURG, .item = 1};
	check_format(s, "city/duisburg/photos/2");
	s = (struct nav_state){.screen = NAV_HISTORY, .city = OXFORD, .item = NAV_NONE};
	check_format(s, "city/oxford/history");
	s = (struct nav_state){.screen = NAV_GIFTS, .city = AGRIGENTO, .item = NAV_NONE};
	check_format(s, "city/agrigento/gifts");
	s = (struct nav_state){.screen = NAV_GIFT, .city = AGRIGENTO, .item = 2};
	check_format(s, "city/agrigento/gifts/3");
	/* Invalid states are refused, not written. */
	char buf[64] = "x";
	s = (struct nav_state){.screen = NAV_PHOTOS, .city = DUISBURG, .item = 3};
	CHECK_INT(nav_format(&hall, &s, buf, sizeof buf), -1);
	CHECK_STR(buf, "");
	s = (struct nav_state){.screen = NAV_GIFTS, .city = OXFORD, .item = NAV_NONE};
	CHECK_INT(nav_format(&hall, &s, buf, sizeof buf), -1);
	s = (struct nav_state){.screen = NAV_HOME, .city = 0, .item = NAV_NONE, .lang = 2};
	CHECK_INT(nav_format(&hall, &s, buf, sizeof buf), -1);
}

static void test_format_truncates_like_snprintf(void)
{
	build();
	struct nav_state s = {.screen = NAV_PHOTOS, .city = DUISBURG, .item = 2};
	char buf[8];
	memset(buf, 'z', sizeof buf);
	CHECK_INT(nav_format(&hall, &s, buf, sizeof buf), 22);
	CHECK_STR(buf, "city/du");
	CHECK_INT(nav_format(&hall, &s, NULL, 0), 22);
	buf[0] = 'q';
	CHECK_INT(nav_format(&hall, &s, buf, 0), 22);
	CHECK_INT(buf[0], 'q');
	CHECK_INT(nav_format_trace(&hall, &s, 1, buf, sizeof buf), 52);
	CHECK_STR(buf, "{\"t\":1,");
}

/* Parses text into a state that starts on HOME in English at t = 100. */
static int parse(const char *text_in, struct nav_state *out)
{
	*out = home();
	out->lang = 1;
	return nav_parse(&hall, text_in, out);
}

static void check_parse(const char *in, enum nav_screen screen, int city, int item)
{
	struct nav_state s;
	CHECK_INT(parse(in, &s), 0);
	CHECK_INT(s.screen, screen);
	CHECK_INT(s.city, city);
	CHECK_INT(s.item, item);
	CHECK_INT(s.lang, 1);             /* kept */
	CHECK_INT(s.last_input_ms, 1000); /* kept */
	CHECK_INT(s.from, screen);        /* arrived: no transition */
	CHECK_INT(nav_direction(&s), 0);
	CHECK(nav_valid(&hall, &s));
}

static void test_parse_each_form(void)
{
	check_parse("attract", NAV_ATTRACT, NAV_NONE, NAV_NONE);
	check_parse("home", NAV_HOME, NAV_NONE, NAV_NONE);
	check_parse("city/duisburg/photos/1", NAV_PHOTOS, DUISBURG, 0);
	check_parse("city/duisburg/photos/3", NAV_PHOTOS, DUISBURG, 2);
	check_parse("city/duisburg/history", NAV_HISTORY, DUISBURG, NAV_NONE);
	check_parse("city/duisburg/gifts", NAV_GIFTS, DUISBURG, NAV_NONE);
	check_parse("city/agrigento/gifts/3", NAV_GIFT, AGRIGENTO, 2);
	check_parse("city/gift-only/gifts/1", NAV_GIFT, GIFTONLY, 0);
	/* city/<id> is where the city opens. */
	check_parse("city/duisburg", NAV_PHOTOS, DUISBURG, 0);
	check_parse("city/oxford", NAV_HISTORY, OXFORD, NAV_NONE);
	check_parse("city/gift-only", NAV_GIFTS, GIFTONLY, NAV_NONE);
}

static void test_parse_rejects_junk(void)
{
	const char *junk[] = {
	    "",
	    "/",
	    "attract/",
	    "home/",
	    "Home",
	    " home",
	    "home ",
	    "city",
	    "city/",
	    "city//photos/1",
	    "city/duisburg/",
	    "city/duisburg/photos",
	    "city/duisburg/photos/",
	    "city/duisburg/photos/0",
	    "city/duisburg/photos/4",
	    "city/duisburg/photos/999",
	    "city/duisburg/photos/99999999999999999999999",
	    "city/duisburg/photos/4294967297",
	    "city/duisburg/photos/2x",
	    "city/duisburg/photos/-1",
	    "city/duisburg/photos/+1",
	    "city/duisburg/photos/01",
	    "city/duisburg/photos/ 1",
	    "city/duisburg/photos/1/",
	    "city/duisburg/photos/1/2",
	    "city/duisburg/history/",
	    "city/duisburg/history/1",
	    "city/duisburg/gifts/",
	    "city/duisburg/gifts/3",
	    "city/duisburg/gifts/1/x",
	    "city/duisburg/map",
	    "city/perm/photos/1",
	    "city/duis/photos/1",
	    "city/duisburgx/photos/1",
	    "city/DUISBURG/photos/1",
	    "city/oxford/photos/1", /* no photos */
	    "city/oxford/gifts",    /* no gifts */
	    "city/agrigento/history",
	    "city/empty",
	    "city/empty/history",
	    "cities/duisburg/photos/1",
	    "x/city/duisburg/photos/1",
	};
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
		struct nav_state s, before;
		parse("home", &before);
		s = before;
		int rc = nav_parse(&hall, junk[i], &s);
		if (rc != -1)
			printf("  accepted \"%s\"\n", junk[i]);
		CHECK_INT(rc, -1);
		CHECK(memcmp(&s, &before, sizeof s) == 0); /* untouched */
	}
	struct nav_state s = home();
	CHECK_INT(nav_parse(&hall, NULL, &s), -1);
	CHECK_INT(nav_parse(&hall, "home", NULL), -1);
	CHECK_INT(nav_parse(NULL, "home", &s), -1);
}

enum { MAX_STATES = 256 };

/* Every state reachable from the start, by breadth-first search over every
 * event with arguments a little past every range. Returns how many. */
static size_t reachable(struct nav_state *out)
{
	build();
	size_t n = 0;
	out[n++] = nav_begin(0);
	for (size_t i = 0; i < n; i++) {
		for (int k = NAV_EV_TOUCH; k <= NAV_EV_TICK; k++) {
			for (int arg = -1; arg <= 6; arg++) {
				struct nav_state t = step(out[i], (enum nav_event_kind)k, arg,
				                          k == NAV_EV_TICK ? 10 * IDLE : 0);
				size_t j = 0;
				while (j < n && !nav_same(&out[j], &t))
					j++;
				if (j == n && n < MAX_STATES)
					out[n++] = t;
			}
		}
	}
	return n;
}

static void test_round_trip_every_reachable_state(void)
{
	static struct nav_state all[MAX_STATES];
	size_t n = reachable(all);
	/* attract + home in 2 languages, plus 2 languages times: duisburg 3
	 * photos, history, gifts, 2 gifts; oxford history; agrigento 1 photo,
	 * gifts, 3 gifts; gift-only gifts, 1 gift. Attract is only in ru. */
	CHECK_INT(n, 1 + 2 + 2 * (3 + 1 + 1 + 2 + 1 + 1 + 1 + 3 + 1 + 1));
	for (size_t i = 0; i < n; i++) {
		char buf[64];
		CHECK(nav_valid(&hall, &all[i]));
		CHECK(nav_format(&hall, &all[i], buf, sizeof buf) > 0);
		struct nav_state back = nav_begin(5);
		back.lang = all[i].lang;
		CHECK_INT(nav_parse(&hall, buf, &back), 0);
		CHECK(nav_same(&back, &all[i]));
		CHECK_INT(back.city, all[i].city);
		CHECK_INT(back.item, all[i].item);
	}
}

static void test_trace_json(void)
{
	build();
	struct nav_state s = step(home(), NAV_EV_OPEN_CITY, DUISBURG, 2000);
	s = step(s, NAV_EV_NEXT, 0, 2100);
	s = step(s, NAV_EV_SET_LANG, 1, 2200);
	char buf[128];
	const char *want = "{\"t\":1234,\"state\":\"city/duisburg/photos/2\",\"lang\":\"en\"}";
	CHECK_INT(nav_format_trace(&hall, &s, 1234, buf, sizeof buf), (long long)strlen(want));
	CHECK_STR(buf, want);
	s = nav_begin(0);
	nav_format_trace(&hall, &s, UINT64_MAX, buf, sizeof buf);
	CHECK_STR(buf, "{\"t\":18446744073709551615,\"state\":\"attract\",\"lang\":\"ru\"}");
	/* What JSON requires is escaped, even though ids never hold it. */
	s = step(home(), NAV_EV_OPEN_CITY, OXFORD, 2000);
	cities[OXFORD].id = "o\"x\\f\n\x01";
	memcpy(hall.langs[1], "e\"n", 4);
	s = step(s, NAV_EV_SET_LANG, 1, 2000);
	nav_format_trace(&hall, &s, 7, buf, sizeof buf);
	CHECK_STR(
	    buf,
	    "{\"t\":7,\"state\":\"city/o\\\"x\\\\f\\u000a\\u0001/history\",\"lang\":\"e\\\"n\"}");
	s.city = 9;
	CHECK_INT(nav_format_trace(&hall, &s, 7, buf, sizeof buf), -1);
	CHECK_STR(buf, "");
}

static uint64_t rng_state = 0x2545f4914f6cdd1dull;

static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state % n);
}

/* What must hold after every step: in range, attract is in the default
 * language, the timer follows input, the text round-trips. */
static void check_walk_step(struct nav_state before, struct nav_event ev, uint64_t now,
                            struct nav_state after)
{
	CHECK(nav_valid(&hall, &after));
	CHECK(after.screen != NAV_ATTRACT || after.lang == 0);
	if ((unsigned)ev.kind < NAV_EV_TICK)
		CHECK(after.last_input_ms == now);
	else
		CHECK(after.last_input_ms == before.last_input_ms);
	if (ev.kind == NAV_EV_TICK && before.screen != NAV_ATTRACT)
		CHECK((after.screen == NAV_ATTRACT) == (now >= before.last_input_ms + IDLE));
	if (ev.kind == NAV_EV_TOUCH && before.screen == NAV_ATTRACT)
		CHECK(after.screen == NAV_HOME);
	char buf[64];
	struct nav_state back = before;
	CHECK(nav_format(&hall, &after, buf, sizeof buf) > 0);
	CHECK_INT(nav_parse(&hall, buf, &back), 0);
	back.lang = after.lang;
	CHECK(nav_same(&back, &after));
}

static void test_random_walk(void)
{
	static struct nav_state all[MAX_STATES];
	size_t n = reachable(all);
	int steps = 0;
	for (int walk = 0; walk < 200; walk++) {
		struct nav_state s = all[rnd((uint32_t)n)];
		uint64_t now = s.last_input_ms + rnd(1000);
		for (int i = 0; i < 100; i++, steps++) {
			struct nav_event ev = {(enum nav_event_kind)rnd(NAV_EV_TICK + 2),
			                       (int)rnd(10) - 2};
			now += rnd(4) == 0 ? rnd(2 * IDLE) : rnd(500);
			struct nav_state t = nav_step(&hall, s, ev, now);
			check_walk_step(s, ev, now, t);
			s = t;
		}
	}
	CHECK_INT(steps, 20000);
}

/* What to decode ahead on the photos screen: the next photo first (visitors
 * swipe forward), then the previous; nothing past either end. */
static void test_neighbours_next_first(void)
{
	size_t out[2] = {99, 99};
	CHECK_INT((int)nav_neighbours(2, 5, out), 2);
	CHECK_INT((int)out[0], 3);
	CHECK_INT((int)out[1], 1);
	CHECK_INT((int)nav_neighbours(0, 5, out), 1);
	CHECK_INT((int)out[0], 1);
	CHECK_INT((int)nav_neighbours(4, 5, out), 1);
	CHECK_INT((int)out[0], 3);
	CHECK_INT((int)nav_neighbours(0, 1, out), 0);
	CHECK_INT((int)nav_neighbours(0, 0, out), 0);
}

int main(void)
{
	RUN(test_neighbours_next_first);
	RUN(test_reach_mode);
	RUN(test_large_text);
	RUN(test_carry_across_a_reload);
	RUN(test_begin_is_attract_in_the_default_language);
	RUN(test_wake_from_attract_only_goes_home);
	RUN(test_photos_swipe_and_clamp_at_both_ends);
	RUN(test_history_section);
	RUN(test_gifts_gift_swipe_and_back);
	RUN(test_back_and_home_on_home_stay_home);
	RUN(test_language_switch_keeps_the_screen);
	RUN(test_idle_returns_to_attract_exactly_at_the_timeout);
	RUN(test_every_event_resets_the_idle_timer);
	RUN(test_deadline);
	RUN(test_idle_warning_counts_down);
	RUN(test_idle_past_32_bits);
	RUN(test_invalid_arguments_change_nothing);
	RUN(test_empty_sections_cannot_be_opened);
	RUN(test_open_city_from_a_city_screen);
	RUN(test_repair_after_a_reload);
	RUN(test_format_each_form);
	RUN(test_format_truncates_like_snprintf);
	RUN(test_parse_each_form);
	RUN(test_parse_rejects_junk);
	RUN(test_round_trip_every_reachable_state);
	RUN(test_trace_json);
	RUN(test_random_walk);
	return failures_ != 0;
}
