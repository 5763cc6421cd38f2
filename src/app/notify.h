/* notify: telling systemd how the hall is, by sd_notify's datagram
 * protocol (sd_notify(3)): READY=1 once the first frame is on screen,
 * WATCHDOG=1 after presented frames, at half the unit's WatchdogSec, so a
 * loop or a renderer that hangs gets the process restarted, and STATUS=
 * with a one-line summary. Without $NOTIFY_SOCKET (not under systemd)
 * every call does nothing. */
#ifndef TWINHALL_NOTIFY_H
#define TWINHALL_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct notify {
	int fd;               /* -1: nobody listens */
	char path[108];       /* the socket; a leading '\0' for an abstract one */
	unsigned path_len;    /* bytes of path in use */
	uint64_t watchdog_ms; /* how often to ping; 0: no watchdog */
	uint64_t next_ping;   /* when the next WATCHDOG=1 is due */
};

/* Reads the protocol's variables as systemd sets them: socket is
 * $NOTIFY_SOCKET (a path, or "@name" for an abstract socket), usec is
 * $WATCHDOG_USEC and pid is $WATCHDOG_PID (the watchdog is ours only when
 * it is unset or names self). Any may be NULL. 0, or -1 when the socket
 * cannot be made (then n does nothing). */
int notify_open(struct notify *n, const char *socket, const char *usec, const char *pid,
                pid_t self);

/* Closes the socket. */
void notify_close(struct notify *n);

/* Sends msg (newline-separated assignments); 0, or -1 when not sent. */
int notify_send(const struct notify *n, const char *msg);

/* When the next watchdog ping is due; UINT64_MAX without a watchdog. The
 * main loop presents a frame by then, even on a still screen. */
uint64_t notify_ping_due(const struct notify *n);

/* A frame was presented at now: pings the watchdog when due, with status
 * (a one-line summary, may be NULL) as STATUS=. True when it pinged. */
bool notify_frame(struct notify *n, uint64_t now, const char *status);

#endif
