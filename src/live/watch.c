#include "live/watch.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/statfs.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "base/clock_ms.h"
#include "live/settle.h"
#include "base/thread_background.h"
#include "live/tree.h"

enum {
	WATCH_MASK = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
	             IN_DELETE_SELF | IN_MOVE_SELF,
	/* Magic numbers of network file systems (statfs(2)). */
	FS_NFS = 0x6969,
	FS_SMB = 0x517B,
	FS_CIFS = (int)0xFF534D42,
	FS_SMB2 = (int)0xFE534D42,
};

struct watch {
	char dir[4096];
	int poll_s;  /* > 0: polling */
	int inotify; /* -1 when polling */
	int stop[2]; /* a pipe: a byte in it stops the thread */
	pthread_t thread;
	void (*changed)(void *ctx);
	void *ctx;
	struct settle settle;
};

static bool on_network(const char *dir)
{
	struct statfs sf;
	if (statfs(dir, &sf) != 0)
		return false;
	int t = (int)sf.f_type;
	return t == FS_NFS || t == FS_SMB || t == FS_CIFS || t == FS_SMB2;
}

static void add_dir(void *ctx, const char *path)
{
	struct watch *w = ctx;
	if (inotify_add_watch(w->inotify, path, WATCH_MASK) < 0 && errno == ENOSPC)
		log_warning("cannot watch %s: too many watches "
		            "(raise fs.inotify.max_user_watches)",
		            path);
}

/* Watches every directory of the tree (again: a watch added twice is one). */
static void add_all(struct watch *w)
{
	tree_dirs(w->dir, add_dir, w);
}

/* Reads the pending inotify events; true when one of them counts. */
static bool read_events(struct watch *w)
{
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool seen = false, rescan = false;
	ssize_t n;
	while ((n = read(w->inotify, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			p += sizeof *e + e->len;
			if (e->mask & IN_Q_OVERFLOW) {
				rescan = seen = true;
				continue;
			}
			if (e->len && tree_ignored(e->name))
				continue;
			seen = true;
			if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)))
				rescan = true; /* a new directory: watch it and what it holds */
			if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF))
				rescan = true; /* the tree was replaced: watch it anew */
		}
	}
	if (rescan)
		add_all(w);
	return seen;
}

static void *run(void *arg)
{
	struct watch *w = arg;
	thread_background();
	uint64_t next_poll = clock_ms() + (uint64_t)w->poll_s * 1000;
	uint64_t polled = w->settle.read_look;
	for (;;) {
		uint64_t now = clock_ms(), due = settle_due(&w->settle);
		if (w->poll_s > 0 && next_poll < due)
			due = next_poll;
		int timeout = due == UINT64_MAX ? -1 : due <= now ? 0 : (int)(due - now);
		struct pollfd fds[2] = {{w->stop[0], POLLIN, 0}, {w->inotify, POLLIN, 0}};
		int rc = poll(fds, w->inotify >= 0 ? 2 : 1, timeout);
		if (rc < 0 && errno != EINTR)
			break;
		if (fds[0].revents)
			break;
		now = clock_ms();
		if (w->inotify >= 0 && (fds[1].revents & POLLIN) && read_events(w))
			settle_changed(&w->settle, now);
		if (w->poll_s > 0 && now >= next_poll) {
			next_poll = now + (uint64_t)w->poll_s * 1000;
			uint64_t f = tree_fingerprint(w->dir);
			if (f != polled)
				settle_changed(&w->settle, now);
			polled = f;
		}
		if (now >= settle_due(&w->settle)) {
			uint64_t f = tree_fingerprint(w->dir);
			polled = f;
			if (settle_look(&w->settle, now, f)) {
				if (w->inotify >= 0)
					add_all(w); /* any directory missed meanwhile */
				w->changed(w->ctx);
			}
		}
	}
	return NULL;
}

struct watch *watch_start(const char *dir, const struct watch_config *cfg,
                          void (*changed)(void *ctx), void *ctx)
{
	struct watch *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	snprintf(w->dir, sizeof w->dir, "%s", dir);
	w->changed = changed;
	w->ctx = ctx;
	w->inotify = -1;
	w->stop[0] = w->stop[1] = -1;
	w->poll_s = cfg->poll_s;
	if (w->poll_s <= 0 && on_network(dir))
		w->poll_s = WATCH_POLL_DEFAULT_S;
	if (w->poll_s <= 0) {
		w->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
		if (w->inotify < 0) {
			log_warning("no inotify (%s): looking at %s every %d s", strerror(errno),
			            dir, WATCH_POLL_DEFAULT_S);
			w->poll_s = WATCH_POLL_DEFAULT_S;
		}
	}
	if (pipe(w->stop) != 0)
		goto fail;
	if (w->inotify >= 0)
		add_all(w);
	settle_init(&w->settle, cfg->quiet_ms ? cfg->quiet_ms : SETTLE_QUIET_MS,
	            tree_fingerprint(dir));
	if (pthread_create(&w->thread, NULL, run, w) != 0)
		goto fail;
	if (w->poll_s > 0)
		log_info("looking at %s for changes every %d s", dir, w->poll_s);
	return w;
fail:
	log_warning("cannot watch %s for changes: %s", dir, strerror(errno));
	if (w->stop[0] >= 0)
		close(w->stop[0]), close(w->stop[1]);
	if (w->inotify >= 0)
		close(w->inotify);
	free(w);
	return NULL;
}

void watch_stop(struct watch *w)
{
	if (!w)
		return;
	char b = 1;
	if (write(w->stop[1], &b, 1) == 1)
		pthread_join(w->thread, NULL);
	close(w->stop[0]);
	close(w->stop[1]);
	if (w->inotify >= 0)
		close(w->inotify);
	free(w);
}

bool watch_polls(const struct watch *w)
{
	return w->poll_s > 0;
}
