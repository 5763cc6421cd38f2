/* Screen ops other than name and draw are optional: a screen without them
 * sets nothing up, takes no gesture and never moves. */
#include "test.h"
#include "ui/screen.h"

static int failures_;
static int entered, gestured;

static void count_enter(struct ui *ui)
{
	(void)ui;
	entered++;
}

static bool take_gesture(struct ui *ui, const struct gesture *g, struct nav_event *ev)
{
	(void)ui;
	(void)g;
	gestured++;
	ev->kind = NAV_EV_NEXT;
	return true;
}

static bool always_moving(const struct ui *ui)
{
	(void)ui;
	return true;
}

static void draw_nothing(struct ui *ui)
{
	(void)ui;
}

static void test_optional_ops(void)
{
	struct ui ui = {0};
	struct gesture g = {0};
	struct nav_event ev = {NAV_EV_TICK, 0};
	const struct screen_ops bare = {.name = "bare", .draw = draw_nothing};
	const struct screen_ops full = {.name = "full",
	                                .enter = count_enter,
	                                .gesture = take_gesture,
	                                .moving = always_moving,
	                                .draw = draw_nothing};
	screen_enter(&bare, &ui);
	CHECK(!screen_gesture(&bare, &ui, &g, &ev));
	CHECK_INT(ev.kind, NAV_EV_TICK);
	CHECK(!screen_moving(&bare, &ui));
	screen_enter(&full, &ui);
	CHECK_INT(entered, 1);
	CHECK(screen_gesture(&full, &ui, &g, &ev));
	CHECK_INT(gestured, 1);
	CHECK_INT(ev.kind, NAV_EV_NEXT);
	CHECK(screen_moving(&full, &ui));
}

/* The hall's own screens: each has a name and draws; home needs no other
 * op, the gift grid scrolls. */
static void test_the_screens(void)
{
	enum nav_screen all[] = {NAV_HOME, NAV_PHOTOS, NAV_HISTORY, NAV_GIFTS, NAV_GIFT};
	for (int i = 0; i < 5; i++) {
		const struct screen_ops *s = screen_of(all[i]);
		CHECK(s && s->name && s->draw);
	}
	CHECK(screen_of(NAV_ATTRACT) == NULL);
	CHECK(screen_of(NAV_HOME)->enter == NULL && screen_of(NAV_HOME)->moving == NULL);
	CHECK(screen_of(NAV_PHOTOS)->gesture != NULL);
	CHECK(screen_of(NAV_GIFTS)->gesture != NULL && screen_of(NAV_GIFTS)->moving != NULL);
}

/* Each screen's own state: made zeroed for the screens that keep one, none
 * for the others, all let go at the end. */
static void test_screen_states(void)
{
	struct ui ui = {0};
	CHECK(screen_states_new(&ui));
	CHECK(screen_state(&ui, NAV_PHOTOS) != NULL);
	CHECK(screen_state(&ui, NAV_HISTORY) != NULL);
	CHECK(screen_state(&ui, NAV_GIFT) != NULL);
	CHECK(screen_state(&ui, NAV_HOME) != NULL);  /* the scale of its cards */
	CHECK(screen_state(&ui, NAV_GIFTS) != NULL); /* the grid's scroll */
	CHECK(screen_state(&ui, NAV_ATTRACT) == NULL);
	CHECK(screen_state(&ui, NAV_PHOTOS) != screen_state(&ui, NAV_GIFT));
	const unsigned char *b = screen_state(&ui, NAV_HISTORY);
	int zero = 1;
	for (size_t i = 0; i < screen_of(NAV_HISTORY)->state_size; i++)
		zero &= b[i] == 0;
	CHECK(zero);
	screen_states_free(&ui);
	CHECK(screen_state(&ui, NAV_PHOTOS) == NULL);
}

/* A place is the screen, the city, the language and the ui's epoch. */
static void test_places(void)
{
	struct ui ui = {0};
	ui.nav = (struct nav_state){.screen = NAV_HISTORY, .city = 2, .lang = 1};
	struct ui_place a = ui_place_now(&ui);
	CHECK(ui_place_same(a, ui_place_now(&ui)));
	ui.nav.lang = 0;
	CHECK(!ui_place_same(a, ui_place_now(&ui)));
	ui.nav.lang = 1;
	ui.epoch++;
	CHECK(!ui_place_same(a, ui_place_now(&ui)));
}

int main(void)
{
	RUN(test_optional_ops);
	RUN(test_the_screens);
	RUN(test_screen_states);
	RUN(test_places);
	return failures_ != 0;
}
