/* safe_path: opening files named in the content, confined to the content
 * folder (no absolute paths, no "..", no symlinks leading out of it, no
 * FIFOs or devices), and reading them with a size limit. */
#ifndef TWINHALL_SAFE_PATH_H
#define TWINHALL_SAFE_PATH_H

#include <stddef.h>

enum safe_path_err {
	SAFE_PATH_OK,
	SAFE_PATH_EMPTY,       /* "" or only "./" */
	SAFE_PATH_ABSOLUTE,    /* starts with / */
	SAFE_PATH_DOTDOT,      /* has a ".." part */
	SAFE_PATH_BACKSLASH,   /* has a \ (a Windows-style path) */
	SAFE_PATH_TOO_LONG,    /* longer than the buffer or PATH_MAX */
	SAFE_PATH_NOT_FOUND,   /* no such file, or a part of the path is not a folder */
	SAFE_PATH_IS_DIR,      /* a folder where a file should be */
	SAFE_PATH_NOT_REGULAR, /* a FIFO, device or socket */
	SAFE_PATH_OUTSIDE,     /* a link leads outside the content folder */
	SAFE_PATH_LINK_LOOP,   /* links lead in a circle or too many in a row */
	SAFE_PATH_DENIED,      /* no permission to read */
	SAFE_PATH_TOO_LARGE,   /* larger than the allowed size */
	SAFE_PATH_IO,          /* any other system error */
};

/* Checks rel lexically (not the file system): not empty, not absolute, no
 * ".." part, no backslash. */
enum safe_path_err safe_path_check(const char *rel);

/* Writes into out (size bytes) the root-relative path of value, a path
 * written relative to folder dir (itself root-relative, "" for the root),
 * with "." parts and repeated slashes removed. value is checked with
 * safe_path_check first. out is "" on error. */
enum safe_path_err safe_path_join(const char *dir, const char *value, char *out, size_t size);

/* Opens the regular file rel below the folder root_fd for reading, never
 * leaving that folder and never blocking (a FIFO is refused, not waited on).
 * Returns SAFE_PATH_OK and the new descriptor in *fd (the caller closes it),
 * or an error and *fd = -1. Uses openat2, or safe_path_open_walk when the
 * kernel lacks it. */
enum safe_path_err safe_path_open(int root_fd, const char *rel, int *fd);

/* The same as safe_path_open, without openat2: walks rel one part at a
 * time, following only symlinks that stay inside root_fd. For old kernels
 * and for tests. */
enum safe_path_err safe_path_open_walk(int root_fd, const char *rel, int *fd);

/* For rel (checked with safe_path_check) not found as written: looks for
 * the file staff meant, each missing part of the path among its folder's
 * entries by name_fold (another letter case, accents encoded another way,
 * as macOS writes them); exactly one entry must match. Writes the path as
 * it is in the folder into out, to open with safe_path_open. Follows no
 * symlinks while looking. SAFE_PATH_OK, or SAFE_PATH_NOT_FOUND. */
enum safe_path_err safe_path_find_folded(int root_fd, const char *rel, char *out, size_t size);

/* Reads the whole file fd into a new NUL-terminated buffer *out (the caller
 * frees it with big_free: it may be image-sized) of *len bytes, refusing with SAFE_PATH_TOO_LARGE,
 * before reading, a file larger than max bytes. fd stays open. */
enum safe_path_err safe_path_read_all(int fd, size_t max, char **out, size_t *len);

/* A short plain-words description of err for staff, e.g. "is a folder,
 * not a file". Static storage. */
const char *safe_path_describe(enum safe_path_err err);

#endif
