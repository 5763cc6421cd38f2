/* --at attract/N counts the loop's slides from 1, as photos/N counts
 * photos: attract and attract/1 are the first slide. */
#include "app/screenshot.h"
#include "test.h"

static int failures_;

static void test_attract_counts_from_one(void)
{
	unsigned long long seq = 99;
	CHECK_INT(screenshot_parse_at("attract", &seq), 0);
	CHECK_INT(seq, 0);
	CHECK_INT(screenshot_parse_at("attract/1", &seq), 0);
	CHECK_INT(seq, 0);
	CHECK_INT(screenshot_parse_at("attract/13", &seq), 0);
	CHECK_INT(seq, 12);
	CHECK_INT(screenshot_parse_at("attract/0", &seq), -1);
	CHECK_INT(screenshot_parse_at("attract/01", &seq), -1);
	CHECK_INT(screenshot_parse_at("attract/-1", &seq), -1);
	CHECK_INT(screenshot_parse_at("attract/2x", &seq), -1);
	CHECK_INT(screenshot_parse_at("attract/99999999999999999999999", &seq), -1);
	CHECK_INT(screenshot_parse_at("home", &seq), -1);
}

int main(void)
{
	RUN(test_attract_counts_from_one);
	return failures_ != 0;
}
