/* settle: when a changed content directory is ready to read. Staff save
 * files by rewriting, by renaming a temporary file, or by copying over a
 * network share for seconds; the hall reads the tree only once no change
 * has been seen for the quiet time and two looks at it, SETTLE_LOOK_MS
 * apart, found every file's size and time the same (the first look comes
 * just before the quiet time ends, the second as it ends, so a finished
 * save is read right after the quiet time). Pure logic: the caller
 * says what it saw and when, and asks when to look. */
#ifndef TWINHALL_SETTLE_H
#define TWINHALL_SETTLE_H

#include <stdbool.h>
#include <stdint.h>

enum { SETTLE_QUIET_MS = 1000, SETTLE_LOOK_MS = 200 };

struct settle {
	uint64_t quiet_ms;
	bool pending;       /* a change not yet read */
	uint64_t last_ms;   /* when it was last seen (or the tree last looked different) */
	bool looked;        /* a first look was taken since */
	uint64_t look_ms;   /* when */
	uint64_t look;      /* its fingerprint */
	uint64_t read_look; /* the fingerprint of the tree as last read */
};

/* Nothing pending; the tree as read now has fingerprint read. */
void settle_init(struct settle *s, uint64_t quiet_ms, uint64_t read);

/* A change was seen at now (an inotify event, a poll that differed). */
void settle_changed(struct settle *s, uint64_t now);

/* Drops a pending change unread (the tree is gone: nothing to read; its
 * coming back is a change of its own). */
void settle_forget(struct settle *s);

/* When the caller should next look (call settle_look then); UINT64_MAX
 * when nothing is pending. */
uint64_t settle_due(const struct settle *s);

/* A look at the tree at now, with its fingerprint: true when the change is
 * complete and the tree should be read (it then counts as read). A look
 * that finds the tree as it was last read ends the wait without a read. */
bool settle_look(struct settle *s, uint64_t now, uint64_t fingerprint);

#endif
