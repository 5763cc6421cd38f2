#include "live/tree.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/hash.h"

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && strcmp(s + n - t, tail) == 0;
}

bool tree_ignored(const char *name)
{
	return name[0] == '.' || strncmp(name, "~$", 2) == 0 || ends_with(name, "~") ||
	       ends_with(name, ".tmp");
}

struct walk {
	void (*dir_fn)(void *ctx, const char *path);
	void (*file_fn)(void *ctx, const char *path, const struct stat *st);
	void *ctx;
	uint64_t sum; /* of every file's own hash: the order of entries does not count */
	size_t entries;
};

static void walk(struct walk *w, const char *dir, int depth)
{
	if (w->dir_fn)
		w->dir_fn(w->ctx, dir);
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char path[4096];
	while ((e = readdir(d)) && w->entries < TREE_MAX_ENTRIES) {
		if (tree_ignored(e->d_name))
			continue;
		w->entries++;
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
			continue;
		struct stat st;
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (depth < TREE_MAX_DEPTH)
				walk(w, path, depth + 1);
			continue;
		}
		if (w->file_fn)
			w->file_fn(w->ctx, path, &st);
		if (S_ISLNK(st.st_mode) && stat(path, &st) != 0)
			continue; /* a dangling link: as if absent */
		uint64_t h = hash_more(HASH_SEED, path, strlen(path));
		int64_t facts[3] = {(int64_t)st.st_size, (int64_t)st.st_mtim.tv_sec,
		                    (int64_t)st.st_mtim.tv_nsec};
		w->sum += hash_more(h, facts, sizeof facts);
	}
	closedir(d);
}

uint64_t tree_fingerprint(const char *dir)
{
	struct walk w = {0};
	walk(&w, dir, 0);
	return w.sum;
}

void tree_dirs(const char *dir, void (*fn)(void *ctx, const char *path), void *ctx)
{
	struct walk w = {.dir_fn = fn, .ctx = ctx};
	walk(&w, dir, 0);
}

void tree_walk(const char *dir, void (*dir_fn)(void *ctx, const char *path),
               void (*file_fn)(void *ctx, const char *path, const struct stat *st), void *ctx)
{
	struct walk w = {.dir_fn = dir_fn, .file_fn = file_fn, .ctx = ctx};
	walk(&w, dir, 0);
}
