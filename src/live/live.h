/* live: the content the hall shows, kept current while it runs. Staff
 * change files; the watcher notices, the loader reads the directory on its
 * own thread, and a good load replaces the content between two frames
 * while a bad one is reported once and changes nothing on screen. After a
 * good load the tree is saved as the last good snapshot; when the hall
 * starts with broken content, it shows that snapshot instead. Plain C and
 * threads; the caller wakes its own loop from wake(). */
#ifndef TWINHALL_LIVE_H
#define TWINHALL_LIVE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "content/content.h"
#include "content/diag.h"

struct live;

struct live_config {
	const char *dir;       /* the content directory */
	const char *state_dir; /* for the snapshot; NULL: the default (see snapshot.h) */
	int poll_s;            /* > 0: poll the directory every poll_s seconds */
	uint64_t quiet_ms;     /* 0: the default quiet time */
	FILE *trace;           /* when not NULL: a JSON line for each reload, its
	                        * "t" in ms from live_start */
};

/* What the panel tells staff. */
struct live_status {
	const char *dir;       /* the content directory */
	const char *shown_dir; /* where the shown content was read: dir, or the snapshot */
	bool from_snapshot;    /* the content on disk is broken: the last good is shown */
	time_t loaded;         /* when the shown content was read (wall clock) */
	time_t snapshot_saved; /* when the snapshot shown was saved (from_snapshot) */
	unsigned long reloads; /* loads since start, good or not */
	bool last_rejected;    /* the last load had errors */
	time_t last_load;      /* when it finished (wall clock); 0: none yet */
	bool polling;          /* the watcher polls instead of inotify */
};

/* Starts keeping the content of cfg->dir current. c and d are the first
 * load (c NULL when it had errors) and become the live's; wake(ctx) is
 * called from other threads when live_take has something. NULL when out of
 * memory. */
struct live *live_start(const struct live_config *cfg, struct content *c, struct diag *d,
                        void (*wake)(void *ctx), void *ctx);

/* Stops the threads and frees everything, the content included. Accepts
 * NULL. */
void live_stop(struct live *l);

/* The content to show (NULL: none, show the notice). */
const struct content *live_content(const struct live *l);

/* The problems of the last load (of the shown content when it was good). */
struct diag *live_diag(const struct live *l);

/* The state for the staff panel. */
const struct live_status *live_status(const struct live *l);

/* Reads the directory again now (SIGHUP, the panel's button). */
void live_request(struct live *l);

enum live_change {
	LIVE_NOTHING,  /* no load finished */
	LIVE_NEW,      /* new content: show live_content(), then free *old */
	LIVE_REJECTED, /* a load had errors: nothing shown changes */
};

/* Call from the main thread after wake: takes the newest finished load.
 * On LIVE_NEW the content shown before is handed back in *old, to free
 * with content_free once nothing draws from it. */
enum live_change live_take(struct live *l, struct content **old);

#endif
