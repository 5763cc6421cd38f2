#include "live/snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/log.h"
#include "content/content.h"
#include "content/diag.h"
#include "live/tree.h"

enum { PATH_CAP = 4096 };

int snapshot_state_dir(const char *given, char *buf, size_t size)
{
	const char *env;
	int n;
	if (given && *given)
		n = snprintf(buf, size, "%s", given);
	else if ((env = getenv("STATE_DIRECTORY")) && *env)
		n = snprintf(buf, size, "%.*s", (int)strcspn(env, ":"), env);
	else if ((env = getenv("XDG_STATE_HOME")) && *env == '/')
		n = snprintf(buf, size, "%s/twinhall", env);
	else if ((env = getenv("HOME")) && *env)
		n = snprintf(buf, size, "%s/.local/state/twinhall", env);
	else
		return -1;
	return n > 0 && (size_t)n < size ? 0 : -1;
}

/* a then b into buf; false when it does not fit. */
static bool join(char *buf, size_t size, const char *a, const char *b)
{
	int n = snprintf(buf, size, "%s%s", a, b);
	return n >= 0 && (size_t)n < size;
}

void snapshot_path(const char *state, char *buf, size_t size)
{
	join(buf, size, state, "/last-good");
}

static void info_path(const char *state, char *buf, size_t size)
{
	join(buf, size, state, "/last-good.info");
}

/* mkdir -p */
static int make_dirs(const char *path)
{
	char p[PATH_CAP];
	snprintf(p, sizeof p, "%s", path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			return -1;
		*s = '/';
	}
	return mkdir(p, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

struct copy {
	const char *src, *dst, *prev; /* the content, the new copy, the last snapshot */
	size_t src_len;
	int failed; /* an errno */
	char failed_path[PATH_CAP];
};

static void fail(struct copy *c, const char *path)
{
	if (c->failed)
		return;
	c->failed = errno ? errno : EIO;
	snprintf(c->failed_path, sizeof c->failed_path, "%s", path);
}

static void copy_dir(void *ctx, const char *path)
{
	struct copy *c = ctx;
	char to[PATH_CAP];
	if (!join(to, sizeof to, c->dst, path + c->src_len))
		fail(c, path);
	else if (mkdir(to, 0755) != 0 && errno != EEXIST)
		fail(c, to); /* the copy's folder in the state dir is what cannot be made */
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_size == b->st_size && a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Copies the bytes of from into a new file to, with from's times. */
static int copy_bytes(const char *from, const char *to, const struct stat *st)
{
	int in = open(from, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), out = -1, rc = -1;
	if (in < 0)
		return -1;
	out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (out < 0)
		goto done;
	for (off_t left = st->st_size; left > 0;) {
		ssize_t n = copy_file_range(in, NULL, out, NULL, (size_t)left, 0);
		if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EINVAL)) {
			char buf[65536];
			n = read(in, buf, sizeof buf < (size_t)left ? sizeof buf : (size_t)left);
			if (n > 0 && write(out, buf, (size_t)n) != n)
				n = -1;
		}
		if (n <= 0)
			goto done; /* an error, or the file shrank while copied */
		left -= n;
	}
	struct timespec times[2] = {st->st_atim, st->st_mtim};
	rc = futimens(out, times);
done:
	if (out >= 0 && close(out) != 0)
		rc = -1;
	close(in);
	return rc;
}

static void copy_file(void *ctx, const char *path, const struct stat *st)
{
	struct copy *c = ctx;
	if (c->failed || !S_ISREG(st->st_mode))
		return; /* links and devices are not content */
	const char *rel = path + c->src_len;
	char to[PATH_CAP], before[PATH_CAP];
	struct stat old;
	if (!join(to, sizeof to, c->dst, rel) || !join(before, sizeof before, c->prev, rel)) {
		fail(c, path);
		return;
	}
	if (lstat(before, &old) == 0 && S_ISREG(old.st_mode) && same_file(st, &old) &&
	    link(before, to) == 0)
		return;
	if (copy_bytes(path, to, st) != 0)
		fail(c, path);
}

/* The snapshot's notes: where from, when, and the fingerprint of the tree
 * it copied. False when there are none. */
static bool read_info(const char *state, char *from, size_t from_size, time_t *saved, uint64_t *fp)
{
	char path[PATH_CAP], line[PATH_CAP + 32];
	info_path(state, path, sizeof path);
	FILE *f = fopen(path, "r");
	*from = '\0';
	*saved = 0;
	*fp = 0;
	if (!f)
		return false;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "from=", 5) == 0)
			snprintf(from, from_size, "%s", line + 5);
		else if (strncmp(line, "saved=", 6) == 0)
			*saved = (time_t)strtoll(line + 6, NULL, 10);
		else if (strncmp(line, "fingerprint=", 12) == 0)
			*fp = strtoull(line + 12, NULL, 16);
	}
	fclose(f);
	return true;
}

