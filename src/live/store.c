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
#include <time.h>
#include <unistd.h>

#include "base/hash.h"
#include "base/log.h"
#include "live/store_index.h"

enum { CHUNK = 1 << 16 };

static const char INDEX_FILE[] = ".index"; /* in the store's folder; a sweep passes it by */

struct store {
	char dir[4096];
	int fd; /* the store's folder */
	struct content_store hook;
	struct store_index *index; /* what each file seen was, and its copy */
	char buf[CHUNK];           /* for copying and hashing */
};

/* The name of the bytes h, len. */
static void name_of(uint64_t h, uint64_t len, char *name, size_t size)
{
	snprintf(name, size, "%016" PRIx64 "-%" PRIx64, h, len);
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
	name_of(h, len, name, size);
	return 0;
}

/* The name fd's bytes would have in the store (read, not copied); 0, or
 * -1. */
static int hash_in(struct store *s, int fd, char *name, size_t size)
{
	uint64_t h = HASH_SEED, len = 0;
	ssize_t n;
	while ((n = pread(fd, s->buf, sizeof s->buf, (off_t)len)) > 0) {
		h = hash_more(h, s->buf, (size_t)n);
		len += (uint64_t)n;
	}
	if (n != 0)
		return -1;
	name_of(h, len, name, size);
	return 0;
}

/* The store's copy `name`, open, when it is there with the size of the
 * file id; with `own`, only when it is that very file (a snapshot's link
 * to it). -1 otherwise. */
static int open_copy(struct store *s, const char *name, const struct store_index_id *id, bool own)
{
	int fd = openat(s->fd, name, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 ||
	    (fstat(fd, &st) == 0 && (uint64_t)st.st_size == id->size &&
	     (!own || ((uint64_t)st.st_dev == id->dev && (uint64_t)st.st_ino == id->ino))))
		return fd;
	close(fd);
	return -1;
}

static int64_t wall_s(void)
{
	return (int64_t)time(NULL);
}

/* The copy the index names for the file fd (identity id), when it is
 * there and the file's bytes are those: believed when the index trusts
 * it or the file is the copy itself, else hashed to know. -1: none. */
static int known_copy(struct store *s, int fd, const struct store_index_id *id, char *name,
                      size_t size)
{
	const char *known;
	enum store_index_trust t = store_index_find(s->index, id, wall_s(), &known);
	if (t == STORE_INDEX_UNKNOWN)
		return -1;
	snprintf(name, size, "%s", known);
	int copy = open_copy(s, name, id, t == STORE_INDEX_VERIFY);
	if (copy >= 0 || t == STORE_INDEX_TRUSTED)
		return copy;
	char now[STORE_INDEX_NAME];
	copy = hash_in(s, fd, now, sizeof now) == 0 && strcmp(now, name) == 0
	           ? open_copy(s, name, id, false)
	           : -1;
	if (copy >= 0)
		store_index_put(s->index, id, name, wall_s()); /* its new change time */
	return copy;
}

/* True when the file fd still is what id says. */
static bool unchanged(int fd, const struct store_index_id *id)
{
	struct stat st;
	struct store_index_id now;
	if (fstat(fd, &st) != 0)
		return false;
	store_index_id_of(&st, &now);
	return memcmp(&now, id, sizeof now) == 0;
}

/* True when the store's copy `name` has the length its name gives (one
 * cut short by a crash before its bytes reached the disk has not). */
static bool whole_copy(const struct store *s, const char *name)
{
	struct stat st;
	const char *len = strchr(name, '-');
	return len && fstatat(s->fd, name, &st, 0) == 0 &&
	       (uint64_t)st.st_size == strtoull(len + 1, NULL, 16);
}

/* content_store.keep: the copy of fd in the store, made when missing. */
static int keep(void *ctx, int fd, const struct stat *st, char *name, size_t size)
{
	struct store *s = ctx;
	struct store_index_id id;
	store_index_id_of(st, &id);
	int copy = known_copy(s, fd, &id, name, size);
	if (copy >= 0)
		return copy;
	char tmp[64];
	snprintf(tmp, sizeof tmp, ".new-%d", (int)getpid());
	unlinkat(s->fd, tmp, 0);
	int64_t seen = wall_s(); /* before the copy: a change during it is racy */
	if (copy_in(s, fd, tmp, name, size) != 0) {
		log_warning("cannot keep a copy in %s: %s", s->dir, strerror(errno));
		unlinkat(s->fd, tmp, 0);
		return -1;
	}
	/* A whole copy there already stays: snapshots link to it. */
	bool kept =
	    linkat(s->fd, tmp, s->fd, name, 0) == 0 ||
	    (errno == EEXIST && (whole_copy(s, name) || renameat(s->fd, tmp, s->fd, name) == 0));
	unlinkat(s->fd, tmp, 0);
	if (!kept)
		return -1;
	copy = openat(s->fd, name, O_RDONLY | O_CLOEXEC);
	if (copy >= 0 && unchanged(fd, &id)) { /* not copied while written */
		store_index_put(s->index, &id, name, seen);
		struct stat own;
		if (fstat(copy, &own) == 0) { /* a snapshot's link to the copy finds it too */
			store_index_id_of(&own, &id);
			store_index_put(s->index, &id, name, seen);
		}
	}
	return copy;
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
	s->index = store_index_new();
	if (!s->index) {
		close(s->fd);
		free(s);
		return NULL;
	}
	enum store_index_read r = store_index_load(s->index, s->fd, INDEX_FILE);
	if (r == STORE_INDEX_DAMAGED)
		log_notice("the index of %s is damaged: every file of the content is looked at "
		           "again and the index written anew",
		           s->dir);
	else if (r == STORE_INDEX_FOREIGN)
		log_notice("the index of %s is of another version: every file of the content is "
		           "looked at again and the index written anew",
		           s->dir);
	s->hook = (struct content_store){.keep = keep, .dir = s->dir, .ctx = s};
	return s;
}

void store_free(struct store *s)
{
	if (!s)
		return;
	close(s->fd);
	store_index_free(s->index);
	free(s);
}

const struct content_store *store_hook(struct store *s)
{
	return s ? &s->hook : NULL;
}

static bool copy_gone(void *ctx, const char *name)
{
	const struct store *s = ctx;
	return faccessat(s->fd, name, F_OK, 0) != 0;
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
	store_index_forget(s->index, copy_gone, s);
	return gone;
}

int store_commit(struct store *s)
{
	if (!store_index_dirty(s->index))
		return 0;
	if (store_index_save(s->index, s->fd, INDEX_FILE) == 0)
		return 0;
	log_warning("cannot write the index of %s: %s; the next start looks at every file "
	            "again",
	            s->dir, strerror(errno));
	return -1;
}
