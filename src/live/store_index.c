#include "live/store_index.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/hash.h"

static const char MAGIC[16] = "twinhall-index\n";

/* One entry as the file holds it: fixed-width fields, no padding. */
struct disk_entry {
	uint64_t dev, ino, size;
	int64_t mtime_s, mtime_ns, ctime_s, ctime_ns, seen;
	char name[STORE_INDEX_NAME];
};

struct disk_header {
	char magic[16];
	uint32_t version, entry_size;
	uint64_t count, checksum; /* of the entries that follow */
};

struct store_index {
	struct disk_entry e[STORE_INDEX_CAP]; /* name[0] == '\0': a free slot */
	size_t next;                          /* the ring's next slot */
	bool dirty;
};

void store_index_id_of(const struct stat *st, struct store_index_id *id)
{
	*id = (struct store_index_id){
	    .dev = (uint64_t)st->st_dev,
	    .ino = (uint64_t)st->st_ino,
	    .size = (uint64_t)st->st_size,
	    .mtime_s = (int64_t)st->st_mtim.tv_sec,
	    .mtime_ns = (int64_t)st->st_mtim.tv_nsec,
	    .ctime_s = (int64_t)st->st_ctim.tv_sec,
	    .ctime_ns = (int64_t)st->st_ctim.tv_nsec,
	};
}

struct store_index *store_index_new(void)
{
	return calloc(1, sizeof(struct store_index));
}

void store_index_free(struct store_index *x)
{
	free(x);
}

static bool same_file(const struct disk_entry *e, const struct store_index_id *id)
{
	return e->name[0] && e->dev == id->dev && e->ino == id->ino;
}

enum store_index_trust store_index_find(const struct store_index *x,
                                        const struct store_index_id *id, int64_t now,
                                        const char **name)
{
	*name = NULL;
	for (size_t i = 0; i < STORE_INDEX_CAP; i++) {
		const struct disk_entry *e = &x->e[i];
		if (!same_file(e, id) || e->size != id->size || e->mtime_s != id->mtime_s ||
		    e->mtime_ns != id->mtime_ns)
			continue;
		*name = e->name;
		bool settled = e->mtime_s + STORE_INDEX_RACY_S < e->seen &&
		               e->ctime_s + STORE_INDEX_RACY_S < e->seen && e->seen <= now;
		return e->ctime_s == id->ctime_s && e->ctime_ns == id->ctime_ns && settled
		           ? STORE_INDEX_TRUSTED
		           : STORE_INDEX_VERIFY;
	}
	return STORE_INDEX_UNKNOWN;
}

void store_index_put(struct store_index *x, const struct store_index_id *id, const char *name,
                     int64_t seen)
{
	size_t slot = x->next;
	for (size_t i = 0; i < STORE_INDEX_CAP; i++)
		if (same_file(&x->e[i], id)) {
			slot = i;
			break;
		}
	if (slot == x->next)
		x->next = (x->next + 1) % STORE_INDEX_CAP;
	struct disk_entry *e = &x->e[slot];
	*e = (struct disk_entry){
	    .dev = id->dev,
	    .ino = id->ino,
	    .size = id->size,
	    .mtime_s = id->mtime_s,
	    .mtime_ns = id->mtime_ns,
	    .ctime_s = id->ctime_s,
	    .ctime_ns = id->ctime_ns,
	    .seen = seen,
	};
	snprintf(e->name, sizeof e->name, "%s", name);
	x->dirty = true;
}

size_t store_index_forget(struct store_index *x, bool (*gone)(void *ctx, const char *name),
                          void *ctx)
{
	size_t n = 0;
	for (size_t i = 0; i < STORE_INDEX_CAP; i++)
		if (x->e[i].name[0] && gone(ctx, x->e[i].name)) {
			x->e[i].name[0] = '\0';
			n++;
		}
	x->dirty |= n > 0;
	return n;
}

size_t store_index_count(const struct store_index *x)
{
	size_t n = 0;
	for (size_t i = 0; i < STORE_INDEX_CAP; i++)
		n += x->e[i].name[0] != '\0';
	return n;
}

bool store_index_dirty(const struct store_index *x)
{
	return x->dirty;
}

