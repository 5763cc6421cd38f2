#include "app/notify.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int notify_open(struct notify *n, const char *socket_name, const char *usec, const char *pid,
                pid_t self)
{
	*n = (struct notify){.fd = -1};
	if (usec && *usec && (!pid || !*pid || strtoll(pid, NULL, 10) == (long long)self)) {
		unsigned long long us = strtoull(usec, NULL, 10);
		n->watchdog_ms =
		    us / 2000; /* ping twice per period, as sd_watchdog_enabled(3) says */
		if (us > 0 && n->watchdog_ms == 0)
			n->watchdog_ms = 1;
	}
	if (!socket_name || !*socket_name)
		return 0;
	size_t len = strlen(socket_name);
	if ((socket_name[0] != '/' && socket_name[0] != '@') || len >= sizeof n->path)
		return -1;
	memcpy(n->path, socket_name, len);
	if (n->path[0] == '@')
		n->path[0] = '\0'; /* abstract namespace */
	n->path_len = (unsigned)len;
	n->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	return n->fd < 0 ? -1 : 0;
}

void notify_close(struct notify *n)
{
	if (n->fd >= 0)
		close(n->fd);
	n->fd = -1;
}

int notify_send(const struct notify *n, const char *msg)
{
	if (n->fd < 0)
		return -1;
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	memcpy(sa.sun_path, n->path, n->path_len);
	socklen_t sl = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n->path_len);
	ssize_t sent;
	do
		sent = sendto(n->fd, msg, strlen(msg), MSG_NOSIGNAL, (struct sockaddr *)&sa, sl);
	while (sent < 0 && errno == EINTR);
	return sent < 0 ? -1 : 0;
}

uint64_t notify_ping_due(const struct notify *n)
{
	return n->watchdog_ms ? n->next_ping : UINT64_MAX;
}

bool notify_frame(struct notify *n, uint64_t now, const char *status)
{
	if (!n->watchdog_ms || now < n->next_ping)
		return false;
	n->next_ping = now + n->watchdog_ms;
	char msg[512];
	snprintf(msg, sizeof msg, "WATCHDOG=1%s%s", status ? "\nSTATUS=" : "",
	         status ? status : "");
	notify_send(n, msg);
	return true;
}
