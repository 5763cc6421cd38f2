/* The file-system half of safe_path: opening beneath a folder. */
#include "base/safe_path.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <linux/openat2.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { MAX_LINKS = 40 };

static const int open_flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;

static enum safe_path_err from_errno(int e)
{
	switch (e) {
	case ENOENT:
	case ENOTDIR:
		return SAFE_PATH_NOT_FOUND;
	case EXDEV:
		return SAFE_PATH_OUTSIDE;
	case ELOOP:
		return SAFE_PATH_LINK_LOOP;
	case EACCES:
	case EPERM:
		return SAFE_PATH_DENIED;
	case ENAMETOOLONG:
		return SAFE_PATH_TOO_LONG;
	case ENXIO:
		return SAFE_PATH_NOT_REGULAR;
	default:
		return SAFE_PATH_IO;
	}
}

/* Keeps fd only when it is a regular file. */
static enum safe_path_err check_regular(int fd_in, int *fd)
{
	struct stat st;
	enum safe_path_err e = SAFE_PATH_OK;
	if (fstat(fd_in, &st) != 0)
		e = SAFE_PATH_IO;
	else if (S_ISDIR(st.st_mode))
		e = SAFE_PATH_IS_DIR;
	else if (!S_ISREG(st.st_mode))
		e = SAFE_PATH_NOT_REGULAR;
	if (e != SAFE_PATH_OK) {
		close(fd_in);
		return e;
	}
	*fd = fd_in;
	return SAFE_PATH_OK;
}

enum safe_path_err safe_path_open(int root_fd, const char *rel, int *fd)
{
	*fd = -1;
	enum safe_path_err e = safe_path_check(rel);
	if (e != SAFE_PATH_OK)
		return e;
	struct open_how how = {
	    .flags = (unsigned long long)open_flags,
	    .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
	};
	long r;
	do
		r = syscall(SYS_openat2, root_fd, rel, &how, sizeof how);
	while (r < 0 && (errno == EINTR || errno == EAGAIN));
	if (r < 0 && errno == ENOSYS)
		return safe_path_open_walk(root_fd, rel, fd);
	if (r < 0)
		return from_errno(errno);
	return check_regular((int)r, fd);
}

/* Rewrites path after its first `done` bytes (the parts already walked,
 * before the link at link_at..link_end) as prefix + target + rest, resolving
 * ".." lexically; a target that is absolute or climbs above the root is
 * outside. */
static enum safe_path_err splice_link(char *path, size_t link_at, size_t link_end,
                                      const char *target)
{
	if (target[0] == '/')
		return SAFE_PATH_OUTSIDE;
	char joined[PATH_MAX], out[PATH_MAX];
	const char *rest = path + link_end;
	int n = snprintf(joined, sizeof joined, "%.*s/%s/%s", (int)link_at, path, target, rest);
	if (n < 0 || (size_t)n >= sizeof joined)
		return SAFE_PATH_TOO_LONG;
	size_t used = 0;
	out[0] = '\0';
	for (const char *p = joined; *p;) {
		size_t len = strcspn(p, "/");
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			if (used == 0)
				return SAFE_PATH_OUTSIDE;
			while (used > 0 && out[used - 1] != '/')
				used--;
			used -= used > 0;
		} else if (len > 0 && !(len == 1 && p[0] == '.')) {
			if (used > 0)
				out[used++] = '/';
			memcpy(out + used, p, len);
			used += len;
		}
		out[used] = '\0';
		p += len;
		p += *p == '/';
	}
	memcpy(path, out, used + 1);
	return used ? SAFE_PATH_OK : SAFE_PATH_IS_DIR;
}

/* One pass over path from the root. Returns SAFE_PATH_OK with *fd, an error,
 * or SAFE_PATH_LINK_LOOP with *relinked = 1 when a link rewrote path. */
static enum safe_path_err walk_once(int root_fd, char *path, int *fd, int *relinked)
{
	int dir = openat(root_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0)
		return from_errno(errno);
	for (size_t at = 0;;) {
		size_t len = strcspn(path + at, "/");
		int last = path[at + len] == '\0';
		char part[NAME_MAX + 1];
		if (len > NAME_MAX) {
			close(dir);
			return SAFE_PATH_TOO_LONG;
		}
		memcpy(part, path + at, len);
		part[len] = '\0';
		int next = openat(dir, part, open_flags | O_NOFOLLOW | (last ? 0 : O_DIRECTORY));
		if (next < 0 && (errno == ELOOP || errno == ENOTDIR)) {
			int err = errno;
			char target[PATH_MAX];
			ssize_t n = readlinkat(dir, part, target, sizeof target - 1);
			close(dir);
			if (n < 0)
				return from_errno(err);
			target[n] = '\0';
			*relinked = 1;
			enum safe_path_err e = splice_link(path, at, at + len, target);
			return e == SAFE_PATH_OK ? SAFE_PATH_LINK_LOOP : e;
		}
		close(dir);
		if (next < 0)
			return from_errno(errno);
		if (last)
			return check_regular(next, fd);
		dir = next;
		at += len + 1;
	}
}

enum safe_path_err safe_path_open_walk(int root_fd, const char *rel, int *fd)
{
	*fd = -1;
	enum safe_path_err e = safe_path_check(rel);
	if (e != SAFE_PATH_OK)
		return e;
	char path[PATH_MAX];
	e = safe_path_join("", rel, path, sizeof path);
	for (int links = 0; e == SAFE_PATH_OK && links <= MAX_LINKS; links++) {
		int relinked = 0;
		e = walk_once(root_fd, path, fd, &relinked);
		if (!relinked)
			return e;
		if (e == SAFE_PATH_LINK_LOOP)
			e = SAFE_PATH_OK;
	}
	return e == SAFE_PATH_OK ? SAFE_PATH_LINK_LOOP : e;
}
