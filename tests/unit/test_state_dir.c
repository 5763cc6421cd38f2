/* Where the last good copy is kept when the environment names no place:
 * the environment's or --state-dir's folder first; else the system's
 * folder when writable; else a private folder under tmp; and only when
 * none of these can be had, none (said, never silent). */
#include "app/state_dir.h"
#include "test.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures_;

static char root[256];

static void no_environment(void)
{
	unsetenv("STATE_DIRECTORY");
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
}

static void test_given_and_environment_first(void)
{
	char buf[512];
	no_environment();
	CHECK_INT(state_dir_pick("/given", NULL, root, getuid(), buf, sizeof buf), STATE_DIR_SET);
	CHECK_STR(buf, "/given");
	setenv("HOME", "/home/hall", 1);
	CHECK_INT(state_dir_pick(NULL, NULL, root, getuid(), buf, sizeof buf), STATE_DIR_SET);
	CHECK_STR(buf, "/home/hall/.local/state/twinhall");
	setenv("STATE_DIRECTORY", "/var/lib/x:/var/lib/y", 1);
	CHECK_INT(state_dir_pick(NULL, NULL, root, getuid(), buf, sizeof buf), STATE_DIR_SET);
	CHECK_STR(buf, "/var/lib/x");
}

static void test_system_folder_when_writable(void)
{
	char buf[512], sys[512];
	no_environment();
	snprintf(sys, sizeof sys, "%s/system", root);
	mkdir(sys, 0755);
	CHECK_INT(state_dir_pick(NULL, sys, root, getuid(), buf, sizeof buf), STATE_DIR_SYSTEM);
	CHECK_STR(buf, sys);
	/* a file, or a folder that is not there, is no folder */
	snprintf(sys, sizeof sys, "%s/nothing", root);
	CHECK_INT(state_dir_pick(NULL, sys, root, getuid(), buf, sizeof buf), STATE_DIR_TEMPORARY);
}

static void test_temporary_folder_private(void)
{
	char buf[512], want[512];
	no_environment();
	snprintf(want, sizeof want, "%s/twinhall-%lu", root, (unsigned long)getuid());
	CHECK_INT(state_dir_pick(NULL, NULL, root, getuid(), buf, sizeof buf), STATE_DIR_TEMPORARY);
	CHECK_STR(buf, want);
	struct stat st;
	CHECK(lstat(want, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0700);
	/* made once, taken again */
	CHECK_INT(state_dir_pick(NULL, NULL, root, getuid(), buf, sizeof buf), STATE_DIR_TEMPORARY);
	/* someone else's folder, or one others may write, is not ours */
	CHECK_INT(state_dir_pick(NULL, NULL, root, getuid() + 1, buf, sizeof buf) ==
	              STATE_DIR_TEMPORARY,
	          0);
	chmod(want, 0777);
	CHECK_INT(state_dir_pick(NULL, NULL, root, getuid(), buf, sizeof buf), STATE_DIR_NONE);
	CHECK_STR(buf, "");
	/* nor is a link planted in its place */
	rmdir(want);
	CHECK(symlink("/", want) == 0);
	CHECK_INT(state_dir_pick(NULL, NULL, root, getuid(), buf, sizeof buf), STATE_DIR_NONE);
	unlink(want);
}

int main(void)
{
	snprintf(root, sizeof root, "/tmp/twinhall-test-state-XXXXXX");
	if (!mkdtemp(root))
		return 1;
	RUN(test_given_and_environment_first);
	RUN(test_system_folder_when_writable);
	RUN(test_temporary_folder_private);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0)
		return 1;
	return failures_ ? 1 : 0;
}
