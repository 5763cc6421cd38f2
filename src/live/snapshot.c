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
#include "base/hash.h"
#include "content/content.h"

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

void snapshot_from(const char *dir, char *buf, size_t size)
{
	char cwd[PATH_CAP];
	if (realpath(dir, buf) && strlen(buf) < size)
		return;
	if (dir[0] == '/' || !getcwd(cwd, sizeof cwd))
		snprintf(buf, size, "%s", dir);
	else /* not there: the path it would have, as realpath gave it when it was */
		snprintf(buf, size, "%s/%s", cwd, strncmp(dir, "./", 2) == 0 ? dir + 2 : dir);
	size_t n = strlen(buf);
	while (n > 1 && buf[n - 1] == '/')
		buf[--n] = '\0';
}

/* The snapshot's notes: where from, when, and the fingerprint of what it
 * holds. False when there are none. */
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

static int write_info(const char *state, const char *from, uint64_t fp)
{
	char path[PATH_CAP], tmp[PATH_CAP];
	info_path(state, path, sizeof path);
	if (!join(tmp, sizeof tmp, path, ".new"))
		return -1;
	FILE *f = fopen(tmp, "w");
	if (!f)
		return -1;
	fprintf(f, "from=%s\nsaved=%lld\nfingerprint=%016" PRIx64 "\n", from, (long long)time(NULL),
	        fp);
	if (fclose(f) != 0)
		return -1;
	return rename(tmp, path);
}

/* One file of the content as the snapshot holds it: rel, a link to the
 * kept copy name. */
struct put {
	const char *kept_dir, *dst;
	uint64_t fp; /* of every (rel, name) */
	bool write, failed;
};

static void put_file(struct put *p, const char *rel, const char *name)
{
	if (!name) {
		p->failed = true; /* loaded without the store: nothing of ours to link */
		return;
	}
	uint64_t h = hash_more(HASH_SEED, rel, strlen(rel) + 1);
	p->fp += hash_more(h, name, strlen(name)); /* the order does not count */
	if (!p->write || p->failed)
		return;
	char from[PATH_CAP], to[PATH_CAP];
	if (snprintf(from, sizeof from, "%s/%s", p->kept_dir, name) >= (int)sizeof from ||
	    snprintf(to, sizeof to, "%s/%s", p->dst, rel) >= (int)sizeof to) {
		p->failed = true;
		return;
	}
	char *slash = strrchr(to, '/');
	*slash = '\0';
	int made = make_dirs(to);
	*slash = '/';
	if (made != 0 || (link(from, to) != 0 && errno != EEXIST))
		p->failed = true;
}

static void put_image(struct put *p, const struct image_ref *r)
{
	put_file(p, r->path, r->file != r->path ? r->file : NULL);
}

/* Every file of c into p. */
static void put_all(struct put *p, const struct content *c)
{
	put_file(p, "hall.yaml", c->hall_yaml);
	for (size_t i = 0; i < c->hall.n_cities; i++) {
		const struct city *city = &c->hall.cities[i];
		char rel[128];
		snprintf(rel, sizeof rel, "cities/%s/city.yaml", city->id);
		put_file(p, rel, city->yaml);
		put_image(p, &city->flag);
		for (size_t k = 0; k < city->n_photos; k++)
			put_image(p, &city->photos[k].image);
		for (size_t k = 0; k < city->n_gifts; k++)
			put_image(p, &city->gifts[k].image);
	}
}

int snapshot_save(const struct content *c, const char *dir, const char *state)
{
	char from[PATH_CAP], cur[PATH_CAP], fresh[PATH_CAP], had_from[PATH_CAP];
	snapshot_from(dir, from, sizeof from);
	snapshot_path(state, cur, sizeof cur);
	if (!join(fresh, sizeof fresh, cur, ".new"))
		return -1;
	struct put p = {.kept_dir = c->image_root, .dst = fresh};
	put_all(&p, c);
	time_t saved;
	uint64_t had;
	struct stat st;
	if (p.failed)
		return -1;
	if (read_info(state, had_from, sizeof had_from, &saved, &had) && had == p.fp &&
	    strcmp(had_from, from) == 0 && stat(cur, &st) == 0)
		return 0;   /* it holds this content already */
	remove_tree(fresh); /* left by a save cut short */
	p = (struct put){.kept_dir = c->image_root, .dst = fresh, .write = true};
	if (make_dirs(fresh) != 0)
		p.failed = true;
	else
		put_all(&p, c);
	/* Swap the new tree in at once; the old one goes after. */
	if (p.failed || (renameat2(AT_FDCWD, fresh, AT_FDCWD, cur, RENAME_EXCHANGE) != 0 &&
	                 rename(fresh, cur) != 0)) {
		log_warning("cannot keep the last good content in %s: %s", cur, strerror(errno));
		remove_tree(fresh);
		return -1;
	}
	remove_tree(fresh);
	write_info(state, from, p.fp);
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
