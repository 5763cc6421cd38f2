/* The git sync's status file as the staff panel reads it: its results,
 * times and detail; unknown keys skipped; no file or no result: none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "live/sync_status.h"
#include "test.h"

static int failures_;

static void test_parse(void)
{
	struct sync_status s;
	CHECK(sync_status_parse("# twinhall-sync\nresult=rejected\ntime=1764586800\n"
	                        "ok_time=1764500400\nbranch=main\nshown=abc\nnew_key=1\n"
	                        "detail=cities/oxford/city.yaml:31:11: error: x\n",
	                        &s));
	CHECK_INT(s.result, SYNC_REJECTED);
	CHECK_INT(s.time, 1764586800);
	CHECK_INT(s.ok_time, 1764500400);
	CHECK(strcmp(s.branch, "main") == 0);
	CHECK(strcmp(s.detail, "cities/oxford/city.yaml:31:11: error: x") == 0);
	CHECK(sync_status_parse("result=ok\ntime=5\nok_time=\n", &s));
	CHECK_INT(s.result, SYNC_OK);
	CHECK_INT(s.ok_time, 0);
	CHECK(sync_status_parse("result=failed", &s) && s.result == SYNC_FAILED);
	CHECK(!sync_status_parse("result=maybe\n", &s));
	CHECK(!sync_status_parse("", &s));
	CHECK_INT(s.result, SYNC_NONE);
}

static void test_read_beside_the_state(void)
{
	char dir[] = "/tmp/twinhall-sync-XXXXXX", p[256];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(p, sizeof p, "%s/state", dir);
	mkdir(p, 0755);
	struct sync_status s;
	sync_status_read(p, &s);
	CHECK_INT(s.result, SYNC_NONE); /* no sync on this PC */
	snprintf(p, sizeof p, "%s/sync", dir);
	mkdir(p, 0755);
	snprintf(p, sizeof p, "%s/sync/status", dir);
	FILE *f = fopen(p, "w");
	CHECK(f != NULL);
	fputs("result=ok\nbranch=main\n", f);
	fclose(f);
	snprintf(p, sizeof p, "%s/state", dir);
	sync_status_read(p, &s);
	CHECK_INT(s.result, SYNC_OK);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK(system(cmd) == 0);
}

int main(void)
{
	RUN(test_parse);
	RUN(test_read_beside_the_state);
	return failures_ != 0;
}
