/* tree: what the content directory holds, seen from outside: which names
 * are editors' scratch files, every directory to watch, and one number that
 * changes when any file's size or time does. Used by the watcher thread;
 * plain C, no SDL. */
#ifndef TWINHALL_TREE_H
#define TWINHALL_TREE_H

#include <stdbool.h>
#include <stdint.h>

enum { TREE_MAX_DEPTH = 8, TREE_MAX_ENTRIES = 100000 };

/* True for names the hall never reads and editors write while saving:
 * *.tmp, *~, .~lock*, ~$*, and every dotfile (.swp, .git, ...). */
bool tree_ignored(const char *name);

/* A number of every file below dir (size, modification time, path; not
 * ignored names, at most TREE_MAX_DEPTH deep): equal for equal trees, and
 * almost surely different when a file was added, removed, renamed,
 * rewritten or is still growing. */
uint64_t tree_fingerprint(const char *dir);

/* Calls fn for dir and every directory below it (not ignored, not through
 * symbolic links, at most TREE_MAX_DEPTH deep). */
void tree_dirs(const char *dir, void (*fn)(void *ctx, const char *path), void *ctx);

/* Calls dir_fn for dir and every directory below it (parents first), and
 * file_fn for every other entry with what lstat says of it (a symbolic
 * link is not followed); the same entries tree_fingerprint counts. Either
 * may be NULL. */
struct stat;
void tree_walk(const char *dir, void (*dir_fn)(void *ctx, const char *path),
               void (*file_fn)(void *ctx, const char *path, const struct stat *st), void *ctx);

#endif
