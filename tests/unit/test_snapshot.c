/* The last good content kept in the state directory: a tree of links to
 * the store's own copies that loads, written again only when the content
 * changed, each file's bytes kept once, and whole after the content folder
 * is gone; copies no snapshot links to are swept. Runs on a copy of the
 * sample content. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content.h"
#include "live/snapshot.h"
#include "live/store.h"
#include "test.h"

static int failures_;
static char src[64], state[64];

static ino_t inode(const char *dir, const char *rel)
{
	char path[512];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	return stat(path, &st) == 0 ? st.st_ino : 0;
}

static void append(const char *rel, const char *text)
{
	CHECK(test_write_file(src, rel, text, "a") == 0);
}

static bool snapshot_loads(void)
{
	char dir[256];
	snapshot_path(state, dir, sizeof dir);
	struct diag *d = diag_new();
	struct content *c = content_load(dir, d);
	bool ok = c && c->hall.n_cities == 6;
	content_free(c);
	diag_free(d);
	return ok;
}

static void test_state_dir_choice(void)
{
	char buf[256];
	setenv("STATE_DIRECTORY", "/var/lib/twinhall:/var/lib/other", 1);
	setenv("HOME", "/home/hall", 1);
	CHECK_INT(snapshot_state_dir("/given", buf, sizeof buf), 0);
	CHECK_STR(buf, "/given");
	CHECK_INT(snapshot_state_dir(NULL, buf, sizeof buf), 0);
	CHECK_STR(buf, "/var/lib/twinhall");
	unsetenv("STATE_DIRECTORY");
	setenv("XDG_STATE_HOME", "/xdg", 1);
	CHECK_INT(snapshot_state_dir(NULL, buf, sizeof buf), 0);
	CHECK_STR(buf, "/xdg/twinhall");
	unsetenv("XDG_STATE_HOME");
	CHECK_INT(snapshot_state_dir(NULL, buf, sizeof buf), 0);
	CHECK_STR(buf, "/home/hall/.local/state/twinhall");
	unsetenv("HOME");
	CHECK_INT(snapshot_state_dir(NULL, buf, sizeof buf), -1);
}

/* src loaded as the hall does, through the store in state. */
static struct content *load_kept(struct store *st, const struct content *good)
{
	struct diag *d = diag_new();
	struct content *c = content_load_kept(src, store_hook(st), good, d);
	diag_free(d);
	return c;
}

static void test_save_link_and_sweep(void)
{
	char snap[256], from[256], real[256], kept[300];
	time_t saved;
	snapshot_path(state, snap, sizeof snap);
	CHECK(!snapshot_info(state, from, sizeof from, &saved));
	struct store *st = store_open(state);
	CHECK(st != NULL);
	if (!st)
		return;
	struct content *c = load_kept(st, NULL);
	CHECK(c != NULL);
	CHECK_INT(snapshot_save(c, src, state), 0);
	CHECK(snapshot_loads());
	CHECK(snapshot_info(state, from, sizeof from, &saved));
	CHECK(realpath(src, real) != NULL);
	CHECK_STR(from, real);
	CHECK(saved > 0 && time(NULL) - saved < 60);

	const char *yaml = "cities/oxford/city.yaml", *photo = "cities/oxford/flag.png";
	ino_t yaml_ino = inode(snap, yaml), photo_ino = inode(snap, photo);
	CHECK(yaml_ino && photo_ino && photo_ino != inode(src, photo)); /* not the folder's */
	snprintf(kept, sizeof kept, "%s/store", state);
	for (size_t i = 0; i < c->hall.n_cities; i++) /* the store's copy */
		if (strcmp(c->hall.cities[i].id, "oxford") == 0)
			CHECK(photo_ino == inode(kept, c->hall.cities[i].flag.file));
	CHECK_INT(snapshot_save(c, src, state), 0); /* nothing changed: nothing written */
	CHECK(inode(snap, yaml) == yaml_ino);

	append(yaml, "# a comment\n");
	struct content *c2 = load_kept(st, c);
	CHECK(c2 != NULL);
	CHECK_INT(snapshot_save(c2, src, state), 0);
	CHECK(snapshot_loads());
	CHECK(inode(snap, yaml) != yaml_ino);   /* another copy */
	CHECK(inode(snap, photo) == photo_ino); /* the same bytes, kept once */
	CHECK_INT(store_sweep(st), 1);          /* the old city.yaml's copy goes */
	CHECK(inode(snap, photo) == photo_ino);

	/* The folder gone: the snapshot and its copies stay whole. */
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", src);
	CHECK_INT(system(cmd), 0);
	CHECK(snapshot_loads());
	CHECK_INT(store_sweep(st), 0);
	content_free(c);
	content_free(c2);
	store_free(st);
}

/* Issue 20, point 2: a folder that is not there is named as it was when
 * it was (the log said "the last good copy ... is of /X, not of /X"). */
static void test_from_of_a_missing_folder(void)
{
	char real[512], named[512];
	mkdir("build/snapshot-from-test", 0755);
	CHECK(realpath("build/snapshot-from-test", real) != NULL);
	rmdir("build/snapshot-from-test");
	snapshot_from("build/snapshot-from-test", named, sizeof named);
	CHECK_STR(named, real);
	snapshot_from("./build/snapshot-from-test/", named, sizeof named);
	CHECK_STR(named, real);
}

int main(void)
{
	char cmd[256];
	snprintf(src, sizeof src, "/tmp/twinhall-snap-src-XXXXXX");
	snprintf(state, sizeof state, "/tmp/twinhall-snap-state-XXXXXX");
	if (!mkdtemp(src) || !mkdtemp(state))
		return 1;
	snprintf(cmd, sizeof cmd, "cp -r content/. '%s'", src);
	if (system(cmd) != 0) {
		printf("FAIL cannot copy the sample content (run from the top directory)\n");
		return 1;
	}
	RUN(test_save_link_and_sweep);
	RUN(test_from_of_a_missing_folder);
	RUN(test_state_dir_choice);
	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", src, state);
	CHECK_INT(system(cmd), 0);
	return failures_ ? 1 : 0;
}
