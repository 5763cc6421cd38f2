/* The last good content kept in the state directory: a copy that loads,
 * made again only when the content changed, unchanged files linked rather
 * than copied, and never replaced by content that does not load. Runs on a
 * copy of the sample content. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content.h"
#include "live/snapshot.h"
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

static void test_save_link_and_refuse(void)
{
	char snap[256], from[256], real[256];
	time_t saved;
	snapshot_path(state, snap, sizeof snap);
	CHECK(!snapshot_info(state, from, sizeof from, &saved));
	CHECK_INT(snapshot_save(src, state), 0);
	CHECK(snapshot_loads());
	CHECK(snapshot_info(state, from, sizeof from, &saved));
	CHECK(realpath(src, real) != NULL);
	CHECK_STR(from, real);
	CHECK(saved > 0 && time(NULL) - saved < 60);

	const char *yaml = "cities/oxford/city.yaml", *photo = "cities/oxford/flag.png";
	ino_t yaml_ino = inode(snap, yaml), photo_ino = inode(snap, photo);
	CHECK(yaml_ino && photo_ino && photo_ino != inode(src, photo)); /* a copy */
	CHECK_INT(snapshot_save(src, state), 0); /* nothing changed: nothing written */
	CHECK(inode(snap, yaml) == yaml_ino);

	append(yaml, "# a comment\n");
	CHECK_INT(snapshot_save(src, state), 0);
	CHECK(snapshot_loads());
	CHECK(inode(snap, yaml) != yaml_ino);   /* copied again */
	CHECK(inode(snap, photo) == photo_ino); /* linked from the last one */
	yaml_ino = inode(snap, yaml);

	append("hall.yaml", "bogus_key: 1\n"); /* broken: the snapshot stays */
	CHECK_INT(snapshot_save(src, state), -1);
	CHECK(snapshot_loads());
	CHECK(inode(snap, yaml) == yaml_ino);
	char fresh[300];
	snprintf(fresh, sizeof fresh, "%s.new", snap);
	CHECK(access(fresh, F_OK) != 0); /* no half copy left behind */
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
	RUN(test_save_link_and_refuse);
	RUN(test_state_dir_choice);
	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", src, state);
	CHECK_INT(system(cmd), 0);
	return failures_ ? 1 : 0;
}