/* A copy's name as the store writes it: 16 hex digits, '-', hex digits. */
static bool good_name(const char *name)
{
	size_t len = strnlen(name, STORE_INDEX_NAME);
	if (len == STORE_INDEX_NAME || len < 18 || name[16] != '-')
		return false;
	for (size_t i = 0; i < len; i++)
		if (i != 16 && !strchr("0123456789abcdef", name[i]))
			return false;
	return true;
}

/* Reads all of fd (size bytes) into buf; 0, or -1. */
static int read_all(int fd, void *buf, size_t size)
{
	size_t got = 0;
	while (got < size) {
		ssize_t n = pread(fd, (char *)buf + got, size - got, (off_t)got);
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

/* The entries of the file's n bytes at buf, checked, into x. */
static enum store_index_read take(struct store_index *x, const char *buf, size_t n)
{
	struct disk_header h;
	if (n < sizeof h)
		return STORE_INDEX_DAMAGED;
	memcpy(&h, buf, sizeof h);
	if (memcmp(h.magic, MAGIC, sizeof MAGIC) != 0)
		return STORE_INDEX_DAMAGED;
	if (h.version != STORE_INDEX_VERSION || h.entry_size != sizeof(struct disk_entry))
		return STORE_INDEX_FOREIGN;
	const char *body = buf + sizeof h;
	n -= sizeof h;
	if (h.count > STORE_INDEX_CAP || h.count * sizeof(struct disk_entry) != n ||
	    hash_more(HASH_SEED, body, n) != h.checksum)
		return STORE_INDEX_DAMAGED;
	memcpy(x->e, body, n);
	for (size_t i = 0; i < h.count; i++)
		if (!good_name(x->e[i].name))
			return STORE_INDEX_DAMAGED;
	x->next = h.count % STORE_INDEX_CAP;
	return STORE_INDEX_READ;
}

/* Empties x, touching only the entries in use (a fresh index's pages stay
 * untouched: no memory of the process's own until used). */
static void clear(struct store_index *x)
{
	for (size_t i = 0; i < STORE_INDEX_CAP; i++)
		if (x->e[i].name[0])
			memset(&x->e[i], 0, sizeof x->e[i]);
	x->next = 0;
	x->dirty = false;
}

enum store_index_read store_index_load(struct store_index *x, int dirfd, const char *file)
{
	clear(x);
	int fd = openat(dirfd, file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? STORE_INDEX_MISSING : STORE_INDEX_DAMAGED;
	struct stat st;
	enum store_index_read r = STORE_INDEX_DAMAGED;
	if (fstat(fd, &st) == 0 && st.st_size > 0 &&
	    (size_t)st.st_size <= sizeof(struct disk_header) + sizeof x->e) {
		char *buf = malloc((size_t)st.st_size);
		if (buf && read_all(fd, buf, (size_t)st.st_size) == 0)
			r = take(x, buf, (size_t)st.st_size);
		free(buf);
	}
	close(fd);
	if (r != STORE_INDEX_READ)
		clear(x);
	return r;
}

int store_index_save(struct store_index *x, int dirfd, const char *file)
{
	char tmp[256];
	if (snprintf(tmp, sizeof tmp, "%s.new", file) >= (int)sizeof tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/* the entries in use, oldest first, so a load keeps the ring's order */
	struct disk_entry *body = malloc(sizeof x->e);
	if (!body)
		return -1;
	size_t n = 0;
	for (size_t k = 0; k < STORE_INDEX_CAP; k++) {
		const struct disk_entry *e = &x->e[(x->next + k) % STORE_INDEX_CAP];
		if (e->name[0])
			body[n++] = *e;
	}
	struct disk_header h = {.version = STORE_INDEX_VERSION,
	                        .entry_size = sizeof *body,
	                        .count = n,
	                        .checksum = hash_more(HASH_SEED, body, n * sizeof *body)};
	memcpy(h.magic, MAGIC, sizeof MAGIC);
	int fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	bool ok = fd >= 0 && write(fd, &h, sizeof h) == (ssize_t)sizeof h &&
	          write(fd, body, n * sizeof *body) == (ssize_t)(n * sizeof *body);
	int e = errno;
	free(body);
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (ok && renameat(dirfd, tmp, dirfd, file) != 0) {
		ok = false;
		e = errno;
	}
	if (!ok) {
		if (fd >= 0)
			unlinkat(dirfd, tmp, 0);
		errno = e;
		return -1;
	}
	x->dirty = false;
	return 0;
}
