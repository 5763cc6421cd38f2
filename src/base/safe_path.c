#include "base/safe_path.h"

#include "base/i18n.h"
#include "base/bigalloc.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum safe_path_err safe_path_check(const char *rel)
{
	if (!rel || !*rel)
		return SAFE_PATH_EMPTY;
	if (rel[0] == '/')
		return SAFE_PATH_ABSOLUTE;
	if (strchr(rel, '\\'))
		return SAFE_PATH_BACKSLASH;
	for (const char *p = rel; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return SAFE_PATH_DOTDOT;
		p += n;
		p += *p == '/';
	}
	return SAFE_PATH_OK;
}

/* Appends the parts of path to out (used bytes *used), skipping empty and
 * "." parts. ".." is refused: callers have checked for it. */
static enum safe_path_err append_parts(const char *path, char *out, size_t size, size_t *used)
{
	for (const char *p = path; *p;) {
		size_t n = strcspn(p, "/");
		if (n > 0 && !(n == 1 && p[0] == '.')) {
			size_t sep = *used > 0;
			if (*used + sep + n + 1 > size)
				return SAFE_PATH_TOO_LONG;
			if (sep)
				out[(*used)++] = '/';
			memcpy(out + *used, p, n);
			*used += n;
			out[*used] = '\0';
		}
		p += n;
		p += *p == '/';
	}
	return SAFE_PATH_OK;
}

enum safe_path_err safe_path_join(const char *dir, const char *value, char *out, size_t size)
{
	if (size == 0)
		return SAFE_PATH_TOO_LONG;
	out[0] = '\0';
	enum safe_path_err e = safe_path_check(value);
	if (e == SAFE_PATH_OK)
		e = dir && *dir ? safe_path_check(dir) : SAFE_PATH_OK;
	size_t used = 0;
	if (e == SAFE_PATH_OK && dir)
		e = append_parts(dir, out, size, &used);
	size_t dir_used = used;
	if (e == SAFE_PATH_OK)
		e = append_parts(value, out, size, &used);
	if (e == SAFE_PATH_OK && used == dir_used)
		e = SAFE_PATH_EMPTY;
	if (e != SAFE_PATH_OK)
		out[0] = '\0';
	return e;
}

enum safe_path_err safe_path_read_all(int fd, size_t max, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	struct stat st;
	if (fstat(fd, &st) != 0)
		return SAFE_PATH_IO;
	if (!S_ISREG(st.st_mode))
		return S_ISDIR(st.st_mode) ? SAFE_PATH_IS_DIR : SAFE_PATH_NOT_REGULAR;
	if ((uintmax_t)st.st_size > max)
		return SAFE_PATH_TOO_LARGE;
	/* The size may change while we read: never read past max + 1. */
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = big_malloc(cap + 1);
	if (!buf)
		return SAFE_PATH_IO;
	for (;;) {
		ssize_t r = pread(fd, buf + n, cap - n, (off_t)n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			goto fail;
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max) {
			big_free(buf);
			return SAFE_PATH_TOO_LARGE;
		}
		if (n == cap) {
			size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			char *nb = ncap > cap ? big_realloc(buf, ncap + 1) : NULL;
			if (!nb)
				goto fail;
			buf = nb;
			cap = ncap;
		}
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return SAFE_PATH_OK;
fail:
	big_free(buf);
	return SAFE_PATH_IO;
}

const char *safe_path_describe(enum safe_path_err err)
{
	switch (err) {
	case SAFE_PATH_OK:
		return _("is fine");
	case SAFE_PATH_EMPTY:
		return _("is empty; write a file name such as photos/01.jpg");
	case SAFE_PATH_ABSOLUTE:
		return _(
		    "starts with /; write it relative to this file's folder, e.g. photos/01.jpg");
	case SAFE_PATH_DOTDOT:
		return _("contains \"..\"; files must be inside the content folder");
	case SAFE_PATH_BACKSLASH:
		return _("contains \\; separate folders with / as in photos/01.jpg");
	case SAFE_PATH_TOO_LONG:
		return _("is too long");
	case SAFE_PATH_NOT_FOUND:
		return _("not found");
	case SAFE_PATH_IS_DIR:
		return _("is a folder where a file should be");
	case SAFE_PATH_NOT_REGULAR:
		return _("is not a regular file (it is a pipe, device or socket)");
	case SAFE_PATH_OUTSIDE:
		return _("is a link leading outside the content folder; copy the file in instead");
	case SAFE_PATH_LINK_LOOP:
		return _("is a link that leads in a circle");
	case SAFE_PATH_DENIED:
		return _("cannot be read: permission denied");
	case SAFE_PATH_TOO_LARGE:
		return _("is too large");
	case SAFE_PATH_IO:
		break;
	}
	return _("cannot be read (system error)");
}
