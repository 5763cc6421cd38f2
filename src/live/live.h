/* live: the content the hall shows, kept current while it runs. Staff
 * change files; the watcher notices, the loader reads the directory on its
 * own thread, every file through the store (the hall's own copies, see
 * store.h), and the new content replaces the old between two frames. A
 * city with errors stays as it last was good (or is left out when it never
 * was); only errors in hall.yaml, or a missing folder, keep the whole hall
 * as it was. Errors are reported once. After each load the content shown
 * is saved as the last good snapshot; when the hall starts with hall.yaml
 * broken or the folder missing, it shows that snapshot. Plain C and
 * threads; the caller wakes its own loop from wake(). */
#ifndef TWINHALL_LIVE_H
#define TWINHALL_LIVE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "content/content.h"
#include "content/diag.h"
#include "live/watch.h"

struct live;

struct live_config {
	const char *dir;       /* the content directory */
	const char *state_dir; /* for the snapshot; NULL: the default (see snapshot.h) */
	int poll_s;            /* > 0: poll the directory every poll_s seconds */
	uint64_t quiet_ms;     /* 0: the default quiet time */
	FILE *trace;           /* when not NULL: a JSON line for each reload, its
	                        * "t" in ms from live_start */
};

/* Which content visitors see. */
enum live_shown {
	LIVE_SHOWN_NONE,     /* none: the notice */
	LIVE_SHOWN_CURRENT,  /* the folder as it is */
	LIVE_SHOWN_PART,     /* the folder as it is, but its cities with errors as
	                      * they last were good, or left out */
	LIVE_SHOWN_KEPT,     /* as before the last load, which could not be shown */
	LIVE_SHOWN_SNAPSHOT, /* the last good copy saved before this start */
};

/* What the panel tells staff. */
struct live_status {
	const char *dir;       /* the content directory */
	const char *shown_dir; /* where the shown content was read: dir, or the snapshot */
	enum live_shown shown;
	size_t kept, left_out;  /* LIVE_SHOWN_PART: cities as they were, cities left out */
	time_t loaded;          /* when the shown content was read (wall clock) */
	time_t snapshot_saved;  /* when the snapshot shown was saved (LIVE_SHOWN_SNAPSHOT) */
	unsigned long reloads;  /* loads since start, good or not */
	bool last_rejected;     /* the last load had errors */
	time_t last_load;       /* when it finished (wall clock); 0: none yet */
	enum watch_state watch; /* how changes are seen (live_status refreshes it) */
};

/* Loads cfg->dir (errors go to the journal) and starts keeping it
 * current; wake(ctx) is called from other threads when live_take has
 * something. NULL when out of memory or no thread could start. */
struct live *live_start(const struct live_config *cfg, void (*wake)(void *ctx), void *ctx);

/* Stops the threads and frees everything, the content included. Accepts
 * NULL. */
void live_stop(struct live *l);

/* The content to show (NULL: none, show the notice). */
const struct content *live_content(const struct live *l);

/* The problems of the last load (of the shown content when it was good). */
struct diag *live_diag(const struct live *l);

/* The state for the staff panel. */
const struct live_status *live_status(struct live *l);

/* Reads the directory again now (SIGHUP, the panel's button). */
void live_request(struct live *l);

enum live_change {
	LIVE_NOTHING,  /* no load finished */
	LIVE_NEW,      /* new content (perhaps with errors kept to their cities):
	                * show live_content(), then free *old */
	LIVE_REJECTED, /* a load could not be shown: nothing shown changes */
};

/* Call from the main thread after wake: takes the newest finished load.
 * On LIVE_NEW the content shown before is handed back in *old, to free
 * with content_free once nothing draws from it. */
enum live_change live_take(struct live *l, struct content **old);

#endif
