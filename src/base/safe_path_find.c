/* safe_path: finding the file staff meant when its name is not there as
 * written (another letter case, accents encoded another way). */
#include "base/safe_path.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/name_fold.h"

enum { PART_MAX = 256 };

/* The entry of folder dir named part, or the one entry that folds to the
 * same name, into name; false when there is none or more than one. */
static bool find_part(int dir, const char *part, char *name, size_t size)
{
	struct stat st;
	if (fstatat(dir, part, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		snprintf(name, size, "%s", part);
		return strlen(part) < size;
	}
	int fd = openat(dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return false;
	}
	int found = 0;
	for (struct dirent *e; found < 2 && (e = readdir(d));)
		if (name_fold_same(e->d_name, part, NAME_FOLD_CASE) && strlen(e->d_name) < size &&
		    found++ == 0)
			snprintf(name, size, "%s", e->d_name);
	closedir(d);
	return found == 1;
}

/* The next part of the path at *p into part (empty parts skipped); false
 * at the end or when a part is too long. */
static bool next_part(const char **p, char *part, size_t size)
{
	while (**p == '/')
		(*p)++;
	size_t len = strcspn(*p, "/");
	if (len == 0 || len >= size)
		return false;
	memcpy(part, *p, len);
	part[len] = 0;
	*p += len;
	while (**p == '/')
		(*p)++;
	return true;
}

enum safe_path_err safe_path_find_folded(int root_fd, const char *rel, char *out, size_t size)
{
	if (safe_path_check(rel) != SAFE_PATH_OK || size == 0)
		return SAFE_PATH_NOT_FOUND;
	int dir = dup(root_fd);
	size_t n = 0;
	char part[PART_MAX], name[PART_MAX];
	const char *p = rel;
	bool ok = dir >= 0;
	while (ok && next_part(&p, part, sizeof part)) {
		ok = find_part(dir, part, name, sizeof name) &&
		     (size_t)snprintf(out + n, size - n, "%s%s", n ? "/" : "", name) < size - n;
		n += ok ? strlen(out + n) : 0;
		if (ok && *p) { /* a folder: go in, not through a symlink */
			int next =
			    openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			close(dir);
			dir = next;
			ok = dir >= 0;
		}
	}
	if (dir >= 0)
		close(dir);
	ok = ok && n > 0 && !*p;
	if (!ok)
		out[0] = 0;
	return ok ? SAFE_PATH_OK : SAFE_PATH_NOT_FOUND;
}
