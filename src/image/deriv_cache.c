#include "image/deriv_cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/hash.h"
#include "base/log.h"

enum {
	NAME_CAP = 96,
	SIDE_MAX = 16384, /* image_info refuses more */
};

/* A file's first bytes. The pixels follow, w * 4 bytes a row, no gaps. */
struct head {
	char magic[8]; /* HEAD_MAGIC */
	uint32_t version;
	uint32_t w, h;              /* the pixels' */
	uint32_t box_w, box_h, fit; /* what they were made for */
	uint32_t format;            /* SDL_PIXELFORMAT_RGB888 or _ARGB8888 */
	uint32_t blend;             /* SDL_BlendMode */
	uint64_t key;               /* hash of the file's name: a renamed file is foreign */
	uint64_t sum;               /* hash_wide of the pixels */
	uint64_t head_sum;          /* hash_more of the bytes above */
};

static const char HEAD_MAGIC[8] = "twnhderv";

/* A file of the cache, as the index knows it. */
struct file {
	char name[NAME_CAP];
	uint64_t bytes;
	int64_t used; /* ns since the epoch: the file's mtime */
	bool fresh;   /* used or written since the cache was opened */
};

struct deriv_cache {
	char dir[4096];
	int fd;
	size_t budget;
	pthread_mutex_t lock; /* everything below */
	struct file *files;
	size_t n, cap;
	uint64_t bytes;
	int64_t last_use; /* the latest used of any file */
	unsigned tmp_seq;
	bool broken;
	size_t hits, misses, rejected, written, evicted;
};

int deriv_cache_dir(char *out, size_t size)
{
	const char *v = getenv("CACHE_DIRECTORY");
	int n;
	if (v && *v) { /* "a:b" when the unit names several */
		size_t len = strcspn(v, ":");
		n = snprintf(out, size, "%.*s/pictures", (int)len, v);
	} else if ((v = getenv("XDG_CACHE_HOME")) && *v == '/') {
		n = snprintf(out, size, "%s/twinhall/pictures", v);
	} else if ((v = getenv("HOME")) && *v) {
		n = snprintf(out, size, "%s/.cache/twinhall/pictures", v);
	} else {
		return -1;
	}
	return n > 0 && (size_t)n < size ? 0 : -1;
}

bool deriv_cache_keyed(const char *file)
{
	size_t i = 0;
	while (i < 16 && file[i] && strchr("0123456789abcdef", file[i]))
		i++;
	if (i != 16 || file[i++] != '-')
		return false;
	size_t start = i;
	while (file[i] && strchr("0123456789abcdef", file[i]))
		i++;
	return file[i] == '\0' && i > start && i - start <= 16;
}

/* The name of file's derivative for fit into w x h; false when none. */
static bool name_of(const char *file, int w, int h, enum image_fit fit, char *out)
{
	if (!deriv_cache_keyed(file) || w <= 0 || h <= 0 || w > SIDE_MAX || h > SIDE_MAX)
		return false;
	snprintf(out, NAME_CAP, "v%d-%s-%dx%d-%c", DERIV_CACHE_VERSION, file, w, h,
	         fit == IMAGE_COVER ? 'c' : 'f');
	return true;
}

static int64_t mtime_ns(const struct stat *st)
{
	return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/* The index entry named name, or NULL; the lock is held. */
static struct file *find(struct deriv_cache *d, const char *name)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->files[i].name, name) == 0)
			return &d->files[i];
	return NULL;
}

/* Adds or updates name in the index; the lock is held. */
static void note(struct deriv_cache *d, const char *name, uint64_t bytes, int64_t used, bool fresh)
{
	struct file *f = find(d, name);
	if (!f) {
		if (d->n == d->cap) {
			size_t cap = d->cap ? d->cap * 2 : 64;
			struct file *m = realloc(d->files, cap * sizeof *m);
			if (!m)
				return; /* not indexed: only never evicted */
			d->files = m;
			d->cap = cap;
		}
		f = &d->files[d->n++];
		snprintf(f->name, NAME_CAP, "%s", name);
		f->bytes = 0;
	}
	d->bytes -= f->bytes;
	f->bytes = bytes;
	d->bytes += bytes;
	/* The files' times are coarse (a few ms): uses in this run are kept
	 * in order past them. */
	if (fresh && used <= d->last_use)
		used = d->last_use + 1;
	if (used > d->last_use)
		d->last_use = used;
	f->used = used;
	f->fresh = fresh;
}

