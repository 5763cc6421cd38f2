/* snapshot: the last good content, kept outside the content directory, so
 * a hall that restarts with broken content on disk can still show what it
 * showed before. Saved after every good load (by the loader thread), as a
 * copy checked to load without errors and swapped in whole; files that did
 * not change since the last snapshot are hard links to it, not copies. */
#ifndef TWINHALL_SNAPSHOT_H
#define TWINHALL_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* The state directory: given when not NULL, else $STATE_DIRECTORY (from
 * systemd's StateDirectory=; the first of a list), else
 * $XDG_STATE_HOME/twinhall, else ~/.local/state/twinhall. Into buf; -1 when
 * there is none (no HOME). */
int snapshot_state_dir(const char *given, char *buf, size_t size);

/* The snapshot inside state dir: "<state>/last-good", into buf. */
void snapshot_path(const char *state, char *buf, size_t size);

/* Saves the content directory dir as the snapshot in state (created when
 * missing). Nothing is written when the snapshot already holds this tree.
 * 0 when saved or already current, -1 (said on stderr) when not: the old
 * snapshot then stays as it was. */
int snapshot_save(const char *dir, const char *state);

/* What the snapshot in state was made from and when; false when there is
 * none. */
bool snapshot_info(const char *state, char *from, size_t from_size, time_t *saved);

#endif
