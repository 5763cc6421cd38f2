/* notify_listen: a stand-in for systemd's end of sd_notify. Binds a
 * datagram socket at PATH and prints each message it gets as one line,
 * "MS TEXT", MS counted from the start and the message's newlines shown as
 * '|', until SECONDS have passed.
 * Usage: notify_listen PATH SECONDS */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	if (argc != 3 || strlen(argv[1]) >= sizeof((struct sockaddr_un){0}.sun_path)) {
		fprintf(stderr, "usage: notify_listen PATH SECONDS\n");
		return 2;
	}
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	strcpy(sa.sun_path, argv[1]);
	unlink(argv[1]);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		perror("notify_listen");
		return 1;
	}
	struct timeval tv = {.tv_usec = 100000};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	double t0 = now_ms(), end = t0 + atof(argv[2]) * 1000;
	char buf[4096];
	while (now_ms() < end) {
		ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
		if (n <= 0)
			continue;
		buf[n] = '\0';
		for (char *p = buf; *p; p++)
			if (*p == '\n')
				*p = '|';
		printf("%.0f %s\n", now_ms() - t0, buf);
		fflush(stdout);
	}
	unlink(argv[1]);
	return 0;
}
