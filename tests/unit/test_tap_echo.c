/* The echo of a tap that opened something: a second (and third) tap of a
 * double tap does nothing, a later tap or a tap elsewhere works, a tap
 * that moved nobody leaves the next one alone. */
#include "input/tap_echo.h"
#include "test.h"

static int failures_;

static void test_double_tap_second_is_an_echo(void)
{
	struct tap_echo e = tap_echo_make(400, 50);
	CHECK(!tap_echo_press(&e, 1000, 100, 100)); /* first tap: nothing armed */
	CHECK(!tap_echo_tap(&e, 1080));
	tap_echo_arm(&e, 1080, 100, 100); /* it opened a city */
	CHECK(tap_echo_press(&e, 1250, 110, 95));
	CHECK(tap_echo_tap(&e, 1320)); /* its TAP ... */
	CHECK(tap_echo_tap(&e, 1320)); /* ... and DOUBLE_TAP do nothing */
	/* A third tap as quick is an echo too. */
	CHECK(tap_echo_press(&e, 1500, 104, 100));
	CHECK(tap_echo_tap(&e, 1560));
	/* A tap after a pause is the visitor's own. */
	CHECK(!tap_echo_press(&e, 2500, 100, 100));
	CHECK(!tap_echo_tap(&e, 2560));
}

static void test_late_far_or_unarmed_taps_work(void)
{
	struct tap_echo e = tap_echo_make(400, 50);
	tap_echo_arm(&e, 1000, 100, 100);
	CHECK(!tap_echo_press(&e, 1401, 100, 100));
	CHECK(!tap_echo_tap(&e, 1450));
	/* A quick tap elsewhere (Back, right after opening) is meant. */
	tap_echo_arm(&e, 2000, 100, 100);
	CHECK(!tap_echo_press(&e, 2100, 100, 151));
	/* Only the first press after arming can be an echo. */
	tap_echo_arm(&e, 3000, 100, 100);
	CHECK(tap_echo_press(&e, 3100, 100, 100));
	CHECK(!tap_echo_press(&e, 3200, 100, 100));
	/* A clock step back is no time: an echo. */
	tap_echo_arm(&e, 5000, 100, 100);
	CHECK(tap_echo_press(&e, 4000, 100, 100));
}

int main(void)
{
	RUN(test_double_tap_second_is_an_echo);
	RUN(test_late_far_or_unarmed_taps_work);
	return failures_ != 0;
}
