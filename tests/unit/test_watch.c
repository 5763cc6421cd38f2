/* The content tree as the watcher sees it: editors' scratch names are not
 * content; the fingerprint follows sizes, times, names and new files; and
 * the watcher thread, on real inotify and in polling mode, tells of a
 * saved file once, after the quiet time, and of nothing else. */
#include <SDL.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "live/tree.h"
#include "live/watch.h"

static int failures_;
static char root[256];

static void put(const char *rel, const char *text)
{
	CHECK(test_write_file(root, rel, text, "w") == 0);
}

static void make_root(void)
{
	snprintf(root, sizeof root, "/tmp/twinhall-watch-XXXXXX");
	CHECK(mkdtemp(root) != NULL);
	char sub[512];
	snprintf(sub, sizeof sub, "%s/cities", root);
	mkdir(sub, 0755);
	put("hall.yaml", "title: a\n");
}

static void remove_root(void)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	CHECK_INT(system(cmd), 0);
}

static void test_scratch_names(void)
{
	CHECK(tree_ignored(".hall.yaml.swp"));
	CHECK(tree_ignored("hall.yaml~"));
	CHECK(tree_ignored(".~lock.city.yaml#"));
	CHECK(tree_ignored("~$city.yaml"));
	CHECK(tree_ignored("upload.tmp"));
	CHECK(tree_ignored(".git"));
	CHECK(!tree_ignored("hall.yaml"));
	CHECK(!tree_ignored("town-hall.jpg"));
	CHECK(!tree_ignored("tmp.jpg"));
}

static void test_fingerprint(void)
{
	make_root();
	uint64_t a = tree_fingerprint(root);
	CHECK(a == tree_fingerprint(root));
	put("hall.yaml", "title: b\n"); /* same size, new time */
	struct timespec t[2] = {{1000, 0}, {1000, 0}};
	char path[512];
	snprintf(path, sizeof path, "%s/hall.yaml", root);
	utimensat(AT_FDCWD, path, t, 0);
	uint64_t b = tree_fingerprint(root);
	CHECK(b != a);
	put("cities/new.yaml", "x\n");
	uint64_t c = tree_fingerprint(root);
	CHECK(c != b);
	put("cities/.new.yaml.swp", "scratch"); /* an editor's: not content */
	put("cities/upload.tmp", "scratch");
	CHECK(tree_fingerprint(root) == c);
	remove_root();
}

static SDL_atomic_t calls;

static void changed(void *ctx)
{
	(void)ctx;
	SDL_AtomicAdd(&calls, 1);
}

/* Waits up to ms for calls to reach n; the time it took, or -1. */
static int wait_calls(int n, int ms)
{
	for (int t = 0; t <= ms; t += 20) {
		if (SDL_AtomicGet(&calls) >= n)
			return t;
		SDL_Delay(20);
	}
	return -1;
}

static void watcher_sees_one_save(int poll_s)
{
	make_root();
	SDL_AtomicSet(&calls, 0);
	struct watch_config cfg = {.quiet_ms = 300, .poll_s = poll_s};
	struct watch *w = watch_start(root, &cfg, changed, NULL);
	CHECK(w != NULL);
	if (!w)
		return;
	CHECK(watch_polls(w) == (poll_s > 0));
	SDL_Delay(100);
	CHECK_INT(SDL_AtomicGet(&calls), 0); /* nothing changed yet */
	put("cities/.x.swp", "scratch");     /* ignored */
	SDL_Delay(poll_s > 0 ? 1500 : 700);
	CHECK_INT(SDL_AtomicGet(&calls), 0);
	/* A new directory and a file in it, saved by rename. */
	char dir[512], tmp[512], dst[512];
	snprintf(dir, sizeof dir, "%s/cities/oxford", root);
	mkdir(dir, 0755);
	SDL_Delay(50);
	put("cities/oxford/city.yaml.tmp", "name: Oxford\n");
	snprintf(tmp, sizeof tmp, "%s/cities/oxford/city.yaml.tmp", root);
	snprintf(dst, sizeof dst, "%s/cities/oxford/city.yaml", root);
	CHECK_INT(rename(tmp, dst), 0);
	int took = wait_calls(1, 5000);
	CHECK(took >= 0);
	SDL_Delay(800);
	CHECK_INT(SDL_AtomicGet(&calls), 1); /* told once */
	/* An edit inside the directory made after the watch began. */
	put("cities/oxford/city.yaml", "name: Oxford, UK\n");
	CHECK(wait_calls(2, 5000) >= 0);
	watch_stop(w);
	remove_root();
}

static void test_inotify_watcher(void)
{
	watcher_sees_one_save(0);
}

static void test_polling_watcher(void)
{
	watcher_sees_one_save(1);
}

static void sh(const char *fmt, const char *a)
{
	char cmd[1200];
	snprintf(cmd, sizeof cmd, fmt, a, a, a);
	CHECK_INT(system(cmd), 0);
}

/* Issue 20, point 1: the folder replaced, renamed away and back, or not
 * there at start; after each, a later edit is still told. */
static void test_folder_replaced_renamed_and_missing(void)
{
	make_root();
	SDL_AtomicSet(&calls, 0);
	struct watch_config cfg = {.quiet_ms = 300};
	struct watch *w = watch_start(root, &cfg, changed, NULL);
	CHECK(w != NULL);
	if (!w)
		return;
	CHECK_INT(watch_state(w), WATCH_INOTIFY);
	/* rm -rf content; cp -r fresh content */
	sh("rm -rf '%s' && mkdir -p '%s/cities' && echo 'title: c' >'%s/hall.yaml'", root);
	CHECK(wait_calls(1, 3000) >= 0);
	put("hall.yaml", "title: d\n");
	CHECK(wait_calls(2, 3000) >= 0);
	/* mv content away; the folder is gone; then back, edited there */
	sh("mv '%s' '%s.away' && sleep 0.8 && echo 'title: e' >'%s.away/hall.yaml'", root);
	CHECK_INT(watch_state(w), WATCH_GONE);
	sh("mv '%s.away' '%s' #%s", root);
	CHECK(wait_calls(3, 3000) >= 0);
	put("hall.yaml", "title: f\n");
	CHECK(wait_calls(4, 3000) >= 0);
	CHECK_INT(watch_state(w), WATCH_INOTIFY);
	watch_stop(w);
	/* Not there at start (a share mounted after boot), then there. */
	sh("rm -rf '%s' #%s%s", root);
	SDL_AtomicSet(&calls, 0);
	w = watch_start(root, &cfg, changed, NULL);
	CHECK(w != NULL);
	if (!w)
		return;
	CHECK_INT(watch_state(w), WATCH_GONE);
	sh("mkdir -p '%s/cities' && echo 'title: g' >'%s/hall.yaml' #%s", root);
	CHECK(wait_calls(1, 3000) >= 0);
	CHECK_INT(watch_state(w), WATCH_INOTIFY);
	put("cities/x.yaml", "x\n");
	CHECK(wait_calls(2, 3000) >= 0);
	watch_stop(w);
	remove_root();
}

int main(void)
{
	RUN(test_scratch_names);
	RUN(test_fingerprint);
	RUN(test_inotify_watcher);
	RUN(test_polling_watcher);
	RUN(test_folder_replaced_renamed_and_missing);
	return failures_ != 0;
}
