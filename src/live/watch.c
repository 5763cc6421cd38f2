#include "live/watch.h"

#include <errno.h>
#include <libgen.h>
#include <poll.h>
#include <stdatomic.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
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
	/* In the folder above: the content folder's name coming and going. */
	PARENT_MASK = IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR,
	/* How often the folder's identity is looked at: a share mounted over
	 * it, or a folder of the same name put back, sends no event to the
	 * watches of the folder that was there. */
	ROOT_LOOK_MS = 500,
	/* Magic numbers of network file systems (statfs(2)). */
	FS_NFS = 0x6969,
	FS_SMB = 0x517B,
	FS_CIFS = (int)0xFF534D42,
	FS_SMB2 = (int)0xFE534D42,
};

struct watch {
	char dir[4096];
	char parent[4096], name[256]; /* the folder above dir, and dir's name in it */
	int poll_s;                   /* > 0: polling */
	int inotify;                  /* -1 when polling */
	int parent_wd;                /* the watch of parent; -1 when none */
	bool present;                 /* dir was there at the last look */
	dev_t dev;                    /* which folder it was */
	ino_t ino;
	atomic_int state; /* enum watch_state, read by other threads */
	int stop[2];      /* a pipe: a byte in it stops the thread */
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

/* Watches dir anew, from an inotify of its own: watches follow folders, not
 * names, so those of a folder renamed away would go on telling of it. The
 * folder above is watched for dir's name coming back. */
static void rearm(struct watch *w)
{
	if (w->poll_s > 0)
		return;
	if (w->inotify >= 0)
		close(w->inotify);
	w->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->inotify < 0) {
		log_warning("no inotify (%s): looking at %s every %d s", strerror(errno), w->dir,
		            WATCH_POLL_DEFAULT_S);
		w->poll_s = WATCH_POLL_DEFAULT_S;
		return;
	}
	w->parent_wd = inotify_add_watch(w->inotify, w->parent, PARENT_MASK);
	if (w->present)
		add_all(w);
}

static enum watch_state running_state(const struct watch *w)
{
	return !w->present ? WATCH_GONE : w->poll_s > 0 ? WATCH_POLLING : WATCH_INOTIFY;
}

/* Looks whether dir is there and is still the folder watched; a folder
 * that came back, was replaced or had a share mounted over it is watched
 * anew and counts as a change. */
static void look_at_root(struct watch *w, uint64_t now)
{
	struct stat st;
	bool present = stat(w->dir, &st) == 0 && S_ISDIR(st.st_mode);
	bool other = present && (!w->present || st.st_dev != w->dev || st.st_ino != w->ino);
	if (present != w->present)
		log_info(present ? "the content folder %s is there again"
		                 : "the content folder %s is gone: the hall keeps showing what "
		                   "it has, and waits for the folder",
		         w->dir);
	w->present = present;
	if (other) {
		w->dev = st.st_dev;
		w->ino = st.st_ino;
		if (w->poll_s <= 0 && on_network(w->dir))
			w->poll_s = WATCH_POLL_DEFAULT_S; /* a share mounted over it */
		rearm(w);
		settle_changed(&w->settle, now);
	}
	atomic_store(&w->state, running_state(w));
}

/* Reads the pending inotify events; true when one of them counts. */
static bool read_events(struct watch *w, uint64_t now)
{
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool seen = false, rescan = false, root = false;
	ssize_t n;
	while ((n = read(w->inotify, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			p += sizeof *e + e->len;
			if (e->mask & IN_Q_OVERFLOW) {
				rescan = seen = root = true;
				continue;
			}
			if (e->wd == w->parent_wd) { /* only dir's own name counts there */
				root |= e->len && strcmp(e->name, w->name) == 0;
				continue;
			}
			if (e->mask & IN_IGNORED)
				continue;
			if (e->len && tree_ignored(e->name))
				continue;
			seen = true;
			if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)))
				rescan = true; /* a new directory: watch it and what it holds */
			if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF))
				root = true; /* the tree went: what is there now? */
		}
	}
	if (root)
		look_at_root(w, now);
	if (rescan && w->present && w->inotify >= 0)
		add_all(w);
	return seen;
}

/* One pass of the thread's loop after poll returned: events, the polled
 * fingerprint, the folder's identity, and the settle rule's looks. */
