/* watch: a thread that notices when staff change the content directory and
 * says so once the change is complete (see settle.h). It listens to inotify
 * on every directory of the tree, adding new ones as they appear and
 * looking again at everything when the kernel's queue overflowed. Inotify
 * does not see what other machines write on a network share, so on NFS or
 * SMB/CIFS, or when asked, it looks at the tree every few seconds instead.
 * The folder itself may go and come back (replaced, renamed away and back,
 * a share mounted after boot): the folder above is watched for its name,
 * and twice a second the watcher looks whether the folder is there and is
 * the one watched; a folder that came back is watched anew and counts as
 * a change. */
#ifndef TWINHALL_WATCH_H
#define TWINHALL_WATCH_H

#include <stdbool.h>
#include <stdint.h>

enum { WATCH_POLL_DEFAULT_S = 2 };

struct watch;

/* How the watch is, for the staff panel. */
enum watch_state {
	WATCH_INOTIFY, /* changes are told by the kernel */
	WATCH_POLLING, /* the tree is looked at every few seconds */
	WATCH_GONE,    /* the folder is not there: waiting for it to come back */
	WATCH_STOPPED, /* the thread ended on an error: changes are not seen */
};

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

/* How the watch is now; from any thread. */
enum watch_state watch_state(struct watch *w);

#endif
