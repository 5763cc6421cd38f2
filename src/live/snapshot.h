/* snapshot: the last good content, kept outside the content directory, so
 * a hall that restarts with broken content on disk, or with the folder
 * missing, can still show what it showed before. Saved after every good
 * load (by the loader thread) from the model shown, kept cities and all:
 * a tree of hard links to the store's copies (see store.h), swapped in
 * whole. While it links to a copy, the store keeps it. */
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

/* Saves c, loaded from dir through the store in state, as the snapshot in
 * state. Nothing is written when the snapshot already holds it. 0 when
 * saved or already current, -1 (said in the journal when the disk failed)
 * when not: the old snapshot then stays as it was. */
struct content;
int snapshot_save(const struct content *c, const char *dir, const char *state);

/* The content folder dir as the snapshot names it: its real path, or when
 * it is not there, the absolute path it would have. Into buf. */
void snapshot_from(const char *dir, char *buf, size_t size);

/* What the snapshot in state was made from and when; false when there is
 * none. */
bool snapshot_info(const char *state, char *from, size_t from_size, time_t *saved);

#endif