static void handle(struct watch *w, bool readable, uint64_t *next_poll, uint64_t *next_root,
                   uint64_t *polled)
{
	uint64_t now = clock_ms();
	if (w->inotify >= 0 && readable && read_events(w, now))
		settle_changed(&w->settle, now);
	if (now >= *next_root) {
		*next_root = now + ROOT_LOOK_MS;
		look_at_root(w, now);
	}
	if (w->poll_s > 0 && now >= *next_poll) {
		*next_poll = now + (uint64_t)w->poll_s * 1000;
		uint64_t f = tree_fingerprint(w->dir);
		if (f != *polled)
			settle_changed(&w->settle, now);
		*polled = f;
	}
	if (now >= settle_due(&w->settle)) {
		look_at_root(w, now); /* is it there to be read? */
		if (!w->present)
			settle_forget(&w->settle); /* nothing to read until it is back */
	}
	if (now >= settle_due(&w->settle)) {
		uint64_t f = tree_fingerprint(w->dir);
		*polled = f;
		if (settle_look(&w->settle, now, f)) {
			if (w->inotify >= 0 && w->present)
				add_all(w); /* any directory missed meanwhile */
			w->changed(w->ctx);
		}
	}
}

static void *run(void *arg)
{
	struct watch *w = arg;
	thread_background();
	uint64_t next_poll = clock_ms() + (uint64_t)w->poll_s * 1000;
	uint64_t next_root = clock_ms() + ROOT_LOOK_MS;
	uint64_t polled = w->settle.read_look;
	for (;;) {
		uint64_t now = clock_ms(), due = settle_due(&w->settle);
		if (w->poll_s > 0 && next_poll < due)
			due = next_poll;
		if (next_root < due)
			due = next_root;
		int timeout = due <= now ? 0 : (int)(due - now);
		struct pollfd fds[2] = {{w->stop[0], POLLIN, 0}, {w->inotify, POLLIN, 0}};
		int rc = poll(fds, w->inotify >= 0 ? 2 : 1, timeout);
		if (rc < 0 && errno != EINTR) {
			log_error("stopped watching %s for changes: %s", w->dir, strerror(errno));
			atomic_store(&w->state, WATCH_STOPPED);
			break;
		}
		if (fds[0].revents)
			break;
		handle(w, w->inotify >= 0 && (fds[1].revents & POLLIN), &next_poll, &next_root,
		       &polled);
	}
	return NULL;
}

/* dir's folder above and its name in it, into w. */
static void split_dir(struct watch *w, const char *dir)
{
	char a[4096], b[4096];
	snprintf(a, sizeof a, "%s", dir);
	snprintf(b, sizeof b, "%s", dir);
	size_t n = strlen(a);
	while (n > 1 && a[n - 1] == '/') { /* "content/" is "content" */
		n--;
		a[n] = b[n] = '\0';
	}
	snprintf(w->parent, sizeof w->parent, "%s", dirname(a));
	snprintf(w->name, sizeof w->name, "%s", basename(b));
}

struct watch *watch_start(const char *dir, const struct watch_config *cfg,
                          void (*changed)(void *ctx), void *ctx)
{
	struct watch *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	snprintf(w->dir, sizeof w->dir, "%s", dir);
	split_dir(w, dir);
	w->changed = changed;
	w->ctx = ctx;
	w->inotify = -1;
	w->parent_wd = -1;
	w->stop[0] = w->stop[1] = -1;
	w->poll_s = cfg->poll_s;
	if (w->poll_s <= 0 && on_network(dir))
		w->poll_s = WATCH_POLL_DEFAULT_S;
	struct stat st;
	w->present = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	w->dev = w->present ? st.st_dev : 0;
	w->ino = w->present ? st.st_ino : 0;
	if (pipe(w->stop) != 0)
		goto fail;
	rearm(w);
	atomic_store(&w->state, running_state(w));
	settle_init(&w->settle, cfg->quiet_ms ? cfg->quiet_ms : SETTLE_QUIET_MS,
	            tree_fingerprint(dir));
	if (pthread_create(&w->thread, NULL, run, w) != 0)
		goto fail;
	if (w->poll_s > 0)
		log_info("looking at %s for changes every %d s", dir, w->poll_s);
	if (!w->present)
		log_warning("the content folder %s is not there: waiting for it", dir);
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

enum watch_state watch_state(struct watch *w)
{
	return (enum watch_state)atomic_load(&w->state);
}
