/* The journal lines: each level's prefix, one whole line each. */
#include <stdlib.h>
#include <unistd.h>

#include "base/log.h"
#include "test.h"

static int failures_;

/* What the calls in fn wrote to stderr, in buf. */
static void captured(void (*fn)(void), char *buf, size_t size)
{
	char path[] = "/tmp/test_log.XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	fflush(stderr);
	dup2(fd, 2);
	fn();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	ssize_t n = pread(fd, buf, size - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(path);
}

static void each_level(void)
{
	log_error("cannot %s", "open");
	log_warning("%d photos", 3);
	log_notice("noted");
	log_info("reloaded in %d ms", 12);
}

static void test_levels(void)
{
	char buf[512];
	captured(each_level, buf, sizeof buf);
	CHECK_STR(buf, "<3>twinhall: cannot open\n"
	               "<4>twinhall: 3 photos\n"
	               "<5>twinhall: noted\n"
	               "<6>twinhall: reloaded in 12 ms\n");
}

static void long_line(void)
{
	static char big[5000];
	memset(big, 'x', sizeof big - 1);
	log_warning("%s", big);
}

/* A message longer than a line's room is cut, never split in two. */
static void test_long_message_is_one_line(void)
{
	static char buf[8192];
	captured(long_line, buf, sizeof buf);
	size_t len = strlen(buf);
	CHECK(len > 1000 && len < 4000);
	CHECK(strncmp(buf, "<4>twinhall: xxx", 16) == 0);
	CHECK(strchr(buf, '\n') == buf + len - 1);
}

int main(void)
{
	RUN(test_levels);
	RUN(test_long_message_is_one_line);
	return failures_ != 0;
}