/* Drops index entry f and deletes its file; the lock is held. */
static void forget(struct deriv_cache *d, struct file *f)
{
	unlinkat(d->fd, f->name, 0);
	d->bytes -= f->bytes;
	*f = d->files[--d->n];
}

/* A file of the folder at open: indexed when it is ours, deleted when it
 * is of another version or a write that a process now gone left. */
static void scan_one(struct deriv_cache *d, const char *name)
{
	struct stat st;
	char mine[16];
	snprintf(mine, sizeof mine, "v%d-", DERIV_CACHE_VERSION);
	if (strncmp(name, ".new-", 5) == 0) {
		long pid = strtol(name + 5, NULL, 10);
		if (pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH)
			unlinkat(d->fd, name, 0);
		return;
	}
	if (name[0] != 'v' || name[1] < '0' || name[1] > '9')
		return; /* not ours */
	if (strncmp(name, mine, strlen(mine)) != 0) {
		unlinkat(d->fd, name, 0);
		return;
	}
	if (strlen(name) < NAME_CAP && fstatat(d->fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode))
		note(d, name, (uint64_t)st.st_size, mtime_ns(&st), false);
}

static void scan(struct deriv_cache *d)
{
	int fd = dup(d->fd);
	DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
	if (!dir) {
		if (fd >= 0)
			close(fd);
		return;
	}
	struct dirent *e;
	while ((e = readdir(dir)))
		scan_one(d, e->d_name);
	closedir(dir);
}

/* mkdir -p of path; errors show when it is opened. */
static void make_dirs(const char *path)
{
	char p[4096];
	snprintf(p, sizeof p, "%s", path);
	for (char *c = p + 1; *c; c++) {
		if (*c != '/')
			continue;
		*c = '\0';
		mkdir(p, 0755);
		*c = '/';
	}
	mkdir(p, 0755);
}

struct deriv_cache *deriv_cache_open(const char *dir, size_t budget)
{
	struct deriv_cache *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->fd = -1;
	d->budget = budget;
	pthread_mutex_init(&d->lock, NULL);
	snprintf(d->dir, sizeof d->dir, "%s", dir);
	make_dirs(d->dir);
	d->fd = open(d->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d->fd < 0 || faccessat(d->fd, ".", W_OK, AT_EACCESS) != 0) {
		log_warning("no cache of pictures at the screen's size in %s: %s; photos are "
		            "decoded from their originals",
		            d->dir, strerror(errno));
		deriv_cache_free(d);
		return NULL;
	}
	scan(d);
	return d;
}

void deriv_cache_free(struct deriv_cache *d)
{
	if (!d)
		return;
	if (d->fd >= 0)
		close(d->fd);
	pthread_mutex_destroy(&d->lock);
	free(d->files);
	free(d);
}

static uint64_t head_sum(const struct head *h)
{
	return hash_more(HASH_SEED, h, offsetof(struct head, head_sum));
}

/* Whether h is a whole header of this version for name, box w x h and fit,
 * of a file of file_bytes. */
static bool head_fits(const struct head *h, const char *name, int w, int hh, enum image_fit fit,
                      uint64_t file_bytes)
{
	if (memcmp(h->magic, HEAD_MAGIC, sizeof h->magic) != 0 || h->head_sum != head_sum(h) ||
	    h->version != DERIV_CACHE_VERSION || h->key != hash_more(HASH_SEED, name, strlen(name)))
		return false;
	if (h->box_w != (uint32_t)w || h->box_h != (uint32_t)hh || h->fit != (uint32_t)fit ||
	    h->w == 0 || h->h == 0 || h->w > h->box_w || h->h > h->box_h)
		return false;
	if (h->format != SDL_PIXELFORMAT_RGB888 && h->format != SDL_PIXELFORMAT_ARGB8888)
		return false;
	if (h->blend != SDL_BLENDMODE_NONE && h->blend != SDL_BLENDMODE_BLEND)
		return false;
	return file_bytes == sizeof *h + (uint64_t)h->w * h->h * 4;
}

