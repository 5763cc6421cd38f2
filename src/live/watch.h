/* watch: a thread that notices when staff change the content directory and
 * says so once the change is complete (see settle.h). It listens to inotify
 * on every directory of the tree, adding new ones as they appear and
 * looking again at everything when the kernel's queue overflowed. Inotify
 * does not see what other machines write on a network share, so on NFS or
 * SMB/CIFS, or when asked, it looks at the tree every few seconds instead. */
#ifndef TWINHALL_WATCH_H
#define TWINHALL_WATCH_H

#include <stdbool.h>
#include <stdint.h>

enum { WATCH_POLL_DEFAULT_S = 2 };

struct watch;

struct watch_config {
	uint64_t quiet_ms; /* 0: SETTLE_QUIET_MS */
	int poll_s;        /* > 0: poll every poll_s seconds instead of inotify */
};

/* Starts watching dir; changed(ctx) is called on the watcher's thread each
 * time a complete change is ready to read. NULL (with a log line) when no
 * thread could be started. */
struct watch *watch_start(const char *dir, const struct watch_config *cfg,
                          void (*changed)(void *ctx), void *ctx);

/* Stops the thread and frees the watch. Accepts NULL. */
void watch_stop(struct watch *w);

/* Whether the watch polls (a network share, or asked to). */
bool watch_polls(const struct watch *w);

#endif
