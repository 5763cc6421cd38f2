#include "app/state_dir.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/log.h"
#include "live/snapshot.h"

/* path, a real folder (not a link) of uid's that nobody else may write. */
static int own_private_dir(const char *path, uid_t uid)
{
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return 0;
	return st.st_uid == uid && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

enum state_dir_kind state_dir_pick(const char *given, const char *system, const char *tmp,
                                   uid_t uid, char *buf, size_t size)
{
	struct stat st;
	if (snapshot_state_dir(given, buf, size) == 0)
		return STATE_DIR_SET;
	if (system && stat(system, &st) == 0 && S_ISDIR(st.st_mode) &&
	    access(system, W_OK | X_OK) == 0) {
		int n = snprintf(buf, size, "%s", system);
		if (n > 0 && (size_t)n < size)
			return STATE_DIR_SYSTEM;
	}
	int n = snprintf(buf, size, "%s/twinhall-%lu", tmp ? tmp : "/tmp", (unsigned long)uid);
	if (n > 0 && (size_t)n < size && (mkdir(buf, 0700) == 0 || errno == EEXIST) &&
	    own_private_dir(buf, uid))
		return STATE_DIR_TEMPORARY;
	if (size)
		buf[0] = '\0';
	return STATE_DIR_NONE;
}

enum state_dir_kind state_dir_find(const char *given, char *buf, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	enum state_dir_kind k = state_dir_pick(
	    given, STATE_DIR_SYSTEM_PATH, tmp && *tmp == '/' ? tmp : "/tmp", getuid(), buf, size);
	switch (k) {
	case STATE_DIR_SET:
		break;
	case STATE_DIR_SYSTEM:
		log_notice("neither STATE_DIRECTORY nor HOME is set: the last good copy of the "
		           "content is kept in %s",
		           buf);
		break;
	case STATE_DIR_TEMPORARY:
		log_warning("neither STATE_DIRECTORY nor HOME is set: the last good copy of the "
		            "content is kept in %s, which is lost at reboot (set STATE_DIRECTORY "
		            "or --state-dir)",
		            buf);
		break;
	case STATE_DIR_NONE:
		log_error("neither STATE_DIRECTORY nor HOME is set and no folder could be made: "
		          "no last good copy of the content is kept, so broken content at start "
		          "shows a notice (set STATE_DIRECTORY or --state-dir)");
		break;
	}
	return k;
}
