/* store_index: what the store knows of the files it kept, across restarts.
 * For each file seen, by its identity (device, inode, size, modification
 * and change times to the nanosecond), the name of its copy in the store
 * and the wall time at which that was known. Kept in memory (a ring: the
 * oldest goes first) and in one file, written whole under another name and
 * renamed over the old one, with a version and a checksum: a file that is
 * damaged, cut short or of another version is ignored as a whole (the
 * store then looks at every file again and writes the index anew). Plain
 * data and file I/O; the store decides what to do with what it finds. */
#ifndef TWINHALL_STORE_INDEX_H
#define TWINHALL_STORE_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

enum {
	STORE_INDEX_NAME = 40,   /* a copy's name, its NUL included */
	STORE_INDEX_CAP = 4096,  /* entries kept (two a file copied); the oldest goes first */
	STORE_INDEX_RACY_S = 2,  /* a file changed this close to being seen is looked at again */
	STORE_INDEX_VERSION = 1, /* of the file's layout */
};

/* What changes when a file's bytes may have. */
struct store_index_id {
	uint64_t dev, ino, size;
	int64_t mtime_s, mtime_ns, ctime_s, ctime_ns;
};

/* How far an entry found may be believed. */
enum store_index_trust {
	STORE_INDEX_UNKNOWN, /* no entry for this file */
	STORE_INDEX_VERIFY,  /* same file, size and time, but its bytes must be hashed to know */
	STORE_INDEX_TRUSTED, /* unchanged since its copy was made or checked */
};

/* What store_index_load found. */
enum store_index_read {
	STORE_INDEX_READ,    /* the entries are those of the file */
	STORE_INDEX_MISSING, /* no file: nothing known */
	STORE_INDEX_DAMAGED, /* cut short, bad checksum or bad entries: nothing taken */
	STORE_INDEX_FOREIGN, /* another version or layout: nothing taken */
};

struct store_index;

/* The identity of the file st is of. */
void store_index_id_of(const struct stat *st, struct store_index_id *id);

/* An empty index; NULL when out of memory. */
struct store_index *store_index_new(void);

/* Accepts NULL. */
void store_index_free(struct store_index *x);

/* The name of the copy of the file id in *name (valid until the next put,
 * forget or load; NULL when none), and how far to believe it at the wall
 * time now (seconds): TRUSTED only when every part of id is as it was and
 * the file had not changed in the STORE_INDEX_RACY_S seconds before it
 * was seen (a change in that second could leave its times as they were);
 * VERIFY when the device, inode, size and modification time are the same
 * but the change time or that rule is not. */
enum store_index_trust store_index_find(const struct store_index *x,
                                        const struct store_index_id *id, int64_t now,
                                        const char **name);

/* Remembers that file id's bytes are the copy name, as known at the wall
 * time seen. Replaces what was known of the same device and inode. name
 * must be shorter than STORE_INDEX_NAME. */
void store_index_put(struct store_index *x, const struct store_index_id *id, const char *name,
                     int64_t seen);

/* Forgets every entry whose name gone(ctx, name) says is gone; returns how
 * many went. */
size_t store_index_forget(struct store_index *x, bool (*gone)(void *ctx, const char *name),
                          void *ctx);

/* How many entries are known. */
size_t store_index_count(const struct store_index *x);

/* True when x changed since it was loaded or saved. */
bool store_index_dirty(const struct store_index *x);

/* Replaces x's entries with those of the file `file` in the folder dirfd,
 * all or none (x is empty unless STORE_INDEX_READ). */
enum store_index_read store_index_load(struct store_index *x, int dirfd, const char *file);

/* Writes x to `file` in dirfd: whole under "<file>.new", then renamed
 * over it, so a reader sees the old index or the new one. 0, or -1 with
 * errno (the old file then stays). */
int store_index_save(struct store_index *x, int dirfd, const char *file);

#endif
