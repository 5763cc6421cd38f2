/* The crossfade's states: every stage with every event. */
#include "visit/fade.h"
#include "test.h"

static int failures_;

static struct fade at(enum fade_stage stage, uint64_t since, uint64_t hold_until)
{
	return (struct fade){stage, since, hold_until};
}

static void test_a_change_of_place(void)
{
	struct fade f = {FADE_NONE, 0, 0};
	CHECK(!fade_waiting(&f));
	CHECK_INT(fade_alpha(&f, 5), 255);
	CHECK(!fade_at_end(&f, 5000));
	fade_begin(&f, 1000, 0);
	CHECK_INT(f.stage, FADE_PREPARE);
	CHECK(fade_waiting(&f));
	fade_tick(&f, 1016, false); /* the new place still being drawn */
	CHECK_INT(f.stage, FADE_PREPARE);
	CHECK_INT(fade_alpha(&f, 1016), 255);
	fade_prepared(&f, 1032);
	CHECK_INT(f.stage, FADE_BLEND);
	CHECK(!fade_waiting(&f));
	CHECK_INT(fade_alpha(&f, 1032), 255);
	CHECK_INT(fade_alpha(&f, 1032 + FADE_MS / 2), 128);
	CHECK(!fade_at_end(&f, 1032 + FADE_MS - 1));
	CHECK(fade_at_end(&f, 1032 + FADE_MS));
	CHECK_INT(fade_alpha(&f, 1032 + FADE_MS), 0);
	CHECK_INT(fade_alpha(&f, 1032 + 10 * FADE_MS), 0);
	fade_tick(&f, 5000, true); /* a blend goes on by time alone */
	CHECK_INT(f.stage, FADE_BLEND);
	CHECK_INT(f.since_ms, 1032);
	fade_end(&f);
	CHECK_INT(f.stage, FADE_NONE);
}

static void test_a_reload_holds_for_its_images(void)
{
	struct fade f;
	fade_begin(&f, 1000, 2000);
	CHECK_INT(f.hold_until, 2000);
	fade_prepared(&f, 1050);
	CHECK_INT(f.stage, FADE_HOLD);
	CHECK(fade_waiting(&f));
	fade_tick(&f, 1100, true);
	CHECK_INT(f.stage, FADE_HOLD);
	CHECK_INT(fade_alpha(&f, 1100), 255);
	fade_tick(&f, 1200, false); /* the images are in */
	CHECK_INT(f.stage, FADE_BLEND);
	CHECK_INT(f.since_ms, 1200);
	CHECK_INT(f.hold_until, 0);
	/* Images that never come: the hold ends at hold_until. */
	fade_begin(&f, 1000, 2000);
	fade_prepared(&f, 1050);
	fade_tick(&f, 1999, true);
	CHECK_INT(f.stage, FADE_HOLD);
	fade_tick(&f, 2000, true);
	CHECK_INT(f.stage, FADE_BLEND);
	CHECK_INT(f.since_ms, 2000);
}

/* The hold's time runs out while the new place is still being drawn: it
 * then blends as soon as it is ready, without holding on. */
static void test_a_hold_that_passed_while_preparing(void)
{
	struct fade f;
	fade_begin(&f, 1000, 2000);
	fade_tick(&f, 2500, true);
	CHECK_INT(f.stage, FADE_PREPARE);
	CHECK_INT(f.hold_until, 0);
	fade_prepared(&f, 2516);
	CHECK_INT(f.stage, FADE_BLEND);
	/* A hold already past when the fade begins is none. */
	fade_begin(&f, 3000, 3000);
	CHECK_INT(f.hold_until, 0);
}

/* Events that mean nothing in a stage leave it as it was. */
static void test_events_out_of_place(void)
{
	struct fade none = at(FADE_NONE, 7, 0), blend = at(FADE_BLEND, 7, 0),
	            hold = at(FADE_HOLD, 7, 90);
	fade_prepared(&none, 50);
	CHECK_INT(none.stage, FADE_NONE);
	fade_tick(&none, 50, true);
	CHECK_INT(none.stage, FADE_NONE);
	fade_prepared(&blend, 50);
	CHECK_INT(blend.stage, FADE_BLEND);
	CHECK_INT(blend.since_ms, 7);
	fade_prepared(&hold, 50);
	CHECK_INT(hold.stage, FADE_HOLD);
	/* A clock that stepped back shows the blend's start, not its end. */
	CHECK_INT(fade_alpha(&blend, 3), 255);
	CHECK(!fade_at_end(&blend, 3));
}

int main(void)
{
	RUN(test_a_change_of_place);
	RUN(test_a_reload_holds_for_its_images);
	RUN(test_a_hold_that_passed_while_preparing);
	RUN(test_events_out_of_place);
	return failures_ != 0;
}
