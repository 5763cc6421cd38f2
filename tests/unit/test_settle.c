/* When a changed tree is read: after the quiet time, and only once two
 * looks agree; a tree still growing waits, one changed back is not read. */
#include "live/settle.h"
#include "test.h"

static int failures_;

static void test_reads_after_quiet_and_two_equal_looks(void)
{
	struct settle s;
	settle_init(&s, 1000, 11);
	CHECK(settle_due(&s) == UINT64_MAX); /* nothing to do */
	settle_changed(&s, 5000);
	CHECK_INT(settle_due(&s), 6000 - SETTLE_LOOK_MS); /* the first look, before the end */
	CHECK(!settle_look(&s, 5500, 22));                /* too early: not a look */
	settle_changed(&s, 5600);                         /* saved again: the quiet time restarts */
	CHECK_INT(settle_due(&s), 6600 - SETTLE_LOOK_MS);
	CHECK(!settle_look(&s, 6400, 22)); /* the first look */
	CHECK_INT(settle_due(&s), 6600);   /* the second, as the quiet time ends */
	CHECK(!settle_look(&s, 6599, 22)); /* not yet quiet long enough */
	CHECK(settle_look(&s, 6600, 22));  /* the same: read it */
	CHECK(settle_due(&s) == UINT64_MAX);
}

static void test_growing_file_waits(void)
{
	struct settle s;
	settle_init(&s, 1000, 1);
	settle_changed(&s, 0);
	CHECK(!settle_look(&s, 1000, 100)); /* a copy in progress: 100 bytes */
	CHECK(!settle_look(&s, 1200, 200)); /* still growing */
	CHECK(!settle_look(&s, 1400, 300));
	CHECK(settle_look(&s, 1600, 300)); /* done */
}

static void test_changed_back_is_not_read(void)
{
	struct settle s;
	settle_init(&s, 1000, 7);
	settle_changed(&s, 0);
	CHECK(!settle_look(&s, 1000, 7));
	CHECK(!settle_look(&s, 1200, 7)); /* as it was read: nothing to do */
	CHECK(settle_due(&s) == UINT64_MAX);
	settle_changed(&s, 2000); /* then a real change is read */
	CHECK(!settle_look(&s, 3000, 8));
	CHECK(settle_look(&s, 3200, 8));
}

int main(void)
{
	RUN(test_reads_after_quiet_and_two_equal_looks);
	RUN(test_growing_file_waits);
	RUN(test_changed_back_is_not_read);
	return failures_ != 0;
}