/* Reads the pixels after h from fd into a new surface when their checksum
 * holds; NULL otherwise. */
static SDL_Surface *read_pixels(int fd, const struct head *h)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, (int)h->w, (int)h->h, 32, h->format);
	if (!s)
		return NULL;
	size_t row = (size_t)h->w * 4, total = row * h->h, done = 0;
	if (s->pitch != (int)row) { /* SDL packs 32-bit rows; never seen otherwise */
		SDL_FreeSurface(s);
		return NULL;
	}
	while (done < total) {
		ssize_t n =
		    pread(fd, (char *)s->pixels + done, total - done, (off_t)(sizeof *h + done));
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done != total || hash_wide(s->pixels, total) != h->sum) {
		SDL_FreeSurface(s);
		return NULL;
	}
	SDL_SetSurfaceBlendMode(s, (SDL_BlendMode)h->blend);
	return s;
}

/* The file name, found not whole: deleted, unless a new one took its place. */
static void reject(struct deriv_cache *d, const char *name, int fd)
{
	struct stat mine, now;
	pthread_mutex_lock(&d->lock);
	d->rejected++;
	if (fstat(fd, &mine) == 0 && fstatat(d->fd, name, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
	    mine.st_ino == now.st_ino) {
		struct file *f = find(d, name);
		if (f)
			forget(d, f);
		else
			unlinkat(d->fd, name, 0);
	}
	pthread_mutex_unlock(&d->lock);
}

SDL_Surface *deriv_cache_read(struct deriv_cache *d, const char *file, int w, int h,
                              enum image_fit fit)
{
	char name[NAME_CAP];
	if (!d || !name_of(file, w, h, fit, name))
		return NULL;
	int fd = openat(d->fd, name, O_RDONLY | O_CLOEXEC);
	struct head head;
	struct stat st;
	SDL_Surface *s = NULL;
	if (fd < 0)
		goto out;
	if (fstat(fd, &st) != 0 || pread(fd, &head, sizeof head, 0) != (ssize_t)sizeof head ||
	    !head_fits(&head, name, w, h, fit, (uint64_t)st.st_size) ||
	    !(s = read_pixels(fd, &head))) {
		reject(d, name, fd);
		goto out;
	}
	/* Its last use, in the clock the files' times use: the LRU's order
	 * after a restart. */
	futimens(fd, NULL);
	fstat(fd, &st);
	pthread_mutex_lock(&d->lock);
	note(d, name, (uint64_t)st.st_size, mtime_ns(&st), true);
	pthread_mutex_unlock(&d->lock);
out:
	if (fd >= 0)
		close(fd);
	pthread_mutex_lock(&d->lock);
	if (s)
		d->hits++;
	else
		d->misses++;
	pthread_mutex_unlock(&d->lock);
	return s;
}

bool deriv_cache_has(struct deriv_cache *d, const char *file, int w, int h, enum image_fit fit)
{
	char name[NAME_CAP];
	return d && name_of(file, w, h, fit, name) && faccessat(d->fd, name, F_OK, 0) == 0;
}

/* Makes room for bytes more within the budget, oldest first; false when a
 * warm-up would have to delete a file used in this run. The lock is held. */
static bool make_room(struct deriv_cache *d, uint64_t bytes, bool warm)
{
	while (d->n > 0 && d->bytes + bytes > d->budget) {
		size_t old = 0;
		for (size_t i = 1; i < d->n; i++)
			if (d->files[i].used < d->files[old].used)
				old = i;
		if (warm && d->files[old].fresh)
			return false;
		forget(d, &d->files[old]);
		d->evicted++;
	}
	return bytes <= d->budget;
}

/* Writes the header and s's rows to fd; 0, or -1 with errno set. */
static int write_all(int fd, const struct head *head, const SDL_Surface *s)
{
	size_t row = (size_t)s->w * 4;
	if (write(fd, head, sizeof *head) != (ssize_t)sizeof *head)
		return -1;
	for (int y = 0; y < s->h; y++) {
		const char *p = (const char *)s->pixels + (size_t)y * (size_t)s->pitch;
		size_t done = 0;
		while (done < row) {
			ssize_t n = write(fd, p + done, row - done);
			if (n <= 0) {
				if (n == 0)
					errno = ENOSPC;
				return -1;
			}
			done += (size_t)n;
		}
	}
	return 0;
}

/* The header of s as the derivative name for box w x h and fit. */
static void make_head(struct head *head, const char *name, int w, int h, enum image_fit fit,
                      const SDL_Surface *s)
{
	SDL_BlendMode blend = SDL_BLENDMODE_NONE;
	SDL_GetSurfaceBlendMode((SDL_Surface *)s, &blend);
	memset(head, 0, sizeof *head);
	memcpy(head->magic, HEAD_MAGIC, sizeof head->magic);
	head->version = DERIV_CACHE_VERSION;
	head->w = (uint32_t)s->w;
	head->h = (uint32_t)s->h;
	head->box_w = (uint32_t)w;
	head->box_h = (uint32_t)h;
	head->fit = (uint32_t)fit;
	head->format = s->format->format;
	head->blend = (uint32_t)blend;
	head->key = hash_more(HASH_SEED, name, strlen(name));
	head->sum = hash_wide(s->pixels, (size_t)s->w * 4 * (size_t)s->h); /* rows packed */
	head->head_sum = head_sum(head);
}

/* A write failed: said once, and no more are tried. The lock is not held. */
static void broke(struct deriv_cache *d, int err)
{
	pthread_mutex_lock(&d->lock);
	bool first = !d->broken;
	d->broken = true;
	pthread_mutex_unlock(&d->lock);
	if (first)
		log_warning("cannot write pictures at the screen's size in %s: %s; no more are "
		            "kept there until the hall restarts",
		            d->dir, strerror(err));
}

bool deriv_cache_write(struct deriv_cache *d, const char *file, int w, int h, enum image_fit fit,
                       const SDL_Surface *s, bool warm)
{
	char name[NAME_CAP], tmp[64];
	if (!d || !s || s->format->BytesPerPixel != 4 || s->pitch != s->w * 4 ||
	    !name_of(file, w, h, fit, name))
		return false;
	struct head head;
	make_head(&head, name, w, h, fit, s);
	uint64_t bytes = sizeof head + (uint64_t)s->w * (uint64_t)s->h * 4;
	pthread_mutex_lock(&d->lock);
	bool go = !d->broken && make_room(d, bytes, warm);
	snprintf(tmp, sizeof tmp, ".new-%ld-%u", (long)getpid(), d->tmp_seq++);
	pthread_mutex_unlock(&d->lock);
	if (!go)
		return false;
	int fd = openat(d->fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	bool bad = fd < 0 || write_all(fd, &head, s) != 0;
	int err = errno;
	if (fd >= 0 && close(fd) != 0 && !bad) {
		bad = true;
		err = errno;
	}
	if (!bad && renameat(d->fd, tmp, d->fd, name) != 0) {
		bad = true;
		err = errno;
	}
	if (bad) {
		unlinkat(d->fd, tmp, 0);
		broke(d, err);
		return false;
	}
	struct stat st;
	int64_t used = fstatat(d->fd, name, &st, 0) == 0 ? mtime_ns(&st) : 0;
	pthread_mutex_lock(&d->lock);
	note(d, name, bytes, used, true);
	d->written++;
	pthread_mutex_unlock(&d->lock);
	return true;
}

void deriv_cache_stats(struct deriv_cache *d, struct deriv_cache_stats *out)
{
	*out = (struct deriv_cache_stats){0};
	if (!d)
		return;
	pthread_mutex_lock(&d->lock);
	*out = (struct deriv_cache_stats){.files = d->n,
	                                  .bytes = (size_t)d->bytes,
	                                  .hits = d->hits,
	                                  .misses = d->misses,
	                                  .rejected = d->rejected,
	                                  .written = d->written,
	                                  .evicted = d->evicted,
	                                  .broken = d->broken};
	pthread_mutex_unlock(&d->lock);
}
