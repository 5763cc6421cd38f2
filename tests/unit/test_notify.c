/* The sd_notify datagrams reach a listening socket (a path or an abstract
 * name), and the watchdog is pinged at half its period, only when it is
 * ours. The listener is a real AF_UNIX datagram socket, as systemd's is. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "app/notify.h"
#include "test.h"

static int failures_;

/* A datagram socket bound to name (a path, or "@name"); -1 on failure. */
static int listener(const char *name)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	size_t len = strlen(name);
	memcpy(sa.sun_path, name, len);
	if (name[0] == '@')
		sa.sun_path[0] = '\0';
	struct timeval tv = {.tv_sec = 2};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	socklen_t sl = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sl) != 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* The next datagram on fd as a string ("" when none came). */
static const char *received(int fd)
{
	static char buf[600];
	ssize_t n = recv(fd, buf, sizeof buf - 1, MSG_DONTWAIT);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

static void test_ready_reaches_a_path_socket(void)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/twinhall-notify-%d", (int)getpid());
	unlink(path);
	int fd = listener(path);
	CHECK(fd >= 0);
	struct notify n;
	CHECK_INT(notify_open(&n, path, NULL, NULL, getpid()), 0);
	CHECK_INT(notify_send(&n, "READY=1"), 0);
	CHECK_STR(received(fd), "READY=1");
	CHECK(notify_ping_due(&n) == UINT64_MAX); /* no WATCHDOG_USEC: no watchdog */
	CHECK(!notify_frame(&n, 123456, "x"));
	CHECK_STR(received(fd), "");
	notify_close(&n);
	close(fd);
	unlink(path);
}

static void test_watchdog_pings_at_half_its_period(void)
{
	char name[64];
	snprintf(name, sizeof name, "@twinhall-notify-%d", (int)getpid());
	int fd = listener(name);
	CHECK(fd >= 0);
	char pid[16];
	snprintf(pid, sizeof pid, "%d", (int)getpid());
	struct notify n;
	CHECK_INT(notify_open(&n, name, "2000000", pid, getpid()), 0); /* WatchdogSec=2 */
	CHECK(notify_ping_due(&n) == 0);                               /* at the first frame */
	CHECK(notify_frame(&n, 500, "content current, 60 fps"));
	CHECK_STR(received(fd), "WATCHDOG=1\nSTATUS=content current, 60 fps");
	CHECK(notify_ping_due(&n) == 1500);
	CHECK(!notify_frame(&n, 1499, "s")); /* frames in between send nothing */
	CHECK_STR(received(fd), "");
	CHECK(notify_frame(&n, 1500, NULL));
	CHECK_STR(received(fd), "WATCHDOG=1");
	notify_close(&n);
	close(fd);
}

static void test_watchdog_of_another_process_is_not_ours(void)
{
	struct notify n;
	CHECK_INT(notify_open(&n, NULL, "2000000", "1", 4242), 0);
	CHECK(notify_ping_due(&n) == UINT64_MAX);
	CHECK_INT(notify_send(&n, "READY=1"), -1); /* no socket: nothing sent, no harm */
	notify_close(&n);
	CHECK_INT(notify_open(&n, "relative/path", NULL, NULL, 1), -1);
	CHECK_INT(notify_send(&n, "READY=1"), -1);
}

int main(void)
{
	RUN(test_ready_reaches_a_path_socket);
	RUN(test_watchdog_pings_at_half_its_period);
	RUN(test_watchdog_of_another_process_is_not_ours);
	return failures_ ? 1 : 0;
}