/* True when the snapshot holds dir as it is now (fingerprint fp). */
static bool current(const char *state, const char *dir, uint64_t fp)
{
	char from[PATH_CAP], cur[PATH_CAP];
	time_t saved;
	uint64_t had;
	struct stat st;
	snapshot_path(state, cur, sizeof cur);
	return read_info(state, from, sizeof from, &saved, &had) && had == fp && fp &&
	       strcmp(from, dir) == 0 && stat(cur, &st) == 0;
}

static int write_info(const char *state, const char *dir, uint64_t fp)
{
	char path[PATH_CAP], tmp[PATH_CAP];
	info_path(state, path, sizeof path);
	if (!join(tmp, sizeof tmp, path, ".new"))
		return -1;
	FILE *f = fopen(tmp, "w");
	if (!f)
		return -1;
	fprintf(f, "from=%s\nsaved=%lld\nfingerprint=%016" PRIx64 "\n", dir, (long long)time(NULL),
	        fp);
	if (fclose(f) != 0)
		return -1;
	return rename(tmp, path);
}

/* The copy loads without errors (the content changed while being copied
 * would not). */
static bool loads(const char *dir)
{
	struct diag *d = diag_new();
	struct content *c = d ? content_load(dir, d) : NULL;
	bool ok = c != NULL;
	content_free(c);
	diag_free(d);
	return ok;
}

int snapshot_save(const char *dir, const char *state)
{
	char real[PATH_CAP], cur[PATH_CAP], fresh[PATH_CAP];
	if (!realpath(dir, real)) {
		log_warning("cannot keep a copy of %s: %s", dir, strerror(errno));
		return -1;
	}
	uint64_t fp = tree_fingerprint(real);
	if (current(state, real, fp))
		return 0;
	snapshot_path(state, cur, sizeof cur);
	struct copy c = {.src = real, .dst = fresh, .prev = cur, .src_len = strlen(real)};
	if (!join(fresh, sizeof fresh, cur, ".new"))
		return -1;
	remove_tree(fresh); /* left by a save cut short */
	if (make_dirs(state) != 0) {
		fail(&c, state);
	} else {
		errno = 0;
		tree_walk(real, copy_dir, copy_file, &c);
	}
	if (c.failed) {
		log_warning("cannot keep a copy of the content in %s: %s: %s", state, c.failed_path,
		            strerror(c.failed));
		remove_tree(fresh);
		return -1;
	}
	if (!loads(fresh)) {
		remove_tree(fresh); /* it changed while copied: the next good load saves */
		return -1;
	}
	/* Swap the new copy in at once; the old one goes after. */
	if (renameat2(AT_FDCWD, fresh, AT_FDCWD, cur, RENAME_EXCHANGE) != 0 &&
	    rename(fresh, cur) != 0) {
		log_warning("cannot keep a copy of the content in %s: %s", cur, strerror(errno));
		remove_tree(fresh);
		return -1;
	}
	remove_tree(fresh);
	write_info(state, real, fp);
	return 0;
}

bool snapshot_info(const char *state, char *from, size_t from_size, time_t *saved)
{
	char path[PATH_CAP];
	uint64_t fp;
	struct stat st;
	snapshot_path(state, path, sizeof path);
	return read_info(state, from, from_size, saved, &fp) && stat(path, &st) == 0;
}
