/* A hall that cannot start waits longer each time: none after the first
 * failure, then doubling from 2 s to a minute; the count lives in the
 * state folder and the first frame clears it. */
#include <stdlib.h>
#include <unistd.h>

#include "app/backoff.h"
#include "test.h"

static int failures_;

static void test_delays(void)
{
	CHECK_INT(backoff_delay_s(1), 0);
	CHECK_INT(backoff_delay_s(2), 2);
	CHECK_INT(backoff_delay_s(3), 4);
	CHECK_INT(backoff_delay_s(6), 32);
	CHECK_INT(backoff_delay_s(7), BACKOFF_MAX_S);
	CHECK_INT(backoff_delay_s(900), BACKOFF_MAX_S);
}

static void test_count(void)
{
	char dir[] = "/tmp/twinhall-backoff.XXXXXX", path[64];
	CHECK(mkdtemp(dir) != NULL);
	CHECK_INT(backoff_failed(dir), 1);
	CHECK_INT(backoff_failed(dir), 2);
	CHECK_INT(backoff_failed(dir), 3);
	backoff_clear(dir);
	CHECK_INT(backoff_failed(dir), 1);
	CHECK_INT(backoff_failed(NULL), 1); /* not counted without a state folder */
	backoff_clear(NULL);
	backoff_clear(dir);
	snprintf(path, sizeof path, "%s", dir);
	CHECK_INT(rmdir(path), 0); /* nothing left behind */
}

int main(void)
{
	RUN(test_delays);
	RUN(test_count);
	return failures_ != 0;
}
