#include "live/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/hash.h"
#include "base/log.h"

enum { INDEX_CAP = 4096, NAME_CAP = 40, CHUNK = 1 << 16 };

/* A file of the content folder, as last seen, and the name of its copy. */
struct seen {
	uint64_t stamp;
	char name[NAME_CAP];
};

struct store {
	char dir[4096];
	int fd; /* the store's folder */
	struct content_store hook;
	struct seen index[INDEX_CAP]; /* a ring: the oldest goes first */
	size_t next;
	char buf[CHUNK]; /* for copying */
};

/* What changes when a file's bytes may have: device, inode, size, time. */
static uint64_t stamp_of(const struct stat *st)
{
	uint64_t v[5] = {(uint64_t)st->st_dev, (uint64_t)st->st_ino, (uint64_t)st->st_size,
	                 (uint64_t)st->st_mtim.tv_sec, (uint64_t)st->st_mtim.tv_nsec};
	return hash_more(HASH_SEED, v, sizeof v);
}

static const char *seen_name(const struct store *s, uint64_t stamp)
{
	for (size_t i = 0; i < INDEX_CAP; i++)
		if (s->index[i].stamp == stamp && s->index[i].name[0])
			return s->index[i].name;
	return NULL;
}

/* Copies fd's bytes into the new file tmp, hashing them; their name into
 * name. 0, or -1. */
static int copy_in(struct store *s, int fd, const char *tmp, char *name, size_t size)
{
	int out = openat(s->fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0444);
	if (out < 0)
		return -1;
	uint64_t h = HASH_SEED, len = 0;
	ssize_t n;
	while ((n = pread(fd, s->buf, sizeof s->buf, (off_t)len)) > 0) {
		if (write(out, s->buf, (size_t)n) != n)
			break;
		h = hash_more(h, s->buf, (size_t)n);
		len += (uint64_t)n;
	}
	if (close(out) != 0 || n != 0)
		return -1;
	snprintf(name, size, "%016" PRIx64 "-%" PRIx64, h, len);
	return 0;
}

/* content_store.keep: the copy of fd in the store, made when missing. */
static int keep(void *ctx, int fd, const struct stat *st, char *name, size_t size)
{
	struct store *s = ctx;
	uint64_t stamp = stamp_of(st);
	const char *known = seen_name(s, stamp);
	int copy = known ? openat(s->fd, known, O_RDONLY | O_CLOEXEC) : -1;
	if (copy >= 0) {
		snprintf(name, size, "%s", known);
		return copy;
	}
	char tmp[64];
	snprintf(tmp, sizeof tmp, ".new-%d", (int)getpid());
	unlinkat(s->fd, tmp, 0);
	if (copy_in(s, fd, tmp, name, size) != 0) {
		log_warning("cannot keep a copy in %s: %s", s->dir, strerror(errno));
		unlinkat(s->fd, tmp, 0);
		return -1;
	}
	/* The copy there already stays: snapshots link to it. */
	bool kept = linkat(s->fd, tmp, s->fd, name, 0) == 0 || errno == EEXIST;
	unlinkat(s->fd, tmp, 0);
	if (!kept)
		return -1;
	struct stat after;
	if (fstat(fd, &after) == 0 && stamp_of(&after) == stamp) { /* not copied while written */
		s->index[s->next].stamp = stamp;
		snprintf(s->index[s->next].name, NAME_CAP, "%s", name);
		s->next = (s->next + 1) % INDEX_CAP;
	}
	return openat(s->fd, name, O_RDONLY | O_CLOEXEC);
}

/* mkdir -p of path's folders (its own last part too); errors show later. */
static void make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	mkdir(path, 0755);
}

struct store *store_open(const char *state)
{
	struct store *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	int n = snprintf(s->dir, sizeof s->dir, "%s/store", state);
	if (n > 0 && (size_t)n < sizeof s->dir)
		make_dirs(s->dir); /* the state folder may not be there yet */
	if (n <= 0 || (size_t)n >= sizeof s->dir || (mkdir(s->dir, 0755) != 0 && errno != EEXIST) ||
	    (s->fd = open(s->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		log_warning("cannot keep copies of the content in %s: %s; the hall reads the "
		            "content folder itself",
		            s->dir, strerror(errno));
		free(s);
		return NULL;
	}
	s->hook = (struct content_store){.keep = keep, .dir = s->dir, .ctx = s};
	return s;
}

void store_free(struct store *s)
{
	if (!s)
		return;
	close(s->fd);
	free(s);
}

const struct content_store *store_hook(struct store *s)
{
	return s ? &s->hook : NULL;
}

size_t store_sweep(struct store *s)
{
	int fd = dup(s->fd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	size_t gone = 0;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	struct dirent *e;
	struct stat st;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' && strncmp(e->d_name, ".new-", 5) != 0)
			continue;
		if (fstatat(s->fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode) && st.st_nlink == 1 && unlinkat(s->fd, e->d_name, 0) == 0)
			gone++;
	}
	closedir(d);
	for (size_t i = 0; i < INDEX_CAP; i++) /* forget names that went */
		if (s->index[i].name[0] && faccessat(s->fd, s->index[i].name, F_OK, 0) != 0)
			s->index[i].name[0] = '\0';
	return gone;
}
